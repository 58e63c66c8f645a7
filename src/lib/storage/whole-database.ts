/**
 * The whole database at once: read it for a backup, replace it from a backup, clear it.
 *
 * Each is one transaction over every table, so it applies completely or not at all. Scoring and
 * the checks run *before* the transaction opens: awaiting anything but Dexie inside one commits
 * it early (docs/architecture.md, "Storage shape").
 */
import type { Table } from 'dexie';
import { summarizerFor } from '$lib/domain/assessment/summary';
import type { BackupData, ParsedBackup } from '$lib/domain/records';
import { refusedVersions, type ShippedDigests } from '$lib/domain/known-questionnaires';
import { restoredLastBackup } from '$lib/domain/last-backup';
import type { FileProblem } from '$lib/domain/problems';
import { shippedDigests } from './shipped';
import { database, type SummaryRecord } from './db';
import { LAST_BACKUP_KEY } from './backup-date';
import { summaryRecord } from './assessments';
import { forgetAllUnsaved } from './unsaved';
import { everyTable, pinnedOf } from './record-tables';

/**
 * Every record a backup holds, read in one transaction so the copy is consistent (summaries
 * agree with answers) even while another tab writes.
 * @example const envelope = makeBackup(await readEverything(), { appVersion: '0.1.0' });
 */
export async function readEverything(): Promise<BackupData> {
  const db = database();
  return db.transaction('r', everyTable(db), async () => {
    const [assessments, answers, summaries, questionnaires, meta, actions, groupAnswers] =
      await Promise.all([
        db.assessments.toArray(),
        db.answers.toArray(),
        db.summaries.toArray(),
        db.questionnaires.toArray(),
        db.meta.toArray(),
        db.actions.toArray(),
        db.groupAnswers.toArray()
      ]);
    return { assessments, answers, summaries, questionnaires, meta, actions, groupAnswers };
  });
}

/** Every key once, or the first key found twice: a restore must never merge two records. */
function firstDuplicate(keys: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return null;
}

/** Longest stretch of summary computing in a restore before the page gets the main thread back. */
const SLICE_MS = 40;

/** Thrown when a backup's copy of a built-in questionnaire version differs; nothing is written. */
export class RestoreRefused extends Error {
  constructor(readonly problems: readonly FileProblem[]) {
    super('restore refused: a questionnaire version differs from the built-in one');
  }
}

/**
 * Replaces everything in this browser with the backup, in one transaction: records the file
 * does not hold are deleted and every record of the file is put, so each table ends up holding
 * exactly the file's records. Puts and deletes rather than clearing and adding every table: the
 * same end state at about half the cost when most records are already here
 * (docs/performance.md). Summaries are computed from the answers, never taken from the file (a
 * file can state any score); only the revision a carried summary records is kept. A backup whose
 * copy of a built-in questionnaire version differs from the built-in file, or that holds a key
 * twice in one table, is refused before anything is written (the parser refuses both first;
 * this is the guard behind it). If anything fails, the transaction rolls back and the data from
 * before is untouched. Afterwards the last-backup time is the later of the file's own record and
 * the file's export time, never later than now: the data now stored is exactly what that file
 * holds.
 * @example
 * const parsed = parseBackup(file.name, await file.text());
 * if (parsed.ok && (await confirm(describeBackup(parsed.backup)))) await restoreBackup(parsed.backup);
 */
export async function restoreBackup(
  backup: ParsedBackup,
  shipped: ShippedDigests = shippedDigests
): Promise<void> {
  const refused = refusedVersions(
    backup.file,
    backup.questionnaires.map((q) => q.content),
    shipped,
    [],
    (i) => `content.questionnaires[${i}].content`
  );
  if (refused.length > 0) throw new RestoreRefused(refused);

  const byKey = new Map(backup.questionnaires.map((q) => [q.key, q.content]));
  const answersOf = new Map(backup.answers.map((a) => [a.assessmentId, a.answers]));
  const revisions = new Map(backup.summaries.map((s) => [s.assessmentId, s.revision]));
  // Scoring is pure but not Dexie: do it before the transaction opens, in slices that give the
  // page back its main thread (about 2 ms per assessment of the five built-in questionnaires:
  // seconds for thousands).
  const summaries: SummaryRecord[] = [];
  let sliceStart = performance.now();
  for (const assessment of backup.assessments) {
    const answers = answersOf.get(assessment.id) ?? {};
    const figures = summarizerFor(pinnedOf(assessment, byKey))(answers, assessment);
    summaries.push(summaryRecord(assessment, figures, revisions.get(assessment.id) ?? 0));
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resume) => setTimeout(resume, 0));
      sliceStart = performance.now();
    }
  }
  const lastBackup = restoredLastBackup(
    backup.meta.find((m) => m.key === LAST_BACKUP_KEY)?.value,
    backup.exportedAt
  );
  const meta = [
    ...backup.meta.filter((m) => m.key !== LAST_BACKUP_KEY),
    ...(lastBackup ? [{ key: LAST_BACKUP_KEY, value: lastBackup }] : [])
  ];

  const db = database();
  const writes = [
    replacement(db.questionnaires, backup.questionnaires, (q) => q.key),
    replacement(db.assessments, backup.assessments, (a) => a.id),
    replacement(db.answers, backup.answers, (a) => a.assessmentId),
    replacement(db.summaries, summaries, (s) => s.assessmentId),
    replacement(db.meta, meta, (m) => m.key),
    replacement(db.actions, backup.actions, (p) => p.assessmentId),
    replacement(db.groupAnswers, backup.groupAnswers, (g) => g.assessmentId)
  ];
  // Checked before the transaction opens, so a refusal writes nothing.
  for (const write of writes) write.check();
  await db.transaction('rw', everyTable(db), async () => {
    await Promise.all(writes.map((write) => write.apply()));
  });
}

/**
 * What a restore does to one table: delete the keys the file lacks, put every record of the
 * file. `check` throws when a key is there twice (a put would silently keep only one).
 */
function replacement<T, Insert>(
  table: Table<T, string, Insert>,
  rows: readonly (T & Insert)[],
  keyOf: (row: T & Insert) => string
): { check: () => void; apply: () => Promise<void> } {
  const keys = rows.map(keyOf);
  return {
    check() {
      const twice = firstDuplicate(keys);
      if (twice !== null) {
        throw new Error(
          `The backup holds "${twice}" twice in ${table.name}: nothing was restored.`
        );
      }
    },
    async apply() {
      const kept = new Set(keys);
      const stored = await table.toCollection().primaryKeys();
      const stale = stored.filter((key) => !kept.has(key));
      if (stale.length > 0) await table.bulkDelete(stale);
      await table.bulkPut([...rows]);
    }
  };
}

/**
 * Removes every record from this browser (assessments, answers, summaries, action plans,
 * questionnaire versions, settings), in one transaction.
 * @example if (await confirmRemoval()) await clearEverything();
 */
export async function clearEverything(): Promise<void> {
  const db = database();
  await db.transaction('rw', everyTable(db), async () => {
    await Promise.all(everyTable(db).map((table) => table.clear()));
  });
  // Answers not yet saved are data too: their copies go with everything else.
  forgetAllUnsaved();
}
