import type { ScriptableLineSegmentContext } from 'chart.js';
import { describe, expect, it } from 'vitest';
import type { TrendChartData } from './comparison-charts';
import { trendConfig } from './trend-chart';

// Three assessments; the questionnaire changed version at the third, which the overall shares.
const data: TrendChartData = {
  labels: ['2024-05-01', '2025-05-01', '2026-05-01'],
  series: [
    { label: 'Privacy', values: [40, null, 60] },
    { label: 'Overall (shared questionnaires)', values: [40, 50, 60] }
  ],
  breaks: [
    [false, false, true],
    [false, false, false]
  ]
};

/** The dash chart.js would draw for the segment that ends at point `end`. */
function dashInto(dataset: { segment?: unknown }, end: number): number[] | undefined {
  const segment = dataset.segment as {
    borderDash: (ctx: ScriptableLineSegmentContext) => number[] | undefined;
  };
  return segment.borderDash({
    p0DataIndex: end - 1,
    p1DataIndex: end
  } as ScriptableLineSegmentContext);
}

describe('trendConfig', () => {
  const config = trendConfig(data);

  it('draws one line per series over the assessments, leaving gaps where a value is missing', () => {
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(data.labels);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Privacy', [40, null, 60]],
      ['Overall (shared questionnaires)', [40, 50, 60]]
    ]);
    expect(config.data.datasets.every((d) => d.spanGaps === false)).toBe(true);
  });

  it('marks the first point after a version change with a large triangle', () => {
    const [privacy, overall] = config.data.datasets;
    expect(privacy!.pointStyle).toEqual(['circle', 'circle', 'triangle']);
    expect(privacy!.pointRadius).toEqual([3, 3, 8]);
    expect(overall!.pointStyle).toEqual(['circle', 'circle', 'circle']);
  });

  it('dashes the segment that leads into a break, and only that one', () => {
    const [privacy, overall] = config.data.datasets;
    expect(dashInto(privacy!, 2)).toEqual([3, 4]);
    expect(dashInto(privacy!, 1)).toBeUndefined();
    expect(dashInto(overall!, 2)).toBeUndefined();
  });

  it('leaves the data it was given untouched', () => {
    expect(data.series[0]!.values).toEqual([40, null, 60]);
    expect(data.breaks[0]).toEqual([false, false, true]);
  });
});
