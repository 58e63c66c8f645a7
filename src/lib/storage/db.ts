/**
 * The one IndexedDB database (docs/architecture.md, "Storage shape"). Only `src/lib/storage`
 * imports this. Versions are appended, never edited: a database from every earlier release must
 * open.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import type { SummaryFigures } from '$lib/domain/assessment/summary';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { versionKey } from '$lib/domain/questionnaire/version';

/** All answers of one assessment in one record: keyed updates are ~60× faster than rows. */
export interface AnswersRecord {
  assessmentId: string;
  answers: AnswerMap;
}

/** Cached beside each assessment, updated in the same transaction as every answer. */
export interface SummaryRecord extends SummaryFigures {
  assessmentId: string;
  country: string;
  date: string;
  /** Incremented on every change to the answers; lets other readers detect staleness. */
  revision: number;
  updatedAt: string;
}

export type QuestionnaireSource = 'builtin' | 'custom' | 'bundle';

export interface StoredQuestionnaire {
  /** `id@version`. */
  key: string;
  id: string;
  version: string;
  source: QuestionnaireSource;
  content: Questionnaire;
  storedAt: string;
}

export interface MetaRecord {
  key: string;
  value: string;
}

export const DB_NAME = 'ncs-self-assessment';

export type NcsDatabase = Dexie & {
  assessments: EntityTable<Assessment, 'id'>;
  answers: EntityTable<AnswersRecord, 'assessmentId'>;
  summaries: EntityTable<SummaryRecord, 'assessmentId'>;
  questionnaires: EntityTable<StoredQuestionnaire, 'key'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

export function openDatabase(name = DB_NAME): NcsDatabase {
  const db = new Dexie(name) as NcsDatabase;
  db.version(1).stores({
    assessments: 'id, country, date, updatedAt',
    answers: 'assessmentId',
    summaries: 'assessmentId, country, date',
    questionnaires: 'key, id',
    meta: 'key'
  });
  return db;
}

export function questionnaireKey(id: string, version: string): string {
  return versionKey(id, version);
}

let instance: NcsDatabase | null = null;
const replacedListeners: (() => void)[] = [];

/** Called when a newer version of the app upgrades the database in another tab. */
export function onDatabaseReplaced(listener: () => void): void {
  replacedListeners.push(listener);
}

/** The app's database, opened on first use. */
export function database(): NcsDatabase {
  if (!instance) {
    const db = openDatabase();
    // Another tab runs a newer schema: close so it can upgrade, and tell the user to reload.
    db.on('versionchange', () => {
      db.close();
      for (const listener of replacedListeners) listener();
      return false;
    });
    instance = db;
  }
  return instance;
}

/** For tests: use a fresh database under another name. */
export function useDatabase(db: NcsDatabase): void {
  instance = db;
}

/**
 * Opens the database and checks that its stores are laid out as this version expects. Dexie
 * opens a database left by a newer version as it is; writing into stores whose keys changed
 * would damage data, so a mismatch is an error and the app shows its recovery screen instead.
 */
export async function checkDatabase(): Promise<void> {
  const db = await database().open();
  const native = db.backendDB();
  for (const table of db.tables) {
    if (!native.objectStoreNames.contains(table.name)) {
      throw new Error(`The store "${table.name}" is missing.`);
    }
    const keyPath = native.transaction(table.name, 'readonly').objectStore(table.name).keyPath;
    if (JSON.stringify(keyPath) !== JSON.stringify(table.schema.primKey.keyPath)) {
      throw new Error(`The store "${table.name}" was changed by a newer version of the app.`);
    }
  }
}
