"""Grade a class: every submission of a module, in parallel, resumable, into nbgrader's gradebook.

Layout (nbgrader's): SUBMITTED/<student>/<module>/<module>.ipynb. Outputs under the course root:
- reports/<module>/<student>.json and .html: each task's verdict and feedback (no hidden tests);
  the JSON is also the resume record (written last, atomically, keyed by the submission's
  sha256 and the source's);
- autograded/<student>/<module>/<module>.ipynb: the released notebook with the student's
  solution cells and each test cell's output replaced by our feedback;
- reports/<module>/grades.csv and gradebook.db (nbgrader's API and its SaveAutoGrades).

Submitted files are only read. Setup cells, tests, points and grade ids come from the
instructor source; only solution cells (by grade id) come from the submission.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder.notebook import _source, cell_label, is_experiment, is_test_cell, nbgrader_meta
from autograder.result import CheckResult
from autograder.sandbox import Sandbox, grade_cells
from autograder.tasks import Module, get_module
from autograder.wire import clean, printable

FORMAT = 1                      # bump to invalidate stored results
MAX_BYTES = 512 * 2**20         # larger files are not even parsed
MAX_CELL = 2 * 2**20            # characters of one code cell
MAX_CODE = 8 * 2**20            # characters of all code cells
MAX_CELLS = 5000                # cells of one notebook

# Parses a submission in a throwaway process (a huge or hostile JSON costs that process,
# not the grader) and prints only what grading needs: module, kernelspec, solution cells.
EXTRACT = r'''
import json, os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
fd, max_cell, max_code, max_cells = (int(a) for a in sys.argv[1:5])
def out(d):
    sys.stdout.write(json.dumps(d)); sys.exit(0)
try:
    with os.fdopen(fd, "rb") as f:
        raw = f.read()
except IsADirectoryError:
    out({"error": "is a folder, not a notebook"})
except OSError as e:
    out({"error": f"cannot be read: {e.strerror}"})
if not raw.strip():
    out({"error": "is an empty file"})
try:
    text = raw.decode("utf-8")
except UnicodeDecodeError:
    out({"error": "is not a notebook: not UTF-8 text (binary data?)"})
del raw
try:
    nb = json.loads(text)
except (ValueError, RecursionError) as e:
    out({"error": f"is not a notebook: not valid JSON ({str(e)[:120]})"})
del text
if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
    if isinstance(nb, dict) and "worksheets" in nb:
        out({"error": "is an old (nbformat 3) notebook; open and save it in Jupyter first"})
    out({"error": "is valid JSON but not a Jupyter notebook (no list of cells)"})
if len(nb["cells"]) > max_cells:
    out({"error": f"has {len(nb['cells'])} cells, over the {max_cells} limit"})
meta = nb.get("metadata") if isinstance(nb.get("metadata"), dict) else {}
course = meta.get("course") if isinstance(meta.get("course"), dict) else {}
cells, total = [], 0
for c in nb["cells"]:
    if not isinstance(c, dict):
        continue
    m = c.get("metadata") if isinstance(c.get("metadata"), dict) else {}
    ng = m.get("nbgrader") if isinstance(m.get("nbgrader"), dict) else {}
    src = c.get("source", "") if c.get("cell_type") == "code" else ""
    src = "".join(x for x in src if isinstance(x, str)) if isinstance(src, list) else str(src)
    total += len(src)
    if len(src) > max_cell or total > max_code:
        out({"error": f"has {'a code cell' if len(src) > max_cell else 'code cells'} of "
                      f"{max(len(src), total) / 2**20:.1f} M characters, over the "
                      f"{(max_cell if len(src) > max_cell else max_code) / 2**20:g} M limit"})
    tags = m.get("tags") if isinstance(m.get("tags"), list) else []
    cells.append({"cell_type": str(c.get("cell_type")), "grade_id": ng.get("grade_id"),
                  "solution": bool(ng.get("solution")), "source": src,
                  "experiment": "experiment" in tags})
out({"module": course.get("module"), "kernelspec": meta.get("kernelspec"), "cells": cells,
     "nbformat": nb.get("nbformat")})
'''


def load_secret(path: Path) -> bytes:
    """The class's grading secret (created once, random, readable by its owner only)."""
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(os.urandom(32).hex().encode())
    return path.read_bytes()


