/**
 * Lays a ReportDocument out on A4 pages with jsPDF and jspdf-autotable. Every piece of text uses
 * the embedded Noto Sans (body and bold headers alike); charts arrive as JPEGs; the running
 * header, classification, footer, page numbers and watermark are drawn on every page at the end,
 * once the page count is known.
 *
 * Loaded only when a report is asked for (ReportButton imports it dynamically).
 */
import { GState, jsPDF } from 'jspdf';
import {
  autoTable,
  type CellDef,
  type CellHookData,
  type RowInput,
  type Styles
} from 'jspdf-autotable';
import { renderChart, type ChartImage } from './charts';
import { embedFonts, FONT_FAMILY, type FontFiles } from './fonts';
import type { Block, Cell, ChoiceItem, ColumnSpec, PageDecor, ReportDocument } from './model';
import { cleanText } from './text';

type Rgb = [number, number, number];

const PAGE_WIDTH = 210;
const PAGE_HEIGHT = 297;
const MARGIN = { top: 24, right: 18, bottom: 20, left: 18 };
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE_HEIGHT - MARGIN.bottom;
/** Millimetres per typographic point. */
const PT = 25.4 / 72;
const LINE_FACTOR = 1.3;

const INK: Rgb = [27, 31, 36];
const MUTED: Rgb = [84, 90, 99];
const RULE: Rgb = [190, 196, 204];
const HEAD_FILL: Rgb = [228, 234, 241];
const GROUP_FILL: Rgb = [243, 245, 248];

const HEADING_SIZES = { 1: 16, 2: 13, 3: 11 } as const;
/** Height available for content on a page. */
const PAGE_ROOM = BOTTOM - MARGIN.top;
/** Room under a chart for its two-line caption. */
const CAPTION_ROOM = lineHeight(8) * 2 + 4.5;
const LINE_SPACING = 7;
/** Tick-box rows of a blank form: compact, so two questions fit a page. */
const CHOICE_LABEL_WIDTH = 30;
const CHOICE_SIZE = 8.5;
const CHOICE_PADDING = 0.7;

export type Progress = (step: string) => void;

export interface RenderedReport {
  blob: Blob;
  pages: number;
}

/** Lets the browser paint the progress text between steps. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let lastYield = 0;

/** Yields at most every 50 ms: often enough for progress to show, rarely enough to cost little. */
async function breathe(): Promise<void> {
  if (performance.now() - lastYield < 50) return;
  await nextFrame();
  lastYield = performance.now();
}

function lineHeight(size: number): number {
  return size * PT * LINE_FACTOR;
}

/** Cursor-based writer: the one place that knows where the next thing goes. */
class Writer {
  y = MARGIN.top;
  #outlineParent: unknown = null;

  constructor(readonly doc: jsPDF) {}

  get atPageTop(): boolean {
    return this.y <= MARGIN.top + 0.01;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > BOTTOM && !this.atPageTop) this.newPage();
  }

  font(style: 'normal' | 'bold', size: number, colour: Rgb = INK): void {
    this.doc.setFont(FONT_FAMILY, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(...colour);
  }

  /** Wrapped text; breaks pages between lines. */
  text(text: string, opts: { size: number; style?: 'normal' | 'bold'; colour?: Rgb }): void {
    this.font(opts.style ?? 'normal', opts.size, opts.colour);
    const lines = this.doc.splitTextToSize(cleanText(text), CONTENT_WIDTH) as string[];
    const step = lineHeight(opts.size);
    for (const line of lines) {
      this.ensure(step);
      this.doc.text(line, MARGIN.left, this.y, { baseline: 'top' });
      this.y += step;
    }
  }

  gap(mm: number): void {
    if (!this.atPageTop) this.y += mm;
  }

  bookmark(level: 1 | 2 | 3, title: string): void {
    const pageNumber = this.doc.getCurrentPageInfo().pageNumber;
    const item = this.doc.outline.add(level === 1 ? null : this.#outlineParent, cleanText(title), {
      pageNumber
    });
    if (level === 1) this.#outlineParent = item;
  }
}

function cellDef(cell: Cell): CellDef {
  if (typeof cell === 'string') return { content: cleanText(cell) };
  const styles: Partial<Styles> = {};
  if (cell.bold) styles.fontStyle = 'bold';
  if (cell.shade) styles.fillColor = GROUP_FILL;
  if (cell.muted) styles.textColor = MUTED;
  if (cell.fill) styles.fillColor = cell.fill;
  if (cell.colour) styles.textColor = cell.colour;
  return { content: cleanText(cell.text), colSpan: cell.span ?? 1, styles };
}

