import { describe, expect, it } from 'vitest';
import { collapseRepeated, formatPath, problemPlace, type FileProblem } from './problems';

describe('problem places', () => {
  it('names file, row and column for tables', () => {
    expect(problemPlace({ file: 'a.csv', row: 3, column: 'level', code: 'csv.level' })).toBe(
      'a.csv:3:level'
    );
  });
  it('names file and row when the whole row is wrong', () => {
    expect(problemPlace({ file: 'a.csv', row: 7, code: 'csv.row' })).toBe('a.csv:7');
  });
  it('names file and path for documents, and the file alone otherwise', () => {
    expect(problemPlace({ file: 'k.json', path: 'content.x', code: 'c' })).toBe(
      'k.json: content.x'
    );
    expect(problemPlace({ file: 'k.json', code: 'c' })).toBe('k.json');
  });
  it('writes paths as a developer would, quoting keys that are not identifiers', () => {
    expect(formatPath(['content', 'assessments', 3, 'answers', 'privacy/law', 'level'])).toBe(
      'content.assessments[3].answers["privacy/law"].level'
    );
    expect(formatPath(['levels', '3', 'a-b'])).toBe('levels["3"]["a-b"]');
    expect(formatPath([])).toBe('');
  });
});

describe('collapseRepeated', () => {
  const at = (row: number, code: string, id: string): FileProblem => ({
    file: 'a.csv',
    row,
    code,
    params: { id }
  });

  it('keeps the first of the same problem on many rows, with how many rows it concerns', () => {
    const problems = [at(2, 'x', 'q'), at(3, 'y', 'q'), at(4, 'x', 'q'), at(5, 'x', 'r')];
    expect(collapseRepeated(problems, new Set(['x']))).toEqual([
      { ...at(2, 'x', 'q'), params: { id: 'q', count: 2 } },
      at(3, 'y', 'q'),
      { ...at(5, 'x', 'r'), params: { id: 'r', count: 1 } }
    ]);
  });

  it('passes other codes through, repeated as they were', () => {
    const problems = [at(2, 'y', 'q'), at(3, 'y', 'q')];
    expect(collapseRepeated(problems, new Set(['x']))).toEqual(problems);
  });
});
