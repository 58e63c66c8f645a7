/**
 * The files the app saves for the user: the answer template, bundles and full backups.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Assessment } from '$lib/domain/assessment/model';
import { isoDay } from '$lib/format/dates';
import { writeAnswerTemplate, type AnswersCsvAssessment } from '$lib/io/answers-csv';
import { backupFile } from '$lib/io/backup';
import { makeBundle } from '$lib/io/bundle';
import { envelopeText } from '$lib/io/envelope';
import { builtinCopiesChecked, loadAllPinned } from '$lib/state/questionnaires';
import { builtinOverlaysOf } from '$lib/state/questionnaire-text';
import { getAssessment } from '$lib/storage/assessments';
import { recordBackup } from '$lib/storage/backup-date';
import { readBundleItems, readEverything } from '$lib/storage/transfer';
import { download } from '../download';
import { saving } from '../files/saving.svelte';
import { backupFileName, bundleFileName, templateFileName } from './file-names';
import { inAssessmentLanguage } from '../assessment-text';

// Answer template ------------------------------------------------------------------------------

/**
 * Downloads the answer template: for an assessment (its pinned questionnaires, its assessment
 * columns filled, so the file goes back into it) or for chosen questionnaires (assessment
 * columns empty: fill them to create assessments, or leave them to import into an open one).
 * Returns the file name.
 */
export async function downloadTemplate(
  choice: { assessmentId: string } | { questionnaires: { id: string; version: string }[] }
): Promise<string> {
  let assessment: Assessment | null = null;
  let pins: { id: string; version: string }[];
  if ('assessmentId' in choice) {
    assessment = (await getAssessment(choice.assessmentId)) ?? null;
    if (!assessment) throw new Error(m.data_assessment_gone());
    pins = assessment.questionnaires;
  } else {
    pins = choice.questionnaires;
  }
  if (pins.length === 0) throw new Error(m.data_template_needs_questionnaire());
  const pinned = await loadAllPinned(pins);
  // An assessment's template reads in its language (question_text); otherwise as written.
  const questionnaires = assessment ? await inAssessmentLanguage(assessment, pinned) : pinned;
  const columns: AnswersCsvAssessment = assessment ?? {
    id: '',
    country: '',
    title: '',
    date: '',
    respondent: '',
    target: undefined
  };
  const name = templateFileName(assessment, questionnaires);
  return download(
    name,
    writeAnswerTemplate([{ assessment: columns, questionnaires }], saving.delimiter),
    'text/csv'
  );
}

// Bundles ---------------------------------------------------------------------------------------

/**
 * Downloads a bundle of the given assessments (all when `ids` is absent). Returns the file name.
 */
export async function downloadBundle(
  ids: readonly string[] | undefined,
  sanitise: boolean
): Promise<string> {
  await builtinCopiesChecked();
  const { items, questionnaires, overlays } = await readBundleItems(ids);
  if (items.length === 0) throw new Error(m.data_nothing_to_export());
  const envelope = makeBundle(items, questionnaires, {
    appVersion: __APP_VERSION__,
    sanitise,
    // The pinned versions' translations: the app's own first, then those stored with them.
    overlays: [...(await builtinOverlaysOf(questionnaires)), ...overlays]
  });
  const name = bundleFileName(
    items.map((i) => i.assessment),
    sanitise,
    isoDay(new Date(envelope.exportedAt))
  );
  return download(name, envelopeText(envelope), 'application/json');
}

// Backup and restore ----------------------------------------------------------------------------

/**
 * Downloads a full backup of this browser's data and records when it was made. Returns the file
 * name.
 */
export async function downloadBackup(purpose: 'backup' | 'safety' = 'backup'): Promise<string> {
  await builtinCopiesChecked();
  const data = await readEverything();
  const file = await backupFile(data, { appVersion: __APP_VERSION__ });
  const name = backupFileName(data.assessments, isoDay(new Date(file.exportedAt)), purpose);
  const saved = await download(name, file.blob);
  await recordBackup(file.exportedAt);
  return saved;
}
