"""`course check`: grade a student's own notebook through pytest, in a child process.

The child runs pytest with autograder.pytest_plugin under a memory limit and a wall-clock
limit, so a memory bomb or an endless loop ends in a clear message, never a hung terminal.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import autograder
from autograder.notebook import UnusableInput, read
from autograder.result import CheckResult
from autograder.tasks import Module


@dataclass
class Report:
    module: Module
    notebook: Path
    results: list[CheckResult] = field(default_factory=list)
    error: str | None = None

    @property
    def score(self) -> float:
        return sum(r.score for r in self.results)

    @property
    def max_score(self) -> float:
        return self.module.max_score if not self.task_filter else sum(r.points for r in self.results)

    task_filter: str | None = None

    def to_json(self) -> dict:
        return {"module": self.module.id, "notebook": str(self.notebook), "score": self.score,
                "max_score": self.max_score, "error": self.error,
                # each result holds only the help the student revealed (the child saw to it)
                "tasks": [r.to_json(len(r.help)) for r in self.results]}


def _limits(memory_mb: int):
    def apply():
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def run(module: Module, notebook: Path, task: str | None = None, *, memory_mb: int = 4096,
        timeout: float = 600.0, cell_timeout: float = 60.0, hint: bool = False) -> Report:
    """Grade `notebook`; raises UnusableInput when it cannot be read at all.

    Each result's `help` holds the levels the student revealed; hint: reveal one more for
    each failing task (the state is the working folder's, see course.workspace).
    """
    read(notebook)  # fail early, with a clear message, on a missing or corrupt file
    report = Report(module, notebook, task_filter=task)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "results.json"
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               "-p", "autograder.pytest_plugin", str(Path(autograder.__file__).parent / "test_notebook.py"),
               "--rootdir", tmp, "-c", os.devnull,
               "--course-module", module.id, "--notebook", str(notebook), "--results-json", str(out),
               "--cell-timeout", str(cell_timeout)]
        if task:
            cmd += ["-m", module.task(task).grade_id]
        if hint:
            cmd += ["--hint"]
        env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONWARNINGS": "ignore"}
        try:
            proc = subprocess.run(cmd, cwd=notebook.parent, capture_output=True, text=True,
                                  timeout=timeout, preexec_fn=_limits(memory_mb), env=env)
        except subprocess.TimeoutExpired:
            report.error = f"grading took longer than {timeout:g} s and was stopped"
            proc = None
        if out.exists():
            report.results = [CheckResult.from_json(d) for d in json.loads(out.read_text())]
        elif proc is not None:
            tail = (proc.stdout + proc.stderr).strip().splitlines()[-5:]
            report.error = ("the grading process ended without a verdict "
                            f"(exit code {proc.returncode}); memory limit {memory_mb} MB exceeded?\n"
                            + "\n".join(tail))
    order = {t.id: i for i, t in enumerate(module.tasks)}
    report.results.sort(key=lambda r: order.get(r.task, 0))
    return report


__all__ = ["Report", "UnusableInput", "run"]
