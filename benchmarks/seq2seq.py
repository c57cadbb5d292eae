"""Benchmark of module 06 (sequence to sequence): run `python benchmarks/seq2seq.py [parts]`.

parts (default all): padding curves throughput grading stability notebook
- padding: fraction of padded cells with and without bucketing;
- curves: held-out exact match against training time, reversal (>= 98% in < 60 s) and dates
  (>= 95% in < 120 s), no attention;
- throughput: training tokens per second (forward + backward) of the numpy model, float64 and
  float32 (seq2seq_init(dtype=...)), and of the same model in PyTorch in the same dtype
  (skipped when torch is not importable; run this part with an interpreter that has torch,
  e.g. a separate venv: the course never depends on it); each numpy figure also as GFLOP/s
  against this machine's single-thread matmul peak (benchmarks/peak.py);
- grading: `course check 06` time (grade_solution) and each task's time;
- stability: verdicts of the reference and of known mistakes across 10 grader seeds, with
  margins (worst passing metric and best failing metric against the threshold);
- notebook: the solution notebook executed end to end.
BLAS runs single-threaded (set below, before numpy loads) so timings compare like for like;
training budgets and throughput use CPU time (time.process_time) because the machine is shared.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))      # so a torch-only venv can import the course package

import numpy as np  # noqa: E402

from course.reference import seq2seq as S  # noqa: E402

# ----------------------------------------------------------------------------- data

def task_data(name, n_train, n_test, seed=0, **kw):
    """Ids of a training and a held-out set, and the vocabulary size."""
    src, tgt = S.make_task(name, n_train, np.random.default_rng(seed), **kw)
    hs, ht = S.make_task(name, n_test, np.random.default_rng(seed + 12345), **kw)
    every = S.make_task(name, 5000, np.random.default_rng(999), **kw)
    stoi, itos = S.make_vocab(every[0] + every[1])
    return S.encode_pairs(src, tgt, stoi), S.encode_pairs(hs, ht, stoi), len(itos)


def padding():
    print("== padding fraction of the source, one epoch, batch size 32")
    for name, kw in [("reverse", dict(min_len=1, max_len=15)), ("date", {}), ("add", {})]:
        (s, t), _, _ = task_data(name, 4000, 10, **kw)
        for bucket in (False, True):
            b = S.make_batches(s, t, 32, np.random.default_rng(0), bucket=bucket)
            print(f"  {name:8s} bucket={bucket!s:5s} source {S.padding_fraction(b, 'src'):6.1%}"
                  f"  target {S.padding_fraction(b, 'tgt'):6.1%}")


# ----------------------------------------------------------------------------- curves

def train_for(name, seconds, target, H, E, batch_size, lr, eval_every=5.0, seed=0, **kw):
    """Adam with a cosine-decayed lr over the time budget; exact match every eval_every s."""
    (s, t), (hs, ht), V = task_data(name, 50000, 1000, seed=seed, **kw)
    rng = np.random.default_rng(seed)
    params = S.seq2seq_init(V, V, E, H, rng)
    state = S.adam_init(params)
    train_time, next_eval, step, curve, reached = 0.0, eval_every, 0, [], None
    while train_time < seconds:
        for b in S.make_batches(s, t, batch_size, rng, bucket=True):
            t0 = time.process_time()
            _, grads = S.seq2seq_loss(params, b["src"], b["src_mask"], b["tgt"], b["tgt_mask"])
            grads, _ = S.clip_grad_norm(grads, 5.0)
            frac = min(train_time / seconds, 1.0)
            S.adam_step(params, grads, state, lr * (0.1 + 0.9 * 0.5 * (1 + np.cos(np.pi * frac))))
            train_time += time.process_time() - t0
            step += 1
            if train_time >= next_eval or train_time >= seconds:
                exact, token = S.evaluate(params, hs, ht)
                curve.append((round(train_time, 1), step, exact, token))
                print(f"    {train_time:6.1f} s  step {step:5d}  exact {exact:6.1%}  "
                      f"token {token:6.1%}", flush=True)
                if reached is None and exact >= target:
                    reached = train_time
                next_eval += eval_every
            if train_time >= seconds:
                break
    return curve, reached


def curves():
    print("== reversal, lengths 3-8 over 10 symbols, held-out exact match against training "
          "time (budget 60 s, target 98%)")
    _, r = train_for("reverse", 60, 0.98, H=64, E=32, batch_size=64, lr=0.01,
                     min_len=3, max_len=8, n_symbols=10)
    print(f"  reversal: 98% reached after {r} s of training" if r else "  reversal: 98% NOT reached")
    print("== dates, 5 written formats -> ISO, no attention (budget 120 s, target 95%)")
    _, r = train_for("date", 120, 0.95, H=96, E=32, batch_size=64, lr=0.01, eval_every=10.0)
    print(f"  dates: 95% reached after {r} s of training" if r else "  dates: 95% NOT reached")


# ----------------------------------------------------------------------------- throughput

def _batch(N=64, seed=0):
    (s, t), _, V = task_data("reverse", N, 1, seed=seed, min_len=3, max_len=8, n_symbols=10)
    src, sm = S.pad_batch(s)
    tgt, tm = S.pad_batch(t)
    return src, sm, tgt, tm, V


def _tokens(sm, tm):
    return int(sm.sum() + tm.sum())


def step_flops(E, H, N, S_len, T_len, V):
    """Matmul flops of one forward + backward: 2 per multiply-add, backward twice the forward.

    Each LSTM step (padded ones too) multiplies (N, E + H) by (E + H, 4H); the output layer
    (N * T, H) by (H, V)."""
    return 6 * N * ((S_len + T_len) * (E + H) * 4 * H + T_len * H * V)


def numpy_throughput(E, H, N, reps=20, dtype="float64"):
    """(tokens/s, GFLOP/s) of seq2seq_loss, forward + backward, in CPU time (median of 5 runs)."""
    src, sm, tgt, tm, V = _batch(N)
    params = S.seq2seq_init(V, V, E, H, np.random.default_rng(0), dtype=getattr(np, dtype))
    S.seq2seq_loss(params, src, sm, tgt, tm)
    rates = []
    for _ in range(5):
        t0 = time.process_time()
        for _ in range(reps):
            S.seq2seq_loss(params, src, sm, tgt, tm)
        rates.append(reps / (time.process_time() - t0))
    steps = float(np.median(rates))
    return steps * _tokens(sm, tm), steps * step_flops(E, H, N, src.shape[1], tgt.shape[1], V) / 1e9


def torch_throughput(E, H, N, reps=20, dtype="float64"):
    import torch
    from torch import nn

    torch.set_num_threads(1)
    torch.manual_seed(0)
    dt = getattr(torch, dtype)
    src, sm, tgt, tm, V = _batch(N)

    class Seq2Seq(nn.Module):
        """Embeddings, a masked LSTMCell encoder, an nn.LSTM decoder, a linear projection."""

        def __init__(self):
            super().__init__()
            self.E_src, self.E_tgt = nn.Embedding(V, E), nn.Embedding(V, E)
            self.enc, self.dec = nn.LSTMCell(E, H), nn.LSTM(E, H, batch_first=True)
            self.out = nn.Linear(H, V)

        def forward(self, src, sm, dec_in, tgt, tm):
            x = self.E_src(src)
            h = c = torch.zeros(src.shape[0], H, dtype=x.dtype)
            for t in range(src.shape[1]):
                hn, cn = self.enc(x[:, t], (h, c))
                m = sm[:, t, None]
                h, c = torch.where(m, hn, h), torch.where(m, cn, c)
            y, _ = self.dec(self.E_tgt(dec_in), (h[None], c[None]))
            nll = nn.functional.cross_entropy(self.out(y).reshape(-1, V), tgt.reshape(-1),
                                              reduction="none")
            return (nll * tm.reshape(-1)).sum() / tm.sum()

    model = Seq2Seq().to(dt)
    args = [torch.as_tensor(a) for a in (src, sm, S.shift_right(tgt), tgt)]
    args.append(torch.as_tensor(tm, dtype=dt))

    def step():
        model.zero_grad()
        model(*args).backward()

    step()
    rates = []
    for _ in range(5):
        t0 = time.process_time()
        for _ in range(reps):
            step()
        rates.append(reps / (time.process_time() - t0))
    return float(np.median(rates)) * _tokens(sm, tm)


def throughput():
    from peak import blas_kernel, peak

    print("== training throughput, tokens (source + target) per second, forward + backward, "
          "one thread, batch 64, reversal lengths 3-8; CPU time, median of 5")
    print(f"   BLAS: {blas_kernel()}; matmul peak float64 {peak('float64'):.1f}, float32 "
          f"{peak('float32'):.1f} GFLOP/s (benchmarks/peak.py)")
    try:
        import torch  # noqa: F401
    except ImportError:
        torch = None
        print("  torch is not importable here: skipping the PyTorch comparison")
    for E, H in [(16, 32), (32, 64), (32, 128), (64, 256)]:
        print(f"  E={E:3d} H={H:3d}", flush=True)
        for dt in ("float64", "float32"):
            n, gf = numpy_throughput(E, H, 64, dtype=dt)
            line = (f"    {dt}: numpy {n:8.0f} tok/s, {gf:5.1f} GFLOP/s = {gf / peak(dt):4.0%} of "
                    "peak")
            if torch is not None:
                tt = torch_throughput(E, H, 64, dtype=dt)
                line += f" | torch {tt:8.0f} tok/s | numpy/torch {n / tt:.2f}"
            print(line, flush=True)


# ----------------------------------------------------------------------------- grading

def grading():
    from autograder.testing import grade_solution

    print("== course check 06 on the reference (grade_solution, visible + hidden seeds)")
    t0, w0 = time.process_time(), time.perf_counter()
    res = grade_solution("06")
    total, wall = time.process_time() - t0, time.perf_counter() - w0
    for r in res.values():
        print(f"  {r.task:5s} {r.name:22s} {'PASS' if r.passed else 'FAIL'} {r.seconds:6.2f} s")
    print(f"  total {total:.1f} s CPU, {wall:.1f} s wall (per-task times above are wall)")


def stability():
    from autograder.checks import seq2seq as C
    from autograder.result import CheckFailed
    from autograder.tasks import isolated
    from autograder.testing import load_solution

    print("== verdicts across 10 grader seeds (reference must pass every one)")
    ns = load_solution("06").namespace
    for task in C.MODULE.tasks:
        fns = isolated(tuple(ns[n] for n in task.needs), task.isolate)
        fails, times = [], []
        for seed in range(10):
            t0 = time.process_time()
            try:
                task.check(*fns, seed=seed)
            except CheckFailed as e:
                fails.append((seed, e.summary))
            times.append(time.process_time() - t0)
        print(f"  {task.id:5s} {task.name:22s} {10 - len(fails):2d}/10 pass, "
              f"max {max(times):.2f} s per seed {fails if fails else ''}", flush=True)
    print("== margins")
    train = isolated((ns["train_seq2seq"],), C.MODULE.task("6.11").isolate)[0]
    accs = [C.trained_exact_match(train, seed)[0] for seed in range(10)]
    print(f"  6.11 reference exact match over 10 seeds: min {min(accs):.3f} mean "
          f"{np.mean(accs):.3f} (threshold {C.TRAIN_THRESHOLD})")
    broken = load_solution("06", {"            adam_step(params, grads, state, lr)\n":
                                  "            pass\n"}).namespace
    bt = isolated((broken["train_seq2seq"],), C.MODULE.task("6.11").isolate)[0]
    baccs = [C.trained_exact_match(bt, seed)[0] for seed in range(3)]
    print(f"  6.11 no-update mistake: best exact match {max(baccs):.3f} (threshold "
          f"{C.TRAIN_THRESHOLD})")
    margins = []
    for seed in range(10):
        rng = np.random.default_rng(seed)
        params, V = C._decoding_model(rng)
        for s in C._beam_cases(rng, params, V, 3, 6):
            margins.append(C.beam_margin(S.beam_search, params, s, 3, 6))
    print(f"  6.9 beam - greedy normalised score: min {min(margins):.3g} over "
          f"{len(margins)} cases (must be >= 0)")
    pads = []
    for seed in range(10):
        rng = np.random.default_rng(seed)
        src = C._random_seqs(rng, 40, 0, 11, 15)
        tgt = C._random_seqs(rng, 40, 0, 7, 15)
        pads.append((C.loader_padding(S.make_batches, src, tgt, 5, seed, True),
                     C.loader_padding(S.make_batches, src, tgt, 5, seed, False)))
    worst = max(b / p for b, p in pads)
    print(f"  6.3 bucketed / unbucketed padding: worst {worst:.2f} (threshold 0.5)")


def notebook():
    print("== solution notebook, executed end to end")
    from course.build import write_source_notebook

    path = write_source_notebook("06_seq2seq")
    t0 = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "jupyter"), "nbconvert", "--to", "notebook",
                    "--execute", str(path), "--output", "/tmp/06_bench.ipynb",
                    "--ExecutePreprocessor.timeout=600"], check=True, capture_output=True)
    print(f"  {time.perf_counter() - t0:.1f} s wall time (the machine's load included)")


PARTS = {"padding": padding, "curves": curves, "throughput": throughput, "grading": grading,
         "stability": stability, "notebook": notebook}

if __name__ == "__main__":
    for part in sys.argv[1:] or list(PARTS):
        PARTS[part]()
