/**
 * Test-only: age files made for the tests, and ways to change them. Passphrase files use scrypt
 * work factor 10 (2^10, a few milliseconds) instead of the standard 18 (1 to 2 seconds in
 * JavaScript), through the library's own setting; the format and the code paths are the same.
 */
import { armor, generateIdentity, identityToRecipient } from 'age-encryption';
import { encryptAge, type AgeEncryptKey } from './encrypt';

export const TEST_WORK_FACTOR = 10;

export interface TestKey {
  identity: string;
  recipient: string;
}

export async function testKey(): Promise<TestKey> {
  const identity = await generateIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** Encrypts `content` for a test; fails the test if encryption is refused. */
export async function sealed(
  content: Uint8Array | string,
  key: AgeEncryptKey,
  options: { armor?: boolean } = {}
): Promise<Uint8Array> {
  const result = await encryptAge('test.age', content, key, {
    ...options,
    workFactor: TEST_WORK_FACTOR
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.code).join('\n'));
  return result.bytes;
}

export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

export function bytesOf(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

/** The header lines of a binary age file (everything up to and including the `---` line). */
export function headerOf(file: Uint8Array): string {
  const end = text(file).indexOf('\n---');
  const macEnd = file.indexOf(0x0a, end + 1);
  return text(file.subarray(0, macEnd + 1));
}

/** The file with its header text replaced (the contents after it unchanged). */
export function withHeader(file: Uint8Array, header: string): Uint8Array {
  const old = headerOf(file);
  const rest = file.subarray(bytesOf(old).length);
  const head = bytesOf(header);
  const out = new Uint8Array(head.length + rest.length);
  out.set(head);
  out.set(rest, head.length);
  return out;
}

/** The file with one bit flipped. */
export function flipBit(file: Uint8Array, index: number, bit = 0): Uint8Array {
  const copy = file.slice();
  copy[index] = (copy[index] ?? 0) ^ (1 << bit);
  return copy;
}

/** The binary file as the armoured form, as bytes. */
export function armored(file: Uint8Array): Uint8Array {
  return bytesOf(armor.encode(file));
}
