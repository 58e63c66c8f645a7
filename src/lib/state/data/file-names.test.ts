import { afterEach, describe, expect, it } from 'vitest';
import { setFormatLocale } from '$lib/format/locale';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import {
  backupFileName,
  bundleFileName,
  highestClassification,
  templateFileName
} from './file-names';

const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }] }]);

describe('file names say what the file holds', () => {
  const kenya = makeAssessment({ country: 'KE', date: '2026-11-01', classification: 'AMBER' });
  const uganda = makeAssessment({ country: 'UG', date: '2026-10-15', classification: 'RED' });

  it('takes the most restrictive classification', () => {
    expect(highestClassification(['GREEN', 'AMBER+STRICT', 'AMBER'])).toBe('AMBER+STRICT');
    expect(highestClassification(['CLEAR', 'RED', 'GREEN'])).toBe('RED');
    expect(highestClassification([])).toBeNull();
  });

  it('names a bundle by country, date, count, sanitising and classification', () => {
    expect(bundleFileName([kenya])).toBe('Kenya_2026-11-01_bundle_AMBER.json');
    expect(bundleFileName([kenya], true)).toBe('Kenya_2026-11-01_bundle-sanitised_AMBER.json');
    expect(bundleFileName([kenya, { ...kenya, date: '2025-11-01' }], false, '2026-11-28')).toBe(
      'Kenya_2026-11-28_bundle-2-assessments_AMBER.json'
    );
    expect(bundleFileName([kenya, uganda], false, '2026-11-28')).toBe(
      '2-countries_2026-11-28_bundle-2-assessments_RED.json'
    );
  });

  it('names backups and templates', () => {
    expect(backupFileName([], '2026-11-28')).toBe('ncs-backup_2026-11-28.json');
    expect(backupFileName([kenya, uganda], '2026-11-28')).toBe('ncs-backup_2026-11-28_RED.json');
    expect(backupFileName([kenya], '2026-11-28', 'safety')).toBe(
      'ncs-backup_2026-11-28_before-restore_AMBER.json'
    );
    expect(templateFileName(null, [q])).toBe('answer-template_q_1.0.0.csv');
    expect(templateFileName(null, [q, q], '2026-11-28')).toBe(
      'answer-template_2-questionnaires_2026-11-28.csv'
    );
    expect(templateFileName(kenya, [q])).toBe('Kenya_2026-11-01_answer-template_AMBER.csv');
  });
});

describe('in French', () => {
  function inLanguage(locale: 'en' | 'fr') {
    overwriteGetLocale(() => locale);
    setFormatLocale(locale);
  }
  afterEach(() => inLanguage(baseLocale));

  it('names files with French words and French country names, kept ASCII', () => {
    inLanguage('fr');
    const ci = makeAssessment({ country: 'CI', date: '2026-11-01', classification: 'AMBER' });
    const uganda = makeAssessment({ country: 'UG', date: '2026-10-15', classification: 'RED' });
    expect(bundleFileName([ci], true)).toBe(
      'Cote-d-Ivoire_2026-11-01_fichier-evaluation-expurge_AMBER.json'
    );
    expect(bundleFileName([ci, uganda], false, '2026-11-28')).toBe(
      '2-pays_2026-11-28_fichier-evaluation-2-evaluations_RED.json'
    );
    expect(backupFileName([ci], '2026-11-28', 'safety')).toBe(
      'sauvegarde-snc_2026-11-28_avant-restauration_AMBER.json'
    );
    expect(templateFileName(uganda, [q])).toBe('Ouganda_2026-10-15_modele-de-reponses_RED.csv');
  });
});
