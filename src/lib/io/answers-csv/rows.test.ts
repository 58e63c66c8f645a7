import { describe, expect, it } from 'vitest';
import { englishMessage } from '../testing/problem-words';
import { answersOf, problemsOf, read, short } from './test-fixtures';

describe('readAnswersCsv: formula cells', () => {
  it('undoes the apostrophe the export adds, and only that one', () => {
    const text = short(
      'level,regional,evidence,comment',
      "alpha,m1,3,'=cmd|' /C calc'!A0,'-2 sites,''quoted",
      "alpha,b1,yes,'tis mine,'@home,'+1"
    );
    expect(answersOf(read(text))).toEqual({
      'alpha/m1': {
        state: 'level',
        level: 3,
        regional: "=cmd|' /C calc'!A0",
        evidence: '-2 sites',
        comment: "'quoted"
      },
      'alpha/b1': {
        state: 'level',
        level: 'yes',
        regional: "'tis mine",
        evidence: '@home',
        comment: '+1'
      }
    });
  });

  it('reads a negative level whether or not a spreadsheet added the apostrophe', () => {
    const text = short('level,target', 'beta,x,-1,2', "beta,y,'-1,'-1");
    expect(answersOf(read(text))).toEqual({
      'beta/x': { state: 'level', level: -1, target: 2 },
      'beta/y': { state: 'level', level: -1, target: -1 }
    });
  });
});

describe('readAnswersCsv: levels and states', () => {
  it.each(['established', 'Established', 'ESTABLISHED', '3', '+3'])(
    'reads the maturity level %j as 3',
    (level) => {
      expect(answersOf(read(short('level', `alpha,m1,${level}`)))['alpha/m1']?.level).toBe(3);
    }
  );

  it.each(['start-up', 'Start up', 'STARTUP'])('reads the label %j despite spacing', (level) => {
    expect(answersOf(read(short('level', `alpha,m1,${level}`)))['alpha/m1']?.level).toBe(1);
  });

  it('reads labels of a scale with spaces and negative values', () => {
    const text = short('level', 'beta,x,best in class', 'beta,y,absent');
    const answers = answersOf(read(text));
    expect([answers['beta/x']?.level, answers['beta/y']?.level]).toEqual([2, -1]);
  });

  it.each(['yes', 'YES', 'Partial', 'no'])('reads the binary answer %j in any case', (level) => {
    const answer = answersOf(read(short('level', `alpha,b1,${level}`)))['alpha/b1'];
    expect(answer).toEqual({ state: 'level', level: level.toLowerCase() });
  });

  it.each(['N/A', 'n/a', 'NA', 'na', 'Not applicable'])(
    'reads %j in the level column as N/A',
    (level) => {
      const text = short('level,comment', `alpha,m2,${level},N/A: No regions`);
      expect(answersOf(read(text))['alpha/m2']).toEqual({ state: 'na', naReason: 'No regions' });
    }
  );

  it.each(["don't know", 'dont know', 'Don’t know', 'unknown', 'UNKNOWN'])(
    'reads %j in the level column as unknown',
    (level) => {
      const text = short('level', `"alpha","m1","${level}"`);
      expect(answersOf(read(text))['alpha/m1']).toEqual({ state: 'unknown' });
    }
  );

  // The comment starts with "N/A: " on every row: only an N/A row reads a reason from it.
  const note = 'N/A: No regions';
  it.each([
    ['level', '3', 'm2', { state: 'level', level: 3, comment: note }],
    ['Level', 'yes', 'b1', { state: 'level', level: 'yes', comment: note }],
    ['restricted', '', 'm2', { state: 'restricted', comment: note }],
    ["don't know", 'unknown', 'm2', { state: 'unknown', comment: note }],
    ['N/A', 'n/a', 'm2', { state: 'na', naReason: 'No regions' }]
  ])('reads the state %j with the level %j', (state, level, question, expected) => {
    const text = short('level,state,comment', `alpha,${question},${level},${state},${note}`);
    expect(answersOf(read(text))[`alpha/${question}`]).toEqual(expected);
  });

  it('takes a comment without the "N/A:" prefix as the reason', () => {
    const text = short('level,comment', 'alpha,m2,na,No regional governments');
    expect(answersOf(read(text))['alpha/m2']).toEqual({
      state: 'na',
      naReason: 'No regional governments'
    });
  });

  it('refuses N/A where the question does not allow it', () => {
    const [problem] = problemsOf(read(short('level,comment', 'alpha,m1,N/A,N/A: why')));
    expect(problem).toMatchObject({ row: 2, column: 'level' });
    expect(englishMessage(problem)).toContain('question "m1" does not allow N/A');
  });

  it('refuses N/A without a reason', () => {
    const [problem] = problemsOf(read(short('state,level', 'alpha,m2,na,')));
    expect(problem?.column).toBe('comment');
    expect(englishMessage(problem)).toContain('N/A needs a reason');
  });

  it.each([
    ['unknown', '3', /contradicts the state "unknown"/],
    ['level', 'N/A', /contradicts the state "level"/],
    ['restricted', 'unknown', /contradicts/],
    ['level', '', /the state is "level" but the level is empty/]
  ])('refuses the state %j with the level %j', (state, level, message) => {
    const [problem] = problemsOf(read(short('level,state', `alpha,m2,${level},${state}`)));
    expect(problem?.column).toBe('level');
    expect(englishMessage(problem)).toMatch(message);
  });

  it('refuses levels that are out of range, unknown labels, and the wrong kind of answer', () => {
    const text = short(
      'level,state,target',
      'alpha,m1,6,,',
      'alpha,m2,Advanced,,',
      'alpha,b1,1,,',
      'alpha,ctx,yes,,',
      'alpha,b2,,maybe,',
      'beta,x,,,9',
      'beta,y,,,3'
    );
    const problems = problemsOf(read(text));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'level'],
      [3, 'level'],
      [4, 'level'],
      [5, 'level'],
      [6, 'state'],
      [7, 'target'],
      [8, 'target']
    ]);
    expect(englishMessage(problems[0])).toBe(
      'level "6" is outside the scale of "Questionnaire alpha" (1 to 5): write 1, 2, 3, 4, 5 or a label (Start-up, Formative, Established, Strategic, Dynamic)'
    );
    expect(englishMessage(problems[2])).toMatch(/write yes, partial or no/);
    expect(englishMessage(problems[5])).toMatch(
      /target "9" is outside the scale of "Questionnaire beta" \(-1 to 2\)/
    );
  });

  it('refuses a target on a yes/partial/no question', () => {
    const [problem] = problemsOf(read(short('level,target', 'alpha,b1,yes,3')));
    expect(problem?.column).toBe('target');
    expect(englishMessage(problem)).toMatch(/has no target/);
  });

  it('reads a target given as a label', () => {
    const text = short('level,target', 'alpha,m1,2,strategic');
    expect(answersOf(read(text))['alpha/m1']).toEqual({ state: 'level', level: 2, target: 4 });
  });

  it('gives no answer for an unanswered row, but keeps notes written on one', () => {
    const text = short('level,state,evidence', 'alpha,m1,,,', 'alpha,b1,,,Draft bill');
    expect(answersOf(read(text))).toEqual({ 'alpha/b1': { evidence: 'Draft bill' } });
  });
});
