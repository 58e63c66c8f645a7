/**
 * Properties of the bundle and backup round trips (docs/file-formats.md): export then import
 * gives back identical data for any generated set of assessments, with text from the whole of
 * Unicode. The fuzzing of broken files is in transfer-broken.property.test.ts.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, AnswerMap, Assessment } from '$lib/domain/assessment/model';
import {
  CLASSIFICATIONS,
  PROVENANCE_MODES,
  STAKEHOLDER_GROUPS
} from '$lib/domain/assessment/model';
import { summarizerFor } from '$lib/domain/assessment/summary';
import type { Question, Questionnaire } from '$lib/domain/questionnaire/schema';
import { makeQuestionnaire } from '$lib/domain/testing/factories';
import { ISO_3166_CODES } from '$lib/domain/reference/countries';
import { DATABASE_RUNS } from '$lib/domain/testing/runs';
import { makeBackup, parseBackup } from '$lib/io/backup';
import { makeBundle, parseBundle, sanitiseItem, type BundleItem } from '$lib/io/bundle';
import { envelopeText } from '$lib/io/envelope';
import { restoredLastBackup } from '$lib/domain/last-backup';
import { createAssessment } from './assessments';
import { database, openDatabase, useDatabase, type NcsDatabase } from './db';
import { importBundle, readBundleItems, readEverything, restoreBackup } from './transfer';
import { uuid } from './uuid';

// ---------------------------------------------------------------------------------------------
// Questionnaires from the factories: two versions of one id, a 0–3 scale, binary, N/A, context.

const privacy1 = makeQuestionnaire('privacy', [
  {
    id: 'legal',
    questions: [
      { id: 'law', weight: 2 },
      { id: 'regulator', type: 'binary' },
      { id: 'treaty', scored: false }
    ]
  },
  {
    id: 'practice',
    weight: 2,
    questions: [
      { id: 'breach', naAllowed: true },
      { id: 'training', type: 'binary', naAllowed: true }
    ]
  }
]);
const privacy2 = makeQuestionnaire(
  'privacy',
  [{ id: 'legal', questions: [{ id: 'law' }, { id: 'enforcement' }] }],
  { version: '2.0.0' }
);
const standards = makeQuestionnaire(
  'standards',
  [{ id: 'adoption', questions: [{ id: 'body' }, { id: 'iso', type: 'binary' }] }],
  {
    scale: [
      { value: 0, label: 'None', description: 'Nothing.' },
      { value: 1, label: 'Some', description: 'Some.' },
      { value: 2, label: 'Most', description: 'Most.' },
      { value: 3, label: 'All', description: 'All.' }
    ],
    defaultTarget: 2
  }
);
const POOL = [privacy1, privacy2, standards];

// ---------------------------------------------------------------------------------------------
// Arbitraries: valid assessments and answers, with text from the whole of Unicode.

const text = fc.string({ unit: 'binary', maxLength: 24 });
const trimmed = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 24 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const day = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const instant = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** An object without the keys whose value is undefined (as JSON would give it back). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function answerArb(q: Questionnaire, question: Question): fc.Arbitrary<Answer> {
  const values = q.scale.map((l) => l.value);
  const level: fc.Arbitrary<Answer> =
    question.type === 'binary'
      ? fc.constantFrom('no', 'partial', 'yes').map((l) => ({ state: 'level' as const, level: l }))
      : fc.constantFrom(...values).map((l) => ({ state: 'level' as const, level: l }));
  const states: fc.Arbitrary<Answer>[] = [
    level,
    fc.constant({}),
    fc.constant({ state: 'unknown' as const }),
    fc.constant({ state: 'restricted' as const })
  ];
  if (question.naAllowed) states.push(trimmed.map((r) => ({ state: 'na' as const, naReason: r })));
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  return fc
    .record({
      base: fc.oneof(...states),
      target:
        question.type === 'maturity'
          ? optional(fc.constantFrom(...values))
          : fc.constant(undefined),
      regional: optional(text),
      evidence: optional(text),
      comment: optional(text),
      flagged: optional(fc.boolean()),
      toConfirm: optional(fc.boolean()),
      updatedAt: optional(instant)
    })
    .map(({ base, ...rest }) => defined({ ...base, ...rest }));
}

function answersArb(pinned: readonly Questionnaire[]): fc.Arbitrary<AnswerMap> {
  const entries = pinned.flatMap((q) =>
    q.sections.flatMap((s) =>
      s.questions.map((question) =>
        fc
          .option(answerArb(q, question), { nil: undefined })
          .map((a) => [`${q.id}/${question.id}`, a] as const)
      )
    )
  );
  return fc.tuple(...entries).map((pairs) => {
    const map: AnswerMap = {};
    for (const [key, answer] of pairs) if (answer) map[key] = answer;
    return map;
  });
}

const pinnedArb: fc.Arbitrary<Questionnaire[]> = fc
  .record({ privacy: fc.constantFrom(null, privacy1, privacy2), standards: fc.boolean() })
  .map(({ privacy, standards: withStandards }) => [
    ...(privacy ? [privacy] : []),
    ...(withStandards ? [standards] : [])
  ])
  .filter((list) => list.length > 0)
  .chain((list) => fc.shuffledSubarray(list, { minLength: list.length }));

const assessmentArb = (pinned: Questionnaire[]): fc.Arbitrary<Assessment> =>
  fc
    .record({
      id: fc.uuid(),
      country: fc.constantFrom(...ISO_3166_CODES),
      title: trimmed,
      date: day,
      target: fc.option(fc.integer({ min: -1, max: 7 }), { nil: undefined }),
      status: fc.constantFrom('draft' as const, 'final' as const),
      classification: fc.constantFrom(...CLASSIFICATIONS),
      provenance: fc.record({
        mode: fc.constantFrom(...PROVENANCE_MODES),
        participants: fc.array(
          fc.record({ organisation: trimmed, group: fc.constantFrom(...STAKEHOLDER_GROUPS) }),
          { maxLength: 3 }
        ),
        facilitator: text,
        validatedBy: text,
        validatedOn: fc.oneof(fc.constant(''), day)
      }),
      narrative: fc.record({
        executiveSummary: text,
        context: text,
        keyFindings: text,
        decisionsSought: text,
        nextReviewDate: fc.oneof(fc.constant(''), day)
      }),
      respondent: text,
      reopenings: fc.array(
        fc.record({ at: instant, reason: fc.string({ unit: 'binary', minLength: 1 }) }),
        { maxLength: 2 }
      ),
      previousId: fc.option(fc.uuid(), { nil: undefined }),
      createdAt: instant,
      updatedAt: instant
    })
    .map((a) =>
      defined({ ...a, questionnaires: pinned.map((q) => ({ id: q.id, version: q.version })) })
    );

const itemArb: fc.Arbitrary<BundleItem & { pinned: Questionnaire[] }> = pinnedArb.chain((pinned) =>
  fc
    .record({ assessment: assessmentArb(pinned), answers: answersArb(pinned) })
    // fast-check may build objects without a prototype; stored data never has them.
    .map((item) => structuredClone({ ...item, pinned }))
);

const itemsArb = fc.uniqueArray(itemArb, {
  minLength: 1,
  maxLength: 5,
  selector: (item) => item.assessment.id
});

// ---------------------------------------------------------------------------------------------
// Database per test, snapshots.

let db: NcsDatabase;

beforeEach(() => {
  db = openDatabase('test-' + uuid());
  useDatabase(db);
});

afterEach(async () => {
  await db.delete();
});

/** A fresh database for one run of a property; returns a function that deletes it. */
function freshDatabase(): () => Promise<void> {
  const own = openDatabase('test-' + uuid());
  useDatabase(own);
  return () => own.delete();
}

