import { type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test, waitForAppReadyIn } from './support/test';
import { createAssessment, expectSaved, question } from './support/app';
import { expectAccessible, launchProfile, newProfileDir } from './support/browser';
import { runAgeOnTerminal, runTool, Scratch } from '../src/lib/io/age/test-tool';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const KEY_PASSPHRASE = 'kettle harbour violet 42';
const FILE_PASSPHRASE = 'blue ferry morning 17';
const scratch = new Scratch();
/** scrypt's cost is the point of it: a passphrase step takes seconds, more on a busy machine. */
const SCRYPT = { timeout: 60_000 };
// Each test runs scrypt several times (the key, the files, the age tool's own).
test.slow();
test.afterAll(() => scratch.remove());

async function openData(page: Page): Promise<void> {
  await page.goto('/#/data');
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
}

function protection(page: Page): Locator {
  return page.getByRole('region', { name: 'Protect the files you save' });
}

/** Clicks and keeps the file the click downloads: its suggested name, bytes and path. */
async function downloadOf(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const name = download.suggestedFilename();
  const path = scratch.path(name);
  await download.saveAs(path);
  return { name, path, bytes: readFileSync(path) };
}

async function kenyaWithAnswers(page: Page): Promise<void> {
  await createAssessment(page, {
    country: 'Kenya',
    countryCode: 'KE',
    title: 'Kenya 2026',
    questionnaires: [/national cybersecurity strategy/]
  });
  await question(page, 'lead-agency')
    .getByRole('radio', { name: /^2 Formative/ })
    .check();
  await expectSaved(page);
}

/** Creates the advisor's key on the Data screen; returns the saved key file and public key. */
async function createKey(page: Page) {
  await openData(page);
  const region = protection(page);
  await region.getByLabel('Passphrase for your key').fill(KEY_PASSPHRASE);
  await region.getByLabel('Type the passphrase again').fill(KEY_PASSPHRASE);
  const keyFile = await downloadOf(page, () =>
    region.getByRole('button', { name: 'Create my key and save its file' }).click()
  );
  // Not kept until the user says the file is safe.
  const keep = region.getByRole('button', { name: 'Keep this key' });
  await expect(keep).toBeDisabled();
  await region.getByLabel(/I have saved the key file/).check();
  await keep.click();
  await expect(region.getByText('Your key is ready.')).toBeVisible(SCRYPT);
  const publicKey = (await region.getByLabel(/Your public key/).inputValue()).trim();
  await expect(
    region.getByText(/Fingerprint to confirm by phone: [0-9A-F]{4}( [0-9A-F]{4}){3}/)
  ).toBeVisible();
  return { keyFile, publicKey };
}

