import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireInput } from './schema';
import { englishMessage } from '../../io/testing/problem-words';
import { validateQuestionnaire } from './validate';

const fixture = () =>
  parse(
    readFileSync(join(process.cwd(), 'src/lib/io/fixtures/mini-second.yaml'), 'utf8')
  ) as QuestionnaireInput & Record<string, unknown>;

type Doc = ReturnType<typeof fixture>;
type Loose = Record<string, unknown> & { cap?: { atMost: unknown; unless: Loose[] } };
const question = (q: Doc, section: number, index: number) =>
  q.sections[section]!.questions[index] as unknown as Loose;
const takedown = (q: Doc) => question(q, 0, 0);

describe('questionnaire format, second edition', () => {
  it('accepts core, cap, choice and shortTitle, and reads core as false when absent', () => {
    const result = validateQuestionnaire(fixture());
    expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
    if (!result.ok) return;
    const [takedownQ, , , choice, forum] = result.questionnaire.sections.flatMap(
      (s) => s.questions
    );
    expect(takedownQ).toMatchObject({
      core: true,
      shortTitle: 'Takedown of unlawful content',
      cap: {
        atMost: 2,
        unless: [
          { question: 'oversight', atLeast: 3 },
          { question: 'appeal', atLeast: 'yes' }
        ]
      }
    });
    expect(choice).toMatchObject({ type: 'choice', scored: false, core: true });
    expect(forum!.core).toBe(false);
  });

  const cases: [string, (q: Doc) => void, string, string][] = [
    [
      'a cap on a yes/no question',
      (q) =>
        void (question(q, 0, 2).cap = {
          atMost: 2,
          unless: [{ question: 'oversight', atLeast: 3 }]
        }),
      'sections[0].questions[2]',
      'cap'
    ],
    [
      'a cap at the top of the scale',
      (q) => void (takedown(q).cap!.atMost = 5),
      'sections[0].questions[0].cap.atMost',
      'below the top (1, 2, 3, 4)'
    ],
    [
      'a cap off the scale',
      (q) => void (takedown(q).cap!.atMost = 7),
      'sections[0].questions[0].cap.atMost',
      'scale value below the top'
    ],
    [
      'a cap without conditions',
      (q) => void (takedown(q).cap!.unless = []),
      'sections[0].questions[0].cap.unless',
      'name at least one condition'
    ],
    [
      'a condition naming no question',
      (q) => void (takedown(q).cap!.unless[0]!.question = 'overseer'),
      'sections[0].questions[0].cap.unless[0].question',
      'no question "overseer" in this questionnaire'
    ],
    [
      'a condition naming the capped question itself',
      (q) => void (takedown(q).cap!.unless[0]!.question = 'takedown'),
      'sections[0].questions[0].cap.unless[0].question',
      'its own question'
    ],
    [
      'a condition naming a choice question',
      (q) => void (takedown(q).cap!.unless[0] = { question: 'christchurch-call', atLeast: 3 }),
      'sections[0].questions[0].cap.unless[0].question',
      'is a context question: name a scored maturity or yes/no question'
    ],
    [
      'a condition naming a context question',
      (q) => void (question(q, 0, 1).scored = false),
      'sections[0].questions[0].cap.unless[0].question',
      'is a context question'
    ],
    [
      'a condition naming a question that allows N/A',
      (q) => void (question(q, 0, 1).naAllowed = true),
      'sections[0].questions[0].cap.unless[0].question',
      'name a question without naAllowed'
    ],
    [
      'a core capped question whose condition is not core',
      (q) => void delete question(q, 0, 1).core,
      'sections[0].questions[0].cap.unless[0].question',
      'add core: true to it'
    ],
    [
      'a maturity condition at the lowest level',
      (q) => void (takedown(q).cap!.unless[0]!.atLeast = 1),
      'sections[0].questions[0].cap.unless[0].atLeast',
      'above the lowest (2, 3, 4, 5)'
    ],
    [
      'a maturity condition written as yes',
      (q) => void (takedown(q).cap!.unless[0]!.atLeast = 'yes'),
      'sections[0].questions[0].cap.unless[0].atLeast',
      'above the lowest'
    ],
    [
      'a yes/no condition written as a number',
      (q) => void (takedown(q).cap!.unless[1]!.atLeast = 3),
      'sections[0].questions[0].cap.unless[1].atLeast',
      'write atLeast: partial or atLeast: yes'
    ],
    [
      'a yes/no condition at no',
      (q) => void (takedown(q).cap!.unless[1]!.atLeast = 'no'),
      'sections[0].questions[0].cap.unless[1].atLeast',
      'partial or yes'
    ],
    [
      'an option id that is an answer word',
      (q) => void ((question(q, 1, 0).options as Loose[])[0]!.id = 'unknown'),
      'sections[1].questions[0].options[0].id',
      'name the option itself'
    ],
    [
      'a French answer word as an option id',
      (q) => void ((question(q, 1, 0).options as Loose[])[1]!.id = 'oui'),
      'sections[1].questions[0].options[1].id',
      'is an answer word'
    ],
    [
      'duplicate option ids',
      (q) => void ((question(q, 1, 0).options as Loose[])[1]!.id = 'not-listed'),
      'sections[1].questions[0].options[1].id',
      'duplicate option id "not-listed"'
    ],
    [
      'a choice question with one option',
      (q) => void (question(q, 1, 0).options = [{ id: 'listed', label: 'Listed' }]),
      'sections[1].questions[0].options',
      'at least two options'
    ],
    [
      'a scored choice question',
      (q) => void (question(q, 1, 0).scored = true),
      'sections[1].questions[0].scored',
      'write scored: false or leave it out'
    ],
    [
      'a short title over 60 characters',
      (q) => void (takedown(q).shortTitle = 'x'.repeat(61)),
      'sections[0].questions[0].shortTitle',
      'longer than 60 characters'
    ],
    [
      'a yes/no question without its levels',
      (q) => void delete question(q, 0, 2).levels,
      'sections[0].questions[2].levels',
      'a yes/no question needs levels: no, partial and yes'
    ],
    [
      'a yes/no question without its "partial" level',
      (q) => void delete (question(q, 0, 2).levels as Loose).partial,
      'sections[0].questions[2].levels.partial',
      'a yes/no question needs levels'
    ],
    [
      'a section weight without a reason',
      (q) => void ((q.sections[1] as unknown as Loose).weight = 2),
      'sections[1].weightReason',
      'add weightReason'
    ]
  ];

  it.each(cases)(
    'rejects %s with a message that says what to write',
    (_name, mutate, path, message) => {
      const input = fixture();
      mutate(input);
      const result = validateQuestionnaire(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        const problem = result.problems.find((p) => p.path === path);
        expect(problem, JSON.stringify(result.problems)).toBeDefined();
        expect(englishMessage(problem)).toContain(message);
      }
    }
  );
});
