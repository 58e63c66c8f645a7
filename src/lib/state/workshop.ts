/**
 * What the workshop screens do (docs/architecture.md, "Workshops"): the groups panel, the group
 * answers of the answer screen, the consensus, and the spread in the results. Components call
 * these; storage is reached only from here.
 */
import type { Answer, Assessment } from '$lib/domain/assessment/model';
import { summarizerFor } from '$lib/domain/assessment/summary';
import {
  countAnswersOfGroup,
  groupAnswerKey,
  type GroupAnswers,
  type GroupAnswersRecord
} from '$lib/domain/workshop/answers';
import type { Group } from '$lib/domain/workshop/groups';
import * as store from '$lib/storage/workshop';
import { scopedQuestionnaires } from '$lib/domain/questionnaire/core';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { inAssessmentLanguage } from './assessment-text';
import { loadAllPinned } from './questionnaires';

export type { GroupAnswersRecord };
export type { ConsensusVerdict } from '$lib/storage/workshop';

function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** How many answers each group has given, keyed by group id (what removing it would delete). */
export async function answerCountsByGroup(
  assessment: Pick<Assessment, 'id' | 'groups'>
): Promise<Record<string, number>> {
  const { answers } = await store.getWorkshop(assessment.id);
  return Object.fromEntries(
    (assessment.groups ?? []).map((g) => [g.id, countAnswersOfGroup(answers, g.id)])
  );
}

/** Stores the groups (answers of removed groups go with them) and the anonymised choice. */
export function saveWorkshopGroups(
  assessmentId: string,
  groups: readonly Group[],
  anonymise: boolean
): Promise<Assessment> {
  return store.saveGroups(assessmentId, plain([...groups]), anonymise);
}

/**
 * The questionnaires and sections a group's part can be chosen from: the pinned versions, in
 * the assessment's scope and language (docs/workshop.md, "Groups that answer only their part").
 */
export async function partChoices(
  assessment: Pick<Assessment, 'questionnaires' | 'scope' | 'language'>
): Promise<Questionnaire[]> {
  const pinned = await loadAllPinned(assessment.questionnaires);
  return inAssessmentLanguage(assessment, scopedQuestionnaires(pinned, assessment.scope));
}

/** The group answers and consensus history of one assessment. */
export function loadWorkshop(assessmentId: string): Promise<GroupAnswersRecord> {
  return store.getWorkshop(assessmentId);
}

/** Follows the group answers as they change (this tab or another); returns the stop function. */
export function followWorkshop(
  assessmentId: string,
  onChange: (record: GroupAnswersRecord) => void
): () => void {
  return store.watchWorkshop(assessmentId, onChange);
}

/** Records (or, with null, clears) one group's answer to one question. */
export function saveGroupAnswer(
  assessmentId: string,
  groupId: string,
  questionnaireId: string,
  questionId: string,
  answer: Answer | null
): Promise<GroupAnswers> {
  return store.saveGroupAnswers(assessmentId, [
    { key: groupAnswerKey(groupId, questionnaireId, questionId), answer: plain(answer) }
  ]);
}

/**
 * Sets the consensus of one question with its rationale; scores follow it.
 * @example await setConsensusAnswer(assessment, 'privacy', 'dpa', { state: 'level', level: 2 }, '')
 */
export async function setConsensusAnswer(
  assessment: Pick<Assessment, 'id' | 'questionnaires'>,
  questionnaireId: string,
  questionId: string,
  verdict: store.ConsensusVerdict,
  rationale: string
): Promise<Answer | null> {
  const questionnaires = await loadAllPinned(assessment.questionnaires);
  return store.setConsensus(
    assessment.id,
    questionnaireId,
    questionId,
    plain(verdict),
    rationale,
    summarizerFor(questionnaires)
  );
}
