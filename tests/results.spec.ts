import { expect, test } from './support/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAssessment, expectSaved, question } from './support/app';

test('the results screen shows the hand-worked numbers, and its CSV equals the command line', async ({
  page
}) => {
  const id = await createAssessment(page, {
    country: 'Seychelles',
    countryCode: 'SC',
    questionnaires: [/Privacy and data protection/]
  });
  // Section "data-protection-law" (weight 1), answered completely:
  await question(page, 'law-in-force')
    .getByRole('radio', { name: /^4 Strategic/ })
    .check(); // weight 2 → 0.75
  await question(page, 'principles')
    .getByRole('radio', { name: /^2 Formative/ })
    .check(); // 0.25
  await question(page, 'public-private-scope')
    .getByRole('radio', { name: /^3 Established/ })
    .check(); // 0.5
  await question(page, 'sensitive-data').getByRole('radio', { name: "Don't know" }).check();
  await question(page, 'enforcement-provisions')
    .getByRole('radio', { name: 'Cannot disclose' })
    .check();
  await question(page, 'convention-108-status')
    .getByRole('radio', { name: 'In force for the country', exact: true })
    .check(); // context
  await expectSaved(page);

  await page.goto(`/#/assessments/${id}/results`);
  const overall = page.locator('[data-scope="overall"]');
  // Score: (2·0.75 + 0.25 + 0.5) / (2 + 1 + 1) = 0.5625 → 56.25 → shown 56.3 (half away from zero).
  await expect(overall.getByTestId('score')).toHaveText('56.3');
  // Only one section has a score, so questionnaire = section = overall.
  await expect(page.locator('[data-scope="questionnaire"]').getByTestId('score')).toHaveText(
    '56.3'
  );
  // Provisional: coverage 3 scored / 30 scorable = 10.0% < 70%.
  await expect(overall.getByText('Provisional', { exact: true })).toBeVisible();
  await expect(overall.getByTestId('coverage')).toHaveText('10.0%');
  // Completion: 6 answered (the context question and "don't know"/"cannot disclose" count) of 33 = 18.18% → 18.2%.
  await expect(overall.getByTestId('completion')).toHaveText('18.2%');
  // Stage: the gate would give Formative (level ≥ 3 holds (2 + 1)/4 = 75% < 80%), but the score
  // is provisional, so no stage is claimed (rule 6 as amended): 3 scored of 30 that could count.
  await expect(overall.getByTestId('stage')).toHaveText('not enough answers yet (3 of 30)');
  await expect(overall.getByTestId('based-on')).toHaveText('based on 3 of 30 questions');
  // Target 3 (default): (2·0.75 + 0.5 + 0.5) / 4 = 0.625 → 62.5; gap 0.0625 → 6.25 → 6.3.
  await expect(overall.getByTestId('target-score')).toHaveText('62.5');
  await expect(overall.getByTestId('gap')).toHaveText('6.3 points');
  // Gap list: principles (gap 1 level, priority 0.25) before nothing else: law-in-force is above target.
  const gaps = page.getByTestId('gap-list');
  await expect(gaps.locator('tbody tr')).toHaveCount(1);
  await expect(gaps).toContainText('2 Formative');
  // Evidence gaps: the "don't know" question plus the 25 unanswered scorable questions.
  await expect(page.getByTestId('evidence-gaps').locator('li')).toHaveCount(26);

  const answersDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export answers (CSV)' }).click();
  const answersPath = await (await answersDownload).path();
  const resultsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export results (CSV)' }).click();
  const resultsFile = await resultsDownload;
  expect(resultsFile.suggestedFilename()).toMatch(
    /^Seychelles_\d{4}-\d{2}-\d{2}_AMBER_results\.csv$/
  );
  const appCsv = readFileSync(await resultsFile.path(), 'utf8');

  const questionnaires = readdirSync('questionnaires')
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => ['--questionnaire', join('questionnaires', f)]);
  const cliCsv = execFileSync(
    'node_modules/.bin/tsx',
    ['scripts/score.ts', ...questionnaires, '--answers', answersPath],
    {
      encoding: 'utf8'
    }
  );
  expect(cliCsv.split('\r\n')).toEqual(appCsv.split('\r\n'));
  const overallRow = appCsv.split('\r\n')[1]!.split(',');
  expect(overallRow.slice(3)).toEqual([
    'overall',
    '',
    '',
    '56.3',
    '62.5',
    '6.3',
    '',
    '18.2',
    '10.0',
    'yes',
    // The second-edition columns: no questionnaire or section title on the overall row, and
    // the assessment's scope.
    '',
    '',
    'full'
  ]);
});
