/**
 * Starting a PDF report. The report code, jsPDF, autotable and chart.js load only when a report
 * is asked for, never with the screen: this module imports nothing from reports but types.
 */
import type { ReportOutcome, ReportProgress, ReportRequest } from '$lib/reports/request';
import type { ComparisonReportInput } from '$lib/reports/comparison-report';
import { download } from './download';

export type { ComparisonReportInput, ReportOutcome, ReportRequest };

/**
 * Makes the PDF a request describes and saves it when it could be made. The request must be
 * plain data (`$state.snapshot`): chart.js and jsPDF must never see Svelte proxies.
 * @example const outcome = await saveReport({ kind: 'blank', questionnaire }, (step) => …);
 */
export async function saveReport(
  request: ReportRequest,
  onStep: ReportProgress
): Promise<ReportOutcome> {
  const { generateReport } = await import('$lib/reports/generate');
  const outcome = await generateReport(request, onStep);
  if (!outcome.ok) return outcome;
  return { ...outcome, fileName: await download(outcome.fileName, outcome.blob) };
}
