"""Reference recurrent layers of module 05, for later modules and for the checks.

Letters: a minibatch of N sequences of length T, inputs of dimension D, hidden size H.
Inputs x are (N, T, D); hidden (and cell) states are (N, T, H). Weights are (in, out):
the pre-activation of a step is x_t @ Wx + h_{t-1} @ Wh + b.
A step is a pair forward(...) -> (out, cache), backward(dout, cache) -> grads; the
sequence versions keep one cache per step and run backpropagation through time.
"""

from __future__ import annotations

import numpy as np


def sigmoid(x):
    """1 / (1 + exp(-x)), written as (1 + tanh(x / 2)) / 2: the same, and never overflows."""
    return 0.5 * (1.0 + np.tanh(0.5 * x))


# ----------------------------------------------------------------------------- vanilla RNN

def rnn_step_forward(x, h_prev, Wx, Wh, b):
    """h_next = tanh(x @ Wx + h_prev @ Wh + b).

    x (N, D), h_prev (N, H), Wx (D, H), Wh (H, H), b (H,) -> h_next (N, H), cache.
    """
    h_next = np.tanh(x @ Wx + h_prev @ Wh + b)
    return h_next, (x, h_prev, Wx, Wh, h_next)


def rnn_step_backward(dh_next, cache):
    """dh_next (N, H) -> dx (N, D), dh_prev (N, H), dWx (D, H), dWh (H, H), db (H,)."""
    x, h_prev, Wx, Wh, h_next = cache
    da = dh_next * (1 - h_next**2)          # tanh' written with its output
    return da @ Wx.T, da @ Wh.T, x.T @ da, h_prev.T @ da, da.sum(axis=0)


def rnn_forward(x, h0, Wx, Wh, b):
    """Run the cell over time. x (N, T, D), h0 (N, H) -> h (N, T, H) every state, cache."""
    N, T, _ = x.shape
    h = np.zeros((N, T, h0.shape[1]))
    caches = []
    h_prev = h0
    for t in range(T):
        h_prev, c = rnn_step_forward(x[:, t], h_prev, Wx, Wh, b)
        h[:, t] = h_prev
        caches.append(c)
    return h, caches


def rnn_backward(dh, cache):
    """Backpropagation through time.

    dh (N, T, H): the upstream gradient on every hidden state (from the outputs only).
    Returns dx (N, T, D), dh0 (N, H), dWx (D, H), dWh (H, H), db (H,).
    The gradient reaching h_t is dh[:, t] plus what flows back from step t + 1.
    """
    caches = cache
    x0, _, Wx, Wh, _ = caches[0]
    N, T, D = x0.shape[0], len(caches), x0.shape[1]
    dx = np.zeros((N, T, D))
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros(Wh.shape[0])
    dh_prev = np.zeros((N, Wh.shape[0]))
    for t in reversed(range(T)):
        dx[:, t], dh_prev, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t] + dh_prev, caches[t])
        dWx += dWx_t
        dWh += dWh_t
        db += db_t
    return dx, dh_prev, dWx, dWh, db


# ----------------------------------------------------------------------------- LSTM

def lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b):
    """One LSTM step (Hochreiter & Schmidhuber 1997, with a forget gate: Gers et al. 2000).

    a = x @ Wx + h_prev @ Wh + b is split in the order i, f, o, g: a[:, 0:H], [H:2H],
    [2H:3H], [3H:4H]. i, f, o = sigmoid, g = tanh; c_next = f * c_prev + i * g;
    h_next = o * tanh(c_next).
    x (N, D), h_prev, c_prev (N, H), Wx (D, 4H), Wh (H, 4H), b (4H,)
    -> h_next (N, H), c_next (N, H), cache.
    """
    H = h_prev.shape[1]
    a = x @ Wx + h_prev @ Wh + b
    ifo = sigmoid(a[:, :3 * H])              # the three gates at once
    i, f, o = ifo[:, :H], ifo[:, H:2 * H], ifo[:, 2 * H:]
    g = np.tanh(a[:, 3 * H:])
    c_next = f * c_prev + i * g
    tc = np.tanh(c_next)
    h_next = o * tc
    return h_next, c_next, (x, h_prev, c_prev, Wx, Wh, i, f, o, g, tc)


def lstm_step_backward(dh_next, dc_next, cache):
    """dh_next, dc_next (N, H) -> dx (N, D), dh_prev, dc_prev (N, H), dWx, dWh, db."""
    x, h_prev, c_prev, Wx, Wh, i, f, o, g, tc = cache
    dc = dc_next + dh_next * o * (1 - tc**2)   # both paths into c_next
    di, df, do, dg = dc * g, dc * c_prev, dh_next * tc, dc * i
    da = np.concatenate([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g**2)], axis=1)
    return da @ Wx.T, da @ Wh.T, dc * f, x.T @ da, h_prev.T @ da, da.sum(axis=0)


def lstm_forward(x, h0, c0, Wx, Wh, b):
    """x (N, T, D), h0, c0 (N, H) -> h (N, T, H), c (N, T, H) every state, cache."""
    N, T, _ = x.shape
    H = h0.shape[1]
    h, c = np.zeros((N, T, H)), np.zeros((N, T, H))
    caches = []
    h_prev, c_prev = h0, c0
    for t in range(T):
        h_prev, c_prev, cache_t = lstm_step_forward(x[:, t], h_prev, c_prev, Wx, Wh, b)
        h[:, t], c[:, t] = h_prev, c_prev
        caches.append(cache_t)
    return h, c, caches


