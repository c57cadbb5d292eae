"""A class on JupyterHub, for one term of module 02, in headless Chromium.

The deployment is deploy/jupyterhub/ as docs/jupyterhub.md describes it: Unix users with
passwords (PAM), one local server per user, nbgrader's exchange in a shared folder. The test
creates four students and an instructor with unique names (removed afterwards) and walks:

1. the instructor (as their Unix user, from the shell) puts the class on the gradebook's
   roster, runs `course release 02`, builds the students' environment from that release and
   `nbgrader release_assignment`s it;
2. ada, bob and cy log in on the hub's login page, fetch 02 from the Assignments tab, work in
   the notebook (ada pastes every solution into the editor, bob three of them, cy nothing),
   run all cells, read each test cell's verdict and submit from the Assignments tab; dan never
   submits;
3. bob, in a terminal of his own on the hub, tries to read ada's and the instructor's files,
   to find and change ada's submission in the exchange, and to submit in her name;
4. the instructor collects, grades with `course grade`, generates and releases feedback;
5. bob fetches his feedback from the page: each task's message, no hidden test, no answer of a
   task he did not solve; the students' environment and cy's home hold no answer of 02.
"""

from __future__ import annotations

import csv
import importlib
import importlib.util
import json
import os
import re
import secrets
import shlex
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from e2e_lab import (
    CHROMIUM,
    CHROMIUM_ARGS,
    code_cells,
    menu,
    notebook,
    read_test_cells,
    run_all_cells,
    screenshot,
    scroll_to,
    terminal_text,
)
from hub import (
    COURSE_ID,
    DEPLOY,
    INSTRUCTOR_ENV,
    PREFIX,
    REPO,
    Class,
    Hub,
    as_user,
    assignment_row,
    login,
    missing_hub_tools,
    open_assignments,
    sh,
)

from autograder.tasks import get_module

MISSING = missing_hub_tools()
pytestmark = [pytest.mark.e2e, pytest.mark.slow,
              pytest.mark.skipif(MISSING is not None, reason=f"hub: {MISSING}")]

MODULE = get_module("02_backprop")
MID = MODULE.id
GRADE_ID = {"2.1": "linear_forward", "2.2": "linear_backward", "2.3": "relu", "2.4": "tanh",
            "2.5": "softmax_cross_entropy", "2.6": "numerical_gradient", "2.7": "mlp",
            "2.8": "training"}   # task -> the solution cell it is written in
SOLVES = {"ada": set(GRADE_ID.values()), "bob": {"linear_forward", "linear_backward", "relu"},
          "cy": set()}           # dan: on the roster, never submits


def answers() -> dict[str, str]:
    """{grade id: the instructor's solution cell without its markers}."""
    from course.build import source_notebook

    return {c.metadata["nbgrader"]["grade_id"]:
            "\n".join(ln for ln in c.source.splitlines() if "### BEGIN SOLUTION" not in ln
                      and "### END SOLUTION" not in ln)
            for c in source_notebook(MID).cells if c.metadata.get("nbgrader", {}).get("solution")}


def solution_only_lines(released: Path) -> dict[str, set[str]]:
    """{grade id: whitespace-normalised lines of its solution found nowhere in the released
    notebook (not even inside a docstring)}."""
    given = " ".join(" ".join(c.source.split()) for c in nbformat.read(released, as_version=4).cells)
    out = {}
    for gid, text in answers().items():
        lines = {" ".join(ln.split()) for ln in text.splitlines()}
        out[gid] = {ln for ln in lines if len(ln) >= 12 and ln not in given and not ln.startswith("#")}
    return out


def expected_points(student: str) -> dict[str, float]:
    return {t.id: t.points if GRADE_ID[t.id] in SOLVES[student] else 0.0 for t in MODULE.tasks}


# ---------------------------------------------------------------- the term, walked once

