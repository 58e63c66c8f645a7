import { type Download, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from './support/test';
import { createAssessment, expectSaved, question } from './support/app';
import { expectAccessible, watchPage } from './support/browser';

const TITLE = 'Revue “nationale” — Łódź, Tūvalu, Ελλάδα, Україна';
const DECISIONS = 'Approve the CERT’s budget for 2027.';

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
function pdfInfo(file: string): string {
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}
const pagesOf = (info: string) => Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Clicks a report button and returns its saved file. */
async function saveFrom(page: Page, name: string, file: string): Promise<string> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click()
  ]);
  await expect(
    page.getByRole('status').filter({ hasText: `Saved ${download.suggestedFilename()}` })
  ).toBeVisible();
  await download.saveAs(file);
  return download.suggestedFilename();
}

/** A .docx opened by LibreOffice as a ministry without Word would: its text, via PDF. */
function throughLibreOffice(file: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dirname(file),
      file
    ],
    { stdio: 'pipe', timeout: 120_000 }
  );
  return pdfText(file.replace(/\.docx$/, '.pdf'));
}

test('the executive brief and the Word files say what the results screen says', async ({
  page
}, testInfo) => {
  test.setTimeout(240_000);
  const seen = watchPage(page);
  // Which scripts carry the Word writer: none until a Word file is asked for.
  const wordScripts: string[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    const body = await response.text().catch(() => '');
    if (body.includes('wordprocessingml.document.main+xml')) wordScripts.push(response.url());
  });
  const id = await createAssessment(page, {
    country: 'Kenya',
    countryCode: 'KE',
    questionnaires: [/Privacy and data protection/, /Cyber standards/],
    title: TITLE
  });
  await page.goto(`/#/assessments/${id}/answer/privacy-data-protection/data-protection-law`);
  const law = question(page, 'law-in-force');
  await law.getByRole('radio', { name: /^3 Established/ }).check();
  await question(page, 'principles')
    .getByRole('radio', { name: /^2 Formative/ })
    .check();
  await expectSaved(page);
  await page.goto(`/#/assessments/${id}`);
  await page.getByLabel('Decisions sought').fill(DECISIONS);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();

  await page.goto(`/#/assessments/${id}/results`);
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  const card = (scope: string) =>
    page.locator(`[data-testid="score-card"][data-scope="${scope}"] [data-testid="score"]`);
  const overall = (await card('overall').textContent())!.trim();
  await expect(page.locator('canvas[data-drawn="true"]').first()).toBeVisible();
  await expectAccessible(page, 'the results screen with the brief panel');

  // The brief on A4 (this browser says en-US, so Letter is offered first), at the assessment's
  // classification.
  await expect(page.getByLabel('Paper')).toHaveValue('letter');
  await page.getByLabel('Paper').selectOption('a4');
  const briefPdf = testInfo.outputPath('brief.pdf');
  expect(await saveFrom(page, 'Executive brief (PDF)', briefPdf)).toMatch(
    /^Kenya_\d{4}-\d{2}-\d{2}_executive-brief_AMBER\.pdf$/
  );
  const info = pdfInfo(briefPdf);
  expect(pagesOf(info)).toBeLessThanOrEqual(2);
  expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
  expect(info).toMatch(/^Title:\s+Kenya — executive brief: Revue “nationale”/m);
  expect(info).not.toMatch(/^Author:/m);
  const text = flat(pdfText(briefPdf));
  expect(text).toContain('Kenya — executive brief');
  expect(text).toContain(TITLE);
  expect(text).toContain(`Score ${overall} of 100`);
  expect(text).toContain('Decisions sought');
  expect(text).toContain(DECISIONS);
  expect(text).not.toContain('law-in-force');
  expect(text).not.toContain('Not written');
  // Few answers: every score is provisional, and the brief claims no stage.
  expect(text).toContain('What is provisional');

  // Letter, chosen once: still chosen after a reload.
  await page.getByLabel('Paper').selectOption('letter');
  await page.reload();
  await expect(page.getByLabel('Paper')).toHaveValue('letter');

  // A lower classification only after confirming; cancelling keeps the assessment's.
  const classification = page.getByLabel('Classification of the brief');
  await classification.selectOption('GREEN');
  const dialog = page.getByRole('dialog', { name: 'Give the brief a lower classification?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the lower-classification dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(classification).toHaveValue('AMBER');
  await classification.selectOption('GREEN');
  await dialog.getByRole('button', { name: 'Use TLP:GREEN' }).click();
  await expect(classification).toHaveValue('GREEN');

  const letterPdf = testInfo.outputPath('brief-letter.pdf');
  expect(await saveFrom(page, 'Executive brief (PDF)', letterPdf)).toMatch(/_GREEN\.pdf$/);
  const letterInfo = pdfInfo(letterPdf);
  expect(letterInfo).toMatch(/Page size:\s+612 x 792/);
  const letterPages = pdfText(letterPdf)
    .split('\f')
    .filter((p) => p.trim());
  expect(letterPages.length).toBeLessThanOrEqual(2);
  for (const p of letterPages) expect(p).toContain('TLP:GREEN');

  // Word: the brief, then the full report. The Word writer arrives with the first click only.
  expect(wordScripts, 'no Word code before a Word file is asked for').toEqual([]);
  const briefDocx = testInfo.outputPath('brief.docx');
  expect(await saveFrom(page, 'Executive brief (Word)', briefDocx)).toMatch(
    /executive-brief_GREEN\.docx$/
  );
  expect(wordScripts.length, 'the Word writer arrived with the first Word file').toBeGreaterThan(0);
  const xml = execFileSync('unzip', ['-p', briefDocx, 'word/document.xml'], { encoding: 'utf8' });
  expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
  expect(xml).toContain('<w:tblHeader/>');
  const wordText = flat(throughLibreOffice(briefDocx));
  expect(wordText).toContain(`Score ${overall} of 100`);
  expect(wordText).toContain(TITLE);
  expect(wordText).toContain('TLP:GREEN');
  expect(wordText).toContain('DRAFT — not for citation');

  const reportDocx = testInfo.outputPath('report.docx');
  expect(await saveFrom(page, 'Country report (Word)', reportDocx)).toMatch(
    /country-report_AMBER\.docx$/
  );
  const reportXml = execFileSync('unzip', ['-p', reportDocx, 'word/document.xml'], {
    encoding: 'utf8'
  });
  // The charts are images with a description for screen readers.
  expect(reportXml).toMatch(/<wp:docPr [^>]*descr="[^"]+"/);
  const reportText = flat(throughLibreOffice(reportDocx));
  expect(reportText).toContain(`Overall ${overall}`);
  expect(seen.errors).toEqual([]);
});
