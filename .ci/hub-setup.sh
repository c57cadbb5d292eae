#!/usr/bin/env bash
# Install what the JupyterHub suite (tests/e2e/test_hub.py) needs, next to the e2e suite's
# Chromium and Playwright (.ci/e2e-setup.sh):
#   PREFIX/hub         JupyterHub from PyPI, in its own virtual environment
#   PREFIX/chp         configurable-http-proxy from npm, run by this machine's node
#   PREFIX/wheels      a wheelhouse of the course's dependencies and jupyterhub, built for the
#                      system Python, so the test builds the students' environment offline
#   PREFIX/instructor  the instructor's environment: this course, editable, + jupyterhub
# No browser is downloaded. The test finds all of it under PREFIX (or $COURSE_HUB_PREFIX).
#
# usage: .ci/hub-setup.sh [PREFIX]      (default: /opt/course-hub; run as root)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
prefix="${1:-${COURSE_HUB_PREFIX:-/opt/course-hub}}"
export COURSE_HUB_PREFIX="$prefix"
quiet() { grep -v "is ignored: it is neither" || true; }   # pip's notes on local indexes

mkdir -p "$prefix"
chmod 755 "$prefix"
if [ ! -x "$prefix/hub/bin/pip" ]; then python3 -m venv "$prefix/hub"; fi
"$prefix/hub/bin/pip" install -q jupyterhub 2>&1 | quiet
version="$("$prefix/hub/bin/jupyterhub" --version)"
npm install --silent --no-audit --no-fund --prefix "$prefix/chp" configurable-http-proxy

# users' servers run the system Python: /root's pyenv is not readable by them
tmp="$(mktemp -d)"
/usr/bin/python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" wheel -q -w "$prefix/wheels" "$repo" "jupyterhub==$version" setuptools wheel 2>&1 | quiet
rm -rf "$tmp" "$prefix/instructor"
JUPYTERHUB_VERSION="$version" bash "$repo/deploy/jupyterhub/envs.sh" instructor \
    "$prefix/instructor" "$repo" 2>&1 | quiet

echo "jupyterhub $version"
echo "configurable-http-proxy $("$prefix/chp/node_modules/.bin/configurable-http-proxy" --version)"
