import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { LIBRARIES, PARTS, SHELL_FILES, TEST_FILE, advice, mayImport } from './src/architecture.js';

// Browser globals the pure domain layer must not touch: it runs in Node too (see
// docs/architecture.md, "Who may import whom").
const browserOnly = Object.keys(globals.browser).filter((name) => !(name in globals.es2021));

/**
 * A regular expression matching every way code names a part: `$lib/storage/…`, or a relative
 * path that climbs out of its own folder first (`../storage/…`, `../../lib/storage/…`).
 */
function partRegex(name) {
  const folder = PARTS[name].folder;
  const tail = folder.startsWith('src/lib/') ? folder.slice('src/lib/'.length) : 'routes';
  return `^(\\$lib/|(\\.\\./)+(lib/)?)${tail}(/|$)`;
}

/** The `no-restricted-imports` patterns of one part, for its code or for its tests. */
function importPatterns(from, test) {
  const example = test ? 'x.test.ts' : 'x.ts';
  const parts = Object.keys(PARTS)
    .filter((to) => to !== 'shell' && !mayImport(from, to, example))
    .map((to) => ({ regex: partRegex(to), message: advice(from, to) }));
  const libraries = LIBRARIES.filter((rule) => !rule.onlyIn.includes(from)).map((rule) => ({
    group: [...rule.names],
    message: `Only ${rule.onlyIn.join(', ')} may use ${rule.names[0]}: ${rule.why}.`
  }));
  return [...parts, ...libraries];
}

/** One block per part (and one for its tests), built from src/architecture.js. */
const houseRules = Object.entries(PARTS).flatMap(([name, part]) => {
  const files =
    name === 'shell'
      ? SHELL_FILES
      : ['ts', 'js', 'svelte'].map((ext) => `${part.folder}/**/*.${ext}`);
  const testFiles =
    name === 'shell'
      ? SHELL_FILES.filter((f) => TEST_FILE.test(f))
      : [`${part.folder}/**/*.test.ts`];
  return [
    {
      files,
      ignores: ['**/*.test.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: importPatterns(name, false) }] }
    },
    {
      files: testFiles,
      rules: { 'no-restricted-imports': ['error', { patterns: importPatterns(name, true) }] }
    }
  ];
});

export default ts.config(
  {
    ignores: [
      'build/',
      'build-*/',
      '.svelte-kit/',
      'node_modules/',
      'static/questionnaires/',
      'test-results/',
      'playwright-report/',
      'bench/profile/',
      'src/lib/paraglide/'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      curly: ['error', 'multi-line'],
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ],
      // Maps and Dates here are local values or private queues, never reactive state.
      'svelte/prefer-svelte-reactivity': 'off',
      'svelte/button-has-type': 'error',
      'svelte/no-at-html-tags': 'error'
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig
      }
    }
  },
  {
    // Routes use hash links built by our own helper; Kit's resolve() does not apply to '#/...'.
    files: ['**/*.svelte'],
    rules: { 'svelte/no-navigation-without-resolve': 'off' }
  },
  ...houseRules,
  {
    files: ['src/lib/domain/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: { 'no-restricted-globals': ['error', ...browserOnly] }
  },
  {
    files: ['src/lib/domain/**/*.test.ts'],
    rules: { 'no-restricted-globals': 'off' }
  }
);
