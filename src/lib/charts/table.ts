/**
 * The data table beside a chart: every number the chart draws, as text. The screen shows it under
 * the canvas and the PDF prints it where a chart has no other table to point to.
 */
import { formatDecimal } from '$lib/format/numbers';
import type { ChartData, ChartTable } from './types';

/**
 * A chart value as the table shows it: one decimal in the given language, or "—" for a value
 * that is not scored. English unless a locale is given (the PDF's tables are English for now).
 * @example valueText(72.5) // '72.5'
 * @example valueText(72.5, '', 'fr') // '72,5'
 * @example valueText(null) // '—'
 */
export function valueText(value: number | null | undefined, suffix = '', locale = 'en'): string {
  return value === null || value === undefined ? '—' : `${formatDecimal(value, locale)}${suffix}`;
}

/**
 * One row per category (questionnaire, section …), one column per series.
 * @example chartTable({ labels: ['Privacy'], series: [{ label: 'Current', values: [40] }] })
 * // { corner: '', columns: ['Current'], rows: [{ label: 'Privacy', cells: ['40.0'] }] }
 */
export function chartTable(data: ChartData, suffix = '', locale = 'en'): ChartTable {
  return {
    corner: '',
    columns: data.series.map((s) => s.label),
    rows: data.labels.map((label, r) => ({
      label,
      cells: data.series.map((s) => valueText(s.values[r], suffix, locale))
    }))
  };
}
