import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerEdit } from '$lib/domain/assessment/merge';
import { openDatabase, useDatabase } from './db';
import { clearEverything } from './transfer';
import { forgetAllUnsaved, keepUnsaved, takeLeftBehind } from './unsaved';
import { uuid } from './uuid';

const edit = (key: string, at: string): AnswerEdit => ({
  key,
  set: { comment: key },
  base: { comment: null },
  at
});

beforeEach(() => {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k)
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('unsaved copies', () => {
  it('are taken once, oldest first, from other tabs of the same assessment only', async () => {
    keepUnsaved('a1', 'tab-1', [edit('q/b', '2026-12-06T10:00:02Z')]);
    keepUnsaved('a1', 'tab-2', [edit('q/a', '2026-12-06T10:00:01Z')]);
    keepUnsaved('a1', 'mine', [edit('q/c', '2026-12-06T10:00:00Z')]);
    keepUnsaved('a2', 'tab-3', [edit('q/d', '2026-12-06T10:00:00Z')]);
    const taken = await takeLeftBehind('a1', 'mine');
    expect(taken.map((e) => e.key)).toEqual(['q/a', 'q/b']);
    expect(await takeLeftBehind('a1', 'mine')).toEqual([]);
    expect(localStorage.length).toBe(2);
  });

  it('skip a damaged entry and forget it', async () => {
    localStorage.setItem('ncs-unsaved/a1/tab-1', '{not json');
    localStorage.setItem('ncs-unsaved/a1/tab-2', JSON.stringify([{ key: 1 }]));
    expect(await takeLeftBehind('a1', 'mine')).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('go when all data is removed from this browser', async () => {
    useDatabase(openDatabase(`test-${uuid()}`));
    keepUnsaved('a1', 'tab-1', [edit('q/a', '2026-12-06T10:00:00Z')]);
    localStorage.setItem('ncs-language', 'fr');
    await clearEverything();
    expect(localStorage.length).toBe(1);
    forgetAllUnsaved();
    expect(localStorage.getItem('ncs-language')).toBe('fr');
  });
});
