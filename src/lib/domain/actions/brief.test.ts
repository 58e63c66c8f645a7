import { describe, expect, it } from 'vitest';
import { newAction, type Action, type ActionPriority } from './model';
import { topOpenActions } from './brief';

const NOW = '2027-01-01T00:00:00.000Z';
let n = 0;
function action(priority: ActionPriority, fields: Partial<Action> = {}): Action {
  n++;
  return newAction(
    { id: `a${n}`, assessmentId: 'x', title: `Action ${n}`, priority, ...fields },
    NOW
  );
}

describe('the five open actions of the brief', () => {
  it('orders by priority, then due date (none last), then the order they were added', () => {
    const lowSoon = action('low', { due: '2027-01-15' });
    const highNone = action('high');
    const highLate = action('high', { due: '2027-12-31' });
    const highSoon = action('high', { due: '2027-03-31' });
    const mediumA = action('medium', { due: '2027-06-30' });
    const mediumB = action('medium', { due: '2027-06-30' });
    const top = topOpenActions([lowSoon, highNone, highLate, highSoon, mediumA, mediumB]);
    expect(top.actions.map((a) => a.id)).toEqual([
      highSoon.id,
      highLate.id,
      highNone.id,
      mediumA.id,
      mediumB.id
    ]);
    expect(top.more).toBe(1);
  });

  it('leaves out done, dropped and carried actions, and counts only open ones as more', () => {
    const open = action('low');
    const done = action('high', { status: 'done', doneOn: '2027-01-02' });
    const dropped = action('high', { status: 'dropped' });
    const carried = action('high', { carriedTo: 'later' });
    const top = topOpenActions([open, done, dropped, carried]);
    expect(top.actions.map((a) => a.id)).toEqual([open.id]);
    expect(top.more).toBe(0);
  });

  it('keeps the owner, due date and cost the brief prints', () => {
    const a = action('high', { owner: 'Ministry of ICT', due: '2027-06-30', cost: 'USD 40,000' });
    expect(topOpenActions([a]).actions[0]).toMatchObject({
      owner: 'Ministry of ICT',
      due: '2027-06-30',
      cost: 'USD 40,000'
    });
  });
});
