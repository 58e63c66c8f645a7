import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AnswerMap, Assessment } from '../src/lib/domain/assessment/model';
import type { Questionnaire } from '../src/lib/domain/questionnaire/schema';
import { scoreAssessment } from '../src/lib/domain/scoring/score';
import { expectAccessible, launchProfile, newProfileDir } from './support/browser';
import {
  builtinQuestionnaires,
  commonwealthFixture,
  KENYA,
  KENYA_CHANGES,
  largeFixture,
  LEGACY_PRIVACY_VERSION,
  NOTHING_SCORED,
  PRIVACY,
  PROVISIONAL_STANDARDS,
  RED_COUNTRY,
  seed,
  STANDARDS,
  TIE,
  type Fixture
} from './support/fixtures';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/* ------------------------------------------------------------------------------------------ */
/* Expected numbers, worked out here from the generated answers. The per-questionnaire scores  */
/* come from the scoring module (docs/scoring.md, rules 1–7, tested on their own); everything the     */
/* comparison adds — display rounding, overall, ranks, means, medians, regions — is computed   */
/* by hand below, never by calling the comparison code under test.                             */
/* ------------------------------------------------------------------------------------------ */

const REGIONS: Record<string, string[]> = {
  Africa: 'BW CM SZ GA GM GH KE LS MW MU MZ NA NG RW SC SL ZA TG UG TZ ZM'.split(' '),
  Asia: 'BD BN IN MY MV PK SG LK'.split(' '),
  'Caribbean and Americas': 'AG BS BB BZ CA DM GD GY JM KN LC VC TT'.split(' '),
  Europe: 'CY MT GB'.split(' '),
  Pacific: 'AU FJ KI NR NZ PG WS SB TO TV VU'.split(' ')
};

/** Rule 5: one decimal, half away from zero, never "-0.0". */
function shown(share: number | null): string {
  if (share === null) return '—';
  const p = 100 * share;
  const r = (Math.sign(p) * Math.floor(Math.abs(p) * 10 + 0.5 + 1e-9)) / 10;
  return (r === 0 ? 0 : r).toFixed(1);
}

interface Score {
  score: number | null;
  provisional: boolean;
}

interface ExpectedRow {
  id: string;
  country: string;
  date: string;
  cells: Score[];
  overall: Score;
}

function expectedRow(
  assessment: Assessment,
  pinned: Questionnaire[],
  answers: AnswerMap,
  order: string[]
): ExpectedRow {
  const result = scoreAssessment({ questionnaires: pinned, answers, target: assessment.target });
  const byId = new Map(result.questionnaires.map((q) => [q.id, q]));
  const cells = order.map((id) => byId.get(id)!);
  // Overall over the compared questionnaires: the plain mean of those with a score; provisional
  // when any of them is provisional or has coverage below 70%.
  const scored = cells.filter((c) => c.score !== null).map((c) => c.score!);
  let sum = 0;
  for (const s of scored) sum += s;
  const overall = scored.length === 0 ? null : sum / scored.length;
  const thin = cells.some((c) => c.provisional || (c.coverage !== null && c.coverage < 0.7));
  return {
    id: assessment.id,
    country: assessment.country,
    date: assessment.date,
    cells: cells.map((c) => ({ score: c.score, provisional: c.provisional })),
    overall: { score: overall, provisional: overall !== null && thin }
  };
}

function counted(s: Score): boolean {
  return s.score !== null && !s.provisional;
}

/** Dense ranks on the shown values, highest first; provisional and empty scores unranked. */
function ranks(scores: Score[]): (number | null)[] {
  const values = [...new Set(scores.filter(counted).map((s) => Number(shown(s.score))))].sort(
    (a, b) => b - a
  );
  return scores.map((s) => (counted(s) ? values.indexOf(Number(shown(s.score))) + 1 : null));
}

interface Figures {
  n: number;
  mean: string;
  median: string;
  min: string;
  max: string;
}

function figures(scores: Score[]): Figures {
  const values = scores
    .filter(counted)
    .map((s) => s.score!)
    .sort((a, b) => a - b);
  const n = values.length;
  if (n === 0) return { n, mean: '—', median: '—', min: '—', max: '—' };
  let sum = 0;
  for (const v of values) sum += v;
  const median = n % 2 === 1 ? values[(n - 1) / 2]! : (values[n / 2 - 1]! + values[n / 2]!) / 2;
  return {
    n,
    mean: shown(sum / n),
    median: shown(median),
    min: shown(values[0]!),
    max: shown(values[n - 1]!)
  };
}

