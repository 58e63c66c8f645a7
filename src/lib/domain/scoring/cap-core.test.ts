import { describe, expect, it } from 'vitest';
import type { Answer, AnswerMap } from '../assessment/model';
import { summarizerFor } from '../assessment/summary';
import { makeAssessment, makeQuestionnaire } from '../testing/factories';
import { scoreAssessment } from './score';

// Scale 1–5, so a maturity level L scores (L − 1) / 4. Default target 3.
const capped = (atLeastAppeal: 'partial' | 'yes' = 'yes') =>
  makeQuestionnaire('extremism', [
    {
      id: 'response',
      questions: [
        {
          id: 'takedown',
          core: true,
          cap: {
            atMost: 2,
            unless: [
              { question: 'oversight', atLeast: 3 },
              { question: 'appeal', atLeast: atLeastAppeal }
            ]
          }
        },
        { id: 'oversight', core: true },
        { id: 'appeal', type: 'binary', core: true },
        { id: 'treaty', type: 'choice', core: true }
      ]
    },
    { id: 'research', questions: [{ id: 'funding' }, { id: 'forum' }] }
  ]);

const level = (l: number | 'yes' | 'partial' | 'no'): Answer => ({ state: 'level', level: l });
const answers = (oversight: Answer | undefined, appeal: Answer | undefined): AnswerMap => ({
  'extremism/takedown': level(4),
  ...(oversight ? { 'extremism/oversight': oversight } : {}),
  ...(appeal ? { 'extremism/appeal': appeal } : {})
});
const takedownOf = (map: AnswerMap, q = capped()) =>
  scoreAssessment({ questionnaires: [q], answers: map }).questionnaires[0]!.sections[0]!
    .questions[0]!;

describe('rule 11: safeguard caps', () => {
  const unmetOversight: [string, Answer | undefined][] = [
    ["don't know", { state: 'unknown' }],
    ['cannot be disclosed', { state: 'restricted' }],
    ['unanswered', undefined],
    ['one level short of atLeast', level(2)]
  ];
  it.each(unmetOversight)(
    'counts level 4 as 2 when the condition question is %s',
    (_name, oversight) => {
      const r = takedownOf(answers(oversight, level('yes')));
      expect(r.level).toBe(2);
      // (2 − 1) / 4 = 0.25; target 3: gap 3 − 2 = 1; target score (3 − 1) / 4 = 0.5
      expect([r.score, r.gap, r.targetScore]).toEqual([0.25, 1, 0.5]);
      expect(r.capped).toEqual({
        chosen: 4,
        counted: 2,
        atMost: 2,
        unmet: [{ question: 'oversight', atLeast: 3 }]
      });
    }
  );

  it('counts the chosen level when every condition is met exactly at atLeast', () => {
    const r = takedownOf(answers(level(3), level('yes')));
    // (4 − 1) / 4 = 0.75; target 3 is below 4: no gap
    expect([r.level, r.score, r.gap, r.capped]).toEqual([4, 0.75, 0, null]);
  });

  it('holds a yes/no condition at partial only when atLeast is partial', () => {
    const yes = takedownOf(answers(level(3), level('partial')));
    expect(yes.level).toBe(2);
    expect(yes.capped?.unmet).toEqual([{ question: 'appeal', atLeast: 'yes' }]);
    const partial = takedownOf(answers(level(3), level('partial')), capped('partial'));
    expect([partial.level, partial.capped]).toEqual([4, null]);
  });

  it('lists every unmet condition, and none of the met ones', () => {
    const r = takedownOf(answers(level(1), level('no')));
    expect(r.capped?.unmet.map((c) => c.question)).toEqual(['oversight', 'appeal']);
    expect(takedownOf(answers(level(5), level('no'))).capped?.unmet).toEqual([
      { question: 'appeal', atLeast: 'yes' }
    ]);
  });

  it('leaves a level at or below atMost alone', () => {
    const map = { ...answers(undefined, undefined), 'extremism/takedown': level(2) };
    const r = takedownOf(map);
    expect([r.level, r.score, r.capped]).toEqual([2, 0.25, null]);
  });

  it('uses the counted level for the section score, the stage and the gap list', () => {
    const map: AnswerMap = {
      ...answers(level(2), level('yes')),
      'extremism/oversight': level(2)
    };
    const result = scoreAssessment({ questionnaires: [capped()], answers: map });
    const section = result.questionnaires[0]!.sections[0]!;
    // takedown counted 2 → 0.25, oversight 2 → 0.25, appeal yes → 1: (0.25 + 0.25 + 1) / 3 = 0.5
    expect(section.score).toBeCloseTo(0.5, 12);
    // Stage over the maturity questions: both at 2, so 2 — not 4 for takedown's chosen level.
    expect(section.stage).toBe(2);
    const row = result.gapList.find((g) => g.questionId === 'takedown')!;
    // gap 3 − 2 = 1, normalised 1 / 4, priority 0.25 × 1 × 1
    expect([row.gap, row.normalisedGap, row.priority]).toEqual([1, 0.25, 0.25]);
    expect(row.capped?.chosen).toBe(4);
  });

  it('reads the condition answer as given, never its own capped value', () => {
    const chained = makeQuestionnaire('chain', [
      {
        id: 's',
        questions: [
          { id: 'a', cap: { atMost: 2, unless: [{ question: 'b', atLeast: 4 }] } },
          { id: 'b', cap: { atMost: 2, unless: [{ question: 'c', atLeast: 3 }] } },
          { id: 'c' }
        ]
      }
    ]);
    const map: AnswerMap = { 'chain/a': level(5), 'chain/b': level(4), 'chain/c': level(1) };
    const [a, b] = scoreAssessment({ questionnaires: [chained], answers: map }).questionnaires[0]!
      .sections[0]!.questions;
    // b is counted as 2 (c is below 3), but a's condition reads b as given: 4 ≥ 4, so a counts 5.
    expect([a!.level, b!.level]).toEqual([5, 2]);
  });
});

