import { availableQuestionnaires, builtinIndex } from '$lib/questionnaires/registry';
import { listAssessments } from '$lib/storage/assessments';

export async function load() {
  return {
    questionnaires: await availableQuestionnaires(),
    assessments: await listAssessments(),
    scale: builtinIndex[0]?.scale ?? []
  };
}
