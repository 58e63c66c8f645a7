import type { z } from 'zod';
import { questionnaireSchema, type Questionnaire } from './schema.ts';

/** One problem in a questionnaire file: where (a dotted path into the document) and what. */
export interface QuestionnaireIssue {
  path: string;
  message: string;
}

export type QuestionnaireResult =
  { ok: true; questionnaire: Questionnaire } | { ok: false; issues: QuestionnaireIssue[] };

/** Renders a zod path as authors see it in YAML: `sections[2].questions[0].levels.3`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

export function issuesFromZod(error: z.ZodError): QuestionnaireIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/**
 * Validates already-parsed data against the questionnaire format.
 * @example validateQuestionnaire(JSON.parse(text)) // { ok: true, questionnaire } or { ok: false, issues }
 */
export function validateQuestionnaire(data: unknown): QuestionnaireResult {
  const parsed = questionnaireSchema.safeParse(data);
  return parsed.success
    ? { ok: true, questionnaire: parsed.data }
    : { ok: false, issues: issuesFromZod(parsed.error) };
}