function pinnedOf(fixture: Fixture, a: Assessment): Questionnaire[] {
  const all = [...fixture.questionnaires, ...fixture.stored];
  return a.questionnaires.map((p) => all.find((q) => q.id === p.id && q.version === p.version)!);
}

/** The latest assessment of each country, as the screen shows by default. */
function latestRows(fixture: Fixture, order: string[]): ExpectedRow[] {
  const latest = new Map<string, Assessment>();
  for (const a of fixture.assessments) {
    const held = latest.get(a.country);
    if (!held || a.date > held.date) latest.set(a.country, a);
  }
  return [...latest.values()].map((a) =>
    expectedRow(a, pinnedOf(fixture, a), fixture.answers[a.id]!, order)
  );
}

/* ------------------------------------------------------------------------------------------ */
/* What the screen shows.                                                                      */
/* ------------------------------------------------------------------------------------------ */

interface ShownCell {
  value: string;
  provisional: boolean;
  rank: number | null;
}

function parseCell(text: string): ShownCell {
  return {
    value: /^(—|-?\d+\.\d)/.exec(text)?.[1] ?? `unreadable: ${text}`,
    provisional: /prov\./.test(text),
    rank: /#(\d+)/.test(text) ? Number(/#(\d+)/.exec(text)![1]) : null
  };
}

async function readHeatMap(page: Page) {
  const raw = await page.getByTestId('heat-map').evaluate((table) => ({
    head: [...table.querySelectorAll('thead th')].map((th) =>
      (th.textContent ?? '').replace(/[▲▼]/g, '').trim()
    ),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
      id: (tr as HTMLElement).dataset.id!,
      country: tr.querySelector('th')!.textContent!.trim(),
      cells: [...tr.querySelectorAll('td.heat')].map((td) =>
        (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()
      )
    }))
  }));
  return { head: raw.head, rows: raw.rows.map((r) => ({ ...r, cells: r.cells.map(parseCell) })) };
}

async function readTable(page: Page, testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .evaluate((table) =>
      [...table.querySelectorAll('tbody tr, tfoot tr')].map((tr) =>
        [...tr.querySelectorAll('th, td')].map((c) =>
          (c.textContent ?? '').replace(/\s+/g, ' ').trim()
        )
      )
    );
}

function expectedCell(s: Score, rank: number | null): ShownCell {
  return { value: shown(s.score), provisional: s.provisional, rank };
}

/** Questionnaire ids in the order of the heat map's columns, found from their titles. */
function columnIds(head: string[], questionnaires: Questionnaire[]): string[] {
  const first = head.indexOf('Assessment') + 1;
  const last = head.indexOf('Overall');
  return head.slice(first, last).map((title) => questionnaires.find((q) => q.title === title)!.id);
}

async function openWithFixture(page: Page, fixture: Fixture): Promise<void> {
  await page.goto(`${BASE}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Assessments' })).toBeVisible();
  await seed(page, fixture);
  await page.goto(`${BASE}/#/compare`);
  await expect(page.getByRole('heading', { level: 1, name: 'Compare assessments' })).toBeVisible();
  await expect(page.getByTestId('heat-map')).toBeVisible();
}

async function countryNames(page: Page, codes: string[]): Promise<Record<string, string>> {
  return page.evaluate((list) => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    return Object.fromEntries(list.map((c) => [c, names.of(c) ?? c]));
  }, codes);
}

const questionnaires = builtinQuestionnaires();
const fixture = commonwealthFixture(questionnaires);
const titleOf = (id: string) => questionnaires.find((q) => q.id === id)!.title;

