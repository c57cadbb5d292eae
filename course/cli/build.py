"""Regenerate exercises/ from solutions/ with nbgrader's generate_assignment.

examples:
  course build            # all modules
  course build 03         # one module
  course build --check    # exit 1 when exercises/ is out of date (CI runs this)
"""

from __future__ import annotations

HELP = "regenerate exercises/ from solutions/ (or --check that it is up to date)"


def add_arguments(p):
    p.add_argument("modules", nargs="*", help="module ids (default: all)")
    p.add_argument("--check", action="store_true", help="only check; exit 1 if stale")


def run(args) -> int:
    from autograder.tasks import UnknownModule, resolve_module_id
    from course.build import build, stale

    try:
        only = [resolve_module_id(m) for m in args.modules] or None
    except UnknownModule as e:
        print(e.args[0])
        return 2
    if args.check:
        bad = stale()
        if bad:
            print("exercises/ is out of date for: " + ", ".join(bad) + "; run `course build`")
            return 1
        print("exercises/ is up to date")
        return 0
    for path in build(only=only):
        print(f"built {path}")
    return 0
