"""MLP training step of course.reference.nn against PyTorch, one thread: `python benchmarks/mlp.py`.

A step is what module 02's and 03's training loops do: mlp_forward, softmax_cross_entropy,
mlp_backward, sgd_step. PyTorch (skipped when not importable; run with an interpreter that
has it, e.g. a separate venv: the course never depends on it) runs the same network as an
nn.Sequential with cross_entropy, backward and torch.optim.SGD. Times are CPU time per step,
the median of 5 batches; ratios are numpy time / torch time (below 1: numpy is faster).
GFLOP/s counts the matmuls (2 per multiply-add; backward twice the forward less the
input's gradient, which neither computes) against benchmarks/peak.py's peak.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # for a torch-only venv

import numpy as np  # noqa: E402
from peak import blas_kernel, peak  # noqa: E402

from course.reference import nn  # noqa: E402

# (label, layer sizes, activation, batch): the course's nets, then two larger ones
CASES = [("2-100-3", [2, 100, 3], "relu", 32),
         ("2-100-100-3", [2, 100, 100, 3], "relu", 32),
         ("tanh-20 w64", [16] + [64] * 19 + [4], "tanh", 64),
         ("ReLU-30 w32", [16] + [32] * 29 + [4], "relu", 64),
         ("64-256-10", [64, 256, 10], "relu", 128),
         ("784-512-512-10", [784, 512, 512, 10], "relu", 128)]


def step_flops(sizes, N):
    macs = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    return 2 * N * (3 * macs - sizes[0] * sizes[1])


def _per_step(step, seconds=0.05, batches=5):
    """Median CPU seconds of step() over `batches` batches of >= `seconds` each."""
    step()
    t0, k = time.process_time(), 0
    while time.process_time() - t0 < seconds / 4:
        step()
        k += 1
    k = max(1, 4 * k)
    times = []
    for _ in range(batches):
        t0 = time.process_time()
        for _ in range(k):
            step()
        times.append((time.process_time() - t0) / k)
    return float(np.median(times))


def numpy_step_time(sizes, activation, N, dtype="float64", lr=0.01):
    rng = np.random.default_rng(0)
    params = nn.mlp_init(sizes, rng, dtype=getattr(np, dtype))
    x = rng.normal(size=(N, sizes[0])).astype(dtype)
    y = rng.integers(0, sizes[-1], size=N)

    def step():
        scores, caches = nn.mlp_forward(params, x, activation)
        _, dscores = nn.softmax_cross_entropy(scores, y)
        nn.sgd_step(params, nn.mlp_backward(dscores, caches, activation), lr)

    return _per_step(step)


def torch_step_time(sizes, activation, N, dtype="float64", lr=0.01):
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(0)
    dt = getattr(torch, dtype)
    layers = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(torch.nn.Linear(a, b))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU() if activation == "relu" else torch.nn.Tanh())
    model = torch.nn.Sequential(*layers).to(dt)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    x = torch.randn(N, sizes[0], dtype=dt)
    y = torch.randint(0, sizes[-1], (N,))

    def step():
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        opt.step()

    return _per_step(step)


def main():
    print("== MLP training step (forward, loss, backward, SGD), one thread, CPU time per step")
    print(f"   BLAS: {blas_kernel()}; matmul peak float64 {peak('float64'):.1f}, float32 "
          f"{peak('float32'):.1f} GFLOP/s")
    try:
        import torch  # noqa: F401
    except ImportError:
        torch = None
        print("  torch is not importable here: skipping the PyTorch comparison")
    for label, sizes, act, N in CASES:
        t32 = torch_step_time(sizes, act, N, "float32") if torch is not None else None
        for dt in ("float64", "float32"):
            t = numpy_step_time(sizes, act, N, dt)
            gf = step_flops(sizes, N) / t / 1e9
            line = (f"  {label:15s} N={N:3d} {dt}: numpy {t * 1e6:8.1f} us, {gf:6.1f} GFLOP/s = "
                    f"{gf / peak(dt):4.0%} of peak")
            if torch is not None:
                tt = t32 if dt == "float32" else torch_step_time(sizes, act, N, dt)
                line += (f" | torch {tt * 1e6:8.1f} us | numpy/torch time {t / tt:.2f}"
                         f" (vs torch float32 {t / t32:.2f})")
            print(line, flush=True)


if __name__ == "__main__":
    main()
