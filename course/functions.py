"""Test functions with known gradients, passed to a student's gradient checker.

They are plain classes holding arrays, so a grader can rebuild them in another process.
"""

from __future__ import annotations

import numpy as np


class Cubic:
    """f(x) = sum(a * x**3 + b * x**2 + c * x), elementwise coefficients shaped like x."""

    def __init__(self, a, b, c):
        self.a, self.b, self.c = a, b, c

    def __call__(self, x):
        return float(np.sum(self.a * x**3 + self.b * x**2 + self.c * x))

    def grad(self, x):
        return 3 * self.a * x**2 + 2 * self.b * x + self.c


class CubicValue:
    """The f of Cubic, values only: what a gradient checker under test is given."""

    def __init__(self, a, b, c):
        self.a, self.b, self.c = a, b, c

    def __call__(self, x):
        return float(np.sum(self.a * x**3 + self.b * x**2 + self.c * x))


class Quadratic:
    """f(x) = 0.5 * x . (A x) + b . x for a flat x (n,); grad = (A + A.T) x / 2 + b."""

    def __init__(self, A, b):
        self.A, self.b = A, b

    def __call__(self, x):
        return float(0.5 * x @ self.A @ x + self.b @ x)

    def grad(self, x):
        return 0.5 * (self.A + self.A.T) @ x + self.b


class Coupled:
    """f = 0.5 z . H z, z the params' vectors laid end to end (sizes {key: n}): unlike a
    optimiser's test Quadratic (course.reference.optim), each key's gradient depends on every key."""

    def __init__(self, H, sizes):
        self.H, self.sizes = H, sizes

    def _z(self, params):
        return np.concatenate([np.ravel(params[k]) for k in self.sizes])

    def loss(self, params):
        z = self._z(params)
        return float(0.5 * z @ (self.H @ z))

    def grad(self, params):
        g, out, i = self.H @ self._z(params), {}, 0
        for k, n in self.sizes.items():
            out[k], i = g[i:i + n], i + n
        return out
