"""Open JupyterLab on your working copy of the exercises.

The first run copies exercises/ into your working folder (work/ in the course folder, or
$COURSE_WORKDIR). Later runs never overwrite a notebook you changed: a changed exercise
is saved beside it as NAME.updated.ipynb, and you are told.

JupyterLab, its terminals and its kernels run in this course's Python environment, so
`course check 02` works in a JupyterLab terminal as written. It shows the student's side
of nbgrader (Assignments, Validate) and none of the instructor's tools. Stop it with
Ctrl+C (twice) in the terminal you started it from, or File > Shut Down in JupyterLab.

examples:
  course start
  course start --port 8890 --no-browser
  course start --dir ~/my-course-work
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HELP = "copy the exercises to your working folder and open JupyterLab there"

# nbgrader's instructor parts: lab plugins (page_config) and server extensions
INSTRUCTOR_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                      "@jupyter/nbgrader:course-list")
INSTRUCTOR_SERVER_EXTENSIONS = ("nbgrader.server_extensions.formgrader",
                                "nbgrader.server_extensions.course_list")


def add_arguments(p):
    p.add_argument("--dir", type=Path, help="working folder (default: work/ or $COURSE_WORKDIR)")
    p.add_argument("--port", type=int, help="port for JupyterLab")
    p.add_argument("--token", help="access token (default: JupyterLab's own)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--copy-only", action="store_true", help="copy the exercises and stop")


def shell_command(state: Path) -> list[str]:
    """The shell of a JupyterLab terminal: the user's, started so that this environment stays
    first on PATH (Jupyter's default login shell would reset PATH from /etc/profile)."""
    shell = os.environ.get("SHELL") or shutil.which("bash") or shutil.which("sh") or "/bin/sh"
    if Path(shell).name != "bash":
        return [shell]          # not a login shell: PATH comes from the server's environment
    rc = state / "bashrc"
    bindir = Path(sys.executable).parent
    rc.write_text("# written by `course start`: your ~/.bashrc, then this course's environment\n"
                  '[ -f ~/.bashrc ] && . ~/.bashrc\n'
                  f'export PATH="{bindir}:$PATH"\n'
                  + (f'export VIRTUAL_ENV="{sys.prefix}"\n' if _venv() else ""))
    return [shell, "--rcfile", str(rc)]


def _venv() -> bool:
    return sys.prefix != sys.base_prefix


def student_config(wd: Path) -> Path:
    """A Jupyter config folder (in .course/ of the working folder) for the student's JupyterLab:
    no instructor plugins or server extensions; terminals in this environment."""
    from course import workspace

    folder = workspace.state_dir(wd) / "jupyter"
    (folder / "labconfig").mkdir(parents=True, exist_ok=True)
    (folder / "labconfig" / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {name: True for name in INSTRUCTOR_PLUGINS}}, indent=1))
    server = {"jpserver_extensions": {name: False for name in INSTRUCTOR_SERVER_EXTENSIONS},
              "terminado_settings": {"shell_command": shell_command(folder.parent)}}
    (folder / "jupyter_server_config.json").write_text(json.dumps({"ServerApp": server}, indent=1))
    return folder


def server_env(wd: Path) -> dict[str, str]:
    """The environment of JupyterLab and everything it starts: this Python's bin folder first
    on PATH (`course`, `python`, `pip`), VIRTUAL_ENV when it is a venv, the student config."""
    env = {**os.environ, "COURSE_WORKDIR": str(wd)}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    if _venv():
        env["VIRTUAL_ENV"] = sys.prefix
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        [str(student_config(wd))] + ([env["JUPYTER_CONFIG_PATH"]] if env.get("JUPYTER_CONFIG_PATH") else []))
    return env


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
    print("starting JupyterLab: start with 01_induction/01_induction.ipynb; check your work with "
          "`course check 01` in a JupyterLab terminal (File > New > Terminal).\n"
          "Stop it with Ctrl+C twice here, or File > Shut Down in JupyterLab.", flush=True)
    # from the working folder: JupyterLab's terminals open in the server's current folder
    return subprocess.call(cmd, env=server_env(wd), cwd=wd)
