/**
 * "Where the groups disagree" on a workshop's answer screen (docs/workshop.md): the questions
 * rule 13 says the groups disagree on, over the groups' answers as the screen shows them, and
 * how many there are among all the assessment's questions.
 */
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { answerKey } from '$lib/domain/assessment/model';
import type { GroupAnswers } from '$lib/domain/workshop/answers';
import type { Group } from '$lib/domain/workshop/groups';
import { questionSpreads } from '$lib/domain/workshop/spread-rows';

export interface Disagreed {
  /** Answer keys (`questionnaireId/questionId`) of the questions the groups disagree on. */
  keys: Set<string>;
  /** Every question of the questionnaires given (the count is "12 of 153 questions"). */
  total: number;
}

/**
 * The questions where the groups disagree by rule 13 (the domain's spread of each question), in
 * the questionnaires as the assessment shows them (its scope).
 * @example disagreedQuestions([privacy], answers, groups).keys.has('privacy/dpa') // true
 */
export function disagreedQuestions(
  questionnaires: readonly Questionnaire[],
  groupAnswers: Readonly<GroupAnswers>,
  groups: readonly Pick<Group, 'id' | 'observer'>[]
): Disagreed {
  const keys = new Set(
    questionSpreads({ questionnaires, groups, groupAnswers })
      .filter((s) => s.spread.disagree)
      .map((s) => answerKey(s.questionnaireId, s.questionId))
  );
  const total = questionnaires.reduce(
    (n, q) => n + q.sections.reduce((k, s) => k + s.questions.length, 0),
    0
  );
  return { keys, total };
}
