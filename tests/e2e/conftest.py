"""Fixtures of the end-to-end suite: a headless Chromium, and the servers the tests start themselves.

Every test here is skipped, with the reason, when Debian's Chromium or Playwright for Python
is missing (.ci/e2e-setup.sh installs both). Screenshots go to $E2E_SCREENSHOTS, or to a
temporary folder; the folder is printed at the end of the run.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import e2e_lab  # noqa: E402

MISSING = e2e_lab.missing_tools()
SHOTS = pytest.StashKey[Path]()
STARTED = pytest.StashKey[float]()
COURSE = pytest.StashKey[tuple]()
ORDER = ["test_student.py", "test_reader.py", "test_instructor.py"]


def pytest_collection_modifyitems(config, items):
    """Skip everything here when the browser is missing; else student first, instructor last
    (the class is graded in the background meanwhile)."""
    here = Path(__file__).parent
    if MISSING:
        skip = pytest.mark.skip(reason=f"e2e: {MISSING}")
        for item in items:
            if here in Path(str(item.fspath)).parents:
                item.add_marker(skip)
        return

    def key(item):
        path = Path(str(item.fspath))
        return ORDER.index(path.name) if path.parent == here and path.name in ORDER else -1

    items.sort(key=key)  # stable: other tests keep their order, before these


def pytest_collection_finish(session):
    """If instructor tests will run, start grading their course now, in the background. Under
    pytest-xdist every process collects every test, so there the first browser test starts it,
    in the one process that runs them (`_grading_early`)."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None and _instructor_tests(session):
        _start_grading(session.config)


def _instructor_tests(session) -> bool:
    return not MISSING and any(Path(str(i.fspath)).name == "test_instructor.py" for i in session.items)


@pytest.fixture(autouse=True)
def _grading_early(request):
    if Path(str(request.node.fspath)).name != "test_hub.py" and _instructor_tests(request.session):
        _start_grading(request.config)


def _start_grading(config) -> tuple:
    if COURSE not in config.stash:
        home = Path(tempfile.mkdtemp(prefix="e2e-instructor-"))
        root = e2e_lab.make_course(home / "course", e2e_lab.MODULE_ID, e2e_lab.STUDENTS)
        env = e2e_lab.jupyter_env(home)
        config.stash[COURSE] = (home, root, env, e2e_lab.grade_course(root, e2e_lab.MODULE_ID, env))
    return config.stash[COURSE]


def pytest_unconfigure(config):
    if COURSE in config.stash:
        home, _, _, job = config.stash[COURSE]
        job.stop()
        shutil.rmtree(home, ignore_errors=True)


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
def playwright_api():
    """Playwright's sync API, once per process: a second start in a process that holds one
    fails (the browser tests and the hub's share a process when the scheduler says so)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(e2e_home, playwright_api):
    """Debian's /usr/bin/chromium through Playwright, headless, with a fresh profile folder."""
    ctx = e2e_lab.launch_browser(playwright_api, e2e_home / "chromium-profile")
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture(scope="session")
def student_server(e2e_home, request):
    """`course start --port P --token T --no-browser`, as the README says, on a temporary working folder."""
    request.config.stash[STARTED] = time.monotonic()
    home = e2e_home / "student"
    # as from a fresh shell: `course start` alone must put its environment on the server's PATH
    env = e2e_lab.without_venv(e2e_lab.jupyter_env(home))
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


@pytest.fixture(scope="session")
def graded_course(request):
    """(root, env) of an nbgrader course whose submissions `course grade` graded and
    `nbgrader generate_feedback` gave feedback for."""
    _, root, env, job = _start_grading(request.config)
    for cmd, code, out in job.wait():
        assert code == 0, f"{' '.join(cmd)} exited {code}:\n{out[-3000:]}"
    assert len(job.results) == len(job.cmds)
    return root, env


@pytest.fixture(scope="session")
def formgrader(graded_course, e2e_home):
    """JupyterLab started in the graded course folder: nbgrader's formgrader at /formgrader."""
    root, env = graded_course
    server = e2e_lab.lab_server(root, env, e2e_home / "formgrader.log").start()
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
