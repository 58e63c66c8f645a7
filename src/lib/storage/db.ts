/**
 * The one IndexedDB database (docs/architecture.md, "Storage shape"). Only `src/lib/storage`
 * imports this. Versions are appended, never edited: a database from every earlier release must
 * open.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Action } from '$lib/domain/actions/model';
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import type { SummaryFigures } from '$lib/domain/assessment/summary';
import type {
  OverlayLanguage,
  QuestionnaireOverlay
} from '$lib/domain/questionnaire/overlay-schema';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { versionKey } from '$lib/domain/questionnaire/version';
import type { GroupAnswersRecord } from '$lib/domain/workshop/answers';
import { workshopGroupsOf } from '$lib/domain/workshop/first-release';

export type { GroupAnswersRecord };

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
  /**
   * Translations of this version that came with it (a bundle or kit), by language, checked
   * against `content` before they were written (docs/languages.md). Not an index: older
   * databases need no upgrade.
   */
  overlays?: Partial<Record<OverlayLanguage, QuestionnaireOverlay>>;
}

/**
 * The action plan of one assessment in one record, like its answers: a plan holds tens of
 * actions, and one keyed record is read and written whole inside a transaction.
 */
export interface ActionsRecord {
  assessmentId: string;
  actions: Action[];
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
  actions: EntityTable<ActionsRecord, 'assessmentId'>;
  groupAnswers: EntityTable<GroupAnswersRecord, 'assessmentId'>;
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
  // Version 2 (second edition): the action plans, one record per assessment. A version-1
  // database gains the empty store and keeps every record it held.
  db.version(2).stores({ actions: 'assessmentId' });
  // Version 3 (workshops): the groups' answers and the consensus history, one record per
  // assessment. A first-release workshop gets its participants' groups as workshop groups
  // (docs/architecture.md, "Workshops").
  db.version(3)
    .stores({ groupAnswers: 'assessmentId' })
    .upgrade((tx) =>
      tx
        .table<Assessment, string>('assessments')
        .toCollection()
        .modify((assessment) => {
          if (assessment.groups !== undefined) return;
          const groups = workshopGroupsOf(assessment);
          if (groups.length > 0) assessment.groups = groups;
        })
    );
  return db;
}

export function questionnaireKey(id: string, version: string): string {
  return versionKey(id, version);
}

let instance: NcsDatabase | null = null;
const replacedListeners: (() => void)[] = [];
const blockedListeners: (() => void)[] = [];
const lastWrites = new Set<() => Promise<unknown>>();

/** Called when a newer version of the app upgrades the database in another tab. */
export function onDatabaseReplaced(listener: () => void): void {
  replacedListeners.push(listener);
}

/** Called when this tab must upgrade the database but an older tab still holds it open. */
export function onDatabaseBlocked(listener: () => void): void {
  blockedListeners.push(listener);
}

/**
 * Registers a write to finish before this tab lets another one upgrade the database (e.g. the
 * answers still waiting to be saved). Returns the function that removes it.
 */
export function beforeDatabaseCloses(write: () => Promise<unknown>): () => void {
  lastWrites.add(write);
  return () => lastWrites.delete(write);
}

/** The app's database, opened on first use. */
export function database(): NcsDatabase {
  if (!instance) {
    const db = openDatabase();
    // Another tab runs a newer schema: finish the writes still pending, then close so it can
    // upgrade, and tell the user to reload. Returning false stops Dexie closing at once.
    db.on('versionchange', () => {
      void Promise.allSettled([...lastWrites].map((write) => write())).finally(() => {
        db.close();
        for (const listener of replacedListeners) listener();
      });
      return false;
    });
    db.on('blocked', () => {
      for (const listener of blockedListeners) listener();
    });
    instance = db;
  }
  return instance;
}

/** For tests: use a fresh database under another name. */
export function useDatabase(db: NcsDatabase): void {
  instance = db;
}

/** The database was left by a newer version of the app, with stores this one cannot read. */
export class NewerLayoutError extends Error {}

/**
 * Why the database could not be opened, for the recovery screen to say in its own words:
 * `newer` (a newer version of the app changed it), `unavailable` (the browser keeps no site data
 * here: a private window, blocked storage), `full` (no space left) or `damaged` (anything else).
 */
export type OpenFailure = 'newer' | 'unavailable' | 'full' | 'damaged';

export function openFailure(error: unknown): OpenFailure {
  const names: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if (e instanceof NewerLayoutError) return 'newer';
    names.push((e as { name?: string }).name ?? '');
    e = (e as { inner?: unknown }).inner;
  }
  if (names.includes('VersionError')) return 'newer';
  if (names.includes('QuotaExceededError')) return 'full';
  if (names.some((n) => ['MissingAPIError', 'SecurityError', 'InvalidStateError'].includes(n))) {
    return 'unavailable';
  }
  return 'damaged';
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
      throw new NewerLayoutError(`The store "${table.name}" is missing.`);
    }
    const keyPath = native.transaction(table.name, 'readonly').objectStore(table.name).keyPath;
    if (JSON.stringify(keyPath) !== JSON.stringify(table.schema.primKey.keyPath)) {
      throw new NewerLayoutError(
        `The store "${table.name}" was changed by a newer version of the app.`
      );
    }
  }
}
