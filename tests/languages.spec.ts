import { expect, test } from './support/test';

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
