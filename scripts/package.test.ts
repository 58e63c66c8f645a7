import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The app's own source files, tests left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name)
      ? [path]
      : [];
  });
}

/** Packages a file loads at run time: static and dynamic imports, not `import type`. */
function importedPackages(text: string): string[] {
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)
  ].map((m) => m[1]!);
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('$') && !s.includes(':'))
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/')
    );
}

describe('package.json', () => {
  it('lists every library the browser code loads under dependencies, not devDependencies', () => {
    // Svelte and SvelteKit are the build's compiler and framework (devDependencies by their own
    // convention); every other library the app imports ships to browsers, so licence and audit
    // reports of the shipped code (`npm ls --omit=dev`) must see it.
    const framework = new Set(['svelte', '@sveltejs/kit']);
    const used = new Set(
      sourceFiles('src').flatMap((file) => importedPackages(readFileSync(file, 'utf8')))
    );
    const shipped = [...used].filter((name) => !framework.has(name)).sort();
    expect(shipped).toContain('yaml');
    expect(shipped.filter((name) => !(name in pkg.dependencies))).toEqual([]);
    expect(shipped.filter((name) => name in pkg.devDependencies)).toEqual([]);
  });
});
