"""`course release`: the students' distribution of a graded class, with no answers in it.

What ships (a reader sees it from the folders):
    course/                  everything but the instructor's tools (build, grade, gradescope, release)
    course/reference/X.py    verbatim for a published module; for any other module a stand-in
                             (facade.py) whose graded names serve the student's own code
    autograder/              the check functions and the code that runs them, the stand-in
                             runtime and, per unpublished module, the reference's outputs
                             recorded on the visible inputs (record.py)
    exercises/<module>/      the released notebooks
What stays with the instructor: solutions/, autograder/catalogue/, the graders (batch, sandbox,
wire, gradescope, mutation), this package, the hidden seeds' secret and every reference of an
unpublished module.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from autograder.release.facade import answer_names, check_answers, facade, facade_of
from autograder.tasks import MODULES, resolve_module_id
from course import ROOT
from course.reference import MODULE_FILES

# Instructor-only parts of the two packages (paths relative to the package folder).
COURSE_EXCLUDE = {"build.py", "cli/build.py", "cli/grade.py", "cli/gradescope.py",
                  "cli/release.py"}
AUTOGRADER_SHIP = ["__init__.py", "result.py", "compare.py", "tasks.py", "standin.py", "diagnose.py",
                   "locate.py",
                   "notebook.py", "pytest_plugin.py", "test_notebook.py", "selfcheck.py"]


class ReleaseError(Exception):
    pass


def _copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)


def write_release(modules: list[str], out: Path, publish: list[str] = (), max_hint: int | None = None,
                  force: bool = False, progress=print) -> Path:
    """Write the release of `modules` to `out`; modules in `publish` ship their reference."""
    released = sorted({resolve_module_id(m) for m in modules})
    published = sorted({resolve_module_id(m) for m in publish})
    if not released:
        raise ReleaseError("name at least one module to release")
    out = Path(out).resolve()
    if out.exists() and any(out.iterdir()):
        if not force:
            raise ReleaseError(f"{out} is not empty (use --force to replace it)")
        shutil.rmtree(out)
    if ROOT.resolve() in (out, *out.parents):
        raise ReleaseError(f"{out} is inside the course repository; write the release elsewhere")
    order = list(MODULES)
    last = max(order.index(m) for m in released)
    # Checks ship for every module up to the last released one: a later module's checks
    # verify the student's own earlier code with the earlier module's checks.
    checked = order[: last + 1]
    missing = [m for m in released if not (ROOT / "exercises" / m / f"{m}.ipynb").exists()]
    if missing:
        raise ReleaseError(f"no released notebook for {', '.join(missing)}: run `course build`")

    # course/
    src = ROOT / "course"
    for path in sorted(src.rglob("*.py")):
        rel = path.relative_to(src).as_posix()
        if rel in COURSE_EXCLUDE or "__pycache__" in rel:
            continue
        stem = path.stem
        if rel.startswith("reference/") and stem != "__init__":
            mid = next(m for m, stems in MODULE_FILES.items() if stem in stems)
            dest = out / "course" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            unpublished = frozenset(MODULES) - set(published)
            if mid in published and not answer_names(stem, unpublished):
                shutil.copyfile(path, dest)
            else:
                dest.write_text(facade(stem, unpublished))
            continue
        _copy(path, out / "course" / rel)

    # autograder/
    ag = ROOT / "autograder"
    for rel in AUTOGRADER_SHIP:
        _copy(ag / rel, out / "autograder" / rel)
    unshipped = {f"{MODULES[m]}.py" for m in MODULES if m not in checked}
    unpublished = frozenset(MODULES) - set(published)
    for path in sorted((ag / "checks").glob("*.py")):
        if path.name in unshipped:
            continue
        answers = check_answers(path.stem, unpublished) if path.stem != "__init__" else {}
        dest = out / "autograder" / "checks" / path.name
        text = facade_of(path, answers, "In this release the helpers that write out an unpublished "
                         "answer replay their recorded outputs.") if answers else path.read_text()
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(cap_help(text, max_hint))
    for mid in checked:
        if mid in published:
            continue
        from autograder.release.record import write

        progress(f"recording the reference's outputs of {mid} on the visible inputs")
        nb = ROOT / "solutions" / mid / f"{mid}.ipynb"
        if not nb.exists():
            raise ReleaseError(f"{nb} is missing: run `course build`")
        write(mid, nb, out / "autograder" / "recorded")
    (out / "autograder" / "release.json").write_text(json.dumps(
        {"modules": released, "published": published, "checked": checked, "max_hint": max_hint},
        indent=1) + "\n")

    # notebooks and project files
    for mid in released:
        shutil.copytree(ROOT / "exercises" / mid, out / "exercises" / mid)
    (out / "pyproject.toml").write_text(_pyproject())
    (out / "README.md").write_text(_readme(released, published))
    (out / ".gitignore").write_text("__pycache__/\n*.egg-info/\n.venv/\n/work/\n")
    progress(f"release of {', '.join(released)} written to {out}"
             + (f" (published: {', '.join(published)})" if published else ""))
    return out


def cap_help(src: str, max_hint: int | None) -> str:
    """Keep only the first `max_hint` levels of each Task's help in a check file's source: the
    levels a release withholds are not in it at all."""
    import ast

    if max_hint is None:
        return src
    spans = []
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Task":
            for kw in node.keywords:
                if kw.arg == "help" and isinstance(kw.value, ast.Tuple) and len(kw.value.elts) > max_hint:
                    keep = [ast.get_source_segment(src, e) for e in kw.value.elts[:max_hint]]
                    spans.append((kw.value, "(" + "".join(k + ", " for k in keep) + ")"))
    lines = src.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode()))
    data = src.encode()
    for node, text in sorted(spans, key=lambda t: (t[0].lineno, t[0].col_offset), reverse=True):
        a = offsets[node.lineno - 1] + node.col_offset
        b = offsets[node.end_lineno - 1] + node.end_col_offset
        data = data[:a] + text.encode() + data[b:]
    out = data.decode()
    ast.parse(out)
    return out


def _pyproject() -> str:
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = ",\n".join(f'    "{d}"' for d in meta["dependencies"])
    return f'''[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "dl-first-principles-class"
version = "{meta["version"]}"
description = "Deep learning from first principles: the students' edition of a graded class"
readme = "README.md"
requires-python = "{meta["requires-python"]}"
dependencies = [
{deps},
]

[project.scripts]
course = "course.cli:main"

[tool.setuptools.packages.find]
include = ["course*", "autograder*"]

[tool.setuptools.package-data]
autograder = ["recorded/*.json", "recorded/*.npz", "release.json"]
'''


def _readme(released: list[str], published: list[str]) -> str:
    first = released[0][:2]
    return f"""# Deep learning from first principles: your class's exercises

Install and start the course (JupyterLab opens on your own copy of the exercises):

```bash
python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/course start
```

Install and check your work (one line per task, then your score):

```bash
python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/course check {first}
```

This is the students' edition of a graded class: modules {", ".join(released)}. It holds no
answers. The checks compare your functions with the reference's outputs recorded on a few
inputs, with numerical gradients and with properties your code must have; where a task builds
on an earlier one, it uses *your* earlier function once that one passes ("fix 2.7 first").
Your instructor grades with more inputs than these; passing here is a strong sign, not a
guarantee.
{"Published (their reference ships, later modules build on it): " + ", ".join(published) + chr(10)
 if published else ""}
Activate the environment in a new terminal with `source .venv/bin/activate`; then
`course check 02 --hint` reveals one more level of help per failing task.
Hand your work in the way your instructor says (the Assignments tab on a JupyterHub, or
`nbgrader submit`).
"""
