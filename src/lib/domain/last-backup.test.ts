import { describe, expect, it } from 'vitest';
import { restoredLastBackup } from './last-backup';

const now = new Date('2026-12-06T18:00:00.000Z');

describe('restoredLastBackup', () => {
  it('takes the later of the recorded time and the export time', () => {
    expect(restoredLastBackup('2026-11-01T12:00:00.000Z', '2026-11-28T10:00:00.000Z', now)).toBe(
      '2026-11-28T10:00:00.000Z'
    );
    expect(restoredLastBackup('2026-11-30T12:00:00.000Z', '2026-11-28T10:00:00.000Z', now)).toBe(
      '2026-11-30T12:00:00.000Z'
    );
  });

  it('caps a time in the future at now, so a file cannot silence the reminder (issue 12)', () => {
    expect(restoredLastBackup('2098-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z', now)).toBe(
      now.toISOString()
    );
  });

  it('ignores what is not a time, and gives null when nothing is', () => {
    expect(restoredLastBackup('zzz', '2026-11-28T10:00:00.000Z', now)).toBe(
      '2026-11-28T10:00:00.000Z'
    );
    expect(restoredLastBackup(undefined, '', now)).toBeNull();
  });
});
