import { type Download, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expectSaved, question, chooseCountry, openNotes } from './support/app';
import { watchPage } from './support/browser';

/** Strings jsPDF's built-in fonts corrupt (toolchain.md, pitfall 4); the PDF must keep them. */
const WORLD = [
  '“Côte d’Ivoire”',
  'Tūvalu',
  'Łódź',
  'Türkiye',
  'São Tomé',
  'Ελλάδα',
  'Україна',
  '— em dash',
  '‘curly’'
];
/** The title is printed once, as the bold header row of the cover's details table. */
const TITLE = 'Revue “nationale” — Łódź, Tūvalu, Türkiye, São Tomé, Ελλάδα, Україна';
const COMMENT = `Partners consulted: ${WORLD.join(', ')}.`;
const EVIDENCE = 'Décret n° 2013-450 — Journal officiel, “version consolidée”';
const SUMMARY = 'Résumé: la loi est en vigueur — “Ελλάδα” and “Україна” compared.';

type Privacy = {
  sections: { title: string; questions: { id: string; text: string }[] }[];
};
const privacy = JSON.parse(
  readFileSync('static/questionnaires/privacy-data-protection-2.0.0.json', 'utf8')
) as Privacy;
const privacyQuestions = privacy.sections.flatMap((s) => s.questions);

/** The text of a PDF in content order (`-raw`: a table cell's lines stay together). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

function pageText(file: string, pageNumber: number): string {
  return execFileSync(
    'pdftotext',
    ['-raw', '-enc', 'UTF-8', '-f', String(pageNumber), '-l', String(pageNumber), file, '-'],
    { encoding: 'utf8' }
  );
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

/** Line breaks from wrapping become single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Clicks a report button and waits for its file; fails if a second file is produced. */
async function downloadFrom(page: Page, name: string): Promise<Download> {
  const button = page.getByRole('button', { name });
  let count = 0;
  const counter = () => count++;
  page.on('download', counter);
  // Record every progress step and whether the button was disabled while it showed.
  await page.evaluate((label) => {
    const btn = [...document.querySelectorAll('button')].find((b) => b.textContent === label)!;
    const status = document.getElementById(btn.getAttribute('aria-describedby')!)!;
    const seen: string[] = [];
    (window as unknown as { reportSteps: string[] }).reportSteps = seen;
    new MutationObserver(() =>
      seen.push(`${btn.disabled ? 'disabled' : 'enabled'}: ${status.textContent}`)
    ).observe(status, { childList: true, characterData: true, subtree: true });
  }, name);
  const [download] = await Promise.all([page.waitForEvent('download'), button.dblclick()]);
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toBeVisible();
  await expect(button).toBeEnabled();
  const steps = await page.evaluate(
    () => (window as unknown as { reportSteps: string[] }).reportSteps
  );
  expect(steps, 'progress is shown while the button is disabled').toContainEqual(
    expect.stringMatching(/^disabled: Laying out pages… \d+$/)
  );
  expect(
    steps.filter((s) => s.startsWith('enabled')),
    'enabled only at the end'
  ).toEqual([expect.stringMatching(/^enabled: Saved /)]);
  page.off('download', counter);
  expect(count, 'a double click makes one file').toBe(1);
  return download;
}

async function createCoteDIvoire(page: Page): Promise<string> {
  await page.goto('/#/assessments/new');
  await chooseCountry(page, 'Côte', 'CI');
  await page.getByLabel('Title', { exact: true }).fill(TITLE);
  await page.getByRole('checkbox', { name: /Privacy and data protection/ }).check();
  await page.getByLabel('How was it assessed?').selectOption('workshop');
  await page.getByLabel('Facilitator').fill('Aïcha Koné');
  await page.getByRole('button', { name: 'Add a participant' }).click();
  await page.getByLabel('Organisation 1').fill('Autorité de protection — ARTCI');
  await page.getByLabel('Executive summary').fill(SUMMARY);
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  const id = /#\/assessments\/([^/]+)\/answer/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  return id!;
}

