import { getLocale } from '$lib/state/language';
import { loadQuestionnaireTitles } from '$lib/state/questionnaire-text';
import { availableQuestionnaires } from '$lib/state/questionnaires';

export async function load() {
  const questionnaires = await availableQuestionnaires();
  // Titles in the interface language (docs/languages.md, "Questionnaire translations").
  return { questionnaires, titles: await loadQuestionnaireTitles(questionnaires, getLocale()) };
}
