"""Does anything in a release compute an answer? Call everything on the graded inputs and see.

export(dir): on the instructor's side, run every check on its solution and keep, for each graded
function, its first call per seed: the inputs the check gave it and the reference's output
(and, for in-place functions, the arguments afterwards).

`python -m autograder.release.probe DIR` (run with the release's Python, from anywhere) calls
every function and class importable from the release's packages on each of those inputs, with
a time limit per call, and prints as JSON each one whose output (and in-place effect) equals
the reference's.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import signal
import sys
from pathlib import Path

import numpy as np

from autograder import standin

# Modules whose functions act on the machine (start servers, write the workspace, run code):
# never called blindly. None of them computes: they run the checks or the student's code.
SKIP_MODULES = ("course.cli", "course.workspace", "course.build", "autograder.notebook",
                "autograder.pytest_plugin", "autograder.test_notebook", "autograder.selfcheck",
                "autograder.release", "autograder.batch", "autograder.sandbox", "autograder.wire",
                "autograder.gradescope", "autograder.mutation", "autograder.testing",
                # figures: they draw, and return axes
                "course.plots", "course.init_plots")


def export(out_dir: Path, seeds=(7,)) -> int:
    """Write probes.json/.npz under out_dir; return how many probes."""
    from autograder.notebook import load
    from autograder.tasks import MODULES, get_module, run_task
    from course import ROOT

    probes, arrays = [], []
    for mid in MODULES:
        ns = load(ROOT / "solutions" / mid / f"{mid}.ipynb").namespace
        for task in get_module(mid).tasks:
            for seed in seeds:
                seen: set[str] = set()
                fns = []
                for name in task.needs:
                    fns.append(_Spy(name, ns[name], seen, probes, arrays, task.id, seed))
                res = run_task(task, fns=tuple(fns), hidden=False, seeds=(seed,))
                if not res.passed:
                    raise RuntimeError(f"{mid} solution fails {task.id} on seed {seed}: {res.text()}")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "probes.json").write_text(json.dumps(probes))
    np.savez_compressed(out_dir / "probes.npz", **{f"a{i}": a for i, a in enumerate(arrays)})
    return len(probes)


class _Spy:
    """Calls the solution's function; keeps its first call's inputs and outputs."""

    def __init__(self, name, fn, seen, probes, arrays, task, seed):
        self.name, self.fn, self.seen, self.probes, self.arrays = name, fn, seen, probes, arrays
        self.task, self.seed = task, seed
        self.__name__ = name
        self.__globals__ = getattr(fn, "__globals__", {})
        self.__module__ = "__student__"

    def __call__(self, *args, **kwargs):
        first = self.name not in self.seen
        if first:
            self.seen.add(self.name)
            local: list = []
            try:
                e_args = standin.encode(list(args), local)
                e_kwargs = standin.encode(dict(kwargs), local)
            except standin.Unencodable:
                first = False
        out = self.fn(*args, **kwargs)
        if first:
            try:
                entry = {"task": self.task, "seed": self.seed, "name": self.name, "args": e_args,
                         "kwargs": e_kwargs, "out": standin.encode(out, local),
                         "post": standin.encode(list(args), local)}
            except standin.Unencodable:
                return out
            offset = len(self.arrays)
            self.arrays.extend(local)
            self.probes.append(standin.shift(entry, offset))
        return out


def callables(packages=("course", "autograder")) -> list[tuple[str, object]]:
    """(qualified name, object) of every function, class and stand-in the packages define."""
    out, seen = [], set()
    for pkg_name in packages:
        pkg = importlib.import_module(pkg_name)
        names = [pkg_name] + [m.name for m in pkgutil.walk_packages(pkg.__path__, pkg_name + ".")]
        for modname in names:
            if modname.startswith(SKIP_MODULES):
                continue
            try:
                mod = importlib.import_module(modname)
            except Exception:  # noqa: BLE001 - a module that cannot import computes nothing
                continue
            for attr, obj in vars(mod).items():
                if not callable(obj) or id(obj) in seen:
                    continue
                home = getattr(obj, "__module__", "") or ""
                if isinstance(obj, standin.StandIn) or home == modname:
                    seen.add(id(obj))
                    out.append((f"{modname}:{attr}", obj))
    return out


class _Timeout(BaseException):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def run(probe_dir: Path, limit: float = 0.3) -> dict:
    """Every (probe, callable) whose result equals the reference's, and the counts."""
    import matplotlib

    matplotlib.use("Agg")
    probes = json.loads((probe_dir / "probes.json").read_text())
    with np.load(probe_dir / "probes.npz", allow_pickle=False) as z:
        arrays = [z[f"a{i}"] for i in range(len(z.files))]
    fns = callables()
    signal.signal(signal.SIGALRM, _alarm)
    matches, skipped, slow = [], 0, {}
    for p in probes:
        try:
            standin.decode(p["args"], arrays)
        except standin.Unencodable:   # a callable argument (a test function): cannot be rebuilt
            skipped += 1
            continue
        for qual, fn in fns:
            if slow.get(qual, 0) >= 2:   # slow on everything: a training loop given nonsense
                continue
            args = standin.decode(p["args"], arrays)
            kwargs = standin.decode(p["kwargs"], arrays)
            try:
                signal.setitimer(signal.ITIMER_REAL, limit)
                try:
                    out = fn(*args, **kwargs)
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            except _Timeout:
                slow[qual] = slow.get(qual, 0) + 1
                continue
            except (Exception, SystemExit):  # noqa: BLE001
                continue
            if out is None and p["out"] is None and not standin.same(p["args"], args, arrays) \
                    and standin.same(p["post"], args, arrays):
                matches.append({"task": p["task"], "graded": p["name"], "by": qual, "in_place": True})
            elif p["out"] is not None and standin.same(p["out"], out, arrays):
                matches.append({"task": p["task"], "graded": p["name"], "by": qual})
    return {"probes": len(probes), "skipped": skipped, "callables": len(fns),
            "slow": sorted(k for k, v in slow.items() if v >= 2), "matches": matches}


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]))))
