import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileProblem } from '$lib/domain/problems';
import { setFormatLocale } from '$lib/format/locale';
import { overwriteGetLocale, baseLocale } from '$lib/paraglide/runtime.js';
import {
  hasProblemMessage,
  problemLine,
  problemMessage,
  problemMessageKeys,
  problemPlaceText,
  problemText
} from './problem-text';

function inLanguage(locale: 'en' | 'fr') {
  overwriteGetLocale(() => locale);
  setFormatLocale(locale);
}

afterEach(() => inLanguage(baseLocale));

const tooHigh: FileProblem = {
  file: 'backup.json.age',
  code: 'age.work-factor-too-high',
  params: { workFactor: 30, limit: 20 }
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

  it('says so, with the code, when a code has no message', () => {
    inLanguage('fr');
    const p: FileProblem = { file: 'a.csv', code: 'csv.something-new' };
    expect(problemMessage(p)).toBe(
      'l’application ne sait pas décrire ce problème (csv.something-new)\u00a0: vérifiez le fichier, ou signalez-le'
    );
  });

  it('finds a code of another message area under its own key', () => {
    expect(problemMessageKeys('format.core-missing')).toEqual([
      'problems_format_core_missing',
      'format_core_missing'
    ]);
  });

  it('says where the problem is, with the row written in the language', () => {
    inLanguage('fr');
    const p: FileProblem = { file: 'a.csv', row: 1203, column: 'level', code: 'x' };
    expect(problemPlaceText(p)).toBe('a.csv, ligne 1\u202f203, colonne «\u00a0level\u00a0»');
    expect(problemPlaceText({ file: 'q.yaml', path: 'sections[0]', code: 'x' })).toBe(
      'q.yaml, à l’emplacement sections[0]'
    );
    inLanguage('en');
    expect(problemText({ ...p, code: 'age.cancelled' })).toBe(
      'a.csv, row 1,203, column “level”: Cancelled: nothing was saved.'
    );
  });

  it('prints the command line’s English line whatever the interface language', () => {
    inLanguage('fr');
    expect(
      problemLine({
        file: 'a.csv',
        row: 4,
        column: 'level',
        code: 'csv.text-too-long',
        params: { limit: 20000, length: 20001 }
      })
    ).toBe('a.csv:4:level: the text is longer than 20,000 characters (it has 20,001): shorten it');
  });

  it('picks the variant a param names and formats numbers for the language', () => {
    inLanguage('fr');
    const p: FileProblem = {
      file: 'big.csv',
      code: 'file.too-large',
      params: { kind: 'csv', size: 1234.5, limit: 100 }
    };
    expect(problemMessage(p)).toMatch(
      /^le fichier fait 1\u202f234,5 Mo, plus que les 100 Mo permis pour un CSV/
    );
    expect(
      problemMessage({
        code: 'envelope.other-format',
        params: { expected: 'bundle', found: 'backup' }
      })
    ).toContain('Sauvegarde et restauration');
  });
});

/** Every problem code written as a string literal in io, domain, storage and state. */
function writtenCodes(): Set<string> {
  const written = new Set<string>();
  const code =
    /'((?:age|csv|envelope|bundle|backup|questionnaire|schema|field|file|import|plan|groups?)\.[a-z0-9-]+)'/g;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(code)) {
          // A file name such as 'plan.csv' is not a code.
          if (!/\.(csv|json|yaml|age|txt)$/.test(m[1]!)) written.add(m[1]!);
        }
      }
    }
  };
  for (const dir of ['src/lib/io', 'src/lib/domain', 'src/lib/storage', 'src/lib/state']) walk(dir);
  return written;
}

describe('every problem code the app can produce', () => {
  const read = (locale: string) => {
    const all: Record<string, unknown> = {};
    for (const area of readdirSync('messages')) {
      Object.assign(all, JSON.parse(readFileSync(`messages/${area}/${locale}.json`, 'utf8')));
    }
    return all;
  };
  const codes = [...writtenCodes()];

  it('is found in the code (the scan works)', () => {
    expect(codes.length).toBeGreaterThan(100);
    expect(codes).toContain('envelope.checksum');
    expect(codes).toContain('schema.id-format');
    expect(codes).toContain('questionnaire.level-undescribed');
  });

  it('has its message in English and in French', () => {
    for (const locale of ['en', 'fr']) {
      const messages = read(locale);
      const missing = codes.filter((c) => !problemMessageKeys(c).some((k) => k in messages));
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });

  it('is rendered from its message, never from the fallback', () => {
    expect(codes.filter((c) => !hasProblemMessage(c))).toEqual([]);
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
      }
    };
    expect(problemText(p)).toBe(
      'réponses.csv, ligne 4, colonne «\u00a0level\u00a0»\u00a0: le niveau «\u00a09\u00a0» est hors de l’échelle de «\u00a0ncs\u00a0» (1 à 5)\u00a0: écrivez 1, 2, 3, 4, 5 ou un libellé (Start-up)'
    );
  });
});
