import { type Locator, type Page } from '@playwright/test';
import { expect, test, waitForAppReadyIn } from './support/test';
import { readFileSync } from 'node:fs';
import { expectAccessible } from './support/browser';
import { createAssessment, expectSaved, question, openNotes } from './support/app';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

function notices(page: Page): Locator {
  return page.locator('.notices');
}

/** The panel that says what an import did; it stays until the user closes it. */
function importResult(scope: Page | Locator): Locator {
  return scope.getByRole('status').filter({ hasText: 'Import finished' });
}

async function openData(page: Page): Promise<void> {
  await page.goto('/#/data');
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
}

function section(page: Page, name: string): Locator {
  return page.getByRole('region', { name });
}

/** Clicks and returns the file the click downloads: its suggested name and its text. */
async function downloadOf(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

/** A Kenyan assessment of the national strategy with two answers, one with a comment. */
async function kenyaWithAnswers(page: Page): Promise<string> {
  const id = await createAssessment(page, {
    country: 'Kenya',
    countryCode: 'KE',
    title: 'Kenya 2026',
    questionnaires: [/national cybersecurity strategy/]
  });
  const lead = question(page, 'lead-agency');
  await lead.getByRole('radio', { name: /^2 Formative/ }).check();
  await openNotes(lead);
  await lead
    .getByLabel('Comment', { exact: true })
    .fill('National KE-CIRT; mandate in the 2018 Act');
  await question(page, 'coordination-body').getByRole('radio', { name: "Don't know" }).check();
  await expectSaved(page);
  return id;
}

async function openSection(page: Page, id: string, questionnaire: string, sectionId: string) {
  await page.goto(`/#/assessments/${id}/answer/${questionnaire}/${sectionId}`);
  await expect(page.locator('fieldset.question').first()).toBeVisible();
}

test('a semicolon, UTF-8-with-BOM spreadsheet CSV fills an open assessment', async ({ page }) => {
  const id = await createAssessment(page, {
    country: 'Kenya',
    countryCode: 'KE',
    title: 'Kenya 2026',
    questionnaires: [/national cybersecurity strategy/]
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  await page.goto(`/#/assessments/${id}`);
  await page.locator('summary', { hasText: 'Import answers (CSV)' }).click();
  await page
    .getByLabel('Answers file (CSV)')
    .setInputFiles(fixture('spreadsheet-answers-semicolon.csv'));

  // The preview shows the detected delimiter, lets the user change it, and the first rows.
  const delimiter = page.getByLabel('Delimiter');
  await expect(delimiter).toHaveValue(';');
  await expect(delimiter.locator('option:checked')).toHaveText('semicolon (detected)');
  await expect(page.getByText('Encoding: UTF-8')).toBeVisible();
  const preview = page.locator('table.rows');
  await expect(
    preview.getByRole('columnheader', { name: 'Question ID', exact: true })
  ).toBeVisible();
  await expect(
    preview.getByRole('cell', { name: 'Board meets quarterly; minutes kept' })
  ).toBeVisible();
  await delimiter.selectOption(',');
  await expect(preview.getByRole('columnheader', { name: 'Question ID', exact: true })).toHaveCount(
    0
  );
  await delimiter.selectOption(';');
  await expect(
    preview.getByRole('columnheader', { name: 'Question ID', exact: true })
  ).toBeVisible();

  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('ready to import: 5 answers in 5 rows')).toBeVisible();
  await expect(page.getByText('Ignored column not in the format: Notes.')).toBeVisible();
  expect(workers.some((url) => url.includes('answers-csv.worker'))).toBe(true);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const result = importResult(page);
  await expect(result).toContainText('Imported 5 answers into “Kenya 2026”');
  await expect(result.getByRole('listitem')).toHaveText('Kenya 2026 — answers written');
  await expect(page.getByText('5 of 36 questions answered')).toBeVisible();
  await expectAccessible(page, 'an assessment with its import result');
  await result.getByRole('button', { name: 'Close this message' }).click();
  await expect(importResult(page)).toHaveCount(0);

  await openSection(page, id, 'national-strategy', 'leadership-governance');
  await expect(
    question(page, 'lead-agency').getByRole('radio', { name: /^3 Established/ })
  ).toBeChecked();
  await expect(
    question(page, 'coordination-body').getByRole('radio', { name: /^4 Strategic/ })
  ).toBeChecked();
  await expect(
    question(page, 'political-sponsorship').getByRole('radio', { name: "Don't know" })
  ).toBeChecked();
  const governance = question(page, 'multi-stakeholder-governance');
  await expect(governance.getByRole('radio', { name: /^2 Formative/ })).toBeChecked();
  await expect(governance.getByLabel('Comment', { exact: true })).toHaveValue(
    'Board meets quarterly; minutes kept'
  );
  const subnational = question(page, 'subnational-coordination');
  await expect(subnational.getByRole('radio', { name: 'Not applicable' })).toBeChecked();
  await expect(subnational.getByLabel(/Why does this not apply/)).toHaveValue(
    'unitary state with no devolved powers'
  );
});

test('a UTF-16, tab-separated spreadsheet file creates an assessment', async ({ page }) => {
  await openData(page);
  const csv = section(page, 'Answers in a spreadsheet (CSV)');
  await expect(csv.getByLabel('Import the answers into')).toHaveValue('');
  await csv
    .getByLabel('Answers file (CSV)')
    .setInputFiles(fixture('spreadsheet-assessment-utf16.txt'));
  await expect(csv.getByLabel('Delimiter')).toHaveValue('\t');
  await expect(csv.getByText('Encoding: UTF-16 (little-endian)')).toBeVisible();
  await csv.getByRole('button', { name: 'Check the file' }).click();
  await expect(csv.getByText('Read as UTF-16LE text.')).toBeVisible();
  await expect(csv.getByText('Ignored column not in the format: Reviewer.')).toBeVisible();
  await expect(csv.getByRole('table', { name: 'New in this browser (1)' })).toContainText(
    'Uganda 2026 self-assessment'
  );
  await csv.getByRole('button', { name: 'Import', exact: true }).click();
  const result = importResult(csv);
  await expect(result).toContainText('Imported: 1 added; 1 questionnaire version stored.');
  await expect(result.getByRole('listitem')).toHaveText('Uganda 2026 self-assessment — added');
  await expectAccessible(page, 'the Data screen with an import result');
  // The panel's link opens what came in.
  await result.getByRole('link', { name: 'Uganda 2026 self-assessment' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Uganda 2026 self-assessment' })
  ).toBeVisible();
  await expect(page.getByText('6 of')).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Uganda' })).toBeVisible();
  await page.getByRole('link', { name: 'Uganda 2026 self-assessment' }).click();
  await expect(page.getByText('6 of')).toBeVisible();
  const id = /#\/assessments\/([^/]+)/.exec(page.url())?.[1];
  expect(id).toBe('ug-2026');
  await openSection(page, id!, 'privacy-data-protection', 'data-protection-law');
  await expect(
    question(page, 'law-in-force').getByRole('radio', { name: /^2 Formative/ })
  ).toBeChecked();
  await expect(
    question(page, 'principles').getByRole('radio', { name: "Don't know" })
  ).toBeChecked();
  await expect(
    question(page, 'sensitive-data').getByRole('radio', { name: 'Cannot disclose' })
  ).toBeChecked();
  await expect(
    question(page, 'instrument-ratification').getByRole('radio', { name: 'Partly' })
  ).toBeChecked();
  const enforcement = question(page, 'enforcement-provisions');
  await expect(enforcement.getByRole('radio', { name: /^3 Established/ })).toBeChecked();
  await expect(enforcement.getByLabel('Comment', { exact: true })).toHaveValue(
    'Penalties applied twice\nin 2025'
  );
});

test('a CSV of thirty assessments previews the first 25, shows all on request, and imports all', async ({
  page
}) => {
  await openData(page);
  const csv = section(page, 'Answers in a spreadsheet (CSV)');
  const lines = [
    'country,assessment_id,assessment_title,assessment_date,questionnaire_id,question_id,level'
  ];
  for (let i = 1; i <= 30; i++) {
    const n = String(i).padStart(2, '0');
    lines.push(
      `KE,ke-${n},Kenya county ${n},2026-10-${n.replace(/^3/, '2')},privacy-data-protection,law-in-force,${(i % 5) + 1}`
    );
  }
  await csv.getByLabel('Answers file (CSV)').setInputFiles({
    name: 'counties.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\r\n') + '\r\n')
  });
  await csv.getByRole('button', { name: 'Check the file' }).click();
  const table = csv.getByRole('table', { name: 'New in this browser (30)' });
  await expect(table.getByRole('row')).toHaveCount(1 + 25);
  await expect(csv.getByText('The first 25 of 30 are listed.')).toBeVisible();
  await expect(table).not.toContainText('Kenya county 26');
  await expectAccessible(page, 'the Data screen with a long CSV preview');
  await csv.getByRole('button', { name: 'Show all 30' }).click();
  await expect(table.getByRole('row')).toHaveCount(1 + 30);
  // The button is gone: the keyboard goes on from the table it opened, not from the page's top.
  await expect(table).toBeFocused();
  await expect(table).toContainText('Kenya county 30');
  await expect(csv.getByRole('button', { name: 'Show all 30' })).toHaveCount(0);
  await csv.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importResult(csv)).toContainText('Imported: 30 added');
  // Each came with the summary scored while the preview showed: one answer counted.
  await page.goto('/');
  await page.getByRole('link', { name: 'Kenya county 30' }).click();
  await expect(page.getByText('1 of')).toBeVisible();
});

