"""Run a module's checks on its reference solution, a mutated copy of it, or a notebook file."""

from __future__ import annotations

from pathlib import Path

from autograder.catalogue import Scenario
from autograder.notebook import Loaded, load, run_cells, student_cells
from autograder.result import CheckResult
from autograder.tasks import get_module, resolve_module_id, run_task


def solution_cells(module: str, replace: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Setup and solution cells of the module's source, with text replacements applied.

    Every old text must occur exactly once in the whole source, so a catalogue entry
    fails loudly when the solution it edits changes.
    """
    from course.build import source_notebook

    cells = student_cells(source_notebook(resolve_module_id(module)))
    for old, new in (replace or {}).items():
        hits = sum(src.count(old) for _, src in cells)
        if hits != 1:
            raise ValueError(f"{old!r} occurs {hits} times in the {module} solution, not once")
        cells = [(label, src.replace(old, new)) for label, src in cells]
    return cells


def load_solution(module: str, replace: dict[str, str] | None = None) -> Loaded:
    return run_cells(solution_cells(module, replace))


def grade(module: str, loaded: Loaded, hidden: bool = True) -> dict[str, CheckResult]:
    """{task id: result} for every task of the module."""
    return {t.id: run_task(t, loaded.namespace, cell_errors=loaded.errors, hidden=hidden)
            for t in get_module(module).tasks}


def grade_solution(module: str, replace: dict[str, str] | None = None) -> dict[str, CheckResult]:
    return grade(module, load_solution(module, replace))


def grade_notebook(module: str, path: str | Path) -> dict[str, CheckResult]:
    return grade(module, load(path))


def grade_scenario(module: str, scenario: Scenario) -> dict[str, CheckResult]:
    return grade_solution(module, scenario.replace)


def feedback(result: CheckResult) -> str:
    """All the text a student reads for one task, for matching hints in tests."""
    return result.text(hint_level=0)
