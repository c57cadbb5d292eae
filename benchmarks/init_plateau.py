"""Module 03: does Xavier's 30-layer ReLU net stay on its plateau, or only stay there long?

The notebook's experiment (four Gaussian blobs in 16-d, 30 ReLU layers of width 32, SGD with
lr 0.05, batches of 64, clip 1.0, init rng(1), batch rng(2)) continued to --steps steps, for
--seeds init seeds s (batch rng s + 1; s = 1 is the notebook's own run), with and without
clipping. A run "leaves the plateau" at the first step where the mean of the last 20 batch
losses drops below 0.9 ln 4 (chance level is ln 4), and "learns" where it drops below
ln 4 / 2.

Run: python benchmarks/init_plateau.py [--seeds 5] [--steps 1000]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from course.data import gaussian_blobs
from course.reference.init import full_loss, he_init, train, xavier_normal

LN4 = np.log(4)
WINDOW = 20


def data():
    """The notebook's data: 256 points, 4 classes, 16 dims, standardised."""
    X, y = gaussian_blobs(256, 4, 16, spread=2.0, rng=np.random.default_rng(0))
    return (X - X.mean(axis=0)) / X.std(axis=0), y


def build_net(sizes, init, rng):
    """As the notebook's build_net: W_l = init(fan_in, fan_out, rng), b_l = 0, in order."""
    params = {}
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        params[f"W{i}"] = init(fan_in, fan_out, rng)
        params[f"b{i}"] = np.zeros(fan_out)
    return params


def first_below(losses: np.ndarray, level: float) -> int | None:
    """First step where the running mean of WINDOW batch losses is below `level`, or None."""
    run = np.convolve(losses, np.ones(WINDOW) / WINDOW, mode="valid")
    below = np.flatnonzero(run < level)
    return int(below[0]) + WINDOW if below.size else None


def run(init, seed: int, steps: int, clip: float | None, X, y):
    """(steps where it left the plateau and learned, or None; full loss at 200 and `steps`)."""
    params = build_net([16] + [32] * 29 + [4], init, np.random.default_rng(seed))
    rng = np.random.default_rng(seed + 1)
    with np.errstate(all="ignore"):
        first = train(params, X, y, "relu", steps=200, lr=0.05, rng=rng, clip=clip)
        at200 = full_loss(params, X, y, "relu")
        rest = train(params, X, y, "relu", steps=steps - 200, lr=0.05, rng=rng, clip=clip)
    losses = np.concatenate([first, rest])
    return (first_below(losses, 0.9 * LN4), first_below(losses, LN4 / 2), at200,
            full_loss(params, X, y, "relu"))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--steps", type=int, default=1000)
    args = ap.parse_args()
    X, y = data()
    seeds = range(1, args.seeds + 1)
    print(f"30-layer ReLU, lr 0.05, {args.steps} steps; chance loss ln 4 = {LN4:.3f}; "
          f"first step whose mean of {WINDOW} batch losses is < {0.9 * LN4:.3f} (left) "
          f"and < {LN4 / 2:.3f} (learned); seeds {list(seeds)}")
    for name, init in (("Xavier", xavier_normal), ("He", he_init)):
        for clip in (1.0, None):
            t0 = time.perf_counter()
            rows = [run(init, s, args.steps, clip, X, y) for s in seeds]
            left, learned = [r[0] for r in rows], [r[1] for r in rows]
            print(f"{name:6s} clip {clip!s:4s}: left the plateau on "
                  f"{sum(s is not None for s in left)}/{len(rows)} seeds, at steps {left}; "
                  f"learned at {learned}; full loss after 200 steps "
                  f"{[round(float(r[2]), 3) for r in rows]}, after {args.steps} "
                  f"{[round(float(r[3]), 3) for r in rows]} ({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
