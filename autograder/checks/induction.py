"""Checks of module 01: splitting data, linear and logistic regression, capacity.

Each check draws random problems from its seed and compares the student's answer with
the reference in `course.reference.induction` by relative error, with gradients also checked
against central differences. Behavioural checks (gradient descent) run a fixed number of
steps; the quantity each one thresholds has its own function, so benchmarks/induction.py
can report margins.
"""

from __future__ import annotations

import numpy as np

from autograder.checks import known
from autograder.compare import Mistake, compare, describe, expect, hinted, named, numbers
from autograder.result import CheckFailed
from autograder.tasks import Module, Task
from course.reference import gradcheck
from course.reference import induction as ref

# Thresholds, with the margins measured by benchmarks/induction.py.
ILL_EXCESS_TOL = 3e-6      # relative excess loss over lstsq on cond(X) = 1e10
RANK_DEF_TOL = 1e-6        # relative distance of predictions from lstsq's, repeated columns
GD_GAP_TOL = 1e-6          # |w - w_lstsq| / |w_lstsq| after the step budget
LOGISTIC_ACC_MIN = 0.9     # held-out accuracy after the step budget


def _shapes(rng, k=2, lo=2, hi=7):
    """k distinct sizes, so a transposed matrix never has the right shape by accident."""
    return [int(s) for s in rng.choice(np.arange(lo, hi + 1), size=k, replace=False)]


def _index_array(name, a, n):
    """A 1-D integer array of indices in [0, n), or a CheckFailed naming what is wrong."""
    if a is None:
        raise CheckFailed(f"{name} is None", ["did you forget to return it?"])
    arr = np.asarray(a)
    expect(arr.ndim == 1, f"{name} should be a 1-D array of indices", f"got {describe(a)}")
    if arr.size and arr.dtype.kind not in "iu":
        raise CheckFailed(f"{name} has dtype {arr.dtype}, expected integers",
                          ["indices index arrays: X[train_idx] needs integers"])
    if arr.size:
        expect(arr.min() >= 0 and arr.max() < n, f"{name} holds indices outside 0..{n - 1}",
               f"min {arr.min()}, max {arr.max()}")
    return arr.astype(np.int64)


# --- 1.1 --------------------------------------------------------------------------------

SPLIT_SETS = ("train", "val", "test")


def _random_fractions(rng):
    f_train = round(float(rng.uniform(0.4, 0.8)), 2)
    f_val = round(float(rng.uniform(0.05, 0.5 * (1 - f_train))), 2)
    return (f_train, f_val, round(1.0 - f_train - f_val, 2))


def check_split_indices(split_indices, *, seed):
    rng = np.random.default_rng(seed)
    ns = [int(rng.integers(10, 30)), int(rng.integers(30, 200)), int(rng.integers(200, 1000))]
    # and a split with no test set (the fractions may hold a 0): the test set is empty
    for n, fr in [(n, None) for n in ns] + [(40, (0.75, 0.25, 0.0))]:
        fr = _random_fractions(rng) if fr is None else fr
        split_seed = int(rng.integers(2**31))
        out = named("split_indices", split_indices(n, fr, np.random.default_rng(split_seed)),
                    ("train_idx", "val_idx", "test_idx"))
        sets = [_index_array(f"{s}_idx", out[f"{s}_idx"], n) for s in SPLIT_SETS]
        call = f"split_indices({n}, {fr}, rng)"
        for name, a in zip(SPLIT_SETS, sets, strict=True):
            vals, counts = np.unique(a, return_counts=True)
            if np.any(counts > 1):
                i = int(vals[np.argmax(counts)])
                raise CheckFailed(f"{name}_idx holds index {i} {counts.max()} times",
                                  [f"in {call}"], mistake="split-with-replacement",
                                  hint="the indices were drawn with replacement: shuffle once "
                                       "with rng.permutation(n) and cut the permutation")
        for i, j in ((0, 2), (1, 2), (0, 1)):
            both = np.intersect1d(sets[i], sets[j])
            if both.size:
                a, b = SPLIT_SETS[i], SPLIT_SETS[j]
                leak = "test examples leak into training" if (a, b) == ("train", "test") else \
                    f"the {a} and {b} sets overlap"
                raise CheckFailed(f"index {both[0]} is in both {a}_idx and {b}_idx",
                                  [f"in {call}: {both.size} "
                                   f"{'index is' if both.size == 1 else 'indices are'} in both "
                                   f"sets; {leak}"],
                                  mistake="split-leak",
                                  hint="with fractions[2] = 0 the test set is empty, but a "
                                       "slice from the end, perm[-k:] with k = 0, is the whole "
                                       "permutation (-0 is 0): cut at n_train + n_val, "
                                       "perm[n_train + n_val:]" if fr[2] == 0 and j == 2 else
                                       "draw ONE permutation and cut it into three "
                                       "consecutive, non-overlapping pieces")
        union = np.concatenate(sets)
        missing = np.setdiff1d(np.arange(n), union)
        expect(missing.size == 0, f"index {missing[0] if missing.size else 0} is in no set",
               f"in {call}: {missing.size} of the {n} examples are in none of the three sets",
               hint="the three pieces must cover the whole permutation: the test set gets "
                    "the rest")
        sizes = [len(a) for a in sets]
        want = [int(fr[0] * n), int(fr[1] * n)]
        want.append(n - sum(want))
        for name, size, f in zip(SPLIT_SETS, sizes, fr, strict=True):
            expect(abs(size - f * n) < 2, f"{name}_idx has {size} indices; expected about "
                   f"{f} * {n} = {f * n:g}", f"in {call}: sizes {sizes}",
                   hint="n_train = int(fractions[0] * n), n_val = int(fractions[1] * n), "
                        "the test set gets the rest")
        for name, size, w, rule in zip(SPLIT_SETS, sizes, want, (
                "int(fractions[0] * n)", "int(fractions[1] * n)", "n - n_train - n_val"),
                strict=True):   # the notebook states the sizes exactly
            expect(size == w, f"{name}_idx has {size} indices; the notebook's sizes give "
                   f"{rule} = {w}", f"in {call}: sizes {sizes}, expected {want}",
                   hint="n_train = int(fractions[0] * n), n_val = int(fractions[1] * n), the test "
                        "set gets the rest (its size is not computed from its own fraction)")
        again = split_indices(n, fr, np.random.default_rng(split_seed))
        same = all(np.array_equal(np.asarray(a), np.asarray(b))
                   for a, b in zip(out.values(), again, strict=True))
        expect(same, "two calls with generators of the same seed gave different splits",
               f"in {call}", hint="draw all randomness from the rng argument, not from "
               "np.random or a new default_rng()", mistake="split-ignores-rng")
        if n >= 30:
            first = np.array_equal(np.sort(sets[0]), np.arange(sizes[0]))
            expect(not first, f"train_idx is 0..{sizes[0] - 1}: the data are not shuffled",
                   f"in {call}", hint="shuffle the indices with rng.permutation(n) before "
                   "cutting: data files are often sorted", mistake="split-no-shuffle")
        # val and test are a random split of what train leaves: with ten or more of each, all
        # of val below all of test happens by chance with probability under 2 / C(20, 10) = 1e-5
        if min(sizes[1], sizes[2]) >= 10:
            v, t = np.asarray(sets[1]), np.asarray(sets[2])
            expect(not (v.max() < t.min() or t.max() < v.min()),
                   "val_idx and test_idx are not a random split: every index of one is below "
                   "every index of the other", f"in {call}: val {v.min()}..{v.max()}, test "
                   f"{t.min()}..{t.max()}",
                   hint="cut val and test from the same shuffled permutation as train "
                        "(perm[n_train:n_train + n_val], perm[n_train + n_val:]), not from the "
                        "remaining indices in sorted order", mistake="split-rest-in-order")
        # the split must depend on the seed: two other seeds, two other splits
        in_order = np.array_equal(np.concatenate(sets), np.arange(n))
        expect(not in_order, "the split keeps the data order: the indices are not shuffled",
               f"in {call}: train, val and test are 0..{n - 1} in order",
               hint="shuffle the indices with rng.permutation(n) before cutting: data files are "
                    "often sorted", mistake="split-no-shuffle")
        others = [split_indices(n, fr, np.random.default_rng(split_seed + k)) for k in (1, 2)]
        expect(not all(np.array_equal(np.asarray(o[0]), np.asarray(out["train_idx"])) for o in others),
               "generators of different seeds gave the same split: the split does not depend on "
               "the rng", f"in {call}, with seeds {split_seed}, {split_seed + 1}, {split_seed + 2}",
               hint="shuffle with the rng you are given (rng.permutation(n)), not with a generator "
                    "of your own", mistake="split-ignores-seed")
        # the docstring promises arrays: X[train_idx] works with a list, but train_idx.size, a
        # boolean mask or arithmetic on the indices do not (AUD4)
        lists = [(s, type(a).__name__) for s, a in zip(SPLIT_SETS, out.values(), strict=True)
                 if not isinstance(a, np.ndarray)]
        expect(not lists, f"{lists[0][0] if lists else ''}_idx is a {lists[0][1] if lists else ''}"
               ", not a numpy array", f"in {call}: "
               + ", ".join(f"{s}_idx is a {t}" for s, t in lists)
               + "; the docstring promises 1-D integer arrays",
               hint="return numpy arrays: slices of perm = rng.permutation(n) are arrays already "
                    "(no list(...) or .tolist())", mistake="split-not-arrays")
    _check_split_rounds_to_zero(split_indices, seed)


