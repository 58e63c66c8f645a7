import { describe, expect, it } from 'vitest';
import type { Answer } from '../assessment/model';
import {
  answersByGroup,
  answersOfGroup,
  consensusChange,
  countAnswersOfGroup,
  groupAnswerKey,
  groupAnswersRecordSchema,
  groupAnswersSchema,
  splitGroupAnswerKey,
  withoutGroup
} from './answers';

const three: Answer = { state: 'level', level: 3 };
const four: Answer = { state: 'level', level: 4 };
const unknown: Answer = { state: 'unknown' };

const record = {
  'government/privacy/dpa': three,
  'government/privacy/breach': unknown,
  'academia/privacy/dpa': four,
  'government-2/privacy/dpa': unknown
};

describe('group answer keys', () => {
  it('join and split three ids', () => {
    const key = groupAnswerKey('civil-society', 'privacy', 'dpa');
    expect(key).toBe('civil-society/privacy/dpa');
    expect(splitGroupAnswerKey(key)).toEqual({
      groupId: 'civil-society',
      questionnaireId: 'privacy',
      questionId: 'dpa'
    });
  });

  it.each(['privacy/dpa', 'a/b/c/d', 'A/b/c', 'a//c', 'a.b/c/d', ''])(
    '"%s" is not a group answer key',
    (key) => {
      expect(splitGroupAnswerKey(key)).toBeNull();
      expect(groupAnswersSchema.safeParse({ [key]: three }).success).toBe(false);
    }
  );

  it('the record schema takes answers and a history, the history empty when absent', () => {
    const parsed = groupAnswersRecordSchema.parse({ assessmentId: 'x', answers: record });
    expect(parsed.history).toEqual([]);
    expect(
      groupAnswersRecordSchema.safeParse({
        assessmentId: 'x',
        answers: { 'g/q/a': { state: 'level' } }
      }).success
    ).toBe(false);
  });
});

describe('reading one question, one group', () => {
  const groups = [{ id: 'government' }, { id: 'government-2' }, { id: 'academia' }];

  it('answers by group for one question, groups without an answer absent', () => {
    expect(answersByGroup(record, groups, 'privacy', 'dpa')).toEqual({
      government: three,
      'government-2': unknown,
      academia: four
    });
    expect(answersByGroup(record, groups, 'privacy', 'breach')).toEqual({ government: unknown });
  });

  it('a group id that is a prefix of another does not take its answers', () => {
    expect(answersOfGroup(record, 'government')).toEqual({
      'privacy/dpa': three,
      'privacy/breach': unknown
    });
    expect(countAnswersOfGroup(record, 'government')).toBe(2);
    expect(countAnswersOfGroup(record, 'government-2')).toBe(1);
    expect(countAnswersOfGroup(record, 'academia')).toBe(1);
  });

  it('removing a group removes exactly its answers', () => {
    expect(withoutGroup(record, 'government')).toEqual({
      'academia/privacy/dpa': four,
      'government-2/privacy/dpa': unknown
    });
  });
});

describe('consensus history', () => {
  const at = '2026-12-01T10:00:00.000Z';
  const base = { at, questionnaireId: 'privacy', questionId: 'dpa' };

  it('records a first consensus with its rationale', () => {
    expect(
      consensusChange({ ...base, from: undefined, to: three, rationale: ' Law in force ' })
    ).toEqual({
      ...base,
      from: null,
      to: three,
      rationale: 'Law in force'
    });
  });

  it.each<[string, Answer | null, Answer | null, boolean]>([
    ['another level', three, four, true],
    ['a level to don’t know', three, unknown, true],
    ['cleared', three, null, true],
    ['another N/A reason', { state: 'na', naReason: 'a' }, { state: 'na', naReason: 'b' }, true],
    ['only a comment added', three, { ...three, comment: 'see annex' }, false],
    ['nothing to nothing', null, null, false]
  ])('%s is a change: %s', (_name, from, to, changed) => {
    expect(consensusChange({ ...base, from, to }) !== null).toBe(changed);
  });

  it('an entry without a rationale records an empty one', () => {
    expect(consensusChange({ ...base, from: three, to: four })?.rationale).toBe('');
  });
});
