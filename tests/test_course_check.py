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


@pytest.fixture(scope="module")
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
    assert "linear_backward): SyntaxError" in out
    assert out.count("PASS") == 7 and "score: 16/19" in out


def test_infinite_loop_in_a_cell_times_out_and_the_rest_is_graded(tmp_path, capsys):
    nb = solution_with("02_backprop", tmp_path / "02_backprop.ipynb",
                       {"relu": ("def relu_forward(x):", "while True:\n    pass\n\n\ndef relu_forward(x):")})
    code, out = check("02", "--notebook", str(nb), "--cell-timeout", "2", capsys=capsys)
    assert code == 1
    assert "timed out after 2 s" in out and "relu_forward, relu_backward is not defined" in out
    assert "score: 17/19" in out


def test_infinite_loop_inside_a_function_fails_only_its_task(tmp_path, capsys):
    nb = solution_with("02_backprop", tmp_path / "02_backprop.ipynb",
                       {"tanh": ("out = np.tanh(x)", "while True:\n        pass")})
    code, out = check("02", "--notebook", str(nb), capsys=capsys)
    assert "2.4 tanh  FAIL" in out and "look for a loop that never ends" in out
    assert "score: 17/19" in out


@pytest.mark.parametrize("content,reason", [
    (None, "no notebook at"),
    (b"", "is empty"),
    (b"{not json", "not valid JSON"),
    (b'{"hello": 1}', "not a Jupyter notebook"),
    (bytes(range(256)) * 10, "not valid JSON"),
], ids=["missing", "empty", "not-json", "json-not-notebook", "binary-garbage"])
def test_unusable_input_exits_2_with_a_clear_message(tmp_path, capsys, content, reason):
    path = tmp_path / "02_backprop.ipynb"
    if content is not None:
        path.write_bytes(content)
    code, out = check("02", "--notebook", str(path), capsys=capsys)
    assert code == 2 and reason in out and "Traceback" not in out


def test_unknown_module_exits_2(capsys):
    code, out = check("99", capsys=capsys)
    assert code == 2 and "unknown module" in out


def test_memory_bomb_is_stopped_with_a_message(tmp_path, capsys):
    nb = solution_with("02_backprop", tmp_path / "02_backprop.ipynb",
                       {"linear_forward": ("out = x @ w + b", "out = x @ w + b + 0 * np.ones(10**11)[:1]")})
    code, out = check("02", "--notebook", str(nb), capsys=capsys)
    assert "2.1 linear_forward  FAIL" in out and "MemoryError" in out
    assert "score: 18/19" in out


def test_hint_reveals_one_more_level_per_call(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COURSE_WORKDIR", str(tmp_path / "work"))
    nb = solution_with("02_backprop", tmp_path / "02_backprop.ipynb",
                       {"linear_backward": ("dw = x.T @ dout", "dw = x.T @ dout / x.shape[0]")})
    outs = [check("02", "--notebook", str(nb), "--task", "2.2", "--hint", capsys=capsys)[1]
            for _ in range(4)]
    assert "help 1/3" in outs[0] and "help 2/3" not in outs[0]
    assert "help 2/3" in outs[1] and "help 3/3" not in outs[1]
    assert "help 3/3" in outs[2] and outs[3].count("help ") == 3
    assert "did you average over the batch?" in outs[0]


def test_the_console_script_is_installed():
    script = Path(sys.executable).parent / "course"
    out = subprocess.run([str(script), "check", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "course check 02" in out.stdout