test('with no assessments, the compare screen says what to do first', async ({ page }) => {
  await page.goto(`${BASE}/#/compare`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Nothing to compare yet' })
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Data', exact: true }).last()).toBeVisible();
  await expectAccessible(page, 'empty compare screen');
});

test('heat map, ranks with a tie, and regional figures equal the numbers worked out from the answers', async ({
  page
}) => {
  await openWithFixture(page, fixture);
  await expect(page.getByTestId('heat-map').locator('tbody tr')).toHaveCount(56);
  // Only Kenya 2025 has a usable cached summary; the 56 without one and Kenya 2024's stale one
  // (computed for another privacy version) were computed from the answers.
  await expect(page.getByTestId('load-status')).toContainText(
    '57 assessments have no up-to-date cached summary'
  );
  await expect(page.getByTestId('selection-classification')).toContainText(`TLP:RED`);

  let shownTable = await readHeatMap(page);
  const order = columnIds(shownTable.head, questionnaires);
  expect(order, 'every built-in questionnaire is compared').toHaveLength(5);
  const rows = latestRows(fixture, order);
  expect(rows).toHaveLength(56);
  const byId = new Map(rows.map((r) => [r.id, r]));

  // The default view: numbers and provisional marks, no ranks.
  expect(shownTable.rows.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
  for (const row of shownTable.rows) {
    const want = byId.get(row.id)!;
    expect(row.cells, `heat map row of ${want.country}`).toEqual([
      ...want.cells.map((c) => expectedCell(c, null)),
      expectedCell(want.overall, null)
    ]);
  }
  // The deliberate cases are really there.
  const provisionalStandards = rows.filter((r) => PROVISIONAL_STANDARDS.includes(r.country));
  for (const r of provisionalStandards) {
    expect(r.cells[order.indexOf(STANDARDS)]!.provisional).toBe(true);
  }
  expect(rows.find((r) => r.country === NOTHING_SCORED)!.cells.some((c) => c.score === null)).toBe(
    true
  );

  // Ranks on request, dense on the shown values; the tie shares its ranks.
  await page.getByLabel('Show ranks').check();
  shownTable = await readHeatMap(page);
  const columnRanks = [
    ...order.map((_, j) => ranks(rows.map((r) => r.cells[j]!))),
    ranks(rows.map((r) => r.overall))
  ];
  const rankOf = new Map(rows.map((r, i) => [r.id, columnRanks.map((col) => col[i]!)]));
  for (const row of shownTable.rows) {
    const want = byId.get(row.id)!;
    const wantRanks = rankOf.get(row.id)!;
    expect(row.cells, `ranked heat map row of ${want.country}`).toEqual([
      ...want.cells.map((c, j) => expectedCell(c, wantRanks[j]!)),
      expectedCell(want.overall, wantRanks[order.length]!)
    ]);
  }
  const tieA = shownTable.rows.find((r) => byId.get(r.id)!.country === TIE.from)!;
  const tieB = shownTable.rows.find((r) => byId.get(r.id)!.country === TIE.to)!;
  expect(tieA.cells.at(-1)!.rank).not.toBeNull();
  expect(tieB.cells).toEqual(tieA.cells);
  const overallRanks = columnRanks.at(-1)!.filter((r): r is number => r !== null);
  expect(overallRanks.filter((r) => r === tieA.cells.at(-1)!.rank)).toHaveLength(2);
  expect(Math.max(...overallRanks), 'dense: no rank skipped after the tie').toBe(
    new Set(overallRanks).size
  );

  // Sorting by the overall: best first, unranked last, and the header says so.
  await page.getByRole('button', { name: 'Overall', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Overall' })).toHaveAttribute(
    'aria-sort',
    'descending'
  );
  shownTable = await readHeatMap(page);
  const sortedRanks = shownTable.rows.map((r) => r.cells.at(-1)!.rank);
  const firstUnranked = sortedRanks.indexOf(null);
  const ranked = sortedRanks.slice(0, firstUnranked) as number[];
  expect(ranked[0]).toBe(1);
  expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
  expect(sortedRanks.slice(firstUnranked).every((r) => r === null)).toBe(true);
  await page.getByRole('button', { name: 'Overall', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Overall' })).toHaveAttribute(
    'aria-sort',
    'ascending'
  );

  // Figures per questionnaire, over the whole selection.
  const perQuestionnaire = await readTable(page, 'questionnaire-figures');
  order.forEach((id, j) => {
    const f = figures(rows.map((r) => r.cells[j]!));
    expect(perQuestionnaire[j]!.slice(2), titleOf(id)).toEqual([
      String(f.n),
      String(56 - f.n),
      f.mean,
      f.median,
      f.min,
      f.max
    ]);
  });

  // Regional figures: overall, then one questionnaire where Europe has too few counted scores.
  async function expectRegions(pick: (r: ExpectedRow) => Score) {
    const table = await readTable(page, 'regional-figures');
    for (const [region, members] of Object.entries(REGIONS)) {
      const inRegion = rows.filter((r) => members.includes(r.country));
      const f = figures(inRegion.map(pick));
      const line = table.find((cells) => cells[0] === region)!;
      const hidden = inRegion.length < 3 || f.n < 3;
      expect(line.slice(0, 3), region).toEqual([region, String(inRegion.length), String(f.n)]);
      if (hidden) expect(line[3], region).toMatch(/^Hidden: only \d+ /);
      else expect(line.slice(3), region).toEqual([f.mean, f.median, f.min, f.max]);
    }
  }
  await expectRegions((r) => r.overall);
  await page.getByLabel('Figures for').selectOption({ label: titleOf(STANDARDS) });
  await expectRegions((r) => r.cells[order.indexOf(STANDARDS)]!);
  const europe = (await readTable(page, 'regional-figures')).find((c) => c[0] === 'Europe')!;
  expect(europe[3]).toBe('Hidden: only 1 counted score (at least 3 needed)');

  // Selection: two European countries only — the region itself is hidden, with its N.
  const names = await countryNames(page, ['CY', 'MT']);
  await page.getByLabel('Commonwealth region').selectOption('Europe');
  await page.getByRole('checkbox', { name: names.CY!, exact: true }).check();
  await page.getByRole('checkbox', { name: names.MT!, exact: true }).check();
  await expect(page.getByTestId('heat-map').locator('tbody tr')).toHaveCount(2);
  const twoCountries = (await readTable(page, 'regional-figures')).find((c) => c[0] === 'Europe')!;
  expect(twoCountries.slice(1)).toEqual([
    '2',
    expect.stringMatching(/^\d$/),
    'Hidden: only 2 countries (at least 3 needed)'
  ]);
  await page.getByRole('button', { name: 'Reset the selection' }).click();
  await expect(page.getByTestId('heat-map').locator('tbody tr')).toHaveCount(56);

  // Every assessment, not only the latest: Kenya's earlier privacy version is a series break.
  await page.getByLabel('Only the latest assessment of each country').uncheck();
  await expect(page.getByTestId('heat-map').locator('tbody tr')).toHaveCount(58);
  await expect(
    page.getByText(/^Series break: the assessments shown use different versions/)
  ).toContainText(`${titleOf(PRIVACY)} (${LEGACY_PRIVACY_VERSION}, 2.0.0)`);

  await expectAccessible(page, 'compare screen');
});

test('radar overlay of at most 8, the comparison CSV as shown, and the comparison PDF', async ({
  page
}) => {
  await openWithFixture(page, fixture);
  const boxes = page.getByTestId('heat-map').getByRole('checkbox');
  await expect(page.getByText(/Tick up to 8 assessments/)).toBeVisible();
  for (let i = 0; i < 9; i++) await boxes.nth(i).check();
  await expect(
    page.getByText('The radar overlays at most 8 assessments, and 9 are picked.')
  ).toBeVisible();
  await boxes.nth(8).uncheck();
  await expect(page.locator('canvas[data-drawn="true"]')).toHaveCount(1);

  // CSV: the rows in the order shown, the numbers as shown.
  const shownTable = await readHeatMap(page);
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Comparison table (CSV)' }).click()
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^comparison_\d{4}-\d{2}-\d{2}_RED\.csv$/);
  const csv = readFileSync((await csvDownload.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  const header = lines[0]!.split(',');
  const order = columnIds(shownTable.head, questionnaires);
  expect(header).toEqual([
    'assessment_id',
    'country',
    'country_name',
    'region',
    'assessment_date',
    'assessment_title',
    'classification',
    ...order.flatMap((id) => [`${id}_version`, `${id}_score`, `${id}_provisional`]),
    'overall_score',
    'overall_provisional',
    'basis'
  ]);
  expect(lines).toHaveLength(57);
  shownTable.rows.forEach((row, i) => {
    const cells = lines[i + 1]!.split(',');
    expect(cells[0]).toBe(row.id);
    const scores = [
      ...order.map((id) => header.indexOf(`${id}_score`)),
      header.indexOf('overall_score')
    ];
    expect(scores.map((k) => cells[k] || '—')).toEqual(row.cells.map((c) => c.value));
  });

  // PDF: read back with a real PDF reader.
  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Comparison report (PDF)' }).click()
  ]);
  expect(pdfDownload.suggestedFilename()).toMatch(/^comparison_\d{4}-\d{2}-\d{2}_RED\.pdf$/);
  const file = (await pdfDownload.path())!;
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8'
  });
  const flat = text.replace(/\s+/g, ' ');
  const pages = Number(
    /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]
  );
  expect(pages).toBeGreaterThan(3);
  // The most restrictive classification on every page.
  expect(
    text
      .split('\f')
      .filter((p) => p.trim() !== '')
      .every((p) => p.includes('TLP:RED'))
  ).toBe(true);
  expect(flat).toContain('Heat map');
  expect(flat).toContain('Regional figures');
  const rows = latestRows(fixture, order);
  const names = await countryNames(
    page,
    rows.map((r) => r.country)
  );
  for (const row of rows) {
    // Each heat-map row: country, date and every score in the order shown.
    const cells = [...row.cells, row.overall].map(
      (c) => `${shown(c.score)}${c.provisional ? ' prov.' : ''}`
    );
    expect(flat, `PDF row of ${names[row.country]}`).toContain(
      `${names[row.country]} ${row.date} ${cells.join(' ')}`
    );
  }
  expect(flat).toContain(names[RED_COUNTRY]!);
});

