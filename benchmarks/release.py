"""The student release, measured: size, answers found, the mutation report against its checks.

    python benchmarks/release.py [--modules 01 02 ...] [--out DIR]

Builds a release of every module (nothing published), scans it, and grades every catalogue
mistake and correct variant with the release's own checks, run by its own Python path.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograder.release import write_release
from autograder.release.mutants import export, report
from autograder.release.scan import scan_for_answers
from autograder.tasks import MODULES
from course import ROOT


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--modules", nargs="*", default=list(MODULES))
    p.add_argument("--out", type=Path, default=None)
    a = p.parse_args()
    out = a.out or Path(tempfile.mkdtemp(prefix="release-bench-"))
    t0 = time.perf_counter()
    rel = write_release(list(MODULES), out / "release", force=True)
    size = sum(f.stat().st_size for f in rel.rglob("*") if f.is_file())
    print(f"release built in {time.perf_counter() - t0:.0f} s, {size / 1e6:.1f} MB")
    print(f"answer lines found: {len(scan_for_answers([rel]))}")
    t0 = time.perf_counter()
    n = export(out / "mutants", a.modules)
    r = subprocess.run([sys.executable, str(ROOT / "autograder" / "release" / "mutants.py"),
                        str(out / "mutants")], env={"PYTHONPATH": str(rel), "PATH": "/usr/bin:/bin",
                                                    "COURSE_WORKDIR": str(out / "mutants" / "ws")},
                       cwd=out, capture_output=True, text=True)
    if r.returncode:
        print(r.stderr[-3000:])
        sys.exit(1)
    print(f"{n} mistakes and variants graded by the release's checks in {time.perf_counter() - t0:.0f} s")
    table = report(out / "mutants")
    tot = {k: sum(row[k] for row in table.values()) for k in next(iter(table.values()))}
    print(f"all: detected {tot['detected']}/{tot['mistakes']}, hinted {tot['hinted']}/{tot['mistakes']} "
          f"({100 * tot['hinted'] / max(1, tot['mistakes']):.0f}%), false failures "
          f"{tot['false_failures']}/{tot['variants']}")


if __name__ == "__main__":
    main()
