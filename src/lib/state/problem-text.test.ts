import { afterEach, describe, expect, it } from 'vitest';
import type { FileProblem } from '$lib/domain/problems';
import { setFormatLocale } from '$lib/format/locale';
import { m } from '$lib/paraglide/messages.js';
import { overwriteGetLocale, baseLocale } from '$lib/paraglide/runtime.js';
import {
  problemMessage,
  problemPlaceText,
  problemText,
  translatedProblemCodes
} from './problem-text';

function inLanguage(locale: 'en' | 'fr') {
  overwriteGetLocale(() => locale);
  setFormatLocale(locale);
}

afterEach(() => inLanguage(baseLocale));

const tooHigh: FileProblem = {
  file: 'backup.json.age',
  code: 'age.work-factor-too-high',
  params: { workFactor: 30, limit: 20 },
  message: 'This file asks for a passphrase work factor of 2^30, above the 2^20 …'
};

describe('problem text', () => {
  it('renders a problem’s code and params in the interface language', () => {
    inLanguage('fr');
    expect(problemMessage(tooHigh)).toMatch(/^Ce fichier demande un facteur de travail de 2\^30/);
    expect(problemMessage(tooHigh)).toContain('2^20');
    inLanguage('en');
    expect(problemMessage(tooHigh)).toMatch(
      /^This file asks for a passphrase work factor of 2\^30/
    );
  });

  it('falls back to the English message for a code without a translation yet', () => {
    inLanguage('fr');
    const p: FileProblem = { file: 'a.csv', code: 'csv.something-new', message: 'Write 1 to 5.' };
    expect(problemMessage(p)).toBe('Write 1 to 5.');
  });

  it('says where the problem is, with the row written in the language', () => {
    inLanguage('fr');
    const p: FileProblem = { file: 'a.csv', row: 1203, column: 'level', code: 'x', message: 'm' };
    expect(problemPlaceText(p)).toBe('a.csv, ligne 1\u202f203, colonne «\u00a0level\u00a0»');
    expect(problemPlaceText({ file: 'q.yaml', path: 'sections[0]', code: 'x', message: '' })).toBe(
      'q.yaml, à l’emplacement sections[0]'
    );
    inLanguage('en');
    expect(problemText({ ...p, code: 'age.cancelled' })).toBe(
      'a.csv, row 1,203, column “level”: Cancelled: nothing was saved.'
    );
  });

  it('has a message for every code it lists', () => {
    const keys = Object.keys(m);
    for (const code of translatedProblemCodes) {
      expect(keys).toContain(`problems_${code.replace(/[.-]/g, '_')}`);
    }
  });
});
