/**
 * The entry point ReportButton loads on demand: builds the document, checks that every string
 * can be printed, then loads jsPDF, fonts and chart.js and renders.
 *
 * Text the embedded font cannot print (Arabic, Indic, CJK scripts, emoji, rare symbols) makes us
 * refuse rather than replace: a report is a record that travels, and a comment silently cut or
 * swapped for a placeholder would misquote the people who answered. The message names each text
 * and where it is, and points to the results screen's "Print this page", which the browser
 * renders with full text shaping — or, when only appendix text is affected, to leaving the
 * appendix out.
 */
import { isoDay } from '$lib/format/dates';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import { buildBlankForm } from './blank-form';
import { buildPlanReport } from './action-plan-report';
import { buildComparisonReport } from './comparison-report';
import { buildCountryReport } from './country-report';
import { checkDocument, type UnprintableText } from './document/coverage';
import type { ReportDocument } from './document/model';
import {
  blankFormFileName,
  briefFileName,
  comparisonFileName,
  countryReportFileName,
  planReportFileName,
  workshopRecordFileName
} from './file-names';
import { buildBrief } from './brief';
import { buildWorkshopRecord } from './workshop-record';
import type { ReportOutcome, ReportProgress, ReportRequest } from './request';

const LISTED = 3;

function refusal(
  request: ReportRequest,
  problems: UnprintableText[],
  appendixOnly: boolean
): string {
  const listed = problems
    .slice(0, LISTED)
    .map((p) =>
      m.reports_refusal_item({
        what: p.what.join(m.reports_refusal_and()),
        where: p.where,
        excerpt: p.excerpt
      })
    )
    .join(m.reports_list_separator());
  const more =
    problems.length > LISTED
      ? m.reports_refusal_more({
          count: problems.length - LISTED,
          countText: formatNumber(problems.length - LISTED)
        })
      : '';
  const instead = {
    country: m.reports_refusal_country,
    brief: m.reports_refusal_country,
    blank: m.reports_refusal_blank,
    comparison: m.reports_refusal_comparison,
    plan: m.actions_report_refusal,
    workshop: m.reports_refusal_country
  }[request.kind]();
  const or = appendixOnly ? m.reports_refusal_or_appendix() : m.reports_refusal_or_text();
  return m.reports_refusal({ listed: listed + more, instead, or });
}

function build(request: ReportRequest, madeOn: string): ReportDocument {
  switch (request.kind) {
    case 'country':
      return buildCountryReport({ ...request, madeOn });
    case 'brief':
      return buildBrief({ ...request.input, madeOn });
    case 'blank':
      return buildBlankForm(request.questionnaire, request.language);
    case 'comparison':
      return buildComparisonReport(request.input);
    case 'plan':
      return buildPlanReport({ ...request, madeOn });
    case 'workshop':
      return buildWorkshopRecord({ ...request, madeOn });
  }
}

function fileNameOf(request: ReportRequest): string {
  switch (request.kind) {
    case 'country':
      return countryReportFileName(request.assessment, request.format ?? 'pdf');
    case 'brief':
      return briefFileName(request.input.assessment, request.input.classification, request.format);
    case 'blank':
      return blankFormFileName(request.questionnaire);
    case 'comparison':
      return comparisonFileName(
        request.input.madeOn,
        request.input.comparison.classification ?? 'CLEAR',
        'pdf'
      );
    case 'plan':
      return planReportFileName(request.assessment, request.format ?? 'pdf');
    case 'workshop':
      return workshopRecordFileName(request.assessment);
  }
}

/** Builds, checks and renders the requested report: a country report, a blank form or a
 * comparison report, each refused alike when its text cannot be printed. */
export async function generateReport(
  request: ReportRequest,
  progress: ReportProgress
): Promise<ReportOutcome> {
  progress(m.reports_progress_checking());
  const madeOn = isoDay();
  const doc = build(request, madeOn);
  const problems = checkDocument(doc);
  if (problems.length > 0) {
    const appendixOnly =
      request.kind === 'country' &&
      request.includeAppendix &&
      checkDocument(buildCountryReport({ ...request, includeAppendix: false, madeOn })).length ===
        0;
    return { ok: false, message: refusal(request, problems, appendixOnly) };
  }

  progress(m.reports_progress_loading());
  if ('format' in request && request.format === 'docx') {
    const [{ renderWord }, { wordImages }] = await Promise.all([
      import('./word/render'),
      import('./word/charts')
    ]);
    const blob = await renderWord(doc, progress, wordImages(doc));
    return { ok: true, fileName: fileNameOf(request), blob, pages: null };
  }
  const [{ renderDocument }, { loadFonts }, { renderBrief }] = await Promise.all([
    import('./document/render'),
    import('./document/fonts'),
    request.kind === 'brief' ? import('./brief-pdf') : { renderBrief: null }
  ]);
  const fonts = await loadFonts();
  const { blob, pages } =
    request.kind === 'brief' && renderBrief
      ? await renderBrief({ ...request.input, madeOn }, fonts, progress)
      : await renderDocument(doc, fonts, progress);
  return { ok: true, fileName: fileNameOf(request), blob, pages };
}
