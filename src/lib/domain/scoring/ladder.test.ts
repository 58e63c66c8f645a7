/** docs/scoring.md, "6. Stage": the stage ladder's data; expectations worked by hand. */
import { describe, expect, it } from 'vitest';
import { NA, fill, keyed, level, many, questionnaire, scoreOne } from '../testing/score-tables';
import { aimStage, overallLadder, stageLadder } from './ladder';
import { scoreAssessment } from './score';

describe('stage ladder', () => {
  it('has one rung per scale level, lowest first, with here and aim marked', () => {
    const result = scoreOne([{ id: 's', questions: many('a', 4) }], fill('a', 0, 4, level(2)), {
      target: 4
    });
    const ladder = stageLadder(result.questionnaires[0]!);
    expect(ladder.rungs.map((r) => r.value)).toEqual([1, 2, 3, 4, 5]);
    expect(ladder.rungs.map((r) => r.label)).toEqual([
      'Start-up',
      'Formative',
      'Established',
      'Strategic',
      'Dynamic'
    ]);
    expect(ladder.rungs.filter((r) => r.here).map((r) => r.value)).toEqual([2]);
    expect(ladder.rungs.filter((r) => r.aim).map((r) => r.value)).toEqual([4]);
    expect(ladder.here).toBe(2);
    expect(ladder.aim).toBe(4);
    expect(ladder.claim).toEqual({ kind: 'stage', stage: 2 });
  });

  it('is not here anywhere when provisional, and says so with n of m', () => {
    // one answer at 3 of 31 questions (the case); default target 3
    const result = scoreOne([{ id: 's', questions: many('a', 31) }], { a0: level(3) });
    const ladder = stageLadder(result.questionnaires[0]!);
    expect(ladder.here).toBeNull();
    expect(ladder.rungs.some((r) => r.here)).toBe(false);
    expect(ladder.aim).toBe(3);
    expect(ladder.claim).toEqual({ kind: 'provisional', n: 1, m: 31 });
  });

  it('aims at the targets of every maturity question, answered or not, never below a level', () => {
    // a0–a3 own target 5, a4–a9 default 3 but a4 answered at 4: ≥5 holds 4/10, ≥4 holds 5/10,
    // ≥3 holds all → aim 3; with a0–a7 at target 5: ≥5 holds 8/10 = 80% → aim 5
    const low = scoreOne([{ id: 's', questions: many('a', 10) }], {
      ...fill('a', 0, 4, level(1, 5)),
      a4: level(4)
    });
    expect(aimStage(low.questionnaires[0]!)).toBe(3);
    const high = scoreOne([{ id: 's', questions: many('a', 10) }], fill('a', 0, 8, level(1, 5)));
    expect(aimStage(high.questionnaires[0]!)).toBe(5);
  });

  it('leaves N/A and binary questions out of the aim', () => {
    const result = scoreOne(
      [
        {
          id: 's',
          questions: [{ id: 'a' }, { id: 'b', naAllowed: true }, { id: 'c', type: 'binary' }]
        }
      ],
      { a: level(2, 4), b: NA, c: level('no') }
    );
    expect(aimStage(result.questionnaires[0]!)).toBe(4);
  });

  it('has no aim when no maturity question can be scored', () => {
    const result = scoreOne([{ id: 's', questions: [{ id: 'c', type: 'binary' }] }], {});
    expect(stageLadder(result.questionnaires[0]!).aim).toBeNull();
  });

  it('gives an overall ladder on a shared scale, aiming at the lowest questionnaire aim', () => {
    const q1 = questionnaire('q1', [{ id: 's', questions: many('a', 2) }]);
    const q2 = questionnaire('q2', [{ id: 's', questions: many('b', 2) }]);
    const result = scoreAssessment({
      questionnaires: [q1, q2],
      answers: {
        ...keyed('q1', fill('a', 0, 2, level(4, 5))),
        ...keyed('q2', fill('b', 0, 2, level(2)))
      }
    });
    const ladder = overallLadder(result, 'Overall')!;
    expect(ladder.id).toBeNull();
    expect(ladder.title).toBe('Overall');
    expect(ladder.here).toBe(2); // lowest of 4 and 2
    expect(ladder.aim).toBe(3); // lowest of 5 and the default 3
  });

  it('has no overall ladder when the scales differ', () => {
    const q1 = questionnaire('q1', [{ id: 's', questions: many('a', 1) }]);
    const q2 = questionnaire('q2', [{ id: 's', questions: many('b', 1) }], '0-3');
    const result = scoreAssessment({ questionnaires: [q1, q2], answers: {} });
    expect(overallLadder(result, 'Overall')).toBeNull();
  });

  it('says which provisional questionnaire keeps the overall off the ladder', () => {
    const q1 = questionnaire('q1', [{ id: 's', questions: many('a', 9) }]);
    const q2 = questionnaire('q2', [{ id: 's', questions: many('b', 3) }]);
    const result = scoreAssessment({
      questionnaires: [q1, q2],
      answers: { ...keyed('q1', fill('a', 0, 9, level(3))), ...keyed('q2', { b0: level(5) }) }
    });
    const ladder = overallLadder(result, 'Overall')!;
    expect(ladder.here).toBeNull();
    expect(ladder.claim).toMatchObject({ kind: 'provisional', within: { id: 'q2' }, n: 1, m: 3 });
  });
});
