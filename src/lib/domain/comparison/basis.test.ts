import { describe, expect, it } from 'vitest';
import type { Answer, AnswerMap } from '../assessment/model';
import { summarizerFor } from '../assessment/summary';
import { changeBetween } from './change';
import { trend } from './trend';
import { compareAssessments, type ComparisonItem } from './compare-assessments';
import { comparisonBasis } from './basis';
import { makeAssessment, makeQuestionnaire } from '../testing/factories';
import { DIGITS, rowById } from './test-fixtures';

// Scale 1–5: a maturity level L scores (L − 1) / 4.
const ext = makeQuestionnaire('ext', [
  {
    id: 'core-part',
    questions: [
      { id: 'a', core: true },
      { id: 'b', core: true }
    ]
  },
  // The last section has no core question: a core assessment has no row for it.
  { id: 'rest', questions: [{ id: 'c' }] }
]);
const extOld = makeQuestionnaire('ext', [{ id: 'all', questions: [{ id: 'a' }, { id: 'b' }] }], {
  version: '0.9.0'
});
const plain = makeQuestionnaire('plain', [{ id: 's', questions: [{ id: 'p' }] }]);

const level = (l: number): Answer => ({ state: 'level', level: l });

/** An item built from the real summary, as the compare screen builds it. */
function itemOf(
  id: string,
  country: string,
  questionnaires: Parameters<typeof summarizerFor>[0],
  answers: AnswerMap,
  scope: 'full' | 'core'
): ComparisonItem {
  const assessment = makeAssessment({ id, country, scope });
  const figures = summarizerFor(questionnaires)(answers, assessment);
  return {
    id,
    country,
    date: '2026-03-01',
    title: `Assessment ${id}`,
    classification: 'AMBER',
    scope,
    questionnaires: figures.questionnaires,
    core: figures.core?.questionnaires
  };
}

// Kenya, full: a 5 → 1, b 3 → 0.5, c 1 → 0. Own: section (1 + 0.5) / 2 = 0.75, rest 0,
// questionnaire (0.75 + 0) / 2 = 0.375. Core set: 0.75.
const kenya = itemOf(
  'kenya',
  'KE',
  [ext],
  { 'ext/a': level(5), 'ext/b': level(3), 'ext/c': level(1) },
  'full'
);
// Ghana, core: a 2 → 0.25, b 2 → 0.25: 0.25 (c is not part of it).
const ghana = itemOf('ghana', 'GH', [ext], { 'ext/a': level(2), 'ext/b': level(2) }, 'core');
// Fiji, full, on a version without a core set: a 4, b 4 → 0.75.
const fiji = itemOf('fiji', 'FJ', [extOld], { 'ext/a': level(4), 'ext/b': level(4) }, 'full');

