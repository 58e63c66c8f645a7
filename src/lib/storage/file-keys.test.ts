import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeAssessment } from '$lib/domain/testing/factories';
import { backupFile } from '$lib/io/backup';
import { database, openDatabase, useDatabase } from './db';
import {
  readOwnKey,
  readRecipients,
  readSaving,
  writeOwnKey,
  writeRecipients,
  writeSaving
} from './file-keys';
import { readEverything } from './transfer';
import { uuid } from './uuid';

const OWN = {
  wrapped:
    '-----BEGIN AGE ENCRYPTED FILE-----\nWRAPPED-KEY-MARKER\n-----END AGE ENCRYPTED FILE-----\n',
  recipient: 'age1ownpublickeymarker',
  fingerprint: '3F2A 9C01 77BE D410',
  createdAt: '2026-12-06T10:00:00.000Z'
};

beforeEach(() => {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k)
  });
  useDatabase(openDatabase('test-' + uuid()));
});
afterEach(() => vi.unstubAllGlobals());

describe('what this browser remembers for encrypted files', () => {
  it('keeps the wrapped key, the recipients and the choice, and forgets the key on request', () => {
    expect(writeOwnKey(OWN)).toBe(true);
    writeRecipients([{ name: 'CTO advisor', key: 'age1abc', fingerprint: 'AAAA BBBB CCCC DDDD' }]);
    expect(readOwnKey()).toEqual(OWN);
    expect(readRecipients().map((r) => r.name)).toEqual(['CTO advisor']);
    writeOwnKey(null);
    expect(readOwnKey()).toBeNull();
  });

  it('never remembers that files are saved with a passphrase (the passphrase is not kept)', () => {
    writeSaving({ mode: 'passphrase', recipients: [], delimiter: ';' });
    expect(readSaving()).toEqual({ mode: 'clear', recipients: [], delimiter: ';' });
    writeSaving({ mode: 'recipients', recipients: ['age1abc'], delimiter: ',' });
    expect(readSaving()).toEqual({ mode: 'recipients', recipients: ['age1abc'], delimiter: ',' });
  });

  it('ignores values it did not write', () => {
    localStorage.setItem('ncs-files/own-key', '{"wrapped": 3}');
    localStorage.setItem('ncs-files/recipients', '[{"name":"x"}, "age1", null]');
    localStorage.setItem('ncs-files/saving', 'not json');
    expect(readOwnKey()).toBeNull();
    expect(readRecipients()).toEqual([]);
    expect(readSaving().mode).toBe('clear');
  });

  it('a full backup never contains the key or the recipients', async () => {
    writeOwnKey(OWN);
    writeRecipients([{ name: 'CTO advisor', key: 'age1abc', fingerprint: 'AAAA BBBB CCCC DDDD' }]);
    await database().assessments.put(makeAssessment({ id: 'a1', title: 'Kenya 2026' }));
    const file = await backupFile(await readEverything(), { appVersion: 'test' });
    const text = await file.blob.text();
    expect(text).toContain('Kenya 2026');
    for (const secret of ['WRAPPED-KEY-MARKER', OWN.recipient, 'CTO advisor', 'age1abc']) {
      expect(text).not.toContain(secret);
    }
  });
});
