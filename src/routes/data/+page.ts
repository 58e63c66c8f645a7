import { availableQuestionnaires } from '$lib/questionnaires/registry';
import { listAssessments } from '$lib/storage/assessments';
import { storageStatus } from '$lib/storage/persistence';
import { lastBackupAt } from '$lib/storage/transfer';

export async function load() {
  const [assessments, questionnaires, lastBackup, storage] = await Promise.all([
    listAssessments(),
    availableQuestionnaires(),
    lastBackupAt(),
    storageStatus()
  ]);
  return { assessments, questionnaires, lastBackup, storage };
}
