import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/state/language';
import { loadQuestionnaireText } from '$lib/state/questionnaire-text';
import { availableQuestionnaires, loadPinned } from '$lib/state/questionnaires';

export async function load({ params }) {
  const entry = (await availableQuestionnaires()).find((q) => q.id === params.id);
  if (!entry) error(404, m.questionnaires_not_found({ id: params.id }));
  const questionnaire = await loadPinned(entry.id, entry.version);
  // Shown in the interface language; strings without a translation stay English, marked.
  return { questionnaire, text: await loadQuestionnaireText(questionnaire, getLocale()) };
}
