import { describe, expect, it } from 'vitest';
import { chartTable, valueText } from './table';

describe('valueText', () => {
  it.each([
    [72.5, '72.5'],
    [0, '0.0'],
    [-13.8, '-13.8'],
    [100, '100.0'],
    [null, '—'],
    [undefined, '—']
  ])('writes %s as %j', (value, text) => {
    expect(valueText(value)).toBe(text);
  });

  it('adds a suffix to numbers only', () => {
    expect(valueText(40, '%')).toBe('40.0%');
    expect(valueText(null, '%')).toBe('—');
  });
});

describe('chartTable', () => {
  it('turns series into columns and labels into rows, a missing value into a dash', () => {
    const table = chartTable({
      labels: ['Privacy', 'Standards'],
      series: [
        { label: 'Current', values: [41.3, null] },
        { label: 'Target', values: [50] }
      ]
    });
    expect(table).toEqual({
      corner: '',
      columns: ['Current', 'Target'],
      rows: [
        { label: 'Privacy', cells: ['41.3', '50.0'] },
        { label: 'Standards', cells: ['—', '—'] }
      ]
    });
  });
});
