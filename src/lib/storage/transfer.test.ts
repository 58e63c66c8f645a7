import { readFileSync } from 'node:fs';
import { englishLines } from '$lib/io/testing/problem-words';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { makeBackup, parseBackup, type ParsedBackup } from '$lib/io/backup';
import { parseBundle, type ParsedBundle } from '$lib/io/bundle';
import { envelopeText } from '$lib/io/envelope';
import { questionnaireDigest } from '$lib/domain/known-questionnaires';
import { SCORING_RULES_VERSION } from '$lib/domain/scoring/rules-version';
import { createAssessment } from './assessments';
import { database, openDatabase, useDatabase, type NcsDatabase } from './db';
import {
  IMPORTED_SUFFIX,
  analyseBundle,
  clearEverything,
  importBundle,
  lastBackupAt,
  readBundleItems,
  readEverything,
  recordBackup,
  restoreBackup,
  RestoreRefused
} from './transfer';
import { uuid } from './uuid';

const fixtures = new URL('../io/fixtures/bundles/', import.meta.url);

function bundleFixture(name: string): ParsedBundle {
  const result = parseBundle(name, readFileSync(new URL(name, fixtures), 'utf8'));
  if (!result.ok) throw new Error(englishLines(result.problems));
  return result.bundle;
}

function backupFixture(): ParsedBackup {
  const result = parseBackup('backup.json', readFileSync(new URL('backup.json', fixtures), 'utf8'));
  if (!result.ok) throw new Error(englishLines(result.problems));
  return result.backup;
}

/** Every record of every table, summaries included, in key order. */
async function snapshot() {
  const db = database();
  return {
    assessments: await db.assessments.toArray(),
    answers: await db.answers.toArray(),
    summaries: await db.summaries.toArray(),
    questionnaires: await db.questionnaires.toArray(),
    meta: await db.meta.toArray()
  };
}

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)])
  );
}

const KENYA = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const FIJI = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';

let db: NcsDatabase;

beforeEach(() => {
  db = openDatabase('test-' + uuid());
  useDatabase(db);
});

afterEach(async () => {
  await db.delete();
});

/** A local assessment that exists before the import, with its own answers and questionnaire. */
async function seedLocal() {
  const local = makeAssessment({ id: 'local-1', title: 'Local only' });
  const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }] }]);
  await createAssessment(local, [q], summarizerFor([q]), { 'q/a': { state: 'level', level: 2 } });
  await recordBackup('2026-10-01T00:00:00.000Z');
  return local;
}

