import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, test } from './support/test';
import { chooseCountry, createAssessment, expectSaved, question } from './support/app';
import { expectAccessible } from './support/browser';

test('gaps become a dated plan, travel as a spreadsheet-edited CSV and carry into the next assessment', async ({
  page
}) => {
  const id = await createAssessment(page, {
    country: 'Vanuatu',
    countryCode: 'VU',
    title: 'Vanuatu 2026',
    questionnaires: [/Privacy and data protection/]
  });
  await question(page, 'law-in-force')
    .getByRole('radio', { name: /^2 Formative/ })
    .check();
  await question(page, 'principles')
    .getByRole('radio', { name: /^1 Start-up/ })
    .check();
  await question(page, 'public-private-scope')
    .getByRole('radio', { name: /^2 Formative/ })
    .check();
  await expectSaved(page);

  // Three gap rows to the plan, one click each; the rows then say so.
  await page.goto(`/#/assessments/${id}/results`);
  const gaps = page.getByTestId('gap-list');
  await expect(gaps.locator('tbody tr')).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await gaps
      .getByRole('button', { name: /^Add to plan/ })
      .first()
      .click();
    await expect(gaps.getByTestId('in-plan')).toHaveCount(i + 1);
  }
  await expect(gaps.getByRole('button', { name: /^Add to plan/ })).toHaveCount(0);
  await expectAccessible(page, 'results with the plan column');

  await gaps.getByRole('link', { name: 'In the plan' }).first().click();
  await expect(page.getByRole('heading', { name: 'Action plan', level: 1 })).toBeVisible();
  const rows = page.getByTestId('plan-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('plan-counts')).toHaveText('3 actions, 0 overdue');

  // Edit owner, due date and status of the first action by keyboard.
  const first = rows.first();
  const title = (await first.locator('.title').textContent())!.trim();
  const owner = page.getByLabel(`Owner of “${title}”`);
  await owner.focus();
  await page.keyboard.type('Ministry of ICT');
  await page.keyboard.press('Tab'); // to the priority
  await page.keyboard.press('Tab'); // to the status
  await expect(page.getByLabel(`Status of “${title}”`)).toBeFocused();
  await page.keyboard.press('ArrowDown'); // planned → in progress
  await expect(page.getByLabel(`Status of “${title}”`)).toHaveValue('in-progress');
  await page.keyboard.press('Tab');
  const due = page.getByLabel(`Due date of “${title}”`);
  await expect(due).toBeFocused();
  await page.keyboard.type('03312020'); // month, day, year: long past, so overdue
  await page.keyboard.press('Tab');
  await expect(due).toHaveValue('2020-03-31');
  await expect(page.getByTestId('plan-counts')).toHaveText('3 actions, 1 overdue');
  await expect(owner).toHaveValue('Ministry of ICT');

  // The overdue filter keeps that one action.
  await page.getByLabel('Overdue only').check();
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Overdue only').uncheck();
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Timeline by quarter' })).toBeVisible();
  await expect(page.getByText('In progress, overdue').first()).toBeVisible();
  await expectAccessible(page, 'the action plan');

  // Export, then edit as a spreadsheet would: semicolons, Windows line ends, quotes.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the plan as CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Vanuatu_\d{4}-\d{2}-\d{2}_AMBER_action-plan\.csv$/);
  const exported = readFileSync(await file.path(), 'utf8');
  const lines = exported.replace('\uFEFF', '').split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(4);
  const header = lines[0]!.split(',');
  const col = (name: string) => header.indexOf(name);
  const parse = (line: string) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quoted && c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    return [...cells, cell];
  };
  const body = lines.slice(1).map(parse);
  const second = body[1]!;
  second[col('owner')] = 'National CSIRT; Ministry of Justice';
  second[col('status')] = 'done';
  second[col('done_on')] = '2026-12-01';
  const added = header.map(() => '');
  added[col('title')] = 'Publish breach notification guidance';
  added[col('priority')] = 'high';
  added[col('due')] = '2027-06-30';
  const cell = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const edited = [header, ...body, added].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
  const path = join(tmpdir(), `plan-${Date.now()}.csv`);
  writeFileSync(path, edited, 'utf8');

  await page.getByLabel('Choose the plan CSV').setInputFiles(path);
  // What the import did stays on screen until closed.
  await expect(page.getByTestId('import-result')).toContainText('added 1, changed 1, unchanged 2');
  await expect(rows).toHaveCount(4);
  await expect(page.getByLabel(`Owner of “${second[col('title')]}”`)).toHaveValue(
    'National CSIRT; Ministry of Justice'
  );
  await expect(page.getByLabel(`Status of “${second[col('title')]}”`)).toHaveValue('done');

  // A bad file: every problem by row and column, nothing written.
  const bad = edited.replace('2027-06-30', '2027-02-30');
  writeFileSync(path, bad, 'utf8');
  await page.getByLabel('Choose the plan CSV').setInputFiles(path);
  await expect(
    page.getByTestId('plan-import-problems').getByRole('row', {
      name: /^plan-\d+\.csv 5 due “2027-02-30” is not a date written YYYY-MM-DD/
    })
  ).toBeVisible();
  await expect(rows).toHaveCount(4);

  // The dashboard counts the overdue action.
  await page.goto('/');
  await expect(page.getByRole('link', { name: '1 action overdue' })).toBeVisible();

  // A new assessment started from this one carries the open actions (not the done one).
  await page.goto('/#/assessments/new');
  await chooseCountry(page, 'Vanuatu', 'VU');
  const previous = page.getByLabel('Start from a previous assessment');
  const label = await previous.locator('option', { hasText: 'Vanuatu 2026' }).textContent();
  await previous.selectOption({ label: label!.trim() });
  await page.getByLabel('Title', { exact: true }).fill('Vanuatu 2027');
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  const next = /#\/assessments\/([^/]+)\/answer/.exec(page.url())![1]!;
  await page.goto(`/#/assessments/${next}/plan`);
  await expect(rows).toHaveCount(3);
  await expect(page.getByLabel(`Owner of “${title}”`)).toHaveValue('Ministry of ICT');
  await expect(page.getByLabel(`Status of “${title}”`)).toHaveValue('in-progress');
  await expect(page.getByText('Since the previous assessment').first()).toBeVisible();

  // The old plan marks its copies as carried, and no longer counts them as overdue.
  await page.goto(`/#/assessments/${id}/plan`);
  await expect(page.getByText('Carried to “Vanuatu 2027”').first()).toBeVisible();
  await expect(page.getByTestId('plan-counts')).toHaveText('4 actions, 0 overdue');
  await page.goto('/');
  await expect(page.getByRole('link', { name: '1 action overdue' })).toHaveCount(1);
});

