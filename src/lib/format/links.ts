/**
 * Route parameters made safe for a link. SvelteKit's `resolve()` puts parameter values into the
 * path as they are, so an id from an imported file such as `a/b` or `100%` would point at
 * another screen or break the address; each value is percent-encoded here and the router
 * decodes it again. Ids the app accepts today need no encoding (docs/file-formats.md,
 * "Limits"); this keeps links right for whatever older data holds.
 * @example linkParams({ id: 'a/b' }) // { id: 'a%2Fb' }
 */
export function linkParams<T extends Record<string, string>>(params: T): T {
  const encoded: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) encoded[key] = encodeURIComponent(value);
  return encoded as T;
}
