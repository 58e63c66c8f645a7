/**
 * Scores on the CMM-like scale 1–5 are (level − 1) / 4, worked by hand below; a question above
 * its target counts as having reached it (its target share is its own score).
 */
import { describe, expect, it } from 'vitest';
import type { AnswerMap } from '$lib/domain/assessment/model';
import { scoreAssessment } from '$lib/domain/scoring/score';
import { makeQuestionnaire } from '$lib/domain/testing/factories';
import { questionnaireRadar, sectionGapBars, sectionRadar } from './results-charts';

const P = makeQuestionnaire('p', [
  { id: 's1', questions: [{ id: 'a' }] },
  { id: 's2', questions: [{ id: 'b' }] },
  { id: 's3', questions: [{ id: 'c' }] }
]);
const Q = makeQuestionnaire('q', [{ id: 't', questions: [{ id: 'x' }] }]);

function resultOf(answers: AnswerMap) {
  return scoreAssessment({ questionnaires: [P, Q], answers });
}

// s1: level 5 → 1.0, above the default target 3, so its target share is 1.0 and its gap 0.
// s2: level 2 → 0.25 against a target of 3 → 0.5: gap 0.25. s3: not answered, no score.
// p: (1.0 + 0.25) / 2 = 0.625, target (1.0 + 0.5) / 2 = 0.75. q (t): level 1 → 0, target 0.5.
const result = resultOf({
  'p/a': { state: 'level', level: 5 },
  'p/b': { state: 'level', level: 2 },
  'q/x': { state: 'level', level: 1 }
});

describe('questionnaireRadar', () => {
  it('draws current against target per questionnaire, as percentages with one decimal', () => {
    const plan = questionnaireRadar(result);
    // two questionnaires: a radar of two axes means nothing, so bars on the 0–100 axis
    expect(plan).toMatchObject({ type: 'bar', horizontal: true, max: 100 });
    expect(plan.axisLabel).toBe('score (0–100)');
    expect(plan.data).toEqual({
      labels: ['Questionnaire p', 'Questionnaire q'],
      series: [
        { label: 'Current', values: [62.5, 0] },
        { label: 'Target', values: [75, 50] }
      ]
    });
    expect(plan.summary).toBe('current and target score (0–100) per questionnaire');
  });

  it('gives the numbers as a table: one row per questionnaire, one column per series', () => {
    expect(questionnaireRadar(result).table).toEqual({
      corner: '',
      columns: ['Current', 'Target'],
      rows: [
        { label: 'Questionnaire p', cells: ['62.5', '75.0'] },
        { label: 'Questionnaire q', cells: ['0.0', '50.0'] }
      ]
    });
  });
});

describe('radar or bars', () => {
  const three = scoreAssessment({
    questionnaires: [P, Q, makeQuestionnaire('r', [{ id: 'u', questions: [{ id: 'y' }] }])],
    answers: {}
  });

  it('is a radar from three axes on', () => {
    expect(questionnaireRadar(three).type).toBe('radar');
    expect(sectionRadar(result.questionnaires[0]!).type).toBe('radar');
  });

  it('is bars below three axes, and whenever bars are asked for, with the same numbers', () => {
    expect(sectionRadar(result.questionnaires[1]!).type).toBe('bar');
    const bars = questionnaireRadar(three, 'en', { bars: true });
    expect(bars.type).toBe('bar');
    expect(bars.data).toEqual(questionnaireRadar(three).data);
    expect(bars.table).toEqual(questionnaireRadar(three).table);
  });
});

describe('sectionRadar', () => {
  it('draws the sections of one questionnaire, a section without a score as a gap', () => {
    const plan = sectionRadar(result.questionnaires[0]!);
    expect(plan.data.labels).toEqual(['Section s1', 'Section s2', 'Section s3']);
    expect(plan.data.series.map((s) => s.values)).toEqual([
      [100, 25, null],
      [100, 50, null]
    ]);
    expect(plan.table.rows[2]).toEqual({ label: 'Section s3', cells: ['—', '—'] });
    expect(plan.summary).toBe('current and target score (0–100) per section of Questionnaire p');
  });
});

describe('sectionGapBars', () => {
  it('lists the gap of every scored section in points, largest first, named with its questionnaire', () => {
    const plan = sectionGapBars(result);
    expect(plan).toMatchObject({ type: 'bar', horizontal: true, axisLabel: 'points' });
    expect(plan.data).toEqual({
      labels: [
        'Section t (Questionnaire q)',
        'Section s2 (Questionnaire p)',
        'Section s1 (Questionnaire p)'
      ],
      series: [{ label: 'Gap to target (points)', values: [50, 25, 0] }]
    });
    expect(plan.table.rows.map((r) => r.cells[0])).toEqual(['50.0', '25.0', '0.0']);
  });

  it('keeps questionnaire order between equal gaps', () => {
    // p/b and q/x both at level 2: 0.25 against 0.5, a gap of 25 points each.
    const tied = resultOf({
      'p/b': { state: 'level', level: 2 },
      'q/x': { state: 'level', level: 2 }
    });
    expect(sectionGapBars(tied).data.labels).toEqual([
      'Section s2 (Questionnaire p)',
      'Section t (Questionnaire q)'
    ]);
  });

  it('has no bar when nothing is scored', () => {
    const plan = sectionGapBars(resultOf({}));
    expect(plan.data.labels).toEqual([]);
    expect(plan.table.rows).toEqual([]);
  });
});

describe('the charts in French', () => {
  it('name the series, the axis and the summary in French, and write the table with a comma', () => {
    const plan = sectionGapBars(result, 'fr');
    expect(plan.axisLabel).toBe('points');
    expect(plan.data.series[0]!.label).toBe('Écart à la cible (points)');
    expect(plan.summary).toBe(
      'écart à la cible en points par section, du plus grand au plus petit'
    );
    expect(plan.table.rows[0]).toEqual({ label: 'Section t (Questionnaire q)', cells: ['50,0'] });
    const radar = questionnaireRadar(result, 'fr');
    expect(radar.table.columns).toEqual(['Actuel', 'Cible']);
    expect(radar.table.rows[0]).toEqual({ label: 'Questionnaire p', cells: ['62,5', '75,0'] });
    expect(sectionRadar(result.questionnaires[0]!, 'fr').summary).toBe(
      'score actuel et score cible (0–100) par section de «\u00a0Questionnaire p\u00a0»'
    );
  });
});
