/**
 * docs/scoring.md, rules 1–4, one table per rule. Every expected number is worked out by hand in
 * the table (as an expression or a comment), never by calling the code under test.
 */
import { describe, expect, it } from 'vitest';
import type { BinaryValue } from '../questionnaire/schema';
import type { Answer, AnswerMap } from '../assessment/model';
import {
  DIGITS,
  NA,
  RESTRICTED,
  UNKNOWN,
  fill,
  keyed,
  level,
  many,
  questionOf,
  questionnaire,
  rows,
  scoreOne,
  sectionOf,
  type QuestionSpec,
  type ScaleName,
  type Sections
} from '../testing/score-tables';
import { scoreAssessment } from './score';

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
