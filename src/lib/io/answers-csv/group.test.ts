import { describe, expect, it } from 'vitest';
import { englishMessage } from '../testing/problem-words';
import { assessmentsOf, file, problemsOf, read } from './test-fixtures';

describe('readAnswersCsv: assessment columns', () => {
  const head =
    'country,assessment_id,assessment_title,assessment_date,respondent,assessment_target,questionnaire_id,question_id,level';

  it('groups rows by assessment_id; blank cells mean "as on its other rows", country in any case', () => {
    const text = file(
      head,
      'KE,ke,Kenya 2026,2026-11-01,ICT,4,alpha,m1,3',
      'ke,ke,,,,,alpha,b1,yes',
      'ug,ug,Uganda,2026-10-15,,,alpha,m1,2'
    );
    const assessments = assessmentsOf(read(text, { createAssessments: true }));
    expect(
      assessments.map(({ id, details, firstRow, rowCount }) => ({
        id,
        details,
        firstRow,
        rowCount
      }))
    ).toEqual([
      {
        id: 'ke',
        details: {
          country: 'KE',
          title: 'Kenya 2026',
          date: '2026-11-01',
          respondent: 'ICT',
          target: 4,
          scope: 'full'
        },
        firstRow: 2,
        rowCount: 2
      },
      {
        id: 'ug',
        details: {
          country: 'UG',
          title: 'Uganda',
          date: '2026-10-15',
          respondent: '',
          target: undefined,
          scope: 'full'
        },
        firstRow: 4,
        rowCount: 1
      }
    ]);
    expect(Object.keys(assessments[0]!.answers)).toEqual(['alpha/m1', 'alpha/b1']);
  });

  it('refuses bad countries, dates and targets, and values that differ within an assessment', () => {
    const text = file(
      head,
      'Kenya,ke,Kenya 2026,01/11/2026,,high,alpha,m1,3',
      'KE,ug,Uganda,2026-02-30,,,alpha,m1,3',
      'XX,tz,Tanzania,2026-01-01,,,alpha,m1,3',
      'XX,tz,Tanzania 2,2026-01-01,,,alpha,b1,yes'
    );
    const problems = problemsOf(read(text, { createAssessments: true }));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'country'],
      [2, 'assessment_date'],
      [2, 'assessment_target'],
      [3, 'assessment_date'],
      [4, 'country'],
      [5, 'assessment_title']
    ]);
    expect(englishMessage(problems[1])).toMatch(/format the column as text/);
    expect(englishMessage(problems[5])).toBe(
      '"Tanzania 2" differs from "Tanzania" on row 4 of the same assessment: use one value on all its rows (or leave the cell empty)'
    );
  });

  it('needs an assessment_id on every row and a title somewhere when creating assessments', () => {
    const text = file(head, 'KE,,Kenya,2026-11-01,,,alpha,m1,3', 'KE,ke,,2026-11-01,,,alpha,m1,3');
    const problems = problemsOf(read(text, { createAssessments: true }));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'assessment_id'],
      [3, 'assessment_title']
    ]);
  });

  it('does not require details when importing into an existing assessment', () => {
    const text = file(head, ',,,,,,alpha,m1,3');
    const [assessment] = assessmentsOf(read(text));
    expect(assessment).toMatchObject({ id: null, details: null });
  });
});
