import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../domain/field-rules';
import { FUZZ_RUNS } from '../../domain/testing/runs';
import { serialiseCsv } from '../csv';
import { readAnswersCsv, type AnswersColumn } from '.';
import { AVAILABLE, assessmentsOf, problemsOf } from './test-fixtures';

/**
 * The reader keeps one cell reader for the whole file (docs/performance.md): nothing of one row
 * may reach the next. Each generated row belongs to its own assessment, so no check spans two
 * rows, and reading the whole file must give exactly what reading each row alone gives: the
 * same answers and assessment columns, or the same problems at the same places.
 */
describe('answers CSV rows are read independently (property)', () => {
  const COLUMNS: readonly AnswersColumn[] = [
    'assessment_id',
    'country',
    'assessment_title',
    'assessment_date',
    'assessment_scope',
    'questionnaire_id',
    'question_id',
    'level',
    'state',
    'na_reason',
    'target',
    'regional',
    'evidence',
    'comment',
    'rationale'
  ];
  /** Questions that exist (an unknown one is said once for all its rows, on purpose). */
  const QUESTIONS = AVAILABLE.filter((q) => q !== AVAILABLE[0]).flatMap((q) =>
    q.sections.flatMap((s) => s.questions.map((question) => [q.id, question.id] as const))
  );
  const tooLong = 'x'.repeat(TEXT_LIMITS.long + 1);
  const note = fc.constantFrom('', 'note', '  kept as written  ', 'N/A: reason — comment', tooLong);
  const row = fc.record({
    country: fc.constantFrom('KE', ' gb ', 'XX', ''),
    assessment_title: fc.constantFrom('Review', '  spaced  ', ''),
    assessment_date: fc.constantFrom('2026-11-01', '2026-02-30', ''),
    assessment_scope: fc.constantFrom('', 'core', 'Full', 'partial'),
    question: fc.constantFrom(...QUESTIONS),
    level: fc.constantFrom('', '3', ' 2 ', '9', 'yes', 'Partial', 'n/a', "don't know", 'x'),
    state: fc.constantFrom('', 'level', 'na', 'unknown', 'bogus'),
    na_reason: fc.constantFrom('', 'No ports', '  '),
    target: fc.constantFrom('', '4', '0', 'Good'),
    regional: note,
    evidence: note,
    comment: note,
    rationale: fc.constantFrom('', 'because')
  });
  type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

  function cells(columns: readonly AnswersColumn[], r: Row, i: number): string[] {
    return columns.map((column) => {
      if (column === 'assessment_id') return `a${i}`;
      if (column === 'questionnaire_id') return r.question[0];
      if (column === 'question_id') return r.question[1];
      return r[column as Exclude<keyof Row, 'question'>];
    });
  }

  it('gives for each row of a file what the row gives alone', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...COLUMNS], { minLength: COLUMNS.length }),
        fc.array(row, { minLength: 1, maxLength: 5 }),
        (columns, rows) => {
          const read = (lines: string[][]) =>
            readAnswersCsv('rows.csv', serialiseCsv([columns, ...lines]), AVAILABLE, {
              createAssessments: true
            });
          const whole = read(rows.map((r, i) => cells(columns, r, i)));
          const alone = rows.map((r, i) => read([cells(columns, r, i)]));
          if (alone.every((result) => result.ok)) {
            // Row 2 of a file alone is row i + 2 of the whole file.
            const expected = alone.map((result, i) => ({
              ...assessmentsOf(result)[0]!,
              firstRow: i + 2
            }));
            expect(assessmentsOf(whole)).toEqual(expected);
          } else {
            const expected = alone.flatMap((result, i) =>
              result.ok ? [] : result.problems.map((p) => ({ ...p, row: p.row + i }))
            );
            expect(problemsOf(whole)).toEqual(expected);
          }
        }
      ),
      { numRuns: FUZZ_RUNS }
    );
  }, 120_000);
});
