/**
 * The fast answer check agrees with the zod schema it stands in for: same verdict, same data
 * (same keys, in the same order, with the same values), same problems when it refuses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParseAnswer } from './answer-check';
import { answerSchema } from './model';
import { FUZZ_RUNS } from '../testing/runs';

/** Values near every edge the schema draws: states, binary words, numbers that are not whole. */
const edgy = fc.constantFrom<unknown>(
  'level',
  'na',
  'unknown',
  'restricted',
  'Level',
  'no',
  'partial',
  'yes',
  'YES',
  '',
  '  ',
  ' reason ',
  0,
  -0,
  1,
  3,
  -4,
  1.5,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 1,
  -Number.MAX_SAFE_INTEGER - 2,
  1e300,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  null,
  undefined,
  [],
  {},
  '3'
);

const value = fc.oneof(edgy, edgy, fc.anything());
const KEYS = [
  'state',
  'level',
  'naReason',
  'target',
  'regional',
  'evidence',
  'comment',
  'flagged',
  'toConfirm',
  'updatedAt'
] as const;

/** Objects with any of the schema's keys (present, absent or undefined) and some others. */
const answerLike = fc
  .tuple(
    fc.record(Object.fromEntries(KEYS.map((k) => [k, value])) as Record<string, typeof value>, {
      requiredKeys: []
    }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.anything(), { maxKeys: 2 }),
    fc.boolean()
  )
  .map(([known, extra, extraFirst]) =>
    extraFirst ? { ...extra, ...known } : { ...known, ...extra }
  );

/** Answers as a valid file holds them, so the accepting branch is well covered. */
const valid = fc.oneof(
  fc.record(
    {
      state: fc.constant('level'),
      level: fc.oneof(fc.integer({ min: -3, max: 9 }), fc.constantFrom('no', 'partial', 'yes')),
      target: fc.integer({ min: 0, max: 6 }),
      comment: fc.string(),
      flagged: fc.boolean()
    },
    { requiredKeys: ['state', 'level'] }
  ),
  fc.record(
    { state: fc.constant('na'), naReason: fc.string({ maxLength: 4 }), evidence: fc.string() },
    { requiredKeys: ['state'] }
  ),
  fc.record(
    { state: fc.constantFrom('unknown', 'restricted'), regional: fc.string() },
    { requiredKeys: [] }
  )
);

/** A valid answer with one key set to an edge value (or removed): one step from valid. */
const nearlyValid = fc
  .tuple(valid, fc.constantFrom(...KEYS), edgy, fc.boolean())
  .map(([answer, key, replacement, remove]) => {
    const changed: Record<string, unknown> = { ...answer };
    if (remove) delete changed[key];
    else changed[key] = replacement;
    return changed;
  });

function same(input: unknown): void {
  const fast = safeParseAnswer(input);
  const slow = answerSchema.safeParse(input);
  expect(fast.success).toBe(slow.success);
  if (fast.success && slow.success) {
    expect(Object.entries(fast.data)).toStrictEqual(Object.entries(slow.data));
  } else {
    expect(fast.error?.issues).toStrictEqual(slow.error?.issues);
  }
}

describe('safeParseAnswer agrees with answerSchema', () => {
  it('on anything at all', () => {
    fc.assert(fc.property(fc.anything(), same), { numRuns: FUZZ_RUNS });
  }, 60_000);

  it('on objects shaped like answers, with wrong, missing and extra keys', () => {
    fc.assert(fc.property(answerLike, same), { numRuns: FUZZ_RUNS });
  }, 60_000);

  it('on answers a valid file holds', () => {
    fc.assert(fc.property(valid, same), { numRuns: FUZZ_RUNS });
  }, 60_000);

  it('on valid answers with one key changed or removed', () => {
    fc.assert(fc.property(nearlyValid, same), { numRuns: FUZZ_RUNS });
  }, 60_000);

  it('accepts a plain answer and refuses a level without its state', () => {
    expect(safeParseAnswer({ state: 'level', level: 3, extra: 1 })).toStrictEqual({
      success: true,
      data: { state: 'level', level: 3 }
    });
    const refused = safeParseAnswer({ level: 3 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      'a level is given exactly when the state is "level"'
    );
  });
});
