/**
 * The action plans inside bundles and backups (docs/file-formats.md, format version 3): each
 * action validated with the domain schema, belonging to the assessment it sits under, once per
 * id, and linked only to a question of a questionnaire that assessment pins.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { z } from '../domain/zod';
import { actionSchema, type Action } from '../domain/actions/model';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { schemaIssues } from '../domain/schema-problems';
import type { IssueSink } from './bundle';

/**
 * A plan validated action by action, so one bad action does not hide the others; undefined when
 * any is wrong. Absent means no plan (files of format version 2 and earlier are upgraded to an
 * empty one, but a hand-made file may leave the key out).
 * @example parseActions(raw.actions, assessment.id, pinned, ['content', 'assessments', 0, 'actions'], issue)
 */
export function parseActions(
  value: unknown,
  assessmentId: string,
  pinned: readonly Questionnaire[],
  at: readonly PropertyKey[],
  issue: IssueSink
): Action[] | undefined {
  if (value === undefined) return [];
  const list = z.array(z.unknown()).safeParse(value);
  if (!list.success) {
    issue(at, 'bundle.actions-not-list');
    return undefined;
  }
  const questions = new Set(
    pinned.flatMap((q) => q.sections.flatMap((s) => s.questions.map((x) => `${q.id}/${x.id}`)))
  );
  const seen = new Set<string>();
  let ok = true;
  const actions: Action[] = [];
  list.data.forEach((raw, i) => {
    const here = [...at, i];
    const parsed = actionSchema.safeParse(raw);
    if (!parsed.success) {
      for (const problem of schemaIssues(parsed.error.issues, raw)) {
        issue([...here, ...problem.path], problem.code, problem.params);
      }
      ok = false;
      return;
    }
    const action = parsed.data;
    if (action.assessmentId !== assessmentId) {
      issue([...here, 'assessmentId'], 'bundle.action-other-assessment', {
        owner: action.assessmentId,
        assessment: assessmentId
      });
      ok = false;
    }
    if (seen.has(action.id)) {
      issue([...here, 'id'], 'bundle.action-twice', { id: action.id });
      ok = false;
    }
    seen.add(action.id);
    const link = `${action.questionnaireId}/${action.questionId}`;
    if (action.questionnaireId !== undefined && !questions.has(link)) {
      issue([...here, 'questionId'], 'bundle.action-question-unknown', { link });
      ok = false;
    }
    actions.push(action);
  });
  return ok ? actions : undefined;
}

/**
 * An action as the sanitised copy keeps it: without its owner, supporting agencies and progress
 * note (free text that may name people). Dates, status, priority, indicators, cost, funding,
 * objective and phase stay.
 * @example sanitiseAction(action).owner // ''
 */
export function sanitiseAction(action: Action): Action {
  return { ...action, owner: '', supporting: '', progressNote: '' };
}
