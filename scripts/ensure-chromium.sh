#!/usr/bin/env bash
# The browser tests use Debian's Chromium (Playwright's own browser download is not reachable
# here). Installs it when missing and we are root; otherwise says exactly what to run.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
need=()
[ -x "$browser" ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${need[*]} from Debian's packages (needed by the browser tests)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "The browser tests need: ${need[*]}." >&2
  echo "Run: sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
  echo "(or set CHROMIUM_PATH to another Chromium binary)" >&2
  exit 1
fi
