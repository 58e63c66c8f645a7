import type { Assessment, Classification } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import { countryNameIn } from '$lib/format/countries';
import { fileSafe } from '$lib/format/file-safe';
import { m } from '$lib/paraglide/messages.js';

/*
 * File names carry their words in the interface language ("country-report", "rapport-pays"),
 * each part made ASCII-safe by `fileSafe`: accents dropped, spaces and punctuation turned into
 * hyphens, so the name survives e-mail, archives and every file system (docs/languages.md).
 */

/**
 * Country, date, kind and classification, like the CSV exports of the results screen.
 * @example countryReportFileName(kenya) // 'Kenya_2026-11-28_country-report_AMBER.pdf'
 */
export function countryReportFileName(a: Assessment, extension: 'pdf' | 'docx' = 'pdf'): string {
  const country = fileSafe(countryNameIn(a.country, countryName(a.country)));
  return `${country}_${a.date}_${fileSafe(m.reports_file_country_report())}_${a.classification}.${extension}`;
}

/**
 * The executive brief, named like the country report, with the brief's own classification.
 * @example briefFileName(kenya, 'GREEN', 'docx') // 'Kenya_2026-11-28_executive-brief_GREEN.docx'
 */
export function briefFileName(
  a: Assessment,
  classification: Classification,
  extension: 'pdf' | 'docx'
): string {
  const country = fileSafe(countryNameIn(a.country, countryName(a.country)));
  return `${country}_${a.date}_${fileSafe(m.outputs_file_brief())}_${classification}.${extension}`;
}

/** @example blankFormFileName(privacy) // 'blank_privacy-data-protection_1.0.0.pdf' */
export function blankFormFileName(q: Questionnaire): string {
  return `${fileSafe(m.reports_file_blank())}_${q.id}_${q.version}.pdf`;
}

/**
 * The comparison report and table are named by the day they were made and the classification
 * they carry; `extension` is "pdf" or "csv".
 * @example comparisonFileName('2026-11-28', 'RED', 'pdf') // 'comparison_2026-11-28_RED.pdf'
 */
export function comparisonFileName(
  madeOn: string,
  classification: Classification,
  extension: 'pdf' | 'csv'
): string {
  return `${fileSafe(m.reports_file_comparison())}_${madeOn}_${classification}.${extension}`;
}

/**
 * The action plan, named like the country report.
 * @example planReportFileName(kenya) // 'Kenya_2026-11-28_action-plan_AMBER.pdf'
 */
export function planReportFileName(a: Assessment, extension: 'pdf' | 'docx' = 'pdf'): string {
  const country = fileSafe(countryNameIn(a.country, countryName(a.country)));
  return `${country}_${a.date}_${fileSafe(m.actions_file_plan())}_${a.classification}.${extension}`;
}

/**
 * The workshop record, named like the country report.
 * @example workshopRecordFileName(kenya) // 'Kenya_2026-11-28_workshop-record_AMBER.pdf'
 */
export function workshopRecordFileName(a: Assessment): string {
  const country = fileSafe(countryNameIn(a.country, countryName(a.country)));
  return `${country}_${a.date}_${fileSafe(m.reports_file_workshop_record())}_${a.classification}.pdf`;
}
