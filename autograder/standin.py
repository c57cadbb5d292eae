"""Stand-ins for the reference of a module whose answers a class release does not publish.

In a student release, `course/reference/<file>.py` of an unpublished module is generated
(autograder/release/facade.py): its graded names are `StandIn` objects. A stand-in, called
while a check runs, answers in this order:

1. recorded: the reference's output recorded at release time for the same check, seed and
   inputs (the grader's visible inputs only: outputs on a few inputs, never code);
2. the student's own function of that name, once its own task passes ("fix 2.7 first: 2.8
   builds on it" when it does not); from the running notebook, or else from the student's
   notebook of that module in the workspace;
3. otherwise it raises `StandInUnavailable`, naming what is missing.

Called outside a check (a notebook experiment of a later module), it skips step 1.
In the instructor's repository no stand-in exists; only `checking` below is used there, to
tell the recorder which check and seed are running.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from autograder.result import CheckFailed

RECORDED = Path(__file__).resolve().parent / "recorded"
# Where to look for the student's notebooks of earlier modules (course check adds its own).
SEARCH: list[Path] = []
RTOL, ATOL = 1e-10, 1e-13


class StandInUnavailable(CheckFailed):
    """The code needs an earlier function that neither the recording nor the student can give."""


class Unencodable(Exception):
    pass


@dataclass
class Frame:
    task: object            # autograder.tasks.Task
    seed: int
    namespace: dict | None  # the student's notebook namespace, when known
    own: dict = field(default_factory=dict)   # name -> the student's verified function


_stack: list[Frame] = []


@contextmanager
def checking(task, seed: int, namespace: dict | None) -> Iterator[None]:
    """Mark the check of `task` on `seed` as running (stand-ins and the recorder read it)."""
    _stack.append(Frame(task, seed, namespace))
    try:
        yield
    finally:
        _stack.pop()


def current() -> Frame | None:
    return _stack[-1] if _stack else None


def module_of(task) -> str:
    """'2.3' -> '02_backprop'."""
    from autograder.tasks import resolve_module_id

    return resolve_module_id(task.id.split(".")[0])


# ----------------------------------------------------------------------------------------
# Encoding: plain data only (JSON + arrays), never pickle.

def encode(x, arrays: list, *, probe=None):
    """x -> JSON-able structure; arrays are copied into `arrays`. Raises Unencodable."""
    if isinstance(x, np.ndarray):
        if x.dtype == object:
            raise Unencodable("object array")
        arrays.append(np.array(x, copy=True))
        return {"$nd": len(arrays) - 1}
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, np.generic):
        return {"$np": x.dtype.str, "v": _num(x.item())}
    if isinstance(x, (int, str)) or x is None:
        return x
    if isinstance(x, float):
        return _num(x)
    if isinstance(x, tuple):
        return {"$t": [encode(v, arrays, probe=probe) for v in x]}
    if isinstance(x, list):
        return [encode(v, arrays, probe=probe) for v in x]
    if isinstance(x, dict):
        return {"$d": [[encode(k, arrays), encode(v, arrays, probe=probe)] for k, v in x.items()]}
    if isinstance(x, np.random.Generator):
        return {"$rng": json.loads(json.dumps(x.bit_generator.state))}
    if callable(x):
        out = {"$fn": None}
        if probe is not None:
            try:
                out["$fn"] = encode(x(np.array(probe, copy=True)), arrays)
            except Exception:  # noqa: BLE001 - a probe that fails matches nothing
                out["$fn"] = "error"
        return out
    if hasattr(x, "__dict__"):
        cls = type(x)
        out = {"$obj": cls.__name__, "s": encode(dict(vars(x)), arrays)}
        if cls.__module__.startswith("course."):
            out["cls"] = f"{cls.__module__}:{cls.__qualname__}"
        return out
    raise Unencodable(type(x).__name__)


def shift(e, offset: int):
    """An encoding whose array numbers are moved by `offset` (to append its arrays to a list)."""
    if isinstance(e, list):
        return [shift(v, offset) for v in e]
    if isinstance(e, dict):
        return {"$nd": e["$nd"] + offset} if "$nd" in e else {k: shift(v, offset) for k, v in e.items()}
    return e


def _num(v):
    if isinstance(v, float) and not np.isfinite(v):
        return {"$f": repr(v)}
    return v


def decode(e, arrays):
    """The inverse of encode for outputs; fresh arrays every time."""
    if isinstance(e, list):
        return [decode(v, arrays) for v in e]
    if not isinstance(e, dict):
        return e
    if "$nd" in e:
        return np.array(arrays[e["$nd"]], copy=True)
    if "$np" in e:
        return np.dtype(e["$np"]).type(decode(e["v"], arrays))
    if "$f" in e:
        return float(e["$f"])
    if "$t" in e:
        return tuple(decode(v, arrays) for v in e["$t"])
    if "$d" in e:
        return {_key(decode(k, arrays)): decode(v, arrays) for k, v in e["$d"]}
    if "$rng" in e:
        state = e["$rng"]
        g = np.random.Generator(getattr(np.random, state["bit_generator"])())
        g.bit_generator.state = state
        return g
    if "$obj" in e and e.get("cls", "").startswith("course."):
        import importlib

        mod, _, name = e["cls"].partition(":")
        cls = getattr(importlib.import_module(mod), name, None)
        if isinstance(cls, type):
            obj = cls.__new__(cls)
            obj.__dict__.update(decode(e["s"], arrays))
            return obj
    raise Unencodable(f"cannot rebuild {sorted(e)}")


def _key(k):
    return tuple(k) if isinstance(k, list) else k


def first_array(args) -> np.ndarray | None:
    for a in args:
        if isinstance(a, np.ndarray) and a.dtype != object:
            return a
    return None


def same(e, x, arrays) -> bool:
    """Does the live value x equal the recorded e (arrays to RTOL, the rest exactly)?"""
    if isinstance(e, list):
        return isinstance(x, list) and len(x) == len(e) and all(
            same(a, b, arrays) for a, b in zip(e, x))
    if not isinstance(e, dict):
        if isinstance(e, str):
            return isinstance(x, str) and x == e
        if e is None:
            return x is None
        if isinstance(e, bool):
            return isinstance(x, (bool, np.bool_)) and bool(x) == e
        if isinstance(x, (np.generic, int, float)) and not isinstance(x, (bool, np.bool_, str)):
            return _close(float(e), float(x))
        return False
    if "$nd" in e:
        a = arrays[e["$nd"]]
        if not isinstance(x, np.ndarray) or x.shape != a.shape or x.dtype.kind != a.dtype.kind:
            return False
        if a.dtype.kind in "fc":
            return bool(np.allclose(x, a, rtol=RTOL, atol=ATOL * max(1.0, float(np.abs(a).max(initial=0)))))
        return bool(np.array_equal(x, a))
    if "$np" in e:
        return isinstance(x, (np.generic, int, float)) and same(e["v"], x, arrays)
    if "$f" in e:
        return isinstance(x, float) and repr(x) == e["$f"]
    if "$t" in e:
        return isinstance(x, tuple) and len(x) == len(e["$t"]) and all(
            same(a, b, arrays) for a, b in zip(e["$t"], x))
    if "$d" in e:
        if not isinstance(x, dict) or len(x) != len(e["$d"]):
            return False
        for k, v in e["$d"]:
            try:
                key = _key(decode(k, arrays))
                if key not in x or not same(v, x[key], arrays):
                    return False
            except (Unencodable, TypeError):
                return False
        return True
    if "$rng" in e:
        return isinstance(x, np.random.Generator) and \
            json.loads(json.dumps(x.bit_generator.state)) == e["$rng"]
    if "$fn" in e:
        return callable(x)   # probed separately, with the call's first array
    if "$obj" in e:
        return type(x).__name__ == e["$obj"] and hasattr(x, "__dict__") and \
            same(e["s"], dict(vars(x)), arrays)
    return False


def _close(a: float, b: float) -> bool:
    if not (np.isfinite(a) and np.isfinite(b)):
        return a == b or (np.isnan(a) and np.isnan(b))
    return abs(a - b) <= RTOL * max(abs(a), abs(b)) + ATOL


def probes_match(e_args, args, arrays) -> bool:
    """Callables among the arguments give the recorded value at the call's first array."""
    x = first_array(args)
    for e, a in zip(e_args, args):
        if isinstance(e, dict) and "$fn" in e and e["$fn"] is not None:
            if x is None:
                return False
            try:
                got = a(np.array(x, copy=True))
            except Exception:  # noqa: BLE001
                return e["$fn"] == "error"
            if e["$fn"] == "error" or not same(e["$fn"], got, arrays):
                return False
    return True


