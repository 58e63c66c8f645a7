import { describe, expect, it } from 'vitest';
import { makeQuestionnaire } from '../testing/factories';
import { finaliseCheck, firstUnanswered, matchesFilter, progressOf } from './progress';

const privacy = makeQuestionnaire('privacy', [
  { id: 'law', questions: [{ id: 'a' }, { id: 'b' }] },
  { id: 'regulator', questions: [{ id: 'c' }, { id: 'd', type: 'binary' }] }
]);
const standards = makeQuestionnaire('standards', [{ id: 'policy', questions: [{ id: 'e' }] }]);

describe('resuming where the official stopped', () => {
  it('finds the first question with no state, in the order the assessment lists questionnaires', () => {
    const answers = {
      'privacy/a': { state: 'level' as const, level: 2 },
      'privacy/b': { state: 'unknown' as const },
      'privacy/c': { comment: 'asked the regulator' }
    };
    expect(firstUnanswered([privacy, standards], answers)).toEqual({
      questionnaireId: 'privacy',
      sectionId: 'regulator',
      questionId: 'c'
    });
    expect(firstUnanswered([standards, privacy], answers)?.questionId).toBe('e');
  });

  it('says there is nothing left when every question has a state', () => {
    expect(
      firstUnanswered([standards], { 'standards/e': { state: 'na', naReason: 'no body' } })
    ).toBeNull();
  });

  it('counts answered questions per questionnaire and per section', () => {
    const answers = {
      'privacy/a': { state: 'level' as const, level: 2 },
      'privacy/d': { state: 'restricted' as const },
      'privacy/c': { flagged: true }
    };
    expect(progressOf(privacy, answers)).toEqual({ answered: 2, total: 4 });
    expect(progressOf(privacy, answers, 'regulator')).toEqual({ answered: 1, total: 2 });
  });
});

describe('answer screen filters', () => {
  it('shows unanswered, flagged or don’t-know questions only', () => {
    expect(matchesFilter('unanswered', { comment: 'x' })).toBe(true);
    expect(matchesFilter('unanswered', { state: 'unknown' })).toBe(false);
    expect(matchesFilter('flagged', { state: 'level', level: 1, flagged: true })).toBe(true);
    expect(matchesFilter('flagged', undefined)).toBe(false);
    expect(matchesFilter('unknown', { state: 'unknown' })).toBe(true);
    expect(matchesFilter('unknown', { state: 'restricted' })).toBe(false);
    expect(matchesFilter('all', undefined)).toBe(true);
  });
});

describe('before finalising', () => {
  it('counts unanswered, don’t know and flagged questions and names provisional questionnaires', () => {
    const answers = {
      'privacy/a': { state: 'level' as const, level: 2, flagged: true },
      'privacy/b': { state: 'unknown' as const },
      'standards/e': { state: 'level' as const, level: 3 }
    };
    expect(finaliseCheck([privacy, standards], answers)).toEqual({
      unanswered: 2,
      unknown: 1,
      flagged: 1,
      // privacy: 1 of 4 scorable questions scored, below 70 %; standards: 1 of 1.
      provisional: [privacy.title]
    });
  });

  it('has nothing to list when every question has a level', () => {
    expect(finaliseCheck([standards], { 'standards/e': { state: 'level', level: 1 } })).toEqual({
      unanswered: 0,
      unknown: 0,
      flagged: 0,
      provisional: []
    });
  });
});
