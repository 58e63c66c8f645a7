import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { setFormatLocale } from '$lib/format/locale';
import { parseQuestionnaireText } from '$lib/io/questionnaire-file';
import { scoreAssessment } from '$lib/domain/scoring/score';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { scopedQuestionnaires } from '$lib/domain/questionnaire/core';
import { buildBrief } from './brief';
import { answersFor, briefInput, fiveQuestionnaireAssessment, planOf } from './brief-fixtures';
import { renderBrief } from './brief-pdf';
import { checkDocument } from './document/coverage';
import { documentTexts } from './document/model';

const dir = join(process.cwd(), 'questionnaires');
const five: Questionnaire[] = readdirSync(dir)
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
const out = mkdtempSync(join(tmpdir(), 'brief-'));

afterEach(() => {
  overwriteGetLocale(() => 'en');
  setFormatLocale('en');
});

/** Renders a brief, saves it, and reads it back as pdftotext and pdfinfo see it. */
async function printed(input: Parameters<typeof renderBrief>[0], name: string) {
  const { blob, pages } = await renderBrief(input, fonts, () => {});
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8'
  });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const infoPages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect(infoPages).toBe(pages);
  return {
    text,
    flat: text.replace(/\s+/g, ' '),
    pages,
    info,
    size: /^Page size:.*$/m.exec(info)?.[0] ?? ''
  };
}

function inOrder(text: string, parts: string[]): void {
  let at = -1;
  for (const part of parts) {
    const next = text.indexOf(part, at + 1);
    expect(next, `"${part}" after the previous part`).toBeGreaterThan(at);
    at = next;
  }
}

const full = answersFor(five);

