/**
 * docs/scoring.md, rules 6 and 7, one table per rule. Every expected number is worked out by hand in
 * the table (as an expression or a comment), never by calling the code under test.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../assessment/model';
import {
  DIGITS,
  NA,
  RESTRICTED,
  UNKNOWN,
  fill,
  keyed,
  level,
  many,
  questionnaire,
  rows,
  scoreOne,
  sectionOf,
  type QuestionSpec,
  type ScaleName,
  type Sections
} from '../testing/score-tables';
import { scoreAssessment } from './score';

describe('rule 6: gated stage', () => {
  it.each(
    rows<{
      name: string;
      sections: Sections;
      answers: Record<string, Answer>;
      scale?: ScaleName;
      stage: number | null;
    }>(
      [
        {
          name: 'every question at 3 is stage 3',
          sections: [{ id: 's', questions: many('a', 3) }],
          answers: fill('a', 0, 3, level(3)),
          stage: 3
        },
        {
          name: 'is the highest level that 80% of the weight reaches',
          sections: [{ id: 's', questions: many('a', 5) }],
          answers: { a0: level(5), a1: level(5), a2: level(4), a3: level(4), a4: level(2) },
          // ≥5: 2/5 = 40%; ≥4: 4/5 = 80% → 4
          stage: 4
        },
        {
          name: 'reaches a stage held by exactly 80% (4 of 5 equal questions)',
          sections: [{ id: 's', questions: many('a', 5) }],
          answers: { ...fill('a', 0, 4, level(4)), a4: level(1) },
          // ≥4: 4/5 = 80% → 4
          stage: 4
        },
        {
          name: 'reaches exactly 80% in a section of weight 1.5 (float 1.2 < 0.8·1.5)',
          sections: [{ id: 's', weight: 1.5, questions: many('a', 5) }],
          answers: { ...fill('a', 0, 4, level(4)), a4: level(1) },
          // each 1.5·1/5 = 0.3; ≥4: 4·0.3 / (5·0.3) = 80% → 4
          stage: 4
        },
        {
          name: 'does not reach a stage held by 79.8%',
          sections: [{ id: 's', questions: [...many('a', 4), { id: 'b', weight: 1.01 }] }],
          answers: { ...fill('a', 0, 4, level(4)), b: level(2) },
          // ≥4 and ≥3: 4/5.01 = 79.84% < 80%; ≥2: 100% → 2
          stage: 2
        },
        {
          name: 'counts question weights within a section',
          sections: [{ id: 's', questions: [{ id: 'a', weight: 4 }, { id: 'b' }] }],
          answers: { a: level(4), b: level(1) },
          // ≥4: 4/5 = 80% → 4
          stage: 4
        },
        {
          name: 'gives each question the weight W·wᵢ/Σw across sections',
          sections: [
            { id: 's1', weight: 3, questions: [{ id: 'a', weight: 3 }, { id: 'b' }] },
            { id: 's2', questions: [{ id: 'c' }] }
          ],
          answers: { a: level(5), b: level(1), c: level(5) },
          // a = 3·3/4 = 2.25, b = 3·1/4 = 0.75, c = 1·1/1 = 1; ≥5: (2.25 + 1)/4 = 81.25% → 5
          // (W·wᵢ without /Σw would give (9 + 1)/13 = 76.9% and stage 1)
          stage: 5
        },
        {
          name: 'ignores binary questions',
          sections: [{ id: 's', questions: [{ id: 'a' }, ...many('b', 3, { type: 'binary' })] }],
          answers: { a: level(4), ...fill('b', 0, 3, level('no')) },
          stage: 4
        },
        {
          name: 'ignores N/A, unknown and context questions',
          sections: [
            {
              id: 's',
              questions: [
                ...many('a', 3),
                { id: 'b', naAllowed: true },
                { id: 'c' },
                { id: 'd', scored: false }
              ]
            }
          ],
          // coverage 3 / (5 scorable − 1 N/A) = 75%: not provisional, so the stage stands
          answers: { ...fill('a', 0, 3, level(3)), b: NA, c: UNKNOWN, d: level(1) },
          stage: 3
        },
        {
          name: 'uses the levels of a 0–3 scale',
          sections: [{ id: 's', questions: many('a', 5) }],
          answers: { a0: level(3), a1: level(3), a2: level(2), a3: level(2), a4: level(0) },
          scale: '0-3',
          // ≥3: 40%; ≥2: 80% → 2
          stage: 2
        },
        {
          name: 'can be the bottom level 0, which is a stage and not "no stage"',
          sections: [{ id: 's', questions: many('a', 2) }],
          answers: fill('a', 0, 2, level(0)),
          scale: '0-3',
          stage: 0
        },
        {
          name: 'is empty when only binary questions are answered',
          sections: [{ id: 's', questions: [{ id: 'a' }, { id: 'b', type: 'binary' }] }],
          answers: { b: level('yes') },
          stage: null
        },
        {
          name: 'is empty when nothing is answered',
          sections: [{ id: 's', questions: many('a', 3) }],
          answers: {},
          stage: null
        },
        {
          name: 'is empty when every maturity question is N/A',
          sections: [{ id: 's', questions: many('a', 2, { naAllowed: true }) }],
          answers: fill('a', 0, 2, NA),
          stage: null
        }
      ],
      (r) => r.name
    )
  )('%s', (_name, { sections, answers, scale, stage }) => {
    const result = scoreOne(sections, answers, scale ? { scale } : {});
    expect(result.questionnaires[0]!.stage).toBe(stage);
    expect(result.stage).toBe(stage);
  });

  it('really tests the tolerance: 4 of 5 stage weights of 0.3 fall short of 0.8 in floats', () => {
    const held = 0.3 + 0.3 + 0.3 + 0.3;
    const total = held + 0.3;
    expect(held < 0.8 * total).toBe(true);
  });

  it('gives each section its own stage', () => {
    const result = scoreOne(
      [
        { id: 's1', weight: 3, questions: [{ id: 'a', weight: 3 }, { id: 'b' }] },
        { id: 's2', questions: [{ id: 'c' }] }
      ],
      { a: level(5), b: level(1), c: level(5) }
    );
    // s1: ≥5 holds 3/4 = 75% → only ≥1 holds 80%; s2: c alone → 5; questionnaire: 81.25% → 5
    expect(sectionOf(result, 's1').stage).toBe(1);
    expect(sectionOf(result, 's2').stage).toBe(5);
    expect(result.questionnaires[0]!.stage).toBe(5);
  });

  it.each(
    rows<{ name: string; scale2: ScaleName; q2Level: number; stage: number | null }>(
      [
        // q1 is all at 4 → stage 4
        { name: 'is the lowest questionnaire stage', scale2: '1-5', q2Level: 2, stage: 2 },
        { name: 'is the lowest even when that is the first', scale2: '1-5', q2Level: 5, stage: 4 },
        {
          name: 'is empty when the questionnaires use different scales',
          scale2: '0-3',
          q2Level: 2,
          stage: null
        }
      ],
      (r) => `overall stage ${r.name}`
    )
  )('%s', (_name, { scale2, q2Level, stage }) => {
    const q1 = questionnaire('q1', [{ id: 's', questions: many('a', 2) }]);
    const q2 = questionnaire('q2', [{ id: 's', questions: [{ id: 'b' }] }], scale2);
    const result = scoreAssessment({
      questionnaires: [q1, q2],
      answers: { ...keyed('q1', fill('a', 0, 2, level(4))), ...keyed('q2', { b: level(q2Level) }) }
    });
    expect(result.questionnaires.map((q) => q.stage)).toEqual([4, q2Level]);
    expect(result.stage).toBe(stage);
  });

  it('still gives the overall score when the scales differ', () => {
    const q1 = questionnaire('q1', [{ id: 's', questions: [{ id: 'a' }] }]);
    const q2 = questionnaire('q2', [{ id: 's', questions: [{ id: 'b' }] }], '0-3');
    const result = scoreAssessment({
      questionnaires: [q1, q2],
      answers: { ...keyed('q1', { a: level(4) }), ...keyed('q2', { b: level(2) }) }
    });
    // q1 = 3/4, q2 = 2/3
    expect(result.score).toBeCloseTo((3 / 4 + 2 / 3) / 2, DIGITS);
    expect(result.scale).toBeNull();
  });
});

describe('rule 6 as amended: a provisional scope has no stage', () => {
  it('gives no stage to one answer at level 3 out of 31 questions, in any scope', () => {
    const result = scoreOne([{ id: 's', questions: many('a', 31) }], { a0: level(3) });
    // 1 of 31 covered (3.2% < 70%): provisional; without the amendment the stage would be 3
    for (const scope of [sectionOf(result, 's'), result.questionnaires[0]!, result]) {
      expect(scope.provisional).toBe(true);
      expect(scope.stage).toBeNull();
      expect(scope.score).toBe(0.5);
    }
  });

  it('keeps the stage at exactly 70% coverage and withholds it at 69.2%', () => {
    const at70 = scoreOne([{ id: 's', questions: many('a', 10) }], {
      ...fill('a', 0, 7, level(4)),
      ...fill('a', 7, 10, UNKNOWN)
    });
    expect(at70.questionnaires[0]!.stage).toBe(4);
    const below = scoreOne([{ id: 's', questions: many('a', 13) }], fill('a', 0, 9, level(4)));
    // 9/13 = 69.2%
    expect(below.questionnaires[0]!.provisional).toBe(true);
    expect(below.questionnaires[0]!.stage).toBeNull();
  });

  it('withholds a provisional section stage while its questionnaire keeps one', () => {
    const result = scoreOne(
      [
        { id: 's1', questions: many('a', 9) },
        { id: 's2', questions: many('b', 4) }
      ],
      { ...fill('a', 0, 9, level(3)), b0: level(3), b1: UNKNOWN, b2: UNKNOWN }
    );
    // s2 covers 1/4: provisional; pooled (9 + 1)/13 = 76.9%: the questionnaire is not
    expect(sectionOf(result, 's2').stage).toBeNull();
    expect(sectionOf(result, 's1').stage).toBe(3);
    expect(result.questionnaires[0]!.stage).toBe(3);
    expect(result.stage).toBe(3);
  });

  it('gives the overall no stage when a questionnaire counted in it is provisional', () => {
    const q1 = questionnaire('q1', [{ id: 's', questions: many('a', 9) }]);
    const q2 = questionnaire('q2', [{ id: 's', questions: many('b', 3) }]);
    const result = scoreAssessment({
      questionnaires: [q1, q2],
      answers: { ...keyed('q1', fill('a', 0, 9, level(3))), ...keyed('q2', { b0: level(5) }) }
    });
    // q2 covers 1/3: provisional, no stage; the overall covers 10/12 = 83.3% and is not
    // provisional itself, but a provisional questionnaire counts in it
    expect(result.questionnaires.map((q) => q.stage)).toEqual([3, null]);
    expect(result.provisional).toBe(false);
    expect(result.stage).toBeNull();
  });

  it('keeps the overall stage when a questionnaire has no score at all (it is not counted)', () => {
    const q1 = questionnaire('q1', [{ id: 's', questions: many('a', 9) }]);
    const q2 = questionnaire('q2', [{ id: 's', questions: many('b', 1) }]);
    const result = scoreAssessment({
      questionnaires: [q1, q2],
      answers: { ...keyed('q1', fill('a', 0, 9, level(3))), ...keyed('q2', { b0: UNKNOWN }) }
    });
    // q2 has no score, so it is neither counted nor provisional; overall coverage 9/10 = 90%
    expect(result.questionnaires[1]!.score).toBeNull();
    expect(result.questionnaires[1]!.provisional).toBe(false);
    expect(result.stage).toBe(3);
  });
});

describe('rule 7: completion, coverage and provisional scores', () => {
  it.each(
    rows<{
      name: string;
      questions: QuestionSpec[];
      answers: Record<string, Answer>;
      completion: number;
      coverage: number | null;
      provisional: boolean;
    }>(
      [
        {
          name: 'counts context questions and N/A as answered',
          questions: [
            { id: 'a' },
            { id: 'b', naAllowed: true },
            { id: 'c' },
            { id: 'd' },
            { id: 'e', scored: false }
          ],
          answers: { a: level(3), b: NA, c: UNKNOWN, e: level(2) },
          // answered a, b, c, e of 5; scored a / (scorable a–d = 4 − 1 N/A)
          completion: 4 / 5,
          coverage: 1 / (4 - 1),
          provisional: true
        },
        {
          name: 'counts restricted as answered but not as scored',
          questions: many('a', 2),
          answers: { a0: level(3), a1: RESTRICTED },
          completion: 2 / 2,
          coverage: 1 / 2,
          provisional: true
        },
        {
          name: 'does not mark a score covered at exactly 70% as provisional',
          questions: many('a', 10),
          answers: { ...fill('a', 0, 7, level(3)), ...fill('a', 7, 10, UNKNOWN) },
          completion: 10 / 10,
          coverage: 7 / 10,
          provisional: false
        },
        {
          name: 'marks a score covered at 69.2% as provisional',
          questions: many('a', 13),
          answers: fill('a', 0, 9, level(3)),
          completion: 9 / 13,
          coverage: 9 / 13,
          provisional: true
        },
        {
          name: 'takes N/A questions out of coverage',
          questions: many('a', 3, { naAllowed: true }),
          answers: { a0: level(2), a1: NA, a2: NA },
          // 1 scored / (3 − 2 N/A)
          completion: 3 / 3,
          coverage: 1 / (3 - 2),
          provisional: false
        },
        {
          name: 'leaves an unanswered context question out of coverage but not out of completion',
          questions: [{ id: 'a' }, { id: 'b', scored: false }],
          answers: { a: level(4) },
          completion: 1 / 2,
          coverage: 1 / 1,
          provisional: false
        },
        {
          name: 'counts binary questions like maturity ones',
          questions: [{ id: 'a', type: 'binary' }, { id: 'b' }, { id: 'c', type: 'binary' }],
          answers: { a: level('yes'), b: UNKNOWN },
          completion: 2 / 3,
          coverage: 1 / 3,
          provisional: true
        },
        {
          name: 'counts questions unweighted',
          questions: [{ id: 'a', weight: 9 }, { id: 'b' }],
          answers: { a: level(4) },
          // 1 of 2 questions, not 9 of 10 weight
          completion: 1 / 2,
          coverage: 1 / 2,
          provisional: true
        },
        {
          name: 'never marks a missing score as provisional',
          questions: many('a', 2),
          answers: fill('a', 0, 2, UNKNOWN),
          completion: 2 / 2,
          coverage: 0 / 2,
          provisional: false
        },
        {
          name: 'has no coverage when every scorable question is N/A',
          questions: many('a', 2, { naAllowed: true }),
          answers: fill('a', 0, 2, NA),
          completion: 2 / 2,
          coverage: null,
          provisional: false
        }
      ],
      (r) => r.name
    )
  )('%s', (_name, { questions, answers, completion, coverage, provisional }) => {
    const result = scoreOne([{ id: 's', questions }], answers);
    for (const scope of [sectionOf(result, 's'), result.questionnaires[0]!, result]) {
      expect(scope.completion).toBeCloseTo(completion, DIGITS);
      if (coverage === null) expect(scope.coverage).toBeNull();
      else expect(scope.coverage).toBeCloseTo(coverage, DIGITS);
      expect(scope.provisional).toBe(provisional);
    }
  });

  it('pools sections instead of averaging them', () => {
    const result = scoreOne(
      [
        { id: 's1', questions: many('a', 9) },
        { id: 's2', weight: 5, questions: many('b', 4) }
      ],
      { ...fill('a', 0, 9, level(3)), b0: level(3), b1: UNKNOWN, b2: UNKNOWN }
    );
    const s2 = sectionOf(result, 's2');
    const q = result.questionnaires[0]!;
    // s2: completion 3/4, coverage 1/4 → provisional
    expect(s2.completion).toBeCloseTo(3 / 4, DIGITS);
    expect(s2.coverage).toBeCloseTo(1 / 4, DIGITS);
    expect(s2.provisional).toBe(true);
    // pooled: answered (9 + 3)/13, scored (9 + 1)/13 = 76.9% → not provisional
    // (the mean of sections would be (1 + 1/4)/2 = 62.5%, provisional)
    expect(q.completion).toBeCloseTo((9 + 3) / 13, DIGITS);
    expect(q.coverage).toBeCloseTo((9 + 1) / 13, DIGITS);
    expect(q.provisional).toBe(false);
  });

  it('pools questionnaires in the overall and still counts a provisional one in its score', () => {
    const q1 = questionnaire('q1', [{ id: 's', questions: many('a', 9) }]);
    const q2 = questionnaire('q2', [{ id: 's', questions: many('b', 3) }]);
    const result = scoreAssessment({
      questionnaires: [q1, q2],
      answers: { ...keyed('q1', fill('a', 0, 9, level(3))), ...keyed('q2', { b0: level(5) }) }
    });
    const [r1, r2] = result.questionnaires;
    expect(r1!.coverage).toBe(1);
    expect(r2!.coverage).toBeCloseTo(1 / 3, DIGITS);
    expect(r2!.provisional).toBe(true);
    // (9 + 1)/(9 + 3) = 83.3%; the mean (1 + 1/3)/2 = 66.7% would be provisional
    expect(result.completion).toBeCloseTo((9 + 1) / (9 + 3), DIGITS);
    expect(result.coverage).toBeCloseTo((9 + 1) / (9 + 3), DIGITS);
    expect(result.provisional).toBe(false);
    // q1 = 0.5, q2 = 1 (provisional, still counted)
    expect(result.score).toBeCloseTo((0.5 + 1) / 2, DIGITS);
  });

  it('gives the counts behind the figures', () => {
    const result = scoreOne(
      [
        {
          id: 's',
          questions: [
            { id: 'a' },
            { id: 'b', naAllowed: true },
            { id: 'c' },
            { id: 'd' },
            { id: 'e' },
            { id: 'f', scored: false }
          ]
        }
      ],
      { a: level(3), b: NA, c: UNKNOWN, d: RESTRICTED, f: level(1) }
    );
    expect(result.counts).toEqual({
      total: 6,
      answered: 5,
      scorable: 5,
      scored: 1,
      na: 1,
      unknown: 1,
      restricted: 1,
      unanswered: 1,
      notScored: 1
    });
  });
});
