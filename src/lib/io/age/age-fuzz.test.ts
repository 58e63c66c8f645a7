/**
 * Encrypted files arrive cut short by a download, damaged on a USB stick, or made up to hurt.
 * Whatever comes in, opening it answers with a problem, never a throw, and never with
 * contents that were not encrypted. Inputs are valid age files (passphrase and keys, binary and
 * armoured, one chunk and two) truncated, with bits flipped, bytes replaced or inserted, or
 * spliced with each other.
 */
import { armor } from 'age-encryption';
import { englishMessage } from '../testing/problem-words';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_RUNS } from '../../domain/testing/runs';
import { decryptAge, type AgeDecryptKey } from './decrypt';
import { detectAge, inspectAge } from './header';
import type { AgeProblemCode } from './problems';
import { sealed, testKey, type TestKey } from './test-files';

interface Sample {
  bytes: Uint8Array;
  key: AgeDecryptKey;
}

/** Every problem a broken file may give; `age.failed` (a defect) is deliberately absent. */
const EXPECTED: readonly AgeProblemCode[] = [
  'age.not-age',
  'age.truncated',
  'age.damaged',
  'age.wrong-passphrase',
  'age.wrong-identity',
  'age.needs-passphrase',
  'age.needs-identity',
  'age.unsupported-stanza',
  'age.work-factor-too-high'
];

let samples: Sample[] = [];
/** The binary form of every valid sample, to recognise a mutation that changed nothing. */
let originals: string[] = [];

beforeAll(async () => {
  const keys: TestKey[] = [await testKey(), await testKey()];
  const identities = { identities: keys.map((key) => key.identity) };
  const passphrase = { passphrase: 'p' };
  const twoChunks = Uint8Array.from({ length: 70_000 }, (_, i) => i % 253);
  const made: Sample[] = [];
  for (const armorIt of [false, true]) {
    made.push(
      { bytes: await sealed('{"a":1}', passphrase, { armor: armorIt }), key: passphrase },
      {
        bytes: await sealed('x', { recipients: [keys[0]?.recipient ?? ''] }, { armor: armorIt }),
        key: identities
      },
      {
        bytes: await sealed(
          twoChunks,
          { recipients: keys.map((key) => key.recipient) },
          { armor: armorIt }
        ),
        key: identities
      }
    );
  }
  samples = made;
  originals = made.map((sample) => binaryKey(sample.bytes));
});

/** The file's binary form as text, for comparison; '' when it is not decodable armour. */
function binaryKey(bytes: Uint8Array): string {
  const asText = new TextDecoder().decode(bytes);
  if (!asText.trimStart().startsWith('-----BEGIN')) return Buffer.from(bytes).toString('latin1');
  try {
    return Buffer.from(armor.decode(asText)).toString('latin1');
  } catch {
    return '';
  }
}

/**
 * Where a change falls: anywhere in the file, or within its first 256 bytes (the header, where
 * the parsing is), as a fraction of that range. Unbiased: fast-check's usual bias towards 0
 * would break the first line of most files and test little beyond it.
 */
interface Place {
  start: boolean;
  fraction: number;
}
const place: fc.Arbitrary<Place> = fc.record({
  start: fc.boolean(),
  // Whole numbers, not fc.double, which spreads its values evenly over the exponents (mostly tiny).
  fraction: fc.noBias(fc.integer({ min: 0, max: 0xffff })).map((n) => n / 0x10000)
});

type Mutation =
  | { kind: 'truncate'; at: Place }
  | { kind: 'flip'; at: Place[]; bit: number }
  | { kind: 'replace'; at: Place; value: number }
  | { kind: 'insert'; at: Place; bytes: Uint8Array }
  | { kind: 'splice'; other: number; at: Place; from: Place };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: place }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(place, { minLength: 1, maxLength: 3 }),
    bit: fc.integer({ min: 0, max: 7 })
  }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: place,
    value: fc.integer({ min: 0, max: 255 })
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: place,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 })
  }),
  fc.record({ kind: fc.constant('splice' as const), other: fc.nat(), at: place, from: place })
);

function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  const position = (at: Place, length = bytes.length) =>
    Math.floor(at.fraction * (at.start ? Math.min(length, 256) : length));
  switch (change.kind) {
    case 'truncate':
      return bytes.slice(0, position(change.at));
    case 'flip': {
      const copy = bytes.slice();
      for (const at of change.at) {
        copy[position(at)] = (copy[position(at)] ?? 0) ^ (1 << change.bit);
      }
      return copy;
    }
    case 'replace': {
      const copy = bytes.slice();
      copy[position(change.at)] = change.value;
      return copy;
    }
    case 'insert': {
      const at = position(change.at);
      return Uint8Array.from([...bytes.subarray(0, at), ...change.bytes, ...bytes.subarray(at)]);
    }
    case 'splice': {
      const other = samples[change.other % samples.length]?.bytes ?? bytes;
      return Uint8Array.from([
        ...bytes.subarray(0, position(change.at)),
        ...other.subarray(position(change.from, other.length))
      ]);
    }
  }
}

describe('opening broken age files', () => {
  it(`answers every one with a problem, never a throw (${FUZZ_RUNS} files)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.noBias(fc.nat()),
        mutation,
        fc.boolean(),
        async (which, change, inside) => {
          const sample = samples[which % samples.length] as Sample;
          // An armoured file is broken either as text, or inside: its bytes, armoured again.
          const armoured = detectAge(sample.bytes) === 'armored';
          const broken =
            armoured && inside
              ? new TextEncoder().encode(
                  armor.encode(mutate(armor.decode(new TextDecoder().decode(sample.bytes)), change))
                )
              : mutate(sample.bytes, change);
          // A change the format ignores (blank space around armour) leaves a valid file.
          fc.pre(!originals.includes(binaryKey(broken)));
          const inspected = inspectAge('broken.age', broken);
          if (!inspected.ok) expect(EXPECTED).toContain(inspected.problem.code);
          const result = await decryptAge('broken.age', broken, sample.key);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(EXPECTED).toContain(result.problem.code);
          expect(result.problem.file).toBe('broken.age');
          expect(englishMessage(result.problem).length).toBeGreaterThan(20);
        }
      ),
      { numRuns: FUZZ_RUNS }
    );
  }, 120_000);
});
