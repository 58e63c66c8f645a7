import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerSchema, type Answer, type AnswerMap } from '../domain/assessment/model';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { makeAssessment, makeQuestionnaire } from '../domain/testing/factories';
import { FUZZ_RUNS } from '../domain/testing/runs';
import {
  ANSWERS_HEADER,
  readAnswersCsv,
  writeAnswerTemplate,
  writeAnswersCsv,
  type AnswersCsvResult,
  type ParsedAssessment,
  type ReadAnswersOptions
} from './answers-csv';
import { BOM, formatProblem, type Problem } from './csv';

const ALPHA_SECTIONS = [
  { id: 's1', questions: [{ id: 'm1' }, { id: 'b1', type: 'binary' as const }] },
  {
    id: 's2',
    weight: 2,
    questions: [
      { id: 'm2', naAllowed: true },
      { id: 'ctx', scored: false },
      { id: 'b2', type: 'binary' as const, naAllowed: true }
    ]
  }
];
const ALPHA = makeQuestionnaire('alpha', ALPHA_SECTIONS);
/** A newer version with one more question: a row without a version gets this one. */
const ALPHA_2 = makeQuestionnaire(
  'alpha',
  [{ id: 's0', questions: [{ id: 'm3' }] }, ...ALPHA_SECTIONS],
  { version: '2.0.0' }
);
/** A scale with negative values and other labels: numbers must stay numbers. */
const BETA = makeQuestionnaire('beta', [{ id: 's', questions: [{ id: 'x' }, { id: 'y' }] }], {
  scale: [
    { value: -1, label: 'Absent', description: 'Nothing.' },
    { value: 0, label: 'Basic', description: 'Some.' },
    { value: 1, label: 'Good', description: 'Working.' },
    { value: 2, label: 'Best in class', description: 'Leading.' }
  ],
  defaultTarget: 1
});
const AVAILABLE: Questionnaire[] = [ALPHA, ALPHA_2, BETA];

const HEADER = ANSWERS_HEADER.join(',');
const file = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const read = (input: string | Uint8Array, options?: ReadAnswersOptions) =>
  readAnswersCsv('answers.csv', input, AVAILABLE, options);

function assessmentsOf(result: AnswersCsvResult): ParsedAssessment[] {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.assessments;
}

function answersOf(result: AnswersCsvResult): AnswerMap {
  return assessmentsOf(result)[0]!.answers;
}

function problemsOf(result: AnswersCsvResult): Problem[] {
  if (result.ok) throw new Error('expected problems, the file was accepted');
  return result.problems;
}

/** A short file: only the columns an import needs, plus those named. */
function short(columns: string, ...rows: string[]) {
  return file(`questionnaire_id,question_id,${columns}`, ...rows);
}

