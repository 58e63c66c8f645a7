import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../domain/assessment/model';
import { groupAnswerKey } from '../../domain/workshop/answers';
import { sameGroupName, type Group } from '../../domain/workshop/groups';
import { FUZZ_RUNS } from '../../domain/testing/runs';
import { writeAnswersCsv } from '.';
import { ALPHA, file, HEADER, read } from './test-fixtures';

const GROUPS: Group[] = [
  { id: 'government', name: 'Ministry of ICT', kind: 'government', observer: false },
  { id: 'academia', name: 'Universities', kind: 'academia', observer: false },
  { id: 'media', name: 'Press and media', kind: 'other', observer: false },
  { id: 'world-bank', name: 'World Bank', kind: 'international-partner', observer: true }
];
const QUESTIONS = ALPHA.sections.flatMap((s) => s.questions);
const ASSESSMENT = {
  id: 'ke',
  country: 'KE',
  title: 'Kenya',
  date: '2026-11-01',
  respondent: '',
  groups: GROUPS
};

function answerOf(type: string, naAllowed: boolean): fc.Arbitrary<Answer> {
  const levels: fc.Arbitrary<Answer>[] =
    type === 'binary'
      ? [fc.constantFrom('yes', 'partial', 'no').map((level) => ({ state: 'level', level }))]
      : type === 'maturity'
        ? [fc.integer({ min: 1, max: 5 }).map((level) => ({ state: 'level', level }))]
        : [];
  return fc.oneof(
    ...levels,
    fc.constant<Answer>({ state: 'unknown' }),
    fc.constant<Answer>({ state: 'restricted' }),
    ...(naAllowed ? [fc.constant<Answer>({ state: 'na', naReason: 'Does not apply' })] : [])
  );
}

/** Some groups' answers to some questions, keyed as the group answers record keys them. */
const groupAnswers = fc
  .array(
    fc
      .tuple(
        fc.constantFrom(...GROUPS),
        fc.constantFrom(...QUESTIONS.filter((q) => q.type !== 'choice'))
      )
      .chain(([g, q]) =>
        answerOf(q.type, q.naAllowed).map((a) => [groupAnswerKey(g.id, ALPHA.id, q.id), a] as const)
      ),
    { maxLength: 20 }
  )
  .map((entries) => Object.fromEntries(entries));

/** A group cell as a spreadsheet user might type it: known ids and names, any case and spacing, or not. */
const groupCell = fc.oneof(
  fc.constantFrom(...GROUPS.flatMap((g) => [g.id, g.name])),
  fc
    .tuple(
      fc.constantFrom(...GROUPS.map((g) => g.name)),
      fc.boolean(),
      fc.constantFrom('', ' ', '  ')
    )
    .map(([name, upper, pad]) => `${pad}${upper ? name.toUpperCase() : name.toLowerCase()}${pad}`),
  fc.string({ maxLength: 12 }).filter((s) => !/[",\r\n]/.test(s)),
  fc.constantFrom('', 'Media', 'government-2', 'constructor', '__proto__')
);

function known(cell: string): boolean {
  const value = cell.trim();
  return value === '' || GROUPS.some((g) => g.id === value || sameGroupName(g.name, value));
}

describe('answers CSV group column (property)', () => {
  it('reads back every group answer our export writes, into the workshop and as a new one', () => {
    fc.assert(
      fc.property(groupAnswers, (answers) => {
        const csv = writeAnswersCsv([
          { assessment: ASSESSMENT, questionnaires: [ALPHA], answers: {}, groupAnswers: answers }
        ]);
        const into = read(csv, { groups: GROUPS });
        expect(into.ok && into.assessments[0]!.groupAnswers).toEqual(answers);

        const named = new Set(Object.keys(answers).map((k) => k.split('/')[0]));
        const created = read(csv, { createAssessments: true });
        if (named.size === 1) {
          // One group cannot make a workshop: refused, on the group column.
          expect(!created.ok && created.problems.map((p) => p.code)).toEqual([
            'workshop.csv-one-group'
          ]);
        } else {
          expect(created.ok && created.assessments[0]!.groupAnswers).toEqual(answers);
          expect(created.ok && created.assessments[0]!.groups.map((g) => g.id)).toEqual(
            GROUPS.map((g) => g.id).filter((id) => named.has(id))
          );
        }
      }),
      { numRuns: FUZZ_RUNS }
    );
  }, 60_000);

  it('takes a file only when every group cell names a group of the workshop, else names row and column', () => {
    fc.assert(
      fc.property(fc.array(groupCell, { minLength: 1, maxLength: 8 }), (cells) => {
        const header = 'questionnaire_id,question_id,level,group';
        const rows = cells.map(
          (cell, i) => `alpha,${QUESTIONS[i % 2]!.id},${i % 2 ? 'no' : 2},${cell}`
        );
        const result = read(file(header, ...rows), { groups: GROUPS });
        const unknown = cells.flatMap((cell, i) => (known(cell) ? [] : [i + 2]));
        if (unknown.length === 0) {
          // A question answered twice by one group is the only other refusal here.
          if (!result.ok) {
            expect(result.problems.every((p) => p.code === 'csv.answered-twice')).toBe(true);
          }
        } else {
          expect(result.ok).toBe(false);
          const groupProblems = result.ok
            ? []
            : result.problems.filter((p) => p.column === 'group');
          expect(groupProblems.map((p) => [p.file, p.row, p.code])).toEqual(
            unknown.map((row) => ['answers.csv', row, 'workshop.csv-group-unknown'])
          );
        }
      }),
      { numRuns: FUZZ_RUNS }
    );
  }, 60_000);

  it('writes the consensus rows first, whatever the groups answered', () => {
    const csv = writeAnswersCsv([
      {
        assessment: ASSESSMENT,
        questionnaires: [ALPHA],
        answers: {},
        groupAnswers: { 'media/alpha/m1': { state: 'unknown' } }
      }
    ]);
    const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1, 1 + QUESTIONS.length).every((l) => l.endsWith(','))).toBe(true);
    expect(lines.at(-1)!.endsWith(',media')).toBe(true);
  });
});
