"""Regenerate exercises/ from solutions/ with nbgrader's generate_assignment.

Each assignment, its notebook and its cells are also registered in the course's
gradebook.db, so `nbgrader autograde MODULE` works right after this. About 5-10 s per
module; one line per module shows where it is.

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


def progress(i: int, n: int, module: str) -> None:
    print(f"[{i}/{n}] {module}", flush=True)


def run(args) -> int:
    import time

    from autograder.tasks import UnknownModule, resolve_module_id
    from course.build import build, gradebook_url, stale

    try:
        only = [resolve_module_id(m) for m in args.modules] or None
    except UnknownModule as e:
        print(e.args[0])
        return 2
    t0 = time.perf_counter()
    if args.check:
        bad = stale(progress=progress)
        if bad:
            print("exercises/ is out of date for: " + ", ".join(bad) + "; run `course build`")
            return 1
        print("exercises/ is up to date")
        return 0
    paths = build(only=only, progress=progress)
    print(f"built {', '.join(p.name for p in paths)} into exercises/ in "
          f"{time.perf_counter() - t0:.0f} s; registered in {gradebook_url()}")
    return 0
