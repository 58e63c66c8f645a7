/**
 * Properties of the scoring rules (docs/scoring.md) over generated questionnaires and answers:
 * random scales, sections, weights, question types, N/A permission, context questions and answer
 * states.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerMap } from '../assessment/model';
import type { BinaryValue, Questionnaire } from '../questionnaire/schema';
import { makeQuestionnaire } from '../testing/factories';
import { shownPercent } from './display';
import { scoreAssessment } from './score';
import type { AssessmentResult, Figures } from './types';
import { PROPERTY_RUNS } from '../testing/runs';

const NOISE = 1e-12;
const BINARY: readonly BinaryValue[] = ['no', 'partial', 'yes'];

type Kind = 'none' | 'level' | 'na' | 'unknown' | 'restricted';

interface RawAnswer {
  kind: Kind;
  /** Chooses the level: an index into the scale (or into no/partial/yes). */
  pick: number;
  ownTarget: number | null;
}

interface RawQuestion {
  id: string;
  type: 'maturity' | 'binary';
  weight: number;
  naAllowed: boolean;
  scored: boolean;
  answer: RawAnswer;
}

interface RawSection {
  id: string;
  weight: number;
  questions: RawQuestion[];
}

interface RawQuestionnaire {
  id: string;
  min: number;
  size: number;
  defaultPick: number;
  sections: RawSection[];
}

interface RawAssessment {
  questionnaires: RawQuestionnaire[];
  sameScale: boolean;
  target: number | null;
}

const weightArb = fc.integer({ min: 1, max: 40 }).map((n) => n / 10);

const answerArb: fc.Arbitrary<RawAnswer> = fc.record({
  kind: fc.constantFrom<Kind>('level', 'level', 'level', 'none', 'na', 'unknown', 'restricted'),
  pick: fc.nat({ max: 50 }),
  ownTarget: fc.option(fc.integer({ min: -4, max: 10 }), { nil: null, freq: 4 })
});

const questionArb = fc.record({
  type: fc.constantFrom<RawQuestion['type']>('maturity', 'maturity', 'binary'),
  weight: weightArb,
  naAllowed: fc.boolean(),
  scored: fc.oneof(
    { arbitrary: fc.constant(true), weight: 4 },
    { arbitrary: fc.constant(false), weight: 1 }
  ),
  answer: answerArb
});

const sectionArb = fc.record({
  weight: weightArb,
  questions: fc.array(questionArb, { minLength: 1, maxLength: 6 })
});

const questionnaireArb = fc.record({
  min: fc.integer({ min: -2, max: 2 }),
  size: fc.integer({ min: 2, max: 6 }),
  defaultPick: fc.nat({ max: 10 }),
  sections: fc.array(sectionArb, { minLength: 1, maxLength: 4 })
});

/** Ids are given once, so that they travel with a question when a test reorders a section. */
const assessmentArb: fc.Arbitrary<RawAssessment> = fc
  .record({
    questionnaires: fc.array(questionnaireArb, { minLength: 1, maxLength: 3 }),
    sameScale: fc.boolean(),
    target: fc.option(fc.integer({ min: -4, max: 10 }), { nil: null })
  })
  .map(({ questionnaires, sameScale, target }) => ({
    sameScale,
    target,
    questionnaires: questionnaires.map((q, qi) => ({
      ...q,
      id: `q${qi}`,
      sections: q.sections.map((s, si) => ({
        ...s,
        id: `s${si}`,
        questions: s.questions.map((question, i) => ({ ...question, id: `s${si}-x${i}` }))
      }))
    }))
  }));

interface Built {
  questionnaires: Questionnaire[];
  answers: AnswerMap;
  target: number | undefined;
}

function scaleOf(raw: RawAssessment, q: RawQuestionnaire): { min: number; size: number } {
  const first = raw.questionnaires[0]!;
  return raw.sameScale ? { min: first.min, size: first.size } : { min: q.min, size: q.size };
}

function answerOf(question: RawQuestion, min: number, size: number): Answer | undefined {
  const { kind, pick, ownTarget } = question.answer;
  switch (kind) {
    case 'none':
      return undefined;
    case 'level':
      if (question.type === 'binary') return { state: 'level', level: BINARY[pick % 3]! };
      return ownTarget === null
        ? { state: 'level', level: min + (pick % size) }
        : { state: 'level', level: min + (pick % size), target: ownTarget };
    case 'na':
      // N/A only where the question allows it (docs/file-formats.md, "Answers CSV"); elsewhere the
      // generator says "don't know".
      return question.naAllowed
        ? { state: 'na', naReason: 'does not apply' }
        : { state: 'unknown' };
    case 'unknown':
      return { state: 'unknown' };
    case 'restricted':
      return { state: 'restricted' };
  }
}

