#!/usr/bin/env bash
# npm test: everything CI checks, in order of speed, stopping at the first failure. It changes
# nothing on the machine: the system packages the browser tests use come from npm run setup:test,
# checked first so a missing one is named before minutes of other work. Each stage prints how long
# it took, and the last line sums them up, so a slow stage is visible in any CI log.
set -euo pipefail
bash "$(dirname "$0")/check-test-tools.sh"
times=()
stage() {
  local name=$1
  shift
  echo "== $name =="
  local start=$SECONDS
  "$@"
  local took=$((SECONDS - start))
  echo "== $name: ${took} s =="
  times+=("$name ${took} s")
}
stage "lint (prettier + eslint)" npm run --silent lint
stage "type check (svelte-check)" npm run --silent check
stage "unit tests (vitest)" npx vitest run
stage "build (the app, and a copy for a sub-path)" npm run --silent build:e2e
stage "browser tests (playwright, Debian Chromium)" npx playwright test
echo "== npm test took ${SECONDS} s: $(IFS=';'; echo "${times[*]}" | sed 's/;/; /g') =="
