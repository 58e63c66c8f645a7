import { availableQuestionnaires } from '$lib/state/questionnaires';

export async function load() {
  return { questionnaires: await availableQuestionnaires() };
}