def secret_seeds(module: Module, secret: bytes) -> dict[str, tuple[int, ...]]:
    """{task id: visible seeds + as many hidden seeds as the task has, drawn from the secret}.

    The hidden seeds in the code are public (students run them in `course check`); these
    are 32-bit seeds nobody can know before grading. The secret stays with the grades
    (reports/<module>/secret), so a grade can be reproduced."""
    import hmac

    out = {}
    for t in module.tasks:
        drawn = tuple(int.from_bytes(hmac.new(secret, f"{module.id}:{t.id}:{i}".encode(),
                                              "sha256").digest()[:4], "little")
                      for i in range(len(t.hidden_seeds)))
        out[t.id] = t.seeds + drawn
    return out


def secret_id(secret: bytes) -> str:
    return hashlib.sha256(b"course-grade:" + secret).hexdigest()[:16]


class Unusable(Exception):
    """A submission that cannot be graded; the message is the reason given in the report."""


def sha256(path: Path | int) -> str:
    """The digest of a file (a path, or an open descriptor read from its start)."""
    h = hashlib.sha256()
    if isinstance(path, int):
        offset = 0
        while block := os.pread(path, 1 << 20, offset):
            h.update(block)
            offset += len(block)
        return h.hexdigest()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def open_submitted(path: Path, submitted: Path) -> int:
    """A read-only descriptor of a submitted file, never through a symbolic link (at any
    level below submitted/) and never outside submitted/ (raises Unusable with the reason)."""
    submitted = submitted.resolve()
    try:
        rel = path.relative_to(submitted)
    except ValueError:
        raise Unusable(f"{path} is outside the submitted folder") from None
    at = submitted
    for part in rel.parts:
        at = at / part
        if at.is_symlink():
            raise Unusable(f"{at.relative_to(submitted)} is a symbolic link: submit the file "
                           "itself")
    if not os.path.realpath(path).startswith(str(submitted) + os.sep):
        raise Unusable(f"{path.name} resolves outside the submitted folder")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as e:
        raise Unusable(f"{path.name} cannot be opened: {e.strerror}") from None
    st = os.fstat(fd)
    import stat
    if not stat.S_ISREG(st.st_mode) or st.st_nlink > 1:
        os.close(fd)
        raise Unusable(f"{path.name} is not a plain file" if not stat.S_ISREG(st.st_mode) else
                       f"{path.name} has other hard links: submit a copy of the file")
    return fd


def neutral(text: object) -> str:
    """A CSV cell a spreadsheet shows as text: no formula (=, +, -, @, tab, CR first). The
    quote it adds is added to a text starting with a quote too, so two texts never share
    a cell."""
    text = clean(str(text), 2000)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r", "'") else text


def record_id(student: str) -> str:
    """The id a submission folder's name is recorded under (gradebook, CSV, reports): the
    name itself when it is clean text, else (lone surrogates: bytes that are not UTF-8,
    which clean() would make alike) its clean start and a digest of the name."""
    sid = clean(student, 1000)
    return sid if sid == student else file_id(student)


_DIGEST_NAME = re.compile(r".*-[0-9a-f]{16}", re.S)   # what file_id makes of a long id