# ----------------------------------------------------------------------------------------
# Recorded calls, one file per module: recorded/<module>.json + .npz

@dataclass
class Recording:
    calls: dict[str, list[dict]] = field(default_factory=dict)  # "task/seed/ref" -> entries
    arrays: list = field(default_factory=list)


_recordings: dict[str, Recording | None] = {}


def recording(module_id: str) -> Recording | None:
    if module_id not in _recordings:
        idx, npz = RECORDED / f"{module_id}.json", RECORDED / f"{module_id}.npz"
        rec = None
        if idx.exists() and npz.exists():
            with np.load(npz, allow_pickle=False) as z:
                arrays = [z[f"a{i}"] for i in range(len(z.files))]
            rec = Recording(json.loads(idx.read_text()), arrays)
        _recordings[module_id] = rec
    return _recordings[module_id]


MISS = object()


def replay(ref: str, frame: Frame, args: tuple, kwargs: dict):
    """The recorded output of `ref` on these inputs in this check and seed, or MISS."""
    rec = recording(module_of(frame.task))
    if rec is None:
        return MISS
    entries = rec.calls.get(f"{frame.task.id}/{frame.seed}/{ref}", ())
    sig = signature(args) if entries else None
    for entry in entries:
        if not _sig_close(entry.get("sig"), sig):
            continue
        if not (same(entry["args"], list(args), rec.arrays)
                and same(entry["kwargs"], kwargs, rec.arrays)
                and probes_match(entry["args"], args, rec.arrays)):
            continue
        try:
            out = decode(entry["out"], rec.arrays)
        except Unencodable:
            return MISS
        for i, post in entry.get("post", {}).items():
            _write_back(args[int(i)], decode(post, rec.arrays) if "$rng" not in post else post)
        return out
    return MISS


