"""Reference recurrent layers of module 05, for later modules and for the checks.

Letters: a minibatch of N sequences of length T, inputs of dimension D, hidden size H.
Inputs x are (N, T, D); hidden (and cell) states are (N, T, H). Weights are (in, out):
the pre-activation of a step is x_t @ Wx + h_{t-1} @ Wh + b.
A step is a pair forward(...) -> (out, cache), backward(dout, cache) -> grads; the
sequence versions keep one cache per step and run backpropagation through time.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def gradient_norms(Wh, h, dh_last, activation="tanh"):
    """Norms of the gradient on every hidden state when the loss reads only the last one.

    Wh (H, H), h (N, T, H) the states h_1..h_T, dh_last (N, H) -> norms (T + 1,), where
    norms[k] = ||dL/dh_{T-k}||: each step back multiplies by tanh'(a_t) = 1 - h_t**2, then Wh.T.
    """
    T = h.shape[1]
    d = dh_last
    norms = [np.linalg.norm(d)]
    for t in reversed(range(T)):
        if activation == "tanh":
            d = d * (1 - h[:, t] ** 2)
        d = d @ Wh.T
        norms.append(np.linalg.norm(d))
    return np.array(norms)


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


class LSTMCache(Sequence):
    """What lstm_forward keeps: whole-sequence arrays, time first, shared by every step.

    cache[t] is the tuple lstm_step_forward would have cached at step t (views, made on
    demand), so step-by-step code can walk it; lstm_backward uses the arrays directly.
    xs (T, N, D) inputs; hs, cs (T + 1, N, H) states, hs[t] the one step t starts from;
    ifo (T, N, 3H) sigmoid gates; g, tc (T, N, H): tanh gate and tanh(c_next);
    keep (T, N, 1) bool where a padded step carries the state through, or None.
    """

    def __init__(self, xs, hs, cs, ifo, g, tc, Wx, Wh, keep=None):
        self.xs, self.hs, self.cs, self.ifo, self.g, self.tc = xs, hs, cs, ifo, g, tc
        self.Wx, self.Wh, self.keep = Wx, Wh, keep

    def __len__(self):
        return len(self.ifo)

    def __getitem__(self, t):
        if isinstance(t, slice):
            return [self[k] for k in range(len(self))[t]]
        t = range(len(self))[t]
        H = self.g.shape[2]
        ifo = self.ifo[t]
        return (self.xs[t], self.hs[t], self.cs[t], self.Wx, self.Wh,
                ifo[:, :H], ifo[:, H:2 * H], ifo[:, 2 * H:], self.g[t], self.tc[t])


def lstm_scan(xs, h0, c0, Wx, Wh, b, mask=None):
    """The LSTM over a time-major sequence, computed as lstm_step_forward step after step.

    xs (T, N, D), h0, c0 (N, H); mask (T, N) bool or None: where False the step leaves the
    state unchanged (padding). Computes in the inputs' dtype (float64 for float64 inputs,
    float32 when all are float32). Returns an LSTMCache (final state: hs[-1], cs[-1]).
    The input projection of all steps is one matmul; each step does h @ Wh and the gates
    in place in preallocated arrays.
    """
    T, N, D = xs.shape
    H = Wh.shape[0]
    dt = np.result_type(xs, h0, c0, Wx, Wh, b, np.float32)
    xw = (xs.reshape(T * N, D) @ Wx).reshape(T, N, 4 * H)
    hs, cs = np.empty((T + 1, N, H), dt), np.empty((T + 1, N, H), dt)
    hs[0], cs[0] = h0, c0
    ifo, g, tc = np.empty((T, N, 3 * H), dt), np.empty((T, N, H), dt), np.empty((T, N, H), dt)
    a, ig = np.empty((N, 4 * H), dt), np.empty((N, H), dt)
    keep = None if mask is None else ~np.asarray(mask, dtype=bool)[..., None]
    for t in range(T):
        np.matmul(hs[t], Wh, out=a)
        a += xw[t]                                   # (x @ Wx + h @ Wh) + b, as in the step
        a += b
        s = ifo[t]
        np.multiply(a[:, :3 * H], 0.5, out=s)        # sigmoid = (1 + tanh(x / 2)) / 2
        np.tanh(s, out=s)
        s += 1.0
        s *= 0.5
        np.tanh(a[:, 3 * H:], out=g[t])
        np.multiply(s[:, H:2 * H], cs[t], out=cs[t + 1])
        np.multiply(s[:, :H], g[t], out=ig)
        cs[t + 1] += ig                              # c = f * c_prev + i * g
        np.tanh(cs[t + 1], out=tc[t])
        np.multiply(s[:, 2 * H:], tc[t], out=hs[t + 1])
        if keep is not None:
            np.copyto(hs[t + 1], hs[t], where=keep[t])
            np.copyto(cs[t + 1], cs[t], where=keep[t])
    return LSTMCache(xs, hs, cs, ifo, g, tc, Wx, Wh, keep)


def lstm_scan_backward(cache, dhs=None, dh_last=None, dc_last=None):
    """Backpropagation through time over an LSTMCache.

    dhs (T, N, H) or None: upstream gradient on every step's output state; dh_last, dc_last
    (N, H) or None: on the final state. Returns da (T, N, 4H), the gradient on every step's
    pre-activation, and dh0, dc0 (N, H). Every factor that does not depend on the incoming
    gradient (the gates' derivatives) is computed for all steps at once before the loop.
    """
    T, N, H = cache.g.shape
    dt = cache.hs.dtype
    i, f, o = cache.ifo[..., :H], cache.ifo[..., H:2 * H], cache.ifo[..., 2 * H:]
    dsig = cache.ifo * (1 - cache.ifo)
    # da = dc * k for the i, f, g blocks and dh * k for the o block
    k = np.empty((T, N, 4 * H), dt)
    np.multiply(cache.g, dsig[..., :H], out=k[..., :H])
    np.multiply(cache.cs[:-1], dsig[..., H:2 * H], out=k[..., H:2 * H])
    np.multiply(cache.tc, dsig[..., 2 * H:], out=k[..., 2 * H:3 * H])
    np.multiply(i, 1 - cache.g**2, out=k[..., 3 * H:])
    q = o * (1 - cache.tc**2)                        # dc_next/dh_next through h = o * tanh(c)
    da = np.empty((T, N, 4 * H), dt)
    dh_prev = np.zeros((N, H), dt) if dh_last is None else np.asarray(dh_last, dtype=dt)
    dc = np.zeros((N, H), dt) if dc_last is None else np.array(dc_last, dtype=dt)
    for t in reversed(range(T)):
        dh = dh_prev if dhs is None else dhs[t] + dh_prev
        if cache.keep is not None:
            carry_h, carry_c = dh, dc
            dh, dc = np.where(cache.keep[t], 0, dh), np.where(cache.keep[t], 0, dc)
        dc = dc + dh * q[t]
        np.multiply(k[t].reshape(N, 4, H), dc[:, None, :], out=da[t].reshape(N, 4, H))
        np.multiply(k[t, :, 2 * H:3 * H], dh, out=da[t, :, 2 * H:3 * H])
        dh_prev = da[t] @ cache.Wh.T
        dc = dc * f[t]
        if cache.keep is not None:
            dh_prev = np.where(cache.keep[t], carry_h, dh_prev)
            dc = np.where(cache.keep[t], carry_c, dc)
    return da, dh_prev, dc


def lstm_weight_grads(cache, da):
    """From da (T, N, 4H): dxs (T * N, D) on the inputs, dWx (D, 4H), dWh (H, 4H), db (4H,)."""
    T, N, D = cache.xs.shape
    H = cache.Wh.shape[0]
    da2 = da.reshape(T * N, 4 * H)
    return (da2 @ cache.Wx.T, cache.xs.reshape(T * N, D).T @ da2,
            cache.hs[:-1].reshape(T * N, H).T @ da2, da2.sum(axis=0))


def lstm_forward(x, h0, c0, Wx, Wh, b):
    """x (N, T, D), h0, c0 (N, H) -> h (N, T, H), c (N, T, H) every state, cache.

    The same numbers as lstm_step_forward applied step after step (see lstm_scan); the cache
    is an LSTMCache, a sequence of the per-step caches.
    """
    cache = lstm_scan(np.ascontiguousarray(np.swapaxes(x, 0, 1)), h0, c0, Wx, Wh, b)
    return (np.ascontiguousarray(np.swapaxes(cache.hs[1:], 0, 1)),
            np.ascontiguousarray(np.swapaxes(cache.cs[1:], 0, 1)), cache)


def lstm_backward(dh, cache, dc_last=None):
    """Backpropagation through time for the LSTM.

    dh (N, T, H): upstream gradient on every hidden state; dc_last (N, H): an extra gradient
    on the final cell state c[:, -1] (default zeros).
    Returns dx (N, T, D), dh0 (N, H), dc0 (N, H), dWx (D, 4H), dWh (H, 4H), db (4H,).
    """
    if isinstance(cache, LSTMCache):
        da, dh0, dc0 = lstm_scan_backward(cache, np.swapaxes(dh, 0, 1), dc_last=dc_last)
        dxs, dWx, dWh, db = lstm_weight_grads(cache, da)
        T, N, D = cache.xs.shape
        return np.swapaxes(dxs.reshape(T, N, D), 0, 1), dh0, dc0, dWx, dWh, db
    caches = cache                                   # any list of lstm_step_forward caches
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
