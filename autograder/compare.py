"""Compare a student's outputs with expected ones and say precisely where they differ.

Every comparison is by relative error, elementwise
    err = |got - exp| / (|got| + |exp| + atol),
so it is scale-free; `atol` keeps entries that are zero in both from dividing by zero.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from autograder.result import CheckFailed

Outputs = Mapping[str, object]


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer: `outputs` computes what that mistake returns on the same inputs.

    When every output the student got wrong matches the mistake's outputs, the hint is shown.
    """

    name: str
    hint: str
    outputs: Callable[[], Outputs]


def as_left(fn: object, given: object, position: int | str) -> object:
    """The argument `given` (positional index or keyword) as the last call to fn left it.

    In the notebook and `course check` that is `given` itself. In `course grade` fn runs in
    another process and the grader keeps its own arguments; a change to one the function
    does not own by contract comes back apart (never into the grader's copy), and this
    returns it, so a check can still say "you changed grads".
    """
    left = getattr(fn, "left", None)
    key = f"k:{position}" if isinstance(position, str) else str(position)
    return left.get(key, given) if isinstance(left, dict) else given


def rel_error(got: np.ndarray, exp: np.ndarray, atol: float = 1e-12) -> np.ndarray:
    """Elementwise relative error, same shape as the inputs."""
    got = np.asarray(got, dtype=np.float64)
    exp = np.asarray(exp, dtype=np.float64)
    scale = atol * max(1.0, float(np.max(np.abs(exp), initial=0.0)))
    return np.abs(got - exp) / (np.abs(got) + np.abs(exp) + scale)


def _fmt_index(idx: tuple[int, ...]) -> str:
    return "[" + ", ".join(str(int(i)) for i in idx) + "]"


def _fmt(v: float) -> str:
    return f"{v:.4g}"


def describe(x: object) -> str:
    """'ndarray (4, 3) float64', 'float', 'tuple of 2', 'NoneType'..."""
    if isinstance(x, np.ndarray):
        return f"array {tuple(x.shape)} {x.dtype}"
    if isinstance(x, (tuple, list)):
        return f"{type(x).__name__} of {len(x)}"
    return type(x).__name__


def _one_slice(name: str, got: np.ndarray, exp: np.ndarray) -> str | None:
    """A result one axis short that is one slice of the expected: "dx is row 5 (the last) of
    the expected dx" (a loop that overwrites its result instead of filling it in)."""
    if got.dtype.kind not in "fiub" or exp.dtype.kind not in "fiub" or got.ndim + 1 != exp.ndim:
        return None
    for ax in range(exp.ndim):
        if exp.shape[:ax] + exp.shape[ax + 1:] != got.shape or exp.shape[ax] < 2:
            continue
        hits = [i for i in range(exp.shape[ax]) if np.allclose(
            np.take(exp, i, axis=ax), got, rtol=1e-7, atol=1e-12)]
        if len(hits) == 1:
            i, n = hits[0], exp.shape[ax]
            which = " (the last)" if i == n - 1 else " (the first)" if i == 0 else ""
            label = f"row {i}{which}" if ax == 0 else f"column {i}{which}" if exp.ndim == 2 \
                else f"slice {i}{which} along axis {ax}"
            return (f"{name} is {label} of the expected {name}, one of {n}: a loop that "
                    "overwrites its result at every pass instead of filling in its own entry?")
    return None


