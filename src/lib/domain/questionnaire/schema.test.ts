import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../io/testing/problem-words';
import { makeQuestionnaire } from '../testing/factories';
import type { QuestionnaireInput } from './schema';
import { validateQuestionnaire } from './validate';

function valid(): QuestionnaireInput {
  // A parsed questionnaire is also valid input.
  return structuredClone(
    makeQuestionnaire('sample', [
      { id: 's', questions: [{ id: 'a' }, { id: 'b', type: 'binary' }] }
    ])
  ) as QuestionnaireInput;
}

type Mutate = (q: Record<string, unknown> & QuestionnaireInput) => void;
const firstQuestion = (q: QuestionnaireInput) =>
  q.sections[0]!.questions[0] as unknown as Record<string, unknown>;

describe('questionnaire schema', () => {
  it('accepts a complete questionnaire and fills the defaults', () => {
    const input = valid();
    delete firstQuestion(input).weight;
    delete firstQuestion(input).naAllowed;
    const result = validateQuestionnaire(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      const q = result.questionnaire.sections[0]!.questions[0]!;
      expect([q.weight, q.naAllowed, q.scored]).toEqual([1, false, true]);
    }
  });

  const cases: [string, Mutate, string, string][] = [
    ['an id with a dot', (q) => void (q.id = 'privacy.v1'), 'id', 'lower-case letters'],
    ['a bad version', (q) => void (q.version = '1.0'), 'version', 'semantic version'],
    [
      'a single scale level',
      (q) => void (q.scale = q.scale.slice(0, 1)),
      'scale',
      'needs at least 2 entries'
    ],
    [
      'a default target off the scale',
      (q) => void (q.defaultTarget = 9),
      'defaultTarget',
      'one of the scale values'
    ],
    [
      'a weight of 0',
      (q) => void (firstQuestion(q).weight = 0),
      'sections[0].questions[0].weight',
      'must be at least 0.01'
    ],
    [
      'a weight without a reason',
      (q) => void (firstQuestion(q).weight = 2),
      'sections[0].questions[0].weightReason',
      'explain why'
    ],
    [
      'a missing level descriptor',
      (q) => void delete (firstQuestion(q).levels as Record<string, string>)['4'],
      'sections[0].questions[0].levels.4',
      'describe level 4'
    ],
    [
      'a missing recommendation',
      (q) => void delete (firstQuestion(q).recommendations as Record<string, string>)['2'],
      'sections[0].questions[0].recommendations.2',
      'next step for level 2'
    ],
    [
      'an unknown reference',
      (q) => void (firstQuestion(q).references = ['nowhere#1']),
      'sections[0].questions[0].references[0]',
      'unknown reference "nowhere"'
    ],
    [
      'a duplicate question id',
      (q) => void (q.sections[0]!.questions[1]!.id = q.sections[0]!.questions[0]!.id),
      'sections[0].questions[1].id',
      'duplicate question id'
    ],
    [
      'a misspelt key',
      (q) => void (firstQuestion(q).wieght = 2),
      'sections[0].questions[0]',
      'wieght'
    ],
    [
      'a binary question without its "partial" step',
      (q) =>
        void delete (q.sections[0]!.questions[1] as { recommendations: Record<string, string> })
          .recommendations.partial,
      'sections[0].questions[1].recommendations.partial',
      'give the next step for level partial'
    ]
  ];

  it.each(cases)('rejects %s at the path that names it', (_name, mutate, path, message) => {
    const input = valid() as Record<string, unknown> & QuestionnaireInput;
    mutate(input);
    const result = validateQuestionnaire(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const issue = result.problems.find((i) => i.path === path);
      expect(issue, JSON.stringify(result.problems)).toBeDefined();
      expect(englishMessage(issue!)).toContain(message);
    }
  });
});
