#!/usr/bin/env bash
# Install bubblewrap, the sandbox `course grade` runs student code in (docs/grading.md,
# "Security model"). Without it the grader falls back to unshare and a hide list.
set -euo pipefail
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if ! command -v bwrap >/dev/null; then
    $sudo apt-get update -q
    $sudo apt-get install -y -q --no-install-recommends bubblewrap
fi
bwrap --version
