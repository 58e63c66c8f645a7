import { describe, expect, it } from 'vitest';
import { trend } from './trend';
import { cq, item } from './test-fixtures';

describe('trend of one country', () => {
  const y2024 = item([cq('a', 0.4), cq('b', 0.2)], { id: 'y2024', date: '2024-05-01' });
  const y2025 = item([cq('a', 0.5, { provisional: true }), cq('b', 0.3)], {
    id: 'y2025',
    date: '2025-05-01'
  });
  const y2026 = item([cq('a', 0.6, { version: '2.0.0' }), cq('c', 0.9)], {
    id: 'y2026',
    date: '2026-05-01'
  });
  const result = trend([y2026, y2024, y2025]);

  it('orders points by date and marks the version change as a series break', () => {
    const a = result.questionnaires.find((s) => s.questionnaireId === 'a')!;
    expect(a.points.map((p) => p.assessmentId)).toEqual(['y2024', 'y2025', 'y2026']);
    expect(a.points.map((p) => p.seriesBreak)).toEqual([false, false, true]);
    expect(a).toMatchObject({ versions: ['1.0.0', '2.0.0'], seriesBreak: true });
  });

  it('lists provisional points but keeps them out of the line (rule 7)', () => {
    const a = result.questionnaires.find((s) => s.questionnaireId === 'a')!;
    expect(a.points.map((p) => p.shown)).toEqual([40, 50, 60]);
    expect(a.points.map((p) => p.inLine)).toEqual([true, false, true]);
  });

  it('gives each questionnaire only the assessments that include it', () => {
    expect(result.questionnaires.map((s) => s.questionnaireId)).toEqual(['a', 'b', 'c']);
    expect(result.questionnaires[1]!.points.map((p) => p.assessmentId)).toEqual(['y2024', 'y2025']);
    expect(result.questionnaires[1]!.seriesBreak).toBe(false);
  });

  it('draws the overall over the questionnaires every point shares', () => {
    // only 'a' is in all three: overall = a's score
    expect(result.overall.questionnaireIds).toEqual(['a']);
    expect(result.overall.points.map((p) => p.score)).toEqual([0.4, 0.5, 0.6]);
    expect(result.overall.points.map((p) => p.inLine)).toEqual([true, false, true]);
    expect(result.overall.points.map((p) => p.seriesBreak)).toEqual([false, false, true]);
  });

  it('lists the versions of a series in version order, whatever the order in time', () => {
    // A country went back to an older version: 1.10.0, then 1.9.0, then 1.10.0 again.
    const series = trend([
      item([cq('a', 0.5, { version: '1.10.0' })], { id: 'p1', date: '2024-01-01' }),
      item([cq('a', 0.5, { version: '1.9.0' })], { id: 'p2', date: '2025-01-01' }),
      item([cq('a', 0.5, { version: '1.10.0' })], { id: 'p3', date: '2026-01-01' })
    ]).questionnaires[0]!;
    expect(series.versions).toEqual(['1.9.0', '1.10.0']);
    expect(series.points.map((p) => p.seriesBreak)).toEqual([false, true, true]);
  });
});