def file_id(student: str) -> str:
    """The name of a student's report files: the id itself, or, when too long for a file
    name (or shaped like such a name: no id may take another's files), its start and a
    digest."""
    sid = clean(student, 1000)
    if len(sid.encode()) <= 200 and sid == student and not _DIGEST_NAME.fullmatch(sid):
        return sid
    return sid.encode()[:120].decode("utf-8", "ignore") + "-" + \
        hashlib.sha256(student.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def atomic_write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def extract(path: Path | int, timeout: float = 120.0, name: str = "the notebook") -> dict:
    """What grading needs from a submitted notebook, a path or an open descriptor (raises
    Unusable with the reason). Code cells are bounded (MAX_CELL, MAX_CODE); strings clean."""
    if isinstance(path, Path):
        if not path.exists():
            raise Unusable("no notebook")
        name = path.name
        fd = os.open(path, os.O_RDONLY)
    else:
        fd = os.dup(path)
    try:
        size = os.fstat(fd).st_size
        if size > MAX_BYTES:
            raise Unusable(f"the notebook is {size / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} "
                           "MB limit: clear its outputs and resubmit")
        os.lseek(fd, 0, os.SEEK_SET)
        proc = subprocess.run([sys.executable, "-I", "-S", "-c", EXTRACT, str(fd), str(MAX_CELL),
                               str(MAX_CODE), str(MAX_CELLS)], capture_output=True, timeout=timeout,
                              env={"PATH": "/usr/bin:/bin"}, pass_fds=[fd])
        if len(proc.stdout) > 2 * MAX_CODE + 2**20:
            raise Unusable("the notebook could not be parsed (its cells are too large)")
        data = json.loads(proc.stdout or b"{}")
    except subprocess.TimeoutExpired:
        raise Unusable("the notebook could not be parsed in time") from None
    except ValueError:
        raise Unusable("the notebook could not be parsed (out of memory?)") from None
    finally:
        os.close(fd)
    if not isinstance(data, dict):
        raise Unusable("the notebook could not be parsed")
    if "error" in data:
        raise Unusable(f"{clean(name, 200)} {clean(str(data['error']), 300)}")
    if not isinstance(data.get("cells"), list):
        raise Unusable("the notebook could not be parsed (out of memory?)")
    for c in data["cells"]:
        c["source"] = clean(c.get("source") or "", MAX_CELL)
        if isinstance(c.get("grade_id"), str):
            c["grade_id"] = clean(c["grade_id"], 200)
    if isinstance(data.get("module"), str):
        data["module"] = clean(data["module"], 100)
    return data


# --------------------------------------------------------------------------- the source
@dataclass
class Source:
    """The instructor's notebook for one module: what runs, and the released notebook."""

    module: Module
    cells: list[tuple[str, str, str | None, str]]   # (label, kind setup|solution, grade_id, src)
    release: nbformat.NotebookNode
    digest: str
    # every grade id (tests too) -> the setup or solution cell at or before it in the source,
    # the place where code cells a student added after it are run
    anchors: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def load(cls, module_id: str) -> Source:
        from course.build import source_notebook

        module = get_module(module_id)
        nb = source_notebook(module.id)
        cells, anchors, last = [], {}, None
        for i, c in enumerate(nb.cells):
            gid = nbgrader_meta(c).get("grade_id")
            if c.cell_type == "code" and not is_test_cell(c) and not is_experiment(c):
                last = gid
            if gid:
                anchors[gid] = last
            if c.cell_type != "code" or is_test_cell(c) or is_experiment(c):
                continue
            m = nbgrader_meta(c)
            kind = "solution" if m.get("solution") else "setup"
            cells.append((cell_label(i, c), kind, m.get("grade_id"), _source(c)))
        release = _release(module.id)
        digest = hashlib.sha256(nbformat.writes(nb).encode()).hexdigest()
        return cls(module, cells, release, digest, anchors)

    def setup(self) -> list[str]:
        """The setup cells' sources (what the worker may import from course.reference)."""
        return [src for _, kind, _, src in self.cells if kind == "setup"]

    def student_cells(self, sub: dict) -> tuple[list, dict, list, dict]:
        """Source setup cells + the submission's solution cells by grade id.

        Returns (cells to run, errors by cell label, notes, {grade id: solution source}).
        """
        found: dict[str, str] = {}
        added: dict[str | None, list[str]] = {}  # code cells the student added, by the cell before
        anchor = None
        notes = []
        for c in sub["cells"]:
            gid = c.get("grade_id")
            if c.get("cell_type") != "code":
                continue
            if gid is None and not c.get("experiment"):
                added.setdefault(anchor, []).append(_source({"source": c.get("source", "")}))
                continue
            if isinstance(gid, str) and gid in self.anchors:
                anchor = self.anchors[gid]
            if not c.get("solution") or not isinstance(gid, str):
                continue
            if gid in found:
                notes.append(f"solution cell {gid} appears twice; the first one was graded")
                continue
            found[gid] = _source({"source": c.get("source", "")})
        cells, errors = [], {}
        cells += [(f"added before the first graded cell ({k + 1})", src)
                  for k, src in enumerate(added.get(None, []))]
        for label, kind, gid, src in self.cells:
            if kind == "setup":
                cells.append((label, src))
            elif gid in found:
                cells.append((label, found[gid]))
            else:
                errors[label] = (f"the solution cell {gid} is missing from the notebook (deleted, "
                                 "or its nbgrader metadata removed)")
            # cells the student added after this one (helpers they wrote) run here too
            cells += [(f"added after {gid} ({k + 1})", extra)
                      for k, extra in enumerate(added.get(gid, []))]
        return cells, errors, notes, found


def _release(module_id: str) -> nbformat.NotebookNode:
    """The released exercise notebook (built into a temp folder if exercises/ lacks it)."""
    from course import ROOT
    from course.build import generate

    path = ROOT / "exercises" / module_id / f"{module_id}.ipynb"
    if not path.exists():
        with tempfile.TemporaryDirectory() as tmp:
            path = generate(module_id, Path(tmp)) / f"{module_id}.ipynb"
            return nbformat.read(path, as_version=4)
    return nbformat.read(path, as_version=4)


# ------------------------------------------------------------------------------ one submission
@dataclass
class Outcome:
    student: str
    module: str
    status: str                      # graded | ungradable
    reason: str = ""
    file: str = ""
    sha256: str = ""
    source: str = ""
    results: dict[str, CheckResult] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    solutions: dict[str, str] = field(default_factory=dict)
    secret: str = ""                 # the id of the secret the hidden seeds came from
    gradebook: list | None = field(default=None, repr=False)  # gradebook_rows, once written

    @property
    def score(self) -> float:
        return sum(r.score for r in self.results.values())

    def to_json(self, module: Module) -> dict:
        return {"format": FORMAT, "student": self.student, "module": self.module,
                "status": self.status, "reason": self.reason, "file": self.file,
                "sha256": self.sha256, "source": self.source, "score": self.score,
                "max_score": module.max_score, "notes": self.notes, "seconds": self.seconds,
                "secret": self.secret,
                "tasks": [self.results[t.id].to_json() for t in module.tasks if t.id in self.results]}

    @classmethod
    def from_json(cls, d: dict) -> Outcome:
        res = {t["task"]: CheckResult.from_json(t) for t in d.get("tasks", [])}
        return cls(d["student"], d["module"], d["status"], d.get("reason", ""), d.get("file", ""),
                   d.get("sha256", ""), d.get("source", ""), res, d.get("notes", []),
                   d.get("seconds", 0.0), secret=d.get("secret", ""))


def _ungradable_results(module: Module, reason: str) -> dict[str, CheckResult]:
    return {t.id: CheckResult(t.id, t.name, t.points, False, f"not graded: {reason}",
                              status="error") for t in module.tasks}


def grade_one(source: Source, folder: Path, student: str, sandbox: Sandbox,
              timeout: float | None, submitted: Path | None = None,
              secret: bytes | None = None) -> Outcome:
    """Grade submitted/<student>/<module>/ (never raises for bad input). secret: draw the
    hidden seeds from it (else the task's own, public, hidden seeds)."""
    mid = source.module.id
    t0 = time.perf_counter()
    out = Outcome(record_id(student), mid, "ungradable", source=source.digest,
                  secret=secret_id(secret) if secret else "")
    path = folder / f"{mid}.ipynb"
    fd = None
    try:
        if folder.parent.is_symlink() or folder.is_symlink():
            raise Unusable(f"{(folder.parent if folder.parent.is_symlink() else folder).name} "
                           "is a symbolic link: submit the files themselves")
        if not folder.is_dir():
            raise Unusable(f"no folder {folder.name}/ for this module")
        if not path.exists() and not path.is_symlink():
            others = sorted(clean(p.name, 100) for p in folder.iterdir() if p.suffix == ".ipynb")
            if others:
                raise Unusable(f"no {mid}.ipynb; found {', '.join(others[:5])} "
                               "(renamed? nbgrader grades only the released file name)")
            raise Unusable(f"no notebooks in the submission folder (expected {mid}.ipynb)")
        out.file = clean(str(path), 2000)
        fd = open_submitted(path, submitted or folder.parent.parent)
        out.sha256 = sha256(fd)
        sub = extract(fd, name=path.name)
        declared = sub.get("module")
        if isinstance(declared, str) and declared != mid:
            raise Unusable(f"this is the notebook of module {declared}, not {mid}")
        cells, errors, notes, found = source.student_cells(sub)
        out.notes += [printable(n, 2000) for n in notes[:20]]
        if not any(kind == "solution" and gid in found for _, kind, gid, _ in source.cells):
            raise Unusable(f"none of the module's solution cells is in {path.name} "
                           "(a notebook of another module, or its metadata stripped?)")
        ks = sub.get("kernelspec")
        if isinstance(ks, dict) and ks.get("name") not in (None, "python3"):
            out.notes.append(f"kernelspec {clean(str(ks.get('name')), 80)!r} ignored: graded "
                             "with Python 3")
        out.results = grade_cells(source.module, cells, sandbox, timeout=timeout,
                                  extra_errors=errors,
                                  seeds=secret_seeds(source.module, secret) if secret else None)
        out.solutions = found
        out.status = "graded"
    except Unusable as e:
        out.reason = printable(str(e), 2000)
        out.results = _ungradable_results(source.module, out.reason)
    finally:
        if fd is not None:
            os.close(fd)
    out.seconds = round(time.perf_counter() - t0, 2)
    return out


# ------------------------------------------------------------------------------ writing results
def autograded_notebook(source: Source, out: Outcome) -> nbformat.NotebookNode:
    """The released notebook, the student's solution cells, and our feedback as test outputs."""
    nb = copy.deepcopy(source.release)
    by_gid = {t.grade_id: t for t in source.module.tasks}
    for cell in nb.cells:
        m = nbgrader_meta(cell)
        gid = m.get("grade_id")
        if cell.cell_type == "code" and m.get("solution") and gid in out.solutions:
            cell.source = out.solutions[gid]
        if cell.cell_type == "code" and is_test_cell(cell):
            cell.source = re.sub(r"\n?### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS\n?", "\n",
                                 cell.source, flags=re.S).rstrip()
            task = by_gid.get(gid)
            res = out.results.get(task.id) if task else None
            outputs = []
            if res is not None:
                outputs.append(nbformat.v4.new_output("stream", name="stdout", text=res.text() + "\n"))
                if not res.passed:
                    outputs.append(nbformat.v4.new_output(
                        "error", ename="CheckFailed", evalue=f"task {res.task}: {res.summary}",
                        traceback=[f"CheckFailed: task {res.task} {res.name}: {res.summary}"]))
            cell.outputs = outputs
    return nb


def report_html(module: Module, out: Outcome) -> str:
    rows = []
    for t in module.tasks:
        r = out.results.get(t.id)
        if r is None:
            continue
        color = "#d4edda" if r.passed else "#f8d7da"
        rows.append(f'<tr style="background:{color}"><td>{html.escape(t.id)}</td>'
                    f"<td>{html.escape(t.name)}</td><td>{r.score:g}/{r.points:g}</td>"
                    f"<td><pre>{html.escape(r.text())}</pre></td></tr>")
    head = f"{html.escape(out.student)}: {module.id} {html.escape(module.title)}"
    reason = f"<p><b>Not graded:</b> {html.escape(out.reason)}</p>" if out.reason else ""
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in out.notes)
    return (f"<!doctype html><meta charset='utf-8'><title>{head}</title><h1>{head}</h1>"
            f"<p>Score: <b>{out.score:g} / {module.max_score:g}</b></p>{reason}"
            f"{'<ul>' + notes + '</ul>' if notes else ''}"
            "<table border=1 cellpadding=4 style='border-collapse:collapse'>"
            "<tr><th>task</th><th>name</th><th>score</th><th>feedback</th></tr>"
            + "".join(rows) + "</table>\n")


