/**
 * Properties of the bundle and backup round trips, and fuzzing of every importer
 * (docs/file-formats.md): export then import gives back identical data for any generated set of
 * assessments; thousands of broken files never throw and never write.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { englishLine, englishLines } from '$lib/io/testing/problem-words';
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
import { DATABASE_RUNS, FUZZ_RUNS } from '$lib/domain/testing/runs';
import { makeBackup, parseBackup } from '$lib/io/backup';
import {
  BUNDLE_FORMAT,
  makeBundle,
  parseBundle,
  sanitiseItem,
  type BundleItem
} from '$lib/io/bundle';
import { contentHash, envelopeText, unwrap, wrap, type EnvelopeFormat } from '$lib/io/envelope';
import { restoredLastBackup } from '$lib/domain/last-backup';
import { createAssessment } from './assessments';
import { database, openDatabase, useDatabase, type NcsDatabase } from './db';
import {
  analyseBundle,
  importBundle,
  readBundleItems,
  readEverything,
  restoreBackup,
  type ImportDecision
} from './transfer';
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
            answers
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

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function fixture(name: string): string {
  return readFileSync(new URL(`../io/fixtures/bundles/${name}`, import.meta.url), 'utf8');
}

function nodes(value: Json, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => nodes(v, [...at, i])));
  if (value && typeof value === 'object') {
    return here.concat(...Object.entries(value).map(([k, v]) => nodes(v, [...at, k])));
  }
  return here;
}

function parentOf(root: Json, path: Path): Json {
  let node = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key]!;
  return node;
}

/** A small deterministic generator, so one seed from fast-check drives a whole shuffle. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function shuffled<T>(list: T[], next: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every object's keys and every array's elements reordered, at every depth. */
function shuffleDeep(value: Json, next: () => number, arrays: boolean): Json {
  if (Array.isArray(value)) {
    const inner = value.map((v) => shuffleDeep(v, next, arrays));
    return arrays ? shuffled(inner, next) : inner;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      shuffled(Object.entries(value), next).map(([k, v]) => [k, shuffleDeep(v, next, arrays)])
    );
  }
  return value;
}

const OPERATIONS = [
  'replace',
  'delete',
  'null',
  'stringify',
  'numberify',
  'wrap-in-array',
  'shuffle',
  'duplicate',
  'extra-key',
  'nudge'
] as const;
type Operation = (typeof OPERATIONS)[number];

const mutationArb = fc.record({
  at: fc.nat(),
  op: fc.constantFrom(...OPERATIONS),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  seed: fc.nat()
});
type Mutation = { at: number; op: Operation; value: Json; seed: number };

/** Applies one structural change at a node chosen among all nodes of the tree. */
function mutate(root: Json, { at, op, value, seed }: Mutation): Json {
  const all = nodes(root);
  const path = all[at % all.length]!;
  if (path.length === 0) return op === 'replace' ? value : op === 'wrap-in-array' ? [root] : null;
  const parent = parentOf(root, path) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  const node = parent[key]!;
  switch (op) {
    case 'replace':
      parent[key] = value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'null':
      parent[key] = null;
      break;
    case 'stringify':
      parent[key] = JSON.stringify(node);
      break;
    case 'numberify':
      parent[key] = typeof node === 'string' ? node.length : -1;
      break;
    case 'wrap-in-array':
      parent[key] = [node];
      break;
    case 'shuffle':
      parent[key] = shuffleDeep(node, random(seed), true);
      break;
    case 'duplicate':
      if (Array.isArray(node) && node.length > 0) {
        node.push(structuredClone(node[seed % node.length]!));
      } else parent[key] = [node, node];
      break;
    case 'extra-key':
      if (node && typeof node === 'object' && !Array.isArray(node)) node[`extra${seed}`] = value;
      else parent[key] = { value: node };
      break;
    case 'nudge':
      parent[key] =
        typeof node === 'number'
          ? node + (seed % 2 ? 1 : -1) * (1 + (seed % 7))
          : typeof node === 'string'
            ? node.slice(0, seed % (node.length + 1)) +
              String.fromCharCode(seed % 0xffff) +
              node.slice(1 + (seed % (node.length + 1)))
            : value;
      break;
  }
  return root;
}

