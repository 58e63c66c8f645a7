/**
 * Hand-worked tables, one per danger: expected numbers are worked out in the table, never by
 * calling the code under test.
 */
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerMap, Classification } from '../assessment/model';
import type { CachedQuestionnaire } from '../assessment/summary';
import { summaryFigures } from '../assessment/summary';
import { scoreAssessment } from '../scoring/score';
import { makeQuestionnaire } from '../testing/factories';
import { compareAssessments, type Comparison } from './compare-assessments';
import { column, cq, DIGITS, item, rowById, rows } from './test-fixtures';

describe('ranks in a comparison', () => {
  it.each(
    rows<{
      name: string;
      scores: { score: number | null; provisional?: boolean }[];
      ranks: (number | null)[];
      order: string[];
    }>(
      [
        {
          name: '99.5, 99.5, 99.4 rank 1, 1, 2',
          // 0.995 → 99.5, 0.995 → 99.5, 0.994 → 99.4
          scores: [{ score: 0.995 }, { score: 0.994 }, { score: 0.995 }],
          ranks: [1, 2, 1],
          order: ['x0', 'x2', 'x1']
        },
        {
          name: 'scores that differ unrounded but show the same value share a rank',
          // 0.72451 → 72.451 → 72.5 and 0.72549 → 72.549 → 72.5 tie (0.00098 apart);
          // 0.72449 → 72.449 → 72.4 does not, though only 0.00002 below 0.72451
          scores: [{ score: 0.72449 }, { score: 0.72549 }, { score: 0.72451 }],
          ranks: [2, 1, 1],
          order: ['x1', 'x2', 'x0']
        },
        {
          name: 'a half-way value rounds up before ranking',
          // 0.1375 → 13.75 → 13.8 (half away from zero) ties 0.138 → 13.8; 0.137 → 13.7
          scores: [{ score: 0.137 }, { score: 0.1375 }, { score: 0.138 }],
          ranks: [2, 1, 1],
          order: ['x1', 'x2', 'x0']
        },
        {
          name: 'null and provisional scores are unranked and listed last (provisional first)',
          scores: [
            { score: null },
            { score: 0.9, provisional: true },
            { score: 0.5 },
            { score: 0.4 },
            { score: 0.95, provisional: true }
          ],
          ranks: [null, null, 1, 2, null],
          order: ['x2', 'x3', 'x4', 'x1', 'x0']
        },
        {
          name: 'all unranked: no rank at all',
          scores: [{ score: null }, { score: 0.2, provisional: true }],
          ranks: [null, null],
          order: ['x1', 'x0']
        }
      ],
      (r) => r.name
    )
  )('%s', (_name, { scores, ranks, order }) => {
    const comparison = compareAssessments(column(scores));
    expect(comparison.rows.map((r) => r.cells[0]!.rank)).toEqual(ranks);
    expect(comparison.questionnaires[0]!.order).toEqual(order);
  });

  it('shows the one-decimal value it ranked on', () => {
    const comparison = compareAssessments(column([{ score: 0.72451 }, { score: 0.72449 }]));
    expect(comparison.rows.map((r) => r.cells[0]!.shown)).toEqual([72.5, 72.4]);
  });
});

describe('statistics per questionnaire leave null and provisional scores out (rule 7)', () => {
  it.each(
    rows<{
      name: string;
      scores: { score: number | null; provisional?: boolean }[];
      n: number;
      mean: number | null;
      median: number | null;
      min: number | null;
      max: number | null;
    }>(
      [
        {
          name: 'odd count',
          scores: [
            { score: 0.2 },
            { score: null },
            { score: 0.9 },
            { score: 0.95, provisional: true },
            { score: 0.4 }
          ],
          n: 3, // 0.2, 0.4, 0.9
          mean: 0.5, // 1.5 / 3
          median: 0.4,
          min: 0.2,
          max: 0.9
        },
        {
          name: 'even count',
          scores: [{ score: 0.2 }, { score: 0.5 }, { score: 0.9 }, { score: 0.4 }],
          n: 4,
          mean: 0.5, // 2.0 / 4
          median: 0.45, // (0.4 + 0.5) / 2
          min: 0.2,
          max: 0.9
        },
        {
          name: 'nothing counted',
          scores: [{ score: null }, { score: 0.3, provisional: true }],
          n: 0,
          mean: null,
          median: null,
          min: null,
          max: null
        }
      ],
      (r) => r.name
    )
  )('%s', (_name, { scores, n, mean, median, min, max }) => {
    const stats = compareAssessments(column(scores)).questionnaires[0]!.stats;
    expect(stats.n).toBe(n);
    for (const [actual, expected] of [
      [stats.mean, mean],
      [stats.median, median],
      [stats.min, min],
      [stats.max, max]
    ] as const) {
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, DIGITS);
    }
  });
});