def write_outcome(root: Path, source: Source, out: Outcome) -> None:
    """Autograded notebook and HTML first, the JSON (the resume record) last; all atomic."""
    mid = source.module.id
    nb = autograded_notebook(source, out)
    fid = file_id(out.student)
    atomic_write(root / "autograded" / fid / mid / f"{mid}.ipynb", nbformat.writes(nb))
    out.gradebook = gradebook_rows(nb)
    reports = root / "reports" / mid
    atomic_write(reports / f"{fid}.html", report_html(source.module, out))
    atomic_write(reports / f"{fid}.json",
                 json.dumps(out.to_json(source.module), indent=1, default=str))


def keep_exchange_files(folder: Path, dest: Path) -> None:
    """The timestamp and secret nbgrader's exchange put in a submission, copied next to the
    autograded notebook as nbgrader's autograde does: generate_feedback and release_feedback
    read them there. Small regular files only (the folder is the student's)."""
    for name in ("timestamp.txt", "submission_secret.txt"):
        src = folder / name
        if src.is_file() and not src.is_symlink() and src.stat().st_size <= 4096:
            atomic_write(dest / name, src.read_bytes())


def stored(root: Path, source: Source, student: str, folder: Path,
           secret: str = "") -> Outcome | None:
    """The stored result, if it is for this exact submission, source and secret."""
    fid = file_id(record_id(student))
    p = root / "reports" / source.module.id / f"{fid}.json"
    nbp = root / "autograded" / fid / source.module.id / f"{source.module.id}.ipynb"
    try:
        d = json.loads(p.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(d, dict) or d.get("format") != FORMAT or d.get("source") != source.digest \
            or not nbp.exists() or d.get("student") != record_id(student) \
            or d.get("secret", "") != secret:
        return None
    path = folder / f"{source.module.id}.ipynb"
    digest = sha256(path) if path.is_file() and not path.is_symlink() else ""
    if d.get("sha256", "") != digest:
        return None
    if not digest and d.get("status") == "graded":
        return None
    return Outcome.from_json(d)


def write_csv(root: Path, module: Module, outcomes: list[Outcome], missing=()) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["student", "status", "score", "max_score", *[t.id for t in module.tasks], "reason"])
    for o in sorted(outcomes, key=lambda o: o.student):
        w.writerow([neutral(o.student), neutral(o.status), f"{o.score:g}", f"{module.max_score:g}",
                    *[f"{o.results[t.id].score:g}" if t.id in o.results else "" for t in module.tasks],
                    neutral(o.reason)])
    for student in missing:   # on the roster, nothing submitted: no score, not 0
        w.writerow([neutral(student), "missing", "", f"{module.max_score:g}",
                    *[""] * len(module.tasks), "no submission"])
    path = root / "reports" / module.id / "grades.csv"
    atomic_write(path, buf.getvalue())
    return path


