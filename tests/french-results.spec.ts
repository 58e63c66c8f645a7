import { readFileSync } from 'node:fs';
import { expect, test } from './support/test';
import { chooseFrench, createAssessment, expectSaved, question } from './support/app';
import { expectAccessible } from './support/browser';

// docs/languages.md: in French the results screen, its charts and the method page read in
// French, with French numbers ("56,3", "10,0 %") and dates; the CSV stays in machine format.

const nbsp = '\u00a0';

test('in French, the results and the method page show French words, numbers and chart labels', async ({
  page
}) => {
  // The same answers as the results spec, so the same hand-worked figures.
  const id = await createAssessment(page, {
    country: 'Seychelles',
    countryCode: 'SC',
    questionnaires: [/Privacy and data protection/]
  });
  await question(page, 'law-in-force')
    .getByRole('radio', { name: /^4 Strategic/ })
    .check();
  await question(page, 'principles')
    .getByRole('radio', { name: /^2 Formative/ })
    .check();
  await question(page, 'public-private-scope')
    .getByRole('radio', { name: /^3 Established/ })
    .check();
  await question(page, 'sensitive-data').getByRole('radio', { name: "Don't know" }).check();
  await expectSaved(page);

  await page.goto('/');
  await chooseFrench(page);

  await page.goto(`/#/assessments/${id}/results`);
  await expect(page.getByRole('heading', { level: 1, name: 'Résultats' })).toBeVisible();
  await expect(page).toHaveTitle(/^Résultats · /);
  // The assessment's date in French words, e.g. "6 décembre 2026".
  await expect(page.getByText(/Seychelles, \d{1,2} [a-zéû]+ \d{4}\./)).toBeVisible();

  // Score (2·0.75 + 0.25 + 0.5) / 4 = 56.25 → 56,3; coverage 3 of 30 → 10,0 %.
  const overall = page.locator('[data-scope="overall"]');
  await expect(overall.getByRole('heading', { name: 'Score global' })).toBeVisible();
  await expect(overall.getByTestId('score')).toHaveText('56,3');
  await expect(overall.getByTestId('coverage')).toHaveText(`10,0${nbsp}%`);
  // Provisional, so no stage is claimed (rule 6 as amended): 3 scored of 30.
  await expect(overall.getByTestId('stage')).toHaveText('pas encore assez de réponses (3 sur 30)');
  await expect(overall.getByTestId('based-on')).toHaveText('sur la base de 3 questions sur 30');
  await expect(overall.getByTestId('target-score')).toHaveText('62,5');
  await expect(overall.getByTestId('gap')).toHaveText('6,3 points');
  await expect(overall.getByText('Provisoire', { exact: true })).toBeVisible();
  await expect(overall.getByText('Équivaut au niveau 3,3 sur 5')).toBeVisible();

  // The charts: French headings, accessible names and the table of numbers behind them.
  await expect(
    page.getByRole('heading', { name: 'Où nous en sommes et où nous voulons aller' })
  ).toBeVisible();
  await expect(page.getByLabel('Radar à afficher')).toBeVisible();
  // One questionnaire: a radar of one axis says nothing, so bars.
  const radar = page.getByRole('img', {
    name: /^Graphique en barres : score actuel et score cible/
  });
  await expect(radar.locator('canvas')).toHaveAttribute('data-drawn', 'true');
  const radarTable = page.locator('figure.chart').first().getByRole('table');
  await expect(radarTable.getByRole('columnheader')).toHaveText(['', 'Actuel', 'Cible']);
  await expect(radarTable.getByRole('row').nth(1).getByRole('cell')).toHaveText(['56,3', '62,5']);
  await expect(page.getByText('Chiffres du graphique').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Écarts à la cible par section' })).toBeVisible();
  const bars = page.getByRole('img', { name: /^Graphique en barres : écart à la cible en points/ });
  await expect(bars.locator('canvas')).toHaveAttribute('data-drawn', 'true');
  const barTable = page.locator('figure.chart').nth(1).getByRole('table');
  await expect(barTable.getByRole('columnheader').nth(1)).toHaveText('Écart à la cible (points)');
  await expect(barTable.getByRole('row').nth(1).getByRole('cell')).toHaveText(['6,3']);

  // The gap list and the section tables.
  await expect(page.getByRole('heading', { name: 'Par où commencer' })).toBeVisible();
  const gaps = page.getByTestId('gap-list');
  await expect(gaps.getByRole('columnheader', { name: 'Priorité' })).toBeVisible();
  await expect(gaps).toContainText('2 Formatif');
  await expect(gaps).toContainText('3 Établi');
  await expect(page.getByRole('heading', { name: 'Informations manquantes' })).toBeVisible();
  const sections = page.getByTestId('sections-privacy-data-protection');
  await expect(sections.getByRole('columnheader', { name: 'Avancement' })).toBeVisible();
  await expect(sections.getByRole('columnheader', { name: 'Couverture' })).toBeVisible();

  await expectAccessible(page, 'results in French');

  // The CSV is for machines: English stage labels and decimal points whatever the language.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter les résultats (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[1]!.split(',').slice(6, 10)).toEqual(['56.3', '62.5', '6.3', '']);

  // The method page, its worked example in French with French numbers.
  await page.goto('/#/method');
  await expect(
    page.getByRole('heading', { level: 1, name: 'À propos de la méthode' })
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Des réponses aux scores' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Un exemple détaillé' })).toBeVisible();
  const steps = page.locator('ul.steps');
  await expect(steps).toContainText('Cadre juridique');
  await expect(steps).toContainText('(2 × 0,50 + 1 × 0,75) ÷ 3 = 0,583');
  await expect(steps.getByText('58,3', { exact: true })).toBeVisible();
  // The legal section is provisional (2 of 3 covered), so it claims no stage.
  await expect(steps.getByText('pas encore assez de réponses (2 sur 3)')).toBeVisible();
  // The authority section and the questionnaire are not provisional: both Formatif.
  await expect(steps.getByText('Formatif', { exact: true })).toHaveCount(2);
  await expect(page.getByRole('table').getByRole('columnheader')).toHaveText([
    'Question',
    'Section',
    'Pondération',
    'Réponse',
    'Score de la question'
  ]);

  await expectAccessible(page, 'method page in French');

  // And the questionnaire list.
  await page.goto('/#/questionnaires');
  await expect(page.getByRole('columnheader', { name: 'Origine' })).toBeVisible();
  await expect(page.getByText('Fourni avec l’application').first()).toBeVisible();
});
