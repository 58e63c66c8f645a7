/**
 * Questionnaires with their text in an assessment's language (docs/languages.md, "An
 * assessment's language"). Ids, weights and scale values stay the pinned version's, so scores
 * are the same in every language; only what people read changes.
 */
import { languageOf, type AssessmentLanguage } from '$lib/domain/assessment/language';
import type { Assessment } from '$lib/domain/assessment/model';
import { scopedQuestionnaires } from '$lib/domain/questionnaire/core';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { ReportRequest } from '$lib/reports/request';
import { loadQuestionnaireText, type LocalizedQuestionnaire } from './questionnaire-text';
import { loadPinned } from './questionnaires';

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

/**
 * The blank form of one of the assessment's questionnaires, in the assessment's language: its
 * words and the questionnaire's text (a core assessment's form holds its core questions only).
 */
export async function blankFormRequest(
  assessment: Pick<Assessment, 'language' | 'scope'>,
  pin: { id: string; version: string }
): Promise<ReportRequest> {
  const [scoped] = scopedQuestionnaires([await loadPinned(pin.id, pin.version)], assessment.scope);
  const [text] = await textsFor(assessment, [scoped!]);
  return { kind: 'blank', questionnaire: text!.questionnaire, language: languageOf(assessment) };
}
