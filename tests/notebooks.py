"""Scenario notebooks for the tests, made from module sources with small named edits."""

from __future__ import annotations

from pathlib import Path

import nbformat

from course import ROOT
from course.build import source_notebook


def exercise(module: str) -> Path:
    return ROOT / "exercises" / module / f"{module}.ipynb"


def solution_with(module: str, path: Path, edits: dict[str, tuple[str, str]] | None = None,
                  drop_test_cells: bool = False) -> Path:
    """Write the module's solution notebook to `path`, editing solution cells by grade id:
    edits = {grade_id: (old text, new text)}."""
    nb = source_notebook(module)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in (edits or {}):
            old, new = edits[gid]
            assert old in cell.source, (gid, old)
            cell.source = cell.source.replace(old, new)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path
