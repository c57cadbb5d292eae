"""Module 03 numbers: trainability verdicts and margins over 10 seeds, task times, notebook time.

Run: python benchmarks/init.py [--seeds 10] [--no-notebook]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from autograder.checks import init as checks
from autograder.testing import grade_solution
from course import ROOT
from course.reference import init as ref

LN_C = np.log(checks.C)
TRAIN = checks.TRAIN_FRACTION * LN_C
STALL = checks.STALL_FRACTION * LN_C

# (name, initialiser, activation, config, should it train?)
CASES = [
    ("tanh-20 gaussian 1/sqrt(fan_in)", lambda a, b, r: ref.gaussian_init(a, b, a ** -0.5, r),
     "tanh", checks.TANH, True),
    ("tanh-20 xavier_normal", ref.xavier_normal, "tanh", checks.TANH, True),
    ("tanh-20 xavier_uniform", ref.xavier_uniform, "tanh", checks.TANH, True),
    ("tanh-20 gaussian std 0.01", lambda a, b, r: ref.gaussian_init(a, b, 0.01, r),
     "tanh", checks.TANH, False),
    ("relu-30 he", ref.he_init, "relu", checks.RELU, True),
    # correct He draws the reference does not make: one net in about 25 stalls, hence the
    # check's second net (the verdict below is the check's: one of two nets must train)
    ("relu-30 he drawn transposed", lambda a, b, r: ref.gaussian_init(b, a, (2 / a) ** 0.5, r).T,
     "relu", checks.RELU, True),
    ("relu-30 he uniform", lambda a, b, r: ref.uniform_init(a, b, (6 / a) ** 0.5, r),
     "relu", checks.RELU, True),
    ("relu-30 xavier called he", lambda a, b, r: ref.gaussian_init(a, b, a ** -0.5, r),
     "relu", checks.RELU, False),
]


def trainability(seeds):
    print(f"trainability: pass below {TRAIN:.3f} (= {checks.TRAIN_FRACTION} ln {checks.C}); "
          f"the tiny init must stay above {STALL:.3f}, a fake He above {TRAIN:.3f}")
    ok = True
    for name, fn, act, cfg, trains in CASES:
        losses, secs, cpu, extra, stalls = [], [], [], [], 0
        for s in seeds:
            t0, c0 = time.perf_counter(), time.process_time()
            loss, init, X, y = checks.trainability(fn, act, cfg, s)
            secs.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            if trains and not loss < TRAIN:      # the check's second net
                stalls += 1
                loss = checks.trainability(fn, act, cfg, s, stream=1)[0]
            elif not trains and act == "relu":   # a second net must not train either
                loss = min(loss, checks.trainability(fn, act, cfg, s, stream=1)[0])
            losses.append(loss)
            if not trains and act == "tanh":
                extra.append(float(ref.grad_norms(init, X, y, act).max()))
            if not trains and act == "relu":
                extra.append(checks.predicted_factor(init, act))
        losses = np.array(losses)
        if trains:
            verdict = bool(np.all(losses < TRAIN))
            margin = f"worst passing loss {losses.max():.3f} vs threshold {TRAIN:.3f}"
        else:
            limit = STALL if act == "tanh" else TRAIN
            verdict = bool(np.all(losses > limit))
            margin = f"best failing loss {losses.min():.3f} vs threshold {limit:.3f}"
        ok &= verdict
        more = ""
        if extra and act == "tanh":
            more = f"; largest grad norm at init {max(extra):.1e} (limit {checks.VANISHED:g})"
        elif extra:
            more = f"; predicted per-layer factor {min(extra):.3f}..{max(extra):.3f}"
        if stalls:
            more += f"; the first net stalled on {stalls} seed(s), the second trained"
        print(f"  {name:34s} {'same verdict' if verdict else 'VERDICT CHANGES'} on "
              f"{len(seeds)} seeds; {margin}; time per run median {np.median(secs):.2f} s, "
              f"max {max(secs):.2f} s (cpu max {max(cpu):.2f} s){more}")
    return ok


def sign_balance(seeds):
    """3.5's uniformity check: the mean sign of the diagonal over 64 square draws."""
    def qr(fix):
        def init(a, b, rng, gain=1.0):
            q, r = np.linalg.qr(rng.normal(size=(max(a, b), min(a, b))))
            q = q * np.sign(np.diag(r if fix == "r" else q)) if fix else q
            return gain * (q if a >= b else q.T)
        return init

    def polar(a, b, rng, gain=1.0):
        u, _, vt = np.linalg.svd(rng.normal(size=(max(a, b), min(a, b))), full_matrices=False)
        return gain * (u @ vt if a >= b else (u @ vt).T)

    print(f"3.5 sign balance (fails above {checks.SIGN_LIMIT}):")
    for name, fn, right in (("reference", ref.orthogonal_init, True), ("polar factor", polar, True),
                            ("signs from q", qr("q"), False), ("no sign fix", qr(None), False)):
        v = np.abs([checks.sign_balance(fn, s) for s in seeds])
        print(f"  {name:14s} {'worst passing' if right else 'best failing'} "
              f"{(v.max() if right else v.min()):.3f}")


