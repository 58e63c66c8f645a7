import { describe, expect, it } from 'vitest';
import { formatFixed, formatRulePercentage } from './fixed';

describe('formatFixed', () => {
  it('writes the decimals asked for, with the language’s decimal sign', () => {
    expect(formatFixed(0.25, 2, 'en')).toBe('0.25');
    expect(formatFixed(0.5, 2, 'fr')).toBe('0,50');
    expect(formatFixed(7 / 12, 3, 'fr')).toBe('0,583');
    expect(formatFixed(4 / 9, 3, 'en')).toBe('0.444');
  });
});

describe('formatRulePercentage', () => {
  it('writes a threshold as a whole percentage in the language', () => {
    expect(formatRulePercentage(0.8, 'en')).toBe('80%');
    expect(formatRulePercentage(0.7, 'fr')).toBe('70\u00a0%');
  });
});
