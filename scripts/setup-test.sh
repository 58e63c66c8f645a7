#!/usr/bin/env bash
# npm run setup:test — installs, once per machine, the system packages the tests use (listed in
# test-tools.sh) from Debian's repositories with apt-get. Skips those already present. Needs
# root; otherwise prints the exact command to run.
set -euo pipefail
. "$(dirname "$0")/test-tools.sh"
missing="$(missing_test_packages)"
if [ -z "$missing" ]; then
  echo "The system packages the tests use are installed (chromium, poppler-utils, libreoffice-writer-nogui, age)."
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need: $missing (Debian package names). This machine has no apt-get:" >&2
  echo "install the equivalent packages with its own package manager." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need: $missing. Installing them needs root; run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
  exit 1
fi
echo "Installing with apt-get the system packages the tests use: $missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
still="$(missing_test_packages)"
if [ -n "$still" ]; then
  echo "Still missing after the install: $still (is CHROMIUM_PATH set to a program that exists?)" >&2
  exit 1
fi
echo "Installed: $missing"
