"""Read a student's notebook and run the code they wrote, cell by cell.

What runs: the solution cells and the given setup cells. What does not: test cells (the
checks come from the autograder, never from the submission) and cells tagged
"experiment", which may train for minutes. A cell that fails is recorded and skipped;
the others still run, so one syntax error costs one task, not the notebook.
"""

from __future__ import annotations

import json
import os
import re
import signal
import traceback
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

import nbformat


class UnusableInput(Exception):
    """The notebook cannot be graded at all (missing, not JSON, not a notebook)."""


def read(path: str | Path) -> nbformat.NotebookNode:
    """The notebook at `path`; UnusableInput with the reason a student reads when it is not one.

    The reasons are the same words as `course grade`'s (autograder.batch), so one broken
    file gets one explanation from both.
    """
    path = Path(path)
    if not path.exists():
        raise UnusableInput(f"no notebook at {path}")
    if path.is_dir():
        raise UnusableInput(f"{path} is a folder, not a notebook")
    raw = path.read_bytes()
    if not raw.strip():
        raise UnusableInput(f"{path} is an empty file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UnusableInput(f"{path} is not a notebook: not UTF-8 text (binary data?)") from None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as e:
        raise UnusableInput(f"{path} is not a notebook: not valid JSON ({str(e)[:120]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        if isinstance(data, dict) and "worksheets" in data:
            raise UnusableInput(f"{path} is an old (nbformat 3) notebook; open and save it in "
                                "Jupyter first")
        raise UnusableInput(f"{path} is valid JSON but not a Jupyter notebook (no list of cells)")
    try:
        nb = nbformat.from_dict(data)
    except Exception as e:
        raise UnusableInput(f"{path} is not a readable notebook: {e}") from None
    return nb


def nbgrader_meta(cell) -> dict:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def is_test_cell(cell) -> bool:
    m = nbgrader_meta(cell)
    return bool(m.get("grade")) and not m.get("solution")


def is_experiment(cell) -> bool:
    return "experiment" in (cell.get("metadata", {}).get("tags") or [])


def cell_label(index: int, cell) -> str:
    """How a student finds the cell in JupyterLab, which shows no cell numbers:
    "the cell defining linear_forward", else "the cell starting `X = ...`"."""
    src = _source(cell)
    defs = re.findall(r"^(?:def|class) (\w+)", src, re.M)
    if defs:
        return "the cell defining " + ", ".join(defs[:3]) + (" ..." if len(defs) > 3 else "")
    first = next((ln.strip() for ln in src.splitlines()
                  if ln.strip() and not ln.lstrip().startswith("#")), "")
    if first:
        return f"the cell starting `{first[:50]}`"
    gid = nbgrader_meta(cell).get("grade_id")
    return f"the {gid} cell" if gid else f"code cell {index + 1}"


def _source(cell) -> str:
    src = cell.get("source", "")
    src = "".join(src) if isinstance(src, list) else str(src)
    # IPython magics and shell escapes mean nothing outside a kernel.
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in src.splitlines())


def student_cells(nb) -> list[tuple[str, str]]:
    """(label, source) of the code cells to run: setup and solution, in notebook order."""
    out, seen = [], {}
    for i, c in enumerate(nb.cells):
        if c.get("cell_type") == "code" and not is_test_cell(c) and not is_experiment(c):
            label = cell_label(i, c)
            seen[label] = seen.get(label, 0) + 1
            out.append((label if seen[label] == 1 else f"{label} ({seen[label]})", _source(c)))
    return out


class CellTimeout(BaseException):
    """Raised by the alarm; a BaseException so `except Exception` in student code cannot swallow it."""

    pass


@contextmanager
def time_limit(seconds: float | None):
    """Raise CellTimeout after `seconds` of wall time (main thread only; else no limit)."""
    if not seconds:
        yield
        return

    def on_alarm(signum, frame):
        raise CellTimeout(f"timed out after {seconds:g} s: an infinite loop?")

    try:
        old = signal.signal(signal.SIGALRM, on_alarm)
    except ValueError:  # not in the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@dataclass
class Loaded:
    namespace: dict
    errors: dict[str, str] = field(default_factory=dict)   # cell label -> error line


def _error_line(e: BaseException, filename: str) -> str:
    if isinstance(e, SyntaxError):
        return f"SyntaxError: {e.msg} (line {e.lineno})"
    line = ""
    for frame, lineno in traceback.walk_tb(e.__traceback__):
        if frame.f_code.co_filename == filename:
            line = f" (line {lineno})"
    return f"{type(e).__name__}: {e}{line}"


def run_cells(cells: list[tuple[str, str]], cell_timeout: float | None = 60.0) -> Loaded:
    """Execute cells in one fresh namespace; record each failing cell and go on."""
    import matplotlib

    matplotlib.use("Agg")
    ns: dict = {"__name__": "__student__"}
    loaded = Loaded(ns)
    for label, src in cells:
        filename = f"<cell {label}>"
        ns.setdefault("__cells__", {})[filename] = src
        try:
            code = compile(src, filename, "exec")
        except SyntaxError as e:
            loaded.errors[label] = _error_line(e, filename)
            continue
        try:
            # what setup cells print is for the notebook, not for the grader's output
            with time_limit(cell_timeout), open(os.devnull, "w") as sink, \
                    redirect_stdout(sink), redirect_stderr(sink):
                exec(code, ns)
        except (Exception, CellTimeout) as e:  # noqa: BLE001 - any student error is recorded
            loaded.errors[label] = _error_line(e, filename)
        except SystemExit:
            loaded.errors[label] = "SystemExit: the cell called exit()"
    return loaded


def load(path: str | Path, cell_timeout: float | None = 60.0) -> Loaded:
    """Read the notebook at `path` and run its setup and solution cells."""
    return run_cells(student_cells(read(path)), cell_timeout)
