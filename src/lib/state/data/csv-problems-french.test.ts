/**
 * docs/languages.md, "Problems": what a French user reads when an answers CSV is refused is
 * French throughout — every problem has its own message, none falls back to an English sentence
 * written in code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessmentSchema } from '$lib/domain/assessment/model';
import type { FileProblem } from '$lib/domain/problems';
import { schemaIssues } from '$lib/domain/schema-problems';
import { makeAssessment } from '$lib/domain/testing/factories';
import { readAnswersCsv } from '$lib/io/answers-csv';
import { parseQuestionnaireText } from '$lib/io/questionnaire-file';
import { mini } from '$lib/io/testing/workshop-fixture';
import { hasProblemMessage, problemMessage } from '../problem-text';
import { csvBundle } from './import-planning';

const second = (() => {
  const path = join(process.cwd(), 'src/lib/io/fixtures/mini-second.yaml');
  const read = parseQuestionnaireText('mini-second.yaml', readFileSync(path, 'utf8'));
  if (!read.ok) throw new Error('fixture mini-second.yaml must be valid');
  return read.questionnaire;
})();

/** As the import hands them to the reader in the French interface: titled in French. */
const catalogue = [
  { ...mini, title: 'Mini protection des données' },
  { ...second, title: 'Mini deuxième édition' }
];

/** Each problem in French: its own message, and not the English sentence. */
function expectFrench(problems: readonly FileProblem[]) {
  for (const p of problems) {
    expect({ code: p.code, own: hasProblemMessage(p.code) }).toEqual({ code: p.code, own: true });
    expect(p.code).not.toBe('schema.custom');
    expect(problemMessage(p, 'fr')).not.toBe(problemMessage(p, 'en'));
  }
}

describe('an answers CSV refused in the French interface', () => {
  it('says every mistake of its rows in French, naming questionnaires by their French title', () => {
    // One file per mistake, so no row hides another (a question answered twice).
    const rows = [
      'nowhere,data-law,3,,,',
      'mini,nope,3,,,',
      'mini,data-law,9,,,',
      'mini,data-law,Great,,,',
      'mini,breach-notice,maybe,,,',
      'mini,regulator,,wobbly,,',
      'mini,regulator,,level,,',
      'mini,regulator,3,unknown,,',
      'mini,data-law,,na,,',
      'mini,dpo,,na,,',
      'mini,breach-notice,yes,,,3',
      'mini,treaty,3,,,9',
      'mini,treaty,3,,,,surplus',
      'mini-second,christchurch-call,maybe,,,'
    ];
    const problems = rows.flatMap((row) => {
      const header = 'questionnaire_id,question_id,level,state,na_reason,target';
      const result = readAnswersCsv('réponses.csv', `${header}\r\n${row}\r\n`, catalogue);
      expect(result.ok).toBe(false);
      return result.ok ? [] : result.problems;
    });
    const codes = new Set(problems.map((p) => p.code));
    for (const code of [
      'csv.questionnaire-unknown',
      'csv.question-unknown',
      'csv.level-off-scale',
      'csv.level-unknown',
      'csv.binary-unknown',
      'csv.state-unknown',
      'csv.level-missing',
      'csv.level-contradicts-state',
      'csv.na-not-allowed',
      'csv.target-on-binary',
      'csv.row-too-wide',
      'csv.option-unknown'
    ]) {
      expect(codes).toContain(code);
    }
    expectFrench(problems);
    const unknown = problems.find((p) => p.code === 'csv.question-unknown')!;
    expect(problemMessage(unknown, 'fr')).toContain('Mini protection des données');
    const known = problems.find((p) => p.code === 'csv.questionnaire-unknown')!;
    expect(problemMessage(known, 'fr')).toContain('Mini deuxième édition (mini-second)');
  });

  it('says in French why a full assessment is not narrowed to its core questions', () => {
    const parsed = readAnswersCsv(
      'a.csv',
      'country,assessment_id,assessment_title,assessment_date,assessment_scope,questionnaire_id,question_id,level\r\n' +
        'KE,ke-2026,Kenya,2026-11-01,core,mini,data-law,3\r\n',
      catalogue,
      { createAssessments: true }
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const existing = makeAssessment({
      id: 'ke-2026',
      questionnaires: [{ id: 'mini', version: mini.version }]
    });
    const result = csvBundle(
      'a.csv',
      parsed.assessments,
      catalogue,
      new Map([['ke-2026', existing]]),
      '2026-12-07T10:00:00.000Z'
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        file: 'a.csv',
        row: 2,
        column: 'assessment_scope',
        code: 'csv.scope-narrowed',
        params: { id: 'ke-2026' }
      }
    ]);
    expectFrench(result.problems);
    expect(problemMessage(result.problems[0]!, 'fr')).toContain(
      'une évaluation complète n’est jamais réduite au socle'
    );
  });

  it('words the group list of a new workshop in French when it is wrong', () => {
    const candidate = makeAssessment({
      groups: [
        { id: 'academia', name: 'Academia', kind: 'academia', observer: false },
        { id: 'academia', name: ' academia ', kind: 'academia', observer: false },
        { id: 'Bad id', name: '', kind: 'other', observer: false }
      ]
    });
    const checked = assessmentSchema.safeParse(candidate);
    expect(checked.success).toBe(false);
    if (checked.success) return;
    const problems: FileProblem[] = schemaIssues(checked.error.issues, candidate).map((i) => ({
      file: 'a.csv',
      code: i.code,
      ...(i.params ? { params: i.params } : {})
    }));
    expect(problems.map((p) => p.code)).toEqual(
      expect.arrayContaining([
        'group.id-duplicate',
        'group.id-pattern',
        'group.name-duplicate',
        'group.name-empty'
      ])
    );
    expectFrench(problems);
    const duplicate = problems.find((p) => p.code === 'group.name-duplicate')!;
    expect(problemMessage(duplicate, 'fr')).toBe(
      'deux groupes s’appellent «\u00a0academia\u00a0»\u00a0: donnez à chaque groupe son propre nom'
    );
  });
});
