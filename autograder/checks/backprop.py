"""Checks of module 02: layers, their backward passes, a gradient checker, an MLP, training.

Each check draws random shapes and values from its seed, runs the student's function in
float64 and compares with the reference in `course.reference.nn` by relative error.
"""

from __future__ import annotations

import numpy as np

from autograder.checks import known, loops
from autograder.compare import (
    Mistake,
    compare,
    describe,
    expect,
    named,
    numbers,
    unpack,
    wrong_axis_log_softmax,
)
from autograder.result import CheckFailed
from autograder.tasks import Module, Task
from course.data import spirals
from course.functions import Cubic, CubicValue
from course.reference import gradcheck, nn

LAYERS = {n: f"course.reference.nn:{n}" for n in (
    "linear_forward", "linear_backward", "relu_forward", "relu_backward",
    "tanh_forward", "tanh_backward", "softmax_cross_entropy")}


def _shapes(rng, k=3, lo=2, hi=7):
    """k distinct sizes, so a transposed matrix never has the right shape by accident."""
    return [int(s) for s in rng.choice(np.arange(lo, hi + 1), size=k, replace=False)]


def check_linear_forward(linear_forward, *, seed):
    rng = np.random.default_rng(seed)
    N, D, M = _shapes(rng)
    x, w, b = rng.normal(size=(N, D)), rng.normal(size=(D, M)), rng.normal(size=M)
    out, cache = unpack("linear_forward", linear_forward(x.copy(), w.copy(), b.copy()),
                        ("out", "cache"))
    compare({"out": out}, {"out": x @ w + b}, mistakes=[
        Mistake("bias-missing", "out is x @ w without the bias b", lambda: {"out": x @ w}),
        Mistake("bias-subtracted", "the bias is subtracted instead of added",
                lambda: {"out": x @ w - b}),
    ])
    expect(isinstance(cache, tuple) and len(cache) == 2, "cache should be the tuple (x, w)",
           f"got {type(cache).__name__}; linear_backward reads x and w from it")
    compare(dict(zip(("cache[0]", "cache[1]"), cache, strict=True)), {"cache[0]": x, "cache[1]": w},
            what="(x, w)", inputs={"x": x, "w": w, "b": b, "`out` (the output)": x @ w + b})


def check_linear_backward(linear_backward, *, seed):
    rng = np.random.default_rng(seed)
    N, D, M = _shapes(rng)
    x, w = rng.normal(size=(N, D)), rng.normal(size=(D, M))
    dout = rng.normal(size=(N, M))
    kept = {"cache[0] (x)": x.copy(), "cache[1] (w)": w.copy(), "dout": dout.copy()}
    got = named("linear_backward", linear_backward(dout, (x, w)), ("dx", "dw", "db"))
    dx, dw, db = nn.linear_backward(kept["dout"], (kept["cache[0] (x)"], kept["cache[1] (w)"]))
    if isinstance(got["db"], np.ndarray) and got["db"].shape == (N, M):
        raise CheckFailed("db has the wrong shape", [f"db: expected shape ({M},), got ({N}, {M})"],
                          hint="sum the bias gradient over the batch: db = dout.sum(axis=0)",
                          mistake="db-not-summed")
    compare(got, {"dx": dx, "dw": dw, "db": db}, sizes={"N": N}, mistakes=[
        Mistake("extra-1/N", f"your gradients equal the expected ones divided by N = {N}: "
                "did you average over the batch? The loss already did",
                lambda: {"dx": dx / N, "dw": dw / N, "db": db / N}),
        Mistake("dw-extra-1/N", f"your dw equals the expected dw divided by N = {N}: "
                "did you average over the batch? The loss already did", lambda: {"dw": dw / N}),
        Mistake("db-mean", f"db is the mean over the batch, not the sum (off by N = {N})",
                lambda: {"db": db / N}),
    ])
    _check_arguments_kept(got, {"cache[0] (x)": x, "cache[1] (w)": w, "dout": dout}, kept)


def _check_arguments_kept(got, now, kept):
    """A backward returns new arrays and leaves dout and its cache as they were (the notebook's
    introduction): the caller may still read them (batch 23: dx written into the cached x with
    np.matmul(..., out=x) after dw had used it)."""
    changed = [k for k in kept if not np.array_equal(now[k], kept[k], equal_nan=True)]
    if not changed:
        return
    k = changed[0]
    arg = "`cache`" if k.startswith("cache") else "`dout`"
    into = next((g for g in ("dx", "dw", "db") if isinstance(got[g], np.ndarray) and
                 got[g].shape == now[k].shape and np.array_equal(got[g], now[k])), None)
    raise CheckFailed(f"linear_backward changed its argument {arg}: {k} holds other values after "
                      "the call", [f"{int(np.sum(now[k] != kept[k]))} of its {now[k].size} "
                                   f"entries changed" + (f"; it now holds your {into}" if into
                                                         else ""),
                                   "a backward function returns new arrays and leaves the "
                                   "gradient it receives and its cache as they were: the caller "
                                   "may still read them (a gradient check does, and so does a "
                                   "layer whose input feeds two others)"],
                      hint=(f"{into} was written into {k.split()[-1][1:-1]} itself (np.matmul(..., "
                            f"out=...), or {k.split()[-1][1:-1]}[...] = ...): compute it into a "
                            f"new array, {into} = " + {"dx": "dout @ w.T", "dw": "x.T @ dout",
                                                      "db": "dout.sum(axis=0)"}[into])
                      if into else "compute the gradients into new arrays, never in place on "
                      "dout or on the arrays of the cache", mistake="changed-upstream")