# ------------------------------------------------------------------------------ gradebook
def roster(root: Path) -> list[str]:
    """Students in the course's gradebook (`nbgrader db student add/import`), if it has one."""
    if not (root / "gradebook.db").exists():
        return []
    from nbgrader.api import Gradebook

    _alembic_on_path()
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        return sorted(s.id for s in gb.students)


def _alembic_on_path() -> None:
    """nbgrader's Gradebook runs `alembic` from PATH: make it this interpreter's (and
    read the schema's head without it, course.build.fast_gradebooks)."""
    from course.build import fast_gradebooks

    fast_gradebooks()
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


def ensure_assignment(db_url: str, module_id: str) -> None:
    """Create the assignment in the gradebook the way nbgrader does (generate_assignment)."""
    from nbgrader.api import Gradebook, MissingEntry

    _alembic_on_path()
    with Gradebook(db_url) as gb:
        try:
            gb.find_notebook(module_id, module_id)
            return
        except MissingEntry:
            pass
    from course import ROOT
    from course.build import nbgrader_command, tool_env, write_source_notebook

    write_source_notebook(module_id)
    with tempfile.TemporaryDirectory() as tmp:
        cmd = nbgrader_command("generate_assignment", module_id, "--force", f"--db={db_url}",
                               f"--CourseDirectory.root={ROOT}",
                               f"--CourseDirectory.release_directory={tmp}/release",
                               "--log-level=WARN")
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=tool_env())
        if proc.returncode != 0:
            raise RuntimeError(f"nbgrader generate_assignment {module_id} failed:\n{proc.stderr}")


