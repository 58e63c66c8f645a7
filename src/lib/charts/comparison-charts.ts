/**
 * The charts of a comparison, built once for the compare screens and the comparison report: the
 * radar overlay of picked assessments (bars when fewer than three questionnaires are compared)
 * and one country's trend lines. Plain data from the comparison domain.
 */
import type { Comparison, ComparisonRow, Trend } from '$lib/domain/comparison/compare';
import { countryName } from '$lib/domain/reference/countries';
import { shownPercent } from '$lib/domain/scoring/display';
import { countryNameIn } from '$lib/format/countries';
import { formatDecimal } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import { RADAR_MIN_AXES } from './results-charts';
import type { ChartData, ChartPlan } from './types';

/** The radar overlay draws at most this many assessments: more lines cannot be told apart. */
export const RADAR_LIMIT = 8;

/**
 * The assessments the radar overlay draws: those picked, else every row when they are few
 * enough, else none (the screen then asks the user to pick). May exceed `RADAR_LIMIT` when too
 * many are picked; the caller says so instead of drawing.
 * @example radarRows([], rows.slice(0, 3)).length // 3
 */
export function radarRows(
  picked: readonly ComparisonRow[],
  rows: readonly ComparisonRow[]
): ComparisonRow[] {
  if (picked.length > 0) return [...picked];
  return rows.length <= RADAR_LIMIT ? [...rows] : [];
}

/**
 * Short, unique labels for a set of rows ("Kenya 2026-03-01"), with the title added where the
 * country and date alone repeat: charts key their series by label.
 * @example rowLabels([kenya]).get(kenya.id) // 'Kenya 2026-03-01'
 */
export function rowLabels(rows: readonly ComparisonRow[]): Map<string, string> {
  const base = (row: ComparisonRow) =>
    `${countryNameIn(row.country, countryName(row.country))} ${row.date}`;
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(base(row), (counts.get(base(row)) ?? 0) + 1);
  const labels = new Map<string, string>();
  const used = new Set<string>();
  for (const row of rows) {
    let label = counts.get(base(row))! > 1 ? `${base(row)} · ${row.title}` : base(row);
    for (let n = 2; used.has(label); n++) label = `${base(row)} · ${row.title} (${n})`;
    used.add(label);
    labels.set(row.id, label);
  }
  return labels;
}

/** "72.5", "41.3 prov.", "—": a score as the heat map writes it, without its rank. */
function scoreCell(cell: { score: number | null; provisional: boolean }): string {
  const shown = formatDecimal(shownPercent(cell.score));
  return cell.provisional ? m.compare_chart_score_provisional({ score: shown }) : shown;
}

/**
 * The radar overlay of some rows of a comparison: one series per assessment, one axis per
 * compared questionnaire (named by `titles`, else by id). With fewer than three questionnaires
 * the same numbers are drawn as bars. Its table has one row per assessment, provisional scores
 * marked, as the heat map shows them.
 * @example radarOverlay(comparison, [kenya, ghana], titles).data.series.map((s) => s.label)
 * // ['Kenya 2026-03-01', 'Ghana 2025-11-20 (provisional)']
 */
export function radarOverlay(
  comparison: Comparison,
  rows: readonly ComparisonRow[],
  titles: Readonly<Record<string, string>>,
  options: { bars?: boolean } = {}
): ChartPlan {
  const labels = rowLabels(rows);
  const label = (row: ComparisonRow) =>
    row.cells.some((c) => c.provisional)
      ? m.compare_chart_series_provisional({ label: labels.get(row.id)! })
      : labels.get(row.id)!;
  const questionnaires = comparison.questionnaires.map((q) => titles[q.id] ?? q.id);
  const data: ChartData = {
    labels: questionnaires,
    series: rows.map((row) => ({ label: label(row), values: row.cells.map((c) => c.shown) }))
  };
  const summary = m.compare_chart_radar_summary({ count: rows.length });
  const table = {
    corner: m.compare_col_assessment(),
    columns: questionnaires,
    rows: rows.map((row) => ({ label: label(row), cells: row.cells.map(scoreCell) }))
  };
  // Bars below three axes, and on a phone (`bars`), where a radar's labels are cut.
  return questionnaires.length >= RADAR_MIN_AXES && !options.bars
    ? { type: 'radar', data, max: 100, summary, table }
    : { type: 'bar', data, max: 100, axisLabel: m.compare_chart_axis(), summary, table };
}

/** A trend chart's data: one line per questionnaire and one for the overall, with the points
 * where a series break falls. */
export interface TrendChartData extends ChartData {
  /** Per series, per label: a series break falls on this point. */
  breaks: boolean[][];
}

/** The name of the trend's overall line, in the interface language. */
export const trendOverallLabel = (): string => m.compare_trend_overall();

/**
 * Labels of a trend's points, oldest first: the date, with the title where two assessments share
 * a date.
 * @example trendPointLabels([{ date: '2025-01-01', title: 'A' }, { date: '2026-01-01', title: 'B' }])
 * // ['2025-01-01', '2026-01-01']
 */
export function trendPointLabels(points: readonly { date: string; title: string }[]): string[] {
  const dates = points.map((p) => p.date);
  return points.map((p) =>
    dates.filter((d) => d === p.date).length > 1 ? `${p.date} · ${p.title}` : p.date
  );
}

/**
 * The trend chart of one country: one line per questionnaire (named by `titles`, else by id) and
 * one for the overall, over every assessment of the trend. A point is drawn only when it is in
 * the line (not provisional, scored); an assessment without the questionnaire leaves a gap.
 * @example trendChart(trend([ke2024, ke2026]), titles).series.at(-1)?.label // 'Overall (shared questionnaires)'
 */
export function trendChart(
  result: Trend,
  titles: Readonly<Record<string, string>>
): TrendChartData {
  const points = result.overall.points;
  const index = new Map(points.map((p, i) => [p.assessmentId, i]));
  const lines = result.questionnaires.map((s) => {
    const values: (number | null)[] = points.map(() => null);
    const breaks = points.map(() => false);
    for (const p of s.points) {
      const i = index.get(p.assessmentId);
      if (i === undefined) continue;
      values[i] = p.inLine ? p.shown : null;
      breaks[i] = p.seriesBreak;
    }
    return { label: titles[s.questionnaireId] ?? s.questionnaireId, values, breaks };
  });
  lines.push({
    label: trendOverallLabel(),
    values: points.map((p) => (p.inLine ? p.shown : null)),
    breaks: points.map((p) => p.seriesBreak)
  });
  return {
    labels: trendPointLabels(points),
    series: lines.map((s) => ({ label: s.label, values: s.values })),
    breaks: lines.map((s) => s.breaks)
  };
}
