import { describe, expect, it } from 'vitest';
import { englishMessage } from '../testing/problem-words';
import { BOM } from '../csv';
import { answersOf, assessmentsOf, file, HEADER, problemsOf, read, short } from './test-fixtures';

describe('readAnswersCsv: encodings, delimiters and layout', () => {
  const body = ['alpha,m1,3', 'alpha,b1,yes'];
  const expected = {
    'alpha/m1': { state: 'level', level: 3 },
    'alpha/b1': { state: 'level', level: 'yes' }
  };

  it('reads a UTF-8 file with a BOM (the BOM must not hide the first column)', () => {
    const bytes = new TextEncoder().encode(
      BOM + file('questionnaire_id,question_id,level', ...body)
    );
    expect(answersOf(read(bytes))).toEqual(expected);
  });

  it('detects semicolons (spreadsheets in comma-decimal locales) and says so', () => {
    const text = file(
      'questionnaire_id;question_id;level;comment',
      'alpha;m1;3;"a; b"',
      'alpha;b1;yes;'
    );
    const result = read(text);
    expect(result.ok && result.delimiter).toBe(';');
    expect(result.ok && result.notes.map(englishMessage)).toContain('Read as semicolon-separated.');
    expect(answersOf(result)['alpha/m1']).toEqual({ state: 'level', level: 3, comment: 'a; b' });
  });

  it('reads UTF-16 LE with a BOM and tabs, as spreadsheet "Unicode text" saves it', () => {
    const text = file(
      'questionnaire_id\tquestion_id\tlevel\tcomment',
      'alpha\tm1\t3\tCôte d’Ivoire',
      'alpha\tb1\tyes\t'
    );
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    }
    const result = read(bytes);
    expect(result.ok && result.delimiter).toBe('\t');
    expect(answersOf(result)['alpha/m1']?.comment).toBe('Côte d’Ivoire');
  });

  it('lets the user override the detected delimiter', () => {
    const text = file(
      'questionnaire_id;question_id;level',
      ...body.map((l) => l.replaceAll(',', ';'))
    );
    const result = read(text, { delimiter: ',' });
    const problems = problemsOf(result);
    expect(englishMessage(problems[0])).toContain('is the file semicolon-separated?');
  });

  it('refuses Windows-1252 bytes with the fix, instead of importing mangled text', () => {
    const head = new TextEncoder().encode(
      'questionnaire_id,question_id,level,comment\r\nalpha,m1,3,R'
    );
    const bytes = new Uint8Array([...head, 0xe9, 0x0d, 0x0a]);
    const [problem] = problemsOf(read(bytes));
    expect(problem).toMatchObject({ file: 'answers.csv', row: 2, code: 'file.not-utf8' });
    expect(problem?.column).toBeUndefined();
    expect(englishMessage(problem)).toMatch(/not UTF-8. It is probably Windows-1252/);
  });

  it('imports spreadsheet error values in text cells as written, with a note per cell', () => {
    const text = file(
      'questionnaire_id,question_id,level,comment,evidence',
      'alpha,m1,3,#REF!,Err:509',
      'alpha,b1,yes,#1 priority,'
    );
    const result = read(text);
    expect(answersOf(result)['alpha/m1']).toMatchObject({ comment: '#REF!', evidence: 'Err:509' });
    expect(answersOf(result)['alpha/b1']).toMatchObject({ comment: '#1 priority' });
    const notes = (result.ok ? result.notes : []).map(englishMessage);
    expect(notes.filter((n) => n.includes('spreadsheet error value'))).toEqual([
      'Row 2, column comment: “#REF!” is a spreadsheet error value, not an answer: it was imported as written. Check the formula in the spreadsheet this file came from.',
      'Row 2, column evidence: “Err:509” is a spreadsheet error value, not an answer: it was imported as written. Check the formula in the spreadsheet this file came from.'
    ]);
  });

  it('reads bytes that are not UTF-8 as Windows-1252 when the user chose it', () => {
    const head = new TextEncoder().encode(
      'questionnaire_id,question_id,level,comment\r\nalpha,m1,3,R'
    );
    const bytes = new Uint8Array([...head, 0xe9, 0x96, 0x0d, 0x0a]);
    const result = read(bytes, { encoding: 'windows-1252' });
    expect(answersOf(result)['alpha/m1']?.comment).toBe('Ré–');
    expect((result.ok ? result.notes : []).map(englishMessage)).toContain(
      'Read as WINDOWS-1252 text.'
    );
  });

  it('accepts LF as well as CRLF line endings', () => {
    const text = ['questionnaire_id,question_id,level', ...body].join('\n');
    expect(answersOf(read(text))).toEqual(expected);
  });

  it('keeps quoted line breaks, quotes and delimiters inside a cell', () => {
    const text = short(
      'level,evidence,comment',
      'alpha,m1,3,"Act 2019, s.4","line one\r\nline ""two"""'
    );
    expect(answersOf(read(text))['alpha/m1']).toEqual({
      state: 'level',
      level: 3,
      evidence: 'Act 2019, s.4',
      comment: 'line one\r\nline "two"'
    });
  });

  it('skips blank lines and rows of empty cells but keeps row numbers as a spreadsheet shows', () => {
    const text = short('level', '', 'alpha,m1,3', ',,', '', 'alpha,m1,4');
    const [problem] = problemsOf(read(text));
    expect(problem?.row).toBe(6);
    expect(englishMessage(problem)).toContain('also on row 3');
  });

  it('explains an empty file and a header without rows', () => {
    expect(englishMessage(problemsOf(read(''))[0])).toMatch(
      /the file is empty: export an answer template/
    );
    expect(englishMessage(problemsOf(read(' \r\n\r\n'))[0])).toMatch(/the file is empty/);
    const [problem] = problemsOf(read(file(HEADER)));
    expect(problem).toMatchObject({ row: 2 });
    expect(problem?.column).toBeUndefined();
    expect(englishMessage(problem)).toMatch(/header but no rows/);
  });

  it('refuses a row with more cells than the header (an unquoted delimiter shifts the columns)', () => {
    const [problem] = problemsOf(read(short('level,comment', 'alpha,m1,3,yes, really')));
    expect(problem).toMatchObject({ row: 2 });
    expect(problem?.column).toBeUndefined();
    expect(englishMessage(problem)).toMatch(/put double quotes around that cell/);
  });
});

