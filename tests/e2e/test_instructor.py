"""The instructor's path: nbgrader's formgrader on a class graded by `course grade`, and its feedback.

An nbgrader course folder like the repository root holds three submissions of 02_backprop
(e2e_lab.STUDENTS: all solved, only linear_forward, none). `course grade 02_backprop
submitted` graded them into gradebook.db and autograded/, and `nbgrader generate_feedback`
wrote feedback/. The formgrader, served by JupyterLab started in that folder, must show each
student's score and, for one student, each task's; the feedback HTML must show each task's
message and no hidden test.
"""

from __future__ import annotations

import re

import pytest
from e2e_lab import MODULE_ID, STUDENTS, parse_verdicts, screenshot, table_rows

from autograder.tasks import get_module

pytestmark = pytest.mark.e2e

MODULE = get_module(MODULE_ID)
GRADE_ID = {"2.1": "linear_forward", "2.2": "linear_backward", "2.3": "relu", "2.4": "tanh",
            "2.5": "softmax_cross_entropy", "2.6": "numerical_gradient", "2.7": "mlp",
            "2.8": "training"}   # task -> the solution cell it is written in


def expected(student: str) -> dict[str, float]:
    """Points per task a submission should get: a task scores when its cell was solved."""
    return {t.id: t.points if GRADE_ID[t.id] in STUDENTS[student] else 0.0 for t in MODULE.tasks}


def test_formgrader_shows_each_students_score(browser, formgrader, shots):
    page = browser.new_page()
    try:
        page.goto(f"{formgrader.url}/formgrader/manage_students?token={formgrader.token}")
        page.wait_for_selector("#main-table tr td:has-text('ada')")
        rows = {r[1]: r for r in table_rows(page)}
        screenshot(page, shots / "03-formgrader-students.png",
                   clip={"x": 0, "y": 0, "width": 1200, "height": 420})
        for student in STUDENTS:
            want = f"{sum(expected(student).values()):g} / {MODULE.max_score:g}"
            assert rows[student][3] == want, (student, rows[student])

        # one student, one assignment, then the graded notebook with a score per test cell
        page.goto(f"{formgrader.url}/formgrader/manage_students/bob/{MODULE_ID}")
        page.wait_for_selector(f"#main-table tr td a:has-text('{MODULE_ID}')")
        [row] = table_rows(page)
        assert row[1] == f"{sum(expected('bob').values()):g} / {MODULE.max_score:g}", row
        page.locator(f"#main-table td a:has-text('{MODULE_ID}')").click()
        page.wait_for_selector("input.score")
        # the formgrader fills each score after the page appears: wait until all are there
        page.wait_for_function("() => { const els = document.querySelectorAll('input.score');"
                               " return els.length > 0 && Array.from(els).every("
                               "e => (e.value || e.placeholder) !== ''); }")
        scores = dict(page.locator("input.score").evaluate_all(
            "els => els.map(e => [e.id, e.value || e.placeholder])"))
        assert scores == {t.grade_id: f"{expected('bob')[t.id]:g}" for t in MODULE.tasks}
    finally:
        page.close()


@pytest.mark.parametrize("student", ["bob", "ada"])
def test_feedback_shows_each_task_and_no_hidden_test(browser, graded_course, shots, student):
    root, _ = graded_course
    html = root / "feedback" / student / MODULE_ID / f"{MODULE_ID}.html"
    page = browser.new_page()
    try:
        page.goto(html.as_uri())
        text = page.inner_text("body")
        source = page.content()
        verdicts = parse_verdicts(text)
        assert sorted(verdicts) == [t.id for t in MODULE.tasks], text[-2000:]
        for t in MODULE.tasks:
            v, points = verdicts[t.id], expected(student)[t.id]
            assert v.passed == (points > 0), v.line
            assert v.line.endswith(f"[{points:g}/{t.points:g}]"), v.line
            if not v.passed:
                assert v.summary.startswith("not implemented: "), v.line
        for hidden in ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
            assert hidden not in text and hidden not in source
        assert not re.search(r"hidden\s*=\s*True", text)   # the hidden check calls
        if student == "bob":
            cell = page.locator("pre", has_text="2.1 linear_forward").first
            cell.evaluate("e => e.scrollIntoView({block: 'center'})")
            screenshot(page, shots / "04-feedback.png")
    finally:
        page.close()
