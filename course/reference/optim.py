"""Reference update rules, the momentum schedule and test problems of module 04.

An update rule changes a parameter dict in place, one step at a time:
    sgd_step(params, grads, state, lr, mu)          p <- p - lr g
    momentum_step(params, grads, state, lr, mu)     v <- mu v - lr g;          p <- p + v
    nesterov_step(params, objective, state, lr, mu) v <- mu v - lr g(p + mu v); p <- p + v
params, grads, state: dicts of arrays with the same keys and shapes; state[k] holds the
velocity v of params[k] (the last step taken), zeros before the first step.
Nesterov's form is the one of Sutskever, Martens, Dahl, Hinton (2013), Eqs. 3-4.

Objectives are plain classes holding only arrays, so a grader can rebuild them in
another process: `objective.loss(params) -> float`, `objective.grad(params) -> dict`.
"""

from __future__ import annotations

import math

import numpy as np

from course.reference import nn

# --- update rules -------------------------------------------------------------------------


def zeros_like(params):
    """A state dict of zeros, keyed and shaped like params."""
    return {k: np.zeros_like(v, dtype=float) for k, v in params.items()}


def sgd_step(params, grads, state, lr, mu=0.0):
    """p <- p - lr g for every key; state and mu are unused (same signature as the others)."""
    for k in params:
        params[k] -= lr * grads[k]


def momentum_step(params, grads, state, lr, mu):
    """Classical momentum, in place: v <- mu v - lr g; p <- p + v (state[k] is v)."""
    for k in params:
        state[k] = mu * state[k] - lr * grads[k]
        params[k] += state[k]


def nesterov_step(params, objective, state, lr, mu):
    """Nesterov momentum, in place: v <- mu v - lr grad(p + mu v); p <- p + v."""
    ahead = {k: params[k] + mu * state[k] for k in params}
    g = objective.grad(ahead)
    for k in params:
        state[k] = mu * state[k] - lr * g[k]
        params[k] += state[k]


def momentum_schedule(t, mu_max):
    """mu_t = min(1 - 2**(-1 - log2(floor(t / 250) + 1)), mu_max) for step t = 0, 1, ..."""
    return min(1.0 - 2.0 ** (-1.0 - math.log2(math.floor(t / 250) + 1)), mu_max)


STEPS = {"sgd": sgd_step, "momentum": momentum_step}


def optimise(objective, params, method, lr, mu_max, n_steps):
    """Run n_steps of `method` ('sgd', 'momentum', 'nesterov') from params (updated in place).

    Step t uses mu = momentum_schedule(t, mu_max); the state starts at zeros.
    Returns losses, a list of n_steps + 1 floats: before the first step, then after each.
    """
    state = zeros_like(params)
    losses = [objective.loss(params)]
    for t in range(n_steps):
        mu = momentum_schedule(t, mu_max)
        if method == "nesterov":
            nesterov_step(params, objective, state, lr, mu)
        else:
            STEPS[method](params, objective.grad(params), state, lr, mu)
        losses.append(objective.loss(params))
    return losses


def steps_to_target(losses, target):
    """The first step at which the loss is at most `target` (len(losses) if never)."""
    hit = np.flatnonzero(np.asarray(losses, dtype=float) <= target)
    return int(hit[0]) if hit.size else len(losses)


# --- objectives -----------------------------------------------------------------------------


class Quadratic:
    """f(params) = sum_k 0.5 * params[k] . (H[k] @ params[k]), minimum 0 at params = 0.

    H: {key: (n_k, n_k) symmetric positive definite}; params[k]: (n_k,).
    The minimum sits at the origin, so the loss keeps full relative precision down to 0.
    """

    def __init__(self, H):
        self.H = {k: np.asarray(v, dtype=float) for k, v in H.items()}

    def loss(self, params):
        return float(sum(0.5 * params[k] @ (self.H[k] @ params[k]) for k in self.H))

    def grad(self, params):
        return {k: self.H[k] @ params[k] for k in self.H}

    def __repr__(self):
        return f"Quadratic({', '.join(f'{k}: {v.shape}' for k, v in self.H.items())})"


def spd(n, lo, hi, rng):
    """A random symmetric (n, n) matrix with eigenvalues log-spaced from lo to hi."""
    q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    return (q * np.geomspace(lo, hi, n)) @ q.T


def ill_conditioned(n=20, kappa=100.0, rng=None):
    """A quadratic in one key "x" (n,), curvatures from 1/kappa to 1, and a random start.

    Returns (objective, params). The largest curvature is 1, so SGD diverges for lr > 2.
    """
    rng = np.random.default_rng(0) if rng is None else rng
    obj = Quadratic({"x": spd(n, 1.0 / kappa, 1.0, rng)})
    return obj, {"x": rng.normal(size=n)}


