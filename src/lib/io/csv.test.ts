import { describe, expect, it } from 'vitest';
import { englishMessage } from './testing/problem-words';
import {
  BOM,
  decodeCsvBytes,
  detectDelimiter,
  neutraliseFormula,
  parseCsv,
  restoreFormula,
  serialiseCsv
} from './csv';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** UTF-16 bytes with a BOM, as spreadsheet "Unicode text" exports write them. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [lo, hi] = [code & 0xff, code >> 8];
    bytes.set(order === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return bytes;
}

describe('formula neutralisation', () => {
  it.each(['=SUM(A1:A9)', '+44 20 7946 0000', '-2', '@cmd', '\tindent', '\rreturn', "'quoted"])(
    'prefixes text a spreadsheet would run or alter: %j',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(restoreFormula(neutraliseFormula(text))).toBe(text);
    }
  );

  it('leaves ordinary text, empty cells and every JS number alone, even negative ones', () => {
    expect(neutraliseFormula('Established')).toBe('Established');
    expect(neutraliseFormula(null)).toBe('');
    expect(neutraliseFormula(undefined)).toBe('');
    expect(neutraliseFormula(-2)).toBe('-2');
    expect(neutraliseFormula(3)).toBe('3');
  });

  it("keeps a user's own apostrophe before ordinary text on import", () => {
    expect(restoreFormula("'tis")).toBe("'tis");
    expect(restoreFormula("'")).toBe("'");
  });

  it('removes exactly one apostrophe, so text that starts with one survives the round trip', () => {
    expect(neutraliseFormula("'=1")).toBe("''=1");
    expect(restoreFormula("''=1")).toBe("'=1");
  });
});

describe('serialiseCsv', () => {
  it('writes a UTF-8 BOM and CRLF after every row, the last one included', () => {
    expect(
      serialiseCsv([
        ['a', 'b'],
        ['c', 1]
      ])
    ).toBe(`${BOM}a,b\r\nc,1\r\n`);
  });

  it('quotes cells with delimiters, quotes, line breaks or surrounding spaces', () => {
    const csv = serialiseCsv([['x,y', 'say "hi"', 'two\nlines', ' padded', 'plain']]);
    expect(csv).toBe(`${BOM}"x,y","say ""hi""","two\nlines"," padded",plain\r\n`);
  });

  it('quotes the chosen delimiter, not only commas', () => {
    expect(serialiseCsv([['a;b', 'c,d']], ';')).toBe(`${BOM}"a;b";c,d\r\n`);
  });

  it('neutralises formulas in every cell but writes numbers as numbers', () => {
    expect(serialiseCsv([['=1+1', -1, '-1']])).toBe(`${BOM}'=1+1,-1,'-1\r\n`);
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(utf8('a,é'))).toEqual({ ok: true, text: 'a,é', encoding: 'utf-8' });
  });

  it('drops the UTF-8 BOM so the first header is not "\\uFEFFcountry"', () => {
    const result = decodeCsvBytes(utf8(`${BOM}country`));
    expect(result).toEqual({ ok: true, text: 'country', encoding: 'utf-8' });
  });

  it('reads UTF-16 LE with a BOM (spreadsheet Unicode text)', () => {
    const result = decodeCsvBytes(utf16('a\tb\r\nCôte', 'le'));
    expect(result).toEqual({ ok: true, text: 'a\tb\r\nCôte', encoding: 'utf-16le' });
  });

  it('reads UTF-16 BE with a BOM', () => {
    const result = decodeCsvBytes(utf16('niño', 'be'));
    expect(result).toEqual({ ok: true, text: 'niño', encoding: 'utf-16be' });
  });

  it('refuses Windows-1252 bytes instead of importing garbage, and names the line', () => {
    // "Réunion" on line 2 saved as Windows-1252: 0xE9 alone is not UTF-8.
    const bytes = new Uint8Array([...utf8('country\nR'), 0xe9, ...utf8('union\n')]);
    const result = decodeCsvBytes(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line).toBe(2);
    expect(result.code).toBe('file.not-utf8');
    expect(result.likely).toBe('windows-1252');
    expect(englishMessage(result)).toContain('The file is not UTF-8');
    expect(englishMessage(result)).toContain('save it as “CSV UTF-8”');
  });

  it('reads the same bytes as Windows-1252 when the user chooses it', () => {
    const bytes = new Uint8Array([...utf8('country\nR'), 0xe9, ...utf8('union '), 0x96, 0x80]);
    expect(decodeCsvBytes(bytes, 'windows-1252')).toEqual({
      ok: true,
      text: 'country\nRéunion –€',
      encoding: 'windows-1252'
    });
  });

  it('refuses UTF-16 without a BOM, which would otherwise decode as text full of NULs', () => {
    const result = decodeCsvBytes(utf16('ab', 'le').subarray(2));
    expect(result.ok).toBe(false);
  });

  it('refuses a UTF-16 BOM followed by broken UTF-16 (a lone surrogate)', () => {
    const result = decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]));
    expect(result.ok).toBe(false);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\r\n1,2,3', ','],
    ['a;b;c\r\n1;2;3', ';'],
    ['a\tb\tc\r\n1\t2\t3', '\t']
  ] as const)('finds the delimiter of the header line in %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('is not fooled by commas inside a quoted header cell of a semicolon file', () => {
    expect(detectDelimiter('"a,b,c";d;e\r\n')).toBe(';');
  });

  it('looks past blank lines and a BOM, and falls back to comma', () => {
    expect(detectDelimiter(`${BOM}\r\n\r\na;b`)).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('numbers rows as a spreadsheet does: blank lines count, quoted line breaks do not', () => {
    const { records } = parseCsv('h1,h2\r\n"two\r\nlines",x\r\n\r\n,\r\nlast,y\r\n', ',');
    expect(records).toEqual([
      { row: 1, cells: ['h1', 'h2'] },
      { row: 2, cells: ['two\r\nlines', 'x'] },
      { row: 5, cells: ['last', 'y'] }
    ]);
  });

  it('keeps cells as written (readers trim id and keyword columns) and undoes the formula prefix', () => {
    const { records } = parseCsv("  a  ,'=1,' =2", ',');
    expect(records[0]?.cells).toEqual(['  a  ', '=1', ' =2']);
  });

  it('neutralises text whose first character after spaces starts a formula, and undoes it', () => {
    for (const text of [' =1+1', '   @SUM(A1)', ' -2', " 'quoted"]) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(restoreFormula(neutraliseFormula(text))).toBe(text);
    }
    expect(neutraliseFormula(' plain')).toBe(' plain');
    expect(restoreFormula("' plain")).toBe("' plain");
  });

  it('reads LF-only files and semicolons with quoted semicolons', () => {
    const { records } = parseCsv('a;b\n"x;y";"say ""hi"""\n', ';');
    expect(records[1]?.cells).toEqual(['x;y', 'say "hi"']);
  });

  it('reports an unclosed quote with its row instead of shifting the rest of the file', () => {
    const { records, problems } = parseCsv('a,b\r\nok,1\r\n"open,2\r\nc,d\r\n', ',');
    expect(records.map((r) => r.row)).toEqual([1, 2]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.row).toBe(3);
    expect(englishMessage(problems[0])).toContain('never closed');
  });
});