def check_relu(relu_forward, relu_backward, *, seed):
    rng = np.random.default_rng(seed)
    shape = tuple(_shapes(rng, k=2))
    x = rng.normal(size=shape)
    x.flat[:3] = 0.0  # ties: the gradient of max(0, x) at 0 is taken as 0
    out, cache = unpack("relu_forward", relu_forward(x.copy()), ("out", "cache"))
    compare({"out": out}, {"out": np.maximum(0, x)},
            regions={"x > 0": x > 0, "x < 0": x < 0, "x = 0": x == 0})
    dout = rng.normal(size=shape)
    dx = relu_backward(dout.copy(), cache)
    compare({"dx": dx}, {"dx": dout * (x > 0)}, regions={"x > 0": x > 0, "x <= 0": x <= 0},
            mistakes=[
        Mistake("mask-on-dout", "the mask must come from the layer's input x (x > 0), "
                "not from the upstream gradient dout", lambda: {"dx": dout * (dout > 0)}),
        Mistake("mask-without-dout", "dx is the mask alone: multiply it by dout",
                lambda: {"dx": (x > 0).astype(float)}),
        Mistake("mask-ge", "at x == 0 the gradient is 0: use x > 0, not x >= 0",
                lambda: {"dx": dout * (x >= 0)}),
    ])
    _other_forward(relu_forward, relu_backward, shape, rng, lambda z, d: d * (z > 0))
    _any_shape("relu", relu_forward, relu_backward, rng, lambda z: np.maximum(0, z),
               lambda z, d: d * (z > 0))


def _other_forward(forward, backward, shape, rng, grad):
    """Two forwards, then the backward of the first: a backward pass may only use its cache.

    Catches a backward that reads what the last forward call left in a global.
    """
    xa, xb = rng.normal(size=shape), rng.normal(size=shape)
    cache_a = unpack("forward", forward(xa.copy()), ("out", "cache"))[1]
    forward(xb.copy())
    d = rng.normal(size=shape)
    got = backward(d.copy(), cache_a)
    try:
        compare({"dx": got}, {"dx": grad(xa, d)}, what="the gradient for the first of two forward "
                "calls, given that call's cache")
    except CheckFailed as e:
        e.hint = ("after two forward calls, the backward pass given the FIRST call's cache "
                  "returned the gradient of the second: use only dout and the cache, never "
                  "what the last forward call left behind") if np.allclose(
                      np.asarray(got, float), grad(xb, d)) else e.hint
        e.mistake = "backward-ignores-cache"
        raise


def _any_shape(name, forward, backward, rng, fn, grad):
    """An elementwise layer works on any shape: a 3-D and a 1-D input, forward then backward."""
    for shape in ((2, 3, 4), (5,)):
        x = rng.normal(size=shape)
        d = rng.normal(size=shape)
        try:
            out, cache = unpack(f"{name}_forward", forward(x.copy()), ("out", "cache"))
            dx = backward(d.copy(), cache)
        except CheckFailed:
            raise
        except Exception as e:
            raise CheckFailed(f"{name} raised {type(e).__name__} on an x of shape {shape}: {e}",
                              ["the docstrings say any shape; the earlier inputs were 2-D"],
                              hint=f"{name} is elementwise: write it with numpy operations on the "
                                   "whole array (no loops over two axes, no reshape to 2-D)",
                              mistake="2d-only") from None
        try:
            compare({"out": out, "dx": dx}, {"out": fn(x), "dx": grad(x, d)},
                    what=f"the layer on an x of shape {shape} (the docstrings say any shape)")
        except CheckFailed as e:
            if any(np.shape(v) != shape for v in (out, dx)):
                e.hint = (f"{name} is elementwise: out and dx keep the shape of x, whatever it is "
                          "(no reshape to 2-D)")
                e.mistake = "2d-only"
            raise


