import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportDocument } from './model';
import { renderDocument } from './render';

const fonts = {
  normal: readFileSync('static/fonts/NotoSans-Regular.ttf').toString('base64'),
  bold: readFileSync('static/fonts/NotoSans-Bold.ttf').toString('base64')
};

const report: ReportDocument = {
  title: 'Kenya 2026',
  subject: 'Country report',
  decor: {
    headerLeft: 'Kenya · 2026-03-01',
    classification: 'TLP:CLEAR',
    classificationColour: null,
    footer: 'Self-assessment',
    watermark: null
  },
  blocks: [{ kind: 'paragraph', text: 'One paragraph.' }]
};

describe('renderDocument', () => {
  const zone = process.env.TZ;
  beforeEach(() => {
    // India is 5 h 30 min ahead of UTC: there it is already 2 March.
    process.env.TZ = 'Asia/Kolkata';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T23:30:05Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('writes the creation date in UTC, whatever the time zone of the computer', async () => {
    const { blob } = await renderDocument(report, fonts, () => {});
    const pdf = Buffer.from(await blob.arrayBuffer()).toString('latin1');
    expect(pdf.match(/\/CreationDate \(([^)]*)\)/)?.[1]).toBe("D:20260301233005+00'00'");
  });
});
