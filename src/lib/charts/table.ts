/**
 * The data table beside a chart: every number the chart draws, as text. The screen shows it under
 * the canvas and the PDF prints it where a chart has no other table to point to.
 */
import type { ChartData, ChartTable } from './types';

/**
 * A chart value as the table shows it: one decimal, or "—" for a value that is not scored.
 * @example valueText(72.5) // '72.5'
 * @example valueText(null) // '—'
 */
export function valueText(value: number | null | undefined, suffix = ''): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(1)}${suffix}`;
}

/**
 * One row per category (questionnaire, section …), one column per series.
 * @example chartTable({ labels: ['Privacy'], series: [{ label: 'Current', values: [40] }] })
 * // { corner: '', columns: ['Current'], rows: [{ label: 'Privacy', cells: ['40.0'] }] }
 */
export function chartTable(data: ChartData, suffix = ''): ChartTable {
  return {
    corner: '',
    columns: data.series.map((s) => s.label),
    rows: data.labels.map((label, r) => ({
      label,
      cells: data.series.map((s) => valueText(s.values[r], suffix))
    }))
  };
}
