/**
 * French typography in the French message files: a no-break space (U+00A0) before `:`, `;`, `?`
 * and `!` and inside « guillemets », and the typographic apostrophe. Run with
 * `npx tsx scripts/french-typography.ts` after editing a French file; the message test fails
 * until it is run. See docs/languages.md ("Writing French").
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';

/** The text with French spacing and apostrophes. */
export function frenchTypography(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]+([:;?!])/g, '\u00a0$1')
    .replace(/«[ \u00a0\u202f]*/g, '«\u00a0')
    .replace(/[ \u00a0\u202f]*»/g, '\u00a0»')
    .replace(/(\p{L})'(\p{L})/gu, '$1’$2');
}

function fix(value: unknown): unknown {
  if (typeof value === 'string') return frenchTypography(value);
  if (Array.isArray(value)) return value.map(fix);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === 'declarations' || k === 'selectors' ? v : fix(v)
      ])
    );
  }
  return value;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const area of readdirSync('messages')) {
    const file = join('messages', area, 'fr.json');
    const before = readFileSync(file, 'utf8');
    const after = await format(JSON.stringify(fix(JSON.parse(before))), { parser: 'json' });
    if (after !== before) writeFileSync(file, after);
  }
}
