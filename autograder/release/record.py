"""Record the reference's outputs on the grader's visible inputs, for a student release.

Every check of a module runs on the module's solution notebook with each answer name of
every reference file wrapped: each outermost call made while a check runs is stored with
its inputs, its output and its in-place effects. A release ships these recordings instead
of the code (autograder/standin.py replays them).
"""

from __future__ import annotations

import importlib
import json
import sys
import types
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from autograder import standin
from autograder.release.facade import answer_names, check_answers
from autograder.tasks import MODULES
from course.reference import MODULE_FILES

MAX_CALL_BYTES = 1_000_000      # a bigger call (long training runs) is left to the student's own code
MAX_MODULE_BYTES = 40_000_000
# Calls to other tasks' functions beyond this many per check and seed (training loops) are
# left to the student's own, verified code: they depend on the student's trajectory anyway.
MAX_OTHER_CALLS = 40
MAX_OTHER_BYTES = 100_000


class _Recorder:
    depth = 0

    def __init__(self, ref: str, fn, sink: dict, budget: list[int]):
        self.ref, self.fn, self.sink, self.budget = ref, fn, sink, budget
        self.__name__ = getattr(fn, "__name__", ref)
        self.__wrapped__ = fn

    def __call__(self, *args, **kwargs):
        frame = standin.current()
        if frame is None or _Recorder.depth:
            return self.fn(*args, **kwargs)
        arrays: list = []
        probe = standin.first_array(args)
        sig = standin.signature(args)   # before the call: in-place functions change their inputs
        try:
            e_args = standin.encode(list(args), arrays, probe=probe)
            e_kwargs = standin.encode(dict(kwargs), arrays)
        except standin.Unencodable:
            e_args = None
        _Recorder.depth += 1
        try:
            out = self.fn(*args, **kwargs)
        finally:
            _Recorder.depth -= 1
        if e_args is None:
            return out
        try:
            entry = {"args": e_args, "kwargs": e_kwargs, "out": standin.encode(out, arrays),
                     "sig": sig}
            post = {}
            for i, (e, a) in enumerate(zip(e_args, args)):
                if isinstance(a, (np.ndarray, dict, list, np.random.Generator)) \
                        and not standin.same(e, a, arrays):
                    post[str(i)] = standin.encode(a, arrays)
            if post:
                entry["post"] = post
        except standin.Unencodable:
            return out
        size = sum(a.nbytes for a in arrays)
        key = f"{frame.task.id}/{frame.seed}/{self.ref}"
        # a check's own helper (`_lstm_fwd`) is no student's function to fall back on: kept
        own_task = self.__name__ in frame.task.needs or self.ref.startswith("autograder.checks.")
        few = len(self.sink.get(key, ())) < MAX_OTHER_CALLS
        small = size <= (MAX_CALL_BYTES if own_task else MAX_OTHER_BYTES)
        if small and self.budget[0] + size <= MAX_MODULE_BYTES and (own_task or few):
            self.budget[0] += size
            self.sink.setdefault(key, []).append((entry, arrays))
        return out


@contextmanager
def recording(sink: dict):
    """Wrap every answer name of every reference file, wherever a module holds it."""
    originals: dict[int, tuple[str, object]] = {}
    for stems in MODULE_FILES.values():
        for stem in stems:
            mod = importlib.import_module(f"course.reference.{stem}")
            for name in answer_names(stem):   # every module's answers, as if none were published
                fn = getattr(mod, name, None)
                if callable(fn):
                    originals[id(fn)] = (f"course.reference.{stem}:{name}", fn)
    for path in sorted((Path(__file__).resolve().parents[1] / "checks").glob("[a-z]*.py")):
        short = path.stem
        mod = importlib.import_module(f"autograder.checks.{short}")
        for name in check_answers(short, frozenset(MODULES)):
            fn = getattr(mod, name)
            originals[id(fn)] = (f"autograder.checks.{short}:{name}", fn)
    budget = [0]
    wrappers = {k: _Recorder(ref, fn, sink, budget) for k, (ref, fn) in originals.items()}
    # Known mistakes' outputs are computed only when a check fails; while recording, compute
    # them every time, so the reference calls they make are recorded too.
    from autograder import compare as compare_mod

    originals[id(compare_mod.compare)] = ("", compare_mod.compare)
    wrappers[id(compare_mod.compare)] = _eager(compare_mod.compare)
    patched = []
    for modname, mod in list(sys.modules.items()):
        if not modname.startswith(("course", "autograder")) or mod is None:
            continue
        for attr, value in list(vars(mod).items()):
            if id(value) in wrappers and originals[id(value)][1] is value:
                setattr(mod, attr, wrappers[id(value)])
                patched.append((mod, attr, value))
            elif isinstance(value, types.FunctionType):
                _patch_defaults(value, originals, wrappers, patched)
    try:
        yield
    finally:
        for mod, attr, value in reversed(patched):
            setattr(mod, attr, value)


def _eager(compare):
    def eager_compare(got, expected, *args, mistakes=(), **kwargs):
        for m in mistakes:
            try:
                m.outputs()
            except Exception:  # noqa: BLE001 - a mistake that cannot be computed matches nothing
                pass
        return compare(got, expected, *args, mistakes=mistakes, **kwargs)
    return eager_compare


def _patch_defaults(fn, originals, wrappers, patched) -> None:
    """Default arguments bound to a reference (`nesterov=optim.nesterov_step`) are wrapped too."""
    def swap(v):
        return wrappers[id(v)] if id(v) in wrappers and originals[id(v)][1] is v else v

    if fn.__defaults__ and any(swap(v) is not v for v in fn.__defaults__):
        patched.append((fn, "__defaults__", fn.__defaults__))
        fn.__defaults__ = tuple(swap(v) for v in fn.__defaults__)
    if fn.__kwdefaults__ and any(swap(v) is not v for v in fn.__kwdefaults__.values()):
        patched.append((fn, "__kwdefaults__", fn.__kwdefaults__))
        fn.__kwdefaults__ = {k: swap(v) for k, v in fn.__kwdefaults__.items()}


def record_module(module_id: str, notebook: Path) -> tuple[dict, list]:
    """Run every check of the module on `notebook` (the solution) and return (index, arrays)."""
    from autograder.notebook import load
    from autograder.tasks import get_module, run_task

    module = get_module(module_id)
    sink: dict = {}
    with recording(sink):
        loaded = load(notebook)   # after wrapping, so names the notebook imports are wrapped too
        for task in module.tasks:
            res = run_task(task, loaded.namespace, hidden=True)
            if not res.passed:
                raise RuntimeError(f"the solution of {module_id} fails {task.id}: {res.text()}")
    index, arrays = {}, []
    for key, entries in sink.items():
        for entry, local in entries:
            offset = len(arrays)
            arrays.extend(local)
            index.setdefault(key, []).append(standin.shift(entry, offset))
    return index, arrays


def write(module_id: str, notebook: Path, out_dir: Path) -> tuple[int, int]:
    """Write out_dir/<module>.json and .npz; return (number of calls, bytes of arrays)."""
    index, arrays = record_module(module_id, notebook)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{module_id}.json").write_text(json.dumps(index, separators=(",", ":")))
    np.savez_compressed(out_dir / f"{module_id}.npz", **{f"a{i}": a for i, a in enumerate(arrays)})
    return sum(len(v) for v in index.values()), sum(a.nbytes for a in arrays)
