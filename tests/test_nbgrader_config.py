"""The course root as an nbgrader course: its config, and nbgrader's commands right after `course build`."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

import pytest
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from course import ROOT

# what nbconvert's HTMLExporter (generate_feedback) configures for every preprocessor
HTML_EXPORTER = Config({"NbConvertBase": {"display_data_priority": ["text/html", "text/plain"]}})


def warnings_of(preprocessor, config, caplog) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="traitlets"):
        preprocessor(config=config)
    return [r.getMessage() for r in caplog.records]


def test_generate_feedback_preprocessors_raise_no_config_warning(caplog):
    """Is `nbgrader generate_feedback` free of "display_data_priority not recognized"?"""
    from nbgrader.preprocessors import ClearHiddenTests

    project = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    config = Config(HTML_EXPORTER)
    config.merge(project)
    # the warning the issue saw, from nbgrader's own class: the test can see it
    assert any("display_data_priority" in w for w in warnings_of(ClearHiddenTests, config, caplog))
    steps = project.GenerateFeedback.preprocessors
    assert any(issubclass(p, ClearHiddenTests) for p in steps)   # hidden tests still cleared
    for p in steps:
        assert warnings_of(p, config, caplog) == [], p.__name__
    clear = next(p for p in steps if issubclass(p, ClearHiddenTests))(config=config)
    assert clear.begin_test_delimeter == "BEGIN HIDDEN TESTS"    # the project's settings apply


@pytest.mark.slow
def test_nbgrader_autograde_works_right_after_course_build(tmp_path):
    """Does `nbgrader autograde` find the assignment when `course build` was the only step,
    and does `nbgrader generate_feedback` then run without a config warning?"""
    from nbgrader.api import Gradebook

    from autograder.tasks import get_module
    from course.build import build, gradebook_url, tool_env

    mid = "02_backprop"
    root = tmp_path / "course"
    (root / "solutions" / mid).mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copy(ROOT / "solutions" / mid / f"{mid}.py", root / "solutions" / mid)
    lines = []
    [exercise] = build(root, progress=lambda i, n, m: lines.append((i, n, m)))
    assert lines == [(1, 1, mid)]
    with Gradebook(gradebook_url(root)) as gb:
        nb = gb.find_notebook(mid, mid)
        assert sorted(c.name for c in nb.grade_cells) == sorted(t.grade_id for t in get_module(mid).tasks)
    submitted = root / "submitted" / "ada" / mid
    submitted.mkdir(parents=True)
    shutil.copy(exercise / f"{mid}.ipynb", submitted)
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", mid, "--create"],
                          cwd=root, env=tool_env(), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (root / "autograded" / "ada" / mid / f"{mid}.ipynb").exists()
    with Gradebook(gradebook_url(root)) as gb:
        assert gb.find_submission(mid, "ada").score == 0
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "generate_feedback", mid],
                          cwd=root, env=tool_env(), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "display_data_priority" not in proc.stderr and "not recognized" not in proc.stderr, \
        proc.stderr
    assert (root / "feedback" / "ada" / mid / f"{mid}.html").exists()
