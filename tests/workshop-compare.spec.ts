import { writeFileSync } from 'node:fs';
import { expect, test } from './support/test';
import { expectAccessible } from './support/browser';

const HEADER =
  'country,assessment_id,assessment_title,assessment_date,respondent,assessment_target,assessment_scope,questionnaire_id,questionnaire_version,question_id,question_text,level,state,na_reason,target,regional,evidence,comment,rationale,group';

/** One answers CSV row of the national strategy questionnaire; `group` empty = the consensus. */
function row(id: string, date: string, question: string, level: string, group = '', state = '') {
  const title = `Kenya workshop ${date.slice(0, 4)}`;
  return `KE,${id},${title},${date},Ministry of ICT,,full,national-strategy,2.0.0,${question},,${level},${state},,,,,,,${group}`;
}

// Two workshops of one country, a year apart, with three groups each: the government, a
// university and an international partner (an observer by default).
const CSV = [
  HEADER,
  row('ke-ws-2025', '2025-06-10', 'lead-agency', '2'),
  row('ke-ws-2025', '2025-06-10', 'coordination-body', '1'),
  row('ke-ws-2025', '2025-06-10', 'lead-agency', '3', 'Ministry of ICT'),
  row('ke-ws-2025', '2025-06-10', 'lead-agency', '1', 'University of Nairobi'),
  row('ke-ws-2025', '2025-06-10', 'lead-agency', '4', 'international-partner'),
  row('ke-ws-2025', '2025-06-10', 'coordination-body', '', 'Ministry of ICT', 'unknown'),
  row('ke-ws-2026', '2026-11-20', 'lead-agency', '3'),
  row('ke-ws-2026', '2026-11-20', 'coordination-body', '1'),
  row('ke-ws-2026', '2026-11-20', 'lead-agency', '4', 'Ministry of ICT'),
  row('ke-ws-2026', '2026-11-20', 'lead-agency', '3', 'University of Nairobi'),
  row('ke-ws-2026', '2026-11-20', 'lead-agency', '2', 'international-partner')
].join('\n');

test('the item diff of two workshops shows the groups’ answers beside the consensus', async ({
  page
}, testInfo) => {
  const file = testInfo.outputPath('kenya-workshops.csv');
  writeFileSync(file, `${CSV}\n`);
  await page.goto('/#/data');
  const csv = page.getByRole('region', { name: 'Answers in a spreadsheet (CSV)' });
  await csv.getByLabel('Answers file (CSV)').setInputFiles(file);
  await csv.getByRole('button', { name: 'Check the file' }).click();
  await expect(csv.getByRole('table', { name: 'New in this browser (2)' })).toBeVisible();
  await csv.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(csv.getByRole('status').filter({ hasText: 'Import finished' })).toContainText(
    'Kenya workshop 2026'
  );

  // The later workshop shows its groups anonymised, as under the Chatham House Rule.
  await page.goto('/#/assessments/ke-ws-2026');
  const groups = page.getByRole('region', { name: 'Workshop groups' });
  await groups.getByLabel('Show groups anonymised').check();
  await groups.getByRole('button', { name: 'Save groups' }).click();
  await expect(page.getByText('Groups saved.')).toBeVisible();

  await page.goto('/#/compare/diff/ke-ws-2025/ke-ws-2026');
  await expect(page.getByRole('heading', { level: 1, name: 'Answers compared' })).toBeVisible();
  const table = page.getByTestId('diff-national-strategy');
  const lead = table.locator('tr[data-question="lead-agency"]');
  // The figures and the change come from the consensus: 2 → 3, whatever the groups said.
  await expect(lead.locator('td').nth(2)).toHaveText('Raised by 1 level');
  await expect(lead.getByRole('table')).toHaveCount(0);

  const show = page.getByRole('checkbox', { name: "Show the groups' answers" });
  await show.check();
  const before = lead.getByRole('table', { name: "The groups' answers, before" });
  const after = lead.getByRole('table', { name: "The groups' answers, after" });
  await expect(before.getByRole('columnheader')).toHaveText(['Group', 'Their answer']);
  await expect(before.getByRole('rowheader')).toHaveText([
    'Ministry of ICT',
    'University of Nairobi',
    'international-partner (observer, not counted)'
  ]);
  await expect(before.getByRole('row', { name: /^Ministry of ICT/ })).toContainText('3');
  await expect(before.getByRole('row', { name: /^University of Nairobi/ })).toContainText('1');
  // Anonymised after: letters, never the names.
  await expect(after.getByRole('rowheader')).toHaveText([
    'Group A',
    'Group B',
    'Group C (observer, not counted)'
  ]);
  await expect(after).not.toContainText('Nairobi');
  await expect(after.getByRole('row', { name: /^Group A/ })).toContainText('4');
  // The change stays the consensus's.
  await expect(lead.locator('> td').nth(2)).toHaveText('Raised by 1 level');

  // Every question, the unchanged one too: a group that did not answer says so.
  await page.getByRole('checkbox', { name: 'Show only questions that changed' }).uncheck();
  const coordination = table.locator('tr[data-question="coordination-body"]');
  const coordinationBefore = coordination.getByRole('table', {
    name: "The groups' answers, before"
  });
  await expect(coordinationBefore.getByRole('row', { name: /^Ministry of ICT/ })).toContainText(
    "Don't know"
  );
  await expect(coordinationBefore.getByRole('row', { name: /^University/ })).toContainText(
    'Not answered'
  );
  await expectAccessible(page, "the item diff with the groups' answers");
});
