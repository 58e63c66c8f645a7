import { describe, expect, it } from 'vitest';
import { responseChanges, summariseResponse, askedOnly } from './response-merge';

const three = { state: 'level' as const, level: 3 };
const two = { state: 'level' as const, level: 2 };
const unknown = { state: 'unknown' as const };

describe('a group response coming in', () => {
  it('counts answered, changed and skipped against what the group gave here', () => {
    const stored = { 'academia/q/a': two, 'academia/q/b': unknown, 'government/q/c': three };
    const summary = summariseResponse(
      stored,
      'academia',
      { 'q/a': three, 'q/b': unknown, 'q/c': three },
      ['q/a', 'q/b', 'q/c', 'q/d']
    );
    expect(summary).toEqual({
      groupId: 'academia',
      answered: 3,
      changed: 1,
      skipped: 1,
      hadAnswers: true,
      gaps: 1
    });
  });

  it('a first response has nothing to replace', () => {
    expect(
      summariseResponse({ 'government/q/a': two }, 'academia', { 'q/a': three }, ['q/a'])
    ).toMatchObject({
      hadAnswers: false,
      changed: 0,
      gaps: 1
    });
  });

  it('replace makes the response the group answers and leaves other groups alone', () => {
    const stored = { 'academia/q/a': two, 'academia/q/b': unknown, 'government/q/a': three };
    expect(
      responseChanges(stored, 'academia', { 'q/a': three, 'q/c': unknown }, 'replace')
    ).toEqual([
      { key: 'academia/q/a', answer: three },
      { key: 'academia/q/c', answer: unknown },
      { key: 'academia/q/b', answer: null }
    ]);
  });

  it('fill gaps keeps every answer the group already gave', () => {
    const stored = { 'academia/q/a': two };
    expect(
      responseChanges(stored, 'academia', { 'q/a': three, 'q/c': unknown }, 'fill-gaps')
    ).toEqual([{ key: 'academia/q/c', answer: unknown }]);
  });

  it('an answer without a state is not an answer', () => {
    expect(responseChanges({}, 'academia', { 'q/a': { comment: 'later' } }, 'replace')).toEqual([]);
  });
});

describe("answers outside the group's part", () => {
  it('are left out and counted; answers with no state are not counted', () => {
    const x = { state: 'level', level: 3 } as const;
    const { kept, outside } = askedOnly({ 'q/a': x, 'q/z': { state: 'unknown' }, 'q/y': {} }, [
      'q/a',
      'q/b'
    ]);
    expect(kept).toEqual({ 'q/a': x });
    expect(outside).toBe(1);
  });
});
