import { describe, expect, it } from 'vitest';
import { answersOf, assessmentsOf, file, HEADER, problemsOf, read } from './test-fixtures';
import { englishLine, englishMessage } from '../testing/problem-words';

/** A row of the second-edition header with the cells a test cares about. */
function row(cells: Partial<Record<string, string>>): string {
  return HEADER.split(',')
    .map((column) => {
      const value = cells[column] ?? '';
      return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    })
    .join(',');
}
const ke = {
  country: 'KE',
  assessment_id: 'ke',
  assessment_title: 'Kenya',
  assessment_date: '2026-11-01'
};

describe('answers CSV, second edition', () => {
  it('takes the N/A reason from na_reason and keeps a comment that merely starts with "N/A:"', () => {
    const text = file(
      HEADER,
      row({
        questionnaire_id: 'alpha',
        question_id: 'm2',
        state: 'na',
        na_reason: 'No regions',
        comment: 'N/A: see the annex — page 3'
      })
    );
    expect(answersOf(read(text))['alpha/m2']).toEqual({
      state: 'na',
      naReason: 'No regions',
      comment: 'N/A: see the annex — page 3'
    });
  });

  it('asks for na_reason when a second-edition N/A row leaves it empty, even with an N/A: comment', () => {
    const text = file(
      HEADER,
      row({ questionnaire_id: 'alpha', question_id: 'm2', state: 'na', comment: 'N/A: no regions' })
    );
    expect(problemsOf(read(text)).map(englishLine)).toEqual([
      'answers.csv:2:na_reason: N/A needs a reason: write it in the na_reason column'
    ]);
  });

  it('still reads a first-edition file, with the reason in an "N/A: reason" comment', () => {
    const text = file(
      'questionnaire_id,question_id,level,comment',
      'alpha,m2,N/A,N/A: No regions — Checked 2026'
    );
    expect(answersOf(read(text))['alpha/m2']).toEqual({
      state: 'na',
      naReason: 'No regions',
      comment: 'Checked 2026'
    });
  });

  it('reads a choice answer as its option id or label, and refuses any other word', () => {
    const ok = file(
      HEADER,
      row({ questionnaire_id: 'omega', question_id: 'treaty', level: 'Second option' })
    );
    expect(answersOf(read(ok))['omega/treaty']).toEqual({
      state: 'level',
      option: 'second-option'
    });
    const bad = file(
      HEADER,
      row({ questionnaire_id: 'omega', question_id: 'treaty', level: 'yes' })
    );
    expect(problemsOf(read(bad)).map(englishLine)).toEqual([
      'answers.csv:2:level: "yes" is not an option of question "treaty": write one of first-option, second-option (or N/A, unknown, restricted)'
    ]);
  });

  it('creates a core assessment from assessment_scope and ignores its non-core rows with one note', () => {
    const core = { ...ke, assessment_scope: 'core', questionnaire_id: 'omega' };
    const text = file(
      HEADER,
      row({ ...core, question_id: 'takedown', level: '4' }),
      row({ ...core, question_id: 'forum', level: '3' }),
      row({ ...core, question_id: 'research', level: 'yes' })
    );
    const result = read(text, { createAssessments: true });
    const [assessment] = assessmentsOf(result);
    expect(assessment!.details?.scope).toBe('core');
    expect(Object.keys(assessment!.answers)).toEqual(['omega/takedown']);
    expect(result.ok && result.notes.map(englishMessage)).toEqual([
      'Ignored 2 rows of questions outside the core set: a core assessment holds core questions only.'
    ]);
  });

  it('ignores non-core rows when adding to an existing core assessment', () => {
    const text = file('questionnaire_id,question_id,level', 'omega,forum,3', 'omega,appeal,yes');
    const result = read(text, { scope: 'core' });
    expect(Object.keys(answersOf(result))).toEqual(['omega/appeal']);
    expect(result.ok && result.notes.map(englishMessage)).toEqual([
      'Ignored 1 row of a question outside the core set: a core assessment holds core questions only.'
    ]);
  });

  it('refuses a scope other than full or core', () => {
    const text = file(
      HEADER,
      row({
        ...ke,
        assessment_scope: 'short',
        questionnaire_id: 'alpha',
        question_id: 'm1',
        level: '3'
      })
    );
    expect(problemsOf(read(text, { createAssessments: true })).map(englishLine)).toEqual([
      'answers.csv:2:assessment_scope: "short" is not a scope: write full (every question) or core (the core set), or leave it empty for full'
    ]);
  });

  it('refuses group rows until the assessment is a workshop, and scores nothing from them', () => {
    const text = file(
      HEADER,
      row({ questionnaire_id: 'alpha', question_id: 'm1', level: '3', group: 'government' })
    );
    expect(problemsOf(read(text)).map(englishLine)).toEqual([
      'answers.csv:2:group: group answers need a workshop assessment: this assessment has no stakeholder groups, so clear the group cell to import the row as the assessment’s own answer, or delete the row'
    ]);
  });
});