function build(raw: RawAssessment): Built {
  const answers: AnswerMap = {};
  const questionnaires = raw.questionnaires.map((q) => {
    const { min, size } = scaleOf(raw, q);
    const scale = Array.from({ length: size }, (_, i) => ({
      value: min + i,
      label: `Level ${min + i}`,
      description: `Described at ${min + i}.`
    }));
    for (const section of q.sections) {
      for (const question of section.questions) {
        const answer = answerOf(question, min, size);
        if (answer) answers[`${q.id}/${question.id}`] = answer;
      }
    }
    return makeQuestionnaire(
      q.id,
      q.sections.map((s) => ({
        id: s.id,
        weight: s.weight,
        questions: s.questions.map(({ id, type, weight, naAllowed, scored }) => ({
          id,
          type,
          weight,
          naAllowed,
          scored
        }))
      })),
      { scale, defaultTarget: min + (q.defaultPick % size) }
    );
  });
  return { questionnaires, answers, target: raw.target ?? undefined };
}

function run(raw: RawAssessment): AssessmentResult {
  return scoreAssessment(build(raw));
}

/** Every scope with figures: the overall, each questionnaire, each section. */
function scopes(result: AssessmentResult): { name: string; figures: Figures }[] {
  return [
    { name: 'overall', figures: result },
    ...result.questionnaires.flatMap((q) => [
      { name: q.id, figures: q },
      ...q.sections.map((s) => ({ name: `${q.id}/${s.id}`, figures: s }))
    ])
  ];
}

/** Positions of every question, as [questionnaire, section, question] indices. */
function positions(raw: RawAssessment): [number, number, number][] {
  return raw.questionnaires.flatMap((q, qi) =>
    q.sections.flatMap((s, si) => s.questions.map((_, i): [number, number, number] => [qi, si, i]))
  );
}

function questionAt(raw: RawAssessment, [qi, si, i]: [number, number, number]): RawQuestion {
  return raw.questionnaires[qi]!.sections[si]!.questions[i]!;
}

/** A deep copy whose question at `at` is replaced by `change(question)`. */
function withQuestion(
  raw: RawAssessment,
  [qi, si, i]: [number, number, number],
  change: (question: RawQuestion) => RawQuestion
): RawAssessment {
  return {
    ...raw,
    questionnaires: raw.questionnaires.map((q, a) => ({
      ...q,
      sections: q.sections.map((s, b) => ({
        ...s,
        questions: s.questions.map((question, c) =>
          a === qi && b === si && c === i ? change(question) : question
        )
      }))
    }))
  };
}

function closeOrBothNull(a: number | null, b: number | null): boolean {
  return a === null || b === null ? a === b : Math.abs(a - b) <= NOISE;
}

