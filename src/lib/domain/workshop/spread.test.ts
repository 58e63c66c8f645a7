/**
 * Rule 13, one table per danger. Each row shows its arithmetic: the levels sorted, n, the
 * ⌈n/2⌉-th smallest, and the spread as positions in the scale.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../assessment/model';
import { CMM_SCALE } from '../testing/factories';
import type { Group } from './groups';
import { needsRationale, spreadOf, type Level, type Spread } from './spread';

/** A group's card as typed in the room: a level, '?' don't know, 'na', 'x' cannot disclose. */
type Card = Level | '?' | 'na' | 'x' | null;

function answer(card: Card): Answer | undefined {
  if (card === null) return undefined;
  if (card === '?') return { state: 'unknown' };
  if (card === 'na') return { state: 'na', naReason: 'no such body here' };
  if (card === 'x') return { state: 'restricted' };
  return { state: 'level', level: card };
}

/** Groups g1, g2 … in order; `observers` lists the positions (1-based) that only observe. */
function room(cards: Card[], observers: number[] = []) {
  const groups: Pick<Group, 'id' | 'observer'>[] = cards.map((_, i) => ({
    id: `g${i + 1}`,
    observer: observers.includes(i + 1)
  }));
  const answers: Record<string, Answer | undefined> = {};
  cards.forEach((c, i) => (answers[`g${i + 1}`] = answer(c)));
  return { groups, answers };
}

const maturity = { type: 'maturity' } as const;
const binary = { type: 'binary' } as const;

type Expected = Pick<
  Spread,
  'answered' | 'lowest' | 'highest' | 'suggested' | 'spread' | 'disagree' | 'evenSplit'
>;

function pick(s: Spread): Expected {
  return {
    answered: s.answered,
    lowest: s.lowest,
    highest: s.highest,
    suggested: s.suggested,
    spread: s.spread,
    disagree: s.disagree,
    evenSplit: s.evenSplit
  };
}

describe('rule 13 on a 1–5 maturity scale', () => {
  it.each<[string, Card[], Expected]>([
    [
      // sorted 1,3,4; n = 3; ⌈3/2⌉ = 2nd smallest = 3; spread = pos(4) − pos(1) = 3 − 0 = 3 ≥ 2
      'odd count, far apart',
      [3, 1, 4],
      {
        answered: 3,
        lowest: 1,
        highest: 4,
        suggested: 3,
        spread: 3,
        disagree: true,
        evenSplit: false
      }
    ],
    [
      // sorted 2,2,3; n = 3; 2nd smallest = 2; spread = 1 < 2
      'odd count, close',
      [2, 3, 2],
      {
        answered: 3,
        lowest: 2,
        highest: 3,
        suggested: 2,
        spread: 1,
        disagree: false,
        evenSplit: false
      }
    ],
    [
      // sorted 1,2,2,4; n = 4; ⌈4/2⌉ = 2nd smallest = 2; middle two 2,2 equal; spread = 3
      'even count, middle agrees',
      [4, 2, 1, 2],
      {
        answered: 4,
        lowest: 1,
        highest: 4,
        suggested: 2,
        spread: 3,
        disagree: true,
        evenSplit: false
      }
    ],
    [
      // sorted 2,3; n = 2; 1st smallest = 2; middle two 2,3 differ; spread = 1
      'even split of two',
      [3, 2],
      {
        answered: 2,
        lowest: 2,
        highest: 3,
        suggested: 2,
        spread: 1,
        disagree: false,
        evenSplit: true
      }
    ],
    [
      // sorted 1,1,2,3,4,5; n = 6; 3rd smallest = 2; middle 2,3 differ; spread = 4
      'six groups, even split',
      [5, 1, 3, 2, 4, 1],
      {
        answered: 6,
        lowest: 1,
        highest: 5,
        suggested: 2,
        spread: 4,
        disagree: true,
        evenSplit: true
      }
    ],
    [
      // sorted 3,3,5; n = 3; 2nd smallest = 3; spread = 2: exactly the threshold
      'spread of exactly two steps',
      [5, 3, 3],
      {
        answered: 3,
        lowest: 3,
        highest: 5,
        suggested: 3,
        spread: 2,
        disagree: true,
        evenSplit: false
      }
    ],
    [
      // n = 1; 1st smallest = 4; spread 0
      'one group',
      [4],
      {
        answered: 1,
        lowest: 4,
        highest: 4,
        suggested: 4,
        spread: 0,
        disagree: false,
        evenSplit: false
      }
    ],
    [
      'no group answered',
      [null, null],
      {
        answered: 0,
        lowest: null,
        highest: null,
        suggested: null,
        spread: null,
        disagree: false,
        evenSplit: false
      }
    ],
    [
      // 9 is not on the scale: that card cannot be placed and is not counted; sorted 2,3
      'a level off the scale is not counted',
      [2, 9, 3],
      {
        answered: 2,
        lowest: 2,
        highest: 3,
        suggested: 2,
        spread: 1,
        disagree: false,
        evenSplit: true
      }
    ]
  ])('%s', (_name, cards, expected) => {
    const { groups, answers } = room(cards);
    expect(pick(spreadOf(maturity, CMM_SCALE, answers, groups))).toEqual(expected);
  });
});

