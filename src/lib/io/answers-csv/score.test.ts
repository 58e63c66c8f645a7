import { describe, expect, it } from 'vitest';
import { summarizerFor } from '../../domain/assessment/summary';
import { scoreRead } from './score';
import { checkAnswerRows, parseAnswersFile, readAnswersCsv } from './read';
import { ALPHA, AVAILABLE, GAMMA, HEADER, assessmentsOf, file, read } from './test-fixtures';

/** A row of the full header with the cells a test names. */
function row(cells: Partial<Record<string, string>>): string {
  return HEADER.split(',')
    .map((column) => cells[column] ?? '')
    .join(',');
}
const ke = {
  country: 'KE',
  assessment_id: 'ke',
  assessment_title: 'Kenya',
  assessment_date: '2026-11-01',
  assessment_target: '4'
};
const fj = { ...ke, country: 'FJ', assessment_id: 'fj', assessment_title: 'Fiji' };
const text = file(
  HEADER,
  row({ ...ke, questionnaire_id: 'alpha', question_id: 'm1', level: '3' }),
  row({ ...ke, questionnaire_id: 'alpha', question_id: 'b1', level: 'yes' }),
  row({ ...fj, questionnaire_id: 'omega', question_id: 'takedown', level: '4' }),
  row({ ...fj, questionnaire_id: 'omega', question_id: 'appeal', level: 'no' }),
  row({ ...ke, questionnaire_id: 'alpha', question_id: 'm2', state: 'na', na_reason: 'None' })
);

describe('scoreRead: the summaries the import worker computes', () => {
  it('gives each assessment the figures summarizerFor gives its answers, in the order asked', () => {
    const result = read(text, { createAssessments: true });
    const [kenya, fiji] = assessmentsOf(result);
    const asked = [
      { id: 'fj', questionnaires: [{ id: 'omega', version: GAMMA.version }], target: 3 },
      // An existing assessment may lend a target the file left blank: the one sent counts.
      { id: 'ke', questionnaires: [{ id: 'alpha', version: ALPHA.version }], target: 2 }
    ];
    const figures = scoreRead(asked, result, AVAILABLE);
    expect(figures).toEqual([
      summarizerFor([GAMMA])(fiji!.answers, { target: 3 }),
      summarizerFor([ALPHA])(kenya!.answers, { target: 2 })
    ]);
    expect(figures.map((f) => f.answered)).toEqual([2, 3]);
    // The target is read: another target gives another target score.
    const other = scoreRead([{ ...asked[1]!, target: 5 }], result, AVAILABLE)[0]!;
    expect(other.overall.targetScore).not.toBe(figures[1]!.overall.targetScore);
  });

  it('scores over the core set for a core assessment, as the import would', () => {
    const result = read(text, { createAssessments: true });
    const [, fiji] = assessmentsOf(result);
    const pins = [{ id: 'omega', version: GAMMA.version }];
    const [core] = scoreRead(
      [{ id: 'fj', questionnaires: pins, target: 3, scope: 'core' }],
      result,
      AVAILABLE
    );
    expect(core).toEqual(summarizerFor([GAMMA])(fiji!.answers, { target: 3, scope: 'core' }));
    expect(core!.total).toBe(3);
  });

  it('refuses to score a file that failed its check, or an id it did not read', () => {
    const failed = read(file(HEADER, row({ ...ke, questionnaire_id: 'nope', question_id: 'x' })), {
      createAssessments: true
    });
    expect(() => scoreRead([], failed, AVAILABLE)).toThrow(/did not pass its check/);
    const result = read(text, { createAssessments: true });
    expect(() =>
      scoreRead([{ id: 'mu', questionnaires: [], target: 3 }], result, AVAILABLE)
    ).toThrow(/No answers were read for assessment mu/);
  });
});

describe('reading in two steps, as the worker does', () => {
  it('parses, then checks, to the same result as reading at once', () => {
    const bytes = new TextEncoder().encode(text);
    const parsed = parseAnswersFile('answers.csv', bytes, { createAssessments: true });
    if (!('header' in parsed)) throw new Error('the file should parse');
    expect(checkAnswerRows(parsed, AVAILABLE, { createAssessments: true })).toEqual(
      readAnswersCsv('answers.csv', bytes, AVAILABLE, { createAssessments: true })
    );
  });

  it('returns the problem itself when the file fails before its rows (a missing column)', () => {
    const parsed = parseAnswersFile('answers.csv', file('question_id,level', 'm1,3'));
    expect('header' in parsed).toBe(false);
    expect(parsed).toMatchObject({ ok: false });
    expect(parsed).toEqual(read(file('question_id,level', 'm1,3')));
  });
});
