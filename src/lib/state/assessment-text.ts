/**
 * Questionnaires with their text in an assessment's language (docs/languages.md, "An
 * assessment's language"). Ids, weights and scale values stay the pinned version's, so scores
 * are the same in every language; only what people read changes.
 */
import { languageOf, type AssessmentLanguage } from '$lib/domain/assessment/language';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { loadQuestionnaireText, type LocalizedQuestionnaire } from './questionnaire-text';

/** Each questionnaire in the assessment's language, with the strings left in English. */
export function textsFor(
  assessment: { language?: AssessmentLanguage | undefined },
  questionnaires: readonly Questionnaire[]
): Promise<LocalizedQuestionnaire[]> {
  const language = languageOf(assessment);
  return Promise.all(questionnaires.map((q) => loadQuestionnaireText(q, language)));
}

/** Each questionnaire with its text in the assessment's language. */
export async function inAssessmentLanguage(
  assessment: { language?: AssessmentLanguage | undefined },
  questionnaires: readonly Questionnaire[]
): Promise<Questionnaire[]> {
  return (await textsFor(assessment, questionnaires)).map((t) => t.questionnaire);
}
