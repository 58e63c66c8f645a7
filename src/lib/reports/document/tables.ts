/**
 * Tables with jspdf-autotable: cell styles, the height a table's first rows will take (so a
 * table never leaves its header alone at the foot of a page) and the drawing itself.
 */
import type { jsPDF } from 'jspdf';
import { autoTable, type CellDef, type RowInput, type Styles } from 'jspdf-autotable';
import { FONT_FAMILY } from './fonts';
import type { Block, Cell, ColumnSpec } from './model';
import {
  CONTENT_WIDTH,
  GROUP_FILL,
  HEAD_FILL,
  INK,
  MARGIN,
  MIN_TEXT,
  MUTED,
  PAGE_ROOM,
  PT,
  RULE,
  type Writer
} from './page';
import { cleanText } from './text';

export type TableBlock = Extract<Block, { kind: 'table' }>;

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

export function baseStyles(dense: boolean): Partial<Styles> {
  return {
    font: FONT_FAMILY,
    fontStyle: 'normal',
    // Dense tables save room in their padding, never in their type (docs/file-formats.md).
    fontSize: MIN_TEXT,
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
export function rowHeight(
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
export function firstRowsHeight(doc: jsPDF, block: TableBlock, count: number): number {
  const dense = block.dense ?? false;
  const size = MIN_TEXT;
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

export function drawTable(w: Writer, block: TableBlock): void {
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
    // everything outside Windows-1252 (docs/file-formats.md, "PDF reports").
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
