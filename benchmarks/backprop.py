"""Module 02 numbers: notebook time, `course check` time, per-check time, verdict margins.

    python benchmarks/backprop.py
"""

from __future__ import annotations

import numpy as np
from common import slowest_checks, time_course_check, time_notebook

from course.data import spirals
from course.isolation import isolated  # noqa: F401  (documents that training uses the reference)
from course.reference import nn


def training_accuracy(seed: int) -> float:
    """The quantity check_training thresholds at 0.90: the reference train_mlp's accuracy."""
    from autograder.testing import load_solution

    ns = load_solution("02").namespace
    X, y = spirals(100, 3, 0.15, rng=np.random.default_rng(seed))
    params, _ = ns["train_mlp"](X, y, [2, 64, 3], np.random.default_rng(seed))
    return nn.accuracy(nn.mlp_forward(params, X)[0], y)


def main() -> None:
    print(f"solution notebook end to end: {time_notebook('02_backprop'):.1f} s (limit 60 s)")
    secs, last = time_course_check("02")
    print(f"course check 02 on the solution: {secs:.1f} s, {last} (limit 15 s)")
    for task, s in slowest_checks("02"):
        print(f"  check {task}: {s:.2f} s (3 seeds; limit 2 s)")
    accs = [training_accuracy(s) for s in range(10)]
    print(f"2.8 training accuracy over seeds 0-9: worst {min(accs):.3f}, best {max(accs):.3f} "
          "(threshold 0.90)")


if __name__ == "__main__":
    main()
