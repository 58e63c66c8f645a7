import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { availableQuestionnaires, loadPinned } from '$lib/state/questionnaires';

export async function load({ params }) {
  const entry = (await availableQuestionnaires()).find((q) => q.id === params.id);
  if (!entry) error(404, m.questionnaires_not_found({ id: params.id }));
  return { questionnaire: await loadPinned(entry.id, entry.version) };
}
