"""Name a bug nobody catalogued: find the one edit of the reference that behaves like it.

While a check runs, the first calls of each graded function are recorded (inputs before the
call, outputs, inputs after it). When the task fails and no known mistake explains it, the
reference of that function is rewritten many ways, one plausible student edit at a time (a
sign, a missing term or factor, a transpose, the wrong axis, one variable read for another, an
argument ignored, a loop run the other way, a step left out or moved out of its loop, an index
off by one, a boundary comparison, ...). A rewrite that returns what the student's function
returned on every recorded call, including the first one where the student and the reference
differ, is a one-line description of the bug, true by construction:

    your rnn_backward behaves like the correct code with `reversed(range(T))` written as
    `range(T)`: the loop over time runs in the wrong direction

Only the instructor's grader and the repository hold references: in a student release the
reference is a stand-in and nothing here runs. Rewrites run in the grader on the grader's own
copies of the inputs, in a forked child with its own memory limit, each rewrite under a time
limit and the whole search under a budget (a rewrite may loop for ever or ask for too much).
"""

from __future__ import annotations

import ast
import builtins
import collections
import copy
import hashlib
import inspect
import io
import itertools
import json
import math
import os
import pickle
import random
import re

try:
    import resource
except ImportError:        # not on Windows
    resource = None
import select
import signal
import sys
import textwrap
import threading
import time
import tokenize
import types
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass, field, fields

import numpy as np

MAX_CALLS = 6            # calls recorded per function and seed
MAX_SMALL = 64           # ... when their inputs are small (a schedule called for many t)
SMALL = 4096             # bytes
MAX_BYTES = 4_000_000    # a call with larger inputs is not recorded
# CPU seconds of rewrites per failed task; COURSE_DIAGNOSE_BUDGET=0 turns the search off
BUDGET = float(os.environ.get("COURSE_DIAGNOSE_BUDGET", "3"))
WINDOW = 100             # rewrites tried after the first that explains a call, for another
SLOW = 0.3               # a reference call slower than this is not searched
# the search for a fix of the student's own code (repaired); COURSE_DIAGNOSE_REPAIR=0 turns it
# off (the catalogue's tests do, for each mistake whose feedback does not come from it)
REPAIR = os.environ.get("COURSE_DIAGNOSE_REPAIR", "1") != "0"
REPAIR_BUDGET = 2.0      # CPU seconds of that search per failed task
LOCATE_SLOW = 1.0        # ... nor traced (autograder.locate)


# ----------------------------------------------------------------------------- recording

@dataclass
class Call:
    args: tuple
    kwargs: dict
    out: object
    after: tuple          # the positional arguments after the call (in-place changes)
    after_kw: dict
    caches: dict = field(default_factory=dict)   # argument position -> (forward, its call)
    left: frozenset = frozenset()   # arguments changed that the grader kept apart (Proxy.left)


@dataclass(frozen=True)
class Raised:
    """What a call raised: "ValueError: operands could not be broadcast ... (4,6) (4,4)"."""

    text: str


def _error_text(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}"[:300]


class Recorder:
    """Stands for a student function while its check runs: calls pass through unchanged;
    the first MAX_CALLS of them are kept (deep copies)."""

    def __init__(self, fn: Callable, name: str, caches: dict | None = None):
        self._fn, self._name = fn, name
        self.calls: list[Call] = []
        self.seen = 0                 # calls made (small ones past MAX_SMALL are sampled)
        self._pick = random.Random(0)
        # id of a cache a recorded forward call returned -> (forward's name, call index, cache):
        # a backward pass given that cache is replayed with the reference forward's own cache.
        self._caches = {} if caches is None else caches

    def __getattr__(self, attr: str):
        return getattr(self._fn, attr)

    def __repr__(self) -> str:
        return repr(self._fn)

    def __call__(self, *args, **kwargs):
        size = _nbytes((args, kwargs))
        self.seen += 1
        slot = None          # a reservoir sample of small calls: inputs from the whole check
        if size <= SMALL and len(self.calls) >= MAX_SMALL and not self._name.endswith("_forward"):
            j = self._pick.randrange(self.seen)
            slot = j if MAX_CALLS <= j < MAX_SMALL else None
        keep = size <= MAX_BYTES and (len(self.calls) < MAX_CALLS or
                                      size <= SMALL and len(self.calls) < MAX_SMALL) or slot is not None
        before = _copy((args, kwargs)) if keep else None
        given = {i: self._caches[id(a)][:2] for i, a in enumerate(args) if id(a) in self._caches}
        try:
            out = self._fn(*args, **kwargs)
        except Exception as e:           # recorded: a rewrite may raise the very same error
            if keep and before is not None:
                self._keep(Call(before[0], before[1], Raised(_error_text(e)), (), {}, given), slot)
            raise
        if keep and before is not None and _nbytes(out) <= MAX_BYTES:
            after = _copy((args, kwargs))
            copied = _copy(out)
            left = getattr(self._fn, "left", None)
            left = frozenset(left) if isinstance(left, dict) else frozenset()
            if after is not None and copied is not None or out is None:
                self._keep(Call(before[0], before[1], copied, *(after or ((), {})), given, left),
                           slot)
                if self._name.endswith("_forward") and isinstance(out, tuple) and len(out) >= 2:
                    self._caches[id(out[-1])] = (self._name, len(self.calls) - 1, out[-1])
        return out


    def _keep(self, call: Call, slot: int | None) -> None:
        if slot is None:
            self.calls.append(call)
        else:
            self.calls[slot] = call


def _nbytes(obj: object, depth: int = 0) -> int:
    if isinstance(obj, np.ndarray):
        return obj.nbytes
    if depth > 6:
        return 0
    if isinstance(obj, (tuple, list)):
        return sum(_nbytes(v, depth + 1) for v in obj)
    if isinstance(obj, dict):
        return sum(_nbytes(v, depth + 1) for v in obj.values())
    return 64


def _copy(obj: object) -> object | None:
    try:
        return copy.deepcopy(obj)
    except Exception:
        return None


def record(fns: tuple[object, ...], names: tuple[str, ...]) -> tuple[object, ...]:
    caches: dict = {}
    return tuple(Recorder(f, n, caches) for f, n in zip(fns, names, strict=True))


def reset(fns: tuple[object, ...]) -> None:
    for f in fns:
        if isinstance(f, Recorder):
            f.calls.clear()
            f._caches.clear()
            f.seen = 0
            f._pick = random.Random(0)


# ----------------------------------------------------------------------------- comparing

def _leaves(obj: object, path: str = "", depth: int = 0) -> dict[str, object]:
    """{path: array or plain value}: the data in nested tuples, lists and dicts."""
    if isinstance(obj, Raised):
        return {path + "!raised": obj.text}
    if isinstance(obj, np.ndarray):
        return {path: obj}
    if isinstance(obj, (bool, int, float, complex, np.number, np.bool_)):
        return {path: np.asarray(obj)}
    if isinstance(obj, (str, bytes, type(None))):
        return {path: obj}
    if depth > 8:
        return {}
    if isinstance(obj, (tuple, list)):
        out = {f"{path}/#": len(obj)}
        for i, v in enumerate(obj):
            out.update(_leaves(v, f"{path}/{i}", depth + 1))
        return out
    if isinstance(obj, dict):
        out = {f"{path}/keys": tuple(sorted(map(str, obj)))}
        for k, v in obj.items():
            out.update(_leaves(v, f"{path}/{k}", depth + 1))
        return out
    return {}


def _same(a: object, b: object, rtol: float = 1e-7) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)) or a.shape != b.shape:
            return False
        if a.dtype.kind in "fciub" and b.dtype.kind in "fciub":
            a, b = a.astype(np.complex128 if "c" in a.dtype.kind + b.dtype.kind else np.float64), \
                b.astype(np.complex128 if "c" in a.dtype.kind + b.dtype.kind else np.float64)
            if not np.array_equal(np.isnan(a), np.isnan(b)):
                return False
            ok = ~np.isnan(a)
            a, b = a[ok], b[ok]
            if not np.array_equal(np.isinf(a), np.isinf(b)) or np.any(a[np.isinf(a)] != b[np.isinf(b)]):
                return False
            fin = ~np.isinf(a)
            a, b = a[fin], b[fin]
            scale = 1e-12 * max(1.0, float(np.max(np.abs(b), initial=0.0)))
            return bool(np.all(np.abs(a - b) <= rtol * (np.abs(a) + np.abs(b)) + scale))
        return bool(np.array_equal(a, b))
    return a == b


@dataclass
class Seen:
    """What one call did: its outputs' leaves and the leaves of the inputs it changed."""

    out: dict[str, object]
    inputs: dict[str, object] = field(default_factory=dict)
    took: float = 0.0           # seconds the call ran

    def all(self) -> dict[str, object]:
        return {**{"out" + k: v for k, v in self.out.items()},
                **{"in" + k: v for k, v in self.inputs.items()}}


def _opaque(ref: types.FunctionType) -> set[int]:
    """Positions of a forward pass's returned caches (a student may lay them out differently)."""
    if not ref.__name__.endswith("_forward"):
        return set()
    return {-1}


def _comparable(student: Seen, reference: Seen, opaque: set[int]) -> set[str]:
    """Paths on which the student's call can be judged: outputs not marked opaque (a cache) and
    inputs that the reference changes in place."""
    keys = set(student.all()) | set(reference.all())
    n = student.out.get("/#") if isinstance(student.out.get("/#"), int) else None
    drop = set()
    for pos in opaque:
        if n is not None and n >= 2:
            drop.add(f"out/{pos % n}")
    return {k for k in keys if not any(k == d or k.startswith(d + "/") for d in drop)}


def _agree(a: dict[str, object], b: dict[str, object], keys: set[str]) -> bool:
    return all(k in a and k in b and _same(a[k], b[k]) for k in keys)


# ----------------------------------------------------------------------------- rewriting

@dataclass(frozen=True)
class Rewrite:
    """One edit of the reference, described: "the correct code {what}: {why}"."""

    what: str     # "with `x.T @ dout` written as `dout.T @ x`"
    why: str      # "a transpose on the wrong side"
    rank: int     # 1: the commonest kinds of slip; ties keep the order found
    fn: Callable
    reads: tuple[str, str] | None = None   # (a, b): reads variable b where a belongs
    src: str = field(default="", compare=False)   # the edited def's text


_NUMPY = {"np", "numpy", "math"}
_UNWRAP = {"tanh", "exp", "log", "sqrt", "abs", "sigmoid", "log1p", "square", "float",
           "maximum", "clip", "copy", "list", "sorted", "array", "asarray"}
_FRESH = {"empty_like", "zeros_like", "ones_like", "full_like", "copy", "array", "deepcopy",
          "list", "dict"}
_SWAP = {"sum": ("mean",), "mean": ("sum",), "max": ("min",), "min": ("max",),
         "argmax": ("argmin",), "argmin": ("argmax",), "maximum": ("minimum",),
         "minimum": ("maximum",), "tanh": ("sigmoid",), "sigmoid": ("tanh",),
         "floor": ("ceil", "round"), "ceil": ("floor",), "zeros": ("ones", "empty"),
         "zeros_like": ("ones_like",), "ones_like": ("zeros_like",), "ones": ("zeros",),
         "std": ("var",), "var": ("std",), "argsort": ("sort",), "log": ("log1p",),
         "exp": ("expm1",), "permutation": ("arange",), "cumsum": ("cumprod",), "all": ("any",),
         "any": ("all",)}
_OPS = {ast.Add: (ast.Sub,), ast.Sub: (ast.Add,), ast.Mult: (ast.Div, ast.MatMult),
        ast.Div: (ast.Mult, ast.FloorDiv), ast.FloorDiv: (ast.Div,), ast.MatMult: (ast.Mult,),
        ast.Pow: (ast.Mult,)}
_CMP = {ast.Lt: (ast.LtE, ast.Gt), ast.LtE: (ast.Lt, ast.GtE), ast.Gt: (ast.GtE, ast.Lt),
        ast.GtE: (ast.Gt, ast.LtE), ast.Eq: (ast.NotEq,), ast.NotEq: (ast.Eq,)}
_SYM = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
        ast.MatMult: "@", ast.Pow: "**", ast.Mod: "%", ast.BitOr: "|", ast.BitAnd: "&",
        ast.BitXor: "^"}


def _src(node: ast.AST, limit: int = 70) -> str:
    s = ast.unparse(node)
    return s if len(s) <= limit else s[:limit - 3] + "..."


def _callee(node: ast.Call) -> str | None:
    f = node.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return None


def _num(v: float) -> ast.expr:
    return ast.UnaryOp(ast.USub(), ast.Constant(-v)) if v < 0 else ast.Constant(v)


Edit = tuple[str, Callable[[ast.AST], ast.AST | None], str, int]   # kind, make, why, rank


