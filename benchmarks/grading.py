"""Grade 50 generated module-02 submissions with `course grade --jobs 2` and with plain
`nbgrader autograde`; compare per-task scores, wall times and the grader's peak memory.
Both start from a gradebook that has the assignment (nbgrader generate_assignment, untimed);
course grade into a new gradebook, which registers it too, is timed as well.

    python benchmarks/grading.py [--n 50] [--keep DIR] [--skip-nbgrader] [--fixes]

The class: correct solutions, released stubs, and every catalogue mistake (autograder.catalogue),
in a fixed rotation. Both graders read the same submitted/ folder; each writes its own root.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "submissions"))

import scenarios  # noqa: E402

from autograder.batch import ensure_assignment  # noqa: E402
from autograder.catalogue import scenarios as catalogue  # noqa: E402
from course import ROOT  # noqa: E402
from course.build import tool_env, write_source_notebook  # noqa: E402

MID = "02_backprop"

OURS = """
import resource, sys
from course.cli import main
rc = main(sys.argv[1:])
print("MAXRSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(rc)
"""


def make_class(submitted: Path, n: int) -> dict[str, str]:
    kinds = [("correct", lambda: scenarios.solved(MID)), ("stub", lambda: scenarios.release(MID))]
    kinds += [(f"bug-{s.name}", (lambda s=s: scenarios.solved(MID, edits=s.replace)))
              for s in catalogue(MID)]
    kinds.append(("partial", scenarios.partial))
    made = {}
    for i in range(n):
        kind, build = kinds[i % len(kinds)]
        student = f"s{i:03d}-{kind}"
        scenarios.write(submitted / student / MID, {f"{MID}.ipynb": build()})
        made[student] = kind
    return made


def scores(db: Path, students) -> dict[str, dict[str, float]]:
    from nbgrader.api import Gradebook

    from autograder.tasks import get_module

    out = {}
    with Gradebook(f"sqlite:///{db}") as gb:
        for s in students:
            out[s] = {t.id: gb.find_grade(t.grade_id, MID, MID, s).score
                      for t in get_module(MID).tasks}
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", default=None, help="work in this folder and keep it")
    ap.add_argument("--skip-nbgrader", action="store_true")
    ap.add_argument("--fixes", action="store_true",
                    help="course grade --fixes: also search each failed task's fix")
    args = ap.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="grading-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    nbroot, ours = work / "nbgrader", work / "ours"
    for d in (nbroot, ours):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir()
    write_source_notebook(MID)
    (nbroot / "solutions").symlink_to(ROOT / "solutions")
    shutil.copy(ROOT / "nbgrader_config.py", nbroot / "nbgrader_config.py")
    students = make_class(nbroot / "submitted", args.n)
    print(f"{len(students)} submissions in {nbroot / 'submitted'}")

    def ours_grade(root: Path) -> tuple[float, float, str]:
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", OURS, "grade", MID, str(nbroot / "submitted"),
                               "--root", str(root), "--jobs", str(args.jobs), "-q",
                               *(["--fixes"] if args.fixes else [])],
                              capture_output=True, text=True, env=tool_env())
        took = time.perf_counter() - t0
        if proc.returncode:
            raise SystemExit(f"course grade failed:\n{proc.stdout}\n{proc.stderr}")
        rss = int(proc.stdout.split("MAXRSS_KB")[1].split()[0]) / 1024
        return took, rss, proc.stdout.split("MAXRSS_KB")[0].strip()

    # ours, end to end (gradebook included). First with the assignment already in the
    # gradebook, as nbgrader autograde needs it below (course build does that, untimed);
    # then into a new gradebook, where course grade registers the assignment itself.
    ensure_assignment(f"sqlite:///{ours / 'gradebook.db'}", MID)
    t_ours, rss, printed = ours_grade(ours)
    print(printed)
    print(f"course grade --jobs {args.jobs}: {t_ours:.1f} s, grader peak RSS {rss:.0f} MB")
    cold = work / "ours-cold"
    shutil.rmtree(cold, ignore_errors=True)
    t_cold, _, _ = ours_grade(cold)
    print(f"course grade --jobs {args.jobs} into a new gradebook (registers the assignment "
          f"too): {t_cold:.1f} s")
    if args.skip_nbgrader:
        return 0

    # plain nbgrader: generate_assignment (creates the gradebook entries), then autograde
    env = tool_env()
    common = [f"--CourseDirectory.root={nbroot}", "--log-level=WARN"]
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", MID, "--force",
                    *common], cwd=nbroot, env=env, check=True, capture_output=True)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", MID, "--force",
                           "--create", *common], cwd=nbroot, env=env, capture_output=True, text=True)
    t_nb = time.perf_counter() - t0
    print(f"nbgrader autograde: {t_nb:.1f} s (exit {proc.returncode})")
    a, b = scores(ours / "gradebook.db", students), scores(nbroot / "gradebook.db", students)
    diff = {s: (a[s], b[s]) for s in students if a[s] != b[s]}
    print(f"per-task scores identical: {not diff} ({len(students) - len(diff)}/{len(students)})")
    for s, (x, y) in list(diff.items())[:10]:
        print(f"  {s}: ours {x}\n  {' ' * len(s)}  nbgrader {y}")
    print(f"speed-up: {t_nb / t_ours:.1f}x (into a new gradebook {t_nb / t_cold:.1f}x); "
          f"grader peak memory {rss:.0f} MB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if not diff else 1


if __name__ == "__main__":
    sys.exit(main())
