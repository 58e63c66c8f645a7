import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, newAction, type Action, type ActionStatus } from './model';
import { canMoveStatus, isOpen, isOverdue, moveStatus } from './status';

const NOW = '2027-03-01T09:00:00.000Z';
const LATER = '2027-03-31T17:00:00.000Z';

function action(overrides: Partial<Action> = {}): Action {
  return newAction(
    { id: 'a1', assessmentId: 'x', title: 'Pass the law', priority: 'high', ...overrides },
    NOW
  );
}

describe('status moves', () => {
  const allowed: Record<ActionStatus, ActionStatus[]> = {
    planned: ['in-progress', 'done', 'dropped'],
    'in-progress': ['planned', 'done', 'dropped'],
    done: ['in-progress'],
    dropped: ['planned']
  };
  for (const from of ACTION_STATUSES) {
    for (const to of ACTION_STATUSES) {
      if (from === to) continue;
      const ok = allowed[from].includes(to);
      it(`${from} → ${to} is ${ok ? 'allowed' : 'refused'}`, () => {
        expect(canMoveStatus({ status: from }, to)).toBe(ok);
        const moved = moveStatus(action({ status: from }), to, '2027-03-31', LATER);
        expect(moved.ok ? moved.action.status : moved.reason).toBe(ok ? to : 'not-allowed');
      });
    }
  }

  it('becoming done records today; the rest of the action is unchanged', () => {
    const before = action({ status: 'in-progress', owner: 'Ministry of ICT' });
    const moved = moveStatus(before, 'done', '2027-03-31', LATER);
    expect(moved).toEqual({
      ok: true,
      action: { ...before, status: 'done', doneOn: '2027-03-31', updatedAt: LATER }
    });
  });

  it('leaving done clears the done date', () => {
    const moved = moveStatus(
      action({ status: 'done', doneOn: '2027-03-31' }),
      'in-progress',
      '2027-04-02',
      LATER
    );
    expect(moved.ok && moved.action).toMatchObject({ status: 'in-progress' });
    expect(moved.ok && 'doneOn' in moved.action).toBe(false);
  });

  it('refuses a move to the same status and any move of a carried copy', () => {
    expect(moveStatus(action(), 'planned', '2027-03-31', LATER)).toEqual({
      ok: false,
      reason: 'same-status'
    });
    expect(moveStatus(action({ carriedTo: 'y' }), 'done', '2027-03-31', LATER)).toEqual({
      ok: false,
      reason: 'carried'
    });
    expect(canMoveStatus({ status: 'planned', carriedTo: 'y' }, 'done')).toBe(false);
  });
});

describe('open and overdue', () => {
  it.each<[string, Partial<Action>, boolean]>([
    ['planned', { status: 'planned' }, true],
    ['in progress', { status: 'in-progress' }, true],
    ['done', { status: 'done' }, false],
    ['dropped', { status: 'dropped' }, false],
    ['planned but carried to a later assessment', { status: 'planned', carriedTo: 'y' }, false]
  ])('%s: open %s', (_name, fields, open) => {
    expect(isOpen(action(fields))).toBe(open);
  });

  const today = '2027-03-31';
  it.each<[string, Partial<Action>, boolean]>([
    ['due yesterday, planned', { due: '2027-03-30' }, true],
    ['due today: the boundary day is not overdue', { due: '2027-03-31' }, false],
    ['due tomorrow', { due: '2027-04-01' }, false],
    ['due last year, in progress', { due: '2026-12-31', status: 'in-progress' }, true],
    ['no due date', {}, false],
    ['due yesterday but done', { due: '2027-03-30', status: 'done', doneOn: '2027-03-30' }, false],
    ['due yesterday but dropped', { due: '2027-03-30', status: 'dropped' }, false],
    ['due yesterday but carried', { due: '2027-03-30', carriedTo: 'y' }, false]
  ])('%s', (_name, fields, overdue) => {
    expect(isOverdue(action(fields), today)).toBe(overdue);
  });
});
