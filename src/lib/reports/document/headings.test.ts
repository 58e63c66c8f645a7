/**
 * Titles come from files and people. A 20,000-character assessment title once ran over many
 * pages of a report; headings are now cut to a few lines, at a word where there is one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitHeading, HEADING_LIMITS } from './headings';
import type { ReportDocument } from './model';
import { renderDocument } from './render';

const fonts = {
  normal: readFileSync('static/fonts/NotoSans-Regular.ttf').toString('base64'),
  bold: readFileSync('static/fonts/NotoSans-Bold.ttf').toString('base64')
};

function pages(pdf: string): number {
  return pdf.match(/\/Type \/Page\b/g)?.length ?? 0;
}

describe('fitHeading', () => {
  it('keeps a heading that fits', () => {
    expect(fitHeading('Kenya self-assessment 2026', 'title')).toBe('Kenya self-assessment 2026');
  });

  it('cuts a long heading at a word and marks the cut', () => {
    const cut = fitHeading('word '.repeat(100).trim(), 'title');
    expect(cut.length).toBeLessThanOrEqual(HEADING_LIMITS.title);
    expect(cut).toMatch(/word…$/);
  });

  it('cuts a heading without spaces in the middle of it', () => {
    const cut = fitHeading('x'.repeat(20_000), 'heading');
    expect(cut).toBe(`${'x'.repeat(HEADING_LIMITS.heading - 1)}…`);
  });
});

describe('a report with a hostile title', () => {
  it('still fits the title, a heading and the running header on one page', async () => {
    const title = 'T'.repeat(20_000);
    const report: ReportDocument = {
      title,
      subject: 'Country report',
      decor: {
        headerLeft: `Kenya · ${title}`,
        classification: 'TLP:CLEAR',
        classificationColour: null,
        footer: 'Self-assessment',
        watermark: null
      },
      blocks: [
        { kind: 'title', text: title, subtitle: 'Country report' },
        { kind: 'heading', level: 1, text: title },
        { kind: 'paragraph', text: 'One paragraph.' }
      ]
    };
    const { blob } = await renderDocument(report, fonts, () => {});
    const pdf = Buffer.from(await blob.arrayBuffer()).toString('latin1');
    expect(pages(pdf)).toBe(1);
  }, 60_000);
});
