#!/usr/bin/env bash
# Install what the end-to-end suite (tests/e2e) needs: Debian's Chromium and its driver, and
# Playwright for Python in the given virtual environment. No browser is downloaded:
# the suite launches /usr/bin/chromium through Playwright's executable_path.
#
# usage: .ci/e2e-setup.sh [VENV]      (default: .venv; created if missing)
set -euo pipefail
venv="${1:-.venv}"
if [ ! -x "$venv/bin/pip" ]; then python3 -m venv "$venv"; fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends chromium chromium-driver

# Never fetch Playwright's own browser builds.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
"$venv/bin/pip" install -q playwright

/usr/bin/chromium --version
"$venv/bin/python" -c "import playwright.sync_api; print('playwright for python: ok')"
