import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { englishLine } from '$lib/io/testing/problem-words';
import { makeQuestionnaire } from '$lib/domain/testing/factories';
import { database, openDatabase, useDatabase, type NcsDatabase } from './db';
import { storeCustomQuestionnaire } from './custom-questionnaires';

const water = makeQuestionnaire('water-security', [{ id: 's', questions: [{ id: 'a' }] }]);
const options = { builtinIds: ['privacy-data-protection'] };

let db: NcsDatabase;
beforeEach(() => {
  db = openDatabase(`custom-${Math.random()}`);
  useDatabase(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('storeCustomQuestionnaire', () => {
  it('stores a new questionnaire with source "custom"', async () => {
    const result = await storeCustomQuestionnaire('water.yaml', water, options);
    expect(result).toEqual({ ok: true, status: 'added', key: 'water-security@1.0.0' });
    const stored = await database().questionnaires.get('water-security@1.0.0');
    expect(stored?.source).toBe('custom');
    expect(stored?.content).toEqual(water);
  });

  it('changes nothing when the same content is imported again, whatever the key order', async () => {
    await storeCustomQuestionnaire('water.yaml', water, options);
    const reordered = Object.fromEntries(Object.entries(water).reverse()) as typeof water;
    const again = await storeCustomQuestionnaire('water.json', reordered, options);
    expect(again).toEqual({ ok: true, status: 'unchanged', key: 'water-security@1.0.0' });
    expect(await database().questionnaires.count()).toBe(1);
  });

  it('refuses a known id and version with different content, naming the file and the fix', async () => {
    await storeCustomQuestionnaire('water.yaml', water, options);
    const changed = { ...water, title: 'Water security, revised' };
    const result = await storeCustomQuestionnaire('water-2.yaml', changed, options);
    expect(result.ok).toBe(false);
    expect(!result.ok && englishLine(result.problem)).toMatch(
      /^water-2\.yaml: version: "Water security, revised" \(water-security\) version 1\.0\.0 is already stored in this browser with different content\..*\(for example 1\.0\.1\)/
    );
    expect((await database().questionnaires.get('water-security@1.0.0'))?.content).toEqual(water);
  });

  it('refuses the id of a built-in questionnaire and writes nothing', async () => {
    const shadow = { ...water, id: 'privacy-data-protection' };
    const result = await storeCustomQuestionnaire('mine.yaml', shadow, options);
    expect(result.ok).toBe(false);
    expect(!result.ok && englishLine(result.problem)).toMatch(
      /^mine\.yaml: id: "privacy-data-protection" is the id of a built-in questionnaire/
    );
    expect(await database().questionnaires.count()).toBe(0);
  });
});