describe('writeAnswersCsv', () => {
  const assessment = makeAssessment({
    id: 'a-1',
    country: 'KE',
    title: 'Kenya 2026',
    date: '2026-11-01',
    respondent: 'Ministry of ICT',
    target: 4
  });

  it('writes the exact header, a BOM, CRLF, and one row per question in order', () => {
    const csv = writeAnswersCsv([{ assessment, questionnaires: [ALPHA, BETA], answers: {} }]);
    expect(csv.startsWith(`${BOM}${HEADER}\r\n`)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const ids = lines.slice(1, -1).map((l) => l.split(',').slice(6, 9).join(' '));
    expect(ids).toEqual([
      'alpha 1.0.0 m1',
      'alpha 1.0.0 b1',
      'alpha 1.0.0 m2',
      'alpha 1.0.0 ctx',
      'alpha 1.0.0 b2',
      'beta 1.0.0 x',
      'beta 1.0.0 y'
    ]);
    expect(lines[1]).toBe(
      'KE,a-1,Kenya 2026,2026-11-01,Ministry of ICT,4,alpha,1.0.0,m1,Maturity m1?,,,,,,'
    );
  });

  it('writes levels as scale values or yes/partial/no, and every state', () => {
    const answers: AnswerMap = {
      'alpha/m1': { state: 'level', level: 4, target: 5, evidence: 'Act 2019' },
      'alpha/b1': { state: 'level', level: 'partial' },
      'alpha/m2': { state: 'unknown' },
      'alpha/ctx': { state: 'restricted', regional: 'EAC' },
      'beta/x': { state: 'level', level: -1 }
    };
    const csv = writeAnswersCsv([{ assessment, questionnaires: [ALPHA, BETA], answers }]);
    const tail = (line: string) => line.split(',').slice(10).join(',');
    const lines = csv.split('\r\n');
    expect(lines.slice(1, 8).map(tail)).toEqual([
      '4,level,5,,Act 2019,',
      'partial,level,,,,',
      ',unknown,,,,',
      ',restricted,,EAC,,',
      ',,,,,',
      // A negative level is a number: no formula apostrophe.
      '-1,level,,,,',
      ',,,,,'
    ]);
  });

  it('puts the N/A reason in the comment, before the comment when there is one', () => {
    const answers: AnswerMap = {
      'alpha/m2': { state: 'na', naReason: 'No regions' },
      'alpha/b2': { state: 'na', naReason: 'No ports', comment: 'Checked 2026' }
    };
    const lines = writeAnswersCsv([{ assessment, questionnaires: [ALPHA], answers }]).split('\r\n');
    expect(lines[3]!.endsWith(',na,,,,N/A: No regions')).toBe(true);
    expect(lines[5]!.endsWith(',na,,,,N/A: No ports — Checked 2026')).toBe(true);
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    const answers: AnswerMap = { 'alpha/m1': { comment: '=HYPERLINK("http://x","y")' } };
    const csv = writeAnswersCsv([{ assessment, questionnaires: [ALPHA], answers }]);
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")"\r\n`);
  });

  it('writes a template with the same rows and every answer cell empty', () => {
    const template = writeAnswerTemplate([{ assessment, questionnaires: [ALPHA] }]);
    expect(template).toBe(writeAnswersCsv([{ assessment, questionnaires: [ALPHA], answers: {} }]));
    expect(template.split('\r\n')[2]!.endsWith('Binary b1?,,,,,,')).toBe(true);
  });
});

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
    expect(result.ok && result.notes).toContain('Read as semicolon-separated.');
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
    expect(problems[0]?.message).toContain('is the file semicolon-separated?');
  });

  it('refuses Windows-1252 bytes with the fix, instead of importing mangled text', () => {
    const head = new TextEncoder().encode(
      'questionnaire_id,question_id,level,comment\r\nalpha,m1,3,R'
    );
    const bytes = new Uint8Array([...head, 0xe9, 0x0d, 0x0a]);
    const [problem] = problemsOf(read(bytes));
    expect(problem).toMatchObject({ file: 'answers.csv', row: 2, column: null });
    expect(problem?.message).toMatch(/not UTF-8: save it as 'CSV UTF-8'/);
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
    expect(problem?.message).toContain('also on row 3');
  });

  it('trims values and reads headers in any case and spacing', () => {
    const text = file(' Questionnaire ID , Question-ID ,LEVEL', '  alpha ,  m1 ,  3  ');
    expect(answersOf(read(text))).toEqual({ 'alpha/m1': { state: 'level', level: 3 } });
  });

  it('explains an empty file and a header without rows', () => {
    expect(problemsOf(read(''))[0]?.message).toMatch(
      /the file is empty: export an answer template/
    );
    expect(problemsOf(read(' \r\n\r\n'))[0]?.message).toMatch(/the file is empty/);
    const [problem] = problemsOf(read(file(HEADER)));
    expect(problem).toMatchObject({ row: 2, column: null });
    expect(problem?.message).toMatch(/header but no rows/);
  });

  it('names every missing required column', () => {
    const problems = problemsOf(read(file('question,answer', 'm1,3')));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'questionnaire_id'],
      [1, 'question_id'],
      [1, 'level']
    ]);
    expect(problems[0]?.message).toContain('add a "questionnaire_id" column');
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
      'Ignored columns not in the format: Owner, notes 2.'
    ]);
    expect(answersOf(result)).toEqual({ 'alpha/m1': { state: 'level', level: 3 } });
  });

  it('notes a filled column that has no header', () => {
    const result = read(short('level,', 'alpha,m1,3,stray'));
    expect(result.ok && result.notes).toEqual(['Ignored column without a header: 4.']);
  });

  it('refuses a row with more cells than the header (an unquoted delimiter shifts the columns)', () => {
    const [problem] = problemsOf(read(short('level,comment', 'alpha,m1,3,yes, really')));
    expect(problem).toMatchObject({ row: 2, column: null });
    expect(problem?.message).toMatch(/put double quotes around that cell/);
  });

  it('refuses a header that names a column twice', () => {
    const [problem] = problemsOf(read(short('level,Level', 'alpha,m1,3,4')));
    expect(problem).toMatchObject({ row: 1, column: 'Level' });
  });
});

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
    expect(problem?.message).toContain('question "m1" does not allow N/A');
  });

  it('refuses N/A without a reason', () => {
    const [problem] = problemsOf(read(short('state,level', 'alpha,m2,na,')));
    expect(problem?.column).toBe('comment');
    expect(problem?.message).toContain('N/A needs a reason');
  });

  it.each([
    ['unknown', '3', /contradicts the state "unknown"/],
    ['level', 'N/A', /contradicts the state "level"/],
    ['restricted', 'unknown', /contradicts/],
    ['level', '', /the state is "level" but the level is empty/]
  ])('refuses the state %j with the level %j', (state, level, message) => {
    const [problem] = problemsOf(read(short('level,state', `alpha,m2,${level},${state}`)));
    expect(problem?.column).toBe('level');
    expect(problem?.message).toMatch(message);
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
    expect(problems[0]?.message).toBe(
      'level "6" is outside the scale of "alpha" (1 to 5): write 1, 2, 3, 4, 5 or a label (Start-up, Formative, Established, Strategic, Dynamic)'
    );
    expect(problems[2]?.message).toMatch(/write yes, partial or no/);
    expect(problems[5]?.message).toMatch(/target "9" is outside the scale of "beta" \(-1 to 2\)/);
  });

  it('refuses a target on a yes/partial/no question', () => {
    const [problem] = problemsOf(read(short('level,target', 'alpha,b1,yes,3')));
    expect(problem?.column).toBe('target');
    expect(problem?.message).toMatch(/has no target/);
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
    expect(problems[0]?.message).toContain('use one of alpha, beta');
    expect(problems[1]?.message).toContain('"alpha" 2.0.0 has no question "m9"');
  });

  it('refuses a question answered twice for the same assessment, naming the first row', () => {
    const [problem] = problemsOf(read(short('level', 'alpha,m1,3', 'alpha,m1,4')));
    expect(problem).toMatchObject({ row: 3, column: 'question_id' });
    expect(problem?.message).toBe(
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

  it('checks questions against the version the row names', () => {
    const text = file(
      'questionnaire_id,questionnaire_version,question_id,level',
      'alpha,1.0.0,m3,3'
    );
    expect(problemsOf(read(text))[0]?.message).toContain('"alpha" 1.0.0 has no question "m3"');
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
    expect(problems[0]?.message).toContain(
      'version 3.0.0 of "alpha" is not available (available: 2.0.0, 1.0.0)'
    );
    expect(problems[1]?.message).toContain('is at version 2.0.0 here but 1.0.0 on row 3');
    const pinned = problemsOf(
      read(file('questionnaire_id,questionnaire_version,question_id,level', 'alpha,2.0.0,m1,3'), {
        pinned: { alpha: '1.0.0' }
      })
    );
    expect(pinned[0]?.message).toContain('the assessment uses version 1.0.0 of "alpha"');
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
          target: 4
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
          target: undefined
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
    expect(problems[1]?.message).toMatch(/format the column as text/);
    expect(problems[5]?.message).toBe(
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

describe('readAnswersCsv: every problem at once', () => {
  it('reports each bad row in row order, not only the first', () => {
    const text = short('level', 'alpha,m1,9', 'alpha,b1,maybe', 'gamma,m1,3', 'alpha,m2,3');
    const problems = problemsOf(read(text));
    expect(problems.map((p) => p.row)).toEqual([2, 3, 4]);
    expect(problems.every((p) => p.file === 'answers.csv')).toBe(true);
  });

  it('names the column as the file spells it', () => {
    const text = file('Questionnaire ID,Question ID,Level', 'alpha,m1,9');
    expect(problemsOf(read(text))[0]?.column).toBe('Level');
  });
});

describe('answers CSV round trip (property)', () => {
  const QUESTIONNAIRES = [ALPHA, BETA];
  const FORMULA_PREFIXES = ['', '', '', '=', '+', '-', '@', '\t', '\r', "'", "''", '"'];

  /** Text a user might type: any characters, delimiters, quotes, line breaks, formula starts.
   * Values are trimmed on import, so the core has no surrounding whitespace. */
  const text = fc
    .tuple(
      fc.constantFrom(...FORMULA_PREFIXES),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      fc.constantFrom('', ',', ';', '\t', '\r\n', '\n', '"', ' — ', 'N/A: '),
      fc.string({ maxLength: 8 })
    )
    .map(([prefix, a, middle, b]) => ({ prefix, core: `${a}${middle}${b}`.trim() }))
    .filter(({ core }) => core !== '')
    .map(({ prefix, core }) => prefix + core);
  /** The reason shares the comment cell: it must not contain the separator. */
  const reason = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.includes('—'));

  function answerFor(q: Questionnaire, naAllowed: boolean, type: 'maturity' | 'binary') {
    const values = q.scale.map((l) => l.value);
    const notes = { regional: text, evidence: text, comment: text };
    const optional = { requiredKeys: [] as [] };
    const states = [
      fc.record(
        {
          state: fc.constant('level' as const),
          level:
            type === 'binary'
              ? fc.constantFrom('yes' as const, 'partial' as const, 'no' as const)
              : fc.constantFrom(...values),
          ...notes
        },
        { requiredKeys: ['state', 'level'] }
      ),
      fc.record(
        { state: fc.constantFrom('unknown' as const, 'restricted' as const), ...notes },
        { requiredKeys: ['state'] }
      ),
      fc.record(notes, optional),
      ...(naAllowed
        ? [
            fc.record(
              { state: fc.constant('na' as const), naReason: reason, ...notes },
              { requiredKeys: ['state', 'naReason'] }
            )
          ]
        : [])
    ];
    const target =
      type === 'maturity'
        ? fc.option(fc.constantFrom(...values), { nil: undefined })
        : fc.constant(undefined);
    return fc
      .tuple(fc.oneof(...states), target)
      .map(([answer, t]): Answer => (t === undefined ? answer : { ...answer, target: t }));
  }

  const answers = fc
    .tuple(
      ...QUESTIONNAIRES.flatMap((q) =>
        q.sections.flatMap((s) =>
          s.questions.map((question) =>
            fc
              .option(answerFor(q, question.naAllowed, question.type), { nil: undefined })
              .map((a) => [`${q.id}/${question.id}`, a] as const)
          )
        )
      )
    )
    .map((entries) => Object.fromEntries(entries.filter(([, a]) => a !== undefined)) as AnswerMap);

  const assessment = fc.record({
    id: fc.constantFrom('ke-2026', 'a1', '=1'),
    country: fc.constantFrom('KE', 'GB', 'JM'),
    title: text,
    date: fc.constantFrom('2026-11-01', '2024-02-29'),
    respondent: fc.option(text, { nil: '' }),
    target: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined })
  });

  const items = fc.uniqueArray(
    fc.record({
      assessment,
      questionnaires: fc.subarray(QUESTIONNAIRES, { minLength: 1 }),
      answers
    }),
    { minLength: 1, maxLength: 3, selector: (item) => item.assessment.id }
  );

  /** What the file carries: an empty answer (no state, no notes) is no answer. */
  function expected(questionnaires: Questionnaire[], map: AnswerMap): AnswerMap {
    const ids = new Set(questionnaires.map((q) => q.id));
    return Object.fromEntries(
      Object.entries(map).filter(
        ([key, a]) => ids.has(key.split('/')[0]!) && Object.keys(a).length > 0
      )
    );
  }

  it('reads back exactly the answers and assessment columns it wrote', () => {
    fc.assert(
      fc.property(items, (generated) => {
        const csv = writeAnswersCsv(generated);
        const result = readAnswersCsv('round-trip.csv', new TextEncoder().encode(csv), AVAILABLE, {
          createAssessments: true
        });
        const parsed = assessmentsOf(result);
        expect(parsed).toHaveLength(generated.length);
        generated.forEach((item, i) => {
          const back = parsed[i]!;
          expect(back.id).toBe(item.assessment.id);
          expect(back.details).toEqual({
            country: item.assessment.country,
            title: item.assessment.title,
            date: item.assessment.date,
            respondent: item.assessment.respondent,
            target: item.assessment.target
          });
          expect(back.questionnaires).toEqual(
            item.questionnaires.map((q) => ({ id: q.id, version: q.version }))
          );
          expect(back.answers).toEqual(expected(item.questionnaires, item.answers));
          for (const answer of Object.values(back.answers)) answerSchema.parse(answer);
        });
      }),
      { numRuns: FUZZ_RUNS }
    );
  }, 60_000);
});