function baseStyles(dense: boolean): Partial<Styles> {
  return {
    font: FONT_FAMILY,
    fontStyle: 'normal',
    fontSize: dense ? 8 : 9,
    cellPadding: dense ? 1.2 : 1.6,
    textColor: INK,
    lineColor: RULE,
    lineWidth: 0.1,
    overflow: 'linebreak',
    valign: 'top'
  };
}

/**
 * Height of a body row, estimated as autotable will lay it out, so a table starts on a new page
 * rather than leave its header alone at the bottom of this one (rows never split: 'avoid').
 */
function rowHeight(
  doc: jsPDF,
  cells: { text: string; width: number; bold?: boolean }[],
  size: number,
  padding: number
): number {
  doc.setFontSize(size);
  let lines = 1;
  for (const cell of cells) {
    doc.setFont(FONT_FAMILY, cell.bold ? 'bold' : 'normal');
    const split = doc.splitTextToSize(cleanText(cell.text), cell.width - 2 * padding) as string[];
    lines = Math.max(lines, split.length);
  }
  return lines * size * PT * doc.getLineHeightFactor() + 2 * padding;
}

function columnWidths(columns: ColumnSpec[]): number[] {
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const flexible = columns.filter((c) => c.width === undefined).length;
  const share = flexible ? (CONTENT_WIDTH - fixed) / flexible : 0;
  return columns.map((c) => c.width ?? share);
}

/** Height of the header rows and the first `count` body rows of a table. */
function firstRowsHeight(
  doc: jsPDF,
  block: Extract<Block, { kind: 'table' }>,
  count: number
): number {
  const dense = block.dense ?? false;
  const size = dense ? 8 : 9;
  const padding = dense ? 1.2 : 1.6;
  const widths = columnWidths(block.columns);
  const sized = (cells: Cell[]) => {
    let at = 0;
    return cells.map((cell) => {
      const span = typeof cell === 'string' ? 1 : (cell.span ?? 1);
      const width = widths.slice(at, at + span).reduce((a, b) => a + b, 0);
      const column = block.columns[at];
      at += span;
      return typeof cell === 'string'
        ? { text: cell, width, bold: column?.bold }
        : { text: cell.text, width, bold: cell.bold ?? column?.bold };
    });
  };
  let height = 0;
  if (block.title) {
    const title = { text: block.title, width: CONTENT_WIDTH, bold: true };
    height += rowHeight(doc, [title], size + 1.5, padding);
  }
  if (block.showHeader ?? true) {
    height += rowHeight(
      doc,
      sized(block.columns.map((c) => ({ text: c.header, bold: true }))),
      size,
      padding
    );
  }
  for (const [i, row] of block.rows.entries()) {
    height += rowHeight(doc, sized(row.cells), size, padding);
    // A group row (a section title) wants the row after it on the same page too.
    const first = row.cells[0];
    const isGroupRow = typeof first !== 'string' && Boolean(first?.span);
    if (i + 1 >= count && !isGroupRow) break;
  }
  return height;
}

function drawTable(w: Writer, block: Extract<Block, { kind: 'table' }>): void {
  const dense = block.dense ?? false;
  const head: RowInput[] = [];
  if (block.title) {
    head.push([
      {
        content: cleanText(block.title),
        colSpan: block.columns.length,
        styles: { fontSize: dense ? 9.5 : 10.5, fillColor: [208, 221, 236] }
      }
    ]);
  }
  if (block.showHeader ?? true) {
    head.push(
      block.columns.map((c) => ({
        content: cleanText(c.header),
        styles: { halign: c.align ?? 'left' }
      }))
    );
  }
  const columnStyles: Record<number, Partial<Styles>> = {};
  block.columns.forEach((c, i) => {
    const style: Partial<Styles> = {};
    if (c.width !== undefined) style.cellWidth = c.width;
    if (c.align) style.halign = c.align;
    if (c.bold) style.fontStyle = 'bold';
    columnStyles[i] = style;
  });
  w.ensure(Math.min(firstRowsHeight(w.doc, block, 1) + 2, PAGE_ROOM));
  let endY = w.y;
  autoTable(w.doc, {
    startY: w.y,
    margin: MARGIN,
    theme: 'grid',
    head,
    body: block.rows.map((r) => r.cells.map(cellDef)),
    styles: baseStyles(dense),
    // The header is bold Noto Sans too: autotable's default (bold Helvetica) would corrupt
    // everything outside Windows-1252 (toolchain.md, pitfall 4).
    headStyles: { font: FONT_FAMILY, fontStyle: 'bold', fillColor: HEAD_FILL, textColor: INK },
    columnStyles,
    rowPageBreak: 'avoid',
    showHead: 'everyPage',
    didDrawPage: (data) => {
      if (data.cursor) endY = data.cursor.y;
    }
  });
  w.y = endY + 4;
}

