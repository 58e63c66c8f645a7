/**
 * docs/scoring.md, rule 5: a share x is shown as p = 100·x with one decimal,
 * shown = sign(p)·⌊|p|·10 + 0.5 + 1e-9⌋ / 10, never "−0.0".
 */
import { describe, expect, it } from 'vitest';
import {
  basedOn,
  equivalentLevel,
  formatPercent,
  formatPoints,
  roundOneDecimal,
  shownPercent,
  stageClaim
} from './display';

/** Table rows as [test name, row]: vitest prints '%s' names whole and unquoted. */
function rows<T>(table: readonly T[], name: (row: T) => string): [string, T][] {
  return table.map((row) => [name(row), row]);
}

describe('roundOneDecimal (rule 5)', () => {
  it.each(
    rows(
      [
        { value: 13.75, shown: 13.8, why: 'half rounds up' },
        { value: -0.25, shown: -0.3, why: 'half rounds away from zero below zero' },
        { value: 0.05, shown: 0.1, why: 'a small half rounds up' },
        { value: 72.45, shown: 72.5, why: '72.45 is stored as 72.4500000000000028' },
        { value: 0.145 * 100, shown: 14.5, why: '0.145·100 is 14.499999999999998 in floats' },
        { value: 0.1375 * 100, shown: 13.8, why: '0.1375·100 is 13.750000000000002 in floats' },
        { value: 13.749999999999998, shown: 13.8, why: 'float noise just below .x5 rounds up' },
        { value: -13.749999999999998, shown: -13.8, why: 'the same below zero' },
        { value: 13.74, shown: 13.7, why: 'below half rounds down' },
        { value: 13.7, shown: 13.7, why: 'one decimal already' },
        { value: 100, shown: 100, why: 'the top of the range' },
        { value: 0, shown: 0, why: 'zero' }
      ],
      (r) => `shows ${r.value} as ${r.shown.toFixed(1)} (${r.why})`
    )
  )('%s', (_name, { value, shown }) => {
    expect(roundOneDecimal(value)).toBe(shown);
  });

  it.each(
    rows([-0.04, -0.0001, -0, -1e-12], (v) => `never shows ${Object.is(v, -0) ? '-0' : v} as -0.0`)
  )('%s', (_name, value) => {
    const shown = roundOneDecimal(value);
    expect(Object.is(shown, 0)).toBe(true);
    expect(formatPercent(value / 100)).toBe('0.0');
  });
});

describe('shownPercent and formatPercent (rule 5)', () => {
  it.each(
    rows(
      [
        { share: 0.1375, shown: 13.8, text: '13.8' },
        { share: 0.7245, shown: 72.5, text: '72.5' },
        { share: 0.145, shown: 14.5, text: '14.5' },
        { share: 0.0005, shown: 0.1, text: '0.1' },
        { share: 0, shown: 0, text: '0.0' },
        { share: 1, shown: 100, text: '100.0' },
        { share: -0.0004, shown: 0, text: '0.0' },
        { share: -0.0025, shown: -0.3, text: '-0.3' },
        // 2.5 / 3 = 0.8333… → 83.333… → 83.3
        { share: 2.5 / 3, shown: 83.3, text: '83.3' }
      ],
      (r) => `shows the share ${r.share} as "${r.text}"`
    )
  )('%s', (_name, { share, shown, text }) => {
    expect(shownPercent(share)).toBe(shown);
    expect(formatPercent(share)).toBe(text);
  });

  it('leaves a missing score empty in CSV cells', () => {
    expect(shownPercent(null)).toBeNull();
    expect(formatPercent(null)).toBe('');
  });

  it('uses the placeholder the caller chooses for a missing score', () => {
    expect(formatPercent(null, '–')).toBe('–');
  });

  it('rounds a difference of unrounded shares once, not the difference of rounded ones', () => {
    // 0.5 − 0.3625 = 0.1375 → 13.75 → 13.8; rounding each first would give 50.0 − 36.3 = 13.7.
    expect(formatPoints(0.5 - 0.3625)).toBe('13.8');
    expect(formatPoints(null)).toBe('');
  });
});

describe('equivalentLevel (rule 5: "2.4 of 5")', () => {
  it.each(
    rows(
      [
        // min + x·(max − min)
        { share: 0.35, min: 1, max: 5, level: 2.4, why: '1 + 0.35·4 = 2.4' },
        { share: 0, min: 1, max: 5, level: 1, why: '1 + 0·4 = 1' },
        { share: 1, min: 1, max: 5, level: 5, why: '1 + 1·4 = 5' },
        { share: 0.5, min: 0, max: 3, level: 1.5, why: '0 + 0.5·3 = 1.5' },
        { share: 2 / 3, min: 0, max: 3, level: 2, why: '0 + (2/3)·3 = 2' },
        { share: 0.4375, min: 1, max: 5, level: 2.8, why: '1 + 0.4375·4 = 2.75 → 2.8' },
        { share: 0.1, min: 1, max: 4, level: 1.3, why: '1 + 0.1·3 = 1.3' }
      ],
      (r) => `shows the share ${r.share} as ${r.level} of ${r.max} (${r.why})`
    )
  )('%s', (_name, { share, min, max, level }) => {
    expect(equivalentLevel(share, min, max)).toBe(level);
  });

  it('reads "2.4 of 5" for a share of 0.35 on the 1–5 scale', () => {
    expect(`${equivalentLevel(0.35, 1, 5)} of 5`).toBe('2.4 of 5');
  });

  it('has no equivalent level for a missing score', () => {
    expect(equivalentLevel(null, 1, 5)).toBeNull();
  });
});

describe('basedOn and stageClaim (rule 6 as amended)', () => {
  const counts = (scored: number, scorable: number, na = 0) => ({ scored, scorable, na });

  it('counts n as the scored questions and m as the scorable ones less N/A', () => {
    expect(basedOn(counts(1, 32, 1))).toEqual({ n: 1, m: 31 });
    expect(basedOn(counts(0, 2, 2))).toEqual({ n: 0, m: 0 });
  });

  it('gives the stage when there is one', () => {
    const claim = stageClaim({ stage: 3, score: 0.5, provisional: false, counts: counts(9, 10) });
    expect(claim).toEqual({ kind: 'stage', stage: 3 });
  });

  it('says "not enough answers yet" with n of m for a provisional scope', () => {
    const claim = stageClaim({ stage: null, score: 0.5, provisional: true, counts: counts(1, 31) });
    expect(claim).toEqual({ kind: 'provisional', n: 1, m: 31 });
  });

  it('names the provisional questionnaire that withholds an overall stage, with its counts', () => {
    const overall = { stage: null, score: 0.6, provisional: false, counts: counts(10, 12) };
    const parts = [
      { id: 'a', title: 'A', stage: 3, score: 0.5, provisional: false, counts: counts(9, 9) },
      { id: 'b', title: 'B', stage: null, score: 1, provisional: true, counts: counts(1, 3) }
    ];
    expect(stageClaim(overall, parts)).toEqual({
      kind: 'provisional',
      within: { id: 'b', title: 'B' },
      n: 1,
      m: 3
    });
  });

  it('claims nothing when no maturity question is scored and nothing is provisional', () => {
    const claim = stageClaim({
      stage: null,
      score: null,
      provisional: false,
      counts: counts(0, 3)
    });
    expect(claim).toEqual({ kind: 'none' });
  });
});
