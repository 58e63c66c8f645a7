/**
 * docs/languages.md, "Questionnaire translations": in a French assessment whose questionnaire's
 * translation lacks a few strings, each of those strings stays English and is marked where it
 * shows — on the answer screen, the results and the action plan — and nothing else is marked.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { newAssessment } from '../src/lib/domain/assessment/model';
import { makeOverlay } from '../src/lib/domain/testing/overlays';
import { makeBundle } from '../src/lib/io/bundle';
import { envelopeText } from '../src/lib/io/envelope';
import { parseQuestionnaireText } from '../src/lib/io/questionnaire-file';
import { expectAccessible } from './support/browser';
import { expect, test } from './support/test';

const MINI = new URL('../src/lib/io/fixtures/mini-second.yaml', import.meta.url).pathname;
const TAKEDOWN = 'How does the state have unlawful terrorist content taken down?';

/**
 * A French assessment on a ministry's own questionnaire, with a French translation ("FR …")
 * lacking five strings: a question's text, one of its level descriptors, another question's
 * recommendation at level 1, a section title and an option label.
 */
function bundleText(): string {
  const read = parseQuestionnaireText('mini-second.yaml', readFileSync(MINI, 'utf8'));
  if (!read.ok) throw new Error('mini-second.yaml must be valid');
  const mini = read.questionnaire;
  const overlay = makeOverlay(mini, (s) => `FR ${s}`);
  const response = overlay.sections!['response']!.questions!;
  delete response['takedown']!.text;
  delete response['takedown']!.levels!['2'];
  delete response['oversight']!.recommendations!['1'];
  delete overlay.sections!['cooperation']!.title;
  delete overlay.sections!['cooperation']!.questions!['christchurch-call']!.options!['listed'];
  const now = '2026-12-01T08:00:00.000Z';
  const assessment = newAssessment(
    {
      id: 'ke-fr-2026',
      country: 'KE',
      title: 'Kenya en français',
      date: '2026-12-01',
      language: 'fr',
      questionnaires: [{ id: mini.id, version: mini.version }]
    },
    now
  );
  const answers = {
    'mini-second/takedown': { state: 'level' as const, level: 1, updatedAt: now },
    'mini-second/oversight': { state: 'level' as const, level: 1, updatedAt: now }
  };
  return envelopeText(
    makeBundle([{ assessment, answers }], [mini], { appVersion: '0.1.0', overlays: [overlay] })
  );
}

async function importAssessment(page: Page) {
  await page.goto('/#/data');
  const bundles = page.getByRole('region', { name: 'Assessment bundles' });
  await bundles.getByLabel('Assessment bundles (JSON)').setInputFiles({
    name: 'kenya-fr.json',
    mimeType: 'application/json',
    buffer: Buffer.from(bundleText())
  });
  await bundles.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(bundles.getByText(/Imported: 1 added/)).toBeVisible();
}

test('the results mark each string the translation lacks, and only those', async ({ page }) => {
  await importAssessment(page);
  await page.goto('/#/assessments/ke-fr-2026/results');
  const gaps = page.getByTestId('gap-list');
  const takedown = gaps.getByRole('row').filter({ hasText: TAKEDOWN });
  // The English string keeps its language and says so, in words, beside it.
  await expect(takedown.locator('[lang="en"]', { hasText: TAKEDOWN })).toBeVisible();
  await expect(takedown.getByText('in English', { exact: true })).toBeVisible();
  await expect(takedown).toContainText('(not yet translated, shown in English)');
  await expect(takedown.locator('[data-untranslated]')).toHaveCount(1);
  // A translated question whose recommendation is missing: the mark is on the next step only.
  const oversight = gaps
    .getByRole('row')
    .filter({ hasText: 'FR Who oversees takedown orders independently?' });
  await expect(oversight.locator('[data-untranslated]')).toHaveCount(1);
  await expect(
    oversight
      .getByRole('cell')
      .filter({ hasText: 'Name an overseer' })
      .locator('[data-untranslated]')
  ).toHaveCount(1);
  await expect(gaps.locator('[data-untranslated]')).toHaveCount(2);
  // The section tables: the untranslated section title, not its translated neighbours (the
  // accessible name of a row says so; a translated one is its title alone).
  const sections = page.getByTestId('sections-mini-second');
  await expect(
    sections.getByRole('rowheader', {
      name: 'Cooperation (not yet translated, shown in English)',
      exact: true
    })
  ).toBeVisible();
  await expect(sections.getByRole('rowheader', { name: 'FR Response', exact: true })).toBeVisible();
  // The questionnaire's title is translated: its score card is not marked.
  await expect(
    page.getByTestId('score-card').filter({ hasText: 'FR Mini online extremism' })
  ).not.toContainText('in English');
  await expectAccessible(page, 'results with strings left in English');
});

test('the answer screen marks the question, descriptor, section and option left in English', async ({
  page
}) => {
  await importAssessment(page);
  await page.goto('/#/assessments/ke-fr-2026/answer/mini-second/response');
  await expect(page.getByTestId('section-heading')).toHaveText('FR Response');
  const takedown = page.locator('[data-question="takedown"]');
  await expect(takedown.locator('legend [lang="en"]')).toHaveText(TAKEDOWN);
  // Its level 2 descriptor is English and marked; the others are French and not.
  await expect(takedown.locator('.descriptor [lang="en"]')).toHaveText('Informal requests');
  await expect(takedown.locator('[data-untranslated]')).toHaveCount(2);
  await expect(takedown).toContainText('FR Ad hoc');
  await expect(page.locator('[data-question="oversight"] [data-untranslated]')).toHaveCount(0);
  // The section list names the untranslated section in English, marked.
  const cooperation = page
    .getByRole('navigation', { name: 'Sections', exact: true })
    .getByRole('link', { name: /Cooperation/ });
  await expect(cooperation).toContainText('in English');
  await expectAccessible(page, 'answer screen with strings left in English');

  await cooperation.click();
  await expect(page.getByTestId('section-heading')).toContainText('Cooperation');
  await expect(page.getByTestId('section-heading')).toContainText('in English');
  const call = page.locator('[data-question="christchurch-call"]');
  await expect(call.locator('[lang="en"]')).toHaveText('Listed supporter');
  await expect(call.locator('[data-untranslated]')).toHaveCount(1);
  await expect(call).toContainText('FR Not a listed supporter');
  await expectAccessible(page, 'answer screen with a section title and option in English');
});

test('the action plan marks the question an action came from', async ({ page }) => {
  await importAssessment(page);
  await page.goto('/#/assessments/ke-fr-2026/results');
  await page
    .getByTestId('gap-list')
    .getByRole('button', { name: `Add to plan: ${TAKEDOWN}` })
    .click();
  await expect(page.getByTestId('gap-list').getByTestId('in-plan')).toHaveCount(1);
  await page.goto('/#/assessments/ke-fr-2026/plan');
  const source = page.locator('.hint', { hasText: 'FR Mini online extremism' });
  await expect(source.locator('[lang="en"]')).toHaveText(TAKEDOWN);
  await expect(source.locator('[data-untranslated]')).toHaveCount(1);
  await expectAccessible(page, 'action plan with a question left in English');
});