test('the trend of one country across a version change, and the item diff of two assessments', async ({
  page
}) => {
  await openWithFixture(page, fixture);
  const kenya = fixture.assessments
    .filter((a) => a.country === 'KE')
    .sort((a, b) => a.date.localeCompare(b.date));
  expect(kenya.map((a) => a.id)).toEqual([KENYA.y2024, KENYA.y2025, KENYA.y2026]);

  await page.getByTestId('heat-map').getByRole('link', { name: 'Kenya' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kenya over time' })).toBeVisible();
  await expect(page.locator('canvas[data-drawn="true"]')).toHaveCount(1);
  await expect(page.getByTestId('series-breaks')).toContainText(
    `${titleOf(PRIVACY)}: version ${LEGACY_PRIVACY_VERSION} → 2.0.0 at 2025-03-10`
  );

  // Every score of the three assessments, with its version.
  const ids = questionnaires.map((q) => q.id);
  const expected = kenya.map((a) => {
    const pinned = pinnedOf(fixture, a);
    return {
      result: scoreAssessment({ questionnaires: pinned, answers: fixture.answers[a.id]! }),
      row: expectedRow(a, pinned, fixture.answers[a.id]!, ids)
    };
  });
  const table = await readTable(page, 'trend-table');
  ids.forEach((id, j) => {
    const line = table.find((cells) => cells[0] === titleOf(id))!;
    expect(line, titleOf(id)).toEqual([
      titleOf(id),
      ...expected.map(({ result, row }, i) => {
        const q = result.questionnaires.find((x) => x.id === id)!;
        const breaks = id === PRIVACY && i === 1 ? ', series break' : '';
        return `${shown(row.cells[j]!.score)}${row.cells[j]!.provisional ? ' (prov.)' : ''} v${q.version}${breaks}`;
      })
    ]);
  });

  // The change between the oldest and the newest, from unrounded scores, rounded once.
  await page.getByLabel('From (baseline)').selectOption(KENYA.y2024);
  await page.getByLabel('To', { exact: true }).selectOption(KENYA.y2026);
  const change = await readTable(page, 'change-table');
  const [first, , last] = expected;
  ids.forEach((id, j) => {
    const before = first!.row.cells[j]!.score!;
    const after = last!.row.cells[j]!.score!;
    const delta = shown(after - before);
    const line = change.find((cells) => cells[0] === titleOf(id))!;
    expect(line.slice(0, 4), titleOf(id)).toEqual([
      titleOf(id),
      shown(before),
      shown(after),
      Number(delta) > 0 ? `+${delta}` : delta
    ]);
    if (id === PRIVACY) {
      expect(line[4]).toContain(`Series break (version ${LEGACY_PRIVACY_VERSION} → 2.0.0)`);
    }
  });
  await expectAccessible(page, 'trend screen');

  // Item diff of 2025 → 2026.
  await page.getByLabel('From (baseline)').selectOption(KENYA.y2025);
  await page.getByRole('link', { name: 'See which answers changed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Answers compared' })).toBeVisible();
  const c = KENYA_CHANGES;
  const row = (key: string) =>
    page.getByTestId(`diff-${PRIVACY}`).locator(`tr[data-question="${key.split('/')[1]}"]`);
  const raised = row(c.raised.key);
  await expect(raised.locator('td').nth(0)).toHaveText('2 Formative');
  await expect(raised.locator('td').nth(1)).toHaveText('4 Strategic');
  await expect(raised.locator('td').nth(2)).toHaveText('Raised by 2 levels');
  await expect(raised.locator('td').nth(3)).toContainText(`Before: ${c.commentBefore}`);
  await expect(raised.locator('td').nth(3)).toContainText(`After: ${c.commentAfter}`);
  await expect(row(c.lowered.key).locator('td').nth(2)).toHaveText('Lowered by 1 level');
  const unknown = row(c.toUnknown.key);
  await expect(unknown.locator('td').nth(0)).toHaveText('3 Established');
  await expect(unknown.locator('td').nth(1)).toHaveText("Don't know");
  await expect(unknown.locator('td').nth(2)).toHaveText('Answer changed');
  // Only the three changed questions are listed by default.
  await expect(page.locator('tr[data-kind]')).toHaveCount(3);
  await expect(page.getByTestId('diff-counts')).toContainText('1 raised');
  await expect(page.getByTestId('diff-counts')).toContainText('1 lowered');
  await page.getByLabel('Show only questions that changed').uncheck();
  const total = questionnaires.reduce(
    (n, q) => n + q.sections.flatMap((s) => s.questions).length,
    0
  );
  await expect(page.locator('tr[data-kind]')).toHaveCount(total);
  await expectAccessible(page, 'item diff screen');
});

/** A persistent profile holding the fixture, on a blank page. */
async function profileWith(large: Fixture): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await launchProfile(newProfileDir());
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Assessments' })).toBeVisible();
  await seed(page, large);
  await page.goto('about:blank');
  return { page, close: () => context.close() };
}

