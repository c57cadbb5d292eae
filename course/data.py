"""Small synthetic data sets, generated with an explicit rng: nothing is downloaded."""

from __future__ import annotations

import numpy as np


def spirals(n_per_class=100, n_classes=3, noise=0.2, rng=None):
    """Interleaved spirals in 2-D: X (n_per_class * n_classes, 2), y (same,) int labels."""
    rng = np.random.default_rng(0) if rng is None else rng
    n = n_per_class * n_classes
    X = np.zeros((n, 2))
    y = np.zeros(n, dtype=np.int64)
    for c in range(n_classes):
        r = np.linspace(0.0, 1.0, n_per_class)
        t = np.linspace(c * 4.0, (c + 1) * 4.0, n_per_class) + rng.normal(0, noise, n_per_class)
        idx = slice(c * n_per_class, (c + 1) * n_per_class)
        X[idx] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[idx] = c
    return X, y


def gaussian_blobs(n=200, n_classes=2, dim=2, spread=1.0, rng=None):
    """Classes around random centres: X (n, dim), y (n,)."""
    rng = np.random.default_rng(0) if rng is None else rng
    centres = rng.normal(0, 3.0, size=(n_classes, dim))
    y = rng.integers(0, n_classes, size=n)
    X = centres[y] + spread * rng.normal(size=(n, dim))
    return X, y
