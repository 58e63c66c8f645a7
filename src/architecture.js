/**
 * Who may import whom: the one statement of the house's rules. `eslint.config.js` turns it into
 * one `no-restricted-imports` block per part, `src/architecture.test.ts` checks every file of
 * `src/` against it, and docs/architecture.md shows the same table (a test keeps them equal).
 *
 * Plain JavaScript so that the ESLint config can load it without a build step.
 */

/**
 * @typedef {object} Part
 * @property {string} folder The part's folder, relative to the repository.
 * @property {string} holds What belongs here, in a few words (used in lint messages).
 * @property {readonly string[]} mayImport The other parts this one may import.
 */

/**
 * Every part of `src/`, in the order the docs list them. A part may always import itself.
 * @type {Readonly<Record<string, Part>>}
 */
export const PARTS = {
  domain: {
    folder: 'src/lib/domain',
    holds: 'pure TypeScript: every number, rule and record shape',
    mayImport: ['format']
  },
  io: {
    folder: 'src/lib/io',
    holds: 'file readers and writers (CSV, JSON bundles, backups)',
    mayImport: ['domain', 'format']
  },
  storage: {
    folder: 'src/lib/storage',
    holds: 'the IndexedDB database and its repositories',
    mayImport: ['domain', 'format']
  },
  charts: {
    folder: 'src/lib/charts',
    holds: 'chart data and chart.js configurations',
    mayImport: ['domain', 'format', 'messages']
  },
  reports: {
    folder: 'src/lib/reports',
    holds: 'PDF document plans and their renderer',
    mayImport: ['domain', 'charts', 'format', 'messages']
  },
  state: {
    folder: 'src/lib/state',
    holds: 'rune classes and actions the screens call; the only door to storage, io and reports',
    mayImport: ['storage', 'io', 'domain', 'charts', 'reports', 'format', 'messages']
  },
  components: {
    folder: 'src/lib/components',
    holds: 'Svelte components shared by several screens',
    mayImport: ['state', 'domain', 'charts', 'format', 'messages']
  },
  routes: {
    folder: 'src/routes',
    holds: 'the screens: load through state, wire state to components, render',
    mayImport: ['components', 'state', 'domain', 'charts', 'format', 'messages']
  },
  format: {
    folder: 'src/lib/format',
    holds: 'tiny helpers with no dependencies (dates, plurals, file-safe names)',
    mayImport: []
  },
  messages: {
    folder: 'src/lib/paraglide',
    holds: 'the interface strings compiled by Paraglide JS',
    mayImport: []
  },
  shell: {
    folder: 'src (top level)',
    holds:
      'the files SvelteKit expects at the top of src/ (hooks, service worker, type declarations)',
    mayImport: ['state', 'domain', 'format']
  }
};

/** The files at the top of `src/` that SvelteKit, Vitest or TypeScript expect there. */
export const SHELL_FILES = [
  'src/app.d.ts',
  'src/virtual.d.ts',
  'src/hooks.client.ts',
  'src/service-worker.ts',
  'src/test-setup.ts',
  'src/architecture.js',
  'src/architecture.test.ts'
];

/**
 * Outside libraries that only some parts may use, with the reason. A library not listed here
 * may be used anywhere the rules above allow.
 * @type {readonly { names: readonly string[]; onlyIn: readonly string[]; why: string }[]}
 */
export const LIBRARIES = [
  {
    names: ['dexie'],
    onlyIn: ['storage'],
    why: 'storage is the only code that talks to IndexedDB'
  },
  {
    names: ['chart.js', 'chart.js/*'],
    onlyIn: ['charts', 'reports'],
    why: 'charts are configured in src/lib/charts; the PDF renderer draws them to images'
  },
  {
    names: ['jspdf', 'jspdf-autotable'],
    onlyIn: ['reports'],
    why: 'PDF files are made in src/lib/reports'
  },
  {
    names: ['papaparse'],
    onlyIn: ['io'],
    why: 'CSV files are read and written in src/lib/io'
  },
  {
    names: ['svelte', 'svelte/*', '$app/*'],
    onlyIn: ['state', 'components', 'routes', 'charts', 'reports', 'shell'],
    why: 'domain, io, storage and format run in Node too (command line, worker, tests)'
  }
];

/**
 * What a test file may import besides what its part may: io, which turns fixture files into data
 * the way the app does (a storage test imports a real bundle; a domain test reads the built-in
 * questionnaire files).
 */
export const TESTS_MAY_ALSO_IMPORT = ['io'];

/** Whether a file is a unit test (`*.test.ts`), which may also import `TESTS_MAY_ALSO_IMPORT`. */
export const TEST_FILE = /\.test\.ts$/;

/**
 * The part a file belongs to, or null when it sits outside every part.
 * @param {string} file path relative to the repository, with forward slashes
 * @returns {string | null}
 * @example partOf('src/lib/state/data/imports.ts') // 'state'
 */
export function partOf(file) {
  if (SHELL_FILES.includes(file)) return 'shell';
  for (const [name, part] of Object.entries(PARTS)) {
    if (name === 'shell') continue;
    if (file === part.folder || file.startsWith(`${part.folder}/`)) return name;
  }
  return null;
}

/**
 * Whether code in part `from` may import part `to`; `file`, when given, lets a test file also
 * import what `TESTS_MAY_ALSO_IMPORT` lists.
 * @param {string} from
 * @param {string} to
 * @param {string} [file]
 * @example mayImport('components', 'storage') // false
 */
export function mayImport(from, to, file = '') {
  if (from === to || (PARTS[from]?.mayImport.includes(to) ?? false)) return true;
  return TEST_FILE.test(file) && TESTS_MAY_ALSO_IMPORT.includes(to);
}

/**
 * Whether a bare module name matches one of a library rule's names (`chart.js/*` matches
 * `chart.js/auto`).
 * @param {string} specifier
 * @param {readonly string[]} names
 */
export function libraryMatches(specifier, names) {
  return names.some((name) =>
    name.endsWith('/*') ? specifier.startsWith(name.slice(0, -1)) : specifier === name
  );
}

/**
 * The parts a part may not import, each with where its code belongs instead. Used for the lint
 * messages and the test's failure list.
 * @param {string} from
 * @param {string} to
 * @returns {string}
 */
export function advice(from, to) {
  const allowed = PARTS[from]?.mayImport ?? [];
  const may = allowed.length > 0 ? allowed.join(', ') : 'no other part';
  const door =
    ['storage', 'io', 'reports'].includes(to) && ['components', 'routes'].includes(from)
      ? ` Call a function or rune class in src/lib/state that does it (and re-exports the types you need).`
      : to === 'io' && from === 'storage'
        ? ` Record shapes and canonical JSON belong in src/lib/domain, which both may use.`
        : '';
  return `${PARTS[from]?.folder ?? from} may import only ${may} (docs/architecture.md, "Who may import whom"); ${PARTS[to]?.folder ?? to} holds ${PARTS[to]?.holds ?? 'other code'}.${door}`;
}
