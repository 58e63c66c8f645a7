/**
 * Keeping this browser's data safe, the light part the first screens need: the backup reminder,
 * persistent storage and the rescue copy made when the database cannot be opened. It imports
 * nothing heavy, so the dashboard and the recovery screen can load it at once; reading and
 * restoring backups live in `data/maintenance.ts`.
 */
import { BACKUP_REMINDER_DAYS, backupDue, lastBackupAt } from '$lib/storage/backup-date';
import { requestPersistence, storageStatus, type StorageStatus } from '$lib/storage/persistence';
import { readRawDatabase } from '$lib/storage/recovery';
import { download } from './download';

export { BACKUP_REMINDER_DAYS, backupDue, lastBackupAt, requestPersistence, storageStatus };
export type { StorageStatus };

/**
 * Reads every record the raw IndexedDB API can still reach and saves it as one JSON file, for
 * the user to keep or send to their support contact. Returns how many records were saved.
 * @example const count = await saveRescueCopy(); // 2,418
 */
export async function saveRescueCopy(now = new Date()): Promise<number> {
  const data = await readRawDatabase();
  const count = Object.values(data).reduce((n, rows) => n + rows.length, 0);
  await download(
    `ncs-recovered-data_${now.toISOString().slice(0, 10)}.json`,
    JSON.stringify(
      { format: 'ncs-recovered-data', recoveredAt: now.toISOString(), stores: data },
      null,
      1
    ),
    'application/json'
  );
  return count;
}
