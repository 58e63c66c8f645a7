import { afterEach, describe, expect, it } from 'vitest';
import { problemText } from '../problem-text';
import { makeAssessment } from '$lib/domain/testing/factories';
import { setFormatLocale } from '$lib/format/locale';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';
import type { ImportResult } from '$lib/storage/transfer';
import { resultsFileStem } from '../results-exports';
import { mergeBundles } from './bundle-merge';
import { importSummary } from './imports';

type Done = Extract<ImportResult, { ok: true }>;

function done(counts: Partial<Done['counts']>): Done {
  const all = {
    added: 0,
    replaced: 0,
    copied: 0,
    skipped: 0,
    questionnairesAdded: 0,
    assessments: [],
    ...counts
  };
  return { ok: true, counts: all } as Done;
}

function inLanguage(locale: 'en' | 'fr') {
  overwriteGetLocale(() => locale);
  setFormatLocale(locale);
}

describe('what an import did, in one sentence', () => {
  afterEach(() => inLanguage(baseLocale));

  it('says it in English, with the count deciding singular or plural', () => {
    expect(importSummary(done({ added: 2, copied: 1, questionnairesAdded: 1 }))).toBe(
      'Imported: 2 added, 1 kept beside an existing one; 1 questionnaire version stored.'
    );
    expect(importSummary(done({ added: 1, questionnairesAdded: 3 }))).toBe(
      'Imported: 1 added; 3 questionnaire versions stored.'
    );
    expect(importSummary(done({}))).toBe('Imported: nothing changed.');
  });

  it('says it in French on a French screen', () => {
    inLanguage('fr');
    expect(importSummary(done({ added: 2, skipped: 1, questionnairesAdded: 1 }))).toBe(
      'Import terminé\u00a0: 2 évaluations ajoutées, 1 évaluation ignorée\u00a0; ' +
        '1 version de questionnaire enregistrée.'
    );
    expect(importSummary(done({}))).toBe('Import terminé\u00a0: aucun changement.');
  });

  it('refuses two files holding one assessment in the interface language', () => {
    inLanguage('fr');
    const kenya = makeAssessment({ id: 'ke', title: 'Kenya 2026' });
    const bundle = (file: string) => ({
      file,
      appVersion: '1',
      exportedAt: '2026-12-06T00:00:00Z',
      sanitised: false,
      items: [{ assessment: kenya, answers: [] }],
      questionnaires: []
    });
    const merged = mergeBundles([bundle('a.json'), bundle('b.json')] as never);
    expect(merged.ok).toBe(false);
    if (!merged.ok) {
      expect(problemText(merged.problems[0]!)).toMatch(
        /^b\.json\u00a0: l’évaluation «\u00a0Kenya 2026\u00a0» .* a\.json/
      );
    }
  });
});

describe('results file names', () => {
  afterEach(() => inLanguage(baseLocale));

  it('name the country in the interface language, ASCII-safe', () => {
    const de = makeAssessment({ country: 'DE', date: '2026-11-01', classification: 'AMBER' });
    expect(resultsFileStem(de)).toBe('Germany_2026-11-01_AMBER');
    inLanguage('fr');
    expect(resultsFileStem(de)).toBe('Allemagne_2026-11-01_AMBER');
  });
});
