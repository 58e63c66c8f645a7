/**
 * Values an adversary (or a broken tool) puts in a file that is otherwise well formed: the
 * checksum matches, every key is where it belongs, and yet the values would break a screen, a
 * link, a PDF or a score. Each test names the value and what the importer must say about it.
 * See docs/file-formats.md, "Limits".
 */
import fc from 'fast-check';
import { englishMessage } from './testing/problem-words';
import { describe, expect, it } from 'vitest';
import { assessmentIdProblem } from '../domain/field-rules';
import { scoreAssessment } from '../domain/scoring/score';
import { makeAssessment, makeQuestionnaire } from '../domain/testing/factories';
import { FUZZ_RUNS } from '../domain/testing/runs';
import { readAnswersCsv } from './answers-csv';
import { makeBackup, parseBackup, type BackupData, type BackupResult } from './backup';
import { makeBundle, parseBundle, sanitiseItem, type BundleResult } from './bundle';
import { BACKUP_FORMAT, BUNDLE_FORMAT, envelopeText, wrap } from './envelope';

const privacy = makeQuestionnaire('privacy', [
  { id: 'law', questions: [{ id: 'act' }, { id: 'notice', type: 'binary' }] }
]);

function bundleText(content: unknown): string {
  return envelopeText(wrap(BUNDLE_FORMAT, content, '0.1.0', '2026-11-28T09:30:00.000Z'));
}

/** A valid bundle's content with one assessment changed by `change`. */
function bundleWith(change: (assessment: Record<string, unknown>) => void): string {
  const assessment = makeAssessment({ questionnaires: [{ id: 'privacy', version: '1.0.0' }] });
  const content = structuredClone(
    makeBundle([{ assessment, answers: {} }], [privacy], { appVersion: '0.1.0' }).content
  ) as unknown as { assessments: { assessment: Record<string, unknown> }[] };
  change(content.assessments[0]!.assessment);
  return bundleText(content);
}

function problems(result: BundleResult | BackupResult): string[] {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map((i) => `${i.path}: ${englishMessage(i)}`);
}

function backupText(data: BackupData): string {
  return envelopeText(makeBackup(data, { appVersion: '0.1.0' }));
}

function backupWith(change: (assessment: Record<string, unknown>) => void): string {
  const assessment = makeAssessment({ questionnaires: [{ id: 'privacy', version: '1.0.0' }] });
  const raw = structuredClone(assessment) as unknown as Record<string, unknown>;
  change(raw);
  const content = {
    assessments: [raw],
    answers: [],
    summaries: [],
    questionnaires: [
      {
        key: 'privacy@1.0.0',
        id: 'privacy',
        version: '1.0.0',
        source: 'custom',
        content: privacy,
        storedAt: '2026-11-01T10:00:00.000Z'
      }
    ],
    meta: []
  };
  return envelopeText(wrap(BACKUP_FORMAT, content, '0.1.0', '2026-11-28T09:30:00.000Z'));
}

