/**
 * The scoring's figures-only mode (`scoreFigures`, which the cached summaries use) gives exactly
 * the figures of the full scoring (`scoreAssessment`), on generated
 * questionnaires (scales shared or not, weights, context and N/A questions; second edition: choice
 * questions, core sets, safeguard caps) and answers of every kind, including ones the app never
 * writes (a level of the wrong type, a missing level), for full and core assessments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerMap, Assessment } from '../assessment/model';
import { summaryFigures, summarizerFor } from '../assessment/summary';
import { hasCoreSet } from '../questionnaire/core';
import { makeQuestionnaire } from '../testing/factories';
import { PROPERTY_RUNS } from '../testing/runs';
import type { Questionnaire } from '../questionnaire/schema';
import { scoreAssessment, scoreFigures } from './score';
import type { Figures } from './types';

const answerArb: fc.Arbitrary<Answer | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      state: fc.constantFrom('level', 'na', 'unknown', 'restricted') as fc.Arbitrary<
        Answer['state']
      >,
      level: fc.oneof(
        fc.integer({ min: -3, max: 8 }),
        fc.constantFrom('no', 'partial', 'yes', 'first-option')
      ) as fc.Arbitrary<Answer['level']>,
      target: fc.integer({ min: -3, max: 9 })
    },
    { requiredKeys: ['state'] }
  )
);

const questionArb = fc.record({
  type: fc.constantFrom(
    'maturity' as const,
    'maturity' as const,
    'binary' as const,
    'choice' as const
  ),
  core: fc.boolean(),
  capped: fc.boolean(),
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
  target: fc.option(fc.integer({ min: -2, max: 7 }), { nil: undefined }),
  scope: fc.constantFrom('full' as const, 'core' as const, undefined),
  // Half the runs have no cap at all.
  caps: fc.boolean()
});

type Input = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds the generated questionnaires and answers (caps name a question the format allows). */
function build(raw: Input): { questionnaires: Questionnaire[]; answers: AnswerMap } {
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
      questions: s.questions.map(({ capped, ...question }, i) => {
        const id = `s${si}-x${i}`;
        if (question.answer) answers[`q${qi}/${id}`] = question.answer;
        const scored = question.type !== 'choice' && question.scored;
        return { id, ...question, scored, capped };
      })
    }));
    // A cap names the first question that may be a condition (rule 11's format rules).
    const named = sections
      .flatMap((s) => s.questions)
      .find((x) => x.type !== 'choice' && x.scored && !x.naAllowed);
    for (const x of sections.flatMap((s) => s.questions)) {
      const capped = raw.caps && x.capped && x.type === 'maturity' && named && named !== x;
      if (!capped || (x.core && !named.core)) continue;
      const atLeast = named.type === 'binary' ? ('yes' as const) : spec.scaleFrom + 1;
      Object.assign(x, {
        cap: { atMost: spec.scaleFrom, unless: [{ question: named.id, atLeast }] }
      });
    }
    return makeQuestionnaire(`q${qi}`, sections, {
      scale,
      defaultTarget: spec.scaleFrom + (spec.defaultPick % spec.scaleSize)
    });
  });
  return { questionnaires, answers };
}

/** The figures both modes give, without the per-question detail only the full mode has. */
function figuresOf(f: Figures & { scale: unknown }) {
  const { score, targetScore, gap, stage, completion, coverage, provisional, counts, scale } = f;
  return { score, targetScore, gap, stage, completion, coverage, provisional, counts, scale };
}

describe('scoring: the figures-only mode', () => {
  it('gives the full scoring’s figures, overall and for every questionnaire', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = { ...build(raw), target: raw.target, scope: raw.scope };
        const full = scoreAssessment(input);
        const fast = scoreFigures(input);
        expect(figuresOf(fast)).toStrictEqual(figuresOf(full));
        expect(fast.questionnaires.map((q) => [q.id, q.version, figuresOf(q)])).toStrictEqual(
          full.questionnaires.map((q) => [q.id, q.version, figuresOf(q)])
        );
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('fills the cached summary with the full scoring’s figures, full and core', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const { questionnaires, answers } = build(raw);
        const assessment = { target: raw.target, scope: raw.scope } as Assessment;
        const input = { questionnaires, answers, target: raw.target };
        const full = summaryFigures(
          scoreAssessment({ ...input, scope: raw.scope }),
          questionnaires.some(hasCoreSet) ? scoreAssessment({ ...input, scope: 'core' }) : null
        );
        expect(summarizerFor(questionnaires)(answers, assessment)).toStrictEqual(full);
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);
});
