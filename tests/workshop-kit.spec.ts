import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Locator, Page } from '@playwright/test';
import { addGroups, createAssessment } from './support/app';
import { expectAccessible } from './support/browser';
import { expect, test, waitForAppReadyIn } from './support/test';

test.slow();

/** Clicks and keeps the file the click downloads. */
async function downloadOf(page: Page, path: (name: string) => string, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path(download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), path: file };
}

/** A group's laptop: a fresh browser profile opens the kit and answers as the group. */
async function groupLaptop(
  browser: Browser,
  kit: string,
  group: string,
  answer: (questions: Locator) => Promise<void>,
  path: (name: string) => string,
  checkAccessible = false
) {
  const context = waitForAppReadyIn(await browser.newContext({ acceptDownloads: true }));
  const page = await context.newPage();
  await page.goto('/#/data');
  await page
    .getByRole('region', { name: 'Open a workshop kit' })
    .getByLabel('Kit file')
    .setInputFiles(kit);
  await expect(
    page.getByRole('heading', { level: 1, name: `Group session: ${group}` })
  ).toBeVisible();
  // A focused group mode: the group's questions only, no results, no other group, no score.
  await expect(page.getByText('Group session', { exact: true })).toBeVisible();
  await expect(page.getByText(/Score|Results/)).toHaveCount(0);
  const questions = page.locator('fieldset.question');
  await answer(questions);
  await expect(page.getByRole('status').filter({ hasText: 'questions answered' })).toContainText(
    /^\s*\d+ of \d+ questions answered/
  );
  if (checkAccessible) await expectAccessible(page, 'group session');
  // The answers stay on this laptop across a reload.
  await page.reload();
  await expect(questions.first().getByRole('radio', { checked: true })).toHaveCount(1);
  const response = await downloadOf(page, path, () =>
    page.getByRole('button', { name: 'Save the group response' }).click()
  );
  await context.close();
  return response;
}

/** The same response, claiming another assessment, with a checksum that matches again. */
function forOtherAssessment(source: string, target: string): string {
  const { sha256: _old, ...rest } = JSON.parse(readFileSync(source, 'utf8'));
  rest.content.assessment.id = 'another-assessment-2026';
  const sha256 = createHash('sha256').update(JSON.stringify(rest)).digest('hex');
  writeFileSync(target, JSON.stringify({ ...rest, sha256 }));
  return target;
}

test('a kit answered on two group laptops comes back as two group responses', async ({
  page,
  browser
}, testInfo) => {
  const path = (name: string) => testInfo.outputPath(name);
  const id = await createAssessment(page, {
    country: 'Vanuatu',
    countryCode: 'VU',
    title: 'Vanuatu workshop 2026',
    questionnaires: [/Privacy and data protection/]
  });
  await page.goto(`/#/assessments/${id}`);
  const groups = await addGroups(page, [
    { kind: 'government' },
    { kind: 'academia', name: 'University of the South Pacific' }
  ]);
  await groups.getByRole('button', { name: 'Save groups' }).click();
  await expect(page.getByText('Groups saved.')).toBeVisible();

  const panel = page.getByRole('region', { name: 'Kits and group responses' });
  const kits: Record<string, string> = {};
  for (const group of ['Government', 'University of the South Pacific']) {
    await panel.getByLabel('Group the kit is for').selectOption({ label: group });
    const kit = await downloadOf(page, path, () =>
      panel.getByRole('button', { name: 'Save the kit' }).click()
    );
    expect(kit.name).toMatch(/_kit-(government|academia)_AMBER\.json$/);
    kits[group] = kit.path;
  }
  // The kit holds no other group.
  expect(readFileSync(kits['Government']!, 'utf8')).not.toContain('South Pacific');

  const government = await groupLaptop(
    browser,
    kits['Government']!,
    'Government',
    async (questions) => {
      await questions.nth(0).getByRole('radio').nth(1).check();
      await questions.nth(1).getByRole('radio', { name: "Don't know" }).check();
    },
    path,
    true
  );
  const academia = await groupLaptop(
    browser,
    kits['University of the South Pacific']!,
    'University of the South Pacific',
    async (questions) => {
      await questions.nth(0).getByRole('radio').nth(3).check();
    },
    path
  );
  expect(government.name).toMatch(/_response-government_AMBER\.json$/);

  // A response for another assessment is refused, naming the file and the field.
  const files = panel.getByLabel('Group response files');
  await files.setInputFiles(forOtherAssessment(government.path, path('other.json')));
  await expect(panel.getByRole('status').first()).toContainText('Refused: nothing was written.');
  await expect(panel).toContainText('content.assessment.id');
  await expect(panel).toContainText('this response answers another assessment');

  // Both responses: nothing was written by the refused one, so each group is new here.
  await files.setInputFiles([government.path, academia.path]);
  const table = panel.getByRole('table', { name: "What each group's response holds" });
  const govRow = table.getByRole('row', { name: /^Government/ });
  await expect(govRow.getByRole('cell').nth(1)).toHaveText('2');
  await expect(govRow).toContainText('New answers');
  await expect(
    table
      .getByRole('row', { name: /University/ })
      .getByRole('cell')
      .nth(1)
  ).toHaveText('1');
  await panel.getByRole('button', { name: 'Import responses' }).click();
  await expect(panel).toContainText(/Government: 2 answered, 0 changed, \d+ skipped\./);
  await expect(panel).toContainText(/University of the South Pacific: 1 answered/);

  // The same group again: replace, fill gaps or do not import.
  await files.setInputFiles(government.path);
  await expect(
    panel.getByRole('group', { name: 'Government has answers here already' })
  ).toBeVisible();
  await panel.getByRole('radio', { name: /Fill gaps only/ }).check();
  await panel.getByRole('button', { name: 'Import responses' }).click();
  await expect(panel).toContainText('Government, gaps filled: 0 new answers taken');
  await expectAccessible(page, 'kits and group responses');
});
