"""Grade every submission of a module in sandboxed workers, into nbgrader's gradebook.

Reads SUBMITTED_DIR/<student>/<module>/<module>.ipynb (nbgrader's layout; default
./submitted under the course root) and writes autograded/<student>/<module>/, reports/<module>/
(<student>.json, <student>.html, grades.csv) and gradebook.db. Interrupted runs resume:
submissions already graded (same file, same source) are not graded again.

examples:
  course grade 02
  course grade 02 submitted --jobs 2 --timeout 60 --memory 2048
  course grade 02 --fixes      # feedback that starts with the fix of each failed task
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HELP = "grade a class's submissions (instructors)"


def add_arguments(p) -> None:
    p.add_argument("module", help="module id: 02, 02_backprop or backprop")
    p.add_argument("submitted", nargs="?", default=None,
                   help="nbgrader's submitted folder (default: submitted/ under the course root)")
    p.add_argument("--root", default=None,
                   help="where autograded/, reports/ and gradebook.db go (default: the current "
                        "folder if it holds nbgrader_config.py, else the course's own root)")
    p.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                   help="submissions graded in parallel (default: number of cores)")
    p.add_argument("--timeout", type=float, default=None,
                   help="wall-clock seconds per task and per cell (default: each task's own)")
    p.add_argument("--memory", type=int, default=1024, help="address-space limit of a worker, MB")
    p.add_argument("--no-gradebook", action="store_true", help="skip gradebook.db")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.add_argument("--fixes", action="store_true",
                   help="also search each failed task for a one-edit fix of the student's code "
                        "and lead its feedback with it (slower: about 0.2 s per failed task)")


def run(args) -> int:
    from autograder.batch import grade_class, summary
    from course import ROOT
    from course.cli import module_or_none

    module = module_or_none(args.module)
    if module is None:
        return 2
    # the course root: --root, else the current folder when it is an nbgrader course, else ours
    here = Path.cwd()
    root = Path(args.root).resolve() if args.root else \
        here if (here / "nbgrader_config.py").exists() else ROOT
    submitted = Path(args.submitted).resolve() if args.submitted else root / "submitted"
    if not submitted.is_dir():
        print(f"no folder {submitted}", file=sys.stderr)
        return 2
    if args.fixes:      # read by autograder.diagnose.repaired, in every grading process
        os.environ["COURSE_GRADE_FIXES"] = "1"
    try:
        result = grade_class(module.id, submitted, root, jobs=args.jobs, timeout=args.timeout,
                             memory_mb=args.memory, progress=not args.quiet,
                             gradebook=not args.no_gradebook)
    except OSError as e:   # e.g. a full disk: graded results already written are kept
        print(f"course grade: cannot write the results under {root}: {e.strerror or e} "
              f"({e.filename or ''}); free space and rerun: finished submissions resume",
              file=sys.stderr)
        return 1
    print(summary(module, result))
    print(f"grades: {result.csv}")
    if result.db_url:
        print(f"gradebook: {result.db_url}")
    for err in result.errors:
        print(f"course grade: {err}", file=sys.stderr)
    return 1 if result.errors else 0
