/**
 * What each screen reads before it renders. Route `load` functions call these, so routes never
 * reach storage themselves (see docs/architecture.md, "Who may import whom").
 */
import {
  getAssessment,
  getSummary,
  listAssessments,
  listSummaries
} from '$lib/storage/assessments';
import { lastBackupAt } from '$lib/storage/backup-date';
import { listAllActions } from '$lib/storage/actions';
import { overdueByAssessment } from '$lib/domain/actions/overdue';
import { isoDay } from '$lib/format/dates';
import { storageStatus } from '$lib/storage/persistence';
import { availableQuestionnaires, builtinIndex } from './questionnaires';

/**
 * The dashboard: every assessment with its cached figures, and the overdue actions of each
 * country's latest assessment (docs/scoring.md, "Action plans").
 */
export async function loadDashboard() {
  const [assessments, summaries, actions] = await Promise.all([
    listAssessments(),
    listSummaries(),
    listAllActions()
  ]);
  return { assessments, summaries, overdue: overdueByAssessment(actions, assessments, isoDay()) };
}

/** The assessment screen; null when the assessment is not in this browser. */
export async function loadAssessmentScreen(id: string) {
  const [assessment, summary, questionnaires] = await Promise.all([
    getAssessment(id),
    getSummary(id),
    availableQuestionnaires()
  ]);
  if (!assessment) return null;
  return { assessment, summary, questionnaires, scale: builtinIndex[0]?.scale ?? [] };
}

/** The new-assessment form: the questionnaires to choose from and the existing assessments. */
export async function loadNewAssessment() {
  return {
    questionnaires: await availableQuestionnaires(),
    assessments: await listAssessments(),
    scale: builtinIndex[0]?.scale ?? []
  };
}

/** The Data screen: assessments, questionnaires, the last backup and the storage status. */
export async function loadDataScreen() {
  const [assessments, questionnaires, lastBackup, storage] = await Promise.all([
    listAssessments(),
    availableQuestionnaires(),
    lastBackupAt(),
    storageStatus()
  ]);
  return { assessments, questionnaires, lastBackup, storage };
}
