import { describe, expect, it } from 'vitest';
import { makeQuestionnaire } from '$lib/domain/testing/factories';
import { groupAnswerByKey, keyOfGroupAnswer } from './group-keys';

const q = makeQuestionnaire('q', [
  {
    id: 's',
    questions: [{ id: 'level' }, { id: 'yes-no', type: 'binary' }, { id: 'na', naAllowed: true }]
  }
]);
const [maturity, binary, naQuestion] = q.sections[0]!.questions;

describe('the keys that type a group answer', () => {
  it('reads digit k as the k-th level, and nothing past the scale', () => {
    expect(groupAnswerByKey(maturity!, q.scale, '1', '')).toEqual({ state: 'level', level: 1 });
    expect(groupAnswerByKey(maturity!, q.scale, '5', '')).toEqual({ state: 'level', level: 5 });
    expect(groupAnswerByKey(maturity!, q.scale, '6', '')).toBeUndefined();
    expect(groupAnswerByKey(maturity!, q.scale, 'j', '')).toBeUndefined();
  });

  it('reads 1, 2, 3 as no, partly, yes on a yes/no question', () => {
    expect(['1', '2', '3', '4'].map((k) => groupAnswerByKey(binary!, q.scale, k, ''))).toEqual([
      { state: 'level', level: 'no' },
      { state: 'level', level: 'partial' },
      { state: 'level', level: 'yes' },
      undefined
    ]);
  });

  it('reads 0 as don’t know, c as cannot disclose, and n as N/A only where allowed', () => {
    expect(groupAnswerByKey(maturity!, q.scale, '0', '')).toEqual({ state: 'unknown' });
    expect(groupAnswerByKey(binary!, q.scale, 'C', '')).toEqual({ state: 'restricted' });
    expect(groupAnswerByKey(maturity!, q.scale, 'n', 'Said so')).toBeUndefined();
    expect(groupAnswerByKey(naQuestion!, q.scale, 'N', 'Said so')).toEqual({
      state: 'na',
      naReason: 'Said so'
    });
  });

  it('shows each answer as the key that gives it', () => {
    for (const [question, key] of [
      [maturity!, '4'],
      [binary!, '3'],
      [naQuestion!, 'n'],
      [maturity!, '0'],
      [binary!, 'c']
    ] as const) {
      const answer = groupAnswerByKey(question, q.scale, key, 'Said so');
      expect(keyOfGroupAnswer(question, q.scale, answer)).toBe(key);
    }
    expect(keyOfGroupAnswer(maturity!, q.scale, undefined)).toBe('');
  });
});