test('a broken CSV lists every problem by row and column and writes nothing', async ({ page }) => {
  const id = await kenyaWithAnswers(page);
  await page.goto(`/#/assessments/${id}`);
  await page.locator('summary', { hasText: 'Import answers (CSV)' }).click();
  await page.getByLabel('Answers file (CSV)').setInputFiles(fixture('broken-answers.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();

  const problems = page.getByRole('region', { name: '4 problems found — nothing was imported' });
  await expect(problems.getByRole('heading')).toHaveText('4 problems found — nothing was imported');
  const rows = problems.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const expected = [
    ['3', 'question_id', 'has no question "lead-agencyy"'],
    [
      '4',
      'level',
      'level "7" is outside the scale of "The national cybersecurity strategy" (1 to 5)'
    ],
    ['5', 'level', 'the level "3" contradicts the state "unknown"'],
    ['6', 'level', 'does not allow N/A']
  ];
  for (const [i, [row, column, message]] of expected.entries()) {
    const cells = rows.nth(i).locator('td');
    await expect(cells.nth(0)).toHaveText('broken-answers.csv');
    await expect(cells.nth(1)).toHaveText(row!);
    await expect(cells.nth(2)).toHaveText(column!);
    await expect(cells.nth(3)).toContainText(message!);
  }
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);

  // Row 2 was valid (lead-agency 4), but nothing at all was written.
  await expect(page.getByText('2 of 36 questions answered')).toBeVisible();
  await openSection(page, id, 'national-strategy', 'leadership-governance');
  await expect(
    question(page, 'lead-agency').getByRole('radio', { name: /^2 Formative/ })
  ).toBeChecked();
  await expect(
    question(page, 'coordination-body').getByRole('radio', { name: "Don't know" })
  ).toBeChecked();
});

test('a CSV saved as Windows-1252 is shown as such, and imported only as the user chose', async ({
  page
}) => {
  const id = await kenyaWithAnswers(page);
  await openData(page);
  const csv = section(page, 'Answers in a spreadsheet (CSV)');
  await csv.getByLabel('Import the answers into').selectOption({ index: 1 });
  await csv.getByLabel('Answers file (CSV)').setInputFiles(fixture('windows-1252-answers.csv'));
  // The preview says the file is not UTF-8, proposes Windows-1252 and shows its rows.
  await expect(csv.getByText('windows-1252-answers.csv is not UTF-8.')).toBeVisible();
  const encoding = csv.getByLabel('Read the file as');
  await expect(encoding).toHaveValue('windows-1252');
  await expect(csv.getByText('Encoding: Windows-1252')).toBeVisible();
  const preview = csv.locator('table.rows');
  await expect(
    preview.getByRole('cell', { name: 'Comité national de cybersécurité' })
  ).toBeVisible();
  // As UTF-8 it cannot be read: the reason, and no way to import it so.
  await encoding.selectOption('utf-8');
  const problems = csv.getByRole('region', { name: /problem found — nothing was imported/ });
  const cells = problems.locator('tbody tr td');
  await expect(cells).toHaveText([
    'windows-1252-answers.csv',
    '3',
    '—',
    /^The file is not UTF-8\. It is probably Windows-1252/
  ]);
  await expect(csv.getByRole('button', { name: 'Check the file' })).toHaveCount(0);
  await encoding.selectOption('windows-1252');
  await csv.getByRole('button', { name: 'Check the file' }).click();
  await expect(csv.getByText('Read as WINDOWS-1252 text.')).toBeVisible();
  await csv.getByRole('button', { name: 'Import', exact: true }).click();
  // As a user would: the answers are looked at once the import says it is done.
  await expect(importResult(csv)).toContainText('Imported 2 answers into “Kenya 2026”');
  await openSection(page, id, 'national-strategy', 'leadership-governance');
  await expect(
    question(page, 'coordination-body').getByLabel('Comment', { exact: true })
  ).toHaveValue('Comité national de cybersécurité');
});

test('back up, remove all data, restore: everything is back', async ({ page }) => {
  const id = await kenyaWithAnswers(page);
  await createAssessment(page, {
    country: 'Jamaica',
    countryCode: 'JM',
    title: 'Jamaica 2026',
    questionnaires: [/Privacy and data protection/]
  });
  await question(page, 'law-in-force')
    .getByRole('radio', { name: /^4 Strategic/ })
    .check();
  await expectSaved(page);

  await page.goto('/');
  await expect(page.getByText('Nothing in this browser has been backed up yet.')).toBeVisible();
  await page.getByRole('link', { name: 'download a backup on the Data screen' }).click();
  const backup = await downloadOf(page, () =>
    page.getByRole('button', { name: 'Download a full backup' }).click()
  );
  expect(backup.name).toMatch(/^ncs-backup_\d{4}-\d{2}-\d{2}_AMBER\.json$/);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Jamaica' })).toBeVisible();
  await expect(page.getByText('Nothing in this browser has been backed up yet.')).toHaveCount(0);
  const dashboardBefore = await page.locator('main').innerText();
  await openSection(page, id, 'national-strategy', 'leadership-governance');
  const answersBefore = await page.locator('main').innerText();

  await openData(page);
  await page.getByRole('button', { name: 'Remove all data from this browser…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove all data from this browser?' });
  await expect(confirm).toContainText('2 assessments of Jamaica, Kenya');
  await expect(confirm).toContainText('3 answered questions, with evidence and comments');
  await confirm.getByRole('button', { name: 'Remove everything' }).click();
  await expect(notices(page)).toContainText('All data was removed from this browser.');
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'No assessments in this browser yet' })
  ).toBeVisible();

  await openData(page);
  const restore = section(page, 'Backup and restore');
  await restore.getByLabel('Backup file to restore (JSON)').setInputFiles({
    name: backup.name,
    mimeType: 'application/json',
    buffer: readFileSync(backup.path)
  });
  const holds = page.getByRole('region', { name: 'What the backup holds' });
  await expect(holds).toContainText('2 assessments (Jamaica, Kenya)');
  await expect(holds).toContainText('3 answered questions');
  await expect(holds).toContainText('This browser now holds 0 assessments');
  await holds.getByRole('button', { name: 'Restore this backup…' }).click();
  await page
    .getByRole('dialog', { name: 'Replace everything in this browser?' })
    .getByRole('button', { name: 'Replace everything' })
    .click();
  const restored = importResult(restore);
  await expect(restored).toContainText(`Restored ${backup.name}: 2 assessments.`);
  // One line per assessment brought back (a backup holds them in no particular order).
  await expect(restored.getByRole('listitem')).toHaveCount(2);
  for (const line of ['Kenya 2026 — restored', 'Jamaica 2026 — restored']) {
    await expect(restored.getByRole('listitem').filter({ hasText: line })).toHaveCount(1);
  }
  await expect(restored.getByRole('link', { name: 'Jamaica 2026' })).toBeVisible();

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Jamaica' })).toBeVisible();
  expect(await page.locator('main').innerText()).toBe(dashboardBefore);
  await openSection(page, id, 'national-strategy', 'leadership-governance');
  await expect(question(page, 'lead-agency').getByLabel('Comment', { exact: true })).toHaveValue(
    'National KE-CIRT; mandate in the 2018 Act'
  );
  expect(await page.locator('main').innerText()).toBe(answersBefore);
  await expect(
    question(page, 'lead-agency').getByRole('radio', { name: /^2 Formative/ })
  ).toBeChecked();
});

