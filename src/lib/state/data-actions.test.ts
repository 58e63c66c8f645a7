import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { readAnswersCsv, writeAnswersCsv } from '$lib/io/answers-csv';
import type { ParsedBundle } from '$lib/io/bundle';
import { getAnswers, getAssessment } from '$lib/storage/assessments';
import { openDatabase, useDatabase, type NcsDatabase } from '$lib/storage/db';
import { analyseBundle, importBundle } from '$lib/storage/transfer';
import {
  backupDue,
  backupFileName,
  bundleFileName,
  changesForAssessment,
  csvBundle,
  highestClassification,
  mergeBundles,
  previewCsv,
  templateFileName
} from './data-actions';

const NOW = '2026-11-28T10:00:00.000Z';
const q = makeQuestionnaire('q', [
  { id: 's', questions: [{ id: 'a' }, { id: 'b', type: 'binary' }, { id: 'c', naAllowed: true }] }
]);

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

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

describe('backupDue', () => {
  const now = new Date('2026-11-28T10:00:00Z');
  it('reminds when there was never a backup', () => {
    expect(backupDue(null, now)).toEqual({ due: true, days: null });
  });
  it('reminds after more than 30 days, not before', () => {
    expect(backupDue('2026-10-29T10:00:00Z', now)).toEqual({ due: false, days: 30 });
    expect(backupDue('2026-10-28T09:00:00Z', now)).toEqual({ due: true, days: 31 });
  });
});

describe('changesForAssessment', () => {
  const assessment = makeAssessment({ id: 'ke', questionnaires: [{ id: 'q', version: '1.0.0' }] });

  it('replaces answered questions, keeps the review flag, stamps the time', () => {
    const parsed = readAnswersCsv('a.csv', 'questionnaire_id,question_id,level\nq,a,3\nq,b,\n', [
      q
    ]);
    if (!parsed.ok) throw new Error('fixture');
    const result = changesForAssessment(
      'a.csv',
      assessment,
      parsed.assessments,
      {
        'q/a': { state: 'level', level: 1, flagged: true },
        'q/b': { state: 'level', level: 'no' }
      },
      NOW
    );
    expect(result).toEqual({
      ok: true,
      value: [{ key: 'q/a', answer: { state: 'level', level: 3, flagged: true, updatedAt: NOW } }]
    });
  });

  it('refuses rows that name another assessment', () => {
    const parsed = readAnswersCsv(
      'a.csv',
      'assessment_id,questionnaire_id,question_id,level\nug-2026,q,a,3\n',
      [q]
    );
    if (!parsed.ok) throw new Error('fixture');
    const result = changesForAssessment('a.csv', assessment, parsed.assessments, {}, NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      {
        file: 'a.csv',
        row: 2,
        column: 'assessment_id',
        message: expect.stringContaining('these rows are for assessment "ug-2026"') as unknown
      }
    ]);
  });
});