def check_tanh(tanh_forward, tanh_backward, *, seed):
    rng = np.random.default_rng(seed)
    shape = tuple(_shapes(rng, k=2))
    x = rng.normal(scale=1.5, size=shape)
    out, cache = unpack("tanh_forward", tanh_forward(x.copy()), ("out", "cache"))
    compare({"out": out}, {"out": np.tanh(x)})
    dout = rng.normal(size=shape)
    kept = [(n, v, np.array(v, copy=True)) for n, v in (("out", out), ("cache", cache))
            if isinstance(v, np.ndarray)]
    dx = tanh_backward(dout.copy(), cache)
    for n, v, before in kept:
        if v.shape == before.shape and not np.array_equal(v, before, equal_nan=True):
            raise CheckFailed(f"tanh_backward changed the forward's {n} in place",
                              [f"{int(np.sum(v != before))} of its {v.size} entries changed"],
                              hint="the cache is the forward's output, an array its caller "
                                   "holds too: compute the derivative into a new array "
                                   "(1 - cache**2), never in place on cache (`s = cache; s *= s` "
                                   "changes cache itself)", mistake="cache-changed")
    t = np.tanh(x)
    compare({"dx": dx}, {"dx": dout * (1 - t**2)}, mistakes=[
        Mistake("derivative-of-input", "the derivative is 1 - tanh(x)**2, not 1 - x**2",
                lambda: {"dx": dout * (1 - x**2)}),
        Mistake("derivative-without-square", "the derivative is 1 - tanh(x)**2, not 1 - tanh(x)",
                lambda: {"dx": dout * (1 - t)}),
        Mistake("derivative-only", "dx is the local derivative alone: multiply it by dout",
                lambda: {"dx": 1 - t**2}),
        Mistake("derivative-brackets", "the derivative is 1 - tanh(x)**2 (square, then "
                "subtract), not (1 - tanh(x))**2: mind the brackets",
                lambda: {"dx": dout * (1 - t)**2}),
    ])
    _other_forward(tanh_forward, tanh_backward, shape, rng, lambda z, d: d * (1 - np.tanh(z)**2))
    # large inputs: tanh saturates at +-1; exp(x) of the textbook ratio overflows to inf / inf
    xl = rng.normal(size=shape)
    xl.flat[:4] = (400.0, -400.0, 1000.0, -1000.0)
    with np.errstate(all="ignore"):
        out, cache = unpack("tanh_forward", tanh_forward(xl.copy()), ("out", "cache"))
    try:
        compare({"out": out}, {"out": np.tanh(xl)}, what="np.tanh on inputs as large as 1000")
    except CheckFailed as e:
        if not np.all(np.isfinite(np.asarray(out, dtype=float))):
            e.hint = ("tanh(x) is +-1 for large |x|, but exp(x) overflows to inf beyond x = 709 "
                      "and (e^x - e^-x) / (e^x + e^-x) becomes inf / inf = nan: use np.tanh(x)")
            e.mistake = "tanh-overflow"
        raise
    _any_shape("tanh", tanh_forward, tanh_backward, rng, np.tanh,
               lambda z, d: d * (1 - np.tanh(z)**2))


def check_softmax_cross_entropy(softmax_cross_entropy, *, seed):
    rng = np.random.default_rng(seed)
    N, C = _shapes(rng, k=2, lo=3, hi=9)
    logits = rng.normal(scale=3.0, size=(N, C))
    y = rng.integers(0, C, size=N)
    loss, dlogits = nn.softmax_cross_entropy(logits, y)
    p = nn.softmax(logits)
    onehot = np.eye(C)[y]
    got = named("softmax_cross_entropy", softmax_cross_entropy(logits.copy(), y.copy()),
                 ("loss", "dlogits"))
    compare(got, {"loss": np.float64(loss), "dlogits": dlogits}, sizes={"N": N, "C": C},
            regions={"c = y[n], the true class of row n": onehot.astype(bool)}, mistakes=[
        Mistake("sum-not-mean", f"loss and gradient are N = {N} times too large: "
                "average over the batch", lambda: {"loss": loss * N, "dlogits": dlogits * N}),
        Mistake("grad-not-averaged", f"dlogits is N = {N} times too large: divide by N as the "
                "loss does", lambda: {"dlogits": dlogits * N}),
        Mistake("double-average", f"dlogits is divided by N = {N} twice",
                lambda: {"dlogits": dlogits / N}),
        Mistake("missing-onehot", "dlogits is softmax / N: subtract 1 at the true class",
                lambda: {"dlogits": p / N}),
        Mistake("loss-all-classes", "the loss averages -log p over all classes: take -log p of "
                "the true class y[n] only", lambda: {"loss": -np.log(p).mean()}),
        Mistake("sign", "the gradient is onehot - softmax: it should be softmax - onehot",
                lambda: {"dlogits": (onehot - p) / N}),
        *[Mistake("softmax-over-batch", "the softmax is normalised over the batch (axis=0, "
                  "down each column): each row's probabilities must sum to 1 over the classes "
                  "(axis=1)", lambda lp=lp: {"loss": -lp[np.arange(N), y].mean(),
                                             "dlogits": (np.exp(lp) - onehot) / N})
          for _, lp in wrong_axis_log_softmax(logits, 1)],
    ])
    # numerical stability: huge logits must not overflow
    big = logits * 300.0
    loss_b, dl_b = nn.softmax_cross_entropy(big, y)
    got = named("softmax_cross_entropy", softmax_cross_entropy(big.copy(), y.copy()),
                 ("loss", "dlogits"))
    try:
        compare(got, {"loss": np.float64(loss_b), "dlogits": dl_b}, what="the reference on logits "
                f"as large as {np.abs(big).max():.0f}")
    except CheckFailed as e:
        try:
            grad_right = np.allclose(np.asarray(got["dlogits"], float), dl_b, rtol=1e-6, atol=1e-12)
        except (TypeError, ValueError):
            grad_right = False
        if grad_right and not e.hint:   # the shift is there: the loss takes log of a rounded p
            e.hint = ("dlogits is right but the loss is not: with logits this large the softmax "
                      "of the true class rounds to 0, and log(0) is -inf (log(p + eps) is log(eps)):"
                      " take the log-softmax directly, log p = z - log(sum(exp(z))) with z the "
                      "shifted logits, rather than the log of the probabilities")
            e.mistake = "log-of-softmax"
        e.hint = e.hint or ("exp of a large logit overflows: subtract each row's max "
                            "before exponentiating (the softmax does not change)")
        e.mistake = e.mistake or "no-max-shift"
        raise


