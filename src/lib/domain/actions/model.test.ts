import { describe, expect, it } from 'vitest';
import { actionSchema, isCalendarDate, newAction, type ActionInput } from './model';

const NOW = '2027-03-01T09:00:00.000Z';

const minimal: ActionInput = {
  id: 'a1',
  assessmentId: 'x',
  title: 'Pass the data protection law',
  priority: 'high',
  status: 'planned',
  createdAt: NOW,
  updatedAt: NOW
};

function problemsOf(input: Record<string, unknown>): string[] {
  const r = actionSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

describe('action schema', () => {
  it('fills the defaults of a new action, as newAction does', () => {
    const parsed = actionSchema.parse(minimal);
    expect(parsed).toEqual(
      newAction(
        { id: 'a1', assessmentId: 'x', title: 'Pass the data protection law', priority: 'high' },
        NOW
      )
    );
    expect(parsed.funding).toBe('unknown');
    expect(parsed.prioritySetByUser).toBe(false);
  });

  it('takes every field of a full action', () => {
    const full = {
      ...minimal,
      description: 'Draft, consult, table in parliament.',
      questionnaireId: 'privacy',
      questionId: 'comprehensive-law',
      owner: 'Ministry of ICT',
      status: 'done',
      start: '2027-01-15',
      due: '2027-12-31',
      doneOn: '2027-11-30',
      kpiIndicator: 'Law in force',
      kpiBaseline: 'No law',
      kpiTarget: 'Law in force and a regulator appointed',
      supporting: 'Attorney General',
      cost: 'USD 120,000',
      funding: 'donor',
      objective: 'Objective 2: trust in digital services',
      progressNote: 'Cabinet approved the draft.',
      phase: 'implementation',
      prioritySetByUser: true,
      carriedTo: 'y'
    };
    expect(actionSchema.parse(full)).toEqual(full);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an empty title', { title: '   ' }, ['title']],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, ['title']],
    ['a description over 2,000 characters', { description: 'x'.repeat(2001) }, ['description']],
    ['an unknown priority', { priority: 'urgent' }, ['priority']],
    ['an unknown status', { status: 'blocked' }, ['status']],
    ['an unknown funding', { funding: 'loan' }, ['funding']],
    ['an unknown phase', { phase: 'review' }, ['phase']],
    ['a date that does not exist', { due: '2027-02-30' }, ['due']],
    ['a date written otherwise', { start: '31/03/2027' }, ['start']],
    ['half a question link', { questionnaireId: 'privacy' }, ['questionId']],
    ['a done date on an open action', { doneOn: '2027-03-01' }, ['doneOn']],
    ['a due date before the start', { start: '2027-05-01', due: '2027-04-30' }, ['due']]
  ])('refuses %s', (_name, change, paths) => {
    expect(problemsOf({ ...minimal, ...change })).toEqual(paths);
  });

  it('a start on the due day is fine', () => {
    expect(problemsOf({ ...minimal, start: '2027-04-30', due: '2027-04-30' })).toEqual([]);
  });
});

describe('calendar dates', () => {
  it.each([
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2027-12-31', true],
    ['2027-13-01', false],
    ['2027-04-31', false],
    ['2027-4-1', false],
    ['', false]
  ])('%s is a date: %s', (text, ok) => {
    expect(isCalendarDate(text)).toBe(ok);
  });
});