describe('csvBundle', () => {
  let db: NcsDatabase;
  beforeEach(() => {
    db = openDatabase(`data-actions-${Math.random()}`);
    useDatabase(db);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('turns an exported answers CSV back into the same assessment and answers', async () => {
    const original = makeAssessment({
      id: 'ke-2026',
      target: 4,
      respondent: 'Ministry of ICT',
      questionnaires: [{ id: 'q', version: '1.0.0' }]
    });
    const answers = {
      'q/a': { state: 'level' as const, level: 2, comment: '=not a formula' },
      'q/b': { state: 'level' as const, level: 'partial' as const },
      'q/c': { state: 'na' as const, naReason: 'No devolved government' }
    };
    const csv = writeAnswersCsv([{ assessment: original, questionnaires: [q], answers }]);
    const parsed = readAnswersCsv('ke.csv', bytes(csv), [q], { createAssessments: true });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const bundle = csvBundle('ke.csv', parsed.assessments, [q], new Map(), NOW);
    if (!bundle.ok) throw new Error(JSON.stringify(bundle.problems));

    const result = await importBundle(bundle.value, new Map());
    expect(result).toMatchObject({ ok: true, counts: { added: 1, questionnairesAdded: 1 } });
    const stored = await getAssessment('ke-2026');
    expect(stored).toMatchObject({
      country: 'KE',
      title: original.title,
      date: original.date,
      target: 4,
      respondent: 'Ministry of ICT',
      status: 'draft',
      classification: 'AMBER',
      questionnaires: [{ id: 'q', version: '1.0.0' }]
    });
    expect(await getAnswers('ke-2026')).toEqual(answers);

    // Imported again, the assessment exists: the bundle path asks what to do.
    const again = csvBundle(
      'ke.csv',
      parsed.assessments,
      [q],
      new Map([['ke-2026', stored!]]),
      NOW
    );
    if (!again.ok) throw new Error('unexpected');
    expect((await analyseBundle(again.value)).existingIds).toEqual(['ke-2026']);
  });

  it('keeps what the CSV cannot carry from an existing assessment', () => {
    const existing = makeAssessment({ id: 'ke-2026', classification: 'RED', target: 3 });
    const parsed = readAnswersCsv(
      'a.csv',
      'country,assessment_id,assessment_title,assessment_date,questionnaire_id,question_id,level\nKE,ke-2026,Kenya,2026-11-01,q,a,3\n',
      [q],
      { createAssessments: true }
    );
    if (!parsed.ok) throw new Error('fixture');
    const result = csvBundle(
      'a.csv',
      parsed.assessments,
      [q],
      new Map([['ke-2026', existing]]),
      NOW
    );
    expect(result.ok && result.value.items[0]!.assessment).toMatchObject({
      classification: 'RED',
      target: 3,
      title: 'Kenya',
      updatedAt: NOW,
      createdAt: existing.createdAt
    });
  });

  it('refuses an id that cannot be part of an address', () => {
    const parsed = readAnswersCsv(
      'a.csv',
      'country,assessment_id,assessment_title,assessment_date,questionnaire_id,question_id,level\nKE,ke/2026,Kenya,2026-11-01,q,a,3\n',
      [q],
      { createAssessments: true }
    );
    if (!parsed.ok) throw new Error('fixture');
    const result = csvBundle('a.csv', parsed.assessments, [q], new Map(), NOW);
    expect(!result.ok && result.problems).toEqual([
      {
        file: 'a.csv',
        row: 2,
        column: 'assessment_id',
        message: expect.stringContaining('"ke/2026" cannot be an assessment id') as unknown
      }
    ]);
  });
});

describe('mergeBundles', () => {
  function bundle(file: string, ids: string[], questionnaire = q): ParsedBundle {
    return {
      file,
      appVersion: '0.1.0',
      exportedAt: NOW,
      sanitised: false,
      items: ids.map((id) => ({ assessment: makeAssessment({ id }), answers: {} })),
      questionnaires: [questionnaire]
    };
  }

  it('joins files and lists each questionnaire version once', () => {
    const merged = mergeBundles([bundle('a.json', ['a']), bundle('b.json', ['b'])]);
    expect(merged.ok && merged.bundle.items.map((i) => i.assessment.id)).toEqual(['a', 'b']);
    expect(merged.ok && merged.bundle.questionnaires).toHaveLength(1);
    expect(merged.ok && merged.bundle.file).toBe('a.json, b.json');
  });

  it('refuses the same assessment in two files and two contents for one version', () => {
    const changed = { ...q, title: 'Changed' };
    const merged = mergeBundles([bundle('a.json', ['a']), bundle('b.json', ['a'], changed)]);
    expect(!merged.ok && merged.lines).toEqual([
      expect.stringMatching(/^b\.json: assessment .* is also in a\.json/),
      expect.stringMatching(
        /^b\.json: questionnaire q@1\.0\.0 differs from the version 1\.0\.0 in a\.json/
      )
    ]);
  });
});

describe('previewCsv', () => {
  const header = 'questionnaire_id;question_id;level;comment';
  const rows = Array.from({ length: 3000 }, (_, i) => `q;a${i};3;Comité n° ${i}`);
  const long = [header, ...rows].join('\r\n');

  /** The file's text, padded so that the 64 KB the preview reads end inside a character. */
  function cutInsideCharacter(ending: string): string {
    for (let pad = 0; pad < 40; pad++) {
      const text = '\uFEFF' + [header + ' '.repeat(pad), ...rows].join(ending);
      const last = new TextEncoder().encode(text)[64 * 1024 - 1]!;
      if (last >= 0xc0) return text;
    }
    throw new Error('no padding puts the cut inside a character');
  }

  it('reads only whole lines of a large UTF-8 file, so no character is cut', async () => {
    for (const ending of ['\r\n', '\n', '\r']) {
      const file = new File([cutInsideCharacter(ending)], 'big.csv');
      const preview = await previewCsv(file);
      expect(preview).toMatchObject({ encoding: 'utf-8', detected: ';', problem: null });
      expect(preview.rows[0]).toEqual(['questionnaire_id', 'question_id', 'level', 'comment']);
      expect(preview.rows).toHaveLength(6);
    }
  });

  it('reads a large UTF-16 file and lets the user override the delimiter', async () => {
    const units = new Uint16Array(long.length + 1);
    units[0] = 0xfeff;
    for (let i = 0; i < long.length; i++) units[i + 1] = long.charCodeAt(i);
    const file = new File([new Uint8Array(units.buffer)], 'big.txt');
    const preview = await previewCsv(file, ',');
    expect(preview).toMatchObject({ encoding: 'utf-16le', detected: ';', delimiter: ',' });
    expect(preview.rows[1]).toEqual(['q;a0;3;Comité n° 0']);
  });

  it('reports text in another encoding with its row', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('a,b\r\nc,'), 0xe9, 0x0d, 0x0a]);
    const preview = await previewCsv(new File([latin1], 'old.csv'));
    expect(preview.problem).toEqual({
      file: 'old.csv',
      row: 2,
      column: null,
      message: "the file is not UTF-8: save it as 'CSV UTF-8' and import again"
    });
  });
});
