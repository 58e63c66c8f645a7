import { describe, expect, it } from 'vitest';
import { previewCsv } from './csv-preview';
import { problemLine } from '$lib/state/problem-text';

describe('previewCsv', () => {
  const header = 'questionnaire_id;question_id;level;comment';
  const rows = Array.from({ length: 3000 }, (_, i) => `q;a${i};3;Comité n° ${i}`);
  const long = [header, ...rows].join('\r\n');

  /** The file's text, padded so that the 64 KB the preview reads end inside a character. */
  function cutInsideCharacter(ending: string): string {
    for (let pad = 0; pad < 40; pad++) {
      const text = '\uFEFF' + [header + ' '.repeat(pad), ...rows].join(ending);
      const last = new TextEncoder().encode(text)[64 * 1024 - 1]!;
      if (last >= 0xc0) return text;
    }
    throw new Error('no padding puts the cut inside a character');
  }

  it('reads only whole lines of a large UTF-8 file, so no character is cut', async () => {
    for (const ending of ['\r\n', '\n', '\r']) {
      const file = new File([cutInsideCharacter(ending)], 'big.csv');
      const preview = await previewCsv(file);
      expect(preview).toMatchObject({ encoding: 'utf-8', detected: ';', problem: null });
      expect(preview.rows[0]).toEqual(['questionnaire_id', 'question_id', 'level', 'comment']);
      expect(preview.rows).toHaveLength(6);
    }
  });

  it('reads a large UTF-16 file and lets the user override the delimiter', async () => {
    const units = new Uint16Array(long.length + 1);
    units[0] = 0xfeff;
    for (let i = 0; i < long.length; i++) units[i + 1] = long.charCodeAt(i);
    const file = new File([new Uint8Array(units.buffer)], 'big.txt');
    const preview = await previewCsv(file, ',');
    expect(preview).toMatchObject({ encoding: 'utf-16le', detected: ';', delimiter: ',' });
    expect(preview.rows[1]).toEqual(['q;a0;3;Comité n° 0']);
  });

  it('shows text that is not UTF-8 as Windows-1252, and why UTF-8 fails when asked', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('a,b\r\nc,'), 0xe9, 0x0d, 0x0a]);
    const file = new File([latin1], 'old.csv');
    const proposed = await previewCsv(file);
    expect(proposed).toMatchObject({ encoding: 'windows-1252', notUtf8: true, problem: null });
    expect(proposed.rows).toEqual([
      ['a', 'b'],
      ['c', 'é']
    ]);
    const asUtf8 = await previewCsv(file, undefined, 'utf-8');
    expect(asUtf8.notUtf8).toBe(true);
    expect(asUtf8.problem).toEqual({ file: 'old.csv', row: 2, code: 'file.not-utf8' });
    expect(problemLine(asUtf8.problem!)).toMatch(/^old\.csv:2: The file is not UTF-8\./);
  });
});
