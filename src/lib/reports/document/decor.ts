/**
 * What every page carries, drawn once the page count is known: the running header with the
 * classification label, the footer with the provenance note and page numbers, and a watermark.
 */
import { GState, type jsPDF } from 'jspdf';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { FONT_FAMILY } from './fonts';
import type { PageDecor } from './model';
import { INK, MARGIN, MUTED, PAGE_HEIGHT, PAGE_WIDTH, RULE } from './page';
import { fitHeading } from './headings';
import { cleanText } from './text';

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

/**
 * The draft mark, set upright along the left margin: readable on every page, and never over a
 * table, chart or ladder, which stay inside the margins.
 */
function drawWatermark(doc: jsPDF, text: string): void {
  const label = cleanText(text);
  doc.saveGraphicsState();
  doc.setGState(new GState({ opacity: 0.6 }));
  doc.setFont(FONT_FAMILY, 'bold');
  doc.setFontSize(13);
  doc.setTextColor(160, 0, 0);
  const width = doc.getTextWidth(label);
  // Rotated a quarter turn about the start of its baseline: it reads bottom to top, centred.
  const x = MARGIN.left / 2 + 1.8;
  const y = PAGE_HEIGHT / 2 + width / 2;
  doc.text(label, x, y, { angle: 90 });
  doc.restoreGraphicsState();
}

/** Draws the decor of every page; page numbers are written in the document's `locale`. */
export function drawDecor(doc: jsPDF, decor: PageDecor, locale: Locale): void {
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    if (decor.watermark) drawWatermark(doc, decor.watermark);
    doc.setFont(FONT_FAMILY, 'normal');
    doc.setFontSize(8.5);
    doc.setTextColor(...MUTED);
    doc.text(fitHeading(cleanText(decor.headerLeft), 'header'), MARGIN.left, 10, {
      baseline: 'top'
    });
    drawClassification(doc, decor);
    doc.setDrawColor(...RULE);
    doc.setLineWidth(0.2);
    doc.line(MARGIN.left, 16.5, PAGE_WIDTH - MARGIN.right, 16.5);
    doc.line(MARGIN.left, PAGE_HEIGHT - 14, PAGE_WIDTH - MARGIN.right, PAGE_HEIGHT - 14);
    doc.setFont(FONT_FAMILY, 'normal');
    doc.setFontSize(8);
    doc.setTextColor(...MUTED);
    doc.text(cleanText(decor.footer), MARGIN.left, PAGE_HEIGHT - 12.5, { baseline: 'top' });
    doc.text(
      m.reports_page_of(
        { page: formatNumber(page, locale), pages: formatNumber(pages, locale) },
        { locale }
      ),
      PAGE_WIDTH - MARGIN.right,
      PAGE_HEIGHT - 12.5,
      {
        baseline: 'top',
        align: 'right'
      }
    );
  }
}