async function snapshot() {
  const current = database();
  return current.transaction('r', current.tables, async () => ({
    assessments: await current.assessments.toArray(),
    answers: await current.answers.toArray(),
    summaries: await current.summaries.toArray(),
    questionnaires: await current.questionnaires.toArray(),
    meta: await current.meta.toArray()
  }));
}

// ---------------------------------------------------------------------------------------------
// Round trips.

describe('export then import gives back identical data', () => {
  it('bundles, plain or sanitised, for any set of assessments', async () => {
    await fc.assert(
      fc.asyncProperty(itemsArb, fc.boolean(), async (generated, sanitise) => {
        const drop = freshDatabase();
        try {
          const items: BundleItem[] = generated.map(({ assessment, answers }) => ({
            assessment,
            answers,
            actions: [],
            groupAnswers: {},
            consensusHistory: []
          }));
          const text = envelopeText(makeBundle(items, POOL, { appVersion: '0.1.0', sanitise }));
          const parsed = parseBundle('generated.json', text);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
          const expected = sanitise ? items.map(sanitiseItem) : items;
          expect(parsed.bundle.items).toStrictEqual(expected);

          const result = await importBundle(parsed.bundle, new Map());
          expect(result.ok && result.counts.added).toBe(items.length);
          const back = await readBundleItems(items.map((i) => i.assessment.id));
          expect(back.items).toStrictEqual(expected);
          const used = new Set(
            items.flatMap((i) => i.assessment.questionnaires.map((p) => `${p.id}@${p.version}`))
          );
          expect(back.questionnaires.map((q) => `${q.id}@${q.version}`).sort()).toEqual(
            [...used].sort()
          );
          for (const q of back.questionnaires) {
            expect(q).toStrictEqual(POOL.find((p) => p.id === q.id && p.version === q.version));
          }
          for (const { assessment, answers, pinned } of generated) {
            const summary = await database().summaries.get(assessment.id);
            const figures = summarizerFor(pinned)(
              sanitise ? sanitiseItem({ assessment, answers }).answers : answers,
              assessment
            );
            expect(summary).toMatchObject(figures);
          }
        } finally {
          await drop();
        }
      }),
      { numRuns: DATABASE_RUNS }
    );
  }, 60_000);

  it('backups, for any set of assessments and settings', async () => {
    const metaArb = fc
      .uniqueArray(
        fc.record({
          key: fc.oneof(fc.constant('lastBackupAt'), fc.string({ minLength: 1, maxLength: 12 })),
          value: fc.oneof(instant, text)
        }),
        { maxLength: 4, selector: (m) => m.key }
      )
      .map((list) => structuredClone(list));
    await fc.assert(
      fc.asyncProperty(itemsArb, metaArb, async (generated, meta) => {
        const dropSource = freshDatabase();
        let dropTarget: (() => Promise<void>) | null = null;
        try {
          for (const { assessment, answers, pinned } of generated) {
            await createAssessment(assessment, pinned, summarizerFor(pinned), answers);
          }
          await database().meta.bulkPut(meta);
          const before = await snapshot();
          const envelope = makeBackup(await readEverything(), { appVersion: '0.1.0' });
          const text = envelopeText(envelope);

          dropTarget = freshDatabase();
          const parsed = parseBackup('backup.json', text);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
          const start = Date.now();
          await restoreBackup(parsed.backup);
          const end = Date.now();
          const after = await snapshot();

          // The later of the two times, capped at the moment of the restore.
          const recorded = meta.find((m) => m.key === 'lastBackupAt')?.value;
          const uncapped = restoredLastBackup(recorded, envelope.exportedAt, new Date(8.64e15))!;
          const last = after.meta.find((m) => m.key === 'lastBackupAt')!.value;
          if (Date.parse(uncapped) <= start) expect(last).toBe(uncapped);
          else expect([Date.parse(last) >= start, Date.parse(last) <= end]).toEqual([true, true]);
          const expectedMeta = [
            ...before.meta.filter((m) => m.key !== 'lastBackupAt'),
            { key: 'lastBackupAt', value: last }
          ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
          expect(after).toStrictEqual({ ...before, meta: expectedMeta });
        } finally {
          await dropTarget?.();
          await dropSource();
        }
      }),
      { numRuns: Math.ceil(DATABASE_RUNS / 2) }
    );
  }, 30_000);
});

// ---------------------------------------------------------------------------------------------
// Broken inputs.
