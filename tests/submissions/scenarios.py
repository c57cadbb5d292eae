"""Submissions for grading tests, as data: each a small, named edit of the module-02 notebook.

`build_class(folder)` writes nbgrader's layout folder/<student>/02_backprop/... with one student
per scenario. The honest base (`partial`) is the reference solution with three tasks left as the
released stubs (2.5 softmax_cross_entropy, 2.6 numerical_gradient, 2.8 training; the last one
only to keep the tests fast): HONEST points out of 19.
Each attack adds one trick to that base; it must earn exactly HONEST, no more.
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass
from pathlib import Path

import nbformat

MID = "02_backprop"
STUBBED = ("softmax_cross_entropy", "numerical_gradient", "training")   # tasks 2.5, 2.6, 2.8
ATTACK_CELL = "softmax_cross_entropy"                        # attacks go into this stub's cell
HONEST = 11.0                                                # 19 - 3 - 2 - 3
MARKER = "/tmp/course-grading-pwned"                         # attacks try to create this


def release(mid: str = MID) -> nbformat.NotebookNode:
    from course import ROOT
    return nbformat.read(ROOT / "exercises" / mid / f"{mid}.ipynb", as_version=4)


def solved(mid: str = MID, stub: tuple[str, ...] = (), edits: dict | None = None
           ) -> nbformat.NotebookNode:
    """The released notebook with solution cells filled in from the source (except `stub`).

    edits: {old: new} text replacements applied to the source's solution cells first (a
    catalogue Scenario.replace); each old text must occur once.
    """
    from course.build import source_notebook

    answers = {}
    sources = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source_notebook(mid).cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    for old, new in (edits or {}).items():
        hits = [g for g, src in sources.items() if old in src]
        assert len(hits) == 1 and sources[hits[0]].count(old) == 1, (old, hits)
        sources[hits[0]] = sources[hits[0]].replace(old, new)
    for gid, src in sources.items():
        answers[gid] = "\n".join(line for line in src.splitlines()
                                 if "### BEGIN SOLUTION" not in line and "### END SOLUTION" not in line)
    nb = release(mid)
    for c in nb.cells:
        gid = c.metadata.get("nbgrader", {}).get("grade_id")
        if c.metadata.get("nbgrader", {}).get("solution") and gid not in stub:
            c.source = answers[gid]
    return nb


def replace(mid: str, edits: dict[str, str], stub: tuple[str, ...] = ()) -> nbformat.NotebookNode:
    """A catalogue-style mistake: text replacements in the source's solution cells."""
    return solved(mid, stub, edits)


def partial() -> nbformat.NotebookNode:
    return solved(MID, STUBBED)


def cell(nb, gid: str):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == gid)


def with_code(code: str, gid: str = ATTACK_CELL) -> nbformat.NotebookNode:
    """The honest base with `code` appended to a solution cell."""
    nb = partial()
    cell(nb, gid).source += "\n\n" + code.strip() + "\n"
    return nb


def edit(fn) -> nbformat.NotebookNode:
    nb = partial()
    fn(nb)
    return nb


def _set(nb, gid, key, value):
    cell(nb, gid).metadata["nbgrader"][key] = value


def _duplicate(nb, gid):
    i = nb.cells.index(cell(nb, gid))
    twin = copy.deepcopy(nb.cells[i])
    twin["id"] = twin.get("id", "cell") + "-twin"
    nb.cells.insert(i + 1, twin)


def _to_markdown(nb, gid):
    c = cell(nb, gid)
    i = nb.cells.index(c)
    nb.cells[i] = nbformat.v4.new_markdown_cell(c.source, metadata=c.metadata)


# A softmax that is wrong (returns zeros) but wrapped so naive graders would be fooled.
WRONG_SOFTMAX = '''
def softmax_cross_entropy(logits, y):
    return 0.0, np.zeros_like(logits)
'''

