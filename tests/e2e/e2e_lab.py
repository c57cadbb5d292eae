"""Helpers for the end-to-end suite: servers started by the test, and JupyterLab pages read like a student.

Nothing here imports Playwright at module level, so the suite can be collected (and skipped
with a reason) on a machine without it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")   # Debian's package
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BIN = Path(sys.executable).parent

# "2.1 linear_forward  FAIL  not implemented: ...  [0/1]": CheckResult.lines()[0]
VERDICT = re.compile(r"^(?P<task>\d+\.\d+) (?P<name>\w+)  (?P<verdict>PASS|FAIL)  (?P<summary>.*)  "
                     r"\[(?P<score>[\d.]+)/(?P<points>[\d.]+)\]$", re.M)
TEST_CELL = re.compile(r'^\s*check\("(?P<task>\d+\.\d+)"', re.M)   # a test cell's check call


def missing_tools() -> str | None:
    """Why the e2e suite cannot run here, or None."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found (apt-get install chromium chromium-driver; see .ci/e2e-setup.sh)"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python not installed (pip install playwright; see .ci/e2e-setup.sh)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jupyter_env(home: Path) -> dict[str, str]:
    """An environment whose Jupyter and JupyterLab state lives in `home`, not the user's.

    JupyterLab settings: every cell stays in the page (no windowing: the reader sees all
    outputs), and no news or update pop-ups over the screenshots.
    """
    config = home / "jupyter-config"
    config.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:  # CI containers run as root; Jupyter refuses to unless told
        (config / "jupyter_server_config.json").write_text(
            json.dumps({"ServerApp": {"allow_root": True}}))
    settings = home / "lab-settings" / "@jupyterlab"
    for ext, name, value in [
            ("notebook-extension", "tracker", {"windowingMode": "none"}),
            ("apputils-extension", "notification", {"fetchNews": "false", "checkForUpdates": False}),
            # terminals keep a text copy of their screen in the page (xterm draws on a canvas)
            ("terminal-extension", "plugin", {"screenReaderMode": True}),
    ]:
        (settings / ext).mkdir(parents=True, exist_ok=True)
        (settings / ext / f"{name}.jupyterlab-settings").write_text(json.dumps(value))
    return {**os.environ,
            "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "JUPYTER_CONFIG_DIR": str(config),
            "JUPYTER_RUNTIME_DIR": str(home / "jupyter-runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(home / "lab-settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(home / "lab-workspaces"),
            "PYTHONWARNINGS": "ignore"}


def without_venv(env: dict[str, str]) -> dict[str, str]:
    """`env` as a fresh shell has it: this virtual environment neither on PATH nor active."""
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p and Path(p) != BIN]
    return {**{k: v for k, v in env.items() if k != "VIRTUAL_ENV"}, "PATH": os.pathsep.join(path)}


