/**
 * The last-backup time a restore records (see docs/file-formats.md, "Checks and restore"). A
 * file states when it was made and may carry its own last-backup record; both are claims, so a
 * time in the future (a wrong clock, or a file made to silence the backup reminder) is capped at
 * now, and a value that is not a time is ignored.
 *
 * Relative imports only: the command-line tools may load this file.
 */

/**
 * The later of the file's last-backup record and its export time, never later than `now`;
 * null when neither is a time.
 * @example restoredLastBackup('2026-11-01T12:00:00.000Z', '2026-11-28T10:00:00.000Z', now) // '2026-11-28T10:00:00.000Z'
 * @example restoredLastBackup(undefined, '2099-01-01T00:00:00.000Z', now) // now.toISOString()
 */
export function restoredLastBackup(
  recorded: string | undefined,
  exportedAt: string,
  now: Date = new Date()
): string | null {
  const times = [recorded, exportedAt]
    .map((value) => (value === undefined ? NaN : Date.parse(value)))
    .filter((time) => Number.isFinite(time));
  if (times.length === 0) return null;
  const latest = Math.max(...times);
  return new Date(Math.min(latest, now.getTime())).toISOString();
}