def _edits(node: ast.AST, parent: ast.AST | None, names: set[str], params: list[str],
           loop_vars: set[str], siblings: dict[str, set[str]], consts: set[str] = frozenset(),
           wraps: tuple[str, ...] = (), scales: tuple[tuple[str, ast.expr], ...] = (),
           kin: dict[str, set[str]] | None = None, keys: set[str] = frozenset()) -> Iterator[Edit]:
    """The rewrites of one node: (kind, make(node copy) -> replacement, why, rank).
    scales: size-like expressions (`len(X)`, `t + 1`) a factor may be wrongly divided by;
    kin: {variable: variables named alike (`val_errors`: {`train_errors`})}."""
    if isinstance(node, ast.BinOp):
        op = type(node.op)
        if _derivative(node) is not None:
            yield ("func", lambda n: _derivative(n)[0], _derivative(node)[1], 1)
        for alt in _OPS.get(op, ()):
            yield ("op", lambda n, alt=alt: ast.BinOp(n.left, alt(), n.right),
                   {ast.Add: "a sign: subtracted where it should be added",
                    ast.Sub: "a sign: added where it should be subtracted"}.get(
                       op, f"`{_SYM[alt]}` where `{_SYM[op]}` belongs"), 1)
        if op in (ast.Add, ast.Sub):
            yield ("drop", lambda n: n.left, "a term is missing", 1)
            yield ("drop", lambda n: n.right, "a term is missing", 2)
        if op in (ast.BitOr, ast.BitAnd):
            yield ("drop", lambda n: n.left, "a condition is missing", 2)
            yield ("drop", lambda n: n.right, "a condition is missing", 2)
        if op in (ast.Mult, ast.Div, ast.MatMult, ast.Pow, ast.FloorDiv):
            yield ("drop", lambda n: n.left, "a factor is missing", 1)
            if op is ast.Mult:
                yield ("drop", lambda n: n.right, "a factor is missing", 1)
        if isinstance(node.right, ast.BinOp):
            yield ("paren", lambda n: ast.BinOp(ast.BinOp(n.left, n.op, n.right.left),
                                                n.right.op, n.right.right),
                   "brackets dropped: the operations group the wrong way", 2)
        if isinstance(node.left, ast.BinOp):
            yield ("paren", lambda n: ast.BinOp(n.left.left, n.left.op,
                                                ast.BinOp(n.left.right, n.op, n.right)),
                   "brackets misplaced: the operations group the wrong way", 2)
        if op is ast.Pow and isinstance(node.right, ast.Constant) and node.right.value == 2:
            yield ("func", lambda n: _np_call("abs", n.left), "an absolute value where a square "
                   "belongs", 1)
        if op is ast.Add and (isinstance(node.left, (ast.List, ast.ListComp)) or
                              isinstance(node.right, (ast.List, ast.ListComp))):
            yield ("swap", lambda n: ast.BinOp(n.right, n.op, n.left),
                   "the parts are joined in the wrong order", 1)
        if op in (ast.Sub, ast.Div, ast.MatMult, ast.Pow):
            yield ("swap", lambda n: ast.BinOp(n.right, n.op, n.left), "the operands are swapped", 2)
        if op is ast.Div and _total(node.left) and _total(node.right):
            for ax in (1, 0):
                yield ("pool", lambda n, ax=ax: _np_call("mean", ast.BinOp(
                    _with_kw(copy.deepcopy(n.left), "axis", ax), ast.Div(),
                    _with_kw(copy.deepcopy(n.right), "axis", ax))),
                    f"the mean of per-{'row' if ax == 1 else 'column'} ratios where the ratio "
                    "of the totals belongs (every row weighs the same, however many entries it "
                    "counts)", 2)
        if op is ast.MatMult and isinstance(node.left, ast.Attribute) and node.left.attr == "T":
            yield ("loop", lambda n: ast.BinOp(ast.Attribute(ast.Subscript(
                n.left.value, ast.Slice(ast.UnaryOp(ast.USub(), ast.Constant(1))), ast.Load()),
                "T", ast.Load()), ast.MatMult(), ast.Subscript(
                n.right, ast.Slice(ast.UnaryOp(ast.USub(), ast.Constant(1))), ast.Load())),
                "only the last example's term: a loop over the examples that overwrites (`=`) "
                "where it should add up (`+=`)", 3)
        if op is ast.MatMult:
            yield ("T", lambda n: ast.Attribute(n, "T", ast.Load()), "the product is transposed", 2)
            for side in ("left", "right"):
                yield ("T", lambda n, side=side: _transposed(n, side),
                       "a transpose on the wrong side", 2)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not)):
        yield ("op", lambda n: n.operand,
               "a sign" if isinstance(node.op, ast.USub) else "the condition is inverted", 1)
        if isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) and \
                type(node.operand.value) in (int, float):      # `-1` as the number -1
            w = -node.operand.value
            seen = {w, -w}
            for a in (0, 1, w + 1, w - 1, 2 * w, w / 2 if isinstance(w, float) else w // 2):
                if a not in seen:
                    seen.add(a)
                    yield ("const", lambda n, a=a: _num(a), f"`{a!r}` where `{w!r}` belongs", 2)
    elif isinstance(node, ast.Call):
        name = _callee(node)
        gen = node.args[0] if len(node.args) == 1 and not node.keywords else None
        if name in ("max", "min", "sum") and isinstance(gen, ast.GeneratorExp) and \
                len(gen.generators) == 1 and isinstance(gen.generators[0].target, ast.Name) and \
                not gen.generators[0].ifs:
            whole = {"max": "largest", "min": "smallest"}.get(name, "sum")
            yield ("first", lambda n: _first_item(n.args[0]),
                   f"the first item's value where the {whole} over all of them belongs", 2)
        shallow = node.args[0] if name in ("dict", "list") and len(node.args) == 1 and \
            not node.keywords else node.func.value if name == "copy" and not node.args and \
            isinstance(node.func, ast.Attribute) else None
        if isinstance(shallow, ast.Name):
            x = shallow.id
            deep = f"[np.copy(v) for v in {x}]" if name == "list" else \
                f"{{k: np.copy(v) for k, v in {x}.items()}}"
            yield ("copy", lambda n, deep=deep: ast.parse(deep, mode="eval").body,
                   f"a shallow copy: `{_src(node, 30)}` copies the container, not the arrays in "
                   f"it, so changing one of them in place (`+=`, `[...] =`) changes `{x}` too", 1)
        if name == "where" and len(node.args) == 3 and not node.keywords:
            m = _src(node.args[0], 20)
            yield ("unwrap", lambda n: n.args[1],
                   f"the mask `{m}` is not applied: the new value is taken everywhere, also "
                   "where the mask keeps the old one", 1)
            yield ("unwrap", lambda n: n.args[2],
                   f"the mask `{m}` is not applied: the new value is never taken", 2)
        if name in _FRESH and node.args and isinstance(node.args[0], ast.Name):
            yield ("alias", lambda n: n.args[0],
                   f"`{_src(node.args[0], 20)}` itself where a new array belongs (aliasing: "
                   f"writing to the result changes `{_src(node.args[0], 20)}`)", 1)
        elif name in _UNWRAP and node.args:
            if name == "maximum" and len(node.args) == 2:
                yield ("unwrap", lambda n: n.args[1], "the maximum is missing", 2)
            elif name == "copy" and isinstance(node.func, ast.Attribute):
                yield ("unwrap", lambda n: n.func.value,
                       "no copy: the result shares memory with its input (aliasing)", 1)
            else:
                yield ("unwrap", lambda n: n.args[0], f"`{name}` is not applied", 1)
            if name == "abs":
                yield ("func", lambda n: ast.BinOp(n.args[0], ast.Pow(), ast.Constant(2)),
                       "a square where an absolute value belongs", 1)
        elif name == "copy" and isinstance(node.func, ast.Attribute) and not node.args:
            yield ("unwrap", lambda n: n.func.value,
                   "no copy: the result shares memory with its input (aliasing)", 1)
        if name in ("mean", "sum") and len(node.args) == 1 and isinstance(node.args[0], ast.Compare):
            for red in ("all", "any"):
                yield ("pool", lambda n, red=red: ast.Call(n.func, [ast.Call(
                    ast.Attribute(ast.Name("np", ast.Load()), red, ast.Load()), [n.args[0]],
                    [ast.keyword("axis", ast.Constant(0))])], n.keywords),
                    f"counted per column (`np.{red}(..., axis=0)`) where every entry counts", 3)
        if name in ("mean", "sum") and len(node.args) == 1 and isinstance(node.args[0], ast.BinOp) \
                and isinstance(node.args[0].op, ast.Pow):
            yield ("func", lambda n: ast.BinOp(ast.Call(n.func, [n.args[0].left], n.keywords),
                                               ast.Pow(), n.args[0].right),
                   f"the power of the {name} where the {name} of the powers belongs", 1)
        if name not in ("range", "zip", "min", "max", "concatenate", "stack") and \
                sum(isinstance(a, ast.Name) for a in node.args) >= 2:
            for i in range(len(node.args) - 1):
                for j in range(i + 1, len(node.args)):
                    if isinstance(node.args[i], ast.Name) and isinstance(node.args[j], ast.Name):
                        yield ("order", lambda n, i=i, j=j: ast.Call(n.func, [
                            n.args[j] if k == i else n.args[i] if k == j else a
                            for k, a in enumerate(n.args)], n.keywords),
                            f"`{node.args[i].id}` and `{node.args[j].id}` passed in the wrong "
                            "order", 2)
        if name == "sum" and not node.args and not node.keywords and \
                isinstance(node.func, ast.Attribute):
            yield ("func", lambda n: ast.Attribute(n.func.value, "size", ast.Load()),
                   "every entry counted (`.size`) where only the True ones count (`.sum()`)", 2)
        if name == "len" and len(node.args) == 1:
            for attr, what in (("size", "the number of entries (`.size`)"),
                               ("shape[-1]", "the last dimension (`.shape[-1]`)")):
                yield ("func", lambda n, attr=attr: ast.parse(
                    f"({ast.unparse(n.args[0])}).{attr}", mode="eval").body,
                    f"{what} where the number of rows (`len`) belongs", 2)
        if name == "int" and len(node.args) == 1:
            yield ("func", lambda n: ast.Call(ast.Name("round", ast.Load()), n.args, []),
                   "rounded where `int` truncates", 2)
        if name == "dot" and len(node.args) == 2:
            yield ("func", lambda n: ast.BinOp(n.args[0], ast.Mult(), n.args[1]),
                   "an elementwise product where the matrix product belongs", 2)
        if name == "norm" and len(node.args) == 1 and not node.keywords:
            for make, why in _NORMS:
                yield ("func", lambda n, make=make: make(n.args[0]),
                       f"{why} where the norm (the square root of the sum of squares) belongs", 1)
        for alt in sorted(siblings.get(name or "", ())):
            yield ("callee", lambda n, alt=alt: ast.Call(ast.Name(alt, ast.Load()), n.args,
                                                          n.keywords),
                   f"`{alt}` called where `{name}` belongs", 1)
        for alt in _SWAP.get(name or "", ()):
            yield ("func", lambda n, alt=alt: _renamed_call(n, alt), f"`{alt}` where `{name}` belongs", 1)
        kws = {k.arg: k for k in node.keywords}
        if "axis" in kws:
            for alt in (0, 1, -1, None):
                if not (isinstance(kws["axis"].value, ast.Constant) and kws["axis"].value.value == alt):
                    yield ("axis", lambda n, alt=alt: _with_kw(n, "axis", alt),
                           "joined along the wrong axis (without `axis`, the first)"
                           if name in ("stack", "concatenate") else
                           "reduced over the wrong axis" if alt is not None else
                           "reduced over every axis at once", 1)
        elif name in ("sum", "mean", "max", "min", "argmax", "std", "var", "norm", "all", "any"):
            for alt in (0, 1, -1):
                yield ("axis", lambda n, alt=alt: _with_kw(n, "axis", alt),
                       "reduced over one axis where every axis belongs", 2)
            if name in ("std", "var", "norm", "max", "min"):
                for alt in (0, 1):
                    yield ("axis", lambda n, alt=alt: _np_call("mean", _with_kw(n, "axis", alt)),
                           f"the mean of per-{'column' if alt == 0 else 'row'} values where one "
                           f"{name} over all entries belongs", 2)
        if "keepdims" in kws:
            yield ("kw", lambda n: _with_kw(n, "keepdims", None), "keepdims is missing", 2)
        if name not in _UNWRAP and name not in _SWAP and name not in ("range", "len") and \
                (len(node.args) >= 2 or node.keywords):
            if node.keywords:
                for k in node.keywords:
                    if k.arg:
                        yield ("arg", lambda n, k=k.arg: ast.Call(n.func, n.args, [
                            kw for kw in n.keywords if kw.arg != k]),
                            f"`{k.arg}` is not passed on to `{name}`", 2)
            else:
                yield ("arg", lambda n: ast.Call(n.func, n.args[:-1], []),
                       f"the last argument is not passed on to `{name}`", 2)
        if len(node.args) == 1 and isinstance(node.args[0], ast.BinOp) and \
                name not in ("range", "len"):
            yield ("paren", lambda n: ast.BinOp(ast.Call(n.func, [n.args[0].left], n.keywords),
                                                n.args[0].op, n.args[0].right),
                   f"`{_SYM.get(type(node.args[0].op), '?')} {_src(node.args[0].right, 20)}` "
                   f"applied outside `{name}` instead of inside (a bracket misplaced)", 2)
        if name == "einsum" and node.args and isinstance(node.args[0], ast.Constant) and \
                isinstance(node.args[0].value, str) and "->" in node.args[0].value:
            spec, out_ = node.args[0].value.split("->")
            if len(out_) >= 2:
                yield ("T", lambda n, spec=spec, out_=out_: ast.Call(n.func, [
                    ast.Constant(f"{spec}->{out_[::-1]}")] + n.args[1:], n.keywords),
                    "the result is transposed", 2)
        if name == "range":
            yield ("loop", lambda n: ast.Call(ast.Name("reversed", ast.Load()), [n], []),
                   "the loop runs in the wrong direction", 1)
            if len(node.args) == 1:
                yield ("loop", lambda n: ast.Call(n.func, [ast.Constant(1), n.args[0]], []),
                       "the loop skips its first step (it should start at 0)", 2)
            for i in range(min(len(node.args), 2)):
                for d in (-1, 1):
                    yield ("loop", lambda n, i=i, d=d: ast.Call(n.func, [
                        ast.BinOp(a, ast.Add() if d > 0 else ast.Sub(), ast.Constant(1))
                        if j == i else a for j, a in enumerate(n.args)], []),
                        "the loop's range is off by one", 2)
        if name in ("max", "min", "len", "sum", "int") and isinstance(parent, ast.Assign):
            for d in (-1, 1):
                yield ("index", lambda n, d=d: ast.BinOp(n, ast.Add() if d > 0 else ast.Sub(),
                                                         ast.Constant(1)), "off by one", 2)
        if name == "reversed":
            yield ("loop", lambda n: n.args[0], "the loop runs in the wrong direction", 1)
        if name == "ndindex" and len(node.args) == 1 and isinstance(node.args[0], ast.Attribute) \
                and node.args[0].attr == "shape":
            yield ("loop", lambda n: ast.Call(ast.Name("range", ast.Load()), [ast.Call(
                ast.Name("len", ast.Load()), [n.args[0].value], [])], []),
                "the loop visits one index per row (the first axis), not every entry", 2)
    elif isinstance(node, ast.Attribute) and node.attr == "T":
        yield ("T", lambda n: n.value, "a transpose is missing", 1)
    elif isinstance(node, ast.Attribute) and node.attr == "size" and isinstance(node.ctx, ast.Load):
        yield ("func", lambda n: ast.Call(ast.Name("len", ast.Load()), [n.value], []),
               "the number of rows (`len`) where the number of entries (`.size`) belongs", 2)
    elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in consts:
        for other in sorted(consts - {node.id}):
            yield ("name", lambda n, other=other: ast.Name(other, ast.Load()),
                   f"`{other}` where `{node.id}` belongs", 2)
    elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in names:
        if node.id in params and isinstance(parent, ast.Assign) and parent.value is node:
            yield ("alias", lambda n: ast.Call(ast.Attribute(ast.Name(n.id, ast.Load()), "copy",
                                                             ast.Load()), [], []),
                   f"`{node.id}` itself where a copy belongs (aliasing: changing the copy "
                   f"changes `{node.id}`)", 1)
        if node.id not in loop_vars and not isinstance(parent, ast.Subscript):
            for f in wraps:
                yield ("wrap", lambda n, f=f: _call_of(f, n),
                       f"`{f}` applied to `{node.id}` where it should not be", 2)
        if node.id not in loop_vars and not isinstance(parent, ast.Subscript):
            yield ("sign", lambda n: ast.UnaryOp(ast.USub(), ast.Name(n.id, ast.Load())),
                   f"a sign: `-{node.id}` where `{node.id}` belongs", 2)
        if node.id in loop_vars and isinstance(parent, ast.Subscript) and parent.slice is node:
            yield ("index", lambda n: ast.BinOp(ast.UnaryOp(ast.USub(), ast.Constant(1)),
                                                ast.Sub(), ast.Name(n.id, ast.Load())),
                   "indexed from the other end (the order reversed)", 2)
        for other in sorted(names - {node.id}):
            if (other in loop_vars) != (node.id in loop_vars):
                continue
            yield ("name", lambda n, other=other: ast.Name(other, ast.Load()),
                   f"`{other}` is read where `{node.id}` belongs", 3)
        if node.id in loop_vars:
            for p in params:
                yield ("name", lambda n, p=p: ast.Name(p, ast.Load()),
                       f"`{p}` is read where the loop's `{node.id}` belongs (the same value at "
                       "every step)", 3)
            # (not inside a tuple index: `m[:, t]` as `m[:, -1]` also explains a mask read
            # wrongly, and the catalogue showed it naming the wrong line)
            if isinstance(parent, ast.Subscript) and parent.slice is node:
                for v, which in ((0, "first"), (-1, "last")):
                    yield ("index", lambda n, v=v: _num(v),
                           f"the {which} entry read at every step where entry `{node.id}` "
                           "belongs", 2)
        elif node.id in params and (isinstance(parent, ast.BinOp) and isinstance(
                parent.op, (ast.Mult, ast.Div)) or isinstance(parent, ast.Call) and node in parent.args
                and _callee(parent) not in ("len", "range", "zip", "enumerate", "int", "float")):
            for shown, expr in scales:
                for op, how in ((ast.Div, "divided"), (ast.Mult, "multiplied")):
                    yield ("scale", lambda n, expr=expr, op=op: ast.BinOp(
                        ast.Name(n.id, ast.Load()), op(), copy.deepcopy(expr)),
                        f"`{node.id}` {how} by `{shown}`: an extra factor", 3)
        if node.id in params and "rng" in node.id and isinstance(parent, ast.Call) and \
                node in parent.args:
            yield ("name", lambda n: ast.parse("np.random.default_rng(0)", mode="eval").body,
                   f"a new generator with a fixed seed where the argument `{node.id}` belongs: "
                   "every call draws the same numbers", 2)
        if node.id not in loop_vars:
            for other in sorted((kin or {}).get(node.id, ())):
                for f, how in (("add", "added to"), ("subtract", "subtracted from")):
                    yield ("term", lambda n, other=other, f=f: ast.Call(ast.Attribute(
                        ast.Name("np", ast.Load()), f, ast.Load()),
                        [ast.Name(n.id, ast.Load()), ast.Name(other, ast.Load())], []),
                        f"`{other}` {how} `{node.id}`: an extra term", 3)
        if node.id in loop_vars or isinstance(parent, ast.BinOp) and (
                isinstance(parent.left, ast.Constant) or isinstance(parent.right, ast.Constant)):
            for d in (-1, 1):
                yield ("index", lambda n, d=d: ast.BinOp(ast.Name(n.id, ast.Load()),
                                                         ast.Add() if d > 0 else ast.Sub(),
                                                         ast.Constant(1)),
                       "off by one", 2)
    elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
        yield ("const", lambda n: ast.Constant(not n.value), "the flag is inverted", 2)
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
        v = node.value
        alts = [0, 1, -v, v + 1, v - 1, 2 * v, v / 2 if isinstance(v, float) else v // 2]
        seen = {v}
        if isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.USub):
            seen |= {0, -v}          # `-0`, `--1`: the sign's own edit covers them
        for a in alts:
            if a in seen:
                continue
            seen.add(a)
            why = f"`{a!r}` where `{v!r}` belongs"
            if isinstance(parent, ast.keyword) and parent.arg == "axis":
                why = f"axis={a!r} where axis={v!r} belongs: reduced over the wrong axis"
            yield ("const", lambda n, a=a, why=why: _num(a), why, 2)
    elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.BinOp) and \
            isinstance(node.ctx, ast.Load) and any(
                isinstance(x, ast.Name) and x.id in loop_vars for x in ast.walk(node.slice)):
        yield ("index", lambda n: ast.Subscript(n.value, ast.BinOp(
            ast.UnaryOp(ast.USub(), ast.Constant(1)), ast.Sub(), n.slice), ast.Load()),
            "indexed from the other end (the order reversed)", 2)
    elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple):
        elts = node.slice.elts
        for i, e in enumerate(elts):
            if not isinstance(e, ast.Slice) and len(elts) >= 2:
                yield ("slice", lambda n, i=i: ast.Subscript(n.value, ast.Tuple(
                    [ast.Slice() if j == i else x for j, x in enumerate(n.slice.elts)], ast.Load()),
                    n.ctx), "a whole axis where one index per row belongs", 2)
        if len(elts) >= 3 and not any(isinstance(e, ast.Slice) for e in elts):
            yield ("slice", lambda n: ast.Subscript(n.value, ast.Tuple(
                [ast.Slice() for _ in n.slice.elts[:-1]] + [n.slice.elts[-1]], ast.Load()), n.ctx),
                "whole axes where one index per position belongs (every row gets every "
                "position's entry)", 2)
        if len(elts) == 2 and not any(isinstance(e, ast.Slice) for e in elts):
            for i in range(2):
                yield ("slice", lambda n, i=i: ast.Subscript(n.value, n.slice.elts[1 - i], n.ctx),
                       "an index is left out (the array is indexed along its first axis only)", 2)
        for i in range(len(elts) - 1):
            if not isinstance(elts[i], ast.Slice) and not isinstance(elts[i + 1], ast.Slice):
                yield ("order", lambda n, i=i: ast.Subscript(n.value, _swap_elts(n.slice, i),
                                                             n.ctx),
                       "the indices are in the wrong order", 2)
        for k, e in enumerate(node.slice.elts):
            if isinstance(e, (ast.Constant, ast.UnaryOp)) and not any(
                    isinstance(o, ast.Slice) and (o.lower or o.upper) for o in node.slice.elts):
                yield ("pool", lambda n, k=k: _pooled(n, k), "the mean over an axis where one "
                       "entry (the first or last step) belongs", 2)
    elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and \
            isinstance(node.slice.value, str) and keys:
        k = node.slice.value
        for k2 in sorted(x for x in keys if x != k and _alike(k, x))[:4]:
            yield ("name", lambda n, k2=k2: ast.Subscript(n.value, ast.Constant(k2), n.ctx),
                   f"`{k2}` read where `{k}` belongs", 3)
    elif isinstance(node, ast.Slice):
        if node.step is not None:
            yield ("slice", lambda n: _slice_without(n, "step"),
                   "the order is not reversed (the `::-1` step is missing)"
                   if _src(node.step) == "-1" else "a slice step is wrong", 2)
        elif node.lower is None and node.upper is None:
            yield ("slice", lambda n: ast.Slice(None, None, _num(-1)),
                   "the order is reversed where it should not be", 2)
        for part in ("lower", "upper"):
            if getattr(node, part) is not None:
                yield ("slice", lambda n, part=part: _slice_without(n, part),
                       "a slice bound is wrong", 2)
                for d in (-1, 1):
                    yield ("slice", lambda n, part=part, d=d: _slice_shift(n, part, d),
                           "a slice is off by one", 2)
    elif isinstance(node, ast.Compare) and len(node.ops) == 1:
        for alt in _CMP.get(type(node.ops[0]), ()):
            yield ("cmp", lambda n, alt=alt: ast.Compare(n.left, [alt()], n.comparators),
                   "the comparison is wrong at the boundary or reversed", 2)
    elif isinstance(node, ast.BoolOp):
        alt = ast.Or if isinstance(node.op, ast.And) else ast.And
        yield ("op", lambda n: ast.BoolOp(alt(), n.values), "`and`/`or` confused", 2)
        for i, v in enumerate(node.values):
            yield ("drop", lambda n, i=i: _without_value(n, i),
                   f"the condition `{_src(v, 30)}` is left out", 1)
    elif isinstance(node, ast.Tuple) and isinstance(node.ctx, ast.Load) and isinstance(parent, ast.Return):
        for i in range(len(node.elts) - 1):
            yield ("order", lambda n, i=i: _swap_elts(n, i), "two returned values are swapped", 1)
    elif isinstance(node, ast.List) and isinstance(node.ctx, ast.Load) and node.elts and \
            isinstance(parent, ast.Assign):
        yield ("drop", lambda n: ast.List([], ast.Load()),
               "the list starts empty: its first entry is never put in", 1)
    elif isinstance(node, ast.Dict) and 2 <= len(node.values) <= 8 and all(
            isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys):
        names = [k.value for k in node.keys]
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                yield ("order", lambda n, i=i, j=j: _swap_values(n, i, j),
                       f"the values of `{names[i]}` and `{names[j]}` are swapped", 1)


def _without_value(n: ast.BoolOp, i: int) -> ast.expr:
    """`a and b and c` without its operand i."""
    rest = [v for j, v in enumerate(n.values) if j != i]
    return rest[0] if len(rest) == 1 else ast.BoolOp(n.op, rest)