test('a bundle with one changed byte is refused and nothing changes', async ({ page }) => {
  await kenyaWithAnswers(page);
  await openData(page);
  const bundles = section(page, 'Assessment bundles');
  await bundles.getByRole('button', { name: 'Select all' }).click();
  await expect(bundles.getByText('Kenya_')).toBeVisible();
  const exported = await downloadOf(page, () =>
    bundles.getByRole('button', { name: 'Export bundle (1)' }).click()
  );
  expect(exported.name).toMatch(/^Kenya_\d{4}-\d{2}-\d{2}_bundle_AMBER\.json$/);

  // One byte inside the content: the title "Kenya 2026" becomes "Kenya 2027".
  const at = exported.text.indexOf('"Kenya 2026"') + 'Kenya 202'.length + 1;
  expect(exported.text[at]).toBe('6');
  const tampered = exported.text.slice(0, at) + '7' + exported.text.slice(at + 1);
  await page.goto('/');
  const before = await page.locator('main').innerText();

  await openData(page);
  await section(page, 'Assessment bundles')
    .getByLabel('Assessment bundles (JSON)')
    .setInputFiles({
      name: 'kenya.json',
      mimeType: 'application/json',
      buffer: Buffer.from(tampered)
    });
  const problems = page.getByRole('region', { name: 'Problems found — nothing was imported' });
  await expect(problems.getByRole('row').filter({ hasText: 'kenya.json' })).toContainText(
    'the file is damaged: its checksum does not match what it holds'
  );
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Kenya 2026' })).toBeVisible();
  expect(await page.locator('main').innerText()).toBe(before);
});

