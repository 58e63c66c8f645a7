/**
 * The text importers meet broken files every day: truncated downloads, a spreadsheet's own
 * dialect, random bytes. Whatever comes in, they must answer with problems, never throw.
 * (Bundles and backups are fuzzed together with the database in transfer.property.test.ts.)
 */
import fc from 'fast-check';
import { englishMessage } from './testing/problem-words';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerSchema } from '../domain/assessment/model';
import { FUZZ_RUNS } from '../domain/testing/runs';
import { parseQuestionnaireText } from './questionnaire-file';
import { readAnswersCsv } from './answers-csv';

const CSV_RUNS = Math.ceil(FUZZ_RUNS * 1.5);
const fixtures = join(process.cwd(), 'src/lib/io/fixtures');
const mini = parseQuestionnaireText('mini.yaml', readFileSync(join(fixtures, 'mini.yaml'), 'utf8'));
if (!mini.ok) throw new Error('fixture mini.yaml must be valid');
const questionnaires = [mini.questionnaire];
const csv = readFileSync(join(fixtures, 'mini-answers.csv'), 'utf8');
const yaml = readFileSync(join(fixtures, 'mini.yaml'), 'utf8');

/** Ways a good file goes bad: cut, shuffled lines, characters swapped, cells replaced. */
function breakText(text: string) {
  const lines = text.split(/\r?\n/);
  return fc.oneof(
    fc.nat(text.length).map((n) => text.slice(0, n)),
    fc.shuffledSubarray(lines, { minLength: 0 }).map((l) => l.join('\r\n')),
    fc
      .tuple(fc.nat(text.length), fc.string({ minLength: 1, maxLength: 4 }))
      .map(([i, s]) => text.slice(0, i) + s + text.slice(i + 1)),
    fc
      .tuple(fc.nat(lines.length), fc.string())
      .map(([i, s]) => lines.map((l, k) => (k === i ? s : l)).join('\n')),
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.constantFrom('', '\uFEFF', '\r\n\r\n', ',,,,', '"', '=1+1', '{"format": 1}')
  );
}

describe('importers under broken input', () => {
  it(`the answers CSV reader never throws and only returns valid answers (${CSV_RUNS} inputs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(breakText(csv), fc.uint8Array({ maxLength: 600 })),
        fc.boolean(),
        (input, create) => {
          const result = readAnswersCsv('broken.csv', input, questionnaires, {
            createAssessments: create
          });
          if (result.ok) {
            for (const a of result.assessments) {
              for (const answer of Object.values(a.answers)) {
                // A state-less row that only carries notes is allowed; otherwise the schema holds.
                if (answer.state !== undefined) {
                  expect(answerSchema.safeParse(answer).success).toBe(true);
                }
              }
            }
          } else {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const p of result.problems) expect(englishMessage(p).length).toBeGreaterThan(0);
          }
        }
      ),
      { numRuns: CSV_RUNS }
    );
  }, 120_000);

  it(`the questionnaire reader never throws and names the file and a path (${FUZZ_RUNS} inputs)`, () => {
    fc.assert(
      fc.property(breakText(yaml), (input) => {
        const result = parseQuestionnaireText('broken.yaml', input);
        if (!result.ok) {
          expect(result.file).toBe('broken.yaml');
          for (const issue of result.problems) expect(issue.code).toMatch(/^[a-z]+\.[a-z-]+$/);
        }
      }),
      { numRuns: FUZZ_RUNS }
    );
  }, 120_000);
});
