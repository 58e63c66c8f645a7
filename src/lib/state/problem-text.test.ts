import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AGE_PROBLEM_CODES } from '$lib/io/age';
import { CSV_PROBLEM_CODES } from '$lib/io/answers-csv';
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

describe('every problem code the app can produce', () => {
  const codes = [...AGE_PROBLEM_CODES, ...CSV_PROBLEM_CODES];
  const read = (locale: string) =>
    JSON.parse(readFileSync(`messages/problems/${locale}.json`, 'utf8')) as Record<string, unknown>;
  const key = (code: string) => `problems_${code.replace(/[.-]/g, '_')}`;

  it('is rendered from its message, not the English sentence it carries', () => {
    expect(codes.filter((c) => !translatedProblemCodes.includes(c))).toEqual([]);
  });

  it('has its message in English and in French', () => {
    for (const locale of ['en', 'fr']) {
      const messages = read(locale);
      expect(codes.map(key).filter((k) => !(k in messages))).toEqual([]);
    }
  });

  it('is listed: every code written in io is in one of the lists above', () => {
    const written = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
          for (const m of readFileSync(path, 'utf8').matchAll(/'((?:age|csv)\.[a-z-]+)'/g)) {
            written.add(m[1]!);
          }
        }
      }
    };
    walk('src/lib/io');
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((c) => !codes.includes(c as never))).toEqual([]);
  });

  it('reads a CSV level problem in French with the file’s own words kept', () => {
    inLanguage('fr');
    const p: FileProblem = {
      file: 'réponses.csv',
      row: 4,
      column: 'level',
      code: 'csv.level-off-scale',
      params: {
        text: '9',
        questionnaire: 'ncs',
        min: 1,
        max: 5,
        values: '1, 2, 3, 4, 5',
        labels: 'Start-up'
      },
      message: 'level "9" is outside the scale …'
    };
    expect(problemText(p)).toBe(
      'réponses.csv, ligne 4, colonne «\u00a0level\u00a0»\u00a0: le niveau «\u00a09\u00a0» est hors de l’échelle de «\u00a0ncs\u00a0» (1 à 5)\u00a0: écrivez 1, 2, 3, 4, 5 ou un libellé (Start-up)'
    );
  });
});
