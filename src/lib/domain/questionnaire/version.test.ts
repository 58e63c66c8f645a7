import { describe, expect, it } from 'vitest';
import { compareVersions, versionKey } from './version';

describe('compareVersions', () => {
  it('orders numeric parts as numbers, not as text', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0', '10.0.0')).toBeLessThan(0);
  });
  it('treats equal versions as equal and a shorter prefix as older', () => {
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0', '1.0')).toBeGreaterThan(0);
  });
  it('sorts versions that are not semantic as text, consistently both ways', () => {
    expect(Math.sign(compareVersions('1.0.beta', '1.0.alpha'))).toBe(1);
    expect(Math.sign(compareVersions('1.0.alpha', '1.0.beta'))).toBe(-1);
    expect(['1.2.0', '1.10.0', '1.0.0', 'draft'].sort(compareVersions)).toEqual([
      '1.0.0',
      '1.2.0',
      '1.10.0',
      'draft'
    ]);
  });
});

describe('versionKey', () => {
  it('joins id and version with @', () => {
    expect(versionKey('privacy-data-protection', '1.0.0')).toBe('privacy-data-protection@1.0.0');
  });
});
