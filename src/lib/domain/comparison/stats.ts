/**
 * The two calculations a comparison table rests on (docs/scoring.md, rule 10): dense ranks on shown
 * values and summary statistics on unrounded values. Kept apart from `compare.ts` so each can be
 * tested on plain numbers.
 */

/** N, mean, median, min and max of a set of shares (0–1), unrounded; all null when N = 0. */
export interface Stats {
  n: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Summary statistics from unrounded values (rule 5: rounded once, at display). Non-finite values
 * are ignored. The values are summed in ascending order so that the same set in any order gives
 * bit-identical figures, and the mean and median are clamped to [min, max]: three shares of 0.1
 * sum to 0.30000000000000004, whose third would otherwise sit above the maximum.
 * @example summarise([0.2, 0.4, 0.9, 0.5]) // { n: 4, mean: 0.5, median: 0.45, min: 0.2, max: 0.9 }
 */
export function summarise(values: readonly number[]): Stats {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, mean: null, median: null, min: null, max: null };
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { n, mean: clamp(sum / n, min, max), median: clamp(median, min, max), min, max };
}

/**
 * Dense ranks, highest first, on values already rounded for display (rule 10): equal values
 * share a rank and the next rank follows without a gap. A null value (no score, or a provisional
 * one) gets no rank. Ranks sit at the same positions as the values.
 * @example denseRanks([99.5, null, 99.4, 99.5]) // [1, null, 2, 1]
 */
export function denseRanks(shown: readonly (number | null)[]): (number | null)[] {
  const distinct = [...new Set(shown.filter((v): v is number => v !== null))].sort((a, b) => b - a);
  const rankOf = new Map(distinct.map((value, i) => [value, i + 1]));
  return shown.map((v) => (v === null ? null : (rankOf.get(v) ?? null)));
}
