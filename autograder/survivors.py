"""Which one-edit rewrites of a reference pass its task's check? (mutation testing of the checks)

    python -m autograder.survivors [--module 06] [--n 100] [--all]

The catalogue holds the mistakes someone thought of; this asks the rewrite engine of
`autograder.diagnose` (a sign, a term, a transpose, an axis, a variable for another, a
statement moved, a loop bound, ...) for up to n edits of each graded function's reference and
runs the task's check on each. An edit that passes is either equivalent (a docstring, `x.T` of
a vector, a sign a norm ignores) or a hole: a behaviour the text promises that no input of the
check exercises. The holes found this way in session 11: `sgd_step` tested on a one-key dict,
`pad_batch` on batches whose size equalled their longest sequence, clipping only ever tested
far above max_norm, `he_init`'s fan_in off by one, a linear net's frozen fraction on inputs
where the ReLU formula also gives 0, and the source mask read for the target's on data where
both have the same shape.

The task's other functions are the references, bound as they are in the solution notebook:
an edit of a function that another graded function calls is seen only in its own calls.
Edits of helpers a task isolates (marked "in the helper") and edits that only reformat are
left out unless --all.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import signal
import sys
import time
import zlib
from dataclasses import dataclass

SKIP = ("in the helper", "without its brackets", "in the other order", "taken as a column")


@dataclass(frozen=True)
class Survivor:
    task: str
    function: str
    index: int      # the rewrite's position in diagnose.rewrites(reference)
    what: str


class _Slow(Exception):
    pass


def _alarm(*_):
    raise _Slow


def _one(job: tuple[str, str, str, int]) -> tuple[tuple[str, str, str, int], bool | None, str]:
    from autograder import diagnose
    from autograder.mutation import quiet
    from autograder.tasks import get_module, run_task

    mid, tid, name, k = job
    task = next(t for t in get_module(mid).tasks if t.id == tid)
    refs = diagnose.references(mid, task.needs)
    rw = diagnose.rewrites(refs[name])[k]
    fns = tuple(rw.fn if n == name else refs[n] for n in task.needs)
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(int(task.timeout))
    try:
        with quiet():
            passed: bool | None = run_task(task, fns=fns, hidden=True).passed
    except _Slow:
        passed = None
    finally:
        signal.alarm(0)
    return job, passed, rw.what


def jobs(module: str, n: int) -> list[tuple[str, str, str, int]]:
    """(module, task, function, rewrite index) for up to n rewrites of each graded function,
    drawn at random but the same on every run."""
    from autograder import diagnose
    from autograder.tasks import get_module

    out = []
    for task in get_module(module).tasks:
        refs = diagnose.references(module, task.needs)
        for name in task.needs:
            if name in task.isolate or name not in refs:
                continue
            ks = list(range(len(diagnose.rewrites(refs[name]))))
            random.Random(zlib.crc32(f"{module}:{name}".encode())).shuffle(ks)
            out += [(module, task.id, name, k) for k in sorted(ks[:n])]
    return out


def survivors(module: str, n: int = 100, processes: int = 2,
              everything: bool = False) -> tuple[int, list[Survivor]]:
    """(rewrites tried, those whose task's check passed on its visible and hidden seeds)."""
    os.environ["COURSE_DIAGNOSE_BUDGET"] = "0"      # no hints: only the verdict counts
    todo = jobs(module, n)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes, maxtasksperchild=50) as pool:
        done = pool.map(_one, todo, chunksize=4)
    found = [Survivor(t, f, k, what) for (_, t, f, k), passed, what in done if passed]
    if not everything:
        found = [s for s in found if not any(m in s.what for m in SKIP)]
    return len(todo), found


def main(argv: list[str] | None = None) -> int:
    from autograder.tasks import MODULES, resolve_module_id

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--module", action="append", help="a module (01 ... 06); all by default")
    p.add_argument("--n", type=int, default=100, help="rewrites per graded function")
    p.add_argument("-j", type=int, default=os.cpu_count() or 1, help="processes")
    p.add_argument("--all", action="store_true", help="also helpers' and formatting edits")
    args = p.parse_args(argv)
    for mid in [resolve_module_id(m) for m in args.module] if args.module else list(MODULES):
        t0 = time.perf_counter()
        tried, found = survivors(mid, args.n, args.j, args.all)
        print(f"{mid}: {tried} rewrites, {len(found)} pass the check "
              f"({time.perf_counter() - t0:.0f} s)")
        for s in found:
            print(f"  {s.task:5} {s.function:22} #{s.index:<5} {s.what[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