def lstm_backward(dh, cache, dc_last=None):
    """Backpropagation through time for the LSTM.

    dh (N, T, H): upstream gradient on every hidden state; dc_last (N, H): an extra gradient
    on the final cell state c[:, -1] (default zeros).
    Returns dx (N, T, D), dh0 (N, H), dc0 (N, H), dWx (D, 4H), dWh (H, 4H), db (4H,).
    """
    caches = cache
    x0, _, _, Wx, Wh = caches[0][:5]
    N, T, D, H = x0.shape[0], len(caches), x0.shape[1], Wh.shape[0]
    dx = np.zeros((N, T, D))
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros(4 * H)
    dh_prev = np.zeros((N, H))
    dc_prev = np.zeros((N, H)) if dc_last is None else np.array(dc_last, dtype=np.float64)
    for t in reversed(range(T)):
        dx[:, t], dh_prev, dc_prev, dWx_t, dWh_t, db_t = lstm_step_backward(
            dh[:, t] + dh_prev, dc_prev, caches[t])
        dWx += dWx_t
        dWh += dWh_t
        db += db_t
    return dx, dh_prev, dc_prev, dWx, dWh, db


# ----------------------------------------------------------------------------- init, clipping

def rnn_init(D, H, rng, recurrent="orthogonal", gain=1.0, scale=None):
    """Vanilla RNN weights: Wx ~ N(0, 1/D) (or `scale`), b = 0 and Wh = gain * Q.

    recurrent: "orthogonal" (Q a random orthogonal matrix, Saxe et al. 2014),
    "identity" (Q = I, Le et al. 2015) or "normal" (Q ~ N(0, 1/H): spectral radius ~ 1).
    """
    std = 1.0 / np.sqrt(D) if scale is None else scale
    Wx = rng.normal(0.0, std, size=(D, H))
    if recurrent == "orthogonal":
        Q = orthogonal(H, rng)
    elif recurrent == "identity":
        Q = np.eye(H)
    elif recurrent == "normal":
        Q = rng.normal(0.0, 1.0 / np.sqrt(H), size=(H, H))
    else:
        raise ValueError(f"unknown recurrent init {recurrent!r}")
    return {"Wx": Wx, "Wh": gain * Q, "b": np.zeros(H)}


def orthogonal(H, rng):
    """A random orthogonal (H, H) matrix: QR of a Gaussian, signs fixed so it is uniform."""
    q, r = np.linalg.qr(rng.normal(size=(H, H)))
    return q * np.sign(np.diag(r))


def lstm_init(D, H, rng, forget_bias=1.0, scale=None):
    """LSTM weights {"Wx": (D, 4H), "Wh": (H, 4H), "b": (4H,)}.

    Wx ~ N(0, 1/D), Wh ~ N(0, 1/H) (or both N(0, scale^2)); b = 0 except the forget-gate
    slice b[H:2H] = forget_bias, so the cell starts by remembering (Jozefowicz et al. 2015).
    """
    sx = 1.0 / np.sqrt(D) if scale is None else scale
    sh = 1.0 / np.sqrt(H) if scale is None else scale
    b = np.zeros(4 * H)
    b[H:2 * H] = forget_bias
    return {"Wx": rng.normal(0.0, sx, size=(D, 4 * H)), "Wh": rng.normal(0.0, sh, size=(H, 4 * H)), "b": b}


def clip_grad_norm(grads, max_norm):
    """Rescale all gradients together so their global L2 norm is at most max_norm.

    grads: {"name": array}. Returns (clipped dict of new arrays, total norm before clipping).
    The direction is kept; a zero gradient stays zero (Pascanu et al. 2013).
    """
    total = float(np.sqrt(sum(np.sum(np.asarray(g, dtype=np.float64) ** 2) for g in grads.values())))
    factor = min(1.0, max_norm / total) if total > 0 else 1.0
    return {k: np.asarray(g) * factor for k, g in grads.items()}, total


# ----------------------------------------------------------------------------- outputs over time

def temporal_linear_forward(h, W, b):
    """Apply one linear map at every step. h (N, T, H), W (H, M), b (M,) -> out (N, T, M), cache."""
    return h @ W + b, (h, W)


def temporal_linear_backward(dout, cache):
    """dout (N, T, M) -> dh (N, T, H), dW (H, M), db (M,)."""
    h, W = cache
    return dout @ W.T, np.einsum("nth,ntm->hm", h, dout), dout.sum(axis=(0, 1))


def temporal_softmax_cross_entropy(logits, y, mask=None):
    """Cross-entropy summed over steps where mask is true, averaged over the N sequences.

    logits (N, T, C), y (N, T) int, mask (N, T) bool or None (all steps) -> loss, dlogits (N, T, C).
    """
    N, T, C = logits.shape
    mask = np.ones((N, T), dtype=bool) if mask is None else mask
    z = logits - logits.max(axis=2, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=2, keepdims=True))
    picked = np.take_along_axis(logp, y[..., None], axis=2)[..., 0]
    loss = -float(np.sum(picked * mask)) / N
    d = np.exp(logp)
    np.put_along_axis(d, y[..., None], np.take_along_axis(d, y[..., None], axis=2) - 1, axis=2)
    return loss, d * mask[..., None] / N