describe('rule 12: the core scope', () => {
  const map: AnswerMap = {
    'extremism/takedown': level(2),
    'extremism/oversight': level(4),
    'extremism/appeal': level('partial'),
    'extremism/treaty': { state: 'level', option: 'second-option' },
    'extremism/funding': level(5),
    'extremism/forum': level(5)
  };

  it('scores a core assessment over the core questions only; a section without one has no row', () => {
    const core = scoreAssessment({ questionnaires: [capped()], answers: map, scope: 'core' });
    const q = core.questionnaires[0]!;
    expect(q.sections.map((s) => s.id)).toEqual(['response']);
    // takedown 2 → 0.25, oversight 4 → 0.75, appeal partial → 0.5: (0.25 + 0.75 + 0.5) / 3 = 0.5
    expect(q.score).toBeCloseTo(0.5, 12);
    // four core questions (the choice one counts in completion, never in the score)
    expect([q.counts.total, q.counts.answered, q.counts.scored, q.counts.notScored]).toEqual([
      4, 4, 3, 1
    ]);
    expect(core.score).toBeCloseTo(0.5, 12);
  });

  it('scores the same answers over every question when the scope is full', () => {
    const full = scoreAssessment({ questionnaires: [capped()], answers: map });
    const q = full.questionnaires[0]!;
    expect(q.sections.map((s) => s.id)).toEqual(['response', 'research']);
    // response 0.5 as above; research (1 + 1) / 2 = 1; questionnaire (0.5 + 1) / 2 = 0.75
    expect(q.score).toBeCloseTo(0.75, 12);
    expect(q.counts.total).toBe(6);
  });

  it('leaves out a questionnaire whose version has no core set', () => {
    const plain = makeQuestionnaire('plain', [{ id: 's', questions: [{ id: 'a' }] }]);
    const result = scoreAssessment({
      questionnaires: [plain, capped()],
      answers: { ...map, 'plain/a': level(1) },
      scope: 'core'
    });
    expect(result.questionnaires.map((q) => q.id)).toEqual(['extremism']);
    expect(result.score).toBeCloseTo(0.5, 12);
  });
});

describe('cached summaries keep the full and the core figures', () => {
  it('caches the core figures beside a full assessment’s own', () => {
    const map: AnswerMap = {
      'extremism/takedown': level(2),
      'extremism/oversight': level(4),
      'extremism/appeal': level('partial'),
      'extremism/funding': level(5),
      'extremism/forum': level(5)
    };
    const full = summarizerFor([capped()])(map, makeAssessment());
    // full: (0.5 + 1) / 2 = 0.75 (see the rule 12 table above); core: 0.5
    expect(full.overall.score).toBeCloseTo(0.75, 12);
    expect(full.core?.overall.score).toBeCloseTo(0.5, 12);
    expect([full.total, full.core?.total]).toEqual([6, 4]);
    const core = summarizerFor([capped()])(map, makeAssessment({ scope: 'core' }));
    expect(core.overall.score).toBeCloseTo(0.5, 12);
    const plain = makeQuestionnaire('plain', [{ id: 's', questions: [{ id: 'a' }] }]);
    expect(summarizerFor([plain])({}, makeAssessment()).core).toBeUndefined();
  });
});
