/**
 * The groups' answers beside the item diff: offered only for two workshops with group answers,
 * each group's answer in group order, names or letters as the workshop shows them.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../assessment/model';
import { makeQuestionnaire } from '../testing/factories';
import type { Group } from '../workshop/groups';
import { groupAnswersAt, groupsComparable, type WorkshopSide } from './group-diff';

const q = makeQuestionnaire('q', [
  { id: 's', questions: [{ id: 'a' }, { id: 'b', type: 'binary' }] }
]);
const level = (value: Answer['level']): Answer => ({ state: 'level', level: value! });

const groups: Group[] = [
  { id: 'government', name: 'Ministry of ICT', kind: 'government', observer: false },
  { id: 'academia', name: 'University', kind: 'academia', observer: false },
  {
    id: 'international-partner',
    name: 'Donor',
    kind: 'international-partner',
    observer: true
  }
];

function side(answers: Record<string, Answer>, anonymise = false): WorkshopSide {
  return { groups, anonymise, answers };
}

describe('groupsComparable', () => {
  const some = side({ 'academia/q/a': level(2) });
  it.each([
    ['both workshops have group answers', some, some, true],
    ['the before assessment is no workshop', null, some, false],
    ['the after assessment is no workshop', some, null, false],
    ['one workshop has no group answers yet', side({}), some, false],
    [
      'the only answers belong to a group no longer listed',
      side({ 'media/q/a': level(3) }),
      some,
      false
    ],
    ['a workshop has no groups', { groups: [], anonymise: false, answers: {} }, some, false]
  ])('%s → %s', (_name, a, b, expected) => {
    expect(groupsComparable(a, b)).toBe(expected);
  });
});

describe('groupAnswersAt', () => {
  const answers = {
    'government/q/a': level(4),
    'academia/q/a': { state: 'unknown' as const },
    'international-partner/q/a': level(1),
    'government/q/b': level('partial')
  };

  it('lists every group in order with its answer, observers marked, unanswered as null', () => {
    expect(groupAnswersAt([q], side(answers), 'q', 'a')).toEqual([
      {
        groupId: 'government',
        name: 'Ministry of ICT',
        letter: null,
        observer: false,
        answer: expect.objectContaining({ state: 'level', level: 4, step: 4 })
      },
      {
        groupId: 'academia',
        name: 'University',
        letter: null,
        observer: false,
        answer: expect.objectContaining({ state: 'unknown', level: null })
      },
      {
        groupId: 'international-partner',
        name: 'Donor',
        letter: null,
        observer: true,
        answer: expect.objectContaining({ state: 'level', level: 1 })
      }
    ]);
    const binary = groupAnswersAt([q], side(answers), 'q', 'b')!;
    expect(binary.map((g) => [g.answer.state, g.answer.level, g.answer.step])).toEqual([
      ['level', 'partial', 1],
      [null, null, null],
      [null, null, null]
    ]);
  });

  it('gives letters and no names when the workshop shows its groups anonymised', () => {
    const shown = groupAnswersAt([q], side(answers, true), 'q', 'a')!;
    expect(shown.map((g) => [g.name, g.letter, g.observer])).toEqual([
      [null, 'A', false],
      [null, 'B', false],
      [null, 'C', true]
    ]);
  });

  it('is null for a question the assessment does not have', () => {
    expect(groupAnswersAt([q], side(answers), 'q', 'gone')).toBeNull();
    expect(groupAnswersAt([q], side(answers), 'other', 'a')).toBeNull();
  });
});
