/**
 * Reads a questionnaire file (YAML or JSON) with messages that name the file, the path inside it
 * and what to fix. Shared by the build, `npm run validate` and the app's custom import, so every
 * author sees the same words. Relative imports only: the Vite config loads this file.
 */
import { parseDocument } from 'yaml';
import {
  validateQuestionnaire,
  type QuestionnaireIssue
} from '../domain/questionnaire/validate.ts';
import type { Questionnaire } from '../domain/questionnaire/schema';

export type QuestionnaireFileResult =
  | { ok: true; questionnaire: Questionnaire }
  | { ok: false; file: string; issues: QuestionnaireIssue[] };

export function parseQuestionnaireText(file: string, text: string): QuestionnaireFileResult {
  let data: unknown;
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') {
    return { ok: false, file, issues: [{ path: '(file)', message: 'the file is empty' }] };
  }
  if (/\.json$/i.test(file) || trimmed.startsWith('{')) {
    try {
      data = JSON.parse(trimmed);
    } catch (e) {
      return {
        ok: false,
        file,
        issues: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }]
      };
    }
  } else {
    const doc = parseDocument(trimmed, { uniqueKeys: true, prettyErrors: true });
    if (doc.errors.length > 0) {
      return {
        ok: false,
        file,
        issues: doc.errors.map((e) => ({
          path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '(file)',
          message: `not valid YAML: ${e.message.split('\n')[0]}`
        }))
      };
    }
    try {
      data = doc.toJS();
    } catch (e) {
      // e.g. an alias (*name) whose anchor (&name) is missing: the parser only notices here.
      return {
        ok: false,
        file,
        issues: [{ path: '(file)', message: `not valid YAML: ${(e as Error).message}` }]
      };
    }
  }
  const result = validateQuestionnaire(data);
  return result.ok ? result : { ok: false, file, issues: result.issues };
}

/** `privacy.yaml: sections[0].questions[2].levels.3: describe level 3` — one line per issue. */
export function formatQuestionnaireIssues(file: string, issues: QuestionnaireIssue[]): string {
  return issues.map((i) => `${file}: ${i.path}: ${i.message}`).join('\n');
}
