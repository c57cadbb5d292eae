"""Mistakes students make in module 01, each an edit of solutions/01_induction/01_induction.py.

SCENARIOS break exactly one task, with the phrase its feedback must contain.
VARIANTS are correct implementations written differently; each must pass every task.
"""

from autograder.catalogue import Scenario, as_variants, named
from autograder.catalogue.design3_induction import SCENARIOS as DESIGN3
from autograder.catalogue.design3_induction import VARIANTS as VARIANTS3
from autograder.catalogue.heldout2_induction import SCENARIOS as HELD_OUT2
from autograder.catalogue.heldout3_induction import SCENARIOS as HELD_OUT3
from autograder.catalogue.heldout4_induction import SCENARIOS as HELD_OUT4
from autograder.catalogue.heldout4_induction import VARIANTS as VARIANTS4
from autograder.catalogue.heldout5_induction import SCENARIOS as HELD_OUT5
from autograder.catalogue.heldout5_induction import VARIANTS as VARIANTS5
from autograder.catalogue.heldout6_induction import SCENARIOS as HELD_OUT6
from autograder.catalogue.heldout6_induction import VARIANTS as VARIANTS6
from autograder.catalogue.heldout7_induction import SCENARIOS as HELD_OUT7
from autograder.catalogue.heldout7_induction import VARIANTS as VARIANTS7
from autograder.catalogue.heldout8_induction import SCENARIOS as HELD_OUT8
from autograder.catalogue.heldout8_induction import VARIANTS as VARIANTS8
from autograder.catalogue.heldout9_induction import SCENARIOS as HELD_OUT9
from autograder.catalogue.heldout9_induction import VARIANTS as VARIANTS9
from autograder.catalogue.heldout10_induction import SCENARIOS as HELD_OUT10
from autograder.catalogue.heldout10_induction import VARIANTS as VARIANTS10
from autograder.catalogue.heldout11_induction import SCENARIOS as HELD_OUT11
from autograder.catalogue.heldout11_induction import VARIANTS as VARIANTS11
from autograder.catalogue.heldout12_induction import SCENARIOS as HELD_OUT12
from autograder.catalogue.heldout12_induction import VARIANTS as VARIANTS12
from autograder.catalogue.heldout13_induction import SCENARIOS as HELD_OUT13
from autograder.catalogue.heldout13_induction import VARIANTS as VARIANTS13
from autograder.catalogue.heldout14_induction import SCENARIOS as HELD_OUT14
from autograder.catalogue.heldout14_induction import VARIANTS as VARIANTS14
from autograder.catalogue.heldout15_induction import SCENARIOS as HELD_OUT15
from autograder.catalogue.heldout15_induction import VARIANTS as VARIANTS15
from autograder.catalogue.heldout16_induction import SCENARIOS as HELD_OUT16
from autograder.catalogue.heldout16_induction import VARIANTS as VARIANTS16
from autograder.catalogue.heldout17_induction import SCENARIOS as HELD_OUT17
from autograder.catalogue.heldout17_induction import VARIANTS as VARIANTS17
from autograder.catalogue.heldout18_induction import SCENARIOS as HELD_OUT18
from autograder.catalogue.heldout18_induction import VARIANTS as VARIANTS18
from autograder.catalogue.heldout19_induction import SCENARIOS as HELD_OUT19
from autograder.catalogue.heldout19_induction import VARIANTS as VARIANTS19
from autograder.catalogue.heldout20_induction import SCENARIOS as HELD_OUT20
from autograder.catalogue.heldout20_induction import VARIANTS as VARIANTS20
from autograder.catalogue.heldout21_induction import SCENARIOS as HELD_OUT21
from autograder.catalogue.heldout21_induction import VARIANTS as VARIANTS21
from autograder.catalogue.heldout22_induction import SCENARIOS as HELD_OUT22
from autograder.catalogue.heldout22_induction import VARIANTS as VARIANTS22
from autograder.catalogue.heldout23_induction import SCENARIOS as HELD_OUT23
from autograder.catalogue.heldout23_induction import VARIANTS as VARIANTS23
from autograder.catalogue.heldout_induction import SCENARIOS as HELD_OUT

