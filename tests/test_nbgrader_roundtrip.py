"""A real nbgrader round trip in a throwaway course folder.

generate_assignment -> submissions of the solution and the untouched stub -> autograde ->
generate_feedback -> export. Are the gradebook's scores the ones `course check` gives, and
does the feedback keep the hidden tests hidden?
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from notebooks import solution_with

from autograder import selfcheck
from autograder.tasks import get_module
from course import ROOT
from course.build import tool_env, write_source_notebook

MODULE = "02_backprop"
pytestmark = pytest.mark.slow


def nbgrader(course: Path, *args: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course,
                          capture_output=True, text=True, env=tool_env())
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    (root / "solutions" / MODULE).mkdir(parents=True)
    shutil.copy(write_source_notebook(MODULE), root / "solutions" / MODULE)
    nbgrader(root, "generate_assignment", MODULE, "--force")
    release = root / "exercises" / MODULE / f"{MODULE}.ipynb"
    submissions = {
        "alice": solution_with(MODULE, root / "submitted" / "alice" / MODULE / f"{MODULE}.ipynb"),
        "bob": root / "submitted" / "bob" / MODULE / f"{MODULE}.ipynb",
    }
    submissions["bob"].parent.mkdir(parents=True)
    shutil.copy(release, submissions["bob"])
    nbgrader(root, "autograde", MODULE, "--force", "--create")
    nbgrader(root, "generate_feedback", MODULE, "--force")
    nbgrader(root, "export", "--to", str(root / "grades.csv"))
    return root, submissions


def test_gradebook_scores_equal_course_check(course):
    root, submissions = course
    with open(root / "grades.csv") as f:
        rows = {r["student_id"]: float(r["raw_score"]) for r in csv.DictReader(f)}
    module = get_module(MODULE)
    for student, path in submissions.items():
        report = selfcheck.run(module, path)
        assert rows[student] == report.score, (student, rows[student], report.score)
    assert rows == {"alice": module.max_score, "bob": 0.0}


def test_per_task_scores_equal_course_check(course):
    from nbgrader.api import Gradebook

    root, submissions = course
    module = get_module(MODULE)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for student, path in submissions.items():
            ours = {r.task: r.score for r in selfcheck.run(module, path).results}
            sub = gb.find_submission_notebook(MODULE, MODULE, student)
            theirs = {g.name: g.score for g in sub.grades}
            for task in module.tasks:
                assert theirs[task.grade_id] == ours[task.id], (student, task.id)


def test_feedback_shows_messages_but_not_hidden_tests(course):
    root, _ = course
    for student in ("alice", "bob"):
        html = (root / "feedback" / student / MODULE / f"{MODULE}.html").read_text()
        assert "HIDDEN TESTS" not in html and "hidden=True" not in html
        assert "linear_backward" in html
    bob = (root / "feedback" / "bob" / MODULE / f"{MODULE}.html").read_text()
    assert "not implemented" in bob
