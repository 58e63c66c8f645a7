import { createHash } from 'node:crypto';
import { englishLine, englishMessage } from './testing/problem-words';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS } from '../domain/testing/runs';
import {
  BACKUP_FORMAT,
  BUNDLE_FORMAT,
  CURRENT_FORMAT_VERSION,
  UPGRADERS,
  contentHash,
  envelopeFile,
  envelopeHash,
  envelopeText,
  readEnvelopeBytes,
  sha256Hex,
  unwrap,
  wrap,
  type UnwrapResult
} from './envelope';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/bundles/${name}`, import.meta.url), 'utf8');
}

function failure(result: UnwrapResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result;
}

const content = { assessments: [{ title: 'Côte d’Ivoire — Łódź 東京 🇰🇪' }], questionnaires: [] };

describe('contentHash', () => {
  it('is the hex SHA-256 of JSON.stringify(content) as UTF-8 (checked against node:crypto)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const expected = createHash('sha256')
          .update(Buffer.from(JSON.stringify(value), 'utf8'))
          .digest('hex');
        expect(contentHash(value)).toBe(expected);
      }),
      { numRuns: FUZZ_RUNS }
    );
  }, 30_000);

  it('hashes text outside ASCII as UTF-8, not as UTF-16 code units', () => {
    expect(contentHash('é')).toBe(createHash('sha256').update('"é"', 'utf8').digest('hex'));
  });
});

describe('wrap and unwrap', () => {
  it('gives back the content, the app version and the export time', () => {
    const envelope = wrap(BUNDLE_FORMAT, content, '1.2.3', '2026-11-28T09:30:00.000Z');
    expect(envelope).toMatchObject({
      format: BUNDLE_FORMAT,
      formatVersion: CURRENT_FORMAT_VERSION,
      appVersion: '1.2.3'
    });
    const opened = unwrap('x.json', envelopeText(envelope), BUNDLE_FORMAT);
    expect(opened).toEqual({
      ok: true,
      content,
      formatVersion: CURRENT_FORMAT_VERSION,
      appVersion: '1.2.3',
      exportedAt: '2026-11-28T09:30:00.000Z'
    });
  });

  it('does not depend on whitespace or a byte-order mark around the JSON', () => {
    const text = '\uFEFF\n' + JSON.stringify(wrap(BACKUP_FORMAT, content, '1'), null, 4) + '\n\n';
    expect(unwrap('x.json', text, BACKUP_FORMAT).ok).toBe(true);
  });

  it('accepts the checksum written in capitals', () => {
    const envelope = wrap(BUNDLE_FORMAT, content, '1');
    const text = envelopeText({ ...envelope, sha256: envelope.sha256.toUpperCase() });
    expect(unwrap('x.json', text, BUNDLE_FORMAT).ok).toBe(true);
  });

  it('writes the keys in the documented order', () => {
    const text = envelopeText(wrap(BUNDLE_FORMAT, content, '1'));
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'format',
      'formatVersion',
      'appVersion',
      'exportedAt',
      'content',
      'sha256'
    ]);
  });
});

describe('unwrap refuses', () => {
  it('an empty file', () => {
    const result = failure(unwrap('empty.json', ' \n', BUNDLE_FORMAT));
    expect(result.problem).toBe('empty');
    expect(englishLine(result.fileProblem)).toMatch(/^empty\.json: the file is empty/);
  });

  it('text that is not JSON, naming the file', () => {
    const result = failure(unwrap('notes.txt', 'Kenya, 3, 4', BUNDLE_FORMAT));
    expect(result.problem).toBe('not-json');
    expect(englishLine(result.fileProblem)).toMatch(/^notes\.txt: the file is not valid JSON/);
    expect(englishLine(result.fileProblem)).toContain('not a file the app exported');
  });

  it('JSON that is not an envelope (foreign fixture, array, number)', () => {
    for (const text of [fixture('foreign.json'), '[1,2]', '42', 'null', '{"format":7}']) {
      const result = failure(unwrap('foreign.json', text, BUNDLE_FORMAT));
      expect(result.problem).toBe('wrong-format');
      expect(englishLine(result.fileProblem)).toBe(
        'foreign.json: this is not an NCS Self-Assessment bundle: choose a file the app exported as an assessment bundle'
      );
    }
  });

  it('a backup opened as a bundle, saying where it belongs', () => {
    const result = failure(unwrap('backup.json', fixture('backup.json'), BUNDLE_FORMAT));
    expect(result.problem).toBe('wrong-format');
    expect(englishMessage(result.fileProblem)).toBe(
      'this is an NCS Self-Assessment backup, not an assessment bundle: restore it under "Backup and restore" instead'
    );
  });

  it('a newer format version, asking to update the app', () => {
    const result = failure(unwrap('new.json', fixture('newer-version-5.json'), BUNDLE_FORMAT));
    expect(result.problem).toBe('newer-version');
    expect(englishLine(result.fileProblem)).toContain(
      'new.json: this file was made by a newer version of the app'
    );
    expect(englishLine(result.fileProblem)).toContain('update the app');
  });

  it('a format version that is not a whole number', () => {
    for (const version of ['"1"', '1.5', '-1', 'null']) {
      const text = envelopeText(wrap(BUNDLE_FORMAT, content, '1')).replace(
        `"formatVersion":${CURRENT_FORMAT_VERSION}`,
        `"formatVersion":${version}`
      );
      expect(failure(unwrap('v.json', text, BUNDLE_FORMAT)).problem).toBe('bad-version');
    }
  });

  it('an envelope without content', () => {
    const text = JSON.stringify({ format: BUNDLE_FORMAT, formatVersion: 1, sha256: 'ab' });
    expect(failure(unwrap('c.json', text, BUNDLE_FORMAT)).problem).toBe('wrong-format');
  });

  it('a changed byte (tampered fixture: one level changed)', () => {
    const result = failure(unwrap('tampered.json', fixture('tampered.json'), BUNDLE_FORMAT));
    expect(result.problem).toBe('checksum');
    expect(englishLine(result.fileProblem)).toMatch(
      /^tampered\.json: the file is damaged: its checksum does not match what it holds/
    );
  });

  it('a missing or non-string checksum', () => {
    const envelope = wrap(BUNDLE_FORMAT, content, '1');
    for (const sha256 of [undefined, 42, '']) {
      const text = JSON.stringify({ ...envelope, sha256 });
      expect(failure(unwrap('c.json', text, BUNDLE_FORMAT)).problem).toBe('checksum');
    }
  });

  it('a changed byte anywhere in the content', () => {
    const text = envelopeText(wrap(BUNDLE_FORMAT, content, '1'));
    const start = text.indexOf('"content":') + 10;
    const end = text.indexOf(',"sha256"');
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: end - 1 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        (at, char) => {
          fc.pre(text[at] !== char);
          const changed = text.slice(0, at) + char + text.slice(at + 1);
          const result = unwrap('c.json', changed, BUNDLE_FORMAT);
          expect(result.ok).toBe(false);
        }
      ),
      { numRuns: FUZZ_RUNS }
    );
  }, 30_000);
});

describe('the checksum covers the whole envelope (issue 12)', () => {
  const at = '2026-11-28T09:30:00.000Z';
  const text = envelopeText(wrap(BUNDLE_FORMAT, content, '1.2.3', at));

  it('is the SHA-256 of the envelope without its sha256 key, as written', () => {
    const { sha256, ...rest } = JSON.parse(text) as Record<string, unknown>;
    expect(sha256).toBe(createHash('sha256').update(JSON.stringify(rest), 'utf8').digest('hex'));
  });

  it.each([
    [
      'the export time',
      '"exportedAt":"2026-11-28T09:30:00.000Z"',
      '"exportedAt":"2026-01-01T09:30:00.000Z"'
    ],
    ['the app version', '"appVersion":"1.2.3"', '"appVersion":"9.9.9"'],
    ['the format version', `"formatVersion":${CURRENT_FORMAT_VERSION}`, '"formatVersion":1'],
    ['an added key', '"content":', '"signedBy":"the minister","content":']
  ])('refuses a file whose %s was changed', (_what, from, to) => {
    expect(text).toContain(from);
    const result = failure(unwrap('k.json', text.replace(from, to), BUNDLE_FORMAT));
    expect(result.problem).toBe('checksum');
    expect(englishLine(result.fileProblem)).toMatch(/^k\.json: the file is damaged/);
  });

  it('refuses a version 2 file whose checksum covers the content only', () => {
    const result = failure(unwrap('n.json', fixture('newer-version.json'), BUNDLE_FORMAT));
    expect(result.problem).toBe('checksum');
  });

  it('still opens a version 1 file, whose checksum covers the content only', () => {
    const opened = unwrap('valid.json', fixture('valid.json'), BUNDLE_FORMAT);
    expect(opened).toMatchObject({
      ok: true,
      upgradedFrom: 1,
      formatVersion: CURRENT_FORMAT_VERSION
    });
    const v1 = envelopeText(wrap(BUNDLE_FORMAT, content, '0.1.0', at, 1));
    expect(JSON.parse(v1)).toMatchObject({ sha256: contentHash(content) });
    expect(unwrap('v1.json', v1, BUNDLE_FORMAT)).toMatchObject({ ok: true, content });
  });

  it('never claims more than damage: no "changed after export", "verified" or "signed"', () => {
    const result = failure(unwrap('k.json', text.replace('1.2.3', '1.2.4'), BUNDLE_FORMAT));
    expect(englishLine(result.fileProblem)).not.toMatch(/changed after export|verified|signed/i);
  });
});

/**
 * A TEST-ONLY format version 0, which never existed in a release: the content keys had other
 * names (`records` of `{ meta, responses }`, `instruments`). Registered only through the options.
 */
function upgradeV0(content: unknown): unknown {
  const old = content as { records: { meta: unknown; responses: unknown }[]; instruments: unknown };
  if (!Array.isArray(old.records)) throw new Error('"records" is missing');
  return {
    assessments: old.records.map((r) => ({ assessment: r.meta, answers: r.responses })),
    questionnaires: old.instruments
  };
}

function v0Text(inner: unknown): string {
  return JSON.stringify({
    format: BUNDLE_FORMAT,
    formatVersion: 0,
    appVersion: '0.0.1',
    exportedAt: '2025-01-01T00:00:00.000Z',
    content: inner,
    sha256: contentHash(inner)
  });
}

describe('upgrader chain', () => {
  const v0 = {
    records: [{ meta: { id: 'a' }, responses: { 'q/a': { state: 'unknown' } } }],
    instruments: []
  };

  it('upgrades the test-only version 0 to the current version', () => {
    const opened = unwrap('old.json', v0Text(v0), BUNDLE_FORMAT, {
      upgraders: { ...UPGRADERS[BUNDLE_FORMAT], 0: upgradeV0 }
    });
    expect(opened).toEqual({
      ok: true,
      content: {
        // Version 2 to 3 gave the assessment an empty action plan, 3 to 4 no group answers.
        assessments: [
          {
            assessment: { id: 'a' },
            answers: { 'q/a': { state: 'unknown' } },
            actions: [],
            groupAnswers: {},
            consensusHistory: []
          }
        ],
        questionnaires: []
      },
      formatVersion: CURRENT_FORMAT_VERSION,
      appVersion: '0.0.1',
      exportedAt: '2025-01-01T00:00:00.000Z',
      upgradedFrom: 0
    });
  });

  it('verifies the checksum of the old content before upgrading it', () => {
    const text = v0Text(v0).replace('"unknown"', '"restricted"');
    const result = failure(
      unwrap('old.json', text, BUNDLE_FORMAT, { upgraders: { 0: upgradeV0 } })
    );
    expect(result.problem).toBe('checksum');
  });

  it('refuses version 0 when no upgrader is registered (the app itself)', () => {
    const result = failure(unwrap('old.json', v0Text(v0), BUNDLE_FORMAT));
    expect(result.problem).toBe('no-upgrade');
    expect(englishLine(result.fileProblem)).toContain('old.json: format version 0 is too old');
  });

  it('runs every step in order, from the file version to the current one', () => {
    const steps: string[] = [];
    const step = (n: number) => (c: unknown) => {
      steps.push(`${n}→${n + 1}`);
      return { ...(c as object), [`v${n + 1}`]: true };
    };
    const opened = unwrap('old.json', v0Text({}), BUNDLE_FORMAT, {
      currentVersion: 3,
      upgraders: { 0: step(0), 1: step(1), 2: step(2) }
    });
    expect(steps).toEqual(['0→1', '1→2', '2→3']);
    expect(opened).toMatchObject({
      ok: true,
      content: { v1: true, v2: true, v3: true },
      upgradedFrom: 0
    });
  });

  it('refuses a gap in the chain, saying which versions it reads', () => {
    const result = failure(
      unwrap('old.json', v0Text({}), BUNDLE_FORMAT, {
        currentVersion: 3,
        upgraders: { 0: (c) => c, 2: (c) => c }
      })
    );
    expect(result.problem).toBe('no-upgrade');
    expect(englishLine(result.fileProblem)).toContain('it reads versions from 2 on');
  });

  it('reports an upgrader that fails instead of throwing', () => {
    const result = failure(
      unwrap('old.json', v0Text({ other: 1 }), BUNDLE_FORMAT, { upgraders: { 0: upgradeV0 } })
    );
    expect(result.problem).toBe('upgrade-failed');
    expect(englishLine(result.fileProblem)).toBe(
      'old.json: could not convert the file from format version 0 to 1: export it again with a current version of the app'
    );
  });
});

describe('readEnvelopeBytes', () => {
  const content = { assessments: [{ id: 'a', title: 'Côte d’Ivoire “2026”' }], n: [1, 2.5] };
  const text = envelopeText(wrap(BACKUP_FORMAT, content, '9.9.9', '2026-11-28T10:00:00.000Z'));
  const bytes = new TextEncoder().encode(text);

  const { sha256: recorded, ...fields } = JSON.parse(text) as Record<string, unknown>;

  it('hashes from its bytes exactly what the whole-envelope checksum covers', async () => {
    const read = await readEnvelopeBytes(bytes);
    expect(read.text).toBe(text);
    expect(read.knownHash).toEqual({ text: JSON.stringify(fields), sha256: envelopeHash(fields) });
    expect(read.knownHash?.sha256).toBe(recorded);
  });

  it('hashes the content only of a version 1 file, as its checksum covers', async () => {
    const v1 = envelopeText(wrap(BACKUP_FORMAT, content, '9.9.9', '2026-11-28T10:00:00.000Z', 1));
    const read = await readEnvelopeBytes(new TextEncoder().encode(v1));
    expect(read.knownHash).toEqual({ text: JSON.stringify(content), sha256: contentHash(content) });
    expect(unwrap('old.json', v1, BACKUP_FORMAT, { knownHash: read.knownHash }).ok).toBe(true);
  });

  it('decodes like File.text(): a byte order mark dropped, broken UTF-8 replaced', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    const withBomRead = await readEnvelopeBytes(withBom);
    expect(withBomRead.text).toBe(text);
    expect(withBomRead.knownHash?.sha256).toBe(recorded);
    const broken = new Uint8Array(bytes);
    broken[text.indexOf('Côte') + 1] = 0xff;
    const brokenRead = await readEnvelopeBytes(broken);
    expect(brokenRead.text).toBe(await new Blob([broken]).text());
    expect(brokenRead.knownHash).toBeUndefined();
  });

  it('gives no hash for a file laid out otherwise (indented, or with a line after it)', async () => {
    const indented = JSON.stringify(JSON.parse(text), null, 2);
    expect((await readEnvelopeBytes(new TextEncoder().encode(indented))).knownHash).toBeUndefined();
    expect(
      (await readEnvelopeBytes(new TextEncoder().encode(`${text}\n`))).knownHash
    ).toBeUndefined();
  });

  it('unwrap uses a known hash only for the exact text the checksum covers', () => {
    const lie = { text: `${JSON.stringify(fields)} `, sha256: recorded as string };
    const changed = text.replace('2.5', '3.5');
    // The changed file does not stringify to the known text: it is hashed and refused.
    const opened = unwrap('b.json', changed, BACKUP_FORMAT, { knownHash: lie });
    expect(opened.ok ? 'accepted' : opened.problem).toBe('checksum');
    const wrongHash = { text: JSON.stringify(fields), sha256: '0'.repeat(64) };
    const refused = unwrap('b.json', text, BACKUP_FORMAT, { knownHash: wrongHash });
    expect(refused.ok ? 'accepted' : refused.problem).toBe('checksum');
    // A version 2 file's checksum covers more than its content: the content's own hash (what a
    // version 1 file records) is never enough, even when it is right.
    const contentOnly = { text: JSON.stringify(content), sha256: contentHash(content) };
    const v2WithV1Sum = envelopeText({
      ...wrap(BACKUP_FORMAT, content, '9.9.9'),
      sha256: contentHash(content)
    });
    const mixed = unwrap('b.json', v2WithV1Sum, BACKUP_FORMAT, { knownHash: contentOnly });
    expect(mixed.ok ? 'accepted' : mixed.problem).toBe('checksum');
  });

  it('a changed date in a version 2 file is refused from its bytes too', async () => {
    const redated = new TextEncoder().encode(text.replace('2026-11-28T10', '2026-11-29T10'));
    const read = await readEnvelopeBytes(redated);
    const opened = unwrap('b.json', read.text, BACKUP_FORMAT, { knownHash: read.knownHash });
    expect(opened.ok ? 'accepted' : opened.problem).toBe('checksum');
  });
});

describe('export text', () => {
  it('envelopeFile gives exactly the text of the envelope object, and unwrap accepts it', async () => {
    const content = {
      assessments: [{ id: 'a', title: 'Côte d’Ivoire “2026”' }],
      n: [1, 2.5, null]
    };
    const at = '2026-11-28T10:00:00.000Z';
    const text = await (await envelopeFile(BACKUP_FORMAT, content, '9.9.9', at)).blob.text();
    expect((JSON.parse(text) as { formatVersion: number }).formatVersion).toBe(
      CURRENT_FORMAT_VERSION
    );
    expect(text).toBe(envelopeText(wrap(BACKUP_FORMAT, content, '9.9.9', at)));
    const opened = unwrap('b.json', text, BACKUP_FORMAT);
    expect(opened.ok).toBe(true);
  });

  it('the native digest is the standard SHA-256 and agrees with the library one', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    );
    expect(contentHash('abc')).toBe(
      // contentHash covers JSON.stringify('abc') = '"abc"'
      await sha256Hex('"abc"')
    );
  });
});
