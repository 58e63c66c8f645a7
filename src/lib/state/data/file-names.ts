/**
 * The names of the files the app saves: each says what the file holds and how sensitive it is
 * (see docs/file-formats.md).
 */
import { highestClassification } from '$lib/domain/assessment/classification';
import type { Assessment } from '$lib/domain/assessment/model';
import { countryName } from '$lib/domain/reference/countries';
import { countryNameIn } from '$lib/format/countries';
import { isoDay } from '$lib/format/dates';
import { fileSafe } from '$lib/format/file-safe';
import { m } from '$lib/paraglide/messages.js';

// One order of labels for the whole app: see domain/assessment/classification.ts.
export { highestClassification };

/*
 * The words of a file name follow the interface language ("bundle", "fichier-evaluation"), each
 * made ASCII-safe by `fileSafe`, as is the country's name in that language (docs/file-formats.md,
 * "File names").
 */

/** A country's name for a file name, in the interface language: "Kenya", "Cote-d-Ivoire". */
function countryPart(code: string): string {
  return fileSafe(countryNameIn(code, countryName(code)));
}

type Described = Pick<Assessment, 'country' | 'date' | 'classification'>;

/**
 * What a bundle holds, in its name: the country, a date, how many assessments, whether it is
 * the sanitised copy and the highest classification.
 * @example bundleFileName([kenya]) // 'Kenya_2026-11-01_bundle_AMBER.json'
 * @example bundleFileName([kenya, uganda], true, '2026-11-28') // '2-countries_2026-11-28_bundle-sanitised-2-assessments_AMBER.json'
 */
export function bundleFileName(
  assessments: readonly Described[],
  sanitised = false,
  on: string = isoDay()
): string {
  const kind = fileSafe(sanitised ? m.reports_file_bundle_sanitised() : m.reports_file_bundle());
  const level = highestClassification(assessments.map((a) => a.classification)) ?? 'CLEAR';
  const only = assessments.length === 1 ? assessments[0] : undefined;
  if (only) return `${countryPart(only.country)}_${only.date}_${kind}_${level}.json`;
  const countries = [...new Set(assessments.map((a) => a.country))];
  const who =
    countries.length === 1
      ? countryPart(countries[0]!)
      : fileSafe(m.reports_file_countries({ count: countries.length }));
  const count = fileSafe(m.reports_file_assessments({ count: assessments.length }));
  return `${who}_${on}_${kind}-${count}_${level}.json`;
}

/**
 * A full backup's name: the date and, when it holds assessments, their highest classification.
 * @example backupFileName([kenya], '2026-11-28') // 'ncs-backup_2026-11-28_AMBER.json'
 */
export function backupFileName(
  assessments: readonly Described[],
  on: string = isoDay(),
  purpose: 'backup' | 'safety' = 'backup'
): string {
  const level = highestClassification(assessments.map((a) => a.classification));
  const safety = purpose === 'safety' ? `_${fileSafe(m.reports_file_before_restore())}` : '';
  return `${fileSafe(m.reports_file_backup())}_${on}${safety}${level ? `_${level}` : ''}.json`;
}

/**
 * @example templateFileName(null, [privacy]) // 'answer-template_privacy-data-protection_1.0.0.csv'
 * @example templateFileName(kenya, [privacy]) // 'Kenya_2026-11-01_answer-template_AMBER.csv'
 */
export function templateFileName(
  assessment: Described | null,
  questionnaires: readonly { id: string; version: string }[],
  on: string = isoDay()
): string {
  const template = fileSafe(m.reports_file_answer_template());
  if (assessment) {
    const country = countryPart(assessment.country);
    return `${country}_${assessment.date}_${template}_${assessment.classification}.csv`;
  }
  const only = questionnaires.length === 1 ? questionnaires[0] : undefined;
  return only
    ? `${template}_${only.id}_${only.version}.csv`
    : `${template}_${fileSafe(m.reports_file_questionnaires({ count: questionnaires.length }))}_${on}.csv`;
}
