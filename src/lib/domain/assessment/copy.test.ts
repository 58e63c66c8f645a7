import { describe, expect, it } from 'vitest';
import { makeQuestionnaire } from '../testing/factories';
import { copyForConfirmation } from './copy';

const q = makeQuestionnaire('q', [
  { id: 's', questions: [{ id: 'a' }, { id: 'b', type: 'binary' }, { id: 'c' }, { id: 'd' }] }
]);

describe('starting from a previous assessment', () => {
  it('copies every answer of a known question and marks it to confirm', () => {
    const copied = copyForConfirmation(
      {
        'q/a': {
          state: 'level',
          level: 4,
          comment: 'Act of 2020',
          updatedAt: '2025-01-01T00:00:00Z'
        },
        'q/b': { state: 'level', level: 'partial' },
        'q/c': { state: 'unknown' }
      },
      [q]
    );
    expect(copied).toEqual({
      'q/a': { state: 'level', level: 4, comment: 'Act of 2020', toConfirm: true },
      'q/b': { state: 'level', level: 'partial', toConfirm: true },
      'q/c': { state: 'unknown', toConfirm: true }
    });
  });

  it('leaves out questions the new questionnaires lack and levels off their scale', () => {
    const copied = copyForConfirmation(
      {
        'q/gone': { state: 'level', level: 2 },
        'other/a': { state: 'level', level: 2 },
        'q/a': { state: 'level', level: 9 },
        'q/d': { state: 'na', naReason: 'federal' }
      },
      [q]
    );
    expect(copied).toEqual({});
  });
});
