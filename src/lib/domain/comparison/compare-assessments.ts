/**
 * Comparison of a set of assessments (docs/scoring.md, comparison rules): heat-map rows, ranks,
 * statistics per questionnaire and overall, and regional figures.
 *
 * It reads only the figures cached in each assessment's summary (`CachedQuestionnaire`), never
 * answers, so thousands of assessments compare in milliseconds. Every score here is a share 0–1,
 * unrounded; `shown` values are the one-decimal percentages shown on screen.
 */
import type { Classification } from '../assessment/model';
import { highestClassification } from '../assessment/classification';
import type { CachedQuestionnaire } from '../assessment/summary';
import { compareVersions } from '../questionnaire/version';
import {
  COMMONWEALTH_REGIONS,
  commonwealthRegion,
  type CommonwealthRegion
} from '../reference/countries';
import { shownPercent } from '../scoring/display';
import { PROVISIONAL_BELOW } from '../scoring/score';
import { onBasis, type BasisItem, type ComparisonBasis, type NoCoreSet } from './basis';
import { byCountryThenTime, latestPerCountry, type Dated } from './order';
import { denseRanks, summarise, type Stats } from './stats';

/** Regional figures need at least this many countries (rule 10). */
export const MIN_REGION_COUNTRIES = 3;

/** What the comparison needs of one assessment: its identity and its cached summary figures. */
export interface ComparisonItem extends BasisItem {
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
  /** `core` when a core assessment is selected: every row is then compared on the core set. */
  basis: ComparisonBasis;
  /** Assessments left out of a core-set comparison because a compared version has no core set. */
  noCoreSet: NoCoreSet[];
  questionnaires: ComparedQuestionnaire[];
  /** Questionnaires (requested or seen) that some selected assessments lack, with how many have it. */
  notShared: { id: string; assessments: number }[];
  /** One per compared item (those not in `noCoreSet`), in input order. */
  rows: ComparisonRow[];
  overall: { stats: Stats; order: string[] };
  /** Every Commonwealth region, in `COMMONWEALTH_REGIONS` order; non-members are in none. */
  regions: RegionFigures[];
  /** The most restrictive classification in the selection: what the comparison must carry. */
  classification: Classification | null;
}

/**
 * Counted in ranks, means and trends: a score that exists and is not provisional (rule 7).
 * @example counts({ score: 0.5, provisional: true }) // false
 */
export function counts<T extends { score: number | null; provisional: boolean }>(
  s: T
): s is T & { score: number } {
  return s.score !== null && !s.provisional && Number.isFinite(s.score);
}

/**
 * An item's questionnaires by id; a repeated id keeps its first entry.
 * @example byId(kenya).get('privacy-data-protection')?.score // 0.55
 */
export function byId(item: ComparisonItem): Map<string, CachedQuestionnaire> {
  const map = new Map<string, CachedQuestionnaire>();
  for (const q of item.questionnaires) if (!map.has(q.id)) map.set(q.id, q);
  return map;
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

/**
 * Compares a set of assessments from their cached figures (rule 10). Questionnaires are matched by
 * id; the default order is that of the first assessment by country, then date (so the result
 * does not depend on the input order). Ranks are dense on the shown values; statistics come from
 * the unrounded non-null, non-provisional scores. With a core assessment in the selection, every
 * assessment is compared on its core-set figures (see `onBasis`).
 * @example compareAssessments([kenya, ghana]).rows.map((r) => r.overall.rank) // e.g. [2, 1]
 */
export function compareAssessments(
  selected: readonly ComparisonItem[],
  options: CompareOptions = {}
): Comparison {
  const { basis, items, noCoreSet } = onBasis(selected, options.questionnaireIds);
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
    const versions = [...new Set(rows.map((row) => row.cells[j]!.version))].sort(compareVersions);
    return {
      id,
      versions,
      seriesBreak: versions.length > 1,
      ...rankColumn(rows, (row) => row.cells[j]!)
    };
  });

  return {
    basis,
    noCoreSet,
    questionnaires,
    notShared,
    rows,
    overall: rankColumn(rows, (row) => row.overall),
    regions: regionalFigures(rows, shared),
    classification: highestClassification(selected.map((item) => item.classification))
  };
}