SCENARIOS = [
    # 1.1 split_indices
    Scenario("split-shuffles-twice", "1.1",
             {"test_idx = perm[n_train + n_val:]": "test_idx = rng.permutation(n)[n_train + n_val:]"},
             "test examples leak into training"),
    Scenario("split-overlapping-cuts", "1.1",
             {"test_idx = perm[n_train + n_val:]": "test_idx = perm[n_train + n_val - 1:]"},
             "the val and test sets overlap"),
    Scenario("split-with-replacement", "1.1",
             {"perm = rng.permutation(n)": "perm = rng.integers(0, n, size=n)"},
             "drawn with replacement"),
    Scenario("split-no-shuffle", "1.1", {"perm = rng.permutation(n)": "perm = np.arange(n)"},
             "not shuffled"),
    Scenario("split-global-rng", "1.1",
             {"perm = rng.permutation(n)": "perm = np.random.permutation(n)"},
             "draw all randomness from the rng argument"),
    # 1.2 mse_loss
    Scenario("mse-grad-missing-2", "1.2",
             {"grad = 2 * X.T @ r / X.shape[0]": "grad = X.T @ r / X.shape[0]"},
             "missing the factor 2"),
    Scenario("mse-grad-missing-1/N", "1.2",
             {"grad = 2 * X.T @ r / X.shape[0]": "grad = 2 * X.T @ r"}, "missing the 1/N"),
    Scenario("mse-grad-sign-flipped", "1.2",
             {"grad = 2 * X.T @ r / X.shape[0]": "grad = 2 * X.T @ (y - X @ w) / X.shape[0]"},
             "wrong sign"),
    Scenario("mse-sum-not-mean", "1.2", {"loss = np.mean(r**2)": "loss = np.sum(r**2)"},
             "sum of squares"),
    # 1.3 fit_least_squares
    Scenario("normal-equations", "1.3",
             {"w = np.linalg.lstsq(X, y, rcond=None)[0]": "w = np.linalg.solve(X.T @ X, X.T @ y)"},
             "squares the condition number"),
    Scenario("normal-equations-inverse", "1.3",
             {"w = np.linalg.lstsq(X, y, rcond=None)[0]":
              "w = np.linalg.inv(X.T @ X) @ X.T @ y"}, "squares the condition number"),
    # 1.4 fit_linear_gd
    Scenario("gd-ascent", "1.4", {"        loss, grad = mse_loss(w, X, y)\n        losses.append("
                                  "loss)\n        w = w - lr * grad":
                                  "        loss, grad = mse_loss(w, X, y)\n        losses.append("
                                  "loss)\n        w = w + lr * grad"}, "uphill"),
    Scenario("gd-lr-applied-twice", "1.4",
             {"        loss, grad = mse_loss(w, X, y)\n        losses.append(loss)\n"
              "        w = w - lr * grad":
              "        loss, grad = mse_loss(w, X, y)\n        losses.append(loss)\n"
              "        w = w - lr * (lr * grad)"}, "learning rate is applied twice"),
    Scenario("gd-loss-after-step", "1.4",
             {"        loss, grad = mse_loss(w, X, y)\n        losses.append(loss)\n"
              "        w = w - lr * grad":
              "        loss, grad = mse_loss(w, X, y)\n        w = w - lr * grad\n"
              "        losses.append(mse_loss(w, X, y)[0])"}, "the loss before step t"),
    # 1.5 logistic_loss
    Scenario("logistic-grad-sign-flipped", "1.5",
             {"grad = X.T @ (sigmoid(z) - y) / X.shape[0]":
              "grad = X.T @ (y - sigmoid(z)) / X.shape[0]"}, "wrong sign"),
    Scenario("logistic-log-of-sigmoid", "1.5",
             {"loss = np.mean(np.logaddexp(0, z) - y * z)":
              "loss = -np.mean(y * np.log(sigmoid(z)) + (1 - y) * np.log(1 - sigmoid(z)))"},
             "log(0)"),
    Scenario("logistic-grad-of-logits", "1.5",
             {"grad = X.T @ (sigmoid(z) - y) / X.shape[0]": "grad = X.T @ (z - y) / X.shape[0]"},
             "not X @ w"),
    # 1.6 fit_logistic
    Scenario("logistic-gd-ascent", "1.6",
             {"        loss, grad = logistic_loss(w, X, y)\n        losses.append(loss)\n"
              "        w = w - lr * grad":
              "        loss, grad = logistic_loss(w, X, y)\n        losses.append(loss)\n"
              "        w = w + lr * grad"}, "uphill"),
    # 1.7 poly_features
    Scenario("poly-decreasing-powers", "1.7",
             {"Phi = x[:, None] ** np.arange(degree + 1)": "Phi = np.vander(x, degree + 1)"},
             "decreasing powers"),
    Scenario("poly-no-constant-column", "1.7",
             {"Phi = x[:, None] ** np.arange(degree + 1)":
              "Phi = x[:, None] ** np.arange(1, degree + 1)"}, "constant column"),
    # 1.8 capacity_sweep
    Scenario("sweep-chooses-by-train-error", "1.8",
             {"best_degree = degrees[int(np.argmin(val_errors))]":
              "best_degree = degrees[int(np.argmin(train_errors))]"}, "by training error"),
    Scenario("sweep-returns-index", "1.8",
             {"best_degree = degrees[int(np.argmin(val_errors))]":
              "best_degree = int(np.argmin(val_errors))"}, "position of the minimum"),
    Scenario("sweep-rmse", "1.8",
             {"val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))":
              "val_errors.append(np.sqrt(np.mean((poly_features(x_val, d) @ w - y_val) ** 2)))",
              "train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))":
              "train_errors.append(np.sqrt(np.mean((poly_features(x_train, d) @ w - y_train)"
              " ** 2)))"}, "root mean squared"),
]

VARIANTS = [
    Scenario("split-argsort-of-uniforms", "",
             {"perm = rng.permutation(n)": "perm = np.argsort(rng.random(n))"}),
    Scenario("split-choice-then-setdiff", "",
             {"    perm = rng.permutation(n)\n    n_train = int(fractions[0] * n)\n"
              "    n_val = int(fractions[1] * n)\n    train_idx = perm[:n_train]\n"
              "    val_idx = perm[n_train:n_train + n_val]\n    test_idx = perm[n_train + n_val:]":
              "    n_train = int(fractions[0] * n)\n    n_val = int(fractions[1] * n)\n"
              "    rest = np.arange(n)\n    train_idx = rng.choice(rest, n_train, replace=False)\n"
              "    rest = np.setdiff1d(rest, train_idx)\n"
              "    val_idx = rng.choice(rest, n_val, replace=False)\n"
              "    test_idx = rng.permutation(np.setdiff1d(rest, val_idx))"}),
    Scenario("mse-einsum-and-dot", "",
             {"    r = X @ w - y\n    loss = np.mean(r**2)\n    grad = 2 * X.T @ r / X.shape[0]":
              "    r = np.einsum('nd,d->n', X, w) - y\n    loss = r.dot(r) / len(r)\n"
              "    grad = np.einsum('nd,n->d', X, r) * (2.0 / len(r))"}),
    Scenario("mse-loop-over-examples", "",
             {"    r = X @ w - y\n    loss = np.mean(r**2)\n    grad = 2 * X.T @ r / X.shape[0]":
              "    loss, grad = 0.0, np.zeros_like(w)\n    for xn, yn in zip(X, y):\n"
              "        rn = xn @ w - yn\n        loss += rn * rn / len(y)\n"
              "        grad += 2 * rn * xn / len(y)"}),
    Scenario("least-squares-by-svd", "",
             {"w = np.linalg.lstsq(X, y, rcond=None)[0]":
              "U, s, Vt = np.linalg.svd(X, full_matrices=False)\n"
              "    keep = s > s[0] * max(X.shape) * np.finfo(float).eps\n"
              "    w = Vt[keep].T @ ((U[:, keep].T @ y) / s[keep])"}),
    Scenario("least-squares-by-pinv", "",
             {"w = np.linalg.lstsq(X, y, rcond=None)[0]": "w = np.linalg.pinv(X) @ y"}),
    Scenario("gd-in-place-with-helper", "",
             {"        loss, grad = mse_loss(w, X, y)\n        losses.append(loss)\n"
              "        w = w - lr * grad":
              "        losses.append(_step(w, X, y, lr))",
              "def fit_linear_gd(X, y, lr, steps):":
              "def _step(w, X, y, lr):\n    loss, grad = mse_loss(w, X, y)\n"
              "    w -= lr * grad\n    return loss\n\n\ndef fit_linear_gd(X, y, lr, steps):"}),
    Scenario("logistic-piecewise-stable", "",
             {"loss = np.mean(np.logaddexp(0, z) - y * z)":
              "loss = np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z))))"}),
    Scenario("poly-vander-increasing", "",
             {"Phi = x[:, None] ** np.arange(degree + 1)":
              "Phi = np.vander(x, degree + 1, increasing=True)"}),
    Scenario("poly-cumulative-product", "",
             {"Phi = x[:, None] ** np.arange(degree + 1)":
              "Phi = np.cumprod(np.c_[np.ones_like(x), np.repeat(x[:, None], degree, axis=1)],"
              " axis=1)"}),
    Scenario("sweep-min-over-pairs", "",
             {"best_degree = degrees[int(np.argmin(val_errors))]":
              "best_degree = min(zip(val_errors, degrees))[1]"}),
]

