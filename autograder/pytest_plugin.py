"""pytest plugin: grade a student's notebook, one test per task.

    pytest -p autograder.pytest_plugin --pyargs autograder.test_notebook \
        --course-module 02 --notebook work/02_backprop/02_backprop.ipynb [-m ex2_3]

Each task is a test with the mark `exN_K`; the notebook's setup and solution cells are run
once per session. A failing task shows the levels of help the student has revealed
(work/.course/hints.json, see course.workspace), never more; --hint reveals one more level
for each failing task. With --results-json the verdicts are written as JSON (what `course
check` prints), with the same levels of help.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from autograder import standin
from autograder.notebook import CellTimeout, load, time_limit
from autograder.result import CheckResult
from autograder.tasks import get_module, run_task

RESULTS = pytest.StashKey[list]()


def pytest_addoption(parser):
    g = parser.getgroup("course", "grading a student's notebook")
    g.addoption("--course-module", help="module id, e.g. 02 or 02_backprop")
    g.addoption("--notebook", help="the student's notebook")
    g.addoption("--results-json", help="write the verdicts here")
    g.addoption("--cell-timeout", type=float, default=60.0, help="seconds per notebook cell")
    g.addoption("--hint", action="store_true",
                help="reveal one more level of help for each failing task")


def pytest_configure(config):
    config.stash[RESULTS] = []
    mid = config.getoption("--course-module")
    if mid:
        for t in get_module(mid).tasks:
            config.addinivalue_line("markers", f"{t.grade_id}: task {t.id} {t.name}")


def pytest_generate_tests(metafunc):
    if "task" in metafunc.fixturenames:
        mid = metafunc.config.getoption("--course-module")
        if not mid:
            raise pytest.UsageError("--course-module is required")
        tasks = get_module(mid).tasks
        metafunc.parametrize("task", [pytest.param(t, id=t.id, marks=getattr(pytest.mark, t.grade_id))
                                      for t in tasks])


@pytest.fixture(scope="session")
def student(pytestconfig):
    path = pytestconfig.getoption("--notebook")
    if not path:
        raise pytest.UsageError("--notebook is required")
    # In a class release, later modules use the student's own earlier notebooks: look beside it.
    standin.SEARCH.insert(0, Path(path).resolve().parent.parent)
    return load(path, cell_timeout=pytestconfig.getoption("--cell-timeout"))


def revealed_level(config, res: CheckResult) -> int:
    """The levels of help the student has revealed for this task; one more with --hint."""
    from course import workspace

    levels = workspace.hint_levels()
    level = min(levels.get(res.task, 0), res.levels)
    if config.getoption("--hint") and not res.passed and level < res.levels:
        level += 1
        workspace.save_hint_levels({**workspace.hint_levels(), res.task: level})
    return level


@pytest.fixture
def grade(pytestconfig, student):
    """grade(task) -> None if it passes, else the feedback the student may read."""
    def run(task) -> str | None:
        try:
            with time_limit(task.timeout):
                res = run_task(task, student.namespace, cell_errors=student.errors)
        except CellTimeout as e:
            res = CheckResult(task.id, task.name, task.points, False, str(e), status="timeout",
                              details=["the check gives each task "
                                       f"{task.timeout:g} s; look for a loop that never ends"])
        level = revealed_level(pytestconfig, res)
        pytestconfig.stash[RESULTS].append(res.to_json(level))
        return None if res.passed else res.text(level)
    return run


def pytest_sessionfinish(session):
    out = session.config.getoption("--results-json")
    if out:
        results = session.config.stash[RESULTS]
        tmp = Path(out).with_suffix(".tmp")
        tmp.write_text(json.dumps(results))
        os.replace(tmp, out)
