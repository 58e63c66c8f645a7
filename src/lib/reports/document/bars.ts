/**
 * Bar charts drawn with jsPDF's own boxes, lines and text (vector: sharp at any zoom, searchable,
 * a few kilobytes). Every bar chart of a report is set horizontally on paper — one category per
 * line, its name on the left, one bar per series — and every bar carries its value as text, so
 * the figure can be read without the axis and without colour (docs/architecture.md, "Reports").
 */
import type { jsPDF } from 'jspdf';
import { formatDecimal, formatNumber } from '$lib/format/numbers';
import { seriesColour } from '$lib/charts/palette';
import type { ChartSpec } from './model';
import { FONT_FAMILY } from './fonts';
import { CONTENT_WIDTH, INK, lineHeight, MARGIN, MIN_TEXT, MUTED, RULE, type Writer } from './page';
import { cleanText } from './text';

/** Width of the category names on the left. */
const LABEL_WIDTH = 62;
/** Room right of the longest bar for its value. */
const VALUE_ROOM = 13;
const PLOT_LEFT = LABEL_WIDTH + 3;
const PLOT_WIDTH = CONTENT_WIDTH - PLOT_LEFT - VALUE_ROOM;
/** Height of one bar; one category stacks one bar per series. */
const BAR = 4.4;
const BAR_GAP = 0.8;
const ROW_PAD = 2.6;
/** A category name longer than this many lines is cut: the table beside the chart has it whole. */
const LABEL_LINES = 3;
const TEXT = MIN_TEXT;
const AXIS_ROOM = lineHeight(TEXT) * 2 + 3;
const LEGEND_ROOM = lineHeight(TEXT) + 2.5;

/** The top of the value axis: the chart's own, else the largest value rounded up to a tenth. */
export function axisMax(spec: Pick<ChartSpec, 'max' | 'data'>): number {
  if (spec.max !== undefined) return spec.max;
  const values = spec.data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = Math.max(0, ...values);
  return Math.max(10, Math.ceil(top / 10) * 10);
}

