import { expect, test } from './support/test';
import { expectAccessible, launchProfile, newProfileDir } from './support/browser';
import { createAssessment, expectSaved, question, chooseCountry, openNotes } from './support/app';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

test('answers survive closing and relaunching the browser; a final assessment is read-only', async () => {
  const profile = newProfileDir();
  let context = await launchProfile(profile);
  let page = await context.newPage();
  await page.goto(`${BASE}/`);
  await expect(
    page.getByRole('heading', { name: 'No assessments in this browser yet' })
  ).toBeVisible();

  await createAssessment(page, {
    country: 'Kenya',
    countryCode: 'KE',
    questionnaires: [/Privacy and data protection/]
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Data protection law' })).toBeVisible();

  // By mouse: level 3 on the first question, "don't know" on the second.
  const law = question(page, 'law-in-force');
  await law.getByRole('radio', { name: /^3 Established/ }).check();
  await expectSaved(page);
  await question(page, 'principles').getByRole('radio', { name: "Don't know" }).check();
  await openNotes(law);
  await law
    .getByLabel('Comment', { exact: true })
    .fill('Data Protection Act 2019 in force; regulations made in 2021.');
  await law.getByLabel('Evidence', { exact: true }).fill('Gazette notice');
  await expectSaved(page);

  // By keyboard: focus the first question, j moves down, a digit picks the level.
  await law.getByRole('radio', { name: /^3 Established/ }).focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('4');
  await expectSaved(page);
  const third = page.locator('fieldset.question').nth(2);
  await expect(third.getByRole('radio', { name: /^4 Strategic/ })).toBeChecked();
  await page.keyboard.press('k');
  await page.keyboard.press('2');
  await expect(
    question(page, 'principles').getByRole('radio', { name: /^2 Formative/ })
  ).toBeChecked();
  await expectSaved(page);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toContainText('3/8');

  await context.close();

  // Relaunch on the same profile: everything is where it was left.
  context = await launchProfile(profile);
  page = await context.newPage();
  await page.goto(`${BASE}/`);
  await expect(
    page.getByRole('link', { name: 'Kenya self-assessment' + ' ' + new Date().getFullYear() })
  ).toBeVisible();
  await page.getByRole('link', { name: /Kenya self-assessment/ }).click();
  await page.getByRole('link', { name: 'Continue answering' }).click();
  const lawAgain = question(page, 'law-in-force');
  await expect(lawAgain.getByRole('radio', { name: /^3 Established/ })).toBeChecked();
  await expect(lawAgain.getByLabel('Comment', { exact: true })).toHaveValue(
    'Data Protection Act 2019 in force; regulations made in 2021.'
  );
  await expect(lawAgain.getByLabel('Evidence', { exact: true })).toHaveValue('Gazette notice');
  await expect(
    question(page, 'principles').getByRole('radio', { name: /^2 Formative/ })
  ).toBeChecked();
  await expect(
    page
      .locator('fieldset.question')
      .nth(2)
      .getByRole('radio', { name: /^4 Strategic/ })
  ).toBeChecked();

  // Finalise: the answer screen becomes read-only.
  await page
    .getByRole('link', { name: /Kenya self-assessment/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Finalise…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Finalise' }).click();
  await expect(page.getByText('This assessment is final and read-only.')).toBeVisible();
  await page.getByRole('link', { name: 'View answers' }).click();
  await expect(page.getByTestId('save-status')).toContainText('Read-only');
  await expect(
    question(page, 'law-in-force').getByRole('radio', { name: /^1 Start-up/ })
  ).toBeDisabled();
  await expect(
    question(page, 'law-in-force').getByLabel('Comment', { exact: true })
  ).toBeDisabled();
  await context.close();
});

test('every screen passes the accessibility scan', async ({ page }) => {
  await page.goto('/');
  await expectAccessible(page, 'empty dashboard');
  await page.goto('/#/assessments/new');
  await expect(page.getByRole('heading', { name: 'New assessment' })).toBeVisible();
  await expectAccessible(page, 'new assessment');
  const id = await createAssessment(page, {
    country: 'Fiji',
    countryCode: 'FJ',
    questionnaires: [/Cyber standards/, /national cybersecurity strategy/]
  });
  await question(page, 'standards-policy').getByRole('radio').first().check();
  await expectSaved(page);
  await expectAccessible(page, 'answer screen');
  await page.goto(`/#/assessments/${id}`);
  await expect(page.getByRole('heading', { name: 'Details' })).toBeVisible();
  await expectAccessible(page, 'assessment page');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Fiji' })).toBeVisible();
  await expectAccessible(page, 'dashboard');
  for (const [path, heading] of [
    ['/#/questionnaires', 'Questionnaires'],
    ['/#/method', 'About the method'],
    [`/#/assessments/${id}/results`, 'Results']
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page, path);
  }
});

test('starting from a previous assessment copies its answers to confirm', async ({ page }) => {
  await createAssessment(page, {
    country: 'Rwanda',
    countryCode: 'RW',
    title: 'Rwanda 2025',
    questionnaires: [/Privacy and data protection/]
  });
  await question(page, 'law-in-force')
    .getByRole('radio', { name: /^3 Established/ })
    .check();
  await openNotes(question(page, 'law-in-force'));
  await question(page, 'law-in-force')
    .getByLabel('Comment', { exact: true })
    .fill('Law No 058/2021');
  await question(page, 'principles')
    .getByRole('radio', { name: /^2 Formative/ })
    .check();
  await expectSaved(page);

  await page.goto('/#/assessments/new');
  await chooseCountry(page, 'Rwanda', 'RW');
  const previous = page.getByLabel('Start from a previous assessment');
  const label = await previous.locator('option', { hasText: 'Rwanda 2025' }).textContent();
  await previous.selectOption({ label: label!.trim() });
  await expect(page.getByRole('checkbox', { name: /Privacy and data protection/ })).toBeChecked();
  await page.getByLabel('Title', { exact: true }).fill('Rwanda 2026');
  await page.getByRole('button', { name: 'Create and start answering' }).click();

  await expect(page.getByTestId('to-confirm')).toContainText('2 answers carried over');
  const law = question(page, 'law-in-force');
  await expect(law.getByRole('radio', { name: /^3 Established/ })).toBeChecked();
  await expect(law.getByLabel('Comment', { exact: true })).toHaveValue('Law No 058/2021');
  await expect(law.getByText('to confirm')).toBeVisible();
  await law.getByRole('button', { name: /^Confirm/ }).click();
  await expect(page.getByTestId('to-confirm')).toContainText('1 answer carried over');
  await question(page, 'principles')
    .getByRole('radio', { name: /^3 Established/ })
    .check();
  await expect(page.getByTestId('to-confirm')).toHaveCount(0);
  await expectSaved(page);
  await page.reload();
  await expect(
    question(page, 'principles').getByRole('radio', { name: /^3 Established/ })
  ).toBeChecked();
  await expect(page.getByTestId('to-confirm')).toHaveCount(0);

  // The earlier assessment is untouched.
  await page.goto('/');
  await page.getByRole('link', { name: 'Rwanda 2025' }).click();
  await page.getByRole('link', { name: 'Continue answering' }).click();
  await expect(
    question(page, 'principles').getByRole('radio', { name: /^2 Formative/ })
  ).toBeChecked();
});
