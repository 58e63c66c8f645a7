import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnswerMap } from '../domain/assessment/model';
import { scoreAssessment } from '../domain/scoring/score';
import { makeQuestionnaire } from '../domain/testing/factories';
import { readAnswersCsv } from './answers-csv';
import { BOM } from './csv';
import { parseQuestionnaireText } from './questionnaire-file';
import { RESULTS_HEADER, writeResultsCsv } from './results-csv';

const HEADER =
  'assessment_id,country,assessment_date,scope,questionnaire_id,section_id,score,target_score,gap,stage,completion,coverage,provisional,questionnaire_title,section_title,assessment_scope';

// Worked by hand in the comments below (docs/scoring.md); the CSV must show exactly these figures.
const P = makeQuestionnaire('p', [
  { id: 'law', weight: 2, questions: [{ id: 'm1' }, { id: 'm2', weight: 3 }] },
  {
    id: 'ops',
    questions: [
      { id: 'b1', type: 'binary' },
      { id: 'm3', naAllowed: true }
    ]
  }
]);
const Q2 = makeQuestionnaire('q2', [{ id: 'only', questions: [{ id: 'x' }] }], {
  scale: [
    { value: 0, label: 'None', description: 'Nothing.' },
    { value: 1, label: 'Basic', description: 'Some.' },
    { value: 2, label: 'Good', description: 'Working.' },
    { value: 3, label: 'Best', description: 'Leading.' }
  ],
  defaultTarget: 2
});

describe('writeResultsCsv', () => {
  it('has the exact header from docs/file-formats.md', () => {
    expect(RESULTS_HEADER.join(',')).toBe(HEADER);
  });

  it('writes overall, then each questionnaire and its sections, with hand-worked figures', () => {
    const full: AnswerMap = {
      'p/m1': { state: 'level', level: 5 }, // s = 1, target max(3, 5) = 5 → 1
      'p/m2': { state: 'level', level: 2 }, // s = 0.25 (w 3), target 3 → 0.5
      'p/b1': { state: 'level', level: 'no' }, // s = 0, target yes → 1
      'p/m3': { state: 'na', naReason: 'No regions' },
      'q2/x': { state: 'level', level: 1 } // s = 1/3, target 2 → 2/3
    };
    // law = (1 + 3·0.25) / 4 = 0.4375, target (1 + 3·0.5) / 4 = 0.625, stage Formative
    // (m1 holds 0.5 of 2 at ≥ 3); ops = 0, target 1; p = (2·0.4375 + 0) / 3 = 0.2917,
    // target (2·0.625 + 1) / 3 = 0.75; overall = mean(0.2917, 0.3333) = 0.3125, target
    // mean(0.75, 0.6667) = 0.7083; the scales differ, so no overall stage.
    const partial: AnswerMap = { 'p/m1': { state: 'level', level: 3 } };
    // assessment target 4: law = 0.5, target 0.75; coverage 1/2 (law), 0/2 (ops), 1/4 (p).
    const csv = writeResultsCsv([
      {
        assessment: { id: 'a', country: 'KE', date: '2026-11-01' },
        result: scoreAssessment({ questionnaires: [P, Q2], answers: full })
      },
      {
        assessment: { id: 'b', country: 'JM', date: '2025-06-30' },
        result: scoreAssessment({ questionnaires: [P], answers: partial, target: 4 })
      }
    ]);
    expect(csv).toBe(
      BOM +
        [
          HEADER,
          'a,KE,2026-11-01,overall,,,31.3,70.8,39.6,,100.0,100.0,no,,,full',
          'a,KE,2026-11-01,questionnaire,p,,29.2,75.0,45.8,Formative,100.0,100.0,no,Questionnaire p,,full',
          'a,KE,2026-11-01,section,p,law,43.8,62.5,18.8,Formative,100.0,100.0,no,Questionnaire p,Section law,full',
          'a,KE,2026-11-01,section,p,ops,0.0,100.0,100.0,,100.0,100.0,no,Questionnaire p,Section ops,full',
          'a,KE,2026-11-01,questionnaire,q2,,33.3,66.7,33.3,Basic,100.0,100.0,no,Questionnaire q2,,full',
          'a,KE,2026-11-01,section,q2,only,33.3,66.7,33.3,Basic,100.0,100.0,no,Questionnaire q2,Section only,full',
          // Provisional (coverage below 70%): no stage in any scope (rule 6 as amended).
          'b,JM,2025-06-30,overall,,,50.0,75.0,25.0,,25.0,25.0,yes,,,full',
          'b,JM,2025-06-30,questionnaire,p,,50.0,75.0,25.0,,25.0,25.0,yes,Questionnaire p,,full',
          'b,JM,2025-06-30,section,p,law,50.0,75.0,25.0,,50.0,50.0,yes,Questionnaire p,Section law,full',
          // No score: empty figures and never provisional, whatever the coverage.
          'b,JM,2025-06-30,section,p,ops,,,,,0.0,0.0,no,Questionnaire p,Section ops,full'
        ]
          .map((line) => line + '\r\n')
          .join('')
    );
  });

  it('leaves every figure empty for an assessment with no answers', () => {
    const csv = writeResultsCsv([
      {
        assessment: { id: 'c', country: 'GB', date: '2026-01-01' },
        result: scoreAssessment({ questionnaires: [Q2], answers: {} })
      }
    ]);
    expect(csv.split('\r\n')[1]).toBe('c,GB,2026-01-01,overall,,,,,,,0.0,0.0,no,,,full');
  });

  it('neutralises an assessment id that a spreadsheet would run as a formula', () => {
    const csv = writeResultsCsv([
      {
        assessment: { id: '=2+2', country: 'GB', date: '2026-01-01' },
        result: scoreAssessment({ questionnaires: [Q2], answers: {} })
      }
    ]);
    expect(csv.split('\r\n')[1]!.startsWith("'=2+2,GB,")).toBe(true);
  });
});