def _first_item(g: ast.GeneratorExp) -> ast.expr:
    """`f(s) for s in seqs` -> `f(seqs[0])`."""
    comp = g.generators[0]

    class Sub(ast.NodeTransformer):
        def visit_Name(self, n: ast.Name) -> ast.AST:
            return ast.Subscript(comp.iter, ast.Constant(0), ast.Load()) \
                if n.id == comp.target.id else n

    return Sub().visit(copy.deepcopy(g.elt))


def _transposed(n: ast.BinOp, side: str) -> ast.BinOp:
    left, right = n.left, n.right
    if side == "left":
        left = left.value if isinstance(left, ast.Attribute) and left.attr == "T" else \
            ast.Attribute(left, "T", ast.Load())
    else:
        right = right.value if isinstance(right, ast.Attribute) and right.attr == "T" else \
            ast.Attribute(right, "T", ast.Load())
    return ast.BinOp(left, n.op, right)


def _pooled(n: ast.Subscript, k: int) -> ast.Call:
    """x[:, -1] -> np.mean(x[:, :], axis=1): the mean along axis k in place of one index."""
    elts = list(n.slice.elts)
    elts[k] = ast.Slice(None, None, None)
    inner = ast.Subscript(n.value, ast.Tuple(elts, ast.Load()), ast.Load())
    axis = sum(1 for e in n.slice.elts[:k] if isinstance(e, ast.Slice))
    return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), "mean", ast.Load()), [inner],
                    [ast.keyword("axis", ast.Constant(axis))])


def _call_of(f: str, arg: ast.expr) -> ast.Call:
    return _np_call(f, arg) if f != "sigmoid" else ast.Call(ast.Name(f, ast.Load()), [arg], [])


def _np_call(name: str, arg: ast.expr) -> ast.Call:
    return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), name, ast.Load()), [arg], [])


def _total(n: ast.AST) -> bool:
    """`a.sum()` or `np.sum(a)`, over every axis."""
    return isinstance(n, ast.Call) and _callee(n) == "sum" and not n.keywords and (
        isinstance(n.func, ast.Attribute) and not n.args and not (
            isinstance(n.func.value, ast.Name) and n.func.value.id in _NUMPY) or
        len(n.args) == 1 and isinstance(n.func, ast.Attribute) and
        isinstance(n.func.value, ast.Name) and n.func.value.id in _NUMPY)


def _is_one(n: ast.AST) -> bool:
    return isinstance(n, ast.Constant) and n.value == 1


def _derivative(n: ast.BinOp) -> tuple[ast.expr, str] | None:
    """tanh's derivative `1 - a**2` <-> the sigmoid's `a * (1 - a)`: (the other one, why)."""
    if isinstance(n.op, ast.Sub) and _is_one(n.left) and isinstance(n.right, ast.BinOp) and \
            isinstance(n.right.op, ast.Pow) and isinstance(n.right.right, ast.Constant) and \
            n.right.right.value == 2:
        a = n.right.left
        return (ast.BinOp(copy.deepcopy(a), ast.Mult(), ast.BinOp(ast.Constant(1), ast.Sub(),
                                                                   copy.deepcopy(a))),
                "the sigmoid's derivative a(1 - a) where tanh's 1 - a**2 belongs")
    if isinstance(n.op, ast.Mult):
        for a, b in ((n.left, n.right), (n.right, n.left)):
            if isinstance(b, ast.BinOp) and isinstance(b.op, ast.Sub) and _is_one(b.left) and \
                    ast.dump(b.right) == ast.dump(a):
                return (ast.BinOp(ast.Constant(1), ast.Sub(), ast.BinOp(
                    copy.deepcopy(a), ast.Pow(), ast.Constant(2))),
                    "tanh's derivative 1 - a**2 where the sigmoid's a(1 - a) belongs")
    return None


def _np_expr(text: str, arg: ast.expr) -> ast.expr:
    """Parse `text` (an expression of `x`) with `x` replaced by a copy of arg."""
    tree = ast.parse(text, mode="eval").body
    for node in ast.walk(tree):
        for name, value in ast.iter_fields(node):
            if isinstance(value, ast.Name) and value.id == "x":
                setattr(node, name, copy.deepcopy(arg))
            elif isinstance(value, list):
                value[:] = [copy.deepcopy(arg) if isinstance(v, ast.Name) and v.id == "x" else v
                            for v in value]
    return tree


_NORMS = (   # np.linalg.norm(x) taken for another norm: (make, why)
    (lambda x: _np_expr("np.linalg.norm(x, 2)", x),
     "the spectral norm (the largest singular value, `ord=2`)"),
    (lambda x: _np_expr("np.max(np.abs(x))", x), "the largest absolute entry"),
    (lambda x: _np_expr("np.sum(np.abs(x))", x), "the sum of absolute values"),
    (lambda x: _np_expr("np.sum(x ** 2)", x), "the sum of squares (the square root is missing)"),
    (lambda x: _np_expr("np.sqrt(np.mean(x ** 2))", x),
     "the root-mean-square (divided by the square root of the size)"),
)


def _renamed_call(n: ast.Call, alt: str) -> ast.Call:
    f = n.func
    if alt == "sigmoid":                 # the course's own, wherever tanh came from
        func: ast.expr = ast.Name(alt, ast.Load())
    elif isinstance(f, ast.Attribute):
        func = ast.Attribute(f.value, alt, ast.Load())
    elif hasattr(builtins, alt):
        func = ast.Name(alt, ast.Load())
    else:
        func = ast.Attribute(ast.Name("np", ast.Load()), alt, ast.Load())
    return ast.Call(func, n.args, n.keywords)


def _with_kw(n: ast.Call, key: str, value: object) -> ast.Call:
    kws = [k for k in n.keywords if k.arg != key]
    if value is not None:
        kws.append(ast.keyword(key, _num(value)))
    return ast.Call(n.func, n.args, kws)


def _slice_without(n: ast.Slice, part: str) -> ast.Slice:
    s = ast.Slice(n.lower, n.upper, n.step)
    setattr(s, part, None)
    return s


def _slice_shift(n: ast.Slice, part: str, d: int) -> ast.Slice:
    s = ast.Slice(n.lower, n.upper, n.step)
    setattr(s, part, ast.BinOp(getattr(n, part), ast.Add() if d > 0 else ast.Sub(), ast.Constant(1)))
    return s


def _swap_values(n: ast.Dict, i: int, j: int) -> ast.Dict:
    values = list(n.values)
    values[i], values[j] = values[j], values[i]
    return ast.Dict(list(n.keys), values)


def _swap_elts(n: ast.Tuple, i: int) -> ast.Tuple:
    elts = list(n.elts)
    elts[i], elts[i + 1] = elts[i + 1], elts[i]
    return ast.Tuple(elts, ast.Load())


def _stmt_edits(fdef: ast.FunctionDef, params: list[str],
                masks: list[str]) -> Iterator[tuple[Callable, str, str, int]]:
    """Statement-level rewrites: (apply(function copy), what, why, rank); a statement is found
    by its path of body indices, so the same path finds it in a copy. masks: the variables an
    extra `(v > 0)` mask may come from."""
    def walk(body: list[ast.stmt], path: tuple) -> Iterator[tuple[tuple, ast.stmt]]:
        for i, s in enumerate(body):
            yield path + (i,), s
            for fld in ("body", "orelse"):
                sub = getattr(s, fld, None)
                if isinstance(sub, list):
                    yield from walk(sub, path + (i, fld))

    stmts = list(walk(fdef.body, ()))
    assigned = {t.id for x in ast.walk(fdef) if isinstance(x, ast.Assign) for tg in x.targets
                for t in ast.walk(tg) if isinstance(t, ast.Name) and t.id != "_"}
    elifs = {id(x.orelse[0]) for x in ast.walk(fdef) if isinstance(x, ast.If)
             and len(x.orelse) == 1 and isinstance(x.orelse[0], ast.If)}
    for path, s in stmts:
        nxt = path[:-1] + (path[-1] + 1,)
        try:
            following = _stmt_at(fdef, nxt)
        except (IndexError, AttributeError):
            following = None
        if following is not None and not isinstance(s, ast.Return) and \
                not isinstance(following, ast.Return):
            yield (lambda f, path=path: _swap_stmts(f, path),
                   f"with `{_src(s, 40).splitlines()[0]}` and `{_src(following, 40).splitlines()[0]}` "
                   "in the other order", "two steps in the wrong order", 2)
        if isinstance(s, (ast.Assign, ast.AugAssign)):
            target = _src(s.targets[0] if isinstance(s, ast.Assign) else s.target, 30)
            yield (lambda f, path=path: _replace_stmt(f, path, []),
                   f"without the step that sets `{target}` there",
                   "a step is left out", 1)
        elif isinstance(s, (ast.Expr, ast.If, ast.For)) and not (
                isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)):
            yield (lambda f, path=path: _replace_stmt(f, path, []),
                   f"without `{_src(s, 40).splitlines()[0]}`", "a step is left out", 1)
        if isinstance(s, ast.AugAssign) or isinstance(s, ast.Expr) and isinstance(s.value, ast.Call):
            yield (lambda f, path=path: _stmt_list(f, path)[0].insert(
                path[-1] + 1, copy.deepcopy(_stmt_at(f, path))),
                f"with `{_src(s, 50)}` done twice", "a step is repeated", 3)
        if isinstance(s, ast.AugAssign):
            for p in params:
                yield (lambda f, path=path, p=p: _scale_value(f, path, p),
                       f"with `{_src(s, 40)}` multiplied by `{p}`",
                       f"an extra factor `{p}` in this update", 3)
            t, op = _src(s.target, 30), _SYM.get(type(s.op), "?")
            yield (lambda f, path=path: _replace_stmt(
                f, path, [ast.Assign([_stmt_at(f, path).target], _stmt_at(f, path).value)]),
                f"with `{t} {op}= ...` written as `{t} = ...`",
                f"`{t}` is overwritten where it should be updated", 1)
        if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Tuple):
            rest = [e.id for e in s.targets[0].elts[1:] if isinstance(e, ast.Name) and e.id != "_"]
            if len(rest) >= 2:
                yield (lambda f, path=path: all(_discard(f, path, i) for i in range(
                    1, len(_stmt_at(f, path).targets[0].elts))),
                       f"with {', '.join(f'`{r}`' for r in rest)} not updated by "
                       f"`{_src(s.value, 40)}`", "their new values are thrown away, so they keep "
                       "their old ones (a state not carried forward?)", 2)
            for i, e in enumerate(s.targets[0].elts):
                if isinstance(e, ast.Name) and e.id == "_":
                    # a value meant to be thrown away, unpacked into a variable in use
                    taken = {x.id for x in ast.walk(s.targets[0]) if isinstance(x, ast.Name)}
                    for v in sorted(assigned - taken)[:8]:
                        yield (lambda f, path=path, i=i, v=v: _discard(f, path, i, v),
                               f"with `{v}` where `_` is unpacked from `{_src(s.value, 40)}`",
                               f"`{v}` is overwritten by a value meant to be thrown away", 2)
                if isinstance(e, ast.Name) and e.id != "_":
                    yield (lambda f, path=path, i=i: _discard(f, path, i),
                           f"with `{e.id}` not updated by `{_src(s.value, 40)}`",
                           f"its new value is thrown away (`_` or another name), so `{e.id}` "
                           "keeps its old value", 2)
        if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Tuple):
            elts = s.targets[0].elts
            for i in range(len(elts) - 1):
                for j in range(i + 1, len(elts)):
                    yield (lambda f, path=path, i=i, j=j: _swap_targets(f, path, i, j),
                           f"with `{_src(elts[i], 20)}` and `{_src(elts[j], 20)}` swapped where "
                           f"they are unpacked", "values unpacked in the wrong order", 1)
            if len(elts) == 3:       # a rotation of three: no single swap undoes it
                for k in (1, 2):
                    names = [_src(e, 20) for e in elts[k:] + elts[:k]]
                    yield (lambda f, path=path, k=k: _rotate_targets(f, path, k),
                           f"with the names unpacked from `{_src(s.value, 40)}` in the order "
                           f"{', '.join(f'`{n}`' for n in names)}",
                           "values unpacked in the wrong order", 1)
        if isinstance(s, ast.For) and len(s.body) > 1:
            for k in range(len(s.body)):
                yield (lambda f, path=path, k=k: _move_out(f, path, k),
                       f"with `{_src(s.body[k], 50).splitlines()[0]}` done once after the loop",
                       "it belongs inside the loop, at every step", 2)
            for k in range(1, len(s.body) - 1):       # the loop's last steps, dedented together
                tail = len(s.body) - k
                yield (lambda f, path=path, k=k, n=tail: _move_out(f, path, k, n),
                       f"with the loop's last {tail} steps (from "
                       f"`{_src(s.body[k], 40).splitlines()[0]}`) done once after the loop",
                       "they belong inside the loop, at every step", 2)
        if isinstance(s, ast.If) and id(s) not in elifs:
            # indentation: the step after a branch moved into it, or its last step moved out
            if following is not None and not isinstance(following, ast.Return):
                yield (lambda f, path=path: _into_branch(f, path),
                       f"with `{_src(following, 40).splitlines()[0]}` inside `if "
                       f"{_src(s.test, 30)}` (run in that case only)",
                       "it belongs after the `if` block, for every case", 2)
            if len(s.body) >= 2 and not isinstance(s.body[-1], ast.Return):
                yield (lambda f, path=path: _out_of_branch(f, path),
                       f"with `{_src(s.body[-1], 40).splitlines()[0]}` after the `if "
                       f"{_src(s.test, 30)}` block (run in every case)",
                       "it belongs inside the `if`, for that case only", 2)
        if isinstance(s, ast.If) and len(s.orelse) == 1 and isinstance(s.orelse[0], ast.If):
            yield (lambda f, path=path: _split_elif(f, path),
                   f"with the `elif` after `if {_src(s.test, 30)}` written as a new `if`",
                   "a second branch also runs for the first case (`if` where `elif` belongs)", 1)
        if isinstance(s, ast.If) and s.orelse:
            yield (lambda f, path=path: _replace_stmt(f, path, list(_stmt_at(f, path).body)),
                   f"with the condition `{_src(s.test, 40)}` ignored (always true)",
                   "a case is not handled", 2)
        if isinstance(s, ast.If) and s.orelse and id(s) not in elifs:
            ifs = _chain(s)
            labels = [f"`{_src(x.test, 30)}`" for x in ifs] + (["`else`"] if ifs[-1].orelse else [])
            for i in range(len(labels)):
                for j in range(len(labels)):
                    if i != j:
                        yield (lambda f, path=path, i=i, j=j: _copy_branch(f, path, i, j),
                               f"with the {labels[i]} branch doing what the {labels[j]} branch does",
                               "a branch copied from another: this case runs the other case's code",
                               2)
        if isinstance(s, (ast.Assign, ast.AugAssign, ast.Return, ast.Expr)):
            for text, old_op, new_op, where in _retyped(s):
                yield (lambda f, path=path, text=text: _replace_stmt(f, path, ast.parse(text).body),
                       f"with `{old_op}` written as `{new_op}` in `{where}`",
                       f"`{new_op}` where `{old_op}` belongs", 1)
            for text, fragment in _unbracketed(s):
                yield (lambda f, path=path, text=text: _replace_stmt(f, path, ast.parse(text).body),
                       f"with `{fragment}` written without its brackets",
                       "brackets dropped: the operations group the wrong way", 2)
        if isinstance(s, (ast.For, ast.While)) and not any(
                isinstance(x, ast.Return) for x in ast.walk(s)):
            last = fdef.body[-1] if isinstance(fdef.body[-1], ast.Return) else ast.Return(None)
            yield (lambda f, path=path, last=last: _stmt_at(f, path).body.append(
                copy.deepcopy(last)),
                   f"with `{_src(last, 40)}` inside the loop `{_src(s, 40).splitlines()[0]}`",
                   "it returns after the first pass of the loop (the return is indented into "
                   "it)", 2)
        if isinstance(s, (ast.For, ast.While)):
            for k, call in enumerate(_loop_calls(s)[:12]):
                if _callee(call) in ("range", "len", "float", "int", "zip", "enumerate", "append"):
                    continue
                yield (lambda f, path=path, k=k: _hoist(f, path, k),
                       f"with `{_src(call, 50)}` computed once, before the loop "
                       f"`{_src(s, 40).splitlines()[0]}`",
                       "it belongs inside the loop, recomputed at every pass", 2)
        if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name) \
                and s.targets[0].id.startswith("d") and isinstance(s.value, ast.BinOp):
            for p in masks:
                yield (lambda f, path=path, p=p: setattr(_stmt_at(f, path), "value", ast.BinOp(
                    _stmt_at(f, path).value, ast.Mult(), ast.parse(f"({p} > 0)", mode="eval").body)),
                    f"with `{_src(s, 40)}` multiplied by `({p} > 0)`",
                    f"an extra mask: the gradient is zeroed where `{p}` <= 0 (a ReLU's derivative "
                    "where there is no ReLU)", 3)
        if isinstance(s, (ast.For, ast.While)):
            for back in range(1, min(path[-1], 4) + 1):
                prev = _stmt_at(fdef, path[:-1] + (path[-1] - back,))
                if isinstance(prev, ast.Assign):
                    yield (lambda f, path=path, back=back: _move_in(f, path, back),
                           f"with `{_src(prev, 50)}` redone at every step of the loop",
                           "it belongs before the loop, done once (a state reset at every step)",
                           2)
    defaults = fdef.args.defaults
    for a, d in zip(fdef.args.args[len(fdef.args.args) - len(defaults):], defaults, strict=True):
        yield (lambda f, a=a.arg, d=d: _prepend(f, f"{a} = {ast.unparse(d)}"),
               f"ignoring the argument `{a.arg}` (its default {ast.unparse(d)} used instead)",
               f"is `{a.arg}` used?", 1)
    for p in params:
        yield (lambda f, p=p: _prepend(f, f"{p} = np.zeros_like({p})"),
               f"ignoring the argument `{p}` (as if it were all zeros)", f"is `{p}` used?", 1)
        yield (lambda f, p=p: _prepend(f, f"{p} = np.ones_like({p})"),
               f"ignoring the argument `{p}` (as if it were all ones or True)", f"is `{p}` used?", 2)
        yield (lambda f, p=p: _prepend(f, f"{p} = np.reshape({p}, (-1, 1))"),
               f"with `{p}` taken as a column of shape (n, 1)", "mind the shapes: (n,) and (n, 1) "
               "broadcast differently", 2)
    for p in params:
        for c, shown in ((2.0, "2"), (0.5, "1/2"), (2 ** 0.5, "sqrt(2)"), (3 ** 0.5, "sqrt(3)")):
            yield (lambda f, p=p, c=c: _prepend(f, f"{p} = {p} * {c!r}"),
                   f"with `{p}` scaled by {shown}", f"an extra factor {shown} on `{p}`", 3)
        yield (lambda f, p=p: _prepend(f, f"{p} = {p} / np.max(np.abs({p}))"),
               f"with `{p}` rescaled (divided by its largest absolute value)",
               f"use `{p}` as given", 3)
        yield (lambda f, p=p: _prepend(f, f"{p} = ({p} - np.mean({p})) / np.std({p})"),
               f"with `{p}` standardised (mean removed, divided by its std)", f"use `{p}` as given", 3)


def _chain(s: ast.If) -> list[ast.If]:
    """if ... elif ... elif ...: the If nodes of the chain."""
    out = [s]
    while len(out[-1].orelse) == 1 and isinstance(out[-1].orelse[0], ast.If):
        out.append(out[-1].orelse[0])
    return out