def as_array(name: str, got: object, exp: np.ndarray, *, allow_float32: bool = True) -> np.ndarray:
    """Check type, shape, dtype and finiteness of `got` against `exp`; raise CheckFailed first."""
    exp = np.asarray(exp)
    if got is None:
        raise CheckFailed(f"{name} is None", [f"expected {describe(exp)}; did you forget to return it?"])
    if np.isscalar(got) and exp.ndim == 0:
        got = np.asarray(got)
    if not isinstance(got, np.ndarray):
        try:
            arr = np.asarray(got)
        except Exception:
            arr = None
        if arr is None or arr.dtype == object:
            raise CheckFailed(f"{name} is a {describe(got)}, expected {describe(exp)}")
        got = arr
    if got.shape != exp.shape:
        details = [f"{name}: expected shape {tuple(exp.shape)}, got {tuple(got.shape)}"]
        if got.shape == exp.shape[::-1] and got.ndim == 2:
            details.append("the shape is transposed")
        elif got.size == exp.size:
            details.append("same number of entries in another shape: a reshape or a transpose?")
        elif exp.ndim >= 1 and got.shape == exp.shape[1:]:
            details.append("the first (batch) axis is missing: did you sum or average over it?")
        hint = _one_slice(name, got, exp)
        off = [k for k in range(exp.ndim) if got.ndim == exp.ndim and got.shape[k] != exp.shape[k]]
        if hint is None and len(off) == 1 and abs(got.shape[off[0]] - exp.shape[off[0]]) == 1:
            hint = _end_slice(name, got, exp, off[0])
        raise CheckFailed(f"{name} has the wrong shape", details, hint=hint)
    if got.dtype.kind not in "fiub" or (got.dtype.kind in "iub" and exp.dtype.kind == "f"):
        if not (got.dtype.kind in "iub" and exp.dtype.kind in "iub"):
            hint = (f"{name} holds integers where fractions belong: a count (a sum of flags) "
                    "where a share (their mean) belongs, or an integer division?"
                    if got.dtype.kind in "iu" and exp.dtype.kind == "f" else None)
            raise CheckFailed(f"{name} has dtype {got.dtype}, expected {exp.dtype}", hint=hint)
    if exp.dtype == np.float64 and got.dtype == np.float32 and not allow_float32:
        raise CheckFailed(f"{name} is float32; this task needs float64 precision")
    if got.dtype.kind == "f" and not np.all(np.isfinite(got)):
        bad = np.argwhere(~np.isfinite(got))[0]
        raise CheckFailed(f"{name} contains nan or inf", [
            f"{name}{_fmt_index(tuple(bad))} = {got[tuple(bad)]}; overflow? (e.g. exp of a large number)"])
    return got


def _end_slice(name: str, got: np.ndarray, exp: np.ndarray, k: int) -> str:
    """The hint for got with one slice more (or fewer) than exp along axis k: which end the
    difference is at, when the rest is right, and what an extra slice holds."""
    fewer = got.shape[k] < exp.shape[k]
    where = "" if exp.ndim == 1 else f" along axis {k}"
    head = f"{name} has one entry too {'few' if fewer else 'many'}{where} ({got.shape[k]} " \
        f"instead of {exp.shape[k]})"
    cut = f"a loop or slice that stops one {'early' if fewer else 'late'} (an off-by-one in a " \
        "range or a cut)?"
    if got.dtype.kind not in "fiub" or exp.dtype.kind not in "fiub":
        return f"{head}: {cut}"
    part = {0: "row", 1: "column"}.get(k, "slice") if exp.ndim == 2 else \
        "entry" if exp.ndim == 1 else f"slice along axis {k}"
    long, short = (exp, got) if fewer else (got, exp)
    for idx in (-1, 0):
        if not np.allclose(np.delete(long, idx, axis=k), short, rtol=1e-6, atol=1e-9):
            continue
        held = "" if fewer else next(
            (f" (all {v:g}s)" for v in (0, 1) if np.all(np.take(got, idx, axis=k) == v)), "")
        if idx == -1:
            return f"{head}: {cut} The rest is right: only the last {part}{held} is " + \
                ("missing" if fewer else "extra")
        if fewer:
            return f"{head}: the first {part} is missing and the rest is right: a loop or " \
                "slice that starts one late?"
        return f"{head}: an extra first {part}{held}, and without it {name} is right: " \
            "something prepended that does not belong?"
    return (f"{head}, and its values differ throughout, not only at one end: is it computed "
            f"from one {'fewer' if fewer else 'more'} input column or feature than expected (a "
            f"{'missing' if fewer else 'second'} bias column?), or does a loop or slice stop "
            f"one {'early' if fewer else 'late'}?")


@dataclass
class Diff:
    name: str
    ok: bool
    max_err: float
    where: tuple[int, ...]
    expected: float
    got: float
    shape: tuple[int, ...]
    dtype: str

    def cell(self) -> str:
        if self.ok:
            return f"{self.name} ok"
        return f"{self.name} max rel err {self.max_err:.1e} at {_fmt_index(self.where)}"

    def line(self) -> str:
        return (f"{self.name}: shape {self.shape} {self.dtype} ok; worst at {_fmt_index(self.where)}: "
                f"expected {_fmt(self.expected)}, got {_fmt(self.got)} (rel err {self.max_err:.1e})")