# New mistakes (issue 14), the half the diagnosers were designed on.
SCENARIOS += [
    Scenario('fit-logistic-loss-after-step', '1.6', {
        '        loss, grad = logistic_loss(w, X, y)\n'
        '        losses.append(loss)\n        w = w - lr * grad':
            '        loss, grad = logistic_loss(w, X, y)\n        w = w - lr * grad\n'
            '        losses.append(logistic_loss(w, X, y)[0])',
    }, 'must be the loss before step t'),
    Scenario('poly-powers-shifted', '1.7', {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = x[:, None] ** np.arange(1, degree + 2)',
    }, 'shifted'),
    Scenario('split-ignores-its-seed', '1.1', {
        'perm = rng.permutation(n)':
            'perm = np.random.default_rng(0).permutation(n)',
    }, 'does not depend on the rng'),
    Scenario('gd-stale-first-gradient', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n        losses.append(loss)':
            '        loss, g = mse_loss(w, X, y)\n'
            '        grad = g if not losses else grad\n        losses.append(loss)',
    }, 'wrong from step 2 on'),
    Scenario('mse-grad-at-zero', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = -2 * X.T @ y / X.shape[0]',
    }, 'at w = 0'),
]

# New correct variants (issue 14).
VARIANTS += [
    Scenario('logistic-loss-pm1-labels', '', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'loss = np.mean(np.logaddexp(0, -(2 * y - 1) * z))',
    }),
    Scenario('split-sorted-test-indices', '', {
        'test_idx = perm[n_train + n_val:]':
            'test_idx = np.sort(perm[n_train + n_val:])',
    }),
    Scenario('gd-while-loop', '', {
        '    for _ in range(steps):\n        loss, grad = mse_loss(w, X, y)':
            '    while len(losses) < steps:\n        loss, grad = mse_loss(w, X, y)',
    }),
]

# The held-out half of the new mistakes (issue 14), measured before it was merged here.
SCENARIOS += HELD_OUT

# Issue 14, second batch: the design half (the held-out half is in heldout2_induction.py).
SCENARIOS += [
    Scenario('split-train-off-by-one', '1.1', {
        'train_idx = perm[:n_train]':
            'train_idx = perm[1:n_train + 1]',
    }, 'non-overlapping pieces'),
    Scenario('mse-grad-divided-by-features', '1.2', {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * X.T @ r / X.shape[1]',
    }, 'divided by D where N belongs'),
    Scenario('gd-one-step-short', '1.4', {
        '    for _ in range(steps):\n        loss, grad = mse_loss(w, X, y)':
            '    for _ in range(steps - 1):\n        loss, grad = mse_loss(w, X, y)',
    }, 'one entry too few'),
    Scenario('logistic-grad-not-averaged', '1.5', {
        'grad = X.T @ (sigmoid(z) - y) / X.shape[0]':
            'grad = X.T @ (sigmoid(z) - y)',
    }, 'missing the 1/N'),
]

VARIANTS += [
    Scenario('mse-grad-row-times-X', "", {
        'grad = 2 * X.T @ r / X.shape[0]':
            'grad = 2 * (r @ X) / X.shape[0]',
    }),
    Scenario('poly-power-outer', "", {
        'Phi = x[:, None] ** np.arange(degree + 1)':
            'Phi = np.power.outer(x, np.arange(degree + 1))',
    }),
]

# The second held-out half (issue 14), measured before it was merged: those whose
# feedback now names the cause.
SCENARIOS += [s for s in HELD_OUT2 if s.hint]

# Third batch (issue 14, third session): written blind by another author, half measured as
# held out (heldout3_*.py) after the design half (design3_*.py). The mistakes whose feedback
# names the cause are merged with the phrase it shows; no notebook forbids a function to
# change an argument in place, so those edits are correct variants.
HINTS3 = {
    'poly-rescaled-input':
        'with `x` rescaled (divided by its largest absolute value)',
    'gd-appends-final-loss':
        'losses has one entry too many (5 instead of 4): a loop or slice that s',
    'mse-square-of-mean-residual':
        'with `np.mean(r ** 2)` written as `np.mean(r) ** 2`',
    'least-squares-column-target':
        'with `y` taken as a column of shape (n, 1)',
    'fit-logistic-calls-mse-loss':
        'with `logistic_loss(w, X, y)` written as `mse_loss(w, X, y)`',
    'logistic-log1p-exp-overflows':
        'sigmoid rounds to exactly 0 or 1 for large |X @ w|, and log(0) is -inf',
    'poly-missing-top-power':
        'with `np.arange(degree + 1)` written as `np.arange(degree)`',
    'split-second-cut-not-cumulative':
        'with `perm[n_train:n_train + n_val]` written as `perm[n_train:n_val]` ',
    'sweep-sum-of-squares':
        'these are sums of squared errors: return the mean',
    'split-val-fraction-of-remainder':
        'n_train = int(fractions[0] * n), n_val = int(fractions[1] * n), the te',
}
IN_PLACE3: set[str] = set()
SCENARIOS += named(DESIGN3 + HELD_OUT3, HINTS3)
VARIANTS += as_variants(VARIANTS3) + as_variants(DESIGN3 + HELD_OUT3, IN_PLACE3)