test('a bundle moves to a fresh browser profile; importing again keeps both or skips', async ({
  page,
  browser
}) => {
  const id = await kenyaWithAnswers(page);
  await page.goto(`/#/assessments/${id}`);
  await page.locator('summary', { hasText: 'Export bundle' }).click();
  await expect(page.getByText('Kenya_')).toBeVisible();
  const exported = await downloadOf(page, () =>
    page.getByRole('button', { name: 'Export bundle', exact: true }).click()
  );
  expect(exported.name).toMatch(/^Kenya_\d{4}-\d{2}-\d{2}_bundle_AMBER\.json$/);
  const file = {
    name: exported.name,
    mimeType: 'application/json',
    buffer: readFileSync(exported.path)
  };

  const fresh = waitForAppReadyIn(await browser.newContext({ baseURL: BASE }));
  const other = await fresh.newPage();
  await other.goto('/');
  await expect(
    other.getByRole('heading', { name: 'No assessments in this browser yet' })
  ).toBeVisible();
  await openData(other);
  const bundles = section(other, 'Assessment bundles');
  const input = bundles.getByLabel('Assessment bundles (JSON)');
  const importButton = bundles.getByRole('button', { name: 'Import', exact: true });

  await input.setInputFiles(file);
  await expect(bundles.getByRole('table', { name: 'New in this browser (1)' })).toContainText(
    'Kenya 2026'
  );
  await expect(
    bundles.getByRole('table', { name: 'Questionnaire versions in the file' })
  ).toContainText('New here: will be stored');
  await importButton.click();
  await expect(importResult(bundles)).toContainText(
    'Imported: 1 added; 1 questionnaire version stored.'
  );
  await expect(importResult(bundles).getByRole('listitem')).toHaveText('Kenya 2026 — added');

  await other.goto('/');
  await other.getByRole('link', { name: 'Kenya 2026' }).click();
  await expect(other.getByText('2 of 36 questions answered')).toBeVisible();
  await openSection(other, id, 'national-strategy', 'leadership-governance');
  await expect(
    question(other, 'lead-agency').getByRole('radio', { name: /^2 Formative/ })
  ).toBeChecked();
  await expect(question(other, 'lead-agency').getByLabel('Comment', { exact: true })).toHaveValue(
    'National KE-CIRT; mandate in the 2018 Act'
  );

  // The same file again: it exists now, so the user chooses. Keep both.
  await openData(other);
  await input.setInputFiles(file);
  const choice = bundles.getByRole('group', { name: /Kenya — “Kenya 2026”/ });
  await expect(choice.getByRole('radio', { name: 'Skip (keep the one here)' })).toBeChecked();
  await choice.getByRole('radio', { name: 'Keep both (import as a copy)' }).check();
  await importButton.click();
  const copied = importResult(bundles);
  await expect(copied).toContainText('Imported: 1 kept beside an existing one.');
  await expect(copied.getByRole('listitem')).toHaveText(
    'Kenya 2026 (imported) — added beside the one already here'
  );
  // The link opens the copy, under its new id.
  await copied.getByRole('link', { name: 'Kenya 2026 (imported)' }).click();
  await expect(
    other.getByRole('heading', { level: 1, name: 'Kenya 2026 (imported)' })
  ).toBeVisible();
  expect(other.url()).not.toContain(id);
  await other.goto('/');
  await expect(other.getByRole('link', { name: 'Kenya 2026', exact: true })).toBeVisible();
  await expect(other.getByRole('link', { name: 'Kenya 2026 (imported)' })).toBeVisible();

  // And once more, skipping: nothing changes.
  await openData(other);
  await input.setInputFiles(file);
  await expect(bundles.getByRole('group', { name: /Kenya — “Kenya 2026”/ })).toBeVisible();
  await importButton.click();
  await expect(importResult(bundles)).toContainText('Imported: 1 skipped.');
  await expect(importResult(bundles).getByRole('listitem')).toHaveText(
    'Kenya 2026 — skipped: left as it was'
  );
  await other.goto('/');
  await expect(other.locator('main tbody tr')).toHaveCount(2);
  await fresh.close();
});

