import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { execFileSync } from 'node:child_process';
import { expectAccessible } from './support/browser';
import { chooseCountry, expectSaved, question } from './support/app';

// A second-edition questionnaire: a capped core question (takedown, at most 2 until oversight
// reaches 3 and appeal is yes), two other core questions, a core choice question, and questions
// outside the core set (docs/scoring.md, rules 11 and 12).
const MINI = new URL('../src/lib/io/fixtures/mini-second.yaml', import.meta.url).pathname;

async function importMini(page: Page): Promise<void> {
  await page.goto('/#/data');
  const custom = page.getByRole('region', { name: 'Custom questionnaires' });
  await custom.getByLabel('Questionnaire file (YAML or JSON)').setInputFiles(MINI);
  await expect(custom.getByText('Stored “Mini online extremism” version 2.0.0.')).toBeVisible();
}

/** Creates a Kenyan core assessment of the mini questionnaire; returns its id. */
async function createCore(page: Page): Promise<string> {
  await page.goto('/#/assessments/new');
  await chooseCountry(page, 'Kenya', 'KE');
  await page.getByRole('checkbox', { name: /Mini online extremism/ }).check();
  await page.getByRole('radio', { name: /^Core set/ }).check();
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  const id = /#\/assessments\/([^/]+)\/answer/.exec(page.url())?.[1];
  expect(id, 'the app opened the answer screen of the new assessment').toBeTruthy();
  return id!;
}

function pdfText(file: string): string {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8'
  });
  return text.replace(/\s+/g, ' ');
}

test('a core assessment: created, answered with a capped level, reported, then widened', async ({
  page
}, testInfo) => {
  test.setTimeout(150_000);
  await importMini(page);
  const id = await createCore(page);

  // Only the core questions are shown: the response section's three, not the others.
  await page.goto(`/#/assessments/${id}/answer/mini-second/response`);
  await expect(question(page, 'takedown')).toBeVisible();
  await expect(question(page, 'oversight')).toBeVisible();
  await expect(page.getByRole('link', { name: /Research/ })).toHaveCount(0);

  // Takedown 4 while oversight is 2: counted as Formative until oversight reaches Established.
  await question(page, 'takedown')
    .getByRole('radio', { name: /^4 Strategic/ })
    .check();
  await question(page, 'oversight')
    .getByRole('radio', { name: /^2 Formative/ })
    .check();
  await question(page, 'appeal').getByRole('radio', { name: /Yes/ }).check();
  await expectSaved(page);
  const notice = question(page, 'takedown').locator('.cap-notice');
  await expect(notice).toHaveText(
    /Counted as Formative:\s+capped until\s+Independent oversight\s+reaches Established/
  );
  // The chosen level stays chosen.
  await expect(
    question(page, 'takedown').getByRole('radio', { name: /^4 Strategic/ })
  ).toBeChecked();
  await expectAccessible(page, 'core answer screen with a cap notice');

  // The cooperation section holds its core choice question only.
  await page.goto(`/#/assessments/${id}/answer/mini-second/cooperation`);
  await question(page, 'christchurch-call')
    .getByRole('radio', { name: 'Listed supporter', exact: true })
    .check();
  await expectSaved(page);
  await expect(question(page, 'industry-forum')).toHaveCount(0);

  // Results over the core set: takedown counted 2 → 0.25, oversight 2 → 0.25, appeal yes → 1:
  // (0.25 + 0.25 + 1) / 3 = 50.0.
  await page.goto(`/#/assessments/${id}/results`);
  const overall = page.locator(
    '[data-testid="score-card"][data-scope="overall"] [data-testid="score"]'
  );
  await expect(overall).toHaveText('50.0');

  // The country report says the same, with the cap and the context fact.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Country report (PDF)' }).click()
  ]);
  const file = testInfo.outputPath('core-report.pdf');
  await download.saveAs(file);
  const text = pdfText(file);
  expect(text).toContain(
    'Counted as Formative: capped until Independent oversight reaches Established'
  );
  expect(text).toContain(
    'Capped until these reach the level shown: Independent oversight (Established)'
  );
  expect(text).toContain('Context facts');
  expect(text).toContain('Listed supporter');
  expect(text).not.toContain('Is research on online radicalisation funded?');

  // Beside a full assessment of the same questionnaire, the comparison is on the core set.
  await page.goto('/#/assessments/new');
  await chooseCountry(page, 'Uganda', 'UG');
  await page.getByRole('checkbox', { name: /Mini online extremism/ }).check();
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  await page.goto('/#/compare');
  await expect(page.getByTestId('compared-on-core')).toHaveText(
    'Compared on the core set: the selection mixes full and core assessments, so every assessment is scored over the core questions only.'
  );
  await expectAccessible(page, 'comparison on the core set');

  // Widened from the assessment screen, after a confirmation: every question is now part of it.
  await page.goto(`/#/assessments/${id}`);
  await expect(page.getByTestId('scope-core')).toBeVisible();
  await page.getByRole('button', { name: 'Widen to every question' }).click();
  const dialog = page.getByRole('dialog', { name: 'Widen to every question?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'widen confirmation');
  await dialog.getByRole('button', { name: 'Widen' }).click();
  await expect(page.locator('.notices')).toContainText(
    'Widened: every question is now part of this assessment.'
  );
  await expect(page.getByTestId('scope-core')).toHaveCount(0);
  // Never narrowed again: the core choice is no longer offered.
  await expect(page.getByRole('radio', { name: /^Core set/ })).toBeDisabled();

  await page.goto(`/#/assessments/${id}/answer/mini-second/cooperation`);
  await expect(question(page, 'industry-forum')).toBeVisible();
  await page.goto(`/#/assessments/${id}/answer/mini-second/research`);
  await expect(question(page, 'research-funding')).toBeVisible();
  // The answers given in the core set are kept.
  await page.goto(`/#/assessments/${id}/answer/mini-second/response`);
  await expect(
    question(page, 'takedown').getByRole('radio', { name: /^4 Strategic/ })
  ).toBeChecked();
});
