import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { readAnswersCsv, writeAnswersCsv } from '$lib/io/answers-csv';
import { getAnswers, getAssessment } from '$lib/storage/assessments';
import { openDatabase, useDatabase, type NcsDatabase } from '$lib/storage/db';
import { analyseBundle, importBundle } from '$lib/storage/transfer';
import { changesForAssessment, csvBundle } from './import-planning';

const NOW = '2026-11-28T10:00:00.000Z';
const q = makeQuestionnaire('q', [
  { id: 's', questions: [{ id: 'a' }, { id: 'b', type: 'binary' }, { id: 'c', naAllowed: true }] }
]);

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

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
      value: {
        changes: [
          { key: 'q/a', answer: { state: 'level', level: 3, flagged: true, updatedAt: NOW } }
        ],
        groupChanges: []
      }
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
        code: 'import.other-assessment',
        params: { id: 'ug-2026', title: 'Kenya self-assessment', assessment: 'ke' }
      }
    ]);
  });
});

describe('csvBundle', () => {
  let db: NcsDatabase;
  beforeEach(() => {
    db = openDatabase(`import-planning-${Math.random()}`);
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
        code: 'field.assessment-id-invalid',
        params: { id: 'ke/2026' }
      }
    ]);
  });
});
