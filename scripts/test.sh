#!/usr/bin/env bash
# npm test: everything CI checks, in order of speed, stopping at the first failure. It changes
# nothing on the machine: the system packages the browser tests use come from npm run setup:test,
# checked first so a missing one is named before minutes of other work.
set -euo pipefail
bash "$(dirname "$0")/check-test-tools.sh"
echo "== lint (prettier + eslint) =="
npm run --silent lint
echo "== type check (svelte-check) =="
npm run --silent check
echo "== unit tests (vitest) =="
npx vitest run
echo "== build (the app, and a copy for a sub-path) =="
npm run --silent build:e2e
echo "== browser tests (playwright, Debian Chromium) =="
npx playwright test