describe('spread counts positions in the scale, not value differences', () => {
  const scale = [{ value: 0 }, { value: 10 }, { value: 20 }, { value: 30 }];
  it.each<[string, Card[], number, boolean]>([
    // pos(20) − pos(10) = 2 − 1 = 1, though the values differ by 10
    ['neighbouring values', [10, 20], 1, false],
    // pos(20) − pos(0) = 2 − 0 = 2
    ['two steps apart', [0, 20], 2, true],
    // pos(30) − pos(0) = 3
    ['end to end', [30, 0, 10], 3, true]
  ])('%s', (_name, cards, steps, disagree) => {
    const { groups, answers } = room(cards);
    const s = spreadOf(maturity, scale, answers, groups);
    expect([s.spread, s.disagree]).toEqual([steps, disagree]);
  });
});

describe('rule 13 on a yes/no question (no < partial < yes)', () => {
  it.each<[string, Card[], Expected]>([
    [
      // sorted no, partial, yes; 2nd smallest = partial; yes and no both given
      'yes and no',
      ['yes', 'no', 'partial'],
      {
        answered: 3,
        lowest: 'no',
        highest: 'yes',
        suggested: 'partial',
        spread: null,
        disagree: true,
        evenSplit: false
      }
    ],
    [
      // sorted partial, yes; 1st smallest = partial; middle differ; no "no" given
      'yes beside partial splits evenly but does not disagree',
      ['yes', 'partial'],
      {
        answered: 2,
        lowest: 'partial',
        highest: 'yes',
        suggested: 'partial',
        spread: null,
        disagree: false,
        evenSplit: true
      }
    ],
    [
      // sorted no, no, yes, yes; 2nd smallest = no; middle no, yes differ
      'two against two',
      ['yes', 'no', 'yes', 'no'],
      {
        answered: 4,
        lowest: 'no',
        highest: 'yes',
        suggested: 'no',
        spread: null,
        disagree: true,
        evenSplit: true
      }
    ],
    [
      // sorted yes, yes, yes; 2nd smallest = yes
      'all yes',
      ['yes', 'yes', 'yes'],
      {
        answered: 3,
        lowest: 'yes',
        highest: 'yes',
        suggested: 'yes',
        spread: null,
        disagree: false,
        evenSplit: false
      }
    ],
    [
      // a number on a yes/no question cannot be placed
      'a number is not a yes/no answer',
      ['no', 3],
      {
        answered: 1,
        lowest: 'no',
        highest: 'no',
        suggested: 'no',
        spread: null,
        disagree: false,
        evenSplit: false
      }
    ]
  ])('%s', (_name, cards, expected) => {
    const { groups, answers } = room(cards);
    expect(pick(spreadOf(binary, CMM_SCALE, answers, groups))).toEqual(expected);
  });
});

describe('groups with other states are counted apart', () => {
  it('levels and other states: only the levels make the suggestion', () => {
    // levels 3, 4 → n = 2, 1st smallest = 3; others: don't know ×2, cannot disclose ×1
    const { groups, answers } = room([3, '?', '?', 'x', 4, null]);
    const s = spreadOf(maturity, CMM_SCALE, answers, groups);
    expect(s.answered).toBe(2);
    expect(s.suggested).toBe(3);
    expect(s.other).toEqual({ na: 0, unknown: 2, restricted: 1 });
    expect(s.otherCount).toBe(3);
    expect(s.naBesideLevels).toBe(false);
    expect(s.queued).toBe(false);
  });

  it('N/A beside levels goes to the disagreement queue though the levels agree', () => {
    // levels 3, 3 → spread 0, no disagreement; one N/A beside them
    const { groups, answers } = room(['na', 3, 3]);
    const s = spreadOf(maturity, CMM_SCALE, answers, groups);
    expect([s.disagree, s.naBesideLevels, s.queued]).toEqual([false, true, true]);
    expect(s.other).toEqual({ na: 1, unknown: 0, restricted: 0 });
  });

  it('N/A from every group is no disagreement and suggests nothing', () => {
    const { groups, answers } = room(['na', 'na']);
    const s = spreadOf(maturity, CMM_SCALE, answers, groups);
    expect([s.suggested, s.naBesideLevels, s.queued, s.otherCount]).toEqual([
      null,
      false,
      false,
      2
    ]);
  });
});

