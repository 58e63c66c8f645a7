/**
 * A group response coming into a workshop (docs/file-formats.md, "Group response"): what it
 * holds compared with what the group has already given here, and the changes to store for
 * "replace" (the response becomes the group's answers) or "fill gaps" (only questions the group
 * has not answered yet are taken). Pure: the state layer writes the changes in one transaction.
 */
import type { Answer, AnswerMap } from '../assessment/model';
import { groupAnswerKey, type GroupAnswers } from './answers';

export type ResponseMode = 'replace' | 'fill-gaps';

export interface ResponseSummary {
  groupId: string;
  /** Questions the response answers. */
  answered: number;
  /** Of those, how many differ from the answer the group already had here. */
  changed: number;
  /** Questions the group was asked (its part, in scope) that the response leaves unanswered. */
  skipped: number;
  /** The group already had answers here: the user chooses replace, fill gaps or cancel. */
  hadAnswers: boolean;
  /** Answers of the group here that the response would fill in under "fill gaps". */
  gaps: number;
}

/** One stored change: `key` is `groupId/questionnaireId/questionId`; null removes the answer. */
export interface ResponseChange {
  key: string;
  answer: Answer | null;
}

function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (!a || !b) return a === b;
  const fields = ['state', 'level', 'option', 'naReason', 'regional', 'evidence', 'comment'];
  return fields.every(
    (f) => (a as Record<string, unknown>)[f] === (b as Record<string, unknown>)[f]
  );
}

function groupPrefix(groupId: string): string {
  return `${groupId}/`;
}

/**
 * How a response compares with what the group has here. `asked` lists the answer keys
 * (`questionnaireId/questionId`) of the questions the group answers.
 * @example summariseResponse({}, 'academia', { 'q/a': { state: 'unknown' } }, ['q/a', 'q/b'])
 * // { groupId: 'academia', answered: 1, changed: 0, skipped: 1, hadAnswers: false, gaps: 1 }
 */
export function summariseResponse(
  stored: Readonly<GroupAnswers>,
  groupId: string,
  incoming: Readonly<AnswerMap>,
  asked: readonly string[]
): ResponseSummary {
  const prefix = groupPrefix(groupId);
  const hadAnswers = Object.keys(stored).some((key) => key.startsWith(prefix));
  let answered = 0;
  let changed = 0;
  let gaps = 0;
  for (const [key, answer] of Object.entries(incoming)) {
    if (!answer.state) continue;
    answered++;
    const before = stored[prefix + key];
    if (!before) gaps++;
    else if (!sameAnswer(before, answer)) changed++;
  }
  const skipped = asked.filter((key) => !incoming[key]?.state).length;
  return { groupId, answered, changed, skipped, hadAnswers, gaps };
}

/**
 * The keyed changes that take a response in. "replace": the group's answers become exactly the
 * response's (its other answers here are removed); "fill-gaps": only questions the group has no
 * answer to here are written. Other groups' answers are never touched.
 * @example responseChanges({ 'academia/q/a': x }, 'academia', { 'q/b': y }, 'fill-gaps')
 * // [{ key: 'academia/q/b', answer: y }]
 */
export function responseChanges(
  stored: Readonly<GroupAnswers>,
  groupId: string,
  incoming: Readonly<AnswerMap>,
  mode: ResponseMode
): ResponseChange[] {
  const prefix = groupPrefix(groupId);
  const changes: ResponseChange[] = [];
  for (const [key, answer] of Object.entries(incoming)) {
    if (!answer.state) continue;
    const full = groupAnswerKey(groupId, ...splitKey(key));
    if (mode === 'fill-gaps' && stored[full]) continue;
    if (mode === 'replace' && sameAnswer(stored[full], answer)) continue;
    changes.push({ key: full, answer });
  }
  if (mode === 'replace') {
    for (const key of Object.keys(stored)) {
      if (!key.startsWith(prefix)) continue;
      if (!incoming[key.slice(prefix.length)]?.state) changes.push({ key, answer: null });
    }
  }
  return changes;
}

/**
 * A response's answers split by the questions its group was asked (its part, in scope): the
 * others are left out and counted, so the facilitator is told (docs/workshop.md).
 * @example askedOnly({ 'q/a': x, 'q/z': y }, ['q/a', 'q/b']) // { kept: { 'q/a': x }, outside: 1 }
 */
export function askedOnly(
  incoming: Readonly<AnswerMap>,
  asked: readonly string[]
): { kept: AnswerMap; outside: number } {
  const askedSet = new Set(asked);
  const kept: AnswerMap = {};
  let outside = 0;
  for (const [key, answer] of Object.entries(incoming)) {
    if (askedSet.has(key)) kept[key] = answer;
    else if (answer.state) outside++;
  }
  return { kept, outside };
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
