import { expect, test } from './support/test';
import { createAssessment } from './support/app';
import { expectAccessible } from './support/browser';

test('a desk review becomes a workshop: groups added, renamed, reordered, saved and kept', async ({
  page
}) => {
  const id = await createAssessment(page, {
    country: 'Vanuatu',
    countryCode: 'VU',
    title: 'Vanuatu workshop 2026',
    questionnaires: [/Privacy and data protection/]
  });
  await page.goto(`/#/assessments/${id}`);
  const panel = page.getByRole('region', { name: 'Workshop groups' });
  await expect(panel.getByTestId('no-groups')).toBeVisible();

  // One group is not a workshop yet: the panel says what to do and does not save.
  await panel.getByLabel('Kind of the new group').selectOption('government');
  await panel.getByRole('button', { name: 'Add group' }).click();
  await expect(panel.getByTestId('group-problems')).toContainText('at least two groups');
  await expect(panel.getByRole('button', { name: 'Save groups' })).toBeDisabled();

  await panel.getByLabel('Name of the new group').fill('University of the South Pacific');
  await panel.getByLabel('Kind of the new group').selectOption('academia');
  await panel.getByRole('button', { name: 'Add group' }).click();
  await panel.getByLabel('Kind of the new group').selectOption('international-partner');
  await panel.getByRole('button', { name: 'Add group' }).click();

  const rows = panel.getByTestId('groups').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // The international partner watches by default.
  await expect(rows.nth(2).getByRole('checkbox', { name: 'Observer' })).toBeChecked();
  await rows.nth(0).getByRole('textbox', { name: 'Name', exact: true }).fill('Ministry of ICT');
  await panel.getByRole('button', { name: 'Move University of the South Pacific up' }).click();
  await panel.getByLabel('Show groups anonymised').check();
  await expectAccessible(page, 'groups panel with unsaved changes');
  await panel.getByRole('button', { name: 'Save groups' }).click();
  await expect(page.getByText('Groups saved.')).toBeVisible();

  await page.reload();
  const names = page
    .getByRole('region', { name: 'Workshop groups' })
    .getByRole('textbox', { name: 'Name', exact: true });
  await expect(names).toHaveCount(3);
  await expect(names.nth(0)).toHaveValue('University of the South Pacific');
  await expect(names.nth(1)).toHaveValue('Ministry of ICT');
  await expect(page.getByLabel('Show groups anonymised')).toBeChecked();
});
