import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerSchema, type Answer, type AnswerMap } from '../../domain/assessment/model';
import { scopedQuestionnaires } from '../../domain/questionnaire/core';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { FUZZ_RUNS } from '../../domain/testing/runs';
import { readAnswersCsv, writeAnswersCsv } from '.';
import { ALPHA, assessmentsOf, AVAILABLE, BETA, GAMMA } from './test-fixtures';

describe('answers CSV round trip (property)', () => {
  const QUESTIONNAIRES = [ALPHA, BETA, GAMMA];
  const FORMULA_PREFIXES = ['', '', '', '=', '+', '-', '@', '\t', '\r', "'", "''", '"'];

  /** Text a user might type: any characters, delimiters, quotes, line breaks, formula starts.
   * Values are trimmed on import, so the core has no surrounding whitespace. */
  const text = fc
    .tuple(
      fc.constantFrom(...FORMULA_PREFIXES),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      fc.constantFrom('', ',', ';', '\t', '\r\n', '\n', '"', ' — ', 'N/A: '),
      fc.string({ maxLength: 8 })
    )
    .map(([prefix, a, middle, b]) => ({ prefix, core: `${a}${middle}${b}`.trim() }))
    .filter(({ core }) => core !== '')
    .map(({ prefix, core }) => prefix + core);
  /** Second edition: the reason has its own column, so any text goes, " — " included. */
  const reason = fc
    .tuple(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
      fc.constantFrom('', ' — x')
    )
    .map(([s, tail]) => `${s}${tail}`.trim())
    .filter((s) => s !== '');

  function answerFor(q: Questionnaire, naAllowed: boolean, type: 'maturity' | 'binary' | 'choice') {
    const values = q.scale.map((l) => l.value);
    const notes = { regional: text, evidence: text, comment: text };
    const optional = { requiredKeys: [] as [] };
    const states = [
      type === 'choice'
        ? fc.record(
            {
              state: fc.constant('level' as const),
              option: fc.constantFrom('first-option', 'second-option'),
              ...notes
            },
            { requiredKeys: ['state', 'option'] }
          )
        : fc.record(
            {
              state: fc.constant('level' as const),
              level:
                type === 'binary'
                  ? fc.constantFrom('yes' as const, 'partial' as const, 'no' as const)
                  : fc.constantFrom(...values),
              ...notes
            },
            { requiredKeys: ['state', 'level'] }
          ),
      fc.record(
        { state: fc.constantFrom('unknown' as const, 'restricted' as const), ...notes },
        { requiredKeys: ['state'] }
      ),
      fc.record(notes, optional),
      ...(naAllowed
        ? [
            fc.record(
              { state: fc.constant('na' as const), naReason: reason, ...notes },
              { requiredKeys: ['state', 'naReason'] }
            )
          ]
        : [])
    ];
    const target =
      type === 'maturity'
        ? fc.option(fc.constantFrom(...values), { nil: undefined })
        : fc.constant(undefined);
    return fc
      .tuple(fc.oneof(...states), target)
      .map(([answer, t]): Answer => (t === undefined ? answer : { ...answer, target: t }));
  }

  const answers = fc
    .tuple(
      ...QUESTIONNAIRES.flatMap((q) =>
        q.sections.flatMap((s) =>
          s.questions.map((question) =>
            fc
              .option(answerFor(q, question.naAllowed, question.type), { nil: undefined })
              .map((a) => [`${q.id}/${question.id}`, a] as const)
          )
        )
      )
    )
    .map((entries) => Object.fromEntries(entries.filter(([, a]) => a !== undefined)) as AnswerMap);

  const assessment = fc.record({
    id: fc.constantFrom('ke-2026', 'a1', '=1'),
    country: fc.constantFrom('KE', 'GB', 'JM'),
    title: text,
    date: fc.constantFrom('2026-11-01', '2024-02-29'),
    respondent: fc.option(text, { nil: '' }),
    target: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    scope: fc.constantFrom('full' as const, 'core' as const)
  });

  const items = fc.uniqueArray(
    fc
      .record({
        assessment,
        questionnaires: fc.subarray(QUESTIONNAIRES, { minLength: 1 }),
        answers
      })
      // A core assessment needs a questionnaire with a core set, or it has no rows at all.
      .filter(
        (item) => scopedQuestionnaires(item.questionnaires, item.assessment.scope).length > 0
      ),
    { minLength: 1, maxLength: 3, selector: (item) => item.assessment.id }
  );

  /** What the file carries: the questions in scope; an empty answer (no state, no notes) is
   * no answer. */
  function expected(questionnaires: Questionnaire[], map: AnswerMap): AnswerMap {
    const keys = new Set(
      questionnaires.flatMap((q) =>
        q.sections.flatMap((s) => s.questions.map((question) => `${q.id}/${question.id}`))
      )
    );
    return Object.fromEntries(
      Object.entries(map).filter(([key, a]) => keys.has(key) && Object.keys(a).length > 0)
    );
  }

  it('reads back exactly the answers and assessment columns it wrote', () => {
    fc.assert(
      fc.property(items, (generated) => {
        const csv = writeAnswersCsv(generated);
        const result = readAnswersCsv('round-trip.csv', new TextEncoder().encode(csv), AVAILABLE, {
          createAssessments: true
        });
        const parsed = assessmentsOf(result);
        expect(parsed).toHaveLength(generated.length);
        generated.forEach((item, i) => {
          const back = parsed[i]!;
          expect(back.id).toBe(item.assessment.id);
          expect(back.details).toEqual({
            country: item.assessment.country,
            title: item.assessment.title,
            date: item.assessment.date,
            respondent: item.assessment.respondent,
            target: item.assessment.target,
            scope: item.assessment.scope
          });
          const inScope = scopedQuestionnaires(item.questionnaires, item.assessment.scope);
          expect(back.questionnaires).toEqual(
            inScope.map((q) => ({ id: q.id, version: q.version }))
          );
          expect(back.answers).toEqual(expected(inScope, item.answers));
          for (const answer of Object.values(back.answers)) answerSchema.parse(answer);
        });
      }),
      { numRuns: FUZZ_RUNS }
    );
  }, 60_000);
});
