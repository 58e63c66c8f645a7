import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './support/test';
import { addGroups, createAssessment, expectSaved, question } from './support/app';
import { expectAccessible } from './support/browser';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

test('a workshop answers from the keyboard: group answers, spread, suggestion, consensus with its rationale, and the results', async ({
  page
}) => {
  const id = await createAssessment(page, {
    country: 'Fiji',
    countryCode: 'FJ',
    title: 'Fiji workshop 2026',
    questionnaires: [/Privacy and data protection/]
  });
  await page.goto(`/#/assessments/${id}`);
  const panel = await addGroups(page, [
    { name: 'Ministry of ICT', kind: 'government' },
    { name: 'University of the South Pacific', kind: 'academia' },
    { name: 'Civil society forum', kind: 'civil-society' },
    { name: 'Development partner', kind: 'international-partner' }
  ]);
  await panel.getByRole('button', { name: 'Save groups' }).click();
  await expect(page.getByText('Groups saved.')).toBeVisible();

  await page.goto(`/#/assessments/${id}/answer/privacy-data-protection/data-protection-law`);
  const workshop = page.locator('[data-testid="workshop-question"][data-question="law-in-force"]');
  const box = (group: string) => workshop.getByRole('textbox', { name: `Answer of ${group}` });
  await expect(workshop.getByTestId('group-keys')).toContainText('0 don’t know');
  await expect(workshop.getByTestId('group-keys')).toContainText('c cannot disclose');

  // One key per group, in group order; the observer comes last, shown apart.
  await box('Ministry of ICT').click();
  await page.keyboard.type('413');
  await expect(box('Development partner')).toBeFocused();
  // An arrow goes back to correct the civil society forum's card: 2, not 3.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('2');
  await expect(box('Civil society forum')).toHaveValue('2');
  await box('Development partner').click();
  await page.keyboard.type('5');
  await expect(box('Ministry of ICT')).toHaveValue('4');
  await expect(box('University of the South Pacific')).toHaveValue('1');
  await expect(box('Development partner')).toHaveValue('5');
  // A key that means nothing here is refused in words.
  await box('Ministry of ICT').click();
  await page.keyboard.type('9');
  await expect(workshop.getByText('“9” is not an answer to this question.')).toBeVisible();
  await expect(box('Ministry of ICT')).toHaveValue('4');

  // Rule 13 without the observer: 4, 1, 2 → lower median 2, three steps apart.
  const spread = workshop.getByTestId('spread-line');
  await expect(spread).toContainText('Spread of 3 steps.');
  await expect(spread).toContainText('The groups disagree.');
  await expect(workshop.getByTestId('suggestion')).toHaveText('Suggested consensus: 2 Formative');

  // The room settles on 3, not the suggestion: rule 13 takes the focus to the rationale box, and
  // nothing is set until the facilitator says so.
  const consensus = workshop.getByTestId('consensus');
  await consensus.getByRole('combobox', { name: 'Consensus' }).selectOption('3');
  const rationale = consensus.getByLabel('Rationale: why the room settled here');
  await expect(rationale).toBeFocused();
  await expect(consensus).toContainText('No consensus set yet.');
  await expect(question(page, 'law-in-force').getByRole('radio', { checked: true })).toHaveCount(0);
  await rationale.fill('The law is in force; the regulator is not yet funded.');
  await consensus.getByRole('button', { name: 'Set consensus' }).click();
  await expect(consensus).toContainText('Consensus set: 3 Established.');
  await expect(
    question(page, 'law-in-force').getByRole('radio', { name: /^3 Established/ })
  ).toBeChecked();
  await expect(consensus.getByText('One consensus change')).toBeVisible();
  await expectSaved(page);
  await expectAccessible(page, 'workshop answer screen with group answers and a consensus');

  // A group changing its mind moves the spread, never the score.
  await box('University of the South Pacific').click();
  await page.keyboard.type('0');
  await expect(workshop.getByText('One group doesn’t know.')).toBeVisible();

  // Only where the groups disagree: 4 and 2 (the observer left out) on the one question they
  // answered, among the questionnaire's 33; the choice stays on in the next section.
  const disagreedOnly = page.getByRole('checkbox', { name: 'Only where the groups disagree' });
  await disagreedOnly.focus();
  await page.keyboard.press('Space');
  await expect(disagreedOnly).toBeChecked();
  await expect(page.getByTestId('disagreed-count')).toHaveText('1 of 33 questions');
  await expect(page.locator('fieldset[data-question]')).toHaveCount(1);
  await expectAccessible(page, 'workshop answer screen, only where the groups disagree');
  await page.getByRole('navigation', { name: 'Section pages' }).getByRole('link').last().click();
  await expect(page.getByTestId('section-heading')).toHaveText('Supervisory authority');
  await expect(disagreedOnly).toBeChecked();
  await expect(page.locator('fieldset[data-question]')).toHaveCount(0);

  await page.goto(`/#/assessments/${id}/results`);
  // The consensus alone counts: level 3 of 1–5 on the one answered question → 50.0.
  await expect(page.locator('[data-scope="overall"]').getByTestId('score')).toHaveText('50.0');
  const disagree = page.getByTestId('where-groups-disagree');
  await expect(disagree.getByRole('heading', { name: 'Where the groups disagree' })).toBeVisible();
  const row = disagree.getByRole('row', { name: /Data protection law in force/ });
  await expect(row).toContainText('2 Formative to 4 Strategic');
  await expect(row).toContainText('Spread of 2 steps.');
  await expect(row).toContainText('3 Established');
  await expectAccessible(page, 'results of a workshop');

  await row.getByRole('link', { name: 'Data protection law in force' }).click();
  await expect(page.getByTestId('section-heading')).toHaveText('Data protection law');
  await expect(
    question(page, 'law-in-force').getByRole('radio', { name: /^3 Established/ })
  ).toBeFocused();
});