describe('scoring properties (docs/scoring.md)', () => {
  it('keeps every score and target score within 0–1, shown within 0–100', () => {
    fc.assert(
      fc.property(assessmentArb, (raw) => {
        const result = run(raw);
        const shares = [
          ...scopes(result).flatMap(({ figures }) => [
            figures.score,
            figures.targetScore,
            figures.completion,
            figures.coverage
          ]),
          ...result.questionnaires.flatMap((q) =>
            q.sections.flatMap((s) => s.questions.flatMap((x) => [x.score, x.targetScore]))
          )
        ];
        for (const share of shares) {
          if (share === null) continue;
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
          const shown = shownPercent(share)!;
          expect(shown).toBeGreaterThanOrEqual(0);
          expect(shown).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('never changes the figures of other sections when a question is marked N/A', () => {
    fc.assert(
      fc.property(assessmentArb, fc.nat(), (generated, pick) => {
        const all = positions(generated);
        const at = all[pick % all.length]!;
        // The same questionnaire before and after: the chosen question allows N/A.
        const raw = withQuestion(generated, at, (q) => ({ ...q, naAllowed: true }));
        const marked = withQuestion(raw, at, (q) => ({
          ...q,
          answer: { ...q.answer, kind: 'na' }
        }));
        const before = run(raw);
        const after = run(marked);
        before.questionnaires.forEach((q, qi) =>
          q.sections.forEach((s, si) => {
            if (qi === at[0] && si === at[1]) return;
            const other = after.questionnaires[qi]!.sections[si]!;
            expect(other.score).toBe(s.score);
            expect(other.targetScore).toBe(s.targetScore);
            expect(other.stage).toBe(s.stage);
            expect(other.completion).toBe(s.completion);
            expect(other.coverage).toBe(s.coverage);
          })
        );
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('gives the same figures whatever the order of the questions in a section', () => {
    fc.assert(
      fc.property(
        assessmentArb,
        fc.nat(),
        fc.array(fc.integer(), { minLength: 6, maxLength: 6 }),
        (raw, pick, keys) => {
          const sections = raw.questionnaires.flatMap((q, qi) =>
            q.sections.map((_, si): [number, number] => [qi, si])
          );
          const [qi, si] = sections[pick % sections.length]!;
          const shuffled: RawAssessment = {
            ...raw,
            questionnaires: raw.questionnaires.map((q, a) => ({
              ...q,
              sections: q.sections.map((s, b) =>
                a === qi && b === si
                  ? {
                      ...s,
                      questions: s.questions
                        .map((question, i) => ({ question, key: keys[i]!, i }))
                        .sort((x, y) => x.key - y.key || y.i - x.i)
                        .map(({ question }) => question)
                    }
                  : s
              )
            }))
          };
          const before = scopes(run(raw));
          const after = scopes(run(shuffled));
          before.forEach(({ name, figures }, i) => {
            const moved = after[i]!.figures;
            expect(after[i]!.name).toBe(name);
            expect(closeOrBothNull(moved.score, figures.score)).toBe(true);
            expect(closeOrBothNull(moved.targetScore, figures.targetScore)).toBe(true);
            expect(closeOrBothNull(moved.gap, figures.gap)).toBe(true);
            expect(moved.stage).toBe(figures.stage);
            expect(moved.completion).toBe(figures.completion);
            expect(moved.coverage).toBe(figures.coverage);
            expect(moved.provisional).toBe(figures.provisional);
          });
        }
      ),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('never puts a target score below the score', () => {
    fc.assert(
      fc.property(assessmentArb, (raw) => {
        const result = run(raw);
        for (const { figures } of scopes(result)) {
          if (figures.score === null) {
            expect(figures.targetScore).toBeNull();
            continue;
          }
          expect(figures.targetScore!).toBeGreaterThanOrEqual(figures.score - NOISE);
          expect(figures.gap!).toBeGreaterThanOrEqual(-NOISE);
        }
        for (const q of result.questionnaires.flatMap((r) =>
          r.sections.flatMap((s) => s.questions)
        )) {
          if (q.score !== null) expect(q.targetScore!).toBeGreaterThanOrEqual(q.score);
        }
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('never lowers a score or a stage when an answered level is raised', () => {
    fc.assert(
      fc.property(
        assessmentArb,
        fc.nat(),
        fc.nat({ max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        (generated, pick, from, step) => {
          const all = positions(generated);
          const at = all[pick % all.length]!;
          const { type } = questionAt(generated, at);
          const { size } = scaleOf(generated, generated.questionnaires[at[0]]!);
          // Index into the scale (or no/partial/yes): from a level below the top to a higher one.
          const top = type === 'binary' ? 2 : size - 1;
          const low = from % top;
          const high = low + 1 + (step % (top - low));
          const answered =
            (level: number) =>
            (q: RawQuestion): RawQuestion => ({
              ...q,
              scored: true,
              answer: { ...q.answer, kind: 'level', pick: level }
            });
          const before = scopes(run(withQuestion(generated, at, answered(low))));
          const after = scopes(run(withQuestion(generated, at, answered(high))));
          before.forEach(({ figures }, i) => {
            const raised = after[i]!.figures;
            if (figures.score !== null) expect(raised.score!).toBeGreaterThanOrEqual(figures.score);
            if (figures.stage !== null) expect(raised.stage!).toBeGreaterThanOrEqual(figures.stage);
          });
        }
      ),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('never shows a stage above the highest level answered', () => {
    fc.assert(
      fc.property(assessmentArb, (raw) => {
        const built = build(raw);
        const result = scoreAssessment(built);
        // The highest level answered on a scored maturity question, read from the input.
        const highest = (q: Questionnaire, sectionIds: string[]): number | null => {
          const levels = q.sections
            .filter((s) => sectionIds.includes(s.id))
            .flatMap((s) => s.questions)
            .filter((x) => x.type === 'maturity' && x.scored)
            .map((x) => built.answers[`${q.id}/${x.id}`])
            .flatMap((a) => (a?.state === 'level' && typeof a.level === 'number' ? [a.level] : []));
          return levels.length === 0 ? null : Math.max(...levels);
        };
        const check = (stage: number | null, top: number | null) => {
          if (top === null) expect(stage).toBeNull();
          else if (stage !== null) expect(stage).toBeLessThanOrEqual(top);
        };
        const tops = built.questionnaires.map((q, qi) => {
          q.sections.forEach((s, si) =>
            check(result.questionnaires[qi]!.sections[si]!.stage, highest(q, [s.id]))
          );
          const top = highest(
            q,
            q.sections.map((s) => s.id)
          );
          check(result.questionnaires[qi]!.stage, top);
          return top;
        });
        const known = tops.filter((t): t is number => t !== null);
        if (result.stage !== null) expect(result.stage).toBeLessThanOrEqual(Math.max(...known));
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);
});
