/**
 * Compiles the interface messages (`messages/<area>/<locale>.json`) into typed message functions
 * in `src/lib/paraglide/` (generated, not committed). The Vite plugin recompiles on every build,
 * dev start and unit-test run; `npm run messages` does the same for svelte-check and ESLint, which
 * do not run Vite. Both use the options below, so the two outputs are identical.
 * See docs/languages.md.
 */
import { compile, type CompilerOptions } from '@inlang/paraglide-js';

export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  // docs/languages.md, "Which language": the user's choice, then the browser's, then English.
  // Never the URL (the hash router owns it) and never a cookie.
  strategy: ['localStorage', 'preferredLanguage', 'baseLocale'],
  localStorageKey: 'ncs-locale',
  emitReadme: false
} satisfies CompilerOptions;

if (import.meta.url === `file://${process.argv[1]}`) {
  await compile(paraglideOptions);
  // The inlang SDK leaves a timer running for about 30 s after compiling; nothing is pending.
  process.exit(0);
}
