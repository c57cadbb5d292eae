"""This machine's single-thread matmul peak, the yardstick for the other benchmarks' GFLOP/s.

    python benchmarks/peak.py        # numpy float32/float64 (and torch's, when importable)

One BLAS thread (set before numpy loads). The peak is the best rate of square matmuls
n x n x n (2 n^3 flops) over a few sizes, in CPU time (median of batches). The BLAS kernel in use is printed:
OPENBLAS_CORETYPE, where the environment sets it, forces an older kernel and lowers the peak.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import time  # noqa: E402

import numpy as np  # noqa: E402

SIZES = (128, 256, 512, 1024)


def _rate(mm, a, b, flops, batch_seconds=0.02, batches=7):
    """Median GFLOP/s of mm(a, b) over `batches` timed batches of >= batch_seconds CPU time each.

    Batches and the median, not the best single call: on a shared virtual machine a single
    short timing can be under-counted."""
    mm(a, b)
    t0, k = time.process_time(), 0
    while time.process_time() - t0 < batch_seconds / 4:
        mm(a, b)
        k += 1
    k = max(1, int(4 * k))
    rates = []
    for _ in range(batches):
        t0 = time.process_time()
        for _ in range(k):
            mm(a, b)
        rates.append(k * flops / (time.process_time() - t0) / 1e9)
    return float(np.median(rates))


def numpy_peak(dtype="float32", sizes=SIZES):
    """{n: GFLOP/s} of numpy's a @ b for (n, n) matrices of `dtype`, one thread."""
    rng = np.random.default_rng(0)
    out = {}
    for n in sizes:
        a, b = (rng.standard_normal((n, n)).astype(dtype) for _ in range(2))
        out[n] = _rate(np.matmul, a, b, 2.0 * n**3)
    return out


def torch_peak(dtype="float32", sizes=SIZES):
    """The same for torch.mm, or None when torch is not importable."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(0)
    out = {}
    for n in sizes:
        a, b = (torch.randn(n, n, generator=g, dtype=getattr(torch, dtype)) for _ in range(2))
        out[n] = _rate(torch.mm, a, b, 2.0 * n**3)
    return out


def blas_kernel():
    """'openblas 0.3.x, kernel SkylakeX' from threadpoolctl, or what the environment says."""
    try:
        from threadpoolctl import threadpool_info

        info = [d for d in threadpool_info() if d.get("user_api") == "blas"]
        if info:
            d = info[0]
            return f"{d.get('internal_api')} {d.get('version')}, kernel {d.get('architecture')}"
    except ImportError:
        pass
    return f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')} (threadpoolctl absent)"


_PEAKS = {}


def peak(dtype="float32"):
    """numpy's single-thread peak GFLOP/s for `dtype` (measured once per process)."""
    if dtype not in _PEAKS:
        _PEAKS[dtype] = max(numpy_peak(dtype).values())
    return _PEAKS[dtype]


def main():
    print(f"== single-thread matmul peak, GFLOP/s (n x n x n, CPU time); BLAS: {blas_kernel()}")
    for dt in ("float32", "float64"):
        rates = numpy_peak(dt)
        _PEAKS[dt] = max(rates.values())
        line = "  ".join(f"n={n}: {r:6.1f}" for n, r in rates.items())
        print(f"  numpy {dt}: {line}  -> peak {_PEAKS[dt]:.1f}")
        t = torch_peak(dt)
        if t is not None:
            line = "  ".join(f"n={n}: {r:6.1f}" for n, r in t.items())
            print(f"  torch {dt}: {line}  -> peak {max(t.values()):.1f}")


if __name__ == "__main__":
    main()
