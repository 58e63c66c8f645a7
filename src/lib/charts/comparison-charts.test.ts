import { describe, expect, it } from 'vitest';
import type { CachedQuestionnaire } from '$lib/domain/assessment/summary';
import {
  compareAssessments,
  trend,
  type ComparisonItem,
  type ComparisonRow
} from '$lib/domain/comparison/compare';
import {
  RADAR_LIMIT,
  radarOverlay,
  radarRows,
  rowLabels,
  trendChart,
  trendPointLabels
} from './comparison-charts';

function cq(
  id: string,
  score: number | null,
  options: { version?: string; provisional?: boolean } = {}
): CachedQuestionnaire {
  const provisional = options.provisional ?? false;
  return {
    id,
    version: options.version ?? '1.0.0',
    score,
    targetScore: score,
    stage: null,
    completion: 1,
    coverage: provisional ? 0.5 : 1,
    provisional: score !== null && provisional
  };
}

function item(
  id: string,
  country: string,
  date: string,
  questionnaires: CachedQuestionnaire[],
  title = `${country} review`
): ComparisonItem {
  return { id, country, date, title, classification: 'GREEN', questionnaires };
}

function rowsOf(items: ComparisonItem[]): ComparisonRow[] {
  return compareAssessments(items).rows;
}

describe('rowLabels', () => {
  it('names a row by country and date, adding the title only where those repeat', () => {
    const rows = rowsOf([
      item('k1', 'KE', '2026-03-01', [], 'Spring review'),
      item('k2', 'KE', '2026-03-01', [], 'Ministry view'),
      item('g1', 'GH', '2026-03-01', [])
    ]);
    expect([...rowLabels(rows).values()]).toEqual([
      'Kenya 2026-03-01 · Spring review',
      'Kenya 2026-03-01 · Ministry view',
      'Ghana 2026-03-01'
    ]);
  });

  it('numbers rows that share country, date and title, so every series has its own label', () => {
    const rows = rowsOf([
      item('a', 'KE', '2026-03-01', [], 'Review'),
      item('b', 'KE', '2026-03-01', [], 'Review')
    ]);
    expect([...rowLabels(rows).values()]).toEqual([
      'Kenya 2026-03-01 · Review',
      'Kenya 2026-03-01 · Review (2)'
    ]);
  });
});

describe('radarRows', () => {
  const many = rowsOf(
    Array.from({ length: RADAR_LIMIT + 1 }, (_, i) => item(`r${i}`, 'KE', `2026-01-0${i + 1}`, []))
  );

  it('draws the picked rows, even more than the limit (the screen then asks to untick)', () => {
    expect(radarRows(many.slice(0, 2), many).map((r) => r.id)).toEqual(['r0', 'r1']);
    expect(radarRows(many, many)).toHaveLength(RADAR_LIMIT + 1);
  });

  it('draws every row when none is picked and they are at most the limit, else none', () => {
    expect(radarRows([], many.slice(0, RADAR_LIMIT))).toHaveLength(RADAR_LIMIT);
    expect(radarRows([], many)).toEqual([]);
  });
});

describe('radarOverlay', () => {
  const titles = { a: 'Alpha', b: 'Beta' };
  const items = [
    item('ke', 'KE', '2026-03-01', [cq('a', 0.625), cq('b', 0.4), cq('c', null)]),
    item('gh', 'GH', '2025-11-20', [cq('a', 0.5), cq('b', 0.9, { provisional: true }), cq('c', 0)])
  ];

  it('draws one series per assessment over the compared questionnaires, named by title', () => {
    const comparison = compareAssessments(items);
    const plan = radarOverlay(comparison, comparison.rows, titles);
    expect(plan).toMatchObject({ type: 'radar', max: 100 });
    expect(plan.data).toEqual({
      labels: ['Alpha', 'Beta', 'c'],
      series: [
        { label: 'Kenya 2026-03-01', values: [62.5, 40, null] },
        { label: 'Ghana 2025-11-20 (provisional)', values: [50, 90, 0] }
      ]
    });
    expect(plan.summary).toBe('score (0–100) per questionnaire of 2 assessments');
  });

  it('gives one table row per assessment, provisional scores marked as in the heat map', () => {
    const comparison = compareAssessments(items);
    expect(radarOverlay(comparison, comparison.rows, titles).table).toEqual({
      corner: 'Assessment',
      columns: ['Alpha', 'Beta', 'c'],
      rows: [
        { label: 'Kenya 2026-03-01', cells: ['62.5', '40.0', '—'] },
        { label: 'Ghana 2025-11-20 (provisional)', cells: ['50.0', '90.0 prov.', '0.0'] }
      ]
    });
  });

  it('draws bars on a 0–100 axis when fewer than three questionnaires are compared', () => {
    const comparison = compareAssessments(items, { questionnaireIds: ['a', 'b'] });
    const plan = radarOverlay(comparison, comparison.rows.slice(0, 1), titles);
    expect(plan).toMatchObject({ type: 'bar', max: 100, axisLabel: 'score (0–100)' });
    expect(plan.data.labels).toEqual(['Alpha', 'Beta']);
    expect(plan.summary).toBe('score (0–100) per questionnaire of 1 assessment');
  });

  it('draws bars with the numbers of the radar when asked (a phone), over three questionnaires too', () => {
    const comparison = compareAssessments(items);
    const radar = radarOverlay(comparison, comparison.rows, titles);
    const bars = radarOverlay(comparison, comparison.rows, titles, { bars: true });
    expect(bars).toMatchObject({ type: 'bar', max: 100 });
    expect(bars.data).toEqual(radar.data);
    expect(bars.table).toEqual(radar.table);
  });
});

describe('trendPointLabels', () => {
  it('labels a point by its date, with the title where two share a date', () => {
    expect(
      trendPointLabels([
        { date: '2024-05-01', title: 'First' },
        { date: '2025-05-01', title: 'Spring' },
        { date: '2025-05-01', title: 'Autumn' }
      ])
    ).toEqual(['2024-05-01', '2025-05-01 · Spring', '2025-05-01 · Autumn']);
  });
});

describe('trendChart', () => {
  // 2024: a 0.4, b 0.2. 2025: a provisional 0.5, b 0.3. 2026: a 0.6 at version 2.0.0, no b.
  // Overall over the one questionnaire all three share (a): 0.4, 0.5 (provisional), 0.6.
  const result = trend([
    item('y2026', 'KE', '2026-05-01', [cq('a', 0.6, { version: '2.0.0' })]),
    item('y2024', 'KE', '2024-05-01', [cq('a', 0.4), cq('b', 0.2)]),
    item('y2025', 'KE', '2025-05-01', [cq('a', 0.5, { provisional: true }), cq('b', 0.3)])
  ]);
  const chart = trendChart(result, { a: 'Alpha' });

  it('has one point per assessment, oldest first, and one line per questionnaire plus the overall', () => {
    expect(chart.labels).toEqual(['2024-05-01', '2025-05-01', '2026-05-01']);
    expect(chart.series.map((s) => s.label)).toEqual([
      'Alpha',
      'b',
      'Overall (shared questionnaires)'
    ]);
  });

  it('leaves provisional points and assessments without the questionnaire out of the line', () => {
    expect(chart.series.map((s) => s.values)).toEqual([
      [40, null, 60],
      [20, 30, null],
      [40, null, 60]
    ]);
  });

  it('marks the series break where the version changes', () => {
    expect(chart.breaks).toEqual([
      [false, false, true],
      [false, false, false],
      [false, false, true]
    ]);
  });
});