describe('importBundle', () => {
  it('stores a new bundle: assessments, answers, summaries and the questionnaires as "bundle"', async () => {
    const bundle = bundleFixture('valid.json');
    const result = await importBundle(bundle, new Map());
    expect(result).toEqual({
      ok: true,
      counts: {
        added: 2,
        replaced: 0,
        copied: 0,
        skipped: 0,
        questionnairesAdded: 2,
        assessments: [
          { id: KENYA, title: 'Kenya self-assessment 2026', outcome: 'added' },
          { id: FIJI, title: 'Fiji baseline', outcome: 'added' }
        ]
      }
    });
    const stored = await readBundleItems([KENYA, FIJI]);
    expect(stored.items).toEqual(bundle.items);
    expect(stored.questionnaires).toEqual(bundle.questionnaires);
    const sources = (await db.questionnaires.toArray()).map((q) => [q.key, q.source]);
    expect(sources).toEqual([
      ['privacy@1.0.0', 'bundle'],
      ['standards@1.0.0', 'bundle']
    ]);
    const fiji = bundle.items[1]!;
    const summary = await db.summaries.get(FIJI);
    expect(summary).toMatchObject({
      assessmentId: FIJI,
      country: 'FJ',
      date: '2026-06-30',
      revision: 0,
      updatedAt: fiji.assessment.updatedAt,
      ...summarizerFor(bundle.questionnaires)(fiji.answers, fiji.assessment)
    });
    expect(summary!.answered).toBe(4);
  });

  it('stores the summary figures it is given (a CSV reader scored them) instead of scoring again', async () => {
    const bundle = bundleFixture('valid.json');
    const own = bundle.items.map(({ assessment, answers }) =>
      summarizerFor(bundle.questionnaires)(answers, assessment)
    );
    // Marked, so the stored record shows which figures it holds.
    const given = own.map((f) => ({ ...f, answered: f.answered + 100 }));
    await importBundle(bundle, new Map(), undefined, undefined, given);
    expect((await db.summaries.get(FIJI))!.answered).toBe(given[1]!.answered);
    // Figures that do not match the items one for one are not trusted: it scores them itself.
    await db.delete();
    db = openDatabase('test-' + uuid());
    useDatabase(db);
    await importBundle(bundle, new Map(), undefined, undefined, given.slice(1));
    expect((await db.summaries.get(FIJI))!.answered).toBe(own[1]!.answered);
  });

  it('writes no empty plan and no workshop record for a new desk review', async () => {
    const bundle = bundleFixture('valid.json');
    expect(bundle.items.every((item) => (item.actions ?? []).length === 0)).toBe(true);
    await importBundle(bundle, new Map());
    expect(await db.actions.count()).toBe(0);
    expect(await db.groupAnswers.count()).toBe(0);
    expect(await db.assessments.count()).toBe(2);
  });

  it('keeps an identical questionnaire version already stored, with its own source', async () => {
    const bundle = bundleFixture('valid.json');
    const privacy = bundle.questionnaires[0]!;
    await createAssessment(
      makeAssessment({ questionnaires: [{ id: 'privacy', version: '1.0.0' }] }),
      // Same content, keys in another order: still the same version.
      [reverseKeys(privacy) as typeof privacy],
      summarizerFor([privacy])
    );
    const analysis = await analyseBundle(bundle);
    expect(analysis.questionnaires.map((q) => q.status)).toEqual(['stored', 'new']);
    const result = await importBundle(bundle, new Map());
    expect(result.ok && result.counts.questionnairesAdded).toBe(1);
    expect((await db.questionnaires.get('privacy@1.0.0'))!.source).toBe('builtin');
  });

  it('refuses the whole import when a known questionnaire version has other content', async () => {
    const bundle = bundleFixture('valid.json');
    const changed = { ...bundle.questionnaires[1]!, title: 'Standards (edited locally)' };
    await createAssessment(
      makeAssessment({ questionnaires: [{ id: 'standards', version: '1.0.0' }] }),
      [changed],
      summarizerFor([changed])
    );
    const before = await snapshot();

    const analysis = await analyseBundle(bundle);
    expect(analysis.conflicts.map((c) => `${c.id}@${c.version}`)).toEqual(['standards@1.0.0']);
    expect(analysis.questionnaires.map((q) => q.status)).toEqual(['new', 'conflict']);
    expect(englishLines(analysis.refused ?? [])).toContain(
      'valid.json: "Questionnaire standards" (standards) version 1.0.0 is already stored in this browser with different content'
    );

    // Even when only the Kenya assessment (which does not use it) would be written.
    const result = await importBundle(bundle, new Map([[FIJI, 'skip']]));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(analysis.refused);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a bundle whose copy of a built-in version differs, though none is stored here (issue 12)', async () => {
    const bundle = bundleFixture('valid.json');
    const privacy = bundle.questionnaires[0]!;
    // The app ships privacy 1.0.0; the file carries it with a hostile recommendation.
    const shipped = new Map([
      ['privacy@1.0.0', questionnaireDigest({ ...privacy, title: 'Privacy as shipped' })]
    ]);
    const before = await snapshot();

    const analysis = await analyseBundle(bundle, shipped);
    expect(analysis.questionnaires.map((q) => q.status)).toEqual(['conflict', 'new']);
    expect(englishLines(analysis.refused ?? [])).toMatch(
      /^valid\.json: "Questionnaire privacy" \(privacy\) version 1\.0\.0 has the id and version of a questionnaire built into this app/
    );
    const result = await importBundle(bundle, new Map(), shipped);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(analysis.refused);
    expect(await snapshot()).toEqual(before);

    // Exactly the shipped content imports.
    const same = new Map([['privacy@1.0.0', questionnaireDigest(privacy)]]);
    expect((await importBundle(bundle, new Map(), same)).ok).toBe(true);
  });

  it('reports what the file holds and which assessments exist already', async () => {
    await importBundle(bundleFixture('valid.json'), new Map());
    const analysis = await analyseBundle(bundleFixture('sanitised.json'));
    expect(analysis).toMatchObject({
      file: 'sanitised.json',
      sanitised: true,
      exportedAt: '2026-11-28T09:30:00.000Z',
      countries: ['FJ', 'KE'],
      existingIds: [KENYA, FIJI],
      conflicts: [],
      refused: null
    });
    expect(analysis.assessments[1]).toEqual({
      id: FIJI,
      country: 'FJ',
      title: 'Fiji baseline',
      date: '2026-06-30',
      status: 'final',
      classification: 'GREEN',
      provenance: { mode: 'desk-review', validatedBy: '', validatedOn: '' },
      questionnaires: ['privacy@1.0.0', 'standards@1.0.0'],
      existing: { title: 'Fiji baseline', updatedAt: '2026-06-30T12:00:00.000Z', status: 'final' }
    });
  });

  it('skips, replaces or keeps both, as decided for each existing assessment', async () => {
    await importBundle(bundleFixture('valid.json'), new Map());
    await db.assessments.update(KENYA, { title: 'Kenya, edited here' });
    await db.assessments.update(FIJI, { title: 'Fiji, edited here' });
    const sanitised = bundleFixture('sanitised.json');

    const result = await importBundle(
      sanitised,
      new Map([
        [KENYA, 'keep-both'],
        [FIJI, 'replace']
      ])
    );
    expect(result).toMatchObject({
      ok: true,
      counts: { added: 0, replaced: 1, copied: 1, skipped: 0, questionnairesAdded: 0 }
    });
    // Replace: the file's version, its summary's revision moved on.
    expect(await db.assessments.get(FIJI)).toEqual(sanitised.items[1]!.assessment);
    expect((await db.answers.get(FIJI))!.answers).toEqual(sanitised.items[1]!.answers);
    expect((await db.summaries.get(FIJI))!.revision).toBe(1);
    // Keep both: the local one untouched, the file's beside it under a new id.
    expect((await db.assessments.get(KENYA))!.title).toBe('Kenya, edited here');
    const all = await db.assessments.toArray();
    expect(all).toHaveLength(3);
    const copy = all.find((a) => a.id !== KENYA && a.id !== FIJI)!;
    expect(copy.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    );
    expect(copy).toEqual({
      ...sanitised.items[0]!.assessment,
      id: copy.id,
      title: 'Kenya self-assessment 2026' + IMPORTED_SUFFIX
    });
    expect((await db.answers.get(copy.id))!.answers).toEqual(sanitised.items[0]!.answers);
    expect((await db.summaries.get(copy.id))!.revision).toBe(0);
    // What the result panel links to: the copy under its new id, the replaced one under its own.
    expect(result.ok && result.counts.assessments).toEqual([
      { id: copy.id, title: copy.title, outcome: 'copied' },
      { id: FIJI, title: 'Fiji baseline', outcome: 'replaced' }
    ]);

    const skipped = await importBundle(sanitised, new Map([[KENYA, 'skip']]));
    expect(skipped).toEqual({
      ok: true,
      counts: {
        added: 0,
        replaced: 0,
        copied: 0,
        skipped: 2,
        questionnairesAdded: 0,
        // A skipped assessment is named as it is here, not as the file has it.
        assessments: [
          { id: KENYA, title: 'Kenya, edited here', outcome: 'skipped' },
          { id: FIJI, title: 'Fiji baseline', outcome: 'skipped' }
        ]
      }
    });
    expect((await db.assessments.get(FIJI))!.title).toBe('Fiji baseline');
  });

  it('skips an existing assessment when no decision is given, and ignores inherited keys', async () => {
    await importBundle(bundleFixture('valid.json'), new Map());
    const before = await snapshot();
    const bundle = bundleFixture('valid.json');
    bundle.items[0]!.assessment.id = 'constructor';
    const result = await importBundle(bundle, new Map());
    expect(result.ok && result.counts).toEqual({
      added: 1,
      replaced: 0,
      copied: 0,
      skipped: 1,
      questionnairesAdded: 0,
      assessments: [
        { id: 'constructor', title: 'Kenya self-assessment 2026', outcome: 'added' },
        { id: FIJI, title: 'Fiji baseline', outcome: 'skipped' }
      ]
    });
    expect((await db.assessments.get('constructor'))!.title).toBe('Kenya self-assessment 2026');
    expect(await db.assessments.get(FIJI)).toEqual(before.assessments.find((a) => a.id === FIJI));
  });

  it('stores no questionnaire when every assessment is skipped', async () => {
    const bundle = bundleFixture('valid.json');
    const result = await importBundle(
      bundle,
      new Map([
        [KENYA, 'skip'],
        [FIJI, 'skip']
      ])
    );
    expect(result.ok && result.counts.questionnairesAdded).toBe(0);
    expect(await db.questionnaires.count()).toBe(0);
  });

  it('leaves the database unchanged when a write fails midway', async () => {
    await seedLocal();
    const before = await snapshot();
    const bundle = bundleFixture('valid.json');
    // Bypasses the parser, which would refuse this: two new assessments with one id make the
    // second add fail after the questionnaires and the first assessment were written.
    bundle.items[1]!.assessment.id = KENYA;
    await expect(importBundle(bundle, new Map())).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});

describe('readEverything and restoreBackup', () => {
  it('restore replaces everything, computes missing summaries, keeps the later backup time', async () => {
    await seedLocal();
    await db.meta.put({ key: 'other-setting', value: 'x' });
    const backup = backupFixture();
    await restoreBackup(backup);

    const after = await snapshot();
    expect(after.assessments).toEqual(
      [...backup.assessments].sort((a, b) => a.id.localeCompare(b.id))
    );
    expect(after.answers.map((a) => a.assessmentId).sort()).toEqual([FIJI, KENYA].sort());
    expect(after.questionnaires).toEqual(backup.questionnaires);
    // The file's export time is later than the last backup it records.
    expect(after.meta).toEqual([{ key: 'lastBackupAt', value: '2026-11-28T09:30:00.000Z' }]);
    const kenya = backup.assessments[0]!;
    const questionnaires = backup.questionnaires.map((q) => q.content);
    expect(after.summaries.find((s) => s.assessmentId === KENYA)).toMatchObject({
      revision: 0,
      ...summarizerFor(questionnaires.slice(0, 1))(backup.answers[0]!.answers, kenya)
    });
  });

  it('backup then restore into an empty browser gives back every record', async () => {
    await importBundle(bundleFixture('valid.json'), new Map());
    await seedLocal();
    const everything = await readEverything();
    const before = await snapshot();
    const text = envelopeText(makeBackup(everything, { appVersion: '0.1.0' }));

    useDatabase(openDatabase('test-' + uuid()));
    const result = parseBackup('backup.json', text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await restoreBackup(result.backup);
    const after = await snapshot();
    expect({ ...after, meta: [] }).toEqual({ ...before, meta: [] });
    expect(after.meta).toEqual([{ key: 'lastBackupAt', value: result.backup.exportedAt }]);
    await database().delete();
  });

  it('restores the summaries a backup carries as they are, computing only missing ones', async () => {
    await importBundle(bundleFixture('valid.json'), new Map());
    await db.summaries.update(KENYA, { revision: 7 });
    const everything = await readEverything();
    everything.summaries = everything.summaries.filter((s) => s.assessmentId === KENYA);
    const result = parseBackup('b.json', envelopeText(makeBackup(everything, { appVersion: '1' })));
    if (!result.ok) throw new Error(englishLines(result.problems));
    const expected = await db.summaries.toArray();

    await clearEverything();
    await restoreBackup(result.backup);
    expect((await db.summaries.get(KENYA))!.revision).toBe(7);
    expect((await db.summaries.get(FIJI))!.revision).toBe(0);
    expect(await db.summaries.toArray()).toEqual(expected);
  });

  it('never trusts a score a backup states: summaries are computed from the answers (issue 12)', async () => {
    await restoreBackup(backupFixture());
    const honest = (await db.summaries.get(KENYA))!;
    const backup = backupFixture();
    // What a hostile or damaged file may say: 95.3 where the answers score otherwise, and -0.05.
    const stated = structuredClone(honest);
    stated.overall.score = 0.953;
    stated.answered = 999;
    stated.questionnaires[0]!.score = -0.05;
    stated.rules = SCORING_RULES_VERSION;
    backup.summaries = [stated];
    await restoreBackup(backup);
    const stored = (await db.summaries.get(KENYA))!;
    expect(stored).toEqual(honest);
    expect(stored.overall.score).not.toBe(0.953);
    expect(stored.rules).toBe(SCORING_RULES_VERSION);
  });

  it('refuses a backup whose copy of a built-in version differs, and changes nothing (issue 12)', async () => {
    await seedLocal();
    const before = await snapshot();
    const backup = backupFixture();
    const first = backup.questionnaires[0]!;
    const shipped = new Map([[first.key, questionnaireDigest({ ...first.content, title: 'X' })]]);
    const refused = await restoreBackup(backup, shipped).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RestoreRefused);
    expect(englishLines((refused as RestoreRefused).problems)).toMatch(
      /^backup\.json: .* has the id and version of a questionnaire built into this app/
    );
    expect(await snapshot()).toEqual(before);
  });

  it('never records a last backup later than now (issue 12)', async () => {
    const backup = backupFixture();
    backup.exportedAt = '2099-01-01T00:00:00.000Z';
    backup.meta = [{ key: 'lastBackupAt', value: '2098-01-01T00:00:00.000Z' }];
    const start = Date.now();
    await restoreBackup(backup);
    const at = Date.parse((await lastBackupAt())!);
    expect(at).toBeGreaterThanOrEqual(start);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('ignores a last-backup record that is not a time', async () => {
    const backup = backupFixture();
    backup.meta = [{ key: 'lastBackupAt', value: 'zzz: never remind me' }];
    await restoreBackup(backup);
    expect(await lastBackupAt()).toBe('2026-11-28T09:30:00.000Z');
  });

  it('leaves the database unchanged when the restore fails midway', async () => {
    await seedLocal();
    const before = await snapshot();
    const backup = backupFixture();
    // Bypasses the parser: a duplicate id fails after every table was cleared.
    backup.assessments.push(structuredClone(backup.assessments[0]!));
    await expect(restoreBackup(backup)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('restores a backup without a last-backup record', async () => {
    const backup = backupFixture();
    backup.meta = [];
    await restoreBackup(backup);
    expect(await lastBackupAt()).toBe('2026-11-28T09:30:00.000Z');
  });
});

describe('readBundleItems', () => {
  it('reads the chosen assessments with their pinned questionnaires, leaving out unknown ids', async () => {
    const bundle = bundleFixture('valid.json');
    await importBundle(bundle, new Map());
    await seedLocal();
    const chosen = await readBundleItems([KENYA, 'no-such-id']);
    expect(chosen.items).toEqual([bundle.items[0]]);
    expect(chosen.questionnaires).toEqual([bundle.questionnaires[0]]);
    expect((await readBundleItems()).items).toHaveLength(3);
  });
});

describe('clearEverything and the last backup', () => {
  it('removes every record from every table', async () => {
    await importBundle(bundleFixture('valid.json'), new Map());
    await seedLocal();
    await clearEverything();
    expect(await snapshot()).toEqual({
      assessments: [],
      answers: [],
      summaries: [],
      questionnaires: [],
      meta: []
    });
  });

  it('remembers when the last backup was made', async () => {
    expect(await lastBackupAt()).toBeNull();
    await recordBackup('2026-11-28T09:30:00.000Z');
    expect(await lastBackupAt()).toBe('2026-11-28T09:30:00.000Z');
    await recordBackup();
    expect(Date.parse((await lastBackupAt())!)).toBeGreaterThan(Date.parse('2026-11-28'));
  });
});
