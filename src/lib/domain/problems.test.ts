import { describe, expect, it } from 'vitest';
import { problemLine, problemPlace } from './problems';

describe('problem lines', () => {
  it('names file, row and column for tables', () => {
    const p = {
      file: 'a.csv',
      row: 3,
      column: 'level',
      code: 'csv.level',
      message: 'write 1 to 5'
    };
    expect(problemLine(p)).toBe('a.csv:3:level: write 1 to 5');
  });
  it('names file and row when the whole row is wrong', () => {
    expect(problemPlace({ file: 'a.csv', row: 7, code: 'csv.row', message: '' })).toBe('a.csv:7');
  });
  it('names file and path for documents, and the file alone otherwise', () => {
    expect(problemLine({ file: 'k.json', path: 'content.x', code: 'c', message: 'fix' })).toBe(
      'k.json: content.x: fix'
    );
    expect(problemLine({ file: 'k.json', code: 'c', message: 'empty' })).toBe('k.json: empty');
  });
});