def _check_split_rounds_to_zero(split_indices, seed):
    """A train fraction below 1 / n: int(fractions[0] * n) is 0, so the notebook's sizes give
    an empty train set (as they give an empty test set when fractions[2] = 0); a size forced
    up to at least one example shows (batch 23)."""
    r = np.random.default_rng([seed, 41])
    n = int(r.integers(8, 20))
    f_train = round(float(r.uniform(0.2, 0.9)) / n, 3)        # f_train * n in [0.2, 0.9]
    f_val = round(float(r.uniform(0.3, 0.6)) * (1 - f_train), 2)
    fr = (f_train, f_val, round(1.0 - f_train - f_val, 3))
    call = f"split_indices({n}, {fr}, rng)"
    out = named("split_indices", split_indices(n, fr, np.random.default_rng(int(r.integers(2**31)))),
                ("train_idx", "val_idx", "test_idx"))
    sets = [_index_array(f"{s}_idx", out[f"{s}_idx"], n) for s in SPLIT_SETS]
    sizes = [len(a) for a in sets]
    want = [int(fr[0] * n), int(fr[1] * n)]
    want.append(n - sum(want))
    union = np.sort(np.concatenate(sets))
    expect(np.array_equal(union, np.arange(n)), "the three sets do not hold each index once",
           f"in {call}: sizes {sizes}, expected {want}",
           hint="cut one permutation into three consecutive pieces: train, val, then the rest")
    for name, size, w, rule in zip(SPLIT_SETS, sizes, want, (
            "int(fractions[0] * n)", "int(fractions[1] * n)", "n - n_train - n_val"),
            strict=True):
        forced = w == 0 and size == 1
        if size == w:
            continue
        err = CheckFailed(
            f"{name}_idx has {size} {'index' if size == 1 else 'indices'}; the notebook's sizes "
            f"give {rule} = {w}",
            [f"in {call}: {fr[0]} * {n} = {fr[0] * n:g} rounds down to 0, so the train set is "
             f"empty (sizes {sizes}, expected {want})"],
            hint=f"{name}_idx was given one index where int(fraction * n) is 0: do not force a "
                 "set to hold at least one example (max(int(fraction * n), 1)); the notebook's "
                 "sizes are exactly int(fractions[0] * n) and int(fractions[1] * n), even when "
                 "that is 0, and the test set gets the rest" if forced else
                 "n_train = int(fractions[0] * n), n_val = int(fractions[1] * n), the test set "
                 "gets the rest", mistake="split-size-at-least-one" if forced else None)
        raise known(err) if forced else err


# --- 1.2 --------------------------------------------------------------------------------


