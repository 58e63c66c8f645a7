import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LIBRARIES, PARTS, advice, libraryMatches, mayImport, partOf } from './architecture.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Every source file under src/, as a repository-relative path with forward slashes. */
function sourceFiles(dir = 'src'): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...sourceFiles(file));
    else if (/\.(ts|js|svelte)$/.test(entry.name)) found.push(file);
  }
  return found;
}

/** The code of a file that imports: for a component, its script blocks. */
function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/**
 * Every module a piece of code names: static imports and re-exports (type-only ones too),
 * dynamic `import()`, and `new URL('…', import.meta.url)` (how a worker is started).
 */
export function importsOf(code: string): string[] {
  const info = ts.preProcessFile(code, true, true);
  const names = info.importedFiles.map((f) => f.fileName);
  // Only a module counts: a URL of a folder or a data file is not an import.
  for (const m of code.matchAll(/new URL\(\s*['"]([^'"]+\.[jt]s)['"]\s*,\s*import\.meta\.url/g)) {
    names.push(m[1]!);
  }
  return names;
}

/** A repository path for an app module (`$lib/…` or relative), or null for a library. */
function resolve(file: string, specifier: string): string | null {
  if (specifier === '$lib' || specifier.startsWith('$lib/')) {
    return `src/lib${specifier.slice('$lib'.length)}`;
  }
  if (specifier.startsWith('.')) return path.posix.join(path.posix.dirname(file), specifier);
  return null;
}

interface Arrow {
  file: string;
  specifier: string;
  problem: string;
}

/** Every import in `files` that the rules do not allow, with what to do instead. */
function forbiddenArrows(files: readonly { file: string; code: string }[]): Arrow[] {
  const arrows: Arrow[] = [];
  for (const { file, code } of files) {
    const from = partOf(file);
    if (from === null) {
      arrows.push({
        file,
        specifier: '',
        problem: 'belongs to no part: move it into one of the folders in src/architecture.js'
      });
      continue;
    }
    for (const specifier of new Set(importsOf(code))) {
      // Style sheets are not code: any part may load one.
      if (specifier.endsWith('.css')) continue;
      const target = resolve(file, specifier);
      if (target === null) {
        const rule = LIBRARIES.find((r) => libraryMatches(specifier, r.names));
        if (rule && !rule.onlyIn.includes(from)) {
          arrows.push({ file, specifier, problem: `only ${rule.onlyIn.join(', ')}: ${rule.why}` });
        }
        continue;
      }
      const to = partOf(target);
      if (to === null) {
        arrows.push({ file, specifier, problem: 'names a file outside every part' });
      } else if (!mayImport(from, to, file)) {
        arrows.push({ file, specifier, problem: advice(from, to) });
      }
    }
  }
  return arrows;
}

describe('who may import whom', () => {
  it('finds imports in TypeScript and in component script blocks, of every kind', () => {
    const component = [
      '<script module lang="ts">',
      "  import type { A } from '$lib/storage/a';",
      '</script>',
      '<script lang="ts">',
      "  import { b } from '../../io/b';",
      "  export { c } from '$lib/reports/c';",
      "  const d = await import('$lib/state/d');",
      "  const w = new Worker(new URL('../io/w.worker.ts'" + ', import.meta.url));',
      '</script>',
      "<p>import x from '$lib/storage/not-code'</p>"
    ].join('\n');
    expect(importsOf(scriptOf('x.svelte', component))).toEqual([
      '$lib/storage/a',
      '../../io/b',
      '$lib/reports/c',
      '$lib/state/d',
      '../io/w.worker.ts'
    ]);
  });

  it('reports a forbidden arrow, whether written with $lib or a relative path', () => {
    const arrows = forbiddenArrows([
      { file: 'src/lib/components/data/X.svelte', code: "import { db } from '../../storage/db';" },
      { file: 'src/lib/storage/y.ts', code: "import type { B } from '$lib/io/bundle';" },
      { file: 'src/lib/domain/z.ts', code: "import Dexie from 'dexie';" },
      { file: 'src/lib/state/ok.ts', code: "import { db } from '$lib/storage/db';" },
      { file: 'src/lib/storage/ok.test.ts', code: "import { parseBundle } from '$lib/io/bundle';" },
      { file: 'src/lib/elsewhere/w.ts', code: '' }
    ]);
    expect(arrows.map((a) => [a.file, a.specifier])).toEqual([
      ['src/lib/components/data/X.svelte', '../../storage/db'],
      ['src/lib/storage/y.ts', '$lib/io/bundle'],
      ['src/lib/domain/z.ts', 'dexie'],
      ['src/lib/elsewhere/w.ts', '']
    ]);
    expect(arrows[0]!.problem).toContain('src/lib/state');
    expect(arrows[1]!.problem).toContain('src/lib/domain');
  });

  it('src/ has no forbidden arrow', () => {
    const files = sourceFiles().map((file) => ({
      file,
      code: scriptOf(file, readFileSync(path.join(ROOT, file), 'utf8'))
    }));
    expect(files.length).toBeGreaterThan(100);
    const lines = forbiddenArrows(files).map(
      (a) => `${a.file}${a.specifier ? ` → ${a.specifier}` : ''}: ${a.problem}`
    );
    expect(lines, `${lines.length} forbidden arrows:\n${lines.join('\n')}`).toEqual([]);
  });

  it('docs/architecture.md shows the same table as src/architecture.js', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
    const text = doc.slice(
      doc.indexOf('## Who may import whom'),
      doc.indexOf('## Problems as data')
    );
    const rows = new Map<string, string[]>();
    for (const line of text.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      if (!cells[1]?.startsWith('`src')) continue;
      const folder = cells[1].replaceAll('`', '');
      const names = [...cells[2]!.matchAll(/`([a-z]+)`/g)].map((m) => m[1]!);
      if (/\bmessages\b/.test(cells[2]!)) names.push('messages');
      rows.set(folder, names.sort());
    }
    const expected = new Map(
      Object.values(PARTS).map((part) => [part.folder, [...part.mayImport].sort()])
    );
    expect(rows).toEqual(expected);
  });

  it('names a folder for every part', () => {
    for (const [name, part] of Object.entries(PARTS)) {
      expect(part.folder, name).toMatch(/^src/);
      for (const other of part.mayImport) expect(Object.keys(PARTS)).toContain(other);
    }
  });
});

describe('modules small enough to read in one sitting', () => {
  /** Generated files and test fixtures are not read as modules. */
  const isModule = (file: string) =>
    !/\.(test|spec)\.ts$|\/paraglide\/|\/fixtures\/|test-fixtures\.ts$/.test(file);

  it('no module under src/ is longer than 600 lines (docs/architecture.md, "Module size")', () => {
    const long = sourceFiles()
      .filter(isModule)
      .map((file) => ({
        file,
        lines: readFileSync(path.join(ROOT, file), 'utf8').split('\n').length
      }))
      .filter((m) => m.lines > 600)
      .map((m) => `${m.file}: ${m.lines} lines`);
    expect(long).toEqual([]);
  });
});
