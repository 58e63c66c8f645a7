import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, test } from './support/test';
import { createAssessment, expectSaved, question } from './support/app';
import { expectAccessible } from './support/browser';

// DESIGN "Results at a glance" and rule 6 as amended (docs/scoring.md, "6. Stage"): a
// provisional score claims no stage, every score says what it rests on, and the screen reads
// on a phone without sideways scrolling.

interface QuestionFile {
  type: string;
  scored?: boolean;
}

/** The questions of the privacy questionnaire that can be scored: m in "n of m". */
function privacyScorable(): number {
  const file = parse(readFileSync('questionnaires/privacy-data-protection.yaml', 'utf8')) as {
    sections: { questions: QuestionFile[] }[];
  };
  return file.sections
    .flatMap((s) => s.questions)
    .filter((q) => q.scored !== false && q.type !== 'choice').length;
}

/**
 * How far the page reaches past the window's right edge, in CSS pixels (0: nothing does), and
 * the elements that do, to name them when it fails.
 */
async function horizontalOverflow(page: Page): Promise<{ pixels: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 12);
    return { pixels: document.documentElement.scrollWidth - width, culprits };
  });
}

test('one answer in the privacy questionnaire claims no stage: "not enough answers yet (1 of m)"', async ({
  page
}) => {
  const m = privacyScorable();
  expect(m, 'the privacy questionnaire has a good many scorable questions').toBeGreaterThan(20);
  const id = await createAssessment(page, {
    country: 'Seychelles',
    countryCode: 'SC',
    questionnaires: [/Privacy and data protection/]
  });
  await question(page, 'law-in-force')
    .getByRole('radio', { name: /^3 Established/ })
    .check();
  await expectSaved(page);

  await page.goto(`/#/assessments/${id}/results`);
  for (const scope of ['overall', 'questionnaire']) {
    const card = page.locator(`[data-scope="${scope}"]`);
    // Level 3 of 1 to 5 scores 50.0, but 1 of m covered is provisional: no "Established".
    await expect(card.getByTestId('score')).toHaveText('50.0');
    await expect(card.getByTestId('stage')).toHaveText(`not enough answers yet (1 of ${m})`);
    await expect(card.getByTestId('based-on')).toHaveText(`based on 1 of ${m} questions`);
    await expect(card).not.toContainText('Established');
  }

  // The ladder above the radar: the aim (default target 3) but no "we are here", and why.
  const ladder = page.getByTestId('stage-ladder');
  await expect(ladder).toHaveCount(1);
  await expect(ladder.getByText('We aim here')).toBeVisible();
  await expect(ladder.getByText('We are here')).toHaveCount(0);
  await expect(ladder.getByTestId('ladder-claim')).toHaveText(`not enough answers yet (1 of ${m})`);
  await expect(
    page.getByRole('img', { name: /^Stage ladder of Privacy and data protection: not enough/ })
  ).toBeVisible();
  const table = page.getByTestId('ladder-table');
  const row = table.getByRole('row').nth(1);
  await expect(row.getByRole('rowheader')).toHaveText('Privacy and data protection');
  await expect(row.getByRole('cell')).toHaveText([
    `not enough answers yet (1 of ${m})`,
    'Established'
  ]);

  // One questionnaire: bars stand in for the radar, never a sentence about radars.
  const chart = page.getByRole('img', { name: /^Bar chart: current and target score/ });
  await expect(chart.locator('canvas')).toHaveAttribute('data-drawn', 'true');
  await expect(page.getByText(/radar needs/i)).toHaveCount(0);
  // The ladder comes before the chart.
  const ladderTop = (await ladder.boundingBox())!.y;
  const chartTop = (await chart.boundingBox())!.y;
  expect(ladderTop).toBeLessThan(chartTop);

  await expectAccessible(page, 'results with one answer');
});

test('on a 390 px phone the results and compare screens scroll only vertically, the gap list as cards', async ({
  page
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const id = await createAssessment(page, {
    country: 'Seychelles',
    countryCode: 'SC',
    title: 'A long assessment title that has to wrap on a narrow phone screen without trouble',
    questionnaires: [/Privacy and data protection/]
  });
  // Three gaps of different priority: law-in-force weighs 2.
  await question(page, 'law-in-force')
    .getByRole('radio', { name: /^1 Start-up/ })
    .check();
  await question(page, 'principles')
    .getByRole('radio', { name: /^2 Formative/ })
    .check();
  await question(page, 'public-private-scope')
    .getByRole('radio', { name: /^1 Start-up/ })
    .check();
  await expectSaved(page);

  await page.goto(`/#/assessments/${id}/results`);
  const gaps = page.getByTestId('gap-list');
  await expect(gaps.locator('tbody tr')).toHaveCount(3);
  // Cards: each row a block of its own, its cells labelled; the column headers out of sight.
  await expect(gaps.locator('tbody tr').first()).toHaveCSS('display', 'block');
  await expect(gaps.locator('thead')).toHaveCSS('position', 'absolute');
  // High / Medium / Low by thirds of the list, in priority order: law-in-force (gap 2 of 4 ×
  // weight 2 = 1), public-private-scope (2/4 = 0.5), principles (1/4 = 0.25).
  await expect(gaps.getByTestId('gap-priority')).toHaveText(['High', 'Medium', 'Low']);
  // No question ids on screen: they live in the tooltip.
  await expect(gaps).not.toContainText('law-in-force');
  await expect(gaps.locator('[title="Question id: law-in-force"]')).toHaveCount(1);
  // The radar would cut its labels on a phone: bars, drawn.
  const chart = page.getByRole('img', { name: /^Bar chart: current and target score/ });
  await expect(chart.locator('canvas')).toHaveAttribute('data-drawn', 'true');
  await expect(page.getByTestId('stage-ladder')).toBeVisible();
  const results = await horizontalOverflow(page);
  expect(results.pixels, `results: past the right edge: ${results.culprits.join(', ')}`).toBe(0);
  await expectAccessible(page, 'results at 390 px');

  await page.goto('/#/compare');
  await expect(page.getByRole('heading', { level: 1, name: 'Compare assessments' })).toBeVisible();
  await expect(page.getByTestId('heat-map')).toBeVisible();
  const compare = await horizontalOverflow(page);
  expect(compare.pixels, `compare: past the right edge: ${compare.culprits.join(', ')}`).toBe(0);
  await expectAccessible(page, 'compare at 390 px');
});
