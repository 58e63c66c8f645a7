import { describe, expect, it } from 'vitest';
import { englishMessage } from '../testing/problem-words';
import { answersOf, file, problemsOf, read, short } from './test-fixtures';

describe('readAnswersCsv: the header row', () => {
  it('trims values and reads headers in any case and spacing', () => {
    const text = file(' Questionnaire ID , Question-ID ,LEVEL', '  alpha ,  m1 ,  3  ');
    expect(answersOf(read(text))).toEqual({ 'alpha/m1': { state: 'level', level: 3 } });
  });

  it('names every missing required column', () => {
    const problems = problemsOf(read(file('question,answer', 'm1,3')));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'questionnaire_id'],
      [1, 'question_id'],
      [1, 'level']
    ]);
    expect(englishMessage(problems[0])).toContain('add a "questionnaire_id" column');
  });

  it('accepts a state column instead of a level column', () => {
    const text = short('state', 'alpha,m1,unknown');
    expect(answersOf(read(text))).toEqual({ 'alpha/m1': { state: 'unknown' } });
  });

  it('needs the assessment columns only when the file creates assessments', () => {
    expect(read(short('level', 'alpha,m1,3')).ok).toBe(true);
    const problems = problemsOf(read(short('level', 'alpha,m1,3'), { createAssessments: true }));
    expect(problems.map((p) => p.column)).toEqual([
      'assessment_id',
      'country',
      'assessment_title',
      'assessment_date'
    ]);
  });

  it('ignores extra columns with a note naming them', () => {
    const text = short('level,Owner,notes 2', 'alpha,m1,3,Jane,x');
    const result = read(text);
    expect(result.ok && result.notes).toEqual([
      { code: 'csv.note-ignored-columns', params: { columns: 'Owner, notes 2', count: 2 } }
    ]);
    expect(result.ok && result.notes.map(englishMessage)).toEqual([
      'Ignored columns not in the format: Owner, notes 2.'
    ]);
    expect(answersOf(result)).toEqual({ 'alpha/m1': { state: 'level', level: 3 } });
  });

  it('notes a filled column that has no header', () => {
    const result = read(short('level,', 'alpha,m1,3,stray'));
    expect(result.ok && result.notes).toEqual([
      { code: 'csv.note-unnamed-columns', params: { count: 1, positions: '4' } }
    ]);
    expect(result.ok && result.notes.map(englishMessage)).toEqual([
      'Ignored column without a header: 4.'
    ]);
  });

  it('refuses a header that names a column twice', () => {
    const [problem] = problemsOf(read(short('level,Level', 'alpha,m1,3,4')));
    expect(problem).toMatchObject({ row: 1, column: 'Level' });
  });

  it('names the column as the file spells it', () => {
    const text = file('Questionnaire ID,Question ID,Level', 'alpha,m1,9');
    expect(problemsOf(read(text))[0]?.column).toBe('Level');
  });
});