function choiceHeight(doc: jsPDF, item: ChoiceItem): number {
  return rowHeight(
    doc,
    [
      { text: item.label, width: CHOICE_LABEL_WIDTH, bold: true },
      { text: item.text, width: CONTENT_WIDTH - CHOICE_LABEL_WIDTH - 7 }
    ],
    CHOICE_SIZE,
    CHOICE_PADDING
  );
}

function drawChoices(w: Writer, items: ChoiceItem[]): void {
  const box = 3.2;
  const first = items[0];
  w.ensure(first ? choiceHeight(w.doc, first) + 1 : 8);
  let endY = w.y;
  autoTable(w.doc, {
    startY: w.y,
    margin: MARGIN,
    theme: 'plain',
    body: items.map((item) => [
      '',
      { content: cleanText(item.label), styles: { fontStyle: 'bold' } },
      cleanText(item.text)
    ]),
    styles: {
      ...baseStyles(false),
      fontSize: CHOICE_SIZE,
      lineWidth: 0,
      cellPadding: CHOICE_PADDING
    },
    columnStyles: { 0: { cellWidth: 7 }, 1: { cellWidth: CHOICE_LABEL_WIDTH } },
    rowPageBreak: 'avoid',
    didDrawCell: (data: CellHookData) => {
      if (data.section !== 'body' || data.column.index !== 0) return;
      w.doc.setDrawColor(0, 0, 0);
      w.doc.setLineWidth(0.3);
      w.doc.rect(data.cell.x + 1.6, data.cell.y + CHOICE_PADDING + 0.2, box, box, 'S');
    },
    didDrawPage: (data) => {
      if (data.cursor) endY = data.cursor.y;
    }
  });
  w.y = endY + 1;
}

function drawInlineChoices(w: Writer, items: ChoiceItem[]): void {
  const size = 9;
  const box = 3.4;
  w.ensure(7);
  w.font('bold', size);
  let x = MARGIN.left + 1.6;
  for (const item of items) {
    const label = cleanText(item.label);
    const width = box + 2 + w.doc.getTextWidth(label);
    if (x + width > MARGIN.left + CONTENT_WIDTH) {
      w.y += 6;
      w.ensure(7);
      x = MARGIN.left + 1.6;
    }
    w.doc.setDrawColor(0, 0, 0);
    w.doc.setLineWidth(0.3);
    w.doc.rect(x, w.y + 0.3, box, box, 'S');
    w.doc.text(label, x + box + 2, w.y, { baseline: 'top' });
    x += width + 8;
  }
  w.y += 7;
}

function drawLines(w: Writer, label: string, count: number): void {
  const spacing = LINE_SPACING;
  w.ensure(spacing * Math.min(count, 2));
  w.font('normal', 9, MUTED);
  w.doc.setDrawColor(...RULE);
  w.doc.setLineWidth(0.2);
  for (let i = 0; i < count; i++) {
    w.ensure(spacing);
    if (i === 0) w.doc.text(cleanText(label), MARGIN.left, w.y + 2, { baseline: 'top' });
    w.doc.line(MARGIN.left, w.y + spacing - 1, MARGIN.left + CONTENT_WIDTH, w.y + spacing - 1);
    w.y += spacing;
  }
  w.y += 2;
}

function chartBox(image: ChartImage): { width: number; height: number } {
  const room = BOTTOM - MARGIN.top - CAPTION_ROOM;
  let width = CONTENT_WIDTH;
  let height = (width * image.heightPx) / image.widthPx;
  if (height > room) {
    height = room;
    width = (height * image.widthPx) / image.heightPx;
  }
  return { width, height };
}

function drawChart(w: Writer, image: ChartImage, caption: string): void {
  const { width, height } = chartBox(image);
  w.ensure(height + CAPTION_ROOM);
  const x = MARGIN.left + (CONTENT_WIDTH - width) / 2;
  w.doc.addImage(image.dataUrl, 'JPEG', x, w.y, width, height);
  w.y += height + 1.5;
  w.text(caption, { size: 8, colour: MUTED });
  w.gap(3);
}

const paragraphSize = (tone: 'normal' | 'muted' | 'bold' | undefined) =>
  tone === 'muted' ? 8.5 : 10;

