import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeAssessment, makeQuestionnaire } from '../domain/testing/factories';
import { languageOf } from '../domain/assessment/language';
import { makeBundle, parseBundle, type BundleResult } from './bundle';
import { envelopeText } from './envelope';
import { englishLines } from './testing/problem-words';

// docs/file-formats.md, "Assessment bundle": an assessment's language travels with it, and a file
// written before assessments had one reads as English.

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/bundles/${name}`, import.meta.url), 'utf8');

function itemsOf(result: BundleResult) {
  if (!result.ok) throw new Error(englishLines(result.problems));
  return result.bundle.items;
}

describe('an assessment’s language in a bundle', () => {
  const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }] }]);
  const item = (language?: 'en' | 'fr') => ({
    assessment: makeAssessment(language ? { language } : {}),
    answers: { 'q/a': { state: 'level' as const, level: 2 } },
    actions: [],
    groupAnswers: {},
    consensusHistory: []
  });

  it('keeps French through an export and an import, in the full and the sanitised copy', () => {
    for (const sanitise of [false, true]) {
      const text = envelopeText(makeBundle([item('fr')], [q], { appVersion: '0.1.0', sanitise }));
      const [read] = itemsOf(parseBundle('fr.json', text));
      expect(read!.assessment.language).toBe('fr');
    }
  });

  it('reads an assessment without a language, and every older file, as English', () => {
    const text = envelopeText(makeBundle([item()], [q], { appVersion: '0.1.0' }));
    const [read] = itemsOf(parseBundle('old.json', text));
    expect(read!.assessment.language).toBeUndefined();
    expect(languageOf(read!.assessment)).toBe('en');
    for (const file of ['valid.json', 'sanitised.json']) {
      const items = itemsOf(parseBundle(file, fixture(file)));
      expect(items.length).toBeGreaterThan(0);
      for (const i of items) expect(languageOf(i.assessment)).toBe('en');
    }
  });

  it('refuses a language the app does not write', () => {
    const bad = item();
    const text = envelopeText(
      makeBundle([{ ...bad, assessment: { ...bad.assessment, language: 'de' as 'en' } }], [q], {
        appVersion: '0.1.0'
      })
    );
    const result = parseBundle('de.json', text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path)).toContain(
        'content.assessments[0].assessment.language'
      );
    }
  });
});
