import { describe, expect, it } from 'vitest';
import { linkParams } from './links';

describe('linkParams', () => {
  it('encodes every character that would change what a path means', () => {
    expect(linkParams({ id: 'a/b', q: '100%', s: 'x?y#z' })).toEqual({
      id: 'a%2Fb',
      q: '100%25',
      s: 'x%3Fy%23z'
    });
  });

  it('leaves the ids the app makes unchanged', () => {
    const id = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    expect(linkParams({ id, other: 'ke-2026.v2_x~y' })).toEqual({ id, other: 'ke-2026.v2_x~y' });
  });

  it('gives back what decodeURIComponent reads, for any text', () => {
    for (const text of ['__proto__', 'new', ' a b ', 'é/ü', '%2F']) {
      expect(decodeURIComponent(linkParams({ id: text }).id)).toBe(text);
    }
  });
});
