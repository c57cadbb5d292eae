"""Check your notebook: one line per task, then your score.

examples:
  course check 02                       # your working copy of module 02
  course check 02_backprop --task 2.3   # one task
  course check 02 --hint                # one more level of help per call, for failing tasks
  course check 02 --show-hints          # the levels you revealed, again (reveals nothing)
  course check 02 --notebook path/to/02_backprop.ipynb --json

The levels of help you revealed are kept in work/.course/hints.json (task -> level);
delete that file, or a task's entry, to hide them again.
Exit code 0 only with full marks; 1 otherwise; 2 if the notebook cannot be read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HELP = "grade your notebook for a module"


def add_arguments(p):
    p.add_argument("module", help="module id: 02 or 02_backprop")
    p.add_argument("--notebook", type=Path, help="notebook to grade (default: your working copy)")
    p.add_argument("--task", help="only this task, e.g. 2.3")
    p.add_argument("--json", action="store_true", help="print the verdicts as JSON")
    p.add_argument("--cell-timeout", type=float, default=60.0,
                   help="seconds each notebook cell may run (default 60)")
    p.add_argument("--hint", action="store_true",
                   help="reveal one more level of help for each failing task")
    p.add_argument("--show-hints", action="store_true",
                   help="show the levels of help you revealed, without revealing more")


def run(args) -> int:
    from autograder import selfcheck
    from autograder.tasks import UnknownModule, get_module
    from course import workspace

    try:
        module = get_module(args.module)
        if args.task:
            module.task(args.task)
    except (UnknownModule, KeyError) as e:
        print(f"course check: {e.args[0]}", file=sys.stderr)
        return 2
    path = args.notebook or workspace.notebook_path(module.id)
    if args.notebook is None and not path.exists():
        print(f"course check: no working copy at {path}; run `course start` first, "
              "or pass --notebook PATH", file=sys.stderr)
        return 2
    try:
        report = selfcheck.run(module, path.resolve(), args.task, cell_timeout=args.cell_timeout,
                               hint=args.hint)
    except selfcheck.UnusableInput as e:
        print(f"course check: {e}", file=sys.stderr)
        return 2
    show = args.hint or args.show_hints
    if args.json:
        print(json.dumps(report.to_json(), indent=1))
    else:
        print(f"{module.id}: {path}")
        for r in report.results:
            # r.help holds the levels revealed so far (the grading process saw to it)
            print(r.text(hint_level=len(r.help) if show else 0))
            if args.hint and not r.passed:
                if not r.levels:
                    print("    (this task has no levels of help: read its feedback above)")
                elif len(r.help) == r.levels:
                    print(f"    (all {r.levels} levels are shown above; there are no more)")
        if not show and any(not r.passed and r.levels for r in report.results):
            print(f"help: `course check {module.number} --hint` reveals one more level for each "
                  "failing task; `--show-hints` shows again the levels you revealed")
        if report.error:
            print(f"error: {report.error}")
        print(f"score: {report.score:g}/{report.max_score:g}")   # always the last line
    if args.notebook is None and not args.task:
        workspace.record_score(module.id, report.score, report.max_score)
    if report.error and not report.results:
        return 2
    return 0 if report.results and report.score == report.max_score else 1
