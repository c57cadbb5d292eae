"""Reference code of module 01 (learning from examples), its data and its figures.

Letters: N examples, D features; a design matrix X (N, D) already holds a column of
ones when the model has an intercept. Weights w (D,), targets y (N,).
"""

from __future__ import annotations

import numpy as np

# --- data: a known rule plus noise -------------------------------------------------------


def true_rule(x):
    """The rule the curve-fitting data come from: sin(3x) + x / 2, on x in [-1, 1]."""
    return np.sin(3.0 * x) + 0.5 * x


def make_curve(n, rng, noise=0.3):
    """n points x ~ U[-1, 1], y = true_rule(x) + N(0, noise^2). Returns x (n,), y (n,)."""
    x = rng.uniform(-1.0, 1.0, size=n)
    return x, true_rule(x) + noise * rng.normal(size=n)


def make_linear(n, d, rng, noise=0.1):
    """X (n, d) standard normal, a random w_true (d,), y = X @ w_true + noise. Returns X, y, w."""
    X = rng.normal(size=(n, d))
    w = rng.normal(size=d)
    return X, X @ w + noise * rng.normal(size=n), w


def ill_conditioned(n, d, cond, rng):
    """X (n, d) = U diag(s) V^T with singular values s from 1 down to 1/cond, log-spaced."""
    U, _ = np.linalg.qr(rng.normal(size=(n, d)))
    V, _ = np.linalg.qr(rng.normal(size=(d, d)))
    s = np.geomspace(1.0, 1.0 / cond, d)
    return (U * s) @ V.T


def make_blobs(n, rng, sep=2.5):
    """Two Gaussian classes in 2-D, centres +-sep/2 along a random direction.

    Returns X (n, 2) and y (n,) in {0, 1}, about half of each.
    """
    y = rng.integers(0, 2, size=n)
    angle = rng.uniform(0, 2 * np.pi)
    centre = 0.5 * sep * np.array([np.cos(angle), np.sin(angle)])
    X = np.where(y[:, None] == 1, centre, -centre) + rng.normal(size=(n, 2))
    return X, y


def add_bias(X):
    """Prepend a column of ones: (N, D) -> (N, D + 1)."""
    return np.c_[np.ones(X.shape[0]), X]


# --- 1.1 splitting ------------------------------------------------------------------------


def split_sizes(n, fractions):
    """(n_train, n_val, n_test): int(f * n) for the first two, the test set gets the rest."""
    n_train, n_val = int(fractions[0] * n), int(fractions[1] * n)
    return n_train, n_val, n - n_train - n_val


def split_indices(n, fractions, rng):
    """Shuffle range(n) once with rng and cut it into train, val, test index arrays."""
    perm = rng.permutation(n)
    n_train, n_val, _ = split_sizes(n, fractions)
    return perm[:n_train], perm[n_train:n_train + n_val], perm[n_train + n_val:]


# --- 1.2-1.4 linear regression -------------------------------------------------------------


def mse_loss(w, X, y):
    """loss = mean((X @ w - y)**2), grad = 2/N X^T (X @ w - y), shape (D,)."""
    r = X @ w - y
    return float(np.mean(r**2)), 2.0 * X.T @ r / X.shape[0]


def fit_least_squares(X, y):
    """The least-squares w (D,), minimum norm when X is rank-deficient (via the SVD)."""
    return np.linalg.lstsq(X, y, rcond=None)[0]


def fit_linear_gd(X, y, lr, steps):
    """Gradient descent on the MSE from w = 0. Returns w (D,) and the loss before each step."""
    w = np.zeros(X.shape[1])
    losses = []
    for _ in range(steps):
        loss, grad = mse_loss(w, X, y)
        losses.append(loss)
        w = w - lr * grad
    return w, losses


def curvature(X):
    """Largest eigenvalue of the MSE's Hessian 2/N X^T X; gradient descent needs lr < 2 / it."""
    return float(2.0 * np.linalg.eigvalsh(X.T @ X / X.shape[0])[-1])


# --- 1.5-1.6 logistic regression -----------------------------------------------------------


