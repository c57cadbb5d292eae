"""A Gradescope autograder bundle that runs the same sandboxed grader.

`course gradescope MODULE -o bundle.zip` writes a zip with setup.sh, run_autograder and a
`source/` copy of the course package, the autograder, the module's source and release.
On Gradescope, run_autograder grades /autograder/submission/*.ipynb and writes
/autograder/results/results.json (Gradescope's format): per task a visible test (feedback on
the visible seeds, no points) and a test with the task's points (visible seeds and hidden
seeds drawn at random for this run, visibility "after_published"). Paths are configurable
(AUTOGRADER_ROOT) for local tests.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile
from pathlib import Path

SETUP = """#!/usr/bin/env bash
# Gradescope runs this once when building the autograder image.
set -euo pipefail
apt-get update -qq && apt-get install -y -qq python3 python3-pip util-linux >/dev/null || true
pip3 install --quiet numpy matplotlib nbformat jupytext tqdm
"""

RUN = """#!/usr/bin/env bash
# Gradescope runs this for each submission. AUTOGRADER_ROOT and PYTHON override the defaults.
set -uo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
PY="${PYTHON:-python3}"
mkdir -p "$ROOT/results"
# student code runs as another uid: keep the sources (they hold the solutions) root-only
chmod -R go-rwx "$ROOT/source" 2>/dev/null || true
cd "$ROOT/source"
PYTHONPATH="$ROOT/source" "$PY" -m autograder.gradescope __MODULE__ \\
    --submission "$ROOT/submission" --results "$ROOT/results/results.json"
"""


def bundle(module_id: str, out: Path) -> Path:
    """Write the zip for one module."""
    from autograder.tasks import get_module
    from course import ROOT

    mid = get_module(module_id).id
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    for pkg in ("course", "autograder"):
        for p in sorted((ROOT / pkg).rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts and p.suffix in (".py", ".json", ".txt"):
                files[f"source/{p.relative_to(ROOT)}"] = p
    for rel in (f"solutions/{mid}/{mid}.py", f"exercises/{mid}/{mid}.ipynb"):
        if (ROOT / rel).exists():
            files[f"source/{rel}"] = ROOT / rel
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("setup.sh", SETUP), ("run_autograder", RUN.replace("__MODULE__", mid))):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o755 << 16
            z.writestr(info, text)
        for name, path in files.items():
            z.write(path, name)
    return out


def results_json(module, visible: dict, full: dict, reason: str = "") -> dict:
    """Gradescope's results.json from our CheckResults (visible seeds; all seeds)."""
    tests = []
    for t in module.tasks:
        v, f = visible.get(t.id), full.get(t.id)
        if v is not None:
            tests.append({"name": f"{t.id} {t.name} (visible checks)", "score": 0.0,
                          "max_score": 0.0, "output": v.text(hint_level=1),
                          "visibility": "visible", "status": "passed" if v.passed else "failed"})
        if f is not None:
            tests.append({"name": f"{t.id} {t.name}", "score": f.score, "max_score": t.points,
                          "output": f.text(), "visibility": "after_published",
                          "status": "passed" if f.passed else "failed"})
    out = {"score": sum(r.score for r in full.values()), "tests": tests,
           "visibility": "visible", "stdout_visibility": "hidden"}
    if reason:
        out["output"] = f"not graded: {reason}"
    return out


def run(module_id: str, submission: Path, results: Path, timeout: float | None = None,
        memory_mb: int = 1024) -> dict:
    from autograder.batch import Source, Unusable, _ungradable_results, extract, open_submitted, secret_seeds
    from autograder.sandbox import Sandbox, grade_cells

    source = Source.load(module_id)
    module = source.module
    visible, full, reason = {}, {}, ""
    try:
        nbs = sorted(submission.glob("*.ipynb"))
        named = [p for p in nbs if p.name == f"{module.id}.ipynb"]
        if not nbs:
            raise Unusable(f"no notebook submitted (expected {module.id}.ipynb)")
        if not named and len(nbs) > 1:
            raise Unusable(f"several notebooks and none named {module.id}.ipynb: "
                           + ", ".join(p.name for p in nbs[:5]))
        path = (named or nbs)[0]
        fd = open_submitted(path, submission)     # no symbolic links, nothing outside
        try:
            sub = extract(fd, name=path.name)
        finally:
            os.close(fd)
        declared = sub.get("module")
        if isinstance(declared, str) and declared != module.id:
            raise Unusable(f"this is the notebook of module {declared}, not {module.id}")
        cells, errors, _, found = source.student_cells(sub)
        if not found:
            raise Unusable("none of the module's solution cells is in the notebook")
        sandbox = Sandbox(memory_mb=memory_mb, hide=[str(submission), str(results.parent)],
                          setup=source.setup(), module=module.id)
        visible = grade_cells(module, cells, sandbox, timeout=timeout, hidden=False,
                              extra_errors=errors)
        # hidden seeds drawn fresh for this run: nobody can record their inputs beforehand
        full = grade_cells(module, cells, sandbox, timeout=timeout, hidden=True,
                           extra_errors=errors, seeds=secret_seeds(module, os.urandom(32)))
        sandbox.close()
    except Unusable as e:
        reason = str(e)
        full = _ungradable_results(module, reason)
    data = results_json(module, visible, full, reason)
    results.parent.mkdir(parents=True, exist_ok=True)
    tmp = results.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1))
    os.replace(tmp, results)
    return data


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m autograder.gradescope")
    ap.add_argument("module")
    ap.add_argument("--submission", default="/autograder/submission")
    ap.add_argument("--results", default="/autograder/results/results.json")
    ap.add_argument("--timeout", type=float, default=None)
    ap.add_argument("--memory", type=int, default=1024)
    a = ap.parse_args(argv)
    data = run(a.module, Path(a.submission), Path(a.results), a.timeout, a.memory)
    print(f"score {data['score']:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
