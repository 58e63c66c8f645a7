import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectAccessible } from './support/browser';
import { chooseCountry, createAssessment, expectSaved, openNotes, question } from './support/app';

/** The option each question of the open section has checked, by question id ('' = none). */
async function checked(page: Page): Promise<Record<string, string>> {
  return page
    .locator('fieldset.question')
    .evaluateAll((cards) =>
      Object.fromEntries(
        cards.map((c) => [
          (c as HTMLElement).dataset.question ?? '',
          c.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? ''
        ])
      )
    );
}

async function expectArrivedAt(page: Page, title: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name: title });
  await expect(heading).toBeFocused();
}

test('digit keys act only on the focused question, in both directions and after a reload', async ({
  page
}) => {
  await createAssessment(page, {
    country: 'Kenya',
    countryCode: 'KE',
    questionnaires: [/Privacy and data protection/]
  });
  // A new assessment opens at its first unanswered question, with the focus in it.
  await expect(question(page, 'law-in-force').getByRole('radio').first()).toBeFocused();

  // Section 1 by keyboard only: a digit, then j, six times; 0 is "don't know".
  for (const key of ['3', 'j', '2', 'j', '0', 'j', '4', 'j', '1', 'j', '3']) {
    await page.keyboard.press(key);
  }
  await expectSaved(page);
  expect(await checked(page)).toEqual({
    'law-in-force': '3',
    principles: '2',
    'public-private-scope': 'unknown',
    'sensitive-data': '4',
    'enforcement-provisions': '1',
    // A digit names no option of a treaty-status question (its options are named, not levels).
    'convention-108-status': '',
    'convention-108-plus-status': '',
    'malabo-status': ''
  });

  // Forward by the "next section" link: the heading has the focus, digits answer nothing.
  await page
    .getByRole('navigation', { name: 'Section pages' })
    .getByRole('link', { name: /Supervisory authority/ })
    .click();
  await expectArrivedAt(page, 'Supervisory authority');
  await page.keyboard.press('4');
  await page.keyboard.press('0');
  expect(Object.values(await checked(page))).toEqual(['', '', '', '']);
  // j starts at the first question of the section, not where section 1 was left.
  await page.keyboard.press('j');
  await page.keyboard.press('4');
  await expectSaved(page);
  expect(await checked(page)).toEqual({
    'authority-independence': '4',
    'authority-powers': '',
    'authority-resources': '',
    'enforcement-record': ''
  });
  // The question's top, with its text, is in view below the sticky bar.
  const barBottom = await page
    .getByTestId('save-status')
    .evaluate((el) => el.closest('[data-sticky-top]')!.getBoundingClientRect().bottom);
  const cardTop = await question(page, 'authority-independence').evaluate(
    (el) => el.getBoundingClientRect().top
  );
  expect(cardTop).toBeGreaterThanOrEqual(barBottom);

  // Forward by the section list.
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Rights, redress and breach notification' })
    .click();
  await expectArrivedAt(page, 'Rights, redress and breach notification');
  await page.keyboard.press('2');
  expect(Object.values(await checked(page)).every((v) => v === '')).toBe(true);

  // Backward by the "previous section" link: still nothing typed lands anywhere.
  await page
    .getByRole('navigation', { name: 'Section pages' })
    .getByRole('link', { name: /Supervisory authority/ })
    .click();
  await expectArrivedAt(page, 'Supervisory authority');
  await page.keyboard.press('5');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('1');
  await expectSaved(page);
  expect(await checked(page)).toEqual({
    'authority-independence': '4',
    'authority-powers': '1',
    'authority-resources': '',
    'enforcement-record': ''
  });

  // The browser's back button, then a reload: each arrives at the heading.
  await page.goBack();
  await expectArrivedAt(page, 'Rights, redress and breach notification');
  await page.keyboard.press('3');
  await page.reload();
  await expectArrivedAt(page, 'Rights, redress and breach notification');
  await page.keyboard.press('3');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('2');
  await expectSaved(page);
  const third = await checked(page);
  expect(Object.entries(third).filter(([, v]) => v !== '')).toEqual([['access-correction', '2']]);

  // Section 1 kept exactly what was typed there.
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Data protection law' })
    .click();
  await expectArrivedAt(page, 'Data protection law');
  expect(Object.values(await checked(page))).toEqual(['3', '2', 'unknown', '4', '1', '', '', '']);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toContainText(
    '8 of 33 questions answered'
  );
});

