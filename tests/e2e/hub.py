"""Helpers for the JupyterHub suite: a class of Unix users, the hub, and the hub's pages.

The deployment is the repository's own (deploy/jupyterhub/): setup.sh creates the users and
the exchange, envs.sh the students' environment from `course release`, jupyterhub_config.py
runs the hub. .ci/hub-setup.sh installs JupyterHub, the proxy, a wheelhouse and the
instructor's environment under PREFIX. Nothing here imports Playwright at module level.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from e2e_lab import free_port

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy" / "jupyterhub"
PREFIX = Path(os.environ.get("COURSE_HUB_PREFIX", "/opt/course-hub"))
HUB = PREFIX / "hub" / "bin" / "jupyterhub"
PROXY = PREFIX / "chp" / "node_modules" / ".bin" / "configurable-http-proxy"
INSTRUCTOR_ENV = PREFIX / "instructor"
COURSE_ID = "dl-first-principles"


def missing_hub_tools() -> str | None:
    """Why the hub suite cannot run here, or None."""
    if os.geteuid() != 0:
        return "needs root: it creates Unix users and runs the hub's local spawner"
    for path, what in [(HUB, "jupyterhub"), (PROXY, "configurable-http-proxy"),
                       (INSTRUCTOR_ENV / "bin" / "jupyterhub-singleuser", "the instructor's env")]:
        if not path.exists():
            return f"{what} not found at {path} (run .ci/hub-setup.sh)"
    for tool in ("useradd", "userdel", "chpasswd", "runuser"):
        if shutil.which(tool) is None:
            return f"{tool} not found"
    if not Path("/usr/bin/python3").exists():
        return "/usr/bin/python3 not found (the users' servers run the system Python)"
    return None


def sh(cmd: list[str], *, check: bool = True, timeout: float = 600, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n"
                           f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


@dataclass
class Class:
    """The Unix side of a class: its users (name -> password), groups and exchange folder."""

    tag: str
    students: dict[str, str]
    instructor: str
    password: str
    exchange: Path
    groups: tuple[str, str] = ("", "")
    created: list[str] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        return {"COURSE_HUB_STUDENTS_GROUP": self.groups[0],
                "COURSE_HUB_INSTRUCTORS_GROUP": self.groups[1],
                "COURSE_HUB_EXCHANGE": str(self.exchange)}

    def home(self, user: str) -> Path:
        return Path(pwd.getpwnam(user).pw_dir)

    def create(self, users_file: Path) -> None:
        """deploy/jupyterhub/setup.sh with a users file (root-only, removed at once)."""
        lines = [f"student {s} {p}" for s, p in self.students.items()]
        lines.append(f"instructor {self.instructor} {self.password}")
        users_file.write_text("\n".join(lines) + "\n")
        users_file.chmod(0o600)
        self.created = [*self.students, self.instructor]
        try:
            sh(["bash", str(DEPLOY / "setup.sh"), str(users_file), str(self.exchange)],
               env={**os.environ, **self.env})
        finally:
            users_file.unlink()

    def remove(self) -> None:
        """End the users' processes (by pid), delete them with their homes, groups, exchange."""
        uids = set()
        for user in self.created:
            try:
                uids.add(pwd.getpwnam(user).pw_uid)
            except KeyError:
                pass
        for sig in (signal.SIGTERM, signal.SIGKILL):
            pids = [p for p in _pids_of(uids)]
            for pid in pids:
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            if pids:
                time.sleep(2)
        for user in self.created:
            sh(["userdel", "-r", user], check=False)
        for group in self.groups:
            sh(["groupdel", group], check=False)
        shutil.rmtree(self.exchange, ignore_errors=True)


def _pids_of(uids: set[int]) -> list[int]:
    out = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if p.stat().st_uid in uids:
                    out.append(int(p.name))
            except OSError:
                pass
    return out


def user_env(user: str, venv: Path, **extra: str) -> list[str]:
    """`runuser -u USER -- env -i ...`: a clean login-like environment running `venv`'s tools."""
    home = pwd.getpwnam(user).pw_dir
    env = {"HOME": home, "USER": user, "LOGNAME": user, "SHELL": "/bin/bash", "LANG": "C.UTF-8",
           "PATH": f"{venv}/bin:/usr/local/bin:/usr/bin:/bin", "PYTHONWARNINGS": "ignore", **extra}
    return ["runuser", "-u", user, "--", "env", "-i", *[f"{k}={v}" for k, v in env.items()]]


def as_user(user: str, venv: Path, cmd: list[str], cwd: Path | None = None, check: bool = True,
            timeout: float = 600, **extra: str) -> subprocess.CompletedProcess:
    """Run `cmd` as `user` in `cwd` (default: their home), the way they would in a terminal."""
    cwd = cwd or Path(pwd.getpwnam(user).pw_dir)
    return sh([*user_env(user, venv, **extra), "bash", "-c", 'cd "$1" && shift && exec "$@"',
               "-", str(cwd), *cmd], check=check, timeout=timeout)


@dataclass
class Hub:
    """jupyterhub -f deploy/jupyterhub/jupyterhub_config.py on free localhost ports."""

    state: Path
    env: dict[str, str]
    port: int = 0
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.state / "jupyterhub.log"

    def start(self, timeout: float = 90.0) -> Hub:
        self.port = free_port()
        env = {**os.environ, **self.env, "COURSE_HUB_URL": self.url,
               "COURSE_HUB_API_URL": f"http://127.0.0.1:{free_port()}",
               "COURSE_HUB_PROXY_API_URL": f"http://127.0.0.1:{free_port()}",
               "COURSE_HUB_PREFIX": str(PREFIX)}
        self.state.mkdir(parents=True, exist_ok=True)
        out = self.log.open("wb")
        self.proc = subprocess.Popen([str(HUB), "-f", str(DEPLOY / "jupyterhub_config.py")],
                                     cwd=self.state, env=env, stdout=out, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyterhub exited {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/hub/api/", timeout=2):
                    return self
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"jupyterhub not up after {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """SIGTERM the hub (it stops the users' servers), then its process group if need be."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"


# ---------------------------------------------------------------- the hub's pages

def login(page, hub: Hub, user: str, password: str, shot: Path | None = None) -> None:
    """The hub's login page, as a student types into it; then JupyterLab of their own server."""
    from e2e_lab import screenshot

    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", password)
    if shot is not None:
        screenshot(page, shot)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{user}/lab**", timeout=120_000)
    page.wait_for_selector("#jp-main-dock-panel", timeout=120_000)


def open_assignments(page) -> None:
    """Nbgrader > Assignment List: the Assignments tab, its three lists loaded."""
    from e2e_lab import menu

    menu(page, "Nbgrader", "nbgrader:open-assignment-list")
    page.wait_for_selector("#released_assignments_list")
    refresh_assignments(page)


def refresh_assignments(page) -> None:
    page.click("#refresh_assignments_list")
    for name in ("released", "fetched", "submitted"):
        page.wait_for_selector(f"#{name}_assignments_list_loading", state="hidden")


def assignment_row(page, listing: str, name: str):
    """The row of assignment `name` in a list: 'released', 'fetched' or 'submitted'."""
    return page.locator(f"#{listing}_assignments_list .list_item").filter(has_text=name)