describe('one rule for ids, dates and countries in bundles and backups', () => {
  const ids = ['a/b', '100%', 'new', '__proto__', 'x'.repeat(101), 'a b', '../x'];
  it.each(ids)('refuses the assessment id %j in a bundle and in a backup', (id) => {
    const set = (a: Record<string, unknown>) => (a['id'] = id);
    expect(problems(parseBundle('b.json', bundleWith(set))).join('\n')).toMatch(
      /content\.assessments\[0\]\.assessment\.id: .*cannot be an assessment id/
    );
    expect(problems(parseBackup('k.json', backupWith(set))).join('\n')).toMatch(
      /content\.assessments\[0\]\.id: .*cannot be an assessment id/
    );
  });

  it.each(['2026-02-30', '2026-13-01', '0000-00-00'])('refuses the impossible date %s', (date) => {
    const result = parseBundle(
      'b.json',
      bundleWith((a) => (a['date'] = date))
    );
    expect(problems(result).join('\n')).toMatch(/assessment\.date: use a real date as YYYY-MM-DD/);
  });

  it('refuses impossible provenance and review dates too', () => {
    const result = parseBundle(
      'b.json',
      bundleWith((a) => {
        (a['provenance'] as Record<string, unknown>)['validatedOn'] = '2026-04-31';
        (a['narrative'] as Record<string, unknown>)['nextReviewDate'] = '2027-02-29';
      })
    );
    const lines = problems(result).join('\n');
    expect(lines).toMatch(/provenance\.validatedOn: use a real date/);
    expect(lines).toMatch(/narrative\.nextReviewDate: use a real date/);
  });

  it.each(['XX', 'ZZ', 'UK', 'ke'])('refuses the country %s, which is not assigned', (country) => {
    const result = parseBundle(
      'b.json',
      bundleWith((a) => (a['country'] = country))
    );
    expect(problems(result).join('\n')).toMatch(/assessment\.country: use an assigned ISO 3166-1/);
  });

  it(`accepts exactly the ids the shared rule accepts, in bundles and backups (${FUZZ_RUNS} inputs)`, () => {
    const id = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.stringMatching(/^[A-Za-z0-9._~%/-]{1,110}$/),
      fc.constantFrom('new', 'New', '__proto__', 'constructor', '.', '..', 'ke-2026', '%2F')
    );
    fc.assert(
      fc.property(id, (value) => {
        const set = (a: Record<string, unknown>) => (a['id'] = value);
        const expected = assessmentIdProblem(value) === null;
        expect(parseBundle('b.json', bundleWith(set)).ok).toBe(expected);
        expect(parseBackup('k.json', backupWith(set)).ok).toBe(expected);
        if (expected) expect(encodeURIComponent(value)).toBe(value);
      }),
      { numRuns: FUZZ_RUNS }
    );
  }, 120_000);

  it('still reads ids the app makes and ids a CSV may carry', () => {
    for (const id of ['6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', 'ke-2026', 'KE_2026.v2~a']) {
      const result = parseBundle(
        'b.json',
        bundleWith((a) => (a['id'] = id))
      );
      expect(result.ok).toBe(true);
    }
  });
});

