/**
 * The comparison CSV: the compare screen's heat-map table as shown — the selected assessments in
 * the order on screen, one column group per compared questionnaire, then the overall over the
 * shared questionnaires (docs/scoring.md, rule 10). Every figure comes from `compareAssessments`
 * and is rounded once by `formatPercent`, so the file shows exactly the screen's numbers. Ranks are
 * written only when the screen shows them (rule 10: ranks on request).
 */
import type {
  Comparison,
  ComparisonBasis,
  ComparisonRow,
  RankedScore
} from '../domain/comparison/compare';
import { countryName } from '../domain/reference/countries';
import { formatPercent } from '../domain/scoring/display';
import { serialiseCsv, type Cell, type Delimiter } from './csv';

export const COMPARISON_LEAD = [
  'assessment_id',
  'country',
  'country_name',
  'region',
  'assessment_date',
  'assessment_title',
  'classification'
] as const;

export interface ComparisonCsvOptions {
  /** Row ids in the order shown; rows not listed are left out. Absent: the comparison's order. */
  order?: readonly string[] | undefined;
  /** Add a rank column after each score, as the screen does when ranks are shown. */
  showRanks: boolean;
}

/**
 * The header for a comparison: fixed columns, then `<id>_version`, `<id>_score`,
 * `<id>_provisional` (and `<id>_rank`) per questionnaire, then the same for `overall`, then
 * `basis` (`full`, or `core` when the figures are over the core set: rule 10).
 * @example comparisonCsvHeader(['privacy'], false).slice(7) // ['privacy_version', 'privacy_score', 'privacy_provisional', 'overall_score', 'overall_provisional', 'basis']
 */
export function comparisonCsvHeader(questionnaireIds: readonly string[], showRanks: boolean) {
  const rank = (prefix: string) => (showRanks ? [`${prefix}_rank`] : []);
  return [
    ...COMPARISON_LEAD,
    ...questionnaireIds.flatMap((id) => [
      `${id}_version`,
      `${id}_score`,
      `${id}_provisional`,
      ...rank(id)
    ]),
    'overall_score',
    'overall_provisional',
    ...rank('overall'),
    'basis'
  ];
}

function scoreCells(s: RankedScore, showRanks: boolean): Cell[] {
  // `provisional` is only ever set on a score that exists (rule 7), as in the results CSV.
  const cells: Cell[] = [formatPercent(s.score), s.provisional ? 'yes' : 'no'];
  if (showRanks) cells.push(s.rank ?? '');
  return cells;
}

function rowCells(row: ComparisonRow, showRanks: boolean, basis: ComparisonBasis): Cell[] {
  return [
    row.id,
    row.country,
    countryName(row.country),
    row.region ?? '',
    row.date,
    row.title,
    row.classification,
    ...row.cells.flatMap((cell) => [cell.version, ...scoreCells(cell, showRanks)]),
    ...scoreCells(row.overall, showRanks),
    basis
  ];
}

/**
 * The comparison table as a CSV file (UTF-8 with BOM, CRLF, formulas neutralised).
 * @example writeComparisonCsv(compareAssessments([kenya, ghana]), { showRanks: false })
 */
export function writeComparisonCsv(
  comparison: Comparison,
  options: ComparisonCsvOptions,
  delimiter: Delimiter = ','
): string {
  const byId = new Map(comparison.rows.map((row) => [row.id, row]));
  const rows = options.order
    ? options.order.map((id) => byId.get(id)).filter((r): r is ComparisonRow => r !== undefined)
    : comparison.rows;
  const header = comparisonCsvHeader(
    comparison.questionnaires.map((q) => q.id),
    options.showRanks
  );
  return serialiseCsv(
    [header, ...rows.map((row) => rowCells(row, options.showRanks, comparison.basis))],
    delimiter
  );
}