def check_mse_loss(mse_loss, *, seed):
    rng = np.random.default_rng(seed)
    N, D = _shapes(rng, k=2, lo=3, hi=9)
    X, y, w = rng.normal(size=(N, D)), rng.normal(size=N), rng.normal(size=D)
    loss, grad = ref.mse_loss(w, X, y)
    r = X @ w - y
    got = named("mse_loss", mse_loss(w.copy(), X.copy(), y.copy()), ("loss", "grad"))
    compare({"loss": got["loss"]}, {"loss": np.float64(loss)}, what="mean((X @ w - y)**2)",
            sizes={"N": N, "D": D},
            mistakes=[
                Mistake("sum-not-mean", f"the loss is the sum of squares, N = {N} times the mean",
                        lambda: {"loss": loss * N}),
                Mistake("half", "the loss carries a factor 1/2; this task's MSE has none",
                        lambda: {"loss": loss / 2}),
                Mistake("rmse", "this is the root of the mean squared error: do not take sqrt",
                        lambda: {"loss": np.sqrt(loss)}),
                Mistake("not-squared", "the residuals are not squared",
                        lambda: {"loss": np.mean(r)}),
            ])
    # the gradient of the (now correct) loss, by central differences
    num = gradcheck.numerical_gradient(lambda v: float(np.mean((X @ v - y) ** 2)), w.copy(), h=1e-5)
    compare({"grad": got["grad"]}, {"grad": num}, rtol=1e-6, sizes={"N": N, "D": D},
            what="the central-difference gradient of the loss", mistakes=[
                Mistake("missing-2", "the gradient is missing the factor 2: "
                        "d(r**2)/dr = 2 r", lambda: {"grad": grad / 2}),
                Mistake("missing-1/N", f"the gradient is missing the 1/N (N = {N}): the loss is "
                        "a mean, so its gradient is one too", lambda: {"grad": grad * N}),
                Mistake("missing-2-and-1/N", f"the gradient is missing both the factor 2 and "
                        f"the 1/N (N = {N})", lambda: {"grad": grad * N / 2}),
                Mistake("grad-at-zero", "your grad is the gradient at w = 0 (-2/N X.T @ y): "
                        "compute it at the w you are given, from r = X @ w - y",
                        lambda: {"grad": ref.mse_loss(np.zeros_like(w), X, y)[1]}),
                Mistake("sign", "the gradient has the wrong sign: with r = X @ w - y it is "
                        "+2/N X.T @ r", lambda: {"grad": -grad}),
            ])
    compare({"grad": got["grad"]}, {"grad": grad}, what="2/N X.T @ (X @ w - y)")


# --- 1.3 --------------------------------------------------------------------------------

NORMAL_EQUATIONS_HINT = ("forming X.T @ X squares the condition number (cond(X) = {c:.0e} "
                         "gives about {c2:.0e}, beyond float64's 1e16): solve with "
                         "np.linalg.lstsq or the SVD of X instead of the normal equations")


def ill_excess(fit_least_squares, seed):
    """Relative excess MSE of the student's w over lstsq's on a cond(X) = 1e10 problem."""
    X, y = _ill_problem(seed)
    w = compare_shape_only(_solve(fit_least_squares, X, y, 1e10), X.shape[1])
    best = ref.mse_loss(ref.fit_least_squares(X, y), X, y)[0]
    return float((ref.mse_loss(w, X, y)[0] - best) / best)


def _ill_problem(seed):
    rng = np.random.default_rng([seed, 13])
    N, D = int(rng.integers(30, 60)), int(rng.integers(5, 9))
    X = ref.ill_conditioned(N, D, 1e10, rng)
    return X, X @ rng.normal(size=D) + 0.01 * rng.normal(size=N)


def _solve(fit_least_squares, X, y, cond):
    try:
        w = fit_least_squares(X.copy(), y.copy())
    except np.linalg.LinAlgError as e:
        raise CheckFailed(f"raised LinAlgError: {e}", [f"on an X of shape {X.shape} with "
                          f"cond(X) = {cond:.0e}"], mistake="normal-equations",
                          hint=NORMAL_EQUATIONS_HINT.format(c=cond, c2=min(cond**2, 1e300)))\
            from None
    return w


def check_fit_least_squares(fit_least_squares, *, seed):
    rng = np.random.default_rng(seed)
    # well conditioned, N > D: one answer, compared entry by entry
    D = int(rng.integers(2, 7))
    N = D + int(rng.integers(3, 30))
    X, y = rng.normal(size=(N, D)), rng.normal(size=N)
    w = _solve(fit_least_squares, X, y, np.linalg.cond(X))
    compare({"w": w}, {"w": ref.fit_least_squares(X, y)}, what="np.linalg.lstsq",
            allow_float32=False)
    # ill conditioned: many w fit almost equally well, so compare the loss reached
    Xi, _ = _ill_problem(seed)
    excess = ill_excess(fit_least_squares, seed)
    expect(excess <= ILL_EXCESS_TOL,
           f"on an ill-conditioned X your loss is {excess:.1e} (relative) above lstsq's",
           f"X {Xi.shape} with cond(X) = 1e10; the tolerance is {ILL_EXCESS_TOL:.0e}",
           "your w is compared through the loss, not entry by entry: with this X many "
           "different w give nearly the same predictions",
           hint=excess > ILL_EXCESS_TOL and _truncated_hint(fit_least_squares, seed) or
           NORMAL_EQUATIONS_HINT.format(c=1e10, c2=1e20) + "; or a method that only "
                "approaches the minimum (gradient descent, a fixed number of steps) stopped short "
                "of it", mistake="normal-equations")
    # rank deficient: a repeated column, so w is not unique; compare predictions
    D = int(rng.integers(3, 6))
    N = D + int(rng.integers(5, 30))
    Xr = rng.normal(size=(N, D))
    j = int(rng.integers(D))
    Xr = np.c_[Xr, Xr[:, j]]
    yr = rng.normal(size=N)
    w = _solve(fit_least_squares, Xr, yr, np.inf)
    w = compare_shape_only(w, Xr.shape[1])
    exp = Xr @ ref.fit_least_squares(Xr, yr)
    dist = float(np.linalg.norm(Xr @ w - exp) / np.linalg.norm(exp))
    expect(dist <= RANK_DEF_TOL,
           f"with a repeated column, your predictions X @ w are {dist:.1e} (relative) away "
           "from lstsq's", f"X {Xr.shape}, column {D} is a copy of column {j}; X.T @ X is "
           "singular, so the weights are not unique, but the best predictions are",
           hint=_rank_hint(Xr, yr, w), mistake="normal-equations")
    _check_square_singular(fit_least_squares, seed)


SQUARE_HINT = ("X is square here but singular (a repeated column): np.linalg.solve(X, y) "
               "needs an invertible X, and on a singular one it {fails}. A square X is not a "
               "special case of least squares: use np.linalg.lstsq(X, y, rcond=None) for every "
               "shape")