def _copy_branch(f: ast.FunctionDef, path: tuple, i: int, j: int) -> bool:
    ifs = _chain(_stmt_at(f, path))
    bodies = [x.body for x in ifs] + ([ifs[-1].orelse] if ifs[-1].orelse else [])
    bodies[i][:] = copy.deepcopy(bodies[j])
    return True


def _loop_calls(loop: ast.For | ast.While) -> list[ast.Call]:
    """The calls a loop makes at every pass (not those of a `for` header, evaluated once)."""
    once = {id(m) for m in ast.walk(loop.iter)} if isinstance(loop, ast.For) else set()
    return [n for n in ast.walk(loop) if isinstance(n, ast.Call) and id(n) not in once]


def _hoist(f: ast.FunctionDef, path: tuple, k: int) -> bool:
    """Compute the k-th call inside the loop at `path` once, before the loop."""
    loop = _stmt_at(f, path)
    call = _loop_calls(loop)[k]
    parents = _parents(loop)
    _swap_child(parents[id(call)], call, ast.Name("_once", ast.Load()))
    body, i = _stmt_list(f, path)
    body.insert(i, ast.Assign([ast.Name("_once", ast.Store())], call))
    return True


_LEVEL = {"+": 1, "-": 1, "*": 2, "/": 2, "@": 2, "//": 2, "**": 3}
_RETYPE = {"+": ("*",), "-": ("*", "/"), "*": ("+", "-", "**"), "/": ("-",), "**": ("*",)}


def _retyped(s: ast.stmt) -> Iterator[tuple[str, str, str, str]]:
    """The statement's source with one binary operator typed as another of a different
    precedence, as a student types it (`a * b * c` -> `a + b * c`, not `(a + b) * c`):
    (new source, old operator, new operator, the text around it)."""
    text = ast.unparse(s)
    if "\n" in text:
        return
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, IndentationError):
        return
    for k, tok in enumerate(toks):
        if tok.type != tokenize.OP or tok.string not in _RETYPE or k == 0:
            continue
        prev = toks[k - 1]
        if not (prev.type in (tokenize.NAME, tokenize.NUMBER) or prev.string in ")]"):
            continue                      # a unary minus
        a, b = tok.start[1], tok.end[1]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        negated = k >= 2 and toks[k - 2].string == "-" and (
            k < 3 or toks[k - 3].type == tokenize.OP and toks[k - 3].string not in ")]")
        sides = {t.string for t in (prev, nxt) if t is not None and t.type == tokenize.NUMBER
                 and not (t is prev and negated)}
        for alt in _RETYPE[tok.string]:
            if _LEVEL[alt] == _LEVEL[tok.string]:
                continue                  # same precedence: the tree edit covers it
            if alt in "*/" and sides & {"1", "1.0"} or alt in "+-" and sides & {"0", "0.0"}:
                continue                  # `1.0 * x` is `x`: a term dropped, not a slip typed
            new = text[:a] + alt + text[b:]
            try:
                tree = ast.parse(new)
            except SyntaxError:
                continue
            if len(tree.body) == 1:
                lo, hi = max(0, a - 20), min(len(text), b + 20)
                yield new, tok.string, alt, text[lo:hi].strip()


def _unbracketed(s: ast.stmt) -> Iterator[tuple[str, str]]:
    """The statement's source with one pair of grouping brackets removed, where that changes
    what it computes: (new source, the bracketed fragment)."""
    text = ast.unparse(s)
    if "\n" in text:
        return
    stack, pairs = [], []
    for k, ch in enumerate(text):
        if ch in "([{":
            stack.append((k, ch))
        elif ch in ")]}" and stack:
            i, open_ = stack.pop()
            before = text[:i].rstrip()
            if open_ == "(" and ch == ")" and not (before and (before[-1].isalnum() or
                                                                before[-1] in "_)]")):
                pairs.append((i, k))
    for i, k in pairs:
        new = text[:i] + text[i + 1:k] + text[k + 1:]
        try:
            tree = ast.parse(new)
        except SyntaxError:
            continue
        if len(tree.body) == 1 and ast.dump(tree.body[0]) != ast.dump(ast.parse(text).body[0]):
            yield new, text[i:k + 1] if k - i <= 50 else text[i:i + 47] + "...)"


def _stmt_list(f: ast.FunctionDef, path: tuple) -> tuple[list, int]:
    """The statement list holding the statement at `path` (i, field, j, field, ..., k), and k."""
    body, steps = f.body, list(path)
    while len(steps) > 1:
        i, fld = steps.pop(0), steps.pop(0)
        body = getattr(body[i], fld)
    return body, steps[0]


def _stmt_at(f: ast.FunctionDef, path: tuple) -> ast.stmt:
    body, i = _stmt_list(f, path)
    return body[i]


def _replace_stmt(f: ast.FunctionDef, path: tuple, new: list[ast.stmt]) -> bool:
    body, i = _stmt_list(f, path)
    body[i:i + 1] = new
    if not body:
        body.append(ast.Pass())
    return True


def _scale_value(f: ast.FunctionDef, path: tuple, p: str) -> bool:
    st = _stmt_at(f, path)
    st.value = ast.BinOp(ast.Name(p, ast.Load()), ast.Mult(), st.value)
    return True


def _discard(f: ast.FunctionDef, path: tuple, i: int, name: str = "_") -> bool:
    _stmt_at(f, path).targets[0].elts[i] = ast.Name(name, ast.Store())
    return True


def _swap_stmts(f: ast.FunctionDef, path: tuple) -> bool:
    body, i = _stmt_list(f, path)
    body[i], body[i + 1] = body[i + 1], body[i]
    return True


def _split_elif(f: ast.FunctionDef, path: tuple) -> bool:
    s = _stmt_at(f, path)
    nested = s.orelse[0]
    s.orelse = []
    body, i = _stmt_list(f, path)
    body.insert(i + 1, nested)
    return True


def _swap_targets(f: ast.FunctionDef, path: tuple, i: int, j: int) -> bool:
    s = _stmt_at(f, path)
    elts = s.targets[0].elts
    elts[i], elts[j] = elts[j], elts[i]
    return True


def _rotate_targets(f: ast.FunctionDef, path: tuple, k: int) -> bool:
    elts = _stmt_at(f, path).targets[0].elts
    elts[:] = elts[k:] + elts[:k]
    return True


def _move_out(f: ast.FunctionDef, path: tuple, k: int, n: int = 1) -> bool:
    """Move n statements of the loop at `path`, from its k-th, to just after the loop."""
    body, i = _stmt_list(f, path)
    loop = body[i]
    moved = loop.body[k:k + n]
    del loop.body[k:k + n]
    body[i + 1:i + 1] = moved
    return bool(loop.body)


def _into_branch(f: ast.FunctionDef, path: tuple) -> bool:
    """Move the statement after the `if` at `path` to the end of its first branch."""
    body, i = _stmt_list(f, path)
    body[i].body.append(body.pop(i + 1))
    return True


def _out_of_branch(f: ast.FunctionDef, path: tuple) -> bool:
    """Move the last statement of the first branch of the `if` at `path` to after it."""
    body, i = _stmt_list(f, path)
    body.insert(i + 1, body[i].body.pop())
    return True


def _move_in(f: ast.FunctionDef, path: tuple, back: int = 1) -> bool:
    """Move the statement `back` places before the loop at `path` to the loop's start."""
    body, i = _stmt_list(f, path)
    prev = body.pop(i - back)
    body[i - 1].body.insert(0, prev)
    return True


def _prepend(f: ast.FunctionDef, line: str) -> bool:
    stmt = ast.parse(line).body[0]
    start = 1 if f.body and isinstance(f.body[0], ast.Expr) and \
        isinstance(f.body[0].value, ast.Constant) else 0
    f.body.insert(start, stmt)
    return True


def _parents(tree: ast.AST) -> dict[int, ast.AST]:
    return {id(c): p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}


def _swap_child(parent: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for name, value in ast.iter_fields(parent):
        if value is old:
            setattr(parent, name, new)
            return
        if isinstance(value, list):
            for i, v in enumerate(value):
                if v is old:
                    value[i] = new
                    return


def _context(node: ast.AST, parents: dict[int, ast.AST]) -> ast.AST:
    """The smallest enclosing expression that shows a rewrite in its place (<= 60 chars)."""
    p = parents.get(id(node))
    best = node
    while isinstance(p, ast.expr) and len(ast.unparse(p)) <= 60:
        best, p = p, parents.get(id(p))
        if isinstance(best, (ast.BinOp, ast.Call, ast.Subscript)) and len(ast.unparse(best)) > 12:
            break
    return best


_CACHE: dict[object, list[Rewrite]] = {}
_LOCK = threading.Lock()
_BUILD = threading.Lock()     # one rewrite generation at a time (grading threads share them)


def rewrites(ref: types.FunctionType) -> list[Rewrite]:
    """Every one-edit rewrite of `ref` that compiles, best first (cached)."""
    with _BUILD:
        return _rewrites(ref)


def _rewrites(ref: types.FunctionType, helper: bool = False, student: str | None = None,
              words: tuple[str, ...] = (), floats: tuple[str, ...] = ()) -> list[Rewrite]:
    """student: the text of `ref`'s def when it is a student's function (its fixes are searched:
    never cached, no helpers; the brackets a precedence slip left out, a slice on the other
    axis, each of `words` (the strings it was called with) for a string it compares with, and
    each argument of `floats` (called with a float) for a number typed in its place are tried
    too)."""
    key = (ref.__module__, ref.__qualname__, ref.__code__, helper)
    with _LOCK:
        if student is None and key in _CACHE:
            return _CACHE[key]
    try:
        src = _source(ref) if student is None else student
        fdef = ast.parse(src).body[0]
    except (OSError, TypeError, SyntaxError, IndexError):
        return []
    if not isinstance(fdef, ast.FunctionDef):
        if student is None:
            with _LOCK:
                _CACHE[key] = []
        return []
    fdef.decorator_list = []
    params = [a.arg for a in fdef.args.args]
    names = set(params) | {n.id for n in ast.walk(fdef) if isinstance(n, ast.Name)
                           and isinstance(n.ctx, ast.Store)}
    loop_vars = {n.target.id for n in ast.walk(fdef) if isinstance(n, (ast.For, ast.comprehension))
                 and isinstance(n.target, ast.Name)}
    names -= _NUMPY
    siblings = _siblings(ref)
    used = {n.id for n in ast.walk(fdef) if isinstance(n, ast.Name)}
    consts = {n for n in used if n.isupper() and isinstance(ref.__globals__.get(n), int)
              and not isinstance(ref.__globals__.get(n), bool)}
    if not consts:                 # swap a constant for another of the module's
        pass
    else:
        consts |= {n for n, v in ref.__globals__.items() if n.isupper() and len(n) <= 5
                   and type(v) is int}
    called = {_callee(n) for n in ast.walk(fdef) if isinstance(n, ast.Call)}
    wraps = tuple(f for f in ("tanh", "sigmoid", "exp") if f in called or f in ref.__name__)
    keys = _module_keys(ref)
    counters = [n.target.id for n in ast.walk(fdef) if isinstance(n, ast.For)
                and isinstance(n.target, ast.Name) and isinstance(n.iter, ast.Call)
                and _callee(n.iter) == "range"]
    sized = sorted({n.value.id for n in ast.walk(fdef) if isinstance(n, ast.Attribute)
                    and n.attr == "shape" and isinstance(n.value, ast.Name)} |
                   {n.slice.id for n in ast.walk(fdef) if isinstance(n, ast.Subscript)
                    and isinstance(n.slice, ast.Name) and n.slice.id not in loop_vars})
    scales = tuple((f"{t} + 1", ast.parse(f"({t} + 1)", mode="eval").body) for t in counters) + \
        tuple((f"len({a})", ast.parse(f"len({a})", mode="eval").body) for a in sized)
    kin = {v: set(sorted(w for w in names - loop_vars - {v} if _alike(v, w))[:4])
           for v in names - loop_vars}
    out: list[Rewrite] = []

    def build(tree: ast.FunctionDef, what: str, why: str, rank: int,
              reads: tuple[str, str] | None = None) -> None:
        ast.fix_missing_locations(tree)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                code = compile(ast.Module([tree], []), f"<rewrite of {ref.__name__}>",
                               "exec")
        except (SyntaxError, ValueError, TypeError):
            return
        if isinstance(ref, _Remote):       # the text alone: it runs in the sandbox's worker
            out.append(Rewrite(what, why, rank, ref, reads, ast.unparse(tree)))
            return
        ns = dict(ref.__globals__)
        try:
            exec(code, ns)
        except Exception:
            return
        fn = ns.get(ref.__name__)
        if isinstance(fn, types.FunctionType):
            fn.__defaults__ = ref.__defaults__
            out.append(Rewrite(what, why, rank, fn, reads, ast.unparse(tree)))

    nodes = list(ast.walk(fdef))
    parents = _parents(fdef)
    same_text: dict[tuple, list] = {}
    for n in nodes:
        if isinstance(n, (ast.Call, ast.BinOp, ast.Subscript, ast.Attribute)):
            same_text.setdefault((type(n), ast.unparse(n)), []).append(n)
    for index, node in enumerate(nodes):
        if index == 0 or isinstance(parents.get(id(node)), ast.arguments) or \
                _is_text(node):
            continue
        if isinstance(node, ast.Name) and isinstance(parents.get(id(node)), ast.Call) and \
                parents[id(node)].func is node:
            continue
        for kind, make, why, rank in _edits(node, parents.get(id(node)), names, params, loop_vars,
                                            siblings, consts, wraps, scales, kin, keys):
            # edit the tree in place, compile, and put the node back: no copy of the tree
            try:
                new = make(copy.deepcopy(node))
            except Exception:
                continue
            parent = parents.get(id(node))
            if new is None or parent is None:
                continue
            reads = None
            if kind in ("name", "term") and isinstance(node, ast.Name):
                other = {n.id for n in ast.walk(new) if isinstance(n, ast.Name)} - {node.id, "np"}
                reads = (node.id, other.pop()) if len(other) == 1 else None
            ctx = _context(node, parents)
            old_text = _src(ctx, 60)
            _swap_child(parent, node, new)
            try:
                new_text = _src(new if ctx is node else ctx, 60)
                if new_text != old_text:
                    build(fdef, f"with `{old_text}` written as `{new_text}`", why, rank, reads)
            finally:
                _swap_child(parent, new, node)
            # the same slip at every place the same expression occurs (a student repeats it)
            twins = same_text.get((type(node), ast.unparse(node)), [])
            if len(twins) > 1 and node is twins[0] and new_text != old_text:
                swaps = []
                try:
                    for t in twins:
                        alt = make(copy.deepcopy(t))
                        if alt is None or parents.get(id(t)) is None:
                            raise ValueError
                        _swap_child(parents[id(t)], t, alt)
                        swaps.append((t, alt))
                    build(fdef, f"with `{old_text}` written as `{new_text}` at all "
                          f"{len(twins)} places", why, rank, reads)
                except Exception:
                    pass
                finally:
                    for t, alt in swaps:
                        _swap_child(parents[id(t)], alt, t)
    own = {n.slice.value for n in ast.walk(fdef) if isinstance(n, ast.Subscript)
           and isinstance(n.slice, ast.Constant) and isinstance(n.slice.value, str) and "_" in n.slice.value}
    for p1 in sorted({k.rsplit("_", 1)[0] for k in own}):
        mine = {k for k in own if k.rsplit("_", 1)[0] == p1}
        for p2 in sorted({k.rsplit("_", 1)[0] for k in keys if "_" in k} - {p1}):
            if len(mine) >= 2 and all(p2 + k[len(p1):] in keys for k in mine):
                tree = copy.deepcopy(fdef)
                for n in ast.walk(tree):
                    if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Constant) and \
                            n.slice.value in mine:
                        n.slice = ast.Constant(p2 + n.slice.value[len(p1):])
                build(tree, f"with every `{p1}_...` entry read as `{p2}_...`",
                      f"the `{p2}_*` parameters used where the `{p1}_*` ones belong", 2)
    for var in sorted(names - set(params) - loop_vars):
        uses = [n for n in ast.walk(fdef) if isinstance(n, ast.Name) and n.id == var
                and isinstance(n.ctx, ast.Load) and isinstance(parents.get(id(n)), ast.BinOp)
                and isinstance(parents[id(n)].op, ast.Mult)]
        if len(uses) >= 2:
            tree = copy.deepcopy(fdef)
            _Ones(var).visit(tree)
            build(tree, f"without the factor `{var}` at its {len(uses)} places",
                  f"`{var}` is never applied (as if it were all ones)", 2)
    for var in sorted({n.slice.id for n in ast.walk(fdef) if isinstance(n, ast.Subscript)
                       and isinstance(n.slice, ast.Name) and isinstance(n.ctx, ast.Load)}):
        tree = copy.deepcopy(fdef)
        sites = _Unselect(var)
        sites.visit(tree)
        if sites.names:
            shown = ", ".join(f"`{n}[{var}]`" for n in sites.names[:3])
            build(tree, f"with {shown} written as "
                  f"{', '.join(f'`{n}`' for n in sites.names[:3])}",
                  f"the whole array where the entries selected by `{var}` belong", 2)
    defs: dict[str, list[ast.expr]] = {}
    for n in ast.walk(fdef):
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
            defs.setdefault(n.targets[0].id, []).append(n.value)
    for var, values in sorted(defs.items()):
        v = values[0]
        uses = [n for n in ast.walk(fdef) if isinstance(n, ast.Name) and n.id == var
                and isinstance(n.ctx, ast.Load)]
        if len(values) != 1 or var in loop_vars or len(uses) < 2 or not (
                isinstance(v, ast.BinOp) and isinstance(v.op, (ast.Add, ast.Sub))):
            continue
        for u in uses:
            parent = parents.get(id(u))
            ctx = _context(u, parents)
            old_text = _src(ctx, 60)
            for part in (v.left, v.right):
                new = copy.deepcopy(part)
                _swap_child(parent, u, new)
                try:
                    build(fdef, f"with `{old_text}` written as `{_src(new if ctx is u else ctx, 60)}`",
                          f"`{var}` is `{_src(v, 40)}`; here a term of it is left out", 2)
                finally:
                    _swap_child(parent, new, u)
    for st in ast.walk(fdef):      # the same index slip at several places of one line
        if not isinstance(st, (ast.Assign, ast.AugAssign, ast.Expr, ast.Return)):
            continue
        for v in sorted(loop_vars):
            sites = [n for n in ast.walk(st) if isinstance(n, ast.Subscript)
                     and isinstance(n.slice, ast.Name) and n.slice.id == v]
            if not 2 <= len(sites) <= 4:
                continue
            for k in range(2, len(sites) + 1):
                for group in itertools.combinations(sites, k):
                    before = ", ".join(f"`{_src(n, 25)}`" for n in group)
                    for c, which in ((0, "first"), (-1, "last")):
                        for n in group:
                            n.slice = _num(c)
                        try:
                            build(fdef, f"with {before} written as "
                                  f"{', '.join(f'`{_src(n, 25)}`' for n in group)}",
                                  f"the {which} entry read at every step where entry `{v}` "
                                  "belongs", 2)
                        finally:
                            for n in group:
                                n.slice = ast.Name(v, ast.Load())
    # `X[idx]` with idx = order[a:b] read as `X[a:b]`: the selection without the permutation
    for var, values in sorted(defs.items()):
        v = values[0]
        if len(values) != 1 or not (isinstance(v, ast.Subscript) and isinstance(v.value, ast.Name)):
            continue
        for u in [n for n in ast.walk(fdef) if isinstance(n, ast.Subscript)
                  and isinstance(n.slice, ast.Name) and n.slice.id == var]:
            before = _src(u, 40)
            u.slice = copy.deepcopy(v.slice)
            try:
                build(fdef, f"with `{before}` written as `{_src(u, 40)}`",
                      f"`{var}` is `{_src(v, 40)}`: here `{v.value.id}` is not applied (the "
                      "entries in their stored order)", 2)
            finally:
                u.slice = ast.Name(var, ast.Load())
    # a state that should start at zeros started from one step of an argument
    for n in ast.walk(fdef):
        if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call) and \
                _callee(n.value) in ("zeros", "zeros_like"):
            zero = n.value
            for p in params:
                for text in (f"{p}[:, -1]", f"{p}[:, 0]", f"{p}[-1]", f"{p}[0]"):
                    n.value = ast.parse(text, mode="eval").body
                    try:
                        build(fdef, f"with `{_src(zero, 40)}` written as `{text}`",
                              f"the state starts from `{text}` where it starts at zeros", 3)
                    finally:
                        n.value = zero
    masks = sorted(names - loop_vars)
    for apply, what, why, rank in _stmt_edits(fdef, params, masks if len(masks) <= 12 else params):
        tree = copy.deepcopy(fdef)
        try:
            apply(tree)
        except Exception:
            continue
        build(tree, what, why, rank)
    if student is not None:
        def swapped(parent: ast.AST, old: ast.AST, new: ast.AST, what: str, why: str) -> None:
            """The def with `old` (a child of `parent`) replaced by `new`; then `old` back."""
            _swap_child(parent, old, new)
            try:
                build(fdef, what, why, 2)
            finally:
                _swap_child(parent, new, old)

        # `a - b / c` meant as `(a - b) / c`, and the other way round
        for n in [n for n in ast.walk(fdef) if isinstance(n, ast.BinOp)]:
            parent = parents.get(id(n))
            if parent is None:
                continue
            for kid, new in (
                    (n.right, lambda k, n=n: ast.BinOp(ast.BinOp(n.left, n.op, k.left), k.op,
                                                        k.right)),
                    (n.left, lambda k, n=n: ast.BinOp(k.left, k.op, ast.BinOp(k.right, n.op,
                                                                              n.right)))):
                if not isinstance(kid, ast.BinOp):
                    continue
                alt = new(kid)
                swapped(parent, n, alt, f"with `{_src(n, 60)}` written as `{_src(alt, 60)}`",
                        "brackets around the part to compute first")
        for n in [n for n in ast.walk(fdef) if isinstance(n, ast.Assign)
                  and isinstance(n.value, (ast.Name, ast.Subscript, ast.Attribute))
                  and isinstance(n.targets[0], ast.Name)]:
            was = n.value         # `x0 = x` meant as a copy
            n.value = ast.Call(ast.Attribute(was, "copy", ast.Load()), [], [])
            try:
                build(fdef, f"with `{_src(n, 50)}` (a copy, not the same object)",
                      "a name for the same object, not a copy", 2)
            finally:
                n.value = was
        for n in [n for n in ast.walk(fdef) if isinstance(n, ast.Assign) and len(n.targets) == 1
                  and isinstance(n.targets[0], (ast.Name, ast.Subscript))]:
            # `grad = ...` meant as `grad += ...`, `d[i] = -1` as `d[i] -= 1`
            parent = parents.get(id(n))
            neg = isinstance(n.value, ast.UnaryOp) and isinstance(n.value.op, ast.USub)
            for op, value in ((ast.Sub(), n.value.operand),) if neg else \
                    ((ast.Add(), n.value), (ast.Sub(), n.value)):
                alt = ast.AugAssign(n.targets[0], op, value)
                swapped(parent, n, alt, f"with `{_src(n, 50)}` written as `{_src(alt, 50)}`",
                        "an update written as an assignment")
        for n in [n for n in ast.walk(fdef) if isinstance(n, ast.Subscript)
                  and isinstance(n.slice, ast.Tuple) and any(
                      isinstance(e, ast.Constant) and e.value is None for e in n.slice.elts)]:
            # `v[:, None]` where `v` belongs
            swapped(parents.get(id(n)), n, n.value,
                    f"with `{_src(n, 50)}` written as `{_src(n.value, 50)}`", "an axis added")
        numeric = [a for a in params if a in floats]
        for n in [n for n in ast.walk(fdef) if isinstance(n, ast.Constant)
                  and type(n.value) is float and n.value not in (0.0, 1.0, 0.5, 2.0)]:
            parent = parents.get(id(n))          # a number typed where an argument belongs
            for a in numeric:
                swapped(parent, n, ast.Name(a, ast.Load()), f"with `{n.value!r}` written as `{a}`",
                        "a number written where the argument belongs")
        for holder in list(ast.walk(fdef)):     # a loop's first step that belongs before it
            for field_ in ("body", "orelse"):
                stmts = getattr(holder, field_, None)
                if not isinstance(stmts, list):
                    continue
                for i in range(len(stmts)):
                    loop = stmts[i]
                    if not isinstance(loop, (ast.For, ast.While)) or len(loop.body) < 2 or \
                            not isinstance(loop.body[0], ast.Assign):
                        continue
                    first = loop.body.pop(0)
                    stmts.insert(i, first)
                    try:
                        build(fdef, f"with `{_src(first, 50).splitlines()[0]}` done once, "
                              "before the loop", "a state reset at every pass", 2)
                    finally:
                        stmts.pop(i)
                        loop.body.insert(0, first)
        for holder in list(ast.walk(fdef)):     # the step after a loop indented into it
            for field_ in ("body", "orelse"):
                stmts = getattr(holder, field_, None)
                if not isinstance(stmts, list):
                    continue
                for i in range(len(stmts) - 1):
                    loop, after = stmts[i], stmts[i + 1]
                    if not isinstance(loop, (ast.For, ast.While)) or \
                            isinstance(after, ast.Return):
                        continue
                    stmts.pop(i + 1)
                    loop.body.append(after)
                    try:
                        build(fdef, f"with `{_src(after, 50).splitlines()[0]}` inside the loop, "
                              "at the end of every pass", "a step indented one level too little", 2)
                    finally:
                        loop.body.pop()
                        stmts.insert(i + 1, after)
        for n in [n for n in ast.walk(fdef) if isinstance(n, ast.Call) and len(n.args) == 1
                  and _callee(n) in ("exp", "tanh", "sigmoid", "log1p", "expm1")
                  and not isinstance(n.args[0], ast.UnaryOp)]:
            arg = n.args[0]
            before = _src(n, 60)
            n.args = [ast.UnaryOp(ast.USub(), arg)]
            try:
                build(fdef, f"with `{before}` written as `{_src(n, 60)}`", "a sign dropped", 2)
            finally:
                n.args = [arg]
        for n in [n for n in ast.walk(fdef) if isinstance(n, ast.Call) and len(n.args) >= 2]:
            args = n.args
            for a, b in itertools.combinations(range(min(len(args), 5)), 2):
                if isinstance(args[a], ast.Name) and isinstance(args[b], ast.Name) or \
                        isinstance(args[a], ast.Starred) or isinstance(args[b], ast.Starred):
                    continue            # two names: the edits above swap them
                before = _src(n, 60)
                n.args = [args[b] if k == a else args[a] if k == b else x
                          for k, x in enumerate(args)]
                try:
                    build(fdef, f"with `{before}` written as `{_src(n, 60)}`",
                          "arguments passed in the wrong order", 2)
                finally:
                    n.args = args
        for n in [n for n in ast.walk(fdef) if isinstance(n, ast.Subscript)]:
            sl = n.slice
            if isinstance(sl, ast.Slice):
                alt = ast.Tuple([ast.Slice(), sl], ast.Load())
            elif isinstance(sl, ast.Tuple) and len(sl.elts) == 2 and \
                    isinstance(sl.elts[0], ast.Slice) and sl.elts[0].lower is None and \
                    sl.elts[0].upper is None and isinstance(sl.elts[1], ast.Slice):
                alt = sl.elts[1]
            else:
                continue
            before = _src(n, 60)
            n.slice = alt
            try:
                build(fdef, f"with `{before}` written as `{_src(n, 60)}`",
                      "a slice on the other axis", 2)
            finally:
                n.slice = sl
        for n in [n for n in ast.walk(fdef) if isinstance(n, ast.Constant)
                  and isinstance(n.value, str) and isinstance(parents.get(id(n)), ast.Compare)]:
            was = n.value
            for word in words:
                if word == was:
                    continue
                n.value = word
                try:
                    build(fdef, f"with `{was!r}` written as `{word!r}`",
                          "another string compared with", 2)
                finally:
                    n.value = was
    out.sort(key=lambda r: r.rank)
    if student is not None:
        return out
    if not helper:
        out += _through_helpers(ref, fdef)
    with _LOCK:
        _CACHE[key] = out
    return out


