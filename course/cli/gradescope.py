"""Write a Gradescope autograder bundle (setup.sh, run_autograder, sources) for a module.

Upload the zip as a Gradescope "programming assignment" autograder. It grades the uploaded
notebook with the same sandboxed checks as `course grade` and reports one test per task.

examples:
  course gradescope 02 -o 02_backprop_gradescope.zip
"""

from __future__ import annotations

from pathlib import Path

HELP = "write a Gradescope autograder zip for a module (instructors)"


def add_arguments(p) -> None:
    p.add_argument("module", help="module id: 02, 02_backprop or backprop")
    p.add_argument("-o", "--output", default=None, help="zip to write (default: MODULE_gradescope.zip)")


def run(args) -> int:
    from autograder.gradescope import bundle
    from course.cli import module_or_none

    module = module_or_none(args.module)
    if module is None:
        return 2
    out = bundle(module.id, Path(args.output or f"{module.id}_gradescope.zip"))
    print(f"wrote {out}")
    return 0
