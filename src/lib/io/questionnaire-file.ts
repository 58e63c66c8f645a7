/**
 * Reads a questionnaire file (YAML or JSON): every problem names the file, the path inside it
 * and a code the one renderer turns into what to fix (state/problem-text.ts). Shared by the
 * build, `npm run validate` and the app's custom import, so every author sees the same words.
 * Relative imports only: the Vite config loads this file.
 */
import { parseDocument } from 'yaml';
import type { FileProblem } from '../domain/problems';
import { validateQuestionnaire } from '../domain/questionnaire/validate.ts';
import type { Questionnaire } from '../domain/questionnaire/schema';

export type QuestionnaireFileResult =
  { ok: true; questionnaire: Questionnaire } | { ok: false; file: string; problems: FileProblem[] };

export type DocumentTextResult =
  { ok: true; data: unknown } | { ok: false; problems: FileProblem[] };

/**
 * Reads a YAML or JSON document's text (a questionnaire or its translation overlay) into data,
 * or the problems that kept it from being read.
 * @example readDocumentText('a.yaml', 'id: x').ok // true
 */
export function readDocumentText(file: string, text: string): DocumentTextResult {
  const refuse = (problems: FileProblem[]): DocumentTextResult => ({ ok: false, problems });
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') return refuse([{ file, code: 'questionnaire.empty' }]);
  if (/\.json$/i.test(file) || trimmed.startsWith('{')) {
    try {
      return { ok: true, data: JSON.parse(trimmed) };
    } catch {
      return refuse([{ file, code: 'questionnaire.not-json' }]);
    }
  }
  const doc = parseDocument(trimmed, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    // The YAML parser's own description of what it met is kept as a param (its words).
    return refuse(
      doc.errors.map((e): FileProblem => {
        const detail = e.message.split('\n')[0] ?? '';
        return e.linePos
          ? {
              file,
              code: 'questionnaire.not-yaml-at',
              params: { line: e.linePos[0].line, col: e.linePos[0].col, detail }
            }
          : { file, code: 'questionnaire.not-yaml', params: { detail } };
      })
    );
  }
  try {
    return { ok: true, data: doc.toJS() };
  } catch (e) {
    // e.g. an alias (*name) whose anchor (&name) is missing: the parser only notices here.
    return refuse([
      { file, code: 'questionnaire.not-yaml', params: { detail: (e as Error).message } }
    ]);
  }
}

/**
 * Parses and validates a questionnaire file's text.
 * @example parseQuestionnaireText('privacy.yaml', text).ok // true
 */
export function parseQuestionnaireText(file: string, text: string): QuestionnaireFileResult {
  const read = readDocumentText(file, text);
  if (!read.ok) return { ok: false, file, problems: read.problems };
  const result = validateQuestionnaire(read.data, file);
  return result.ok ? result : { ok: false, file, problems: result.problems };
}
