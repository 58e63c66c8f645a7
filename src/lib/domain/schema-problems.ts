/**
 * zod's issues as problems: a code and params for every kind of issue, so the words come from
 * messages (docs/languages.md, "Problems"), never from zod's English. A refinement names its own
 * problem with `params.code` (and the params its message needs):
 *
 *   ctx.addIssue({ code: 'custom', path, message: 'describe level 3',
 *                  params: { code: 'questionnaire.level-undescribed', level: 3 } });
 *
 * The `message` stays for zod's own output (JSON Schema, debugging); screens and the command
 * line never show it. Relative imports only: the command-line tools load this file too.
 */
import type { z } from 'zod';
import type { FileProblem, ProblemParams } from './problems';

type Issue = z.core.$ZodIssue;

/** Regular expressions whose failure has its own advice, by the problem code that gives it. */
export type PatternCodes = readonly (readonly [RegExp, string])[];

export interface SchemaProblemOptions {
  /** Where the checked value sits in the file (prefixed to every issue's path). */
  at?: readonly PropertyKey[];
  /** The value that was checked, to tell a missing key from a value of the wrong type. */
  input?: unknown;
  /** Writes a path; undefined for the file itself. */
  formatPath: (path: readonly PropertyKey[]) => string | undefined;
  /** Patterns with their own codes (ids, versions…); others get `schema.invalid-format`. */
  patterns?: PatternCodes;
  /** A schema's own error messages with the code that gives their advice (see `MessageCodes`). */
  messages?: MessageCodes;
}

/**
 * A schema's own error messages (`z.string({ error: '…' })`, `.min(2, '…')`) whose advice has
 * its own problem code, by message; other issues get the code of their kind.
 */
export type MessageCodes = ReadonlyMap<string, string>;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** The kinds of value a message names (`schema.invalid-type`); the rest are `other`. */
const TYPE_WORDS: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'array', 'object']);

function typeWord(expected: string): string {
  return TYPE_WORDS.has(expected) ? expected : 'other';
}

/** The code and params of one issue (not nested). */
function said(
  issue: Issue,
  input: unknown,
  patterns: PatternCodes,
  messages: MessageCodes
): { code: string; params?: ProblemParams } {
  const own = messages.get(issue.message);
  if (own !== undefined) return { code: own };
  switch (issue.code) {
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as Record<string, string | number>;
      return typeof code === 'string'
        ? { code, params }
        : { code: 'schema.custom', params: { detail: issue.message } };
    }
    case 'invalid_type':
      if (input !== undefined && valueAt(input, issue.path) === undefined) {
        return { code: 'schema.missing' };
      }
      if (issue.expected === 'int') return { code: 'schema.not-whole-number' };
      return { code: 'schema.invalid-type', params: { expected: typeWord(issue.expected) } };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return minimum <= 1
          ? { code: 'schema.empty' }
          : { code: 'schema.too-short', params: { minimum } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'schema.too-few', params: { minimum } };
      }
      return { code: 'schema.too-small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'schema.too-long', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'schema.too-many', params: { maximum } };
      }
      return { code: 'schema.too-big', params: { maximum } };
    }
    case 'invalid_format': {
      const pattern = issue.pattern;
      const own = patterns.find(([re]) => pattern === re.source || pattern === String(re));
      return own ? { code: own[1] } : { code: 'schema.invalid-format' };
    }
    case 'invalid_value':
      return {
        code: 'schema.invalid-value',
        params: { values: issue.values.map(text).join(', ') }
      };
    case 'unrecognized_keys':
      return { code: 'schema.unknown-keys', params: { keys: issue.keys.join(', ') } };
    case 'invalid_union':
      return { code: 'schema.invalid-union' };
    default:
      return { code: 'schema.invalid' };
  }
}

/** One issue as data: its path from the checked value, its code and params. */
export interface SchemaIssue {
  path: PropertyKey[];
  code: string;
  params?: ProblemParams;
}

/**
 * Every issue of a failed zod check as a code and params, nested issues (a record's key, a set's
 * element) flattened under their parent's path.
 * @example schemaIssues(result.error.issues, raw)[0] // { path: ['title'], code: 'schema.empty' }
 */
export function schemaIssues(
  issues: readonly Issue[],
  input?: unknown,
  patterns: PatternCodes = [],
  messages: MessageCodes = new Map()
): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const add = (issue: Issue, base: readonly PropertyKey[]) => {
    const path = [...base, ...issue.path];
    if ((issue.code === 'invalid_key' || issue.code === 'invalid_element') && issue.issues[0]) {
      for (const inner of issue.issues) add(inner as Issue, path);
      return;
    }
    const { code, params } = said({ ...issue, path } as Issue, input, patterns, messages);
    out.push({ path, code, ...(params && Object.keys(params).length > 0 ? { params } : {}) });
  };
  for (const issue of issues) add(issue, []);
  return out;
}

/**
 * Every issue of a failed zod check as a problem of `file` (see `schemaIssues`).
 * @example schemaProblems('q.yaml', result.error.issues, { formatPath })[0].code // 'schema.empty'
 */
export function schemaProblems(
  file: string,
  issues: readonly Issue[],
  options: SchemaProblemOptions
): FileProblem[] {
  const at = options.at ?? [];
  return schemaIssues(issues, options.input, options.patterns, options.messages).map(
    ({ path, code, params }) => ({
      file,
      path: options.formatPath([...at, ...path]),
      code,
      ...(params ? { params } : {})
    })
  );
}
