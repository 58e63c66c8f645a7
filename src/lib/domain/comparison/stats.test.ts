/**
 * Hand-worked tables, one per danger: expected numbers are worked out in the table, never by
 * calling the code under test.
 */
import { describe, expect, it } from 'vitest';
import { denseRanks, summarise } from './stats';
import { DIGITS, rows } from './test-fixtures';

describe('summary statistics (unrounded, rule 5)', () => {
  it.each(
    rows<{ values: number[]; n: number; mean: number | null; median: number | null; as: string }>(
      [
        { values: [], n: 0, mean: null, median: null, as: 'nothing to summarise: all null' },
        { values: [0.3], n: 1, mean: 0.3, median: 0.3, as: 'one value is its own mean and median' },
        {
          values: [0.9, 0.2, 0.4],
          n: 3,
          mean: (0.2 + 0.4 + 0.9) / 3, // 1.5 / 3 = 0.5
          median: 0.4, // sorted 0.2, 0.4, 0.9: the middle one
          as: 'odd count: the middle value'
        },
        {
          values: [0.2, 0.4, 0.9, 0.5],
          n: 4,
          mean: (0.2 + 0.4 + 0.5 + 0.9) / 4, // 2.0 / 4 = 0.5
          median: (0.4 + 0.5) / 2, // sorted 0.2, 0.4, 0.5, 0.9: mean of the middle two = 0.45
          as: 'even count: the mean of the middle two'
        },
        {
          values: [0.72451, 0.72549],
          n: 2,
          mean: (0.72451 + 0.72549) / 2, // 0.725, though both show 72.5
          median: 0.725,
          as: 'uses the unrounded values, not the shown 72.5 and 72.5'
        }
      ],
      (r) => r.as
    )
  )('%s', (_name, { values, n, mean, median }) => {
    const stats = summarise(values);
    expect(stats.n).toBe(n);
    if (mean === null || median === null) {
      expect(stats).toEqual({ n: 0, mean: null, median: null, min: null, max: null });
      return;
    }
    expect(stats.mean).toBeCloseTo(mean, DIGITS);
    expect(stats.median).toBeCloseTo(median, DIGITS);
    expect(stats.min).toBe(Math.min(...values));
    expect(stats.max).toBe(Math.max(...values));
  });

  it('keeps the mean of equal values at that value despite float noise', () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004 in binary; a third of it lies above 0.1.
    expect(summarise([0.1, 0.1, 0.1]).mean).toBe(0.1);
  });
});

describe('dense ranks on shown values (rule 10)', () => {
  it.each(
    rows<{ shown: (number | null)[]; ranks: (number | null)[] }>(
      [
        { shown: [99.5, 99.5, 99.4], ranks: [1, 1, 2] },
        { shown: [99.4, null, 99.5, 99.5], ranks: [2, null, 1, 1] },
        { shown: [10, 20, 30], ranks: [3, 2, 1] },
        { shown: [50, 50, 50], ranks: [1, 1, 1] },
        { shown: [0, 100, 0, 55.5], ranks: [3, 1, 3, 2] },
        { shown: [null, null], ranks: [null, null] },
        { shown: [], ranks: [] }
      ],
      (r) => `[${r.shown.join(', ')}] → [${r.ranks.join(', ')}]`
    )
  )('%s', (_name, { shown, ranks }) => {
    expect(denseRanks(shown)).toEqual(ranks);
  });
});
