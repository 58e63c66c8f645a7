import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { makeAssessment } from '$lib/domain/testing/factories';
import { makeOverlay } from '$lib/domain/testing/overlays';
import type { QuestionnaireOverlay } from '$lib/domain/questionnaire/overlay-schema';
import { makeBackup, parseBackup } from '$lib/io/backup';
import { makeBundle, parseBundle, type ParsedBundle } from '$lib/io/bundle';
import { BUNDLE_FORMAT, envelopeText, wrap } from '$lib/io/envelope';
import { englishLines } from '$lib/io/testing/problem-words';
import { createAssessment } from './assessments';
import { openDatabase, useDatabase, type NcsDatabase } from './db';
import { storedOverlay } from './overlays';
import { importBundle, readBundleItems, readEverything } from './transfer';
import { uuid } from './uuid';

const fixture = readFileSync(new URL('../io/fixtures/bundles/valid.json', import.meta.url), 'utf8');

function parsed(text: string): ParsedBundle {
  const result = parseBundle('kenya.json', text);
  if (!result.ok) throw new Error(englishLines(result.problems));
  return result.bundle;
}

/** The fixture bundle again, carrying these overlays. */
function withOverlays(overlays: unknown[]): string {
  const bundle = parsed(fixture);
  const envelope = makeBundle(bundle.items, bundle.questionnaires, { appVersion: '0.1.0' });
  return envelopeText(
    wrap(BUNDLE_FORMAT, { ...envelope.content, overlays }, '0.1.0', envelope.exportedAt)
  );
}

function bundleText(overlays: QuestionnaireOverlay[]): string {
  const bundle = parsed(fixture);
  const envelope = makeBundle(bundle.items, bundle.questionnaires, {
    appVersion: '0.1.0',
    overlays
  });
  return envelopeText(envelope);
}

let db: NcsDatabase;
beforeEach(() => {
  db = openDatabase('test-' + uuid());
  useDatabase(db);
});
afterEach(async () => {
  await db.delete();
});

describe('translations in bundles', () => {
  const base = parsed(fixture);
  const privacy = base.questionnaires.find((q) => q.id === 'privacy')!;
  const french = makeOverlay(privacy, (s) => `Texte : ${s}`);

  it('imports a file made before translations existed, with none', async () => {
    expect(base.overlays).toBeUndefined();
    expect((await importBundle(base, new Map())).ok).toBe(true);
    expect(await storedOverlay('privacy', '1.0.0', 'fr')).toBeUndefined();
  });

  it('carries the overlays of the versions it pins, stores them with the version and exports them again', async () => {
    const other = { ...makeOverlay(privacy), id: 'elsewhere' };
    const text = bundleText([french, other]);
    expect(JSON.parse(text).content.overlays).toEqual([french]);
    const bundle = parsed(text);
    expect(bundle.overlays).toEqual([french]);
    expect((await importBundle(bundle, new Map())).ok).toBe(true);
    expect(await storedOverlay('privacy', '1.0.0', 'fr')).toEqual(french);
    expect(await storedOverlay('standards', '1.0.0', 'fr')).toBeUndefined();
    const again = await readBundleItems();
    expect(again.overlays).toEqual([french]);
    // A full backup keeps them with the version too.
    const backup = parseBackup(
      'b.json',
      envelopeText(makeBackup(await readEverything(), { appVersion: '0.1.0' }))
    );
    expect(backup.ok && backup.backup.questionnaires.map((q) => q.overlays)).toEqual([
      { fr: french },
      undefined
    ]);
  });

  it('adds a translation to a version already stored, keeping its record', async () => {
    await createAssessment(
      makeAssessment({ questionnaires: [{ id: 'privacy', version: '1.0.0' }] }),
      [privacy],
      summarizerFor([privacy])
    );
    expect((await importBundle(parsed(bundleText([french])), new Map())).ok).toBe(true);
    const record = await db.questionnaires.get('privacy@1.0.0');
    expect(record!.source).toBe('builtin');
    expect(record!.overlays).toEqual({ fr: french });
  });

  it('refuses a bad translation with its place in the file, before anything is written', async () => {
    const unknown = makeOverlay(privacy);
    unknown.sections!['no-such'] = { title: 'Titre' };
    const stale = { ...makeOverlay(privacy), baseVersion: '0.9.0' };
    const result = parseBundle('kenya.json', withOverlays([unknown, stale, { id: 'privacy' }]));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => [p.file, p.path, p.code])).toEqual([
      ['kenya.json', 'content.overlays[0].sections["no-such"]', 'overlay.unknown-key'],
      ['kenya.json', 'content.overlays[1]', 'bundle.overlay-no-questionnaire'],
      ['kenya.json', 'content.overlays[2].language', 'schema.invalid-value'],
      ['kenya.json', 'content.overlays[2].baseVersion', 'schema.missing']
    ]);
    expect(await db.questionnaires.count()).toBe(0);
    expect(await db.assessments.count()).toBe(0);
  });
});
