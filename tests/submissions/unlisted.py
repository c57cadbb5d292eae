"""Attacks nobody listed before issue 13, one or more per mechanism, as data like scenarios.py.

Each is a named edit of the module-02 honest base (scenarios.partial, scenarios.HONEST points)
and must earn exactly what its code honestly earns (`expected(name)`), while the rest of the
class is graded normally. `build(submitted)` writes them next to scenarios.build_class's.
"""

from __future__ import annotations

import json
from pathlib import Path

from scenarios import ATTACK_CELL, HONEST, MARKER, MID, Bad, _nb_bytes, cell, partial, with_code, write

HONEST_TASKS = {"2.1": 1.0, "2.2": 3.0, "2.3": 2.0, "2.4": 2.0, "2.5": 0.0, "2.6": 0.0,
                "2.7": 3.0, "2.8": 0.0}                      # the honest base, task by task


def _frame(value: dict, name: str = "_forge") -> str:
    """Source of a helper that writes `value` (a wire document) as a message to every socket
    or pipe the process holds: the protocol channel to the grader, wherever it is."""
    return f"""
import json as _json, os as _os, stat as _stat, struct as _struct
def {name}(doc=_json.dumps({value!r})):
    body = _struct.pack("<QQ", len(doc), 0) + doc.encode()
    frame = _struct.pack("<Q", len(body)) + body
    for fd in range(3, 256):
        try:
            if _stat.S_ISSOCK(_os.fstat(fd).st_mode) or _stat.S_ISFIFO(_os.fstat(fd).st_mode):
                _os.write(fd, frame)
        except OSError:
            pass
"""


OVERWRITES_TEST_FUNCTION = """
def numerical_gradient(f, x, h=1e-6):
    for v in vars(f).values():
        v[...] = 0.0
    return np.zeros_like(x)
"""

# No real MLP: zero the parameters in place, then the gradients of a zero network are easy.
OVERWRITES_MLP_PARAMS = """
_SHAPES = {}
def mlp_forward(params, x):
    _SHAPES.clear()
    _SHAPES.update({k: v.shape for k, v in params.items()})
    for v in params.values():
        v[...] = 0.0
    n_out = params[f"b{len(params) // 2}"].shape[0]
    return np.zeros((x.shape[0], n_out)), None
def mlp_backward(dscores, caches):
    grads = {k: np.zeros(s) for k, s in _SHAPES.items()}
    grads[f"b{len(_SHAPES) // 2}"] = dscores.sum(axis=0)
    return grads
"""

OBJECT_CLAIMS_CLI_MAIN = """
class main:
    pass
main.__module__ = "course.cli.__main__"
def softmax_cross_entropy(logits, y):
    o = main()
    o.argv = ["grade", "02"]
    return o, o
"""

FORGED_REPLIES = (_frame({"dict": [["value", {"nd": 10**9}]]}) + """
def softmax_cross_entropy(logits, y):
    _forge()
    return 0.0, np.zeros_like(logits)
""" + _frame({"dict": [["value", "\udc80" * 1000]]}, "_forge2") + """
def numerical_gradient(f, x, h=1e-6):
    _forge2()
    return np.zeros_like(x)
""")

LONE_SURROGATES = """
# a comment with a lone surrogate: \udc80
def softmax_cross_entropy(logits, y):
    raise ValueError("\udc80\ud800 nothing to see")
"""

# A loading cell that never ends (it swallows the worker's alarm) and keeps telling the
# grader that it is still loading.
RENEWS_THE_CLOCK = _frame({}) + """
import sys, time
_label = sys._getframe().f_code.co_filename[6:-1]
while True:
    try:
        while True:
            _forge(_json.dumps({"dict": [["cell", _label]]}))
            time.sleep(0.3)
    except BaseException:
        pass
"""

GRADED = ["linear_forward", "linear_backward", "relu_forward", "relu_backward", "tanh_forward",
          "tanh_backward", "softmax_cross_entropy", "numerical_gradient", "mlp_forward",
          "mlp_backward", "sgd_step", "train_mlp"]
EVERY_FUNCTION_EXITS = "import os\n" + "\n".join(f"def {n}(*a, **k):\n    os._exit(3)"
                                                 for n in GRADED)


def lookup_table() -> str:
    """softmax_cross_entropy as a table of the check's outputs, recorded offline on the public
    seeds (the visible ones and the hidden ones written in the code); zeros elsewhere."""
    import hashlib

    import numpy as np

    from autograder.tasks import get_module
    from course.reference import nn

    table = {}

    def record(logits, y):
        key = hashlib.sha256(np.ascontiguousarray(logits, float).tobytes()
                             + np.asarray(y).astype(np.int64).tobytes()).hexdigest()
        loss, d = nn.softmax_cross_entropy(logits, y)
        table[key] = (float(loss), d.tolist())
        return loss, d

    task = get_module(MID).task("2.5")
    for seed in task.seeds + task.hidden_seeds:
        task.check(record, seed=seed)
    return f"""
import hashlib
_TABLE = {table!r}
def softmax_cross_entropy(logits, y):
    key = hashlib.sha256(np.ascontiguousarray(logits, float).tobytes()
                         + np.asarray(y).astype(np.int64).tobytes()).hexdigest()
    if key in _TABLE:
        return _TABLE[key][0], np.array(_TABLE[key][1])
    return 0.0, np.zeros_like(logits)
"""


