/**
 * Keeping this browser's data safe: reading and restoring a backup, the backup reminder, and
 * removing everything.
 */
import { m } from '$lib/paraglide/messages.js';
import { fileSizeProblem } from '$lib/io/limits';
import {
  parseBackupFile,
  describeBackup,
  type BackupDescription,
  type ParsedBackup
} from '$lib/io/backup';
import type { FileProblem } from '$lib/domain/problems';
import { listAssessments, listStoredQuestionnaires, listSummaries } from '$lib/storage/assessments';
import { BACKUP_REMINDER_DAYS, backupDue } from '$lib/storage/backup-date';
import { RestoreRefused, clearEverything, restoreBackup } from '$lib/storage/transfer';
import { problemText } from '../problem-text';
import { exclusive, nextFrame } from './exclusive';
import { shippedDigests } from '$lib/storage/shipped';

export { BACKUP_REMINDER_DAYS, backupDue };

export type BackupFile =
  | { ok: true; backup: ParsedBackup; description: BackupDescription }
  | { ok: false; problems: FileProblem[] };

/** Reads and checks a backup file completely, writing nothing. */
export async function readBackupFile(file: File): Promise<BackupFile> {
  const tooLarge = fileSizeProblem(file, 'backup');
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const bytes = new Uint8Array(await file.arrayBuffer());
  await nextFrame();
  const result = await parseBackupFile(file.name, bytes, { shipped: shippedDigests });
  if (!result.ok) return { ok: false, problems: result.problems };
  return { ok: true, backup: result.backup, description: describeBackup(result.backup) };
}

/**
 * Replaces everything in this browser with the backup, all or nothing. A refusal throws an
 * error whose message is the problems in the interface language (the notices show it).
 */
export function restoreChecked(backup: ParsedBackup): Promise<void> {
  return exclusive(m.data_busy_restore, async () => {
    try {
      await restoreBackup(backup);
    } catch (error) {
      if (error instanceof RestoreRefused) {
        throw new Error(error.problems.map(problemText).join(' '), { cause: error });
      }
      throw error;
    }
  });
}

// What is stored --------------------------------------------------------------------------------

export interface StoredData {
  assessments: number;
  countries: string[];
  answered: number;
  /** Questionnaire versions imported by the user or from bundles (built-in ones come back). */
  imported: number;
}

/** What this browser holds, for the confirmation before everything is removed. */
export async function describeStoredData(): Promise<StoredData> {
  const [assessments, summaries, questionnaires] = await Promise.all([
    listAssessments(),
    listSummaries(),
    listStoredQuestionnaires()
  ]);
  return {
    assessments: assessments.length,
    countries: [...new Set(assessments.map((a) => a.country))].sort(),
    answered: summaries.reduce((n, s) => n + s.answered, 0),
    imported: questionnaires.filter((q) => q.source !== 'builtin').length
  };
}

/** Removes every record from this browser, in one transaction. */
export function removeAllData(): Promise<void> {
  return exclusive(m.data_busy_remove_all, () => clearEverything());
}