ATTACKS: dict[str, object] = {
    # --- the test cells and their metadata (tests always come from the source) ---
    "attack-edited-asserts": lambda: edit(lambda nb: setattr(cell(nb, "ex2_5"), "source",
                                                             'print("2.5 PASS")')),
    "attack-deleted-asserts": lambda: edit(lambda nb: setattr(cell(nb, "ex2_5"), "source", "")),
    "attack-deleted-test-cell": lambda: edit(lambda nb: nb.cells.remove(cell(nb, "ex2_5"))),
    "attack-removed-grade-id": lambda: edit(
        lambda nb: [c.metadata.pop("nbgrader", None) for c in nb.cells
                    if c.metadata.get("nbgrader", {}).get("grade")]),
    "attack-duplicated-test-cell": lambda: edit(lambda nb: _duplicate(nb, "ex2_1")),
    "attack-test-cell-to-markdown": lambda: edit(lambda nb: _to_markdown(nb, "ex2_5")),
    "attack-points-raised": lambda: edit(lambda nb: _set(nb, "ex2_1", "points", 100)),
    "attack-kernelspec": lambda: edit(lambda nb: nb.metadata.__setitem__(
        "kernelspec", {"name": "evil", "display_name": "evil", "language": "python"})),
    # --- the kernel ---
    "attack-showtraceback": lambda: with_code('''
try:
    get_ipython().showtraceback = lambda *a, **k: None
    get_ipython().showsyntaxerror = lambda *a, **k: None
except NameError:
    pass
''' + WRONG_SOFTMAX),
    "attack-input-transformer": lambda: with_code('''
try:
    get_ipython().input_transformers_cleanup.append(lambda lines: [])
except NameError:
    pass
'''),
    "attack-nbgrader-execution": lambda: with_code('''
import os
if os.environ.get("NBGRADER_EXECUTION"):
    def softmax_cross_entropy(logits, y):
        return 0.0, np.zeros_like(logits)
'''),
    # --- the comparison ---
    "attack-patched-allclose": lambda: with_code('''
import numpy, numpy.testing
numpy.allclose = lambda *a, **k: True
numpy.array_equal = lambda *a, **k: True
numpy.isclose = lambda *a, **k: True
numpy.testing.assert_allclose = lambda *a, **k: None
numpy.testing.assert_array_equal = lambda *a, **k: None
''' + WRONG_SOFTMAX),
    "attack-patched-builtins": lambda: with_code('''
import builtins
builtins.abs = lambda x: 0.0
builtins.max = lambda *a, **k: 0.0
builtins.isinstance = lambda *a: True
builtins.AssertionError = type("Nothing", (Exception,), {})
''' + WRONG_SOFTMAX),
    "attack-eq-always-true": lambda: with_code('''
class Anything(float):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __lt__(self, other): return True
    def __le__(self, other): return True
    def __gt__(self, other): return False
    def __hash__(self): return 0
class AnyArray(np.ndarray):
    def __eq__(self, other): return True
    def __array_ufunc__(self, *a, **k): return np.zeros(())
def softmax_cross_entropy(logits, y):
    return Anything(0.0), np.zeros_like(logits).view(AnyArray)
def numerical_gradient(f, x, h=1e-6):
    class Eq:
        def __eq__(self, other): return True
        shape = x.shape
    return Eq()
'''),
    # --- the process ---
    "attack-os-exit": lambda: with_code('''
import os
def softmax_cross_entropy(logits, y):
    os._exit(0)
'''),
    "attack-os-exit-toplevel": lambda: with_code("import os\nos._exit(0)"),
    "attack-kill-self": lambda: with_code('''
import os, signal
def softmax_cross_entropy(logits, y):
    os.kill(os.getpid(), signal.SIGKILL)
    os.killpg(0, signal.SIGKILL)
'''),
    "attack-infinite-loop": lambda: with_code('''
def softmax_cross_entropy(logits, y):
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
'''),
    "attack-memory-bomb": lambda: with_code('''
def softmax_cross_entropy(logits, y):
    hog = []
    while True:
        hog.append(np.ones(10**7))
'''),
    "attack-output-flood": lambda: with_code('''
import sys
for _ in range(20000):
    print("x" * 1000)
    sys.stderr.write("y" * 1000)
def softmax_cross_entropy(logits, y):
    for _ in range(20000):
        print("z" * 1000)
    return 0.0, np.zeros_like(logits)
'''),
    "attack-fake-pass-print": lambda: with_code('''
print("2.5 softmax_cross_entropy  PASS  ok  [3/3]")
print("All tests passed! Score: 19/19")
def softmax_cross_entropy(logits, y):
    print("2.5 softmax_cross_entropy  PASS  ok  [3/3]\\nScore: 19 / 19")
    return 0.0, np.zeros_like(logits)
'''),
    # --- the disk ---
    "attack-read-solutions": lambda: with_code('''
import glob, os
_found = []
for _pat in ["/work/main/solutions/*/*.py", "/work/main/solutions/*/*.ipynb",
             "/work/main/autograder/checks/*.py", "/work/main/gradebook.db",
             "/work/*/solutions/*/*.py", "/tmp/**/02_backprop*.ipynb", "/root/**/*.py",
             os.path.expanduser("~/**/solutions/**/*.py")]:
    _found += glob.glob(_pat, recursive=True)
for _p in _found:
    try:
        _src = open(_p).read()
    except OSError:
        continue
    if _p.endswith(".py") and "def softmax_cross_entropy" in _src:
        _ns = {}
        try:
            exec(_src.split("# %%")[0] + "\\n".join(
                c for c in _src.split("# %%") if "def softmax_cross_entropy" in c
                or "def numerical_gradient" in c or "import numpy" in c), _ns)
        except Exception:
            pass
        if "softmax_cross_entropy" in _ns:
            softmax_cross_entropy = _ns["softmax_cross_entropy"]
        if "numerical_gradient" in _ns:
            numerical_gradient = _ns["numerical_gradient"]
'''),
    "attack-atexit-results": lambda: with_code(f'''
import atexit, json, os, glob
def _forge():
    for _d in glob.glob("/work/**/reports/02_backprop", recursive=True) + glob.glob(
            "/tmp/**/reports/02_backprop", recursive=True):
        for _p in glob.glob(_d + "/*.json"):
            try:
                json.dump({{"score": 19, "status": "graded"}}, open(_p, "w"))
            except OSError:
                pass
    open({MARKER!r} + "-atexit", "w").write("pwned")
atexit.register(_forge)
'''),
    "attack-background-process": lambda: with_code(f'''
import os, subprocess, sys, time
try:
    subprocess.Popen(["/bin/sh", "-c", "sleep 3; echo pwned > {MARKER}-bg; "
                      "for f in /tmp/*/reports/02_backprop/*.json; do echo 19 > $f; done"],
                     start_new_session=True)
except Exception:
    pass
try:
    if os.fork() == 0:
        os.setsid()
        time.sleep(3)
        open({MARKER!r} + "-fork", "w").write("pwned")
        os._exit(0)
except Exception:
    pass
'''),
    "attack-malicious-pickle": lambda: with_code(f'''
import os, pickle
class Payload:
    def __reduce__(self):
        return (os.system, ("touch {MARKER}-pickle",))
def softmax_cross_entropy(logits, y):
    return Payload(), pickle.dumps(Payload())
def numerical_gradient(f, x, h=1e-6):
    return Payload()
'''),
}