# Fourth batch: written blind, held out whole, measured once, merged like the third.
HINTS4 = {
    'split-train-from-the-end':
        'draw ONE permutation and cut it into three consecutive, non-overlappin',
    'mse-loss-over-features':
        'loss equals the expected value times N/D = 1.143: divided by D where N',
    'least-squares-lstsq-on-normal-equations':
        'forming X.T @ X squares the condition number (cond(X) = 1e+10 gives ab',
    'logistic-softplus-of-minus-z':
        'with `np.logaddexp(0, z)` written as `np.logaddexp(0, -z)`',
    'fit-logistic-update-after-loop':
        'with `w = w - lr * grad` done once after the loop',
}
SCENARIOS += named(HELD_OUT4, HINTS4)
VARIANTS += as_variants(VARIANTS4)

# Fifth batch: the same, measured once with the final diagnoser.
HINTS5 = {
    'split-int-before-multiply':
        'written as `int(fractions[0]) * n`: `* n` applied outside `int`',
    'logistic-loss-labels-flipped':
        'the classes are swapped: y = 1 goes with log p',
}
SCENARIOS += named(HELD_OUT5, HINTS5)
VARIANTS += as_variants(VARIANTS5)

# Sixth batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS6 = {
    'split-by-uniform-thresholds':
        'the test set gets the rest',
    'least-squares-svd-divides-by-every-singular-value':
        'you divide by every singular value of X',
    'gd-records-only-the-last-loss':
        'with `losses.append(loss)` done once after the loop',
    'logistic-logaddexp-with-one':
        'with `np.logaddexp(0, z)` written as `np.logaddexp(1, z)`',
    'sweep-argmax-of-validation-error':
        'has the largest validation error',
    'sweep-running-best-never-lowered':
        'is the last degree tried',
}
SCENARIOS += named(HELD_OUT6, HINTS6)
VARIANTS += as_variants(VARIANTS6)

# Seventh batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS7 = {
    'split-test-size-from-its-fraction':
        'the three pieces must cover the whole permutation',
    'mse-loss-absolute-residual':
        'with `np.mean(r ** 2)` written as `np.mean(np.abs(r))`',
    'gd-uses-mae-loss':
        'with `mse_loss(w, X, y)` written as `mae_loss(w, X, y)`',
    'logistic-grad-sigmoid-of-minus-z':
        'with `sigmoid(z) - y` written as `sigmoid(-z) - y`',
}
SCENARIOS += named(HELD_OUT7, HINTS7)
VARIANTS += as_variants(VARIANTS7)

# Eighth batch (issue 14, fourth session): written blind, measured once; the mistakes
# whose feedback names the cause, with the phrase it shows (after the design that
# followed the measurement).
HINTS8 = {
    'split-val-gets-the-remainder':
        'its size is not computed from its own fraction',
    'fit-logistic-step-without-lr':
        'with `w - lr * grad` written as `w - grad`',
    'poly-loop-stops-one-power-short':
        'Phi is wrong only in power 7',
    'sweep-positions-used-as-degrees':
        'is shifted by one entry',
    'sweep-returns-smallest-error':
        'with `degrees[int(np.argmin(val_errors))]` written as `val_errors[int(np.argmin(val_errors))]`',
}
SCENARIOS += named(HELD_OUT8, HINTS8)
VARIANTS += as_variants(VARIANTS8)

# Batch 6: named since the fifth session by the line where the function goes wrong
# (autograder/locate.py), designed on after its measurement.
LOCATED6 = {
    'mse-grad-sign-of-residual':
        'never computes is `np.sign(r)',
}
SCENARIOS += named(HELD_OUT6, LOCATED6)

# Batch 7: named since the fifth session by the line where the function goes wrong
# (autograder/locate.py), designed on after its measurement.
LOCATED7 = {
    'poly-constant-column-last':
        'never computes is `[x ** k for k in range(1, degree + 1)] + [np.ones_like(x)]',
    'sweep-fits-on-train-and-val':
        'never computes is `np.concatenate([x_train, x_val])',
}
SCENARIOS += named(HELD_OUT7, LOCATED7)

# Batch 8: named since the fifth session by the line where the function goes wrong
# (autograder/locate.py), designed on after its measurement.
LOCATED8 = {
    'mse-loss-variance-of-residuals':
        'never computes is `np.var(r)',
    'logistic-grad-product-of-means':
        'never computes is `X.mean(axis=0)',
}
SCENARIOS += named(HELD_OUT8, LOCATED8)

# Ninth batch (issue 14, fifth session): written blind, measured once; the mistakes whose
# feedback names the cause, with the phrase it shows.
HINTS9 = {
    'split-permutes-one-index-short':
        'never computes is `rng.permutation(n - 1)',
    'mse-grad-divided-by-matrix-size':
        'never computes is `2 * X.T @ r / X.size',
    'gd-returns-inside-loop':
        'with `return (w, losses)` inside the loop `for _ in range(st',
    'gd-step-divided-by-examples':
        'with `w - lr * grad` written as `w - lr / len(X) * grad`: `l',
    'logistic-grad-without-inputs':
        'never computes is `np.mean(sigmoid(z) - y)',
    'fit-logistic-unpacks-grad-first':
        'with `loss` and `grad` swapped where they are unpacked: valu',
    'poly-rows-reshaped-not-transposed':
        'never computes is `np.array([x ** k for k in range(degree + 1)]).reshape(len(x)',
    'sweep-val-error-over-train-count':
        'never computes is `np.sum((poly_features(x_val, d) @ w - y_val) ** 2)',
}
SCENARIOS += named(HELD_OUT9, HINTS9)
VARIANTS += as_variants(VARIANTS9)

# Tenth batch (issue 14, fifth session): written blind, measured once after the second
# design round; the mistakes whose feedback names the cause, with the phrase it shows.
HINTS10 = {
    'split-test-starts-after-train':
        'with `perm[n_train + n_val:]` written as `perm[n_train:]`',
    'mse-loss-root-mean-square':
        'this is the root of the mean squared error: do not take sqrt',
    'least-squares-adds-own-intercept':
        'never computes is `np.column_stack([np.ones(X.shape[0]), X])',
    'gd-records-gradient-norm':
        'never computes is `np.linalg.norm(grad)',
    'logistic-loss-negated':
        'the loss is the NEGATIVE log-likelihood',
    'logistic-grad-sigmoid-of-difference':
        'never computes is `z - y',
    'poly-columns-scaled-to-unit-max':
        'with `x` rescaled (divided by its largest absolute value): u',
    'sweep-slices-top-degree-features-one-short':
        'train_errors is shifted by one entry: your entry k holds the expected',
}
SCENARIOS += named(HELD_OUT10, HINTS10)
VARIANTS += as_variants(VARIANTS10)