describe('weights and scales that break sums', () => {
  function questionnaireBundle(change: (q: Record<string, unknown>) => void): string {
    const assessment = makeAssessment({ questionnaires: [{ id: 'privacy', version: '1.0.0' }] });
    const content = structuredClone(
      makeBundle([{ assessment, answers: {} }], [privacy], { appVersion: '0.1.0' }).content
    ) as unknown as { questionnaires: Record<string, unknown>[] };
    change(content.questionnaires[0]!);
    return bundleText(content);
  }
  const sections = (q: Record<string, unknown>) =>
    q['sections'] as {
      weight: number;
      weightReason?: string;
      questions: Record<string, unknown>[];
    }[];

  it('refuses a question weight above 100 (1e308 made NaN scores)', () => {
    const result = parseBundle(
      'b.json',
      questionnaireBundle((q) => {
        const question = sections(q)[0]!.questions[0]!;
        question['weight'] = 1e308;
        question['weightReason'] = 'hostile';
      })
    );
    expect(problems(result).join('\n')).toMatch(
      /content\.questionnaires\[0\]\.sections\[0\]\.questions\[0\]\.weight: .*100/
    );
  });

  it('refuses a section weight above 100', () => {
    const result = parseBundle(
      'b.json',
      questionnaireBundle((q) => {
        sections(q)[0]!.weight = 101;
        sections(q)[0]!.weightReason = 'hostile';
      })
    );
    expect(problems(result).join('\n')).toMatch(/sections\[0\]\.weight: .*100/);
  });

  it('refuses a scale of more than 20 levels and scale values beyond ±1,000', () => {
    const long = parseBundle(
      'b.json',
      questionnaireBundle((q) => {
        q['scale'] = Array.from({ length: 21 }, (_, i) => ({
          value: i + 1,
          label: `L${i + 1}`,
          description: 'd'
        }));
      })
    );
    expect(problems(long).join('\n')).toMatch(
      /questionnaires\[0\]\.scale: has more than 20 entries/
    );
    const huge = parseBundle(
      'b.json',
      questionnaireBundle((q) => {
        (q['scale'] as { value: number }[])[4]!.value = 1e300;
      })
    );
    expect(problems(huge).join('\n')).toMatch(/scale\[4\]\.value/);
  });

  it(`any questionnaire the schema accepts scores finitely, whatever its weights (${FUZZ_RUNS} inputs)`, () => {
    const weight = fc.oneof(
      fc.double({ min: Number.MIN_VALUE, max: 1e308, noNaN: true }),
      fc.constantFrom(1e308, 100, 1e-300, Number.MIN_VALUE, 0.5)
    );
    fc.assert(
      fc.property(weight, weight, weight, (w1, w2, sectionWeight) => {
        const assessment = makeAssessment({
          questionnaires: [{ id: 'privacy', version: '1.0.0' }]
        });
        const text = questionnaireBundle((q) => {
          const [section] = sections(q);
          section!.weight = sectionWeight;
          section!.weightReason = 'generated';
          section!.questions[0]!['weight'] = w1;
          section!.questions[0]!['weightReason'] = 'generated';
          section!.questions[1]!['weight'] = w2;
          section!.questions[1]!['weightReason'] = 'generated';
        });
        const result = parseBundle('b.json', text);
        if (!result.ok) return;
        const [q] = result.bundle.questionnaires;
        const scores = scoreAssessment({
          questionnaires: [q!],
          answers: {
            'privacy/act': { state: 'level', level: 4 },
            'privacy/notice': { state: 'level', level: 'partial' }
          },
          target: assessment.target
        });
        // A weighted mean of 0.75 (level 4 of 1–5) and 0.5 (partial) lies between the two.
        const score = scores.score ?? Number.NaN;
        expect(score).toBeGreaterThanOrEqual(0.5 - 1e-9);
        expect(score).toBeLessThanOrEqual(0.75 + 1e-9);
        expect(Number.isFinite(scores.targetScore ?? Number.NaN)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS }
    );
  }, 120_000);
});

describe('text that is too long for a screen or a page', () => {
  it('refuses a 20,000-character assessment title, naming the field and the limit', () => {
    const result = parseBundle(
      'b.json',
      bundleWith((a) => (a['title'] = 'T'.repeat(20_000)))
    );
    expect(problems(result).join('\n')).toMatch(/assessment\.title: is longer than 300 characters/);
  });

  it('refuses evidence longer than 20,000 characters in a bundle answer', () => {
    const assessment = makeAssessment({ questionnaires: [{ id: 'privacy', version: '1.0.0' }] });
    const envelope = makeBundle(
      [
        {
          assessment,
          answers: { 'privacy/act': { state: 'level', level: 3, evidence: 'e'.repeat(20_001) } }
        }
      ],
      [privacy],
      { appVersion: '0.1.0' }
    );
    expect(problems(parseBundle('b.json', envelopeText(envelope))).join('\n')).toMatch(
      /answers\["privacy\/act"\]\.evidence: is longer than 20,000 characters/
    );
  });

  it('refuses a questionnaire title longer than 300 characters', () => {
    const assessment = makeAssessment({ questionnaires: [{ id: 'privacy', version: '1.0.0' }] });
    const content = structuredClone(
      makeBundle([{ assessment, answers: {} }], [privacy], { appVersion: '0.1.0' }).content
    ) as unknown as { questionnaires: Record<string, unknown>[] };
    content.questionnaires[0]!['title'] = 'Q'.repeat(301);
    expect(problems(parseBundle('b.json', bundleText(content))).join('\n')).toMatch(
      /questionnaires\[0\]\.title: is longer than 300 characters/
    );
  });

  it('refuses an evidence cell longer than 20,000 characters in an answers CSV, naming row and column', () => {
    const csv =
      'questionnaire_id,question_id,level,evidence\r\n' + `privacy,act,3,${'e'.repeat(20_001)}\r\n`;
    const result = readAnswersCsv('a.csv', csv, [privacy]);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'a.csv',
        row: 2,
        column: 'evidence',
        code: 'csv.text-too-long'
      })
    ]);
    expect(englishMessage(result.problems[0])).toMatch(/longer than 20,000 characters/);
  });
});