def _shifted(extra: list[str], missing: list[str]) -> bool:
    """Are the extra keys numbered from 0 ("W0") where the missing ones name the same kinds of
    parameter ("W4"): layers counted from 0 where params counts them from 1?"""
    def split(k: str) -> tuple[str, int] | None:
        head = k.rstrip("0123456789")
        return (head, int(k[len(head):])) if head != k else None
    got, want = [split(k) for k in extra], [split(k) for k in missing]
    return None not in got + want and {h for h, _ in got} <= {h for h, _ in want} and \
        min(n for _, n in got) == 0


def check_numerical_gradient(numerical_gradient, *, seed):
    rng = np.random.default_rng(seed)
    shape = tuple(_shapes(rng, k=2, lo=2, hi=4))
    f = Cubic(*(rng.normal(size=shape) for _ in range(3)))
    x = rng.normal(size=shape)
    x0 = x.copy()
    h = 1e-3
    # the student gets values only: nothing passed in may carry the gradient
    g = numerical_gradient(CubicValue(f.a, f.b, f.c), x, h)
    again = numerical_gradient(CubicValue(f.a, f.b, f.c), x0.copy(), h)
    expect(np.array_equal(np.asarray(g, float), np.asarray(again, float)),
           "two calls on the same f and x returned different gradients",
           hint="numerical_gradient must depend only on f, x and h")
    same = np.shape(g) == x.shape and np.array_equal(np.asarray(g, float), x)
    expect(np.array_equal(x, x0), "numerical_gradient changed x",
           "x now holds the very gradient returned: the gradient was written into x itself "
           "(`grad = x` gives x a second name, not a copy: start from np.zeros_like(x))" if same
           else f"x is off by at most {np.abs(x - x0).max():.0e}: adding h and taking it away "
           "again does not give back the same float; save the entry and assign it back "
           "(old = x[i], ..., x[i] = old)" if np.shape(x) == np.shape(x0) and
           np.allclose(x, x0, rtol=1e-12, atol=0) else
           "restore each entry after perturbing it: x[i] = old")
    # For a cubic the centred difference is exactly f'(x) + a h**2 (up to rounding, ~1e-12):
    # compare with that, not with f'(x), whose gap a h**2 ~ 1e-6 is a large relative error
    # where f'(x) is near 0 (correct code failed 2.6 on about 3% of seeds).
    exact = f.grad(x0) + f.a * h**2
    compare({"grad": g}, {"grad": exact}, rtol=1e-4, what="the exact centred difference "
            "(f(x + h e_i) - f(x - h e_i)) / 2h", sizes={"h": h},
            mistakes=[
        Mistake("one-sided", "this is the one-sided difference (f(x+h) - f(x)) / h, accurate to "
                "O(h) only: use (f(x+h) - f(x-h)) / (2h)",
                lambda: {"grad": _one_sided(f, x0, h)}),
        Mistake("missing-2", "centred difference without the 2: divide by 2h",
                lambda: {"grad": 2 * exact}),
    ])
    # x of any shape: a 1-D one (the experiment after this task passes the bias b)
    n1 = int(rng.integers(3, 6))
    f1 = Cubic(*(rng.normal(size=n1) for _ in range(3)))
    x1 = rng.normal(size=n1)
    try:
        g1 = numerical_gradient(CubicValue(f1.a, f1.b, f1.c), x1.copy(), h)
    except Exception as e:
        raise CheckFailed(f"numerical_gradient raised {type(e).__name__} on a 1-D x of shape "
                          f"({n1},): {e}", ["x may have any shape; the first x was 2-D (the "
                          "experiment below passes the 1-D bias b)"],
                          hint="visit every index of x whatever its shape: for i in "
                               "np.ndindex(x.shape), then x[i] (not two loops over two axes)",
                          mistake="numgrad-2d-only") from None
    try:
        compare({"grad": g1}, {"grad": f1.grad(x1) + f1.a * h**2}, rtol=1e-4,
                what=f"the exact centred difference on a 1-D x of shape ({n1},)")
    except CheckFailed as e:
        if np.shape(g1) != (n1,):
            e.hint, e.mistake = "grad has the shape of x, whatever it is", "numgrad-2d-only"
        raise
    # the step is the argument h: with a large one the centred difference of the cubic is
    # f'(x) + a h**2, far from f'(x), so a step of the student's own shows
    H = 0.5
    gH = numerical_gradient(CubicValue(f.a, f.b, f.c), x0.copy(), H)
    try:
        compare({"grad": gH}, {"grad": f.grad(x0) + f.a * H**2}, rtol=1e-4,
                what=f"the exact centred difference with h = {H}", sizes={"h": H})
    except CheckFailed as e:
        if np.shape(gH) == x0.shape and np.allclose(np.asarray(gH, float), f.grad(x0), rtol=1e-4):
            e.hint = (f"with h = {H} your grad is the centred difference of a much smaller "
                      "step: perturb x by the argument h, not by a number of your own")
            e.mistake = "numgrad-ignores-h"
        raise
    # and a 3-D one: "any shape" is more than the two shapes above (AUD4)
    shape3 = (2, 3, 2)
    f3 = Cubic(*(rng.normal(size=shape3) for _ in range(3)))
    x3 = rng.normal(size=shape3)
    hint3 = ("visit every index of x whatever its number of axes: for i in np.ndindex(x.shape), "
             "then x[i] (loops written for one or two axes perturb a whole row of a 3-D x)")
    try:
        g3 = numerical_gradient(CubicValue(f3.a, f3.b, f3.c), x3.copy(), h)
    except Exception as e:
        raise CheckFailed(f"numerical_gradient raised {type(e).__name__} on a 3-D x of shape "
                          f"{shape3}: {e}", ["x may have any shape; the docstring says so"],
                          hint=hint3, mistake="numgrad-2d-only") from None
    try:
        compare({"grad": g3}, {"grad": f3.grad(x3) + f3.a * h**2}, rtol=1e-4,
                what=f"the exact centred difference on a 3-D x of shape {shape3}")
    except CheckFailed as e:
        e.hint, e.mistake = hint3, "numgrad-2d-only"
        raise
    _check_zero_entries(numerical_gradient, seed, h)


