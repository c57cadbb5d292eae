"""The student's path in a real browser, and the self-learner's `course check` on the same notebook.

`course start` (as the README says) on a temporary working folder; JupyterLab in headless
Chromium opens 02_backprop, runs every cell, and we read each test cell's verdict from the
page. Then linear_forward's stub is replaced through the editor, the notebook saved, and
that cell and the test cell under it run again: 2.1 passes. In both states
`course check 02 --notebook` in a terminal gives the same verdict, task by task, as the page.
The server is started from an environment without the course's venv on PATH (a fresh
shell); a terminal opened in JupyterLab (File > New > Terminal) still finds `course`, and
`course check 02` there prints what the page shows. Nbgrader's menu offers the student's
tools only: no formgrader, no Create Assignment panel.
"""

from __future__ import annotations

import re
import shutil
import urllib.error
import urllib.request

import pytest
from e2e_lab import (
    BIN,
    Job,
    cell_index,
    code_cells,
    course_cmd,
    edit_line,
    menu_items,
    notebook,
    open_notebook,
    open_terminal,
    parse_verdicts,
    read_test_cells,
    run_all_cells,
    run_cells,
    run_in_terminal,
    save,
    screenshot,
    scroll_to,
)

from autograder.tasks import get_module

pytestmark = pytest.mark.e2e

MODULE = get_module("02_backprop")
NOTEBOOK = "02_backprop/02_backprop.ipynb"
FIX = ["out = x @ w + b", "cache = (x, w)"]   # typed over linear_forward's raise line


@pytest.fixture(scope="session")
def student(browser, student_server, shots, e2e_home):
    """What the student sees before and after fixing one stub; the notebook file at each state."""
    page = browser.new_page()
    nb_file = student_server.workdir / NOTEBOOK
    states = {}
    try:
        open_notebook(page, student_server, NOTEBOOK)
        states["nbgrader_menu"] = menu_items(page, "Nbgrader")
        states["right_panels"] = page.locator(".jp-SideBar.jp-mod-right .lm-TabBar-tab").evaluate_all(
            "els => els.map(e => e.title || e.textContent)")
        states["create_assignment"] = page.locator("#nbgrader-create_assignemnt").count()
        states["validate"] = page.locator(".jp-NotebookPanel-toolbar .validate-button").count()
        page.keyboard.press("Control+b")  # hide the file browser: more notebook on screen
        states["runs_before"] = run_all_cells(page)
        states["before"] = read_test_cells(code_cells(page))
        before_file = shutil.copy(nb_file, e2e_home / "before.ipynb")
        # the self-learner's terminal, in the background while the student goes on
        states["check_before"] = Job([course_cmd("check", "02", "--notebook", str(before_file))],
                                     e2e_home, student_server.env)
        scroll_to(notebook(page).locator(".jp-CodeCell").nth(1))
        states["shot_before"] = screenshot(page, shots / "01-student-not-implemented.png")

        states["source"] = edit_line(page, "def linear_forward", "raise NotImplementedError", FIX)
        save(page, nb_file, FIX[0])
        states["check_after"] = Job([course_cmd("check", "02", "--notebook", str(nb_file))],
                                    e2e_home, student_server.env)
        # as the notebook says: run the cell you changed, then the test cell under it
        run_cells(page, cell_index(page, "def linear_forward"), 2)
        states["after"] = read_test_cells(code_cells(page))
        scroll_to(notebook(page).locator(".jp-CodeCell").nth(1))
        states["shot_after"] = screenshot(page, shots / "02-student-pass.png")

        # the README's command, typed in a JupyterLab terminal, on the saved working copy
        term = open_terminal(page)
        states["terminal"] = run_in_terminal(page, term, "command -v course; pwd; course check 02",
                                             re.compile(r"^score: \d+/\d+", re.M))
        states["shot_terminal"] = screenshot(page, shots / "05-student-terminal.png")
        yield states
    finally:
        page.close()


def _all_tasks_read(report):
    report.expect_all_shown()
    assert sorted(report.verdicts) == [t.id for t in MODULE.tasks], "a test cell is missing"


def test_every_test_cell_shows_not_implemented(student):
    before = student["before"]
    _all_tasks_read(before)
    for task in MODULE.tasks:
        v = before.verdicts[task.id]
        assert not v.passed and v.name == task.name, v.line
        assert v.summary.startswith("not implemented: ") and "still raises NotImplementedError" \
            in v.summary, v.line
        assert v.line.endswith(f"[0/{task.points:g}]"), v.line
    assert student["shot_before"].stat().st_size > 0


def test_fixing_a_stub_in_the_editor_makes_its_check_pass(student):
    src = student["source"]
    assert "raise NotImplementedError" not in src
    assert all(f"    {line}" in src.splitlines() for line in FIX), src
    after = student["after"]
    _all_tasks_read(after)
    assert after.verdicts["2.1"].line == "2.1 linear_forward  PASS  ok  [1/1]"
    for task in MODULE.tasks[1:]:
        v = after.verdicts[task.id]
        assert not v.passed and v.summary.startswith("not implemented: "), v.line
    assert student["shot_after"].stat().st_size > 0


@pytest.mark.parametrize("state", ["before", "after"])
def test_course_check_in_a_terminal_matches_the_page(student, state):
    [(_, code, out)] = student[f"check_{state}"].wait(300)
    terminal = parse_verdicts(out)
    page = student[state].verdicts
    assert sorted(terminal) == sorted(page), out
    for task_id, shown in page.items():
        assert terminal[task_id].passed == shown.passed, (task_id, terminal[task_id].line, shown.line)
        assert terminal[task_id].line == shown.line   # the very same words
    passed = sum(t.points for t in MODULE.tasks if page[t.id].passed)
    assert f"score: {passed:g}/{MODULE.max_score:g}" in out
    assert code == 1, out   # not full marks


def test_course_check_in_a_jupyterlab_terminal(student, student_server):
    """Is `course` on PATH in a terminal of the JupyterLab that `course start` opened, though
    the shell that started it had no venv on PATH? Does it grade the working copy as the page?"""
    text = student["terminal"]
    assert str(BIN / "course") in text.splitlines(), text   # `command -v course`: this venv's
    assert str(student_server.workdir) in text.splitlines(), text   # `pwd`: the working folder
    assert "command not found" not in text
    terminal = parse_verdicts(text)
    page = student["after"].verdicts
    assert sorted(terminal) == sorted(page), text
    assert all(terminal[t].line == page[t].line for t in page), text
    assert f"score: 1/{MODULE.max_score:g}" in text
    assert student["shot_terminal"].stat().st_size > 0


def test_students_see_no_instructor_tools(student, student_server):
    """Nbgrader's menu: the assignment list, no formgrader; no Create Assignment panel; the
    notebook's Validate button stays; the formgrader's pages are not served."""
    menu = student["nbgrader_menu"]
    assert "Assignment List" in menu, menu
    assert not {"Formgrader", "Formgrader (local)", "Course List", "Create assignment"} & set(menu), menu
    assert student["create_assignment"] == 0
    assert not any("Create Assignment" in title for title in student["right_panels"]), \
        student["right_panels"]
    assert student["validate"] == 1
    url = f"{student_server.url}/formgrader?token={student_server.token}"
    try:
        urllib.request.urlopen(url, timeout=10).close()
        status = 200
    except urllib.error.HTTPError as e:
        status = e.code
    assert status == 404
