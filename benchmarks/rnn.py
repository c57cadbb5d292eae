"""Module 05 numbers: notebook time, `course check 05` time per task, verdict stability.

Run: python benchmarks/rnn.py [--skip-notebook]
- the solution notebook executed end to end (target < 120 s);
- grade_solution("05"), what `course check 05` runs (target < 30 s), and each task (< 3 s);
- every task's verdict on the reference and on every catalogued mistake for grader seeds
  0..9, and the margins of the behavioural check: the worst LSTM accuracy that passes and
  the best accuracy of the reference RNN at the same distance and budget, against 0.9.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograder.catalogue import scenarios
from autograder.checks import rnn as checks
from autograder.tasks import get_module, run_task
from autograder.testing import grade_solution, load_solution
from course import ROOT
from course.reference import sequence_tasks as seq

SEEDS = range(10)


def notebook_seconds() -> float:
    from course.build import write_source_notebook

    path = write_source_notebook("05_rnn")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "jupyter"), "nbconvert", "--to", "notebook",
                        "--execute", str(path), "--output", str(Path(tmp) / "out.ipynb")],
                       check=True, capture_output=True, cwd=ROOT)
        return time.perf_counter() - t0


def per_seed(task, namespace, seed):
    return run_task(dataclasses.replace(task, seeds=(seed,), hidden_seeds=()), namespace)


def main() -> None:
    if "--skip-notebook" not in sys.argv:
        print(f"solution notebook: {notebook_seconds():.1f} s wall (target < 120 s)")

    t0, c0 = time.perf_counter(), time.process_time()
    results = grade_solution("05")
    print(f"grade_solution('05'): {time.perf_counter() - t0:.1f} s wall, "
          f"{time.process_time() - c0:.1f} s CPU (target < 30 s)")
    for r in results.values():
        print(f"  {r.task} {r.name:16s} {'PASS' if r.passed else 'FAIL'} {r.seconds:6.2f} s (target < 3 s)")

    module = get_module("05")
    ref_ns = load_solution("05").namespace
    print("\nreference, grader seeds 0..9:")
    for task in module.tasks:
        verdicts = [per_seed(task, ref_ns, s).passed for s in SEEDS]
        print(f"  {task.id} {task.name:16s} passes {sum(verdicts)}/10")

    print("\ncatalogued mistakes, grader seeds 0..9 (fails its task with its hint):")
    for sc in scenarios("05"):
        ns = load_solution("05", sc.replace).namespace
        task = module.task(sc.task)
        res = [per_seed(task, ns, s) for s in SEEDS]
        caught = sum((not r.passed) and sc.hint in r.text() for r in res)
        print(f"  {sc.task} {sc.name:36s} caught with hint {caught}/10")

    lstm_fn = ref_ns["lstm_classifier_loss"]
    t0 = time.process_time()
    lstm = [checks.recall_accuracy(lstm_fn, s) for s in SEEDS]
    cpu = (time.process_time() - t0) / len(SEEDS)
    rnn = [checks.recall_accuracy(seq.rnn_classifier_loss, s, cell="rnn") for s in SEEDS]
    thr = checks.RECALL_ACCURACY
    print(f"\nrecall at T = {checks.RECALL['T']} ({checks.RECALL['steps']} steps), threshold {thr}:")
    print(f"  LSTM (reference) accuracies {[round(a, 3) for a in lstm]}; worst {min(lstm):.3f}, "
          f"margin {min(lstm) - thr:+.3f}; {cpu:.2f} s CPU per training")
    print(f"  RNN (reference)  accuracies {[round(a, 3) for a in rnn]}; best {max(rnn):.3f}, "
          f"margin {thr - max(rnn):+.3f} below the threshold")


if __name__ == "__main__":
    main()