describe('overall over the shared questionnaires (rules 4 and 10)', () => {
  it.each(
    rows<{
      name: string;
      cells: CachedQuestionnaire[];
      score: number | null;
      counted: number;
      provisional: boolean;
    }>(
      [
        {
          name: 'the plain mean of the shared scores',
          cells: [cq('a', 0.5), cq('b', 0.25)],
          score: (0.5 + 0.25) / 2, // 0.375
          counted: 2,
          provisional: false
        },
        {
          name: 'a null score with nothing to cover (all N/A) is left out, not counted as 0',
          cells: [cq('a', 0.8), cq('b', null, { coverage: null })],
          score: 0.8,
          counted: 1,
          provisional: false
        },
        {
          name: 'a provisional score enters the mean but makes the overall provisional',
          cells: [cq('a', 0.6), cq('b', 0.3, { provisional: true })],
          score: (0.6 + 0.3) / 2, // 0.45
          counted: 2,
          provisional: true
        },
        {
          name: 'a shared questionnaire left unanswered (coverage 0) makes it provisional',
          cells: [cq('a', 0.7), cq('b', null, { coverage: 0 })],
          score: 0.7,
          counted: 1,
          provisional: true
        },
        {
          name: 'no shared score: null and not provisional',
          cells: [cq('a', null, { coverage: 0 }), cq('b', null, { coverage: 0 })],
          score: null,
          counted: 0,
          provisional: false
        }
      ],
      (r) => r.name
    )
  )('%s', (_name, { cells, score, counted, provisional }) => {
    const overall = compareAssessments([item(cells)]).rows[0]!.overall;
    if (score === null) expect(overall.score).toBeNull();
    else expect(overall.score).toBeCloseTo(score, DIGITS);
    expect(overall.counted).toBe(counted);
    expect(overall.provisional).toBe(provisional);
    if (provisional) expect(overall.rank).toBeNull();
  });

  it('uses only the shared questionnaires, so every overall covers the same ones', () => {
    const kenya = item([cq('a', 0.5), cq('b', 0.25), cq('c', 1)], { country: 'KE' });
    const ghana = item([cq('b', 0.75), cq('a', 0.25)], { country: 'GH' });
    const comparison = compareAssessments([kenya, ghana]);
    // Kenya: (0.5 + 0.25) / 2 = 0.375 (c is not shared); Ghana: (0.25 + 0.75) / 2 = 0.5
    expect(rowById(comparison, kenya.id).overall.score).toBeCloseTo(0.375, DIGITS);
    expect(rowById(comparison, ghana.id).overall.score).toBeCloseTo(0.5, DIGITS);
    expect(comparison.overall.order).toEqual([ghana.id, kenya.id]);
    expect(comparison.overall.stats.mean).toBeCloseTo((0.375 + 0.5) / 2, DIGITS);
  });

  it('ranks overalls on their shown values', () => {
    // (0.995 + 0.995) / 2 = 0.995 → 99.5; (0.996 + 0.994) / 2 = 0.995 → 99.5; 0.994 → 99.4
    const items = [
      item([cq('a', 0.995), cq('b', 0.995)], { country: 'GH' }),
      item([cq('a', 0.996), cq('b', 0.994)], { country: 'KE' }),
      item([cq('a', 0.994), cq('b', 0.994)], { country: 'NG' })
    ];
    const comparison = compareAssessments(items);
    expect(comparison.rows.map((r) => r.overall.rank)).toEqual([1, 1, 2]);
  });
});

