import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { binaryWord, figureStageWord, stageWord, statusWord } from './domain-words';

const english = () => 'en' as const;
afterEach(() => overwriteGetLocale(english));

describe('domain words', () => {
  it('names the five CMM stages with the glossary’s words, whatever their spelling', () => {
    overwriteGetLocale(() => 'fr');
    expect(['Start-up', 'Formative', 'Established', 'Strategic', 'Dynamic'].map(stageWord)).toEqual(
      ['Démarrage', 'Formatif', 'Établi', 'Stratégique', 'Dynamique']
    );
    expect(stageWord('start up')).toBe('Démarrage');
  });

  it('keeps a stage name it does not know as the questionnaire wrote it', () => {
    overwriteGetLocale(() => 'fr');
    expect(stageWord('Initial')).toBe('Initial');
    const scale = { min: 1, max: 3, levels: [{ value: 2, label: 'Established' }] };
    expect(figureStageWord(scale, 2)).toBe('Établi');
    expect(figureStageWord(scale, 3)).toBe('3');
    expect(figureStageWord(scale, null)).toBeNull();
  });

  it('says why a question counted or not, and a binary answer, in the interface language', () => {
    expect(statusWord('unknown')).toBe("left out: don't know");
    expect(binaryWord('partial')).toBe('Partly');
    overwriteGetLocale(() => 'fr');
    expect(statusWord('unknown')).toBe('non prise en compte\u00a0: je ne sais pas');
    expect(binaryWord('partial')).toBe('Partiellement');
  });
});
