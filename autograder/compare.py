"""Compare a student's outputs with expected ones and say precisely where they differ.

Every comparison is by relative error, elementwise
    err = |got - exp| / (|got| + |exp| + atol),
so it is scale-free; `atol` keeps entries that are zero in both from dividing by zero.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
        raise CheckFailed(f"{name} has the wrong shape", details)
    if got.dtype.kind not in "fiub" or (got.dtype.kind in "iub" and exp.dtype.kind == "f"):
        if not (got.dtype.kind in "iub" and exp.dtype.kind in "iub"):
            raise CheckFailed(f"{name} has dtype {got.dtype}, expected {exp.dtype}")
    if exp.dtype == np.float64 and got.dtype == np.float32 and not allow_float32:
        raise CheckFailed(f"{name} is float32; this task needs float64 precision")
    if got.dtype.kind == "f" and not np.all(np.isfinite(got)):
        bad = np.argwhere(~np.isfinite(got))[0]
        raise CheckFailed(f"{name} contains nan or inf", [
            f"{name}{_fmt_index(tuple(bad))} = {got[tuple(bad)]}; overflow? (e.g. exp of a large number)"])
    return got


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
    for n in names:
        a, b = got.get(n), other.get(n)
        if a is None or b is None:
            return False
        a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
        if a.shape != b.shape or not np.all(rel_error(a, b) <= max(rtol, 1e-6)):
            return False
    return True


def generic_hint(name: str, got: np.ndarray, exp: np.ndarray) -> str | None:
    """Recognise common shapes of wrong: sign, a constant factor, a transpose."""
    g, e = np.asarray(got, np.float64), np.asarray(exp, np.float64)
    if not np.any(e):
        return f"{name} should be all zeros" if np.any(g) else None
    if np.all(rel_error(g, -e) < 1e-6):
        return f"{name} has the right size but the wrong sign"
    if g.ndim == 2 and g.shape[0] == g.shape[1] and np.all(rel_error(g, e.T) < 1e-6):
        return f"{name} is transposed"
    ratio = np.sum(g * e) / np.sum(e * e)
    if abs(ratio) > 1e-12 and np.all(rel_error(g, ratio * e) < 1e-6):
        return f"{name} equals the expected value times {ratio:.4g}: a missing or extra factor?"
    return None


def compare(got: Outputs, expected: Outputs, *, rtol: float = 1e-6, what: str = "the reference",
            mistakes: list[Mistake] | tuple[Mistake, ...] = (), help: tuple[str, ...] = (),
            allow_float32: bool = True) -> None:
    """Compare named outputs; raise CheckFailed naming each output's state and the likely mistake.

    got, expected: {"dx": array, ...}. `rtol` is the largest accepted relative error.
    """
    arrays = {n: as_array(n, got.get(n), expected[n], allow_float32=allow_float32) for n in expected}
    diffs = [diff(n, arrays[n], expected[n], rtol) for n in expected]
    bad = [d for d in diffs if not d.ok]
    if not bad:
        return
    names = [d.name for d in bad]
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
        if matches(arrays, wrong, names, rtol):
            hint, mistake = m.hint, m.name
            break
    if hint is None:
        hints = [h for d in bad if (h := generic_hint(d.name, arrays[d.name], expected[d.name]))]
        hint = "; ".join(hints) or None
    raise CheckFailed(summary, details, hint=hint, mistake=mistake, help=help)


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
