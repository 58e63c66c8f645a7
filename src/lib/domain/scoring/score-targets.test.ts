/**
 * docs/scoring.md, rules 8 and 9 and the status of each question, one table per rule. Every expected number is worked out by hand in
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
  keyed,
  level,
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
import type { QuestionStatus } from './types';

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
