/**
 * Properties of rule 10 over generated selections: random countries (members and not), dates
 * that often coincide, questionnaire sets and versions, scores built to round to the same shown
 * value, null and provisional scores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CachedQuestionnaire } from '../assessment/summary';
import { shownPercent } from '../scoring/display';
import {
  compareAssessments,
  latestPerCountry,
  trend,
  type Comparison,
  type ComparisonItem,
  type RankedScore
} from './compare';
import { denseRanks, summarise, type Stats } from './stats';
import { PROPERTY_RUNS } from '../testing/runs';

const COUNTRIES = ['KE', 'GH', 'NG', 'ZA', 'IN', 'PK', 'FJ', 'WS', 'TO', 'GB', 'JM', 'US', 'FR'];
const DATES = ['2024-03-01', '2025-03-01', '2025-09-30', '2026-03-01'];
const VERSIONS = ['1.0.0', '1.1.0', '2.0.0'];

/** Shares that collide after rounding: a tenth of a point plus noise under ±0.04 points. */
const nearTie = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: -4, max: 4 }))
  .map(([tenths, noise]) => Math.min(1, Math.max(0, tenths / 1000 + noise / 100_000)));

const scoreArb = fc.oneof(
  { arbitrary: nearTie, weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 20 }).map((n) => n / 20), weight: 2 },
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 2 },
  { arbitrary: fc.constant(null), weight: 1 }
);

const cachedArb = (id: string): fc.Arbitrary<CachedQuestionnaire> =>
  fc
    .record({
      version: fc.constantFrom(...VERSIONS),
      score: scoreArb,
      provisional: fc.boolean(),
      blankCoverage: fc.constantFrom<number | null>(0, null)
    })
    .map(({ version, score, provisional, blankCoverage }) => {
      const firm = score !== null && !provisional;
      return {
        id,
        version,
        score,
        targetScore: score === null ? null : Math.max(score, 0.5),
        stage: null,
        completion: 1,
        coverage: score === null ? blankCoverage : firm ? 0.9 : 0.4,
        provisional: score !== null && provisional
      };
    });

/** Always 'a' (so something is shared), plus any of 'b' and 'c', in any order. */
const questionnairesArb = fc
  .tuple(fc.shuffledSubarray(['b', 'c']), fc.nat())
  .chain(([others, at]) => {
    const ids = [...others];
    ids.splice(at % (ids.length + 1), 0, 'a');
    return fc.tuple(...ids.map(cachedArb));
  });

const itemsArb: fc.Arbitrary<ComparisonItem[]> = fc
  .array(
    fc.record({
      country: fc.constantFrom(...COUNTRIES),
      date: fc.constantFrom(...DATES),
      updatedAt: fc.option(fc.constantFrom('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), {
        nil: undefined
      }),
      title: fc.constantFrom('Review', 'Baseline'),
      questionnaires: questionnairesArb
    }),
    { maxLength: 40 }
  )
  .map((raw) =>
    raw.map((r, i): ComparisonItem => ({
      id: `id-${i}`,
      country: r.country,
      date: r.date,
      title: r.title,
      classification: 'AMBER',
      ...(r.updatedAt === undefined ? {} : { updatedAt: r.updatedAt }),
      questionnaires: r.questionnaires
    }))
  );

const permutedArb = itemsArb.chain((items) =>
  fc.tuple(
    fc.constant(items),
    fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length })
  )
);

/** Every ranked column of a comparison: each questionnaire, then the overall. */
function columns(c: Comparison): { scores: RankedScore[]; stats: Stats; order: string[] }[] {
  return [
    ...c.questionnaires.map((q, j) => ({
      scores: c.rows.map((r) => r.cells[j]!),
      stats: q.stats,
      order: q.order
    })),
    { scores: c.rows.map((r) => r.overall), stats: c.overall.stats, order: c.overall.order }
  ];
}

const isCounted = (s: RankedScore) => s.score !== null && !s.provisional;