interface BrokenInput {
  kind: string;
  text: string;
}

/**
 * Broken files made from a valid one: text cut short, characters flipped, removed or inserted,
 * random bytes and strings, keys and arrays shuffled, values of the wrong type — in the
 * envelope (caught by the checksum) and in content re-wrapped with a matching checksum, as a
 * faulty exporter would write (caught by validation).
 */
function brokenInputs(
  bases: readonly string[],
  { rewrapped }: { rewrapped: boolean }
): fc.Arbitrary<BrokenInput> {
  const base = fc.constantFrom(...bases);
  const position = (t: string, n: number) => n % (t.length + 1);
  const damaged: fc.Arbitrary<BrokenInput>[] = [
    fc.tuple(base, fc.nat()).map(([t, n]) => ({
      kind: 'truncated',
      text: t.slice(0, position(t, n) === t.length ? t.length - 1 : position(t, n))
    })),
    fc
      .tuple(base, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))
      .map(([t, n, c]) => ({
        kind: 'flipped',
        text: t.slice(0, n % t.length) + c + t.slice((n % t.length) + 1)
      })),
    fc.tuple(base, fc.nat(), fc.nat({ max: 8 })).map(([t, n, k]) => ({
      kind: 'deleted',
      text: t.slice(0, n % t.length) + t.slice((n % t.length) + 1 + k)
    })),
    fc
      .tuple(base, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }))
      .map(([t, n, s]) => ({
        kind: 'inserted',
        text: t.slice(0, position(t, n)) + s + t.slice(position(t, n))
      })),
    fc.string({ unit: 'binary', maxLength: 200 }).map((t) => ({ kind: 'random string', text: t })),
    fc.json({ maxDepth: 3 }).map((t) => ({ kind: 'random JSON', text: t })),
    fc
      .uint8Array({ maxLength: 300 })
      .map((bytes) => ({ kind: 'random bytes', text: new TextDecoder().decode(bytes) })),
    base.map((t) => ({
      kind: 'UTF-16 read as bytes',
      text: [...t.slice(0, 400)].map((c) => c + '\u0000').join('')
    })),
    fc.tuple(base, fc.nat(), fc.boolean()).map(([t, seed, arrays]) => ({
      kind: arrays ? 'shuffled keys and arrays' : 'shuffled keys',
      text: JSON.stringify(shuffleDeep(JSON.parse(t) as Json, random(seed), arrays))
    })),
    fc.tuple(base, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([t, mutations]) => ({
      kind: 'wrong envelope',
      text: JSON.stringify(mutations.reduce((root, m) => mutate(root, m), JSON.parse(t) as Json))
    }))
  ];
  // Weighted up: the other kinds mostly stop at the envelope; this one reaches validation.
  const rewrappedContent = fc
    .tuple(base, fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
    .map(([t, mutations]) => {
      const envelope = JSON.parse(t) as { format: EnvelopeFormat; content: Json };
      const content = mutations.reduce((root, m) => mutate(root, m), envelope.content);
      return {
        kind: 'wrong content, valid checksum',
        text: envelopeText(wrap(envelope.format, content, '0.1.0'))
      };
    });
  return rewrapped
    ? fc.oneof(...damaged, { weight: damaged.length - 2, arbitrary: rewrappedContent })
    : fc.oneof(...damaged);
}

/** Counts how each kind of input ended, so the test can show that every layer was reached. */
function tally() {
  const counts = new Map<string, number>();
  return {
    add: (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1),
    get: (key: string) => counts.get(key) ?? 0,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    toString: () => JSON.stringify(Object.fromEntries(counts))
  };
}

const validBundle = fixture('valid.json');
const bundleBases = [
  validBundle,
  fixture('sanitised.json'),
  JSON.stringify(JSON.parse(validBundle))
];
const backupBases = [fixture('backup.json')];