@dataclass
class Server:
    """A Jupyter server run as a subprocess in its own process group; stop() ends all of it."""

    cmd: list[str]
    cwd: Path
    env: dict[str, str]
    port: int
    token: str
    log: Path
    workdir: Path | None = None
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120.0) -> Server:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        out = self.log.open("wb")
        self.proc = subprocess.Popen(self.cmd, cwd=self.cwd, env=self.env, stdout=out,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2):
                    return self
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"server not up after {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Shut the kernels down through the API, then SIGTERM the server's process group.

        The group is the server's own (start_new_session), so only what the test started ends.
        """
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self._shutdown_kernels()
        pgid = self.proc.pid
        for sig, wait in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(pgid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline and _group_alive(pgid):
                self.proc.poll()  # reap the leader, so only live members keep the group
                time.sleep(0.2)
            if not _group_alive(pgid):
                break
        self.proc.wait(timeout=5)

    def _shutdown_kernels(self) -> None:
        try:
            with urllib.request.urlopen(f"{self.url}/api/kernels?token={self.token}", timeout=5) as r:
                kernels = json.load(r)
            for k in kernels:
                req = urllib.request.Request(f"{self.url}/api/kernels/{k['id']}?token={self.token}",
                                             method="DELETE")
                urllib.request.urlopen(req, timeout=10).close()
        except OSError:
            pass

    def log_tail(self, n: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def launch_browser(playwright, user_data_dir: Path, viewport=(1200, 800)):
    """Debian's Chromium, headless, with a fresh profile; never a downloaded browser."""
    ctx = playwright.chromium.launch_persistent_context(
        str(user_data_dir), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": viewport[0], "height": viewport[1]})
    ctx.set_default_timeout(60_000)
    return ctx


def screenshot(locator_or_page, path: Path, **kw) -> Path:
    """PNG of an element or the page (kw: Playwright's, e.g. clip), in 64 colours to stay small."""
    path.parent.mkdir(parents=True, exist_ok=True)
    locator_or_page.screenshot(path=str(path), **kw)
    try:
        from PIL import Image
        with Image.open(path) as im:
            small = im.convert("RGB").quantize(colors=64)
        small.save(path, optimize=True)
    except ImportError:
        pass
    return path


# ---------------------------------------------------------------- JupyterLab, as a student uses it

def open_notebook(page, server: Server, relpath: str) -> None:
    """Open one notebook in a fresh layout (?reset: tabs that an earlier test left open in
    the server's workspace are not restored, so they cannot shadow this one)."""
    page.goto(f"{server.url}/lab/tree/{relpath}?reset&token={server.token}")
    notebook(page).locator(".jp-CodeCell").first.wait_for(state="attached")
    wait_idle(page, timeout=90)


def notebook(page):
    return page.locator(".jp-NotebookPanel:visible .jp-Notebook")


def wait_idle(page, timeout: float = 120.0) -> None:
    """Until the kernel is idle, no cell is queued or running ([*]), twice in a row."""
    deadline = time.monotonic() + timeout
    calm = 0
    while time.monotonic() < deadline:
        status = (page.locator(".jp-NotebookPanel:visible .jp-Notebook-ExecutionIndicator")
                  .first.get_attribute("data-status"))
        prompts = _prompts(page)
        calm = calm + 1 if status == "idle" and not any("*" in p for p in prompts) else 0
        if calm >= 2:
            return
        page.wait_for_timeout(300)
    raise TimeoutError(f"kernel still busy after {timeout:.0f} s (status {status!r})")


def menu(page, top: str, command: str) -> None:
    """Click a main-menu item: menu(page, 'Run', 'runmenu:run-all')."""
    page.get_by_role("menuitem", name=top, exact=True).click()
    page.locator(f'.lm-Menu li[data-command="{command}"]').click()


def run_all_cells(page, timeout: float = 180.0) -> int:
    """Clear outputs, Run > Run All Cells once, and wait until every code cell has run.

    Test cells carry the tag raises-exception (course build adds it), so a failing check
    does not stop Run All. Returns the number of code cells run.
    """
    menu(page, "Edit", "editmenu:clear-all")
    _wait_for(page, lambda: all(p.strip() == "[ ]:" for p in _prompts(page)), 10, "outputs cleared")
    _run_and_wait(page, lambda: menu(page, "Run", "runmenu:run-all"), timeout)
    _wait_for(page, lambda: all(re.search(r"\[\d+\]", p) for p in _prompts(page)), timeout,
              "every code cell run by one Run All (are test cells tagged raises-exception?)")
    return len(_prompts(page))


def run_cells(page, first: int, count: int, timeout: float = 120.0) -> None:
    """Select code cell `first` and press Shift+Enter `count` times (run, go to the next cell)."""
    select_cell(page, first)
    cells = notebook(page).locator(".jp-CodeCell")
    for i in range(first, first + count):
        prompt = cells.nth(i).locator(".jp-InputPrompt")
        before = prompt.text_content()
        page.keyboard.press("Shift+Enter")
        _wait_for(page, lambda p=prompt, b=before: p.text_content() != b, 10, f"cell {i} to start")
        wait_idle(page, timeout)
        if i + 1 < first + count:   # Shift+Enter moved on; markdown cells in between are run too
            select_cell(page, i + 1)


def cell_index(page, startswith: str) -> int:
    """Index among code cells of the first cell whose source starts with `startswith`."""
    for cell in code_cells(page):
        if cell.source.lstrip().startswith(startswith):
            return cell.index
    raise LookupError(f"no code cell starts with {startswith!r}")


def select_cell(page, code_index: int) -> None:
    """Make the code cell at `code_index` the active cell (command mode), checking it took."""
    cell = notebook(page).locator(".jp-CodeCell").nth(code_index)
    for _ in range(5):
        cell.locator(".jp-InputPrompt").click()
        if "jp-mod-active" in (cell.get_attribute("class") or ""):
            return
        page.wait_for_timeout(300)
    raise AssertionError(f"could not select code cell {code_index}")


def _wait_for(page, predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for: {what}")
        page.wait_for_timeout(100)


def _prompts(page) -> list[str]:
    return notebook(page).locator(".jp-CodeCell .jp-InputPrompt").all_text_contents()


def _run_and_wait(page, click, timeout: float) -> None:
    """Click a run command, wait until the prompts change (the run started), then until idle."""
    before = _prompts(page)
    click()
    deadline = time.monotonic() + 10
    while _prompts(page) == before and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    wait_idle(page, timeout)


@dataclass
class Cell:
    index: int            # among code cells
    source: str
    stdout: str
    errors: str           # stderr / traceback text


def code_cells(page) -> list[Cell]:
    """Every code cell's source and what its output area shows, as text."""
    rows = notebook(page).locator(".jp-CodeCell").evaluate_all("""els => els.map(e => ({
        source: Array.from(e.querySelectorAll('.jp-InputArea-editor .cm-line'))
                    .map(l => l.textContent).join('\\n'),
        outputs: Array.from(e.querySelectorAll('.jp-OutputArea-output'))
                    .map(o => [o.dataset.mimeType || '', o.textContent])}))""")
    cells = []
    for i, r in enumerate(rows):
        out = "\n".join(t for m, t in r["outputs"] if m != "application/vnd.jupyter.stderr")
        err = "\n".join(t for m, t in r["outputs"] if m == "application/vnd.jupyter.stderr")
        cells.append(Cell(i, r["source"], out, err))
    return cells


@dataclass
class Verdict:
    task: str
    name: str
    passed: bool
    summary: str
    line: str


@dataclass
class PageReport:
    """What the test cells show: a verdict per task, and the test cells showing none."""

    verdicts: dict[str, Verdict] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)   # task -> what the cell shows instead

    def expect_all_shown(self) -> None:
        if self.missing:
            raise AssertionError("no check output on the page for "
                                 + "; ".join(f"task {t} (cell shows {s!r})"
                                             for t, s in self.missing.items()))


def parse_verdicts(text: str) -> dict[str, Verdict]:
    return {m["task"]: Verdict(m["task"], m["name"], m["verdict"] == "PASS", m["summary"], m[0])
            for m in VERDICT.finditer(text)}


def read_test_cells(cells: list[Cell]) -> PageReport:
    """The verdict line each test cell (`check("N.K", ...)`) prints, read from its output area.

    A test cell whose output lacks its own task's verdict line is reported in `missing`,
    with the first line of what it shows (an error alone is not a verdict).
    """
    report = PageReport()
    for cell in cells:
        m = TEST_CELL.search(cell.source)
        if not m:
            continue
        task = m["task"]
        found = parse_verdicts(cell.stdout).get(task)
        if found is None:
            shown = (cell.stdout.strip() or cell.errors.strip() or "nothing").splitlines()
            report.missing[task] = shown[-1][:200] if shown else "nothing"
        else:
            report.verdicts[task] = found
    return report


def edit_line(page, cell_startswith: str, old: str, new_lines: list[str]) -> str:
    """Type over one line of a code cell in the editor (CodeMirror 6), with the keyboard.

    Clicks the line containing `old` in the code cell whose source starts with
    `cell_startswith`, selects it from the end to its indentation, types the new lines
    (Enter keeps the indentation) and leaves edit mode. Returns the cell's new source.
    """
    cell = notebook(page).locator(".jp-CodeCell").filter(
        has=page.locator(".cm-line").filter(has_text=cell_startswith)).first
    line = cell.locator(".cm-line").filter(has_text=old).first
    line.scroll_into_view_if_needed()
    line.click()
    page.keyboard.press("End")
    page.keyboard.press("Shift+Home")
    for i, text in enumerate(new_lines):
        if i:
            page.keyboard.press("Enter")
        page.keyboard.type(text)
    page.keyboard.press("Escape")
    return "\n".join(cell.locator(".cm-line").all_text_contents())


def save(page, path: Path, expect: str, timeout: float = 30.0) -> None:
    """Ctrl+S, then wait until the file on disk holds `expect`."""
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and expect in path.read_text():
            return
        page.wait_for_timeout(300)
    raise TimeoutError(f"{path} not saved with {expect!r}")


def open_terminal(page):
    """File > New > Terminal, as a student opens one; returns the terminal's locator."""
    page.get_by_role("menuitem", name="File", exact=True).click()
    page.locator(".lm-Menu li[data-type='submenu']").filter(has_text="New").first.hover()
    page.locator('.lm-Menu li[data-command="terminal:create-new"]').click()
    term = page.locator(".jp-Terminal:visible").last
    term.locator(".xterm-accessibility-tree").wait_for()
    return term


def terminal_text(term) -> str:
    """What the terminal shows, row by row (screenReaderMode keeps this text in the page)."""
    rows = term.locator(".xterm-accessibility-tree > div").all_text_contents()
    return "\n".join(r.rstrip() for r in rows)


def run_in_terminal(page, term, command: str, until: re.Pattern, timeout: float = 300.0) -> str:
    """Type `command` and Enter in the terminal; wait until its text matches `until`."""
    _wait_for(page, lambda: terminal_text(term).strip(), 30, "the shell's prompt")
    term.click()
    page.keyboard.type(command)
    page.keyboard.press("Enter")
    deadline = time.monotonic() + timeout
    while not until.search(text := terminal_text(term)):
        if time.monotonic() > deadline:
            raise TimeoutError(f"terminal never showed {until.pattern!r}:\n{text}")
        page.wait_for_timeout(500)
    return text


def menu_items(page, top: str) -> list[str]:
    """The labels of a main-menu's items (opened, read, closed again)."""
    page.get_by_role("menuitem", name=top, exact=True).click()
    labels = page.locator(".lm-Menu:visible .lm-Menu-itemLabel").all_text_contents()
    page.keyboard.press("Escape")
    return [label.strip() for label in labels if label.strip()]


def scroll_to(locator) -> None:
    """Scroll so the element is at the top of the notebook view."""
    locator.evaluate("e => e.scrollIntoView({block: 'start'})")


# ---------------------------------------------------------------- the course's own commands

def course_cmd(*args: str) -> list[str]:
    exe = BIN / "course"
    if exe.exists():
        return [str(exe), *args]
    return [sys.executable, "-m", "course.cli", *args]


# ---------------------------------------------------------------- an nbgrader course, graded

MODULE_ID = "02_backprop"
# The instructor's class: every task solved, only linear_forward solved, nothing solved.
STUDENTS = {"ada": {"linear_forward", "linear_backward", "relu", "tanh", "softmax_cross_entropy",
                    "numerical_gradient", "mlp", "training"},
            "bob": {"linear_forward"},
            "cy": set()}


def make_course(root: Path, module_id: str, students: dict[str, set[str]]) -> Path:
    """An nbgrader course folder like the repository root, with submissions in submitted/.

    students: {student: grade ids of the solution cells they solved}; every other solution
    cell keeps the released stub. Solutions come from the instructor source.
    """
    import nbformat

    from course import ROOT
    from course.build import source_notebook

    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    source = source_notebook(module_id)
    (root / "solutions" / module_id).mkdir(parents=True, exist_ok=True)
    nbformat.write(source, root / "solutions" / module_id / f"{module_id}.ipynb")
    answers = {c.metadata["nbgrader"]["grade_id"]:
               "\n".join(ln for ln in c.source.splitlines() if "### BEGIN SOLUTION" not in ln
                         and "### END SOLUTION" not in ln)
               for c in source.cells if c.metadata.get("nbgrader", {}).get("solution")}
    for student, solved in students.items():
        nb = nbformat.read(ROOT / "exercises" / module_id / f"{module_id}.ipynb", as_version=4)
        for c in nb.cells:
            gid = c.metadata.get("nbgrader", {}).get("grade_id")
            if c.metadata.get("nbgrader", {}).get("solution") and gid in solved:
                c.source = answers[gid]
        path = root / "submitted" / student / module_id / f"{module_id}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
    return root


class Job:
    """Commands run one after the other in a background thread; wait() gives their output."""

    def __init__(self, cmds: list[list[str]], cwd: Path, env: dict[str, str]):
        import threading

        self.cmds, self.cwd, self.env = cmds, cwd, env
        self.results: list[tuple[list[str], int, str]] = []
        self.proc: subprocess.Popen | None = None
        self.cancelled = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for cmd in self.cmds:
            if self.cancelled:
                return
            self.proc = subprocess.Popen(cmd, cwd=self.cwd, env=self.env, stdout=subprocess.PIPE,
                                         stderr=subprocess.STDOUT, text=True, start_new_session=True)
            out, _ = self.proc.communicate()
            self.results.append((cmd, self.proc.returncode, out))
            if self.proc.returncode != 0:
                return

    def wait(self, timeout: float = 600.0) -> list[tuple[list[str], int, str]]:
        self.thread.join(timeout)
        if self.thread.is_alive():
            self.stop()
            raise TimeoutError(f"still running after {timeout:.0f} s: {self.cmds}")
        return self.results

    def stop(self) -> None:
        """End the running command's own process group (it was started in a new session)."""
        self.cancelled = True
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        self.thread.join(30)


def grade_course(root: Path, module_id: str, env: dict[str, str]) -> Job:
    """`course grade` (gradebook.db, autograded/), then `nbgrader generate_feedback` (feedback/)."""
    return Job([course_cmd("grade", module_id, "submitted", "--root", str(root), "-q"),
                [sys.executable, "-m", "nbgrader", "generate_feedback", module_id, "--force"]],
               cwd=root, env=env)


def lab_server(root: Path, env: dict[str, str], log: Path) -> Server:
    """JupyterLab (with nbgrader's formgrader) started in an nbgrader course folder."""
    port, token = free_port(), os.urandom(12).hex()
    cmd = [sys.executable, "-m", "jupyterlab", "--ServerApp.open_browser=False",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}"]
    return Server(cmd, cwd=root, env=env, port=port, token=token, log=log)


def table_rows(page, selector: str = "#main-table tr") -> list[list[str]]:
    return page.locator(selector).evaluate_all(
        "rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim()))")
