/**
 * One shape for every problem an importer or validator finds, whatever the file: where it is
 * (file, and a row and column for tables or a path for documents), a stable `code` that says
 * what kind of problem it is, the `params` that fill it in, and an English `message` that says
 * what to fix. Screens and the command line render problems with one function each, so the
 * same problem reads the same everywhere. See docs/architecture.md ("Problems as data").
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
  /** Values the message is made from (a level, a list of allowed values…). */
  params?: Readonly<Record<string, string | number>> | undefined;
  /** What is wrong and what to write instead, in English. */
  message: string;
}

/**
 * Where a problem is, as the command line prints it: `file:row:column`, `file: path` or `file`.
 * @example problemPlace({ file: 'a.csv', row: 3, column: 'level', code: 'x', message: '' }) // 'a.csv:3:level'
 */
export function problemPlace(p: FileProblem): string {
  if (p.row !== undefined) return `${p.file}:${p.row}${p.column ? `:${p.column}` : ''}`;
  if (p.path !== undefined) return `${p.file}: ${p.path}`;
  return p.file;
}

/**
 * A problem as one line: its place, then its message.
 * @example problemLine({ file: 'a.csv', row: 3, column: 'level', code: 'x', message: 'write 1 to 5' })
 * // 'a.csv:3:level: write 1 to 5'
 */
export function problemLine(p: FileProblem): string {
  return `${problemPlace(p)}: ${p.message}`;
}
