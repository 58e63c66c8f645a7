import { describe, expect, it } from 'vitest';
import { newAction, type Action } from '../domain/actions/model';
import { ACTION_PLAN_HEADER, readActionPlanCsv, writeActionPlanCsv } from './action-plan-csv';
import { englishLine } from './testing/problem-words';

const NOW = '2027-02-01T09:00:00.000Z';
const LATER = '2027-02-02T09:00:00.000Z';
const assessment = { id: 'kenya-2027', country: 'KE' };

function sample(): Action[] {
  return [
    newAction(
      {
        id: 'a1',
        assessmentId: assessment.id,
        title: 'Pass the data protection law',
        description: 'Draft, consult; table in parliament',
        questionnaireId: 'privacy',
        questionId: 'law',
        owner: 'Ministry of ICT',
        priority: 'high',
        due: '2027-06-30',
        phase: 'implementation',
        cost: '=40000'
      },
      NOW
    ),
    newAction({ id: 'a2', assessmentId: assessment.id, title: 'Train staff', priority: 'low' }, NOW)
  ];
}

let counter = 0;
const ctx = (existing: Action[]) => ({
  assessmentId: assessment.id,
  existing,
  questions: new Set(['privacy/law', 'privacy/regulator']),
  now: LATER,
  today: '2027-02-02',
  makeId: () => `new-${++counter}`
});

describe('action plan CSV', () => {
  it('writes the header of docs/file-formats.md, BOM, CRLF and a neutralised formula', () => {
    const text = writeActionPlanCsv(assessment, sample());
    expect(text.startsWith('\uFEFF' + ACTION_PLAN_HEADER.join(',') + '\r\n')).toBe(true);
    expect(text.split('\r\n')[1]).toBe(
      `kenya-2027,KE,a1,Pass the data protection law,"Draft, consult; table in parliament",privacy,law,Ministry of ICT,,high,planned,,2027-06-30,,,,,'=40000,unknown,,implementation,,${NOW}`
    );
  });

  it('reads its own export back as nothing changed', () => {
    const plan = sample();
    const result = readActionPlanCsv('plan.csv', writeActionPlanCsv(assessment, plan), ctx(plan));
    expect(result).toMatchObject({ ok: true, added: 0, changed: 0, unchanged: 2, actions: [] });
  });

  it('writes semicolons when the user chose them, and reads that file back as nothing changed', () => {
    const plan = sample();
    const text = writeActionPlanCsv(assessment, plan, ';');
    expect(text.startsWith('\uFEFF' + ACTION_PLAN_HEADER.join(';') + '\r\n')).toBe(true);
    // The description holds a semicolon: quoted, so it stays one cell.
    expect(text.split('\r\n')[1]).toContain(';"Draft, consult; table in parliament";');
    const result = readActionPlanCsv('plan.csv', text, ctx(plan));
    expect(result).toMatchObject({ ok: true, added: 0, changed: 0, unchanged: 2, actions: [] });
  });

  it('takes a spreadsheet’s edit: semicolons, Windows line ends, a changed owner, due and status, a new row', () => {
    const plan = sample();
    const rows = writeActionPlanCsv(assessment, plan)
      .replace('\uFEFF', '')
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.split(','));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const second = rows[2]!;
    second[col('owner')] = 'National CSIRT';
    second[col('due')] = '2027-09-30';
    second[col('status')] = 'In progress';
    const added = header.map(() => '');
    added[col('title')] = 'Publish a breach notice template';
    added[col('priority')] = 'Medium';
    const text = [header, second, added].map((r) => r.join(';')).join('\r\n') + '\r\n';
    const result = readActionPlanCsv('plan.csv', text, ctx(plan));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.delimiter).toBe(';');
    expect(result).toMatchObject({ added: 1, changed: 1, unchanged: 0 });
    expect(result.actions[0]).toMatchObject({
      id: 'a2',
      owner: 'National CSIRT',
      due: '2027-09-30',
      status: 'in-progress',
      updatedAt: LATER
    });
    expect(result.actions[1]).toMatchObject({
      title: 'Publish a breach notice template',
      priority: 'medium',
      status: 'planned',
      assessmentId: assessment.id
    });
    expect(result.actions[1]!.id).toMatch(/^new-/);
  });

  it('never deletes: rows left out of the file are not in the result and stay stored', () => {
    const plan = sample();
    const text = `title,action_id\r\nPass the data protection law,a1\r\n`;
    const result = readActionPlanCsv('plan.csv', text, ctx(plan));
    expect(result).toMatchObject({ ok: true, unchanged: 1, changed: 0, added: 0 });
  });

  it('a done row without a date is done today; a priority typed in is the user’s', () => {
    const plan = sample();
    const text = `action_id,title,status,priority\r\na2,Train staff,done,high\r\n`;
    const result = readActionPlanCsv('plan.csv', text, ctx(plan));
    if (!result.ok) throw new Error('refused');
    expect(result.actions[0]).toMatchObject({
      status: 'done',
      doneOn: '2027-02-02',
      priority: 'high',
      prioritySetByUser: true
    });
  });

  it('reports every bad row by row and column, and returns nothing to write', () => {
    const plan = sample();
    const text = [
      'assessment_id,action_id,title,status,due,question_id,questionnaire_id,start',
      'kenya-2027,a1,Pass the law,finished,2027-13-45,law,privacy,',
      'other-one,a9,Elsewhere,planned,,,,',
      'kenya-2027,a1,Twice,planned,,,,',
      'kenya-2027,,,planned,,nope,privacy,',
      'kenya-2027,a2,Train,planned,2027-01-01,,,2027-03-01'
    ].join('\r\n');
    const result = readActionPlanCsv('plan.csv', text, ctx(plan));
    if (result.ok) throw new Error('accepted');
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'due', 'plan.bad-date'],
      [2, 'status', 'plan.bad-choice'],
      [3, 'assessment_id', 'plan.other-assessment'],
      [4, 'action_id', 'plan.duplicate-id'],
      [5, 'question_id', 'plan.unknown-question'],
      [6, 'due', 'plan.due-before-start']
    ]);
    expect(result.problems.every((p) => p.file === 'plan.csv')).toBe(true);
    expect(englishLine(result.problems[0])).toBe(
      'plan.csv:2:due: “2027-13-45” is not a date written YYYY-MM-DD: write it like 2027-03-31, or leave it empty.'
    );
    expect(englishLine(result.problems[5])).toBe(
      'plan.csv:6:due: The due date comes before the start: move one of them.'
    );
  });

  it('refuses a file without a title column or with a column twice', () => {
    expect(readActionPlanCsv('p.csv', 'action_id,owner\r\na1,x\r\n', ctx([]))).toMatchObject({
      ok: false,
      problems: [{ row: 1, column: 'title', code: 'plan.missing-column' }]
    });
    expect(readActionPlanCsv('p.csv', 'title,Title\r\na,b\r\n', ctx([]))).toMatchObject({
      ok: false,
      problems: [{ code: 'plan.duplicate-column' }]
    });
    expect(readActionPlanCsv('p.csv', '', ctx([]))).toMatchObject({
      ok: false,
      problems: [{ code: 'plan.empty' }]
    });
  });
});
