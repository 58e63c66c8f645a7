/**
 * Files cannot replace what the app ships or state figures it shows (issue 12, items 1, 5, 6):
 * a bundle carrying a changed built-in questionnaire is refused, a changed copy stored earlier is
 * never used, a backup's stated scores are ignored, the checksum covers the whole envelope and
 * the screens call it a check for damage, and a restored last-backup date is never in the future.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { newAssessment } from '../src/lib/domain/assessment/model';
import type { Questionnaire } from '../src/lib/domain/questionnaire/schema';
import { BACKUP_FORMAT, BUNDLE_FORMAT, envelopeText, wrap } from '../src/lib/io/envelope';
import { createAssessment, expectSaved, question } from './support/app';
import { builtinQuestionnaires, PRIVACY } from './support/fixtures';
import { expect, test } from './support/test';

const HOSTILE_TEXT = 'Is a data protection law in force? (text changed by a bundle)';
const HOSTILE_ADVICE = 'Email your full evidence file to help@evil.example';

/** The built-in privacy questionnaire with the changes of the attack in issue 12. */
function hostilePrivacy(): { shipped: Questionnaire; hostile: Questionnaire } {
  const shipped = builtinQuestionnaires().find((q) => q.id === PRIVACY)!;
  const hostile = structuredClone(shipped);
  const first = hostile.sections[0]!.questions[0]!;
  if (first.type === 'choice') throw new Error('the first privacy question is a level question');
  first.text = HOSTILE_TEXT;
  first.weight = 50;
  first.weightReason = 'It matters most.';
  first.recommendations = { ...first.recommendations, 1: HOSTILE_ADVICE };
  return { shipped, hostile };
}

async function openData(page: Page): Promise<void> {
  await page.goto('/#/data');
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
}

function section(page: Page, name: string): Locator {
  return page.getByRole('region', { name });
}

/** Clicks and returns the text of the file the click downloads, with its suggested name. */
async function downloadOf(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** Writes records into the app's database as a browser from before these checks could have. */
async function putRecords(page: Page, store: string, records: unknown[]): Promise<void> {
  await page.evaluate(
    async ({ store, records }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('ncs-self-assessment');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction([store], 'readwrite');
      for (const record of records) tx.objectStore(store).put(record);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { store, records }
  );
}

test('a bundle cannot replace a built-in questionnaire, and a changed copy stored earlier is never used', async ({
  page
}) => {
  const { shipped, hostile } = hostilePrivacy();
  const now = new Date().toISOString();
  const assessment = newAssessment(
    {
      id: 'evil-2026',
      country: 'KE',
      title: 'Looks harmless',
      date: '2026-11-28',
      questionnaires: [{ id: PRIVACY, version: shipped.version }]
    },
    now
  );
  const bundle = wrap(
    BUNDLE_FORMAT,
    { sanitised: false, assessments: [{ assessment, answers: {} }], questionnaires: [hostile] },
    '0.1.0'
  );

  await page.goto('/');
  await openData(page);
  await section(page, 'Assessment bundles')
    .getByLabel('Assessment bundles (JSON)')
    .setInputFiles({
      name: 'evil.json',
      mimeType: 'application/json',
      buffer: Buffer.from(envelopeText(bundle))
    });
  const problems = page.getByRole('region', { name: 'Problems found — nothing was imported' });
  await expect(
    problems.getByRole('row').filter({ hasText: 'content.questionnaires[0]' })
  ).toContainText(
    `"Privacy and data protection" (${PRIVACY}) version ${shipped.version} has the id and version of a questionnaire built into this app, but its content differs from the built-in one.`
  );
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'No assessments in this browser yet' })
  ).toBeVisible();

  // A browser that stored the changed copy before these checks existed.
  await putRecords(page, 'questionnaires', [
    {
      key: `${PRIVACY}@${shipped.version}`,
      id: PRIVACY,
      version: shipped.version,
      source: 'bundle',
      content: hostile,
      storedAt: now
    }
  ]);
  await createAssessment(page, {
    country: 'Jamaica',
    countryCode: 'JM',
    title: 'Jamaica 2026',
    questionnaires: [/Privacy and data protection/]
  });
  const first = question(page, 'law-in-force');
  await expect(first).toContainText(shipped.sections[0]!.questions[0]!.text);
  await expect(page.locator('main')).not.toContainText(HOSTILE_TEXT);
  await first.getByRole('radio', { name: /^1 Start-up/ }).check();
  await expectSaved(page);

  // The list says "Built in", and what it opens is the built-in text.
  await page.goto('/#/questionnaires');
  await expect(page.locator('main')).toContainText('Built in');
  await page.goto(`/#/questionnaires/${PRIVACY}`);
  await expect(page.locator('main')).toContainText(shipped.sections[0]!.questions[0]!.text);
  await expect(page.locator('main')).not.toContainText(HOSTILE_TEXT);
  await expect(page.locator('main')).not.toContainText(HOSTILE_ADVICE);
});