describe('overall agrees with the scoring module', () => {
  const q1 = makeQuestionnaire('q-one', [
    { id: 's', questions: [{ id: 'a' }, { id: 'b', weight: 2 }, { id: 'c' }, { id: 'd' }] }
  ]);
  const q2 = makeQuestionnaire('q-two', [
    { id: 's', questions: [{ id: 'a', type: 'binary' }, { id: 'b' }] }
  ]);
  const level = (value: number | 'yes' | 'no' | 'partial'): Answer => ({
    state: 'level',
    level: value
  });

  function asItem(answers: AnswerMap) {
    const result = scoreAssessment({ questionnaires: [q1, q2], answers });
    return { result, item: item(summaryFigures(result).questionnaires) };
  }

  it('gives the same overall as scoreAssessment when every questionnaire is shared', () => {
    const { result, item: it1 } = asItem({
      'q-one/a': level(2),
      'q-one/b': level(5),
      'q-one/c': level(3),
      'q-one/d': level(4),
      'q-two/a': level('partial'),
      'q-two/b': level(3)
    });
    // q-one: (0.25 + 2·1 + 0.5 + 0.75) / 5 = 0.7; q-two: (0.5 + 0.5) / 2 = 0.5; overall 0.6
    expect(result.score).toBeCloseTo(0.6, DIGITS);
    expect(compareAssessments([it1]).rows[0]!.overall.score).toBe(result.score);
  });

  it('is provisional whenever the assessment’s own overall is', () => {
    // q-one 2 of 4 scored (50%), q-two 2 of 2: pooled 4 / 6 ≈ 67% < 70%
    const { result, item: it1 } = asItem({
      'q-one/a': level(2),
      'q-one/b': level(5),
      'q-two/a': level('yes'),
      'q-two/b': level(3)
    });
    expect(result.provisional).toBe(true);
    expect(compareAssessments([it1]).rows[0]!.overall.provisional).toBe(true);
  });

  it('is stricter than pooled coverage when a shared questionnaire is unanswered', () => {
    // eight q-one questions all at level 3 (share 0.5); q-two's two questions unanswered
    const big = makeQuestionnaire('q-one', [
      { id: 's', questions: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => ({ id })) }
    ]);
    const answers: AnswerMap = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => [`q-one/${id}`, level(3)])
    );
    // pooled 8 / (8 + 2) = 80%: the assessment's own overall is firm …
    const result = scoreAssessment({ questionnaires: [big, q2], answers });
    expect(result.provisional).toBe(false);
    // … but its comparison overall rests on q-one alone, so it stays out of ranks.
    const row = compareAssessments([item(summaryFigures(result).questionnaires)]).rows[0]!;
    expect(row.overall.score).toBe(0.5);
    expect(row.overall.provisional).toBe(true);
  });
});