# Eleventh batch (issue 14, fifth session): written blind, measured once on the tree batch
# 10 was measured on (a confirmation); the mistakes whose feedback names the cause.
HINTS11 = {
    'split-val-size-from-cumulative-fraction':
        'with `n_train + n_val` written as `n_train + np.add(n_val, n',
    'split-sorts-whole-permutation-for-train':
        'never computes is `np.sort(perm)',
    'mse-grad-keeps-squared-residual':
        'never computes is `X.T @ r ** 2',
    'least-squares-centres-inputs-and-targets':
        'never computes is `X.mean(axis=0)',
    'gd-steps-with-running-gradient-sum':
        'never computes is `grad_total',
    'logistic-loss-adds-label-term':
        'with `np.mean(np.logaddexp(0, z) - y * z)` written as `np.me',
    'fit-logistic-rescales-features-inside':
        'never computes is `np.abs(X)',
    'sweep-features-one-degree-too-high':
        'never computes is `poly_features(x_train, d + 1)',
    'sweep-squares-the-mean-residual':
        'with `np.mean((poly_features(x_val, d) @ w - y_val) ** 2)` w',
}
SCENARIOS += named(HELD_OUT11, HINTS11)
VARIANTS += as_variants(VARIANTS11)

# Batches 10 and 11 again: the mistakes whose feedback names the cause only after the
# sixth session's design round, which was designed on them (so no part of a measure).
DESIGNED10 = {
    'mse-grad-summed-to-a-scalar':
        'never computes is `X * r[:, None]`',
}
SCENARIOS += named(HELD_OUT10, DESIGNED10)
DESIGNED11 = {
    'poly-extra-bias-column':
        'an extra first column (all 1s), and without it Phi is right',
}
SCENARIOS += named(HELD_OUT11, DESIGNED11)

# Twelfth batch (issue 14, sixth session): written blind, measured once after the sixth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS12 = {
    'split-val-drawn-from-all-indices':
        'goes wrong in line 12: `train_idx = rng.choice(n, n_train, rep',
    'mse-loss-doubles-instead-of-squares':
        'with `np.mean(r ** 2)` written as `np.mean(r * 2)`: `*` where ',
    'logistic-loss-base-two-logaddexp':
        'goes wrong in line 9: `loss = np.mean(np.logaddexp2(0, z) - y ',
    'logistic-grad-pm1-formula-on-01-labels':
        'goes wrong in line 10: `grad = -X.T @ (y * sigmoid(-y * z)) / ',
    'sweep-standardises-train-and-val-separately':
        'goes wrong in line 9: `x_train = (x_train - x_train.mean()) / ',
}
SCENARIOS += named(HELD_OUT12, HINTS12)
VARIANTS += as_variants(VARIANTS12)
# ... and those named only after the second design round, which was designed on them.
DESIGNED12 = {
    'fit-logistic-adds-own-bias-column':
        'and its values differ throughout, not only at one end: is it computed from one more input column',
    'poly-loop-leaves-constant-column-zero':
        'goes wrong in line 10: `Phi[:, k] = x ** k`: every value it st',
}
SCENARIOS += named(HELD_OUT12, DESIGNED12)
# ... and those named only after the seventh session's design round, also designed on them.
DESIGNED12B = {
    'gd-hard-coded-step-count':
        'and 100 is a number written in line',
    'logistic-z-holds-probabilities':
        'the value it gives `z` is one the correct code computes',
}
SCENARIOS += named(HELD_OUT12, DESIGNED12B)

# Thirteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's first design round; the mistakes whose feedback named the cause then.
HINTS13 = {
    'split-val-end-used-as-size-for-test':
        'your split_indices behaves like the correct code with `n_train +',
    'mse-residual-adds-targets':
        'your mse_loss behaves like the correct code with `X @ w - y` wri',
    'gd-returns-best-recorded-weights':
        'your fit_linear_gd goes wrong in line 18: `w = best_w` (its firs',
    'logistic-grad-label-term-alone-averaged':
        'your logistic_loss goes wrong in line 10: `grad = X.T @ sigmoid(',
    'logistic-loss-summed-over-examples':
        'the loss is the sum over examples, N = 8 times the mean',
    'fit-logistic-adds-weight-decay':
        'losses is right for steps 0-1 and wrong from step 2 on: the firs',
    'poly-polyvander-one-degree-too-many':
        'your poly_features goes wrong in line 8: `Phi = np.polynomial.po',
    'sweep-train-and-val-appends-swapped':
        'train and validation errors are swapped',
}
SCENARIOS += named(HELD_OUT13, HINTS13)
VARIANTS += as_variants(VARIANTS13)
# ... and those named only after the second design round, which was designed on them.
DESIGNED13 = {
    'mse-residual-subtracted-in-place-from-targets':
        'compute into a new array (`r = a - b`), not in place on `y` (`r ',
}
SCENARIOS += named(HELD_OUT13, DESIGNED13)

# Fourteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's second design round; the mistakes whose feedback named the cause then.
HINTS14 = {
    'split-val-and-test-slices-swapped':
        'your split_indices behaves like the correct code with `(train_id',
    'mse-divides-by-n-minus-one':
        'your mse_loss goes wrong in line 9: `loss = np.sum(r**2) / (len(',
    'least-squares-solves-first-d-rows':
        'your fit_least_squares goes wrong in line 9: `w = np.linalg.solv',
    'gd-step-copies-warm-up-factor-two':
        'your fit_linear_gd goes wrong in line 14: `w = w - lr * 2 * grad',
    'logistic-loss-label-term-as-dot-product':
        'your logistic_loss behaves like the correct code with `np.logadd',
    'logistic-grad-from-rounded-predictions':
        'your logistic_loss goes wrong in line 10: `grad = X.T @ (np.roun',
    'poly-recurrence-multiplies-by-one-entry':
        'your poly_features goes wrong in line 10: `Phi[:, k] = Phi[:, k ',
    'sweep-error-lists-reset-per-degree':
        'your capacity_sweep behaves like the correct code with `train_er',
    'sweep-polyfit-coefficients-with-own-features':
        'your capacity_sweep goes wrong in line 11: `w = np.polyfit(x_tra',
}
SCENARIOS += named(HELD_OUT14, HINTS14)
VARIANTS += as_variants(VARIANTS14)
# ... and those named only after the third design round, which was designed on them.
DESIGNED14 = {
    'fit-logistic-records-loss-grad-tuples':
        'append the number alone: losses[0] is a tuple of 2 (the whole re',
}
SCENARIOS += named(HELD_OUT14, DESIGNED14)