def _helper_in_added_cell() -> nbformat.NotebookNode:
    """A student who writes a helper in a cell of their own, then uses it in a solution cell."""
    nb = partial()
    c = cell(nb, "linear_backward")
    c.source = c.source.replace("dx = dout @ w.T", "dx = transpose_times(dout, w)")
    i = nb.cells.index(c)
    nb.cells.insert(i, nbformat.v4.new_code_cell("def transpose_times(a, b):\n    return a @ b.T\n"))
    return nb


HONEST_CASES = {
    "honest-helper-in-added-cell": _helper_in_added_cell,
    "honest-correct": lambda: solved(MID),
    "honest-stub": lambda: release(MID),
    "honest-partial": partial,
    "honest-buggy-transposed-dw": lambda: replace(MID, {"dw = x.T @ dout": "dw = (x.T @ dout).T"}),
}
HONEST_SCORES = {"honest-helper-in-added-cell": HONEST, "honest-correct": 19.0, "honest-stub": 0.0, "honest-partial": HONEST,
                 "honest-buggy-transposed-dw": 16.0}


@dataclass(frozen=True)
class Bad:
    """Unusable input: what to write into the student's module folder; a phrase of the reason."""

    files: dict                   # file name -> bytes | notebook | None (a folder)
    reason: str


