import { linkParams } from '$lib/format/links';
import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { firstUnanswered } from '$lib/domain/assessment/progress';
import { requestQuestionFocus } from '$lib/state/answer-focus';

/** "Continue": opens the first unanswered question, or the first section when all are answered. */
export async function load({ parent, params }) {
  const { questionnaires, answers } = await parent();
  const place = firstUnanswered(questionnaires, answers);
  const first = questionnaires[0];
  const section = first?.sections[0];
  if (!first || !section) return {};
  if (place) requestQuestionFocus(place.questionnaireId, place.questionId);
  redirect(
    307,
    resolve(
      '/assessments/[id]/answer/[questionnaire]/[section]',
      linkParams({
        id: params.id,
        questionnaire: place?.questionnaireId ?? first.id,
        section: place?.sectionId ?? section.id
      })
    )
  );
}