def _through_helpers(ref: types.FunctionType, fdef: ast.FunctionDef) -> list[Rewrite]:
    """Rewrites of the reference helpers ref calls (course.reference functions no task grades,
    e.g. the LSTM scan behind lstm_forward), each run through an unchanged ref."""
    from autograder.tasks import available_modules

    graded = {n for m in available_modules() for t in m.tasks for n in t.needs}
    out = []
    called = sorted({n.func.id for n in ast.walk(fdef) if isinstance(n, ast.Call)
                     and isinstance(n.func, ast.Name)})
    for name in called:
        helper = ref.__globals__.get(name)
        if name in graded or not isinstance(helper, types.FunctionType) or \
                not (helper.__module__ or "").startswith("course.reference"):
            continue
        for rw in _rewrites(helper, helper=True):
            ns = dict(ref.__globals__)
            ns[name] = rw.fn
            fn = types.FunctionType(ref.__code__, ns, ref.__name__, ref.__defaults__, ref.__closure__)
            fn.__kwdefaults__ = ref.__kwdefaults__
            out.append(Rewrite(f"{rw.what} (in the helper {name})", rw.why, rw.rank + 1, fn))
    return out


def _alike(v: str, w: str) -> bool:
    """Named alike: `val_errors` and `train_errors`, `h_prev` and `h_next`."""
    a, b = v.split("_"), w.split("_")
    return len(a) >= 2 and len(b) >= 2 and (a[-1] == b[-1] or a[0] == b[0])


def _module_keys(ref: types.FunctionType) -> set[str]:
    """The string keys the functions of ref's module index with (params["enc_Wx"], ...)."""
    out: set[str] = set()
    for f in list(ref.__globals__.values()):
        if not isinstance(f, types.FunctionType) or f.__module__ != ref.__module__:
            continue
        try:
            tree = ast.parse(_source(f))
        except (OSError, TypeError, SyntaxError):
            continue
        out |= {n.slice.value for n in ast.walk(tree) if isinstance(n, ast.Subscript)
                and isinstance(n.slice, ast.Constant) and isinstance(n.slice.value, str)}
    return out


def _siblings(ref: types.FunctionType) -> dict[str, set[str]]:
    """{function of ref's module: the module's other functions taking as many positional
    arguments}: a call to one may be a call to another by mistake."""
    funcs = {n: f for n, f in ref.__globals__.items() if isinstance(f, types.FunctionType)
             and f.__module__ == ref.__module__ and not n.startswith("_") and f is not ref}
    arity = {n: f.__code__.co_argcount for n, f in funcs.items()}
    return {n: {m for m in funcs if m != n and arity[m] == arity[n]} for n in funcs}


class _Ones(ast.NodeTransformer):
    """`a * var` and `var * a` become `a`."""

    def __init__(self, var: str):
        self.var = var

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.Mult):
            for keep, drop in ((node.left, node.right), (node.right, node.left)):
                if isinstance(drop, ast.Name) and drop.id == self.var:
                    return keep
        return node


class _Unselect(ast.NodeTransformer):
    """Every `a[var]` (a Name indexed by the Name var) becomes `a`."""

    def __init__(self, var: str):
        self.var, self.names = var, []

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.slice, ast.Name) and node.slice.id == self.var and \
                isinstance(node.ctx, ast.Load) and isinstance(node.value, ast.Name):
            if node.value.id not in self.names:
                self.names.append(node.value.id)
            return node.value
        return node


def _is_text(node: ast.AST) -> bool:
    """String constants are not rewritten one by one (docstrings; keys swap as a family)."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


# ----------------------------------------------------------------------------- explaining

_RESULTS: OrderedDict = OrderedDict()     # (rewrite id, call digest) -> Seen or None
_RESULTS_MAX = 20_000


def _digest(call: Call) -> str | None:
    try:
        return hashlib.sha256(pickle.dumps((call.args, call.kwargs), protocol=5)).hexdigest()
    except Exception:
        return None


class _Slow(Exception):
    pass


def _alarm(signum, frame):
    raise _Slow


def _run(fn: Callable, call: Call, limit: float | None = None,
         raised: bool = False) -> Seen | None:
    """What fn does on a copy of the call's inputs; None if it passes `limit` s of CPU time
    (enforced only in the main thread, as in the forked search) or raises (with `raised`, the
    error instead)."""
    args, kwargs = copy.deepcopy((call.args, call.kwargs))
    before = _leaves((call.args, call.kwargs))
    timed = limit is not None and threading.current_thread() is threading.main_thread()
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            if timed:
                # CPU time, not wall-clock: the same edits time out on a busy machine as on an
                # idle one (a call that sleeps is ended by the search's own wall-clock limit)
                old = signal.signal(signal.SIGPROF, _alarm)
                signal.setitimer(signal.ITIMER_PROF, limit)
            try:
                out = fn(*args, **kwargs)
            finally:
                if timed:
                    signal.setitimer(signal.ITIMER_PROF, 0)
                    signal.signal(signal.SIGPROF, old)
    except (_Slow, MemoryError, RecursionError):
        return None
    except Exception as e:
        return Seen({"!raised": _error_text(e)}) if raised else None
    after = _leaves((args, kwargs))
    changed = {k: v for k, v in after.items() if k not in before or not _same(v, before[k], 0.0)}
    return Seen(_leaves(out), changed)


def _student(call: Call) -> Seen:
    return Seen(_leaves(call.out), _leaves((call.after, call.after_kw)))


def _cached(rw: Rewrite | None, fn: Callable, call: Call, digest: str | None) -> Seen | None:
    key = (id(rw.fn) if rw else id(fn), digest)
    if digest is not None:
        with _LOCK:
            if key in _RESULTS:
                _RESULTS.move_to_end(key)
                return _RESULTS[key]
    t0 = time.thread_time()
    seen = _run(rw.fn if rw else fn, call)
    if seen is not None:
        seen.took = time.thread_time() - t0
    if digest is not None:
        with _LOCK:
            _RESULTS[key] = seen
            while len(_RESULTS) > _RESULTS_MAX:
                _RESULTS.popitem(last=False)
    return seen


def _judged(student: Seen, reference: Seen, opaque: set[int]) -> tuple[dict, set[str]]:
    """The student's leaves on the paths the reference sets (outputs, changed inputs)."""
    s_all = student.all()
    if "out!raised" in s_all:
        return s_all, {"out!raised"}
    ref_all = reference.all()
    return s_all, {k for k in _comparable(student, reference, opaque)
                   if k.startswith("out") or k.startswith("in") and k in ref_all}


def explain_call(ref: types.FunctionType, calls: list[Call], budget: float = BUDGET,
                 fn_name: str | None = None, student_src: str | None = None) -> str | None:
    """The rewrite of `ref` that reproduces the student's recorded calls, described; or None.
    student_src: the student's def, to prefer, of two edits that both reproduce every call,
    the one whose code looks more like it."""
    if not calls:
        return None
    opaque = _opaque(ref)
    digests = [_digest(c) for c in calls]
    t0 = time.thread_time()
    refs = [_cached(None, ref, c, d) for c, d in zip(calls, digests, strict=True)]
    t_ref = max(time.thread_time() - t0, sum(r.took for r in refs if r is not None))
    if t_ref > SLOW * len(calls):
        return None
    judged = []
    first = None
    for i, (c, r) in enumerate(zip(calls, refs, strict=True)):
        if r is None:
            judged.append(None)
            continue
        s_all, keys = _judged(_student(c), r, opaque)
        judged.append((s_all, keys))
        if first is None and not _agree(s_all, r.all(), keys):
            first = i
    if first is None or _degenerate(judged[first][0], judged[first][1]):
        return None
    rest = [i for i in range(len(calls)) if i != first and judged[i] is not None]
    differ = [i for i in rest if not _agree(judged[i][0], refs[i].all(), judged[i][1])]
    order = ([first] + differ + [i for i in rest if i not in differ])[:32]
    key = (ref.__module__, ref.__qualname__, tuple(digests), _leaves_digest(judged, order))
    with _LOCK:
        hit = _VERDICTS.get(key)
    if hit is None:
        kinds = _kinds(ref, calls[first])
        rws = [rw for rw in rewrites(ref) if rw.reads is None or not (
            kinds.get(rw.reads[0]) and kinds.get(rw.reads[1])) or
            kinds[rw.reads[0]] & kinds[rw.reads[1]]]
        # the edits that write a line of the student's the reference does not have (at its
        # indentation) are tried first, in their order
        novel = _novel_lines(student_src, ref) if student_src else ()
        if novel:
            rws = _like_student(rws, novel, ref, _lost_callees(student_src, ref))
        # a rewrite that behaves like the student runs about as long as the reference: one
        # that takes many times longer (a loop that never ends) is cut short
        each = min(1.0, max(0.05, 4 * t_ref / len(calls)))

        def search(emit: Callable[[list], None]) -> None:
            """Emit [k] for each rewrite matching every judged value (at most two), and
            [k, paths] for each better one matching most of the wrong values and none of the
            right ones."""
            full, best, weak = 0, 0, 0
            # CPU seconds of this search (a forked child: one thread), so that a busy machine
            # gives the same answer as an idle one, only later
            start, last = time.thread_time(), len(rws)
            for k, rw in enumerate(rws):
                if k > last:
                    break
                if time.thread_time() - start > budget:
                    return
                score, paths = _score(rw, calls, judged, refs, order, each)
                if score == -2:
                    weak += 1
                    if weak > 2:       # many edits give these values: no evidence
                        return
                    emit([k, [], 2])
                elif score == -1:
                    emit([k, sorted(p for p in paths if p.endswith('!raised')), 1])
                    full += 1
                    if full >= 4:
                        break
                    # another edit may explain it as well (the one that reads most like the
                    # student's code is named first): look a little further, a number of
                    # edits and not seconds, so that the answer is the same on any machine
                    last = min(last, k + WINDOW)
                elif score is not None and score > best and not full:
                    emit([k, sorted(paths)])
                    best = score
            emit([-1])         # every rewrite tried

        got = _apart(search, 3 * budget + 1.0)     # wall-clock: a busy machine's CPU share
        done = [-1] in got
        got = [f for f in got if 0 <= f[0] < len(rws)]
        fulls = [f for f in got if len(f) == 3 and f[2] == 1]
        partial = [f for f in got if len(f) == 2][-1:]
        # values as plain as all zeros count when the search tried every edit and at most
        # two of them give those values
        weak = [f for f in got if len(f) == 3 and f[2] == 2] if done else []
        hit = [(rws[f[0]], f[1] or None) for f in (fulls or partial or weak)]
        with _LOCK:
            _VERDICTS[key] = hit
            while len(_VERDICTS) > 2000:
                _VERDICTS.popitem(last=False)
    if not hit:
        return None
    mine = _statements_of(student_src) if student_src else None
    if len(hit) >= 2 and mine is not None and hit[0][1] == hit[1][1]:   # fit alike
        hit = sorted(hit, key=lambda h: -_likeness(h[0].src, mine))
    text = _describe(fn_name or ref.__name__, hit, _output_names(ref), _arg_names(ref))
    edit = _edit(hit[0][0].src, ref) if mine is not None else None
    literal = None
    if edit is not None:
        edited, removed = edit
        have = {t for _, t in mine}
        moved = next((t for _, t in removed if t in have), None) if not edited else None
        if moved:       # the edit removes a statement the student kept: it is in the wrong place
            moved = moved if len(moved) <= 70 else moved[:67] + "..."
            text += (f"; but your code has `{moved}`: not where it takes effect (done after "
                     "the values it changes are used, or before they are set, in a branch that "
                     "is not taken, or on a copy)?")
        ignored = re.match(r"ignoring the argument `(\w+)`", hit[0][0].what)
        if ignored:         # an argument ignored: the student's edit when they never read it
            literal = not _reads_name(student_src, ignored[1])
        elif edited:        # a statement the edit writes, or its edited part word for word
            flat = "".join(student_src.split())
            literal = any(k in mine for k in edited) or any(
                "".join(y.split()) in flat for y in
                re.findall(r"written as `([^`]+)`", hit[0][0].what) if not y.endswith("..."))
        elif removed:       # a removal: theirs unless they kept what it removes
            literal = not moved
    return Explanation(text, fn_name or ref.__name__, literal)