class Term:
    """What happened, step by step; the tests below read it."""

    def __init__(self, klass: Class, run: Path, shots: Path):
        self.klass, self.run, self.shots = klass, run, shots
        self.names = {k: f"{k}{klass.tag}" for k in ("ada", "bob", "cy", "dan")}
        self.student_env = run / "student-env"
        self.seconds: dict[str, float] = {}
        self.verdicts: dict[str, object] = {}
        self.probes: dict[str, int] = {}
        self.outputs: dict[str, str] = {}
        self.feedback_text = ""
        self._t = time.monotonic()

    def lap(self, what: str) -> None:
        now = time.monotonic()
        self.seconds[what] = round(now - self._t, 1)
        self._t = now

    def instructor(self, *cmd: str, check: bool = True, cwd: Path | None = None):
        proc = as_user(self.klass.instructor, INSTRUCTOR_ENV, list(cmd), cwd=cwd or self.course,
                       check=check, NBGRADER_EXCHANGE=str(self.klass.exchange))
        self.outputs[" ".join(cmd[:2])] = proc.stdout + proc.stderr
        return proc

    @property
    def course(self) -> Path:
        return self.klass.home(self.klass.instructor) / "course"

    @property
    def inbound(self) -> Path:
        return self.klass.exchange / COURSE_ID / "inbound"


def lab_settings(home: Path, user: str) -> None:
    """Every cell stays in the page (no windowing), so the test reads all verdicts; terminals
    keep their text in the page (screen-reader mode), so the test sees the prompt."""
    settings = home / ".jupyter" / "lab" / "user-settings" / "@jupyterlab"
    for ext, name, value in [("notebook-extension", "tracker", {"windowingMode": "none"}),
                             ("terminal-extension", "plugin", {"screenReaderMode": True})]:
        (settings / ext).mkdir(parents=True, exist_ok=True)
        (settings / ext / f"{name}.jupyterlab-settings").write_text(json.dumps(value))
    sh(["chown", "-R", f"{user}:{user}", str(home / ".jupyter")])


def release(term: Term) -> None:
    """The instructor's course folder, roster, `course release 02`, the students' environment."""
    t = term
    t.instructor("mkdir", "-p", str(t.course), cwd=t.course.parent)
    t.instructor("cp", str(REPO / "nbgrader_config.py"), str(t.course))
    roster = t.run / "roster.csv"      # the class list, as nbgrader imports it
    roster.write_text("id\n" + "".join(f"{n}\n" for n in t.names.values()))
    roster.chmod(0o644)
    t.instructor("nbgrader", "db", "student", "import", str(roster))
    t.instructor("course", "release", "02", "-o", "release")
    t.instructor("nbgrader", "release_assignment", MID,
                 "--CourseDirectory.release_directory=release/exercises")
    t.lap("instructor releases 02")
    sh(["bash", str(DEPLOY / "envs.sh"), "student", str(t.student_env), str(t.course / "release")],
       env={**os.environ, "COURSE_HUB_PREFIX": str(PREFIX)})
    t.lap("students' environment built from the release")


def work_in_notebook(term: Term, page, hub: Hub, who: str) -> None:
    """Log in, fetch, paste the solutions this student writes, run all, read, submit."""
    t, user = term, term.names[who]
    home = t.klass.home(user)
    login(page, hub, user, t.klass.students[user],
          shot=t.shots / "hub-01-login.png" if who == "ada" else None)
    open_assignments(page)
    assignment_row(page, "released", MID).get_by_role("button", name="Fetch").click()
    page.wait_for_selector(f"#fetched_assignments_list .list_item:has-text('{MID}')")
    if who == "ada":
        screenshot(page, t.shots / "hub-02-assignments.png")

    path = home / MID / f"{MID}.ipynb"
    page.goto(f"{hub.url}/user/{user}/lab/tree/{MID}/{MID}.ipynb")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-CodeCell")
    # the kernel is up: Run All before that runs nothing (the execution indicator already
    # says idle while the kernel is still starting; the status bar does not)
    page.wait_for_function("document.querySelector('#jp-main-statusbar').innerText"
                           ".includes('(ipykernel) | Idle')", timeout=120_000)
    page.keyboard.press("Control+b")   # hide the file browser: more notebook on screen
    code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    where = {c.metadata["nbgrader"]["grade_id"]: i for i, c in enumerate(code)
             if c.metadata.get("nbgrader", {}).get("solution")}
    typed = {gid: text for gid, text in answers().items() if gid in SOLVES[who]}
    cells = notebook(page).locator(".jp-CodeCell")
    for gid, text in typed.items():   # paste each solution over the stub, in the editor
        editor = cells.nth(where[gid]).locator(".cm-content")
        editor.scroll_into_view_if_needed()
        editor.click()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(text)
        page.keyboard.press("Escape")
    if typed:
        page.keyboard.press("Control+s")
        deadline = time.monotonic() + 30
        while not all(_cells(path)[where[g]].strip() == s.strip() for g, s in typed.items()):
            assert time.monotonic() < deadline, f"{who}'s notebook not saved with their code"
            page.wait_for_timeout(300)
    run_all_cells(page, timeout=300)
    t.verdicts[who] = read_test_cells(code_cells(page))
    if who == "bob":
        scroll_to(cells.nth(where["relu"] + 1))
        screenshot(page, t.shots / "hub-03-verdicts.png")

    open_assignments(page)
    assignment_row(page, "fetched", MID).get_by_role("button", name="Submit").click()
    page.wait_for_selector(f"#submitted_assignments_list .list_item:has-text('{MID}')")
    t.lap(f"{who} logs in, fetches, works, submits")


