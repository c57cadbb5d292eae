"""Reference initialisers and signal-propagation tools of module 03, built on course/nn.py.

Weights are (fan_in, fan_out) and used as x @ W. Every initialiser draws from the `rng`
it is given, never from numpy's global generator. Letters: N examples, width n, depth L.
"""

from __future__ import annotations

import numpy as np

from course.reference import nn

# --- variance recursion -------------------------------------------------------------------

# E[phi(y)^2] / Var[y] for zero-mean Gaussian y, in the regime where the recursion is exact
# (tanh: near zero, where tanh(y) ~ y).
GAIN2 = {"linear": 1.0, "tanh": 1.0, "relu": 0.5}


def predicted_std(width, depth, weight_std, activation="linear", input_std=1.0):
    """Predicted std of the pre-activations y_l = h_{l-1} @ W_l, l = 1..depth. Returns (depth,).

    Var[y_1] = width * weight_std**2 * input_std**2 (the input also has `width` features);
    Var[y_l] = width * weight_std**2 * GAIN2[activation] * Var[y_{l-1}].
    """
    v = width * weight_std**2 * input_std**2
    out = np.empty(depth)
    for i in range(depth):
        out[i] = np.sqrt(v)
        v *= width * weight_std**2 * GAIN2[activation]
    return out


def measured_std(params, x, activation="linear"):
    """Std of every layer's pre-activations on a forward pass of x: (L,)."""
    return np.array([float(np.std(y)) for y in preactivations(params, x, activation)])


def preactivations(params, x, activation="linear"):
    """[y_1, ..., y_L], y_l = h_{l-1} @ W_l + b_l, each (N, n_l)."""
    act, _ = nn.ACTIVATIONS[activation]
    out, h = [], x
    L = nn.n_layers(params)
    for i in range(1, L + 1):
        y = h @ params[f"W{i}"] + params[f"b{i}"]
        out.append(y)
        if i < L:
            h, _ = act(y)
    return out


# --- initialisers -------------------------------------------------------------------------

def gaussian_init(fan_in, fan_out, std, rng):
    """W (fan_in, fan_out) with i.i.d. N(0, std**2) entries."""
    return rng.normal(0.0, std, size=(fan_in, fan_out))


def uniform_init(fan_in, fan_out, bound, rng):
    """W (fan_in, fan_out) with i.i.d. U[-bound, bound] entries: variance bound**2 / 3."""
    return rng.uniform(-bound, bound, size=(fan_in, fan_out))


def xavier_normal(fan_in, fan_out, rng):
    """Glorot & Bengio 2010: Var[W] = 2 / (fan_in + fan_out), Gaussian."""
    return gaussian_init(fan_in, fan_out, np.sqrt(2.0 / (fan_in + fan_out)), rng)


def xavier_uniform(fan_in, fan_out, rng):
    """Glorot & Bengio 2010: U[-a, a] with a = sqrt(6 / (fan_in + fan_out))."""
    return uniform_init(fan_in, fan_out, np.sqrt(6.0 / (fan_in + fan_out)), rng)


def he_init(fan_in, fan_out, rng):
    """He et al. 2015: Var[W] = 2 / fan_in, Gaussian."""
    return gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)


def orthogonal_init(fan_in, fan_out, rng, gain=1.0):
    """gain * a random matrix with orthonormal columns (fan_in >= fan_out) or rows.

    QR of a Gaussian matrix, with the signs of R's diagonal moved into Q so that Q is
    uniformly distributed (Saxe et al. 2014).
    """
    big, small = max(fan_in, fan_out), min(fan_in, fan_out)
    q, r = np.linalg.qr(rng.normal(size=(big, small)))
    q = q * np.sign(np.diag(r))
    return gain * (q if fan_in >= fan_out else q.T)


# --- deep nets ----------------------------------------------------------------------------

def deep_params(sizes, weights):
    """{"W1", "b1", ...} from a list of weight matrices; zero biases."""
    params = {}
    for i, w in enumerate(weights, start=1):
        params[f"W{i}"] = np.asarray(w, dtype=np.float64)
        params[f"b{i}"] = np.zeros(sizes[i])
    return params