def _check_square_singular(fit_least_squares, seed):
    """The docstring's "any X" includes a square one with a repeated column (batch 23).
    Square is no special case: np.linalg.solve on it raises (an exact zero pivot) or returns
    w of size ~1e16 whose predictions are far from lstsq's: 2e-3 relative at the closest over
    2000 seeds (1160 of them raise), where lstsq and pinv agree to 5e-14; the tolerance is
    RANK_DEF_TOL (1e-6)."""
    r = np.random.default_rng([seed, 42])
    D = int(r.integers(3, 6))
    A = r.normal(size=(D + 1, D))
    j = int(r.integers(D))
    X, y = np.c_[A, A[:, j]], r.normal(size=D + 1)
    shape = f"X {X.shape}, square, column {D} a copy of column {j}"
    try:
        w = fit_least_squares(X.copy(), y.copy())
    except np.linalg.LinAlgError as e:
        raise CheckFailed(f"raised LinAlgError on a square, singular X: {e}",
                          [shape + ": no exact solution of X w = y exists, but a least-squares "
                           "one does (the notebook: the w that minimises the MSE, for any X)"],
                          mistake="square-solved-directly",
                          hint=SQUARE_HINT.format(fails="raises LinAlgError")) from None
    w = compare_shape_only(w, X.shape[1])
    exp = X @ ref.fit_least_squares(X, y)
    dist = float(np.linalg.norm(X @ w - exp) / np.linalg.norm(exp))
    if dist <= RANK_DEF_TOL:
        return
    try:
        with np.errstate(all="ignore"):
            direct = np.linalg.solve(X, y)
    except np.linalg.LinAlgError:
        direct = None
    is_direct = direct is not None and np.all(np.isfinite(w)) and \
        np.allclose(w, direct, rtol=1e-6, atol=0)
    expect(dist <= RANK_DEF_TOL,
           f"on a square X with a repeated column, your predictions X @ w are {dist:.1e} "
           "(relative) away from lstsq's", shape + f"; |w| = {np.linalg.norm(w):.1e}: X is "
           "singular, so the weights are not unique, but the best predictions are",
           hint=SQUARE_HINT.format(fails=f"returns a w of size {np.linalg.norm(w):.0e} built "
                                         "on a rounding error") if is_direct else
           _rank_hint(X, y, w), mistake="square-solved-directly" if is_direct else
           "normal-equations")


def _truncated_hint(fit_least_squares, seed):
    """On the ill-conditioned problem: does w keep only the k largest singular values of X (a
    cutoff far above lstsq's, e.g. rcond=1e-3 or s > 1e-6)? Run only once the check fails."""
    X, y = _ill_problem(seed)
    w = compare_shape_only(_solve(fit_least_squares, X, y, 1e10), X.shape[1])
    U, sv, Vt = np.linalg.svd(X, full_matrices=False)
    for k in range(1, len(sv)):
        pred = X @ (Vt[:k].T @ (U[:, :k].T @ y / sv[:k]))
        if np.all(np.isfinite(w)) and \
                np.linalg.norm(X @ w - pred) <= 1e-6 * np.linalg.norm(pred):
            return (f"your w keeps only the {k} largest singular values of X (down to "
                    f"{sv[k - 1]:.0e}) and drops the {len(sv) - k} below (from {sv[k]:.0e}): "
                    "lstsq drops only those under about 1e-15 * s.max(), so a cutoff this large "
                    "(rcond, or a fixed threshold) throws away directions the data use: use "
                    "np.linalg.lstsq(X, y, rcond=None)")
    return None


def _rank_hint(X, y, w):
    """Why predictions go wrong on a rank-deficient X: the normal equations, or a solve by
    the SVD that divides by every singular value (one of them is ~1e-16 here)."""
    U, sv, Vt = np.linalg.svd(X, full_matrices=False)
    with np.errstate(all="ignore"):
        every = Vt.T @ (U.T @ y / sv)
    if np.all(np.isfinite(w)) and np.allclose(X @ w, X @ every, rtol=1e-6, atol=1e-9):
        return (f"you divide by every singular value of X, including one of {sv.min():.0e} "
                "(X has a repeated column): drop the singular values below rcond * s.max() "
                "as np.linalg.lstsq and np.linalg.pinv do")
    return ("X has a repeated column, so X.T @ X is singular and the normal equations fail; "
            "a solve by the SVD must also skip the singular values near 0: use "
            "np.linalg.lstsq (or pinv)")


def compare_shape_only(w, D):
    """w as a float64 (D,) array, or the CheckFailed compare() gives for a wrong shape."""
    compare({"w": w}, {"w": np.zeros(D)}, rtol=np.inf, allow_float32=False)
    return np.asarray(w, dtype=np.float64)


# --- 1.4 and 1.6: gradient descent ----------------------------------------------------------


def _gd_mistakes(ref_fit, X, y, lr, steps, w_exp, losses_exp):
    return [
        Mistake("ascent", "the updates go uphill: the step is w <- w - lr * grad",
                lambda: dict(zip(("w", "losses"), _listed(ref_fit(X, y, -lr, steps)),
                                 strict=True))),
        Mistake("lr-twice", "the learning rate is applied twice (lr * lr * grad): "
                "step by lr * grad", lambda: dict(zip(("w", "losses"), _listed(
                    ref_fit(X, y, lr * lr, steps)), strict=True))),
        Mistake("loss-after-step", "losses[t] must be the loss before step t: losses[0] is "
                "the loss at w = 0", lambda: {"w": w_exp, "losses": np.r_[losses_exp[1:],
                                             _listed(ref_fit(X, y, lr, steps + 1))[1][-1]]}),
    ]


def _listed(out):
    w, losses = out
    return np.asarray(w, dtype=np.float64), np.asarray(losses, dtype=np.float64)


def _check_trajectory(name, fit, ref_fit, X, y, lr, steps):
    got = named(name, fit(X.copy(), y.copy(), lr, steps), ("w", "losses"))
    losses = got["losses"]
    if isinstance(losses, (list, tuple)):
        got["losses"] = numbers("losses", losses)
    w_exp, losses_exp = _listed(ref_fit(X, y, lr, steps))
    compare(got, {"w": w_exp, "losses": losses_exp},
            what=f"the reference after {steps} steps with lr = {lr:.3g}",
            mistakes=_gd_mistakes(ref_fit, X, y, lr, steps, w_exp, losses_exp),
            axes={"losses": ("step",)})


def _check_all_steps(name, fit, X, y, steps):
    """The docstrings promise `steps` losses: every step is taken, even where the loss has
    stopped changing (at lr = 0 it never moves)."""
    got = named(name, fit(X.copy(), y.copy(), 0.0, steps), ("w", "losses"))
    n = len(np.atleast_1d(np.asarray(got["losses"], dtype=object)))
    expect(n == steps, f"with lr = 0 (the loss never moves) {name} returned {n} losses for "
           f"steps = {steps}", "the docstring asks for `steps` losses: one per step, every step "
           "taken", hint="take exactly `steps` steps: do not stop early when the loss stops "
           "changing (a plateau is not a minimum, and the caller asked for that many steps)",
           mistake="stops-early")


def gd_gap(fit_linear_gd, seed):
    """|w - w_lstsq| / |w_lstsq| after the step budget on a well-conditioned problem."""
    rng = np.random.default_rng([seed, 14])
    X, y, _ = ref.make_linear(int(rng.integers(40, 80)), int(rng.integers(3, 7)), rng)
    lr = 1.0 / ref.curvature(X)
    w = np.asarray(fit_linear_gd(X, y, lr, GD_STEPS)[0], dtype=np.float64)
    w_star = ref.fit_least_squares(X, y)
    return float(np.linalg.norm(w - w_star) / np.linalg.norm(w_star))


