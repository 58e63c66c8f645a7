import { expect, test } from './support/test';
import { addGroups, createAssessment } from './support/app';
import { expectAccessible } from './support/browser';

const KINDS = [
  'government',
  'critical-infrastructure',
  'private-sector',
  'law-enforcement-justice',
  'academia',
  'civil-society'
];

test('a six-group workshop run from the keyboard, with the projector window following', async ({
  page
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const id = await createAssessment(page, {
    country: 'Fiji',
    countryCode: 'FJ',
    title: 'Fiji workshop 2026',
    questionnaires: [/Privacy and data protection/]
  });
  await page.goto(`/#/assessments/${id}`);
  const panel = await addGroups(
    page,
    KINDS.map((kind) => ({ kind }))
  );
  await panel.getByLabel('Show groups anonymised').check();
  await panel.getByRole('button', { name: 'Save groups' }).click();
  await expect(page.getByText('Groups saved.')).toBeVisible();

  await page.getByTestId('facilitate').click();
  await expect(page.getByRole('heading', { name: 'Facilitator view' })).toBeVisible();
  const questionText = await page.locator('.main h2').first().innerText();

  // The projector: a second window of the same browser, opened from the control window.
  const [projector] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Open the projector window' }).click()
  ]);
  await projector.setViewportSize({ width: 1280, height: 720 });
  // The facilitator's laptop keeps the control window in front.
  await page.bringToFront();
  await expect(projector.getByRole('heading', { level: 1 })).toHaveText(questionText);
  await expect(projector.getByRole('navigation')).toHaveCount(0);
  await expect(projector.getByTestId('dot')).toHaveCount(0);

  // One digit per group in group order; an arrow goes back to correct one.
  const first = page.getByRole('textbox', { name: 'Answer of Government' });
  await expect(first).toBeFocused();
  for (const key of ['1', '3', '4', '2', '5']) await page.keyboard.press(key);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('4');
  await page.keyboard.press('3');
  // After the last group the focus is on "reveal"; the projector still shows no answers.
  const reveal = page.getByTestId('reveal');
  await expect(reveal).toBeFocused();
  await expect(page.getByTestId('suggestion')).toContainText('3');
  await expect(projector.getByTestId('dot')).toHaveCount(0);
  await page.keyboard.press('Enter');

  // Revealed: six dots on the projector, groups anonymised, and the same facts in words.
  await expect(projector.getByTestId('dot')).toHaveCount(6);
  await expect(projector.getByTestId('dot-plot')).toContainText('Group A');
  await expect(projector.getByTestId('dot-plot')).not.toContainText('Government');

  // The groups disagree (1 to 4): rule 13 takes the focus to the rationale box.
  const rationale = page.getByRole('textbox', { name: /Rationale/ });
  await expect(rationale).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Set consensus' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Asked once, never forced: the box may stay empty (docs/scoring.md, rule 13).
  await expect(page.getByText('A rationale is asked for here')).toBeVisible();
  await expect(rationale).toBeFocused();
  await page.keyboard.type('The law is in force; the regulator is not yet staffed');
  // The projector never shows a rationale draft.
  await expect(projector.locator('body')).not.toContainText('regulator');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Consensus set: 3/)).toBeVisible();
  await expect(projector.getByTestId('agreed')).toContainText('3');
  await expect(projector.locator('body')).not.toContainText('regulator');

  // Readable from the back of the room, and accessible.
  const sizes = await projector.evaluate(() =>
    [...document.querySelectorAll('[data-testid="projector"] :is(h1, p, li, button)')].map((e) =>
      parseFloat(getComputedStyle(e).fontSize)
    )
  );
  expect(sizes.length).toBeGreaterThan(5);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
  await expectAccessible(projector, 'projector window with the groups revealed');
  await expectAccessible(page, 'control window after the consensus');

  // Next: the focus is on "Next question"; both windows move on, the answers hidden again.
  await expect(page.getByRole('button', { name: 'Next question' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.where')).toContainText('Question 2 of');
  const nextText = await page.locator('.main h2').first().innerText();
  expect(nextText).not.toBe(questionText);
  await expect(projector.getByRole('heading', { level: 1 })).toHaveText(nextText);
  await expect(projector.getByTestId('dot')).toHaveCount(0);

  // The control window's address names the question: a reload comes back to it.
  await page.reload();
  await expect(page.locator('.main h2').first()).toHaveText(nextText);

  // Alt+→ / Alt+← step through the questions from the group boxes, and the projector follows;
  // typing and correcting the groups' answers keeps its digits and plain arrows.
  await expect(page.getByTestId('step-keys')).toContainText(
    'Alt+→ Alt+← next or previous question'
  );
  const government = page.getByRole('textbox', { name: 'Answer of Government' });
  await government.click();
  await page.keyboard.press('2');
  await expect(page.locator('.group-answers input.key').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(government).toBeFocused();
  await expect(page.locator('.where')).toContainText('Question 2 of');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('.where')).toContainText('Question 3 of');
  await expect(projector.getByRole('heading', { level: 1 })).not.toHaveText(nextText);
  await expect(government).toHaveValue('');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.locator('.where')).toContainText('Question 2 of');
  await expect(projector.getByRole('heading', { level: 1 })).toHaveText(nextText);
  await expect(government).toHaveValue('2');

  // Page Down and Page Up do the same, as a presentation remote sends them.
  await expect(government).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(page.locator('.where')).toContainText('Question 3 of');
  await page.keyboard.press('PageUp');
  await expect(page.locator('.where')).toContainText('Question 2 of');
  await expect(projector.getByRole('heading', { level: 1 })).toHaveText(nextText);
});