test('a restored backup shows scores computed from its answers, never the ones it states', async ({
  page
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await createAssessment(page, {
    country: 'Jamaica',
    countryCode: 'JM',
    title: 'Jamaica 2026',
    questionnaires: [/Privacy and data protection/]
  });
  await question(page, 'law-in-force')
    .getByRole('radio', { name: /^1 Start-up/ })
    .check();
  await expectSaved(page);

  await openData(page);
  const backup = await downloadOf(page, () =>
    page.getByRole('button', { name: 'Download a full backup' }).click()
  );
  // A file that states 95.3 where the answers score 0.0, and a date in the far future.
  const envelope = JSON.parse(backup.text) as ReturnType<typeof wrap<Record<string, unknown>>>;
  const summaries = envelope.content['summaries'] as {
    overall: { score: number };
    questionnaires: { score: number }[];
  }[];
  summaries[0]!.overall.score = 0.953;
  summaries[0]!.questionnaires[0]!.score = 0.953;
  const stated = wrap(
    BACKUP_FORMAT,
    envelope.content,
    envelope.appVersion,
    '2099-01-01T00:00:00.000Z'
  );

  await section(page, 'Backup and restore')
    .getByLabel('Backup file to restore (JSON)')
    .setInputFiles({
      name: 'stated.json',
      mimeType: 'application/json',
      buffer: Buffer.from(envelopeText(stated))
    });
  const holds = page.getByRole('region', { name: 'What the backup holds' });
  await expect(holds).toContainText('of the app (as stated in the file); checked for damage');
  await holds.getByRole('button', { name: 'Restore this backup…' }).click();
  await page
    .getByRole('dialog', { name: 'Replace everything in this browser?' })
    .getByRole('button', { name: 'Replace everything' })
    .click();
  await expect(
    page.getByTestId('import-result').filter({ hasText: 'Restored stated.json: 1 assessment.' })
  ).toBeVisible();

  await page.goto('/#/compare');
  const heatMap = page.getByTestId('heat-map');
  await expect(heatMap).toContainText('Jamaica');
  await expect(heatMap).toContainText('0.0');
  await expect(heatMap).not.toContainText('95.3');

  // The last backup is the moment of the restore, not the year 2099 the file states.
  await page.goto('/');
  await expect(page.locator('main')).toContainText('Last backup:');
  await expect(page.locator('main')).not.toContainText('2099');

  // A cached figure out of range (the database is the app's own) still gets a colour.
  await putRecords(
    page,
    'summaries',
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('ncs-self-assessment');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(['summaries']).objectStore('summaries').getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return all.map((s) => ({
        ...s,
        questionnaires: (s['questionnaires'] as Record<string, unknown>[]).map((q) => ({
          ...q,
          score: -0.05,
          provisional: false
        }))
      }));
    })
  );
  await page.goto('/#/compare');
  await expect(page.getByTestId('heat-map')).toContainText('Jamaica');
  expect(errors).toEqual([]);
});

test('the checksum covers the whole file and is called a check for damage', async ({ page }) => {
  await createAssessment(page, {
    country: 'Kenya',
    countryCode: 'KE',
    title: 'Kenya 2026',
    questionnaires: [/national cybersecurity strategy/]
  });
  await openData(page);
  const bundles = section(page, 'Assessment bundles');
  await expect(bundles).toContainText('Every import is checked for damage');
  await expect(bundles).not.toContainText('a changed file is refused');
  await bundles.getByRole('button', { name: 'Select all' }).click();
  const exported = await downloadOf(page, () =>
    bundles.getByRole('button', { name: 'Export bundle (1)' }).click()
  );

  // Only the export date changes; the content and the checksum stay as written.
  const at = /"exportedAt":"([^"]+)"/.exec(exported.text)![1]!;
  const redated = exported.text.replace(
    `"exportedAt":"${at}"`,
    '"exportedAt":"2020-01-01T00:00:00.000Z"'
  );
  await bundles.getByLabel('Assessment bundles (JSON)').setInputFiles({
    name: 'redated.json',
    mimeType: 'application/json',
    buffer: Buffer.from(redated)
  });
  await expect(
    page
      .getByRole('region', { name: 'Problems found — nothing was imported' })
      .getByRole('row')
      .filter({ hasText: 'redated.json' })
  ).toContainText('the file is damaged: its checksum does not match');

  // The file as exported: what it says about itself is shown as stated in it.
  await bundles.getByLabel('Assessment bundles (JSON)').setInputFiles({
    name: exported.name,
    mimeType: 'application/json',
    buffer: Buffer.from(exported.text)
  });
  const files = page.getByRole('list', { name: 'Files' });
  await expect(files).toContainText('of the app (as stated in the file); checked for damage');
  await expect(page.locator('main')).toContainText(
    'In the file: Desk review (as stated in the file).'
  );
});