/** A bar's value as printed: one decimal, as the screen's table; a dash when not scored. */
export function barValueText(value: number | null): string {
  return formatDecimal(value);
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function labelLines(doc: jsPDF, label: string): string[] {
  doc.setFont(FONT_FAMILY, 'normal');
  doc.setFontSize(TEXT);
  const all = doc.splitTextToSize(cleanText(label), LABEL_WIDTH) as string[];
  if (all.length <= LABEL_LINES) return all;
  const kept = all.slice(0, LABEL_LINES);
  kept[LABEL_LINES - 1] = `${kept[LABEL_LINES - 1]!.replace(/\s*\S{0,3}$/, '')}…`;
  return kept;
}

function rowHeight(doc: jsPDF, spec: ChartSpec, index: number): number {
  const series = spec.data.series.length;
  const bars = series * BAR + (series - 1) * BAR_GAP;
  const text = labelLines(doc, spec.data.labels[index] ?? '').length * lineHeight(TEXT);
  return Math.max(bars, text) + ROW_PAD;
}

/** Height of the whole chart as drawn, legend and axis included. */
export function barsHeight(doc: jsPDF, spec: ChartSpec): number {
  const legend = spec.data.series.length > 1 ? LEGEND_ROOM : 0;
  const rows = spec.data.labels.reduce((sum, _, i) => sum + rowHeight(doc, spec, i), 0);
  return legend + rows + AXIS_ROOM;
}

/** Height of the legend and the first category, which must share a page with a heading. */
export function barsLead(doc: jsPDF, spec: ChartSpec): number {
  const legend = spec.data.series.length > 1 ? LEGEND_ROOM : 0;
  return legend + (spec.data.labels.length > 0 ? rowHeight(doc, spec, 0) : 0);
}

/** Series after the first are drawn outlined on white, so they differ in grey print too. */
function setSeriesStyle(doc: jsPDF, series: number): 'F' | 'FD' {
  const colour = rgb(seriesColour(series));
  doc.setLineWidth(0.5);
  doc.setDrawColor(...colour);
  if (series === 0) {
    doc.setFillColor(...colour);
    return 'F';
  }
  doc.setFillColor(255, 255, 255);
  return 'FD';
}

function drawLegend(w: Writer, spec: ChartSpec): void {
  const { doc } = w;
  let x = MARGIN.left + PLOT_LEFT;
  const y = w.y;
  spec.data.series.forEach((s, i) => {
    const style = setSeriesStyle(doc, i);
    doc.rect(x, y + 0.6, 6, 3, style);
    w.font('normal', TEXT, INK);
    const label = cleanText(s.label);
    doc.text(label, x + 8, y, { baseline: 'top' });
    x += 8 + doc.getTextWidth(label) + 6;
  });
  w.y += LEGEND_ROOM;
}

function drawGrid(doc: jsPDF, top: number, bottom: number): void {
  doc.setLineWidth(0.15);
  doc.setDrawColor(...RULE);
  for (let i = 0; i <= 5; i++) {
    const x = MARGIN.left + PLOT_LEFT + (PLOT_WIDTH * i) / 5;
    doc.line(x, top, x, bottom);
  }
}

function drawAxis(w: Writer, spec: ChartSpec, max: number): void {
  const { doc } = w;
  const left = MARGIN.left + PLOT_LEFT;
  doc.setLineWidth(0.3);
  doc.setDrawColor(...MUTED);
  doc.line(left, w.y, left + PLOT_WIDTH, w.y);
  w.font('normal', TEXT, MUTED);
  for (let i = 0; i <= 5; i++) {
    const x = left + (PLOT_WIDTH * i) / 5;
    doc.line(x, w.y, x, w.y + 1);
    doc.text(formatNumber((max * i) / 5), x, w.y + 1.3, { baseline: 'top', align: 'center' });
  }
  if (spec.axisLabel) {
    doc.text(cleanText(spec.axisLabel), left + PLOT_WIDTH / 2, w.y + 1.5 + lineHeight(TEXT), {
      baseline: 'top',
      align: 'center'
    });
  }
  w.y += AXIS_ROOM;
}

function drawRow(w: Writer, spec: ChartSpec, index: number, max: number): void {
  const { doc } = w;
  const height = rowHeight(doc, spec, index);
  const top = w.y;
  drawGrid(doc, top, top + height);
  w.font('normal', TEXT, INK);
  let y = top + ROW_PAD / 2;
  for (const line of labelLines(doc, spec.data.labels[index] ?? '')) {
    doc.text(line, MARGIN.left, y, { baseline: 'top' });
    y += lineHeight(TEXT);
  }
  const left = MARGIN.left + PLOT_LEFT;
  spec.data.series.forEach((s, i) => {
    const value = s.values[index] ?? null;
    const barTop = top + ROW_PAD / 2 + i * (BAR + BAR_GAP);
    const length = value === null ? 0 : (PLOT_WIDTH * Math.min(Math.max(value, 0), max)) / max;
    if (length > 0) doc.rect(left, barTop, length, BAR, setSeriesStyle(doc, i));
    w.font('bold', TEXT, INK);
    doc.text(barValueText(value), left + length + 1.2, barTop + BAR / 2, { baseline: 'middle' });
  });
  w.y = top + height;
}

/**
 * Draws a bar chart at the cursor: legend (with two series or more), one line per category, the
 * value axis. The caller keeps it on one page when it fits one; a longer chart breaks between
 * categories.
 */
export function drawBars(w: Writer, spec: ChartSpec): void {
  const max = axisMax(spec);
  if (spec.data.series.length > 1) drawLegend(w, spec);
  spec.data.labels.forEach((_, i) => {
    const height = rowHeight(w.doc, spec, i);
    const last = i === spec.data.labels.length - 1;
    w.ensure(height + (last ? AXIS_ROOM : 0));
    drawRow(w, spec, i, max);
  });
  drawAxis(w, spec, max);
}
