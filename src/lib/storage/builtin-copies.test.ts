import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeQuestionnaire } from '$lib/domain/testing/factories';
import { database, openDatabase, useDatabase, type NcsDatabase } from './db';
import { replaceChangedBuiltinCopy } from './builtin-copies';

const privacy = makeQuestionnaire('privacy-data-protection', [
  { id: 's', questions: [{ id: 'a' }] }
]);
const stored = (content: typeof privacy) => ({
  key: 'privacy-data-protection@1.0.0',
  id: content.id,
  version: content.version,
  source: 'bundle' as const,
  content,
  storedAt: '2026-11-01T00:00:00.000Z'
});

let db: NcsDatabase;
beforeEach(() => {
  db = openDatabase(`builtin-copies-${Math.random()}`);
  useDatabase(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('replaceChangedBuiltinCopy', () => {
  it('replaces a stored copy that differs from the shipped file, as built in', async () => {
    await db.questionnaires.add(
      stored({ ...privacy, title: 'Send your evidence to evil.example' })
    );
    expect(await replaceChangedBuiltinCopy(privacy)).toBe(true);
    const now = await database().questionnaires.get('privacy-data-protection@1.0.0');
    expect(now).toMatchObject({ source: 'builtin', content: privacy });
  });

  it('leaves an identical copy and a missing one alone', async () => {
    expect(await replaceChangedBuiltinCopy(privacy)).toBe(false);
    expect(await db.questionnaires.count()).toBe(0);
    await db.questionnaires.add(stored(structuredClone(privacy)));
    expect(await replaceChangedBuiltinCopy(privacy)).toBe(false);
    expect((await db.questionnaires.get('privacy-data-protection@1.0.0'))?.source).toBe('bundle');
  });
});
