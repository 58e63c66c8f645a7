import type { Assessment, Classification } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import { fileSafe } from '$lib/format/file-safe';

/**
 * Country, date, kind and classification, like the CSV exports of the results screen.
 * @example countryReportFileName(kenya) // 'Kenya_2026-11-28_country-report_AMBER.pdf'
 */
export function countryReportFileName(a: Assessment): string {
  return `${fileSafe(countryName(a.country))}_${a.date}_country-report_${a.classification}.pdf`;
}

/** @example blankFormFileName(privacy) // 'blank_privacy-data-protection_1.0.0.pdf' */
export function blankFormFileName(q: Questionnaire): string {
  return `blank_${q.id}_${q.version}.pdf`;
}

/**
 * The comparison report is named by the day it was made and the classification it carries.
 * @example comparisonReportFileName('2026-11-28', 'RED') // 'comparison_2026-11-28_RED.pdf'
 */
export function comparisonReportFileName(madeOn: string, classification: Classification): string {
  return `comparison_${madeOn}_${classification}.pdf`;
}