/** Text as Excel writes it on Windows in a French locale (Windows-1252, one byte a letter). */
function windows1252(text: string): Buffer {
  const beyondLatin1: Record<string, number> = { '—': 0x97, '’': 0x92 };
  return Buffer.from([...text].map((c) => beyondLatin1[c] ?? c.charCodeAt(0)));
}

test('the plan CSV saves with the separator chosen, and a Windows-1252 plan is shown before it is imported', async ({
  page
}) => {
  const id = await createAssessment(page, {
    country: 'Vanuatu',
    countryCode: 'VU',
    title: 'Vanuatu 2026',
    questionnaires: [/Privacy and data protection/]
  });
  await page.goto(`/#/assessments/${id}/plan`);
  await page.getByLabel('CSV separator').selectOption(';');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the plan as CSV' }).click();
  const exported = readFileSync(await (await download).path(), 'utf8');
  expect(exported.startsWith('\uFEFFassessment_id;country;action_id;title;')).toBe(true);

  const title = 'Réviser la stratégie nationale — phase 2';
  const owner = 'Ministère de l’Économie';
  await page.getByLabel('Choose the plan CSV').setInputFiles({
    name: 'plan-excel.csv',
    mimeType: 'text/csv',
    buffer: windows1252(`title;owner;priority\r\n${title};${owner};high\r\n`)
  });
  await expect(page.getByText('plan-excel.csv is not UTF-8.')).toBeVisible();
  const encoding = page.getByLabel('Read the file as');
  await expect(encoding).toHaveValue('windows-1252');
  const preview = page.getByRole('table', { name: /The first rows of plan-excel\.csv/ });
  await expect(preview.getByRole('cell', { name: owner })).toBeVisible();
  // Nothing is written before the user confirms.
  const rows = page.getByTestId('plan-row');
  await expect(rows).toHaveCount(0);
  await expectAccessible(page, 'the plan import preview');
  await encoding.selectOption('utf-8');
  await expect(page.getByText('The file is not UTF-8.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import these rows' })).toBeDisabled();
  await encoding.selectOption('windows-1252');
  await page.getByRole('button', { name: 'Import these rows' }).click();

  const result = page.getByRole('status').filter({ hasText: 'Import finished' });
  await expect(result).toContainText('plan-excel.csv: added 1, changed 0, unchanged 0.');
  await expect(rows).toHaveCount(1);
  await expect(page.getByLabel(`Owner of “${title}”`)).toHaveValue(owner);
  await result.getByRole('button', { name: 'Close this message' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toHaveCount(0);
});
