/**
 * Paraglide's generated `registry.js` builds a new `Intl.PluralRules` (or `NumberFormat`,
 * `DateTimeFormat`) on every call of a message with a plural or a number: about 0.1 ms each in
 * Chromium against 1.5 µs for a formatter made once. A screen that writes hundreds of such
 * messages (the results, the facilitator's question list at every typed answer) paid tens of
 * milliseconds for it. This plugin makes each formatter once per language and options, in the
 * module as Vite loads it, so builds, the dev server and the unit tests all get it
 * (docs/performance.md, "Messages with plurals").
 *
 * It fails the build when the registry no longer has the shape it rewrites, rather than
 * silently leaving the cost in.
 */
import type { Plugin } from 'vite';

const REGISTRY = /[\\/]src[\\/]lib[\\/]paraglide[\\/]registry\.js$/;
const CONSTRUCTION = /new Intl\.(PluralRules|NumberFormat|DateTimeFormat)\(locale, (\w+)\)/g;

const HELPER = `
const intlFormatters = new Map();
/** One formatter per kind, language and options, made on first use (scripts/intl-cache-plugin.ts). */
function intlFormatter(kind, locale, options) {
  const key = kind + '|' + String(locale) + '|' + (options === undefined ? '' : JSON.stringify(options));
  let formatter = intlFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl[kind](locale, options);
    intlFormatters.set(key, formatter);
  }
  return formatter;
}
`;

/** Rewrites the registry's `new Intl.X(locale, options)` into a cached lookup. */
export function cacheRegistryFormatters(code: string): string {
  const kinds = new Set<string>();
  const rewritten = code.replace(CONSTRUCTION, (_, kind: string, options: string) => {
    kinds.add(kind);
    return `intlFormatter('${kind}', locale, ${options})`;
  });
  if (!kinds.has('PluralRules') || !kinds.has('NumberFormat')) {
    throw new Error(
      "Paraglide's registry.js no longer builds its formatters as `new Intl.PluralRules(locale, options)`: update scripts/intl-cache-plugin.ts."
    );
  }
  return HELPER + rewritten;
}

export function intlCache(): Plugin {
  return {
    name: 'ncs-intl-cache',
    transform(code, id) {
      if (!REGISTRY.test(id.split('?')[0]!)) return undefined;
      return { code: cacheRegistryFormatters(code), map: null };
    }
  };
}
