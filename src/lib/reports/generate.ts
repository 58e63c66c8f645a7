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
import { buildBlankForm } from './blank-form';
import { buildComparisonReport } from './comparison-report';
import { buildCountryReport } from './country-report';
import { checkDocument, type UnprintableText } from './document/coverage';
import type { ReportDocument } from './document/model';
import { blankFormFileName, comparisonReportFileName, countryReportFileName } from './file-names';
import type { ReportOutcome, ReportProgress, ReportRequest } from './request';

const LISTED = 3;

function refusal(
  request: ReportRequest,
  problems: UnprintableText[],
  appendixOnly: boolean
): string {
  const listed = problems
    .slice(0, LISTED)
    .map((p) => `${p.what.join(' and ')} in ${p.where} (“${p.excerpt}”)`)
    .join('; ');
  const more = problems.length > LISTED ? `; and ${problems.length - LISTED} more texts` : '';
  const instead = {
    country: 'To print it, use “Print this page” on the results screen, which prints every script',
    blank:
      'To print it, use “Print as a blank form” on the questionnaire’s page, which prints every script',
    comparison:
      'To print it, use “Print this page” on the compare screen, which prints every script'
  }[request.kind];
  const orAppendix = appendixOnly ? ', or leave out the appendix' : ', or change the text';
  return (
    `No PDF made: the PDF font cannot print ${listed}${more}. ` +
    `The PDF maker cannot shape such text and would print it as garbage. ${instead}${orAppendix}.`
  );
}

function build(request: ReportRequest, madeOn: string): ReportDocument {
  switch (request.kind) {
    case 'country':
      return buildCountryReport({ ...request, madeOn });
    case 'blank':
      return buildBlankForm(request.questionnaire);
    case 'comparison':
      return buildComparisonReport(request.input);
  }
}

function fileNameOf(request: ReportRequest): string {
  switch (request.kind) {
    case 'country':
      return countryReportFileName(request.assessment);
    case 'blank':
      return blankFormFileName(request.questionnaire);
    case 'comparison':
      return comparisonReportFileName(
        request.input.madeOn,
        request.input.comparison.classification ?? 'CLEAR'
      );
  }
}

/** Builds, checks and renders the requested report: a country report, a blank form or a
 * comparison report, each refused alike when its text cannot be printed. */
export async function generateReport(
  request: ReportRequest,
  progress: ReportProgress
): Promise<ReportOutcome> {
  progress('Checking the text…');
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

  progress('Loading the PDF tools and fonts…');
  const [{ renderDocument }, { loadFonts }] = await Promise.all([
    import('./document/render'),
    import('./document/fonts')
  ]);
  const fonts = await loadFonts();
  const { blob, pages } = await renderDocument(doc, fonts, progress);
  return { ok: true, fileName: fileNameOf(request), blob, pages };
}