// Two pages: what a minister reads in one sitting (DESIGN's contract for the brief). The cases
// are the ones that make a brief long: every questionnaire filled, a provisional one, a plan of
// 40 actions, 30 disagreements, the longest titles and narrative the app accepts, French
// (about a fifth longer than English), and US Letter (18 mm shorter than A4).
describe('executive brief', () => {
  it('holds, in order, what the brief promises, for a full five-questionnaire assessment', async () => {
    const a = fiveQuestionnaireAssessment(five);
    const input = briefInput(five, full, a);
    const { flat, pages, info } = await printed(input, 'full');
    expect(pages).toBeLessThanOrEqual(2);
    inOrder(flat, [
      'Fiji — executive brief',
      'Fiji national self-assessment 2026',
      'TLP:AMBER',
      'Self-assessment — not independently validated',
      'Executive summary',
      'data protection bill',
      'Where we are and where we aim',
      'Overall',
      five[0]!.title,
      'The largest gaps, highest priority first',
      'Decisions sought',
      'Approve the budget line',
      'Next review',
      'November 20, 2027'
    ]);
    // The five gaps, then how many more there are.
    const more = input.result.gapList.length - 5;
    expect(flat).toContain(`and ${more} more`);
    expect(flat).toContain(input.result.gapList[0]!.text.slice(0, 40));
    expect(flat).not.toContain(input.result.gapList[5]!.text.slice(0, 60));
    // The overall score as the score card shows it (rule 5), with its basis.
    const shown = (Math.round(input.result.score! * 1000) / 10).toFixed(1);
    expect(flat).toContain(`Score ${shown} of 100`);
    // Never a question id, never "Not written.".
    for (const g of input.result.gapList) expect(flat).not.toContain(`[${g.questionId}]`);
    expect(flat).not.toContain('Not written');
    // Metadata: a title and subject; no author or machine.
    expect(info).toMatch(/^Title:\s+Fiji — executive brief: Fiji national/m);
    expect(info).toMatch(/^Subject:\s+Executive brief/m);
    expect(info).not.toMatch(/^Author:/m);
    expect(/Page size:\s+595\.\d+ x 841\.\d+/.test(info), 'A4').toBe(true);
  });

  it('lists the open actions of the plan when there is one: by priority, then due date', async () => {
    const a = fiveQuestionnaireAssessment(five);
    const plan = planOf(a.id, 12, (i) => `Action number ${i}`);
    const { flat, pages } = await printed(briefInput(five, full, a, { actions: plan }), 'plan');
    expect(pages).toBeLessThanOrEqual(2);
    expect(flat).toContain('Open actions, highest priority first');
    expect(flat).not.toContain('The largest gaps');
    // High first (1, 4, 7, 10) by due date (1 and 10 both in February: by title), then the
    // medium one due first (2 and 11 both in March: by title); 6 is done, so left out.
    const open = plan.filter((p) => p.status !== 'done');
    inOrder(
      flat,
      [1, 10, 4, 7, 11].map((i) => `Action number ${i}`)
    );
    expect(flat).toContain(
      'Owner: Ministry of ICT, unit 1 · due February 15, 2027 · cost: FJD 20000'
    );
    expect(flat).toContain(`and ${open.length - 5} more`);
    expect(flat).not.toContain('Action number 6');
  });

  it('falls back to gaps when the plan is empty, and says so when nothing is open', () => {
    const a = fiveQuestionnaireAssessment(five);
    const empty = documentTexts(buildBrief(briefInput(five, full, a, { actions: [] })));
    expect(empty.map((t) => t.text)).toContain('The largest gaps, highest priority first');
    const done = planOf(a.id, 1, () => 'Done already').map((x) => ({
      ...x,
      status: 'done' as const,
      doneOn: '2026-10-01'
    }));
    const texts = documentTexts(buildBrief(briefInput(five, full, a, { actions: done }))).map(
      (t) => t.text
    );
    expect(texts).toContain('The action plan has no open action: every action is done or dropped.');
  });

  it('stays within two pages for a core-set assessment, scored on its core questions', async () => {
    // The first two questions of each section make the core set (a one-day workshop's).
    const marked = five.map((q) => ({
      ...q,
      sections: q.sections.map((sec) => ({
        ...sec,
        questions: sec.questions.map((x, i) => ({ ...x, core: i < 2 }))
      }))
    }));
    const core = scopedQuestionnaires(marked, 'core');
    expect(core.length).toBe(five.length);
    const answers = answersFor(core);
    const a = fiveQuestionnaireAssessment(core, { scope: 'core' });
    const result = scoreAssessment({ questionnaires: core, answers, scope: 'core' });
    const input = briefInput(core, answers, a, { result });
    const { flat, pages } = await printed(input, 'core');
    expect(pages).toBeLessThanOrEqual(2);
    const shown = (Math.round(result.score! * 1000) / 10).toFixed(1);
    expect(flat).toContain(`Score ${shown} of 100`);
    inOrder(flat, ['Executive summary', 'Where we are and where we aim', 'Decisions sought']);
  });

  it('claims no stage for a provisional questionnaire and says why, in two pages', async () => {
    const partial = { ...answersFor(five), ...answersFor([five[1]!], 0.2) };
    for (const key of Object.keys(partial)) {
      if (key.startsWith(`${five[1]!.id}/`)) delete partial[key];
    }
    Object.assign(partial, answersFor([five[1]!], 0.2));
    const a = fiveQuestionnaireAssessment(five);
    const input = briefInput(five, partial, a);
    const q = input.result.questionnaires[1]!;
    expect(q.provisional).toBe(true);
    const { flat, pages } = await printed(input, 'provisional');
    expect(pages).toBeLessThanOrEqual(2);
    const n = q.counts.scored;
    const m = q.counts.scorable - q.counts.na;
    expect(flat).toContain(
      `Provisional, based on ${n} of ${m} questions: not enough answers yet to claim a stage.`
    );
    inOrder(flat, ['What is provisional', `${q.title}: based on ${n} of ${m} questions.`]);
    const ladder = buildBrief(input).blocks.find((b) => b.kind === 'ladder')!;
    expect(ladder.kind === 'ladder' && ladder.rows.map((r) => r.here)).toEqual([
      null, // the overall counts a provisional questionnaire: no stage either
      expect.any(Number),
      null,
      expect.any(Number),
      expect.any(Number),
      expect.any(Number)
    ]);
  });

  it('stays within two pages with the longest text the app accepts, in French, on Letter', async () => {
    // A French assessment: its brief is French while the interface stays English.
    const long = (seed: string, length: number) =>
      Array.from({ length: Math.ceil(length / seed.length) }, () => seed)
        .join(' ')
        .slice(0, length);
    const world = 'Łódź Tūvalu “Côte d’Ivoire” Ελλάδα Україна São Tomé — ';
    const titled = five.map((q) => ({ ...q, title: long(`${q.title} ${world}`, 300) }));
    const a = fiveQuestionnaireAssessment(titled, {
      language: 'fr',
      title: long(`Revue nationale ${world}`, 300),
      narrative: {
        executiveSummary: long(`La loi est en vigueur. ${world}`, 20_000),
        context: long(world, 20_000),
        keyFindings: long(world, 20_000),
        decisionsSought: long(`Décider du budget. ${world}`, 20_000),
        nextReviewDate: '2027-11-20'
      }
    });
    const answers = answersFor(titled);
    const result = scoreAssessment({ questionnaires: titled, answers });
    const previous = {
      assessment: fiveQuestionnaireAssessment(titled, { date: '2025-11-20' }),
      result: scoreAssessment({ questionnaires: titled, answers: answersFor(titled, 0.75) })
    };
    const plan = planOf(a.id, 40, (i) => long(`Action ${i} ${world}`, 200));
    const open = plan.filter((x) => x.status !== 'done').length;
    const input = briefInput(titled, answers, a, {
      result,
      previous,
      paper: 'letter',
      actions: plan,
      disagreements: Array.from({ length: 30 }, (_, i) => long(`Question ${i} ${world}`, 300))
    });
    expect(checkDocument(buildBrief(input))).toEqual([]);
    const { flat, pages, info } = await printed(input, 'long-french-letter');
    expect(pages).toBeLessThanOrEqual(2);
    expect(/Page size:\s+612 x 792/.test(info), 'US Letter').toBe(true);
    inOrder(flat, [
      'Fidji — note de synthèse',
      'Synthèse',
      'Où nous en sommes et où nous voulons aller',
      'Évolution depuis l’évaluation du 20 novembre 2025',
      'Actions en cours, par priorité',
      `et ${open - 5} autres`,
      'Décisions attendues',
      'Où les groupes divergent',
      'et 25 autres',
      'Prochain réexamen'
    ]);
    expect(flat).toContain('Łódź Tūvalu “Côte d’Ivoire” Ελλάδα Україна São Tomé');
  });

  it('prints a lower classification only as given, and names the assessment’s', async () => {
    const a = fiveQuestionnaireAssessment(five, { classification: 'AMBER' });
    const { text } = await printed(
      briefInput(five, full, a, { classification: 'GREEN' }),
      'lowered'
    );
    const pageTexts = text.split('\f').filter((p) => p.trim());
    for (const page of pageTexts) expect(page).toContain('TLP:GREEN');
    expect(text.replace(/\s+/g, ' ')).toContain('TLP:GREEN (the assessment is TLP:AMBER)');
  });
});
