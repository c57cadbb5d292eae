"""Module 04 numbers: notebook time, `course check 04` time, verdict stability and margins.

Run: python benchmarks/optim.py [--skip-notebook]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from autograder.catalogue import scenarios
from autograder.catalogue.optim import VARIANTS
from autograder.checks import optim as checks
from autograder.tasks import get_module, isolated, run_task
from autograder.testing import grade_solution, load_solution
from course import ROOT
from course.build import write_source_notebook
from course.reference import optim

MODULE = "04_optim"
SEEDS = range(10)


def notebook_seconds() -> tuple[float, float]:
    """(wall seconds, CPU seconds of nbconvert and its kernel) to execute the solution."""
    nb = write_source_notebook(MODULE)
    with tempfile.TemporaryDirectory() as tmp:
        cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "jupyter"), "nbconvert", "--to",
                        "notebook", "--execute", str(nb), "--output", f"{tmp}/out.ipynb"],
                       check=True, capture_output=True, cwd=ROOT)
        wall = time.perf_counter() - t0
        cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)


def verdicts(namespace, task, seeds=SEEDS):
    """{seed: CheckResult} for one task, one seed at a time."""
    return {s: run_task(replace(task, seeds=(s,), hidden_seeds=()), namespace) for s in seeds}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-notebook", action="store_true")
    args = ap.parse_args()
    module = get_module(MODULE)

    if not args.skip_notebook:
        wall, cpu = notebook_seconds()
        print(f"solution notebook end to end: {wall:.1f} s wall, {cpu:.1f} s CPU (limit 60 s; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    t0 = time.perf_counter()
    res = grade_solution(MODULE)
    total = time.perf_counter() - t0
    print(f"grade_solution('04') (course check 04): {total:.2f} s (limit 15 s); per task: "
          + ", ".join(f"{t} {r.seconds:.2f} s" for t, r in res.items()))

    # stability: reference passes, every scenario fails its task with its hint, every variant
    # passes, on each of 10 seeds separately
    ref = load_solution(MODULE).namespace
    flips = 0
    for task in module.tasks:
        bad = [s for s, r in verdicts(ref, task).items() if not r.passed]
        flips += len(bad)
        print(f"reference {task.id}: passes {10 - len(bad)}/10 seeds")
    for sc in scenarios(MODULE):
        ns = load_solution(MODULE, sc.replace).namespace
        rs = verdicts(ns, module.task(sc.task))
        caught = sum((not r.passed) and sc.hint in r.text() for r in rs.values())
        flips += 10 - caught
        print(f"mistake {sc.name} ({sc.task}): caught with its hint on {caught}/10 seeds")
    for v in VARIANTS:
        ns = load_solution(MODULE, v.replace).namespace
        ok = sum(r.passed for task in module.tasks for r in verdicts(ns, task).values())
        flips += 10 * len(module.tasks) - ok
        print(f"variant {v.name}: passes {ok}/{10 * len(module.tasks)} (task, seed) pairs")
    print(f"verdicts that differ from the expected one: {flips}")

    # margins of the behavioural checks
    fr = [m / s for m, s in (checks.momentum_fraction(optim.momentum_step, s) for s in SEEDS)]
    no_mu = [m / s for m, s in (checks.momentum_fraction(
        lambda p, g, st, lr, mu: optim.momentum_step(p, g, st, lr, 0.0), s) for s in SEEDS)]
    damp = [m / s for m, s in (checks.momentum_fraction(
        checks.MOMENTUM_MISTAKES[5][2], s) for s in SEEDS)]
    print(f"4.1 momentum steps / SGD steps (threshold <= {checks.MAX_FRACTION}): reference "
          f"worst {max(fr):.3f} (best {min(fr):.3f}); failing: mu ignored best {min(no_mu):.3f}, "
          f"dampened best {min(damp):.3f}")

    task = module.task("4.5")
    good = [checks.spirals_result(isolated((ref["train_mlp_momentum"],), task.isolate)[0], s)[:2]
            for s in SEEDS]
    sc = next(s for s in scenarios(MODULE) if s.task == "4.5")
    ns = load_solution(MODULE, sc.replace).namespace
    badr = [checks.spirals_result(isolated((ns["train_mlp_momentum"],), task.isolate)[0], s)[:2]
            for s in SEEDS]
    ga, gl = np.array(good).T
    ba, bl = np.array(badr).T
    print(f"4.5 spirals (accuracy >= {checks.MIN_ACCURACY}, loss <= {checks.MAX_LOSS}): reference "
          f"worst accuracy {ga.min():.3f}, worst loss {gl.max():.3f}; {sc.name} best accuracy "
          f"{ba.max():.3f}, best loss {bl.min():.3f}")


if __name__ == "__main__":
    main()
