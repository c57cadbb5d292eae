"""`course check`: the self-learner's grader, on good, bad and broken notebooks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from notebooks import exercise, solution_with

from course.cli import main


def check(*args: str, capsys) -> tuple[int, str]:
    code = main(["check", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture(scope="session")
def solution(tmp_path_factory):
    return solution_with("02_backprop", tmp_path_factory.mktemp("nb") / "02_backprop.ipynb")


def test_solution_scores_full_marks_and_exits_0(solution, capsys):
    code, out = check("02", "--notebook", str(solution), capsys=capsys)
    assert code == 0, out
    assert out.strip().splitlines()[-1] == "score: 19/19"
    assert out.count("PASS") == 8


def test_untouched_exercise_scores_zero_every_task_not_implemented(capsys):
    code, out = check("02_backprop", "--notebook", str(exercise("02_backprop")), capsys=capsys)
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("2.")]
    assert len(lines) == 8 and all("FAIL  not implemented" in line for line in lines), out
    assert out.strip().endswith("score: 0/19")


def test_json_has_every_task(solution, capsys):
    code, out = check("2", "--notebook", str(solution), "--json", capsys=capsys)
    data = json.loads(out)
    assert code == 0 and data["score"] == data["max_score"] == 19
    assert [t["task"] for t in data["tasks"]] == [f"2.{i}" for i in range(1, 9)]


def test_one_task(solution, capsys):
    code, out = check("02", "--notebook", str(solution), "--task", "2.3", capsys=capsys)
    assert code == 0 and "2.3 relu  PASS" in out and "2.2" not in out


def test_syntax_error_in_one_cell_fails_that_task_only_and_names_the_cell(tmp_path, capsys):
    """Is the submission graded when one cell has a syntax error?"""
    nb = solution_with("02_backprop", tmp_path / "02_backprop.ipynb",
                       {"linear_backward": ("dx = dout @ w.T", "dx = dout @@ w.T")})
    code, out = check("02", "--notebook", str(nb), capsys=capsys)
    assert code == 1
    line = next(line for line in out.splitlines() if line.startswith("2.2"))
    assert "linear_backward is not defined" in line
    # JupyterLab numbers no cells: the location names the function
    assert "    the cell defining linear_backward: SyntaxError: invalid syntax (line 9)" in out
    assert out.count("PASS") == 7 and "score: 16/19" in out


def test_infinite_loop_in_a_cell_times_out_and_the_rest_is_graded(tmp_path, capsys):
    nb = solution_with("02_backprop", tmp_path / "02_backprop.ipynb",
                       {"relu": ("def relu_forward(x):", "while True:\n    pass\n\n\ndef relu_forward(x):")})
    code, out = check("02", "--notebook", str(nb), "--cell-timeout", "2", capsys=capsys)
    assert code == 1
    assert "timed out after 2 s" in out and "relu_forward, relu_backward is not defined" in out
    assert "score: 17/19" in out


def test_an_error_is_located_by_function_and_a_stub_quoted_as_written(tmp_path, capsys):
    nb = solution_with("02_backprop", tmp_path / "02_backprop.ipynb",
                       {"linear_backward": ("dx = dout @ w.T", "dx = dout @ w.T + undefined_name")})
    out = check("02", "--notebook", str(nb), "--task", "2.2", capsys=capsys)[1]
    assert "    at linear_backward, line 9 of the cell defining linear_backward" in out
    stub = 'raise NotImplementedError("replace this line with your code")'
    assert stub in exercise("02_backprop").read_text().replace('\\"', '"')
    out = check("02", "--notebook", str(exercise("02_backprop")), "--task", "2.2", capsys=capsys)[1]
    assert f"    replace the line `{stub}` with your code" in out


def test_infinite_loop_inside_a_function_fails_only_its_task(tmp_path, capsys):
    nb = solution_with("02_backprop", tmp_path / "02_backprop.ipynb",
                       {"tanh": ("out = np.tanh(x)", "while True:\n        pass")})
    code, out = check("02", "--notebook", str(nb), capsys=capsys)
    assert "2.4 tanh  FAIL" in out and "look for a loop that never ends" in out
    assert "score: 17/19" in out


@pytest.mark.parametrize("content,reason", [
    (None, "no notebook at"),
    (b"", "is an empty file"),
    (b"{not json", "not valid JSON"),
    (b'{"hello": 1}', "not a Jupyter notebook"),
    (b'{"worksheets": [], "nbformat": 3}', "old (nbformat 3) notebook"),
    (bytes(range(256)) * 10, "not UTF-8 text (binary data?)"),
], ids=["missing", "empty", "not-json", "json-not-notebook", "nbformat-3", "binary-garbage"])
def test_unusable_input_exits_2_with_a_clear_message(tmp_path, capsys, content, reason):
    """Does `course check` give the reason `course grade` gives for the same file?"""
    from autograder.batch import Unusable, extract

    path = tmp_path / "02_backprop.ipynb"
    if content is not None:
        path.write_bytes(content)
    code, out = check("02", "--notebook", str(path), capsys=capsys)
    assert code == 2 and reason in out and "Traceback" not in out
    if content is not None:
        with pytest.raises(Unusable) as grade:
            extract(path)
        assert out.strip() == f"course check: {path.parent}/{grade.value}"


def test_unknown_module_exits_2(capsys):
    code, out = check("99", capsys=capsys)
    assert code == 2 and "unknown module" in out


def test_memory_bomb_is_stopped_with_a_message(tmp_path, capsys):
    nb = solution_with("02_backprop", tmp_path / "02_backprop.ipynb",
                       {"linear_forward": ("out = x @ w + b", "out = x @ w + b + 0 * np.ones(10**11)[:1]")})
    code, out = check("02", "--notebook", str(nb), capsys=capsys)
    assert "2.1 linear_forward  FAIL" in out and "MemoryError" in out
    assert "score: 18/19" in out


@pytest.fixture
def averaged_twice(tmp_path, monkeypatch):
    """A notebook whose linear_backward divides dw by N (task 2.2 fails, with 3 levels of help),
    and a fresh working folder for the hint state."""
    monkeypatch.setenv("COURSE_WORKDIR", str(tmp_path / "work"))
    return solution_with("02_backprop", tmp_path / "02_backprop.ipynb",
                         {"linear_backward": ("dw = x.T @ dout", "dw = x.T @ dout / x.shape[0]")})


def test_hint_reveals_one_more_level_per_call(averaged_twice, capsys):
    nb = str(averaged_twice)
    outs = [check("02", "--notebook", nb, "--task", "2.2", "--hint", capsys=capsys)[1]
            for _ in range(4)]
    assert "help 1/3" in outs[0] and "help 2/3" not in outs[0]
    assert "help 2/3" in outs[1] and "help 3/3" not in outs[1]
    assert "help 3/3" in outs[2] and outs[3].count("help ") == 3
    assert "all 3 levels are shown above" in outs[3]
    assert "did you average over the batch?" in outs[0]


def test_revealed_help_can_be_read_again_and_is_never_shown_ahead(averaged_twice, capsys):
    """Do --json, plain pytest and --show-hints show exactly the levels revealed, no more?"""
    nb = str(averaged_twice)

    def json_help():
        data = json.loads(check("02", "--notebook", nb, "--task", "2.2", "--json", capsys=capsys)[1])
        [task] = data["tasks"]
        assert task["help_levels"] == 3
        return task["help"]

    assert json_help() == []
    plain = check("02", "--notebook", nb, "--task", "2.2", capsys=capsys)[1]
    assert "help 1/" not in plain and "--hint` reveals one more level" in plain
    first = check("02", "--notebook", nb, "--task", "2.2", "--hint", capsys=capsys)[1]
    level1 = next(line for line in first.splitlines() if "help 1/3" in line)
    again = [check("02", "--notebook", nb, "--task", "2.2", "--show-hints", capsys=capsys)[1]
             for _ in range(2)]
    assert all(level1 in out and "help 2/3" not in out for out in again)
    assert len(json_help()) == 1
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "autograder.pytest_plugin", "-p", "no:cacheprovider",
         "--pyargs", "autograder.test_notebook", "--course-module", "02", "--notebook", nb,
         "-m", "ex2_2"], capture_output=True, text=True, cwd=Path(nb).parent)
    assert proc.returncode == 1 and "1 failed" in proc.stdout, proc.stdout[-3000:]
    assert level1.strip() in proc.stdout and "help 2/3" not in proc.stdout, proc.stdout[-3000:]
    assert "CheckResult(" not in proc.stdout   # no repr that would hold every level


def test_a_release_caps_the_help(monkeypatch, tmp_path):
    """With autograder/release.json {"max_hint": 1}, text, JSON and --hint stop at level 1 of 1."""
    import autograder.tasks
    from autograder.pytest_plugin import revealed_level
    from autograder.result import CheckResult
    from course import workspace

    monkeypatch.setenv("COURSE_WORKDIR", str(tmp_path / "work"))
    release = tmp_path / "release.json"
    monkeypatch.setattr(autograder.tasks, "RELEASE_FILE", release)
    res = CheckResult("2.2", "linear_backward", 3, False, "dw differs", help=("what", "where", "formula"))
    assert autograder.tasks.max_hint() is None and res.levels == 3
    assert res.text(3).count("help ") == 3 and res.to_json(0)["help"] == []
    release.write_text(json.dumps({"max_hint": 1}))
    assert autograder.tasks.max_hint() == 1 and res.levels == 1
    assert res.text(3).count("help ") == 1 and "help 1/1: what" in res.text(3)
    assert res.to_json(3)["help"] == ["what"] and res.to_json(3)["help_levels"] == 1

    class Config:
        def getoption(self, name):
            return name == "--hint"

    assert [revealed_level(Config(), res) for _ in range(3)] == [1, 1, 1]
    assert workspace.hint_levels() == {"2.2": 1}


def test_class_reports_hold_no_help_level():
    """Do course grade's JSON and HTML reports show none of the levels a student reveals?"""
    from autograder.batch import Outcome, report_html
    from autograder.result import CheckResult
    from autograder.tasks import get_module

    module = get_module("02")
    res = CheckResult("2.2", "linear_backward", 3, False, "dw differs", help=("what", "where", "formula"))
    out = Outcome("ada", module.id, "graded", results={"2.2": res})
    [task] = out.to_json(module)["tasks"]
    assert task["help"] == [] and task["help_levels"] == 3
    assert "help 1/" not in report_html(module, out) and "formula" not in report_html(module, out)


def test_the_console_script_is_installed():
    script = Path(sys.executable).parent / "course"
    out = subprocess.run([str(script), "check", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "course check 02" in out.stdout