describe('files too long to check on a page', () => {
  it('refuses an answers CSV of more than 200,000 rows, naming the first row too many', () => {
    const rows = 'privacy,act,3\r\n'.repeat(200_001);
    const result = readAnswersCsv('big.csv', `questionnaire_id,question_id,level\r\n${rows}`, [
      privacy
    ]);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'big.csv',
        row: 200_002,
        code: 'csv.too-many-rows'
      })
    ]);
    expect(englishMessage(result.problems[0])).toMatch(/more than 200,000 rows/);
  }, 60_000);
});

describe('nesting deeper than any file the app writes', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it.each([5_000, 100_000])('reports a bundle nested %i deep instead of throwing', (depth) => {
    const text = `{"format":"ncs-assessment-bundle","formatVersion":1,"appVersion":"0.1.0","exportedAt":"2026-11-28T09:30:00.000Z","content":${deep(depth)},"sha256":"00"}`;
    const result = parseBundle('deep.json', text);
    expect(problems(result).join('\n')).toMatch(/nested too deeply/);
  });

  it('reports a backup nested 5,000 deep instead of throwing', () => {
    const text = `{"format":"ncs-backup","formatVersion":1,"appVersion":"0.1.0","exportedAt":"2026-11-28T09:30:00.000Z","content":{"assessments":${deep(5_000)}},"sha256":"00"}`;
    expect(problems(parseBackup('deep.json', text)).join('\n')).toMatch(/nested too deeply/);
  });
});

describe('the sanitised copy', () => {
  it('drops reopening reasons, which name people', () => {
    const assessment = makeAssessment({
      reopenings: [{ at: '2026-11-02T10:00:00.000Z', reason: 'Dr. Jane Doe found an error' }]
    });
    const sanitised = sanitiseItem({ assessment, answers: {} });
    expect(JSON.stringify(sanitised)).not.toContain('Jane Doe');
    expect(sanitised.assessment.reopenings).toEqual([]);
  });
});

describe('level words are not looked up on Object.prototype', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'reports the level %j as not a level',
    (word) => {
      const csv = `questionnaire_id,question_id,level\r\nprivacy,act,${word}\r\nprivacy,notice,${word}\r\n`;
      const result = readAnswersCsv('a.csv', csv, [privacy]);
      if (result.ok) throw new Error('expected a refusal');
      expect(result.problems.map((p) => [p.row, p.column])).toEqual([
        [2, 'level'],
        [3, 'level']
      ]);
      expect(englishMessage(result.problems[0]!)).toMatch(
        /is not a level of "Questionnaire privacy"/
      );
      expect(englishMessage(result.problems[1]!)).toMatch(/write yes, partial or no/);
    }
  );

  it('reports the state "constructor" as not a state', () => {
    const csv = 'questionnaire_id,question_id,level,state\r\nprivacy,act,3,constructor\r\n';
    const result = readAnswersCsv('a.csv', csv, [privacy]);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'state',
        code: 'csv.state-unknown'
      })
    ]);
    expect(englishMessage(result.problems[0])).toMatch(/not a state/);
  });
});

describe('a backup written by this app still reads', () => {
  it('round-trips an assessment that passes every limit', () => {
    const assessment = makeAssessment({
      questionnaires: [{ id: 'privacy', version: '1.0.0' }],
      title: 'T'.repeat(300)
    });
    const text = backupText({
      assessments: [assessment],
      answers: [{ assessmentId: assessment.id, answers: {} }],
      summaries: [],
      questionnaires: [
        {
          key: 'privacy@1.0.0',
          id: 'privacy',
          version: '1.0.0',
          source: 'custom',
          content: privacy,
          storedAt: '2026-11-01T10:00:00.000Z'
        }
      ],
      meta: [],
      actions: [],
      groupAnswers: []
    });
    expect(parseBackup('b.json', text).ok).toBe(true);
  });
});