def _check_zero_entries(numerical_gradient, seed, h):
    """Every entry of x, zeros included (batch 23: a loop over np.argwhere(x) visits only
    the nonzero ones): the experiment after this task passes the bias b, which starts at 0.
    The gradient there is c + a h**2 (|c| >= 0.5 here), so a skipped entry reads 0."""
    r = np.random.default_rng([seed, 41])
    shape = (3, 4)
    a, b, c = (r.normal(size=shape) for _ in range(3))
    f = Cubic(a, b, c + 0.5 * np.sign(c))
    x = r.normal(size=shape)
    zero = np.zeros(shape, dtype=bool)
    zero.flat[r.choice(x.size, size=4, replace=False)] = True
    x[zero] = 0.0
    g = numerical_gradient(CubicValue(f.a, f.b, f.c), x.copy(), h)
    exact = f.grad(x) + f.a * h**2
    try:
        compare({"grad": g}, {"grad": exact}, rtol=1e-4, what="the exact centred difference on "
                f"an x with {int(zero.sum())} entries exactly 0", sizes={"h": h},
                regions={"x = 0": zero, "x != 0": ~zero})
    except CheckFailed as e:
        ga = np.asarray(g, dtype=float) if np.shape(g) == shape else None
        if ga is not None and np.all(ga[zero] == 0) and \
                np.allclose(ga[~zero], exact[~zero], rtol=1e-4):
            e.hint = ("grad is 0 at every entry where x is 0 and right elsewhere: the loop skips "
                      "the zero entries of x (np.argwhere(x), np.nonzero(x) and x.nonzero() list "
                      "only the nonzero ones); visit every index, for i in np.ndindex(x.shape): a "
                      "parameter at 0, a fresh bias, still has a gradient")
            e.mistake = "numgrad-skips-zeros"
            raise known(e) from None
        raise


def _one_sided(f, x, h):
    x = x.copy()
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        fp = f(x)
        x[i] = old
        g[i] = (fp - f(x)) / h
    return g


def check_mlp(mlp_forward, mlp_backward, *, seed):
    rng = np.random.default_rng(seed)
    depth = int(rng.integers(1, 4))
    sizes = [int(s) for s in rng.integers(3, 9, size=depth + 2)]
    params = nn.mlp_init(sizes, rng)
    for k in params:  # non-zero biases, so a wrong bias gradient cannot hide
        if k.startswith("b"):
            params[k] = rng.normal(scale=0.5, size=params[k].shape)
    x = rng.normal(size=(int(rng.integers(4, 9)), sizes[0]))
    scores, caches = unpack("mlp_forward", mlp_forward(params, x), ("scores", "caches"))
    exp_scores, _ = nn.mlp_forward(params, x)
    compare({"scores": scores}, {"scores": exp_scores}, mistakes=[
        Mistake("relu-on-scores", "the last layer gives raw scores: no ReLU after it",
                lambda: {"scores": np.maximum(0, exp_scores)}),
        *[Mistake(f"no-relu-{i}", f"your scores are the network's without the ReLU after hidden "
                  f"layer {i} (of {depth}): every hidden layer is linear then ReLU",
                  lambda i=i: {"scores": _scores_relus(params, x, skip=i)})
          for i in range(1, depth + 1)],
    ])
    dscores = rng.normal(size=exp_scores.shape)
    grads = mlp_backward(dscores, caches)
    expect(isinstance(grads, dict), "mlp_backward should return a dict of gradients",
           f"got {type(grads).__name__}")
    expected = nn.mlp_backward(dscores, nn.mlp_forward(params, x)[1])
    missing = sorted(set(expected) - set(grads))
    extra = sorted(map(str, set(grads) - set(expected)))
    has = f"it has gradients for {', '.join(extra)}, which params does not have"
    ends = {f"W{depth + 1}", f"b{depth + 1}"} if depth + 1 > 1 else set()
    edge = "the first" if set(missing) == {"W1", "b1"} else "the last" if set(missing) == ends \
        else None
    expect(not missing, f"mlp_backward has no gradient for {', '.join(missing)}",
           "return one gradient per parameter, keyed like params",
           hint=has + (": its layer numbers are off by one (params count the layers from 1)"
                       if _shifted(extra, missing) else "") if extra else
           f"only {edge} layer's gradients are missing: does the loop over the layers stop one "
           "short of it (a range's end is not included)?" if edge else None)
    compare(grads, expected)
    # the same gradient from central differences of the loss sum(scores * dscores)
    k = f"W{depth + 1}"
    num = gradcheck.numerical_gradient(lambda w: float(np.sum(nn.mlp_forward({**params, k: w}, x)[0]
                                                    * dscores)), params[k].copy())
    compare({k: grads[k]}, {k: num}, rtol=1e-5, what="central differences")
    _check_depths(mlp_forward, mlp_backward, seed)


