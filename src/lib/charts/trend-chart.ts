/**
 * The trend chart: the shared line configuration plus series-break marks — a triangle on the
 * first point after a questionnaire version change and a dashed segment leading to it — so a
 * break is visible in the drawing as well as in the table beside it.
 */
import type { ChartConfiguration, ScriptableLineSegmentContext } from 'chart.js';
import { lineConfig } from './configs';
import type { TrendChartData } from './comparison-charts';

/**
 * The line chart of a country's trend, with each series break marked on its point and segment.
 * @example trendConfig(trendChart(trend(items), titles)).type // 'line'
 */
export function trendConfig(data: TrendChartData): ChartConfiguration<'line'> {
  const config = lineConfig({ labels: data.labels, series: data.series });
  config.data.datasets.forEach((dataset, i) => {
    const breaks = data.breaks[i] ?? [];
    dataset.pointStyle = breaks.map((b) => (b ? 'triangle' : 'circle'));
    dataset.pointRadius = breaks.map((b) => (b ? 8 : 3));
    dataset.segment = {
      borderDash: (ctx: ScriptableLineSegmentContext) =>
        breaks[ctx.p1DataIndex] ? [3, 4] : undefined
    };
  });
  return config;
}
