/**
 * docs/scoring.md, rules 1–9, one table per rule. Every expected number is worked out by hand in
 * the table (as an expression or a comment), never by calling the code under test.
 */
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerMap } from '../assessment/model';
import type { BinaryValue, Questionnaire } from '../questionnaire/schema';
import { makeQuestionnaire } from '../testing/factories';
import { scoreAssessment } from './score';
import type { AssessmentResult, QuestionResult, QuestionStatus, SectionResult } from './types';

type Sections = Parameters<typeof makeQuestionnaire>[1];
type QuestionSpec = Sections[number]['questions'][number];
type ScaleName = '1-5' | '0-3';

/** A 0–3 scale, to check nothing assumes the 1–5 CMM scale. */
const ZERO_TO_THREE = [0, 1, 2, 3].map((value) => ({
  value,
  label: `Level ${value}`,
  description: `Described at ${value}.`
}));

const DIGITS = 12;

/** Table rows as [test name, row]: vitest prints '%s' names whole and unquoted. */
function rows<T>(table: readonly T[], name: (row: T) => string): [string, T][] {
  return table.map((row) => [name(row), row]);
}

const level = (value: number | BinaryValue, target?: number): Answer =>
  target === undefined
    ? { state: 'level', level: value }
    : { state: 'level', level: value, target };
const NA: Answer = { state: 'na', naReason: 'does not apply in a federal state' };
const UNKNOWN: Answer = { state: 'unknown' };
const RESTRICTED: Answer = { state: 'restricted' };

function questionnaire(id: string, sections: Sections, scale: ScaleName = '1-5'): Questionnaire {
  return makeQuestionnaire(id, sections, scale === '0-3' ? { scale: ZERO_TO_THREE } : {});
}

/** Answers keyed `questionnaireId/questionId`. */
function keyed(questionnaireId: string, answers: Record<string, Answer>): AnswerMap {
  return Object.fromEntries(
    Object.entries(answers).map(([questionId, answer]) => [
      `${questionnaireId}/${questionId}`,
      answer
    ])
  );
}

/** Scores an assessment of one questionnaire `q`. */
function scoreOne(
  sections: Sections,
  answers: Record<string, Answer>,
  options: { scale?: ScaleName; target?: number } = {}
): AssessmentResult {
  return scoreAssessment({
    questionnaires: [questionnaire('q', sections, options.scale)],
    answers: keyed('q', answers),
    target: options.target
  });
}

/** `count` plain questions named prefix0, prefix1, … */
function many(prefix: string, count: number, spec: Omit<QuestionSpec, 'id'> = {}): QuestionSpec[] {
  return Array.from({ length: count }, (_, i) => ({ ...spec, id: `${prefix}${i}` }));
}

/** The same answer for prefix{from} … prefix{to − 1}. */
function fill(prefix: string, from: number, to: number, answer: Answer): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (let i = from; i < to; i++) answers[`${prefix}${i}`] = answer;
  return answers;
}

