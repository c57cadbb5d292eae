"""Build student exercises from the instructor sources, with nbgrader's own generate_assignment.

solutions/NN_name/NN_name.py (jupytext percent, the single source of truth)
  -> solutions/NN_name/NN_name.ipynb (nbgrader source notebook; not committed)
  -> exercises/NN_name/NN_name.ipynb  (release, committed without outputs)
`build` also registers each assignment, its notebook and cells in the course's gradebook.db
(what generate_assignment does), so `nbgrader autograde` works right after it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import jupytext
import nbformat

from course import ROOT

SOLUTION_DEFAULTS = {"grade": False, "locked": False, "schema_version": 3, "solution": True,
                     "task": False}
TEST_DEFAULTS = {"locked": True, "schema_version": 3, "solution": False, "task": False}
SETUP_DEFAULTS = {"grade": False, "locked": True, "schema_version": 3, "solution": False,
                  "task": False}


def tool_env() -> dict[str, str]:
    """The environment with this interpreter's bin folder first: nbgrader calls `alembic`."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, "PATH": path, "PYTHONWARNINGS": "ignore"}


def fast_gradebooks() -> None:
    """In this process, nbgrader creates a gradebook without the `alembic heads` command
    (2 s of start-up each time): the schema's head is read with alembic's API, once, and the
    command answers only if that fails."""
    import functools

    import nbgrader.api

    ask = nbgrader.api.get_alembic_version
    if getattr(ask, "fast", False):
        return

    @functools.cache
    def head() -> str:
        here = Path(nbgrader.api.__file__).parent
        try:
            from alembic.config import Config
            from alembic.script import ScriptDirectory

            cfg = Config(str(here / "alembic.ini"))
            cfg.set_main_option("script_location", str(here / "alembic"))
            heads = ScriptDirectory.from_config(cfg).get_heads()
            if len(heads) == 1:
                return heads[0]
        except Exception:  # noqa: BLE001 - the command answers instead, as nbgrader asks it
            pass
        return ask()

    head.fast = True
    nbgrader.api.get_alembic_version = head


def nbgrader_command(*args: str) -> list[str]:
    """`nbgrader ARGS` run by this interpreter, without two slow steps of its start-up:
    jsonschema's IRI grammar (course.cli.without_iri_grammar) and `alembic heads` for a new
    gradebook (fast_gradebooks). Run it with tool_env()."""
    launch = ("import course.cli as c; c.without_iri_grammar(); "
              "import course.build as b; b.fast_gradebooks(); import sys; "
              "from nbgrader.apps.nbgraderapp import main; sys.argv[0] = 'nbgrader'; main()")
    return [sys.executable, "-c", launch, *args]


def modules(root: Path = ROOT) -> list[str]:
    """Module ids that have a source: ['02_backprop', ...]."""
    return sorted(p.name for p in (root / "solutions").iterdir()
                  if p.is_dir() and (p / f"{p.name}.py").exists())


def source_path(module: str, root: Path = ROOT) -> Path:
    return root / "solutions" / module / f"{module}.py"


def source_notebook(module: str, root: Path = ROOT) -> nbformat.NotebookNode:
    """The instructor notebook with complete nbgrader metadata and stable cell ids."""
    nb = jupytext.read(source_path(module, root), fmt="py:percent")
    setup = 0
    for i, cell in enumerate(nb.cells):
        meta = cell.metadata
        meta.pop("lines_to_next_cell", None)
        ng = meta.get("nbgrader")
        if cell.cell_type == "code":
            tags = meta.get("tags", [])
            if ng and ng.get("grade") and not ng.get("solution"):
                meta["nbgrader"] = {"grade": True, **TEST_DEFAULTS, **ng}
                # a failing check must not stop "Run All": JupyterLab and nbclient go on
                # past cells tagged raises-exception
                meta["tags"] = sorted({*tags, "raises-exception"})
            elif ng and ng.get("solution"):
                meta["nbgrader"] = {**SOLUTION_DEFAULTS, **ng}
            elif "experiment" in tags:
                # an experiment needs the student's code above it and raises until that is
                # written; it must not stop "Run All" either
                meta["tags"] = sorted({*tags, "raises-exception"})
            else:
                setup += 1
                meta["nbgrader"] = {**SETUP_DEFAULTS, "grade_id": f"setup_{setup}"}
        gid = meta.get("nbgrader", {}).get("grade_id")
        cell["id"] = gid.replace("_", "-") if gid else f"cell-{i}"
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "course": {"module": module, "generated_from": f"solutions/{module}/{module}.py"},
    }
    return nb


def write_source_notebook(module: str, root: Path = ROOT) -> Path:
    path = root / "solutions" / module / f"{module}.ipynb"
    text = nbformat.writes(source_notebook(module, root))
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    return path


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """No outputs, no execution counts: a release that diffs cleanly."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def gradebook_url(root: Path = ROOT) -> str:
    """The course's gradebook, where nbgrader looks by default."""
    return f"sqlite:///{root / 'gradebook.db'}"


def generate(module: str, out_dir: Path, root: Path = ROOT, db_url: str | None = None) -> Path:
    """Run `nbgrader generate_assignment` into out_dir/module and clean the result.

    db_url: the gradebook to register the assignment in (default: a throwaway one).
    """
    write_source_notebook(module, root)
    with tempfile.TemporaryDirectory() as tmp:
        release = Path(tmp) / "release"
        cmd = nbgrader_command("generate_assignment", module, "--force",
                               f"--db={db_url or f'sqlite:///{tmp}/gradebook.db'}",
                               f"--CourseDirectory.root={root}",
                               f"--CourseDirectory.release_directory={release}",
                               "--log-level=WARN")
        proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True,
                              env=tool_env())
        if proc.returncode != 0:
            raise RuntimeError(f"nbgrader generate_assignment {module} failed:\n{proc.stderr}")
        dest = out_dir / module
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(release / module, dest)
    for path in dest.glob("*.ipynb"):
        nb = clean(nbformat.read(path, as_version=4))
        # with the final newline nbgrader writes, so a plain `nbgrader generate_assignment`
        # from the course root reproduces the committed file exactly
        path.write_text(nbformat.writes(nb) + "\n")
    return dest


Progress = Callable[[int, int, str], None]   # (module number from 1, of how many, module id)


def build(root: Path = ROOT, only: list[str] | None = None,
          progress: Progress | None = None) -> list[Path]:
    """Regenerate exercises/ and register the assignments in the course's gradebook."""
    mods = only or modules(root)
    out = []
    for i, m in enumerate(mods, 1):
        if progress:
            progress(i, len(mods), m)
        out.append(generate(m, root / "exercises", root, db_url=gradebook_url(root)))
    return out


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def stale(root: Path = ROOT, progress: Progress | None = None) -> list[str]:
    """Modules whose committed exercise differs from a fresh build (or is missing/extra)."""
    out = []
    mods = modules(root)
    with tempfile.TemporaryDirectory() as tmp:
        for i, m in enumerate(mods, 1):
            if progress:
                progress(i, len(mods), m)
            fresh = generate(m, Path(tmp), root)
            have = root / "exercises" / m
            if not have.exists() or _digest(fresh) != _digest(have):
                out.append(m)
    extra = {p.name for p in (root / "exercises").iterdir() if p.is_dir()} - set(modules(root)) \
        if (root / "exercises").exists() else set()
    return out + sorted(extra)


