import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cacheRegistryFormatters } from './intl-cache-plugin';
import * as registry from '../src/lib/paraglide/registry.js';

const NativePluralRules = Intl.PluralRules;
afterEach(() => {
  Intl.PluralRules = NativePluralRules;
});

describe("the cache of Paraglide's formatters", () => {
  it('gives the same words as a fresh formatter, building each formatter once', () => {
    let built = 0;
    // Counts the constructions the registry (loaded through Vite, so rewritten) makes from here.
    Intl.PluralRules = class extends NativePluralRules {
      constructor(...args: ConstructorParameters<typeof Intl.PluralRules>) {
        super(...args);
        built++;
      }
    } as typeof Intl.PluralRules;
    const words = [0, 1, 2, 5, 21].map((n) => registry.plural('fr', n, { type: 'ordinal' }));
    expect(words).toEqual(
      [0, 1, 2, 5, 21].map((n) => new NativePluralRules('fr', { type: 'ordinal' }).select(n))
    );
    expect(built).toBeLessThanOrEqual(1);
    expect(registry.number('fr', 1234.5)).toBe(new Intl.NumberFormat('fr').format(1234.5));
  });

  it("rewrites every construction of the generated registry, and refuses one it doesn't know", () => {
    const generated = readFileSync('src/lib/paraglide/registry.js', 'utf8');
    const rewritten = cacheRegistryFormatters(generated);
    expect(rewritten).not.toMatch(/new Intl\.(PluralRules|NumberFormat|DateTimeFormat)\(locale/);
    expect(() => cacheRegistryFormatters('export function plural() {}')).toThrow(
      /no longer builds its formatters/
    );
  });
});
