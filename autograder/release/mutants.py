"""The mutation report against a release's student-side checks.

export(dir, modules): on the instructor's side, write every catalogue mistake and correct
variant of the modules as cells (the solution with the mistake's edit), and the solution
notebooks of every module as the workspace later modules' checks look in.

`python -m autograder.release.mutants DIR [--own-task]` or `python path/to/mutants.py DIR`,
run with the release's Python, grades each with the release's checks and writes
DIR/results.json. report(dir) then counts, per module: mistakes detected (their task fails),
isolated (no other task fails), hinted (the catalogue's phrase is in the feedback) and
variants failing any task. --own-task grades a mistake on its own task only (a variant still
on every task), for the tests' lane: isolation then goes uncounted.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path


def export(out: Path, modules: list[str]) -> int:
    from autograder.catalogue import scenarios
    from autograder.mutation import variants
    from autograder.tasks import MODULES, resolve_module_id
    from autograder.testing import solution_cells
    from course import ROOT

    out.mkdir(parents=True, exist_ok=True)
    for mid in MODULES:
        (out / "ws" / mid).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "solutions" / mid / f"{mid}.ipynb", out / "ws" / mid / f"{mid}.ipynb")
    cases = []
    for m in modules:
        mid = resolve_module_id(m)
        for kind, items in (("mistake", scenarios(mid)), ("variant", variants(mid))):
            for s in items:
                cases.append({"module": mid, "kind": kind, "name": s.name, "task": s.task,
                              "hint": s.hint, "rewrite": s.rewrite,
                              "cells": solution_cells(mid, s.replace)})
    (out / "cases.json").write_text(json.dumps(cases))
    return len(cases)


def grade_cases(out: Path, own_task: bool = False) -> list[dict]:
    """In the release: grade every case with the release's checks (a mistake on its own task
    only, with own_task)."""
    import os
    import warnings

    from autograder import standin
    from autograder.notebook import run_cells
    from autograder.tasks import get_module, run_task

    warnings.simplefilter("ignore")
    standin.SEARCH.insert(0, out / "ws")
    os.environ.setdefault("COURSE_WORKDIR", str(out / "ws"))
    results = []
    for case in json.loads((out / "cases.json").read_text()):
        standin._verified.clear()
        loaded = run_cells([tuple(c) for c in case["cells"]])
        failed, texts = [], {}
        for task in get_module(case["module"]).tasks:
            if own_task and case["kind"] == "mistake" and task.id != case["task"]:
                continue
            r = run_task(task, loaded.namespace, cell_errors=loaded.errors)
            if not r.passed:
                failed.append(task.id)
                texts[task.id] = r.text()
        results.append({**{k: case.get(k) for k in ("module", "kind", "name", "task", "hint",
                                                    "rewrite")},
                        "own_task": own_task and case["kind"] == "mistake", "failed": failed,
                        "text": texts.get(case["task"], "")})
    (out / "results.json").write_text(json.dumps(results, indent=1))
    return results


def report(out: Path, stream=sys.stdout) -> dict[str, dict[str, int]]:
    """Per module: mistakes, detected, hinted, variants, variants failing; misses listed."""
    results = json.loads((out / "results.json").read_text())
    table: dict[str, dict[str, int]] = {}
    for r in results:
        row = table.setdefault(r["module"], dict.fromkeys(
            ("mistakes", "detected", "isolated", "hinted", "rewrite", "variants",
             "false_failures"), 0))
        if r["kind"] == "mistake":
            row["mistakes"] += 1
            row["detected"] += r["task"] in r["failed"]
            # graded on its own task only: isolation not known
            row["isolated"] += r["failed"] == [r["task"]] and not r.get("own_task")
            # a rewrite diagnosis needs the solution, which a release does not hold
            row["rewrite"] += bool(r.get("rewrite"))
            hinted = bool(r["hint"]) and r["hint"] in r["text"] or bool(r.get("rewrite"))
            row["hinted"] += hinted and not r.get("rewrite")
            if r["task"] not in r["failed"] or not hinted:
                print(f"  {r['module']} {r['name']} ({r['task']}): "
                      f"{'hint missing' if r['task'] in r['failed'] else 'NOT DETECTED'}; "
                      f"{r['text'].splitlines()[0] if r['text'] else ''}", file=stream)
        else:
            row["variants"] += 1
            row["false_failures"] += bool(r["failed"])
            if r["failed"]:
                print(f"  {r['module']} variant {r['name']} fails {r['failed']}", file=stream)
    print(f"{'module':<14}{'mistakes':>9}{'detected':>9}{'isolated':>9}{'hinted':>8}"
          f"{'variants':>9}{'false':>6}", file=stream)
    for mid, row in sorted(table.items()):
        print(f"{mid:<14}{row['mistakes']:>9}{row['detected']:>9}{row['isolated']:>9}"
              f"{row['hinted']:>8}{row['variants']:>9}{row['false_failures']:>6}", file=stream)
    return table


if __name__ == "__main__":
    grade_cases(Path(sys.argv[1]), own_task="--own-task" in sys.argv[2:])