/** Lines a text takes at a size, in the regular or bold face. */
function lineCount(doc: jsPDF, text: string, size: number, bold = false): number {
  doc.setFont(FONT_FAMILY, bold ? 'bold' : 'normal');
  doc.setFontSize(size);
  return (doc.splitTextToSize(cleanText(text), CONTENT_WIDTH) as string[]).length;
}

/**
 * Heights as drawBlocks will use them (estimates for tables), to keep a heading with what
 * follows it and a group (one question of a blank form) on one page.
 */
class Measure {
  constructor(
    readonly doc: jsPDF,
    readonly charts: Map<Block, ChartImage>
  ) {}

  full(block: Block): number {
    switch (block.kind) {
      case 'title':
        return (
          18 +
          lineCount(this.doc, block.text, 26, true) * lineHeight(26) +
          (block.subtitle ? 1 + lineCount(this.doc, block.subtitle, 13) * lineHeight(13) : 0) +
          8
        );
      case 'heading': {
        const size = HEADING_SIZES[block.level];
        return (
          (block.level === 1 ? 2 : 3) +
          lineCount(this.doc, block.text, size, true) * lineHeight(size) +
          (block.level === 1 ? 3 : 1.5)
        );
      }
      case 'paragraph': {
        const size = paragraphSize(block.tone);
        return lineCount(this.doc, block.text, size, block.tone === 'bold') * lineHeight(size) + 2;
      }
      case 'table':
        return firstRowsHeight(this.doc, block, block.rows.length) + 4;
      case 'chart': {
        const image = this.charts.get(block);
        return image ? chartBox(image).height + CAPTION_ROOM : 0;
      }
      case 'choices':
        return block.inline
          ? 7
          : block.items.reduce((sum, item) => sum + choiceHeight(this.doc, item), 0) + 1;
      case 'lines':
        return block.count * LINE_SPACING + 2;
      case 'group':
        return block.blocks.reduce((sum, b) => sum + this.full(b), 0);
      case 'pageBreak':
        return 0;
    }
  }

  /** The least of a block that must follow a heading on the same page. */
  lead(block: Block | undefined): number {
    if (!block) return 0;
    switch (block.kind) {
      case 'paragraph': {
        const size = paragraphSize(block.tone);
        const lines = lineCount(this.doc, block.text, size, block.tone === 'bold');
        return Math.min(lines, 2) * lineHeight(size);
      }
      case 'table':
        return firstRowsHeight(this.doc, block, 1) + 2;
      case 'choices': {
        const first = block.items[0];
        return block.inline || !first ? 7 : choiceHeight(this.doc, first);
      }
      case 'lines':
        return LINE_SPACING;
      case 'group': {
        const full = this.full(block);
        return full <= PAGE_ROOM ? full : this.lead(block.blocks[0]);
      }
      default:
        return Math.min(this.full(block), PAGE_ROOM / 2);
    }
  }
}

async function drawBlocks(
  w: Writer,
  blocks: Block[],
  measure: Measure,
  progress: Progress
): Promise<void> {
  for (const [i, block] of blocks.entries()) {
    switch (block.kind) {
      case 'title':
        w.gap(18);
        w.text(block.text, { size: 26, style: 'bold' });
        if (block.subtitle) {
          w.gap(1);
          w.text(block.subtitle, { size: 13, colour: MUTED });
        }
        w.gap(8);
        break;
      case 'heading': {
        if (block.newPage && !w.atPageTop) w.newPage();
        if (block.level <= 2) {
          progress(`Laying out pages… ${w.doc.getNumberOfPages()}`);
          await breathe();
        }
        const size = HEADING_SIZES[block.level];
        w.gap(block.level === 1 ? 2 : 3);
        // Keep a heading with the start of what follows it.
        const own = lineCount(w.doc, block.text, size, true) * lineHeight(size) + 3;
        w.ensure(Math.min(own + measure.lead(blocks[i + 1]), PAGE_ROOM));
        if (block.bookmark) w.bookmark(block.level, block.text);
        w.text(block.text, { size, style: 'bold' });
        w.y += block.level === 1 ? 3 : 1.5;
        break;
      }
      case 'paragraph':
        w.text(block.text, {
          size: paragraphSize(block.tone),
          style: block.tone === 'bold' ? 'bold' : 'normal',
          colour: block.tone === 'muted' ? MUTED : INK
        });
        w.y += 2;
        break;
      case 'table':
        drawTable(w, block);
        break;
      case 'chart': {
        const image = measure.charts.get(block);
        if (image) drawChart(w, image, block.caption);
        break;
      }
      case 'choices':
        if (block.inline) drawInlineChoices(w, block.items);
        else drawChoices(w, block.items);
        break;
      case 'lines':
        drawLines(w, block.label, block.count);
        break;
      case 'group': {
        const height = measure.full(block);
        if (height <= PAGE_ROOM) w.ensure(height);
        await drawBlocks(w, block.blocks, measure, progress);
        break;
      }
      case 'pageBreak':
        if (!w.atPageTop) w.newPage();
        break;
    }
  }
}

