/**
 * The workshop parts of bundles and backups (docs/file-formats.md, format version 4): each
 * group's answers, keyed `groupId/questionnaireId/questionId`, belonging to a group of the
 * assessment they sit under and valid for the question they answer, and the consensus history.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { z } from '../domain/zod';
import type { AnswerMap, Assessment } from '../domain/assessment/model';
import {
  consensusChangeSchema,
  splitGroupAnswerKey,
  type ConsensusChange,
  type GroupAnswers
} from '../domain/workshop/answers';
import { checkAnswers, parseAnswerMap, parseAt, type IssueSink, type PinnedLookup } from './bundle';

/**
 * One assessment's group answers, validated answer by answer; undefined when any is wrong.
 * Absent means none (files of format version 3 and earlier are upgraded to none).
 * @example parseGroupAnswers(raw.groupAnswers, assessment, pinned, ['content', 'assessments', 0, 'groupAnswers'], issue)
 */
export function parseGroupAnswers(
  value: unknown,
  assessment: Pick<Assessment, 'groups'>,
  pinned: PinnedLookup,
  at: readonly PropertyKey[],
  issue: IssueSink
): GroupAnswers | undefined {
  if (value === undefined) return {};
  const answers = parseAnswerMap(value, at, issue);
  if (!answers) return undefined;
  const groupIds = (assessment.groups ?? []).map((g) => g.id);
  const byGroup = new Map<string, AnswerMap>();
  let ok = true;
  for (const [key, answer] of Object.entries(answers)) {
    const ids = splitGroupAnswerKey(key);
    if (!ids) {
      issue([...at, key], 'bundle.group-key');
      ok = false;
      continue;
    }
    if (!groupIds.includes(ids.groupId)) {
      if (groupIds.length === 0) issue([...at, key], 'bundle.no-groups');
      else {
        issue([...at, key], 'bundle.unknown-group', {
          group: ids.groupId,
          groups: groupIds.join(', ')
        });
      }
      ok = false;
      continue;
    }
    const own = byGroup.get(ids.groupId) ?? {};
    own[`${ids.questionnaireId}/${ids.questionId}`] = answer;
    byGroup.set(ids.groupId, own);
  }
  const before = ok;
  const sink: IssueSink = (path, code, params) => {
    ok = false;
    issue(path, code, params);
  };
  for (const [groupId, own] of byGroup) checkAnswers(own, pinned, [...at, groupId], sink);
  return before && ok ? answers : undefined;
}

/**
 * One assessment's consensus history; undefined when any change is wrong. Absent means none.
 * @example parseConsensusHistory(raw.consensusHistory, ['content', 'assessments', 0, 'consensusHistory'], issue)
 */
export function parseConsensusHistory(
  value: unknown,
  at: readonly PropertyKey[],
  issue: IssueSink
): ConsensusChange[] | undefined {
  if (value === undefined) return [];
  const list = z.array(z.unknown()).max(100_000).safeParse(value);
  if (!list.success) {
    issue(at, 'bundle.history-list');
    return undefined;
  }
  const out: ConsensusChange[] = [];
  let ok = true;
  list.data.forEach((raw, i) => {
    const parsed = parseAt(consensusChangeSchema, raw, [...at, i], issue);
    if (parsed) out.push(parsed);
    else ok = false;
  });
  return ok ? out : undefined;
}
