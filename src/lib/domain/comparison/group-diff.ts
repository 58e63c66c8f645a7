/**
 * The groups' answers beside the item diff of two workshops (docs/workshop.md, "Comparing two
 * workshops"). Evidence only: the diff itself, and every compared figure, use the consensus —
 * the assessments' own answers — and nothing here feeds them.
 */
import { answerKey, type AnswerMap } from '../assessment/model';
import type { Questionnaire } from '../questionnaire/schema';
import { groupAnswerKey, type GroupAnswers } from '../workshop/answers';
import { groupLetter, type Group } from '../workshop/groups';
import { answerSideOf, type AnswerSide } from './diff';

/** One assessment as a workshop: its groups in order, whether shown anonymised, their answers. */
export interface WorkshopSide {
  groups: readonly Group[];
  anonymise: boolean;
  answers: Readonly<GroupAnswers>;
}

/** One group's answer to one question. */
export interface GroupAnswerSide {
  groupId: string;
  /** The group's name, or null when that workshop shows its groups anonymised. */
  name: string | null;
  /** "A", "B" … in the workshop's group order when it shows groups anonymised, else null. */
  letter: string | null;
  observer: boolean;
  /** The answer as the diff describes one; `state` null = the group left it unanswered. */
  answer: AnswerSide;
}

/**
 * Whether the item diff may offer the groups' answers: both assessments are workshops and each
 * has at least one answer of one of its groups.
 * @example groupsComparable(sideA, sideB) // true when both have group answers
 */
export function groupsComparable(a: WorkshopSide | null, b: WorkshopSide | null): boolean {
  return hasGroupAnswers(a) && hasGroupAnswers(b);
}

function hasGroupAnswers(side: WorkshopSide | null): boolean {
  if (side === null || side.groups.length === 0) return false;
  const prefixes = side.groups.map((g) => `${g.id}/`);
  return Object.keys(side.answers).some((key) => prefixes.some((p) => key.startsWith(p)));
}

/**
 * Every group's answer to one question of one assessment, in group order, or null when the
 * assessment's questionnaires do not have the question.
 * @example groupAnswersAt(questionnaires, side, 'privacy', 'dpa')
 * // [{ groupId: 'government', name: 'Government', letter: null, observer: false, answer: { state: 'level', level: 3, … } }, …]
 */
export function groupAnswersAt(
  questionnaires: readonly Questionnaire[],
  side: WorkshopSide,
  questionnaireId: string,
  questionId: string
): GroupAnswerSide[] | null {
  const questionnaire = questionnaires.find((q) => q.id === questionnaireId);
  const question = questionnaire?.sections
    .flatMap((s) => s.questions)
    .find((q) => q.id === questionId);
  if (!questionnaire || !question) return null;
  return side.groups.map((g, index) => {
    const one: AnswerMap = {};
    const answer = side.answers[groupAnswerKey(g.id, questionnaireId, questionId)];
    if (answer) one[answerKey(questionnaireId, questionId)] = answer;
    return {
      groupId: g.id,
      name: side.anonymise ? null : g.name,
      letter: side.anonymise ? groupLetter(index) : null,
      observer: g.observer,
      answer: answerSideOf(questionnaire, question, one)
    };
  });
}
