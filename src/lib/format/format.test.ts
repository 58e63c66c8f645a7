import { afterEach, describe, expect, it } from 'vitest';
import { countryNameIn } from './countries';
import { formatDate, formatTimestamp } from './dates';
import { formatLocale, setFormatLocale } from './locale';
import { formatDecimal, formatNumber, formatPercentage } from './numbers';
import { plural, pluralCategory } from './plural';

// Intl writes French thousands with a narrow no-break space (U+202F) and the space before "%"
// as a no-break space (U+00A0).
const nnbsp = '\u202f';
const nbsp = '\u00a0';

afterEach(() => setFormatLocale('en'));

describe('numbers', () => {
  it('writes a decimal comma and spaced thousands in French, a point and commas in English', () => {
    expect(formatDecimal(72.5, 'fr')).toBe('72,5');
    expect(formatDecimal(72.5, 'en')).toBe('72.5');
    expect(formatDecimal(3, 'fr')).toBe('3,0');
    expect(formatNumber(2000, 'fr')).toBe(`2${nnbsp}000`);
    expect(formatNumber(2000, 'en')).toBe('2,000');
  });

  it('writes percentages with the language’s sign and spacing, without rounding again', () => {
    expect(formatPercentage(72.5, 'fr')).toBe(`72,5${nbsp}%`);
    expect(formatPercentage(72.5, 'en')).toBe('72.5%');
    // 13.8 and 0.1 are not exact in binary; what the scoring module rounded is what is shown.
    expect(formatPercentage(13.8, 'en')).toBe('13.8%');
    expect(formatPercentage(0.1, 'en')).toBe('0.1%');
    expect(formatPercentage(100, 'fr')).toBe(`100,0${nbsp}%`);
  });

  it('shows the chosen placeholder for a missing figure', () => {
    expect(formatDecimal(null, 'fr')).toBe('—');
    expect(formatPercentage(null, 'en', '')).toBe('');
  });

  it('follows the language set at start when none is given', () => {
    expect(formatLocale()).toBe('en');
    setFormatLocale('fr');
    expect(formatDecimal(2.4)).toBe('2,4');
    expect(formatDate('2026-12-06')).toBe('6 décembre 2026');
  });
});

describe('dates', () => {
  it('writes a calendar day in words, the same day whatever the time zone', () => {
    expect(formatDate('2026-12-06', 'fr')).toBe('6 décembre 2026');
    expect(formatDate('2026-12-06', 'en')).toBe('December 6, 2026');
    expect(formatDate('2026-01-01', 'fr')).toBe('1 janvier 2026');
  });

  it('returns text that is not a day unchanged', () => {
    expect(formatDate('', 'fr')).toBe('');
    expect(formatDate('soon', 'fr')).toBe('soon');
  });

  it('writes a moment with date and time in the language', () => {
    const text = formatTimestamp('2026-12-06T10:05:00Z', 'fr');
    expect(text).toMatch(/déc\. 2026/);
    expect(formatTimestamp('not a time', 'fr')).toBe('not a time');
  });
});

describe('plurals', () => {
  it('uses each language’s rule: French counts 0 and 1 as one', () => {
    expect(pluralCategory(0, 'fr')).toBe('one');
    expect(pluralCategory(1, 'fr')).toBe('one');
    expect(pluralCategory(2, 'fr')).toBe('other');
    expect(pluralCategory(0, 'en')).toBe('other');
    expect(pluralCategory(1, 'en')).toBe('one');
  });

  it('keeps the English helper for the command line', () => {
    expect(plural(1, 'assessment')).toBe('1 assessment');
    expect(plural(2000, 'assessment')).toBe('2,000 assessments');
  });
});

describe('country names', () => {
  it('keeps the app’s English names and gives French ones in French', () => {
    expect(countryNameIn('CM', 'Cameroon', 'en')).toBe('Cameroon');
    expect(countryNameIn('CM', 'Cameroon', 'fr')).toBe('Cameroun');
    expect(countryNameIn('MU', 'Mauritius', 'fr')).toBe('Maurice');
  });

  it('falls back to the English name for a code the browser does not know', () => {
    expect(countryNameIn('XX', 'Nowhere', 'fr')).toBe('Nowhere');
  });
});
