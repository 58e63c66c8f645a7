/**
 * What a blank form prints besides tables: tick boxes with their labels (one per line or all on
 * one line) and ruled lines to write on.
 */
import type { jsPDF } from 'jspdf';
import { autoTable, type CellHookData } from 'jspdf-autotable';
import type { ChoiceItem } from './model';
import { CONTENT_WIDTH, MARGIN, MUTED, RULE, type Writer } from './page';
import { baseStyles, rowHeight } from './tables';
import { cleanText } from './text';

export const LINE_SPACING = 7;
/** Tick-box rows of a blank form: compact, so two questions fit a page. */
const CHOICE_LABEL_WIDTH = 30;
const CHOICE_SIZE = 8.5;
const CHOICE_PADDING = 0.7;

export function choiceHeight(doc: jsPDF, item: ChoiceItem): number {
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

export function drawChoices(w: Writer, items: ChoiceItem[]): void {
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

export function drawInlineChoices(w: Writer, items: ChoiceItem[]): void {
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

export function drawLines(w: Writer, label: string, count: number): void {
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
