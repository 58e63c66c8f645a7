/**
 * Comparison of a set of assessments (DESIGN §4 rule 10): heat-map rows, ranks, statistics,
 * regional figures, a country's trend and the change between two assessments.
 *
 * It reads only the figures cached in each assessment's summary (`CachedQuestionnaire`), never
 * answers, so thousands of assessments compare in milliseconds (DESIGN §8). Every score here is
 * a share 0–1, unrounded; `shown` values are the one-decimal percentages of rule 5.
 */
import { CLASSIFICATIONS, type Classification } from '../assessment/model';
import type { CachedQuestionnaire } from '../assessment/summary';
import {
  COMMONWEALTH_REGIONS,
  commonwealthRegion,
  type CommonwealthRegion
} from '../reference/countries';
import { shownPercent } from '../scoring/display';
import { PROVISIONAL_BELOW } from '../scoring/score';
import { denseRanks, summarise, type Stats } from './stats';

export type { Stats } from './stats';

/** Regional figures need at least this many countries (rule 10). */
export const MIN_REGION_COUNTRIES = 3;

/** What the comparison needs of one assessment: its identity and its cached summary figures. */
export interface ComparisonItem {
  id: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** YYYY-MM-DD. */
  date: string;
  title: string;
  classification: Classification;
  /** ISO timestamp of the last change; only breaks a same-date tie (see `latestPerCountry`). */
  updatedAt?: string | undefined;
  /** The assessment's questionnaires with their cached figures, in its own order. */
  questionnaires: readonly CachedQuestionnaire[];
}

/** Identity fields that order assessments in time; both items and comparison rows have them. */
export interface Dated {
  id: string;
  country: string;
  date: string;
  title: string;
  updatedAt?: string | undefined;
}

export interface CompareOptions {
  /**
   * The questionnaires to compare, in this order. Only ids every selected assessment has are
   * compared; the others are reported in `notShared`. Absent: every shared id.
   */
  questionnaireIds?: readonly string[] | undefined;
}

/** A score as the comparison uses it. */
export interface RankedScore {
  /** Share 0–1, unrounded; null when nothing was scored. */
  score: number | null;
  /** `score` as shown (rule 5): a percentage with one decimal. */
  shown: number | null;
  provisional: boolean;
  /** Dense rank on `shown`, 1 = highest; null for a null or provisional score. */
  rank: number | null;
}

/** One heat-map cell: the cached figures of one questionnaire of one assessment, ranked. */
export interface ComparisonCell extends CachedQuestionnaire {
  shown: number | null;
  rank: number | null;
}

/** An assessment's overall over the shared questionnaires only (rules 4 and 10). */
export interface ComparedOverall extends RankedScore {
  targetScore: number | null;
  /** How many shared questionnaires had a score and so entered the mean. */
  counted: number;
}

export interface ComparisonRow extends Dated {
  classification: Classification;
  region: CommonwealthRegion | null;
  /** One per compared questionnaire, in `Comparison.questionnaires` order. */
  cells: ComparisonCell[];
  overall: ComparedOverall;
}

export interface ComparedQuestionnaire {
  id: string;
  /** Versions seen across the selection, oldest first. */
  versions: string[];
  /** More than one version: scores on either side of the change are not like for like. */
  seriesBreak: boolean;
  /** From the non-null, non-provisional scores (rule 7). */
  stats: Stats;
  /** Assessment ids in rank order; unranked (provisional, then null) last. */
  order: string[];
}

export interface RegionalStats extends Stats {
  /** Fewer than `MIN_REGION_COUNTRIES`: the figures are null so no screen can show them. */
  hidden: boolean;
}

export interface RegionFigures {
  region: CommonwealthRegion;
  /** N: countries of the region in the selection (each counted once, by its latest assessment). */
  countries: number;
  hidden: boolean;
  /** One per compared questionnaire, in `Comparison.questionnaires` order. */
  questionnaires: { id: string; stats: RegionalStats }[];
  overall: RegionalStats;
}

export interface Comparison {
  questionnaires: ComparedQuestionnaire[];
  /** Questionnaires (requested or seen) that some selected assessments lack, with how many have it. */
  notShared: { id: string; assessments: number }[];
  /** One per item, in input order. */
  rows: ComparisonRow[];
  overall: { stats: Stats; order: string[] };
  /** Every Commonwealth region, in `COMMONWEALTH_REGIONS` order; non-members are in none. */
  regions: RegionFigures[];
  /** The most restrictive classification in the selection: what the comparison must carry. */
  classification: Classification | null;
}

/** Plain code-unit order: the same on every machine and locale, unlike `localeCompare`. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Oldest first: date, then `updatedAt` (missing counts as oldest), then title, then id. The last
 * two carry no meaning; they only make the order independent of the input order.
 */
