/**
 * Workshops travel in bundles and backups (format version 4): groups, group answers and the
 * consensus history come back as they left; the sanitised copy drops them; files of version 3
 * and earlier read as before, a first-release workshop gaining its participants' groups.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { newGroup } from '$lib/domain/workshop/groups';
import { makeBackup, parseBackup } from '$lib/io/backup';
import { makeBundle, parseBundle } from '$lib/io/bundle';
import { englishLines, englishMessage } from '$lib/io/testing/problem-words';
import { envelopeText } from '$lib/io/envelope';
import { createAssessment, getAnswers, getAssessment } from './assessments';
import { openDatabase, useDatabase } from './db';
import {
  clearEverything,
  importBundle,
  readBundleItems,
  readEverything,
  restoreBackup
} from './transfer';
import { uuid } from './uuid';
import { getWorkshop, saveGroupAnswers, saveGroups, setConsensus } from './workshop';

const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }, { id: 'b' }] }]);
const summarize = summarizerFor([q]);
const level = (n: number) => ({ state: 'level' as const, level: n });

beforeEach(() => {
  useDatabase(openDatabase(`test-${uuid()}`));
});

async function storedWorkshop() {
  const a = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
  await createAssessment(a, [q], summarize);
  const gov = newGroup([], { name: 'Ministry', kind: 'government' });
  // The university answers only section s: its part travels with the group.
  const uni = { ...newGroup([gov], { name: 'University', kind: 'academia' }), part: ['q/s'] };
  await saveGroups(a.id, [gov, uni], true);
  await saveGroupAnswers(a.id, [
    { key: 'government/q/a', answer: level(1) },
    { key: 'academia/q/a', answer: { state: 'unknown' } }
  ]);
  await setConsensus(a.id, 'q', 'a', level(1), 'The law is not in force', summarize);
  return a;
}

function parsedBundle(text: string) {
  const result = parseBundle('workshop.json', text);
  if (!result.ok) throw new Error(englishLines(result.problems));
  return result.bundle;
}

describe('workshops in bundles and backups', () => {
  it('a bundle carries groups, group answers and the history, and imports them back', async () => {
    const a = await storedWorkshop();
    const before = await getWorkshop(a.id);
    const { items, questionnaires } = await readBundleItems([a.id]);
    const text = envelopeText(makeBundle(items, questionnaires, { appVersion: '0.2.0' }));
    await clearEverything();
    const result = await importBundle(parsedBundle(text), new Map());
    expect(result.ok).toBe(true);
    expect((await getAssessment(a.id))?.groups?.map((g) => g.name)).toEqual([
      'Ministry',
      'University'
    ]);
    expect((await getAssessment(a.id))?.anonymiseGroups).toBe(true);
    expect((await getAssessment(a.id))?.groups?.map((g) => g.part)).toEqual([undefined, ['q/s']]);
    expect(await getWorkshop(a.id)).toEqual(before);
    expect((await getAnswers(a.id))['q/a']?.rationale).toBe('The law is not in force');
  });

  it('the sanitised copy keeps the consensus but no groups, group answers, rationale or history', async () => {
    const a = await storedWorkshop();
    const { items, questionnaires } = await readBundleItems([a.id]);
    const text = envelopeText(
      makeBundle(items, questionnaires, { appVersion: '0.2.0', sanitise: true })
    );
    expect(text).not.toContain('Ministry');
    expect(text).not.toContain('The law is not in force');
    const item = parsedBundle(text).items[0]!;
    expect(item.assessment.groups).toBeUndefined();
    expect(item.groupAnswers).toEqual({});
    expect(item.consensusHistory).toEqual([]);
    expect(item.answers['q/a']).toMatchObject({ state: 'level', level: 1 });
  });

  it('refuses group answers of a group the assessment does not have, naming the known ones', async () => {
    const a = await storedWorkshop();
    const { items, questionnaires } = await readBundleItems([a.id]);
    const broken = [{ ...items[0]!, groupAnswers: { 'media/q/a': level(2) } }];
    const result = parseBundle(
      'broken.json',
      envelopeText(makeBundle(broken, questionnaires, { appVersion: '0.2.0' }))
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map(englishMessage)).toEqual([
      '"media" is not a group of the assessment: use one of government, academia'
    ]);
  });

  it('a backup restores groups, group answers and the history', async () => {
    const a = await storedWorkshop();
    const before = await readEverything();
    const text = envelopeText(makeBackup(before, { appVersion: '0.2.0' }));
    await clearEverything();
    const parsed = parseBackup('backup.json', text);
    if (!parsed.ok) throw new Error(englishLines(parsed.problems));
    await restoreBackup(parsed.backup);
    expect((await readEverything()).groupAnswers).toEqual(before.groupAnswers);
    expect((await getAssessment(a.id))?.groups?.[1]?.part).toEqual(['q/s']);
    expect((await getWorkshop(a.id)).history).toHaveLength(1);
  });

  it('a bundle of format version 1 gives its first-release workshop its participants’ groups', () => {
    const text = readFileSync(
      new URL('../io/fixtures/bundles/valid.json', import.meta.url),
      'utf8'
    );
    const kenya = parsedBundle(text).items.find((i) => i.assessment.country === 'KE')!;
    expect(kenya.assessment.groups?.map((g) => [g.id, g.kind])).toEqual([
      ['government', 'government'],
      ['government-2', 'government'],
      ['academia', 'academia']
    ]);
    expect(kenya.groupAnswers).toEqual({});
  });
});