# Fifteenth batch (issue 14, seventh session): written blind, measured once after the seventh
# session's third design round; the mistakes whose feedback named the cause then.
HINTS15 = {
    'split-val-slice-one-too-long':
        'draw ONE permutation and cut it into three consecutive, non-over',
    'split-val-size-from-train-count':
        '`fractions[1] * n` written as `fractions[1] * n_train`',
    'mse-loss-difference-of-squares':
        'your mse_loss goes wrong in line 9: `loss = np.mean((X @ w) ** 2',
    'least-squares-in-single-precision':
        'w is float32; this task needs float64 precision',
    'gd-with-momentum':
        'losses is right for steps 0-1 and wrong from step 2 on: the firs',
    'logistic-grad-copies-mse-factor-two':
        'grad equals the expected value times 2 in every entry: a missing',
    'fit-logistic-steps-by-gradient-sign':
        'losses is right at step 0 and wrong from step 1 on: the first up',
    'poly-legendre-basis':
        'your poly_features goes wrong in line 8: `Phi = np.polynomial.le',
    'sweep-one-top-degree-fit-sliced':
        'your capacity_sweep goes wrong in line 11: `w = fit_least_square',
    'sweep-val-error-on-all-data':
        'your capacity_sweep goes wrong in line 13: `x_all_, y_all_ = np.',
}
SCENARIOS += named(HELD_OUT15, HINTS15)
VARIANTS += as_variants(VARIANTS15)
# ... and those named only after the fourth design round, which was designed on them.
DESIGNED15 = {
}
SCENARIOS += named(HELD_OUT15, DESIGNED15)

# Sixteenth batch (issue 14, eighth session): written blind, measured once after the eighth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS16 = {
    'split-one-based-indices':
        'your split_indices goes wrong in line 10: `perm = rng.permutatio',
    'split-test-skips-one-index':
        'your split_indices passes this check with one change (line 15): ',
    'mse-targets-reshaped-to-column':
        'your mse_loss passes this check with one change (line 8): withou',
    'least-squares-unscaled-by-matrix-norm':
        'your fit_least_squares passes this check with one change (line 8',
    'gd-own-gradient-without-two':
        'your fit_linear_gd passes this check with one change (line 8): `',
    'logistic-softplus-as-relu':
        'your logistic_loss goes wrong in line 9: `loss = np.mean(np.maxi',
    'logistic-grad-over-feature-count':
        'your logistic_loss passes this check with one change (line 10): ',
    'fit-logistic-shrinks-lr-each-step':
        'your fit_logistic passes this check with one change (line 14): `',
    'poly-centres-input':
        'your poly_features passes this check with one change (line 8): `',
}
SCENARIOS += named(HELD_OUT16, HINTS16)
VARIANTS += as_variants(VARIANTS16)
# ... and those named only after the eighth session's last design round, designed on them.
DESIGNED16 = {
}
SCENARIOS += named(HELD_OUT16, DESIGNED16)

# Seventeenth batch (issue 14, eighth session): written blind, measured once after the eighth
# session's second design round; the mistakes whose feedback named the cause then.
HINTS17 = {
    'mse-loss-expanded-square-drops-constant':
        'your mse_loss goes wrong in line 9: `loss = np.mean((X @ w) ** 2',
    'least-squares-svd-multiplies-by-singular-values':
        'your fit_least_squares goes wrong in line 9: `w = Vt.T @ np.diag',
    'gd-steps-with-first-ten-examples':
        'your fit_linear_gd passes this check with one change (line 14): ',
    'logistic-loss-squared-error-of-probability':
        'your logistic_loss goes wrong in line 9: `loss = np.mean((sigmoi',
    'logistic-grad-sigmoid-of-inputs':
        'your logistic_loss goes wrong in line 10: `grad = X.T @ (sigmoid',
    'fit-logistic-returns-mean-of-iterates':
        'your fit_logistic passes this check with one change (line 16): w',
    'poly-loop-raises-to-degree-not-k':
        'your poly_features goes wrong in line 10: `Phi[:, k] = x ** degr',
}
SCENARIOS += named(HELD_OUT17, HINTS17)
VARIANTS += as_variants(VARIANTS17)
# ... and those named only after the eighth session's last design round, designed on them.
DESIGNED17 = {
    'sweep-errors-looked-up-by-degree-value':
        'your capacity_sweep raises it in line 14: `best_degree = min(degr',
    'split-val-and-test-cut-from-sorted-rest':
        'cut val and test from the same shuffled permutation as train (pe',
    'mse-grad-loop-keeps-last-example':
        'your mse_loss passes this check with one change (line 12): `grad',
}
SCENARIOS += named(HELD_OUT17, DESIGNED17)

# Mistakes of earlier batches named only once the eighth session's fix search existed.
DESIGNED13_FIX = {
    'least-squares-column-scaling-undone-by-multiplying':
        'your fit_least_squares passes this check with one change (line 9)',
}
SCENARIOS += named(HELD_OUT13, DESIGNED13_FIX)

