#!/usr/bin/env bash
# The end-to-end tests drive Debian's chromium (Playwright's own browser download cannot work offline).
# Installs it when missing and we may; otherwise says exactly what to do.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the end-to-end tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The end-to-end tests need /usr/bin/chromium: run 'sudo apt-get install -y chromium' and try again." >&2
exit 1
