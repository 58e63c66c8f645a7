/**
 * The comparison's public face: everything a screen, report or file needs to compare
 * assessments, from one import. Each idea has its own file — `order` (assessments in time),
 * `compare-assessments` (heat map, ranks, statistics, regions), `trend` (one country over time)
 * and `change` (from one assessment to another) — and callers import them from here.
 */
export {
  compareAssessments,
  MIN_REGION_COUNTRIES,
  type CompareOptions,
  type ComparedOverall,
  type ComparedQuestionnaire,
  type Comparison,
  type ComparisonCell,
  type ComparisonItem,
  type ComparisonRow,
  type RankedScore,
  type RegionalStats,
  type RegionFigures
} from './compare-assessments';
export {
  changeBetween,
  delta,
  type Change,
  type ChangeBetween,
  type QuestionnaireChange
} from './change';
export { comparisonBasis, type ComparisonBasis, type NoCoreSet } from './basis';
export { latestPerCountry, type Dated } from './order';
export type { Stats } from './stats';
export {
  trend,
  type QuestionnaireTrendPoint,
  type Trend,
  type TrendPoint,
  type TrendSeries
} from './trend';