def diff(name: str, got: np.ndarray, exp: np.ndarray, rtol: float) -> Diff:
    exp = np.asarray(exp, dtype=np.float64)
    err = rel_error(got, exp)
    if err.size == 0:
        return Diff(name, True, 0.0, (), 0.0, 0.0, tuple(exp.shape), str(got.dtype))
    flat = int(np.argmax(err))
    where = np.unravel_index(flat, err.shape) if err.ndim else ()
    m = float(err.reshape(-1)[flat])
    return Diff(name, m <= rtol, m, tuple(int(i) for i in where), float(np.reshape(exp, -1)[flat]),
                float(np.reshape(got, -1)[flat]), tuple(exp.shape), str(np.asarray(got).dtype))


def matches(got: Outputs, other: Outputs, names: list[str], rtol: float) -> bool:
    """Do the student's outputs equal `other` (e.g. a known mistake's) on all `names`?"""
    return all(got.get(n) is not None and other.get(n) is not None and
               _equal(got[n], other[n], rtol) for n in names)


def _equal(a: object, b: object, rtol: float) -> bool:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and bool(np.all(rel_error(a, b) <= max(rtol, 1e-6)))


def _contradicts(got: Outputs, other: Outputs, names: list[str], rtol: float) -> bool:
    """Does `other` (a known mistake's outputs) differ from the student's on one of `names`
    (outputs the student got right)? Outputs the mistake does not give are no contradiction."""
    return any(other.get(n) is not None and got.get(n) is not None and
               np.shape(got[n]) == np.shape(other[n]) and not _equal(got[n], other[n], rtol)
               for n in names)


_TIGHT = 1e-6


