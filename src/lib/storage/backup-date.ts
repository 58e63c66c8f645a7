/**
 * When the last backup was made, and whether it is time for another (docs/file-formats.md, "Full
 * backup"). Kept apart from `transfer.ts` because the dashboard shows the reminder on the first
 * load, which must not carry the import and restore code (zod, hashing, scoring) that `transfer.ts`
 * needs.
 */
import { database } from './db';

/** The meta key under which the time of the last backup is kept (ISO 8601). */
export const LAST_BACKUP_KEY = 'lastBackupAt';

/** A backup older than this many days gets a reminder. */
export const BACKUP_REMINDER_DAYS = 30;

/**
 * When the last backup was made (ISO 8601), or null when never.
 * @example const at = await lastBackupAt(); // '2026-11-28T09:30:00.000Z'
 */
export async function lastBackupAt(): Promise<string | null> {
  return (await database().meta.get(LAST_BACKUP_KEY))?.value ?? null;
}

/**
 * Records that a backup was made; call it once the file is saved, with its `exportedAt`.
 * @example await recordBackup(envelope.exportedAt);
 */
export async function recordBackup(at: string = new Date().toISOString()): Promise<void> {
  await database().meta.put({ key: LAST_BACKUP_KEY, value: at });
}

/**
 * Whether to remind the user to back up: never backed up, or longer ago than 30 days.
 * @example backupDue('2026-10-01T10:00:00Z', new Date('2026-11-28T10:00:00Z')) // { due: true, days: 58 }
 */
export function backupDue(
  lastIso: string | null,
  now: Date = new Date()
): { due: boolean; days: number | null } {
  const at = lastIso === null ? NaN : new Date(lastIso).getTime();
  if (Number.isNaN(at)) return { due: true, days: null };
  const days = Math.floor((now.getTime() - at) / 86_400_000);
  return { due: days > BACKUP_REMINDER_DAYS, days };
}