def sigmoid(z):
    """1 / (1 + exp(-z)) without overflow for large |z|."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logistic_loss(w, X, y):
    """Mean binary cross-entropy of p = sigmoid(X @ w) against y in {0, 1}, and its gradient.

    -log p = log(1 + e^-z) and -log(1 - p) = log(1 + e^z), so the loss is
    mean(logaddexp(0, z) - y z); grad = X^T (p - y) / N, shape (D,).
    """
    z = X @ w
    loss = np.mean(np.logaddexp(0.0, z) - y * z)
    return float(loss), X.T @ (sigmoid(z) - y) / X.shape[0]


def fit_logistic(X, y, lr, steps):
    """Gradient descent on the logistic loss from w = 0. Returns w and the loss before each step."""
    w = np.zeros(X.shape[1])
    losses = []
    for _ in range(steps):
        loss, grad = logistic_loss(w, X, y)
        losses.append(loss)
        w = w - lr * grad
    return w, losses


def accuracy(w, X, y):
    """Fraction of examples with (X @ w > 0) == y."""
    return float(np.mean((X @ w > 0) == (y == 1)))


# --- 1.7-1.8 capacity ----------------------------------------------------------------------


def poly_features(x, degree):
    """Columns x**0, x**1, ..., x**degree of x (N,): shape (N, degree + 1)."""
    return x[:, None] ** np.arange(degree + 1)


def capacity_sweep(x_train, y_train, x_val, y_val, degrees):
    """Fit a polynomial of each degree by least squares on the training set.

    Returns train_errors (K,), val_errors (K,) (MSE) and the degree with the least val error.
    """
    train_errors, val_errors = [], []
    for d in degrees:
        w = fit_least_squares(poly_features(x_train, d), y_train)
        train_errors.append(np.mean((poly_features(x_train, d) @ w - y_train) ** 2))
        val_errors.append(np.mean((poly_features(x_val, d) @ w - y_val) ** 2))
    best = int(degrees[int(np.argmin(val_errors))])
    return np.array(train_errors), np.array(val_errors), best


# --- figures ---------------------------------------------------------------------------


def _axes(ax=None, size=(5, 3.5)):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def plot_split(x, y, idx, ax=None):
    """Scatter (x, y) coloured by set; idx = (train_idx, val_idx, test_idx)."""
    ax = _axes(ax)
    for name, i, c in zip(("train", "validation", "test"), idx, ("C0", "C1", "C3"), strict=True):
        ax.scatter(x[i], y[i], s=14, c=c, label=f"{name} ({len(i)})")
    grid = np.linspace(-1, 1, 200)
    ax.plot(grid, true_rule(grid), "k--", lw=1, label="true rule")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(fontsize=8)
    return ax


def plot_poly_fits(x, y, fits, ax=None):
    """Training points and the fitted curves; fits = {degree: w}."""
    ax = _axes(ax)
    ax.scatter(x, y, s=14, c="k", label="training data")
    grid = np.linspace(-1, 1, 300)
    ax.plot(grid, true_rule(grid), "k--", lw=1, label="true rule")
    for d, w in fits.items():
        ax.plot(grid, poly_features(grid, d) @ w, label=f"degree {d}")
    lo, hi = y.min(), y.max()
    ax.set_ylim(lo - 0.5 * (hi - lo), hi + 0.5 * (hi - lo))
    ax.set_xlabel("x")
    ax.legend(fontsize=8)
    return ax


def plot_capacity(degrees, train_errors, val_errors, best=None, ax=None, label=""):
    """Training and validation MSE against the polynomial degree (log scale)."""
    ax = _axes(ax)
    suffix = f" {label}" if label else ""
    line, = ax.plot(degrees, train_errors, "o--", ms=3, label=f"train{suffix}")
    ax.plot(degrees, val_errors, "o-", ms=3, c=line.get_color(), label=f"validation{suffix}")
    if best is not None:
        ax.axvline(best, c=line.get_color(), lw=0.8, alpha=0.6)
    ax.set_yscale("log")
    ax.set_xlabel("polynomial degree (capacity)")
    ax.set_ylabel("mean squared error")
    ax.legend(fontsize=8)
    return ax
