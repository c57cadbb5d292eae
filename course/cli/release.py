"""Write the students' distribution of a graded class: notebooks, student package, checks; no answers.

A module named in --publish (its due date passed) ships its reference, so later modules build
on it; any other module's reference stays with you, and its graded names serve each student's
own code in the release. The folder is an installable project: a GitHub Classroom template, the
package of a JupyterHub image, or the release folder of `nbgrader release_assignment`.

examples:
  course release 02 -o ../class-release
  course release 02 03 -o ../class-release --publish 01 --max-hint 2
"""

from __future__ import annotations

import sys
from pathlib import Path

HELP = "write a student release of modules (instructors)"


def add_arguments(p) -> None:
    p.add_argument("modules", nargs="+", metavar="MODULE", help="modules to release, e.g. 02 03")
    p.add_argument("-o", "--output", required=True, type=Path, help="folder to write (new or empty)")
    p.add_argument("--publish", nargs="*", default=[], metavar="MODULE",
                   help="modules whose answers are published: their reference ships")
    p.add_argument("--max-hint", type=int, default=None, metavar="N",
                   help="reveal at most N levels of help per task")
    p.add_argument("--force", action="store_true", help="replace a non-empty output folder")


def run(args) -> int:
    from autograder.release import ReleaseError, write_release
    from autograder.tasks import UnknownModule

    try:
        write_release(args.modules, args.output, args.publish, args.max_hint, force=args.force)
    except (ReleaseError, UnknownModule) as e:
        print(f"course release: {str(e).strip(chr(39))}", file=sys.stderr)
        return 2
    return 0
