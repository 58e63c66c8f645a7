import { describe, expect, it } from 'vitest';
import { englishMessage } from '../testing/problem-words';
import { decryptAge } from './decrypt';
import { encryptAge, type AgeEncryptKey, type AgeStage } from './encrypt';
import { detectAge } from './header';
import { sealed, TEST_WORK_FACTOR, testKey, text } from './test-files';

const CONTENT = 'country,assessment_id\r\nKE,ke-2025 — “Évaluation” ✓\r\n';

describe('encryptAge then decryptAge', () => {
  it('round-trips text with a passphrase', async () => {
    const file = await sealed(CONTENT, { passphrase: 'correct horse battery staple' });
    const opened = await decryptAge('a.age', file, { passphrase: 'correct horse battery staple' });
    expect(opened.ok && text(opened.bytes)).toBe(CONTENT);
  });

  it('round-trips bytes, every value and an empty file, to one recipient', async () => {
    const key = await testKey();
    const bytes = Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256);
    for (const content of [bytes, new Uint8Array()]) {
      const file = await sealed(content, { recipients: [key.recipient] });
      const opened = await decryptAge('a.age', file, { identities: [key.identity] });
      expect(opened).toEqual({ ok: true, bytes: content, format: 'binary' });
    }
  });

  it('round-trips a file larger than one 64 KiB chunk', async () => {
    const key = await testKey();
    const content = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7) % 251);
    const file = await sealed(content, { recipients: [key.recipient] });
    const opened = await decryptAge('a.age', file, { identities: [key.identity] });
    expect(opened.ok && opened.bytes).toEqual(content);
  });

  it('lets each of several recipients open the file, and nobody else', async () => {
    const keys = [await testKey(), await testKey(), await testKey()];
    const stranger = await testKey();
    const file = await sealed(CONTENT, { recipients: keys.map((key) => key.recipient) });
    for (const key of keys) {
      const opened = await decryptAge('a.age', file, { identities: [key.identity] });
      expect(opened.ok && text(opened.bytes)).toBe(CONTENT);
    }
    const refused = await decryptAge('a.age', file, { identities: [stranger.identity] });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'age.wrong-identity' } });
  });

  it('writes and reads the armoured form, for both kinds of key', async () => {
    const key = await testKey();
    const keys: AgeEncryptKey[] = [{ passphrase: 'pass' }, { recipients: [key.recipient] }];
    for (const encryptKey of keys) {
      const file = await sealed(CONTENT, encryptKey, { armor: true });
      expect(text(file)).toMatch(
        /^-----BEGIN AGE ENCRYPTED FILE-----\n[A-Za-z0-9+/=\n]+-----END AGE ENCRYPTED FILE-----\n$/
      );
      expect(detectAge(file)).toBe('armored');
      const opened = await decryptAge(
        'a.age',
        file,
        encryptKey.passphrase !== undefined
          ? { passphrase: 'pass' }
          : { identities: [key.identity] }
      );
      expect(opened).toMatchObject({ ok: true, format: 'armored' });
      expect(opened.ok && text(opened.bytes)).toBe(CONTENT);
    }
  });

  // The default runs scrypt at 2^18 once: seconds, so a generous limit of its own.
  it('writes the work factor it is given into the header, 18 by default', async () => {
    const low = await sealed('x', { passphrase: 'p' });
    expect(text(low)).toMatch(new RegExp(`^-> scrypt \\S+ ${TEST_WORK_FACTOR}$`, 'm'));
    const standard = await encryptAge('a.age', 'x', { passphrase: 'p' });
    expect(standard.ok && text(standard.bytes)).toMatch(/^-> scrypt \S+ 18$/m);
  }, 120_000);

  it('reports the stages: scrypt first for a passphrase, straight to work for a key', async () => {
    const stages: AgeStage[] = [];
    const onStage = (stage: AgeStage) => stages.push(stage);
    const file = await encryptAge('a.age', 'x', { passphrase: 'p' }, { workFactor: 10, onStage });
    expect(stages).toEqual(['deriving-key', 'encrypting']);
    stages.length = 0;
    await decryptAge(
      'a.age',
      file.ok ? file.bytes : new Uint8Array(),
      { passphrase: 'p' },
      { onStage }
    );
    expect(stages).toEqual(['deriving-key', 'decrypting']);
    stages.length = 0;
    const key = await testKey();
    await encryptAge('a.age', 'x', { recipients: [key.recipient] }, { onStage });
    expect(stages).toEqual(['encrypting']);
  });
});

describe('encryptAge refuses', () => {
  it('a passphrase and recipients together, with the reason', async () => {
    const key = await testKey();
    const both = { passphrase: 'p', recipients: [key.recipient] } as unknown as AgeEncryptKey;
    const result = await encryptAge('kit.json.age', 'x', both);
    expect(result).toMatchObject({
      ok: false,
      problems: [{ file: 'kit.json.age', code: 'age.passphrase-and-recipients' }]
    });
    if (!result.ok) expect(englishMessage(result.problems[0])).toContain('not both');
  });

  it('no key, an empty passphrase, and no recipients', async () => {
    const none = {} as AgeEncryptKey;
    expect(await encryptAge('f', 'x', none)).toMatchObject({ problems: [{ code: 'age.no-key' }] });
    expect(await encryptAge('f', 'x', { passphrase: '' })).toMatchObject({
      problems: [{ code: 'age.passphrase-empty' }]
    });
    expect(await encryptAge('f', 'x', { recipients: [] })).toMatchObject({
      problems: [{ code: 'age.no-key' }]
    });
  });

  it('bad recipients, one problem each, and writes nothing', async () => {
    const key = await testKey();
    const result = await encryptAge('f', 'x', {
      recipients: [key.recipient, 'age1pq1xyz', 'age1nope']
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          code: 'age.recipient-post-quantum',
          params: expect.objectContaining({ position: 2 })
        }),
        expect.objectContaining({
          code: 'age.recipient-invalid',
          params: expect.objectContaining({ position: 3 })
        })
      ]
    });
  });

  it('a work factor outside what the app can open, as a mistake in the calling code', async () => {
    await expect(encryptAge('f', 'x', { passphrase: 'p' }, { workFactor: 21 })).rejects.toThrow(
      RangeError
    );
    await expect(encryptAge('f', 'x', { passphrase: 'p' }, { workFactor: 0 })).rejects.toThrow(
      RangeError
    );
  });
});
