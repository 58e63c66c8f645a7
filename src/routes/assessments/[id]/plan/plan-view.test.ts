import { describe, expect, it } from 'vitest';
import { newAction, type Action } from '$lib/domain/actions/model';
import { filterActions, NO_FILTER, sortActions, timeline } from './plan-view';

const NOW = '2027-01-01T00:00:00.000Z';
function action(id: string, fields: Partial<Action> = {}): Action {
  return newAction({ id, assessmentId: 'x', title: id, priority: 'medium', ...fields }, NOW);
}

const plan = [
  action('law', {
    owner: 'Ministry',
    due: '2027-03-31',
    phase: 'implementation',
    priority: 'high'
  }),
  action('csirt', { owner: 'CSIRT', due: '2026-12-31', questionnaireId: 'q', questionId: 'a' }),
  action('train', { status: 'done', doneOn: '2026-11-01' }),
  action('old', { due: '2026-06-30', carriedTo: 'later' })
];

describe('plan filters', () => {
  it('by status (open leaves out done and carried), owner, questionnaire, phase, overdue', () => {
    const today = '2027-01-15';
    const ids = (f: Partial<typeof NO_FILTER>) =>
      filterActions(plan, { ...NO_FILTER, ...f }, today).map((a) => a.id);
    expect(ids({})).toEqual(['law', 'csirt', 'train', 'old']);
    expect(ids({ status: 'open' })).toEqual(['law', 'csirt']);
    expect(ids({ status: 'done' })).toEqual(['train']);
    expect(ids({ owner: 'CSIRT' })).toEqual(['csirt']);
    expect(ids({ owner: '-' })).toEqual(['train', 'old']);
    expect(ids({ questionnaire: 'q' })).toEqual(['csirt']);
    expect(ids({ questionnaire: '-' })).toEqual(['law', 'train', 'old']);
    expect(ids({ phase: 'implementation' })).toEqual(['law']);
    // Overdue: open and due before today; the carried copy is not counted.
    expect(ids({ overdueOnly: true })).toEqual(['csirt']);
  });
});

describe('plan sorting', () => {
  it('sorts by a column both ways, empty values last, ties in their own order', () => {
    expect(sortActions(plan, 'due', 'ascending').map((a) => a.id)).toEqual([
      'old',
      'csirt',
      'law',
      'train'
    ]);
    expect(sortActions(plan, 'due', 'descending').map((a) => a.id)).toEqual([
      'law',
      'csirt',
      'old',
      'train'
    ]);
    expect(sortActions(plan, 'priority', 'ascending').map((a) => a.id)).toEqual([
      'law',
      'csirt',
      'train',
      'old'
    ]);
  });
});

describe('timeline by quarter', () => {
  it('spans today and every due date, one bar per dated live action, today inside its quarter', () => {
    const t = timeline(
      [...plan, action('grant', { start: '2026-10-01', due: '2027-09-30' })],
      '2027-02-15'
    );
    expect(t.quarters.map((q) => `${q.year}Q${q.quarter}`)).toEqual([
      '2026Q4',
      '2027Q1',
      '2027Q2',
      '2027Q3'
    ]);
    expect(t.bars.map((b) => [b.action.id, b.from, b.to, b.overdue])).toEqual([
      ['law', 1, 1, false],
      ['csirt', 0, 0, true],
      ['grant', 0, 3, false]
    ]);
    expect(t.undated).toBe(1);
    // 15 February: 45 of the 90 days of 2027 Q1 have passed → (1 + 0.5) / 4.
    expect(t.todayAt).toBeCloseTo(1.5 / 4, 5);
  });
});
