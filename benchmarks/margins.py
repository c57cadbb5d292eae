"""Verdicts over 10 seeds: the reference passes every task on every seed, and every
catalogued mistake fails its task on every seed (one that fails on fewer is a thin margin).

    python -m benchmarks.margins [--module 04] [--seeds 10]

Prints, per module, the reference's passing seeds per task and each mistake's failing seeds;
lines marked DEFECT are a reference failing somewhere or a mistake passing somewhere. The
numeric margins of the behavioural thresholds (worst passing, best failing) are printed by
benchmarks/<module>.py.
"""

from __future__ import annotations

import argparse
import sys

from autograder.catalogue import scenarios
from autograder.mutation import quiet
from autograder.tasks import MODULES, get_module, run_task
from autograder.testing import load_solution


def verdicts(module: str, task_id: str, replace: dict | None, seeds: int) -> list[bool]:
    with quiet():
        loaded = load_solution(module, replace)
        task = get_module(module).task(task_id)
        return [run_task(task, loaded.namespace, cell_errors=loaded.errors, hidden=False,
                         seeds=(s,)).passed for s in range(seeds)]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.margins", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--module", action="append")
    p.add_argument("--seeds", type=int, default=10)
    args = p.parse_args(argv)
    defects = 0
    for m in args.module or list(MODULES):
        mod = get_module(m)
        print(f"== {mod.id}", flush=True)
        for t in mod.tasks:
            v = verdicts(mod.id, t.id, None, args.seeds)
            bad = [s for s, ok in enumerate(v) if not ok]
            defects += bool(bad)
            print(f"  {t.id:5s} reference passes {sum(v)}/{args.seeds}"
                  + (f"  DEFECT: fails seeds {bad}" if bad else ""), flush=True)
        for s in scenarios(mod.id):
            v = verdicts(mod.id, s.task, s.replace, args.seeds)
            caught = [i for i, ok in enumerate(v) if not ok]
            defects += len(caught) < args.seeds
            print(f"  {s.task:5s} {s.name:44s} fails {len(caught)}/{args.seeds}"
                  + ("" if len(caught) == args.seeds else
                     f"  DEFECT: passes seeds {sorted(set(range(args.seeds)) - set(caught))}"),
                  flush=True)
    print(f"defects: {defects}")
    return 1 if defects else 0


if __name__ == "__main__":
    sys.exit(main())
