"""Reference layers of module 02, for later modules and for the checks.

A layer is a pair: forward(...) -> (out, cache) and backward(dout, cache) -> grads.
Letters: a minibatch of N examples of dimension D, mapped to M outputs; C classes.
Every gradient has the shape of what it is the gradient of.
"""

from __future__ import annotations

import numpy as np


def linear_forward(x, w, b):
    """out = x @ w + b. x: (N, D), w: (D, M), b: (M,) -> out (N, M), cache (x, w)."""
    return x @ w + b, (x, w)


def linear_backward(dout, cache):
    """dout: (N, M) -> dx (N, D), dw (D, M), db (M,)."""
    x, w = cache
    return dout @ w.T, x.T @ dout, dout.sum(axis=0)


def relu_forward(x):
    """out = max(0, x), any shape; cache x."""
    return np.maximum(0, x), x


def relu_backward(dout, cache):
    """The gradient flows where the input was positive."""
    return dout * (cache > 0)


def tanh_forward(x):
    """out = tanh(x); cache out (the derivative is 1 - out**2)."""
    out = np.tanh(x)
    return out, out


def tanh_backward(dout, cache):
    return dout * (1 - cache**2)


def softmax(logits):
    """Row-wise softmax of (N, C) logits, shifted by the row max so exp never overflows."""
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of (N, C) logits against integer labels y (N,).

    Returns loss (float) and dlogits (N, C) = (softmax - onehot) / N.
    """
    n = logits.shape[0]
    z = logits - logits.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(n), y].mean()
    dlogits = np.exp(logp)
    dlogits[np.arange(n), y] -= 1
    return float(loss), dlogits / n


ACTIVATIONS = {"relu": (relu_forward, relu_backward), "tanh": (tanh_forward, tanh_backward),
               "linear": (lambda x: (x, None), lambda d, c: d)}


def mlp_init(sizes, rng, scale=None, dtype=np.float64):
    """Weights for layer sizes [D, H1, ..., C]: W (fan_in, fan_out) ~ N(0, 2/fan_in), b = 0.

    scale: a fixed weight std instead of He's sqrt(2/fan_in). dtype: float64 (the default,
    what the checks use) or float32, about twice as fast to train when x is float32 too:
    every layer computes in its inputs' dtype. Returns {"W1", "b1", ...}.
    """
    params = {}
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        std = np.sqrt(2.0 / fan_in) if scale is None else scale
        params[f"W{i}"] = rng.normal(0.0, std, size=(fan_in, fan_out)).astype(dtype, copy=False)
        params[f"b{i}"] = np.zeros(fan_out, dtype)
    return params


def n_layers(params):
    return sum(1 for k in params if k.startswith("W"))


def mlp_forward(params, x, activation="relu"):
    """Hidden layers linear -> activation, last layer linear. Returns scores (N, C), caches."""
    act, _ = ACTIVATIONS[activation]
    caches = []
    h = x
    L = n_layers(params)
    for i in range(1, L + 1):
        h, lin = linear_forward(h, params[f"W{i}"], params[f"b{i}"])
        a = None
        if i < L:
            h, a = act(h)
        caches.append((lin, a))
    return h, caches


def mlp_backward(dscores, caches, activation="relu"):
    """Gradients {"W1": (D, H1), "b1": (H1,), ...} of the loss, given dscores (N, C)."""
    _, act_back = ACTIVATIONS[activation]
    grads = {}
    d = dscores
    for i in range(len(caches), 0, -1):
        lin, a = caches[i - 1]
        if i < len(caches):
            d = act_back(d, a)
        if i > 1:
            d, grads[f"W{i}"], grads[f"b{i}"] = linear_backward(d, lin)
        else:                          # the input's gradient d @ W1.T is not needed: skip it
            grads["W1"], grads["b1"] = lin[0].T @ d, d.sum(axis=0)
    return grads


def sgd_step(params, grads, lr):
    """In place: p <- p - lr * g for every parameter."""
    for k in params:
        params[k] -= lr * grads[k]


def accuracy(scores, y):
    return float(np.mean(np.argmax(scores, axis=1) == y))
