"""Start a module's exercise over: put the released notebook back in your working folder.

Your version is never deleted: it is renamed NAME.backup-<date>-<time>.ipynb beside the
fresh copy. Close the notebook in JupyterLab first (or reload it from disk afterwards).
The levels of help you revealed are kept (see `course check --help`).

examples:
  course reset 02
  course reset 02_backprop --dir ~/my-course-work
"""

from __future__ import annotations

import os
from pathlib import Path

HELP = "put the released notebook of a module back; yours is kept beside it"


def add_arguments(p):
    p.add_argument("module", help="module id: 02 or 02_backprop")
    p.add_argument("--dir", type=Path, help="working folder (default: work/ or $COURSE_WORKDIR)")


def run(args) -> int:
    from course import workspace
    from course.cli import module_or_none

    module = module_or_none(args.module)
    if module is None:
        return 2
    if args.dir:
        os.environ["COURSE_WORKDIR"] = str(args.dir.expanduser().resolve())
    wd = workspace.workdir()
    notebook, kept = workspace.reset(module.id, wd)
    if kept:
        print(f"your version is kept as {kept.relative_to(wd)}")
    print(f"{notebook.relative_to(wd)} is the released notebook again")
    return 0
