import { expect, test } from './support/test';
import { chooseFrench } from './support/app';
import { execFileSync } from 'node:child_process';
import { builtinQuestionnaires, commonwealthFixture, seed } from './support/fixtures';

// docs/languages.md: in French the compare screen and the comparison report it makes are
// entirely French — headings, table headers, region names, decimal commas, dates in words and
// the file-name word — while the figures stay those of the English screen.

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const MONTHS =
  'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';

test('in French, the comparison and its PDF report read in French with French numbers', async ({
  page
}) => {
  await page.goto(`${BASE}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Assessments' })).toBeVisible();
  await seed(page, commonwealthFixture(builtinQuestionnaires()));

  await chooseFrench(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Comparer' }).click();

  // The screen: French headings, labels and column headers, regions in French.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Comparer des évaluations' })
  ).toBeVisible();
  const heat = page.getByTestId('heat-map');
  await expect(heat).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Carte thermique' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Chiffres régionaux' })).toBeVisible();
  await expect(page.getByLabel('Région du Commonwealth')).toBeVisible();
  await expect(page.getByLabel('Afficher les rangs')).toBeVisible();
  await expect(heat.getByRole('columnheader', { name: 'Pays' })).toBeVisible();
  await expect(heat.getByRole('columnheader', { name: 'Global' })).toBeVisible();
  await expect(page.getByTestId('regional-figures')).toContainText('Afrique');
  await expect(page.getByTestId('selection-summary')).toContainText(/\d+ évaluations, de \d+ pays/);
  await expect(
    page.getByRole('status').filter({ hasText: /^Lignes 1 à \d+ sur \d+$/ })
  ).toBeVisible();

  // The first row as the screen shows it: a decimal comma, never a point.
  const first = await heat
    .locator('tbody tr')
    .first()
    .evaluate((tr) => ({
      country: tr.querySelector('th a')!.textContent!.trim(),
      date: tr.querySelector('td.date')!.textContent!.trim(),
      score: (tr.querySelector('td.heat .value') as HTMLElement).innerText.trim()
    }));
  expect(first.score).toMatch(/^\d{1,3},\d$/);

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Rapport de comparaison (PDF)' }).click()
  ]);
  expect(download.suggestedFilename()).toMatch(/^comparaison_\d{4}-\d{2}-\d{2}_RED\.pdf$/);
  const file = (await download.path())!;
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8'
  });
  const flat = text.replace(/\s+/g, ' ');

  // French headings, table headers, footer, page numbers and dates.
  for (const heading of [
    'Comment la comparaison est établie',
    'Évaluations incluses',
    'Carte thermique',
    'Radar superposé',
    'Chiffres par questionnaire',
    'Chiffres régionaux'
  ]) {
    expect(flat, heading).toContain(heading);
  }
  expect(flat).toMatch(/Comparaison de \d+ évaluations/);
  expect(flat).toContain('Pays Région Date Évaluation Classification');
  expect(flat).toMatch(/Région N Pris en compte Moyenne Médiane Minimum Maximum/);
  expect(flat).toContain('Afrique');
  expect(flat).toMatch(/Page 1 sur \d+/);
  expect(flat).toMatch(new RegExp(`Rapport établi le \\d{1,2} (${MONTHS}) \\d{4}`));
  expect(flat).toContain('TLP:RED');
  // The screen's first row, with the same French number.
  expect(flat).toContain(`${first.country} ${first.date} ${first.score}`);
  // No English heading or footer slipped through.
  for (const english of ['Heat map', 'Regional figures', 'Report made', 'Page 1 of']) {
    expect(flat, english).not.toContain(english);
  }
});
