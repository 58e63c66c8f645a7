/**
 * Hand-worked tables, one per danger: expected numbers are worked out in the table, never by
 * calling the code under test.
 */
import { describe, expect, it } from 'vitest';
import { shownPercent } from '../scoring/display';
import { changeBetween, delta } from './change';
import { cq, DIGITS, item, rows } from './test-fixtures';

describe('delta in percentage points (rule 10)', () => {
  it.each(
    rows<{
      score: number | null;
      baseline: number | null;
      share: number | null;
      shown: number | null;
    }>(
      [
        { score: 0.625, baseline: 0.5, share: 0.125, shown: 12.5 },
        // −0.1375 → −13.75 → −13.8: half away from zero, sign kept
        { score: 0.3625, baseline: 0.5, share: -0.1375, shown: -13.8 },
        // 0.72451 − 0.10049 = 0.62402 → 62.4, not the shown 72.5 − 10.0 = 62.5
        { score: 0.72451, baseline: 0.10049, share: 0.62402, shown: 62.4 },
        { score: 0.5, baseline: 0.5, share: 0, shown: 0 },
        { score: null, baseline: 0.5, share: null, shown: null },
        { score: 0.5, baseline: null, share: null, shown: null }
      ],
      (r) => `${r.score} against ${r.baseline} → ${r.shown} points`
    )
  )('%s', (_name, { score, baseline, share, shown }) => {
    const d = delta(score, baseline);
    if (share === null) expect(d).toBeNull();
    else expect(d).toBeCloseTo(share, DIGITS);
    expect(shownPercent(d)).toBe(shown);
  });
});

describe('change between two assessments', () => {
  it('gives per-questionnaire and overall deltas over the shared questionnaires', () => {
    const before = item([cq('x', 0.5), cq('y', 0.25), cq('z', 0.3)], { date: '2024-01-01' });
    const after = item([cq('x', 0.625), cq('y', 0.5, { version: '2.0.0' })], {
      date: '2026-01-01'
    });
    const change = changeBetween(before, after);
    const [x, y] = change.questionnaires;
    // x: 0.625 − 0.5 = 0.125 → 12.5
    expect(x).toMatchObject({ questionnaireId: 'x', shownDelta: 12.5, seriesBreak: false });
    // y: 0.5 − 0.25 = 0.25 → 25.0, across a version change
    expect(y).toMatchObject({
      questionnaireId: 'y',
      versionBefore: '1.0.0',
      versionAfter: '2.0.0',
      shownDelta: 25,
      seriesBreak: true
    });
    // overall: (0.625 + 0.5) / 2 − (0.5 + 0.25) / 2 = 0.5625 − 0.375 = 0.1875 → 18.75 → 18.8
    expect(change.overall.before).toBeCloseTo(0.375, DIGITS);
    expect(change.overall.after).toBeCloseTo(0.5625, DIGITS);
    expect(change.overall.shownDelta).toBe(18.8);
    expect(change.overall.seriesBreak).toBe(true);
    expect(change.notShared).toEqual(['z']);
  });

  it('flags a change with a provisional side', () => {
    const change = changeBetween(item([cq('x', 0.5)]), item([cq('x', 0.9, { provisional: true })]));
    expect(change.questionnaires[0]!.provisional).toBe(true);
    expect(change.overall.provisional).toBe(true);
  });
});