function sectionOf(result: AssessmentResult, sectionId: string, index = 0): SectionResult {
  const section = result.questionnaires[index]?.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId}`);
  return section;
}

function questionOf(result: AssessmentResult, questionId: string, index = 0): QuestionResult {
  const question = result.questionnaires[index]?.sections
    .flatMap((s) => s.questions)
    .find((q) => q.questionId === questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  return question;
}

describe('rule 1: question score', () => {
  it.each(
    rows<{ scale: ScaleName; answer: number; share: number; as: string }>(
      [
        { scale: '1-5', answer: 1, share: (1 - 1) / (5 - 1), as: '(1 − 1)/(5 − 1) = 0' },
        { scale: '1-5', answer: 2, share: (2 - 1) / (5 - 1), as: '(2 − 1)/(5 − 1) = 0.25' },
        { scale: '1-5', answer: 3, share: (3 - 1) / (5 - 1), as: '(3 − 1)/(5 − 1) = 0.5' },
        { scale: '1-5', answer: 4, share: (4 - 1) / (5 - 1), as: '(4 − 1)/(5 − 1) = 0.75' },
        { scale: '1-5', answer: 5, share: (5 - 1) / (5 - 1), as: '(5 − 1)/(5 − 1) = 1' },
        { scale: '0-3', answer: 0, share: (0 - 0) / (3 - 0), as: '(0 − 0)/(3 − 0) = 0' },
        { scale: '0-3', answer: 1, share: (1 - 0) / (3 - 0), as: '(1 − 0)/(3 − 0) = 1/3' },
        { scale: '0-3', answer: 2, share: (2 - 0) / (3 - 0), as: '(2 − 0)/(3 − 0) = 2/3' },
        { scale: '0-3', answer: 3, share: (3 - 0) / (3 - 0), as: '(3 − 0)/(3 − 0) = 1' }
      ],
      (r) => `level ${r.answer} on the ${r.scale} scale scores ${r.as}`
    )
  )('%s', (_name, { scale, answer, share }) => {
    const result = scoreOne(
      [{ id: 's', questions: [{ id: 'a' }] }],
      { a: level(answer) },
      { scale }
    );
    expect(questionOf(result, 'a').score).toBeCloseTo(share, DIGITS);
    expect(sectionOf(result, 's').score).toBeCloseTo(share, DIGITS);
    expect(result.questionnaires[0]!.score).toBeCloseTo(share, DIGITS);
    expect(result.score).toBeCloseTo(share, DIGITS);
  });

  it.each(
    rows<{ answer: BinaryValue; share: number }>(
      [
        { answer: 'yes', share: 1 },
        { answer: 'partial', share: 0.5 },
        { answer: 'no', share: 0 }
      ],
      (r) => `a binary "${r.answer}" scores ${r.share}`
    )
  )('%s', (_name, { answer, share }) => {
    const result = scoreOne([{ id: 's', questions: [{ id: 'a', type: 'binary' }] }], {
      a: level(answer)
    });
    expect(questionOf(result, 'a').score).toBe(share);
    expect(result.score).toBe(share);
  });

  it('reports the scale bounds the shares are taken from', () => {
    const result = scoreOne(
      [{ id: 's', questions: [{ id: 'a' }] }],
      { a: level(1) },
      { scale: '0-3' }
    );
    expect(result.questionnaires[0]!.scale).toMatchObject({ min: 0, max: 3 });
  });
});

describe('rule 2: section score', () => {
  it.each(
    rows<{
      name: string;
      questions: QuestionSpec[];
      answers: Record<string, Answer>;
      scale?: ScaleName;
      share: number;
    }>(
      [
        {
          name: 'weights each question score by its weight',
          questions: [{ id: 'a' }, { id: 'b', weight: 2 }],
          answers: { a: level(3), b: level(5) },
          // a = (3−1)/4 = 0.5, b = 1
          share: (1 * 0.5 + 2 * 1) / (1 + 2)
        },
        {
          name: 'mixes binary and maturity questions',
          questions: [
            { id: 'a', weight: 3 },
            { id: 'b', type: 'binary' }
          ],
          answers: { a: level(2), b: level('partial') },
          // a = (2−1)/4 = 0.25, b = 0.5
          share: (3 * 0.25 + 1 * 0.5) / (3 + 1)
        },
        {
          name: 'leaves N/A, unknown, restricted and unanswered questions out',
          questions: [
            { id: 'a', weight: 2 },
            { id: 'b', weight: 5, naAllowed: true },
            { id: 'c', weight: 4 },
            { id: 'd', weight: 3 },
            { id: 'e' }
          ],
          answers: { a: level(4), b: NA, c: UNKNOWN, d: RESTRICTED },
          // only a = (4−1)/4 = 0.75 counts
          share: (2 * 0.75) / 2
        },
        {
          name: 'leaves context questions out even when answered',
          questions: [{ id: 'a' }, { id: 'b', weight: 3, scored: false }],
          answers: { a: level(2), b: level(5) },
          share: (2 - 1) / (5 - 1)
        },
        {
          name: 'scores 0, not empty, when every answer is at the bottom',
          questions: [{ id: 'a' }, { id: 'b', type: 'binary' }],
          answers: { a: level(1), b: level('no') },
          share: 0
        },
        {
          name: 'uses the scale of the questionnaire (0–3)',
          questions: [{ id: 'a' }, { id: 'b', weight: 2 }],
          answers: { a: level(1), b: level(3) },
          scale: '0-3',
          // a = 1/3, b = 3/3 on a 0–3 scale
          share: (1 * (1 / 3) + 2 * 1) / 3
        }
      ],
      (r) => r.name
    )
  )('%s', (_name, { questions, answers, scale, share }) => {
    const result = scoreOne([{ id: 's', questions }], answers, scale ? { scale } : {});
    expect(sectionOf(result, 's').score).toBeCloseTo(share, DIGITS);
  });

  it.each(
    rows<{ name: string; questions: QuestionSpec[]; answers: Record<string, Answer> }>(
      [
        { name: 'nothing is answered', questions: [{ id: 'a' }, { id: 'b' }], answers: {} },
        {
          name: 'every question is N/A',
          questions: [
            { id: 'a', naAllowed: true },
            { id: 'b', naAllowed: true }
          ],
          answers: { a: NA, b: NA }
        },
        {
          name: 'the answers are "don\'t know" or restricted',
          questions: [{ id: 'a' }, { id: 'b' }],
          answers: { a: UNKNOWN, b: RESTRICTED }
        },
        {
          name: 'only context questions are answered',
          questions: [{ id: 'a' }, { id: 'b', scored: false }],
          answers: { b: level(5) }
        }
      ],
      (r) => `has no score (null, never 0) when ${r.name}`
    )
  )('%s', (_name, { questions, answers }) => {
    const result = scoreOne([{ id: 's', questions }], answers);
    const section = sectionOf(result, 's');
    expect(section.score).toBeNull();
    expect(section.targetScore).toBeNull();
    expect(section.gap).toBeNull();
    expect(result.questionnaires[0]!.score).toBeNull();
    expect(result.score).toBeNull();
  });
});

describe('rule 3: questionnaire score', () => {
  it.each(
    rows<{
      name: string;
      sections: Sections;
      answers: Record<string, Answer>;
      share: number | null;
    }>(
      [
        {
          name: 'weights each section score by the section weight',
          sections: [
            { id: 's1', questions: [{ id: 'a' }] },
            { id: 's2', weight: 3, questions: [{ id: 'b' }] }
          ],
          answers: { a: level(3), b: level(5) },
          // s1 = 0.5, s2 = 1
          share: (1 * 0.5 + 3 * 1) / (1 + 3)
        },
        {
          name: 'weights sections, not the number of questions in them',
          sections: [
            { id: 's1', questions: many('a', 3) },
            { id: 's2', questions: [{ id: 'b' }] }
          ],
          answers: { ...fill('a', 0, 3, level(5)), b: level(1) },
          // s1 = 1, s2 = 0; pooling the four questions would give 3/4
          share: (1 * 1 + 1 * 0) / 2
        },
        {
          name: 'skips a section without a score instead of counting it as 0',
          sections: [
            { id: 's1', weight: 2, questions: [{ id: 'a' }] },
            { id: 's2', questions: [{ id: 'b' }] }
          ],
          answers: { a: level(2) },
          // s1 = 0.25, s2 = null → 2·0.25/2 (not (2·0.25 + 1·0)/3)
          share: (2 * 0.25) / 2
        },
        {
          name: 'skips a section that is entirely N/A',
          sections: [
            { id: 's1', weight: 0.5, questions: [{ id: 'a' }] },
            { id: 's2', weight: 1.5, questions: [{ id: 'b', naAllowed: true }] }
          ],
          answers: { a: level(4), b: NA },
          share: (0.5 * 0.75) / 0.5
        },
        {
          name: 'mixes section weights and question weights',
          sections: [
            { id: 's1', weight: 2, questions: [{ id: 'a' }, { id: 'b', weight: 3 }] },
            { id: 's2', questions: [{ id: 'c', type: 'binary' }] }
          ],
          answers: { a: level(1), b: level(4), c: level('partial') },
          // s1 = (1·0 + 3·0.75)/4 = 0.5625, s2 = 0.5
          share: (2 * ((1 * 0 + 3 * 0.75) / 4) + 1 * 0.5) / (2 + 1)
        },
        {
          name: 'has no score when no section has one',
          sections: [
            { id: 's1', questions: [{ id: 'a' }] },
            { id: 's2', weight: 2, questions: [{ id: 'b' }] }
          ],
          answers: { a: UNKNOWN },
          share: null
        }
      ],
      (r) => r.name
    )
  )('%s', (_name, { sections, answers, share }) => {
    const score = scoreOne(sections, answers).questionnaires[0]!.score;
    if (share === null) expect(score).toBeNull();
    else expect(score).toBeCloseTo(share, DIGITS);
  });
});

describe('rule 4: overall score', () => {
  const q1 = questionnaire('q1', [
    { id: 's1', weight: 3, questions: many('a', 3) },
    { id: 's2', questions: [{ id: 'b' }] }
  ]);
  const q2 = questionnaire('q2', [{ id: 's', questions: [{ id: 'c', type: 'binary' }] }]);
  const q3 = questionnaire('q3', [{ id: 's', questions: [{ id: 'd' }] }]);

  it.each(
    rows<{ name: string; answers: AnswerMap; share: number | null }>(
      [
        {
          name: 'is the plain mean of the questionnaire scores, whatever their size',
          answers: {
            ...keyed('q1', { ...fill('a', 0, 3, level(5)), b: level(1) }),
            ...keyed('q2', { c: level('partial') }),
            ...keyed('q3', { d: level(3) })
          },
          // q1 = (3·1 + 1·0)/4 = 0.75, q2 = 0.5, q3 = 0.5
          share: (0.75 + 0.5 + 0.5) / 3
        },
        {
          name: 'skips questionnaires without a score',
          answers: {
            ...keyed('q1', { ...fill('a', 0, 3, level(2)), b: level(2) }),
            ...keyed('q3', { d: level(5) })
          },
          // q1 = 0.25, q2 = null, q3 = 1
          share: (0.25 + 1) / 2
        },
        {
          name: 'counts a questionnaire that scores 0',
          answers: { ...keyed('q2', { c: level('no') }), ...keyed('q3', { d: level(5) }) },
          share: (0 + 1) / 2
        },
        { name: 'has no score when no questionnaire has one', answers: {}, share: null }
      ],
      (r) => r.name
    )
  )('%s', (_name, { answers, share }) => {
    const result = scoreAssessment({ questionnaires: [q1, q2, q3], answers });
    if (share === null) expect(result.score).toBeNull();
    else expect(result.score).toBeCloseTo(share, DIGITS);
  });
});

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
                { id: 'a' },
                { id: 'b', naAllowed: true },
                { id: 'c' },
                { id: 'd', scored: false }
              ]
            }
          ],
          answers: { a: level(3), b: NA, c: UNKNOWN, d: level(1) },
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

describe('rule 8: targets and gaps', () => {
  it.each(
    rows<{
      name: string;
      answer: Answer;
      assessment?: number;
      scale?: ScaleName;
      target: number;
      gap: number;
      targetScore: number;
    }>(
      [
        // 1–5 scale, defaultTarget 3
        {
          name: 'the questionnaire default applies when no target is set',
          answer: level(2),
          target: 3,
          gap: 3 - 2,
          targetScore: (3 - 1) / 4
        },
        {
          name: 'the assessment target beats the default',
          answer: level(2),
          assessment: 4,
          target: 4,
          gap: 4 - 2,
          targetScore: (4 - 1) / 4
        },
        {
          name: 'the question’s own target beats the assessment target',
          answer: level(2, 5),
          assessment: 4,
          target: 5,
          gap: 5 - 2,
          targetScore: (5 - 1) / 4
        },
        {
          name: 'an own target below the level leaves no gap and keeps the level',
          answer: level(2, 1),
          assessment: 4,
          target: 1,
          gap: 0,
          // max(1, 2) = 2
          targetScore: (2 - 1) / 4
        },
        {
          name: 'an own target above the scale is clamped to the top',
          answer: level(2, 9),
          target: 5,
          gap: 5 - 2,
          targetScore: (5 - 1) / 4
        },
        {
          name: 'an assessment target below the scale is clamped to the bottom',
          answer: level(2),
          assessment: 0,
          target: 1,
          gap: 0,
          targetScore: (2 - 1) / 4
        },
        {
          name: 'a level above the target has no gap and its own score as target score',
          answer: level(5),
          target: 3,
          gap: 0,
          targetScore: (5 - 1) / 4
        },
        {
          name: 'an assessment target above a 0–3 scale is clamped to 3',
          answer: level(1),
          assessment: 5,
          scale: '0-3',
          target: 3,
          gap: 3 - 1,
          targetScore: 3 / 3
        },
        {
          name: 'the default applies on a 0–3 scale too',
          answer: level(1),
          scale: '0-3',
          target: 3,
          gap: 3 - 1,
          targetScore: 3 / 3
        },
        {
          name: 'an own target applies on a 0–3 scale',
          answer: level(1, 2),
          scale: '0-3',
          target: 2,
          gap: 2 - 1,
          targetScore: 2 / 3
        }
      ],
      (r) => r.name
    )
  )('%s', (_name, { answer, assessment, scale, target, gap, targetScore }) => {
    const result = scoreOne(
      [{ id: 's', questions: [{ id: 'a' }] }],
      { a: answer },
      {
        ...(scale ? { scale } : {}),
        ...(assessment === undefined ? {} : { target: assessment })
      }
    );
    const a = questionOf(result, 'a');
    expect(a.target).toBe(target);
    expect(a.gap).toBe(gap);
    expect(a.targetScore).toBeCloseTo(targetScore, DIGITS);
    expect(a.targetScore!).toBeGreaterThanOrEqual(a.score!);
  });

  it.each(
    rows<{ answer: BinaryValue; gap: number }>(
      [
        { answer: 'no', gap: 1 },
        { answer: 'partial', gap: 0.5 },
        { answer: 'yes', gap: 0 }
      ],
      (r) => `a binary "${r.answer}" has target yes, target score 1 and gap ${r.gap}`
    )
  )('%s', (_name, { answer, gap }) => {
    const result = scoreOne(
      [{ id: 's', questions: [{ id: 'a', type: 'binary' }] }],
      { a: level(answer) },
      { target: 2 }
    );
    const a = questionOf(result, 'a');
    expect(a.target).toBe('yes');
    expect(a.targetScore).toBe(1);
    expect(a.gap).toBe(gap);
  });

  it.each(
    rows<{
      name: string;
      questions: QuestionSpec[];
      answers: Record<string, Answer>;
      score: number;
      targetScore: number;
    }>(
      [
        {
          name: 'a section uses max(target, level) with the question weights',
          questions: [{ id: 'a' }, { id: 'b', weight: 3 }],
          answers: { a: level(2), b: level(4) },
          // target 3: a → max(3, 2) = 3 → 0.5, b → max(3, 4) = 4 → 0.75
          score: (1 * 0.25 + 3 * 0.75) / 4,
          targetScore: (1 * 0.5 + 3 * 0.75) / 4
        },
        {
          name: 'a binary question aims at yes in the section target score',
          questions: [{ id: 'a' }, { id: 'b', weight: 3 }, { id: 'c', type: 'binary', weight: 2 }],
          answers: { a: level(2), b: level(4), c: level('partial') },
          score: (1 * 0.25 + 3 * 0.75 + 2 * 0.5) / 6,
          targetScore: (1 * 0.5 + 3 * 0.75 + 2 * 1) / 6
        },
        {
          name: 'the target score covers the same scored questions only',
          questions: [{ id: 'a' }, { id: 'b' }, { id: 'c', naAllowed: true }],
          answers: { a: level(3), c: NA },
          // b unanswered and c N/A add no target
          score: 0.5,
          targetScore: 0.5
        }
      ],
      (r) => `${r.name}; the gap is target score − score`
    )
  )('%s', (_name, { questions, answers, score, targetScore }) => {
    const section = sectionOf(scoreOne([{ id: 's', questions }], answers), 's');
    expect(section.score).toBeCloseTo(score, DIGITS);
    expect(section.targetScore).toBeCloseTo(targetScore, DIGITS);
    expect(section.gap).toBeCloseTo(targetScore - score, DIGITS);
  });

  it('a questionnaire weights the section target scores like its scores', () => {
    const result = scoreOne(
      [
        { id: 's1', questions: [{ id: 'a' }] },
        { id: 's2', weight: 3, questions: [{ id: 'b' }] },
        { id: 's3', weight: 7, questions: [{ id: 'c' }] }
      ],
      { a: level(1), b: level(4) }
    );
    const q = result.questionnaires[0]!;
    // s1: 0 → target 0.5; s2: 0.75 → target 0.75; s3 has no score and is skipped
    expect(q.score).toBeCloseTo((1 * 0 + 3 * 0.75) / 4, DIGITS);
    expect(q.targetScore).toBeCloseTo((1 * 0.5 + 3 * 0.75) / 4, DIGITS);
    expect(q.gap).toBeCloseTo((1 * 0.5 + 3 * 0.75) / 4 - (1 * 0 + 3 * 0.75) / 4, DIGITS);
  });

  it('the overall target score is the plain mean of the questionnaire target scores', () => {
    const q1 = questionnaire('q1', [{ id: 's', questions: [{ id: 'a' }] }]);
    const q2 = questionnaire('q2', [{ id: 's', questions: [{ id: 'b', type: 'binary' }] }]);
    const q3 = questionnaire('q3', [{ id: 's', questions: [{ id: 'c' }] }]);
    const result = scoreAssessment({
      questionnaires: [q1, q2, q3],
      answers: { ...keyed('q1', { a: level(1) }), ...keyed('q2', { b: level('partial') }) }
    });
    // q1: 0 → target 0.5; q2: 0.5 → target 1; q3 has no score
    expect(result.score).toBeCloseTo((0 + 0.5) / 2, DIGITS);
    expect(result.targetScore).toBeCloseTo((0.5 + 1) / 2, DIGITS);
    expect(result.gap).toBeCloseTo((0.5 + 1) / 2 - (0 + 0.5) / 2, DIGITS);
  });

  it('has no target score or gap without a score', () => {
    const result = scoreOne([{ id: 's', questions: [{ id: 'a' }] }], { a: UNKNOWN }, { target: 5 });
    expect(result.targetScore).toBeNull();
    expect(result.gap).toBeNull();
    expect(questionOf(result, 'a').gap).toBeNull();
  });
});

describe('rule 9: gap list and evidence gaps', () => {
  const sections: Sections = [
    {
      id: 's1',
      questions: [
        { id: 'a' },
        { id: 'b' },
        { id: 'c', type: 'binary', weight: 2 },
        { id: 'k', scored: false }
      ]
    },
    {
      id: 's2',
      weight: 2,
      questions: [
        { id: 'd' },
        { id: 'e' },
        { id: 'f', type: 'binary' },
        { id: 'g' },
        { id: 'h' },
        { id: 'i' },
        { id: 'j', naAllowed: true }
      ]
    }
  ];
  const answers: Record<string, Answer> = {
    a: level(4),
    b: level(1),
    c: level('partial'),
    k: level(1),
    d: level(3),
    e: level(5),
    f: level('no'),
    g: UNKNOWN,
    h: RESTRICTED,
    j: NA
  };
  // Assessment target 5 on the 1–5 scale (max − min = 4):
  const expected = [
    // f: binary no → 1 · w 1 · W 2 = 2
    { questionId: 'f', gap: 1, normalisedGap: 1, priority: 1 * 1 * 2 },
    // b: 5 − 1 = 4 → 4/4 = 1 · 1 · 1 = 1 (ties on priority, largest normalised gap)
    { questionId: 'b', gap: 4, normalisedGap: 4 / 4, priority: 1 * 1 * 1 },
    // c: binary partial → 0.5 · w 2 · W 1 = 1 (ties with d on both: s1 before s2)
    { questionId: 'c', gap: 0.5, normalisedGap: 0.5, priority: 0.5 * 2 * 1 },
    // d: 5 − 3 = 2 → 2/4 = 0.5 · 1 · 2 = 1
    { questionId: 'd', gap: 2, normalisedGap: 2 / 4, priority: 0.5 * 1 * 2 },
    // a: 5 − 4 = 1 → 1/4 = 0.25 · 1 · 1 = 0.25
    { questionId: 'a', gap: 1, normalisedGap: 1 / 4, priority: 0.25 * 1 * 1 }
  ];

  it('lists the scored questions with a gap by priority, normalised gap, then order', () => {
    const result = scoreOne(sections, answers, { target: 5 });
    expect(
      result.gapList.map(({ questionId, gap, normalisedGap, priority }) => ({
        questionId,
        gap,
        normalisedGap,
        priority
      }))
    ).toEqual(expected);
  });

  it('lists unknown and unanswered questions as evidence gaps and restricted ones apart', () => {
    const result = scoreOne(sections, answers, { target: 5 });
    expect(result.evidenceGaps.map((q) => q.questionId).sort()).toEqual(['g', 'i']);
    expect(result.restricted.map((q) => q.questionId)).toEqual(['h']);
  });

  it.each(
    rows<{
      name: string;
      questionnaires: { id: string; sections: Sections; scale?: ScaleName }[];
      answers: AnswerMap;
      order: string[];
    }>(
      [
        {
          name: 'a heavier question comes first',
          questionnaires: [
            { id: 'q', sections: [{ id: 's', questions: [{ id: 'a' }, { id: 'b', weight: 3 }] }] }
          ],
          answers: keyed('q', { a: level(2), b: level(2) }),
          // target 3: a = 1/4·1 = 0.25, b = 1/4·3 = 0.75
          order: ['q/b', 'q/a']
        },
        {
          name: 'a heavier section comes first',
          questionnaires: [
            {
              id: 'q',
              sections: [
                { id: 's1', questions: [{ id: 'a' }] },
                { id: 's2', weight: 3, questions: [{ id: 'b' }] }
              ]
            }
          ],
          answers: keyed('q', { a: level(2), b: level(2) }),
          // a = 0.25·1·1, b = 0.25·1·3
          order: ['q/b', 'q/a']
        },
        {
          name: 'equal priority: the larger normalised gap comes first',
          questionnaires: [
            { id: 'q', sections: [{ id: 's', questions: [{ id: 'a', weight: 2 }, { id: 'b' }] }] }
          ],
          answers: keyed('q', { a: level(2), b: level(1) }),
          // a = 1/4·2 = 0.5, b = 2/4·1 = 0.5; normalised 0.25 < 0.5
          order: ['q/b', 'q/a']
        },
        {
          name: 'a binary partial ties with a maturity question half the scale short',
          questionnaires: [
            {
              id: 'q',
              sections: [{ id: 's', questions: [{ id: 'a' }, { id: 'b', type: 'binary' }] }]
            }
          ],
          answers: keyed('q', { a: level(1, 3), b: level('partial') }),
          // a = 2/4 = 0.5, b = 0.5: full tie, question order
          order: ['q/a', 'q/b']
        },
        {
          name: 'full ties follow the question order, not the ids',
          questionnaires: [
            { id: 'q', sections: [{ id: 's', questions: [{ id: 'z' }, { id: 'm' }] }] }
          ],
          answers: keyed('q', { z: level(2), m: level(2) }),
          order: ['q/z', 'q/m']
        },
        {
          name: 'full ties follow the section order',
          questionnaires: [
            {
              id: 'q',
              sections: [
                { id: 'z', questions: [{ id: 'b' }] },
                { id: 'm', questions: [{ id: 'a' }] }
              ]
            }
          ],
          answers: keyed('q', { a: level(1), b: level(1) }),
          order: ['q/b', 'q/a']
        },
        {
          name: 'full ties follow the questionnaire order of the assessment',
          questionnaires: [
            { id: 'y', sections: [{ id: 's', questions: [{ id: 'a' }] }] },
            { id: 'x', sections: [{ id: 's', questions: [{ id: 'a' }] }] }
          ],
          answers: { ...keyed('x', { a: level(2) }), ...keyed('y', { a: level(2) }) },
          order: ['y/a', 'x/a']
        },
        {
          name: 'a 0–3 scale normalises by 3',
          questionnaires: [
            { id: 'p', sections: [{ id: 's', questions: [{ id: 'a' }] }] },
            { id: 'z', sections: [{ id: 's', questions: [{ id: 'a' }] }], scale: '0-3' }
          ],
          answers: { ...keyed('p', { a: level(2) }), ...keyed('z', { a: level(1) }) },
          // p: (3 − 2)/4 = 0.25; z: (3 − 1)/3 = 0.667
          order: ['z/a', 'p/a']
        },
        {
          name: 'answers at or above the target are not listed',
          questionnaires: [
            {
              id: 'q',
              sections: [
                { id: 's', questions: [{ id: 'a' }, { id: 'b' }, { id: 'c', type: 'binary' }] }
              ]
            }
          ],
          answers: keyed('q', { a: level(3), b: level(4), c: level('yes') }),
          order: []
        }
      ],
      (r) => r.name
    )
  )('%s', (_name, { questionnaires, answers, order }) => {
    const result = scoreAssessment({
      questionnaires: questionnaires.map((q) => questionnaire(q.id, q.sections, q.scale)),
      answers
    });
    expect(result.gapList.map((g) => `${g.questionnaireId}/${g.questionId}`)).toEqual(order);
  });

  it('ranks an exact priority tie by normalised gap even when the float products differ', () => {
    const result = scoreOne(
      [
        {
          id: 's',
          questions: [
            { id: 'a', weight: 0.9 },
            { id: 'b', weight: 0.3 }
          ]
        }
      ],
      { a: level(3), b: level(1) },
      { target: 4 }
    );
    // a: gap 4 − 3 = 1 → 1/4 = 0.25, priority 0.25·0.9·1 = 0.225
    // b: gap 4 − 1 = 3 → 3/4 = 0.75, priority 0.75·0.3·1 = 0.225
    // Equal priorities → larger normalised gap first: b, then a.
    expect(result.gapList.map((g) => g.questionId)).toEqual(['b', 'a']);
  });
});

describe('explanation: the status of each question', () => {
  it.each(
    rows<{ name: string; spec: QuestionSpec; answer?: Answer; status: QuestionStatus }>(
      [
        { name: 'a maturity level', spec: { id: 'x' }, answer: level(3), status: 'scored' },
        {
          name: 'a binary answer',
          spec: { id: 'x', type: 'binary' },
          answer: level('no'),
          status: 'scored'
        },
        { name: 'N/A where allowed', spec: { id: 'x', naAllowed: true }, answer: NA, status: 'na' },
        { name: '"don\'t know"', spec: { id: 'x' }, answer: UNKNOWN, status: 'unknown' },
        {
          name: 'cannot be disclosed',
          spec: { id: 'x' },
          answer: RESTRICTED,
          status: 'restricted'
        },
        { name: 'no answer', spec: { id: 'x' }, status: 'unanswered' },
        { name: 'N/A where not allowed', spec: { id: 'x' }, answer: NA, status: 'unanswered' },
        {
          name: 'an answered context question',
          spec: { id: 'x', scored: false },
          answer: level(5),
          status: 'not-scored'
        },
        {
          name: 'an unanswered context question',
          spec: { id: 'x', scored: false },
          status: 'not-scored'
        }
      ],
      (r) => `${r.name} is explained as "${r.status}"`
    )
  )('%s', (_name, { spec, answer, status }) => {
    const result = scoreOne(
      [{ id: 's', questions: [{ id: 'y' }, spec] }],
      answer ? { y: level(3), x: answer } : { y: level(3) }
    );
    const x = questionOf(result, 'x');
    expect(x.status).toBe(status);
    if (status === 'scored') {
      expect(x.score).not.toBeNull();
    } else {
      expect(x.score).toBeNull();
      expect(x.targetScore).toBeNull();
      expect(x.gap).toBeNull();
      expect(x.priority).toBeNull();
      // y alone: (3 − 1)/4
      expect(result.score).toBe(0.5);
    }
  });

  it('tells where each question sits and how much it weighs', () => {
    const result = scoreOne(
      [
        { id: 's1', questions: [{ id: 'a' }] },
        { id: 's2', weight: 2, questions: [{ id: 'b' }, { id: 'c', weight: 3 }] }
      ],
      { c: level(4) }
    );
    expect(questionOf(result, 'c')).toMatchObject({
      questionnaireId: 'q',
      sectionId: 's2',
      questionId: 'c',
      type: 'maturity',
      weight: 3,
      sectionWeight: 2,
      level: 4,
      order: [0, 1, 1]
    });
  });
});
