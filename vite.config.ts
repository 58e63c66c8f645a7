import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileQuestionnaires } from './scripts/questionnaire-compile.ts';
import { compileOverlays } from './scripts/overlay-compile.ts';
import type { QuestionnaireOverlay } from './src/lib/domain/questionnaire/overlay-schema.ts';
import { paraglideOptions } from './scripts/messages.ts';
import { intlCache } from './scripts/intl-cache-plugin.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const INDEX_ID = 'virtual:questionnaire-index';
const OVERLAYS_ID = 'virtual:questionnaire-overlays';
const OVERLAY_PREFIX = 'virtual:questionnaire-overlay/';

/**
 * Validates `questionnaires/*.yaml` (and the earlier editions in `questionnaires/editions/`) and
 * compiles them to `static/questionnaires/*.json` before
 * SvelteKit looks at `static/`, so the service worker precaches them. The app imports only the
 * small index (a virtual module); the YAML parser never reaches the browser bundle.
 *
 * The translation overlays (`questionnaires/i18n/<language>/*.yaml`) are checked against their
 * base here too, so an invalid one stops the build with its file and path: the build already
 * parses the bases, and a separate script step would be skipped by `vite dev` and `vite build`
 * run alone. Each becomes a module of its own that `virtual:questionnaire-overlays` imports
 * lazily, so a translation is a chunk loaded when first shown, never part of the first load.
 */
function questionnaires(): Plugin {
  let index = '[]';
  let editions = '[]';
  let overlays = new Map<string, QuestionnaireOverlay>();
  return {
    name: 'ncs-questionnaires',
    enforce: 'pre',
    config() {
      // Unit tests check the files themselves (builtin.test.ts) and must not depend on the build.
      if (process.env.VITEST) return;
      const compiled = compileQuestionnaires(process.cwd(), 'static/questionnaires');
      index = JSON.stringify(compiled.index);
      editions = JSON.stringify(compiled.editions);
      overlays = compileOverlays(process.cwd(), compiled.current);
    },
    resolveId(id) {
      if (id === INDEX_ID || id === OVERLAYS_ID || id.startsWith(OVERLAY_PREFIX)) return '\0' + id;
      return undefined;
    },
    load(id) {
      if (id === '\0' + INDEX_ID) {
        return `export default ${index};\nexport const editions = ${editions};`;
      }
      if (id === '\0' + OVERLAYS_ID) {
        const loaders = [...overlays.keys()].map(
          (key) => `${JSON.stringify(key)}: () => import(${JSON.stringify(OVERLAY_PREFIX + key)})`
        );
        // The titles alone, for the questionnaire list: it need not load five translations.
        const titles = Object.fromEntries(
          [...overlays].flatMap(([key, o]) => (o.title?.trim() ? [[key, o.title]] : []))
        );
        return `export default {${loaders.join(',')}};\nexport const titles = ${JSON.stringify(titles)};`;
      }
      if (id.startsWith('\0' + OVERLAY_PREFIX)) {
        const overlay = overlays.get(id.slice(1 + OVERLAY_PREFIX.length));
        return overlay === undefined ? undefined : `export default ${JSON.stringify(overlay)};`;
      }
      return undefined;
    }
  };
}

/**
 * Compiles the interface messages (docs/languages.md). Builds and the dev server use Paraglide's
 * own plugin, which also recompiles on change. Unit tests compile once in a child process: the
 * inlang SDK leaves a timer behind in the process that compiled, which kept Vitest from closing.
 */
function messages(): Plugin | Plugin[] {
  if (!process.env.VITEST) return paraglideVitePlugin(paraglideOptions);
  return {
    name: 'ncs-messages-once',
    config() {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/messages.ts'], {
        stdio: 'inherit'
      });
    }
  };
}

export default defineConfig({
  plugins: [questionnaires(), messages(), intlCache(), sveltekit()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  resolve: {
    // jsPDF imports these only for doc.html() and SVG input, which no report uses: a stub that
    // fails clearly keeps about 380 KB out of the build and the service worker's precache.
    alias: [
      {
        find: /^(html2canvas|dompurify|canvg)$/,
        replacement: fileURLToPath(new URL('src/lib/reports/jspdf-addon-stub.ts', import.meta.url))
      }
    ]
  },
  build: {
    target: 'es2022',
    // Rolldown's note on slow plugin callbacks is informational and shows on every build of this
    // app (SvelteKit's own writeBundle dominates); it hid the lines that matter.
    rolldownOptions: { checks: { bundlerTimings: false } }
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    // Vitest's 5 s default is too tight for the tests that start a child Node process (npm run
    // score, validate, start): about 2 s each when idle, several times that on a busy two-core
    // machine. 20 s still stops a hung test quickly. Fuzz and property tests set their own.
    testTimeout: 20_000
  }
});
