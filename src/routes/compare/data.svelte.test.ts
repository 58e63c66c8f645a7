import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompareData, LoadProgress } from '$lib/state/compare-data';
import { notices } from '$lib/state/notices.svelte';

/** Each read the loader starts, held open until the test settles it. */
const reads: {
  progress: (p: LoadProgress) => void;
  resolve: (data: CompareData) => void;
  reject: (error: Error) => void;
}[] = [];

vi.mock('$lib/state/compare-data', () => ({
  loadCompareData: (progress: (p: LoadProgress) => void) =>
    new Promise<CompareData>((resolve, reject) => reads.push({ progress, resolve, reject }))
}));

const { compareData } = await import('./data.svelte');

function dataWith(title: string): CompareData {
  return {
    entries: [
      {
        id: title,
        country: 'KE',
        date: '2026-01-01',
        title,
        classification: 'GREEN',
        questionnaires: [],
        status: 'final',
        validated: false,
        answered: 0,
        total: 0
      }
    ],
    titles: {},
    recomputed: 0,
    unavailable: []
  };
}

beforeEach(() => {
  reads.length = 0;
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

// The loader is one object shared by the compare screens: these steps run in order on it.
describe('the compare screens’ loader', () => {
  it('holds nothing before the first read', () => {
    expect(compareData.current).toBeNull();
    expect(compareData.loading).toBe(false);
    expect(compareData.failed).toBe(false);
  });

  it('shows progress while it reads, then the data', async () => {
    const done = compareData.refresh();
    expect(compareData.loading).toBe(true);
    expect(compareData.progress).toEqual({ stage: 'reading', done: 0, total: 0 });
    reads[0]!.progress({ stage: 'computing', done: 3, total: 10 });
    expect(compareData.progress).toEqual({ stage: 'computing', done: 3, total: 10 });
    reads[0]!.resolve(dataWith('first'));
    await done;
    expect(compareData.current?.entries.map((e) => e.title)).toEqual(['first']);
    expect(compareData.loading).toBe(false);
    expect(compareData.progress).toBeNull();
  });

  it('joins a read already running instead of starting a second one', async () => {
    const first = compareData.refresh();
    const second = compareData.refresh();
    expect(reads).toHaveLength(1);
    // The last data stays on screen while the new read runs.
    expect(compareData.current?.entries.map((e) => e.title)).toEqual(['first']);
    reads[0]!.resolve(dataWith('second'));
    await Promise.all([first, second]);
    expect(compareData.current?.entries.map((e) => e.title)).toEqual(['second']);
    // Once settled, the next refresh reads again.
    const third = compareData.refresh();
    expect(reads).toHaveLength(2);
    reads[1]!.resolve(dataWith('third'));
    await third;
  });

  it('keeps the last data and reports the failure when a read fails', async () => {
    const done = compareData.refresh();
    reads[0]!.reject(new Error('the disk is full'));
    await done;
    expect(compareData.failed).toBe(true);
    expect(compareData.loading).toBe(false);
    expect(compareData.current?.entries.map((e) => e.title)).toEqual(['third']);
    expect(notices.current.at(-1)).toMatchObject({
      kind: 'error',
      text: 'Could not read the assessments: the disk is full'
    });
  });

  it('clears the failure when the next read succeeds', async () => {
    const done = compareData.refresh();
    expect(compareData.failed).toBe(false);
    reads[0]!.resolve(dataWith('fourth'));
    await done;
    expect(compareData.failed).toBe(false);
    expect(compareData.current?.entries.map((e) => e.title)).toEqual(['fourth']);
  });
});
