"""A test of the test: when a check's printed verdict no longer reaches the page, the reader says so.

A variant of the 02 exercise whose first test cell swallows the check's printout (the
error still shows) is opened and run with the very helpers the student test uses. The
reader must report task 2.1 as missing while still reading 2.2, and the student test's
assertion (expect_all_shown) must fail on it.
"""

from __future__ import annotations

import nbformat
import pytest
from e2e_lab import Cell, code_cells, open_notebook, read_test_cells, run_all_cells

from course import ROOT

pytestmark = pytest.mark.e2e

SWALLOWED = ("import contextlib\nimport io\n\n"
             "with contextlib.redirect_stdout(io.StringIO()):  # the verdict never reaches the page\n"
             '    check("2.1", linear_forward)')


@pytest.fixture(scope="session")
def broken_page(browser, student_server):
    """Setup cells, task 2.1 with its printout swallowed, task 2.2 untouched; run in JupyterLab."""
    nb = nbformat.read(ROOT / "exercises" / "02_backprop" / "02_backprop.ipynb", as_version=4)
    cut = next(i for i, c in enumerate(nb.cells)
               if c.metadata.get("nbgrader", {}).get("grade_id") == "ex2_2")
    nb.cells = nb.cells[:cut + 1]
    test_21 = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex2_1")
    test_21.source = SWALLOWED
    test_21.metadata["editable"] = True
    path = student_server.workdir / "02_backprop" / "display_broken.ipynb"
    nbformat.write(nb, path)
    page = browser.new_page()
    try:
        open_notebook(page, student_server, "02_backprop/display_broken.ipynb")
        run_all_cells(page)
        yield page
    finally:
        page.close()
        path.unlink()


def test_reader_reports_a_verdict_that_does_not_reach_the_page(broken_page):
    cells = code_cells(broken_page)
    shown_21 = next(c for c in cells if 'check("2.1"' in c.source)
    assert "CheckFailed" in shown_21.errors      # the cell does fail...
    report = read_test_cells(cells)
    assert "2.1" in report.missing               # ...but its verdict line is not on the page
    assert "2.1" not in report.verdicts
    assert report.verdicts["2.2"].line.startswith("2.2 linear_backward  FAIL  not implemented")
    with pytest.raises(AssertionError, match=r"no check output on the page for task 2\.1"):
        report.expect_all_shown()


def test_reader_sees_nothing_without_outputs():
    report = read_test_cells([Cell(0, 'check("2.1", linear_forward)', "", "")])
    assert report.missing == {"2.1": "nothing"} and not report.verdicts
    with pytest.raises(AssertionError):
        report.expect_all_shown()
