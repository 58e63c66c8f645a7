/**
 * Lays a ReportDocument out on A4 pages with jsPDF and jspdf-autotable. Every piece of text uses
 * the embedded Noto Sans (body and bold headers alike); bar charts are drawn as vector shapes
 * (bars.ts) and radars arrive as JPEGs at print resolution (charts.ts); the running
 * header, classification, footer, page numbers and watermark are drawn on every page at the end,
 * once the page count is known.
 *
 * Loaded only when a report is asked for (ReportButton imports it dynamically).
 */
import { jsPDF } from 'jspdf';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { renderChart, type ChartImage } from './charts';
import { drawDecor } from './decor';
import { embedFonts, type FontFiles } from './fonts';
import { drawBars } from './bars';
import { drawChoices, drawInlineChoices, drawLines } from './forms';
import { drawLadder } from './ladders';
import { chartBox, Measure } from './measure';
import type { Block, ReportDocument } from './model';
import {
  CAPTION_ROOM,
  CONTENT_WIDTH,
  HEADING_SIZES,
  INK,
  lineCount,
  lineHeight,
  MARGIN,
  MIN_TEXT,
  MUTED,
  PAGE_ROOM,
  paragraphSize,
  usePaper,
  Writer
} from './page';
import { drawTable } from './tables';
import { fitHeading } from './headings';
import { cleanText } from './text';

export type Progress = (step: string) => void;

export interface RenderedReport {
  blob: Blob;
  pages: number;
}

/** Lets the browser paint the progress text between steps. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A PDF date in UTC, e.g. `D:20260301233005+00'00'`. jsPDF's default is the computer's local
 * time with its offset, which tells every reader of a shared report the author's time zone.
 */
function pdfDateUtc(date: Date): string {
  return `D:${date.toISOString().slice(0, 19).replace(/[-T:]/g, '')}+00'00'`;
}

let lastYield = 0;

/** Yields at most every 50 ms: often enough for progress to show, rarely enough to cost little. */
async function breathe(): Promise<void> {
  if (performance.now() - lastYield < 50) return;
  await nextFrame();
  lastYield = performance.now();
}

function drawCaption(w: Writer, caption: string): void {
  w.text(caption, { size: MIN_TEXT, colour: MUTED });
  w.gap(3);
}

function drawChart(w: Writer, image: ChartImage, caption: string): void {
  const { width, height } = chartBox(image);
  w.ensure(height + CAPTION_ROOM);
  const x = MARGIN.left + (CONTENT_WIDTH - width) / 2;
  w.doc.addImage(image.dataUrl, 'JPEG', x, w.y, width, height);
  w.y += height + 1.5;
  drawCaption(w, caption);
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
        w.text(fitHeading(block.text, 'title'), { size: 26, style: 'bold' });
        if (block.subtitle) {
          w.gap(1);
          w.text(block.subtitle, { size: 13, colour: MUTED });
        }
        w.gap(8);
        break;
      case 'heading': {
        if (block.newPage && !w.atPageTop) w.newPage();
        if (block.level <= 2) {
          progress(m.reports_progress_layout({ pages: w.doc.getNumberOfPages() }));
          await breathe();
        }
        const size = HEADING_SIZES[block.level];
        const text = fitHeading(block.text, 'heading');
        w.gap(block.level === 1 ? 2 : 3);
        // Keep a heading with the start of what follows it.
        const own = lineCount(w.doc, text, size, true) * lineHeight(size) + 3;
        w.ensure(Math.min(own + measure.leadAfter(blocks, i + 1), PAGE_ROOM));
        if (block.bookmark) w.bookmark(block.level, text);
        w.text(text, { size, style: 'bold' });
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
        // Bars are drawn as vector shapes with their values; a radar is a print-resolution image.
        if (block.chart.type === 'bar') {
          // Whole on one page when it fits one; a longer chart breaks between its bars.
          const height = measure.full(block);
          w.ensure(height <= PAGE_ROOM ? height : measure.lead(block));
          drawBars(w, block.chart);
          w.y += 1.5;
          drawCaption(w, block.caption);
          break;
        }
        const image = measure.charts.get(block);
        if (image) drawChart(w, image, block.caption);
        break;
      }
      case 'ladder':
        drawLadder(w, block);
        break;
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
  const chartBlocks = flat(report.blocks).filter(
    (b): b is Extract<Block, { kind: 'chart' }> => b.kind === 'chart' && b.chart.type !== 'bar'
  );
  const locale = report.locale ?? getLocale();
  const charts = new Map<Block, ChartImage>();
  for (const [i, block] of chartBlocks.entries()) {
    progress(m.reports_progress_charts({ done: i + 1, total: chartBlocks.length }));
    await nextFrame();
    charts.set(block, renderChart(block.chart, locale));
  }

  const paper = report.paper ?? 'a4';
  usePaper(paper);
  const doc = new jsPDF({ unit: 'mm', format: paper, compress: true, putOnlyUsedFonts: true });
  embedFonts(doc, fonts);
  doc.setProperties({
    title: cleanText(report.title),
    subject: cleanText(report.subject),
    creator: 'NCS Self-Assessment'
  });
  // The document's language, for screen readers and text search in PDF viewers.
  doc.setLanguage(locale === 'fr' ? 'fr-FR' : 'en-GB');
  doc.setCreationDate(pdfDateUtc(new Date()));

  const writer = new Writer(doc);
  await drawBlocks(writer, report.blocks, new Measure(doc, charts), progress);

  progress(m.reports_progress_numbering());
  await nextFrame();
  drawDecor(doc, report.decor, locale);

  progress(m.reports_progress_saving());
  await nextFrame();
  return { blob: doc.output('blob'), pages: doc.getNumberOfPages() };
}
