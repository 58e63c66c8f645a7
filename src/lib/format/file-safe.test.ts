import { describe, expect, it } from 'vitest';
import { fileSafe } from './file-safe';

describe('fileSafe', () => {
  it('keeps letters and digits, drops accents and joins the rest with dashes', () => {
    expect(fileSafe('Côte d’Ivoire')).toBe('Cote-d-Ivoire');
    expect(fileSafe('  São Tomé & Príncipe 2026 ')).toBe('Sao-Tome-Principe-2026');
  });

  it('never makes a name longer than 60 characters', () => {
    expect(fileSafe('a'.repeat(100))).toHaveLength(60);
  });
});
