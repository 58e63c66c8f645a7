import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for creating an assessment through the form, as a user does. */
export async function createAssessment(
  page: Page,
  opts: { country: string; countryCode: string; questionnaires: RegExp[]; title?: string }
): Promise<string> {
  await page.goto('/#/assessments/new');
  await chooseCountry(page, opts.country, opts.countryCode);
  if (opts.title) await page.getByLabel('Title', { exact: true }).fill(opts.title);
  for (const q of opts.questionnaires) await page.getByRole('checkbox', { name: q }).check();
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  const id = /#\/assessments\/([^/]+)\/answer/.exec(page.url())?.[1];
  expect(id, 'the app opened the answer screen of the new assessment').toBeTruthy();
  return id!;
}

/**
 * Types in the country search box and picks the country with this ISO code from the list, as a
 * user does with the mouse.
 */
export async function chooseCountry(page: Page, typed: string, code: string): Promise<void> {
  const box = page.getByRole('combobox', { name: /^(Country|Pays)$/ });
  await box.fill(typed);
  await page.locator(`[role=option][id$="-option-${code}"]`).click();
  await expect(box).not.toHaveAttribute('aria-expanded', 'true');
}

/** The fieldset of one question, found by its visible id. */
export function question(page: Page, id: string) {
  return page.locator(`fieldset[data-question="${id}"]`);
}

/** Opens a question's "Add evidence or a note" fold, where evidence, comment and flag are. */
export async function openNotes(card: Locator): Promise<void> {
  const fold = card.locator('details');
  if ((await fold.getAttribute('open')) === null) await fold.locator('summary').click();
  await expect(fold).toHaveAttribute('open', '');
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

/**
 * Adds groups on an assessment's workshop panel (the assessment screen must be open), as a
 * facilitator does: a name when given (else the kind's own), the kind, "Add group". Returns the
 * panel, for saving or for more settings.
 */
export async function addGroups(
  page: Page,
  groups: readonly { kind: string; name?: string }[]
): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Workshop groups' });
  for (const group of groups) {
    if (group.name) await panel.getByLabel('Name of the new group').fill(group.name);
    await panel.getByLabel('Kind of the new group').selectOption(group.kind);
    await panel.getByRole('button', { name: 'Add group' }).click();
  }
  return panel;
}
