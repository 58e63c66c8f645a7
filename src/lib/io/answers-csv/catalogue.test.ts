import { describe, expect, it } from 'vitest';
import { englishMessage } from '../testing/problem-words';
import { makeQuestionnaire } from '../../domain/testing/factories';
import { readAnswersCsv } from '.';
import { assessmentsOf, file, problemsOf, read, short } from './test-fixtures';

describe('readAnswersCsv: questionnaires, questions and duplicates', () => {
  it('refuses an unknown questionnaire or question, listing what exists', () => {
    const problems = problemsOf(
      read(short('level', 'gamma,m1,3', 'alpha,m9,3', ',m1,3', 'alpha,,3'))
    );
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'questionnaire_id'],
      [3, 'question_id'],
      [4, 'questionnaire_id'],
      [5, 'question_id']
    ]);
    expect(englishMessage(problems[0])).toContain(
      'write the id of one of Questionnaire alpha (alpha), Questionnaire beta (beta)'
    );
    expect(englishMessage(problems[0])).toContain('import questionnaire "gamma" first');
    expect(englishMessage(problems[1])).toContain(
      '"Questionnaire alpha" 2.0.0 has no question "m9"'
    );
  });

  it('refuses a question answered twice for the same assessment, naming the first row', () => {
    const [problem] = problemsOf(read(short('level', 'alpha,m1,3', 'alpha,m1,4')));
    expect(problem).toMatchObject({ row: 3, column: 'question_id' });
    expect(englishMessage(problem)).toBe(
      '"alpha/m1" appears twice for this assessment (also on row 2): keep one of the rows'
    );
  });

  it('allows the same question once in each of two assessments', () => {
    const text = file(
      'assessment_id,questionnaire_id,question_id,level',
      'a,alpha,m1,3',
      'b,alpha,m1,4'
    );
    const assessments = assessmentsOf(read(text));
    expect(assessments.map((a) => [a.id, a.answers['alpha/m1']?.level])).toEqual([
      ['a', 3],
      ['b', 4]
    ]);
  });

  it('uses the newest version when the file names none, else the pinned one', () => {
    const text = short('level', 'alpha,m1,3');
    expect(assessmentsOf(read(text))[0]?.questionnaires).toEqual([
      { id: 'alpha', version: '2.0.0' }
    ]);
    const pinned = read(text, { pinned: { alpha: '1.0.0' } });
    expect(assessmentsOf(pinned)[0]?.questionnaires).toEqual([{ id: 'alpha', version: '1.0.0' }]);
  });

  it('takes 1.10.0 as newer than 1.9.0 (versions compare part by part, as numbers)', () => {
    const sections = [{ id: 's', questions: [{ id: 'q' }] }];
    const versions = ['1.9.0', '1.10.0', '1.2.0'].map((version) =>
      makeQuestionnaire('gamma', sections, { version })
    );
    const result = readAnswersCsv('answers.csv', short('level', 'gamma,q,3'), versions);
    expect(assessmentsOf(result)[0]?.questionnaires).toEqual([{ id: 'gamma', version: '1.10.0' }]);
    const missing = readAnswersCsv(
      'answers.csv',
      file('questionnaire_id,questionnaire_version,question_id,level', 'gamma,2.0.0,q,3'),
      versions
    );
    expect(englishMessage(problemsOf(missing)[0])).toContain('(available: 1.10.0, 1.9.0, 1.2.0)');
  });

  it('says once, with a row count, that a questionnaire named on many rows is missing', () => {
    const rows = ['gamma,m1,3', 'alpha,m1,3', 'gamma,m2,3', 'gamma,m3,4', 'delta,m1,1'];
    const problems = problemsOf(read(short('level', ...rows)));
    expect(problems.map((p) => [p.row, p.params?.id, p.params?.count])).toEqual([
      [2, 'gamma', 3],
      [6, 'delta', 1]
    ]);
    expect(englishMessage(problems[0])).toContain(
      'unknown questionnaire "gamma", on 3 rows from this one'
    );
    expect(englishMessage(problems[1])).toMatch(/^unknown questionnaire "delta": write the id/);
  });

  it('checks questions against the version the row names', () => {
    const text = file(
      'questionnaire_id,questionnaire_version,question_id,level',
      'alpha,1.0.0,m3,3'
    );
    expect(englishMessage(problemsOf(read(text))[0])).toContain(
      '"Questionnaire alpha" 1.0.0 has no question "m3"'
    );
  });

  it('refuses an unavailable version, a version other than the pinned one, and two versions', () => {
    const text = file(
      'questionnaire_id,questionnaire_version,question_id,level',
      'alpha,3.0.0,m1,3',
      'alpha,1.0.0,m1,3',
      'alpha,2.0.0,m3,3'
    );
    const problems = problemsOf(read(text));
    expect(problems.map((p) => p.column)).toEqual([
      'questionnaire_version',
      'questionnaire_version'
    ]);
    expect(englishMessage(problems[0])).toContain(
      'version 3.0.0 of "alpha" is not available (available: 2.0.0, 1.0.0)'
    );
    expect(englishMessage(problems[1])).toContain('is at version 2.0.0 here but 1.0.0 on row 3');
    const pinned = problemsOf(
      read(file('questionnaire_id,questionnaire_version,question_id,level', 'alpha,2.0.0,m1,3'), {
        pinned: { alpha: '1.0.0' }
      })
    );
    expect(englishMessage(pinned[0])).toContain('the assessment uses version 1.0.0 of "alpha"');
  });

  it('lists the questionnaires of each assessment in first-appearance order', () => {
    const text = short(
      'questionnaire_version,level',
      'beta,x,1.0.0,1',
      'alpha,m1,1.0.0,3',
      'beta,y,1.0.0,0'
    );
    expect(assessmentsOf(read(text))[0]?.questionnaires).toEqual([
      { id: 'beta', version: '1.0.0' },
      { id: 'alpha', version: '1.0.0' }
    ]);
  });
});