test('a spreadsheet with group rows creates a workshop, and the app’s spread CSV equals the command line’s for the same file', async ({
  page
}) => {
  await page.goto('/#/data');
  const csv = page.getByRole('region', { name: 'Answers in a spreadsheet (CSV)' });
  await csv.getByLabel('Answers file (CSV)').setInputFiles(fixture('workshop-answers.csv'));
  await csv.getByRole('button', { name: 'Check the file' }).click();
  await expect(csv.getByRole('table', { name: 'New in this browser (1)' })).toContainText(
    'Tuvalu workshop 2026'
  );
  await csv.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(csv.getByRole('status').filter({ hasText: 'Import finished' })).toContainText(
    '1 added'
  );

  await page.goto('/#/assessments/tv-workshop-2026/results');
  // The consensus alone is scored: 3 on the weight-2 law question, 2 on principles → 41.7.
  await expect(page.locator('[data-scope="overall"]').getByTestId('score')).toHaveText('41.7');
  const disagree = page.getByTestId('where-groups-disagree');
  const row = disagree.getByRole('row', { name: /Data protection law in force/ });
  await expect(row).toContainText('1 Start-up to 4 Strategic');
  await expect(row).toContainText('3 Established');
  await expect(disagree.getByRole('row')).toHaveCount(2);

  const download = page.waitForEvent('download');
  await disagree.getByRole('button', { name: 'Export the groups’ spread (CSV)' }).click();
  const appSpread = readFileSync(await (await download).path(), 'utf8');
  const cliSpread = execFileSync(
    'node_modules/.bin/tsx',
    [
      'scripts/score.ts',
      '--spread',
      '--questionnaire',
      'questionnaires/privacy-data-protection.yaml',
      '--answers',
      fixture('workshop-answers.csv')
    ],
    { encoding: 'utf8' }
  );
  expect(appSpread).toBe(cliSpread);
  expect(appSpread.split('\r\n')[1]).toBe(
    'tv-workshop-2026,privacy-data-protection,law-in-force,3,0,1,4,2,3,yes,3,Act in force; regulations pending'
  );
});
