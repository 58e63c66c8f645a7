/**
 * The summary's own scoring path gives exactly the figures of the full scoring, on generated
 * questionnaires (scales shared or not, weights, context and N/A questions) and answers of every
 * kind, including ones the app never writes (a level of the wrong type, a missing level).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerMap, Assessment } from '../assessment/model';
import { summaryFigures, summarizerFor } from '../assessment/summary';
import { makeQuestionnaire } from '../testing/factories';
import { PROPERTY_RUNS } from '../testing/runs';
import { scoreAssessment } from './score';

const answerArb: fc.Arbitrary<Answer | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      state: fc.constantFrom('level', 'na', 'unknown', 'restricted') as fc.Arbitrary<
        Answer['state']
      >,
      level: fc.oneof(
        fc.integer({ min: -3, max: 8 }),
        fc.constantFrom('no', 'partial', 'yes')
      ) as fc.Arbitrary<Answer['level']>,
      target: fc.integer({ min: -3, max: 9 })
    },
    { requiredKeys: ['state'] }
  )
);

const questionArb = fc.record({
  type: fc.constantFrom('maturity' as const, 'maturity' as const, 'binary' as const),
  weight: fc.integer({ min: 1, max: 30 }).map((n) => n / 10),
  naAllowed: fc.boolean(),
  scored: fc.boolean(),
  answer: answerArb
});

const questionnaireArb = fc.record({
  scaleFrom: fc.integer({ min: -1, max: 1 }),
  scaleSize: fc.integer({ min: 2, max: 5 }),
  otherLabels: fc.boolean(),
  defaultPick: fc.nat({ max: 6 }),
  sections: fc.array(
    fc.record({
      weight: fc.integer({ min: 1, max: 30 }).map((n) => n / 10),
      questions: fc.array(questionArb, { minLength: 1, maxLength: 5 })
    }),
    { minLength: 1, maxLength: 3 }
  )
});

const inputArb = fc.record({
  questionnaires: fc.array(questionnaireArb, { minLength: 0, maxLength: 3 }),
  target: fc.option(fc.integer({ min: -2, max: 7 }), { nil: undefined })
});

describe('summary figures', () => {
  it('equal the full scoring’s figures for the overall and every questionnaire', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const answers: AnswerMap = {};
        const questionnaires = raw.questionnaires.map((spec, qi) => {
          const scale = Array.from({ length: spec.scaleSize }, (_, i) => ({
            value: spec.scaleFrom + i,
            label: spec.otherLabels ? `Other ${i}` : `Level ${i}`,
            description: `Described at ${i}.`
          }));
          const sections = spec.sections.map((s, si) => ({
            id: `s${si}`,
            weight: s.weight,
            questions: s.questions.map((question, i) => {
              const id = `s${si}-x${i}`;
              if (question.answer) answers[`q${qi}/${id}`] = question.answer;
              return { id, ...question };
            })
          }));
          return makeQuestionnaire(`q${qi}`, sections, {
            scale,
            defaultTarget: spec.scaleFrom + (spec.defaultPick % spec.scaleSize)
          });
        });
        const assessment = { target: raw.target } as Assessment;
        const full = summaryFigures(
          scoreAssessment({ questionnaires, answers, target: raw.target })
        );
        expect(summarizerFor(questionnaires)(answers, assessment)).toStrictEqual(full);
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);
});