def gradebook_rows(nb: nbformat.NotebookNode) -> list[tuple[str, str, object]]:
    """What nbgrader's SaveAutoGrades takes from an autograded notebook, cell by cell:
    ("grade", grade id, auto score) and ("comment", grade id, auto comment), with nbgrader.utils."""
    from nbgrader import utils

    rows: list[tuple[str, str, object]] = []
    for cell in nb.cells:
        gid = nbgrader_meta(cell).get("grade_id")
        if utils.is_grade(cell):
            rows.append(("grade", gid, utils.determine_grade(cell)[0]))
        if utils.is_solution(cell) or utils.is_task(cell):
            unchanged = cell.metadata.nbgrader.get("checksum") == utils.compute_checksum(cell)
            rows.append(("comment", gid, "No response." if unchanged and not utils.is_task(cell)
                         else None))
    return rows


def write_gradebook(root: Path, source: Source, outcomes: list[Outcome],
                    registered: Future | None = None) -> str:
    """Student, submission, grade and comment rows via nbgrader's API, in one transaction.

    Scores and comments are set exactly as nbgrader's SaveAutoGrades does (gradebook_rows).
    registered: ensure_assignment already running (register_in_background), else it runs here.
    """
    from nbgrader.api import Gradebook

    _alembic_on_path()
    mid = source.module.id
    db_url = f"sqlite:///{root / 'gradebook.db'}"
    if registered is None:
        ensure_assignment(db_url, mid)
    else:
        registered.result()      # raises what ensure_assignment raised
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # SQLAlchemy's autoflush notes inside nbgrader
        with Gradebook(db_url) as gb:
            for o in outcomes:
                gb.update_or_create_student(o.student)
                gb.update_or_create_submission(mid, o.student)
            for o in outcomes:
                rows = o.gradebook
                if rows is None:      # resumed: read back the autograded notebook
                    try:
                        nb = nbformat.read(root / "autograded" / file_id(o.student) / mid /
                                           f"{mid}.ipynb", as_version=4)
                    except (OSError, ValueError):
                        nb = autograded_notebook(source, o)
                    rows = gradebook_rows(nb)
                subnb = gb.find_submission_notebook(mid, mid, o.student)
                grades = {g.name: g for g in subnb.grades}
                comments = {c.name: c for c in subnb.comments}
                for kind, gid, value in rows:
                    if kind == "grade" and gid in grades:
                        grade = grades[gid]
                        grade.auto_score = value
                        grade.needs_manual_grade = (grade.manual_score is not None
                                                    or grade.auto_score is None)
                    elif kind == "comment" and gid in comments:
                        comments[gid].auto_comment = value
            gb.db.commit()
    return db_url


