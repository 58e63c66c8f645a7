import { describe, expect, it } from 'vitest';
import { makeQuestionnaire } from '$lib/domain/testing/factories';
import { disagreedQuestions } from './workshop-filter';

const q = makeQuestionnaire('q', [
  {
    id: 's1',
    questions: [{ id: 'far' }, { id: 'close' }, { id: 'unanswered' }, { id: 'na-beside' }]
  },
  { id: 's2', questions: [{ id: 'yes-no', type: 'binary' }, { id: 'observer-far' }] }
]);
const groups = [
  { id: 'gov', observer: false },
  { id: 'uni', observer: false },
  { id: 'partner', observer: true }
];
const level = (l: number | 'yes' | 'no') => ({ state: 'level' as const, level: l });

describe('the "disagreed only" filter of a workshop', () => {
  it('keeps the questions rule 13 says the groups disagree on, and counts every question', () => {
    const answers = {
      // 1 and 4: three steps apart → disagree.
      'gov/q/far': level(1),
      'uni/q/far': level(4),
      // 2 and 3: one step → they agree.
      'gov/q/close': level(2),
      'uni/q/close': level(3),
      // N/A beside a level is queued for the facilitator, but it is not a disagreement.
      'gov/q/na-beside': level(3),
      'uni/q/na-beside': { state: 'na' as const },
      // yes beside no → disagree.
      'gov/q/yes-no': level('yes'),
      'uni/q/yes-no': level('no'),
      // Far apart only with the observer, who is not counted.
      'gov/q/observer-far': level(1),
      'uni/q/observer-far': level(1),
      'partner/q/observer-far': level(5)
    };
    const found = disagreedQuestions([q], answers, groups);
    expect([...found.keys]).toEqual(['q/far', 'q/yes-no']);
    expect(found.total).toBe(6);
  });

  it('finds nothing before any group has answered', () => {
    expect(disagreedQuestions([q], {}, groups).keys.size).toBe(0);
  });
});