def _reads_name(src: str, name: str) -> bool:
    """Does the def's body read the variable `name`?"""
    try:
        tree = ast.parse(textwrap.dedent(src))
    except SyntaxError:
        return True
    return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)
               for n in ast.walk(tree))


class Explanation(str):
    """A diagnosis's text, with the function it names (`fn`); for a rewrite, whether the
    student's code has what the edit writes (`literal`; None: unknown); for a located line,
    the line and the operation it names."""

    fn: str = ""
    literal: bool | None = None
    stmt: str = ""      # a located line
    op: str = ""        # ... and the operation in it that it names

    def __new__(cls, text: str, fn: str = "", literal: bool | None = None, stmt: str = "",
                op: str = ""):
        out = super().__new__(cls, text)
        out.fn, out.literal, out.stmt, out.op = fn, literal, stmt, op
        return out


def _edit(src: str, ref: types.FunctionType) -> tuple[collections.Counter, collections.Counter
                                                       ] | None:
    """(statements the rewrite `src` has and the reference not, and the other way round), each
    as (loop depth, text); None when either does not parse."""
    try:
        ours = _statements_of(_source(ref))
    except (OSError, TypeError):
        return None
    theirs = _statements_of(src)
    return None if ours is None or theirs is None else (theirs - ours, ours - theirs)


def _statements(fdef: ast.AST) -> collections.Counter:
    """Each simple statement of a def, and each loop's and branch's header (`if a > b`), as
    (loops around it, its text)."""
    out: collections.Counter = collections.Counter()

    def walk(body: list, depth: int) -> None:
        for st in body:
            if isinstance(st, (ast.For, ast.While, ast.If)):
                head = f"for {ast.unparse(st.target)} in {ast.unparse(st.iter)}" if \
                    isinstance(st, ast.For) else ast.unparse(st.test)
                out[(depth, head)] += 1
            if isinstance(st, (ast.For, ast.While)):
                walk(st.body, depth + 1)
                walk(st.orelse, depth)
            elif isinstance(st, (ast.If, ast.With, ast.Try)):
                for part in ("body", "orelse", "finalbody"):
                    walk(getattr(st, part, []) or [], depth)
                for h in getattr(st, "handlers", []):
                    walk(h.body, depth)
            elif not isinstance(st, (ast.FunctionDef, ast.ClassDef)):
                out[(depth, ast.unparse(st))] += 1

    walk(getattr(fdef, "body", []), 0)
    return out


def _novel_lines(student_src: str, ref: types.FunctionType) -> tuple[str, ...]:
    """The lines of the student's def, unparsed with their indentation, that the reference's
    def does not have (at most 8; none when either does not parse)."""
    try:
        mine = ast.parse(textwrap.dedent(student_src)).body[0]
        theirs = ast.parse(textwrap.dedent(_source(ref))).body[0]
    except (SyntaxError, IndexError, ValueError, TypeError, OSError):
        return ()
    for f in (mine, theirs):
        f.decorator_list = []
        if f.body and isinstance(f.body[0], ast.Expr) and isinstance(f.body[0].value, ast.Constant):
            f.body = f.body[1:] or [ast.Pass()]
    have = set(ast.unparse(theirs).splitlines()[1:])
    novel = [ln for ln in ast.unparse(mine).splitlines()[1:] if ln not in have and ln.strip()]
    return tuple(dict.fromkeys(f"\n{ln}\n" for ln in novel))[:8]


def _tokens(line: str) -> set[str]:
    return set(re.findall(r"\w+|[^\w\s]", line))


def _lost_callees(student_src: str, ref: types.FunctionType) -> set[str]:
    """The functions the reference calls on a line the student's def does not have: a
    helper the student replaced by code of their own (`dict(params)` for `zeros_like(params)`)."""
    try:
        mine = ast.parse(textwrap.dedent(student_src)).body[0]
        theirs = ast.parse(textwrap.dedent(_source(ref))).body[0]
    except (SyntaxError, IndexError, ValueError, TypeError, OSError):
        return set()
    have = {ast.unparse(s) for s in ast.walk(mine) if isinstance(s, ast.stmt)}
    return {_callee(c) for s in ast.walk(theirs) if isinstance(s, (ast.Assign, ast.Expr))
            and ast.unparse(s) not in have for c in ast.walk(s) if isinstance(c, ast.Call)} - {None}


def _like_student(rws: list[Rewrite], novel: tuple[str, ...], ref: types.FunctionType,
                  lost: set[str] = frozenset()) -> list[Rewrite]:
    """rws, those that write one of the student's `novel` lines word for word (at its
    indentation) first, then those whose first changed line shares most of its tokens with
    one (at least half), then the edits of a helper the student no longer calls on a line
    (`lost`), each group in its own order."""
    try:
        fdef = ast.parse(textwrap.dedent(_source(ref))).body[0]
    except (SyntaxError, IndexError, ValueError, TypeError, OSError):
        return rws
    fdef.decorator_list = []
    base = ast.unparse(fdef).splitlines()
    indent = lambda line: len(line) - len(line.lstrip())                 # noqa: E731
    wanted = [(indent(n.strip("\n")), _tokens(n)) for n in novel]

    helpers = tuple(f"(in the helper {h})" for h in lost)

    def score(rw: Rewrite) -> float:
        src = rw.src + "\n"
        if any(n in src for n in novel):
            return 2.0
        if helpers and rw.what.endswith(helpers):
            return 0.45
        new = rw.src.splitlines()
        k = next((i for i, (a, b) in enumerate(zip(base, new)) if a != b), None)
        if k is None:
            return 0.0
        got, at = _tokens(new[k]), indent(new[k])
        best = max((len(got & w) / len(got | w) for i, w in wanted if i == at), default=0.0)
        return round(best, 1) if best >= 0.5 else 0.0
    return sorted(rws, key=lambda rw: -score(rw))


def _statements_of(src: str) -> collections.Counter | None:
    """_statements of a def's text (None when it does not parse)."""
    try:
        return _statements(ast.parse(textwrap.dedent(src)).body[0]) if src else None
    except (SyntaxError, IndexError, ValueError):
        return None


def _likeness(src: str, mine: collections.Counter | None) -> float:
    """How much of a rewritten def reads like the student's (`mine`, its _statements): shared
    statements, each at the same loop depth, over all (0 when unknown)."""
    theirs = _statements_of(src)
    if mine is None or theirs is None:
        return 0.0
    both, either = sum((mine & theirs).values()), sum((mine | theirs).values())
    return both / either if either else 0.0


def _kind(v: object) -> tuple:
    if isinstance(v, np.ndarray) and v.ndim:
        return ("array",)      # any shape: one array read for another may broadcast
    if isinstance(v, (int, float, np.number, np.ndarray)) and not isinstance(v, bool):
        return ("number",)
    return (type(v).__name__,)


def _kinds(ref: types.FunctionType, call: Call) -> dict[str, set[tuple]]:
    """{local variable: the kinds of value (type, shape) it holds} in one run of ref on the
    call: one variable read for another is only tried where both can hold the same kind."""
    seen: dict[str, set[tuple]] = {}
    code = ref.__code__
    events = [0]

    def tracer(frame, event, arg):
        events[0] += 1
        if frame.f_code is not code or events[0] > 20_000:     # a long loop: enough seen
            return None
        for k, v in frame.f_locals.items():
            seen.setdefault(k, set()).add(_kind(v))
        return tracer

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        _run_raw(ref, call)
    finally:
        sys.settrace(old)
    return seen


def _score(rw: Rewrite, calls: list[Call], judged: list, refs: list, order: list[int],
           each: float) -> tuple[int | None, set[str]]:
    """(-1, _) when the rewrite reproduces every judged value of every call; (n, outputs) when
    it reproduces, on every call, each value the student got wrong in n of the outputs (at
    least half of the wrong ones) and breaks none they got right; (None, _) otherwise."""
    wrong: dict[str, bool] = {}       # output -> reproduced wherever the student is wrong
    telling, hits, plain = False, 0, True
    for i in order:
        seen = _run(rw.fn, calls[i], each, raised=True)
        if seen is None:
            return None, set()
        s_all, keys = judged[i]
        r_all, m_all = refs[i].all(), seen.all()
        if any(p.startswith("in") and p not in m_all for p in keys):
            # an input the rewrite left unchanged holds its value from before the call
            m_all = {**{"in" + k: v for k, v in _leaves((calls[i].args, calls[i].kwargs)).items()},
                     **m_all}
        for path in keys:
            right = path in s_all and path in r_all and _same(s_all[path], r_all[path])
            # absent from both the student's result and the rewrite's counts as the same
            same = (path in s_all) == (path in m_all) and (
                path not in s_all or _same(s_all[path], m_all[path]))
            if right and not same:
                return None, set()
            if not right:
                top = _top(path)
                wrong[top] = wrong.get(top, True) and same
                telling = telling or same and path in s_all and _telling(s_all[path])
                plain = plain and _plain(s_all.get(path))
                hits += same
    matched = {t for t, ok in wrong.items() if ok}
    telling = telling or hits >= 4          # many small values (a list of ids) reproduced
    if matched and not telling and plain and len(matched) == len(wrong):
        return -2, matched             # all zeros: evidence only if no other edit does it
    if not telling or not matched:     # a small integer or a flag: equal by chance too often
        return None, set()
    if len(matched) == len(wrong):
        return -1, matched
    return (len(matched), matched) if 2 * len(matched) >= len(wrong) else (None, set())


def _telling(v: object) -> bool:
    """Is a value specific enough that a rewrite reproducing it is evidence? Not a few
    integers or flags (an index, a count, a boolean), which other bugs hit by chance."""
    if isinstance(v, str):         # an error message naming shapes or sizes
        return any(ch.isdigit() for ch in v)
    if not isinstance(v, np.ndarray) or v.dtype.kind not in "fciub":
        return False
    if v.size >= 4 and np.unique(v.ravel()[:10_000]).size > 1:
        return True       # an array whose entries differ
    x = v.ravel()[:1] if v.size >= 4 else v     # all equal: as telling as that one value
    x = x.astype(np.complex128 if v.dtype.kind == "c" else np.float64)
    return bool(np.any(np.isfinite(x) & (x != np.round(x.real))))


def _plain(v: object) -> bool:
    """A float value whose entries are all equal (zeros, say), not an index or a flag."""
    return isinstance(v, float) or isinstance(v, np.ndarray) and v.dtype.kind == "f"


def _top(path: str) -> str:
    """'out/2/W1' -> 'out/2': the returned value (or changed input) a path belongs to."""
    parts = path.split("/")
    return "/".join(parts[:3] if parts[0] == "in" else parts[:2])


_VERDICTS: OrderedDict = OrderedDict()    # (function, call digests, student digest) -> rewrites


def _leaves_digest(judged: list, order: list[int]) -> str:
    h = hashlib.sha256()
    for i in order:
        s_all, keys = judged[i]
        for k in sorted(keys):
            v = s_all.get(k)
            h.update(k.encode())
            h.update(v.tobytes() if isinstance(v, np.ndarray) else repr(v).encode())
    return h.hexdigest()


def _apart(search: Callable[[Callable[[list], None]], None], timeout: float,
           cpu: float | None = None) -> list[list]:
    """Run `search(emit)` in a forked child with its own memory limit, killed at `timeout`
    seconds (a rewrite may loop, or ask for far too much memory), or at `cpu` seconds of its
    own CPU time, whichever comes first: a CPU limit gives a busy machine (a shared hub node,
    a test worker) the same answer as an idle one. What it emitted before the end counts.
    Without fork, run it here."""
    found: list[list] = []
    if not hasattr(os, "fork"):
        try:
            search(found.append)
        except Exception:
            pass
        return found
    r, w = os.pipe()
    with warnings.catch_warnings():     # Python 3.12 warns about fork in a threaded process
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:                                   # the child: never returns
        try:
            os.close(r)
            _limit_memory()
            if cpu is not None and resource is not None:
                whole = max(1, math.ceil(cpu))     # the child's CPU clock starts at 0
                resource.setrlimit(resource.RLIMIT_CPU, (whole, whole + 1))
            search(lambda item: os.write(w, (json.dumps(item) + "\n").encode()))
        finally:
            os._exit(0)
    os.close(w)
    data = b""
    end = time.monotonic() + timeout
    try:
        while True:
            left = end - time.monotonic()
            if left <= 0 or not select.select([r], [], [], left)[0]:
                break
            chunk = os.read(r, 65536)
            if not chunk:
                break
            data += chunk
    finally:
        os.close(r)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
    for line in data.decode(errors="replace").splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if isinstance(item, list) and item and isinstance(item[0], int):
            found.append(item)
    return found


def _limit_memory(extra: int = 1 << 28) -> None:
    """Cap the child's address space at what it has now plus `extra` bytes (Linux)."""
    try:
        with open("/proc/self/status") as f:
            vm = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmSize:"))
        resource.setrlimit(resource.RLIMIT_AS, (vm + extra, vm + extra))
    except (OSError, ValueError, StopIteration):
        pass


def _degenerate(s_all: dict, keys: set[str]) -> bool:
    """Nothing to learn from: every judged array is all zeros or not finite."""
    arrays = [s_all[k] for k in keys if isinstance(s_all.get(k), np.ndarray)
              and s_all[k].dtype.kind in "fc" and s_all[k].size > 1]
    return bool(arrays) and all(not np.any(a) or not np.all(np.isfinite(a)) for a in arrays)


def _output_names(ref: types.FunctionType) -> list[str]:
    """The names the reference returns (`return dx, dh_prev, dW` -> ['dx', 'dh_prev', 'dW'])."""
    try:
        fdef = ast.parse(_source(ref)).body[0]
    except (OSError, TypeError, SyntaxError, IndexError):
        return []
    rets = [n.value for n in ast.walk(fdef) if isinstance(n, ast.Return) and n.value is not None]
    if not rets:
        return []
    v = rets[-1]
    elts = v.elts if isinstance(v, ast.Tuple) else [v]
    return [_src(e, 20) for e in elts]


def _arg_names(ref: object) -> list[str]:
    try:
        return list(inspect.signature(ref).parameters)
    except (TypeError, ValueError):
        return []


def _describe(name: str, found: list, outputs: list[str], args: list[str] = ()) -> str:
    rw, paths = found[0]
    if paths:
        outs, ins = [], []
        for p in paths:
            kind, _, pos = p.partition("/")
            if kind == "out" and pos.isdigit() and int(pos) < len(outputs) and len(outputs) > 1:
                outs.append(f"`{outputs[int(pos)]}`")
            elif kind == "in":
                where, _, arg = pos.partition("/")
                k = int(arg) if where == "0" and arg.isdigit() else None
                ins.append(f"`{args[k]}`" if k is not None and k < len(args) else
                           f"argument {k + 1}" if k is not None else f"`{arg}`")
            else:
                outs.append("the result")
        outs, ins = list(dict.fromkeys(outs)), list(dict.fromkeys(ins))  # each named once
        said = []
        if outs:
            said.append(f"{', '.join(outs)} of your {name}")
        if ins:
            said.append(f"what your {name} does to {' and '.join(ins)}")
        plural = len(outs) + len(ins) > 1
        subject = f"{' and '.join(said)} behave{'' if plural else 's'}"
        if any(p.endswith("!raised") for p in paths):
            subject = f"your {name} raises the same error as the correct code would"
            return f"{subject} {rw.what}: {rw.why}"
    else:
        subject = f"your {name} behaves"
    text = f"{subject} like the correct code {rw.what}: {rw.why}"
    if len(found) > 1 and found[1][0].what != rw.what:
        text += f" (or: {found[1][0].what})"
    return text


def changed_inputs(fns: tuple[object, ...], references: dict[str, object]) -> None:
    """Fail when a function left unchanged an argument its reference updates in place: the
    notebooks promise those updates ("in place", sgd_step, the momentum rules, optimise), and
    the caller never sees values computed on a copy. Changing an argument the reference leaves
    alone fails only when the reference, run on the argument as it was left, gives another
    result (`_spoilt`): in-place variants that keep the result are correct."""
    from autograder.result import CheckFailed

    if (found := _clobbered(fns, references)) is not None:
        fn, arg = found
        summary, why = (f"{fn} changed its argument {arg}",
                        f"a backward function returns new arrays and leaves the gradient it "
                        f"receives and its cache as they were (module 02): the caller may still "
                        f"read {arg} (a gradient check does, and so does a layer whose output "
                        f"feeds two others)")
        hint, mistake = (f"compute the result into a new array (`dx = dout * mask`), not in "
                         f"place on {arg} (`dout[...] = 0` or `dout *= ...` changes the caller's "
                         "array)", "changed-upstream")
    elif (found := _spoilt(fns, references)) is not None:
        fn, arg = found
        summary, why = (f"{fn} changed its argument {arg}, and that changes the result",
                        f"the correct {fn} gives another result on {arg} as your {fn} leaves it "
                        f"than on the {arg} it was given: a caller that uses {arg} again (a "
                        "training loop) gets wrong values")
        hint, mistake = (f"compute into a new array (`r = a - b`), not in place on {arg} (`r = "
                         f"{arg[1:-1]}` then `r -= ...` changes {arg} itself)", "spoilt-input")
    elif (found := _unchanged(fns, references)) is not None:
        fn, arg = found
        summary, why = (f"{fn} left its argument {arg} unchanged",
                        f"{fn} updates {arg} in place: the caller's object must hold the new "
                        "values after the call")
        hint, mistake = (f"change the entries of {arg} itself (e.g. `p[k] -= ...` or `p[k] = "
                         "...`), not a copy or a new object", "unchanged-input")
    else:
        return
    raise CheckFailed(summary, [why], hint=hint, mistake=mistake)


