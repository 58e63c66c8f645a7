import { expectAccessible } from './support/browser';
import { expect, test } from './support/test';
import { chooseCountry, chooseFrench, openNotes } from './support/app';

// docs/languages.md: the interface language is the user's choice, then the browser's, then
// English; choosing reloads the page in the new language, and the choice survives a reload.

test('choosing French shows the app in French, and it stays French after a reload', async ({
  page
}) => {
  await page.goto('/');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Assessments' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const languages = page.getByRole('group', { name: 'Language' });
  await expect(languages.getByRole('button', { name: 'English' })).toHaveAttribute(
    'aria-pressed',
    'true'
  );
  await languages.getByRole('button', { name: 'Français' }).click();

  await expect(nav.getByRole('link', { name: 'Évaluations' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'À propos de la méthode' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const langues = page.getByRole('group', { name: 'Langue' });
  await expect(langues.getByRole('button', { name: 'Français' })).toHaveAttribute(
    'aria-pressed',
    'true'
  );

  await page.reload();
  await expect(nav.getByRole('link', { name: 'Évaluations' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // And back: English again, after a reload too.
  await langues.getByRole('button', { name: 'English' }).click();
  await expect(nav.getByRole('link', { name: 'Assessments' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('a browser that prefers French', () => {
  test.use({ locale: 'fr-FR' });

  test('opens in French until the user chooses another language', async ({ page }) => {
    await page.goto('/');
    await expect(
      page.getByRole('navigation').getByRole('link', { name: 'Évaluations' })
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

    await page
      .getByRole('group', { name: 'Langue' })
      .getByRole('button', { name: 'English' })
      .click();
    await expect(
      page.getByRole('navigation').getByRole('link', { name: 'Assessments' })
    ).toBeVisible();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test('in French: create an assessment, answer by keyboard, and switch language without losing an answer', async ({
  page
}) => {
  await page.goto('/');
  await chooseFrench(page);
  await expect(page.getByRole('heading', { name: 'Évaluations', exact: true })).toBeVisible();

  await page.goto('/#/assessments/new');
  await expect(page.getByRole('heading', { name: 'Nouvelle évaluation' })).toBeVisible();
  await expectAccessible(page, 'new assessment, in French');
  await chooseCountry(page, 'Cameroun', 'CM');
  await expect(page.getByRole('combobox', { name: 'Pays' })).toHaveValue('Cameroun');
  await expect(page.getByLabel('Titre', { exact: true })).toHaveValue(
    `Auto-évaluation Cameroun ${new Date().getFullYear()}`
  );
  await page.getByRole('checkbox', { name: /Privacy and data protection/ }).check();
  await page.getByRole('button', { name: 'Créer et commencer à répondre' }).click();
  await expect(page.getByTestId('save-status')).toBeVisible();

  // Keyboard: focus the first question's options, pick level 3 with the digit key.
  const first = page.locator('fieldset.question').first();
  await first.getByRole('radio').first().focus();
  await page.keyboard.press('3');
  await expect(first.getByRole('radio', { name: /^3 / })).toBeChecked();
  await expect(page.getByTestId('save-status')).toContainText(
    'Toutes les modifications sont enregistrées'
  );
  await expect(first.getByRole('radio', { name: 'Je ne sais pas' })).toBeVisible();
  await expectAccessible(page, 'answer screen, in French');

  // A comment still waiting for the typing pause is written before the language changes.
  await openNotes(first);
  await first.getByLabel('Commentaire').fill('Loi de 2024 en vigueur');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const again = page.locator('fieldset.question').first();
  await expect(again.getByLabel('Comment', { exact: true })).toHaveValue('Loi de 2024 en vigueur');
  await expect(again.getByRole('radio', { name: /^3 / })).toBeChecked();
  await expect(page.getByTestId('save-status')).toContainText('All changes saved');
});