function chronological(a: Dated, b: Dated): number {
  return (
    byText(a.date, b.date) ||
    byText(a.updatedAt ?? '', b.updatedAt ?? '') ||
    byText(a.title, b.title) ||
    byText(a.id, b.id)
  );
}

function byCountryThenTime(a: Dated, b: Dated): number {
  return byText(a.country, b.country) || chronological(a, b);
}

/** Semantic versions compared numerically part by part, anything else as text. */
function byVersion(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const step = Number.isNaN(nx) || Number.isNaN(ny) ? byText(x, y) : nx - ny;
    if (step !== 0) return step;
  }
  return 0;
}

/** An item's questionnaires by id; a repeated id keeps its first entry. */
function byId(item: ComparisonItem): Map<string, CachedQuestionnaire> {
  const map = new Map<string, CachedQuestionnaire>();
  for (const q of item.questionnaires) if (!map.has(q.id)) map.set(q.id, q);
  return map;
}

/**
 * The latest assessment of each country, in country-code order. Latest = greatest date; on the
 * same date the later `updatedAt` wins, then the greater title, then the greater id — the last
 * two only so that the choice never depends on the order the items arrive in.
 * @example latestPerCountry([ke2025, ke2026, tt2024]).map((a) => a.id) // ['ke2026', 'tt2024']
 */
export function latestPerCountry<T extends Dated>(items: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const item of items) {
    const held = latest.get(item.country);
    if (held === undefined || chronological(item, held) > 0) latest.set(item.country, item);
  }
  return [...latest.values()].sort((a, b) => byText(a.country, b.country));
}

/**
 * Delta = score − baseline (rule 10), returned as an unrounded difference of shares: 0.05 is
 * 5 percentage points. Show it with `shownPercent` / `formatPoints`, which multiply by 100 and
 * round once — never subtract two rounded figures. Null when either side is null.
 * @example delta(0.625, 0.5) // 0.125, shown as 12.5 points
 */
export function delta(score: number | null, baseline: number | null): number | null {
  return score === null || baseline === null ? null : score - baseline;
}

/** Counted in ranks, means and trends: a score that exists and is not provisional (rule 7). */
function counts<T extends { score: number | null; provisional: boolean }>(
  s: T
): s is T & { score: number } {
  return s.score !== null && !s.provisional && Number.isFinite(s.score);
}

function cellOf(q: CachedQuestionnaire): ComparisonCell {
  return {
    id: q.id,
    version: q.version,
    score: q.score,
    targetScore: q.targetScore,
    stage: q.stage,
    completion: q.completion,
    coverage: q.coverage,
    provisional: q.provisional,
    shown: shownPercent(q.score),
    rank: null
  };
}

/**
 * Rule 4 over the shared questionnaires: the plain mean of the scores that are not null, summed in
 * questionnaire order exactly as `combineOverall` (scoring/score.ts) does — keep the two in step.
 * `combineOverall` itself needs full questionnaire results, which the cached summaries do not hold.
 *
 * Provisional: rule 7 keeps a provisional score out of the comparison's ranks and means but
 * inside an assessment's own overall. So a provisional questionnaire score still enters this mean,
 * and the overall is then marked provisional (and so unranked): a mean resting on a score with
 * under 70% coverage is no firmer than that score. The same holds for a shared questionnaire with
 * no score at all but coverage below 70% (nothing answered): the mean then covers fewer
 * questionnaires than its neighbours' and would not compare like with like (rule 4). This also
 * guarantees that whenever an assessment's own overall is provisional (pooled coverage below 70%
 * means at least one questionnaire below 70%), its comparison overall over the same
 * questionnaires is provisional too.
 */
function overallOf(cells: readonly ComparisonCell[]): ComparedOverall {
  const scored = cells.filter((c): c is ComparisonCell & { score: number } => c.score !== null);
  const mean = (values: number[]) =>
    values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  const score = mean(scored.map((c) => c.score));
  const targetScore = mean(scored.map((c) => c.targetScore).filter((t): t is number => t !== null));
  const thin = cells.some(
    (c) => c.provisional || (c.coverage !== null && c.coverage < PROVISIONAL_BELOW)
  );
  return {
    score,
    shown: shownPercent(score),
    provisional: score !== null && thin,
    rank: null,
    targetScore,
    counted: scored.length
  };
}

/**
 * Ranks one column in place; returns the ids in rank order — ranked first, then provisional
 * scores highest first, then null scores, each tie by country then time — and the statistics.
 */
