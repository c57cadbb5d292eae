"""Fixtures of the end-to-end suite: a headless Chromium, and the servers the tests start themselves.

Every test here is skipped, with the reason, when Debian's Chromium or Playwright for Python
is missing (.ci/e2e-setup.sh installs both). Screenshots go to $E2E_SCREENSHOTS, or to a
temporary folder; the folder is printed at the end of the run.
"""

from __future__ import annotations

import os
import secrets
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import e2e_lab  # noqa: E402

MISSING = e2e_lab.missing_tools()
SHOTS = pytest.StashKey[Path]()
STARTED = pytest.StashKey[float]()


@pytest.fixture(autouse=True)
def _needs_browser():
    if MISSING:
        pytest.skip(f"e2e: {MISSING}")


@pytest.fixture(scope="session")
def e2e_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="session")
def shots(request, tmp_path_factory) -> Path:
    """The folder the screenshots go to (reported at the end of the run)."""
    folder = Path(os.environ.get("E2E_SCREENSHOTS") or tmp_path_factory.mktemp("e2e-screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    request.config.stash[SHOTS] = folder.resolve()
    return folder


@pytest.fixture(scope="session")
def browser(e2e_home):
    """Debian's /usr/bin/chromium through Playwright, headless, with a fresh profile folder."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        ctx = e2e_lab.launch_browser(p, e2e_home / "chromium-profile")
        try:
            yield ctx
        finally:
            ctx.close()


@pytest.fixture(scope="session")
def student_server(e2e_home, request):
    """`course start --port P --token T --no-browser`, as the README says, on a temporary working folder."""
    request.config.stash[STARTED] = time.monotonic()
    home = e2e_home / "student"
    env = e2e_lab.jupyter_env(home)
    env["COURSE_WORKDIR"] = str(home / "work")
    port, token = e2e_lab.free_port(), secrets.token_hex(12)
    server = e2e_lab.Server(
        e2e_lab.course_cmd("start", "--port", str(port), "--token", token, "--no-browser"),
        cwd=home, env=env, port=port, token=token, log=home / "course-start.log",
        workdir=home / "work")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def pytest_terminal_summary(terminalreporter, config):
    folder = config.stash.get(SHOTS, None)
    if folder is not None:
        pngs = sorted(p.name for p in folder.glob("*.png"))
        terminalreporter.write_line(f"e2e screenshots ({len(pngs)}) in {folder}: {', '.join(pngs)}")
    started = config.stash.get(STARTED, None)
    if started is not None:
        terminalreporter.write_line(f"e2e: {time.monotonic() - started:.0f} s since the first "
                                    "server started")
