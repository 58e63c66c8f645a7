/**
 * Chart images for print (radars in a PDF; every chart in a Word file): the screen's own chart.js
 * configurations (so a printed chart is the chart on screen), drawn offscreen at a fixed size on white and exported as JPEG. JPEG on white costs
 * well under a millisecond in jsPDF, where jsPDF re-compresses a PNG for about 125 ms; a
 * transparent canvas would turn black in a JPEG, hence the white fill.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import { chartConfig } from '$lib/charts/configs';
import { Chart } from '$lib/charts/setup';
import { wrapLabel as wrapLines } from '$lib/charts/wrap';
import type { ChartSpec } from './model';

/** Charts are printed at most this wide (the content width, 174 mm), in inches. */
const PRINTED_INCHES = 174 / 25.4;
/** Resolution of a chart image on paper, at the widest it is printed. */
export const PRINT_DPI = 200;

/** The canvas pixel ratio that gives PRINT_DPI at the printed width (at least 1.5). */
function pixelRatio(widthPx: number): number {
  return Math.max(1.5, Math.ceil(((PRINT_DPI * PRINTED_INCHES) / widthPx) * 10) / 10);
}

const whiteBackground: Plugin = {
  id: 'report-white-background',
  beforeDraw(chart) {
    const { ctx, canvas } = chart;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
  }
};

export interface ChartImage {
  /** data:image/jpeg;base64,… */
  dataUrl: string;
  /** Size of the drawing in CSS pixels (its shape on the page). */
  widthPx: number;
  heightPx: number;
  /** Size of the image itself in pixels: the CSS size times the print pixel ratio. */
  pixelWidth: number;
  pixelHeight: number;
}

/**
 * The pixel size of a chart's image, as chart.js sizes its canvas for the print pixel ratio.
 * @example chartPixels({ widthPx: 640, heightPx: 480 }) // { width: 1408, height: 1056 }
 */
export function chartPixels(spec: { widthPx: number; heightPx: number }): {
  width: number;
  height: number;
} {
  const ratio = pixelRatio(spec.widthPx);
  return {
    width: Math.floor(spec.widthPx * ratio),
    height: Math.floor(spec.heightPx * ratio)
  };
}

/** JPEG quality: 0.8 keeps text edges clean on white and the file a third of 0.92's size. */
const JPEG_QUALITY = 0.8;
/** Label text size in CSS pixels: 7–8 pt once a chart of 640–900 pixels fills the page width. */
const PRINT_FONT_SIZE = 13;
/**
 * Longer labels are wrapped: chart.js gives a category axis at most half the chart's width, and
 * cuts off what does not fit. Builders size charts so two lines of this many characters fit.
 */
export const LABEL_LINE = 48;

/** Splits a label into lines of at most `width` characters, at spaces (charts/wrap.ts). */
export function wrapLabel(label: string, width = LABEL_LINE): string[] {
  return wrapLines(label, width);
}

/**
 * Print-sized text on every axis, and every category label shown: on screen chart.js may skip
 * labels that would collide, on paper each bar must be named.
 */
function forPrint(config: ChartConfiguration, categoryAxis: 'x' | 'y' | null): void {
  const font = { size: PRINT_FONT_SIZE };
  const scales = (config.options ??= {}).scales ?? {};
  if (categoryAxis) scales[categoryAxis] = { type: 'category', ticks: { autoSkip: false } };
  for (const scale of Object.values(scales)) {
    if (!scale) continue;
    if ('pointLabels' in scale && scale.pointLabels) scale.pointLabels.font = font;
    else scale.ticks = { ...scale.ticks, font };
  }
  config.options.scales = scales;
}

function configFor(spec: ChartSpec, locale: string): ChartConfiguration {
  // structuredClone: chart.js instruments the arrays it is given; the spec stays untouched.
  const data = structuredClone(spec.data);
  const config = chartConfig({ ...spec, data }, { print: true, locale });
  // The screen's configuration, adjusted only for paper: wrapped labels, print-sized text.
  config.data.labels = data.labels.map((label) => wrapLabel(label));
  forPrint(config, spec.type === 'bar' ? (spec.horizontal ? 'y' : 'x') : null);
  config.options = { ...config.options, devicePixelRatio: pixelRatio(spec.widthPx), events: [] };
  config.plugins = [...(config.plugins ?? []), whiteBackground];
  return config;
}

/** Draws one chart on a detached canvas and returns it as a JPEG; ticks written in `locale`. */
export function renderChart(spec: ChartSpec, locale: string): ChartImage {
  const canvas = document.createElement('canvas');
  canvas.width = spec.widthPx;
  canvas.height = spec.heightPx;
  const chart = new Chart(canvas, configFor(spec, locale));
  try {
    chart.draw();
    return {
      dataUrl: canvas.toDataURL('image/jpeg', JPEG_QUALITY),
      widthPx: spec.widthPx,
      heightPx: spec.heightPx,
      pixelWidth: canvas.width,
      pixelHeight: canvas.height
    };
  } finally {
    chart.destroy();
  }
}
