import { describe, expect, it } from 'vitest';
import { ISO_3166_CODES, countryName } from './countries';
import { countryMatch, searchForm } from './country-search';

/** The countries an official would see for what they typed, best first. */
function find(typed: string): string[] {
  return ISO_3166_CODES.map((code) => ({
    code,
    score: countryMatch({ code, names: [countryName(code)] }, typed)
  }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .map((x) => x.code);
}

describe('finding a country by what an official types', () => {
  it('finds the Saints by "Saint", "St" and "st lucia"', () => {
    for (const typed of ['Saint', 'St', 'st.']) {
      expect(find(typed)).toEqual(expect.arrayContaining(['LC', 'KN', 'VC']));
    }
    expect(find('Saint')).not.toContain('EE'); // not every name with "st" in it
    expect(find('st lucia')).toEqual(['LC']);
    expect(find('Saint Lucia')).toEqual(['LC']);
    expect(find('saint vincent')).toEqual(['VC']);
  });

  it('finds Côte d’Ivoire with or without accents and as "Ivory Coast"', () => {
    for (const typed of [
      "Cote d'Ivoire",
      'Côte d’Ivoire',
      'cote divoire',
      'Ivory Coast',
      'ivory'
    ]) {
      expect(find(typed)[0], typed).toBe('CI');
    }
  });

  it('finds a country by its ISO code first', () => {
    expect(find('KE')[0]).toBe('KE');
    expect(find('gb')[0]).toBe('GB');
    expect(find('LC')[0]).toBe('LC');
  });

  it('finds names without their accents and by former names', () => {
    expect(find('Sao Tome')).toEqual(['ST']);
    expect(find('Curacao')).toEqual(['CW']);
    expect(find('Swaziland')).toEqual(['SZ']);
    expect(find('Turkey')).toEqual(['TR']);
    expect(find('United Kingdom')[0]).toBe('GB');
  });

  it('finds a part of a name of three letters or more', () => {
    expect(find('land')).toEqual(expect.arrayContaining(['FI', 'NZ', 'IE']));
    expect(find('zzz')).toEqual([]);
  });

  it('writes names in one comparable form', () => {
    expect(searchForm('St. Kitts & Nevis')).toBe('st kitts and nevis');
    expect(searchForm('Sainte-Lucie')).toBe('st lucie');
    expect(searchForm('  Côte d’Ivoire ')).toBe('cote d ivoire');
  });
});
