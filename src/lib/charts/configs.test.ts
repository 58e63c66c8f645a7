import { describe, expect, it } from 'vitest';
import { chartConfig } from './configs';
import type { ChartShape } from './types';

const data = {
  labels: ['Alpha', 'Beta', 'Gamma'],
  series: [
    { label: 'Current', values: [40, null, 62.5] },
    { label: 'Target', values: [50, 50, 75] }
  ]
};

describe('chartConfig', () => {
  it('draws a radar on a 0–100 scale with one dataset per series, unscored points spanned', () => {
    const config = chartConfig({ type: 'radar', data });
    expect(config.type).toBe('radar');
    expect(config.data.labels).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Current', [40, null, 62.5]],
      ['Target', [50, 50, 75]]
    ]);
    expect(config.options?.scales?.r).toMatchObject({ min: 0, max: 100 });
  });

  it('draws horizontal bars with the value axis titled, at the maximum the shape asks', () => {
    const shape: ChartShape = { type: 'bar', data, horizontal: true, axisLabel: 'points', max: 60 };
    const config = chartConfig(shape);
    expect(config.type).toBe('bar');
    expect(config.options).toMatchObject({ indexAxis: 'y' });
    expect(config.options?.scales?.x).toMatchObject({
      min: 0,
      max: 60,
      title: { display: true, text: 'points' }
    });
  });

  it('is not responsive and uses larger radar labels for print', () => {
    const config = chartConfig({ type: 'radar', data }, { print: true });
    expect(config.options?.responsive).toBe(false);
    expect(config.options?.scales?.r).toMatchObject({ pointLabels: { font: { size: 14 } } });
  });
});

describe('chartConfig in a language', () => {
  it('writes tick and tooltip numbers in the language asked for, the browser’s otherwise', () => {
    expect(chartConfig({ type: 'radar', data }, { locale: 'fr' }).options).toMatchObject({
      locale: 'fr'
    });
    expect(chartConfig({ type: 'bar', data }, { locale: 'fr' }).options).toMatchObject({
      locale: 'fr'
    });
    expect(chartConfig({ type: 'radar', data }).options).not.toHaveProperty('locale');
  });
});