GD_STEPS = 400


def check_fit_linear_gd(fit_linear_gd, *, seed):
    rng = np.random.default_rng(seed)
    N, D = _shapes(rng, k=2, lo=4, hi=12)
    X, y, _ = ref.make_linear(N, D, rng)
    lr = float(rng.uniform(0.2, 0.8)) / ref.curvature(X)
    steps = int(rng.integers(3, 7))
    _check_trajectory("fit_linear_gd", fit_linear_gd, ref.fit_linear_gd, X, y, lr, steps)
    _check_all_steps("fit_linear_gd", fit_linear_gd, X, y, steps + 4)
    # lr above 2 / λmax: the loss rises at every step, and the text says what that means
    Xd, yd, _ = ref.make_linear(int(rng.integers(8, 20)), int(rng.integers(2, 5)), rng)
    with hinted("lr is above 2 / λmax here, so gradient descent diverges and the loss rises "
                "at every step: take every step with the lr you are given, whatever the loss "
                "does (no lr changes, no stopping, no clipping)", "changes-lr"):
        _check_trajectory("fit_linear_gd", fit_linear_gd, ref.fit_linear_gd, Xd, yd,
                          2.5 / ref.curvature(Xd), 12)
    gap = gd_gap(fit_linear_gd, seed)
    expect(gap <= GD_GAP_TOL, f"after {GD_STEPS} steps w is {gap:.1e} (relative) away from the "
           "least-squares solution", f"expected at most {GD_GAP_TOL:.0e}, with lr = 1 / λmax",
           hint="is every step w <- w - lr * grad, with the gradient at the current w?")
    _check_steps_past_tiny_loss(fit_linear_gd, seed)


def _check_steps_past_tiny_loss(fit_linear_gd, seed):
    """`steps` losses even once the loss is tiny (batch 23): a noiseless, well-conditioned
    problem (singular values of X / sqrt(N) from 1 to 2/3, lr = 2 / (λmin + λmax)) on which
    the loss falls below 1e-12 at step 11-16 of 30-39 and ends at most 7e-24 (seeds 0-999)."""
    r = np.random.default_rng([seed, 43])
    N, D = int(r.integers(8, 20)), int(r.integers(2, 5))
    X = ref.ill_conditioned(N, D, 1.5, r) * np.sqrt(N)
    y = X @ r.normal(size=D)
    lam = 2 * np.linalg.eigvalsh(X.T @ X / N)
    lr = float(2 / (lam[0] + lam[-1]))
    steps = int(r.integers(30, 40))
    w_exp, losses_exp = _listed(ref.fit_linear_gd(X, y, lr, steps))
    got = named("fit_linear_gd", fit_linear_gd(X.copy(), y.copy(), lr, steps), ("w", "losses"))
    losses = numbers("losses", np.atleast_1d(np.asarray(got["losses"], dtype=object)))
    k = int(np.argmax(losses_exp < 1e-12))
    call = f"fit_linear_gd(X, y, lr={lr:.3g}, steps={steps}) with X {X.shape}"
    noiseless = (f"on a noiseless problem (y = X @ w_true exactly) the loss falls below 1e-12 "
                 f"at step {k} and reaches {losses_exp[-1]:.0e} after the last step")
    tiny = len(losses) and np.isfinite(losses[-1]) and losses[-1] < 1e-6
    expect(len(losses) == steps, f"fit_linear_gd returned {len(losses)} losses for steps = "
           f"{steps}", call, noiseless,
           hint=f"your loop stopped when the loss became tiny (its last loss is "
                f"{losses[-1]:.1e}): take every one of the `steps` steps and record `steps` "
                "losses however small the loss gets; do not break out when it falls below a "
                "tolerance (the caller asked for that many steps)" if tiny and
           len(losses) < steps else "take exactly `steps` steps and record one loss before each",
           mistake="stops-at-small-loss" if tiny and len(losses) < steps else "stops-early")
    above = losses_exp >= 1e-10      # below, the losses are rounding noise
    compare({"w": got["w"], "losses": losses[above]}, {"w": w_exp, "losses": losses_exp[above]},
            what=f"the reference after {steps} steps on a noiseless problem",
            axes={"losses": ("step",)})


def logistic_accuracy(fit_logistic, seed):
    """Validation accuracy of the student's logistic fit on two Gaussian blobs."""
    rng = np.random.default_rng([seed, 15])
    X, y = ref.make_blobs(300, rng, sep=4.0)
    X = ref.add_bias(X)
    w = np.asarray(fit_logistic(X[:200], y[:200], 0.5, LOGISTIC_STEPS)[0], dtype=np.float64)
    return ref.accuracy(w, X[200:], y[200:])


LOGISTIC_STEPS = 200


def check_fit_logistic(fit_logistic, *, seed):
    rng = np.random.default_rng(seed)
    N = int(rng.integers(20, 60))
    X, y = ref.make_blobs(N, rng)
    X = ref.add_bias(X)
    steps = int(rng.integers(3, 7))
    lr = float(rng.uniform(0.5, 0.9))   # not 1: a step without lr must not pass
    _check_trajectory("fit_logistic", fit_logistic, ref.fit_logistic, X, y, lr, steps)
    _check_all_steps("fit_logistic", fit_logistic, X, y, steps + 4)
    # separable classes and a large lr: w grows without bound (to 26-45 in 30 steps, seeds
    # 0-299), every step as the rule says
    Xs, ys = ref.make_blobs(30, np.random.default_rng([seed, 16]), sep=8.0)
    Xs = ref.add_bias(Xs)
    w_exp = ref.fit_logistic(Xs, ys, 20.0, 30)[0]
    got = named("fit_logistic", fit_logistic(Xs.copy(), ys.copy(), 20.0, 30), ("w", "losses"))
    with hinted("on separable classes the loss keeps falling as |w| grows, so w grows without "
                "bound: take every step w <- w - lr * grad as it is (no clipping, no rescaling "
                "of w)", "w-bounded"):
        compare({"w": got["w"]}, {"w": w_exp}, rtol=1e-6,
                what="the reference after 30 steps with lr = 20 on separable classes (|w| "
                     f"reaches {np.abs(w_exp).max():.0f})")
    acc = logistic_accuracy(fit_logistic, seed)
    expect(acc >= LOGISTIC_ACC_MIN, f"validation accuracy {acc:.2f} after {LOGISTIC_STEPS} "
           f"steps; expected at least {LOGISTIC_ACC_MIN}",
           hint="is every step w <- w - lr * grad, with the gradient at the current w?")