test('an advisor key, a bundle encrypted to it, opened by the age tool and by another browser', async ({
  page,
  browser
}) => {
  const { keyFile, publicKey } = await createKey(page);
  expect(keyFile.name).toBe('ncs-advisor-key.age');
  expect(publicKey).toMatch(/^age1[0-9a-z]{58}$/);
  // The key file is an age passphrase file the standard tool opens.
  const identityPath = scratch.path('identity.txt');
  const opened = runAgeOnTerminal(['-d', '-o', identityPath, keyFile.path], [KEY_PASSPHRASE]);
  expect(opened.status).toBe(0);
  expect(readFileSync(identityPath, 'utf8')).toContain(`# public key: ${publicKey}`);
  expect(readFileSync(identityPath, 'utf8')).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/m);

  await kenyaWithAnswers(page);
  await openData(page);
  const region = protection(page);
  // A post-quantum key is refused with the reason, and nothing is remembered.
  await region.getByLabel('Name (who this key belongs to)').fill('Quantum');
  await region.getByLabel('Public key', { exact: true }).fill(`age1pq1${'q'.repeat(60)}`);
  await region.getByRole('button', { name: 'Add recipient' }).click();
  await expect(region.getByRole('alert')).toContainText('post-quantum');
  await expect(
    region.getByRole('list', { name: 'Recipients remembered in this browser' })
  ).toHaveCount(0);
  // The ministry adds the advisor's public key and saves files to it.
  await region.getByLabel('Name (who this key belongs to)').fill('CTO advisor');
  await region.getByLabel('Public key', { exact: true }).fill(publicKey);
  await region.getByRole('button', { name: 'Add recipient' }).click();
  await expect(
    region.getByRole('list', { name: 'Recipients remembered in this browser' })
  ).toContainText('CTO advisor');
  await region.getByRole('radio', { name: /Encrypted to the public keys/ }).check();
  await region.getByRole('checkbox', { name: /CTO advisor/ }).check();
  await expect(region.getByText(/saved encrypted to 1 recipient/)).toBeVisible();
  await expectAccessible(page, 'the Data screen with file protection');

  const bundles = page.getByRole('region', { name: 'Assessment bundles' });
  await bundles.getByRole('button', { name: 'Select all' }).click();
  const bundle = await downloadOf(page, () =>
    bundles.getByRole('button', { name: 'Export bundle (1)' }).click()
  );
  expect(bundle.name).toMatch(/^Kenya_.*_bundle_AMBER\.json\.age$/);
  expect(bundle.bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
  expect(bundle.bytes.includes(Buffer.from('Kenya 2026'))).toBe(false);
  const clear = runTool('age', ['-d', '-i', identityPath, bundle.path]);
  expect(clear.stderr).toBe('');
  expect(JSON.parse(clear.stdout).content.assessments[0].assessment.title).toBe('Kenya 2026');

  // The advisor's browser: loads the key file, then imports the encrypted bundle.
  const advisor = waitForAppReadyIn(await browser.newContext({ acceptDownloads: true }));
  const other = await advisor.newPage();
  await openData(other);
  const keys = protection(other);
  await keys.getByLabel('Key file').setInputFiles(keyFile.path);
  await keys.getByLabel('Passphrase of your key').fill('not the passphrase');
  await keys.getByRole('button', { name: 'Use this key' }).click();
  await expect(keys.getByRole('alert')).toContainText(
    'This passphrase does not open the file',
    SCRYPT
  );
  await keys.getByLabel('Passphrase of your key').fill(KEY_PASSPHRASE);
  await keys.getByRole('button', { name: 'Use this key' }).click();
  await expect(keys.getByLabel(/Your public key/)).toHaveValue(publicKey, SCRYPT);

  await other
    .getByRole('region', { name: 'Assessment bundles' })
    .getByLabel('Assessment bundles (JSON)')
    .setInputFiles(bundle.path);
  const dialog = other.getByRole('dialog', { name: `Open ${bundle.name}` });
  await dialog.getByLabel('Passphrase of your key').fill('wrong passphrase here');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'This is not the passphrase of your key',
    SCRYPT
  );
  await dialog.getByLabel('Passphrase of your key').fill(KEY_PASSPHRASE);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden(SCRYPT);
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    other.getByTestId('import-result').filter({ hasText: 'Imported: 1 added' })
  ).toBeVisible();
  // Within the app, not by loading the page again: the key stays open only while the page does.
  await other.getByRole('navigation').getByRole('link', { name: 'Assessments' }).click();
  await expect(other.getByRole('link', { name: 'Kenya 2026' })).toBeVisible();

  // A file the age tool encrypted to the same key opens too (the key is open in this page).
  const questionnaire = scratch.write(
    'tool-questionnaire.yaml',
    readFileSync(new URL('./fixtures/typo-questionnaire.yaml', import.meta.url))
  );
  const toolFile = scratch.path('from-the-tool.yaml.age');
  expect(runTool('age', ['-a', '-r', publicKey, '-o', toolFile, questionnaire]).status).toBe(0);
  await other.getByRole('navigation').getByRole('link', { name: 'Data' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  await other.getByLabel(/Questionnaire file/).setInputFiles(toolFile);
  // The decrypted file goes through the same checks as a file in clear: the typo is found.
  await expect(other.getByText(/from-the-tool\.yaml/).first()).toBeVisible();
  await expect(other.getByRole('dialog')).toHaveCount(0);
  await advisor.close();
});

