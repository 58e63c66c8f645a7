import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptAge } from './decrypt';
import {
  createIdentity,
  identityFileText,
  keyPairOf,
  readIdentityText,
  recipientFingerprint,
  unwrapIdentity,
  wrapIdentity
} from './identity';
import { sealed, TEST_WORK_FACTOR, text } from './test-files';

describe('createIdentity', () => {
  it('makes a new X25519 key pair each time, with its fingerprint', async () => {
    const a = await createIdentity();
    const b = await createIdentity();
    expect(a.identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(a.recipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(a.fingerprint).toBe(recipientFingerprint(a.recipient));
    expect(b.identity).not.toBe(a.identity);
    expect(b.recipient).not.toBe(a.recipient);
  });

  it('makes keys that encrypt and decrypt', async () => {
    const pair = await createIdentity();
    const file = await sealed('for the advisor', { recipients: [pair.recipient] });
    const opened = await decryptAge('a.age', file, { identities: [pair.identity] });
    expect(opened.ok && text(opened.bytes)).toBe('for the advisor');
  });
});

describe('recipientFingerprint', () => {
  it('is the first 8 bytes of the SHA-256 of the key, in 4 groups of 4 capital hex digits', async () => {
    const { recipient } = await createIdentity();
    const hex = createHash('sha256').update(recipient).digest('hex').slice(0, 16).toUpperCase();
    const expected = `${hex.slice(0, 4)} ${hex.slice(4, 8)} ${hex.slice(8, 12)} ${hex.slice(12)}`;
    expect(recipientFingerprint(recipient)).toBe(expected);
    expect(recipientFingerprint(` ${recipient}\n`)).toBe(expected);
  });

  it('differs for different keys', async () => {
    const a = await createIdentity();
    const b = await createIdentity();
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });
});

describe('keyPairOf and readIdentityText', () => {
  it('give back the public key of a secret key', async () => {
    const pair = await createIdentity();
    expect(await keyPairOf('pasted', `${pair.identity}\n`)).toEqual({ ok: true, pair });
  });

  it('refuse a public key, a broken key and text without a key', async () => {
    const pair = await createIdentity();
    expect(await keyPairOf('pasted', pair.recipient)).toMatchObject({
      ok: false,
      problem: { code: 'age.identity-invalid' }
    });
    const changed = pair.identity.slice(0, -1) + (pair.identity.endsWith('Q') ? 'P' : 'Q');
    expect(await keyPairOf('pasted', changed)).toMatchObject({
      ok: false,
      problem: { code: 'age.identity-invalid' }
    });
    expect(await readIdentityText('notes.txt', '# nothing here\n')).toMatchObject({
      ok: false,
      problem: { file: 'notes.txt', code: 'age.identity-file-invalid' }
    });
  });

  it('read the key out of an identity file, skipping its comments', async () => {
    const pair = await createIdentity();
    const file = identityFileText(pair, new Date()).replaceAll('\n', '\r\n');
    expect(await readIdentityText('key.txt', file)).toEqual({ ok: true, pair });
  });
});

describe('identityFileText', () => {
  it('writes what age-keygen writes: the date, the public key, then the secret key', async () => {
    const pair = await createIdentity();
    expect(identityFileText(pair, new Date('2025-03-01T09:30:00.123Z'))).toBe(
      `# created: 2025-03-01T09:30:00Z\n# public key: ${pair.recipient}\n${pair.identity}\n`
    );
  });
});

describe('wrapIdentity and unwrapIdentity', () => {
  const options = { workFactor: TEST_WORK_FACTOR, createdAt: new Date('2025-03-01T00:00:00Z') };

  it('keep the identity only inside a passphrase file, and give it back', async () => {
    const pair = await createIdentity();
    const wrapped = await wrapIdentity('ncs-key.age', pair, 'advisor passphrase', options);
    expect(wrapped.ok).toBe(true);
    if (!wrapped.ok) return;
    expect(text(wrapped.bytes)).not.toContain(pair.identity);
    expect(text(wrapped.bytes)).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
    const inside = await decryptAge('ncs-key.age', wrapped.bytes, {
      passphrase: 'advisor passphrase'
    });
    expect(inside.ok && text(inside.bytes)).toBe(identityFileText(pair, options.createdAt));
    expect(await unwrapIdentity('ncs-key.age', wrapped.bytes, 'advisor passphrase')).toEqual({
      ok: true,
      pair
    });
  });

  it('refuse the wrong passphrase, and a passphrase file that holds no key', async () => {
    const pair = await createIdentity();
    const wrapped = await wrapIdentity('ncs-key.age', pair, 'right', options);
    if (!wrapped.ok) throw new Error('not wrapped');
    expect(await unwrapIdentity('ncs-key.age', wrapped.bytes, 'wrong')).toMatchObject({
      ok: false,
      problem: { code: 'age.wrong-passphrase' }
    });
    const notAKey = await sealed('{"format":"ncs-backup"}', { passphrase: 'right' });
    expect(await unwrapIdentity('backup.json.age', notAKey, 'right')).toMatchObject({
      ok: false,
      problem: { file: 'backup.json.age', code: 'age.identity-file-invalid' }
    });
  });

  it('refuse an empty passphrase', async () => {
    const pair = await createIdentity();
    expect(await wrapIdentity('ncs-key.age', pair, '', options)).toMatchObject({
      ok: false,
      problems: [{ code: 'age.passphrase-empty' }]
    });
  });
});