# --- 1.5 --------------------------------------------------------------------------------


def check_logistic_loss(logistic_loss, *, seed):
    rng = np.random.default_rng(seed)
    N, D = _shapes(rng, k=2, lo=3, hi=9)
    X, w = rng.normal(size=(N, D)), rng.normal(size=D)
    y = rng.integers(0, 2, size=N)
    y[:2] = (0, 1)  # both classes present
    loss, grad = ref.logistic_loss(w, X, y)
    z = X @ w
    got = named("logistic_loss", logistic_loss(w.copy(), X.copy(), y.copy()), ("loss", "grad"))
    compare({"loss": got["loss"]}, {"loss": np.float64(loss)}, sizes={"N": N, "D": D},
            what="-mean(y log p + (1 - y) log(1 - p))", mistakes=[
                Mistake("sum-not-mean", f"the loss is the sum over examples, N = {N} times the "
                        "mean", lambda: {"loss": loss * N}),
                Mistake("labels-swapped", "the classes are swapped: y = 1 goes with log p",
                        lambda: {"loss": np.mean(np.logaddexp(0, -z) + y * z)}),
                Mistake("missing-minus", "the loss is the NEGATIVE log-likelihood",
                        lambda: {"loss": -loss}),
            ])
    num = gradcheck.numerical_gradient(lambda v: ref.logistic_loss(v, X, y)[0], w.copy(), h=1e-5)
    compare({"grad": got["grad"]}, {"grad": num}, rtol=1e-6, sizes={"N": N, "D": D},
            what="the central-difference gradient of the loss", mistakes=[
                Mistake("sign", "the gradient has the wrong sign: it is X.T @ (p - y) / N",
                        lambda: {"grad": -grad}),
                Mistake("missing-1/N", f"the gradient is missing the 1/N (N = {N})",
                        lambda: {"grad": grad * N}),
                Mistake("logits-not-probabilities", "use p = sigmoid(X @ w) in the gradient, "
                        "not X @ w", lambda: {"grad": X.T @ (z - y) / N}),
            ])
    compare({"grad": got["grad"]}, {"grad": grad}, what="X.T @ (p - y) / N")
    # numerical stability: beyond |z| = 745, sigmoid(z) is exactly 0 or 1 and log(p) or
    # log(1 - p) is log(0), whichever the sign of the largest logit
    big = w * 1000.0 / max(1e-9, float(np.abs(z).max()))
    loss_b, grad_b = ref.logistic_loss(big, X, y)
    got = named("logistic_loss", logistic_loss(big.copy(), X.copy(), y.copy()), ("loss", "grad"))
    try:
        compare(got, {"loss": np.float64(loss_b), "grad": grad_b},
                what=f"the reference with |X @ w| up to {np.abs(X @ big).max():.0f}")
    except CheckFailed as e:
        try:
            lb = float(got["loss"])
            grad_right = np.allclose(np.asarray(got["grad"], float), grad_b, rtol=1e-6, atol=1e-12)
        except (TypeError, ValueError):
            lb, grad_right = np.nan, False
        if grad_right and np.isfinite(lb) and not e.hint:   # a clipped z or p, not log(0)
            e.hint = (f"grad is right but the loss is {lb:.4g} where it is {loss_b:.4g}: clipping "
                      "z or p, or an eps inside the log, changes the loss of the examples with "
                      "large |z|; "
                      "np.logaddexp(0, z) - y * z is exact for every z and needs no clipping")
            e.mistake = "logistic-loss-clipped"
        e.hint = e.hint or ("sigmoid rounds to exactly 0 or 1 for large |X @ w|, and log(0) "
                            "is -inf: compute each term as np.logaddexp(0, z) - y * z")
        e.mistake = e.mistake or "log-of-sigmoid"
        raise


# --- 1.7 --------------------------------------------------------------------------------


def check_poly_features(poly_features, *, seed):
    rng = np.random.default_rng(seed)
    for degree in (int(rng.integers(2, 8)), 0):
        N = int(rng.integers(3, 12))
        if N == degree + 1:
            N += 1
        x = rng.uniform(-1.5, 1.5, size=N)
        exp = x[:, None] ** np.arange(degree + 1)
        Phi = poly_features(x.copy(), degree)
        if isinstance(Phi, np.ndarray) and Phi.shape == (N, degree) and degree:
            shown = [f"Phi: expected shape ({N}, {degree + 1}), got {Phi.shape} for degree {degree}"]
            if np.allclose(Phi, exp[:, 1:]):
                raise CheckFailed("Phi has the wrong shape", shown, mistake="no-bias-column",
                                  hint="the constant column x**0 = 1 is missing: the powers go "
                                       "from 0 to degree")
            if np.allclose(Phi, exp[:, :-1]):
                raise CheckFailed("Phi has the wrong shape", shown, mistake="no-top-power",
                                  hint=f"the top power x**{degree} is missing: the powers go from 0 "
                                       "to degree included, degree + 1 columns")
        compare({"Phi": Phi}, {"Phi": exp}, what=f"x[:, None] ** k, k = 0..{degree}",
                axes={"Phi": ("row", "power")},
                mistakes=[Mistake("decreasing", "the columns are in decreasing powers (as "
                                  "np.vander gives by default): column k must be x**k",
                                  lambda e=exp: {"Phi": e[:, ::-1]})])


# --- 1.8 --------------------------------------------------------------------------------


def _sweep_fit_on(xf, yf, x_tr, y_tr, x_va, y_va, degrees):
    """Train and validation MSE of polynomials fit on (xf, yf)."""
    mse = lambda w, x, y, d: float(np.mean((ref.poly_features(x, d) @ w - y) ** 2))
    ws = [ref.fit_least_squares(ref.poly_features(xf, d), yf) for d in degrees]
    return {"train_errors": np.array([mse(w, x_tr, y_tr, d) for w, d in zip(ws, degrees, strict=True)]),
            "val_errors": np.array([mse(w, x_va, y_va, d) for w, d in zip(ws, degrees, strict=True)])}