describe('broken inputs never throw and never write', () => {
  it(`unwrap: ${FUZZ_RUNS} broken envelopes are refused with a message naming the file`, () => {
    const originals = new Set(
      bundleBases.map((t) => contentHash((JSON.parse(t) as { content: unknown }).content))
    );
    const seen = tally();
    fc.assert(
      fc.property(brokenInputs(bundleBases, { rewrapped: false }), (input) => {
        const result = unwrap('broken.json', input.text, BUNDLE_FORMAT);
        if (result.ok) {
          // Only a change that leaves the content as the app wrote it (e.g. an envelope key
          // order, a lost app version) may pass.
          expect(originals.has(contentHash(result.content))).toBe(true);
          seen.add('accepted');
        } else {
          expect(englishLine(result.fileProblem).startsWith('broken.json: ')).toBe(true);
          seen.add(result.problem);
        }
      }),
      { numRuns: FUZZ_RUNS }
    );
    expect(seen.total()).toBe(FUZZ_RUNS);
    expect(seen.get('accepted'), seen.toString()).toBeLessThan(FUZZ_RUNS / 10);
    for (const problem of ['not-json', 'wrong-format', 'checksum']) {
      expect(seen.get(problem), seen.toString()).toBeGreaterThan(FUZZ_RUNS * 0.02);
    }
  }, 30_000);

  it(`parseBundle + analyseBundle + importBundle: ${FUZZ_RUNS} broken bundles`, async () => {
    // Something to damage: the Kenya assessment and both questionnaire versions, and a setting.
    const seed = parseBundle('valid.json', validBundle);
    if (!seed.ok) throw new Error('fixture');
    await importBundle(seed.bundle, new Map());
    await database().meta.put({ key: 'lastBackupAt', value: '2026-11-01T00:00:00.000Z' });
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(
        brokenInputs(bundleBases, { rewrapped: true }),
        fc.constantFrom<ImportDecision>('skip', 'replace', 'keep-both'),
        async (input, decision) => {
          const before = await snapshot();
          const parsed = parseBundle('broken.json', input.text);
          if (!parsed.ok) {
            expect(parsed.problems.length).toBeGreaterThan(0);
            seen.add(
              parsed.problems[0]!.path === '(file)' ? 'refused: envelope' : 'refused: content'
            );
          } else {
            const analysis = await analyseBundle(parsed.bundle);
            const decisions = new Map(analysis.existingIds.map((id) => [id, decision]));
            const result = await importBundle(parsed.bundle, decisions);
            if (result.ok) {
              seen.add('imported');
              return;
            }
            expect(englishLines(result.problems)).toMatch(
              /^broken\.json: ".*" \(.*\) version \S+ is already stored/
            );
            seen.add('refused: conflict');
          }
          expect(await snapshot()).toStrictEqual(before);
        }
      ),
      { numRuns: FUZZ_RUNS }
    );
    expect(seen.total()).toBe(FUZZ_RUNS);
    expect(seen.get('refused: envelope'), seen.toString()).toBeGreaterThan(FUZZ_RUNS * 0.2);
    expect(seen.get('refused: content'), seen.toString()).toBeGreaterThan(FUZZ_RUNS * 0.25);
    expect(seen.get('refused: conflict'), seen.toString()).toBeGreaterThan(0);
  }, 120_000);

  it(`parseBackup + restoreBackup: ${FUZZ_RUNS} broken backups`, async () => {
    const seed = parseBackup('backup.json', backupBases[0]!);
    if (!seed.ok) throw new Error('fixture');
    await restoreBackup(seed.backup);
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(brokenInputs(backupBases, { rewrapped: true }), async (input) => {
        const before = await snapshot();
        const parsed = parseBackup('broken.json', input.text);
        if (parsed.ok) {
          // Damage that leaves a valid backup (a shuffled list, a removed optional field).
          await restoreBackup(parsed.backup);
          const after = await readEverything();
          expect(after.assessments).toHaveLength(parsed.backup.assessments.length);
          seen.add('restored');
          return;
        }
        seen.add(parsed.problems[0]!.path === '(file)' ? 'refused: envelope' : 'refused: content');
        expect(await snapshot()).toStrictEqual(before);
      }),
      { numRuns: FUZZ_RUNS }
    );
    expect(seen.total()).toBe(FUZZ_RUNS);
    expect(seen.get('refused: envelope'), seen.toString()).toBeGreaterThan(FUZZ_RUNS * 0.2);
    expect(seen.get('refused: content'), seen.toString()).toBeGreaterThan(FUZZ_RUNS * 0.25);
  }, 120_000);
});