describe('ranks (rule 10)', () => {
  it('are dense: the ranks used are exactly 1..k', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        for (const { scores } of columns(compareAssessments(items))) {
          const used = [...new Set(scores.map((s) => s.rank).filter((r) => r !== null))];
          used.sort((a, b) => a - b);
          expect(used).toEqual(used.map((_, i) => i + 1));
        }
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('are equal exactly when the shown values are equal', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        for (const { scores } of columns(compareAssessments(items))) {
          const ranked = scores.filter((s) => s.rank !== null);
          for (const x of ranked) {
            for (const y of ranked) expect(x.rank === y.rank).toBe(x.shown === y.shown);
          }
        }
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('leave out exactly the null and provisional scores', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        for (const { scores } of columns(compareAssessments(items))) {
          for (const s of scores) expect(s.rank !== null).toBe(isCounted(s));
        }
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('list every assessment once, ranks ascending and shown scores non-increasing, unranked last', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const comparison = compareAssessments(items);
        const byId = new Map(comparison.rows.map((r, i) => [r.id, i]));
        for (const { scores, order } of columns(comparison)) {
          expect([...order].sort()).toEqual(items.map((i) => i.id).sort());
          const listed = order.map((id) => scores[byId.get(id)!]!);
          const firstUnranked = listed.findIndex((s) => s.rank === null);
          const ranked = firstUnranked === -1 ? listed : listed.slice(0, firstUnranked);
          expect(listed.slice(ranked.length).every((s) => s.rank === null)).toBe(true);
          for (let i = 1; i < ranked.length; i++) {
            expect(ranked[i]!.rank!).toBeGreaterThanOrEqual(ranked[i - 1]!.rank!);
            expect(ranked[i]!.shown!).toBeLessThanOrEqual(ranked[i - 1]!.shown!);
          }
        }
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('denseRanks on any shown values: higher value, smaller rank', () => {
    const shownArb = fc.array(
      fc.option(
        fc.integer({ min: 0, max: 40 }).map((n) => n / 10),
        { nil: null }
      ),
      { maxLength: 30 }
    );
    fc.assert(
      fc.property(shownArb, (shown) => {
        const ranks = denseRanks(shown);
        shown.forEach((x, i) => {
          shown.forEach((y, j) => {
            if (x === null || y === null) return;
            expect(Math.sign(ranks[j]! - ranks[i]!)).toBe(Math.sign(x - y));
          });
        });
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);
});

describe('statistics', () => {
  it('have the median and mean between min and max, from the counted scores only', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        for (const { scores, stats } of columns(compareAssessments(items))) {
          const counted = scores.filter(isCounted).map((s) => s.score!);
          expect(stats.n).toBe(counted.length);
          if (counted.length === 0) {
            expect(stats).toEqual({ n: 0, mean: null, median: null, min: null, max: null });
            continue;
          }
          expect(stats.min).toBe(Math.min(...counted));
          expect(stats.max).toBe(Math.max(...counted));
          expect(stats.median!).toBeGreaterThanOrEqual(stats.min!);
          expect(stats.median!).toBeLessThanOrEqual(stats.max!);
          expect(stats.mean!).toBeGreaterThanOrEqual(stats.min!);
          expect(stats.mean!).toBeLessThanOrEqual(stats.max!);
        }
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('summarise keeps mean and median within [min, max] for any finite values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (values) => {
          const stats = summarise(values);
          expect(stats.mean!).toBeGreaterThanOrEqual(stats.min!);
          expect(stats.mean!).toBeLessThanOrEqual(stats.max!);
          expect(stats.median!).toBeGreaterThanOrEqual(stats.min!);
          expect(stats.median!).toBeLessThanOrEqual(stats.max!);
        }
      ),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);
});

describe('input order', () => {
  it('changes no rank, statistic, order, regional figure or questionnaire list', () => {
    fc.assert(
      fc.property(permutedArb, ([items, permuted]) => {
        const a = compareAssessments(items);
        const b = compareAssessments(permuted);
        expect(b.questionnaires).toEqual(a.questionnaires);
        expect(b.notShared).toEqual(a.notShared);
        expect(b.overall).toEqual(a.overall);
        expect(b.regions).toEqual(a.regions);
        const byId = (c: Comparison) => new Map(c.rows.map((r) => [r.id, r]));
        expect(byId(b)).toEqual(byId(a));
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);

  it('does not change the latest assessment per country', () => {
    fc.assert(
      fc.property(permutedArb, ([items, permuted]) => {
        expect(latestPerCountry(permuted)).toEqual(latestPerCountry(items));
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);
});

describe('regional figures', () => {
  it('count each member country once and hide every figure under 3', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const comparison = compareAssessments(items);
        const latest = latestPerCountry(items);
        const total = comparison.regions.reduce((n, r) => n + r.countries, 0);
        expect(total).toBeLessThanOrEqual(latest.length);
        for (const region of comparison.regions) {
          expect(region.hidden).toBe(region.countries < 3);
          for (const stats of [...region.questionnaires.map((q) => q.stats), region.overall]) {
            expect(stats.n).toBeLessThanOrEqual(region.countries);
            expect(stats.hidden).toBe(region.hidden || stats.n < 3);
            if (stats.hidden) {
              expect([stats.mean, stats.median, stats.min, stats.max]).toEqual([
                null,
                null,
                null,
                null
              ]);
            }
          }
        }
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);
});

describe('trend', () => {
  it('orders points by date and breaks the series exactly where the version changes', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const kenya = items.filter((i) => i.country === 'KE');
        for (const series of trend(kenya).questionnaires) {
          series.points.forEach((p, i) => {
            const previous = series.points[i - 1];
            if (previous) expect(p.date >= previous.date).toBe(true);
            expect(p.seriesBreak).toBe(previous !== undefined && previous.version !== p.version);
            expect(p.inLine).toBe(p.score !== null && !p.provisional);
            expect(p.shown).toBe(shownPercent(p.score));
          });
          expect(series.seriesBreak).toBe(series.versions.length > 1);
        }
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);
});
