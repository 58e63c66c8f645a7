import { availableQuestionnaires, builtinIndex } from '$lib/questionnaires/registry';

export async function load() {
  return {
    questionnaires: await availableQuestionnaires(),
    scale: builtinIndex[0]?.scale ?? []
  };
}
