import { availableQuestionnaires } from '$lib/questionnaires/registry';

export async function load() {
  return { questionnaires: await availableQuestionnaires() };
}
