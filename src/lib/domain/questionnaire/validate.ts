import type { FileProblem } from '../problems';
import { schemaProblems, type MessageCodes, type PatternCodes } from '../schema-problems.ts';
import {
  ID_PATTERN,
  LEVEL_KEY_PATTERN,
  REFERENCE_LINK_PATTERN,
  SCHEMA_ADVICE,
  SEMVER_PATTERN,
  questionnaireSchema,
  type Questionnaire
} from './schema.ts';

/** The patterns of the format whose failure has its own advice (see domain/schema-problems.ts). */
export const PATTERN_CODES: PatternCodes = [
  [ID_PATTERN, 'schema.id-format'],
  [SEMVER_PATTERN, 'schema.version-format'],
  [LEVEL_KEY_PATTERN, 'schema.level-key'],
  [REFERENCE_LINK_PATTERN, 'schema.reference-format']
];

/** The schema's own advice, by the problem code that words it. */
export const ADVICE_CODES: MessageCodes = new Map([
  [SCHEMA_ADVICE.capAtLeastForm, 'questionnaire.cap-at-least-form'],
  [SCHEMA_ADVICE.capConditionsNone, 'questionnaire.cap-conditions-none'],
  [SCHEMA_ADVICE.binaryLevels, 'questionnaire.binary-levels'],
  [SCHEMA_ADVICE.choiceScored, 'questionnaire.choice-scored'],
  [SCHEMA_ADVICE.choiceOptionsFew, 'questionnaire.choice-options-few']
]);

export type QuestionnaireResult =
  { ok: true; questionnaire: Questionnaire } | { ok: false; problems: FileProblem[] };

/**
 * Renders a zod path as authors see it in YAML: `sections[2].questions[0].levels.3`; undefined
 * for the document itself.
 */
export function formatPath(path: readonly PropertyKey[]): string | undefined {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || undefined;
}

/**
 * Validates already-parsed data against the questionnaire format; every problem names `file`
 * and the path inside it.
 * @example validateQuestionnaire(JSON.parse(text), 'q.json') // { ok: true, questionnaire } or { ok: false, problems }
 */
export function validateQuestionnaire(data: unknown, file = ''): QuestionnaireResult {
  const parsed = questionnaireSchema.safeParse(data);
  return parsed.success
    ? { ok: true, questionnaire: parsed.data }
    : {
        ok: false,
        problems: schemaProblems(file, parsed.error.issues, {
          input: data,
          formatPath,
          patterns: PATTERN_CODES,
          messages: ADVICE_CODES
        })
      };
}
