#!/usr/bin/env bash
# Checks that the system programs the tests use are installed, and installs nothing: when one
# is missing it names it and the command that installs it (npm run setup:test).
set -euo pipefail
. "$(dirname "$0")/test-tools.sh"
missing="$(missing_test_packages)"
[ -z "$missing" ] && exit 0
echo "The tests need these system packages, which are not installed: $missing." >&2
echo "Install them with: npm run setup:test" >&2
echo "(To use a Chromium other than /usr/bin/chromium, set CHROMIUM_PATH to its program.)" >&2
exit 1