def momentum_speedup(objective, params, lr, mu, momentum, target_ratio=1e-6, max_steps=3000):
    """Steps for `momentum` (a momentum_step-like rule at constant mu) and for SGD to bring
    the loss below target_ratio * its start. Returns (momentum steps, SGD steps)."""
    target = target_ratio * objective.loss(params)
    out = []
    for rule in (momentum, sgd_step):
        p = {k: v.astype(float).copy() for k, v in params.items()}
        s = zeros_like(p)
        losses = [objective.loss(p)]
        for _ in range(max_steps):
            rule(p, objective.grad(p), s, lr, mu)
            losses.append(objective.loss(p))
            if not np.isfinite(losses[-1]) or losses[-1] <= target:
                break
        out.append(steps_to_target(losses, target) if np.isfinite(losses[-1]) else max_steps + 1)
    return out[0], out[1]


# --- a small non-convex problem: the module 02 MLP on spirals --------------------------------


def train_mlp_momentum(X, y, sizes, rng, lr=0.1, mu_max=0.9, epochs=60, batch_size=32):
    """Minibatch momentum on a ReLU MLP with softmax cross-entropy (reference of task 4.5).

    Returns the trained params and the list of per-step losses.
    """
    params = nn.mlp_init(sizes, rng)
    state = zeros_like(params)
    losses = []
    n = X.shape[0]
    t = 0
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            scores, caches = nn.mlp_forward(params, X[idx])
            loss, dscores = nn.softmax_cross_entropy(scores, y[idx])
            grads = nn.mlp_backward(dscores, caches)
            momentum_step(params, grads, state, lr, momentum_schedule(t, mu_max))
            losses.append(float(loss))
            t += 1
    return params, losses


def full_loss(params, X, y):
    """Mean cross-entropy of the MLP on the whole data set."""
    return nn.softmax_cross_entropy(nn.mlp_forward(params, X)[0], y)[0]


# --- deep linear networks: plateaus and saddles (Saxe et al. 2014) ---------------------------


def deep_linear_train(X, Y, depth, width, scale, lr, n_steps, rng):
    """Full-batch gradient descent on y = W_depth ... W_1 x with loss 0.5 mean ||y - Y||^2.

    X: (N, D), Y: (N, C); hidden layers of `width`; weights N(0, scale^2). Returns losses.
    """
    sizes = [X.shape[1]] + [width] * (depth - 1) + [Y.shape[1]]
    Ws = [rng.normal(0.0, scale, size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
    n = X.shape[0]
    losses = []
    for _ in range(n_steps):
        hs = [X]
        for W in Ws:
            hs.append(hs[-1] @ W)
        err = hs[-1] - Y
        losses.append(0.5 * float(np.sum(err**2)) / n)
        d = err / n
        for i in range(depth - 1, -1, -1):
            g = hs[i].T @ d
            d = d @ Ws[i].T
            Ws[i] -= lr * g
    return losses


# --- figures -----------------------------------------------------------------------------


def _axes(ax=None, figsize=(5, 3.5)):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_curves(curves, ax=None, logy=True, xlabel="step", ylabel="loss"):
    """One line per {label: losses}; log-scaled loss by default."""
    ax = _axes(ax)
    for label, losses in curves.items():
        ax.plot(np.asarray(losses, dtype=float), label=label)
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend()
    return ax


def plot_lr_sweep(lrs, finals, start, ax=None, diverge_at=None):
    """Final loss against learning rate (log-log), one line per {label: finals}.

    Runs that ended above the starting loss (or at nan/inf) are drawn as x at the top.
    """
    ax = _axes(ax)
    lrs = np.asarray(lrs, float)
    top = 10 * start
    for i, (label, f) in enumerate(finals.items()):
        f = np.asarray(f, float)
        ok = np.isfinite(f) & (f < start)
        ax.loglog(lrs[ok], f[ok], "o-", ms=3, color=f"C{i}", label=label)
        ax.loglog(lrs[~ok], np.full(int((~ok).sum()), top), "x", color=f"C{i}")
    ax.axhline(start, color="gray", lw=0.8, ls=":", label="starting loss (x: diverged)")
    if diverge_at is not None:
        ax.axvline(diverge_at, color="C3", lw=0.8, ls="--", label="2 / largest curvature")
    ax.set_xlabel("learning rate")
    ax.set_ylabel("loss after training")
    ax.legend(fontsize=8)
    return ax


def plot_histogram(values, ax=None, xlabel="final training loss", bins=15):
    """Distribution of a quantity over many runs."""
    ax = _axes(ax)
    ax.hist(np.asarray(values, float), bins=bins, edgecolor="k", linewidth=0.5)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("runs")
    return ax
