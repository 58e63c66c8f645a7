/**
 * A chart from `$lib/charts` placed in a report: the same plan the screen draws, at a size for
 * paper, with a caption that says what it shows and where its numbers are printed.
 */
import type { ChartPlan } from '$lib/charts/types';
import type { Block } from './document/model';

/**
 * A chart block; `numbers` names the table that carries the chart's figures, when there is one.
 * @example chartBlock(sectionGapBars(result), 900, 400, 'Numbers: the section tables.').caption
 * // 'Gap to target in points per section, largest first. Numbers: the section tables.'
 */
export function chartBlock(
  plan: ChartPlan,
  widthPx: number,
  heightPx: number,
  numbers?: string
): Block {
  const { type, data, horizontal, axisLabel, max } = plan;
  const summary = plan.summary.charAt(0).toUpperCase() + plan.summary.slice(1);
  return {
    kind: 'chart',
    chart: { type, data, horizontal, axisLabel, max, widthPx, heightPx },
    caption: numbers ? `${summary}. ${numbers}` : `${summary}.`
  };
}

/**
 * True when a chart would draw nothing: no category, or no value in any series (a questionnaire
 * with nothing answered). Such a chart is not printed, nor its heading.
 * @example isEmptyChart({ data: { labels: ['Privacy'], series: [{ label: 'Current', values: [null] }] } }) // true
 */
export function isEmptyChart(plan: Pick<ChartPlan, 'data'>): boolean {
  return (
    plan.data.labels.length === 0 ||
    plan.data.series.every((s) => s.values.every((v) => v === null))
  );
}
