import { describe, expect, it } from 'vitest';
import { backupDue } from './maintenance';

describe('backupDue', () => {
  const now = new Date('2026-11-28T10:00:00Z');
  it('reminds when there was never a backup', () => {
    expect(backupDue(null, now)).toEqual({ due: true, days: null });
  });
  it('reminds after more than 30 days, not before', () => {
    expect(backupDue('2026-10-29T10:00:00Z', now)).toEqual({ due: false, days: 30 });
    expect(backupDue('2026-10-28T09:00:00Z', now)).toEqual({ due: true, days: 31 });
  });
});