def _check_depths(mlp_forward, mlp_backward, seed):
    """L = len(params) // 2 for any L: one layer (no hidden layer, no ReLU: the net is linear)
    and eleven (keys W10 and W11, which sort before W2 as strings) (AUD4)."""
    r = np.random.default_rng([seed, 40])
    for L in (1, 11):
        sizes = [int(s) for s in r.integers(3, 7, size=L + 1)]
        params = nn.mlp_init(sizes, r)
        for k in params:
            if k.startswith("b"):
                params[k] = r.normal(scale=0.5, size=params[k].shape)
        x = r.normal(size=(int(r.integers(4, 9)), sizes[0]))
        exp_scores, exp_caches = nn.mlp_forward(params, x)
        dscores = r.normal(size=exp_scores.shape)
        expected = nn.mlp_backward(dscores, exp_caches)
        hint = ("with one layer (params holds only W1 and b1) there is no hidden layer: the "
                "scores are x @ W1 + b1, with no ReLU" if L == 1 else
                f"with {L} layers (keys W1 to W{L}): loop i over 1..L with L = len(params) // 2 "
                "and read params[f'W{i}']; sorted keys or max(params) compare strings, and 'W10' "
                "sorts before 'W2'")
        what = f"the reference on a net of {L} layer{'s' if L > 1 else ''}, sizes {sizes}"
        try:
            scores, caches = unpack("mlp_forward", mlp_forward(
                {k: v.copy() for k, v in params.items()}, x.copy()), ("scores", "caches"))
            compare({"scores": scores}, {"scores": exp_scores}, what=what)
            grads = mlp_backward(dscores.copy(), caches)
            expect(isinstance(grads, dict) and set(grads) == set(expected),
                   f"on a net of {L} layers mlp_backward returned gradients for "
                   f"{sorted(map(str, grads)) if isinstance(grads, dict) else describe(grads)}",
                   f"expected one per parameter: {sorted(expected, key=lambda k: (k[0], int(k[1:])))}")
            compare(grads, expected, what=what)
        except CheckFailed as e:
            e.hint, e.mistake = hint, "mlp-depth"
            raise
        except Exception as e:
            raise CheckFailed(f"mlp_forward or mlp_backward raised {type(e).__name__} on a net of "
                              f"{L} layer{'s' if L > 1 else ''}: {e}", [what], hint=hint,
                              mistake="mlp-depth") from None


def _scores_relus(params, x, skip):
    """Scores of the MLP with the ReLU after hidden layer `skip` left out."""
    L = nn.n_layers(params)
    h = x
    for i in range(1, L + 1):
        h = nn.linear_forward(h, params[f"W{i}"], params[f"b{i}"])[0]
        if i < L and i != skip:
            h = nn.relu_forward(h)[0]
    return h