def _nb_bytes(nb) -> bytes:
    return nbformat.writes(nb).encode()


def _other_module() -> bytes:
    nb = partial()
    nb.metadata["course"] = {"module": "03_init"}
    return _nb_bytes(nb)


BAD = {
    "bad-missing-notebook": lambda: Bad({"notes.txt": b"I forgot"}, "no notebooks"),
    "bad-renamed-notebook": lambda: Bad({"02_backprop (1).ipynb": _nb_bytes(partial())}, "renamed"),
    "bad-not-json": lambda: Bad({f"{MID}.ipynb": b"def f():\n    return 1\n"}, "not valid JSON"),
    "bad-json-not-notebook": lambda: Bad({f"{MID}.ipynb": b'{"hello": [1, 2, 3]}'},
                                         "not a Jupyter notebook"),
    "bad-other-module": lambda: Bad({f"{MID}.ipynb": _other_module()}, "module 03_init"),
    "bad-binary-garbage": lambda: Bad({f"{MID}.ipynb": bytes(range(256)) * 64}, "not UTF-8"),
    "bad-empty-file": lambda: Bad({f"{MID}.ipynb": b""}, "empty"),
    "bad-no-notebooks": lambda: Bad({}, "no notebooks"),
}


def huge_outputs(megabytes: int = 100) -> nbformat.NotebookNode:
    """The honest base with `megabytes` MB of stream output in one cell (gradable)."""
    nb = partial()
    text = ("0123456789" * 100 + "\n") * 1024
    cell(nb, "linear_forward").outputs = [nbformat.v4.new_output(
        "stream", name="stdout", text=text * megabytes)]
    return nb


def write(folder: Path, files: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        if isinstance(data, nbformat.NotebookNode):
            data = _nb_bytes(data)
        (folder / name).write_bytes(data)


def build_class(submitted: Path, names: list[str] | None = None, huge_mb: int = 0) -> dict:
    """Write one student per scenario; returns {student: expected} where expected is a score
    (float) or, for unusable input, a phrase of the reason (str)."""
    expected = {}
    for name, make in {**HONEST_CASES, **ATTACKS}.items():
        if names is None or name in names:
            write(submitted / name / MID, {f"{MID}.ipynb": make()})
            expected[name] = HONEST_SCORES.get(name, HONEST)
    for name, make in BAD.items():
        if names is None or name in names:
            bad = make()
            write(submitted / name / MID, bad.files)
            expected[name] = bad.reason
    if huge_mb:
        write(submitted / "big-outputs" / MID, {f"{MID}.ipynb": huge_outputs(huge_mb)})
        expected["big-outputs"] = HONEST
    return expected


def digest(folder: Path) -> dict[str, str]:
    import hashlib
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


__all__ = ["ATTACKS", "BAD", "HONEST", "HONEST_CASES", "MARKER", "build_class", "digest", "json",
           "os"]
