/**
 * Hostile values met on the way from a file to the database: the CSV import follows the same
 * id rule as bundles and backups, and the user's decisions per assessment live in a Map, so an
 * id that is also an Object property name finds no decision it was not given.
 * See docs/file-formats.md, "Limits".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { readAnswersCsv, writeAnswersCsv } from '$lib/io/answers-csv';
import { getAnswers, getAssessment, listAssessments } from '$lib/storage/assessments';
import { openDatabase, useDatabase, type NcsDatabase } from '$lib/storage/db';
import { importBundle, type ImportDecision } from '$lib/storage/transfer';
import { fileSizeProblem as checkFileSize } from '$lib/io/limits';
import { csvBundle } from './import-planning';
import { englishMessage } from '$lib/io/testing/problem-words';

const NOW = '2026-11-28T10:00:00.000Z';
const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }, { id: 'b' }] }]);
const HEADER =
  'country,assessment_id,assessment_title,assessment_date,questionnaire_id,question_id,level';

function parse(rows: string) {
  const parsed = readAnswersCsv('a.csv', `${HEADER}\n${rows}`, [q], { createAssessments: true });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.assessments;
}

describe('the CSV import uses the shared id rule', () => {
  it.each(['new', 'NEW'])('refuses %j, the word of the "new assessment" screen', (id) => {
    const result = csvBundle(
      'a.csv',
      parse(`KE,${id},Kenya,2026-11-01,q,a,3\n`),
      [q],
      new Map(),
      NOW
    );
    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({ file: 'a.csv', row: 2, column: 'assessment_id' })
    ]);
  });

  it('refuses a date that is not in the calendar and a country that is not assigned', () => {
    const parsed = readAnswersCsv('a.csv', `${HEADER}\nXX,ke-2026,Kenya,2026-02-30,q,a,3\n`, [q], {
      createAssessments: true
    });
    expect(!parsed.ok && parsed.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'country'],
      [2, 'assessment_date']
    ]);
  });
});

describe('import decisions are a Map', () => {
  let db: NcsDatabase;
  beforeEach(() => {
    db = openDatabase(`hostile-import-${Math.random()}`);
    useDatabase(db);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('an id named like an Object property gets the default, not an inherited value', async () => {
    const bundle = csvBundle(
      'a.csv',
      parse('KE,constructor,Kenya,2026-11-01,q,a,3\nKE,toString,Kenya,2026-11-01,q,a,2\n'),
      [q],
      new Map(),
      NOW
    );
    if (!bundle.ok) throw new Error(JSON.stringify(bundle.problems));
    await importBundle(bundle.value, new Map());
    // Imported again: the default for an existing assessment is skip; one decision replaces.
    const again = csvBundle(
      'a.csv',
      parse('KE,constructor,Kenya,2026-11-01,q,a,5\nKE,toString,Kenya,2026-11-01,q,a,5\n'),
      [q],
      new Map((await listAssessments()).map((a) => [a.id, a])),
      NOW
    );
    if (!again.ok) throw new Error('fixture');
    const decisions = new Map<string, ImportDecision>([['toString', 'replace']]);
    const result = await importBundle(again.value, decisions);
    expect(result).toMatchObject({ ok: true, counts: { replaced: 1, skipped: 1 } });
    expect((await getAnswers('constructor'))['q/a']).toEqual({ state: 'level', level: 3 });
    expect((await getAnswers('toString'))['q/a']).toEqual({ state: 'level', level: 5 });
  });
});

describe('a large import scores its assessments in slices', () => {
  let db: NcsDatabase;
  beforeEach(() => {
    db = openDatabase(`hostile-import-${Math.random()}`);
    useDatabase(db);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('tells its progress and lets other work run between slices', async () => {
    const rows = Array.from(
      { length: 120 },
      (_, i) => `KE,ke-${i},Kenya ${i},2026-11-01,q,a,${(i % 5) + 1}\n`
    ).join('');
    const bundle = csvBundle('a.csv', parse(rows), [q], new Map(), NOW);
    if (!bundle.ok) throw new Error(JSON.stringify(bundle.problems));
    const seen: { scored: number; total: number; otherWorkRan: boolean }[] = [];
    let otherWorkRan = false;
    const result = await importBundle(bundle.value, new Map(), undefined, (progress) => {
      seen.push({ ...progress, otherWorkRan });
      otherWorkRan = false;
      // Work another part of the page queued: it must run before the next slice is reported.
      setTimeout(() => (otherWorkRan = true), 0);
    });
    expect(result).toMatchObject({ ok: true, counts: { added: 120 } });
    expect(seen.map((p) => p.scored)).toEqual([25, 50, 75, 100, 120]);
    expect(seen.every((p) => p.total === 120)).toBe(true);
    expect(seen.slice(1, -1).every((p) => p.otherWorkRan)).toBe(true);
    expect((await getAnswers('ke-7'))['q/a']).toEqual({ state: 'level', level: 3 });
  });
});

describe('free text survives our own export and import unchanged', () => {
  let db: NcsDatabase;
  beforeEach(() => {
    db = openDatabase(`hostile-import-${Math.random()}`);
    useDatabase(db);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('keeps leading and trailing spaces and line breaks in evidence and comments', async () => {
    const assessment = makeAssessment({
      id: 'ke-2026',
      questionnaires: [{ id: 'q', version: '1.0.0' }]
    });
    const answers = {
      'q/a': {
        state: 'level' as const,
        level: 2,
        evidence: '  indented list:\n  - Act 2019\n',
        comment: ' =1+1'
      },
      'q/b': { state: 'unknown' as const, regional: ' shared CSIRT ' }
    };
    const csv = writeAnswersCsv([{ assessment, questionnaires: [q], answers }]);
    expect(csv).toContain("' =1+1");
    const parsed = readAnswersCsv('ke.csv', csv, [q], { createAssessments: true });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const bundle = csvBundle('ke.csv', parsed.assessments, [q], new Map(), NOW);
    if (!bundle.ok) throw new Error(JSON.stringify(bundle.problems));
    await importBundle(bundle.value, new Map());
    expect(await getAnswers('ke-2026')).toEqual(answers);
    expect((await getAssessment('ke-2026'))?.title).toBe(assessment.title);
  });
});

describe('files too large to read are refused before reading', () => {
  it.each([
    ['answers-csv', 'answers.csv', 100 * 1024 * 1024 + 1, /larger than 100 MB/],
    ['bundle', 'kenya.json', 200 * 1024 * 1024 + 1, /larger than 200 MB/],
    ['backup', 'backup.json', 500 * 1024 * 1024 + 1, /larger than 500 MB/],
    ['questionnaire', 'q.yaml', 5 * 1024 * 1024 + 1, /larger than 5 MB/]
  ] as const)('a %s file', (kind, name, size, message) => {
    const problem = checkFileSize({ name, size }, kind);
    expect(problem).toMatchObject({ file: name, code: 'file.too-large' });
    expect(englishMessage(problem ?? undefined)).toMatch(message);
    expect(checkFileSize({ name, size: size - 1 }, kind)).toBeNull();
  });
});
