/**
 * One shape for every problem an importer or validator finds, whatever the file: where it is
 * (file, and a row and column for tables or a path for documents), a stable `code` that says
 * what kind of problem it is, and the `params` that fill its sentence in. The sentences are
 * messages (`messages/problems`), rendered by `state/problem-text.ts` in the interface language
 * and in English on the command line. See docs/languages.md ("Problems").
 *
 * Relative imports only: the command-line tools load this file too.
 */
export interface FileProblem {
  /** The file's name as the user chose it. */
  file: string;
  /** Table files: the row a spreadsheet shows (1-based, header = 1). */
  row?: number | undefined;
  /** Table files: the column's header as the file spells it. */
  column?: string | undefined;
  /** Documents (JSON, YAML): where inside, e.g. `sections[2].questions[0].levels.3`. */
  path?: string | undefined;
  /** What kind of problem, e.g. `csv.level-off-scale`; stable, for renderers and tests. */
  code: string;
  /** Values the sentence is made from (a level, a list of allowed values…), as the file spells them. */
  params?: ProblemParams | undefined;
}

export type ProblemParams = Readonly<Record<string, string | number>>;

/**
 * Where a problem is, as the command line prints it: `file:row:column`, `file: path` or `file`.
 * @example problemPlace({ file: 'a.csv', row: 3, column: 'level', code: 'x' }) // 'a.csv:3:level'
 */
export function problemPlace(p: FileProblem): string {
  if (p.row !== undefined) return `${p.file}:${p.row}${p.column ? `:${p.column}` : ''}`;
  if (p.path !== undefined) return `${p.file}: ${p.path}`;
  return p.file;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A path inside a document, written the way a developer would write it in JavaScript, so keys
 * with a slash or a digit stay readable; '' for the document itself.
 * @example formatPath(['content', 'assessments', 3, 'answers', 'privacy/law', 'level'])
 * // 'content.assessments[3].answers["privacy/law"].level'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && IDENTIFIER.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/**
 * One problem for a mistake repeated on many rows: problems with one of `codes` and the same
 * params become the first of them, with `count` (how many rows) added to its params. A file
 * naming a questionnaire this browser lacks on 400 rows then says "import it first" once.
 * Other problems pass through unchanged, in their order.
 * @example collapseRepeated([{ file: 'a.csv', row: 2, code: 'x', params: { id: 'q' } }, { file: 'a.csv', row: 3, code: 'x', params: { id: 'q' } }], new Set(['x']))
 * // [{ file: 'a.csv', row: 2, code: 'x', params: { id: 'q', count: 2 } }]
 */
export function collapseRepeated(
  problems: readonly FileProblem[],
  codes: ReadonlySet<string>
): FileProblem[] {
  const out: FileProblem[] = [];
  const firsts = new Map<string, { index: number; count: number }>();
  for (const p of problems) {
    if (!codes.has(p.code)) {
      out.push(p);
      continue;
    }
    const key = `${p.file}\u0000${p.code}\u0000${JSON.stringify(Object.entries(p.params ?? {}).sort())}`;
    const seen = firsts.get(key);
    if (seen) seen.count++;
    else {
      firsts.set(key, { index: out.length, count: 1 });
      out.push(p);
    }
  }
  for (const { index, count } of firsts.values()) {
    const p = out[index]!;
    out[index] = { ...p, params: { ...p.params, count } };
  }
  return out;
}
