/**
 * Hostile values as a user meets them: a very long title on a small screen, and a bundle whose
 * checksum matches but whose assessment id would break the screen's address.
 * See docs/file-formats.md, "Limits".
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Locator } from '@playwright/test';
import { expect, test } from './support/test';
import { createAssessment } from './support/app';

/** How far the element holding the title sticks out of the window, in CSS pixels (0: not at all). */
function overflow(title: Locator): Promise<number> {
  return title.evaluate((element) => {
    const right = Math.max(element.getBoundingClientRect().right, element.scrollWidth);
    return Math.max(0, Math.ceil(right - document.documentElement.clientWidth));
  });
}

test('a 300-character title without spaces wraps on a phone-sized screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const title = `Kenya${'N'.repeat(295)}`;
  const id = await createAssessment(page, {
    country: 'Kenya',
    countryCode: 'KE',
    title,
    questionnaires: [/national cybersecurity strategy/]
  });
  const places: [string, Locator][] = [
    [`/#/assessments/${id}/answer`, page.getByRole('link', { name: title })],
    [`/#/assessments/${id}`, page.getByRole('heading', { level: 1, name: title })],
    [`/#/assessments/${id}/results`, page.getByRole('link', { name: `← ${title}` })],
    ['/', page.getByRole('link', { name: title })]
  ];
  for (const [address, element] of places) {
    await page.goto(address);
    await expect(element).toBeVisible();
    await expect.poll(() => overflow(element), { message: address }).toBe(0);
  }
});

test('a bundle whose assessment id would break links is refused and nothing changes', async ({
  page
}) => {
  await createAssessment(page, {
    country: 'Kenya',
    countryCode: 'KE',
    title: 'Kenya 2026',
    questionnaires: [/national cybersecurity strategy/]
  });
  await page.goto('/#/data');
  const bundles = page.getByRole('region', { name: 'Assessment bundles' });
  await bundles.getByRole('button', { name: 'Select all' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    bundles.getByRole('button', { name: 'Export bundle (1)' }).click()
  ]);
  const envelope = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    content: { assessments: { assessment: { id: string; title: string } }[] };
    sha256: string;
  };
  // A file made by another program: a checksum that matches, an id that is a path.
  envelope.content.assessments[0]!.assessment.id = '../data';
  envelope.content.assessments[0]!.assessment.title = 'Hostile copy';
  // Format version 2 checksums the whole envelope without its own "sha256" key.
  const { sha256: _old, ...fields } = envelope;
  envelope.sha256 = createHash('sha256').update(JSON.stringify(fields)).digest('hex');

  await page.goto('/');
  const before = await page.locator('main').innerText();
  await page.goto('/#/data');
  await bundles.getByLabel('Assessment bundles (JSON)').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(envelope))
  });
  const problems = page.getByRole('region', { name: 'Problems found — nothing was imported' });
  await expect(
    problems.getByRole('row').filter({ hasText: 'content.assessments[0].assessment.id' })
  ).toContainText('"../data" cannot be an assessment id');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Kenya 2026' })).toBeVisible();
  expect(await page.locator('main').innerText()).toBe(before);
});