test('refused encrypted files say why and import nothing', async ({ page }) => {
  // A file the tool encrypted with a passphrase, then damaged in three ways.
  const plain = scratch.write(
    'answers.csv',
    readFileSync(new URL('./fixtures/spreadsheet-answers-semicolon.csv', import.meta.url))
  );
  const good = scratch.path('answers.csv.age');
  expect(
    runAgeOnTerminal(['-p', '-o', good, plain], [FILE_PASSPHRASE, FILE_PASSPHRASE]).status
  ).toBe(0);
  const bytes = readFileSync(good);
  const truncated = scratch.write('truncated.csv.age', bytes.subarray(0, bytes.length - 40));
  const flipped = Buffer.from(bytes);
  const at = flipped.length - 30;
  flipped[at] = flipped[at]! ^ 0x01;
  const altered = scratch.write('altered.csv.age', flipped);
  const header = bytes.toString('latin1');
  const costly = scratch.write(
    'costly.csv.age',
    Buffer.from(header.replace(/(-> scrypt \S+) 18\n/, '$1 22\n'), 'latin1')
  );
  expect(readFileSync(costly).toString('latin1')).toContain(' 22\n');

  await page.goto('/');
  const before = await page.locator('main').innerText();
  await openData(page);
  const input = page.getByLabel('Answers file (CSV)');
  const dialog = page.getByRole('dialog');

  await input.setInputFiles(costly);
  await expect(dialog.getByRole('alert')).toContainText('work factor of 2^22');
  await expect(dialog).toContainText('Nothing was imported.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  for (const [file, words] of [
    [truncated, /ends too early|damaged/],
    [altered, /damaged or was changed/]
  ] as const) {
    await input.setInputFiles(file);
    await dialog.getByLabel('Passphrase of the file').fill(FILE_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(dialog.getByRole('alert')).toContainText(words, SCRYPT);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
  }

  await input.setInputFiles(good);
  await dialog.getByLabel('Passphrase of the file').fill('a wrong passphrase');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'This passphrase does not open the file',
    SCRYPT
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.goto('/');
  expect(await page.locator('main').innerText()).toBe(before);
});

test('on plain http under a host name, files are encrypted and opened with a passphrase', async () => {
  const context = await launchProfile(newProfileDir(), [
    '--host-resolver-rules=MAP ncs-files.test 127.0.0.1'
  ]);
  const page = await context.newPage();
  await page.goto(`http://ncs-files.test:${PORT}/#/data`);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  const region = protection(page);
  await region.getByRole('radio', { name: 'Encrypted with a passphrase' }).check();
  await region.getByLabel('Passphrase for the files you save').fill(FILE_PASSPHRASE);
  await expect(region.getByText(/saved encrypted with your passphrase/)).toBeVisible();

  const backup = await downloadOf(page, () =>
    page.getByRole('button', { name: 'Download a full backup' }).click()
  );
  expect(backup.name).toMatch(/\.json\.age$/);
  const out = scratch.path('backup.json');
  expect(runAgeOnTerminal(['-d', '-o', out, backup.path], [FILE_PASSPHRASE]).status).toBe(0);
  expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('ncs-backup');

  await page.getByLabel('Backup file to restore (JSON)').setInputFiles(backup.path);
  const dialog = page.getByRole('dialog', { name: `Open ${backup.name}` });
  await dialog.getByLabel('Passphrase of the file').fill(FILE_PASSPHRASE);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByText(/is a valid backup/)).toBeVisible(SCRYPT);
  // A file the tool made with a passphrase opens on this page too.
  const toolMade = scratch.path('tool-backup.json.age');
  expect(
    runAgeOnTerminal(['-p', '-o', toolMade, out], [FILE_PASSPHRASE, FILE_PASSPHRASE]).status
  ).toBe(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  await page.getByLabel('Backup file to restore (JSON)').setInputFiles(toolMade);
  const again = page.getByRole('dialog', { name: 'Open tool-backup.json.age' });
  await again.getByLabel('Passphrase of the file').fill(FILE_PASSPHRASE);
  await again.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByText('tool-backup.json is a valid backup')).toBeVisible(SCRYPT);
  await context.close();
});
