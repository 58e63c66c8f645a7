/**
 * Reading a backup from its bytes (`parseBackupFile`, which hashes the content as it sits in the
 * file) decides exactly as reading its text (`parseBackup`): same result, same problems, for
 * the file as written and for the file damaged byte by byte.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS } from '../domain/testing/runs';
import { parseBackup, parseBackupFile } from './backup';
import { envelopeText, unwrap, wrap, BACKUP_FORMAT } from './envelope';

const fixture = readFileSync(new URL('./fixtures/bundles/backup.json', import.meta.url), 'utf8');
const opened = unwrap('backup.json', fixture, BACKUP_FORMAT);
if (!opened.ok) throw new Error('fixture');
/** The fixture as the app writes it: compact, so the bytes path finds its content. */
const written = new TextEncoder().encode(
  envelopeText(wrap(BACKUP_FORMAT, opened.content, '0.1.0', '2026-11-28T09:30:00.000Z'))
);

/** The same backup in format version 1, whose checksum covers the content only. */
const writtenV1 = new TextEncoder().encode(
  envelopeText(wrap(BACKUP_FORMAT, opened.content, '0.1.0', '2026-11-28T09:30:00.000Z', 1))
);

async function same(bytes: Uint8Array): Promise<void> {
  const fromBytes = await parseBackupFile('backup.json', bytes);
  const fromText = parseBackup('backup.json', await new Blob([bytes as BlobPart]).text());
  expect(fromBytes).toStrictEqual(fromText);
}

/** One to three byte changes: overwrite, insert or delete, anywhere in the file. */
const damaged = fc
  .array(
    fc.tuple(
      fc.constantFrom('set', 'insert', 'delete'),
      fc.nat({ max: written.length - 1 }),
      fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x20, 0x22, 0x2c, 0x30, 0x7d))
    ),
    { minLength: 1, maxLength: 3 }
  )
  .map((edits) => {
    const bytes = [...written];
    for (const [kind, at, value] of edits) {
      const i = Math.min(at, bytes.length - 1);
      if (kind === 'set') bytes[i] = value;
      else if (kind === 'insert') bytes.splice(i, 0, value);
      else bytes.splice(i, 1);
    }
    return new Uint8Array(bytes);
  });

describe('parseBackupFile decides as parseBackup', () => {
  it('on the file as the app writes it, and indented', async () => {
    const result = await parseBackupFile('backup.json', written);
    expect(result.ok).toBe(true);
    await same(written);
    await same(new TextEncoder().encode(fixture));
  });

  it('on a version 1 file, and on it with its date changed (not covered in version 1)', async () => {
    expect((await parseBackupFile('backup.json', writtenV1)).ok).toBe(true);
    await same(writtenV1);
    const text = new TextDecoder()
      .decode(writtenV1)
      .replace('2026-11-28T09:30', '2026-11-29T09:30');
    await same(new TextEncoder().encode(text));
  });

  it(`on ${FUZZ_RUNS} files damaged byte by byte`, async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(damaged, async (bytes) => {
        await same(bytes);
        if (!(await parseBackupFile('backup.json', bytes)).ok) refused++;
      }),
      { numRuns: FUZZ_RUNS }
    );
    // Most damage is caught (the checksum or the JSON): the property is not vacuous.
    expect(refused).toBeGreaterThan(FUZZ_RUNS * 0.8);
  }, 120_000);
});
