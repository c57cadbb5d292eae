"""Checks of module 03: the variance recursion, initialisers, signal propagation, trainability.

Initialisers are judged statistically on large non-square matrices (tolerances from the
sample size), for determinism under an explicit rng, and behaviourally: a deep net built
with them must (or must not) train with the reference layers of course/nn.py.
"""

from __future__ import annotations

import numpy as np

from autograder.checks import known
from autograder.compare import Mistake, compare, describe, expect
from autograder.result import CheckFailed
from autograder.tasks import Module, Task
from course.data import gaussian_blobs
from course.reference import init as ref
from course.reference import nn

Z = 6.0  # tolerances are Z standard errors of the statistic: false alarms ~1e-9


# --- statistics of one weight matrix --------------------------------------------------------

def _fans(rng):
    """Distinct fans, at least 1.5x apart, sometimes fan_in > fan_out, sometimes <."""
    a, b = int(rng.integers(200, 320)), int(rng.integers(60, 130))
    return (a, b) if rng.random() < 0.5 else (b, a)


def _matrix(name, W, fan_in, fan_out):
    if not isinstance(W, np.ndarray):
        raise CheckFailed(f"{name} returned a {describe(W)}, expected an array "
                          f"({fan_in}, {fan_out})")
    if W.shape != (fan_in, fan_out):
        details = [f"{name}({fan_in}, {fan_out}, ...) returned shape {W.shape}; expected "
                   f"(fan_in, fan_out) = ({fan_in}, {fan_out})"]
        hint = None
        if W.shape == (fan_out, fan_in):
            hint = ("the matrix is transposed: W is (fan_in, fan_out) and used as x @ W, "
                    "as in module 02")
        raise CheckFailed(f"{name} has the wrong shape", details, hint=hint, mistake="transposed")
    if W.dtype.kind != "f" or not np.all(np.isfinite(W)):
        raise CheckFailed(f"{name} should return finite floats", [f"got {describe(W)}"])
    return W.astype(np.float64)


def _std_tolerance(sigma, n, kurtosis):
    """Z standard errors of the sample std of n draws: sd(s) ~ sigma sqrt((kurtosis - 1) / 4n)."""
    return Z * sigma * np.sqrt((kurtosis - 1.0) / (4.0 * n))


def std_hint(got, candidates, tol, std):
    """The (hint, mistake) whose std is nearest `got` within the sampling error, else (None,
    None). tol: the error at the expected std `std`; it scales with each candidate's std."""
    rel = tol / std
    near = sorted((abs(got - value) / (rel * value), i, hint, mistake)
                  for i, (mistake, value, hint) in enumerate(candidates) if value > 0)
    if near and near[0][0] <= 1:
        return near[0][2], near[0][3]
    return None, None


def formula_hint(measured, expected, rel, *, fans, uniform):
    """Name the formula the measured stds match, when exactly one does at every fan pair:
    measured [(fan_in, fan_out, std)], expected(fan_in, fan_out) -> the right std, rel: the
    sampling error relative to the std. Formulas: sqrt(c / fan) for c in 1, 2, 3, 4, 6 and fan
    in fan_in, fan_out, fan_in + fan_out (as a std, or as a uniform bound a with std
    a / sqrt(3)) when `fans`; simple relations to the expected std (its reciprocal, square,
    square root, times or over 2 or sqrt(3))."""
    def cands(fi, fo):
        e = expected(fi, fo)
        out = [(1 / e, "1 / (the expected std)", "divided by it where it should multiply"),
               (e ** 2, "(the expected std)**2", "a variance used as a std"),
               (np.sqrt(e), "sqrt(the expected std)", "a std used as a variance"),
               (e * np.sqrt(3), "sqrt(3) * (the expected std)", "a factor sqrt(3) too many"),
               (e / np.sqrt(3), "(the expected std) / sqrt(3)", "a factor sqrt(3) missing"),
               (2 * e, "2 * (the expected std)", "a factor 2 too many"),
               (e / 2, "(the expected std) / 2", "a factor 2 missing"),
               (e / np.sqrt(fi), "(the expected std) / sqrt(fan_in)", "an extra 1/sqrt(fan_in)"),
               (e / np.sqrt(fo), "(the expected std) / sqrt(fan_out)", "an extra 1/sqrt(fan_out)")]
        if fans:
            for c in (1, 2, 3, 4, 6):
                for label, d in (("fan_in", fi), ("fan_out", fo), ("fan_in + fan_out", fi + fo)):
                    out.append((np.sqrt(c / d), f"sqrt({c}/({label}))", ""))
                    if uniform:
                        out.append((np.sqrt(c / d) / np.sqrt(3),
                                    f"the std of U[-a, a] with a = sqrt({c}/({label}))",
                                    ""))
        return out

    table = [cands(fi, fo) for fi, fo, _ in measured]
    fits = [j for j in range(len(table[0])) if all(
        abs(s - row[j][0]) <= rel * row[j][0] and abs(row[j][0] - expected(fi, fo)) >
        rel * expected(fi, fo) for (fi, fo, s), row in zip(measured, table, strict=True))]
    # candidates equal at every fan pair are one formula written two ways: the first names it
    fits = [j for j in fits if not any(k < j and all(np.isclose(row[k][0], row[j][0])
                                                     for row in table) for k in fits)]
    if len(fits) != 1:
        return None
    value, text, why = table[0][fits[0]]
    fi, fo, s = measured[0]
    pairs = "" if len(measured) == 1 else f" (and at {len(measured) - 1} other fan pairs)"
    return (f"your std {s:.4g} matches {text} = {value:.4g} for fan_in {fi}, fan_out {fo}"
            f"{pairs}" + (f": {why}" if why else ""))


def _fan_stds(init, fan_in, fan_out):
    """[(fan_in, fan_out, std of init's weights)] at two more fan pairs: the fans swapped and
    fan_in doubled, so a formula in the fans is pinned down."""
    out = []
    for a, b in ((fan_out, fan_in), (2 * fan_in, fan_out)):
        try:
            W = np.asarray(init(a, b), dtype=np.float64)
        except Exception:
            return []
        if W.shape != (a, b) or not np.all(np.isfinite(W)):
            return []
        out.append((a, b, float(W.std())))
    return out


def _std_diagnosis(s, std, tol, fan_in, fan_out, candidates, candidates_at, again, expected,
                   *, fans, uniform):
    """(hint, mistake) for a measured std `s` that is off: the nearest known mistake, if it fits
    at the other fan pairs too (one pair can be a coincidence), else the formula it matches."""
    hint, mistake = std_hint(s, candidates, tol, std)
    measured = [(fan_in, fan_out, s)]
    if again is not None and expected is not None:
        measured += _fan_stds(again, fan_in, fan_out)
    if hint is not None and candidates_at is not None and len(measured) > 1:
        for a, b, sa in measured[1:]:
            ea = expected(a, b)
            if std_hint(sa, [c for c in candidates_at(a, b) if c[0] == mistake],
                        tol / std * ea, ea)[1] is None:
                hint, mistake = None, None
                break
    if hint is None:
        hint = formula_hint(measured, expected or (lambda a, b: std), tol / std, fans=fans,
                            uniform=uniform)
    return hint, mistake


