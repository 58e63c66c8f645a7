import { expect, type Page } from '@playwright/test';

/** Page object for creating an assessment through the form, as a user does. */
export async function createAssessment(
  page: Page,
  opts: { country: string; countryCode: string; questionnaires: RegExp[]; title?: string }
): Promise<string> {
  await page.goto('/#/assessments/new');
  await page.getByLabel('Find a country').fill(opts.country);
  await page.getByLabel('Country', { exact: true }).selectOption(opts.countryCode);
  if (opts.title) await page.getByLabel('Title', { exact: true }).fill(opts.title);
  for (const q of opts.questionnaires) await page.getByRole('checkbox', { name: q }).check();
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  const id = /#\/assessments\/([^/]+)\/answer/.exec(page.url())?.[1];
  expect(id, 'the app opened the answer screen of the new assessment').toBeTruthy();
  return id!;
}

/** The fieldset of one question, found by its visible id. */
export function question(page: Page, id: string) {
  return page.locator(`fieldset[data-question="${id}"]`);
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toContainText('All changes saved');
}

/**
 * Chooses French in the header and waits for the reloaded app to start. The switch reloads the
 * page; a navigation made before the new page has started can race the reload and land on the
 * assessment list again, so this waits for the French navigation before returning.
 */
export async function chooseFrench(page: Page): Promise<void> {
  await page
    .getByRole('group', { name: 'Language' })
    .getByRole('button', { name: 'Français' })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Évaluations' })
  ).toBeVisible();
}