def signature(args) -> list:
    """A cheap fingerprint of a call: the shapes of its array arguments (also inside dicts,
    lists and tuples, one level down) and the sum of the first numeric one."""
    shapes, total = [], None
    for a in args:
        inner = a.values() if isinstance(a, dict) else a if isinstance(a, (list, tuple)) else (a,)
        for v in inner:
            if isinstance(v, np.ndarray) and v.dtype != object:
                shapes.append(list(v.shape))
                if total is None and v.dtype.kind in "fiub":
                    total = float(np.sum(v, dtype=np.float64))
    return [shapes, total]


def _sig_close(rec, live) -> bool:
    if rec is None or live is None:
        return True
    if rec[0] != live[0]:
        return False
    a, b = rec[1], live[1]
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-7 * (abs(a) + abs(b)) + 1e-9 or not (np.isfinite(a) and np.isfinite(b))


def _write_back(target, post) -> None:
    """Apply a recorded in-place effect to a live argument."""
    if isinstance(target, np.random.Generator):
        target.bit_generator.state = post["$rng"]
    elif isinstance(target, np.ndarray):
        target[...] = post
    elif isinstance(target, dict):
        for k, v in post.items():
            if isinstance(target.get(k), np.ndarray) and isinstance(v, np.ndarray) \
                    and target[k].shape == v.shape:
                target[k][...] = v
            else:
                target[k] = v
        for k in set(target) - set(post):
            del target[k]
    elif isinstance(target, list):
        target[:] = post


# ----------------------------------------------------------------------------------------
# The student's own code

_verified: dict[tuple[int, str], object] = {}   # (id(namespace), task id) -> CheckResult
_loaded: dict[str, object] = {}                 # module id -> autograder.notebook.Loaded


def task_of(module_id: str, name: str):
    from autograder.tasks import get_module

    for t in get_module(module_id).tasks:
        if name in t.needs:
            return t
    return None


def student_notebook(module_id: str) -> Path | None:
    """The student's notebook of `module_id`: beside the one being checked, or in the workspace."""
    from course import workspace

    names = [Path(module_id) / f"{module_id}.ipynb"]
    roots = [*SEARCH, Path.cwd().parent, Path.cwd(), workspace.workdir()]
    for root in roots:
        for n in names:
            p = root / n
            if p.is_file():
                return p
    return None


def _namespace_for(module_id: str, frame: Frame | None) -> dict | None:
    if frame is not None and frame.namespace is not None and module_of(frame.task) == module_id:
        return frame.namespace
    if module_id not in _loaded:
        from autograder.notebook import UnusableInput, load

        path = student_notebook(module_id)
        try:
            _loaded[module_id] = load(path) if path else None
        except UnusableInput:
            _loaded[module_id] = None
    loaded = _loaded[module_id]
    return loaded.namespace if loaded is not None else None