/** Opens the app on a light screen, then goes to Compare as a user does, until `rows` shows. */
async function openCompare(page: Page, rows: string): Promise<void> {
  await page.goto(`${BASE}/#/method`);
  await expect(page.getByRole('heading', { level: 1, name: 'About the method' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Compare' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: rows })).toBeVisible({ timeout: 60_000 });
}

// Speed is measured by npm run bench (docs/performance.md), never asserted here: the machine is
// shared.
test('2,000 assessments (about 300,000 answers) open from their cached summaries and page through', async () => {
  test.setTimeout(240_000);
  const large = largeFixture(questionnaires, 2000);
  const answers = Object.values(large.answers).reduce((n, a) => n + Object.keys(a).length, 0);
  expect(answers).toBeGreaterThan(290_000);
  const { page, close } = await profileWith(large);
  try {
    await openCompare(page, 'Rows 1–56 of 56');
    await expect(page.getByTestId('load-status')).not.toContainText('no up-to-date cached summary');
    // Every assessment, not only the latest of each country: paginated, so the page stays light.
    await page.getByLabel('Only the latest assessment of each country').uncheck();
    await expect(page.getByRole('status').filter({ hasText: 'Rows 1–100 of 2,000' })).toBeVisible();
    await expect(page.getByTestId('heat-map').locator('tbody tr')).toHaveCount(100);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Rows 101–200 of 2,000' })
    ).toBeVisible();
  } finally {
    await close();
  }
});

test('a cache miss on 2,000 assessments computes from the answers in slices, with progress', async () => {
  test.setTimeout(240_000);
  const large = largeFixture(questionnaires, 2000);
  // No summary at all: every assessment must be scored from its answers.
  const { page, close } = await profileWith({ ...large, summaries: [] });
  try {
    await page.goto(`${BASE}/#/compare`);
    await expect(page.getByTestId('load-status')).toContainText(
      'Computing the figures of 2,000 assessments without an up-to-date summary…'
    );
    await expect(page.getByRole('status').filter({ hasText: 'Rows 1–56 of 56' })).toBeVisible({
      timeout: 60_000
    });
    await expect(page.getByTestId('load-status')).toContainText(
      '2,000 assessments have no up-to-date cached summary'
    );
  } finally {
    await close();
  }
});