def column_kurtosis(seeds):
    """3.5's Gaussian-draw check: E[x^4] of the first columns, scaled to length sqrt(n)."""
    def drawn(draw):
        def init(a, b, rng, gain=1.0):
            q, r = np.linalg.qr(draw(rng, (max(a, b), min(a, b))))
            q = q * np.sign(np.diag(r))
            return gain * (q if a >= b else q.T)
        return init

    def polar(a, b, rng, gain=1.0):
        u, _, vt = np.linalg.svd(rng.normal(size=(max(a, b), min(a, b))), full_matrices=False)
        return gain * (u @ vt if a >= b else (u @ vt).T)

    lo, hi = checks.KURT_BAND
    print(f"3.5 column kurtosis (passes within {lo} to {hi}):")
    for name, fn, right in (
            ("reference", ref.orthogonal_init, True), ("polar factor", polar, True),
            ("QR of uniform", drawn(lambda r, s: r.uniform(-1, 1, s)), False),
            ("QR of rng.random", drawn(lambda r, s: r.random(s)), False),
            ("QR of integers", drawn(lambda r, s: r.integers(-3, 4, s).astype(float)), False),
            ("QR of laplace", drawn(lambda r, s: r.laplace(size=s)), False)):
        v = np.array([checks.column_kurtosis(fn, s) for s in seeds])
        if right:
            print(f"  {name:16s} worst passing {v.min():.3f} .. {v.max():.3f}")
        else:
            print(f"  {name:16s} best failing {v.max() if v.max() < lo else v.min():.3f}")


def task_times():
    t0 = time.perf_counter()
    results = grade_solution("03")
    wall = time.perf_counter() - t0
    total = sum(r.seconds for r in results.values())
    print("grade_solution('03') (visible + hidden seeds, what `course check 03` will run):")
    for r in results.values():
        print(f"  {r.task} {r.name:18s} {'PASS' if r.passed else 'FAIL'} {r.seconds:6.2f} s")
    print(f"  sum of task times {total:.1f} s (budget 30 s); wall incl. loading {wall:.1f} s")


def notebook_time():
    from course.build import write_source_notebook

    src = write_source_notebook("03_init")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "03_out.ipynb"
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook",
                               "--execute", str(src), "--output", str(out)],
                              capture_output=True, text=True, cwd=ROOT)
        dt = time.perf_counter() - t0
    status = "ok" if proc.returncode == 0 else "FAILED\n" + proc.stderr[-2000:]
    print(f"solution notebook end to end: {dt:.1f} s (budget 90 s) {status}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--no-notebook", action="store_true")
    args = ap.parse_args()
    ok = trainability(list(range(args.seeds)))
    sign_balance(list(range(args.seeds)))
    column_kurtosis(list(range(args.seeds)))
    task_times()
    if not args.no_notebook:
        notebook_time()
    print("all verdicts stable" if ok else "SOME VERDICTS CHANGE")


if __name__ == "__main__":
    main()