def own(module_id: str, name: str, frame: Frame | None):
    """The student's own `name` of `module_id`, once its task passes; else StandInUnavailable."""
    from autograder.tasks import run_task

    task = task_of(module_id, name)
    where = f"task {task.id} {task.name}" if task else f"module {module_id}"
    user = f"task {frame.task.id}" if frame is not None else "this code"
    ns = _namespace_for(module_id, frame)
    fn = ns.get(name) if ns else None
    if fn is None or isinstance(fn, StandIn) or not callable(fn):
        nb = f"your notebook {module_id}/{module_id}.ipynb"
        raise StandInUnavailable(
            f"{user} needs your {name} ({where}), which is not there",
            [f"{user} builds on {where}; looked in {nb} (course start puts it beside this one)"])
    if task is not None and any(f.task.id == task.id for f in _stack):
        # Its own check is running: that check compared it with the recorded reference on
        # the check's inputs; past them (a model trained by the student's code) it stands in.
        return fn
    if task is not None:
        key = (id(ns), task.id)
        if key not in _verified:
            _verified[key] = run_task(task, ns, hidden=False)
        res = _verified[key]
        if not res.passed:
            raise StandInUnavailable(
                f"fix {task.id} first: {user} builds on your {name}",
                [f"{task.id} {task.name}: {res.summary}",
                 f"run `course check {module_id[:2]} --task {task.id}` to see why"])
    return fn


class StandIn:
    """A graded name of an unpublished module: recorded outputs, else the student's own code."""

    def __init__(self, module_id: str, file_module: str, name: str):
        self.module_id, self.file_module, self.name = module_id, file_module, name
        self.ref = f"{file_module}:{name}"
        self.__name__ = self.__qualname__ = name
        self.__doc__ = (f"{name} of module {module_id}: in this release, your own {name} "
                        f"(from your {module_id} notebook) once its check passes.")

    def __call__(self, *args, **kwargs):
        frame = current()
        if frame is not None:
            out = replay(self.ref, frame, args, kwargs)
            if out is not MISS:
                return out
        if frame is None:
            fn = own(self.module_id, self.name, None)
        else:
            fn = frame.own.get(self.ref)
            if fn is None:
                fn = frame.own[self.ref] = own(self.module_id, self.name, frame)
        if self.ref in ADAPTERS:
            fn, args, kwargs = ADAPTERS[self.ref](self, fn, args, kwargs, frame)
        return fn(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<{self.name} of {self.module_id}: your own, once its check passes>"


# The reference MLP takes an activation ("relu", "tanh", "linear"); module 02's students write
# the ReLU one. Later modules run the student's own MLP with its relu layers swapped for their
# own tanh layers (or the identity): their code, another activation.
ACTIVATION_ARG = {"course.reference.nn:mlp_forward": ("relu_forward", 2),
                  "course.reference.nn:mlp_backward": ("relu_backward", 2)}


def _with_activation(si: StandIn, fn, args: tuple, kwargs: dict, frame: Frame | None):
    from course.isolation import isolated

    name, pos = ACTIVATION_ARG[si.ref]
    kwargs = dict(kwargs)
    activation = kwargs.pop("activation", args[pos] if len(args) > pos else "relu")
    args = args[:pos]
    if activation == "relu":
        return fn, args, kwargs
    if name not in getattr(getattr(fn, "__code__", None), "co_names", ()):
        raise StandInUnavailable(
            f"this code runs your {si.name} with {activation} layers, by swapping its {name}",
            [f"call {name}(...) by name inside {si.name} (as the 2.7 text says)"])
    if activation == "tanh":
        swap = {"relu_forward": own(si.module_id, "tanh_forward", frame),
                "relu_backward": own(si.module_id, "tanh_backward", frame)}
    elif activation == "linear":
        swap = {"relu_forward": lambda x: (x, None), "relu_backward": lambda d, c: d}
    else:
        raise StandInUnavailable(f"unknown activation {activation!r}")
    return isolated((fn,), swap)[0], args, kwargs


def _with_functions(si: StandIn, fn, args: tuple, kwargs: dict, frame: Frame | None):
    """lstm_classifier_loss(params, x, y, lstm_forward=None, lstm_backward=None): the
    reference takes the LSTM to use; the student's calls it by name, so bind those names."""
    from course.isolation import isolated

    kwargs = dict(kwargs)
    extra = dict(zip(("lstm_forward", "lstm_backward"), args[3:]))
    extra.update({k: kwargs.pop(k) for k in ("lstm_forward", "lstm_backward") if k in kwargs})
    extra = {k: v for k, v in extra.items() if v is not None}
    return (isolated((fn,), extra)[0] if extra else fn), args[:3], kwargs


ADAPTERS = {
    "course.reference.nn:mlp_forward": _with_activation,
    "course.reference.nn:mlp_backward": _with_activation,
    "course.reference.sequence_tasks:lstm_classifier_loss": _with_functions,
}
