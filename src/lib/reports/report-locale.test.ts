import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { m } from '$lib/paraglide/messages.js';
import { setFormatLocale } from '$lib/format/locale';
import { parseQuestionnaireText } from '$lib/io/questionnaire-file';
import { scoreAssessment } from '$lib/domain/scoring/score';
import { newAction } from '$lib/domain/actions/model';
import type { Assessment } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { answersFor, briefInput, fiveQuestionnaireAssessment } from './brief-fixtures';
import { buildBrief } from './brief';
import { buildCountryReport } from './country-report';
import { buildPlanReport } from './action-plan-report';
import { buildBlankForm } from './blank-form';
import { documentTexts, type ReportDocument } from './document/model';
import { inReportLocale, reportLocale } from './report-locale';

function builtin(id: string): Questionnaire {
  const file = `${id}.yaml`;
  const parsed = parseQuestionnaireText(
    file,
    readFileSync(join(process.cwd(), 'questionnaires', file), 'utf8')
  );
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.questionnaire;
}

const privacy = builtin('privacy-data-protection');
const five = [privacy];
const answers = answersFor(five, 0.6);
const result = scoreAssessment({ questionnaires: five, answers });
const narrative = {
  executiveSummary: 'The law is in force.',
  context: '',
  keyFindings: '',
  decisionsSought: 'Fund the regulator.',
  nextReviewDate: '2027-11-20'
};

function assessment(language: Assessment['language']): Assessment {
  return fiveQuestionnaireAssessment(five, { status: 'draft', narrative, language });
}

const all = (doc: ReportDocument) => documentTexts(doc).map((t) => t.text);
const joined = (doc: ReportDocument) => all(doc).join('\n');

function ui(locale: 'en' | 'fr') {
  overwriteGetLocale(() => locale);
  setFormatLocale(locale);
}

afterEach(() => ui('en'));

describe('reports follow the assessment’s language, not the interface’s', () => {
  it('writes a French assessment’s brief in French while the interface is English', () => {
    ui('en');
    const doc = buildBrief(briefInput(five, answers, assessment('fr')));
    expect(doc.locale).toBe('fr');
    expect(all(doc)).toEqual(expect.arrayContaining(['Synthèse', 'Décisions attendues']));
    expect(doc.decor.watermark).toBe('BROUILLON — ne pas citer');
    expect(doc.decor.footer).toBe('Auto-évaluation — non validée par un tiers');
    expect(joined(doc)).toContain('20 novembre 2027');
    expect(all(doc)).not.toContain('Executive summary');
    // The interface is untouched, during and after the build.
    expect(m.reports_cr_executive_summary()).toBe('Executive summary');
    expect(reportLocale()).toBe('en');
  });

  it('writes an English assessment’s brief in English while the interface is French', () => {
    ui('fr');
    const doc = buildBrief(briefInput(five, answers, assessment('en')));
    expect(doc.locale).toBe('en');
    expect(all(doc)).toEqual(expect.arrayContaining(['Executive summary', 'Decisions sought']));
    expect(doc.decor.watermark).toBe('DRAFT — not for citation');
    expect(joined(doc)).toContain('November 20, 2027');
    expect(m.reports_cr_executive_summary()).toBe('Synthèse');
  });

  it('reads an assessment without a language (an older record) as English', () => {
    ui('fr');
    const doc = buildBrief(briefInput(five, answers, assessment(undefined)));
    expect(doc.locale).toBe('en');
    expect(all(doc)).toContain('Executive summary');
  });

  it('writes the country report’s words and figures in the assessment’s language', () => {
    const build = (language: Assessment['language']) =>
      buildCountryReport({
        assessment: assessment(language),
        questionnaires: five,
        answers,
        result,
        includeAppendix: true,
        madeOn: '2026-12-06'
      });
    ui('en');
    const fr = build('fr');
    ui('fr');
    const en = build('en');
    expect(all(fr)).toEqual(expect.arrayContaining(['Résumé']));
    expect(joined(fr)).toContain('6 décembre 2026');
    expect(all(en)).toEqual(expect.arrayContaining(['Summary']));
    expect(joined(en)).toContain('December 6, 2026');
    // Decimal comma in French, decimal point in English, for the same score.
    const shown = (Math.round(result.score! * 1000) / 10).toFixed(1);
    expect(joined(fr)).toContain(shown.replace('.', ','));
    expect(joined(en)).toContain(shown);
  });

  it('writes the action plan report and the blank form in the language asked for', () => {
    ui('en');
    const a = assessment('fr');
    const plan = buildPlanReport({
      assessment: a,
      questionnaires: five,
      madeOn: '2027-04-01',
      actions: [
        newAction(
          { id: 'x', assessmentId: a.id, title: 'Pass the law', priority: 'high' },
          '2027-01-01T00:00:00Z'
        )
      ]
    });
    expect(all(plan)).toContain('Plan d’action');
    const blank = buildBlankForm(privacy, 'fr');
    expect(blank.locale).toBe('fr');
    expect(all(blank)).toEqual(expect.arrayContaining(['L’échelle', 'Répondant ou atelier']));
    expect(blank.decor.classification).toBe(m.reports_bf_classification({}, { locale: 'fr' }));
    expect(blank.decor.classification).toContain('une fois rempli');
    ui('fr');
    expect(buildBlankForm(privacy, 'en').locale).toBe('en');
    expect(buildBlankForm(privacy).locale).toBe('fr');
  });

  it('keeps the language to the synchronous build it is given', () => {
    ui('en');
    expect(inReportLocale('fr', () => reportLocale())).toBe('fr');
    expect(reportLocale()).toBe('en');
    expect(() => inReportLocale('fr', async () => reportLocale())).toThrow(/synchronous/);
    expect(reportLocale()).toBe('en');
  });
});
