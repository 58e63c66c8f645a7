import { afterEach, describe, expect, it } from 'vitest';
import { setFormatLocale } from '$lib/format/locale';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { comparisonFileName, countryReportFileName } from './file-names';
import type { AnswerMap } from '$lib/domain/assessment/model';
import { scoreAssessment } from '$lib/domain/scoring/score';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import {
  answerText,
  levelText,
  levelValueText,
  percentText,
  provenanceNote,
  scoreText,
  stageText,
  targetText
} from './labels';

// Four maturity questions on the scale 1–5, where level L scores (L − 1) / 4.
const Q = makeQuestionnaire('q', [
  {
    id: 's',
    questions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'y', type: 'binary' }]
  }
]);

function scored(answers: AnswerMap) {
  return scoreAssessment({ questionnaires: [Q], answers }).questionnaires[0]!;
}

const level = (value: number) => ({ state: 'level' as const, level: value });

// a 5 → 1, b 2 → 0.25, c 3 → 0.5, d 1 → 0, y yes → 1: mean 2.75 / 5 = 0.55, every question answered.
const full = scored({
  'q/a': level(5),
  'q/b': level(2),
  'q/c': level(3),
  'q/d': level(1),
  'q/y': { state: 'level', level: 'yes' }
});
// Only a (5 → 1.0) of five: coverage 20%, so the score is provisional.
const thin = scored({ 'q/a': level(5) });
const empty = scored({});

describe('scoreText', () => {
  it('writes the score with one decimal, as the results screen does', () => {
    expect(scoreText(full)).toBe('55.0');
  });

  it('marks a provisional score, but not a missing one', () => {
    expect(scoreText(thin)).toBe('100.0 (prov.)');
    expect(scoreText(empty)).toBe('—');
  });
});

describe('percentText', () => {
  it.each([
    [0.2, '20.0%'],
    [1, '100.0%'],
    [0.13749, '13.7%'],
    [0.1375, '13.8%']
  ])('writes the share %s as %j', (share, text) => {
    expect(percentText(share)).toBe(text);
  });
});

describe('levelText', () => {
  it('gives the equivalent level on the scale: 1 + 0.55 × (5 − 1) = 3.2 of 5', () => {
    expect(levelText(full, full.scale)).toBe('3.2 of 5');
  });

  it('is a dash without a score or a scale', () => {
    expect(levelText(empty, empty.scale)).toBe('—');
    expect(levelText(full, null)).toBe('—');
  });
});

describe('stageText', () => {
  it('names a stage by the label of its level', () => {
    expect(stageText(3, full.scale)).toBe('Established');
  });

  it('falls back to the number off the scale, and a dash without a stage', () => {
    expect(stageText(9, full.scale)).toBe('9');
    expect(stageText(null, full.scale)).toBe('—');
  });
});

describe('levelValueText and targetText', () => {
  it.each([
    [3, '3 Established'],
    [1, '1 Start-up'],
    ['partial', 'Partly'],
    ['yes', 'Yes'],
    [null, '—']
  ] as const)('write %j as %j', (value, text) => {
    expect(levelValueText(Q, value)).toBe(text);
    if (value !== null) expect(targetText(Q, value)).toBe(text);
  });

  it('write a value off the scale as the bare number', () => {
    expect(levelValueText(Q, 9)).toBe('9');
    expect(levelValueText(undefined, 3)).toBe('3');
  });
});

describe('answerText', () => {
  it.each([
    [{ state: 'level', level: 4 }, '4 Strategic'],
    [{ state: 'level', level: 'no' }, 'No'],
    [{ state: 'na', naReason: 'No sea ports' }, 'Not applicable — No sea ports'],
    [{ state: 'unknown' }, "Don't know"],
    [{ state: 'restricted' }, 'Cannot disclose'],
    [{ comment: 'Only a note' }, 'Not answered'],
    [undefined, 'Not answered']
  ] as const)('writes %j as %j', (answer, text) => {
    expect(answerText(Q, answer)).toBe(text);
  });
});

describe('provenanceNote', () => {
  it('calls an assessment that was not validated a self-assessment', () => {
    expect(provenanceNote(makeAssessment())).toBe('Self-assessment — not independently validated');
  });

  it('names who validated it and when, or an external reviewer when no name was given', () => {
    const validated = (validatedBy: string, validatedOn: string) => {
      const a = makeAssessment();
      return {
        ...a,
        provenance: { ...a.provenance, mode: 'validated' as const, validatedBy, validatedOn }
      };
    };
    expect(provenanceNote(validated('ITU', '2026-10-01'))).toBe(
      'Validated by ITU on October 1, 2026'
    );
    expect(provenanceNote(validated('  ', ''))).toBe('Validated by an external reviewer');
  });
});

describe('in French', () => {
  function inLanguage(locale: 'en' | 'fr') {
    overwriteGetLocale(() => locale);
    setFormatLocale(locale);
  }
  afterEach(() => inLanguage(baseLocale));

  it('writes figures with a decimal comma and the glossary’s stage and answer words', () => {
    inLanguage('fr');
    expect(scoreText(thin)).toBe('100,0 (prov.)');
    expect(percentText(0.2)).toBe('20,0\u00a0%');
    expect(levelText(full, full.scale)).toBe('3,2 sur 5');
    expect(stageText(3, full.scale)).toBe('Établi');
    expect(levelValueText(Q, 1)).toBe('1 Démarrage');
    expect(levelValueText(Q, 'partial')).toBe('Partiel');
    expect(answerText(Q, { state: 'unknown' })).toBe('Ne sais pas');
    expect(answerText(Q, { state: 'restricted' })).toBe('Confidentiel');
    expect(answerText(Q, { state: 'na', naReason: 'Pas de port' })).toBe(
      'Sans objet — Pas de port'
    );
  });

  it('names files with French words, kept ASCII', () => {
    inLanguage('fr');
    expect(countryReportFileName(makeAssessment({ country: 'CI', date: '2026-11-28' }))).toBe(
      'Cote-d-Ivoire_2026-11-28_rapport-pays_AMBER.pdf'
    );
    expect(comparisonFileName('2026-11-28', 'RED', 'pdf')).toBe('comparaison_2026-11-28_RED.pdf');
  });
});