def check_capacity_sweep(capacity_sweep, *, seed):
    rng = np.random.default_rng(seed)
    n_train = int(rng.integers(15, 30))
    x_tr, y_tr = ref.make_curve(n_train, rng)
    x_va, y_va = ref.make_curve(int(rng.integers(100, 200)), rng)
    start = int(rng.integers(1, 3))
    degrees = list(range(start, start + int(rng.integers(8, 11))))
    tr, va, best = ref.capacity_sweep(x_tr, y_tr, x_va, y_va, degrees)
    got = named("capacity_sweep", capacity_sweep(x_tr.copy(), y_tr.copy(), x_va.copy(),
                                                 y_va.copy(), list(degrees)),
                ("train_errors", "val_errors", "best_degree"))
    compare({"train_errors": got["train_errors"], "val_errors": got["val_errors"]},
            {"train_errors": tr, "val_errors": va}, rtol=1e-6,
            what=f"the reference sweep over degrees {degrees[0]}..{degrees[-1]}", mistakes=[
                Mistake("swapped", "train and validation errors are swapped",
                        lambda: {"train_errors": va, "val_errors": tr}),
                Mistake("rmse", "these are root mean squared errors: return the MSE",
                        lambda: {"train_errors": np.sqrt(tr), "val_errors": np.sqrt(va)}),
                Mistake("fit-on-validation", "the polynomials were fit on the validation set: fit "
                        "each one on the training set, then measure it on both",
                        lambda: _sweep_fit_on(x_va, y_va, x_tr, y_tr, x_va, y_va, degrees)),
                Mistake("sum", "these are sums of squared errors: return the mean",
                        lambda: {"train_errors": tr * len(x_tr), "val_errors": va * len(x_va)}),
            ])
    b = got["best_degree"]
    expect(np.ndim(b) == 0 and np.asarray(b).dtype.kind in "iuf" and float(b) == int(b),
           f"best_degree should be one int, got {describe(b)}")
    b = int(b)
    ok = {d for d, v in zip(degrees, va, strict=True) if v <= va.min() * (1 + 1e-9)}
    if b in ok:
        _check_sweep_with_gaps(capacity_sweep, x_tr, y_tr, x_va, y_va, start)
        _check_sweep_unsorted(capacity_sweep, x_tr, y_tr, x_va, y_va, seed)
        _check_sweep_large_errors(capacity_sweep, x_tr, y_tr, x_va, y_va)
        return
    details = [f"degrees {degrees}", "validation errors " + " ".join(f"{v:.3g}" for v in va)]
    fits = [r for r in _BEST_RULES if r[1](tr, va, degrees) == b]
    if len(fits) > 1:       # tell them apart: the same sweep with the degrees in reverse order
        rev = degrees[::-1]
        try:
            again = named("capacity_sweep", capacity_sweep(x_tr.copy(), y_tr.copy(), x_va.copy(),
                                                           y_va.copy(), list(rev)),
                          ("train_errors", "val_errors", "best_degree"))["best_degree"]
            b2 = int(again)
        except Exception:
            b2 = None
        fits = [r for r in fits if r[1](tr[::-1], va[::-1], rev) == b2] or fits
    hint = None
    if fits:
        hint = " or ".join(r[2].format(b=b, at_b=degrees[b] if 0 <= b < len(degrees) else None)
                           for r in fits)
    raise CheckFailed(f"best_degree is {b}; the validation curve supports {best}", details,
                      hint=hint)


def _check_sweep_with_gaps(capacity_sweep, x_tr, y_tr, x_va, y_va, start):
    """degrees is any list of ints: every other degree, so an error list over the range
    between its ends, or a best degree computed as the first degree plus a position, shows."""
    degrees = list(range(start % 2, start % 2 + 10, 2))
    tr, va, _ = ref.capacity_sweep(x_tr, y_tr, x_va, y_va, degrees)
    call = f"capacity_sweep(x_train, y_train, x_val, y_val, degrees={degrees})"
    got = named("capacity_sweep", capacity_sweep(x_tr.copy(), y_tr.copy(), x_va.copy(),
                                                 y_va.copy(), list(degrees)),
                ("train_errors", "val_errors", "best_degree"))
    sizes = {np.shape(got[k]) for k in ("train_errors", "val_errors")}
    span = degrees[-1] - degrees[0] + 1
    expect(sizes == {(len(degrees),)}, f"with degrees {degrees} the error lists have shape "
           f"{' and '.join(map(str, sorted(sizes)))}; expected ({len(degrees)},), one entry per "
           "degree in the list", call,
           hint=f"loop over the entries of degrees (for d in degrees), not over the range between "
                f"its ends ({span} degrees)" if sizes == {(span,)} else
           "one fit and one pair of errors per entry of degrees, in its order",
           mistake="sweep-range-of-degrees")
    compare({"train_errors": got["train_errors"], "val_errors": got["val_errors"]},
            {"train_errors": tr, "val_errors": va}, rtol=1e-6,
            what=f"the reference sweep over degrees {degrees}")
    b = got["best_degree"]
    ok = {d for d, v in zip(degrees, va, strict=True) if v <= va.min() * (1 + 1e-9)}
    pos = int(np.argmin(va))
    expect(np.ndim(b) == 0 and float(b) in ok, f"with degrees {degrees}, best_degree is {b}; the "
           f"smallest validation error is at degree {degrees[pos]}", call,
           "validation errors " + " ".join(f"{v:.3g}" for v in va),
           hint=f"{b} is the first degree plus the position of the minimum ({degrees[0]} + "
                f"{pos}): that is the degree only when the degrees are consecutive; return the "
                f"entry itself, degrees[{pos}] = {degrees[pos]}" if np.ndim(b) == 0 and
                float(b) == degrees[0] + pos else
                "return the entry of degrees at the position of the smallest validation error",
           mistake="best-degree-from-position")


def _check_sweep_unsorted(capacity_sweep, x_tr, y_tr, x_va, y_va, seed):
    """degrees in no particular order: entry k of each error list belongs to degrees[k], so a
    sweep over sorted(degrees) (or one that sorts the list) returns the errors in another
    order (AUD4)."""
    r = np.random.default_rng([seed, 39])
    degrees = [int(d) for d in r.permutation(np.arange(1, 8))]
    while degrees in (sorted(degrees), sorted(degrees)[::-1]):
        degrees = [int(d) for d in r.permutation(np.arange(1, 8))]
    tr, va, best = ref.capacity_sweep(x_tr, y_tr, x_va, y_va, degrees)
    call = f"capacity_sweep(x_train, y_train, x_val, y_val, degrees={degrees})"
    given = list(degrees)
    got = named("capacity_sweep", capacity_sweep(x_tr.copy(), y_tr.copy(), x_va.copy(),
                                                 y_va.copy(), given),
                ("train_errors", "val_errors", "best_degree"))
    order = np.argsort(degrees)
    try:
        compare({"train_errors": got["train_errors"], "val_errors": got["val_errors"]},
                {"train_errors": tr, "val_errors": va}, rtol=1e-6,
                what=f"the reference sweep over degrees {degrees}, in that order", mistakes=[
                    Mistake("sweep-sorted-degrees", "your errors are in increasing order of the "
                            f"degree ({sorted(degrees)}), not in the order of degrees: entry k "
                            "belongs to degrees[k]; loop over degrees as given (do not sort it)",
                            lambda: {"train_errors": tr[order], "val_errors": va[order]})])
    except CheckFailed as e:
        e.details.insert(0, call)
        raise
    b = got["best_degree"]
    expect(np.ndim(b) == 0 and float(b) == best, f"with degrees {degrees}, best_degree is {b}; "
           f"the smallest validation error is at degree {best}", call,
           hint="return the entry of degrees at the position of the smallest validation error",
           mistake="best-degree-from-position")
    expect(given == degrees, f"capacity_sweep changed the list degrees it was given: {given}",
           f"{call}: the caller's list must be left as it is",
           hint="do not sort degrees in place (degrees.sort()): loop over it as given",
           mistake="sweep-sorted-degrees")