test('a custom questionnaire with a typo is refused with file, path and message', async ({
  page
}) => {
  await openData(page);
  const custom = section(page, 'Custom questionnaires');
  const input = custom.getByLabel('Questionnaire file (YAML or JSON)');
  await input.setInputFiles(fixture('typo-questionnaire.yaml'));
  const problems = custom.getByRole('region', {
    name: 'Problems found — the questionnaire was not imported'
  });
  // The same problems `npm run validate` prints for this file: file, path and what to do.
  await expect(problems.locator('tbody tr').nth(0).getByRole('cell')).toHaveText([
    'typo-questionnaire.yaml',
    'sections[0].questions[1]',
    'holds keys this format does not have (wieght): remove them or check their spelling'
  ]);
  await expect(problems.locator('tbody tr').nth(1).getByRole('cell')).toHaveText([
    'typo-questionnaire.yaml',
    'sections[0].questions[0].levels.2',
    'describe level 2'
  ]);

  // Corrected, it is stored and offered for templates.
  const fixed = readFileSync(fixture('typo-questionnaire.yaml'), 'utf8')
    .replace('wieght: 2', 'weight: 2\n        weightReason: It matters more.')
    .replace('levels: { 1: Nothing yet. }', 'levels: { 1: Nothing yet., 2: Working. }');
  await input.setInputFiles({
    name: 'fixed.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(fixed)
  });
  await expect(
    custom.getByText('Stored “A questionnaire with mistakes” version 1.0.0.')
  ).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /A questionnaire with mistakes/ })).toBeVisible();

  // The same id and version with other content is refused; so is a built-in id.
  await input.setInputFiles({
    name: 'changed.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(fixed.replace('How is it?', 'How is it now?'))
  });
  await expect(custom.getByRole('row').filter({ hasText: 'changed.yaml' })).toContainText(
    '"A questionnaire with mistakes" (typo-example) version 1.0.0 is already stored in this browser with different content'
  );
  await input.setInputFiles({
    name: 'mine.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(fixed.replace('id: typo-example', 'id: national-strategy'))
  });
  await expect(custom.getByRole('row').filter({ hasText: 'mine.yaml' })).toContainText(
    '"national-strategy" is the id of a built-in questionnaire'
  );
});

test('the Data screen passes the accessibility scan', async ({ page }) => {
  await kenyaWithAnswers(page);
  await openData(page);
  await expectAccessible(page, 'Data screen');
  const csv = section(page, 'Answers in a spreadsheet (CSV)');
  await csv.getByLabel('Answers file (CSV)').setInputFiles(fixture('broken-answers.csv'));
  await expect(csv.getByLabel('Delimiter')).toBeVisible();
  const into = csv.getByLabel('Import the answers into');
  const kenya = await into.locator('option', { hasText: 'Kenya 2026' }).getAttribute('value');
  await into.selectOption(kenya!);
  await csv.getByRole('button', { name: 'Check the file' }).click();
  await expect(csv.getByRole('region', { name: /problems found/ })).toBeVisible();
  await expectAccessible(page, 'Data screen with a CSV preview and problems');
});
