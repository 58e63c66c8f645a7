/**
 * Display rounding (docs/scoring.md, rule 5). Every figure is computed unrounded and rounded once,
 * here, for the screen, the CSV and the PDF alike.
 */

/**
 * Rounds half away from zero to one decimal; the 1e-9 absorbs binary noise such as
 * 0.1375 * 100 = 13.750000000000002 or 13.749999999999998. Never returns -0.
 * @example roundOneDecimal(13.75) // 13.8
 * @example roundOneDecimal(-0.25) // -0.3
 */
export function roundOneDecimal(value: number): number {
  const rounded = (Math.sign(value) * Math.floor(Math.abs(value) * 10 + 0.5 + 1e-9)) / 10;
  return rounded === 0 ? 0 : rounded;
}

/**
 * A share (0–1) as a percentage with one decimal, `null` stays `null`.
 * @example shownPercent(0.725) // 72.5
 */
export function shownPercent(share: number | null): number | null {
  return share === null ? null : roundOneDecimal(100 * share);
}

/**
 * A share as text: "72.5", "0.0", or "" for null (CSV cells) / a caller-chosen placeholder.
 * @example formatPercent(0.1375) // "13.8"
 */
export function formatPercent(share: number | null, empty = ''): string {
  const shown = shownPercent(share);
  return shown === null ? empty : shown.toFixed(1);
}

/**
 * The equivalent level on the scale, one decimal ("2.4" of 5).
 * @example equivalentLevel(0.35, 1, 5) // 2.4
 */
export function equivalentLevel(share: number | null, min: number, max: number): number | null {
  return share === null ? null : roundOneDecimal(min + share * (max - min));
}

/**
 * A difference of two shares in percentage points, computed unrounded and rounded once.
 * @example formatPoints(0.5 - 0.3625) // "13.8"
 */
export function formatPoints(delta: number | null, empty = ''): string {
  return formatPercent(delta, empty);
}
