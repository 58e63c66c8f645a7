import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AnswerMap } from '$lib/domain/assessment/model';
import { parseQuestionnaireText } from '$lib/io/questionnaire-file';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { shownPercent } from '$lib/domain/scoring/display';
import { scoreAssessment } from '$lib/domain/scoring/score';
import { formatDecimal } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import { answersFor, fiveQuestionnaireAssessment } from './brief-fixtures';
import { buildCountryReport } from './country-report';
import { chartPixels, PRINT_DPI } from './document/charts';
import { chartBox } from './document/measure';
import type { Block, ReportDocument } from './document/model';
import { renderDocument } from './document/render';

// Radars are drawn by the browser's canvas, which Node has not: here they are left out of the
// PDF (the renderer skips a chart without an image); bar charts are vector and print in full.
vi.mock('./document/charts', async (original) => ({
  ...(await original<typeof import('./document/charts')>()),
  renderChart: () => undefined
}));

const dir = join(process.cwd(), 'questionnaires');
const builtIn: Questionnaire[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const parsed = parseQuestionnaireText(file, readFileSync(join(dir, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    return parsed.questionnaire;
  });

const fonts = {
  normal: readFileSync('static/fonts/NotoSans-Regular.ttf').toString('base64'),
  bold: readFileSync('static/fonts/NotoSans-Bold.ttf').toString('base64')
};
const out = mkdtempSync(join(tmpdir(), 'country-report-'));

function report(questionnaires: Questionnaire[], answers: AnswerMap, status: 'draft' | 'final') {
  const assessment = fiveQuestionnaireAssessment(questionnaires, { status });
  const result = scoreAssessment({ questionnaires, answers, target: assessment.target });
  const doc = buildCountryReport({
    assessment,
    questionnaires,
    answers,
    result,
    includeAppendix: false,
    madeOn: '2026-12-07'
  });
  return { doc, result };
}

async function printed(doc: ReportDocument, name: string) {
  const { blob } = await renderDocument(doc, fonts, () => {});
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8'
  });
  return { file, flat: text.replace(/\s+/g, ' ') };
}

/**
 * Checks that each category is printed, in order, followed by its values: the first decimal
 * numbers after a category's name (names carry no decimals) are its bars' labels.
 */
function expectLabelledBars(
  flat: string,
  chart: { after: string; caption: string },
  rows: { label: string; values: string[] }[]
) {
  // From the last `after` before the chart's caption, to that caption.
  const end = flat.indexOf(chart.caption);
  const region = flat.slice(flat.lastIndexOf(chart.after, end), end);
  expect(region.length).toBeGreaterThan(0);
  let from = 0;
  for (const [i, row] of rows.entries()) {
    const start = region.indexOf(row.label.slice(0, 24), from);
    expect(start, `"${row.label}" is printed after the bar before it`).toBeGreaterThanOrEqual(0);
    const next = rows[i + 1];
    const end = next ? region.indexOf(next.label.slice(0, 24), start + 1) : region.length;
    const chunk = region.slice(start + row.label.length, end);
    const numbers = chunk.match(/-?\d+[.,]\d|—/g) ?? [];
    expect(numbers.slice(0, row.values.length), row.label).toEqual(row.values);
    from = start + 1;
  }
}

function charts(doc: ReportDocument): Extract<Block, { kind: 'chart' }>[] {
  return doc.blocks.filter((b) => b.kind === 'chart');
}

describe('country report PDF: charts', () => {
  it('draws the gap bars as text and shapes, each bar labelled with the screen’s gap', async () => {
    const answers = answersFor(builtIn);
    const { doc, result } = report(builtIn, answers, 'final');
    // The gap of every scored section as the results screen shows it, largest first.
    const expected = result.questionnaires
      .flatMap((q) =>
        q.sections
          .filter((s) => s.gap !== null)
          .map((s) => ({ label: `${s.title} (${q.title})`, gap: s.gap! }))
      )
      .sort((a, b) => b.gap - a.gap);
    expect(expected.length).toBeGreaterThan(10);
    const { flat, file } = await printed(doc, 'gaps');
    // The overview is a radar (an image, left out here): the bars follow the chapter heading.
    const gaps = charts(doc).find((c) => c.chart.type === 'bar')!;
    expectLabelledBars(
      flat,
      { after: m.reports_cr_charts(), caption: gaps.caption },
      expected.map((e) => ({ label: e.label, values: [formatDecimal(shownPercent(e.gap))] }))
    );
    // Vector bars: the PDF holds no image at all once the radars (canvas) are left out.
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    expect(images.trim().split('\n')).toHaveLength(2);
  });

  it('labels current and target bars of two questionnaires with the screen’s scores', async () => {
    const two = builtIn.slice(0, 2);
    const { doc, result } = report(two, answersFor(two, 0.5), 'final');
    const overview = charts(doc)[0]!;
    expect(overview.chart.type).toBe('bar');
    const { flat } = await printed(doc, 'two');
    expectLabelledBars(
      flat,
      { after: m.reports_cr_charts(), caption: overview.caption },
      result.questionnaires.map((q) => ({
        label: q.title,
        values: [formatDecimal(shownPercent(q.score)), formatDecimal(shownPercent(q.targetScore))]
      }))
    );
  });

  it('prints every radar at 200 dpi or more of the width it is printed at', () => {
    const { doc } = report(builtIn, answersFor(builtIn), 'final');
    const radars = charts(doc).filter((c) => c.chart.type === 'radar');
    expect(radars.length).toBe(1 + builtIn.length);
    for (const { chart } of radars) {
      const inches = chartBox(chart).width / 25.4;
      expect(chartPixels(chart).width / inches).toBeGreaterThanOrEqual(PRINT_DPI);
      expect(PRINT_DPI).toBeGreaterThanOrEqual(200);
    }
  });

  it('prints no chart, and no charts heading, for a questionnaire with nothing answered', () => {
    const two = builtIn.slice(0, 2);
    const first = two[0]!;
    const onlyFirst = answersFor([first]);
    const { doc } = report(two, onlyFirst, 'final');
    const captions = charts(doc).map((c) => c.caption);
    // The overview, the gap bars and the first questionnaire's sections; nothing for the second.
    expect(charts(doc)).toHaveLength(3);
    expect(captions.some((c) => c.includes(two[1]!.title))).toBe(false);

    const { doc: none } = report(two, {}, 'final');
    expect(charts(none)).toEqual([]);
    const chapters = none.blocks.filter((b) => b.kind === 'heading' && b.level === 1);
    expect(chapters.map((b) => b.kind === 'heading' && b.text)).not.toContain(
      m.reports_cr_charts()
    );
    expect(charts(doc).length).toBeGreaterThan(0);
  });

  it('keeps the draft mark in the left margin, clear of every figure', async () => {
    const { doc } = report(builtIn, answersFor(builtIn), 'draft');
    const { file } = await printed(doc, 'draft');
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const words = [
      ...html.matchAll(/xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g)
    ];
    const marks = words.filter((w) => w[3] === 'DRAFT');
    expect(marks.length).toBeGreaterThan(3);
    // 18 mm is 51 pt: the text column starts there, and the mark ends before it.
    for (const mark of marks) expect(Number(mark[2])).toBeLessThan(51);
    const body = words.filter(
      (w) => w[3] !== 'DRAFT' && !['—', 'not', 'for', 'citation'].includes(w[3]!)
    );
    for (const word of body) expect(Number(word[1])).toBeGreaterThanOrEqual(50);
  });
});
