/**
 * Tests only: a problem as the English line the command line prints (`file:row:column: …` or
 * `file: path: …`), read straight from messages/problems/en.json, so io tests can check what a
 * user is told without importing the interface's message module (io may not: see
 * docs/architecture.md). The app and the command line use state/problem-text.ts.
 */
import { readFileSync } from 'node:fs';
import { problemPlace, type FileProblem } from '../../domain/problems';

type Variant = { declarations: string[]; selectors: string[]; match: Record<string, string> };

const messages = JSON.parse(
  readFileSync(new URL('../../../../messages/problems/en.json', import.meta.url), 'utf8')
) as Record<string, string | Variant[]>;

/** A code that belongs to another message area (`workshop.csv-one-group`): its own key there. */
function areaMessage(code: string): string | Variant[] | undefined {
  const area = code.split('.')[0] ?? '';
  if (!/^[a-z]+$/.test(area) || area === 'problems') return undefined;
  try {
    const url = new URL(`../../../../messages/${area}/en.json`, import.meta.url);
    const own = JSON.parse(readFileSync(url, 'utf8')) as Record<string, string | Variant[]>;
    return own[code.replace(/[.-]/g, '_')];
  } catch {
    return undefined;
  }
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** The English sentence of a problem's code and params. */
export function englishMessage(p: Pick<FileProblem, 'code' | 'params'> | undefined): string {
  if (p === undefined) throw new Error('expected a problem, found none');
  const key = `problems_${p.code.replace(/[.-]/g, '_')}`;
  const message = messages[key] ?? areaMessage(p.code);
  if (message === undefined) throw new Error(`no message for ${p.code}`);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(p.params ?? {})) {
    values[name] = String(value);
    if (typeof value === 'number') values[`${name}Text`] = value.toLocaleString('en');
  }
  if (typeof message === 'string') return fill(message, values);
  const variant = message[0]!;
  const chosen: Record<string, string> = {};
  for (const selector of variant.selectors) {
    const input = selector.replace(/Plural$/, '');
    chosen[selector] =
      selector.endsWith('Plural') && p.params?.[input] !== undefined
        ? new Intl.PluralRules('en').select(Number(p.params[input]))
        : String(p.params?.[input] ?? '');
  }
  const match = Object.entries(variant.match).find(([when]) =>
    when.split(',').every((part) => {
      const [selector, value] = part.trim().split('=');
      return value === '*' || chosen[selector!] === value;
    })
  );
  if (!match) throw new Error(`no variant of ${p.code} for ${JSON.stringify(chosen)}`);
  return fill(match[1], values);
}

/** `file:row:column: sentence` / `file: path: sentence` / `file: sentence`. */
export function englishLine(p: FileProblem | undefined): string {
  if (p === undefined) throw new Error('expected a problem, found none');
  return `${problemPlace(p)}: ${englishMessage(p)}`;
}

/** Every problem as one English line, joined by line breaks. */
export function englishLines(problems: readonly FileProblem[]): string {
  return problems.map(englishLine).join('\n');
}