test('country report and blank form: scores as on screen, every script intact', async ({
  page
}, testInfo) => {
  test.setTimeout(120_000);
  // Under the app's CSP: any blocked script, font or image would be reported here.
  const seen = watchPage(page);
  // Which scripts the page loads that carry jsPDF: none until a report is asked for.
  const pdfScripts: string[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    if ((await response.text().catch(() => '')).includes('jsPDF')) pdfScripts.push(response.url());
  });
  const id = await createCoteDIvoire(page);
  const law = question(page, 'law-in-force');
  await law.getByRole('radio', { name: /^3 Established/ }).check();
  await openNotes(law);
  await law.getByLabel('Comment', { exact: true }).fill(COMMENT);
  await law.getByLabel('Evidence', { exact: true }).fill(EVIDENCE);
  await question(page, 'principles')
    .getByRole('radio', { name: /^2 Formative/ })
    .check();
  await question(page, 'public-private-scope')
    .getByRole('radio', { name: /^4 Strategic/ })
    .check();
  await expectSaved(page);

  await page.goto(`/#/assessments/${id}/results`);
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  const card = (scope: string) =>
    page.locator(`[data-testid="score-card"][data-scope="${scope}"] [data-testid="score"]`);
  const overall = (await card('overall').textContent())!.trim();
  const privacyScore = (await card('questionnaire').textContent())!.trim();
  expect(overall).toMatch(/^\d+\.\d$/);
  await expect(page.locator('canvas[data-drawn="true"]').first()).toBeVisible();
  expect(pdfScripts, 'no PDF code before a report is asked for').toEqual([]);

  const download = await downloadFrom(page, 'Country report (PDF)');
  expect(download.suggestedFilename()).toMatch(
    /^Cote-d-Ivoire_\d{4}-\d{2}-\d{2}_country-report_AMBER\.pdf$/
  );
  const file = testInfo.outputPath('country-report.pdf');
  await download.saveAs(file);
  expect(pdfScripts.length, 'jsPDF arrived with the first report').toBeGreaterThan(0);

  const text = flat(pdfText(file));
  expect(text).toContain('Côte d’Ivoire');
  expect(text).toContain('TLP:AMBER');
  // The watermark is set diagonally, which pdftotext reads letter by letter.
  expect(text).toMatch(new RegExp([...'DRAFT—notforcitation'].join('\\s*')));
  expect(text).toContain('Self-assessment — not independently validated');
  // Scores exactly as the score cards show them: summary table rows and the questionnaire part.
  expect(text).toMatch(new RegExp(`Overall ${overall.replace('.', '\\.')} `));
  expect(text).toContain(`Privacy and data protection ${privacyScore} `);
  expect(text).toContain(`Score ${privacyScore} `);
  // Body text (regular face): the comment, evidence and narrative.
  expect(text).toContain(COMMENT);
  expect(text).toContain(EVIDENCE);
  expect(text).toContain(SUMMARY);
  expect(text).toContain('Aïcha Koné');
  // Bold autotable header: the title is printed only there, on the cover.
  expect(flat(pageText(file, 1))).toContain(TITLE);
  // Every question of the questionnaire is in the appendix.
  for (const q of privacyQuestions) expect(text).toContain(`${q.text} [${q.id}]`);
  // Exactly two fonts, both embedded Unicode (Identity-H) Noto Sans faces: regular and bold. A
  // header in autotable's default bold Helvetica would add a third, Type 1 font.
  const fonts = pdfFonts(file).split('\n').slice(2).filter(Boolean);
  expect(fonts).toHaveLength(2);
  for (const font of fonts) expect(font).toMatch(/^NotoSans\s+CID TrueType\s+Identity-H\s+yes\s/);
  // Pages: cover, narrative, summary, charts and method take one page each (5); the privacy part
  // (section table, radar, gaps, evidence gaps of 28 unanswered questions) 2–4; the appendix of
  // 33 questions in six sections 3–6. So 10–15; more means the layout wastes paper.
  const pages = pdfPages(file);
  expect(pages).toBeGreaterThanOrEqual(10);
  expect(pages).toBeLessThanOrEqual(15);
  expect(flat(pageText(file, pages))).toContain(`Page ${pages} of ${pages}`);

  // The blank form of the same questionnaire.
  await page.goto('/#/questionnaires/privacy-data-protection');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Privacy and data protection' })
  ).toBeVisible();
  const blank = await downloadFrom(page, 'Download blank form (PDF)');
  expect(blank.suggestedFilename()).toBe('blank_privacy-data-protection_2.0.0.pdf');
  const blankFile = testInfo.outputPath('blank.pdf');
  await blank.saveAs(blankFile);
  const blankText = flat(pdfText(blankFile));
  privacyQuestions.forEach((q, i) => expect(blankText).toContain(`${i + 1}. ${q.text} [${q.id}]`));
  expect(blankText).toContain('3 Established');
  expect(blankText).toContain("Don't know Cannot disclose");
  expect(blankText).toContain('Evidence and notes');
  expect(blankText).toContain('TLP: ________ (when completed)');
  expect(blankText).not.toContain('DRAFT');
  // A question (heading, guidance, five descriptors, boxes, three ruled lines) is kept on one
  // page and two fit a page: 33 questions (three of them short treaty-status choices) take 16–17
  // pages, up to 21 when section headings or long questions push one over; plus the first page
  // with the scale.
  const blankPages = pdfPages(blankFile);
  expect(blankPages).toBeGreaterThanOrEqual(16);
  expect(blankPages).toBeLessThanOrEqual(22);
  expect(seen.errors).toEqual([]);
});

test('text the PDF cannot shape is refused with a way out, never printed as garbage', async ({
  page
}) => {
  await page.goto('/#/assessments/new');
  await chooseCountry(page, 'Kenya', 'KE');
  await page.getByRole('checkbox', { name: /Privacy and data protection/ }).check();
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  const id = /#\/assessments\/([^/]+)\/answer/.exec(page.url())?.[1];
  const law = question(page, 'law-in-force');
  await law.getByRole('radio', { name: /^3 Established/ }).check();
  await openNotes(law);
  await openNotes(question(page, 'principles'));
  await law.getByLabel('Comment', { exact: true }).fill('यह टिप्पणी हिंदी में है');
  await question(page, 'principles')
    .getByLabel('Evidence', { exact: true })
    .fill('قانون حماية البيانات');
  await expectSaved(page);

  await page.goto(`/#/assessments/${id}/results`);
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Country report (PDF)' }).click();
  const notice = page.locator('.notice').filter({ hasText: 'No PDF made' });
  await expect(notice).toContainText('Devanagari script in the answer, evidence or comment');
  await expect(notice).toContainText('law-in-force');
  await expect(notice).toContainText('Arabic script');
  await expect(notice).toContainText('“Print this page”');
  await expect(notice).toContainText('or leave out the appendix');
  await expect(
    page.getByRole('status').filter({ hasText: 'some text cannot be printed' })
  ).toBeVisible();
  expect(downloads, 'no PDF was made').toBe(0);

  // Both texts are only in the appendix: without it the report can be made.
  await page.getByLabel('Leave out the appendix of answers, evidence and comments').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Country report (PDF)' }).click()
  ]);
  expect(download.suggestedFilename()).toMatch(/^Kenya_.*_country-report_AMBER\.pdf$/);
});