describe('rule 10: a comparison that mixes full and core assessments', () => {
  it('compares a full assessment on its core figures when a core one is selected', () => {
    const c = compareAssessments([kenya, ghana]);
    expect(c.basis).toBe('core');
    const [k, g] = [rowById(c, 'kenya'), rowById(c, 'ghana')];
    // Kenya core 0.75 (not its own 0.375), Ghana 0.25
    expect(k.cells[0]!.score).toBeCloseTo(0.75, DIGITS);
    expect(g.cells[0]!.score).toBeCloseTo(0.25, DIGITS);
    expect([k.overall.shown, g.overall.shown]).toEqual([75, 25]);
    expect([k.overall.rank, g.overall.rank]).toEqual([1, 2]);
    // mean (0.75 + 0.25) / 2 = 0.5; median of two = the same mean
    expect(c.questionnaires[0]!.stats.mean).toBeCloseTo(0.5, DIGITS);
    expect(c.questionnaires[0]!.stats.median).toBeCloseTo(0.5, DIGITS);
    expect(c.noCoreSet).toEqual([]);
  });

  it('compares full assessments on every question when no core one is selected', () => {
    const c = compareAssessments([kenya, fiji]);
    expect(c.basis).toBe('full');
    // Kenya's own 0.375 against Fiji's 0.75
    expect(rowById(c, 'kenya').cells[0]!.score).toBeCloseTo(0.375, DIGITS);
    expect(rowById(c, 'fiji').cells[0]!.score).toBeCloseTo(0.75, DIGITS);
  });

  it('lists and leaves out an assessment whose pinned version has no core set', () => {
    const c = compareAssessments([kenya, fiji, ghana]);
    expect(c.basis).toBe('core');
    expect(c.rows.map((r) => r.id)).toEqual(['kenya', 'ghana']);
    expect(c.noCoreSet).toEqual([
      {
        id: 'fiji',
        country: 'FJ',
        date: '2026-03-01',
        title: 'Assessment fiji',
        questionnaires: [{ id: 'ext', version: '0.9.0' }]
      }
    ]);
    // Fiji's 0.75 is not among the figures: (0.75 + 0.25) / 2 = 0.5
    expect(c.questionnaires[0]!.stats.n).toBe(2);
    expect(c.questionnaires[0]!.stats.mean).toBeCloseTo(0.5, DIGITS);
  });

  it('keeps an assessment whose questionnaire without a core set is not compared', () => {
    // Kenya also pins `plain` (no core set); Ghana does not, so `plain` is not shared.
    const both = itemOf(
      'kenya2',
      'KE',
      [ext, plain],
      { 'ext/a': level(5), 'ext/b': level(3), 'plain/p': level(5) },
      'full'
    );
    const c = compareAssessments([both, ghana]);
    expect(c.rows.map((r) => r.id)).toEqual(['kenya2', 'ghana']);
    expect(c.questionnaires.map((q) => q.id)).toEqual(['ext']);
    // ext core 0.75 as for Kenya; `plain` is neither compared nor counted in the overall
    expect(rowById(c, 'kenya2').overall.score).toBeCloseTo(0.75, DIGITS);
  });

  it('leaves out an assessment when one compared questionnaire has no core set in its version', () => {
    // Fiji pins the old `ext` (no core set) beside `extra`, which has one; Ghana pins both too.
    const extra = makeQuestionnaire('extra', [{ id: 's', questions: [{ id: 'x', core: true }] }]);
    const fiji2 = itemOf('fiji2', 'FJ', [extOld, extra], { 'extra/x': level(5) }, 'full');
    const ghana2 = itemOf('ghana2', 'GH', [ext, extra], { 'extra/x': level(1) }, 'core');
    const c = compareAssessments([fiji2, ghana2]);
    expect(c.rows.map((r) => r.id)).toEqual(['ghana2']);
    expect(c.noCoreSet.map((n) => [n.id, n.questionnaires])).toEqual([
      ['fiji2', [{ id: 'ext', version: '0.9.0' }]]
    ]);
    // Compared on `extra` alone, Fiji's core figure (5 → 1) would be fine: it is kept.
    const onExtra = compareAssessments([fiji2, ghana2], { questionnaireIds: ['extra'] });
    expect(onExtra.rows.map((r) => [r.id, r.overall.score])).toEqual([
      ['fiji2', 1],
      ['ghana2', 0]
    ]);
  });

  it('gives no change between two assessments when one has no core set', () => {
    const change = changeBetween(fiji, ghana);
    expect([change.overall.delta, change.questionnaires]).toEqual([null, []]);
    // On the core set: Ghana 0.25 − Kenya 0.75 = −0.5, shown −50.0 points
    expect(changeBetween(kenya, ghana).overall.shownDelta).toBe(-50);
  });

  it('takes the core basis as soon as one assessment is core', () => {
    expect(comparisonBasis([{}, { scope: 'full' }])).toBe('full');
    expect(comparisonBasis([{ scope: 'full' }, { scope: 'core' }])).toBe('core');
  });

  it('draws every line of a trend on the core set beside a core assessment', () => {
    // Kenya 2024 full (own 0.375, core 0.75), Kenya 2026 core 0.25 (the Ghana answers).
    const early = { ...kenya, date: '2024-03-01' };
    const late = { ...ghana, id: 'kenya-core', country: 'KE' };
    const t = trend([late, early]);
    expect(t.questionnaires[0]!.points.map((p) => p.shown)).toEqual([75, 25]);
    expect(t.overall.points.map((p) => p.shown)).toEqual([75, 25]);
  });
});
