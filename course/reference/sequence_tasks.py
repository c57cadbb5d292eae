"""Sequence tasks that need memory, generated in numpy, and a tiny trainer for them.

The recall task: the first input is one of K signal tokens; the next T - 1 inputs are
random distractor tokens; the target, read at the last step, is the first token. To
solve it a recurrent net must carry one of K values across T - 1 steps of noise.
Inputs are one-hot over K + M symbols (K signals, M distractors); the distractors are
`loud` times stronger than the signal.
"""

from __future__ import annotations

import numpy as np

from course.reference import nn
from course.reference import rnn as ref


def recall_task(n, T, rng, K=4, M=4, loud=3.0):
    """n sequences of length T. Returns x (n, T, K + M) (one-hot, distractors scaled by `loud`)
    and y (n,) in [0, K)."""
    y = rng.integers(0, K, size=n)
    tokens = np.concatenate([y[:, None], K + rng.integers(0, M, size=(n, T - 1))], axis=1)
    x = np.eye(K + M)[tokens]
    x[:, 1:] *= loud
    return x, y


def adding_task(n, T, rng):
    """The adding problem (Hochreiter & Schmidhuber 1997): x (n, T, 2), y (n,).

    Channel 0: uniform numbers in [0, 1); channel 1: two markers, one in each half.
    The target is the sum of the two marked numbers.
    """
    x = np.zeros((n, T, 2))
    x[:, :, 0] = rng.random((n, T))
    i = rng.integers(0, T // 2, size=n)
    j = rng.integers(T // 2, T, size=n)
    x[np.arange(n), i, 1] = 1.0
    x[np.arange(n), j, 1] = 1.0
    return x, x[np.arange(n), i, 0] + x[np.arange(n), j, 0]


class Adam:
    """Adam (Kingma & Ba 2015) on a dict of arrays, updated in place."""

    def __init__(self, params, lr=1e-2, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.b1, self.b2, self.eps, self.t = lr, beta1, beta2, eps, 0
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}

    def step(self, params, grads):
        self.t += 1
        for k in params:
            m, v, g = self.m[k], self.v[k], grads[k]
            m *= self.b1                             # in place: m = b1 * m + (1 - b1) * g
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * g**2
            params[k] -= self.lr * (m / (1 - self.b1**self.t)) / (np.sqrt(v / (1 - self.b2**self.t))
                                                                   + self.eps)


def classifier_init(cell, D, H, C, rng, forget_bias=1.0):
    """Recurrent weights (cell "rnn" or "lstm") plus an output layer Wy (H, C), by (C,)."""
    p = ref.lstm_init(D, H, rng, forget_bias) if cell == "lstm" else ref.rnn_init(D, H, rng)
    p["Wy"] = rng.normal(0.0, 1.0 / np.sqrt(H), size=(H, C))
    p["by"] = np.zeros(C)
    return p


def rnn_classifier_loss(params, x, y):
    """Reference vanilla-RNN classifier reading its last state. Returns loss, grads."""
    N, T, _ = x.shape
    H = params["Wh"].shape[0]
    h, cache = ref.rnn_forward(x, np.zeros((N, H)), params["Wx"], params["Wh"], params["b"])
    scores, lin = nn.linear_forward(h[:, -1], params["Wy"], params["by"])
    loss, dscores = nn.softmax_cross_entropy(scores, y)
    dh_last, dWy, dby = nn.linear_backward(dscores, lin)
    dh = np.zeros_like(h)
    dh[:, -1] = dh_last
    _, _, dWx, dWh, db = ref.rnn_backward(dh, cache)
    return loss, {"Wx": dWx, "Wh": dWh, "b": db, "Wy": dWy, "by": dby}


def lstm_classifier_loss(params, x, y, lstm_forward=None, lstm_backward=None):
    """Reference LSTM classifier reading its last hidden state. Returns loss, grads.

    lstm_forward, lstm_backward: the sequence LSTM to use (default: the reference).
    """
    lstm_forward = lstm_forward or ref.lstm_forward
    lstm_backward = lstm_backward or ref.lstm_backward
    N, T, _ = x.shape
    H = params["Wh"].shape[0]
    z = np.zeros((N, H))
    h, _, cache = lstm_forward(x, z, z, params["Wx"], params["Wh"], params["b"])
    scores, lin = nn.linear_forward(h[:, -1], params["Wy"], params["by"])
    loss, dscores = nn.softmax_cross_entropy(scores, y)
    dh_last, dWy, dby = nn.linear_backward(dscores, lin)
    dh = np.zeros_like(h)
    dh[:, -1] = dh_last
    _, _, _, dWx, dWh, db = lstm_backward(dh, cache)
    return loss, {"Wx": dWx, "Wh": dWh, "b": db, "Wy": dWy, "by": dby}


def classifier_scores(cell, params, x):
    """Scores (N, C) of a trained classifier on x (N, T, D)."""
    N = x.shape[0]
    z = np.zeros((N, params["Wh"].shape[0]))
    if cell == "lstm":
        h = ref.lstm_forward(x, z, z, params["Wx"], params["Wh"], params["b"])[0]
    else:
        h = ref.rnn_forward(x, z, params["Wx"], params["Wh"], params["b"])[0]
    return h[:, -1] @ params["Wy"] + params["by"]


def train_recall(loss_fn, cell, T, seed, H=32, steps=60, batch=64, lr=0.03, clip=5.0, K=4, M=4,
                 loud=3.0, forget_bias=3.0, n_test=500):
    """Train a classifier on the recall task with Adam and norm clipping; fresh data each step.

    loss_fn(params, x, y) -> (loss, grads). Returns test accuracy (float) and the losses.
    The defaults are the budget of the module's check: an LSTM learns T = 25, an RNN does not.
    """
    rng = np.random.default_rng(seed)
    params = classifier_init(cell, K + M, H, K, rng, forget_bias)
    opt = Adam(params, lr=lr)
    losses = []
    for _ in range(steps):
        x, y = recall_task(batch, T, rng, K, M, loud)
        loss, grads = loss_fn(params, x, y)
        grads, _ = ref.clip_grad_norm(grads, clip)
        opt.step(params, grads)
        losses.append(float(loss))
    x, y = recall_task(n_test, T, np.random.default_rng(seed + 10_000), K, M, loud)
    acc = float(np.mean(classifier_scores(cell, params, x).argmax(axis=1) == y))
    return acc, losses