def correct_softmax_source() -> str:
    from course.build import source_notebook
    src = next(c.source for c in source_notebook(MID).cells
               if c.metadata.get("nbgrader", {}).get("grade_id") == ATTACK_CELL)
    return "\n".join(line for line in src.splitlines() if "### " not in line)


CHANNEL_PLACES = [MARKER + "-channel", "/dev/shm/course-channel", "/var/tmp/course-channel",
                  "/run/lock/course-channel", "/run/course-channel"]


def channel_writer() -> str:
    """Offers a correct softmax to classmates: a file in every writable place, SysV shared
    memory, an abstract Unix socket served from a thread."""
    return f"""
import ctypes, socket, threading
_SRC = {correct_softmax_source()!r}
exec(_SRC)
for _p in {CHANNEL_PLACES!r}:
    try:
        with open(_p, "w") as _f:
            _f.write(_SRC)
    except OSError:
        pass
try:
    _libc = ctypes.CDLL(None, use_errno=True)
    _libc.shmat.restype = ctypes.c_void_p
    _id = _libc.shmget(0x13C0DE, 65536, 0o1000 | 0o666)
    _addr = _libc.shmat(_id, None, 0)
    if _id >= 0 and _addr not in (None, ctypes.c_void_p(-1).value):
        ctypes.memmove(_addr, _SRC.encode() + b"\\0", len(_SRC) + 1)
except Exception:
    pass
def _serve():
    try:
        _s = socket.socket(socket.AF_UNIX)
        _s.bind("\\0course-channel")
        _s.listen(8)
        while True:
            _c, _ = _s.accept()
            _c.sendall(_SRC.encode())
            _c.close()
    except Exception:
        pass
threading.Thread(target=_serve, daemon=True).start()
"""


def channel_reader() -> str:
    """Looks for a classmate's softmax for four seconds, in every channel the writer uses."""
    return f"""
import ctypes, socket, time
def _found():
    for _p in {CHANNEL_PLACES!r}:
        try:
            return open(_p).read()
        except OSError:
            pass
    try:
        _c = socket.socket(socket.AF_UNIX)
        _c.connect("\\0course-channel")
        return _c.recv(65536).decode()
    except OSError:
        pass
    try:
        _libc = ctypes.CDLL(None, use_errno=True)
        _libc.shmat.restype = ctypes.c_void_p
        _id = _libc.shmget(0x13C0DE, 65536, 0)
        if _id >= 0:
            return ctypes.string_at(_libc.shmat(_id, None, 0)).decode()
    except Exception:
        pass
    return None
_t0 = time.time()
while time.time() - _t0 < 4:
    _src = _found()
    if _src:
        exec(_src)
        break
    time.sleep(0.2)
"""


REFERENCE_TRICKS = {
    "wrapper": """
def softmax_cross_entropy(logits, y):
    from course.reference.nn import softmax_cross_entropy as ref
    return ref(logits, y)
""",
    "importlib": """
import importlib
def softmax_cross_entropy(logits, y):
    return importlib.import_module("course.reference.nn").softmax_cross_entropy(logits, y)
""",
    "dunder-import": """
def softmax_cross_entropy(logits, y):
    return __import__("course.reference.nn", fromlist=["x"]).softmax_cross_entropy(logits, y)
""",
    "sys-modules": """
import sys
def softmax_cross_entropy(logits, y):
    for name, mod in list(sys.modules.items()):
        f = getattr(mod, "softmax_cross_entropy", None)
        if name.startswith("course") and callable(f):
            return f(logits, y)
    raise NotImplementedError
""",
    "getattr": """
import importlib
def softmax_cross_entropy(logits, y):
    return getattr(getattr(importlib.import_module("course.reference"), "nn"),
                   "softmax_cross_entropy")(logits, y)
""",
    "functools-partial": """
import functools
try:
    from course.reference import nn as _nn
    softmax_cross_entropy = functools.partial(_nn.softmax_cross_entropy)
except Exception:
    pass
""",
    "rewritten-module": """
try:
    from course.reference.nn import softmax_cross_entropy as _ref
    def softmax_cross_entropy(logits, y):
        return _ref(logits, y)
    softmax_cross_entropy.__module__ = "__student__"
except Exception:
    pass
""",
    "exec-getsource": """
import inspect
try:
    import course.reference.nn as _nn
    exec(inspect.getsource(_nn))
except Exception:
    pass
""",
    "read-from-disk": """
import glob, os, sys
for _d in sys.path + ["/work", "/root", "/home", "/srv", "/opt", "/var/local", "/tmp"]:
    for _p in glob.glob(os.path.join(_d, "**", "reference", "nn.py"), recursive=True)[:5]:
        try:
            exec(open(_p).read())
        except Exception:
            pass
""",
}

