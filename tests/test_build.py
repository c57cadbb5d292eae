"""exercises/ is generated from solutions/ by nbgrader, and `course build --check` says when not."""

from __future__ import annotations

import json
import shutil

import pytest

from course import ROOT
from course.build import modules, source_notebook, stale


def test_every_module_with_a_source_has_a_committed_exercise():
    for m in modules():
        assert (ROOT / "exercises" / m / f"{m}.ipynb").exists(), m


def test_committed_exercises_have_no_outputs_and_no_solutions():
    for m in modules():
        nb = json.loads((ROOT / "exercises" / m / f"{m}.ipynb").read_text())
        for cell in nb["cells"]:
            src = "".join(cell["source"])
            assert "BEGIN SOLUTION" not in src and "HIDDEN TESTS" not in src
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None


def test_source_cells_carry_complete_nbgrader_metadata():
    for m in modules():
        ids = []
        for cell in source_notebook(m).cells:
            meta = cell.metadata.get("nbgrader")
            if meta:
                assert {"grade", "solution", "locked", "grade_id", "schema_version"} <= set(meta)
                ids.append(meta["grade_id"])
        assert len(ids) == len(set(ids)), f"duplicate grade ids in {m}"


@pytest.mark.slow
def test_check_detects_a_stale_exercise(tmp_path):
    root, m = tmp_path / "repo", "02_backprop"
    shutil.copytree(ROOT / "solutions" / m, root / "solutions" / m,
                    ignore=shutil.ignore_patterns("*.ipynb"))
    shutil.copytree(ROOT / "exercises" / m, root / "exercises" / m)
    shutil.copy(ROOT / "nbgrader_config.py", root)
    assert stale(root) == []
    src = root / "solutions" / m / f"{m}.py"
    src.write_text(src.read_text().replace("# %% [markdown]\n", "# %% [markdown]\n# edited\n", 1))
    assert stale(root) == [m]
