import { describe, expect, it } from 'vitest';
import { combineEdits, diffAnswer, mergeAnswer, type AnswerEdit } from './merge';
import type { Answer } from './model';

const AT = '2026-12-06T10:00:00.000Z';

function edit(before: Answer | undefined, after: Answer): AnswerEdit {
  const e = diffAnswer('q/a', before, after, AT);
  if (!e) throw new Error('no change');
  return e;
}

describe('diffAnswer', () => {
  it('carries only the fields that changed, with what they held before', () => {
    expect(
      edit({ state: 'unknown', evidence: 'old' }, { state: 'unknown', evidence: 'new' })
    ).toEqual({ key: 'q/a', set: { evidence: 'new' }, base: { evidence: 'old' }, at: AT });
  });

  it('counts an emptied field as a change to null, and no change as none', () => {
    expect(edit({ comment: 'x' }, {}).set).toEqual({ comment: null });
    expect(diffAnswer('q/a', { comment: 'x' }, { comment: 'x', updatedAt: AT }, AT)).toBeNull();
    expect(diffAnswer('q/a', { flagged: false }, {}, AT)).toBeNull();
  });
});

describe('mergeAnswer', () => {
  it('keeps a level another tab stored while this tab typed evidence', () => {
    const typed = edit({}, { evidence: 'Act of 2012' });
    const storedByOtherTab: Answer = { state: 'level', level: 3, updatedAt: AT };
    const { answer, conflicts } = mergeAnswer(storedByOtherTab, typed);
    expect(answer).toMatchObject({ state: 'level', level: 3, evidence: 'Act of 2012' });
    expect(conflicts).toEqual([]);
  });

  it('replaces the whole choice: a level picked over a stored N/A drops its reason', () => {
    const picked = edit({ state: 'na', naReason: 'no law' }, { state: 'level', level: 2 });
    const { answer, conflicts } = mergeAnswer({ state: 'na', naReason: 'no law' }, picked);
    expect(answer).toEqual({ state: 'level', level: 2, updatedAt: AT });
    expect(conflicts).toEqual([]);
  });

  it('reports the other tab’s value when both changed the same field, and keeps this edit', () => {
    const mine = edit({ evidence: 'draft' }, { evidence: 'mine' });
    const { answer, conflicts } = mergeAnswer({ evidence: 'theirs' }, mine);
    expect(answer?.evidence).toBe('mine');
    expect(conflicts).toEqual([{ key: 'q/a', group: 'evidence', theirs: { evidence: 'theirs' } }]);
  });

  it('reports a choice changed elsewhere as one conflict of the answer', () => {
    const mine = edit({}, { state: 'level', level: 4 });
    const { conflicts } = mergeAnswer({ state: 'unknown' }, mine);
    expect(conflicts).toEqual([
      {
        key: 'q/a',
        group: 'answer',
        theirs: { state: 'unknown', level: null, option: null, naReason: null }
      }
    ]);
  });

  it('sees no conflict when the other tab stored the same value', () => {
    const mine = edit({}, { state: 'level', level: 4 });
    expect(mergeAnswer({ state: 'level', level: 4 }, mine).conflicts).toEqual([]);
  });

  it('removes the answer when nothing is left', () => {
    const cleared = edit({ comment: 'x' }, {});
    expect(mergeAnswer({ comment: 'x' }, cleared).answer).toBeNull();
  });

  it('keeps the first base and the last value when edits are combined', () => {
    const first = edit({ evidence: 'a' }, { evidence: 'ab' });
    const second = edit({ evidence: 'ab' }, { evidence: 'abc', comment: 'c' });
    expect(combineEdits(first, second)).toEqual({
      key: 'q/a',
      set: { evidence: 'abc', comment: 'c' },
      base: { evidence: 'a', comment: null },
      at: AT
    });
  });
});