# A world-readable copy of the course that the run's hide list never named.
OTHER_CHECKOUT = Path("/var/local/course-grading-other-checkout")
READS_OTHER_CHECKOUT = f"""
import glob
for _p in glob.glob("{OTHER_CHECKOUT}/**/*.py", recursive=True):
    try:
        exec(open(_p).read())
    except Exception:
        pass
"""

ATTACKS = {
    # 1. the grader's inputs, overwritten so that the check's expected values match
    "attack-overwrites-test-function": lambda: with_code(OVERWRITES_TEST_FUNCTION),
    "attack-overwrites-mlp-params": lambda: with_code(OVERWRITES_MLP_PARAMS, gid="mlp"),
    # 2. a reply that names a module for the grader to import
    "attack-object-claims-cli-main": lambda: with_code(OBJECT_CLAIMS_CLI_MAIN),
    # 3 and 12. forged replies (an array index of 10**9, megabytes of lone surrogates),
    # lone surrogates in a comment and in an error message
    "attack-forged-replies": lambda: with_code(FORGED_REPLIES, gid="numerical_gradient"),
    "attack-lone-surrogates": lambda: with_code(LONE_SURROGATES),
    # 4. a time budget that renews, a worker that dies in every function
    "attack-renews-the-clock": lambda: with_code(RENEWS_THE_CLOCK),
    "attack-every-function-exits": lambda: with_code(EVERY_FUNCTION_EXITS, gid="training"),
    # 7. no implementation, only outputs recorded on the public seeds
    "attack-lookup-table-on-public-seeds": lambda: with_code(lookup_table()),
    # 8. the reference of the task under test, through every door
    **{f"attack-reference-{k}": (lambda code=code: with_code(code))
       for k, code in REFERENCE_TRICKS.items()},
    "attack-reads-other-checkout": lambda: with_code(READS_OTHER_CHECKOUT),
    # 9 and 11. channels between two students of one run
    "attack-channel-a-writer": lambda: with_code(channel_writer(), gid="numerical_gradient"),
    "attack-channel-b-reader": lambda: with_code(channel_reader()),
}

# Held only by the root sandbox (namespaces); documented as not enforced without root.
NEEDS_ROOT = {"attack-channel-b-reader", "attack-reference-read-from-disk",
              "attack-reads-other-checkout"}

ZERO = dict.fromkeys(HONEST_TASKS, 0.0)
# what an attack's code honestly earns where it differs from the honest base
OWN_TASKS = {"attack-overwrites-mlp-params": {**HONEST_TASKS, "2.7": 0.0},
             "attack-every-function-exits": ZERO,
             "attack-channel-a-writer": {**HONEST_TASKS, "2.5": 3.0}}


def expected(name: str) -> dict[str, float]:
    return OWN_TASKS.get(name, HONEST_TASKS)


# Names a spreadsheet or a file system may mishandle; each submits the honest base.
ODD_NAMES = ['=HYPERLINK("evil.example","x")', "+1+1", "-1+2", "@SUM(1)", "\tTAB",
             ".dot-student", "l" * 240]


def huge_code_cell() -> bytes:
    nb = partial()
    cell(nb, "linear_forward").source += "\n# " + "x" * (3 * 2**20) + "\n"
    return _nb_bytes(nb)


BAD = {"bad-huge-code-cell": lambda: Bad({f"{MID}.ipynb": huge_code_cell()}, "over the")}

# Symbolic links: student -> (the link, relative to submitted/<student>; its target).
ROOT_ONLY_TEXT = "TOP-SECRET-ROOT-ONLY-TEXT"
LINKS = {
    "bad-notebook-links-to-classmate": (f"{MID}/{MID}.ipynb",
                                        f"../../honest-correct/{MID}/{MID}.ipynb"),
    "bad-folder-links-to-classmate": ("", "honest-correct"),
    "bad-module-folder-links-to-classmate": (MID, f"../honest-correct/{MID}"),
    "bad-notebook-links-to-root-only-file": (f"{MID}/{MID}.ipynb", None),
}


def build(submitted: Path) -> dict:
    """Write every scenario of this file; {student: expected score or reason phrase}."""
    out = {}
    for name, make in ATTACKS.items():
        # ASCII JSON: lone surrogates travel as escapes, as a browser may save them
        write(submitted / name / MID, {f"{MID}.ipynb": json.dumps(make()).encode()})
        out[name] = sum(expected(name).values())
    for name in ODD_NAMES:
        write(submitted / name / MID, {f"{MID}.ipynb": partial()})
        out[name] = HONEST
    for name, make in BAD.items():
        bad = make()
        write(submitted / name / MID, bad.files)
        out[name] = bad.reason
    secret = submitted.parent / "root-only.txt"
    secret.write_text(ROOT_ONLY_TEXT)
    secret.chmod(0o600)
    for name, (link, target) in LINKS.items():
        where = submitted / name / link if link else submitted / name
        where.parent.mkdir(parents=True, exist_ok=True)
        where.symlink_to(target or secret)
        out[name] = "symbolic link"
    return out