/** TLP 2.0 labels are coloured text on black. */
function drawClassification(doc: jsPDF, decor: PageDecor): void {
  const label = cleanText(decor.classification);
  doc.setFont(FONT_FAMILY, 'bold');
  doc.setFontSize(9);
  const width = doc.getTextWidth(label) + 4;
  const x = PAGE_WIDTH - MARGIN.right - width;
  if (decor.classificationColour) {
    doc.setFillColor(0, 0, 0);
    doc.rect(x, 8.6, width, 5.6, 'F');
    doc.setTextColor(decor.classificationColour);
  } else {
    doc.setTextColor(...INK);
  }
  doc.text(label, x + 2, 9.6, { baseline: 'top' });
}

function drawWatermark(doc: jsPDF, text: string): void {
  const label = cleanText(text);
  doc.saveGraphicsState();
  doc.setGState(new GState({ opacity: 0.13 }));
  doc.setFont(FONT_FAMILY, 'bold');
  doc.setFontSize(50);
  doc.setTextColor(160, 0, 0);
  const width = doc.getTextWidth(label);
  const angle = Math.atan2(PAGE_HEIGHT, PAGE_WIDTH);
  // jsPDF rotates about the start of the baseline: start so that the middle sits mid-page.
  const x = PAGE_WIDTH / 2 - (width / 2) * Math.cos(angle);
  const y = PAGE_HEIGHT / 2 + (width / 2) * Math.sin(angle);
  doc.text(label, x, y, { angle: (angle * 180) / Math.PI });
  doc.restoreGraphicsState();
}

function drawDecor(doc: jsPDF, decor: PageDecor): void {
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    if (decor.watermark) drawWatermark(doc, decor.watermark);
    doc.setFont(FONT_FAMILY, 'normal');
    doc.setFontSize(8.5);
    doc.setTextColor(...MUTED);
    doc.text(cleanText(decor.headerLeft), MARGIN.left, 10, { baseline: 'top' });
    drawClassification(doc, decor);
    doc.setDrawColor(...RULE);
    doc.setLineWidth(0.2);
    doc.line(MARGIN.left, 16.5, PAGE_WIDTH - MARGIN.right, 16.5);
    doc.line(MARGIN.left, PAGE_HEIGHT - 14, PAGE_WIDTH - MARGIN.right, PAGE_HEIGHT - 14);
    doc.setFont(FONT_FAMILY, 'normal');
    doc.setFontSize(8);
    doc.setTextColor(...MUTED);
    doc.text(cleanText(decor.footer), MARGIN.left, PAGE_HEIGHT - 12.5, { baseline: 'top' });
    doc.text(`Page ${page} of ${pages}`, PAGE_WIDTH - MARGIN.right, PAGE_HEIGHT - 12.5, {
      baseline: 'top',
      align: 'right'
    });
  }
}

/**
 * Renders a document to a PDF. The caller has checked its text with `checkDocument`.
 */
export async function renderDocument(
  report: ReportDocument,
  fonts: FontFiles,
  progress: Progress
): Promise<RenderedReport> {
  const flat = (blocks: Block[]): Block[] =>
    blocks.flatMap((b) => (b.kind === 'group' ? flat(b.blocks) : [b]));
  const chartBlocks = flat(report.blocks).filter((b) => b.kind === 'chart');
  const charts = new Map<Block, ChartImage>();
  for (const [i, block] of chartBlocks.entries()) {
    progress(`Preparing charts… ${i + 1}/${chartBlocks.length}`);
    await nextFrame();
    charts.set(block, renderChart(block.chart));
  }

  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  embedFonts(doc, fonts);
  doc.setProperties({
    title: cleanText(report.title),
    subject: cleanText(report.subject),
    creator: 'NCS Self-Assessment'
  });
  doc.setLanguage('en-GB');

  const writer = new Writer(doc);
  await drawBlocks(writer, report.blocks, new Measure(doc, charts), progress);

  progress('Numbering pages…');
  await nextFrame();
  drawDecor(doc, report.decor);

  progress('Saving the file…');
  await nextFrame();
  return { blob: doc.output('blob'), pages: doc.getNumberOfPages() };
}
