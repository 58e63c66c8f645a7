/**
 * chart.js configurations built from plain chart data. Shared by the screen components and the
 * print renderer (reports), so a PDF chart is the same chart as on screen.
 */
import type { ChartConfiguration } from 'chart.js';
import { fill, seriesColour, seriesDash } from './palette';
import type { ChartData, ChartShape } from './types';

export interface ConfigOptions {
  /** For print: no animation, larger text. */
  print?: boolean;
  max?: number;
  /** Language of the tick and tooltip numbers ("72,5" in French); absent: the browser's. */
  locale?: string;
}

export function radarConfig(
  data: ChartData,
  opts: ConfigOptions = {}
): ChartConfiguration<'radar'> {
  return {
    type: 'radar',
    data: {
      labels: data.labels,
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        borderColor: seriesColour(i),
        backgroundColor: fill(seriesColour(i)),
        borderDash: seriesDash(i),
        pointBackgroundColor: seriesColour(i),
        borderWidth: 2,
        spanGaps: true
      }))
    },
    options: {
      animation: false,
      ...(opts.locale ? { locale: opts.locale } : {}),
      responsive: !opts.print,
      maintainAspectRatio: false,
      scales: {
        r: {
          min: 0,
          max: opts.max ?? 100,
          ticks: { stepSize: 20, backdropColor: 'transparent' },
          pointLabels: { font: { size: opts.print ? 14 : 12 } }
        }
      },
      plugins: { legend: { position: 'bottom' } }
    }
  };
}

export function barConfig(
  data: ChartData,
  opts: ConfigOptions & { horizontal?: boolean; axisLabel?: string } = {}
): ChartConfiguration<'bar'> {
  const valueAxis = {
    min: 0,
    max: opts.max,
    title: { display: Boolean(opts.axisLabel), text: opts.axisLabel ?? '' }
  };
  return {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: seriesColour(i),
        borderColor: seriesColour(i)
      }))
    },
    options: {
      animation: false,
      ...(opts.locale ? { locale: opts.locale } : {}),
      responsive: !opts.print,
      maintainAspectRatio: false,
      indexAxis: opts.horizontal ? 'y' : 'x',
      scales: opts.horizontal ? { x: valueAxis } : { y: valueAxis },
      plugins: { legend: { display: data.series.length > 1, position: 'bottom' } }
    }
  };
}

export function lineConfig(data: ChartData, opts: ConfigOptions = {}): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        borderColor: seriesColour(i),
        backgroundColor: seriesColour(i),
        borderDash: seriesDash(i),
        spanGaps: false,
        tension: 0
      }))
    },
    options: {
      animation: false,
      ...(opts.locale ? { locale: opts.locale } : {}),
      responsive: !opts.print,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: opts.max ?? 100 } },
      plugins: { legend: { position: 'bottom' } }
    }
  };
}

/**
 * The configuration of a radar or bar chart from its shape: one place that turns a chart the
 * builders describe into what chart.js draws, on screen and (with `print`) on paper.
 */
export function chartConfig(shape: ChartShape, opts: ConfigOptions = {}): ChartConfiguration {
  const options = { ...opts, max: shape.max ?? opts.max };
  return shape.type === 'radar'
    ? (radarConfig(shape.data, options) as ChartConfiguration)
    : (barConfig(shape.data, {
        ...options,
        horizontal: shape.horizontal,
        axisLabel: shape.axisLabel
      }) as ChartConfiguration);
}
