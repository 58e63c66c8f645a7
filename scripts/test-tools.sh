# The system programs the tests use, each with the Debian package that provides it. Sourced by
# check-test-tools.sh (npm test only checks) and setup-test.sh (npm run setup:test installs), so
# the two scripts always agree on the list.
#   chromium                 the browser tests (Playwright cannot download its own browser here);
#                            CHROMIUM_PATH points the tests at another Chromium
#   poppler-utils            pdftotext, to read back the PDFs the app makes
#   libreoffice-writer-nogui soffice, to open the Word files the app will write
#   age                      to decrypt the encrypted backups the app will write

# Prints the Debian packages whose program is missing, separated by spaces.
missing_test_packages() {
  local missing=()
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  command -v age >/dev/null 2>&1 || missing+=(age)
  echo "${missing[*]}"
}