def _args_changed(fns: tuple[object, ...], references: dict[str, object],
                  backward: bool = False) -> Iterator[tuple[Recorder, Call, list[str], int]]:
    """(recorder, call, parameter names, position) of each argument a student's call changed
    that its reference leaves as it is (the first two calls of each function; `backward`:
    of `*_backward` functions only)."""
    for f in fns:
        name = getattr(f, "_name", "") or ""
        ref = references.get(name)
        if not isinstance(f, Recorder) or backward and not name.endswith("_backward"):
            continue
        if not isinstance(ref, types.FunctionType) and not backward:
            continue
        # a student release has no reference of an unpublished module: no course backward
        # changes its arguments, so there every change counts
        ref = ref if isinstance(ref, types.FunctionType) else None
        try:
            params = list(inspect.signature(ref or f._fn).parameters)
        except (TypeError, ValueError):
            params = []
        for call in f.calls[:2]:
            if isinstance(call.out, Raised) or len(call.after) != len(call.args) or \
                    call.caches and not backward:
                continue
            mine = _changed(call)
            if not mine:
                continue
            ours: set[int] = set()
            if ref is not None:
                seen = _cached(None, ref, call, _digest(call))
                if seen is None:
                    continue
                ours = {int(k.split("/")[2]) for k in seen.inputs if k.startswith("/0/")}
            for i in sorted(mine - ours):
                yield f, call, params, i


def _arg(params: list[str], i: int) -> str:
    return f"`{params[i]}`" if i < len(params) else f"argument {i + 1}"


def _clobbered(fns: tuple[object, ...], references: dict[str, object]) -> tuple[str, str] | None:
    """(function, argument) of a backward function (`*_backward`) that changed an argument
    its reference leaves as it is: the notebooks promise that a backward returns new arrays."""
    for f, _, params, i in _args_changed(fns, references, backward=True):
        return f._name, _arg(params, i)
    return None


def _spoilt(fns: tuple[object, ...], references: dict[str, object]) -> tuple[str, str] | None:
    """(function, argument) of an argument a function changed that its reference leaves as it
    is, where the reference's result on the changed argument differs (in-place work on a
    caller's array that matters to a second call). No error: an in-place change that leaves
    the result as it is, or an argument that now holds the function's own result (ReLU or
    clipping done in place); a backward's arguments are `_clobbered`'s."""
    for f, call, params, i in _args_changed(fns, references):
        ref = references[f._name]
        seen = _cached(None, ref, call, _digest(call))
        if seen is None:
            continue
        outs = [v for v in _leaves(call.out).values() if isinstance(v, np.ndarray)]
        kept = [v for v in _leaves(call.after[i]).values() if isinstance(v, np.ndarray)]
        if kept and all(any(o.shape == v.shape and np.array_equal(o, v) for o in outs)
                        for v in kept):
            continue      # its result computed in place, in the argument: an idiom
        args = call.args[:i] + (call.after[i],) + call.args[i + 1:]
        again = _cached(None, ref, Call(args, call.kwargs, None, (), {}), None)
        if again is not None and not _agree(again.out, seen.out, set(seen.out)):
            return f._name, _arg(params, i)
    return None


def unchanged_args(fns: tuple[object, ...], references: dict[str, object]) -> str | None:
    """The same, as a diagnosis of a task that failed otherwise."""
    found = _unchanged(fns, references)
    if found is None:
        return None
    fn, arg = found
    return (f"your {fn} leaves its argument {arg} unchanged, which the correct code updates in "
            f"place: change the entries of {arg} itself (`p[k] -= ...`), not a copy or a new "
            "object (`p = {...}` or `p = p - ...` only rebinds the name)")


def _unchanged(fns: tuple[object, ...], references: dict[str, object]) -> tuple[str, str] | None:
    """(function, argument) of an argument a function left unchanged that its reference
    updates in place."""
    recorders = {f._name: f for f in fns if isinstance(f, Recorder)}
    for f in recorders.values():
        ref = references.get(f._name)
        if not isinstance(ref, types.FunctionType):
            continue
        params = list(inspect.signature(ref).parameters)
        for call in f.calls:
            if isinstance(call.out, Raised):
                continue
            theirs = _changed(call)
            replay = _with_reference_caches(call, recorders, references)
            seen = None if replay is None else _cached(None, ref, replay, _digest(replay))
            if seen is None:
                continue
            ours = {int(k.split("/")[2]) for k in seen.inputs if k.startswith("/0/")}
            for i in sorted(ours - theirs):
                return f._name, f"`{params[i]}`" if i < len(params) else f"argument {i + 1}"
    return None


def _changed(call: Call) -> set[int]:
    """Positions of the arguments the student's call changed (data only)."""
    out = set()
    for i, (a, b) in enumerate(zip(call.args, call.after, strict=False)):
        la, lb = _leaves(a), _leaves(b)
        if la and (set(la) != set(lb) or not all(_same(la[k], lb[k], 0.0) for k in la)):
            out.add(i)
    out |= {int(k) for k in call.left if k.isdigit()}
    return out


def explain(fns: tuple[object, ...], references: dict[str, object]) -> str | None:
    """For a failed task: describe the first recorded function whose calls a rewrite of its
    reference reproduces. references: {name: reference function}."""
    budget = BUDGET
    if budget <= 0:
        return None
    recorders = {f._name: f for f in fns if isinstance(f, Recorder)}
    for f in recorders.values():
        ref = references.get(f._name)
        if not f.calls or not isinstance(ref, types.FunctionType):
            continue
        calls = [c for c in (_with_reference_caches(c, recorders, references) for c in f.calls)
                 if c is not None]
        for one in (ref, _TWINS.get(ref)):
            if one is None or budget <= 0:
                continue
            t0 = time.perf_counter()
            text = explain_call(one, calls, budget, f._name, _student_source(f._fn))
            budget -= time.perf_counter() - t0
            if text:
                return text
    return None


@dataclass
class _Wrong:
    """The first recorded call of a student's function that disagrees with its reference."""

    fn: Recorder
    ref: types.FunctionType
    remote: bool              # the student's code runs in the sandbox's worker (a stand-in)
    opaque: set[int]
    call: Call
    replay: Call              # the call with the reference forward's caches
    seen: Seen                # what the reference does on it
    bad: set[str]             # the paths where they disagree


def _first_wrong(fns: tuple[object, ...], references: dict[str, object]) -> _Wrong | None:
    recorders = {f._name: f for f in fns if isinstance(f, Recorder)}
    for f in recorders.values():
        ref, mine = references.get(f._name), f._fn
        remote = callable(getattr(mine, "trace", None))
        if not isinstance(ref, types.FunctionType) or not (
                isinstance(mine, types.FunctionType) or remote):
            continue
        opaque = _opaque(ref)
        for call in f.calls:
            replay = _with_reference_caches(call, recorders, references)
            seen = None if replay is None else _cached(None, ref, replay, _digest(replay))
            if seen is None:
                continue
            s_all, keys = _judged(_student(call), seen, opaque)
            r_all = seen.all()
            bad = {k for k in keys if not (k in s_all and k in r_all and _same(s_all[k], r_all[k]))}
            if bad:
                return _Wrong(f, ref, remote, opaque, call, replay, seen, bad)
    return None


def cache_at_fault(fns: tuple[object, ...], references: dict[str, object]) -> str | None:
    """When the first recorded function that disagrees with its reference is right on the
    cache the reference forward makes: the error is in the student's forward."""
    return _cache_blame(_first_wrong(fns, references))


def _cache_blame(w: _Wrong | None) -> str | None:
    if w is None or not w.call.caches or "out!raised" in w.bad or \
            not _right_on(w.fn._fn, w.replay, w.seen, w.opaque, w.remote):
        return None
    fwd = " and ".join(sorted({f"`{n}`" for n, _ in w.call.caches.values()}))
    return (f"your {w.fn._name} gives the right result when it is given the cache the correct "
            f"{fwd} makes from the same inputs: the error is in what your {fwd} puts in its "
            "cache (a wrong value, another step's value, or one changed later in place)")


def located(fns: tuple[object, ...], references: dict[str, object]) -> str | None:
    """For a failed task no rewrite explains: the line where the first recorded function that
    disagrees with its reference first computes a wrong value (autograder.locate)."""
    from autograder import locate

    if BUDGET <= 0:
        return None
    w = _first_wrong(fns, references)
    if w is None or "out!raised" in w.bad or w.seen.took > LOCATE_SLOW:
        return None     # an error says where; a long run would cost more than it tells
    if (blamed := _cache_blame(w)) is not None:
        return blamed
    f, ref, mine, remote, call, replay, bad = (w.fn, w.ref, w.fn._fn, w.remote, w.call,
                                               w.replay, w.bad)
    wrong = {int(k.split("/")[1]) for k in bad
             if k.startswith("out/") and k.split("/")[1].isdigit()}

    returned = any(k.startswith("out") for k in bad)

    def find(emit, call=call, replay=replay, wrong=wrong, mine=mine, ref=ref,
             returned=returned):
        b = locate.blame(mine, ref, call.args, call.kwargs, wrong or None,
                         ref_src=_source(ref), ref_args=(replay.args, replay.kwargs),
                         returned=returned)
        if b is not None:
            emit([0, *astuple(b)])

    # the student's code runs in the sandbox's worker, or here in a forked child
    got: list = []
    if remote:
        try:
            find(got.append)
        except Exception:
            pass
    else:
        got = _apart(find, 16.0, cpu=4.0)
    got = [g for g in got if len(g) == 1 + len(fields(locate.Blame))]
    if not got:
        return None
    found = locate.Blame(*got[0][1:])
    line = _first_line(mine) + found.line - 1
    when = "" if found.first == 1 else f", on pass {found.first} of its loop (pass 1 is " \
        "right)" if found.first == 2 else f", on pass {found.first} of its loop (passes " \
        f"1-{found.first - 1} are right)"
    head = f"your {f._name} goes wrong in line {line}: `{found.stmt}`"
    if found.alias:
        changed, written, made = found.alias
        made += line - found.line
        return Explanation(
            f"{head}: this also changes `{changed}`, because `{written}` is `{changed}` "
            f"(or a part of it), not a copy (line {made}); make a copy there (`.copy()`, "
            "`dict(...)`, `list(...)`) or build a new object", f._name, stmt=found.stmt)
    if found.kept:
        return Explanation(
            f"{head}: it runs at every pass of its loop, and each pass replaces the value "
            f"before, so after the loop `{found.kept}` holds the last pass's value only "
            f"(add them up, `{found.kept} += ...`, or keep them all?)", f._name,
            stmt=found.stmt)
    if found.placed:
        return Explanation(
            f"{head}: every value it stores into `{found.placed}` is one the correct code "
            f"computes, but `{found.placed}` as a whole is not: does each value go to the "
            "right place (the index), or the right value to each place?", f._name,
            stmt=found.stmt)
    also = f", and next in the line `{found.also}`" if found.also else ""
    first = "" if found.text == found.stmt else \
        f" (its first value the correct code never computes is `{found.text}`{also})"
    if found.role:
        first = (f" (the value it gives `{found.role}` is one the correct code computes, "
                 f"but never as `{found.role}`)")
    if found.late:
        first = (f" (the value it gives `{found.role}` is not the one the correct code "
                 "gives it at that pass: the right values at the wrong time, or in the "
                 "wrong order)")
    if found.shaped:
        shape = found.shaped.replace("x", ", ")
        first = (f" (the values it gives `{found.role}` are right, but in the shape "
                 f"({shape}{',' if ', ' not in shape else ''}): an axis of length 1 kept or "
                 "added where the correct code has none, or the other way round)")
    return Explanation(f"{head}{when}{first}; what it is computed from is right, and the "
                       "wrong result follows from it", f._name, stmt=found.stmt,
                       op="" if found.role else found.text)


def repaired(fns: tuple[object, ...], references: dict[str, object],
             passes: Callable[[str, Callable], bool], budget: float | None = None
             ) -> Explanation | None:
    """One edit of the student's own code with which the whole check passes
    (`passes(name, fixed function)`): the fix, at its line. Tried on the first function that
    disagrees with its reference: edits that make it agree with the reference on every call
    the check recorded (or, for a result of the wrong shape, give every result its shape),
    the lines the reference does not have first. When that function is right on the cache
    the reference forward makes, on the student's forward: edits that keep its results and
    change its cache."""
    if BUDGET <= 0 or not REPAIR:
        return None
    budget = REPAIR_BUDGET if budget is None else budget
    w = _first_wrong(fns, references)
    if w is None or not _editable(w.fn._fn) or w.seen.took > SLOW:
        return None
    recorders = {g._name: g for g in fns if isinstance(g, Recorder)}
    f, ref, cache = w.fn, w.ref, False
    if _cache_blame(w) is not None:      # the forward's cache is at fault: fix the forward
        name = next(iter(w.call.caches.values()))[0]
        f, ref, cache = recorders.get(name), references.get(name), True
        if f is None or not isinstance(ref, types.FunctionType) or not _editable(f._fn):
            return None
    mine = f._fn
    remote = not isinstance(mine, types.FunctionType)   # a proxy of the sandbox's worker
    if remote and os.environ.get("COURSE_GRADE_FIXES") != "1":    # `course grade --fixes`
        return None
    src = _student_source(mine)
    if not src:
        return None
    try:
        fdef = ast.parse(src).body[0]
    except (SyntaxError, ValueError, IndexError):
        return None
    if not isinstance(fdef, ast.FunctionDef):
        return None
    pairs = []
    for call in f.calls:
        replay = _with_reference_caches(call, recorders, references)
        seen = None if replay is None else _cached(None, ref, replay, _digest(replay))
        if seen is not None:
            pairs.append((call, seen))
    first = next((i for i, (c, _) in enumerate(pairs) if c is w.call), 0)
    pairs = ([pairs[first]] + pairs[:first] + pairs[first + 1:])[:32] if pairs else []
    if not pairs:
        return None
    words = tuple(dict.fromkeys(v for call, _ in pairs for v in _leaves(
        (call.args, call.kwargs)).values() if isinstance(v, str) and 0 < len(v) <= 20))[:8]
    names = [a.arg for a in fdef.args.posonlyargs + fdef.args.args + fdef.args.kwonlyargs]
    given = [v for c, _ in pairs for v in ((i, x) for i, x in enumerate(c.args))]
    given += [(names.index(k), x) for c, _ in pairs for k, x in c.kwargs.items() if k in names]
    floats = tuple(dict.fromkeys(names[i] for i, x in given if i < len(names)
                                 and isinstance(x, (float, np.floating))))
    t0 = time.thread_time()
    rws = _rewrites(_Remote(mine, f._name) if remote else mine, student=src, words=words,
                    floats=floats)
    # an edit of a line the reference has word for word is tried last; one that reads an
    # argument the student's code never reads, first
    theirs = {sig for _, sig in _stmt_sigs(_source(ref))}
    mine_sigs = dict(_stmt_sigs(src))
    unread = [a for a in names if not _reads_name(src, a)]
    line_of = _line_finder(src)
    # an early exit (`if ...: break`) where the reference has fewer, left out, comes first
    def exit_ifs(tree: ast.AST) -> list[ast.If]:
        return [n for n in ast.walk(tree) if isinstance(n, ast.If)
                and any(isinstance(b, (ast.Break, ast.Return)) for b in n.body)]
    try:
        extra = len(exit_ifs(fdef)) > len(exit_ifs(ast.parse(_source(ref))))
    except (SyntaxError, TypeError, OSError):
        extra = False
    exits = {n.lineno for n in exit_ifs(fdef)} if extra else set()
    rws = sorted(rws, key=lambda rw: (
        mine_sigs.get(line_of(rw.src)) in theirs,
        not (rw.what.startswith("without `if ") and line_of(rw.src) in exits),
        not any(re.search(rf"written as `[^`]*\b{a}\b", rw.what) for a in unread)))
    left = budget - (time.thread_time() - t0) / 2     # building the edits counts half
    if not rws or left <= 0:
        return None
    each = min(1.0, max(0.05, 4 * max(s.took for _, s in pairs)))
    opaque = _opaque(ref)
    shaped = not cache and _shapes(_student(w.call).all(), w.bad) != _shapes(w.seen.all(), w.bad)
    own_first = _student(pairs[0][0]).all()

    # the worker's edits are timed by the wall-clock; a forked search by its own CPU time
    clock = time.perf_counter if remote else time.thread_time

    def search(emit: Callable[[list], None]) -> None:
        start, found, near = clock(), 0, 0
        for k, rw in enumerate(rws):
            if clock() - start > left:
                return
            fn = mine.edited(rw.src) if remote else rw.fn
            if fn is None:
                continue
            exact = True
            for n, (call, ref_seen) in enumerate(pairs):
                seen = _run_remote(fn, call, each) if remote else _run(fn, call, each, raised=True)
                if seen is None:
                    break
                s_all, keys = _judged(seen, ref_seen, opaque)
                if not keys:
                    break
                if cache and n == 0 and all(k in own_first and _same(v, own_first[k])
                                            for k, v in s_all.items()):
                    break           # the forward's cache as it was: not a fix of it
                if exact and not _agree(s_all, ref_seen.all(), keys):
                    exact = False
                    if not shaped or near >= 2:
                        break
                if not exact and _shapes(s_all, keys) != _shapes(ref_seen.all(), keys):
                    break
            else:
                if exact:
                    emit([k])
                    found += 1
                    if found >= 3:
                        return
                else:       # the right shapes, other values (a random draw): the check decides
                    emit([k, 0])
                    near += 1

    if remote:      # the worker runs the edits: searched here, each call within its time
        got = []
        with mine.trial(left + 0.5) as ok:
            if ok:
                search(got.append)
    else:
        got = _apart(search, 3 * left + 0.5)
    got = [g for g in got if 0 <= g[0] < len(rws)]
    got = ([g for g in got if len(g) == 1] + [g for g in got if len(g) == 2])[:3]
    rw = next((rws[g[0]] for g in got if passes(f._name, RemoteEdit(mine, rws[g[0]].src)
                                                 if remote else rws[g[0]].fn)), None)
    if rw is None:
        return None
    line = line_of(rw.src)
    at = "" if line is None else f" (line {_first_line(mine) + line - 1})"
    what = rw.what[len("with "):] if rw.what.startswith("with ") else rw.what
    # `range(1 - 1, n)` reads `range(0, n)`
    what = re.sub(r"([(\[,:] ?)(\d+) ([-+]) (\d+)(?=[,)\]:])", lambda m: m[1] + str(
        int(m[2]) + (int(m[4]) if m[3] == "+" else -int(m[4]))), what)
    # the why of an edit reads from the reference to the student's code; a shallow copy's
    # reads both ways
    why = f": {rw.why}" if rw.why.startswith("a shallow copy") else ""
    return Explanation(f"your {f._name} passes this check with one change{at}: {what}{why}",
                       f._name, True)


class _Remote:
    """What `_rewrites` reads of a function whose def runs in the sandbox's worker: its edits
    are built as text and defined there (`Proxy.edited`), never run in the grader."""

    __module__ = "__student__"
    __defaults__ = None
    __code__ = None

    def __init__(self, proxy: object, name: str):
        self.proxy, self.__name__, self.__qualname__ = proxy, name, name
        self.__globals__: dict = {}


@dataclass(frozen=True)
class RemoteEdit:
    """A fix to verify in the sandbox's worker: `src`, the edited def of `proxy`'s function."""

    proxy: object
    src: str


