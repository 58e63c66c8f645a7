import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frenchTypography } from './french-typography';

// docs/languages.md: one folder per area under messages/, one file per language in each, and
// every key starts with its area's name. English and French must offer the same keys, and each
// message the same parameters, or a screen would show a key or lose a value in one language.

const ROOT = 'messages';
const LOCALES = ['en', 'fr'] as const;
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
  locales: string[];
  'plugin.inlang.messageFormat': { pathPattern: string[] };
};
const areas = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

type Messages = Record<string, unknown>;

function read(area: string, locale: string): Messages {
  return JSON.parse(readFileSync(join(ROOT, area, `${locale}.json`), 'utf8')) as Messages;
}

/** Every `{name}` a message's text uses, and every `input name` its variants declare. */
export function parameters(message: unknown): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const [, name] of value.matchAll(/(?<!\\)\{\s*([A-Za-z_][\w]*)\s*\}/g)) names.add(name!);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      const v = value as { declarations?: string[]; match?: Record<string, unknown> };
      for (const d of v.declarations ?? []) {
        const input = /^input\s+(\w+)/.exec(d);
        if (input) names.add(input[1]!);
      }
      if (v.match) Object.values(v.match).forEach(visit);
    }
  };
  visit(message);
  // A `local` variable (a plural selector, a formatted number) is not a parameter.
  const locals = new Set<string>();
  const collectLocals = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collectLocals);
    else if (value && typeof value === 'object') {
      for (const d of (value as { declarations?: string[] }).declarations ?? []) {
        const local = /^local\s+(\w+)/.exec(d);
        if (local) locals.add(local[1]!);
      }
    }
  };
  collectLocals(message);
  return [...names].filter((n) => !locals.has(n)).sort();
}

describe('message files', () => {
  it('the project lists every area file, and both languages', () => {
    expect(settings.locales).toEqual([...LOCALES]);
    expect([...settings['plugin.inlang.messageFormat'].pathPattern].sort()).toEqual(
      areas.map((a) => `./messages/${a}/{locale}.json`).sort()
    );
  });

  for (const area of areas) {
    describe(area, () => {
      const en = read(area, 'en');
      const fr = read(area, 'fr');

      it('English and French have the same keys', () => {
        const missingInFrench = Object.keys(en).filter((k) => !(k in fr));
        const missingInEnglish = Object.keys(fr).filter((k) => !(k in en));
        expect({ missingInFrench, missingInEnglish }).toEqual({
          missingInFrench: [],
          missingInEnglish: []
        });
      });

      it('each message has the same parameters in both languages', () => {
        const differing = Object.keys(en)
          .filter((k) => k in fr)
          .filter((k) => parameters(en[k]).join() !== parameters(fr[k]).join())
          .map(
            (k) => `${k}: en {${parameters(en[k]).join(', ')}} fr {${parameters(fr[k]).join(', ')}}`
          );
        expect(differing).toEqual([]);
      });

      it(`every key starts with "${area}_" and is a plain identifier`, () => {
        const wrong = [...Object.keys(en), ...Object.keys(fr)].filter(
          (k) => !new RegExp(`^${area}_[a-z0-9_]+$`).test(k)
        );
        expect(wrong).toEqual([]);
      });

      it('no message is empty, and none counts with "(s)"', () => {
        const bad = LOCALES.flatMap((locale) =>
          Object.entries(read(area, locale))
            .filter(([, v]) => JSON.stringify(v) === '""' || /\(s\)|\(x\)/.test(JSON.stringify(v)))
            .map(([k]) => `${locale}: ${k}`)
        );
        expect(bad).toEqual([]);
      });

      it('French uses no-break spaces before : ; ? ! and typographic apostrophes', () => {
        const texts = (v: unknown): string[] =>
          typeof v === 'string'
            ? [v]
            : Array.isArray(v)
              ? v.flatMap(texts)
              : v && typeof v === 'object'
                ? Object.values((v as { match?: object }).match ?? {}).flatMap(texts)
                : [];
        const wrong = Object.entries(fr).flatMap(([k, v]) =>
          texts(v)
            .filter((t) => frenchTypography(t) !== t)
            .map((t) => `${k}: ${t} (run npx tsx scripts/french-typography.ts)`)
        );
        expect(wrong).toEqual([]);
      });
    });
  }

  it('no key is used by two areas', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const area of areas) {
      for (const key of Object.keys(read(area, 'en'))) {
        if (seen.has(key)) clashes.push(`${key} in ${seen.get(key)} and ${area}`);
        seen.set(key, area);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('frenchTypography', () => {
  it('puts no-break spaces before double punctuation and inside guillemets', () => {
    expect(frenchTypography("Langue : l'anglais ? « oui »")).toBe(
      'Langue\u00a0: l’anglais\u00a0? «\u00a0oui\u00a0»'
    );
    expect(frenchTypography('TLP:AMBER, 2^{limit}')).toBe('TLP:AMBER, 2^{limit}');
  });
});

describe('parameters', () => {
  it('finds text parameters and declared inputs, not locals or escaped braces', () => {
    expect(parameters('Hello {name}, \\{not} {n}')).toEqual(['n', 'name']);
    expect(
      parameters([
        {
          declarations: ['input count', 'local countPlural = count: plural'],
          selectors: ['countPlural'],
          match: { 'countPlural=one': '{count} item in {place}', 'countPlural=other': '{count}' }
        }
      ])
    ).toEqual(['count', 'place']);
  });
});