describe('observers are left out', () => {
  it('observers far away move nothing', () => {
    // counted g1 4, g2 5, g3 5 → sorted 4,5,5; 2nd smallest = 5; spread 1.
    // Were observers g4 and g5 (1, 1) counted: sorted 1,1,4,5,5 → 3rd = 4, spread 4.
    const { groups, answers } = room([4, 5, 5, 1, 1], [4, 5]);
    const s = spreadOf(maturity, CMM_SCALE, answers, groups);
    expect(pick(s)).toEqual({
      answered: 3,
      lowest: 4,
      highest: 5,
      suggested: 5,
      spread: 1,
      disagree: false,
      evenSplit: false
    });
    expect(s.levels.map((l) => l.groupId)).toEqual(['g1', 'g2', 'g3']);
  });

  it("an observer's N/A or don't know is not counted either", () => {
    const { groups, answers } = room([2, 2, 'na', '?'], [3, 4]);
    const s = spreadOf(maturity, CMM_SCALE, answers, groups);
    expect([s.otherCount, s.naBesideLevels, s.queued]).toEqual([0, false, false]);
  });

  it('keeps the counted levels in group order for the dot plot', () => {
    const { groups, answers } = room([5, '?', 1, 3]);
    expect(spreadOf(maturity, CMM_SCALE, answers, groups).levels).toEqual([
      { groupId: 'g1', level: 5 },
      { groupId: 'g3', level: 1 },
      { groupId: 'g4', level: 3 }
    ]);
  });
});

describe('when the rationale box takes the focus', () => {
  const s = (cards: Card[], type: 'maturity' | 'binary' = 'maturity') => {
    const { groups, answers } = room(cards);
    return spreadOf({ type }, CMM_SCALE, answers, groups);
  };
  const level = (l: Level): Answer => ({ state: 'level', level: l });

  it.each<[string, Spread, Answer | undefined, boolean]>([
    // sorted 2,2,3 → suggested 2, spread 1, no split
    ['consensus equals a calm suggestion', s([2, 2, 3]), level(2), false],
    ['a different level', s([2, 2, 3]), level(3), true],
    ['a different state', s([2, 2, 3]), { state: 'unknown' }, true],
    ['no consensus set yet', s([2, 2, 3]), undefined, false],
    ['an answer with no state is no consensus', s([2, 2, 3]), {}, false],
    // sorted 1,2,4 → suggested 2, spread 3: disagree
    ['the suggestion where groups disagree', s([1, 2, 4]), level(2), true],
    // sorted 2,3 → suggested 2, even split
    ['the suggestion of an even split', s([2, 3]), level(2), true],
    // levels 3,3 beside an N/A → queued
    ['the suggestion with N/A beside levels', s([3, 3, 'na']), level(3), true],
    ['binary: yes and no given', s(['yes', 'no', 'yes'], 'binary'), level('yes'), true],
    ['binary: agreed', s(['yes', 'yes'], 'binary'), level('yes'), false],
    ['no suggestion: nothing is asked', s(['?', 'x']), level(3), false],
    ['no suggestion, N/A consensus: nothing is asked', s(['na', 'na']), { state: 'unknown' }, false]
  ])('%s', (_name, spread, consensus, expected) => {
    expect(needsRationale(consensus, spread)).toBe(expected);
  });
});

describe('a group whose part leaves the question out', () => {
  it('has no answer to it and counts in neither the levels nor the other states', () => {
    // g3 was not asked: no card. Sorted 2,3 → as if only two groups sat in the room.
    const asked = room([2, 3]);
    const withNotAsked = room([2, 3, null]);
    const a = spreadOf(maturity, CMM_SCALE, asked.answers, asked.groups);
    const b = spreadOf(maturity, CMM_SCALE, withNotAsked.answers, withNotAsked.groups);
    expect(pick(b)).toEqual(pick(a));
    expect(b.answered).toBe(2);
    expect(b.otherCount).toBe(0);
  });
});