def _cells(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def open_terminal(page, hub: Hub, user: str):
    """File > New Launcher > Terminal, on the user's own server; returns the terminal element."""
    page.goto(f"{hub.url}/user/{user}/lab")
    page.wait_for_selector("#jp-main-dock-panel")
    menu(page, "File", "launcher:create")
    page.locator(".jp-LauncherCard[data-category='Other']").filter(has_text="Terminal").click()
    term = page.locator(".jp-Terminal:visible").last
    term.locator(".xterm-accessibility-tree").wait_for()
    deadline = time.monotonic() + 60
    while "$" not in terminal_text(term):   # type once the shell's prompt is shown
        assert time.monotonic() < deadline, f"no prompt in the terminal: {terminal_text(term)!r}"
        page.wait_for_timeout(200)
    term.click()
    return term


def probe(term: Term, page, name: str, command: str, log: Path) -> None:
    """Type `command` into the student's terminal; its exit status goes to `log`."""
    page.keyboard.type(f'{command}; echo "{name} $?" >> {log}\n')
    deadline = time.monotonic() + 60
    while not (log.exists() and re.search(rf"^{name} \d+$", log.read_text(), re.M)):
        assert time.monotonic() < deadline, f"probe {name} did not finish: {command}"
        page.wait_for_timeout(200)
    term.probes[name] = int(re.search(rf"^{name} (\d+)$", log.read_text(), re.M)[1])


def attacks(term: Term, page, hub: Hub) -> None:
    """bob's terminal on the hub: what a student must not be able to do (and two controls)."""
    t = term
    bob, ada, prof = t.names["bob"], t.names["ada"], t.klass.instructor
    [ada_sub] = [p for p in t.inbound.iterdir() if p.name.startswith(f"{ada}+{MID}+")]
    t.ada_submission = ada_sub
    log = t.klass.home(bob) / ".probes"
    open_terminal(page, hub, bob)
    inbound, q = t.inbound, shlex.quote   # a submission's folder name has spaces
    for name, command in [
            ("own_home", "ls ~"),                                            # controls: these work
            ("own_notebook", f"head -c 100 ~/{MID}/{MID}.ipynb"),
            ("read_home", f"ls /home/{ada}"),                                # these must not
            ("read_notebook", f"cat /home/{ada}/{MID}/{MID}.ipynb"),
            ("read_cache", f"ls /home/{ada}/.local/share/jupyter/nbgrader_cache"),
            ("list_inbound", f"ls {q(str(inbound))}"),
            ("find_submission", f"ls -d {q(str(inbound))}/{ada}+*"),
            ("write_submission", f"echo hacked >> {q(str(ada_sub / (MID + '.ipynb')))}"),  # knowing it
            ("read_course", f"ls /home/{prof}/course"),
            ("read_gradebook", f"head -c 100 /home/{prof}/course/gradebook.db"),
            ("forge", f"cd ~ && nbgrader submit {MID} --student {ada}"),     # lands; collect skips it
    ]:
        probe(t, page, name, command, log)
    screenshot(page, t.shots / "hub-05-terminal.png")
    t.lap("bob's terminal: reads, writes, forged submission")


def grade(term: Term) -> None:
    t = term
    t.instructor("nbgrader", "collect", MID)
    t.lap("instructor collects")
    t.instructor("course", "grade", MID, "-q")
    t.lap("instructor grades (course grade)")
    t.instructor("nbgrader", "generate_feedback", MID)
    t.instructor("nbgrader", "release_feedback", MID)
    t.lap("instructor generates and releases feedback")


def fetch_feedback(term: Term, page, hub: Hub) -> None:
    t, bob = term, term.names["bob"]
    page.goto(f"{hub.url}/user/{bob}/lab")
    open_assignments(page)
    # one button per submission in bob's cache (his, and the one he forged in ada's name);
    # each fetches the feedback of every submission of the assignment
    assignment_row(page, "submitted", MID).get_by_role("button", name="Fetch Feedback").first.click()
    home = t.klass.home(bob)
    deadline = time.monotonic() + 60
    while not list(home.glob(f"{MID}/feedback/*/{MID}.html")):
        assert time.monotonic() < deadline, "no feedback fetched"
        page.wait_for_timeout(300)
    [html] = home.glob(f"{MID}/feedback/*/{MID}.html")
    page.goto(f"{hub.url}/user/{bob}/files/{html.relative_to(home)}")
    page.wait_for_selector("pre:has-text('2.1 linear_forward')")
    t.feedback_text = page.inner_text("body")
    t.feedback_source = page.content()
    page.locator("pre", has_text="2.4 tanh").first.evaluate(
        "e => e.scrollIntoView({block: 'center'})")
    screenshot(page, t.shots / "hub-04-feedback.png")
    t.lap("bob fetches and reads his feedback")


@pytest.fixture(scope="session")
def term(shots, playwright_api):
    tag = secrets.token_hex(3)
    # the students' environment, on tmpfs when there is one (20k files); the users reach it
    run = Path(os.environ.get("COURSE_HUB_RUN", "/dev/shm" if Path("/dev/shm").is_dir() else PREFIX))
    run = run / f"course-hub-e2e-{tag}"
    run.mkdir(mode=0o755)
    names = [f"{k}{tag}" for k in ("ada", "bob", "cy", "dan")]
    klass = Class(tag, {n: secrets.token_urlsafe(12) for n in names}, f"prof{tag}",
                  secrets.token_urlsafe(12), Path(f"/srv/e2e-exchange-{tag}"),
                  groups=(f"students{tag}", f"instructors{tag}"))
    t = Term(klass, run, shots)
    hub = None
    try:
        klass.create(run / "users.txt")
        for n in names:
            lab_settings(klass.home(n), n)
        t.lap("users and exchange created")
        release(t)
        hub = Hub(run / "hub", {**klass.env, "COURSE_HUB_STUDENT_ENV": str(t.student_env),
                                "COURSE_HUB_INSTRUCTOR_ENV": str(INSTRUCTOR_ENV)}).start()
        t.lap("hub started")
        browser = playwright_api.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        pages = {}

        def student(who):   # a browser context of their own (cookies), logged in on demand
            ctx = browser.new_context(viewport={"width": 1200, "height": 800})
            ctx.set_default_timeout(60_000)
            pages[who] = ctx.new_page()
            return pages[who]

        try:
            for who in ("ada", "bob", "cy"):
                work_in_notebook(t, student(who), hub, who)
                pages.pop(who).context.close()
            page = student("bob")
            login(page, hub, t.names["bob"], klass.students[t.names["bob"]])
            attacks(t, page, hub)
            grade(t)
            fetch_feedback(t, page, hub)
        except BaseException:
            for who, page in pages.items():   # what the student saw when it broke
                screenshot(page, shots / f"hub-failed-{who}.png")
            raise
        finally:
            browser.close()
        yield t
    finally:
        if hub is not None:
            hub.stop()
        klass.remove()
        shutil.rmtree(run, ignore_errors=True)
        print("hub suite, seconds per step:", json.dumps(t.seconds, indent=1))


# ---------------------------------------------------------------- what must hold

def test_each_student_reads_their_verdicts_on_the_page(term):
    for who in SOLVES:
        report = term.verdicts[who]
        report.expect_all_shown()
        assert sorted(report.verdicts) == [t.id for t in MODULE.tasks], who
        for task in MODULE.tasks:
            v, points = report.verdicts[task.id], expected_points(who)[task.id]
            assert v.passed == (points > 0), (who, v.line)
            assert v.line.endswith(f"[{points:g}/{task.points:g}]"), (who, v.line)
            if not v.passed:
                assert v.summary.startswith("not implemented: "), (who, v.line)


def test_course_grade_scores_what_each_student_submitted(term):
    rows = {r["student"]: r for r in
            csv.DictReader((term.course / "reports" / MID / "grades.csv").open())}
    for who in SOLVES:
        row = rows[term.names[who]]
        assert row["status"] == "graded", row
        assert {t.id: float(row[t.id]) for t in MODULE.tasks} == expected_points(who), row


def test_a_submission_that_never_arrives_is_missing_not_zero(term):
    """dan is on the roster and never submitted: reported missing, with no score at all."""
    from nbgrader.api import Gradebook, MissingEntry

    dan = term.names["dan"]
    rows = {r["student"]: r for r in
            csv.DictReader((term.course / "reports" / MID / "grades.csv").open())}
    assert rows[dan]["status"] == "missing" and rows[dan]["score"] == "", rows[dan]
    assert re.search(rf"missing.*{dan}|{dan}.*missing", term.outputs["course grade"]), \
        term.outputs["course grade"]
    with Gradebook(f"sqlite:///{term.course / 'gradebook.db'}") as gb:
        assert gb.find_student(dan)
        with pytest.raises(MissingEntry):
            gb.find_submission(MID, dan)


def test_feedback_on_the_page_shows_each_task_and_no_hidden_test_or_answer(term):
    text, source = term.feedback_text, term.feedback_source
    from e2e_lab import parse_verdicts

    shown = parse_verdicts(text)
    assert sorted(shown) == [t.id for t in MODULE.tasks], text[-2000:]
    for task in MODULE.tasks:
        points = expected_points("bob")[task.id]
        assert shown[task.id].passed == (points > 0), shown[task.id].line
        assert shown[task.id].line.endswith(f"[{points:g}/{task.points:g}]")
    for hidden in ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert hidden not in text and hidden not in source
    assert not re.search(r"hidden\s*=\s*True", text)
    released = term.course / "release" / "exercises" / MID / f"{MID}.ipynb"
    shown_lines = {" ".join(ln.split()) for ln in text.splitlines()}
    for gid, lines in solution_only_lines(released).items():
        if gid not in SOLVES["bob"]:        # his own code is his; no other answer may appear
            assert not lines & shown_lines, (gid, lines & shown_lines)


def test_student_cannot_read_or_change_what_is_not_theirs(term):
    p = term.probes
    assert p["own_home"] == 0 and p["own_notebook"] == 0, p   # the probes can succeed
    for name in ("read_home", "read_notebook", "read_cache", "list_inbound", "find_submission",
                 "write_submission", "read_course", "read_gradebook"):
        assert p[name] != 0, f"bob could {name}: {p}"


def test_a_submission_forged_in_anothers_name_is_not_collected(term):
    """`nbgrader submit --student ada` from bob's account lands in the exchange (nbgrader
    allows it), but the deployment's collect keeps ada's own, which is what gets graded."""
    assert term.probes["forge"] == 0, "the forged submission did not even reach the exchange"
    ada = term.names["ada"]
    assert "Skipping" in term.outputs["nbgrader collect"] and ada in term.outputs["nbgrader collect"]
    collected = term.course / "submitted" / ada / MID / f"{MID}.ipynb"
    assert collected.read_bytes() == (term.ada_submission / f"{MID}.ipynb").read_bytes()


def course_files(venv: Path, release: Path) -> list[Path]:
    """Text files of the students' environment, less those of third-party distributions
    (from PyPI, by their RECORD): the release's own files and anything else left there."""
    name = re.search(r'^name = "(.*)"$', (release / "pyproject.toml").read_text(), re.M)[1]
    [site] = venv.glob("lib/python3*/site-packages")
    third = set()
    for record in site.glob("*.dist-info/RECORD"):
        meta = (record.parent / "METADATA").read_text(errors="replace")
        if re.search(r"^Name: (.*)$", meta, re.M)[1].replace("_", "-").lower() != name.lower():
            third |= {(site / ln.split(",")[0]).resolve() for ln in record.read_text().splitlines()}
    return [f for f in venv.rglob("*") if f.is_file() and f.resolve() not in third
            and f.suffix in {".py", ".ipynb", ".json", ".txt", ".md", ".html", ".toml", ".cfg"}]


def test_the_students_environment_holds_no_answer(term):
    """The release scan (issue 12) over the students' environment, less third-party packages,
    and an untouched student's home after the term: no solution line of 02."""
    if importlib.util.find_spec("autograder.release.scan") is None:   # TODO(issue 12)
        pytest.skip("autograder.release.scan (issue 12) is not there yet")
    scan = importlib.import_module("autograder.release.scan")
    files = course_files(term.student_env, term.course / "release")
    assert any(f.name == "backprop.py" and f.parent.name == "checks" for f in files), \
        "the release's own checks are not among the files scanned"
    found = scan.scan_for_answers([*files, term.klass.home(term.names["cy"])], [MID])
    assert found == [], found[:10]
