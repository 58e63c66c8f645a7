import { describe, expect, it } from 'vitest';
import { carryOver, questionMoved, type QuestionMove } from './carry';
import { newAction, type Action } from './model';
import { isOpen } from './status';

const THEN = '2026-11-01T09:00:00.000Z';
const NOW = '2027-11-01T09:00:00.000Z';

function action(id: string, overrides: Partial<Action> = {}): Action {
  return newAction(
    { id, assessmentId: 'old', title: `Action ${id}`, priority: 'high', ...overrides },
    THEN
  );
}

/** Questions of the new assessment: privacy/law still exists, privacy/gone was removed. */
const exists = (q: string, id: string) => q === 'privacy' && id === 'law';

function ids() {
  let n = 0;
  return () => `new-${++n}`;
}

describe('carry-over', () => {
  const previous = [
    action('planned-linked', {
      questionnaireId: 'privacy',
      questionId: 'law',
      owner: 'Ministry of ICT',
      due: '2027-06-30'
    }),
    action('progress-unlinked', {
      status: 'in-progress',
      questionnaireId: 'privacy',
      questionId: 'gone'
    }),
    action('done', { status: 'done', doneOn: '2027-01-01' }),
    action('dropped', { status: 'dropped' }),
    action('already-carried', { carriedTo: 'older-next' })
  ];
  const result = carryOver(previous, 'next', exists, NOW, ids());

  it('copies the open actions only, with new ids, in the new assessment', () => {
    expect(result.copies.map((c) => [c.id, c.assessmentId, c.title, c.status])).toEqual([
      ['new-1', 'next', 'Action planned-linked', 'planned'],
      ['new-2', 'next', 'Action progress-unlinked', 'in-progress']
    ]);
  });

  it('keeps a link where the question still exists and drops it where it does not', () => {
    const [linked, unlinked] = result.copies;
    expect([linked?.questionnaireId, linked?.questionId]).toEqual(['privacy', 'law']);
    expect(unlinked && 'questionnaireId' in unlinked).toBe(false);
    expect(unlinked && 'questionId' in unlinked).toBe(false);
  });

  it('keeps the rest of the action and stamps the copy with now', () => {
    expect(result.copies[0]).toEqual({
      ...previous[0],
      id: 'new-1',
      assessmentId: 'next',
      createdAt: NOW,
      updatedAt: NOW
    });
  });

  it('marks the old copies as carried to the new assessment, closing them', () => {
    expect(result.marked.map((m) => [m.id, m.carriedTo, m.updatedAt])).toEqual([
      ['planned-linked', 'next', NOW],
      ['progress-unlinked', 'next', NOW]
    ]);
    expect(result.marked.some(isOpen)).toBe(false);
    expect(result.copies.every(isOpen)).toBe(true);
  });

  it('never carries an action into its own assessment', () => {
    expect(carryOver(previous, 'old', exists, NOW, ids())).toEqual({ copies: [], marked: [] });
  });

  it('carrying twice copies nothing the second time', () => {
    const again = carryOver(result.marked, 'next-2', exists, NOW, ids());
    expect(again).toEqual({ copies: [], marked: [] });
  });
});

describe('whether a linked question moved', () => {
  it.each<
    [
      string,
      number | 'yes' | 'partial' | 'no' | null,
      number | 'yes' | 'partial' | 'no' | null,
      QuestionMove
    ]
  >([
    ['2 → 3', 2, 3, 'up'],
    ['4 → 2', 4, 2, 'down'],
    ['3 → 3', 3, 3, 'same'],
    ['no → partial', 'no', 'partial', 'up'],
    ['yes → partial', 'yes', 'partial', 'down'],
    ['yes → yes', 'yes', 'yes', 'same'],
    ['answered, then not', 3, null, 'unanswered'],
    ['not answered before', null, 3, 'unanswered'],
    ['a level beside a yes/no', 3, 'yes', 'unanswered']
  ])('%s', (_name, before, after, move) => {
    expect(questionMoved({ level: before }, { level: after })).toBe(move);
  });

  it('a question missing on either side is unanswered', () => {
    expect(questionMoved(null, { level: 3 })).toBe('unanswered');
    expect(questionMoved({ level: 3 }, undefined)).toBe('unanswered');
  });
});
