"""Open JupyterLab on your working copy of the exercises.

The first run copies exercises/ into your working folder (work/ in the course folder, or
$COURSE_WORKDIR). Later runs never overwrite a notebook you changed: an updated exercise
is saved beside it as NAME.updated.ipynb, and you are told.

examples:
  course start
  course start --port 8890 --no-browser
  course start --dir ~/my-course-work
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HELP = "copy the exercises to your working folder and open JupyterLab there"


def add_arguments(p):
    p.add_argument("--dir", type=Path, help="working folder (default: work/ or $COURSE_WORKDIR)")
    p.add_argument("--port", type=int, help="port for JupyterLab")
    p.add_argument("--token", help="access token (default: JupyterLab's own)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--copy-only", action="store_true", help="copy the exercises and stop")


def run(args) -> int:
    from course import workspace

    if args.dir:
        os.environ["COURSE_WORKDIR"] = str(args.dir.expanduser().resolve())
    wd = workspace.workdir()
    wd.mkdir(parents=True, exist_ok=True)
    for message in workspace.sync(wd):
        print(message)
    print(f"your working folder: {wd}")
    if args.copy_only:
        return 0
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={wd}"]
    if args.port:
        cmd += [f"--ServerApp.port={args.port}", "--ServerApp.port_retries=0"]
    if args.token is not None:
        cmd += [f"--IdentityProvider.token={args.token}"]
    if os.geteuid() == 0:  # containers and CI run as root; Jupyter refuses without this
        cmd += ["--ServerApp.allow_root=True"]
    if args.no_browser:
        cmd += ["--ServerApp.open_browser=False"]
    print("starting JupyterLab; check your work any time with `course check 02` in a terminal")
    return subprocess.call(cmd, env={**os.environ, "COURSE_WORKDIR": str(wd)})
