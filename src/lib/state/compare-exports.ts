/**
 * The comparison table as a CSV file (see docs/file-formats.md). The comparison PDF starts from
 * `reports.ts` like every report.
 */
import type { Comparison } from '$lib/domain/comparison/compare';
import { isoDay } from '$lib/format/dates';
import { fileSafe } from '$lib/format/file-safe';
import { writeComparisonCsv } from '$lib/io/comparison-csv';
import { m } from '$lib/paraglide/messages.js';
import { download } from './download';
import { saving } from './files/saving.svelte';

/**
 * Saves the comparison in the order shown, with ranks when they are shown. Returns the file name.
 * @example downloadComparisonCsv(comparison, order, true) // 'comparison_2026-11-28_AMBER.csv'
 */
export function downloadComparisonCsv(
  comparison: Comparison,
  order: string[],
  showRanks: boolean
): Promise<string> {
  // The file-name word follows the interface language, as the PDF's does; the content does not.
  const word = fileSafe(m.reports_file_comparison());
  const name = `${word}_${isoDay()}_${comparison.classification ?? 'CLEAR'}.csv`;
  return download(
    name,
    writeComparisonCsv(comparison, { order, showRanks }, saving.delimiter),
    'text/csv'
  );
}
