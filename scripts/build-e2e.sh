#!/usr/bin/env bash
# The builds the browser tests serve: the app in build/, and the same app built for the sub-path
# /ministry/ncs in build-subpath/ (the hosting test). Built here, before Playwright starts, so no
# test or server start-up waits on a build however slow the machine is.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
BASE_PATH=/ministry/ncs BUILD_DIR=build-subpath npx vite build --logLevel error
