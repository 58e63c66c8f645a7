import { error } from '@sveltejs/kit';
import { availableQuestionnaires, loadPinned } from '$lib/state/questionnaires';

export async function load({ params }) {
  const entry = (await availableQuestionnaires()).find((q) => q.id === params.id);
  if (!entry) error(404, `There is no questionnaire "${params.id}" in this browser.`);
  return { questionnaire: await loadPinned(entry.id, entry.version) };
}
