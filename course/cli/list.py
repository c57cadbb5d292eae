"""List the modules, their tasks and points, and your last score where you have one.

example:
  course list
"""

from __future__ import annotations

HELP = "list the modules and your last scores"


def add_arguments(p):
    pass


def run(args) -> int:
    from autograder.tasks import available_modules
    from course import workspace

    scores = workspace.last_scores()
    print(f"{'module':<14} {'tasks':>5} {'points':>6}  your working copy")
    for m in available_modules():
        nb = workspace.notebook_path(m.id)
        if not nb.exists():
            status = "-"
        elif m.id in scores:
            s, mx = scores[m.id]
            status = f"last check {s:g}/{mx:g}"
        else:
            status = "not checked yet"
        print(f"{m.id:<14} {len(m.tasks):>5} {m.max_score:>6g}  {status}   {m.title}")
    return 0
