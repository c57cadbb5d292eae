"""Timing helpers shared by the module benchmarks: whole notebooks and `course check`."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder.tasks import resolve_module_id
from course import ROOT
from course.build import write_source_notebook


def time_notebook(module: str, timeout: int = 600) -> float:
    """Seconds to execute the solution notebook end to end in a fresh kernel."""
    path = write_source_notebook(resolve_module_id(module))
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    t0 = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - t0
    errors = notebook_errors(nb)
    if errors:
        raise RuntimeError(f"{module}: cells raised: {errors}")
    return seconds


def notebook_errors(nb) -> list[str]:
    """'cell 12: ValueError: ...' for every cell of an executed notebook that raised.

    Cells tagged raises-exception run on past an error, so errors are looked for here."""
    return [f"cell {i}: {o.get('ename')}: {o.get('evalue')}"
            for i, c in enumerate(nb.cells) if c.cell_type == "code"
            for o in c.get("outputs", []) if o.get("output_type") == "error"]


def time_course_check(module: str) -> tuple[float, str]:
    """Seconds for `course check MODULE --notebook <solution>`, and its last line."""
    path = write_source_notebook(resolve_module_id(module))
    exe = Path(sys.executable).parent / "course"
    t0 = time.perf_counter()
    out = subprocess.run([str(exe), "check", module, "--notebook", str(path)],
                         capture_output=True, text=True, cwd=ROOT)
    return time.perf_counter() - t0, out.stdout.strip().splitlines()[-1]


def slowest_checks(module: str) -> list[tuple[str, float]]:
    """(task id, seconds) for each task on the reference, visible and hidden seeds."""
    from autograder.testing import grade_solution

    return [(t, r.seconds) for t, r in grade_solution(module).items()]
