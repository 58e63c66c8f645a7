/**
 * Colour-blind-safe series colours (Okabe–Ito), each paired with a dash pattern so series stay
 * distinguishable in grey print too. Series 0 is "current", series 1 "target" by convention.
 */
export const SERIES_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#8F7700'
];
export const SERIES_DASHES: number[][] = [
  [],
  [6, 4],
  [2, 3],
  [10, 3, 2, 3],
  [1, 2],
  [8, 2],
  [4, 4],
  [12, 4]
];

/** A position in a list of `length` for any number: wraps around, negative and odd values too. */
function cyclic(i: number, length: number): number {
  const whole = Number.isFinite(i) ? Math.trunc(i) : 0;
  return ((whole % length) + length) % length;
}

export function seriesColour(i: number): string {
  return SERIES_COLOURS[cyclic(i, SERIES_COLOURS.length)]!;
}

export function seriesDash(i: number): number[] {
  return SERIES_DASHES[cyclic(i, SERIES_DASHES.length)]!;
}

/** Translucent fill from a #rrggbb colour. */
export function fill(hex: string, alpha = 0.15): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * Heat-map cell colour for a 0–100 score: a light-to-dark blue ramp with readable text. A value
 * outside 0–100 takes the nearest end of the ramp and NaN counts as no score, so a damaged
 * figure can never leave a cell without a colour.
 */
export function heatColour(percent: number | null): { background: string; text: string } {
  if (percent === null || Number.isNaN(percent)) return { background: '#ffffff', text: '#1b1f24' };
  const steps = ['#f1f6fb', '#d6e6f4', '#aacbe6', '#6fa6d2', '#2c6aa0', '#175a94', '#0b3d6e'];
  const i = Math.max(0, Math.min(steps.length - 1, Math.floor((percent / 100) * steps.length)));
  return { background: steps[i]!, text: i >= 4 ? '#ffffff' : '#1b1f24' };
}