function rankColumn(
  rows: readonly ComparisonRow[],
  pick: (row: ComparisonRow) => RankedScore
): { order: string[]; stats: Stats } {
  const scores = rows.map(pick);
  const ranks = denseRanks(scores.map((s) => (counts(s) ? s.shown : null)));
  scores.forEach((s, i) => (s.rank = ranks[i] ?? null));
  const group = (s: RankedScore) => (s.rank !== null ? 0 : s.shown !== null ? 1 : 2);
  const order = rows
    .map((row, i) => ({ row, s: scores[i]! }))
    .sort(
      (a, b) =>
        group(a.s) - group(b.s) ||
        (a.s.rank ?? 0) - (b.s.rank ?? 0) ||
        (b.s.shown ?? 0) - (a.s.shown ?? 0) ||
        byCountryThenTime(a.row, b.row)
    );
  return {
    order: order.map((o) => o.row.id),
    stats: summarise(scores.filter(counts).map((s) => s.score))
  };
}

function regionalStats(scores: readonly RankedScore[], regionHidden: boolean): RegionalStats {
  const stats = summarise(scores.filter(counts).map((s) => s.score));
  // A figure from one or two countries is those countries' own score, so each figure is hidden
  // under its own N as well as the region's.
  const hidden = regionHidden || stats.n < MIN_REGION_COUNTRIES;
  return hidden
    ? { n: stats.n, mean: null, median: null, min: null, max: null, hidden }
    : { ...stats, hidden };
}

function regionalFigures(rows: readonly ComparisonRow[], ids: readonly string[]): RegionFigures[] {
  const latest = latestPerCountry(rows);
  return COMMONWEALTH_REGIONS.map((region) => {
    const members = latest.filter((row) => row.region === region);
    const hidden = members.length < MIN_REGION_COUNTRIES;
    return {
      region,
      countries: members.length,
      hidden,
      questionnaires: ids.map((id, j) => ({
        id,
        stats: regionalStats(
          members.map((row) => row.cells[j]!),
          hidden
        )
      })),
      overall: regionalStats(
        members.map((row) => row.overall),
        hidden
      )
    };
  });
}

function mostRestrictive(items: readonly ComparisonItem[]): Classification | null {
  let index = -1;
  for (const item of items) index = Math.max(index, CLASSIFICATIONS.indexOf(item.classification));
  return CLASSIFICATIONS[index] ?? null;
}

/**
 * Compares a set of assessments from their cached figures (rule 10). Questionnaires are matched by
 * id; the default order is that of the first assessment by country, then date (so the result
 * does not depend on the input order). Ranks are dense on the shown values; statistics come from
 * the unrounded non-null, non-provisional scores.
 * @example compareAssessments([kenya, ghana]).rows.map((r) => r.overall.rank) // e.g. [2, 1]
 */
export function compareAssessments(
  items: readonly ComparisonItem[],
  options: CompareOptions = {}
): Comparison {
  const maps = items.map(byId);
  const canonical = items.map((item, i) => ({ item, map: maps[i]! }));
  canonical.sort((a, b) => byCountryThenTime(a.item, b.item));

  const present = new Map<string, number>();
  for (const { map } of canonical) {
    for (const id of map.keys()) present.set(id, (present.get(id) ?? 0) + 1);
  }
  const candidates = options.questionnaireIds
    ? [...new Set(options.questionnaireIds)]
    : [...present.keys()];
  const isShared = (id: string) => items.length > 0 && present.get(id) === items.length;
  const shared = options.questionnaireIds
    ? candidates.filter(isShared)
    : [...(canonical[0]?.map.keys() ?? [])].filter(isShared);
  const notShared = candidates
    .filter((id) => !isShared(id) && items.length > 0)
    .map((id) => ({ id, assessments: present.get(id) ?? 0 }));

  const rows: ComparisonRow[] = items.map((item, i) => {
    const cells = shared.map((id) => cellOf(maps[i]!.get(id)!));
    return {
      id: item.id,
      country: item.country,
      date: item.date,
      title: item.title,
      ...(item.updatedAt === undefined ? {} : { updatedAt: item.updatedAt }),
      classification: item.classification,
      region: commonwealthRegion(item.country),
      cells,
      overall: overallOf(cells)
    };
  });

  const questionnaires = shared.map((id, j): ComparedQuestionnaire => {
    const versions = [...new Set(rows.map((row) => row.cells[j]!.version))].sort(byVersion);
    return {
      id,
      versions,
      seriesBreak: versions.length > 1,
      ...rankColumn(rows, (row) => row.cells[j]!)
    };
  });

  return {
    questionnaires,
    notShared,
    rows,
    overall: rankColumn(rows, (row) => row.overall),
    regions: regionalFigures(rows, shared),
    classification: mostRestrictive(items)
  };
}

export interface TrendPoint {
  assessmentId: string;
  date: string;
  title: string;
  score: number | null;
  shown: number | null;
  provisional: boolean;
  /** The questionnaire version (or, for the overall, any shared one) differs from the previous point's. */
  seriesBreak: boolean;
  /** Drawn in the trend line: a score that is not provisional (rule 7). Other points are still listed. */
  inLine: boolean;
}

