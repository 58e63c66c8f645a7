/**
 * Fuzzing of every importer (docs/file-formats.md): thousands of broken envelopes, bundles and
 * backups, made by mutating valid files, never throw and never write. The round trips of valid
 * files are in transfer-round-trip.property.test.ts.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { englishLine, englishLines } from '$lib/io/testing/problem-words';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FUZZ_RUNS } from '$lib/domain/testing/runs';
import { parseBackup } from '$lib/io/backup';
import { BUNDLE_FORMAT, parseBundle } from '$lib/io/bundle';
import { contentHash, envelopeText, unwrap, wrap, type EnvelopeFormat } from '$lib/io/envelope';
import { database, openDatabase, useDatabase, type NcsDatabase } from './db';
import {
  analyseBundle,
  importBundle,
  readEverything,
  restoreBackup,
  type ImportDecision
} from './transfer';
import { uuid } from './uuid';

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
    // As the app reads them: upgraded to the current format version.
    const originals = new Set(
      bundleBases.map((t) => {
        const opened = unwrap('base.json', t, BUNDLE_FORMAT);
        if (!opened.ok) throw new Error('fixture');
        return contentHash(opened.content);
      })
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
              parsed.problems[0]!.path === undefined ? 'refused: envelope' : 'refused: content'
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
        seen.add(parsed.problems[0]!.path === undefined ? 'refused: envelope' : 'refused: content');
        expect(await snapshot()).toStrictEqual(before);
      }),
      { numRuns: FUZZ_RUNS }
    );
    expect(seen.total()).toBe(FUZZ_RUNS);
    expect(seen.get('refused: envelope'), seen.toString()).toBeGreaterThan(FUZZ_RUNS * 0.2);
    expect(seen.get('refused: content'), seen.toString()).toBeGreaterThan(FUZZ_RUNS * 0.25);
  }, 120_000);
});
