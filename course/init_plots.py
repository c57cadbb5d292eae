"""Figures of module 03; each returns the matplotlib Axes (or array of Axes) it drew on."""

from __future__ import annotations

import numpy as np


def _axes(ax=None, figsize=(5, 3.5)):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_stds(curves, ax=None, ylabel="std of pre-activations"):
    """curves: {label: (depth,) values, or (predicted, measured)}; log y axis, layers from 1."""
    ax = _axes(ax)
    for label, c in curves.items():
        if isinstance(c, tuple):
            pred, meas = (np.asarray(v, dtype=float) for v in c)
            line, = ax.plot(np.arange(1, pred.size + 1), pred, "--", label=f"{label} predicted")
            ax.plot(np.arange(1, meas.size + 1), meas, "o", ms=3, color=line.get_color(),
                    label=f"{label} measured")
        else:
            c = np.asarray(c, dtype=float)
            ax.plot(np.arange(1, c.size + 1), c, "o-", ms=3, label=label)
    ax.set_yscale("log")
    ax.set_xlabel("layer")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=7)
    return ax


def plot_layer_histograms(hs, ax=None, title="", bins=60, lim=1.0):
    """Overlaid histograms of each layer's activations hs[l] (any shape), as in Glorot & Bengio."""
    ax = _axes(ax)
    for i, h in enumerate(hs, start=1):
        counts, edges = np.histogram(np.ravel(h), bins=bins, range=(-lim, lim), density=True)
        ax.plot(0.5 * (edges[1:] + edges[:-1]), counts, label=f"layer {i}")
    ax.set_xlabel("activation value")
    ax.set_ylabel("density")
    ax.set_title(title, fontsize=9)
    ax.legend(fontsize=7)
    return ax


def plot_trainability(losses, stds, depths, ax=None, vmax=None):
    """Heat map of final loss, losses (len(depths), len(stds)); x = weight std * sqrt(width)."""
    import matplotlib.pyplot as plt

    ax = _axes(ax, figsize=(6, 3.5))
    losses = np.where(np.isfinite(losses), losses, np.nan)
    im = ax.pcolormesh(np.arange(len(stds) + 1), np.arange(len(depths) + 1), losses,
                       cmap="viridis_r", vmin=0, vmax=vmax)
    ax.set_xticks(np.arange(len(stds)) + 0.5)
    ax.set_xticklabels([f"{s:.2g}" for s in stds], fontsize=7)
    ax.set_yticks(np.arange(len(depths)) + 0.5)
    ax.set_yticklabels([str(d) for d in depths])
    ax.set_xlabel("weight std x sqrt(width)")
    ax.set_ylabel("depth")
    plt.colorbar(im, ax=ax, label="loss after training (nan: white)")
    return ax


def plot_singular_values(spectra, ax=None):
    """spectra: {label: (depths, (len(depths), n) singular values)}; min/median/max, log axis."""
    ax = _axes(ax)
    for label, (depths, sv) in spectra.items():
        sv = np.asarray(sv)
        line, = ax.plot(depths, np.median(sv, axis=1), label=f"{label} median")
        ax.fill_between(depths, sv.min(axis=1), sv.max(axis=1), color=line.get_color(), alpha=0.2)
    ax.set_yscale("log")
    ax.set_xlabel("number of matrices multiplied")
    ax.set_ylabel("singular values (min to max)")
    ax.legend(fontsize=7)
    return ax