describe('questionnaires compared and series breaks', () => {
  const first = () => item([cq('b', 0.5), cq('a', 0.5), cq('c', 0.5)], { country: 'BB' });
  const second = () => item([cq('a', 0.5), cq('b', 0.5), cq('d', 0.5)], { country: 'GH' });
  const third = () => item([cq('a', 0.5), cq('b', 0.5)], { country: 'KE' });

  it('compares the shared ids in the order of the first assessment by country and date', () => {
    const items = [third(), second(), first()];
    const comparison = compareAssessments(items);
    // BB comes first by country code: its order b, a; c and d are held by one assessment each.
    expect(comparison.questionnaires.map((q) => q.id)).toEqual(['b', 'a']);
    expect(comparison.notShared).toEqual([
      { id: 'c', assessments: 1 },
      { id: 'd', assessments: 1 }
    ]);
    expect(compareAssessments([...items].reverse()).questionnaires.map((q) => q.id)).toEqual([
      'b',
      'a'
    ]);
  });

  it('compares the requested ids in the requested order, only where shared', () => {
    const comparison = compareAssessments([first(), second(), third()], {
      questionnaireIds: ['a', 'c', 'b', 'a', 'zz']
    });
    expect(comparison.questionnaires.map((q) => q.id)).toEqual(['a', 'b']);
    expect(comparison.notShared).toEqual([
      { id: 'c', assessments: 1 },
      { id: 'zz', assessments: 0 }
    ]);
    expect(comparison.rows[0]!.cells.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('lists the versions seen, numerically ordered, and marks a series break', () => {
    const items = [
      item([cq('a', 0.5, { version: '1.10.0' }), cq('b', 0.5)]),
      item([cq('a', 0.5, { version: '1.2.0' }), cq('b', 0.5)]),
      item([cq('a', 0.5, { version: '1.10.0' }), cq('b', 0.5)])
    ];
    const [a, b] = compareAssessments(items).questionnaires;
    expect(a).toMatchObject({ versions: ['1.2.0', '1.10.0'], seriesBreak: true });
    expect(b).toMatchObject({ versions: ['1.0.0'], seriesBreak: false });
  });

  it('compares nothing when nothing is selected', () => {
    const comparison = compareAssessments([]);
    expect(comparison.questionnaires).toEqual([]);
    expect(comparison.rows).toEqual([]);
    expect(comparison.overall.stats.n).toBe(0);
    expect(comparison.regions.every((r) => r.countries === 0 && r.hidden)).toBe(true);
    expect(comparison.classification).toBeNull();
  });
});

describe('classification of the comparison', () => {
  it.each(
    rows<{ given: Classification[]; carried: Classification }>(
      [
        { given: ['GREEN', 'RED', 'AMBER'], carried: 'RED' },
        { given: ['CLEAR', 'GREEN'], carried: 'GREEN' },
        { given: ['AMBER+STRICT', 'AMBER'], carried: 'AMBER+STRICT' }
      ],
      (r) => `${r.given.join(', ')} → ${r.carried}`
    )
  )('%s', (_name, { given, carried }) => {
    const items = given.map((classification) => item([cq('a', 0.5)], { classification }));
    expect(compareAssessments(items).classification).toBe(carried);
  });
});

describe('regional figures', () => {
  const region = (comparison: Comparison, name: string) => {
    const found = comparison.regions.find((r) => r.region === name);
    if (!found) throw new Error(`no region ${name}`);
    return found;
  };

  const items = [
    // Africa: Kenya twice (only 2026 counts), Ghana, Nigeria
    item([cq('q', 0.1)], { country: 'KE', date: '2024-03-01' }),
    item([cq('q', 0.7)], { country: 'KE', date: '2026-03-01' }),
    item([cq('q', 0.4)], { country: 'GH' }),
    item([cq('q', 0.1)], { country: 'NG' }),
    // Asia: two countries only
    item([cq('q', 0.9)], { country: 'IN' }),
    item([cq('q', 0.8)], { country: 'PK' }),
    // Pacific: three countries, one provisional
    item([cq('q', 0.3)], { country: 'FJ' }),
    item([cq('q', 0.5)], { country: 'WS' }),
    item([cq('q', 0.9, { provisional: true })], { country: 'TO' }),
    // not a Commonwealth member
    item([cq('q', 1)], { country: 'US' })
  ];
  const comparison = compareAssessments(items);

  it('uses the latest assessment per country and shows N', () => {
    const africa = region(comparison, 'Africa');
    // 0.7 (KE 2026), 0.4, 0.1: mean 1.2 / 3 = 0.4, median 0.4, min 0.1, max 0.7
    expect(africa).toMatchObject({ countries: 3, hidden: false });
    expect(africa.questionnaires[0]!.stats.n).toBe(3);
    expect(africa.questionnaires[0]!.stats.mean).toBeCloseTo(0.4, DIGITS);
    expect(africa.questionnaires[0]!.stats.median).toBe(0.4);
    expect(africa.questionnaires[0]!.stats.min).toBe(0.1);
    expect(africa.questionnaires[0]!.stats.max).toBe(0.7);
    expect(africa.overall.mean).toBeCloseTo(0.4, DIGITS);
  });

  it('hides a region with fewer than 3 countries, keeping only N', () => {
    const asia = region(comparison, 'Asia');
    expect(asia).toMatchObject({ countries: 2, hidden: true });
    expect(asia.questionnaires[0]!.stats).toEqual({
      n: 2,
      hidden: true,
      mean: null,
      median: null,
      min: null,
      max: null
    });
    expect(asia.overall).toMatchObject({ hidden: true, mean: null, max: null });
    expect(region(comparison, 'Europe')).toMatchObject({ countries: 0, hidden: true });
  });

  it('hides a figure resting on fewer than 3 counted scores in a visible region', () => {
    const pacific = region(comparison, 'Pacific');
    // Tonga is provisional: 3 countries, but only Fiji and Samoa count
    expect(pacific).toMatchObject({ countries: 3, hidden: false });
    expect(pacific.questionnaires[0]!.stats).toMatchObject({ n: 2, hidden: true, mean: null });
  });

  it('puts non-members in no region', () => {
    // KE, GH, NG + IN, PK + FJ, WS, TO = 8 member countries; the US is in none
    expect(comparison.regions.reduce((n, r) => n + r.countries, 0)).toBe(8);
    expect(rowById(comparison, items[9]!.id).region).toBeNull();
  });
});

// How fast this runs is measured by `npm run bench` against a baseline in the same run; a unit
// test only checks what comes out, so a busy machine cannot turn it red.
describe('many assessments', () => {
  it('compares 2,000 assessments of 5 questionnaires, each in the rows and in every order', () => {
    const ids = ['strategy', 'privacy', 'cross-border', 'extremism', 'standards'];
    const countries = ['KE', 'GH', 'NG', 'IN', 'PK', 'FJ', 'WS', 'TO', 'GB', 'JM', 'US', 'FR'];
    const items = Array.from({ length: 2000 }, (_, i) =>
      item(
        ids.map((id, j) =>
          cq(id, ((i * 37 + j * 101) % 1000) / 1000, { provisional: i % 17 === 0 })
        ),
        { country: countries[i % countries.length]!, date: `20${10 + (i % 17)}-01-01` }
      )
    );
    const comparison = compareAssessments(items);
    expect(comparison.rows.map((row) => row.id)).toEqual(items.map((i) => i.id));
    expect(comparison.questionnaires.map((q) => q.order.length)).toEqual([
      2000, 2000, 2000, 2000, 2000
    ]);
    expect(comparison.overall.order).toHaveLength(2000);
  });
});
