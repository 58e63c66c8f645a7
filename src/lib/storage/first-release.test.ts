/**
 * A database left by the first release opens in this one with nothing lost. The snapshot was
 * written by the first release's own storage code (see fixtures/first-release/README.md); here it
 * is laid back into IndexedDB store by store, exactly as it was, and then opened by this
 * release's `openDatabase`, which upgrades it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newAction } from '$lib/domain/actions/model';
import { getActions, putActions } from './actions';
import { getAnswers, getSummary, listAssessments } from './assessments';
import { checkDatabase, openDatabase, useDatabase } from './db';
import { readEverything } from './transfer';
import { uuid } from './uuid';

interface Snapshot {
  version: number;
  stores: {
    name: string;
    keyPath: string | string[] | null;
    autoIncrement: boolean;
    indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
    records: { key: IDBValidKey; value: unknown }[];
  }[];
}

const snapshot = JSON.parse(
  readFileSync(new URL('./fixtures/first-release/database.json', import.meta.url), 'utf8')
) as Snapshot;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Lays the snapshot into a new IndexedDB database of the snapshot's version. */
async function restoreSnapshot(name: string): Promise<void> {
  const open = indexedDB.open(name, snapshot.version);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const s of snapshot.stores) {
      const store = db.createObjectStore(s.name, {
        keyPath: s.keyPath,
        autoIncrement: s.autoIncrement
      });
      for (const i of s.indexes) {
        store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
      for (const r of s.records) store.put(r.value, s.keyPath === null ? r.key : undefined);
    }
  };
  const db = await request(open);
  db.close();
}

function recordsOf(store: string): unknown[] {
  return snapshot.stores.find((s) => s.name === store)!.records.map((r) => r.value);
}

describe('a database from the first release', () => {
  it('opens with every record it held, and gains an empty store for action plans', async () => {
    const name = `first-release-${uuid()}`;
    await restoreSnapshot(name);
    useDatabase(openDatabase(name));
    await checkDatabase();

    const everything = await readEverything();
    // The one first-release workshop gets its participants' groups; nothing else changes.
    const kenya = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    expect(everything.assessments.find((a) => a.id === kenya)?.groups).toEqual([
      { id: 'government', name: 'Government', kind: 'government', observer: false },
      { id: 'government-2', name: 'CSIRT / CERT', kind: 'government', observer: false },
      { id: 'academia', name: 'Academia', kind: 'academia', observer: false }
    ]);
    expect(everything.assessments.map(({ groups: _groups, ...rest }) => rest)).toEqual(
      recordsOf('assessments')
    );
    expect(everything.groupAnswers).toEqual([]);
    expect(everything.answers).toEqual(recordsOf('answers'));
    expect(everything.summaries).toEqual(recordsOf('summaries'));
    expect(everything.questionnaires).toEqual(recordsOf('questionnaires'));
    expect(everything.meta).toEqual([{ key: 'lastBackupAt', value: '2026-11-25T17:00:00.000Z' }]);
    expect(everything.actions).toEqual([]);

    // What the screens read.
    const titles = (await listAssessments()).map((a) => a.title).sort();
    expect(titles).toEqual([
      'Fiji baseline',
      'Kenya self-assessment 2026',
      'Trinidad and Tobago strategy review'
    ]);
    const tt = '3b8e1f2a-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
    expect(Object.keys(await getAnswers(tt))).toHaveLength(7);
    expect((await getSummary(tt))?.answered).toBe(7);
    expect(await getActions(tt)).toEqual([]);
  });

  it('takes a plan once upgraded, beside the old records', async () => {
    const name = `first-release-${uuid()}`;
    await restoreSnapshot(name);
    useDatabase(openDatabase(name));
    const kenya = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    const action = newAction(
      { id: 'a1', assessmentId: kenya, title: 'Staff the regulator', priority: 'high' },
      '2026-12-06T10:00:00.000Z'
    );
    await putActions(kenya, [action]);
    expect(await getActions(kenya)).toEqual([action]);
    expect(Object.keys(await getAnswers(kenya))).toHaveLength(5);
  });
});
