#!/usr/bin/env bash
# npm test: everything CI checks, in order of speed, stopping at the first failure.
set -euo pipefail
echo "== lint (prettier + eslint) =="
npm run --silent lint
echo "== type check (svelte-check) =="
npm run --silent check
echo "== unit tests (vitest) =="
npx vitest run
echo "== browser tests (playwright, Debian Chromium) =="
npm run --silent test:e2e
