import { expect, test } from './support/test';
import { expectAccessible } from './support/browser';
import { chooseFrench } from './support/app';

// docs/languages.md, "Questionnaire translations": the questionnaire screens show questionnaire
// text in the interface language; a string without a translation stays English, marked.
const MINI = new URL('../src/lib/io/fixtures/mini-second.yaml', import.meta.url).pathname;

test('questionnaires read in French, and one without a translation is marked as English', async ({
  page
}) => {
  await page.goto('/');
  await chooseFrench(page);

  // A questionnaire of the ministry's own, which has no French translation.
  await page.goto('/#/data');
  const custom = page.getByRole('region', { name: 'Questionnaires personnalisés' });
  await custom.locator('input[type="file"]').setInputFiles(MINI);
  await expect(custom.getByRole('link', { name: 'Mini online extremism' })).toBeVisible();

  await page.goto('/#/questionnaires');
  const privacyRow = page.getByRole('row').filter({ hasText: 'Protection de la vie privée' });
  await expect(
    privacyRow.getByRole('link', { name: 'Protection de la vie privée et des données' })
  ).toBeVisible();
  await expect(privacyRow.getByText('en anglais', { exact: true })).toHaveCount(0);
  const miniRow = page.getByRole('row').filter({ hasText: 'Mini online extremism' });
  await expect(miniRow.getByText('en anglais', { exact: true })).toBeVisible();
  await expect(
    miniRow.getByRole('link', {
      name: 'Mini online extremism (pas encore traduit, affiché en anglais)'
    })
  ).toBeVisible();
  await expect(miniRow.locator('[lang="en"]')).toHaveText('Mini online extremism');

  // A built-in questionnaire's page: all French, nothing marked.
  await privacyRow.getByRole('link').click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Protection de la vie privée et des données' })
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Loi sur la protection des données' })
  ).toBeVisible();
  await expect(page.locator('[data-untranslated]')).toHaveCount(0);
  await expect(page.locator('main [lang="en"]')).toHaveCount(0);

  // The ministry's own questionnaire: its English text, each string marked, the rest French.
  await page.goto('/#/questionnaires');
  await miniRow.getByRole('link').click();
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText(/Mini online extremism\s+en anglais/);
  await expect(title.locator('[lang="en"]')).toHaveText('Mini online extremism');
  await expect(page.getByRole('heading', { level: 2, name: 'Échelle' })).toBeVisible();
  // The scale's stage names come from the glossary, the descriptions stay English and marked.
  await expect(page.getByText('Nothing in place yet.')).toHaveAttribute('lang', 'en');
  await expect(
    page
      .getByRole('heading', { level: 2, name: /^Response/ })
      .getByText('en anglais', { exact: true })
  ).toBeVisible();
  await expectAccessible(page, 'a questionnaire without a translation, in French');
});
