/**
 * The names of the files the app saves: each says what the file holds and how sensitive it is
 * (see docs/file-formats.md).
 */
import { highestClassification } from '$lib/domain/assessment/classification';
import type { Assessment } from '$lib/domain/assessment/model';
import { countryName } from '$lib/domain/reference/countries';
import { isoDay } from '$lib/format/dates';
import { fileSafe } from '$lib/format/file-safe';

// One order of labels for the whole app: see domain/assessment/classification.ts.
export { highestClassification };

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
  const kind = sanitised ? 'bundle-sanitised' : 'bundle';
  const level = highestClassification(assessments.map((a) => a.classification)) ?? 'CLEAR';
  const only = assessments.length === 1 ? assessments[0] : undefined;
  if (only) return `${fileSafe(countryName(only.country))}_${only.date}_${kind}_${level}.json`;
  const countries = [...new Set(assessments.map((a) => a.country))];
  const who =
    countries.length === 1 ? fileSafe(countryName(countries[0]!)) : `${countries.length}-countries`;
  return `${who}_${on}_${kind}-${assessments.length}-assessments_${level}.json`;
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
  const suffix = `${purpose === 'safety' ? '_before-restore' : ''}${level ? `_${level}` : ''}`;
  return `ncs-backup_${on}${suffix}.json`;
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
  if (assessment) {
    const country = fileSafe(countryName(assessment.country));
    return `${country}_${assessment.date}_answer-template_${assessment.classification}.csv`;
  }
  const only = questionnaires.length === 1 ? questionnaires[0] : undefined;
  return only
    ? `answer-template_${only.id}_${only.version}.csv`
    : `answer-template_${questionnaires.length}-questionnaires_${on}.csv`;
}
