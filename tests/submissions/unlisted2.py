"""A second batch of attacks on `course grade` (issue 13), written apart from the defences.

Each attack is data: a function that writes one or more student folders of module 02 into
submitted/ and returns {student: expected}, where expected is what the code honestly earns
(a {task: points} dict), a phrase of the clear reason it is ungradable (str), or
AtMost(points) for a submission that sabotages its own grading; and the name of the property
it must keep beyond its score (PROPS, checked by tests/test_attacks2.py).

HELDOUT is the half of the batch drawn by random.Random(1313).shuffle, committed before any
attack was run: it measures the defences on attacks nobody designed them against.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

import nbformat
from scenarios import MID, _nb_bytes, cell, partial, release, with_code, write

HONEST_TASKS = {"2.1": 1.0, "2.2": 3.0, "2.3": 2.0, "2.4": 2.0, "2.5": 0.0, "2.6": 0.0,
                "2.7": 3.0, "2.8": 0.0}


@dataclass(frozen=True)
class AtMost:
    """A submission whose tricks may cost it marks, never earn any: at most `points`."""

    points: float


# Writes a frame on every socket or pipe the worker holds (the channel to the grader):
# _send(a wire document, blobs) or _send_raw(JSON bytes, blobs).
CHAN = '''
import json as _json, os as _os, stat as _stat, struct as _struct
def _send_raw(j, blobs=()):
    body = _struct.pack("<QQ", len(j), len(blobs)) + j + b"".join(
        _struct.pack("<Q", len(b)) + b for b in blobs)
    frame = _struct.pack("<Q", len(body)) + body
    for fd in range(3, 256):
        try:
            st = _os.fstat(fd).st_mode
            if _stat.S_ISSOCK(st) or _stat.S_ISFIFO(st):
                v = memoryview(frame)
                while v:
                    v = v[_os.write(fd, v):]
        except OSError:
            pass
def _send(doc, blobs=()):
    _send_raw(_json.dumps(doc).encode(), blobs)
def _reply(value, back=None, left=None):
    _send({"dict": [["value", value], ["back", {"dict": back or []}],
                    ["left", {"dict": left or []}]]})
'''

SGD = '''
def sgd_step(params, grads, lr):
    for k in params:
        params[k] -= lr * grads[k]
'''

CORRECT_SOFTMAX = '''
def softmax_cross_entropy(logits, y):
    n = logits.shape[0]
    z = logits - logits.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(n), y].mean()
    dlogits = np.exp(logp)
    dlogits[np.arange(n), y] -= 1
    dlogits /= n
    return loss, dlogits
'''


def _one(name: str, nb, expected=None):
    def make(submitted: Path) -> dict:
        write(submitted / name / MID, {f"{MID}.ipynb": nb() if callable(nb) else nb})
        return {name: HONEST_TASKS if expected is None else expected}
    return make


def _code(name: str, code: str, expected=None, gid: str = "softmax_cross_entropy"):
    return _one(name, lambda: with_code(code, gid=gid), expected)


def _raw(name: str, data, expected):
    def make(submitted: Path) -> dict:
        write(submitted / name / MID, {f"{MID}.ipynb": data() if callable(data) else data})
        return {name: expected}
    return make


# ------------------------------------------------------------ the wire and the grader's memory
# One blob of 1 MB, referenced 2000 times: 2 GB in the grader if each reference is a copy.
BLOB_REUSED_ND = CHAN + '''
def softmax_cross_entropy(logits, y):
    _send({"dict": [["value", {"tuple": [{"nd": [0, "<f8", [131072]]}] * 2000}],
                    ["back", {"dict": []}], ["left", {"dict": []}]]}, [bytes(2**20)])
    return 0.0, np.zeros_like(logits)
'''

# The same through `sc` (a scalar tag whose blob is not 0-d) and the changes a call reports
# for arguments it does not own (Proxy.left keeps them until the next call).
BLOB_REUSED_SC = CHAN + '''
def softmax_cross_entropy(logits, y):
    _send({"dict": [["value", {"tuple": [0.0, 0.0]}], ["back", {"dict": []}],
                    ["left", {"dict": [["0", {"tuple": [{"sc": [0, "<f8", [131072]]}] * 2000}]]}]]},
          [bytes(2**20)])
    return 0.0, np.zeros_like(logits)
'''

MANY_TINY = CHAN + '''
def softmax_cross_entropy(logits, y):
    for _ in range(20000):
        _send({"dict": [["cell", "x"]]})
    return 0.0, np.zeros_like(logits)
'''

# A loading cell whose thread announces a 1 MB message, then sends it a byte at a time.
SLOW_DRIP = CHAN + '''
import threading as _th, time as _time
def _drip():
    socks = [fd for fd in range(3, 256) if _try_sock(fd)]
    for fd in socks:
        _os.write(fd, _struct.pack("<Q", 10**6))
    while True:
        for fd in socks:
            try:
                _os.write(fd, b"x")
            except OSError:
                pass
        _time.sleep(0.2)
def _try_sock(fd):
    try:
        return _stat.S_ISSOCK(_os.fstat(fd).st_mode)
    except OSError:
        return False
_th.Thread(target=_drip, daemon=True).start()
_time.sleep(0.5)
'''

HUGE_FLOAT = CHAN + '''
def softmax_cross_entropy(logits, y):
    _send({"dict": [["value", {"tuple": [{"float": "9" * (6 * 2**20)}, 0.0]}],
                    ["back", {"dict": []}], ["left", {"dict": []}]]})
    return 0.0, np.zeros_like(logits)
'''

DEEP_JSON = CHAN + '''
def softmax_cross_entropy(logits, y):
    _send_raw(b'{"dict": [["value", ' + b"[" * 100000 + b"]" * 100000 +
              b'], ["back", {"dict": []}], ["left", {"dict": []}]]}')
    return 0.0, np.zeros_like(logits)
'''

RNG_FORGED = CHAN + SGD + '''
def train_mlp(X, y, sizes, rng, lr=0.5, epochs=150, batch_size=32):
    state = {"dict": [["bit_generator", "PCG64"],
                      ["state", {"dict": [["state", {"int": "9" * 400}], ["inc", -1]]}],
                      ["has_uint32", 0], ["uinteger", 0]]}
    _send({"dict": [["value", {"tuple": [{"dict": []}, [0.0]]}],
                    ["back", {"dict": [["3", {"rng": state}]]}], ["left", {"dict": []}]]})
    raise NotImplementedError
'''

UNHASHABLE_KEY = CHAN + '''
def softmax_cross_entropy(logits, y):
    _send({"dict": [["value", {"dict": [[{"tuple": [[1, 2]]}, 1], [{"float": "nan"}, 2]]}],
                    ["back", {"dict": []}], ["left", {"dict": []}]]})
    return 0.0, np.zeros_like(logits)
'''

SIGSTOP = '''
import os as _os, signal as _signal
def softmax_cross_entropy(logits, y):
    _os.kill(_os.getpid(), _signal.SIGSTOP)
    return 0.0, np.zeros_like(logits)
'''

# ---------------------------------------------------------------- feedback forged or injected
FORGED_PASS = "2.5 softmax_cross_entropy  PASS  ok  [3/3]"
FORGED_WHERE = CHAN + f'''
def softmax_cross_entropy(logits, y):
    _send({{"dict": [["error", {{"dict": [["type", "ValueError"], ["message", "no"],
        ["where", {{"dict": [["file", "<cell x>\\n{FORGED_PASS}\\n>"], ["line", 1],
                              ["func", "f\\n    hint: all good, ignore the FAIL"]]}}]]}}]]}})
    raise ValueError("no")
'''

NEWLINE_ANSI = f'''
def softmax_cross_entropy(logits, y):
    raise ValueError("wrong\\n{FORGED_PASS}\\x1b[2K\\r\\x1b[32mall passed\\x1b[0m")
'''

LOADED_FORGED = CHAN + '''
_send({"dict": [["loaded", {"dict": [["2.6 numerical_gradient  PASS  ok  [2/2]",
                                      "<script>alert(1)</script>"]]}]]})
'''

SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(2)>"
HTML_IN_FEEDBACK = f'''
def softmax_cross_entropy(logits, y):
    raise ValueError({SCRIPT!r})
'''

ESCAPES = "\x1b[2J\x1b[1;1H\x1b]0;owned\x07\n  honest-correct: not graded: copied\r"


def _declares_escapes() -> nbformat.NotebookNode:
    nb = partial()
    nb.metadata["course"] = {"module": "03_init" + ESCAPES}
    return nb


def _student_outputs() -> nbformat.NotebookNode:
    nb = partial()
    c = cell(nb, "linear_forward")
    c.outputs = [nbformat.v4.new_output("display_data", data={
        "text/html": SCRIPT, "application/javascript": "alert(3)", "text/plain": "x"}),
        nbformat.v4.new_output("execute_result", data={"text/html": SCRIPT}, execution_count=1)]
    c.execution_count = 1
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(SCRIPT))
    return nb


# ----------------------------------------------------------------------------- odd input
def _malformed_cells() -> bytes:
    nb = json.loads(nbformat.writes(partial()))
    nb["cells"] += [
        {"cell_type": "code", "source": {"a": 1}, "metadata": {"nbgrader": "solution"}},
        {"cell_type": ["code"], "source": "raise SystemExit", "metadata": {}},
        {"cell_type": "code", "source": "raise SystemExit",
         "metadata": {"nbgrader": {"grade_id": ["softmax_cross_entropy"], "solution": True}}},
        {"cell_type": "code", "metadata": [], "source": ["_ok = 1\n", 5, None]},
        {"cell_type": "code", "metadata": {"tags": "experiment"}, "source": "_ok2 = 2"},
        {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": 7, "solution": "yes"}},
         "source": "_ok3 = 3"},
        7, None, [], "cell"]
    return json.dumps(nb).encode()


def _nan_literals() -> bytes:
    nb = json.loads(nbformat.writes(partial()))
    nb["metadata"]["weird"] = [float("nan"), float("inf"), -float("inf"), -0.0, 10**30]
    return json.dumps(nb).encode()        # NaN, Infinity: not JSON, but what Python writes


def _many_cells() -> nbformat.NotebookNode:
    nb = partial()
    i = nb.cells.index(cell(nb, "linear_forward"))
    nb.cells[i + 1:i + 1] = [nbformat.v4.new_code_cell(f"_x{k} = {k}") for k in range(4000)]
    return nb


def _deep_json() -> bytes:
    return b'{"cells": [], "metadata": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"


# ------------------------------------------------------------------------------ free marks?
# train_mlp shuffles with a generator of its own (the check says: ignores the rng, 0 points);
# at lr = 0, where the check reads the loop's bookkeeping, it reports +-inf losses, whose
# epoch means are nan and slip past comparisons with a tolerance.
INF_LOSSES = SGD + '''
import math as _math
def train_mlp(X, y, sizes, rng, lr=0.5, epochs=150, batch_size=32):
    params = mlp_init(sizes, rng)
    n = X.shape[0]
    if lr == 0:
        k = _math.ceil(n / batch_size)
        out = []
        for e in range(epochs):
            row = [float("inf") if (i + (e > 0)) % 2 == 0 else -float("inf") for i in range(k)]
            out += row
        return params, out
    own = np.random.default_rng()
    losses = []
    for _ in range(epochs):
        order = own.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            scores, caches = mlp_forward(params, X[idx])
            loss, dscores = softmax_cross_entropy(scores, y[idx])
            grads = mlp_backward(dscores, caches)
            sgd_step(params, grads, lr)
            losses.append(float(loss))
    return params, losses
'''

# A correct softmax returning odd but faithful types: a long double loss, a matrix subclass.
ODD_TYPES = CORRECT_SOFTMAX.replace("return loss, dlogits",
                                    "return np.longdouble(loss), np.asmatrix(dlogits)")

# --------------------------------------------------------------------------------- leaks
LEAK_SCAN = '''
import glob as _glob, os as _os
def softmax_cross_entropy(logits, y):
    found = []
    keys = ("secret", "gradebook", "submitted", "reports", "solutions", "class")
    for p in ["/proc/self/mountinfo", "/proc/1/cmdline", "/proc/1/environ",
              "/proc/self/environ"]:
        try:
            text = open(p, "rb").read().decode(errors="replace")
        except OSError:
            continue
        found += [w for w in text.replace("\\0", " ").split() if any(k in w for k in keys)]
    for top in ("/", "/sandbox", "/tmp", "/var", "/run", "/home", "/root"):
        for dirpath, dirs, files in _os.walk(top):
            dirs[:] = [d for d in dirs if dirpath != "/" or d not in ("usr", "proc", "sys")]
            found += [_os.path.join(dirpath, f) for f in files + dirs
                      if any(k in f for k in keys)]
    found += [k + "=" + v for k, v in _os.environ.items()]
    raise ValueError(" | ".join(found)[:1000] or "nothing")
'''

DIES_TWICE = '''
import os as _os, signal as _signal
if not _os.path.exists("/tmp/died-once"):
    open("/tmp/died-once", "w").close()
    _os._exit(3)
def softmax_cross_entropy(logits, y):
    _os.kill(_os.getpid(), _signal.SIGSEGV)
'''


# ---------------------------------------------------------------------- names and files
def _twins(name_a: str, name_b: str, nb_a, nb_b, exp_a, exp_b):
    def make(submitted: Path) -> dict:
        write(submitted / name_a / MID, {f"{MID}.ipynb": nb_a()})
        write(submitted / name_b / MID, {f"{MID}.ipynb": nb_b()})
        return {name_a: exp_a, name_b: exp_b}
    return make


def _file_id_collision(submitted: Path) -> dict:
    from autograder.batch import file_id

    long = "m" * 240
    return _twins(long, file_id(long), partial, lambda: release(MID), HONEST_TASKS, 0.0)(submitted)


def _undecodable_twins(submitted: Path) -> dict:
    a, b = os.fsdecode(b"twin-\xff"), os.fsdecode(b"twin-\xfe")
    return _twins(a, b, partial, lambda: release(MID), HONEST_TASKS, 0.0)(submitted)


def _fifo(submitted: Path) -> dict:
    name = "attack2-notebook-is-a-fifo"
    (submitted / name / MID).mkdir(parents=True)
    os.mkfifo(submitted / name / MID / f"{MID}.ipynb")
    return {name: "not a plain file"}


def _escaped_file_name(submitted: Path) -> dict:
    name = "attack2-escapes-in-file-name"
    write(submitted / name / MID, {f"{MID}{ESCAPES}.ipynb": partial()})
    return {name: "renamed"}


ATTACKS = {
    "attack2-blob-reused-nd": _code("attack2-blob-reused-nd", BLOB_REUSED_ND),
    "attack2-blob-reused-sc-left": _code("attack2-blob-reused-sc-left", BLOB_REUSED_SC),
    "attack2-many-tiny-messages": _code("attack2-many-tiny-messages", MANY_TINY),
    "attack2-slow-drip-at-load": _code("attack2-slow-drip-at-load", SLOW_DRIP),
    "attack2-huge-float-string": _code("attack2-huge-float-string", HUGE_FLOAT),
    "attack2-deep-json-reply": _code("attack2-deep-json-reply", DEEP_JSON),
    "attack2-rng-state-forged": _code("attack2-rng-state-forged", RNG_FORGED, gid="training"),
    "attack2-unhashable-key": _code("attack2-unhashable-key", UNHASHABLE_KEY),
    "attack2-sigstop": _code("attack2-sigstop", SIGSTOP),
    "attack2-forged-where": _code("attack2-forged-where", FORGED_WHERE),
    "attack2-newline-ansi-message": _code("attack2-newline-ansi-message", NEWLINE_ANSI),
    "attack2-loaded-forged": _code("attack2-loaded-forged", LOADED_FORGED,
                                   AtMost(sum(HONEST_TASKS.values())), gid="linear_forward"),
    "attack2-html-in-feedback": _code("attack2-html-in-feedback", HTML_IN_FEEDBACK),
    "attack2-escapes-in-declared-module": _raw("attack2-escapes-in-declared-module",
                                               lambda: _nb_bytes(_declares_escapes()),
                                               "notebook of module"),
    "attack2-escapes-in-file-name": _escaped_file_name,
    "attack2-student-html-outputs": _one("attack2-student-html-outputs", _student_outputs),
    "attack2-csv-apostrophe-twins": _twins("'=SUM(1)", "=SUM(1)", partial, partial,
                                           HONEST_TASKS, HONEST_TASKS),
    "attack2-file-id-collision": _file_id_collision,
    "attack2-undecodable-id-twins": _undecodable_twins,
    "attack2-id-newline-html": _one("evil\n<img src=x onerror=alert(1)>,graded,19", partial),
    "attack2-notebook-is-a-fifo": _fifo,
    "attack2-deep-json-notebook": _raw("attack2-deep-json-notebook", _deep_json,
                                       "not valid JSON"),
    "attack2-utf8-bom": _raw("attack2-utf8-bom", lambda: b"\xef\xbb\xbf" + _nb_bytes(partial()),
                             "JSON"),
    "attack2-malformed-cells": _raw("attack2-malformed-cells", _malformed_cells, HONEST_TASKS),
    "attack2-nan-literals": _raw("attack2-nan-literals", _nan_literals, HONEST_TASKS),
    "attack2-4000-added-cells": _one("attack2-4000-added-cells", _many_cells),
    "attack2-inf-losses": _code("attack2-inf-losses", INF_LOSSES, gid="training"),
    "attack2-odd-types-correct": _code("attack2-odd-types-correct", ODD_TYPES,
                                       {**HONEST_TASKS, "2.5": 3.0}),
    "attack2-leak-scan": _code("attack2-leak-scan", LEAK_SCAN),
    # the cell that ends the process is skipped, linear_forward with it (docs/grading.md)
    "attack2-dies-at-load-and-call": _code("attack2-dies-at-load-and-call", DIES_TWICE,
                                           {**HONEST_TASKS, "2.1": 0.0}, gid="linear_forward"),
}

# The property each attack must keep besides its score (checked in tests/test_attacks2.py):
#   refused     the forged reply is refused: the task is an error, not a judged answer
#   bounded     the submission costs a bounded time (its budget), the class goes on
#   one-line    each feedback line is one line of printable text: nothing forged in it
#   no-html     no student markup in the HTML report or the autograded notebook
#   reason      the reason in the CSV, the report and the summary is printable, one line
#   csv-apart   different students get different CSV cells
#   own-files   each student's reports and autograded notebook are its own
#   gradebook   different students are different gradebook students, with their own scores
#   no-leak     nothing of the grader's (paths, secret, gradebook) reaches the worker
#   score       the score alone
PROPS = {
    "attack2-blob-reused-nd": "refused", "attack2-blob-reused-sc-left": "refused",
    "attack2-many-tiny-messages": "bounded", "attack2-slow-drip-at-load": "bounded",
    "attack2-huge-float-string": "bounded", "attack2-deep-json-reply": "refused",
    "attack2-rng-state-forged": "refused", "attack2-unhashable-key": "refused",
    "attack2-sigstop": "bounded", "attack2-forged-where": "one-line",
    "attack2-newline-ansi-message": "one-line", "attack2-loaded-forged": "one-line",
    "attack2-html-in-feedback": "no-html", "attack2-escapes-in-declared-module": "reason",
    "attack2-escapes-in-file-name": "reason", "attack2-student-html-outputs": "no-html",
    "attack2-csv-apostrophe-twins": "csv-apart", "attack2-file-id-collision": "own-files",
    "attack2-undecodable-id-twins": "gradebook", "attack2-id-newline-html": "no-html",
    "attack2-notebook-is-a-fifo": "reason", "attack2-deep-json-notebook": "reason",
    "attack2-utf8-bom": "reason", "attack2-malformed-cells": "score",
    "attack2-nan-literals": "score", "attack2-4000-added-cells": "bounded",
    "attack2-inf-losses": "score", "attack2-odd-types-correct": "score",
    "attack2-leak-scan": "no-leak", "attack2-dies-at-load-and-call": "score",
}
assert set(PROPS) == set(ATTACKS)

_order = sorted(ATTACKS)
random.Random(1313).shuffle(_order)
HELDOUT = sorted(_order[:len(_order) // 2])
DESIGN = sorted(_order[len(_order) // 2:])


def build(submitted: Path, names: list[str] | None = None) -> dict[str, tuple[str, object]]:
    """Write the attacks `names` (all by default); {student: (attack, expected)}."""
    out = {}
    for name in names if names is not None else list(ATTACKS):
        for student, exp in ATTACKS[name](submitted).items():
            out[student] = (name, exp)
    return out
