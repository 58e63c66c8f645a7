/**
 * Two tabs on one assessment, and edits that are not saved yet: nothing is lost, and the user is
 * told plainly what happened (docs/architecture.md, "Two tabs and unsaved changes").
 */
import { type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectSaved, question, chooseCountry, openNotes } from './support/app';
import { launchProfile, newProfileDir } from './support/browser';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://127.0.0.1:${PORT}`;

/**
 * Makes every IndexedDB write of the page fail as a full disk does, while `__failWrites` is set:
 * the browser's own quota error, thrown where IndexedDB throws it.
 */
async function failingWrites(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __failWrites?: boolean };
    for (const name of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[name];
      IDBObjectStore.prototype[name] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (w.__failWrites) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return (original as (...a: unknown[]) => IDBRequest).apply(this, args);
      };
    }
  });
}

async function setFailing(page: Page, on: boolean) {
  await page.evaluate(
    (v) => ((window as unknown as { __failWrites?: boolean }).__failWrites = v),
    on
  );
}

/** Stops the page's timers, so a save waiting for a typing pause waits until `resume`. */
async function holdTimers(page: Page) {
  await page.clock.pauseAt(Date.now() + 60_000);
}

async function createQuick(page: Page) {
  await page.goto(`${ORIGIN}/#/assessments/new`);
  await chooseCountry(page, 'Ghana', 'GH');
  await page.getByRole('checkbox', { name: /Privacy and data protection/ }).check();
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(question(page, 'law-in-force')).toBeVisible();
  return page.url();
}

const evidence = (page: Page) =>
  question(page, 'law-in-force').getByLabel('Evidence', { exact: true });
async function writeEvidence(page: Page, text: string): Promise<void> {
  await openNotes(question(page, 'law-in-force'));
  await evidence(page).fill(text);
}
/**
 * One browser profile with two tabs on the answer screen of a new assessment; tab one's timers
 * are held, so whatever it types waits for `one.clock.resume()` before it is saved.
 */
async function twoTabsOnOneAssessment() {
  const context = await launchProfile(newProfileDir());
  const one = await context.newPage();
  await one.clock.install();
  await one.goto(`${ORIGIN}/`);
  const url = await createQuick(one);
  const two = await context.newPage();
  await two.goto(url);
  await expect(question(two, 'law-in-force')).toBeVisible();
  await holdTimers(one);
  return { context, one, two, url };
}

const level3 = (page: Page) =>
  question(page, 'law-in-force').getByRole('radio', { name: /^3 Established/ });

test('two tabs on one question: evidence typed in one and a level picked in the other are both kept', async () => {
  // Tab one's typing pause is held open by its own clock, so its save is surely still pending
  // when tab two picks the level.
  const { context, one, two, url } = await twoTabsOnOneAssessment();

  await writeEvidence(one, 'Data Protection Act 2012');
  await expect(one.getByTestId('save-status')).toContainText('Saving');
  await level3(two).check();
  await expectSaved(two);
  // Tab one shows the level from tab two while its own text still waits.
  await expect(level3(one)).toBeChecked();
  await one.clock.resume();
  await expectSaved(one);

  const three = await context.newPage();
  await three.goto(url);
  await expect(level3(three)).toBeChecked();
  await expect(evidence(three)).toHaveValue('Data Protection Act 2012');
  await expect(level3(two)).toBeChecked();
  await expect(evidence(two)).toHaveValue('Data Protection Act 2012');
  await context.close();
});

test('two tabs typing the same evidence: the later one is saved, and the other text can be taken back', async () => {
  const { context, one, two } = await twoTabsOnOneAssessment();

  await writeEvidence(one, 'Written in tab one');
  await writeEvidence(two, 'Written in tab two');
  // The held clock is the whole browser's: a level click makes tab two write at once.
  await level3(two).check();
  await expectSaved(two);
  await one.clock.resume();
  await expectSaved(one);
  const notice = one.getByRole('region', { name: 'Changed in another window' });
  await expect(notice).toContainText('This question was also changed in another window');
  await expect(one.getByTestId('save-status')).toContainText(
    '1 question also changed in another window'
  );
  await expect(notice).toContainText('Written in tab two');
  await expect(evidence(two)).toHaveValue('Written in tab one');
  await expect(level3(one)).toBeChecked();
  await notice.getByRole('button', { name: 'Use the other version' }).click();
  await expectSaved(one);
  await expect(evidence(one)).toHaveValue('Written in tab two');
  await expect(evidence(two)).toHaveValue('Written in tab two');
  await context.close();
});

test('saves failing: leaving the answer screen is held with a plain warning, and the text comes back later', async ({
  context,
  page
}) => {
  await failingWrites(context);
  await createQuick(page);
  await setFailing(page, true);
  await writeEvidence(page, 'Typed while the disk was full');
  await expect(page.getByTestId('save-status')).toContainText('Not saved');
  await expect(page.getByTestId('save-status')).toContainText('storage is full');
  const here = page.url();
  await page.getByRole('link', { name: 'Compare' }).click();
  const warning = page.getByRole('alertdialog', { name: 'Your latest changes are not saved' });
  await expect(warning).toBeVisible();
  expect(page.url()).toBe(here);
  await warning.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(warning).toBeHidden();
  expect(page.url()).toBe(here);
  await page.getByRole('link', { name: 'Compare' }).click();
  await warning.getByRole('button', { name: 'Leave anyway' }).click();
  await expect(page).toHaveURL(/#\/compare/);

  // Space again; opening the assessment saves what was kept in this browser.
  await setFailing(page, false);
  await page.goto(here);
  await expect(evidence(page)).toHaveValue('Typed while the disk was full');
  await expect(page.getByText('Changes that were not saved last time are restored')).toBeVisible();
  await expectSaved(page);
  await page.reload();
  await expect(evidence(page)).toHaveValue('Typed while the disk was full');
});

test('a tab closed before its save lands: the browser asks first, and the text is saved on the next visit', async () => {
  const context = await launchProfile(newProfileDir());
  await failingWrites(context);
  const one = await context.newPage();
  await one.goto(`${ORIGIN}/`);
  const url = await createQuick(one);
  // The write never lands, as when the tab dies within moments of typing.
  await setFailing(one, true);
  await writeEvidence(one, 'Typed just before closing');
  const asked = one.waitForEvent('dialog');
  await one.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
  await expect.poll(() => one.isClosed()).toBe(true);

  const two = await context.newPage();
  await two.goto(url);
  await expect(evidence(two)).toHaveValue('Typed just before closing');
  await expectSaved(two);
  const three = await context.newPage();
  await three.goto(url);
  await expect(evidence(three)).toHaveValue('Typed just before closing');
  await context.close();
});

test('a newer version upgrading the database from another tab keeps the text still waiting to be saved', async ({
  page
}) => {
  await page.clock.install();
  const url = await createQuick(page);
  await holdTimers(page);
  await writeEvidence(page, 'Typed as the other tab upgraded');
  await expect(page.getByTestId('save-status')).toContainText('Saving');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        // A newer schema that this version can still read: one store more.
        const request = indexedDB.open('ncs-self-assessment', 990);
        request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      })
  );
  await expect(page.getByRole('alert')).toContainText(
    'A newer version of this app was opened in another tab'
  );
  await page.reload();
  await page.goto(url);
  await expect(evidence(page)).toHaveValue('Typed as the other tab upgraded');
  await page.clock.resume();
  await expectSaved(page);
});
