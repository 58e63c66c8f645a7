import { describe, expect, it } from 'vitest';
import { makeQuestionnaire } from '$lib/domain/testing/factories';
import { answerByKey } from './keys';

const q = makeQuestionnaire('q', [
  { id: 's', questions: [{ id: 'level' }, { id: 'yes-no', type: 'binary' }] }
]);
const [maturity, binary] = q.sections[0]!.questions;

describe('what a digit key answers', () => {
  it('picks the k-th level of a maturity question, and nothing past the scale', () => {
    expect(answerByKey(maturity!, q.scale, '1')).toMatchObject({ value: 1 });
    expect(answerByKey(maturity!, q.scale, '5')).toMatchObject({ value: 5 });
    expect(answerByKey(maturity!, q.scale, '6')).toBeUndefined();
  });

  it('reads 1 as no, 2 as partly and 3 as yes on a yes/no question', () => {
    expect(
      ['1', '2', '3', '4'].map((k) => {
        const a = answerByKey(binary!, q.scale, k);
        return typeof a === 'object' ? a.value : a;
      })
    ).toEqual(['no', 'partial', 'yes', undefined]);
  });

  it('reads 0 as don’t know on any question', () => {
    expect(answerByKey(maturity!, q.scale, '0')).toBe('unknown');
    expect(answerByKey(binary!, q.scale, '0')).toBe('unknown');
  });
});
