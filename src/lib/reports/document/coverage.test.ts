import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkDocument,
  findUnprintable,
  isPrintable,
  PRINTABLE_RANGES,
  unprintableParts
} from './coverage';
import type { ReportDocument } from './model';
import { cleanText } from './text';

/** The code points a TrueType font maps to a glyph (cmap format 4, Windows Unicode BMP). */
function fontCodePoints(path: string): Set<number> {
  const view = new DataView(readFileSync(path).buffer.slice(0));
  const tableCount = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tableCount; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...[0, 1, 2, 3].map((k) => view.getUint8(record + k)));
    if (tag === 'cmap') cmap = view.getUint32(record + 8);
  }
  expect(cmap, `${path} has a cmap table`).toBeGreaterThan(0);
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const rec = cmap + 4 + 8 * i;
    if (view.getUint16(rec) === 3 && view.getUint16(rec + 2) === 1) {
      sub = cmap + view.getUint32(rec + 4);
    }
  }
  expect(view.getUint16(sub), 'format 4 subtable').toBe(4);
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  const points = new Set<number>();
  for (let s = 0; s < segments; s++) {
    const start = view.getUint16(starts + 2 * s);
    const end = view.getUint16(ends + 2 * s);
    const delta = view.getInt16(deltas + 2 * s);
    const offset = view.getUint16(offsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (offset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = offsets + 2 * s + offset + 2 * (c - start);
        const raw = view.getUint16(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(c);
    }
  }
  return points;
}

describe('font coverage', () => {
  it('PRINTABLE_RANGES are exactly the code points both shipped faces can draw', () => {
    const regular = fontCodePoints('static/fonts/NotoSans-Regular.ttf');
    const bold = fontCodePoints('static/fonts/NotoSans-Bold.ttf');
    const claimed = new Set<number>();
    for (const [from, to] of PRINTABLE_RANGES) for (let c = from; c <= to; c++) claimed.add(c);
    const both = [...regular].filter((c) => bold.has(c));
    expect([...claimed].filter((c) => !regular.has(c) || !bold.has(c))).toEqual([]);
    expect(both.filter((c) => !claimed.has(c))).toEqual([]);
  });

  it('accepts Latin, Greek, Cyrillic and typographic punctuation', () => {
    const text = '“Côte d’Ivoire”, Tūvalu, Łódź, Türkiye, São Tomé, Ελλάδα, Україна — ‘ok’ … № €';
    expect(unprintableParts(text)).toEqual([]);
    expect(isPrintable(0x41)).toBe(true);
  });

  it('names the script of text it cannot shape or draw', () => {
    expect(unprintableParts('यह टिप्पणी')).toEqual(['Devanagari script']);
    expect(unprintableParts('مرحبا')).toEqual(['Arabic script']);
    expect(unprintableParts('中文 and 日本語のテキスト')).toEqual([
      'Chinese script',
      'Japanese script'
    ]);
    expect(unprintableParts('ok 👍')).toEqual(['emoji']);
    expect(unprintableParts('a ⇄ b')).toEqual(['the character “⇄” (U+21C4)']);
  });

  it('merges repeats of one text at one place and keeps an excerpt', () => {
    const long = `${'ক'.repeat(50)}`;
    const found = findUnprintable([
      { text: long, where: 'the comment on q1' },
      { text: long, where: 'the comment on q1' },
      { text: 'fine', where: 'the title' }
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.excerpt).toBe(`${'ক'.repeat(40)}…`);
    expect(found[0]!.what).toEqual(['Bengali script']);
  });

  it('checks the cleaned text of every part of a document, charts excepted', () => {
    const doc: ReportDocument = {
      title: 't',
      subject: 's',
      decor: {
        headerLeft: 'Kenya',
        classification: 'TLP:AMBER',
        classificationColour: null,
        footer: 'f',
        watermark: null
      },
      blocks: [
        { kind: 'paragraph', text: 'zero\u200bwidth and BOM\ufeff are dropped' },
        {
          kind: 'table',
          columns: [{ header: 'A' }],
          rows: [{ cells: ['مرحبا'], where: 'the comment on q2' }]
        },
        {
          kind: 'chart',
          caption: 'Chart',
          chart: {
            type: 'bar',
            data: { labels: ['हिंदी'], series: [] },
            widthPx: 10,
            heightPx: 10
          }
        }
      ]
    };
    expect(checkDocument(doc)).toEqual([
      { where: 'the comment on q2', what: ['Arabic script'], excerpt: 'مرحبا' }
    ]);
  });
});

describe('cleanText', () => {
  it('composes accents, normalises line breaks and drops invisible characters', () => {
    expect(cleanText('Cafe\u0301\r\nnext\u2028line\u00adx\u200d\ty')).toBe('Café\nnext\nlinex y');
  });

  it('writes the few symbols Noto Sans lacks as typed on a keyboard, so they print', () => {
    const text = cleanText('x − 1 ≥ 70 → ok; a ≤ b ≠ c ≈ d');
    expect(text).toBe('x - 1 >= 70 -> ok; a <= b != c ~ d');
    expect(unprintableParts(text)).toEqual([]);
  });
});