def _close(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return rel_error(a, b) < _TIGHT


def _simple(c: float) -> str:
    """2 -> '2', 0.5 -> '1/2', 0.333 -> '1/3', else 4 significant digits."""
    for k in range(2, 11):
        if abs(c - k) < 1e-9 * k:
            return str(k)
        if abs(c - 1 / k) < 1e-9 / k:
            return f"1/{k}"
    return _fmt(c)


def _size_factors(sizes: Mapping[str, float]) -> list[tuple[str, float, str]]:
    """(label, value, what it suggests) for simple expressions of the check's sizes."""
    out = []
    items = [(k, float(v)) for k, v in sizes.items() if v and float(v) != 1.0]
    for a, va in items:
        out += [(a, va, f"a division by {a} is missing (or a sum where a mean belongs)"),
                (f"1/{a}", 1 / va, f"divided by {a} once too often (a mean where a sum belongs)")]
    for a, va in items:
        for b, vb in items:
            if a != b:
                out.append((f"{a}/{b}", va / vb, f"divided by {b} where {a} belongs"))
    for a, va in items:
        out += [(f"2*{a}", 2 * va, f"a missing division by {a}, and a factor 2"),
                (f"1/(2*{a})", 1 / (2 * va), f"an extra division by {a}, and a missing factor 2")]
    power = "a wrong power of {a}: a square or a square root too many or missing?"
    for a, va in items:
        out += [(f"{a}**2", va**2, power.format(a=a)), (f"1/{a}**2", 1 / va**2, power.format(a=a))]
        if va > 0:
            out += [(f"sqrt({a})", np.sqrt(va), power.format(a=a)),
                    (f"1/sqrt({a})", 1 / np.sqrt(va), power.format(a=a))]
    return out


def _named_factor(c: float, sizes: Mapping[str, float] | None, tol: float = 1e-9) -> str | None:
    for label, v, why in _size_factors(sizes or {}):
        if abs(c - v) <= tol * abs(v):
            return f"{label} = {_simple(c)}: {why}"
    return None


def _spans(idx: list[int]) -> str:
    """[0, 1, 2, 5] -> '0-2, 5'."""
    out, i = [], 0
    while i < len(idx):
        j = i
        while j + 1 < len(idx) and idx[j + 1] == idx[j] + 1:
            j += 1
        out.append(str(idx[i]) if i == j else f"{idx[i]}-{idx[j]}")
        i = j + 1
    return ", ".join(out)


def _axis_names(g: np.ndarray, axes: tuple[str, ...] | None) -> tuple[str, ...]:
    if axes and len(axes) == g.ndim:
        return axes
    return {1: ("entry",), 2: ("row", "column")}.get(g.ndim, tuple(f"index {k}" for k in range(g.ndim)))


def _short_list(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:text.rfind(", ", 0, limit)] + ", ..."


def _moved(g: np.ndarray, e: np.ndarray, names: tuple[str, ...]) -> str | None:
    """Reversed or shifted by one along one axis."""
    for ax, label in enumerate(names):
        n = g.shape[ax]
        if n < 2:
            continue
        flip = np.flip(e, axis=ax)
        if not np.all(_close(flip, e)) and np.all(_close(g, flip)):
            return (f"is in reversed {label} order: your {label} k holds the expected {label} "
                    f"{n - 1} - k")
        if (order := permuted(g, e, ax)) is not None:
            pairs = ", ".join(f"your {k} is the expected {j}" for k, j in enumerate(order)
                              if k != j)
            return (f"has the right {label}s in another order ({_short_list(pairs)}): is "
                    "something sorted, shuffled or indexed whose order must stay as given?")
        if n < 3:
            continue
        head, tail = [slice(None)] * g.ndim, [slice(None)] * g.ndim
        head[ax], tail[ax] = slice(0, n - 1), slice(1, n)
        head, tail = tuple(head), tuple(tail)
        if np.all(_close(g[head], e[tail])) and not np.all(_close(g[head], e[head])):
            return f"is shifted by one {label}: your {label} k holds the expected {label} k + 1"
        if np.all(_close(g[tail], e[head])) and not np.all(_close(g[tail], e[tail])):
            return f"is shifted by one {label}: your {label} k holds the expected {label} k - 1"
    return None


def permuted(g: np.ndarray, e: np.ndarray, axis: int = 0) -> list[int] | None:
    """[j for each k]: g's slice k along `axis` is e's slice j, every j once, in another order
    than e's (None when not; of equal slices, the first one not taken)."""
    n = g.shape[axis] if g.shape == e.shape and g.ndim else 0
    if n < 2 or n > 256:
        return None
    gs, es = np.moveaxis(g, axis, 0), np.moveaxis(e, axis, 0)
    order: list[int] = []
    for k in range(n):
        j = next((j for j in range(n) if j not in order and np.all(_close(gs[k], es[j]))), None)
        if j is None:
            return None
        order.append(j)
    return None if all(np.all(_close(gs[k], es[k])) for k in range(n)) else order


def _elsewhere(g: np.ndarray, e: np.ndarray, rtol: float, names: tuple[str, ...]) -> str | None:
    """A few wrong entries of a sequence, each the expected value of another position (the
    first loss computed after the loop: the last one)."""
    if g.ndim != 1 or g.size < 3:
        return None
    wrong = np.flatnonzero(rel_error(g, e) > rtol)
    if not 0 < wrong.size <= 2:
        return None
    pairs = []
    for k in wrong:
        hits = np.flatnonzero(rel_error(np.full_like(e, g[k]), e) <= rtol)
        hits = hits[hits != k]
        if hits.size != 1:
            return None
        pairs.append(f"your {names[0]} {k} is the expected {names[0]} {int(hits[0])}")
    return (f"holds right values in the wrong place ({', '.join(pairs)}): computed at another "
            "time (before or after the loop) or stored at the wrong index?")


def _ratio(g: np.ndarray, e: np.ndarray) -> float | None:
    """c when g is c * e in every entry (least squares c, c not 0), else None."""
    c = float(np.sum(g * e) / np.sum(e * e))
    return c if abs(c) > 1e-12 and np.all(_close(g, c * e)) else None


def _factor(g: np.ndarray, e: np.ndarray, names: tuple[str, ...],
            sizes: Mapping[str, float] | None = None, rtol: float = 1e-9) -> str | None:
    """One factor for every entry, or one factor per row / column / ... (arrays only).

    sizes {"N": 8, "D": 7}: a factor equal to a simple expression of them is named by it
    (also for a scalar, where a bare factor would say nothing).
    """
    if np.count_nonzero(e) < 1 or (g.size < 2 and not sizes):
        return None  # any wrong scalar is the right one times something: not a hint
    ratio = _ratio(g, e)
    if ratio is not None:
        # a factor measured against a looser reference (central differences) is as loose
        if (label := _named_factor(ratio, sizes, max(1e-9, min(rtol, 1e-4)))) is not None:
            return f"equals the expected value times {label}"
        if g.size < 2 or np.count_nonzero(e) < 2:
            return None
        return f"equals the expected value times {_simple(ratio)} in every entry: a missing or extra factor"
    for ax, label in enumerate(names):
        if g.ndim < 2 or g.shape[ax] < 2:
            continue
        other = tuple(k for k in range(g.ndim) if k != ax)
        den = np.sum(e * e, axis=other, keepdims=True)
        if np.any(den == 0):
            continue
        r = np.sum(g * e, axis=other, keepdims=True) / den
        if np.all(_close(g, r * e)) and np.ptp(r) > 1e-6 * np.max(np.abs(r)):
            return (f"each {label} is the expected {label} times its own factor: "
                    f"a scale that depends on the {label}")
    return None


def _offset(g: np.ndarray, e: np.ndarray, names: tuple[str, ...]) -> str | None:
    """The same difference in every row (or along any one axis)."""
    d = g - e
    if g.ndim < 2:
        return None
    for ax, label in enumerate(names):
        if g.shape[ax] < 2:
            continue
        first = np.take(d, [0], axis=ax)
        if np.all(np.abs(d - first) <= _TIGHT * (np.abs(g) + np.abs(e) + 1e-12)) and np.any(first):
            return (f"every {label} is off by the same amount: "
                    f"something added to (or missing from) each {label}")
    return None


def _where(g: np.ndarray, e: np.ndarray, rtol: float, names: tuple[str, ...],
           regions: Mapping[str, np.ndarray]) -> str | None:
    """Where the wrong entries are: a named region of the input, or some indices of one axis."""
    wrong = rel_error(g, e) > rtol
    masks = {}
    for label, mask in regions.items():
        try:
            mask = np.broadcast_to(np.asarray(mask, bool), wrong.shape)
        except ValueError:
            continue  # this region is about another output
        if mask.any() and (~mask).any():
            masks[label] = mask
    # the most precise statement first: exactly a region, then inside one, then outside one
    for label, mask in masks.items():
        if np.array_equal(wrong, mask):
            return f"is wrong exactly where {label} and right elsewhere"
    for label, mask in masks.items():
        if not wrong[~mask].any():
            return f"is right everywhere except where {label}"
    for label, mask in masks.items():
        if not wrong[mask].any():
            return f"is right where {label}; the errors are elsewhere"
    if g.ndim == 0:
        return None
    for ax, label in enumerate(names):
        n = g.shape[ax]
        if n < 2:
            continue
        bad = [int(i) for i in np.flatnonzero(np.any(wrong, axis=tuple(k for k in range(g.ndim) if k != ax)))]
        if len(bad) == n:
            continue
        if label == "layer" and bad == list(range(bad[0], n)) and bad[0] > 0:
            right = "layer 0" if bad[0] == 1 else f"layers 0-{bad[0] - 1}"
            return (f"is right for {right} and wrong from layer {bad[0]} on: the "
                    "first layers are right, so look at what is carried from one layer to the next")
        if label in ("step", "time step", "t") and bad == list(range(1, n)):
            return (f"is right at {label} 0 and wrong from {label} 1 on: the first update is "
                    "already wrong")
        if label in ("step", "time step", "t") and bad == list(range(bad[0], n)):
            return (f"is right for {label}s 0-{bad[0] - 1} and wrong from {label} {bad[0]} on: the "
                    f"first {label}s are right, so look at what is carried from one {label} to the next")
        if label in ("step", "time step", "t") and bad == list(range(0, bad[-1] + 1)):
            return (f"is right for the last {n - 1 - bad[-1]} {label}(s) and wrong from {label} "
                    f"{bad[-1]} backwards")
        if len(bad) > n // 2:
            continue  # most of the axis is wrong: nothing to point at
        plural = label[:-1] + "ies" if label.endswith("y") else label + "s"
        what = f"{plural} {_spans(bad)}" if len(bad) > 1 else f"{label} {bad[0]}"
        return f"is wrong only in {what} (of 0-{n - 1})"
    return None


def generic_hint(name: str, got: np.ndarray, exp: np.ndarray, rtol: float = 1e-6,
                 axes: tuple[str, ...] | None = None,
                 regions: Mapping[str, np.ndarray] | None = None,
                 sizes: Mapping[str, float] | None = None) -> str | None:
    """Describe the structure of an error nobody catalogued, or None when there is none to see.

    In this order: all zeros; sign; transposed; reversed or shifted by one along an axis;
    a constant factor (for arrays, never a single scalar), per entry or per row/column;
    a constant offset per row/column; where it is wrong (a named input region such as
    "x > 0", or a few indices of one axis, or from which time step on).
    axes: a name per axis ("example", "step", "feature") used in the message.
    sizes: {"N": 8, "T": 5}: a factor equal to N, 1/N, N/T, ... is named so.
    """
    g, e = np.asarray(got, np.float64), np.asarray(exp, np.float64)
    names = _axis_names(g, axes)
    if not np.any(e):
        return f"{name} should be all zeros" if np.any(g) else None
    if not np.any(g):
        return (f"{name} is all zeros: is it ever computed (or passed on) and returned, or is "
                "what makes an entry non-zero never true (a comparison that is too strict, or an "
                "`all` or `==` over too much)?")
    if np.all(_close(g, -e)):
        return f"{name} has the right size but the wrong sign"
    if g.ndim == 2 and g.shape[0] == g.shape[1] and np.all(_close(g, e.T)):
        return f"{name} is transposed"
    timed = any(n in ("step", "time step", "t", "layer") for n in names)
    where = lambda: _where(g, e, rtol, names, regions or {})
    for find in (lambda: _moved(g, e, names), lambda: _elsewhere(g, e, rtol, names),
                 lambda: _factor(g, e, names, sizes, rtol),
                 where if timed or regions else (lambda: None), lambda: _offset(g, e, names), where):
        if (h := find()) is not None:
            return f"{name} {h}"
    return None


@contextmanager
def hinted(hint: str, mistake: str | None = None) -> Iterator[None]:
    """A check failing inside gets this hint and mistake id, unless it names its own."""
    try:
        yield
    except CheckFailed as e:
        e.hint = e.hint or hint
        e.mistake = e.mistake or mistake
        raise


def _misplaced(got: Outputs, expected: Outputs, rtol: float, what: str,
               mistakes: Sequence[Mistake] = ()) -> None:
    """Fail if the wrong outputs are right values under each other's names (two or more, each
    name's value found under exactly one other name): W1 holding the expected W3, ...; unless
    a known mistake gives those very values (its hint says more)."""
    def value(n):
        try:
            v = np.asarray(got.get(n), dtype=np.float64)
        except Exception:
            return None
        return v if v.dtype != object else None

    def same(v, n):
        e = np.asarray(expected[n], dtype=np.float64)
        return v is not None and v.shape == e.shape and bool(np.all(rel_error(v, e) <= rtol))

    try:
        vals = {n: value(n) for n in expected}
    except Exception:
        return
    wrong = [n for n in expected if not same(vals[n], n)]
    if len(wrong) < 2:
        return
    held = {}
    for n in wrong:
        others = [m for m in wrong if m != n and same(vals[n], m)]
        if len(others) != 1:
            return
        held[n] = others[0]
    if len(set(held.values())) != len(held):
        return
    for m in mistakes:
        try:
            outs = m.outputs()
        except Exception:
            continue
        if all(n in outs and vals[n] is not None and np.shape(outs[n]) == vals[n].shape and
               np.all(rel_error(vals[n], np.asarray(outs[n], np.float64)) <= rtol) for n in wrong):
            return
    pairs = [f"{n} holds the expected {m}" for n, m in held.items()]
    num = {n: re.fullmatch(r"(.*?)(\d+)", n) for n in expected}
    top = {n: int(v[2]) for n, v in num.items() if v}
    flipped = bool(top) and all(
        n in top and m in top and num[n][1] == num[m][1] and
        top[n] + top[m] == min(top.values()) + max(top.values()) for n, m in held.items())
    raise CheckFailed(
        f"{' and '.join(wrong)} differ from {what}", pairs[:6],
        hint=f"every value is right but stored under another name ({'; '.join(pairs[:4])})" + (
            ": the numbers count from the other end (layer L where layer 1 belongs)"
            if flipped else ": the right values in the wrong places (an index or a name "
            "mixed up)"))


def _copied(name: str, arrays: Mapping[str, np.ndarray], expected: Outputs,
            rtol: float) -> str | None:
    """A wrong output that equals another output (yours or the expected one): a copy-paste."""
    g = arrays[name]
    for other in arrays:
        if other == name or arrays[other].shape != g.shape or not np.any(g):
            continue
        for what, v in ((f"your {other}", arrays[other]), (f"the expected {other}", expected[other])):
            v = np.asarray(v, np.float64)
            if np.all(rel_error(g, v) <= rtol) and not np.all(rel_error(g, expected[name]) <= rtol):
                return f"{name} equals {what}: a copy of another result (copy-paste?)" \
                    if what.startswith("your") else \
                    f"{name} equals {what}: it is computed as {other} should be ({other}'s " \
                    f"formula, or a copy, where {name}'s belongs)"
    return None


def _input_twin(got: object, exp: object, inputs: Mapping[str, object]) -> str | None:
    """The name of the input `got` equals (shape and values) when the expected value does not."""
    try:
        g, e = np.asarray(got, np.float64), np.asarray(exp, np.float64)
    except (TypeError, ValueError):
        return None
    for name, v in inputs.items():
        a = np.asarray(v, np.float64)
        if a.shape == g.shape and a.size and np.array_equal(a, g) and not (
                a.shape == e.shape and np.array_equal(a, e)):
            return name
    return None


def compare(got: Outputs, expected: Outputs, *, rtol: float = 1e-6, what: str = "the reference",
            mistakes: list[Mistake] | tuple[Mistake, ...] = (), help: tuple[str, ...] = (),
            allow_float32: bool = True, axes: Mapping[str, tuple[str, ...]] | None = None,
            regions: Mapping[str, np.ndarray] | None = None,
            sizes: Mapping[str, float] | None = None,
            inputs: Mapping[str, object] | None = None) -> None:
    """Compare named outputs; raise CheckFailed naming each output's state and the likely mistake.

    got, expected: {"dx": array, ...}. `rtol` is the largest accepted relative error.
    When no known mistake matches, `generic_hint` describes the error's structure;
    axes {"dx": ("example", "step", "feature")} names the axes, regions {"x > 0": mask}
    names input regions (masks broadcast to the outputs' shapes) for it, and sizes
    {"N": N} names a constant factor (N, 1/N, N/T, 2*N, ...); inputs {"b": b}: a wrong output
    equal to one of them is named so (a key in backquotes, "`out` (the output)", is shown as
    it is, any other as "the argument `b`").
    """
    for n in expected:
        twin = _input_twin(got.get(n), expected[n], inputs or {})
        if twin is not None:
            right = _input_twin(expected[n], got.get(n), inputs or {})
            label = twin if twin.startswith("`") else f"the argument `{twin}`"
            raise CheckFailed(f"{n} differs from {what}", [f"{n} is {label}"],
                              hint=f"{n} holds {label} where " + (
                                  f"`{right}` belongs" if right else "another value belongs") +
                              ": the wrong variable kept or returned?")
    _misplaced(got, expected, rtol, what, mistakes)
    arrays = {n: as_array(n, got.get(n), expected[n], allow_float32=allow_float32) for n in expected}
    diffs = [diff(n, arrays[n], expected[n], rtol) for n in expected]
    bad = [d for d in diffs if not d.ok]
    if not bad:
        return
    names = [d.name for d in bad]
    right = [d.name for d in diffs if d.ok]
    summary = f"{' and '.join(names)} differ{'s' if len(names) == 1 else ''} from {what}"
    details = []
    if len(diffs) > 1:
        details.append(" | ".join(d.cell() for d in diffs))
    details += [d.line() for d in bad]
    hint, mistake = None, None
    for m in mistakes:
        try:
            wrong = m.outputs()
        except Exception:
            continue
        # the mistake must explain every wrong output and contradict none the student got
        # right ("params are unchanged" is no hint when one of them changed as it should)
        if matches(arrays, wrong, names, rtol) and not _contradicts(arrays, wrong, right, rtol):
            hint, mistake = m.hint, m.name
            break
    if hint is None:
        shared, together = _shared_factor([d.name for d in bad], arrays, expected, sizes)
        hints = [shared] if shared else []
        hints += [h for d in bad if d.name not in together and (
            h := _copied(d.name, arrays, expected, rtol)
            or generic_hint(d.name, arrays[d.name], expected[d.name], rtol,
                            (axes or {}).get(d.name), regions, sizes))]
        hint = "; ".join(hints) or None
    err = CheckFailed(summary, details, hint=hint, mistake=mistake, help=help)
    err.exact = mistake is not None     # a known mistake's outputs matched, entry by entry
    raise err


def _shared_factor(names: list[str], arrays: Mapping[str, np.ndarray],
                   expected: Mapping[str, np.ndarray], sizes: Mapping[str, float] | None
                   ) -> tuple[str | None, set[str]]:
    """(hint, the outputs it covers) when two or more wrong arrays are all their expected
    values times one factor; else (None, set())."""
    ratios: dict[str, float] = {}
    for n in names:
        g, e = np.asarray(arrays[n], np.float64), np.asarray(expected[n], np.float64)
        if g.shape == e.shape and g.size >= 2 and np.count_nonzero(e) >= 2 and \
                (r := _ratio(g, e)) is not None:
            ratios[n] = r
    for r in ratios.values():
        group = [m for m in ratios if np.isclose(ratios[m], r, rtol=1e-6, atol=0)]
        # a factor named by the sizes (1/T) already says why, output by output
        if len(group) >= 2 and _named_factor(r, sizes, 1e-9) is None:
            label = _simple(r)
            listed = ", ".join(group[:-1]) + f" and {group[-1]}"
            return (f"{listed} all equal their expected values times the same {label}: one "
                    "scale shared by all of them is off (the factor, or the quantity it is "
                    "computed from)", set(group))
    return None, set()


def wrong_axis_log_softmax(logits: np.ndarray, class_axis: int = -1):
    """(axis, log-probabilities) normalised over each axis but the class axis, as students
    write them: after shifting by the max over the classes, over that axis, or not at all.
    For "the softmax is normalised over the wrong axis" mistakes; equal copies are skipped."""
    x = np.asarray(logits, dtype=np.float64)
    class_axis %= x.ndim
    for axis in (k for k in range(x.ndim) if k != class_axis):
        seen = []
        for shift in (class_axis, axis, None):
            z = x - x.max(axis=shift, keepdims=True) if shift is not None else x
            with np.errstate(all="ignore"):
                logp = z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
            if not any(np.allclose(logp, o, rtol=1e-12, atol=0) for o in seen):
                seen.append(logp)
                yield axis, logp


def numbers(name: str, values: object) -> np.ndarray:
    """A recorded list (of losses) as float64, or CheckFailed naming the first entry that is
    not one number (a (loss, grad) tuple appended whole)."""
    out = []
    for i, v in enumerate(values):
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            raise CheckFailed(f"{name}[{i}] is a {describe(v)}, not a number",
                              [f"{name} holds one number per step"],
                              hint=f"append the number alone: {name}[{i}] is a {describe(v)} (the "
                              "whole result of a function that returns several values?)"
                              ) from None
    return np.asarray(out, dtype=np.float64)


def expect(cond: bool, summary: str, *details: str, hint: str | None = None,
           mistake: str | None = None) -> None:
    """Fail with a message when `cond` is false."""
    if not cond:
        raise CheckFailed(summary, list(details), hint=hint, mistake=mistake)


def named(name: str, out: object, names: tuple[str, ...]) -> dict[str, object]:
    """Turn the tuple `name` returned into named outputs, failing clearly on the wrong arity."""
    if len(names) == 1:
        return {names[0]: out}
    if not isinstance(out, (tuple, list)) or len(out) != len(names):
        raise CheckFailed(f"{name} should return {len(names)} values ({', '.join(names)})",
                          [f"it returned {describe(out)}"])
    return dict(zip(names, out, strict=True))


def unpack(name: str, out: object, names: tuple[str, ...]) -> tuple:
    """Like `named`, as a tuple: `out, cache = unpack("f", f(x), ("out", "cache"))`."""
    return tuple(named(name, out, names).values())
