/**
 * Stage ladders drawn with jsPDF's own lines, boxes and text (vector: sharp at any zoom, a few
 * hundred bytes each). One row per scope: its title and figures on the left, the scale's stages
 * as rising rungs on the right — the stages reached filled, the current one dark, the one aimed
 * at outlined — and the words "we are here" / "we aim here" under them, so the picture never
 * carries meaning by colour alone. A note under the row says what the picture cannot.
 */
import type { jsPDF } from 'jspdf';
import { FONT_FAMILY } from './fonts';
import { fitHeading } from './headings';
import type { Block, LadderRow } from './model';
import { CONTENT_WIDTH, INK, lineHeight, MARGIN, MUTED, RULE, type Rgb, type Writer } from './page';
import { cleanText } from './text';

export type LadderBlock = Extract<Block, { kind: 'ladder' }>;

/** Width of the title column. */
const TITLE_WIDTH = 58;
const GAP = 3;
const RUNGS_WIDTH = CONTENT_WIDTH - TITLE_WIDTH - GAP;
/** Height of the lowest and the highest rung. */
const LOW = 6;
const HIGH = 12;
const TITLE_SIZE = 10;
const DETAIL_SIZE = 9.5;
const RUNG_SIZE = 8.5;
const MARK_SIZE = 8;
const NOTE_SIZE = 9.5;
/** A title longer than this is cut: the brief names scopes, the full title is elsewhere. */
const TITLE_LINES = 2;

const REACHED: Rgb = [207, 223, 240];
const HERE: Rgb = [31, 73, 125];
const AIM: Rgb = [176, 84, 0];

function lines(doc: jsPDF, text: string, size: number, width: number, bold = false): string[] {
  doc.setFont(FONT_FAMILY, bold ? 'bold' : 'normal');
  doc.setFontSize(size);
  return doc.splitTextToSize(cleanText(text), width) as string[];
}

function titleLines(doc: jsPDF, row: LadderRow): string[] {
  const all = lines(doc, fitHeading(row.title, 'heading'), TITLE_SIZE, TITLE_WIDTH, true);
  if (all.length <= TITLE_LINES) return all;
  const kept = all.slice(0, TITLE_LINES);
  kept[TITLE_LINES - 1] = `${kept[TITLE_LINES - 1]!.replace(/\s*\S{0,3}$/, '')}…`;
  return kept;
}

function rowParts(doc: jsPDF, row: LadderRow) {
  const title = titleLines(doc, row);
  const detail = row.detail ? lines(doc, row.detail, DETAIL_SIZE, TITLE_WIDTH) : [];
  const note = row.note ? lines(doc, row.note, NOTE_SIZE, CONTENT_WIDTH) : [];
  const left = title.length * lineHeight(TITLE_SIZE) + detail.length * lineHeight(DETAIL_SIZE);
  const right = HIGH + 1 + lineHeight(MARK_SIZE);
  const height = Math.max(left, right) + note.length * lineHeight(NOTE_SIZE) + 3;
  return { title, detail, note, height };
}

/** Height of one row as drawn. */
export function ladderRowHeight(doc: jsPDF, row: LadderRow): number {
  return rowParts(doc, row).height;
}

/** Height of the whole block as drawn. */
export function ladderHeight(doc: jsPDF, block: LadderBlock): number {
  return block.rows.reduce((sum, row) => sum + ladderRowHeight(doc, row), 0) + 2;
}

/** Text centred in a box, shrunk (not below 6.5 pt) until it fits the box's width. */
function centred(doc: jsPDF, text: string, x: number, width: number, y: number, size: number) {
  const clean = cleanText(text);
  let s = size;
  doc.setFontSize(s);
  while (s > 6.5 && doc.getTextWidth(clean) > width - 1) {
    s -= 0.5;
    doc.setFontSize(s);
  }
  doc.text(clean, x + width / 2, y, { baseline: 'top', align: 'center', maxWidth: width - 0.5 });
}

function drawRow(w: Writer, block: LadderBlock, row: LadderRow): void {
  const { doc } = w;
  const parts = rowParts(doc, row);
  w.ensure(parts.height);
  const top = w.y;
  let y = top;
  w.font('bold', TITLE_SIZE);
  for (const line of parts.title) {
    doc.text(line, MARGIN.left, y, { baseline: 'top' });
    y += lineHeight(TITLE_SIZE);
  }
  w.font('normal', DETAIL_SIZE, MUTED);
  for (const line of parts.detail) {
    doc.text(line, MARGIN.left, y, { baseline: 'top' });
    y += lineHeight(DETAIL_SIZE);
  }

  const count = row.rungs.length;
  const step = RUNGS_WIDTH / count;
  const x0 = MARGIN.left + TITLE_WIDTH + GAP;
  const base = top + HIGH;
  row.rungs.forEach((label, i) => {
    const height = count === 1 ? HIGH : LOW + ((HIGH - LOW) * i) / (count - 1);
    const x = x0 + i * step;
    const boxWidth = step - 1;
    const reached = row.here !== null && i <= row.here;
    const here = row.here === i;
    doc.setLineWidth(0.2);
    doc.setDrawColor(...RULE);
    if (here) doc.setFillColor(...HERE);
    else if (reached) doc.setFillColor(...REACHED);
    else doc.setFillColor(255, 255, 255);
    doc.rect(x, base - height, boxWidth, height, 'FD');
    if (row.aim === i) {
      doc.setLineWidth(0.7);
      doc.setDrawColor(...AIM);
      doc.rect(x + 0.35, base - height + 0.35, boxWidth - 0.7, height - 0.7, 'S');
    }
    w.font(here ? 'bold' : 'normal', RUNG_SIZE, here ? [255, 255, 255] : INK);
    centred(doc, label, x, boxWidth, base - lineHeight(RUNG_SIZE) - 0.6, RUNG_SIZE);
    const marks = [here ? block.here : '', row.aim === i ? block.aim : ''].filter(Boolean);
    if (marks.length > 0) {
      w.font('bold', MARK_SIZE, row.aim === i && !here ? AIM : HERE);
      centred(doc, marks.join(' · '), x, boxWidth, base + 1, MARK_SIZE);
    }
  });

  y = Math.max(y, base + 1 + lineHeight(MARK_SIZE));
  w.font('normal', NOTE_SIZE, MUTED);
  for (const line of parts.note) {
    doc.text(line, MARGIN.left, y, { baseline: 'top' });
    y += lineHeight(NOTE_SIZE);
  }
  w.y = top + parts.height;
}

/** Draws every row; a row is never split across pages. */
export function drawLadder(w: Writer, block: LadderBlock): void {
  for (const row of block.rows) drawRow(w, block, row);
  w.y += 2;
}
