/**
 * The page of every report (A4 or US Letter): its margins, type sizes and colours, and the
 * cursor that knows where the next line goes. Shared by the renderer, the table and form drawers
 * and the measure.
 *
 * Both papers get the same content width (174 mm fits both), so a table or ladder is laid out
 * alike on either; only the page's height, and the side margins, differ. `usePaper` sets the
 * page for the document being rendered (one at a time: the renderer sets it first).
 */
import type { jsPDF } from 'jspdf';
import { FONT_FAMILY } from './fonts';
import type { Paper } from './model';
import { cleanText } from './text';

export type Rgb = [number, number, number];

/** Page sizes in millimetres. */
export const PAPER_SIZES: Record<Paper, { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  letter: { width: 215.9, height: 279.4 }
};

export const CONTENT_WIDTH = 174;
export const MARGIN = { top: 24, right: 18, bottom: 20, left: 18 };
export let PAGE_WIDTH = PAPER_SIZES.a4.width;
export let PAGE_HEIGHT = PAPER_SIZES.a4.height;
export let BOTTOM = PAGE_HEIGHT - MARGIN.bottom;
/** Millimetres per typographic point. */
export const PT = 25.4 / 72;
const LINE_FACTOR = 1.3;

export const INK: Rgb = [27, 31, 36];
export const MUTED: Rgb = [84, 90, 99];
export const RULE: Rgb = [190, 196, 204];
export const HEAD_FILL: Rgb = [228, 234, 241];
export const GROUP_FILL: Rgb = [243, 245, 248];

export const HEADING_SIZES = { 1: 16, 2: 13, 3: 11 } as const;
/** Height available for content on a page. */
export let PAGE_ROOM = BOTTOM - MARGIN.top;

/** Sets the page every drawer uses: call before drawing a document. */
export function usePaper(paper: Paper): void {
  const size = PAPER_SIZES[paper];
  PAGE_WIDTH = size.width;
  PAGE_HEIGHT = size.height;
  MARGIN.left = MARGIN.right = (size.width - CONTENT_WIDTH) / 2;
  BOTTOM = PAGE_HEIGHT - MARGIN.bottom;
  PAGE_ROOM = BOTTOM - MARGIN.top;
}

/** Height of one line of text at a size in points, in millimetres. */
export function lineHeight(size: number): number {
  return size * PT * LINE_FACTOR;
}

/** Room under a chart for its two-line caption. */
export const CAPTION_ROOM = lineHeight(8) * 2 + 4.5;

/** Type size of a paragraph: muted notes are set smaller. */
export const paragraphSize = (tone: 'normal' | 'muted' | 'bold' | undefined) =>
  tone === 'muted' ? 8.5 : 10;

/** Lines a text takes at a size, in the regular or bold face. */
export function lineCount(doc: jsPDF, text: string, size: number, bold = false): number {
  doc.setFont(FONT_FAMILY, bold ? 'bold' : 'normal');
  doc.setFontSize(size);
  return (doc.splitTextToSize(cleanText(text), CONTENT_WIDTH) as string[]).length;
}

/** Cursor-based writer: the one place that knows where the next thing goes. */
export class Writer {
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