# Promises no check exercised (issue 14, AUD-1): degrees with gaps, a cutoff on the singular
# values, a clipped logit; each now fails by name.
PROMISES14 = [
    Scenario('sweep-best-degree-first-plus-position', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'best_degree = degrees[0] + int(np.argmin(val_errors))',
    }),
    Scenario('sweep-loops-over-range-of-degree-ends', '1.8', {
        '    for d in degrees:\n        w = fit_least_squares(':
            '    for d in range(degrees[0], degrees[-1] + 1):\n        w = fit_least_squares(',
    }),
    Scenario('sweep-best-degree-min-plus-position', '1.8', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            'best_degree = int(np.argmin(val_errors)) + min(degrees)',
    }),
    Scenario('least-squares-svd-fixed-cutoff', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]':
            'U, s, Vt = np.linalg.svd(X, full_matrices=False)\n    keep = s > 1e-6\n'
            '    w = Vt[keep].T @ ((U[:, keep].T @ y) / s[keep])',
    }),
    Scenario('least-squares-large-rcond', '1.3', {
        'w = np.linalg.lstsq(X, y, rcond=None)[0]': 'w = np.linalg.lstsq(X, y, rcond=1e-3)[0]',
    }),
    Scenario('logistic-logits-clipped', '1.5', {
        '    z = X @ w\n': '    z = np.clip(X @ w, -500, 500)\n',
    }),
    Scenario('logistic-log-of-sigmoid-plus-eps', '1.5', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            'p = sigmoid(z)\n    loss = -np.mean(y * np.log(p + 1e-300) + (1 - y) * np.log(1 - p + 1e-300))',
    }),
]
SCENARIOS += named(PROMISES14, {
    'sweep-best-degree-first-plus-position': 'is the first degree plus the position of the minimum',
    'sweep-loops-over-range-of-degree-ends': 'not over the range between its ends',
    'sweep-best-degree-min-plus-position': 'is the first degree plus the position of the minimum',
    'least-squares-svd-fixed-cutoff': 'largest singular values of X',
    'least-squares-large-rcond': 'largest singular values of X',
    'logistic-logits-clipped': 'needs no clipping',
    'logistic-log-of-sigmoid-plus-eps': 'an eps inside the log',
})

# Eighteenth batch (issue 14, ninth session): written blind, measured once after the ninth
# session's first design round; the mistakes whose feedback named the cause then.
HINTS18 = {
    'split-sizes-rounded':
        'n_train = int(fractions[0] * n), n_val = int(fractions[1] * n), ',
    'mse-grad-floor-division':
        'your mse_loss passes this check with one change (line 10): `2 * ',
    'mse-residual-taken-absolute':
        'your mse_loss passes this check with one change (line 8): `np.ab',
    'least-squares-rows-normalised':
        'your fit_least_squares passes this check with one change (line 8',
    'gd-new-weights-never-fed-back':
        'your fit_linear_gd passes this check with one change (line 15): ',
    'logistic-clips-logits':
        'your logistic_loss passes this check with one change (line 8): `',
    'fit-logistic-records-every-tenth-loss':
        'your fit_logistic passes this check with one change (line 12): `',
    'poly-running-power-aliases-input':
        'your poly_features passes this check with one change (line 9): `',
    'sweep-best-degree-index-one-back':
        'your capacity_sweep passes this check with one change (line 14):',
    'sweep-errors-divided-by-target-variance':
        'train_errors equals the expected value times 1.082 in every entr',
}
SCENARIOS += named(HELD_OUT18, HINTS18)
VARIANTS += as_variants(VARIANTS18)
# ... and those named only after the ninth session's last design round, designed on them.
DESIGNED18 = {
}
SCENARIOS += named(HELD_OUT18, DESIGNED18)
# The nineteenth held-out batch (written blind, measured once on 33bfb1e): those whose
# feedback named the cause at that measurement ...
HINTS19 = {
    'split-permutation-drawn-with-replacement':
        'the indices were drawn with replacement: shuffle once with rng.p',
    'split-shuffles-with-global-numpy-random':
        'draw all randomness from the rng argument, not from np.random or',
    'mse-half-squared-error-convention':
        "the loss carries a factor 1/2; this task's MSE has none",
    'mse-residual-reversed-without-sign-fix':
        'your mse_loss passes this check with one change (line 8): `y - X',
    'least-squares-lstsq-on-gram-matrix':
        'forming X.T @ X squares the condition number (cond(X) = 1e+10 gi',
    'gd-records-loss-after-step':
        'your fit_linear_gd passes this check with one change (line 13): ',
    'logistic-loss-log-of-sigmoid':
        'sigmoid rounds to exactly 0 or 1 for large |X @ w|, and log(0) i',
    'fit-logistic-uses-mse-loss':
        'your fit_logistic behaves like the correct code with `logistic_l',
    'poly-powers-start-at-one':
        'Phi is shifted by one power: your power k holds the expected pow',
    'sweep-best-degree-by-training-error':
        'your capacity_sweep passes this check with one change (line 14):',
}
SCENARIOS += named(HELD_OUT19, HINTS19)
VARIANTS += as_variants(VARIANTS19)
# ... and those detected or named only after the tenth session's design round on them.
DESIGNED19 = {
}
SCENARIOS += named(HELD_OUT19, DESIGNED19)
# The twentieth held-out batch (written blind, measured once on 4559d66): those whose
# feedback named the cause at that measurement ...
HINTS20 = {
    'split-cut-points-from-cumulative-fractions':
        'your split_indices goes wrong in line 12: `train_idx, val_idx, t',
    'mse-loss-square-of-mean-residual':
        'your mse_loss behaves like the correct code with `np.mean(r ** 2',
    'least-squares-svd-absolute-cutoff':
        'your w keeps only the 4 largest singular values of X (down to 1e',
    'gd-starts-from-small-random-weights':
        'your fit_linear_gd passes this check with one change (line 11): ',
    'gd-appends-final-loss-too':
        'your fit_linear_gd passes this check with one change (line 15): ',
    'logistic-pm1-labels-reused-in-gradient':
        'your logistic_loss goes wrong in line 9: `y = 2 * y - 1` (its fi',
    'poly-vander-column-count-is-degree':
        'the top power x**7 is missing: the powers go from 0 to degree in',
    'sweep-best-degree-as-position':
        '2 is the position of the minimum in the list; return the degree ',
    'sweep-iterates-sorted-degrees':
        'your capacity_sweep passes this check with one change (line 10):',
}
SCENARIOS += named(HELD_OUT20, HINTS20)
VARIANTS += as_variants(VARIANTS20)
# ... and those detected or named only after the tenth session's design round on them.
DESIGNED20 = {
    'fit-logistic-stops-early-on-plateau':
        'take exactly `steps` steps: do not stop early when the loss stops',
}
SCENARIOS += named(HELD_OUT20, DESIGNED20)
# The twenty-first held-out batch (written blind, measured once on bf711f5): those whose
# feedback named the cause at that measurement ...
HINTS21 = {
    'split-train-fraction-truncated-before-scaling':
        'your split_indices behaves like the correct code with `int(fract',
    'split-val-size-from-test-fraction':
        'your split_indices passes this check with one change (line 12):',
    'mse-grad-summed-over-examples':
        'the gradient is missing the 1/N (N = 8): the loss is a mean, so',
    'least-squares-qr-solve-without-rank-check':
        'X has a repeated column, so X.T @ X is singular and the normal e',
    'gd-loop-starts-at-one':
        'your fit_linear_gd passes this check with one change (line 11):',
    'logistic-grad-extra-sigmoid-derivative':
        'your logistic_loss goes wrong in line 11: `grad = X.T @ ((p - y)',
    'fit-logistic-steps-up-the-gradient':
        'your fit_logistic passes this check with one change (line 13): `',
    'poly-multiplies-by-exponents':
        'your poly_features passes this check with one change (line 8): `',
    'sweep-errors-root-mean-square':
        'these are root mean squared errors: return the MSE',
    'sweep-best-degree-by-generalisation-gap':
        'your capacity_sweep passes this check with one change (line 14):',
}
SCENARIOS += named(HELD_OUT21, HINTS21)
VARIANTS += as_variants(VARIANTS21)
# ... and those detected or named only after the twelfth session's design round on them.
DESIGNED21 = {
}
SCENARIOS += named(HELD_OUT21, DESIGNED21)
# The twenty-second held-out batch (written blind, measured once on d21b67a) ...
HINTS22 = {
    'split-permutation-from-fixed-seed-generator':
        'shuffle with the rng you are given (rng.permutation(n)), not wit',
    'mse-grad-with-respect-to-predictions':
        'grad has one entry too many (8 instead of 7), and its values dif',
    'least-squares-normal-equations-with-lstsq-fallback':
        'your fit_least_squares passes this check with one change (line 9',
    'logistic-grad-labels-minus-probabilities':
        'your logistic_loss passes this check with one change (line 10):',
    'logistic-softplus-by-log1p-of-exp':
        'sigmoid rounds to exactly 0 or 1 for large |X @ w|, and log(0) i',
    'poly-sorts-input-first':
        'your poly_features passes this check with one change (line 8): w',
    'sweep-stops-when-validation-error-rises':
        'your capacity_sweep passes this check with one change (line 14):',
}
SCENARIOS += named(HELD_OUT22, HINTS22)
VARIANTS += as_variants(VARIANTS22)
# ... and those detected or named only after the twelfth session's design round on them.
DESIGNED22 = {
    'split-test-by-negative-slice-of-its-size':
        'with fractions[2] = 0 the test set is empty, but a slice from th',
    'gd-halves-lr-when-loss-rises':
        'your fit_linear_gd passes this check with one change (line 14):',
    'fit-logistic-clips-weights-each-step':
        'your fit_logistic passes this check with one change (line 13): `',
}
SCENARIOS += named(HELD_OUT22, DESIGNED22)
# The twenty-third held-out batch (written blind, measured once on 1b8e805) ...
HINTS23 = {
    'split-permutation-result-discarded':
        'shuffle the indices with rng.permutation(n) before cutting: data',
    'mse-residual-prescaled-by-example-count':
        'loss equals the expected value times 1/N = 1/8: divided by N onc',
    'gd-learning-rate-capped-at-one':
        'your fit_linear_gd passes this check with one change (line 11):',
    'logistic-grad-tanh-sigmoid-without-half-argument':
        'your logistic_loss behaves like the correct code with `z` scaled',
    'fit-logistic-losses-list-as-mutable-default':
        'your fit_logistic passes this check with one change (line 7): ig',
    'poly-clips-input-to-unit-interval':
        'your poly_features passes this check with one change (line 8): `',
}
SCENARIOS += named(HELD_OUT23, HINTS23)
VARIANTS += as_variants(VARIANTS23)
# ... and those detected or named only after the thirteenth session's design round on them.
DESIGNED23 = {
    'split-train-size-at-least-one':
        'train_idx was given one index where int(fraction * n) is 0',
    'least-squares-square-system-solved-directly':
        'X is square here but singular (a repeated column)',
    'gd-stops-once-loss-is-tiny':
        'loop stopped when the loss became tiny',
    'sweep-running-best-starts-at-error-one':
        'every validation error here is above 1 and best_degree is the fi',
}
SCENARIOS += named(HELD_OUT23, DESIGNED23)


