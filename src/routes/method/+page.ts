import { availableQuestionnaires } from '$lib/state/questionnaires';

/** The scales of the questionnaires this browser holds: the page explains scoring on them. */
export async function load() {
  const questionnaires = await availableQuestionnaires();
  return { scales: questionnaires.map((q) => q.scale.map((l) => l.value)) };
}
