/**
 * CSV files as spreadsheets really write them: Windows-1252 from Excel in a French locale,
 * ISO-8859-1 from LibreOffice, and workbooks chosen by mistake (fixtures made by LibreOffice).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, detectWorkbook } from './csv';
import { isSpreadsheetError } from './answers-csv/spreadsheet-errors';
import { englishMessage } from './testing/problem-words';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url)));

const FRENCH_LETTERS = 'àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ';
const PUNCTUATION = '– — ’ “ ” € … «\u00a0»';
const LATIN1_LETTERS = 'àâäçéèêëîïôöùûüÿæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜÆ';

describe('Windows-1252 and ISO-8859-1 files', () => {
  it('an Excel (French locale) CSV is refused as UTF-8 and read whole as Windows-1252', () => {
    const bytes = fixture('excel-fr-windows-1252.csv');
    const asUtf8 = decodeCsvBytes(bytes);
    expect(asUtf8).toMatchObject({ ok: false, code: 'file.not-utf8', likely: 'windows-1252' });
    const decoded = decodeCsvBytes(bytes, 'windows-1252');
    if (!decoded.ok) throw new Error(decoded.code);
    const cells = decoded.text.split('\r\n')[1]!.split(';');
    expect(cells[3]).toBe(FRENCH_LETTERS);
    expect(cells[4]).toBe(PUNCTUATION);
    for (const ch of FRENCH_LETTERS + PUNCTUATION) expect(decoded.text).toContain(ch);
  });

  it('a LibreOffice ISO-8859-1 CSV reads the same way: every Latin-1 letter is kept', () => {
    const decoded = decodeCsvBytes(fixture('libreoffice-iso-8859-1.csv'), 'windows-1252');
    if (!decoded.ok) throw new Error(decoded.code);
    const cells = decoded.text.split('\n')[1]!.split(',');
    expect(cells[3]).toBe(LATIN1_LETTERS);
    expect(cells[4]).toBe('« guillemets » ± ° ½');
  });
});

describe('workbooks chosen by mistake', () => {
  it.each([
    ['workbook.xlsx', 'xlsx'],
    ['workbook.ods', 'ods'],
    ['workbook.xls', 'xls'],
    ['letter.docx', 'zip']
  ] as const)('%s is told apart by its bytes (%s)', (name, kind) => {
    const bytes = fixture(name);
    expect(detectWorkbook(bytes)).toBe(kind);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded).toMatchObject({ ok: false, code: 'file.workbook', params: { kind } });
    if (decoded.ok) return;
    if (kind === 'zip') expect(englishMessage(decoded)).toContain('not a CSV');
    else expect(englishMessage(decoded)).toContain('“CSV UTF-8 (Comma delimited) (*.csv)”');
  });

  it('a CSV is no workbook', () => {
    expect(detectWorkbook(fixture('excel-fr-windows-1252.csv'))).toBeNull();
  });
});

describe('spreadsheet error values', () => {
  it('are recognised as written by Excel and LibreOffice, and nothing else is', () => {
    for (const value of ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', 'Err:509', 'Err:502']) {
      expect(isSpreadsheetError(value)).toBe(true);
    }
    for (const value of ['#1 priority', 'Error 509', 'N/A', '#', 'Err:50', '']) {
      expect(isSpreadsheetError(value)).toBe(false);
    }
  });
});