def init_net(sizes, method, rng, **kw):
    """Parameters for layer sizes [D, n, ..., C], every W from the named reference initialiser.

    method: "gaussian" (kw std), "uniform" (kw bound), "xavier_normal", "xavier_uniform",
    "he", "orthogonal" (kw gain).
    """
    fn = INITIALISERS[method]
    return deep_params(sizes, [fn(a, b, rng=rng, **kw) for a, b in zip(sizes[:-1], sizes[1:])])


INITIALISERS = {"gaussian": gaussian_init, "uniform": uniform_init, "xavier_normal": xavier_normal,
                "xavier_uniform": xavier_uniform, "he": he_init, "orthogonal": orthogonal_init}


def grad_norms(params, x, y, activation="relu"):
    """Frobenius norm of dL/dW_l for the mean softmax cross-entropy: (L,)."""
    scores, caches = nn.mlp_forward(params, x, activation)
    _, dscores = nn.softmax_cross_entropy(scores, y)
    grads = nn.mlp_backward(dscores, caches, activation)
    return np.array([float(np.linalg.norm(grads[f"W{i}"]))
                     for i in range(1, nn.n_layers(params) + 1)])


def layer_stats(params, x, y, activation="relu"):
    """Signal propagation at one point: what a deep net looks like at initialisation.

    Returns {"std": (L-1,) std of each hidden layer's output h_l (after the nonlinearity),
             "frozen": (L-1,) per hidden layer, tanh: fraction of entries with |h| > 0.99
                       (saturated); relu: fraction of units that are 0 on every example (dead);
                       linear: zeros,
             "grad_norm": (L,) Frobenius norm of dL/dW_l, mean softmax cross-entropy}.
    """
    ys = preactivations(params, x, activation)
    act, _ = nn.ACTIVATIONS[activation]
    hs = [act(v)[0] for v in ys[:-1]]
    if activation == "tanh":
        frozen = [float(np.mean(np.abs(h) > 0.99)) for h in hs]
    elif activation == "relu":
        frozen = [float(np.mean(np.all(h <= 0, axis=0))) for h in hs]
    else:
        frozen = [0.0 for _ in hs]
    return {"std": np.array([float(np.std(h)) for h in hs]), "frozen": np.array(frozen),
            "grad_norm": grad_norms(params, x, y, activation)}


def train(params, X, y, activation="relu", steps=300, lr=0.1, batch_size=64, rng=None,
          clip=None):
    """Minibatch SGD in place on the mean softmax cross-entropy; returns per-step losses (steps,).

    Batches are drawn with replacement from `rng` (a np.random.Generator). clip: if given,
    every step's gradient is rescaled to norm at most `clip` (over all parameters), which
    keeps a rare huge gradient of a deep ReLU net from throwing the weights away.
    """
    rng = np.random.default_rng(0) if rng is None else rng
    losses = np.empty(steps)
    for t in range(steps):
        idx = rng.integers(0, X.shape[0], size=batch_size)
        scores, caches = nn.mlp_forward(params, X[idx], activation)
        losses[t], dscores = nn.softmax_cross_entropy(scores, y[idx])
        grads = nn.mlp_backward(dscores, caches, activation)
        if clip is not None:
            norm = np.sqrt(sum(float(np.sum(g * g)) for g in grads.values()))
            if norm > clip:
                grads = {k: g * (clip / norm) for k, g in grads.items()}
        nn.sgd_step(params, grads, lr)
    return losses


def full_loss(params, X, y, activation="relu"):
    """Mean cross-entropy of the whole data set (nan if the forward pass overflowed)."""
    with np.errstate(all="ignore"):
        scores, _ = nn.mlp_forward(params, X, activation)
        if not np.all(np.isfinite(scores)):
            return float("nan")
        return nn.softmax_cross_entropy(scores, y)[0]


def product_singular_values(mats):
    """Singular values of mats[0] @ mats[1] @ ... (square matrices), largest first."""
    p = mats[0]
    for m in mats[1:]:
        p = p @ m
    return np.linalg.svd(p, compute_uv=False)
