/**
 * Plain-http pages have no `crypto.subtle`. These tests remove it from Node's `crypto` (each test
 * file runs in its own process, so no other test sees this) and check that the age functions
 * still work, through the library's pure-JavaScript X25519, and still interoperate with `age`.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { englishMessage } from '../testing/problem-words';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { decryptAge } from './decrypt';
import { encryptAge } from './encrypt';
import { createIdentity, identityFileText, keyPairOf } from './identity';
import { ensureSubtle, SUBTLE_SHIM } from './subtle-shim';
import { runTool, Scratch } from './test-tool';
import { text } from './test-files';

const realSubtle = globalThis.crypto.subtle;
const scratch = new Scratch();

type MaybeShim = (SubtleCrypto & { [SUBTLE_SHIM]?: true }) | undefined;
const currentSubtle = () => globalThis.crypto.subtle as MaybeShim;

/** What a plain-http page has: `crypto` with `getRandomValues`, but no `subtle`. */
function removeSubtle(): void {
  Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
}

afterAll(() => {
  // The own property hides Node's getter; deleting it brings the real one back.
  delete (globalThis.crypto as { subtle?: unknown }).subtle;
  scratch.remove();
});

describe('ensureSubtle where crypto.subtle exists', () => {
  it('leaves the real one alone', () => {
    expect(ensureSubtle()).toBe(false);
    expect(globalThis.crypto.subtle).toBe(realSubtle);
  });
});

describe('without crypto.subtle, as on a plain-http page', () => {
  beforeEach(removeSubtle);

  it('the library alone cannot use X25519 keys: the reason for the stand-in', async () => {
    const identity = await generateIdentity();
    await expect(identityToRecipient(identity)).rejects.toThrow(TypeError);
  });

  it('installs a stand-in whose methods reject with NotSupportedError', async () => {
    expect(currentSubtle()).toBeUndefined();
    expect(ensureSubtle()).toBe(true);
    expect(ensureSubtle()).toBe(true);
    const stand = currentSubtle();
    expect(stand?.[SUBTLE_SHIM]).toBe(true);
    const refusal = stand?.importKey('raw', new Uint8Array(32), { name: 'X25519' }, false, []);
    await expect(refusal).rejects.toMatchObject({ name: 'NotSupportedError' });
    await expect(stand?.digest('SHA-256', new Uint8Array())).rejects.toBeInstanceOf(DOMException);
  });

  it('creates keys and round-trips files, installing the stand-in by itself', async () => {
    const pair = await createIdentity();
    expect(currentSubtle()?.[SUBTLE_SHIM]).toBe(true);
    expect(await keyPairOf('pasted', pair.identity)).toEqual({ ok: true, pair });
    const sealed = await encryptAge('a.age', 'over http', { recipients: [pair.recipient] });
    if (!sealed.ok) throw new Error(englishMessage(sealed.problems[0]));
    const opened = await decryptAge('a.age', sealed.bytes, { identities: [pair.identity] });
    expect(opened.ok && text(opened.bytes)).toBe('over http');
  });

  it('writes files the age tool opens, and opens files the age tool writes', async () => {
    const pair = await createIdentity();
    const identityFile = scratch.write('id.txt', identityFileText(pair, new Date()));
    const sealed = await encryptAge('a.age', 'over http', { recipients: [pair.recipient] });
    if (!sealed.ok) throw new Error(englishMessage(sealed.problems[0]));
    const file = scratch.write('a.age', sealed.bytes);
    expect(runTool('age', ['-d', '-i', identityFile, file]).stdout).toBe('over http');

    const output = scratch.path('b.age');
    expect(runTool('age', ['-r', pair.recipient, '-o', output], 'from the tool').status).toBe(0);
    const opened = await decryptAge('b.age', scratch.read('b.age'), {
      identities: [pair.identity]
    });
    expect(opened.ok && text(opened.bytes)).toBe('from the tool');
  });
});
