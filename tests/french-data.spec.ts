import { chooseFrench, createAssessment } from './support/app';
import { expect, test } from './support/test';

// docs/languages.md: the Data screen and the problems an import finds read in French, with the
// file, row and column named; the file's own words (column names, values) stay as written.

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

test('the Data screen reads in French, and a bad CSV row is named in French', async ({ page }) => {
  await createAssessment(page, {
    country: 'Kenya',
    countryCode: 'KE',
    title: 'Kenya 2026',
    questionnaires: [/national cybersecurity strategy/]
  });
  await chooseFrench(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Données' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Données' })).toBeVisible();
  await expect(page).toHaveTitle('Données · Auto-évaluation SNC');
  for (const heading of [
    'Sauvegarde et restauration',
    'Réponses dans un tableur (CSV)',
    'Lots d’évaluations',
    'Questionnaires personnalisés',
    'Stockage dans ce navigateur',
    'Supprimer toutes les données'
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(
    page.getByRole('button', { name: 'Télécharger une sauvegarde complète' })
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Supprimer toutes les données de ce navigateur…' })
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Télécharger le modèle de réponses' })
  ).toBeVisible();

  const csv = page.getByRole('region', { name: 'Réponses dans un tableur (CSV)' });
  const into = csv.getByLabel('Importer les réponses dans');
  const kenya = await into.locator('option', { hasText: 'Kenya 2026' }).getAttribute('value');
  await into.selectOption(kenya!);
  await csv.getByLabel('Fichier de réponses (CSV)').setInputFiles(fixture('broken-answers.csv'));
  await expect(csv.getByLabel('Séparateur', { exact: true })).toHaveValue(',');
  await expect(csv.getByText('Encodage : UTF-8')).toBeVisible();
  await csv.getByRole('button', { name: 'Vérifier le fichier' }).click();

  const problems = csv.getByRole('region', { name: /problèmes trouvés — rien n’a été importé/ });
  await expect(problems.getByRole('heading')).toContainText(
    /problèmes trouvés — rien n’a été importé/
  );
  const headers = problems.getByRole('columnheader');
  await expect(headers).toHaveText(['Fichier', 'Ligne', 'Emplacement', 'Problème et correction']);
  // Row 4 holds level 7, outside the scale: the row, the column and the value are named.
  const row = problems.getByRole('row').filter({ hasText: 'hors de l’échelle' });
  await expect(row.getByRole('cell')).toHaveText([
    'broken-answers.csv',
    '4',
    'level',
    // French spacing: a no-break space before the colon and inside the guillemets; the questionnaire
    // is named by its French title, as the user reads it.
    'le niveau «\u00a07\u00a0» est hors de l’échelle de «\u00a0La stratégie nationale de cybersécurité\u00a0» (1 à 5)\u00a0: ' +
      'écrivez 1, 2, 3, 4, 5 ou un libellé (Start-up, Formative, Established, Strategic, Dynamic)'
  ]);
});

test('a damaged bundle and a questionnaire with mistakes are explained in French', async ({
  page
}) => {
  await page.goto('/');
  await chooseFrench(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Données' }).click();

  // A bundle whose checksum no longer matches: the file is named, the sentence is French.
  const bundles = page.getByRole('region', { name: 'Lots d’évaluations' });
  await bundles.locator('input[type="file"]').setInputFiles({
    name: 'kenya.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{"format":"ncs-assessment-bundle","formatVersion":2,"appVersion":"0.1.0",' +
        '"exportedAt":"2026-12-01T00:00:00.000Z","content":{"sanitised":false,' +
        '"assessments":[],"questionnaires":[]},"sha256":"' +
        '0'.repeat(64) +
        '"}'
    )
  });
  const damaged = bundles.getByRole('region', { name: 'Problèmes trouvés — rien n’a été importé' });
  await expect(damaged.getByRole('row').filter({ hasText: 'kenya.json' })).toContainText(
    'le fichier est endommagé\u00a0: sa somme de contrôle ne correspond pas à son contenu'
  );

  // A questionnaire file with a missing level description: the path stays, the advice is French.
  const custom = page.getByRole('region', { name: 'Questionnaires personnalisés' });
  await custom.locator('input[type="file"]').setInputFiles(fixture('typo-questionnaire.yaml'));
  const problems = custom.getByRole('region', {
    name: 'Problèmes trouvés — le questionnaire n’a pas été importé'
  });
  await expect(
    problems.getByRole('row').filter({ hasText: 'sections[0].questions[0].levels.2' })
  ).toContainText('décrivez le niveau 2');
  await expect(
    problems.getByRole('row').filter({ hasText: 'sections[0].questions[1]' })
  ).toContainText('contient des clés que ce format ne connaît pas (wieght)');
});
