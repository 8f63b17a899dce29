#!/usr/bin/env bash
# The browser of the console tests (e2e/): Debian's chromium and its chromedriver, installed when missing, as
# postgres.sh installs PostgreSQL. No browser is downloaded by the tests themselves.
#   chromium.sh ensure   install chromium + chromium-driver when /usr/bin/chromium or /usr/bin/chromedriver is missing
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=chromium

case "${1:-ensure}" in
  ensure)
    if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
      exit 0
    fi
    log "chromium or chromedriver not found: installing Debian's chromium and chromium-driver packages"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
    ;;
  *) die "usage: chromium.sh ensure" ;;
esac
