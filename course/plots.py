"""Figures the notebooks draw; each returns the matplotlib Axes it drew on."""

from __future__ import annotations

import numpy as np


def _axes(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(5, 3.5))
    return ax


def plot_losses(losses, ax=None, label=None, logy=False, smooth=0):
    """Loss per step; `smooth` > 1 adds a moving average over that many steps."""
    ax = _axes(ax)
    losses = np.asarray(losses, dtype=float)
    ax.plot(losses, alpha=0.4 if smooth > 1 else 1.0, label=label)
    if smooth > 1 and losses.size > smooth:
        ax.plot(np.arange(smooth - 1, losses.size),
                np.convolve(losses, np.ones(smooth) / smooth, mode="valid"))
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    if logy:
        ax.set_yscale("log")
    return ax


def plot_decision_boundary(predict, X, y, ax=None, resolution=200):
    """Colour the plane by predict(points) -> scores (M, C), then scatter X coloured by y."""
    ax = _axes(ax)
    pad = 0.2
    x0, x1 = X[:, 0].min() - pad, X[:, 0].max() + pad
    y0, y1 = X[:, 1].min() - pad, X[:, 1].max() + pad
    gx, gy = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    scores = np.asarray(predict(np.c_[gx.ravel(), gy.ravel()]))
    labels = scores.argmax(axis=1) if scores.ndim == 2 and scores.shape[1] > 1 else \
        (scores.ravel() > 0).astype(int)
    ax.contourf(gx, gy, labels.reshape(gx.shape), alpha=0.3, cmap="viridis")
    ax.scatter(X[:, 0], X[:, 1], c=y, s=12, cmap="viridis", edgecolors="k", linewidths=0.3)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    return ax
