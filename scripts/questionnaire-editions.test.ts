import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileQuestionnaires } from './questionnaire-compile';
import { parseQuestionnaireText } from '../src/lib/io/questionnaire-file';
import { makeBundle, parseBundle } from '../src/lib/io/bundle';
import { problemLine } from '../src/lib/state/problem-text';
import { envelopeText } from '../src/lib/io/envelope';
import { makeAssessment } from '../src/lib/domain/testing/factories';
import { scoreAssessment } from '../src/lib/domain/scoring/score';
import { questionnaireDigest } from '../src/lib/domain/known-questionnaires';
import type { Questionnaire } from '../src/lib/domain/questionnaire/schema';
import type { AnswerMap } from '../src/lib/domain/assessment/model';

const FIRST = 'questionnaires/editions/privacy-data-protection-1.0.0.yaml';

function load(path: string): Questionnaire {
  const result = parseQuestionnaireText(path, readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path} is not valid`);
  return result.questionnaire;
}

/**
 * A project whose current privacy file is a second edition (made here from the first: one section
 * fewer, so the same answers score differently) and whose editions folder holds the first.
 */
function projectWithSecondEdition(): { root: string; out: string; second: Questionnaire } {
  const root = mkdtempSync(join(tmpdir(), 'ncs-editions-'));
  mkdirSync(join(root, 'questionnaires', 'editions'), { recursive: true });
  const first = load(FIRST);
  const second: Questionnaire = { ...first, version: '2.0.0', sections: first.sections.slice(1) };
  // JSON is YAML: the build reads it like any questionnaire file.
  writeFileSync(
    join(root, 'questionnaires', 'privacy-data-protection.yaml'),
    JSON.stringify(second)
  );
  copyFileSync(
    FIRST,
    join(root, 'questionnaires', 'editions', 'privacy-data-protection-1.0.0.yaml')
  );
  return { root, out: join(root, 'out'), second };
}

/** Answers to every question of a questionnaire: level 2 in the first section, else level 4. */
function answersFor(q: Questionnaire): AnswerMap {
  const answers: AnswerMap = {};
  q.sections.forEach((section, si) => {
    for (const question of section.questions) {
      const key = `${q.id}/${question.id}`;
      if (question.type === 'maturity') answers[key] = { state: 'level', level: si === 0 ? 2 : 4 };
      else if (question.type === 'binary') answers[key] = { state: 'level', level: 'partial' };
    }
  });
  return answers;
}

describe('earlier editions of the built-in questionnaires', () => {
  it('are compiled and indexed apart: a new assessment is offered only the current edition', () => {
    const { root, out } = projectWithSecondEdition();
    const { index, editions } = compileQuestionnaires(root, out);
    expect(index.map((e) => `${e.id}@${e.version}`)).toEqual(['privacy-data-protection@2.0.0']);
    expect(editions).toEqual([
      {
        id: 'privacy-data-protection',
        version: '1.0.0',
        file: 'questionnaires/privacy-data-protection-1.0.0.json',
        sha256: questionnaireDigest(load(FIRST))
      }
    ]);
    expect(existsSync(join(out, 'privacy-data-protection-1.0.0.json'))).toBe(true);
    expect(existsSync(join(out, 'privacy-data-protection-2.0.0.json'))).toBe(true);
  });

  it('an assessment pinned to 1.0.0 scores the same after 2.0.0 exists', () => {
    const { root, out, second } = projectWithSecondEdition();
    compileQuestionnaires(root, out);
    const shippedFirst = JSON.parse(
      readFileSync(join(out, 'privacy-data-protection-1.0.0.json'), 'utf8')
    ) as Questionnaire;
    const original = load(FIRST);
    const answers = answersFor(original);
    const before = scoreAssessment({ questionnaires: [original], answers });
    const after = scoreAssessment({ questionnaires: [shippedFirst], answers });
    expect(before.score).not.toBeNull();
    expect(after).toEqual(before);
    // The second edition would score the same answers differently: the pin is what keeps them.
    expect(scoreAssessment({ questionnaires: [second], answers }).score).not.toBe(before.score);
  });

  it('a bundle carrying a changed 1.0.0 is refused; the unchanged 1.0.0 is accepted', () => {
    const { root, out } = projectWithSecondEdition();
    const { index, editions } = compileQuestionnaires(root, out);
    const shipped = new Map([...index, ...editions].map((e) => [`${e.id}@${e.version}`, e.sha256]));
    const first = load(FIRST);
    const assessment = makeAssessment({
      questionnaires: [{ id: first.id, version: first.version }]
    });
    const bundleWith = (q: Questionnaire) =>
      envelopeText(makeBundle([{ assessment, answers: {} }], [q], { appVersion: '0.1.0' }));

    const changed: Questionnaire = { ...first, title: 'Privacy, quietly edited' };
    const refused = parseBundle('changed.json', bundleWith(changed), { shipped });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.problems.map(problemLine).join('\n')).toContain(
      'version 1.0.0 has the id and version of a questionnaire built into this app, but its content differs'
    );
    expect(parseBundle('same.json', bundleWith(first), { shipped }).ok).toBe(true);
  });

  it('stops the build when an edition is not earlier than the current file, or misnamed', () => {
    const { root, out } = projectWithSecondEdition();
    copyFileSync(FIRST, join(root, 'questionnaires', 'editions', 'privacy-1.yaml'));
    writeFileSync(
      join(root, 'questionnaires', 'editions', 'privacy-data-protection-3.0.0.yaml'),
      JSON.stringify({ ...load(FIRST), version: '3.0.0' })
    );
    expect(() => compileQuestionnaires(root, out)).toThrow(
      /privacy-1\.yaml: name the file privacy-data-protection-1\.0\.0\.yaml[\s\S]*a second file for privacy-data-protection 1\.0\.0[\s\S]*version 3\.0\.0 is not earlier than the current 2\.0\.0/
    );
    expect(existsSync(out)).toBe(false);
  });

  it('the first editions are kept byte for byte, and this build ships every one of them', () => {
    // SHA-256 of each file as the first release shipped it.
    const firstRelease: Record<string, string> = {
      'cross-border-cooperation':
        '1a4ae85a24144e5ec6281e6377686ad0647477edb1d00f48e18cd17bfbf5c238',
      'cyber-standards': '763b442a0e3952f105487669e173cf57dd6e77c6ff9244bc011a608bcd3ee4d5',
      'cyberspace-extremism': 'e5014353e5b6fbeb6d3c7c1c7f6632d356df69534d7a08bc3eb6a654acaa91e8',
      'national-strategy': '814be8312f52ba2d49458535aca7dc348d7c2b78d0a60d9c5d4e4ab4e51ad0a3',
      'privacy-data-protection': '5f5efbaf445efe026a6b33d0d12e214bbebc00f1673b8ff4f73cae735fb5143f'
    };
    const out = join(mkdtempSync(join(tmpdir(), 'ncs-editions-')), 'out');
    const { index, editions } = compileQuestionnaires(process.cwd(), out);
    const shipped = new Map([...index, ...editions].map((e) => [`${e.id}@${e.version}`, e.sha256]));
    for (const [id, bytes] of Object.entries(firstRelease)) {
      const path = `questionnaires/editions/${id}-1.0.0.yaml`;
      expect(createHash('sha256').update(readFileSync(path)).digest('hex'), path).toBe(bytes);
      expect(shipped.get(`${id}@1.0.0`), path).toBe(questionnaireDigest(load(path)));
    }
  });
});
