"""Numerical gradients by centred differences, and the relative error to compare them.

The centred difference (f(x + h) - f(x - h)) / 2h is accurate to O(h^2); the one-sided
(f(x + h) - f(x)) / h only to O(h). In float64, h = 1e-6 balances that error
against rounding.
"""

from __future__ import annotations

import numpy as np


def numerical_gradient(f, x, h=1e-6):
    """Gradient of the scalar f at x (any shape), one coordinate at a time. x is restored."""
    grad = np.zeros_like(x, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        fp = f(x)
        x[i] = old - h
        fm = f(x)
        x[i] = old
        grad[i] = (fp - fm) / (2 * h)
    return grad


def numerical_gradient_array(f, x, dout, h=1e-6):
    """Gradient of sum(f(x) * dout): the vector-Jacobian product a backward pass computes."""
    return numerical_gradient(lambda z: float(np.sum(f(z) * dout)), x, h)


def rel_error(a, b):
    """max |a - b| / max(1e-8, |a| + |b|), the usual scale-free error."""
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