def _shapes(leaves: dict[str, object], keys: set[str]) -> dict[str, object]:
    """{path: shape, or type} of the leaves on `keys`."""
    return {k: np.shape(v) if isinstance(v, np.ndarray) else type(v).__name__
            for k, v in leaves.items() if k in keys}


def _editable(fn: object) -> bool:
    """A student's function whose fix can be searched: a plain function here, or a proxy of
    the sandbox's worker that can define an edited def (`edited`)."""
    return isinstance(fn, types.FunctionType) or callable(getattr(fn, "edited", None))


def _run_remote(proxy: Callable, call: Call, limit: float) -> Seen | None:
    """_run for a proxy of the sandbox's worker, within `limit` s of its trial (no alarm here:
    the worker keeps the time); a call that fails gives its error, as with `raised`."""
    with proxy.trial(limit) as ok:
        if not ok:
            return None
        return _run(proxy, call, None, raised=True)


def _stmt_sigs(src: str) -> list[tuple[int, str]]:
    """(line, what the statement does, without the statements it holds, after the headers of
    the statements that hold it) for each statement of def `src`, in order."""
    out: list[tuple[int, str]] = []

    def visit(body: list, within: str) -> None:
        for st in body:
            head = [v for k, v in ast.iter_fields(st)
                    if k not in ("body", "orelse", "finalbody", "handlers")]
            sig = within + repr([ast.dump(v) if isinstance(v, ast.AST) else
                                 [ast.dump(x) if isinstance(x, ast.AST) else x for x in v]
                                 if isinstance(v, list) else v for v in head])
            out.append((st.lineno, sig))
            for k in ("body", "orelse", "finalbody"):
                if isinstance(getattr(st, k, None), list):
                    visit(getattr(st, k), f"{sig}/{k}:")
    try:
        fdef = ast.parse(textwrap.dedent(src)).body[0]
    except (SyntaxError, IndexError):
        return []
    if isinstance(fdef, ast.FunctionDef):
        visit(fdef.body, "")
    return out


def _line_finder(src: str) -> Callable[[str], int | None]:
    """line(edited) -> the line of def `src` where `edited` (ast.unparse of an edit of it, as
    the rewrites keep it) first differs from it: a text comparison, no parsing per edit."""
    try:
        fdef = ast.parse(textwrap.dedent(src)).body[0]
    except (SyntaxError, IndexError):
        return lambda edited: None
    fdef.decorator_list = []
    base = ast.unparse(fdef)
    lines, starts, own = base.splitlines(), [n for n, _ in _stmt_sigs(base)], _stmt_sigs(src)

    def line(edited: str) -> int | None:
        new = edited.splitlines()
        k = next((i for i, (a, b) in enumerate(zip(lines, new)) if a != b),
                 min(len(lines), len(new))) + 1
        j = max((i for i, n in enumerate(starts) if n <= k), default=0)
        return own[j][0] if j < len(own) and len(starts) == len(own) else None
    return line


def _raiser(fns: tuple[object, ...], details: list[str]) -> tuple[Recorder | None, re.Match | None]:
    """The recorded student's function that raised ("at f, line 12 of the cell ..."), and
    that detail's match (function, line)."""
    m = next((m for d in details if (m := re.match(r"at (\S+), line (\d+) of ", d))), None)
    f = next((f for f in fns if isinstance(f, Recorder) and m and f._name == m[1]), None)
    if f is None and m:        # a lambda or a helper inside one of the student's functions
        cell = m.string[m.end():]
        f = next((f for f in fns if isinstance(f, Recorder) and re.search(
            rf"\b{f._name}\b", cell) and 0 <= int(m[2]) - _first_line(f._fn) < len(
                (_student_source(f._fn) or "").splitlines())), None)
    return f, m


def unset_name(fns: tuple[object, ...], summary: str, details: list[str]) -> str | None:
    """For an UnboundLocalError: the `if`/`elif` chain without an `else` whose branches alone
    set the variable (no branch sets it when none holds), named at its line."""
    u = re.search(r"UnboundLocalError: (?:cannot access )?local variable '(\w+)'", summary)
    f, _ = _raiser(fns, details)
    if u is None or f is None:
        return None
    try:
        fdef = ast.parse(textwrap.dedent(_student_source(f._fn) or "")).body[0]
    except (SyntaxError, ValueError, IndexError):
        return None
    name = u[1]

    def sets(stmts: list[ast.stmt]) -> bool:
        return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
                   for s in stmts for n in ast.walk(s))

    elifs = {id(n.orelse[0]) for n in ast.walk(fdef) if isinstance(n, ast.If)
             and len(n.orelse) == 1 and isinstance(n.orelse[0], ast.If)}
    for node in ast.walk(fdef):
        if not isinstance(node, ast.If) or id(node) in elifs:
            continue
        chain = [node]
        while len(chain[-1].orelse) == 1 and isinstance(chain[-1].orelse[0], ast.If):
            chain.append(chain[-1].orelse[0])
        if chain[-1].orelse or not any(sets(c.body) for c in chain):
            continue
        line = _first_line(f._fn) + node.lineno - 1
        heads = " / ".join(f"`{_src(c.test, 40)}`" for c in chain[:3])
        return Explanation(
            f"your {f._name} sets `{name}` only in the branches of the `if` in line {line} "
            f"({heads}{' / ...' if len(chain) > 3 else ''}), which has no `else`: when none of "
            f"them holds, nothing sets `{name}`", f._name)
    return None


def raised_line(fns: tuple[object, ...], details: list[str]) -> str | None:
    """For a student's function that raised ("at f, line 12 of the cell ..."): that line of
    its code, quoted."""
    f, m = _raiser(fns, details)
    if f is None:
        return None
    lines = textwrap.dedent(_student_source(f._fn) or "").splitlines()
    k = int(m[2]) - _first_line(f._fn)
    if not 0 <= k < len(lines) or not lines[k].strip():
        return None
    text = lines[k].strip()
    return Explanation(f"your {f._name} raises it in line {m[2]}: `{text}`", f._name,
                       stmt=text)


def own_line(where: str | None, references: dict[str, object]) -> bool:
    """Are the line a located diagnosis names, and the operation it quotes, the student's own:
    neither in the reference of its function (whitespace aside)?"""
    stmt, ref = getattr(where, "stmt", ""), references.get(getattr(where, "fn", ""))
    if not stmt or not isinstance(ref, types.FunctionType):
        return False
    try:
        src = _source(ref)
    except (OSError, TypeError):
        return False
    lines = {"".join(line.split()) for line in src.splitlines()}
    op = "".join(getattr(where, "op", "").split()).replace('"', "'")
    flat = "".join(src.split()).replace('"', "'")
    return "".join(stmt.split()) not in lines and not (op and not op.endswith("...") and
                                                        op in flat)


IN_PLACE = {"append", "extend", "insert", "sort", "reverse", "shuffle", "update", "fill", "clear",
            "remove"}


def returned_none(fns: tuple[object, ...], references: dict[str, object]) -> str | None:
    """When a function returned None where its reference returns a value, and its code keeps
    the result of an in-place method: that line."""
    for f in fns:
        call = next((c for c in f.calls if c.out is None), None) if isinstance(f, Recorder) \
            else None
        ref = references.get(f._name) if call is not None else None
        if not isinstance(ref, types.FunctionType) or _run_raw(ref, call) is None:
            continue
        kept = _in_place_result(f._fn)
        if kept is not None:
            return (f"your {f._name} returns None: line {_first_line(f._fn) + kept[0] - 1}, "
                    f"`{kept[1]}`, keeps the result of `.{kept[2]}(...)`, which changes its "
                    "object in place and returns None")
    return None


def grown_args(fns: tuple[object, ...], references: dict[str, object]) -> str | None:
    """When a function added keys or items to a dict or list argument that its reference leaves
    as it is (`stoi[t] = len(stoi)` in a lookup): which argument, and what was added."""
    for f in fns:
        ref = references.get(getattr(f, "_name", None))
        if not isinstance(f, Recorder) or not isinstance(ref, types.FunctionType):
            continue
        names = list(inspect.signature(ref).parameters)
        for call in f.calls[:4]:
            for i, (a, b) in enumerate(zip(call.args, call.after)):
                grew = _grown(a, b)
                if not grew or i >= len(names):
                    continue
                args, kwargs = copy.deepcopy((call.args, call.kwargs))
                try:
                    _call(ref, args, kwargs)
                except Exception:
                    continue
                if _grown(call.args[i], args[i]):
                    continue              # the reference adds to it too
                return (f"your {f._name} adds {grew} to its argument `{names[i]}`, which the "
                        "correct code leaves as it is")
    return None


def _student_trees(fns: tuple[object, ...]) -> Iterator[tuple[Recorder, ast.AST]]:
    """(recorded function, the parsed text of the student's def) for each one that parses."""
    for f in fns:
        if not isinstance(f, Recorder):
            continue
        src = _student_source(f._fn)
        try:
            tree = ast.parse(textwrap.dedent(src)) if src else None
        except SyntaxError:
            continue
        if tree is not None:
            yield f, tree


def always_true(fns: tuple[object, ...]) -> str | None:
    """A condition of the student's code that an `or` with a constant makes always true
    (`method == "momentum" or "nesterov"`): its line."""
    for f, tree in _student_trees(fns):
        tests = [n.test for n in ast.walk(tree) if isinstance(n, (ast.If, ast.While, ast.IfExp))]
        for test in tests:
            for n in ast.walk(test):
                const = next((v for v in getattr(n, "values", []) if isinstance(v, ast.Constant)
                              and v.value), None) if isinstance(n, ast.BoolOp) and \
                    isinstance(n.op, ast.Or) else None
                if const is not None:
                    line = _first_line(f._fn) + test.lineno - 1
                    return (f"your {f._name} has a condition that is always true, in line {line}: "
                            f"`{_src(test)}`: `{_src(const)}` on its own is true, so the `or` is "
                            "true whatever comes before it; compare each value (`x == a or x == b`"
                            ", or `x in (a, b)`)")
    return None


def loop_return(fns: tuple[object, ...]) -> str | None:
    """A `return` (or `break`) that a loop of the student's code reaches on every pass, not
    inside an `if`: the loop never gets past its first pass. Its line."""
    for f, tree in _student_trees(fns):
        for loop in [n for n in ast.walk(tree) if isinstance(n, (ast.For, ast.While))]:
            end = next((st for st in loop.body if isinstance(st, (ast.Return, ast.Break))), None)
            if end is not None:
                line = _first_line(f._fn) + end.lineno - 1
                word = "return" if isinstance(end, ast.Return) else "break"
                return (f"your {f._name} leaves its loop (line "
                        f"{_first_line(f._fn) + loop.lineno - 1}) on its first pass: the "
                        f"`{_src(end, 40)}` in line {line} runs at every pass, not only when a "
                        f"condition holds; does the `{word}` belong after the loop (one indent "
                        "less)?")
    return None


def fixed_size(fns: tuple[object, ...], references: dict[str, object]) -> str | None:
    """When an output has a size the correct code does not give it, and that size is a number
    written in one line of the student's code (`range(100)` where `range(steps)` belongs) and
    nowhere in the correct code's: that line."""
    recorders = {f._name: f for f in fns if isinstance(f, Recorder)}
    for f in recorders.values():
        ref = references.get(f._name)
        if not isinstance(ref, types.FunctionType):
            continue
        src = _student_source(f._fn)
        mine, theirs = _numbers(src), _numbers(_source(ref))
        if not mine or theirs is None:
            continue
        names = _output_names(ref)
        for call in f.calls[:2]:
            # the reference's run is the one the rewrite search makes next (cached)
            replay = _with_reference_caches(call, recorders, references)
            seen = None if replay is None else _cached(None, ref, replay, _digest(replay))
            if seen is None:
                continue
            got, want = _student(call).out, seen.out
            for path in sorted(got.keys() & want.keys()):
                a, b = got[path], want[path]
                if path.endswith("/#"):
                    sizes = [(a, b)]
                elif isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and \
                        a.ndim == b.ndim and a.shape != b.shape:
                    sizes = list(zip(a.shape, b.shape, strict=True))
                else:
                    continue
                for n, m in sizes:
                    lines = [ln for ln, nums in mine.items() if n in nums]
                    if n == m or n <= 2 or n in theirs or len(lines) != 1:
                        continue
                    top = path.strip("/").split("/")[0]
                    what = f"`{names[int(top)]}`" if top.isdigit() and len(names) > 1 and \
                        int(top) < len(names) else "its result"
                    line, text = lines[0], _line_text(src, lines[0])
                    return (f"your {f._name} makes {what} of size {n} where the correct code's "
                            f"has {m}, and {n} is a number written in line "
                            f"{_first_line(f._fn) + line - 1}: `{text}`: a size fixed in the "
                            "code, where it should come from the arguments?")
    return None


def _numbers(src: str | None) -> dict[int, set[int]] | None:
    """{line of the def: the whole numbers written in it} (None when it does not parse)."""
    try:
        tree = ast.parse(textwrap.dedent(src)) if src else None
    except SyntaxError:
        return None
    out: dict[int, set[int]] = {}
    for n in ast.walk(tree) if tree is not None else ():
        if isinstance(n, ast.Constant) and type(n.value) is int:
            out.setdefault(n.lineno, set()).add(n.value)
    return out if tree is not None else None


def _line_text(src: str | None, line: int) -> str:
    lines = textwrap.dedent(src or "").splitlines()
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return text if len(text) <= 90 else text[:87] + "..."


def _grown(before: object, after: object) -> str | None:
    """What was added to a dict or list (its new keys, or how many items), or None."""
    if isinstance(before, dict) and isinstance(after, dict) and set(after) - set(before):
        new = sorted(map(repr, set(after) - set(before)))
        return f"the key{'s' if len(new) > 1 else ''} {', '.join(new[:3])}" + \
            (f" and {len(new) - 3} more" if len(new) > 3 else "")
    if isinstance(before, list) and isinstance(after, list) and len(after) > len(before):
        return f"{len(after) - len(before)} item{'s' if len(after) - len(before) > 1 else ''}"
    return None


def _in_place_result(fn: object) -> tuple[int, str, str] | None:
    """(line in the def, its text, method) of a statement that keeps or returns the result of
    an in-place method (`ids = ids.append(EOS)`: None), or None."""
    src = _student_source(fn)
    try:
        tree = ast.parse(textwrap.dedent(src)) if src else None
    except SyntaxError:
        return None
    for node in ast.walk(tree) if tree else ():
        value = node.value if isinstance(node, (ast.Assign, ast.Return, ast.AnnAssign)) else None
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and \
                value.func.attr in IN_PLACE:
            return node.lineno, _src(node, 70), value.func.attr
    return None


def _right_on(mine: object, replay: Call, reference: Seen, opaque: set[int], remote: bool) -> bool:
    """Does the student's function agree with the reference on `replay` (a call given the
    reference forward's caches)? Run in the sandbox's worker, or here in a forked child."""
    r_all = reference.all()

    def run(emit):
        theirs = _run(mine, replay)
        if theirs is not None:
            t_all, keys = _judged(theirs, reference, opaque)
            emit([int(bool(keys) and all(k in t_all and k in r_all and _same(t_all[k], r_all[k])
                                         for k in keys))])

    got: list = []
    if remote:
        try:
            run(got.append)
        except Exception:
            return False
    else:
        got = _apart(run, 16.0, cpu=4.0)
    return got == [[1]]


def _student_source(fn: object) -> str | None:
    """The text of the student's def (from its cell, or the sandbox's stand-in); None."""
    try:
        if isinstance(fn, types.FunctionType):
            from autograder.locate import def_source
            return def_source(fn)
        source = getattr(fn, "source", None)
        return source() if callable(source) else None
    except Exception:
        return None


def _with_reference_caches(call: Call, recorders: dict, references: dict) -> Call | None:
    """The call with each cache that came from a recorded forward call replaced by the cache
    the reference forward makes from the same inputs (None if that forward is unknown)."""
    if not call.caches:
        return call
    args = list(call.args)
    for i, (name, j) in call.caches.items():
        ref, rec = references.get(name), recorders.get(name)
        if not isinstance(ref, types.FunctionType) or rec is None or j >= len(rec.calls):
            return None
        fwd = _run_raw(ref, rec.calls[j])
        if not isinstance(fwd, tuple):
            return None
        args[i] = fwd[-1]
    return Call(tuple(args), call.kwargs, call.out, call.after, call.after_kw)


def _run_raw(fn: Callable, call: Call) -> object:
    """fn on a copy of the call's inputs (None if it raises)."""
    try:
        return _call(fn, *copy.deepcopy((call.args, call.kwargs)))
    except Exception:
        return None


def _call(fn: Callable, args: tuple, kwargs: dict) -> object:
    """fn(*args, **kwargs) with numpy's warnings silenced (on these very inputs)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _first_line(fn: object) -> int:
    """The line of the student's def in its cell (the sandbox's stand-in knows it)."""
    line = getattr(fn, "first_line", None)
    return line if isinstance(line, int) else getattr(getattr(fn, "__code__", None),
                                                      "co_firstlineno", 1)


_SOLUTION_SOURCES: dict[object, str] = {}   # code object of a solution function -> its def
_SOLUTIONS: dict[str, dict] = {}           # module id -> namespace of its solution cells
_SOLUTIONS_LOCK = threading.Lock()
_TWINS: dict[object, object] = {}           # solution function -> course.reference's of its name


def _source(ref: types.FunctionType) -> str:
    src = _SOLUTION_SOURCES.get(ref.__code__)
    return src if src is not None else textwrap.dedent(inspect.getsource(ref))


def _solution(module_id: str) -> dict:
    """The functions of the module's solution notebook (the instructor's source), run once:
    student-shaped code (the same scaffold, names and loops a student fills in), so a rewrite
    reads like the student's line. {} where there is none (a student release)."""
    with _SOLUTIONS_LOCK:
        if module_id in _SOLUTIONS:
            return _SOLUTIONS[module_id]
        ns: dict = {}
        try:
            from autograder.notebook import run_cells, student_cells
            from course.build import source_notebook

            cells = student_cells(source_notebook(module_id))
            loaded = run_cells(cells)
            if not loaded.errors:
                ns = loaded.namespace
                for _, src in cells:
                    for node in ast.parse(src).body:
                        fn = ns.get(getattr(node, "name", ""))
                        if isinstance(node, ast.FunctionDef) and isinstance(fn, types.FunctionType):
                            _SOLUTION_SOURCES[fn.__code__] = ast.get_source_segment(src, node)
        except Exception:
            ns = {}
        _SOLUTIONS[module_id] = ns
        return ns


def references(module_id: str, names: tuple[str, ...]) -> dict[str, object]:
    """{name: the reference function of that name}: the solution notebook's where there is
    one (student-shaped code), else course.reference's; never a release's stand-in."""
    import importlib

    from course.reference import MODULE_FILES

    solution = _solution(module_id)
    out = {n: solution[n] for n in names if isinstance(solution.get(n), types.FunctionType)
           and solution[n].__code__ in _SOLUTION_SOURCES}
    for stem in MODULE_FILES.get(module_id, ()):
        try:
            mod = importlib.import_module(f"course.reference.{stem}")
        except Exception:
            continue
        for n in names:
            fn = getattr(mod, n, None)
            if not isinstance(fn, types.FunctionType):
                continue
            if n not in out:
                out[n] = fn
            elif out[n] is not fn:
                _TWINS[out[n]] = fn     # also rewritten: students write either shape
    return out
