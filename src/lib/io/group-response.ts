/**
 * The group response (docs/file-formats.md, "Group response"): one group's answers to a workshop
 * kit, made in a group session and brought back to the facilitator. Reading is in two steps:
 * `parseResponse` checks the file on its own (envelope, shape, every answer's fields), then
 * `checkResponse` checks it against the facilitator's assessment — the same assessment, a group
 * of it, exactly the pinned questionnaire versions, answers that fit their questions. Every
 * refusal is a FileProblem naming the file and the field; nothing is thrown.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { z } from '../domain/zod';
import { assessmentIdSchema, boundedText } from '../domain/field-rules';
import {
  pinnedQuestionnaireSchema,
  type AnswerMap,
  type Assessment
} from '../domain/assessment/model';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { idSchema } from '../domain/questionnaire/schema';
import { versionKey } from '../domain/questionnaire/version';
import type { FileProblem } from '../domain/problems';
import { GROUP_RESPONSE_FORMAT, wrap, type Envelope, type UnwrapOptions } from './envelope';
import { openContent } from './open-content';
import { checkAnswers, parseAnswerMap, parseAt, problemSink } from './bundle';

export { GROUP_RESPONSE_FORMAT };

const responseHeadSchema = z.object({
  assessment: z.object({
    id: assessmentIdSchema,
    questionnaires: z.array(pinnedQuestionnaireSchema).min(1).max(100)
  }),
  group: z.object({ id: idSchema, name: boundedText('short').trim().min(1) })
});

export interface GroupResponse {
  /** Which assessment and which pinned versions the answers were given against. */
  assessment: { id: string; questionnaires: { id: string; version: string }[] };
  /** The group that answered, as the kit named it. */
  group: { id: string; name: string };
  /** Its answers keyed `questionnaireId/questionId`. */
  answers: AnswerMap;
}

export interface ParsedResponse extends GroupResponse {
  file: string;
  appVersion: string;
  exportedAt: string;
}

export type ResponseResult =
  { ok: true; response: ParsedResponse } | { ok: false; problems: FileProblem[] };

/**
 * A group's answers as a response carries them: never a consensus rationale or a target (those
 * belong to the room's answer), never the "to confirm" mark of a copied answer.
 * @example responseAnswer({ state: 'level', level: 3, target: 4 }) // { state: 'level', level: 3 }
 */
export function responseAnswer(answer: AnswerMap[string]): AnswerMap[string] {
  const { rationale: _r, target: _t, toConfirm: _c, ...kept } = answer;
  return kept;
}

/**
 * The response file of one group session.
 * @example makeResponse({ assessment: { id, questionnaires }, group: { id: 'academia', name: 'Academia' }, answers }, { appVersion: '0.1.0' })
 */
export function makeResponse(
  response: GroupResponse,
  options: { appVersion: string; exportedAt?: string }
): Envelope<GroupResponse> {
  const answers: AnswerMap = {};
  for (const [key, answer] of Object.entries(response.answers)) {
    if (answer.state) answers[key] = responseAnswer(answer);
  }
  const content: GroupResponse = {
    assessment: {
      id: response.assessment.id,
      questionnaires: response.assessment.questionnaires.map((p) => ({
        id: p.id,
        version: p.version
      }))
    },
    group: { id: response.group.id, name: response.group.name },
    answers
  };
  return wrap(GROUP_RESPONSE_FORMAT, content, options.appVersion, options.exportedAt);
}

const ROOT = ['content'] as const;

/**
 * Reads a response file on its own. Never throws.
 * @example const read = parseResponse('academia.json', text); if (!read.ok) show(read.problems);
 */
export function parseResponse(
  file: string,
  text: string,
  options: UnwrapOptions = {}
): ResponseResult {
  const opened = openContent(file, text, GROUP_RESPONSE_FORMAT, options);
  if (!opened.ok) return opened;
  const { content, problems, issue } = opened;
  const head = parseAt(
    responseHeadSchema,
    { assessment: content['assessment'], group: content['group'] },
    ROOT,
    issue
  );
  const answers = parseAnswerMap(content['answers'], [...ROOT, 'answers'], issue);
  if (problems.length > 0 || !head || !answers) return { ok: false, problems };
  const cleaned: AnswerMap = {};
  for (const [key, answer] of Object.entries(answers)) cleaned[key] = responseAnswer(answer);
  return {
    ok: true,
    response: {
      file,
      appVersion: opened.appVersion,
      exportedAt: opened.exportedAt,
      assessment: head.assessment,
      group: head.group,
      answers: cleaned
    }
  };
}

/**
 * Every reason a read response cannot go into this assessment: another assessment, a group it
 * does not have, other pinned questionnaire versions (or other questionnaires), answers that do
 * not fit their questions. Empty when it can be imported.
 * @example checkResponse(read.response, assessment, pinned) // [] or problems naming file and field
 */
export function checkResponse(
  response: ParsedResponse,
  assessment: Pick<Assessment, 'id' | 'title' | 'questionnaires' | 'groups'>,
  pinned: readonly Questionnaire[]
): FileProblem[] {
  const problems: FileProblem[] = [];
  const issue = problemSink(response.file, problems);
  if (response.assessment.id !== assessment.id) {
    issue([...ROOT, 'assessment', 'id'], 'response.other-assessment', {
      found: response.assessment.id,
      title: assessment.title
    });
    return problems;
  }
  const groups = assessment.groups ?? [];
  if (!groups.some((g) => g.id === response.group.id)) {
    issue([...ROOT, 'group', 'id'], 'response.unknown-group', {
      group: response.group.name,
      groups: groups.map((g) => g.name).join(', ')
    });
  }
  const expected = assessment.questionnaires.map((p) => versionKey(p.id, p.version));
  const found = response.assessment.questionnaires.map((p) => versionKey(p.id, p.version));
  const same = expected.length === found.length && expected.every((key) => found.includes(key));
  if (!same) {
    const at = response.assessment.questionnaires.findIndex(
      (p) => !expected.includes(versionKey(p.id, p.version))
    );
    issue(
      at >= 0
        ? [...ROOT, 'assessment', 'questionnaires', at, 'version']
        : [...ROOT, 'assessment', 'questionnaires'],
      'response.other-versions',
      { found: found.join(', '), expected: expected.join(', ') }
    );
  }
  if (problems.length > 0) return problems;
  checkAnswers(
    response.answers,
    { found: [...pinned], missing: new Set() },
    [...ROOT, 'answers'],
    issue
  );
  return problems;
}
