/**
 * `answerSchema.safeParse`, fast. Reading a backup or a large CSV checks hundreds of thousands of
 * answers; zod, which the app runs without code generation so that the page's content security
 * policy holds, spent most of that time (docs/performance.md). The hand-written check below
 * accepts exactly what the schema accepts and returns the same data; a property test holds it
 * to the schema on generated input. When it refuses, the schema runs again so that the
 * problems are the schema's own, word for word.
 */
import { TEXT_LIMITS } from '../field-rules';
import { ID_PATTERN } from '../questionnaire/schema';
import { answerSchema, type Answer } from './model';

const STATES: ReadonlySet<unknown> = new Set(['level', 'na', 'unknown', 'restricted']);
const BINARY: ReadonlySet<unknown> = new Set(['no', 'partial', 'yes']);

type Kind = 'state' | 'level' | 'id' | 'int' | 'short' | 'long' | 'timestamp' | 'boolean';

/** The schema's longest text per kind (see docs/file-formats.md and field-rules.ts). */
const MAX_LENGTH = { short: TEXT_LIMITS.short, long: TEXT_LIMITS.long, timestamp: 40 } as const;
/** The schema's keys in its order (the order zod writes them out), with what each holds. */
const KEYS: readonly (readonly [string, Kind])[] = [
  ['state', 'state'],
  ['level', 'level'],
  ['option', 'id'],
  ['naReason', 'long'],
  ['target', 'int'],
  ['regional', 'short'],
  ['evidence', 'long'],
  ['comment', 'long'],
  ['rationale', 'long'],
  ['flagged', 'boolean'],
  ['toConfirm', 'boolean'],
  ['updatedAt', 'timestamp']
];

/** zod's `z.number().int()`: a whole number within ±(2^53 − 1). */
function isInt(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'state':
      return STATES.has(value);
    case 'level':
      return isInt(value) || BINARY.has(value);
    case 'id':
      return typeof value === 'string' && value.length <= TEXT_LIMITS.id && ID_PATTERN.test(value);
    case 'int':
      return isInt(value);
    case 'short':
    case 'long':
    case 'timestamp':
      return typeof value === 'string' && value.length <= MAX_LENGTH[kind];
    case 'boolean':
      return typeof value === 'boolean';
  }
}

/** Position and kind of each key of the schema. */
const KEY_AT: ReadonlyMap<string, { at: number; kind: Kind }> = new Map(
  KEYS.map(([key, kind], at) => [key, { at, kind }])
);

/**
 * The common case, cheaply: a plain object whose own keys are all the schema's, in its order (as
 * the CSV reader and our own files write them), gives a copy of itself after two or three
 * checks instead of twelve (docs/performance.md). Null for anything else, and `everyKey`
 * decides: this path never accepts what `everyKey` refuses.
 */
function inSchemaOrder(input: Record<string, unknown>): Record<string, unknown> | null {
  if (Object.getPrototypeOf(input) !== Object.prototype) return null;
  const out: Record<string, unknown> = {};
  let last = -1;
  // Own names, not `for…in`: a key the object hides from enumeration is still read by zod.
  for (const key of Object.getOwnPropertyNames(input)) {
    const known = KEY_AT.get(key);
    if (!known || known.at <= last) return null;
    last = known.at;
    const v = input[key];
    if (v !== undefined && !fits(known.kind, v)) return null;
    out[key] = v;
  }
  return out;
}

/** The schema's keys read one by one, as zod reads them; null when a value does not fit. */
function everyKey(input: Record<string, unknown>): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const [key, kind] of KEYS) {
    const v = input[key];
    if (v !== undefined && !fits(kind, v)) return null;
    if (key in input) out[key] = v;
  }
  return out;
}

/**
 * The answer the schema would give for `value`, or null when the schema refuses it. Keys are
 * read and kept as zod does: a key that is present (even as undefined) stays, others are
 * dropped, in the schema's order.
 */
function quickAnswer(value: unknown): Answer | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const input = value as Record<string, unknown>;
  const out = inSchemaOrder(input) ?? everyKey(input);
  if (out === null) return null;
  const state = out['state'];
  const level = out['level'];
  const option = out['option'];
  const naReason = out['naReason'];

  // The schema's refinements (see answerSchema in model.ts).
  if ((state === 'level') !== (level !== undefined || option !== undefined)) return null;
  if (level !== undefined && option !== undefined) return null;
  if (state === 'na' && !(typeof naReason === 'string' && naReason.trim())) return null;
  return out as Answer;
}

/**
 * Checks one answer: the same result as `answerSchema.safeParse(value)`.
 * @example safeParseAnswer({ state: 'level', level: 3 }).success // true
 */
export function safeParseAnswer(value: unknown): ReturnType<typeof answerSchema.safeParse> {
  const answer = quickAnswer(value);
  return answer === null ? answerSchema.safeParse(value) : { success: true, data: answer };
}