export interface QuestionnaireTrendPoint extends TrendPoint {
  version: string;
}

export interface TrendSeries {
  questionnaireId: string;
  versions: string[];
  seriesBreak: boolean;
  /** Oldest first; only assessments that include the questionnaire. */
  points: QuestionnaireTrendPoint[];
}

export interface Trend {
  /** In order of first appearance, oldest assessment first. */
  questionnaires: TrendSeries[];
  /** Overall over the questionnaires every assessment of the trend shares (rule 4). */
  overall: { questionnaireIds: string[]; seriesBreak: boolean; points: TrendPoint[] };
}

/**
 * One country's scores over time, per questionnaire and overall. Points are ordered as in
 * `latestPerCountry` (date, then `updatedAt`, title, id). A point whose version differs from the
 * previous point's marks a series break; provisional and null points are listed with
 * `inLine: false` so a chart leaves them out of the line (rule 7).
 * @example trend([ke2024, ke2026]).questionnaires[0].points.map((p) => p.shown) // [41.3, 55]
 */
export function trend(items: readonly ComparisonItem[]): Trend {
  const ordered = [...items].sort(chronological);
  const series = new Map<string, QuestionnaireTrendPoint[]>();
  for (const item of ordered) {
    for (const q of byId(item).values()) {
      const points = series.get(q.id) ?? [];
      const previous = points[points.length - 1];
      points.push({
        assessmentId: item.id,
        date: item.date,
        title: item.title,
        version: q.version,
        score: q.score,
        shown: shownPercent(q.score),
        provisional: q.provisional,
        seriesBreak: previous !== undefined && previous.version !== q.version,
        inLine: counts(q)
      });
      series.set(q.id, points);
    }
  }

  const comparison = compareAssessments(ordered);
  const overallPoints = comparison.rows.map((row, i): TrendPoint => {
    const previous = comparison.rows[i - 1];
    return {
      assessmentId: row.id,
      date: row.date,
      title: row.title,
      score: row.overall.score,
      shown: row.overall.shown,
      provisional: row.overall.provisional,
      seriesBreak:
        previous !== undefined &&
        row.cells.some((cell, j) => cell.version !== previous.cells[j]!.version),
      inLine: counts(row.overall)
    };
  });

  return {
    questionnaires: [...series].map(([questionnaireId, points]) => {
      const versions = [...new Set(points.map((p) => p.version))].sort(byVersion);
      return { questionnaireId, versions, seriesBreak: versions.length > 1, points };
    }),
    overall: {
      questionnaireIds: comparison.questionnaires.map((q) => q.id),
      seriesBreak: overallPoints.some((p) => p.seriesBreak),
      points: overallPoints
    }
  };
}

export interface Change {
  before: number | null;
  after: number | null;
  /** after − before as a share difference (see `delta`). */
  delta: number | null;
  /** `delta` in percentage points, rounded once (rule 5). */
  shownDelta: number | null;
  /** Either side is provisional: show the change as such, never as a firm movement. */
  provisional: boolean;
  /** A version differs between the two sides. */
  seriesBreak: boolean;
}

export interface QuestionnaireChange extends Change {
  questionnaireId: string;
  versionBefore: string;
  versionAfter: string;
}

export interface ChangeBetween {
  questionnaires: QuestionnaireChange[];
  /** Over the questionnaires both share (rule 4). */
  overall: Change;
  /** Questionnaires only one side has: no change can be given. */
  notShared: string[];
}

function change(before: RankedScore, after: RankedScore, seriesBreak: boolean): Change {
  const d = delta(after.score, before.score);
  return {
    before: before.score,
    after: after.score,
    delta: d,
    shownDelta: shownPercent(d),
    provisional: before.provisional || after.provisional,
    seriesBreak
  };
}

/**
 * The change from a baseline `a` to `b` per shared questionnaire and overall: two assessments of
 * one country over time, or a country against another.
 * @example changeBetween(ke2024, ke2026).overall.shownDelta // 13.8 (points)
 */
export function changeBetween(a: ComparisonItem, b: ComparisonItem): ChangeBetween {
  const comparison = compareAssessments([a, b]);
  const [before, after] = comparison.rows as [ComparisonRow, ComparisonRow];
  const questionnaires = comparison.questionnaires.map((q, j): QuestionnaireChange => {
    const x = before.cells[j]!;
    const y = after.cells[j]!;
    return {
      questionnaireId: q.id,
      versionBefore: x.version,
      versionAfter: y.version,
      ...change(x, y, x.version !== y.version)
    };
  });
  return {
    questionnaires,
    overall: change(
      before.overall,
      after.overall,
      questionnaires.some((q) => q.seriesBreak)
    ),
    notShared: comparison.notShared.map((n) => n.id)
  };
}
