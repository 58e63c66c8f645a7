import { type Download, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test } from './support/test';
import { chooseCountry, chooseFrench, question } from './support/app';
import { expectAccessible } from './support/browser';

// docs/languages.md, "An assessment's language": a French assessment's questionnaire text,
// results, reports and blank form are French whatever the interface language; its results CSV
// is byte for byte the English one's.
//
// The questionnaire text comes from the French overlays (questionnaires/i18n/fr/<id>.yaml). The
// expected text is read from the overlay when this checkout has it, else the English text,
// marked "in English" on the answer screen: the assertions hold before and after the
// translations land, and check the French text as soon as they do.

interface OverlayQuestion {
  text?: string;
  shortTitle?: string;
}
interface Overlay {
  title?: string;
  sections?: Record<string, { title?: string; questions?: Record<string, OverlayQuestion> }>;
}
interface Base {
  title: string;
  sections: { id: string; title: string; questions: { id: string; text: string }[] }[];
}

const base = (id: string): Base => parse(readFileSync(`questionnaires/${id}.yaml`, 'utf8')) as Base;
function overlay(id: string): Overlay | null {
  const file = `questionnaires/i18n/fr/${id}.yaml`;
  return existsSync(file) ? (parse(readFileSync(file, 'utf8')) as Overlay) : null;
}
/** Prose in an overlay is folded YAML (one line once parsed); its no-break spaces are kept. */
const oneLine = (text: string) => text.trim();

/** The questionnaire's title in French when its overlay gives one, else in English. */
function titleIn(id: string): { text: string; translated: boolean } {
  const fr = overlay(id)?.title;
  return fr ? { text: oneLine(fr), translated: true } : { text: base(id).title, translated: false };
}

/** A question's text in French when the overlay gives it, else in English. */
function questionIn(id: string, questionId: string): { text: string; translated: boolean } {
  const b = base(id);
  const section = b.sections.find((s) => s.questions.some((q) => q.id === questionId))!;
  const fr = overlay(id)?.sections?.[section.id]?.questions?.[questionId]?.text;
  if (fr) return { text: oneLine(fr), translated: true };
  return { text: section.questions.find((q) => q.id === questionId)!.text, translated: false };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const flat = (text: string) => text.replace(/\s+/g, ' ');

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
const pagesOf = (file: string) =>
  Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

/** Clicks a button that saves a file and returns where the file was saved. */
async function saved(page: Page, name: string | RegExp, file: string): Promise<string> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: typeof name === 'string' }).click()
  ]);
  await download.saveAs(file);
  return download.suggestedFilename();
}

const PRIVACY = 'privacy-data-protection';
const FIVE = [
  PRIVACY,
  'cross-border-cooperation',
  'cyberspace-extremism',
  'cyber-standards',
  'national-strategy'
];

