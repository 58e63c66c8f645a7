/**
 * The answer check's quick path for objects in the schema's key order, at its edges: whatever
 * shape an object has, the result is the schema's own.
 */
import { describe, expect, it } from 'vitest';
import { safeParseAnswer } from './answer-check';
import { answerSchema } from './model';

function same(value: unknown) {
  const quick = safeParseAnswer(value);
  const schema = answerSchema.safeParse(value);
  expect(quick.success).toBe(schema.success);
  if (quick.success && schema.success) {
    expect(Object.entries(quick.data)).toEqual(Object.entries(schema.data));
  }
  return quick;
}

describe('safeParseAnswer', () => {
  it('accepts an answer in the schema order and gives a copy, not the object itself', () => {
    const answer = { state: 'level', level: 3, comment: 'Seen' };
    const checked = same(answer);
    expect(checked.success && checked.data).not.toBe(answer);
  });

  it('puts keys written out of order back in the schema order', () => {
    expect(same({ comment: 'Seen', level: 'yes', state: 'level' }).success).toBe(true);
  });

  it('drops keys the schema does not know, as the schema does', () => {
    const checked = same({ state: 'unknown', colour: 'blue' });
    expect(checked.success && Object.keys(checked.data)).toEqual(['state']);
  });

  it('reads a key the object hides from enumeration, as the schema does', () => {
    const hidden = { state: 'level', level: 2 };
    Object.defineProperty(hidden, 'option', { value: 'first', enumerable: false });
    expect(same(hidden).success).toBe(false);
  });

  it('refuses a value that does not fit, even in the schema order', () => {
    expect(same({ state: 'level', level: 2.5 }).success).toBe(false);
    expect(same({ state: 'na', naReason: '  ' }).success).toBe(false);
  });

  it('checks an object without a prototype the way the schema does', () => {
    const bare = Object.assign(Object.create(null) as object, { state: 'restricted' });
    same(bare);
  });
});
