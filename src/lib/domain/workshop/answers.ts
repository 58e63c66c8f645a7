/**
 * The groups' answers of a workshop and the history of its consensus. All groups' answers of one
 * assessment live in one record, keyed `groupId/questionnaireId/questionId`, written with keyed
 * updates like the answers record. They never change a score: scores use the consensus, which is
 * the assessment's own answers.
 */
import { z } from '../zod';
import { answerKey, answerSchema, type Answer, type AnswerMap } from '../assessment/model';
import type { Group } from './groups';

const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const KEY_PATTERN = new RegExp(`^(${ID})/(${ID})/(${ID})$`);

/** Longest rationale of a consensus answer. */
export const RATIONALE_MAX = 2000;

export const groupAnswerKeySchema = z
  .string()
  .regex(KEY_PATTERN, 'write group id, questionnaire id and question id joined by "/"');

/** Every group's answers of one assessment, keyed `groupId/questionnaireId/questionId`. */
export const groupAnswersSchema = z.record(groupAnswerKeySchema, answerSchema);
export type GroupAnswers = Record<string, Answer>;

/**
 * One change of a consensus answer: when, which question, the answer before and after (null =
 * unanswered), and why the room settled there ('' when no rationale was recorded).
 */
export const consensusChangeSchema = z.object({
  at: z.string().min(1),
  questionnaireId: z.string().min(1),
  questionId: z.string().min(1),
  from: answerSchema.nullable(),
  to: answerSchema.nullable(),
  rationale: z
    .string()
    .max(RATIONALE_MAX, `keep the rationale to ${RATIONALE_MAX} characters`)
    .default('')
});
export type ConsensusChange = z.output<typeof consensusChangeSchema>;

/** The stored shape: one record per assessment with its group answers and consensus history. */
export const groupAnswersRecordSchema = z.object({
  assessmentId: z.string().min(1),
  answers: groupAnswersSchema,
  history: z.array(consensusChangeSchema).default([])
});
export type GroupAnswersRecord = z.output<typeof groupAnswersRecordSchema>;

/**
 * The key of one group's answer to one question. Ids contain no slash.
 * @example groupAnswerKey('academia', 'privacy', 'dpa') // 'academia/privacy/dpa'
 */
export function groupAnswerKey(groupId: string, questionnaireId: string, questionId: string) {
  return `${groupId}/${questionnaireId}/${questionId}`;
}

/**
 * The three ids of a key, or null when the key is not three ids joined by "/".
 * @example splitGroupAnswerKey('academia/privacy/dpa')
 * // { groupId: 'academia', questionnaireId: 'privacy', questionId: 'dpa' }
 */
export function splitGroupAnswerKey(
  key: string
): { groupId: string; questionnaireId: string; questionId: string } | null {
  const m = KEY_PATTERN.exec(key);
  if (!m) return null;
  return { groupId: m[1]!, questionnaireId: m[2]!, questionId: m[3]! };
}

/**
 * Each group's answer to one question, keyed by group id; groups without an answer are absent.
 * This is what `spreadOf` reads.
 * @example answersByGroup({ 'academia/q/a': { state: 'level', level: 3 } }, groups, 'q', 'a')
 * // { academia: { state: 'level', level: 3 } }
 */
export function answersByGroup(
  groupAnswers: Readonly<GroupAnswers>,
  groups: readonly Pick<Group, 'id'>[],
  questionnaireId: string,
  questionId: string
): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const g of groups) {
    const answer = groupAnswers[groupAnswerKey(g.id, questionnaireId, questionId)];
    if (answer) out[g.id] = answer;
  }
  return out;
}

/**
 * One group's answers keyed `questionnaireId/questionId`, the shape of an assessment's answers
 * (a group session, a group response).
 * @example answersOfGroup({ 'academia/q/a': answer, 'government/q/a': other }, 'academia')
 * // { 'q/a': answer }
 */
export function answersOfGroup(groupAnswers: Readonly<GroupAnswers>, groupId: string): AnswerMap {
  const out: AnswerMap = {};
  for (const [key, answer] of Object.entries(groupAnswers)) {
    const ids = splitGroupAnswerKey(key);
    if (ids?.groupId === groupId) out[answerKey(ids.questionnaireId, ids.questionId)] = answer;
  }
  return out;
}

/**
 * How many answers a group has given (what removing the group would discard).
 * @example countAnswersOfGroup({ 'academia/q/a': answer, 'academia/q/b': answer }, 'academia') // 2
 */
export function countAnswersOfGroup(groupAnswers: Readonly<GroupAnswers>, groupId: string): number {
  const prefix = `${groupId}/`;
  return Object.keys(groupAnswers).filter((key) => key.startsWith(prefix)).length;
}

/**
 * The group answers without one group's (after the group is removed).
 * @example withoutGroup({ 'academia/q/a': answer, 'government/q/a': other }, 'academia')
 * // { 'government/q/a': other }
 */
export function withoutGroup(groupAnswers: Readonly<GroupAnswers>, groupId: string): GroupAnswers {
  const prefix = `${groupId}/`;
  return Object.fromEntries(
    Object.entries(groupAnswers).filter(([key]) => !key.startsWith(prefix))
  );
}

export { consensusChange } from './consensus-change';