SWEEP_SCALE = 10.0     # targets times 10: every validation error is above 1


def _check_sweep_large_errors(capacity_sweep, x_tr, y_tr, x_va, y_va):
    """The smallest validation error, whatever its size (batch 23): the same data with the
    targets scaled by SWEEP_SCALE, so every validation error is above 1 (the noise variance
    alone is 0.09 * 100 = 9); degree 0 (a constant) is never the best. A running minimum that
    starts at a fixed error of 1 is never beaten and keeps the first degree."""
    degrees = list(range(0, 8))
    ys_tr, ys_va = SWEEP_SCALE * y_tr, SWEEP_SCALE * y_va
    tr, va, best = ref.capacity_sweep(x_tr, ys_tr, x_va, ys_va, degrees)
    call = (f"capacity_sweep(x_train, {SWEEP_SCALE:g} * y_train, x_val, {SWEEP_SCALE:g} * y_val, "
            f"degrees={degrees})")
    got = named("capacity_sweep", capacity_sweep(x_tr.copy(), ys_tr.copy(), x_va.copy(),
                                                 ys_va.copy(), list(degrees)),
                ("train_errors", "val_errors", "best_degree"))
    b = got["best_degree"]
    ok = {d for d, v in zip(degrees, va, strict=True) if v <= va.min() * (1 + 1e-9)}
    if np.ndim(b) == 0 and float(b) in ok:
        return
    first = np.ndim(b) == 0 and float(b) == degrees[0]
    raise CheckFailed(f"with every validation error above 1, best_degree is {b}; the smallest "
                      f"validation error is at degree {best}",
                      [call, "validation errors " + " ".join(f"{v:.3g}" for v in va)],
                      hint="every validation error here is above 1 and best_degree is the first "
                           "degree: does your running minimum start at a fixed error, such as "
                           "1.0, that no degree beats? Start it at np.inf (or at the first "
                           "degree's error), or take degrees[np.argmin(val_errors)]" if first else
                      "return the entry of degrees at the position of the smallest validation "
                      "error, whatever its size",
                      mistake="sweep-best-starts-fixed" if first else None)


# (name, rule(train errors, validation errors, degrees) -> the degree it picks, hint)
_BEST_RULES = [
    ("by-train", lambda tr, va, d: d[int(np.argmin(tr))],
     "you chose by training error, which always favours the largest degree: choose the "
     "degree with the smallest validation error"),
    ("index", lambda tr, va, d: int(np.argmin(va)),
     "{b} is the position of the minimum in the list; return the degree itself, "
     "degrees[{b}] = {at_b}"),
    ("argmax", lambda tr, va, d: d[int(np.argmax(va))],
     "{b} has the largest validation error: the best degree has the smallest (argmin, not "
     "argmax)"),
    ("first", lambda tr, va, d: d[0],
     "{b} is the first degree tried: is the best degree ever updated as the sweep goes on?"),
    ("last", lambda tr, va, d: d[-1],
     "{b} is the last degree tried: is each degree compared with the best error so far, and "
     "is that best error lowered when a degree beats it?"),
]


MODULE = Module("01_induction", "Learning from examples", (
    Task("1.1", "split_indices", 2, ("split_indices",), check_split_indices, help=(
        "every index 0..n-1 must be in exactly one of the three arrays",
        "perm = rng.permutation(n) shuffles once; slices of it never overlap",
        "cut perm at n_train and at n_train + n_val")),
    Task("1.2", "mse_loss", 2, ("mse_loss",), check_mse_loss, help=(
        "check the loss first, then the gradient",
        "differentiate (x_n . w - y_n)**2 for one example, then average",
        "grad = 2 / N * X.T @ (X @ w - y)")),
    Task("1.3", "fit_least_squares", 2, ("fit_least_squares",), check_fit_least_squares, help=(
        "the check uses ill-conditioned and rank-deficient X",
        "np.linalg.lstsq(X, y, rcond=None) returns a tuple; the solution is its first entry")),
    Task("1.4", "fit_linear_gd", 3, ("fit_linear_gd",), check_fit_linear_gd,
         isolate={"mse_loss": "course.reference.induction:mse_loss"}, help=(
             "record the loss, then step",
             "w = w - lr * grad, with (loss, grad) = mse_loss(w, X, y) at the current w")),
    Task("1.5", "logistic_loss", 2, ("logistic_loss",), check_logistic_loss,
         isolate={"sigmoid": "course.reference.induction:sigmoid"}, help=(
             "check the loss first, then the gradient, then large logits",
             "each example's loss is log(1 + e^z) - y z with z = x . w",
             "grad = X.T @ (sigmoid(X @ w) - y) / N")),
    Task("1.6", "fit_logistic", 2, ("fit_logistic",), check_fit_logistic,
         isolate={"logistic_loss": "course.reference.induction:logistic_loss",
                  "sigmoid": "course.reference.induction:sigmoid"}, help=(
             "the same loop as 1.4, with logistic_loss",
             "record the loss before each step, then w <- w - lr * grad, for `steps` steps",
             "logistic_loss gives the loss and its gradient X.T (sigmoid(X w) - y) / N; each "
             "step moves w by -lr times that gradient")),
    Task("1.7", "poly_features", 1, ("poly_features",), check_poly_features, help=(
        "one column per power, from x**0 (the constant) up to x**degree",
        "the output has degree + 1 columns, in increasing powers",
        "np.stack([x**k for k in range(degree + 1)], axis=1)")),
    Task("1.8", "capacity_sweep", 3, ("capacity_sweep",), check_capacity_sweep,
         isolate={"poly_features": "course.reference.induction:poly_features",
                  "fit_least_squares": "course.reference.induction:fit_least_squares"}, help=(
             "fit on the training set only; measure the MSE on both sets",
             "best_degree = degrees[argmin of val_errors]")),
))