describe('readAnswersCsv: every problem at once', () => {
  it('reports each bad row in row order, not only the first', () => {
    const text = short('level', 'alpha,m1,9', 'alpha,b1,maybe', 'gamma,m1,3', 'alpha,m2,3');
    const problems = problemsOf(read(text));
    expect(problems.map((p) => p.row)).toEqual([2, 3, 4]);
    expect(problems.every((p) => p.file === 'answers.csv')).toBe(true);
  });
});

describe('readAnswersCsv: rows of assessments in any order', () => {
  const columns =
    'assessment_id,country,assessment_title,assessment_date,questionnaire_id,question_id,level';
  const a = 'a,KE,Kenya,2026-11-01';
  const b = 'b,GH,Ghana,2026-11-02';

  it('gathers the rows of one assessment wherever they stand in the file', () => {
    const text = file(columns, `${a},alpha,m1,3`, `${b},alpha,m1,2`, 'a,,,,alpha,b1,yes');
    const [first, second] = assessmentsOf(read(text, { createAssessments: true }));
    expect(first).toMatchObject({
      id: 'a',
      firstRow: 2,
      rowCount: 2,
      answers: {
        'alpha/m1': { state: 'level', level: 3 },
        'alpha/b1': { state: 'level', level: 'yes' }
      }
    });
    expect(second).toMatchObject({ id: 'b', firstRow: 3, rowCount: 1 });
    expect(second!.answers).toEqual({ 'alpha/m1': { state: 'level', level: 2 } });
  });

  it('finds a question answered twice when another assessment comes between, and details that differ', () => {
    const text = file(columns, `${a},alpha,m1,3`, `${b},alpha,m1,2`, 'a,UG,,,alpha,m1,1');
    const problems = problemsOf(read(text, { createAssessments: true }));
    expect(problems.map((p) => [p.row, p.column, p.code, p.params?.['row']])).toEqual([
      [4, 'country', 'csv.detail-differs', 2],
      [4, 'question_id', 'csv.answered-twice', 2]
    ]);
  });
});
