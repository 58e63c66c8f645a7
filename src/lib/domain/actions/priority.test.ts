/**
 * The thirds rule, worked by hand: n rows, ⌈n/3⌉ high, up to ⌈2n/3⌉ medium, the rest low; ties
 * with the last row of a better class join it.
 */
import { describe, expect, it } from 'vitest';
import { priorityClassesOf, priorityForGapRow } from './priority';

describe('thirds by position, no ties', () => {
  it.each<[number, string[]]>([
    // n = 1: ⌈1/3⌉ = 1 high, ⌈2/3⌉ = 1 → no medium, no low
    [1, ['high']],
    // n = 2: ⌈2/3⌉ = 1 high, ⌈4/3⌉ = 2 → row 2 medium
    [2, ['high', 'medium']],
    // n = 3: ⌈3/3⌉ = 1, ⌈6/3⌉ = 2 → one of each
    [3, ['high', 'medium', 'low']],
    // n = 4: ⌈4/3⌉ = 2 high, ⌈8/3⌉ = 3 → row 3 medium, row 4 low
    [4, ['high', 'high', 'medium', 'low']],
    // n = 5: ⌈5/3⌉ = 2 high, ⌈10/3⌉ = 4 → rows 3–4 medium, row 5 low
    [5, ['high', 'high', 'medium', 'medium', 'low']]
  ])('%i rows', (n, expected) => {
    // strictly falling priorities: 1, 0.9, 0.8 …
    const priorities = Array.from({ length: n }, (_, i) => 1 - i / 10);
    expect(priorityClassesOf(priorities)).toEqual(expected);
  });

  it('no rows, no classes', () => {
    expect(priorityClassesOf([])).toEqual([]);
  });
});

describe('ties join the better class', () => {
  it.each<[string, number[], string[]]>([
    // n = 2: row 2 ties with row 1, the last high row
    ['two equal rows', [0.5, 0.5], ['high', 'high']],
    // n = 3: all tie with row 1
    ['three equal rows', [0.5, 0.5, 0.5], ['high', 'high', 'high']],
    // n = 3: row 3 (low) ties with row 2, the last medium row
    ['a low row tied with the last medium row', [0.9, 0.5, 0.5], ['high', 'medium', 'medium']],
    // n = 4: high = rows 1–2; row 3 ties with row 2 → high; row 4 does not
    [
      'a medium row tied with the last high row',
      [0.9, 0.6, 0.6, 0.1],
      ['high', 'high', 'high', 'low']
    ],
    // n = 4: row 4 ties with row 2 (last high) through row 3 → high too
    [
      'a low row tied with the last high row',
      [0.9, 0.6, 0.6, 0.6],
      ['high', 'high', 'high', 'high']
    ],
    // n = 5: high = rows 1–2, medium rows 3–4; row 5 ties with row 4 → medium
    [
      'n = 5, a tie at the medium boundary',
      [0.9, 0.8, 0.5, 0.3, 0.3],
      ['high', 'high', 'medium', 'medium', 'medium']
    ],
    // n = 5: rows 1 and 2 tie inside high; no effect across the boundary
    [
      'a tie inside a class changes nothing',
      [0.9, 0.9, 0.5, 0.3, 0.1],
      ['high', 'high', 'medium', 'medium', 'low']
    ],
    // 0.75·0.3 and 0.5·0.45 differ only by float noise: the same priority
    ['float noise is a tie', [0.9, 0.75 * 0.3, 0.5 * 0.45], ['high', 'medium', 'medium']]
  ])('%s', (_name, priorities, expected) => {
    expect(priorityClassesOf(priorities)).toEqual(expected);
  });

  it('the tolerance is a parameter', () => {
    expect(priorityClassesOf([0.9, 0.5, 0.49], 0.02)).toEqual(['high', 'medium', 'medium']);
    expect(priorityClassesOf([0.9, 0.5, 0.49])).toEqual(['high', 'medium', 'low']);
  });
});

describe('priority of one gap-list row', () => {
  const gapList = [{ priority: 2 }, { priority: 1.5 }, { priority: 1.5 }, { priority: 0.25 }];

  it.each<[number, string | null]>([
    // n = 4: rows 1–2 high; row 3 ties with row 2 → high; row 4 low
    [0, 'high'],
    [1, 'high'],
    [2, 'high'],
    [3, 'low'],
    [4, null],
    [-1, null]
  ])('row index %i is %s', (index, expected) => {
    expect(priorityForGapRow(gapList, index)).toBe(expected);
  });
});
