/**
 * The one IndexedDB database (DESIGN §3 storage shape). Only `src/lib/storage` imports this.
 * Versions are appended, never edited: a database from every earlier release must open.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import type { SummaryFigures } from '$lib/domain/assessment/summary';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';

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
  return `${id}@${version}`;
}

let instance: NcsDatabase | null = null;

/** The app's database, opened on first use. */
export function database(): NcsDatabase {
  instance ??= openDatabase();
  return instance;
}

/** For tests: use a fresh database under another name. */
export function useDatabase(db: NcsDatabase): void {
  instance = db;
}
