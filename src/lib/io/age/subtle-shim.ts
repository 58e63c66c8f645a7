/**
 * Lets the age library work on plain-http pages, which have no `crypto.subtle` (it exists only in
 * secure contexts: https and localhost).
 *
 * age-encryption 0.3.1 tries WebCrypto's X25519 first and falls back to its pure-JavaScript
 * implementation (@noble/curves) only when the attempt fails with a `ReferenceError` or a
 * `DOMException` named `NotSupportedError` (its `webCryptoFallback` in `dist/x25519.js`). Where
 * `crypto.subtle` is missing, its call `crypto.subtle.importKey(…)` fails with a `TypeError`
 * instead, which the library passes on, so X25519 keys would not work at all. Installing an
 * object whose methods all reject with `NotSupportedError` turns that into the failure the
 * library expects. Everything else the library needs (`crypto.getRandomValues`, streams) exists
 * on plain-http pages too.
 *
 * Other code that feature-tests `crypto.subtle` must therefore also be ready for it to reject
 * (the JSON envelope's hashing already falls back to @noble/hashes on any failure).
 */

/** The SubtleCrypto methods, all of which the stand-in rejects. */
const SUBTLE_METHODS = [
  'decrypt',
  'deriveBits',
  'deriveKey',
  'digest',
  'encrypt',
  'exportKey',
  'generateKey',
  'importKey',
  'sign',
  'unwrapKey',
  'verify',
  'wrapKey'
] as const;

/** Marks the stand-in, so tests and the platform status can tell it from the real thing. */
export const SUBTLE_SHIM = Symbol.for('ncs.age.subtle-shim');

function notSupported(): Promise<never> {
  return Promise.reject(
    new DOMException(
      'Web Crypto is not available on this page (not a secure context).',
      'NotSupportedError'
    )
  );
}

/**
 * Installs the stand-in where `crypto.subtle` is missing; does nothing where it exists. Safe to
 * call any number of times; every age function here calls it first.
 * @returns true when the stand-in is in place (now or from an earlier call).
 * @example ensureSubtle() // false on https and in Node, true on a plain-http page
 */
export function ensureSubtle(): boolean {
  const cryptoObject = globalThis.crypto as (Crypto & { subtle?: SubtleCrypto }) | undefined;
  // Without crypto.getRandomValues nothing can be encrypted: the library says so itself.
  if (cryptoObject === undefined) return false;
  const current = cryptoObject.subtle as (SubtleCrypto & { [SUBTLE_SHIM]?: true }) | undefined;
  if (current !== undefined && current !== null) return current[SUBTLE_SHIM] === true;
  const stand: Record<string | symbol, unknown> = { [SUBTLE_SHIM]: true };
  for (const method of SUBTLE_METHODS) stand[method] = notSupported;
  Object.defineProperty(cryptoObject, 'subtle', {
    value: stand,
    configurable: true,
    enumerable: true,
    writable: false
  });
  return true;
}
