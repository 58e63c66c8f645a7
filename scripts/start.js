// npm start: builds the app, then serves it (serve.js). The build reports its progress on
// stdout — every file with its size, SvelteKit's "run npm run preview" hint (printed whatever
// the log level), the adapter's notes — which would bury the one line that matters, so that
// stream is dropped. Warnings and errors come on stderr and show as they happen; a failed build
// stops here with its exit code.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const vite = join(
  dirname(createRequire(import.meta.url).resolve('vite/package.json')),
  'bin/vite.js'
);

console.log('Building the app…');
const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
  stdio: ['ignore', 'ignore', 'inherit']
});
if (build.error) throw build.error;
if (build.status !== 0) process.exit(build.status ?? 1);
await import('./serve.js');