test('digits typed into evidence, comment and an N/A reason stay text; N/A waits for its reason', async ({
  page
}) => {
  await createAssessment(page, {
    country: 'Ghana',
    countryCode: 'GH',
    questionnaires: [/national cybersecurity strategy/]
  });
  const lead = question(page, 'lead-agency');
  await lead.getByRole('radio', { name: /^2 / }).check();
  await expectSaved(page);
  await openNotes(lead);
  await lead.getByLabel('Evidence', { exact: true }).pressSequentially('Act 1038 of 2020');
  await lead.getByLabel('Comment', { exact: true }).pressSequentially('Section 4, 2nd schedule');
  await expectSaved(page);
  await expect(lead.getByLabel('Evidence', { exact: true })).toHaveValue('Act 1038 of 2020');
  await expect(lead.getByLabel('Comment', { exact: true })).toHaveValue('Section 4, 2nd schedule');
  await expect(lead.getByRole('radio', { name: /^2 / })).toBeChecked();

  const sub = question(page, 'subnational-coordination');
  await sub.getByRole('radio', { name: 'Not applicable' }).check();
  // Chosen on screen, not saved until it has a reason: the status says so.
  await expect(page.getByTestId('save-status')).toContainText('Not saved yet');
  await expect(sub.getByText('Not saved yet')).toBeVisible();
  const reason = sub.getByLabel(/Why does this not apply/);
  await reason.pressSequentially('Unitary state since 1992, 10 regions');
  await expectSaved(page);
  await expect(reason).toHaveValue('Unitary state since 1992, 10 regions');
  await expect(sub.getByRole('radio', { name: 'Not applicable' })).toBeChecked();
  await expect(sub.getByText('Not saved yet')).toHaveCount(0);
  // The notes of a question with content are open by themselves after a reload.
  await page.reload();
  await expect(question(page, 'lead-agency').getByLabel('Evidence', { exact: true })).toBeVisible();
  await expect(
    question(page, 'coordination-body').getByLabel('Evidence', { exact: true })
  ).toBeHidden();
});

