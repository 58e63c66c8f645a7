import { describe, expect, it } from 'vitest';
import type { AnswerMap } from '../assessment/model';
import { makeQuestionnaire } from '../testing/factories';
import { recommendationFor, stageName } from './explain';
import { scoreAssessment } from './score';
import type { QuestionResult } from './types';

// The factory's maturity questions recommend "Raise <id> from <level>" below the top level 5;
// its binary questions recommend "Start <id>." at no and "Finish <id>." at partial.
const Q = makeQuestionnaire('q', [
  { id: 's', questions: [{ id: 'm' }, { id: 'b', type: 'binary' }] }
]);

function questionResult(answers: AnswerMap, id: string): QuestionResult {
  const result = scoreAssessment({ questionnaires: [Q], answers });
  const found = result.questionnaires[0]!.sections[0]!.questions.find((r) => r.questionId === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

describe('stageName', () => {
  it.each([
    [1, 'Start-up'],
    [3, 'Established'],
    [5, 'Dynamic']
  ])('names level %i of the scale %j', (value, name) => {
    expect(stageName(Q, value)).toBe(name);
  });

  it('is empty for a value off the scale or without a questionnaire', () => {
    expect(stageName(Q, 6)).toBe('');
    expect(stageName(undefined, 3)).toBe('');
  });
});

describe('recommendationFor', () => {
  it.each([1, 2, 4])('gives the step up from maturity level %i', (level) => {
    const r = questionResult({ 'q/m': { state: 'level', level } }, 'm');
    expect(recommendationFor(Q, r)).toBe(`Raise m from ${level}`);
  });

  it('has nothing to recommend at the top of the scale', () => {
    const r = questionResult({ 'q/m': { state: 'level', level: 5 } }, 'm');
    expect(recommendationFor(Q, r)).toBeNull();
  });

  it.each([
    ['no', 'Start b.'],
    ['partial', 'Finish b.'],
    ['yes', null]
  ] as const)('answers a yes/partial/no question at %j with %j', (level, text) => {
    const r = questionResult({ 'q/b': { state: 'level', level } }, 'b');
    expect(recommendationFor(Q, r)).toBe(text);
  });

  it('recommends nothing for a question without a level', () => {
    expect(recommendationFor(Q, questionResult({}, 'm'))).toBeNull();
    expect(recommendationFor(Q, questionResult({ 'q/m': { state: 'unknown' } }, 'm'))).toBeNull();
  });

  it('recommends nothing when the questionnaire is missing or lacks the question', () => {
    const r = questionResult({ 'q/m': { state: 'level', level: 2 } }, 'm');
    expect(recommendationFor(undefined, r)).toBeNull();
    const other = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'x' }] }]);
    expect(recommendationFor(other, r)).toBeNull();
  });
});
