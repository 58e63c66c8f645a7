import { describe, expect, it } from 'vitest';
import { SERIES_COLOURS, heatColour, seriesColour, seriesDash } from './palette';

const HEX = /^#[0-9a-f]{6}$/i;

describe('heatColour', () => {
  it('darkens with the score, white for no score', () => {
    expect(heatColour(null).background).toBe('#ffffff');
    expect(heatColour(0).background).toBe('#f1f6fb');
    expect(heatColour(100).background).toBe('#0b3d6e');
    expect(heatColour(100).text).toBe('#ffffff');
  });

  it.each([
    ['below 0', -5, '#f1f6fb'],
    ['above 100', 953, '#0b3d6e'],
    ['-Infinity', -Infinity, '#f1f6fb'],
    ['Infinity', Infinity, '#0b3d6e']
  ])('clamps a score %s to the scale (issue 12)', (_name, percent, background) => {
    expect(heatColour(percent)).toEqual({
      background,
      text: expect.stringMatching(HEX) as unknown as string
    });
  });

  it('treats NaN as no score instead of failing', () => {
    expect(heatColour(NaN)).toEqual(heatColour(null));
  });
});

describe('series colours and dashes', () => {
  it('give a colour and a dash for any index, negative and fractional ones too', () => {
    for (const i of [0, 7, 8, -1, -9, 2.5, NaN]) {
      expect(seriesColour(i)).toMatch(HEX);
      expect(Array.isArray(seriesDash(i))).toBe(true);
    }
    expect(seriesColour(-1)).toBe(SERIES_COLOURS[SERIES_COLOURS.length - 1]);
  });
});