test('Continue opens the first unanswered question; filters; finalise lists what is open', async ({
  page
}) => {
  const id = await createAssessment(page, {
    country: 'Malta',
    countryCode: 'MT',
    questionnaires: [/national cybersecurity strategy/, /Privacy and data protection/]
  });
  // Questionnaires in the order they were ticked: the strategy first.
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await expect(sections.getByRole('heading').first()).toContainText('national cybersecurity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leadership and governance');
  for (const key of ['2', 'j', '0']) await page.keyboard.press(key);
  await expectSaved(page);
  await openNotes(question(page, 'lead-agency'));
  await question(page, 'lead-agency').getByLabel('Flag for review').check();
  await expectSaved(page);

  await page.goto('/');
  await page.getByRole('link', { name: /^Continue/ }).click();
  await expect(question(page, 'political-sponsorship').getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('1');
  await expectSaved(page);
  await expect(sections).toContainText('3 of 36 questions answered');

  // Filters show only some questions of the section.
  const filters = page.getByRole('group', { name: 'Show' });
  await filters.getByRole('radio', { name: 'Flagged' }).check();
  await expect(page.locator('fieldset.question')).toHaveCount(1);
  await expect(question(page, 'lead-agency')).toBeVisible();
  await filters.getByRole('radio', { name: 'Don’t know' }).check();
  await expect(page.locator('fieldset.question')).toHaveCount(1);
  await expect(question(page, 'coordination-body')).toBeVisible();
  await filters.getByRole('radio', { name: 'Unanswered' }).check();
  await expect(question(page, 'lead-agency')).toHaveCount(0);
  await expect(question(page, 'multi-stakeholder-governance')).toBeVisible();
  await filters.getByRole('radio', { name: 'All questions' }).check();

  await page.goto(`/#/assessments/${id}`);
  await page.getByRole('link', { name: 'Continue answering' }).click();
  await expect(
    question(page, 'multi-stakeholder-governance').getByRole('radio').first()
  ).toBeFocused();

  await page.goto(`/#/assessments/${id}`);
  await page.getByRole('button', { name: 'Finalise…' }).click();
  const dialog = page.getByRole('dialog');
  const listed = dialog.getByTestId('finalise-check');
  await expect(listed).toContainText('questions not answered');
  await expect(listed).toContainText('1 question answered “don’t know”');
  await expect(listed).toContainText('1 question flagged for review');
  await expect(listed).toContainText('2 questionnaires with a provisional score');
  await expectAccessible(page, 'finalise dialog');
});

test('the country search finds what officials type, each country once', async ({ page }) => {
  await page.goto('/#/assessments/new');
  const box = page.getByRole('combobox', { name: 'Country' });
  const options = page.getByRole('listbox', { name: 'Country' }).getByRole('option');
  const cases: [string, string][] = [
    ['st lucia', 'St. Lucia'],
    ['Saint Lucia', 'St. Lucia'],
    ["Cote d'Ivoire", 'Côte d’Ivoire'],
    ['Ivory Coast', 'Côte d’Ivoire'],
    ['cote divoire', 'Côte d’Ivoire'],
    ['LC', 'St. Lucia'],
    ['ke', 'Kenya'],
    ['Sao Tome', 'São Tomé & Príncipe']
  ];
  for (const [typed, first] of cases) {
    await box.fill(typed);
    await expect(options.first(), typed).toHaveText(new RegExp(`^${first}`));
  }
  for (const typed of ['Saint', 'St']) {
    await box.fill(typed);
    const names = await options.allTextContents();
    for (const saint of ['St. Lucia', 'St. Kitts', 'St. Vincent']) {
      expect(
        names.some((n) => n.startsWith(saint)),
        `${typed} → ${saint}`
      ).toBe(true);
    }
  }
  await expectAccessible(page, 'country search open');
});

test('the country list shows each country once; Enter chooses; the suggested title gives way to typing', async ({
  page
}) => {
  await page.goto('/#/assessments/new');
  const box = page.getByRole('combobox', { name: 'Country' });
  const options = page.getByRole('listbox', { name: 'Country' }).getByRole('option');
  // Each country once: the Commonwealth group and "other countries" never repeat one.
  await box.fill('');
  await box.click();
  const all = await options.allTextContents();
  expect(new Set(all).size).toBe(all.length);
  expect(all.length).toBe(249);

  // Choosing by keyboard; the suggested title is selected by a click, so typing replaces it.
  await box.fill('malta');
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue('Malta');
  const title = page.getByLabel('Title', { exact: true });
  await expect(title).toHaveValue(`Malta self-assessment ${new Date().getFullYear()}`);
  await title.click();
  await page.keyboard.type('Malta review');
  await expect(title).toHaveValue('Malta review');
});

test('the form’s error summary links to each field, and errors are tied to their inputs', async ({
  page
}) => {
  await page.goto('/#/assessments/new');
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Choose a country.' }).click();
  await expect(page.getByRole('combobox', { name: 'Country' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Country' })).toHaveAccessibleDescription(
    /Choose a country\./
  );
  await summary.getByRole('link', { name: 'Choose at least one questionnaire.' }).click();
  await expect(page.getByRole('checkbox').first()).toBeFocused();
  await chooseCountry(page, 'Kenya', 'KE');
  await expectAccessible(page, 'new assessment with errors');
});

test('leaving the country box and coming straight back keeps the list that was typed for', async ({
  page
}) => {
  // The clock is held so the box's "close after blur" delay runs only when the test says:
  // typing again before it runs must not have the list closed under the pointer.
  await page.clock.install();
  await page.goto('/#/assessments/new');
  const box = page.getByRole('combobox', { name: 'Country' });
  await box.focus();
  await page.getByLabel('Title', { exact: true }).focus();
  await box.fill('Ken');
  await page.clock.runFor(1000);
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('option', { name: /Kenya/ }).click();
  await expect(box).toHaveValue('Kenya');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
});

test('at 390 px the answer screen and the dashboard scroll only vertically', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await createAssessment(page, {
    country: 'Saint Vincent',
    countryCode: 'VC',
    questionnaires: [/Privacy and data protection/]
  });
  const overflow = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
  await question(page, 'law-in-force').getByRole('radio', { name: /^2 / }).check();
  await openNotes(question(page, 'law-in-force'));
  await expectSaved(page);
  expect(await overflow(), 'answer screen').toBeLessThanOrEqual(0);
  await expectAccessible(page, 'answer screen at 390 px');
  await page.goto('/');
  await expect(page.getByRole('link', { name: /^Continue/ })).toBeVisible();
  expect(await overflow(), 'dashboard').toBeLessThanOrEqual(0);
  await expectAccessible(page, 'dashboard at 390 px');
});

test('one question card fits a 1366×768 laptop screen with its notes folded', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await createAssessment(page, {
    country: 'Jamaica',
    countryCode: 'JM',
    questionnaires: [/Privacy and data protection/]
  });
  const heights = await page
    .locator('fieldset.question')
    .evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().height)));
  const barHeight = await page
    .locator('[data-sticky-top]')
    .evaluate((el) => el.getBoundingClientRect().height);
  console.log(`question card heights at 1366×768 (px): ${heights.join(', ')}; bar ${barHeight}`);
  for (const h of heights) expect(h + barHeight).toBeLessThanOrEqual(768);
});