def check_training(sgd_step, train_mlp, *, seed):
    rng = np.random.default_rng(seed)
    W, g = rng.normal(size=(3, 2)), rng.normal(size=(3, 2))
    params, grads = {"W": W.copy()}, {"W": g}
    sgd_step(params, grads, 0.1)
    compare({"W": params["W"]}, {"W": W - 0.1 * g}, what="W - lr * grad (in place)", mistakes=[
        Mistake("ascent", "the update goes uphill: p <- p - lr * g", lambda: {"W": W + 0.1 * g}),
        Mistake("not-in-place", "sgd_step must update params in place (params[k] -= ...)",
                lambda: {"W": W}),
    ])
    # every key of a network's params, not only the first
    shapes = {"W1": (3, 4), "b1": (4,), "W2": (4, 2), "b2": (2,)}
    before = {k: rng.normal(size=s) for k, s in shapes.items()}
    grads = {k: rng.normal(size=s) for k, s in shapes.items()}
    params = {k: v.copy() for k, v in before.items()}
    sgd_step(params, grads, 0.1)
    stale = [k for k in shapes if np.array_equal(params[k], before[k])]
    expect(not stale, f"sgd_step left {', '.join(stale)} unchanged",
           f"params with the keys {', '.join(shapes)}: every one takes its step",
           hint="update every key of params (a return or break inside the loop ends it after the "
                "first)" if stale == list(shapes)[1:] else None)
    compare({k: params[k] for k in shapes}, {k: before[k] - 0.1 * grads[k] for k in shapes},
            what="params - lr * grads for every key")
    Xp, yp = spirals(16, 3, 0.15, rng=np.random.default_rng([seed, 28]))
    loops.check_epochs("train_mlp", train_mlp, Xp, yp, [2, 16, 3], seed)
    check_sgd_steps(train_mlp, seed)
    loops.check_shuffle_follows_rng("train_mlp", train_mlp, seed)
    X, y = spirals(100, 3, 0.15, rng=np.random.default_rng(seed))
    out = named("train_mlp", train_mlp(X, y, [2, 64, 3], np.random.default_rng(seed)),
                 ("params", "losses"))
    losses = np.asarray(out["losses"], dtype=float)
    expect(losses.ndim == 1 and losses.size >= 10, "losses should be a list of per-step losses",
           f"got {losses.shape}")
    expect(np.all(np.isfinite(losses)), "the loss became nan or inf: the step diverged",
           hint="is the learning rate as given? is the update p -= lr * g?")
    k = max(1, losses.size // 10)
    first, last = losses[:k].mean(), losses[-k:].mean()
    acc = nn.accuracy(nn.mlp_forward(out["params"], X)[0], y)
    expect(acc >= 0.9, f"training accuracy {acc:.2f} after training; expected at least 0.90",
           f"mean loss over the first 10% of steps {first:.3f}, over the last 10% {last:.3f}",
           hint=("the loss grew: the update should go downhill" if last > first else
                 "did every epoch visit every example? are the gradients applied each step?"))
    check_steps_past_small_loss(train_mlp, seed)


def _sgd_run(X, y, sizes, seed, lr, n_steps, batch_size):
    """The reference's parameters after n_steps steps on identical examples, and the losses
    (each before its step)."""
    params = nn.mlp_init(sizes, np.random.default_rng(seed))
    losses = []
    for _ in range(n_steps):
        scores, caches = nn.mlp_forward(params, X[:batch_size])
        loss, dscores = nn.softmax_cross_entropy(scores, y[:batch_size])
        losses.append(float(loss))
        grads = nn.mlp_backward(dscores, caches)
        for k in params:
            params[k] = params[k] - lr * grads[k]
    return params, np.array(losses)


def check_steps_past_small_loss(train_mlp, seed, epochs=6, batch_size=4):
    """Every batch of every epoch, however small the loss (batch 23: a break out of the batch
    loop once the loss is below 1e-3). 16 identical examples (the order cannot matter) and
    lr = 2: the example is redrawn (at most 4 times on seeds 0-299) until the reference's loss
    starts above 1e-2 and falls below 1e-4 within the first half of the 24 steps (by step 1-7
    on seeds 0-299); once below 1e-3 it stays there."""
    r = np.random.default_rng([seed, 44])
    sizes, lr, K = [2, 16, 3], 2.0, 16 // batch_size
    n_steps = epochs * K
    for _ in range(20):
        X, y = np.repeat(2.0 * r.normal(size=(1, 2)), 16, axis=0), np.full(16, int(r.integers(3)))
        exp, losses_exp = _sgd_run(X, y, sizes, seed, lr, n_steps, batch_size)
        if losses_exp[0] > 1e-2 and np.any(losses_exp[:n_steps // 2] < 1e-4):
            break
    call = (f"train_mlp(X, y, {sizes}, rng, lr={lr:g}, epochs={epochs}, batch_size={batch_size}) "
            "on 16 identical examples")
    out = named("train_mlp", train_mlp(X.copy(), y.copy(), list(sizes), np.random.default_rng(seed),
                                       lr=lr, epochs=epochs, batch_size=batch_size),
                ("params", "losses"))
    losses = numbers("losses", out["losses"])
    k = int(np.argmax(losses_exp < 1e-3))
    small = len(losses) < n_steps and len(losses) > 0 and np.nanmin(losses) < 1e-2
    expect(len(losses) == n_steps, f"train_mlp recorded {len(losses)} losses; {epochs} epochs "
           f"of {K} batches take {n_steps} steps", call,
           f"the loss falls below 1e-3 at step {k} and ends at {losses_exp[-1]:.0e}",
           hint="your loop took fewer steps once the loss was small: every epoch runs every one "
                "of its batches, however small the loss (no break out of the batch loop, no "
                "early stop on a loss threshold): the caller asked for that many epochs"
           if small else "one step, and one recorded loss, per minibatch of every epoch",
           mistake="stops-at-small-loss" if small else None)
    got = {k: out["params"][k] for k in exp} if isinstance(out["params"], dict) and \
        all(k in out["params"] for k in exp) else {}
    compare(got, exp, rtol=1e-6, what=f"{n_steps} SGD steps ({epochs} epochs of {K} batches, "
            "all 16 examples identical) as the loss falls below 1e-3")
    above = losses_exp >= 1e-6
    compare({"losses": losses[above]}, {"losses": losses_exp[above]}, rtol=1e-6,
            what=f"the losses of the {n_steps} steps, each before its step",
            axes={"losses": ("step",)})


def check_sgd_steps(train_mlp, seed, epochs=5, batch_size=4):
    """One SGD step per minibatch, every epoch: on 16 identical examples every batch has the
    same gradient, so the order cannot matter and the parameters after training are known."""
    r = np.random.default_rng([seed, 29])
    X, y = np.repeat(r.normal(size=(1, 2)), 16, axis=0), np.full(16, int(r.integers(3)))
    sizes, lr, K = [2, 8, 3], 0.05, 16 // batch_size
    out = named("train_mlp", train_mlp(X.copy(), y.copy(), list(sizes), np.random.default_rng(seed),
                                       lr=lr, epochs=epochs, batch_size=batch_size),
                ("params", "losses"))

    losses: list[float] = []        # the reference's, each before its step (one more after)

    def run(n_steps):
        params = nn.mlp_init(sizes, np.random.default_rng(seed))
        for t in range(n_steps + 1):
            scores, caches = nn.mlp_forward(params, X[:batch_size])
            loss, dscores = nn.softmax_cross_entropy(scores, y[:batch_size])
            losses.append(float(loss))
            if t == n_steps:
                break
            grads = nn.mlp_backward(dscores, caches)
            for k in params:
                params[k] = params[k] - lr * grads[k]
        return params

    exp = run(epochs * K)
    got = {k: out["params"][k] for k in exp} if isinstance(out["params"], dict) and \
        all(k in out["params"] for k in exp) else {}
    compare(got, exp, rtol=1e-6,
            what=f"{epochs * K} SGD steps ({epochs} epochs of {K} batches; all 16 examples "
                 "identical, so the order cannot matter)",
            mistakes=[
                Mistake("one-step-per-epoch", f"the parameters took {epochs} steps, one per "
                        "epoch: call sgd_step after every minibatch, inside the batch loop",
                        lambda: run(epochs)),
                Mistake("one-step-in-all", "the parameters took a single step: call sgd_step "
                        "after every minibatch", lambda: run(1)),
                Mistake("no-update", "the parameters never changed: apply each step with "
                        "sgd_step(params, grads, lr)", lambda: run(0)),
            ])
    # the first run's losses only: the known mistakes' runs append theirs after them
    loops.check_losses_before_steps(out["losses"], losses[:epochs * K + 1], "SGD", "sgd_step",
                                    1e-6)


TRAINING_ISOLATE = {**LAYERS, **{n: f"course.reference.nn:{n}"
                                  for n in ("mlp_forward", "mlp_backward", "mlp_init")}}

MODULE = Module("02_backprop", "Backpropagation", (
    Task("2.1", "linear_forward", 1, ("linear_forward",), check_linear_forward, help=(
        "out must have one row per example and one column per output: shape (N, M)",
        "x is (N, D) and w is (D, M): which product gives (N, M)? b is added to every row",
        "out = x @ w + b, and the cache is the tuple (x, w)")),
    Task("2.2", "linear_backward", 3, ("linear_backward",), check_linear_backward, help=(
        "compare each gradient's shape with the shape of what it is the gradient of",
        "write out = x @ w + b for one example and one output, then differentiate by hand",
        "dx = dout @ w.T, dw = x.T @ dout, db = sum of dout over the batch axis")),
    Task("2.3", "relu", 2, ("relu_forward", "relu_backward"), check_relu, help=(
        "the backward pass multiplies dout by the local derivative, elementwise",
        "the derivative of max(0, x) depends on the sign of the input x, kept in the cache",
        "dx = dout * (x > 0)")),
    Task("2.4", "tanh", 2, ("tanh_forward", "tanh_backward"), check_tanh, help=(
        "the backward pass multiplies dout by the local derivative, elementwise",
        "cache the forward output: the derivative of tanh is written in terms of it",
        "dx = dout * (1 - tanh(x)**2)")),
    Task("2.5", "softmax_cross_entropy", 3, ("softmax_cross_entropy",),
         check_softmax_cross_entropy, help=(
             "check the loss first, then the gradient",
             "softmax(z) = softmax(z - max z): shift before exp",
             "dlogits = (softmax(logits) - onehot(y)) / N")),
    Task("2.6", "numerical_gradient", 2, ("numerical_gradient",), check_numerical_gradient,
         help=("perturb one entry of x at a time, and put it back afterwards",
               "evaluate f on both sides of x[i], at old + h and at old - h",
               "grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2h)")),
    Task("2.7", "mlp", 3, ("mlp_forward", "mlp_backward"), check_mlp, isolate=LAYERS, help=(
        "check scores first: every layer but the last is linear then ReLU",
        "mlp_backward walks the caches in reverse, the ReLU backward before each hidden "
        "layer's linear backward",
        "grads[f'W{i}'], grads[f'b{i}'] come from linear_backward of layer i; its dx feeds layer i-1")),
    Task("2.8", "training", 3, ("sgd_step", "train_mlp"), check_training,
         isolate=TRAINING_ISOLATE, help=(
             "sgd_step changes the arrays in params in place; train_mlp records one loss per step",
             "each epoch: a fresh rng.permutation of the examples, then batches of batch_size",
             "per batch: forward, softmax_cross_entropy, backward, sgd_step(params, grads, lr)")),
))
