"""Numbers for module 01: notebook time, check time, verdict stability and margins.

Run: python benchmarks/induction.py [--no-notebook] [--seeds 10]
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

from autograder.catalogue import scenarios
from autograder.catalogue.induction import VARIANTS
from autograder.checks import induction as checks
from autograder.tasks import get_module, isolated, run_task
from autograder.testing import grade_solution
from autograder.testing import load_solution as _load
from course.build import write_source_notebook

MODULE = "01_induction"


def load_solution(module, replace=None):
    """The solution's namespace, with the setup cells' prints kept off the report."""
    with contextlib.redirect_stdout(io.StringIO()):
        return _load(module, replace)


def notebook_seconds() -> float:
    """Execute the solution notebook end to end (experiments included), as nbgrader would."""
    src = write_source_notebook(MODULE)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "jupyter"), "nbconvert", "--to",
                        "notebook", "--execute", str(src), "--output-dir", tmp,
                        "--output", "out.ipynb"], check=True, capture_output=True)
        return time.perf_counter() - t0


def course_check_seconds() -> tuple[float, float, str]:
    """Wall and CPU seconds of `course check 01 --notebook <solution>`, and its score line."""
    src = write_source_notebook(MODULE)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([str(Path(sys.executable).parent / "course"), "check", "01",
                          "--notebook", str(src)], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, (out.stdout.strip().splitlines() or ["(no output)"])[-1]


def check_seconds() -> tuple[float, dict[str, float]]:
    """Wall time of grade_solution('01') (load + every task, visible and hidden seeds)."""
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        results = grade_solution(MODULE)
    total = time.perf_counter() - t0
    assert all(r.passed for r in results.values()), {t: r.text() for t, r in results.items()}
    return total, {t: r.seconds for t, r in results.items()}


def verdicts(seeds: range) -> list[str]:
    """Does every verdict hold on every grader seed? Returns the lines that did not."""
    module = get_module(MODULE)
    bad = []
    cases = [("reference", "", {})] + [(v.name, "", v.replace) for v in VARIANTS] + \
        [(s.name, s.task, s.replace) for s in scenarios(MODULE)]
    for name, broken, replace in cases:
        ns = load_solution(MODULE, replace).namespace
        for task in module.tasks:
            for seed in seeds:
                t = dataclasses.replace(task, seeds=(seed,), hidden_seeds=())
                r = run_task(t, ns, hidden=False)
                should_pass = task.id != broken
                if r.passed != should_pass:
                    bad.append(f"{name}: task {task.id} seed {seed} "
                               f"{'failed' if should_pass else 'passed'}: {r.summary}")
    return bad


def _fn(replace: dict, task_id: str):
    """The (isolated) student function of a task from a mutated solution."""
    task = get_module(MODULE).task(task_id)
    ns = load_solution(MODULE, replace).namespace
    return isolated((ns[task.needs[0]],), task.isolate)[0]


def _scenario(name: str) -> dict:
    return next(s.replace for s in scenarios(MODULE) if s.name == name)


def margins(seeds: range) -> list[str]:
    """Worst passing and best failing value of each thresholded quantity, vs the threshold."""
    lines = []

    def measure(metric, fn):
        out = []
        for s in seeds:
            try:
                out.append(metric(fn, s))
            except Exception:  # the mistaken code raised (e.g. a singular matrix): failing
                out.append(np.inf)
        return np.array(out)

    svd = next(v.replace for v in VARIANTS if v.name == "least-squares-by-svd")
    pinv = next(v.replace for v in VARIANTS if v.name == "least-squares-by-pinv")
    ok = np.r_[measure(checks.ill_excess, _fn({}, "1.3")),
               measure(checks.ill_excess, _fn(svd, "1.3")),
               measure(checks.ill_excess, _fn(pinv, "1.3"))]
    bad = np.r_[measure(checks.ill_excess, _fn(_scenario("normal-equations"), "1.3")),
                measure(checks.ill_excess, _fn(_scenario("normal-equations-inverse"), "1.3"))]
    lines.append(f"1.3 excess loss on cond 1e10 (<= {checks.ILL_EXCESS_TOL:.0e}): lstsq/SVD/pinv "
                 f"worst {ok.max():.1e}; normal equations best {bad.min():.1e}")
    ok = measure(checks.gd_gap, _fn({}, "1.4"))
    bad = measure(checks.gd_gap, _fn(_scenario("gd-ascent"), "1.4"))
    lines.append(f"1.4 |w - w*|/|w*| after {checks.GD_STEPS} steps (<= {checks.GD_GAP_TOL:.0e}): "
                 f"reference worst {ok.max():.1e}; ascent best {bad.min():.1e} (lr-twice "
                 "also converges: the trajectory comparison catches it)")
    ok = measure(checks.logistic_accuracy, _fn({}, "1.6"))
    bad = measure(checks.logistic_accuracy, _fn(_scenario("logistic-gd-ascent"), "1.6"))
    lines.append(f"1.6 validation accuracy (>= {checks.LOGISTIC_ACC_MIN}): reference worst "
                 f"{ok.min():.3f}; ascent best {bad.max():.3f}")
    return lines


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--no-notebook", action="store_true")
    p.add_argument("--seeds", type=int, default=10)
    args = p.parse_args()
    warnings.simplefilter("ignore")
    seeds = range(args.seeds)
    if not args.no_notebook:
        print(f"solution notebook, executed end to end: {notebook_seconds():.1f} s (limit 60)")
    wall, cpu, score = course_check_seconds()
    print(f"course check 01 on the solution: {wall:.1f} s wall, {cpu:.1f} s CPU (limit 15); "
          f"{score}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    total, per_task = check_seconds()
    print(f"grade_solution('01'): {total:.2f} s (limit 15); per task (3 seeds each): "
          + ", ".join(f"{t} {s:.3f}" for t, s in per_task.items()))
    bad = verdicts(seeds)
    n_cases = 1 + len(VARIANTS) + len(scenarios(MODULE))
    print(f"verdicts over {args.seeds} grader seeds: {n_cases} cases x "
          f"{len(get_module(MODULE).tasks)} tasks: "
          + ("all stable" if not bad else f"{len(bad)} unstable"))
    for line in bad:
        print("   ", line)
    for line in margins(seeds):
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