def check_statistics(name, W, fan_in, fan_out, std, formula, *, uniform, candidates=(),
                     fans=True, again=None, expected=None, candidates_at=None):
    """Mean 0, std `std` (within sampling error), Gaussian or uniform shape.

    formula: how the expected std is computed, for the message ("sqrt(2/fan_in)").
    candidates: [(mistake, std that mistake gives, hint)]; otherwise the hint names the formula
    the measured std matches (formula_hint; `fans`: the std is a function of the fans;
    again(fan_in, fan_out) -> W and expected(fan_in, fan_out) -> std measure it at more fans,
    where candidates_at(fan_in, fan_out) -> candidates must fit too).
    """
    W = _matrix(name, W, fan_in, fan_out)
    n = W.size
    kurt = 1.8 if uniform else 3.0
    mean, s = float(W.mean()), float(W.std())
    tol_m = Z * std / np.sqrt(n)
    # off centre: far from 0 for the expected std, and significant for the spread the weights
    # have (a std far too large makes a small mean no sign of a shift)
    off = max(10 * tol_m, 0.25 * std, Z * s / np.sqrt(n))
    tol_s = _std_tolerance(std, n, kurt)
    # the shape of the distribution: kurtosis 3 (Gaussian) or 1.8 (uniform), +-0.1 at n >= 6000
    k = float(np.mean((W - mean) ** 4) / max(s, 1e-300) ** 4)
    looks = "uniform" if abs(k - 1.8) < 0.3 else "Gaussian" if abs(k - 3.0) < 0.5 else None
    want = "uniform" if uniform else "Gaussian"
    distinct = np.unique(W).size
    if distinct <= max(2, n // 100):   # a continuous draw repeats no value
        raise CheckFailed(f"{name}'s {n} weights take only {distinct} distinct value"
                          f"{'s' if distinct > 1 else ''}",
                          [f"values {', '.join(f'{v:.4g}' for v in np.unique(W)[:4])}"
                           f"{', ...' if distinct > 4 else ''}"],
                          hint="draw one random number per entry (size=(fan_in, fan_out)): one "
                               "draw filled in or broadcast gives every weight the same value, "
                               "and units that start equal stay equal"
                          if distinct == 1 or distinct in (fan_in, fan_out) or distinct > 8 else
                               f"each weight is one of {distinct} values picked from a short list "
                               "(a random sign or a choice), not a draw from a continuous "
                               f"distribution: draw {'rng.uniform' if uniform else 'rng.normal'}"
                               " for every entry",
                          mistake="few-values")
    # a continuous draw gives no row or column whose entries are all equal
    for axis, what, size in ((1, "row", fan_in), (0, "column", fan_out)):
        flat = np.flatnonzero(np.ptp(W, axis=axis) == 0) if W.shape[1 - axis] > 1 else []
        if 0 < len(flat) < size:
            i = int(flat[0])
            value = float(W[i, 0] if axis == 1 else W[0, i])
            raise CheckFailed(
                f"{name}'s {what} {i} is {value:g} in every entry",
                [f"{len(flat)} of its {size} {what}s are constant: "
                 f"{', '.join(map(str, flat[:6].tolist()))}{', ...' if len(flat) > 6 else ''}"],
                hint=f"every entry is its own draw: is {what} {i} ever filled (a loop that starts "
                     "late or stops early, or an array left as it was made)?",
                mistake="constant-row")
    if looks and looks != want:
        raise CheckFailed(f"{name}'s weights look {looks}, not {want}",
                          [f"kurtosis E[w^4] / std^4 = {k:.2f} over {n} entries: a Gaussian has 3, "
                           "a uniform 1.8", f"std {s:.4g}, expected {formula} = {std:.4g}"],
                          hint=f"{name} draws from a {want} distribution: "
                               + ("rng.uniform(-a, a, ...) (your uniform_init)" if uniform else
                                  "rng.normal(0, std, ...) (your gaussian_init)"),
                          mistake=f"not-{want.lower()}")
    if abs(mean) > off:  # far off centre: that is the mistake
        side = ("every weight is >= 0" if W.min() >= 0 else "every weight is <= 0"
                if W.max() <= 0 else f"the mean is {mean / std:.2f} std away from 0")
        raise CheckFailed(f"{name}'s weights are not centred at 0: their mean is {mean:.4g}",
                          [f"{side}; std {s:.4g}, expected {formula} = {std:.4g}"],
                          hint="draw symmetrically around 0: U[-a, a] (both ends) or "
                               "N(0, std**2); yours are shifted to one side",
                          mistake="not-centred")
    if abs(s - std) > tol_s:
        hint, mistake = _std_diagnosis(s, std, tol_s, fan_in, fan_out, candidates, candidates_at,
                                       again, expected, fans=fans, uniform=uniform)
        raise CheckFailed(
            f"your {name} gives weight std {s:.4g} for fan_in {fan_in}, fan_out {fan_out}; "
            f"expected {formula} = {std:.4g}",
            [f"measured on {n} entries, so the sample std is within ±{tol_s:.2g} of the truth",
             f"ratio got / expected = {s / std:.4g}"],
            hint=hint or "compare your formula with the expected one: variance or std? fan_in "
                         "or fan_out? a missing factor?", mistake=mistake)
    expect(abs(mean) <= tol_m, f"{name}'s weights have mean {mean:.3g}; expected 0",
           f"measured on {n} entries: |mean| should be below {tol_m:.2g}",
           hint="draw symmetrically around 0: U[-a, a] or N(0, std**2)")
    top = float(np.abs(W).max())
    if uniform:
        bound = std * np.sqrt(3.0)
        expect(top <= bound * (1 + 1e-12) and top >= bound * 0.99,
               f"{name}'s largest |weight| is {top:.4g}; a uniform U[-a, a] with std {std:.4g} "
               f"has a = sqrt(3) * std = {bound:.4g}",
               hint="draw uniformly: rng.uniform(-a, a, size=...)", mistake="not-uniform")
    else:
        # P(no |w| beyond 3.2 std) = (1 - 0.00137)^n < 1e-7 for the n >= 12,000 drawn here
        expect(top >= 3.2 * std, f"{name}'s largest |weight| is only {top / std:.2f} std: "
               "these do not look Gaussian",
               f"{n} Gaussian draws reach beyond 3.2 std (all but once in ten million times)",
               hint="draw from rng.normal and keep every draw as it is: no clipping or truncation "
                    "of the tails", mistake="not-gaussian")
    # the shape once more: a kurtosis that is neither a Gaussian's 3 nor a uniform's 1.8 passed
    # the test above, which names only a draw of the other kind. Seeds 0-9, both fan orders:
    # N(0, s^2) gives 2.94 to 3.03 and U[-a, a] 1.79 to 1.81 (bands 2.5-3.5 and 1.5-2.1), while a
    # Student t(10) gives 3.87 to 4.30, a logistic 3.97 to 4.41, a Laplace 5.58 to 6.42 and a
    # triangular 2.37 to 2.42, each with the right std (AUD4)
    if looks != want:
        raise CheckFailed(f"{name}'s weights are not {want}: their kurtosis is {k:.2f}",
                          [f"kurtosis E[w^4] / std^4 = {k:.2f} over {n} entries: a Gaussian has 3 "
                           f"(2.5 to 3.5 accepted here), a uniform 1.8 (1.5 to 2.1); std {s:.4g}, "
                           f"expected {formula} = {std:.4g}"],
                          hint=f"the std is right but the distribution is not {want}: draw "
                               + ("rng.uniform(-a, a, ...)" if uniform else "rng.normal(0, std, ...)")
                               + " (not another distribution scaled to the same std)",
                          mistake=f"not-{want.lower()}")
    # a continuous draw repeats (almost) no value: over seeds 0-199 rng.normal and rng.uniform in
    # float64 repeat none at these sizes, cast to float32 at most 0.05% (AUD4); a pick from a grid
    # of 801 or 1000 values repeats 97%, rows drawn once and copied 50%
    repeated = n - distinct
    if repeated > n // 100:
        rows = np.unique(W, axis=0).shape[0] < fan_in
        cols = np.unique(W, axis=1).shape[1] < fan_out
        raise CheckFailed(f"{repeated} of {name}'s {n} weights repeat a value another weight has",
                          [f"{distinct} distinct values among {n} entries; independent draws from a "
                           "continuous distribution are all different"
                           + ("; some rows are copies of others" if rows else "")
                           + ("; some columns are copies of others" if cols else "")],
                          hint="draw one independent number per entry, "
                               + ("rng.uniform(-a, a, size=(fan_in, fan_out))" if uniform else
                                  "rng.normal(0, std, size=(fan_in, fan_out))")
                               + ": not copies of part of the matrix (its entries are not "
                                 "independent), nor picks from a grid or list of values",
                          mistake="repeated-values")
    return W


def check_not_standardised(name, call, seed, std, draws=20, shape=(4, 5)):
    """Independent draws: the sample mean and std of a small matrix vary from draw to draw
    (20 entries: the sample std's relative spread is about 0.16). A matrix rescaled to mean 0 and
    std `std` exactly has the right statistics on every large matrix, and dependent entries.
    call(rng) -> W of `shape`."""
    rng = np.random.default_rng([seed, 37])
    Ws = [np.asarray(call(rng), dtype=np.float64) for _ in range(draws)]
    if any(W.shape != shape for W in Ws):
        return
    stds = np.array([W.std() for W in Ws])
    means = np.array([W.mean() for W in Ws])
    exact_std = bool(np.all(np.abs(stds - std) <= 1e-9 * std))
    exact_mean = bool(np.all(np.abs(means) <= 1e-12 * std))
    if exact_std or exact_mean:
        what = "std exactly the std asked for" if exact_std else "mean exactly 0"
        raise CheckFailed(
            f"every matrix {name} draws has sample {what}",
            [f"{draws} draws of {name}{shape}: sample means from {means.min():.2g} to "
             f"{means.max():.2g}, sample stds from {stds.min():.6g} to {stds.max():.6g}; "
             f"independent draws of {shape[0] * shape[1]} entries would vary (the std by about "
             f"16%)"],
            hint="do not standardise the sample (W - W.mean(), / W.std()): that makes the "
                 "entries depend on each other; the distribution's own mean and std are what "
                 "the draw must have, rng.normal(0, std, ...) or rng.uniform(-a, a, ...) as "
                 "drawn", mistake="standardised-sample")


def check_rng_use(name, call, seed):
    """The given rng must advance; same rng state -> same W; the global RNG must not matter.

    call(rng) -> W. The global RNG's state is restored afterwards. (When student code runs in
    another process, re-seeding np.random here cannot reach it: then a global-RNG user is
    caught by the rng not advancing.)
    """
    saved = np.random.get_state()
    try:
        rng = np.random.default_rng(seed)
        before = rng.bit_generator.state
        np.random.seed(1000 + seed)
        w1 = np.asarray(call(rng))
        advanced = rng.bit_generator.state != before
        np.random.seed(2000 + seed)
        w2 = np.asarray(call(np.random.default_rng(seed)))
        same = w1.shape == w2.shape and np.array_equal(w1, w2)
        if advanced and same:
            w5 = np.asarray(call(np.random.default_rng(seed + 7919)))
            if w5.shape == w1.shape and np.array_equal(w5, w1):
                raise CheckFailed(f"{name} gave the same weights for generators of different seeds",
                                  ["the rng was used (its state changed), but the weights do not "
                                   "depend on it"],
                                  hint="the weights must come from the rng you are given "
                                       "(rng.normal(...)), not from a generator of your own",
                                  mistake="rng-ignored")
            return
        np.random.seed(3000 + seed)
        w3 = np.asarray(call(np.random.default_rng(seed)))
        np.random.seed(3000 + seed)
        w4 = np.asarray(call(np.random.default_rng(seed)))
        global_rng = not same and w3.shape == w4.shape and np.array_equal(w3, w4)
    finally:
        np.random.set_state(saved)
    if global_rng:
        raise CheckFailed(
            f"{name} depends on numpy's global random state",
            ["two calls with generators in the same state gave different weights; "
             "after re-seeding np.random the same way they agreed"],
            hint="it uses the global numpy RNG (np.random.normal, np.random.randn...): "
                 "draw from the rng argument instead (rng.normal(...))", mistake="global-rng")
    if not advanced:
        raise CheckFailed(
            f"{name} did not draw from the rng it was given",
            ["the generator passed as rng is in the same state after the call"],
            hint="draw every random number from the rng argument (rng.normal, rng.uniform): "
                 "not from the global numpy RNG (np.random.normal...), and do not create a new "
                 "generator inside", mistake="rng-unused")
    raise CheckFailed(f"{name} is not reproducible",
                      ["two calls with generators in the same state gave different weights"],
                      hint="draw every random number from the rng argument; do not create a "
                           "new generator inside", mistake="fresh-rng")


# --- deep nets on a small classification task -----------------------------------------------

C = 4
TANH = {"depth": 20, "width": 32, "steps": 150, "lr": 0.1, "batch": 64, "clip": None}
RELU = {"depth": 30, "width": 32, "steps": 200, "lr": 0.05, "batch": 64, "clip": 1.0}
TRAIN_FRACTION = 0.5    # trains: final loss < 0.5 ln C
STALL_FRACTION = 0.9    # does not train: final loss > 0.9 ln C
VANISHED = 1e-8         # at tiny init every weight gradient norm is below this


def task_data(seed, n=256, dim=16):
    """Four Gaussian blobs in 16-D, standardised: X (n, dim), y (n,)."""
    X, y = gaussian_blobs(n, C, dim, spread=2.0, rng=np.random.default_rng(seed))
    return (X - X.mean(0)) / X.std(0), y


def build_net(call, sizes, rng):
    """params from call(fan_in, fan_out, rng) -> W for every layer; zero biases."""
    ws = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        w = call(a, b, rng)
        if not isinstance(w, np.ndarray) or w.shape != (a, b):
            raise CheckFailed("the initialiser returned the wrong shape inside a deep net",
                              [f"for fan_in {a}, fan_out {b} it returned {describe(w)}"])
        ws.append(w)
    return ref.deep_params(sizes, ws)


def trainability(call, activation, cfg, seed, stream=0):
    """Build a deep net with call(fan_in, fan_out, rng), train it with the reference layers.
    stream: another generator for the weights and the batches (same data).

    Returns (final loss on the data set, params at init, X, y).
    """
    X, y = task_data(seed)
    rng = np.random.default_rng(10_000 + seed if stream == 0 else [10_000 + seed, stream])
    sizes = [X.shape[1]] + [cfg["width"]] * (cfg["depth"] - 1) + [C]
    params = build_net(call, sizes, rng)
    init = {k: v.copy() for k, v in params.items()}
    with np.errstate(all="ignore"):
        ref.train(params, X, y, activation, cfg["steps"], cfg["lr"], cfg["batch"], rng,
                  clip=cfg["clip"])
    loss = ref.full_loss(params, X, y, activation)
    return (float("inf") if not np.isfinite(loss) else loss), init, X, y


def shrink_per_layer(params, X, activation):
    """Geometric-mean factor by which the pre-activation std changes per hidden layer."""
    s = ref.measured_std(params, X, activation)
    with np.errstate(all="ignore"):
        return float((s[-2] / s[0]) ** (1.0 / (len(s) - 2))) if s[0] > 0 else 0.0


def predicted_factor(params, activation):
    """sqrt(fan_in * Var[W] * GAIN2) averaged over the hidden (square) layers."""
    L = nn.n_layers(params)
    v = [params[f"W{i}"].shape[0] * float(np.mean(params[f"W{i}"] ** 2)) for i in range(2, L)]
    return float(np.sqrt(np.mean(v) * ref.GAIN2[activation]))


def _setup(cfg, activation):
    clip = f", gradient norm clipped at {cfg['clip']:g}" if cfg["clip"] else ""
    return (f"a {cfg['depth']}-layer {activation} net of width {cfg['width']} on {C} Gaussian "
            f"blobs, {cfg['steps']} SGD steps, lr {cfg['lr']}, batch {cfg['batch']}{clip}")


def require_trains(name, call, activation, cfg, seed, hint=None, mistake=None):
    """The net must train. A right scale can still meet an unlucky draw (the 30-layer ReLU net
    stalls for about 1 in 25 correct He draws; benchmarks/init.py): a net that does not train
    gets a second one, from another generator, and one of the two must train."""
    loss, init, X, _ = trainability(call, activation, cfg, seed)
    threshold = TRAIN_FRACTION * np.log(C)
    if not loss < threshold:
        again = trainability(call, activation, cfg, seed, stream=1)[0]
        if again < threshold:
            return again
    if not loss < threshold:
        f = shrink_per_layer(init, X, activation)
        details = [_setup(cfg, activation),
                   f"loss after training {loss:.3f}; expected below {threshold:.3f} "
                   f"(half of ln {C} = {np.log(C):.3f}, the loss of a net that knows nothing)",
                   f"at init the activation std changes by a factor {f:.3g} per layer, "
                   f"{f ** (cfg['depth'] - 2):.2g} over {cfg['depth'] - 2} layers"]
        fp = predicted_factor(init, activation)
        if activation == "relu" and abs(fp - 2 ** -0.5) < 0.05:
            details.append(f"your weights predict a factor sqrt(fan_in * Var[W] / 2) = {fp:.3f}: "
                           f"the signal shrinks by about 1/sqrt(2) = {2 ** -0.5:.3f} per layer, "
                           "because ReLU zeroes half of each layer's second moment and the "
                           "weights do not make up for it")
        raise CheckFailed(f"with {name} the deep {activation} net did not train", details,
                          hint=hint, mistake=mistake)
    return loss


# --- 3.1 variance recursion -----------------------------------------------------------------

def check_predicted_std(predicted_std, *, seed):
    rng = np.random.default_rng(seed)
    for activation in ("linear", "relu", "tanh"):
        _check_predicted_once(predicted_std, rng, activation)
    # the defaults the signature gives and the first experiment relies on: activation "linear",
    # input_std 1.0 (AUD4)
    r = np.random.default_rng([seed, 38])
    width, depth = int(r.integers(20, 300)), int(r.integers(4, 12))
    weight_std = float(r.uniform(0.5, 2.0) / np.sqrt(width))
    got = predicted_std(width, depth, weight_std)
    got = np.asarray(got, dtype=np.float64) if isinstance(got, (list, tuple)) else got
    try:
        compare({"std": got}, {"std": (np.sqrt(width) * weight_std) ** np.arange(1, depth + 1)},
                rtol=1e-8, what=f"predicted_std({width}, {depth}, {weight_std:.4g}) with the "
                "defaults activation='linear', input_std=1.0", axes={"std": ("layer",)})
    except CheckFailed as e:
        # every call with explicit arguments was right: the defaults are what differs
        e.hint = ("called without activation and input_std, predicted_std must use the defaults "
                  "of its signature, activation=\"linear\" and input_std=1.0 (the first "
                  "experiment calls it so)")
        e.mistake = "defaults-changed"
        raise
    _check_predicted_depth_zero(predicted_std, seed)


def _check_predicted_depth_zero(predicted_std, seed):
    """The docstring's shape (depth,) at depth 0: a net with no layer has no std to predict,
    so the array is empty (a first entry put in before the loop over the layers is still
    there)."""
    r = np.random.default_rng([seed, 39])
    width = int(r.integers(20, 300))
    weight_std = float(r.uniform(0.5, 2.0) / np.sqrt(width))
    activation = str(r.choice(["linear", "relu", "tanh"]))
    input_std = float(r.uniform(0.5, 2.0))
    call = f"predicted_std({width}, 0, {weight_std:.4g}, {activation!r}, {input_std:.3g})"
    got = predicted_std(width, 0, weight_std, activation, input_std)
    try:
        arr = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        arr = None
    expect(arr is not None, f"{call} returned {describe(got)}; expected an array of shape (0,)")
    if arr.shape == (0,):
        return
    n = int(arr.size)
    first = input_std * np.sqrt(width) * weight_std
    starts = arr.ndim == 1 and n >= 1 and abs(float(arr[0]) - first) <= 1e-8 * first
    err = CheckFailed(
        f"{call} returned {n} entr{'y' if n == 1 else 'ies'} (shape {arr.shape}); expected none, "
        "shape (depth,) = (0,)",
        ["the array has one entry per layer, entry l - 1 for layer l: a net of depth 0 has no "
         "layer, so there is no std to predict"]
        + ([f"your first entry {float(arr[0]):.4g} is the std of layer 1, "
            f"input_std * sqrt(width) * weight_std = {first:.4g}"] if starts else []),
        hint=("the std of layer 1 is put in before the loop (stds = [...]) and the loop adds "
              "depth - 1 more: with depth = 0 it is still there. Start from an empty list and "
              "append one std per pass of a loop that runs depth times"
              if starts and n == 1 else
              "return one std per layer, depth of them: none when depth = 0 (is an entry added "
              "before or after a loop over range(depth)?)"),
        mistake="depth-zero")
    raise known(err) if starts and n == 1 else err


def _check_predicted_once(predicted_std, rng, activation):
    width, depth = int(rng.integers(20, 300)), int(rng.integers(4, 12))
    weight_std = float(rng.uniform(0.5, 2.0) / np.sqrt(width))
    input_std = float(rng.uniform(0.5, 2.0))
    got = predicted_std(width, depth, weight_std, activation, input_std)
    g = ref.GAIN2[activation]
    ell = np.arange(1, depth + 1)
    # the exact formula: std_l = input_std * (sqrt(n) sigma)^l * sqrt(g)^(l - 1)
    exact = input_std * (np.sqrt(width) * weight_std) ** ell * np.sqrt(g) ** (ell - 1)
    call = f"predicted_std({width}, {depth}, {weight_std:.4g}, {activation!r}, {input_std:.3g})"
    got = np.asarray(got, dtype=np.float64) if isinstance(got, (list, tuple)) else got
    compare({"std": got}, {"std": exact}, rtol=1e-8, what=f"the recursion for {call}",
            axes={"std": ("layer",)},
            sizes={"width": width, "weight_std": weight_std, "input_std": input_std}, mistakes=[
        Mistake("relu-factor-missing", "ReLU keeps only half of the second moment: "
                "multiply the variance by 1/2 at every layer after the first",
                lambda e=ell: {"std": input_std * (np.sqrt(width) * weight_std) ** e}),
        Mistake("relu-factor-on-std", "the 1/2 multiplies the variance, not the std",
                lambda e=ell, g=g: {"std": input_std * (np.sqrt(width) * weight_std) ** e
                                    * g ** (e - 1)}),
        Mistake("relu-factor-on-input", "the input x is not a ReLU output: the factor 1/2 "
                "applies from layer 2 on", lambda e=ell, g=g: {
                    "std": input_std * (np.sqrt(width) * weight_std) ** e * np.sqrt(g) ** e}),
        Mistake("variance-not-std", "you returned variances: take the square root",
                lambda x=exact: {"std": x**2}),
        Mistake("std-as-variance", "weight_std is a standard deviation: Var[W] = "
                "weight_std**2", lambda e=ell, g=g: {
                    "std": input_std * (width * weight_std) ** (e / 2) * np.sqrt(g) ** (e - 1)}),
        Mistake("off-by-one", "entry 0 is layer 1, whose variance already has one factor "
                "width * weight_std**2", lambda x=exact: {
                    "std": x / (np.sqrt(width) * weight_std)}),
    ])


# --- 3.2 Gaussian and uniform ---------------------------------------------------------------

def check_gaussian_uniform(gaussian_init, uniform_init, *, seed):
    rng = np.random.default_rng(seed)
    fi, fo = _fans(rng)
    std = float(rng.uniform(0.05, 0.5))
    W = gaussian_init(fi, fo, std, np.random.default_rng(seed))
    check_statistics("gaussian_init", W, fi, fo, std, "std", uniform=False, fans=False,
                     candidates=[
        ("variance-as-std", std**2, "you used std**2 where the std was meant: "
         "rng.normal's scale is the standard deviation"),
        ("sqrt-of-std", np.sqrt(std), "the std is already a standard deviation: do not take "
         "its square root")])
    check_rng_use("gaussian_init", lambda r: gaussian_init(fi, fo, std, r), seed)
    bound = float(rng.uniform(0.05, 0.5))
    W = uniform_init(fi, fo, bound, np.random.default_rng(seed))
    check_statistics("uniform_init", W, fi, fo, bound / np.sqrt(3), "bound / sqrt(3)",
                     uniform=True, fans=False, candidates=[
        ("bound-times-sqrt3", bound * np.sqrt(3), "the bound is a, the std is a / sqrt(3)"),
        ("half-range", bound / 2 / np.sqrt(3), "draw from U[-bound, bound], not "
         "U[-bound/2, bound/2]")])
    check_rng_use("uniform_init", lambda r: uniform_init(fi, fo, bound, r), seed)
    # behaviour: a 20-layer tanh net trains at std 1/sqrt(fan_in), not at std 0.01
    require_trains("gaussian_init(std = 1/sqrt(fan_in))",
                   lambda a, b, r: gaussian_init(a, b, 1.0 / np.sqrt(a), r), "tanh", TANH, seed)
    tiny = lambda a, b, r: gaussian_init(a, b, 0.01, r)  # noqa: E731
    loss, init, X, y = trainability(tiny, "tanh", TANH, seed)
    norms = ref.grad_norms(init, X, y, "tanh")
    stall = STALL_FRACTION * np.log(C)
    expect(loss > stall, f"with gaussian_init(std = 0.01) the 20-layer tanh net trained "
           f"(loss {loss:.3f}); a net this deep should not move from so small an init",
           f"expected a loss above {stall:.3f}; does gaussian_init use its std argument?")
    expect(float(norms.max()) < VANISHED, "at std 0.01 the weight gradients should vanish",
           "per-layer gradient norms: " + " ".join(f"{v:.1e}" for v in norms),
           f"expected all below {VANISHED:g}; does gaussian_init use its std argument?")
    # independent entries: no sample rescaled to its exact mean and std (AUD4)
    check_not_standardised("gaussian_init", lambda r: gaussian_init(4, 5, std, r), seed, std)
    check_not_standardised("uniform_init", lambda r: uniform_init(4, 5, bound, r), seed,
                           bound / np.sqrt(3))


# --- 3.3 Xavier -----------------------------------------------------------------------------

def _xavier_candidates(fi, fo):
    return [
        ("xavier-fan-in-only", np.sqrt(1 / fi), "Var[W] = 1/fan_in uses fan_in only: Xavier "
         "averages fan_in and fan_out, Var[W] = 2/(fan_in + fan_out)"),
        ("xavier-fan-out-only", np.sqrt(1 / fo), "Var[W] = 1/fan_out uses fan_out only: Xavier "
         "averages fan_in and fan_out, Var[W] = 2/(fan_in + fan_out)"),
        ("xavier-missing-2", np.sqrt(1 / (fi + fo)), "a missing factor 2: Var[W] = "
         "2/(fan_in + fan_out)"),
        ("variance-as-std", 2 / (fi + fo), "you used the variance 2/(fan_in + fan_out) as the "
         "std: take its square root"),
        ("he-not-xavier", np.sqrt(2 / fi), "this is He's 2/fan_in, not Xavier's "
         "2/(fan_in + fan_out)"),
    ]


def check_xavier(xavier_normal, xavier_uniform, *, seed):
    rng = np.random.default_rng(seed)
    fi, fo = _fans(rng)
    std = np.sqrt(2.0 / (fi + fo))
    W = xavier_normal(fi, fo, np.random.default_rng(seed))
    xstd = lambda a, b: np.sqrt(2.0 / (a + b))    # noqa: E731
    check_statistics("xavier_normal", W, fi, fo, std, "sqrt(2/(fan_in + fan_out))",
                     uniform=False, candidates=_xavier_candidates(fi, fo), expected=xstd,
                     again=lambda a, b: xavier_normal(a, b, np.random.default_rng(seed)),
                     candidates_at=_xavier_candidates)
    check_rng_use("xavier_normal", lambda r: xavier_normal(fi, fo, r), seed)
    W = xavier_uniform(fi, fo, np.random.default_rng(seed))
    a = np.sqrt(6.0 / (fi + fo))
    uniform_candidates = lambda a, b: [                                    # noqa: E731
        ("uniform-without-sqrt3", xstd(a, b) / np.sqrt(3), "U[-a, a] has variance a**2/3: with "
         "a = sqrt(2/(fan_in + fan_out)) the std is sqrt(3) too small; use "
         "a = sqrt(3) * std = sqrt(6/(fan_in + fan_out))")] + _xavier_candidates(a, b)
    check_statistics("xavier_uniform", W, fi, fo, std,
                     f"sqrt(2/(fan_in + fan_out)) (bound a = sqrt(6/(fan_in + fan_out)) = {a:.4g})",
                     uniform=True, candidates=uniform_candidates(fi, fo), expected=xstd,
                     again=lambda a, b: xavier_uniform(a, b, np.random.default_rng(seed)),
                     candidates_at=uniform_candidates)
    check_rng_use("xavier_uniform", lambda r: xavier_uniform(fi, fo, r), seed)
    for name, fn in (("xavier_normal", xavier_normal), ("xavier_uniform", xavier_uniform)):
        require_trains(name, fn, "tanh", TANH, seed)


# --- 3.4 He ---------------------------------------------------------------------------------

def _he_candidates(fi, fo):
    return [
        ("xavier-called-he", np.sqrt(1 / fi), "this is Xavier's 1/fan_in: ReLU zeroes half of "
         "the second moment, so He doubles it, Var[W] = 2/fan_in"),
        ("xavier-called-he", np.sqrt(2 / (fi + fo)), "this is Xavier's 2/(fan_in + fan_out): "
         "He uses Var[W] = 2/fan_in"),
        ("fan-out-for-fan-in", np.sqrt(2 / fo), "you used fan_out for fan_in: Var[W] = "
         "2/fan_in, with fan_in = the number of inputs (W.shape[0])"),
        ("variance-as-std", 2 / fi, "you used the variance 2/fan_in as the std: take its "
         "square root"),
        ("std-sqrt2-missing", 1 / np.sqrt(2 * fi), "Var[W] = 2/fan_in, not 1/(2 fan_in)"),
    ]


def check_he(he_init, *, seed):
    rng = np.random.default_rng(seed)
    fi, fo = _fans(rng)
    std = np.sqrt(2.0 / fi)
    W = he_init(fi, fo, np.random.default_rng(seed))
    W = _matrix("he_init", W, fi, fo)
    s = float(W.std())
    tol = _std_tolerance(std, W.size, 3.0)
    hint, mistake = None, None
    if abs(s - std) > tol:
        hint, mistake = _std_diagnosis(
            s, std, tol, fi, fo, _he_candidates(fi, fo), _he_candidates,
            lambda a, b: he_init(a, b, np.random.default_rng(seed)), lambda a, b: np.sqrt(2.0 / a),
            fans=True, uniform=False)
        if hint:
            hint = (f"your he_init gives weight std {s:.3g} for fan_in {fi}; expected "
                    f"sqrt(2/fan_in) = {std:.3g}: {hint}")
    # behaviour first: the 30-layer ReLU net of He et al. (2015, Fig. 3) must train
    require_trains("he_init", he_init, "relu", RELU, seed, hint=hint, mistake=mistake)
    check_statistics("he_init", W, fi, fo, std, "sqrt(2/fan_in)", uniform=False,
                     candidates=_he_candidates(fi, fo), expected=lambda a, b: np.sqrt(2.0 / a),
                     again=lambda a, b: he_init(a, b, np.random.default_rng(seed)),
                     candidates_at=_he_candidates)
    check_rng_use("he_init", lambda r: he_init(fi, fo, r), seed)
    # two inputs, where a formula off by one in fan_in is far off (sqrt(2) or sqrt(2/3))
    W = _matrix("he_init", he_init(2, 8000, np.random.default_rng(seed)), 2, 8000)
    s = float(W.std())
    off = next((f for v, f in ((np.sqrt(2.0), "fan_in - 1"), (np.sqrt(2 / 3), "fan_in + 1"))
                if abs(s - v) < 0.05), None)
    expect(abs(s - 1.0) <= _std_tolerance(1.0, W.size, 3.0),
           f"he_init(2, 8000) has weight std {s:.3g}; expected sqrt(2/fan_in) = 1",
           "with fan_in = 2 inputs the std is sqrt(2/2) = 1",
           hint=f"your std is sqrt(2/({off})): the formula divides by fan_in itself, the "
                "number of inputs W.shape[0]" if off else None,
           mistake="fan-in-off-by-one" if off else None)


# --- 3.5 orthogonal -------------------------------------------------------------------------

def _orthonormal(M: np.ndarray, gain: float) -> bool:
    """M.T @ M == gain**2 I (orthogonal columns of length gain)."""
    return bool(np.abs(M.T @ M - gain**2 * np.eye(M.shape[1])).max() < 1e-10)


def check_orthogonal(orthogonal_init, *, seed):
    rng = np.random.default_rng(seed)
    fi, fo = _fans(rng)
    fi, fo = fi // 2, fo // 2
    gain = float(rng.choice([np.sqrt(2.0), 1.5, 0.8]))
    for a, b in ((fi, fo), (fo, fi), (fi, fi)):
        W = _matrix("orthogonal_init", orthogonal_init(a, b, np.random.default_rng(seed),
                                                       gain=gain), a, b)
        gram = W.T @ W if a >= b else W @ W.T
        which = "W.T @ W" if a >= b else "W @ W.T"
        k = gram.shape[0]
        dev = float(np.abs(gram - gain**2 * np.eye(k)).max())
        if dev > 1e-10:
            diag = float(np.mean(np.diag(gram)))
            off = float(np.abs(gram - np.diag(np.diag(gram))).max())
            hint, mistake = None, None
            lengths = np.sqrt(np.diag(gram))
            if off < 1e-10 and float(np.ptp(lengths)) > 1e-8 * float(lengths.max()):
                side = "columns" if a >= b else "rows"
                hint, mistake = (f"the {side} are orthogonal but of different lengths (from "
                                 f"{lengths.min():.3g} to {lengths.max():.3g}): each must have "
                                 f"length gain = {gain:.4g}; something scales each {side[:-1]} "
                                 "by its own factor (fix only the signs, with np.sign)",
                                 "unequal-lengths")
            elif off < 1e-10:
                for m, v, h in (
                        ("orthogonal-without-gain", 1.0, "the columns are orthonormal but the gain "
                         "is missing: multiply by gain"),
                        ("gain-squared", gain**4, "the gain is applied twice (or squared): "
                         "multiply by gain once"),
                        ("gain-sqrt", gain, "multiply by gain, not by sqrt(gain)")):
                    if abs(diag - v) < 1e-8:
                        hint, mistake = h, m
                        break
                else:       # orthogonal, all of one length: an extra factor
                    hint = (f"the {'columns' if a >= b else 'rows'} are orthogonal and all of "
                            f"length {np.sqrt(diag):.4g}, not gain = {gain:.4g}: an extra factor "
                            f"of {np.sqrt(diag) / gain:.4g} (the orthogonalising is right)")
            elif a != b and _orthonormal(W.reshape(max(a, b), min(a, b)), gain):
                hint, mistake = ("your W is an orthogonal matrix reshaped: its entries laid out "
                                 f"again as {max(a, b)} x {min(a, b)} have orthogonal columns of "
                                 "length gain; a reshape where a transpose (q.T) belongs"), \
                    "reshaped"
            elif abs(diag - gain**2) < 1e-8:
                hint, mistake = ("every column has the right norm, but the columns are not "
                                 "orthogonal to each other: normalising is not enough, "
                                 "orthogonalise (np.linalg.qr of a Gaussian matrix)"), "normalised-only"
            elif a != b:
                hint = ("for a non-square W only one side can be orthonormal: the columns when "
                        "fan_in >= fan_out, the rows when fan_in < fan_out")
            raise CheckFailed(
                f"orthogonal_init({a}, {b}, gain={gain:.4g}) is not gain * orthogonal",
                [f"{which} should be gain**2 * I = {gain**2:.4g} I to 1e-10; "
                 f"max deviation {dev:.2e}",
                 f"mean diagonal {diag:.6g}, largest off-diagonal |entry| {off:.2e}"],
                hint=hint or "orthonormalise a Gaussian matrix: np.linalg.qr", mistake=mistake)
    check_rng_use("orthogonal_init", lambda r: orthogonal_init(fi, fo, r, gain=gain), seed)
    check_uniform_signs(orthogonal_init, seed)
    check_gaussian_columns(orthogonal_init, seed)
    # default gain 1 and products of many: every singular value stays at 1 (Saxe et al. 2014)
    n, depth = 24, 40
    mats = [orthogonal_init(n, n, rng) for _ in range(depth)]
    sv = ref.product_singular_values([np.asarray(m, dtype=np.float64) for m in mats])
    dev = float(np.abs(sv - 1).max())
    expect(dev < 1e-10, f"the product of {depth} orthogonal_init({n}, {n}, rng) matrices has "
           f"singular values from {sv.min():.4g} to {sv.max():.4g}; expected all 1 to 1e-10",
           hint="is the default gain 1.0?")


SIGN_DRAWS, SIGN_N, SIGN_LIMIT = 64, 8, 0.25
# every entry of a uniform orthogonal matrix is as often negative as positive: the mean sign of
# one row or column over the draws (512 signs, std 0.044) and of all entries (4096, std 0.016)
LINE_LIMIT, ALL_LIMIT = 0.3, 0.1
ENTRY_LIMIT = 0.7   # one diagonal entry's mean sign over the draws: 0 +- 0.125


def sign_draws(orthogonal_init, seed, shape=(SIGN_N, SIGN_N)):
    """Signs of SIGN_DRAWS orthogonal_init(*shape) matrices: (SIGN_DRAWS, *shape)."""
    rng = np.random.default_rng([seed, 35] + ([] if shape == (SIGN_N, SIGN_N) else list(shape)))
    return np.array([np.sign(np.asarray(orthogonal_init(*shape, rng), dtype=float))
                     for _ in range(SIGN_DRAWS)])


def sign_balance(orthogonal_init, seed):
    """Mean sign of the diagonal entries of SIGN_DRAWS square orthogonal_init(8, 8) matrices:
    about 0 (std 1/sqrt(512) = 0.044) for matrices uniform over the orthogonal group, whose
    every column is as likely negated as not."""
    return float(np.mean(np.diagonal(sign_draws(orthogonal_init, seed), axis1=1, axis2=2)))


def check_uniform_signs(orthogonal_init, seed):
    """The notebook's promise: the sign fix makes W uniform over orthogonal matrices (square,
    wide and tall)."""
    for shape in ((SIGN_N, SIGN_N), (SIGN_N, SIGN_N + 4), (SIGN_N + 4, SIGN_N)):
        _check_signs(orthogonal_init, seed, shape)


def _check_signs(orthogonal_init, seed, shape):
    signs = sign_draws(orthogonal_init, seed, shape)
    call = f"orthogonal_init({shape[0]}, {shape[1]})"
    m = float(np.mean(np.diagonal(signs, axis1=1, axis2=2)))
    if abs(m) > SIGN_LIMIT:
        hint = ("every diagonal entry comes out positive: the signs were taken from q itself; "
                "take them from the diagonal of r" if m > 0.999 else
                "without the sign fix QR's own sign convention shows: multiply each column of q "
                "by the sign of the matching diagonal entry of r")
        raise CheckFailed(
            "orthogonal_init's matrices are not uniform over orthogonal matrices",
            [f"over {SIGN_DRAWS} draws of {call}, the mean sign of "
             f"the diagonal entries is {m:+.2f}; a uniform orthogonal matrix flips each column's "
             f"sign with probability 1/2, which gives 0 +- {1 / np.sqrt(SIGN_DRAWS * SIGN_N):.3f}"
             f" (limit {SIGN_LIMIT})"], hint=hint, mistake="sign-fix")
    rows, cols, m = signs.mean(axis=(0, 2)), signs.mean(axis=(0, 1)), float(signs.mean())
    for what, line in (("row", rows), ("column", cols)):
        i = int(np.argmax(np.abs(line)))
        if abs(line[i]) > LINE_LIMIT:
            raise CheckFailed(
                "orthogonal_init's matrices are not uniform over orthogonal matrices",
                [f"over {SIGN_DRAWS} draws of {call}, the entries of "
                 f"{what} {i} have mean sign {line[i]:+.2f}; in a uniform orthogonal matrix every "
                 f"entry is as often negative as positive: 0 +- "
                 f"{1 / np.sqrt(SIGN_DRAWS * SIGN_N):.3f} (limit {LINE_LIMIT})"],
                hint=f"your signs follow a convention of your own ({what} {i} made "
                     f"{'positive' if line[i] > 0 else 'negative'}): multiply each column of q by "
                     "the sign of the matching diagonal entry of r, np.sign(np.diag(r))",
                mistake="sign-convention")
    if abs(m) > ALL_LIMIT:
        raise CheckFailed(
            "orthogonal_init's matrices are not uniform over orthogonal matrices",
            [f"over {SIGN_DRAWS} draws of {call}, the mean sign of "
             f"all entries is {m:+.2f}; in a uniform orthogonal matrix every entry is as often "
             f"negative as positive: 0 +- {1 / np.sqrt(signs.size):.3f} (limit {ALL_LIMIT})"],
            hint="your signs follow a convention of your own that favours positive entries: "
                 "multiply each column of q by the sign of the matching diagonal entry of r, "
                 "np.sign(np.diag(r))", mistake="sign-convention")
    # each diagonal entry on its own: signs fixed per column (a sign pattern of one's own, drawn
    # from a generator with a fixed seed or written in the code) balance out over the diagonal
    # but not entry by entry. Seeds 0-9, three shapes: the largest |mean sign| of one diagonal
    # entry over the 64 draws is 0.09 to 0.34 for the recipe (0.53 at worst over seeds 0-199),
    # 1.00 for fixed signs (AUD4)
    per = np.diagonal(signs, axis1=1, axis2=2).mean(axis=0)
    j = int(np.argmax(np.abs(per)))
    if abs(per[j]) > ENTRY_LIMIT:
        raise CheckFailed(
            "orthogonal_init's matrices are not uniform over orthogonal matrices",
            [f"over {SIGN_DRAWS} draws of {call}, W[{j}, {j}] has mean sign {per[j]:+.2f}; in a "
             f"uniform orthogonal matrix it is as often negative as positive: 0 +- "
             f"{1 / np.sqrt(SIGN_DRAWS):.3f} (limit {ENTRY_LIMIT})"],
            hint="each column keeps the same sign from draw to draw: the signs must come from the "
                 "draw itself, np.sign(np.diag(r)) of its QR, not from a fixed pattern (a "
                 "generator of your own with a fixed seed, or signs written in the code)",
            mistake="sign-convention")


KURT_DRAWS, KURT_SHAPE, KURT_COLS, KURT_BAND = 32, (96, 24), 4, (2.6, 3.4)
# a column of a uniform orthogonal matrix is uniform on the sphere: sqrt(n) times its entries
# have E[x^4] = 3 n / (n + 2) = 2.94 (Gaussian-like); over 32 x 4 columns of 96 entries the
# estimate is within +-0.09 of it (seeds 0-9: 2.84 to 3.01). QR of a uniform draw gives 1.8,
# of rng.random 2.2-2.3, of a Laplace draw 5 (python -m benchmarks.init)


def column_kurtosis(orthogonal_init, seed) -> float:
    """E[x^4] of x = sqrt(n) * the entries of the first KURT_COLS columns of KURT_DRAWS
    orthogonal_init(96, 24) matrices, each column scaled to length 1."""
    rng = np.random.default_rng([seed, 36])
    cols = [np.asarray(orthogonal_init(*KURT_SHAPE, rng), dtype=float)[:, :KURT_COLS]
            for _ in range(KURT_DRAWS)]
    x = np.concatenate([c / np.linalg.norm(c, axis=0) for c in cols], axis=1) * np.sqrt(KURT_SHAPE[0])
    return float(np.mean(x**4))


def check_gaussian_columns(orthogonal_init, seed):
    """The notebook's recipe orthogonalises a Gaussian matrix: only that gives a matrix uniform
    over the orthogonal group, whose columns are uniform on the sphere."""
    k = column_kurtosis(orthogonal_init, seed)
    lo, hi = KURT_BAND
    n = KURT_SHAPE[0]
    if not lo <= k <= hi:
        raise CheckFailed(
            "orthogonal_init's matrices are not uniform over orthogonal matrices",
            [f"over {KURT_DRAWS} draws of orthogonal_init{KURT_SHAPE}, sqrt({n}) times the entries "
             f"of the first {KURT_COLS} columns have E[x^4] = {k:.2f}; a uniform orthogonal "
             f"matrix's columns are uniform on the sphere: {3 * n / (n + 2):.2f}, like a "
             f"Gaussian's 3 (limits {lo} to {hi}); a uniform draw gives about 1.8"],
            hint=("the matrix you orthogonalise must be Gaussian (rng.normal): QR of a "
                  "non-Gaussian draw gives orthogonal matrices, but not uniformly random ones"
                  if k < lo else "the matrix you orthogonalise must be Gaussian (rng.normal)"),
            mistake="not-gaussian")


# --- 3.6 signal propagation -----------------------------------------------------------------

def _stats_net(rng, activation, depth=None):
    depth = int(rng.integers(3, 6)) if depth is None else depth
    sizes = [int(s) for s in rng.integers(4, 10, size=depth + 1)]
    scale = {"tanh": 2.5, "relu": 1.2, "linear": 1.0}[activation]
    params = ref.init_net(sizes, "gaussian", rng, std=1.0)
    for i in range(1, depth + 1):
        params[f"W{i}"] *= scale / np.sqrt(sizes[i - 1])
        params[f"b{i}"] = rng.normal(scale=0.3, size=sizes[i])
    if activation == "relu":  # kill a few units for sure
        for i in range(1, depth):
            params[f"b{i}"][: max(1, sizes[i] // 3)] = -50.0
    if activation == "linear":  # units negative on every input, dead were it a ReLU net
        for i in range(1, depth):
            params[f"b{i}"][: max(1, sizes[i] // 3)] = -5.0
    x = rng.normal(size=(int(rng.integers(8, 20)), sizes[0]))
    y = rng.integers(0, sizes[-1], size=x.shape[0])
    return params, x, y


def check_layer_stats(layer_stats, *, seed):
    rng = np.random.default_rng(seed)
    for activation in ("tanh", "relu", "linear"):   # the notebook: "for a linear net zeros"
        _check_stats_once(layer_stats, rng, activation)
    # the default activation of the signature is "relu" (AUD4)
    params, x, y = _stats_net(np.random.default_rng([seed, 38]), "relu")
    got = layer_stats({k: v.copy() for k, v in params.items()}, x.copy(), y.copy())
    exp = ref.layer_stats(params, x, y, "relu")
    try:
        expect(isinstance(got, dict) and set(exp) <= set(got),
               "layer_stats(params, x, y), without activation, should return the same dict")
        compare({k: np.asarray(got[k], dtype=np.float64) if isinstance(got[k], (list, tuple))
                 else got[k] for k in exp}, exp, rtol=1e-6,
                what="the reference on a ReLU net, called without activation (the default is "
                     "\"relu\")")
    except CheckFailed as e:
        # the calls with an explicit activation were right: the default is what differs
        e.hint = ("called without activation, layer_stats must use the default of its signature, "
                  "activation=\"relu\"")
        e.mistake = "defaults-changed"
        raise
    # a net of 10 layers or more, like the notebook's 20-layer nets: "W10" is a weight of
    # layer 10, after "W9", though sorted as strings it comes before "W2"
    r = np.random.default_rng([seed, 40])
    _check_stats_once(layer_stats, r, "tanh", depth=int(r.integers(11, 13)))


def _check_stats_once(layer_stats, rng, activation, depth=None):
    params, x, y = _stats_net(rng, activation, depth)
    got = layer_stats({k: v.copy() for k, v in params.items()}, x.copy(), y.copy(), activation)
    expect(isinstance(got, dict), "layer_stats should return a dict",
           f"got {describe(got)}; keys 'std', 'frozen', 'grad_norm'")
    exp = ref.layer_stats(params, x, y, activation)
    missing = sorted(set(exp) - set(got))
    expect(not missing, f"layer_stats has no {', '.join(missing)}",
           "return {'std': ..., 'frozen': ..., 'grad_norm': ...}")
    got = {k: np.asarray(got[k], dtype=np.float64) if isinstance(got[k], (list, tuple))
           else got[k] for k in exp}
    ys = ref.preactivations(params, x, activation)
    act = nn.ACTIVATIONS[activation][0]
    hs = [act(v)[0] for v in ys[:-1]]
    _, caches = nn.mlp_forward(params, x, activation)
    grads = nn.mlp_backward(nn.softmax_cross_entropy(nn.mlp_forward(params, x, activation)[0],
                                                     y)[1], caches, activation)
    L = len(ys)
    linear = [
        Mistake("linear-counted-as-tanh", "a linear net has no saturation: frozen is 0 for "
                "every layer (your code counts |h| > 0.99 for it, as for tanh)", lambda: {
                    "frozen": np.array([np.mean(np.abs(h) > 0.99) for h in hs])}),
        Mistake("linear-counted-as-relu", "a linear net has no dead units: frozen is 0 for "
                "every layer (your code counts units <= 0 for it, as for ReLU)", lambda: {
                    "frozen": np.array([np.mean(np.all(h <= 0, axis=0)) for h in hs])}),
    ] if activation == "linear" else []
    compare(got, exp, rtol=1e-6, what=f"the reference ({activation} net, {L} layers)",
            sizes={"N": x.shape[0]}, mistakes=[
        *linear,
        Mistake("preactivation-std", "this is the std of the pre-activations x @ W + b: "
                "measure each hidden layer's output, after the nonlinearity",
                lambda: {"std": np.array([np.std(v) for v in ys[:-1]])}),
        Mistake("dead-per-entry", "a dead ReLU is a unit that is 0 on every example: "
                "this is the fraction of zero entries", lambda: {
                    "frozen": np.array([np.mean(h <= 0) for h in hs])}),
        Mistake("saturated-preactivation", "saturation is |tanh output| > 0.99, measured "
                "after the nonlinearity", lambda: {
                    "frozen": np.array([np.mean(np.abs(v) > 0.99) for v in ys[:-1]])}),
        *[Mistake(f"saturation-at-{c}", f"your frozen fraction counts |tanh output| > {c}: "
                  "the threshold is 0.99", lambda c=c: {
                      "frozen": np.array([np.mean(np.abs(h) > c) for h in hs])})
          for c in (0.9, 0.95, 0.999)],
        Mistake("dead-examples", "frozen counts examples (rows) on which every unit is 0: a "
                "dead unit is a column that is 0 for every example (np.all over axis=0)",
                lambda: {"frozen": np.array([np.mean(np.all(h <= 0, axis=1)) for h in hs])}
                if activation == "relu" else {}),
        Mistake("grad-norm-squared", "the norm is sqrt(sum(g**2)), not sum(g**2)",
                lambda: {"grad_norm": exp["grad_norm"] ** 2}),
        Mistake("grad-norm-of-bias", "these are the norms of the bias gradients: use dW",
                lambda: {"grad_norm": np.array([np.linalg.norm(grads[f"b{i}"])
                                                for i in range(1, L + 1)])}),
        Mistake("grad-norms-in-key-order", f"your grad norms come in the order of the sorted "
                f"key names, W1, W10, {'W11, ' if L > 11 else ''}W2, ...: as strings \"W10\" "
                "sorts before \"W2\", so from 10 layers on the layers are out of order. Take "
                "them layer by layer: grads[f\"W{i}\"] for i = 1, ..., L",
                lambda: {"grad_norm": np.array([np.linalg.norm(grads[k]) for k in sorted(grads)
                                                if k.startswith("W")])}),
    ])


# --- the module ---------------------------------------------------------------------------

MODULE = Module("03_init", "Initialisation", (
    Task("3.1", "predicted_std", 2, ("predicted_std",), check_predicted_std, help=(
        "write Var[y_1] first, then how Var[y_l] follows from Var[y_{l-1}]",
        "a linear layer multiplies the variance by width * weight_std**2; ReLU halves the "
        "second moment it passes on; near zero tanh passes it unchanged",
        "std_l = input_std * (sqrt(width) * weight_std)**l * sqrt(g)**(l - 1), g = 1/2 for "
        "ReLU, 1 otherwise")),
    Task("3.2", "gaussian_uniform", 2, ("gaussian_init", "uniform_init"),
         check_gaussian_uniform, help=(
             "W has shape (fan_in, fan_out) and every draw comes from the rng you are given",
             "the Gaussian takes a std, not a variance; U[-a, a] has variance a**2 / 3",
             "rng.normal(0, std, size=(fan_in, fan_out)); rng.uniform(-bound, bound, size=...)")),
    Task("3.3", "xavier", 2, ("xavier_normal", "xavier_uniform"), check_xavier,
         isolate={"gaussian_init": "course.reference.init:gaussian_init",
                  "uniform_init": "course.reference.init:uniform_init"}, help=(
             "Var[W] = 2/(fan_in + fan_out) for both",
             "U[-a, a] has variance a**2/3, so a = sqrt(3 * Var[W])")),
    Task("3.4", "he_init", 3, ("he_init",), check_he,
         isolate={"gaussian_init": "course.reference.init:gaussian_init"}, help=(
             "ReLU halves the second moment; the weights must double it back",
             "Var[W] = 2/fan_in; fan_in = W.shape[0], the number of inputs of each unit")),
    Task("3.5", "orthogonal_init", 2, ("orthogonal_init",), check_orthogonal, help=(
        "np.linalg.qr of a Gaussian (max(fan_in, fan_out), min(fan_in, fan_out)) matrix gives "
        "orthonormal columns",
        "transpose when fan_in < fan_out; multiply by gain at the end")),
    Task("3.6", "layer_stats", 3, ("layer_stats",), check_layer_stats, help=(
        "std and frozen have one entry per hidden layer, grad_norm one per weight matrix",
        "std and frozen are of each hidden layer's output (after the nonlinearity); grad_norm is "
        "the Frobenius norm of dL/dW for the mean softmax cross-entropy",
        "tanh: frozen = fraction of |a| > 0.99 (saturated); relu: fraction of units that are 0 "
        "for every example (dead)")),
))