# --- promise audit, session 10 (AUD4): promises no check exercised, each now checked
SCENARIOS += [
    Scenario('split-returns-lists', '1.1', {
        '    test_idx = perm[n_train + n_val:]\n':
            ('    test_idx = perm[n_train + n_val:]\n'
             '    train_idx, val_idx, test_idx = list(train_idx), list(val_idx),'
             ' list(test_idx)\n'),
    }, 'not a numpy array'),
    Scenario('sweep-loops-over-sorted-degrees', '1.8', {
        '    for d in degrees:\n':
            '    for d in sorted(degrees):\n',
    }, 'not in the order of degrees'),
    Scenario('sweep-sorts-degrees-in-place', '1.8', {
        '    train_errors, val_errors = [], []\n':
            ('    train_errors, val_errors = [], []\n'
             '    degrees.sort()\n'),
    }, 'not in the order of degrees'),
    Scenario('sweep-dedups-and-sorts-degrees', '1.8', {
        '    for d in degrees:\n':
            ('    degrees = sorted(set(degrees))\n'
             '    for d in degrees:\n'),
    }, 'not in the order of degrees'),
]
VARIANTS += [
    Scenario('logistic-log1p-exp-linear-above-30', '', {
        'loss = np.mean(np.logaddexp(0, z) - y * z)':
            ('loss = np.mean(np.where(z > 30, z, np.log1p(np.exp(np.minimum(z,'
             ' 30)))) - y * z)'),
    }),
    Scenario('sweep-best-degree-last-of-ties', '', {
        'best_degree = degrees[int(np.argmin(val_errors))]':
            ('best_degree = degrees[len(val_errors) - 1 -'
             ' int(np.argmin(val_errors[::-1]))]'),
    }),
]
# Designed with batch 20: the docstrings' `steps` losses, every step taken.
SCENARIOS += [
    Scenario('gd-stops-early-when-loss-flat', '1.4', {
        '        loss, grad = mse_loss(w, X, y)\n        losses.append(loss)':
            '        loss, grad = mse_loss(w, X, y)\n'
            '        if losses and losses[-1] - loss < 1e-8:\n'
            '            break\n'
            '        losses.append(loss)',
    }, 'take exactly `steps` steps: do not stop early when the loss stops'),
]