def register_in_background(root: Path, module_id: str) -> Future:
    """ensure_assignment in a thread (nbgrader's generate_assignment, a subprocess of some
    seconds on a new gradebook), so that it overlaps grading; write_gradebook waits for it."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="register-assignment")
    future = pool.submit(ensure_assignment, f"sqlite:///{root / 'gradebook.db'}", module_id)
    pool.shutdown(wait=False)
    return future


# ------------------------------------------------------------------------------ the class
def discover(submitted: Path, module_id: str) -> dict[str, Path]:
    """{student: submitted/<student>/<module>} for every student folder with that module
    (dot-folders too), and every symbolic link in submitted/ (refused when graded)."""
    out = {}
    if not submitted.is_dir():
        return out
    for d in sorted(submitted.iterdir()):
        if d.is_symlink() or (d.is_dir() and (d / module_id).exists() or
                              (d / module_id).is_symlink()):
            out[d.name] = d / module_id
    return out


@dataclass
class Run:
    outcomes: list[Outcome]
    seconds: float
    resumed: int
    csv: Path
    db_url: str | None
    errors: list[str] = field(default_factory=list)    # outputs that could not be written
    missing: list[str] = field(default_factory=list)   # on the roster, no submission folder


def grade_class(module_id: str, submitted: Path, root: Path, *, jobs: int = 0,
                timeout: float | None = None, memory_mb: int = 1024, progress: bool = True,
                gradebook: bool = True, sandbox: Sandbox | None = None) -> Run:
    """Grade every submission of a module; resume from stored results; write everything."""
    from tqdm import tqdm

    t0 = time.perf_counter()
    source = Source.load(module_id)
    mid = source.module.id
    folders = discover(submitted, mid)
    recorded = {record_id(s) for s in folders}
    missing = [s for s in roster(root) if s not in recorded]
    jobs = jobs or os.cpu_count() or 1
    own = sandbox is None
    sandbox = sandbox or Sandbox(memory_mb=memory_mb, hide=[str(submitted), str(root)],
                                 setup=source.setup(), module=mid)
    secret = load_secret(root / "reports" / mid / "secret")
    registered = register_in_background(root, mid) if gradebook and folders else None
    outcomes: dict[str, Outcome] = {}
    todo = []
    for student, folder in folders.items():
        o = stored(root, source, student, folder, secret_id(secret))
        if o is not None:
            outcomes[student] = o
        else:
            todo.append(student)
    resumed = len(outcomes)
    counts = {"graded": 0, "failed": 0, "errored": 0}
    bar = tqdm(total=len(folders), initial=resumed, desc=f"grading {mid}", unit="nb",
               disable=not progress, file=sys.stderr)

    def work(student):
        o = grade_one(source, folders[student], student, sandbox, timeout, submitted, secret)
        write_outcome(root, source, o)
        keep_exchange_files(folders[student], root / "autograded" / file_id(o.student) / mid)
        return o

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(work, s): s for s in todo}
        for fut in as_completed(futures):
            student = futures[fut]
            try:
                o = fut.result()
                counts["graded" if o.status == "graded" else "failed"] += 1
            except Exception as e:  # noqa: BLE001 - a grader bug must not stop the class
                o = Outcome(record_id(student), mid, "ungradable",
                            printable(f"grader error: {type(e).__name__}: {e}", 500),
                            source=source.digest,
                            results=_ungradable_results(source.module, "grader error"))
                counts["errored"] += 1
                try:
                    write_outcome(root, source, o)
                except Exception:  # noqa: BLE001 - e.g. a full disk: the CSV still gets its row
                    pass
            outcomes[student] = o
            bar.set_postfix(counts)
            bar.update(1)
    bar.close()
    if own:
        sandbox.close()
    ordered = [outcomes[s] for s in sorted(outcomes)]
    csv_path = write_csv(root, source.module, ordered, missing)
    db, errors = None, []
    if gradebook and ordered:
        try:
            db = write_gradebook(root, source, ordered, registered)
        except Exception as e:  # noqa: BLE001 - the CSV and reports stand; say what failed
            errors.append(f"gradebook.db not written: {type(e).__name__}: {str(e)[:300]}")
    return Run(ordered, round(time.perf_counter() - t0, 2), resumed, csv_path, db, errors, missing)


def summary(module: Module, run: Run) -> str:
    """A table: per task how many passed; the score distribution; ungradable reasons."""
    outs = run.outcomes
    graded = [o for o in outs if o.status == "graded"]
    lines = [f"{module.id}: {len(outs)} submissions, {len(graded)} graded, "
             f"{len(outs) - len(graded)} ungradable, {run.resumed} resumed, {run.seconds:g} s",
             f"{'task':<6}{'name':<24}{'points':>7}{'passed':>8}{'timeout':>9}{'error':>7}"]
    for t in module.tasks:
        rs = [o.results[t.id] for o in graded if t.id in o.results]
        lines.append(f"{t.id:<6}{t.name:<24}{t.points:>7g}{sum(r.passed for r in rs):>8}"
                     f"{sum(r.status == 'timeout' for r in rs):>9}{sum(r.status == 'error' for r in rs):>7}")
    if graded:
        scores = sorted(o.score for o in graded)
        lines.append(f"scores: min {scores[0]:g}, median {scores[len(scores) // 2]:g}, "
                     f"max {scores[-1]:g} of {module.max_score:g}")
    for o in outs:
        if o.status != "graded":
            lines.append(f"  {printable(o.student)}: not graded: {printable(o.reason)}")
    for student in run.missing:
        lines.append(f"  {printable(student)}: missing: on the gradebook's roster, no submission")
    return "\n".join(lines)