describe('npm run score (scripts/score.ts)', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const score = (...args: string[]) =>
    spawnSync('node_modules/.bin/tsx', ['scripts/score.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000
    });

  it('prints the results CSV of every assessment in the file, as the app exports it', () => {
    const run = score(
      '--questionnaire',
      fixture('mini.yaml'),
      '--answers',
      fixture('mini-answers.csv')
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Worked by hand in the fixture's terms: ke-2026 answers everything (dpo is N/A), ug-2026
    // knows one law question and aims at 4.
    expect(run.stdout).toBe(
      BOM +
        [
          HEADER,
          'ke-2026,KE,2026-11-01,overall,,,50.0,75.0,25.0,Formative,100.0,100.0,no,,,full',
          'ke-2026,KE,2026-11-01,questionnaire,mini,,50.0,75.0,25.0,Formative,100.0,100.0,no,Mini data protection,,full',
          'ke-2026,KE,2026-11-01,section,mini,law,50.0,62.5,12.5,Formative,100.0,100.0,no,Mini data protection,Law,full',
          'ke-2026,KE,2026-11-01,section,mini,practice,50.0,100.0,50.0,,100.0,100.0,no,Mini data protection,Practice,full',
          // One answer of four: provisional, so no stage is claimed.
          'ug-2026,UG,2026-10-15,overall,,,50.0,75.0,25.0,,60.0,25.0,yes,,,full',
          'ug-2026,UG,2026-10-15,questionnaire,mini,,50.0,75.0,25.0,,60.0,25.0,yes,Mini data protection,,full',
          'ug-2026,UG,2026-10-15,section,mini,law,50.0,75.0,25.0,,100.0,50.0,yes,Mini data protection,Law,full',
          'ug-2026,UG,2026-10-15,section,mini,practice,,,,,33.3,0.0,no,Mini data protection,Practice,full'
        ]
          .map((line) => line + '\r\n')
          .join('')
    );

    // The same bytes as the in-app path: read, score, write.
    const parsedQ = parseQuestionnaireText('mini.yaml', readFileSync(fixture('mini.yaml'), 'utf8'));
    if (!parsedQ.ok) throw new Error('fixture questionnaire is invalid');
    const read = readAnswersCsv(
      'mini-answers.csv',
      new Uint8Array(readFileSync(fixture('mini-answers.csv'))),
      [parsedQ.questionnaire],
      { createAssessments: true }
    );
    if (!read.ok) throw new Error('fixture answers are invalid');
    const inApp = writeResultsCsv(
      read.assessments.map((a) => ({
        assessment: { id: a.id!, country: a.details!.country, date: a.details!.date },
        result: scoreAssessment({
          questionnaires: [parsedQ.questionnaire],
          answers: a.answers,
          target: a.details!.target
        })
      }))
    );
    expect(run.stdout).toBe(inApp);
  }, 60_000);

  it('prints every problem as file:row:column: message and exits 1', () => {
    const answers = fixture('mini-answers-bad.csv');
    const run = score('--questionnaire', fixture('mini.yaml'), '--answers', answers);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${answers}:2:level: level "7" is outside the scale of "Mini data protection" (1 to 5): write 1, 2, 3, 4, 5 or a label (Start-up, Formative, Established, Strategic, Dynamic)`,
      `${answers}:3:question_id: "Mini data protection" 1.0.0 has no question "no-such-question": correct the id (the answer template lists them) or delete the row`,
      `${answers}:4:country: "Kenya" differs from "KE" on row 2 of the same assessment: use one value on all its rows (or leave the cell empty)`
    ]);
  }, 60_000);

  it('applies caps and the core scope to a second-edition answers file', () => {
    const run = score(
      '--questionnaire',
      fixture('mini-second.yaml'),
      '--answers',
      fixture('mini-second-answers.csv')
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\r\n');
    // ke-core, core scope: takedown 4 counts as 2 (oversight 2 is below 3): (2 − 1) / 4 = 0.25;
    // oversight 0.25; appeal yes 1 → (0.25 + 0.25 + 1) / 3 = 50.0; target (0.5 + 0.5 + 1) / 3 =
    // 66.7. Its industry-forum row is not core and is ignored; research has no core question.
    expect(lines.slice(1, 5)).toEqual([
      'ke-core,KE,2026-11-01,overall,,,50.0,66.7,16.7,Formative,100.0,100.0,no,,,core',
      'ke-core,KE,2026-11-01,questionnaire,mini-second,,50.0,66.7,16.7,Formative,100.0,100.0,no,Mini online extremism,,core',
      'ke-core,KE,2026-11-01,section,mini-second,response,50.0,66.7,16.7,Formative,100.0,100.0,no,Mini online extremism,Response,core',
      'ke-core,KE,2026-11-01,section,mini-second,cooperation,,,,,100.0,,no,Mini online extremism,Cooperation,core'
    ]);
    // ug-full: oversight 3 and appeal yes meet the cap's conditions, so takedown counts 4: 0.75.
    expect(lines[7]).toBe(
      'ug-full,UG,2026-10-15,section,mini-second,response,75.0,75.0,0.0,Established,100.0,100.0,no,Mini online extremism,Response,full'
    );
    expect(lines[9]!.endsWith(',Research,full')).toBe(true);
  }, 60_000);

  it('takes the questionnaires in the order they first appear in the answers file', () => {
    // mini.yaml is named first on the command line, but the file answers mini-second first.
    const header =
      'country,assessment_id,assessment_title,assessment_date,questionnaire_id,question_id,level';
    const answers = join(mkdtempSync(join(tmpdir(), 'score-order-')), 'answers.csv');
    writeFileSync(
      answers,
      [
        header,
        'KE,ke-mix,Kenya 2026,2026-11-01,mini-second,oversight,3',
        'KE,ke-mix,Kenya 2026,2026-11-01,mini,data-law,4',
        'KE,ke-mix,Kenya 2026,2026-11-01,mini-second,takedown,5'
      ].join('\r\n')
    );
    const run = score(
      '--questionnaire',
      fixture('mini.yaml'),
      fixture('mini-second.yaml'),
      '--answers',
      answers
    );
    expect(run.stderr).toBe('');
    const rows = run.stdout.split('\r\n').slice(1, -1);
    const questionnaireRows = rows.filter((r) => r.split(',')[3] === 'questionnaire');
    expect(questionnaireRows.map((r) => r.split(',')[4])).toEqual(['mini-second', 'mini']);
  }, 60_000);

  it('exits 2 with the usage when an argument is missing', () => {
    const run = score('--questionnaire', fixture('mini.yaml'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run score -- --questionnaire');
  }, 60_000);
});