test('a French assessment with the interface in English: answered, results, brief, report, blank form and CSV files', async ({
  page
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto('/#/assessments/new');
  await chooseCountry(page, 'Seychelles', 'SC');
  await page.getByRole('checkbox', { name: /Privacy and data protection/ }).check();
  const language = page.getByLabel('Language of the questionnaires and reports');
  // A new assessment starts in the interface language.
  await expect(language).toHaveValue('en');
  await language.selectOption({ label: 'French' });
  await page.getByLabel('Executive summary').fill('La loi est en vigueur depuis 2019.');
  await page.getByLabel('Decisions sought').fill('Doter l’autorité d’un budget propre.');
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  const id = /#\/assessments\/([^/]+)\/answer/.exec(page.url())![1]!;

  // The answer screen: the question in French (or marked as English), the screen's words English.
  const law = questionIn(PRIVACY, 'law-in-force');
  const legend = question(page, 'law-in-force').locator('legend');
  await expect(legend).toContainText(law.text);
  if (law.translated) {
    await expect(legend.locator('[lang="fr"]')).toContainText(law.text);
    await expect(legend.locator('[data-untranslated]')).toHaveCount(0);
  } else {
    await expect(legend.locator('[data-untranslated]')).toContainText('in English');
  }
  await question(page, 'law-in-force').getByRole('radio', { name: /^3 / }).check();
  await question(page, 'principles').getByRole('radio', { name: /^2 / }).check();
  await question(page, 'public-private-scope').getByRole('radio', { name: /^4 / }).check();
  await expect(page.getByTestId('save-status')).toContainText('All changes saved');
  await expectAccessible(page, 'the answer screen of a French assessment, interface in English');

  // The results: the screen's words English, the questionnaire's in French.
  await page.goto(`/#/assessments/${id}/results`);
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  const title = titleIn(PRIVACY);
  await expect(
    page.locator('[data-testid="score-card"][data-scope="questionnaire"] h3')
  ).toHaveText(title.text);

  // The answers CSV: question_text in the assessment's language, the rest machine format.
  await saved(page, 'Export answers (CSV)', testInfo.outputPath('answers.csv'));
  const answersCsv = readFileSync(testInfo.outputPath('answers.csv'), 'utf8');
  const lawRow = answersCsv.split('\r\n').find((row) => row.includes(',law-in-force,'))!;
  expect(lawRow).toContain(law.text.includes(',') ? `"${law.text}"` : law.text);
  expect(lawRow).toMatch(/,3,level,/);
  await saved(page, 'Export results (CSV)', testInfo.outputPath('results-fr.csv'));
  const frenchResults = readFileSync(testInfo.outputPath('results-fr.csv'));
  expect(frenchResults.toString('utf8')).toContain(',Privacy and data protection,');

  // The brief: French headings with their accents, the questionnaire's French title.
  const brief = testInfo.outputPath('brief.pdf');
  expect(await saved(page, 'Executive brief (PDF)', brief)).toMatch(/executive-brief_AMBER\.pdf$/);
  const briefText = flat(pdfText(brief));
  for (const words of [
    'Seychelles — note de synthèse',
    'Synthèse',
    'Où nous en sommes et où nous voulons aller',
    'Décisions attendues',
    'Doter l’autorité d’un budget propre.',
    title.text
  ]) {
    expect(briefText).toContain(flat(words));
  }
  expect(briefText).not.toContain('Executive summary');
  expect(pagesOf(brief)).toBeLessThanOrEqual(2);

  // The full country report, with its appendix of every answer.
  const report = testInfo.outputPath('report.pdf');
  expect(await saved(page, 'Country report (PDF)', report)).toMatch(/country-report_AMBER\.pdf$/);
  const reportText = flat(pdfText(report));
  for (const words of [
    'Résumé',
    'Auto-évaluation — non validée par un tiers',
    'Page 1 sur',
    '3 Établi',
    law.text
  ]) {
    expect(reportText).toContain(flat(words));
  }
  // The draft mark, set upright, which pdftotext reads letter by letter.
  expect(reportText).toMatch(new RegExp([...'BROUILLON'].join('\\s*')));
  expect(reportText).not.toContain('Self-assessment');

  // The blank form from the assessment's screen: its words and questions in French.
  await page.goto(`/#/assessments/${id}`);
  const blank = testInfo.outputPath('blank.pdf');
  expect(await saved(page, /^Blank form of “Privacy and data protection” \(PDF\)$/, blank)).toMatch(
    /_privacy-data-protection_2\.0\.0\.pdf$/
  );
  const blankText = flat(pdfText(blank));
  for (const words of ['L’échelle', 'Répondant ou atelier', `${law.text} [law-in-force]`]) {
    expect(blankText).toContain(flat(words));
  }
  await expectAccessible(page, 'the screen of a French assessment');

  // The same answers, the assessment now English: the results CSV is the same, byte for byte.
  await language.selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.', { exact: true })).toBeVisible();
  await page.goto(`/#/assessments/${id}/results`);
  await expect(
    page.locator('[data-testid="score-card"][data-scope="questionnaire"] h3')
  ).toHaveText('Privacy and data protection');
  await saved(page, 'Export results (CSV)', testInfo.outputPath('results-en.csv'));
  const englishResults = readFileSync(testInfo.outputPath('results-en.csv'));
  expect(englishResults.equals(frenchResults), 'the same bytes in both languages').toBe(true);
});

test('a French core assessment of all five questionnaires, in the French interface', async ({
  page
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await chooseFrench(page);
  await page.goto('/#/assessments/new');
  await chooseCountry(page, 'Maurice', 'MU');
  for (const id of FIVE) {
    const english = base(id).title;
    const french = titleIn(id).text;
    await page
      .getByRole('checkbox', { name: new RegExp(`${escape(english)}|${escape(french)}`) })
      .check();
  }
  await page.getByRole('radio', { name: /^Socle/ }).check();
  // In the French interface a new assessment is French unless chosen otherwise.
  await expect(page.getByLabel('Langue des questionnaires et des rapports')).toHaveValue('fr');
  await page.getByRole('button', { name: 'Créer et commencer à répondre' }).click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  const id = /#\/assessments\/([^/]+)\/answer/.exec(page.url())![1]!;

  // One answer in the first section shown, "don't know" in every language.
  const first = page.locator('fieldset.question').first();
  await first.getByRole('radio', { name: 'Je ne sais pas' }).check();
  await expect(page.getByTestId('save-status')).toContainText('Toutes les modifications');

  await page.goto(`/#/assessments/${id}/results`);
  await expect(page.getByRole('heading', { level: 1, name: 'Résultats' })).toBeVisible();
  const cards = page.locator('[data-testid="score-card"][data-scope="questionnaire"] h3');
  await expect(cards).toHaveText(FIVE.map((q) => titleIn(q).text));

  const brief = testInfo.outputPath('core-brief.pdf');
  expect(await saved(page, 'Note de synthèse (PDF)', brief)).toMatch(
    /note-de-synthese_AMBER\.pdf$/
  );
  expect(pagesOf(brief)).toBeLessThanOrEqual(2);
  const text = flat(pdfText(brief));
  expect(text).toContain('Maurice — note de synthèse');
  expect(text).toContain('Où nous en sommes et où nous voulons aller');
  // Every questionnaire on the ladder, by its French title when it has one.
  for (const q of FIVE) expect(text).toContain(flat(titleIn(q).text).slice(0, 20));
  await expectAccessible(page, 'the results of a French core assessment');
});
