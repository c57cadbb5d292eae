"""Grade a submission without running student code in the grader: a worker process and proxies.

The worker (a separate `python -I -S`, started through `unshare` when we are root) gets the
course's setup cells and the student's solution cells, runs them, then answers call requests
{function name, isolation overrides, args} -> {result, args after the call}, all in the
plain-data wire format of autograder.wire (no pickle). The grader builds one proxy callable
per function a task needs and runs the task's check on the proxies, in the grader process:
the verdict is reached outside the sandbox, from values rebuilt from plain data only.

Inside the worker (best available, reported by `isolation()`):
- a new mount, PID and network namespace; tmpfs over the course root, the submission and
  output folders, /tmp, /var/tmp, /dev/shm, /home, /root, /mnt (the interpreter and numpy are
  bound back); then the worker drops to an unprivileged uid of its
  own, so it cannot read solutions/, autograder/, the gradebook or other students' files;
- only a copy of the `course` package and a stub `autograder` (check() does nothing);
- rlimits: CPU seconds, address space (--memory), file size, processes, open files;
- stdout/stderr go to /dev/null; the protocol uses private descriptors;
- as root, a zygote (root, inside the namespaces, numpy/matplotlib/course imported) forks
  each worker, which then drops to its own uid and rlimits before any student code runs;
- the parent enforces a wall-clock deadline per cell and per task and kills the worker (and
  every process of its uid) on expiry; a worker that dies costs the task it died in, the
  next task gets a fresh worker.

The functions down to `worker_main` run inside the worker; they import only the standard
library, numpy and autograder.wire (copied next to them).
"""

from __future__ import annotations

import ast
import contextlib
import copy
import itertools
import os
import struct
import sys
import textwrap
import time
import traceback
from pathlib import Path

import numpy as np

from autograder import wire

MAX_MESSAGE = 96 * 2**20      # a reply larger than this counts as a crash
TRACE_BYTES = 40 * 2**20      # values one traced call sends back (autograder.locate)
TRACE_SECONDS = 4.0
SPACES = 4                    # edited copies of a submission's namespace a worker keeps


# ----------------------------------------------------------------------------------- framing
def _read_exact(fd: int, n: int, deadline: float | None = None) -> bytes:
    import select
    import time

    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("deadline passed")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                raise TimeoutError("deadline passed")
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            raise EOFError("the other side closed the pipe")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def read_message(fd: int, deadline: float | None = None, classes: dict | None = None,
                 trusted: bool = False) -> object:
    (n,) = struct.unpack("<Q", _read_exact(fd, 8, deadline))
    if n > MAX_MESSAGE:
        raise wire.WireError(f"message of {n} bytes is too large")
    return wire.decode(_read_exact(fd, n, deadline), classes=classes, trusted=trusted)


def write_message(fd: int, value: object, classes: dict | None = None) -> None:
    data = wire.encode(value, classes)
    data = struct.pack("<Q", len(data)) + data
    view = memoryview(data)
    while view:
        k = os.write(fd, view)
        view = view[k:]


# ----------------------------------------------------------------------------- worker side
class _CallTimeout(BaseException):
    pass


def _where(tb) -> dict | None:
    """The deepest frame in the student's cells: {file, line, func}."""
    found = None
    for frame, lineno in traceback.walk_tb(tb):
        name = frame.f_code.co_filename
        if name.startswith("<cell"):
            found = {"file": name, "line": int(lineno), "func": frame.f_code.co_name}
    return found


def _error(e: BaseException) -> dict:
    try:
        msg = str(e)
    except BaseException:  # noqa: BLE001 - a student exception whose __str__ fails
        msg = "(unprintable)"
    return {"type": type(e).__name__[:80], "message": msg[:1000], "where": _where(e.__traceback__)}


def _alarm(seconds: float | None):
    import signal

    def on_alarm(signum, frame):
        raise _CallTimeout()

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(0.0, seconds or 0.0))


def _describe(ns: dict, names) -> dict:
    out = {}
    for name in names:
        if name not in ns:
            out[name] = {"defined": False}
            continue
        v = ns[name]
        mod = getattr(v, "__module__", "")
        out[name] = {"defined": True, "callable": callable(v), "type": type(v).__name__[:80],
                     "module": mod if isinstance(mod, str) else ""}
    return out


_ISOLATION: dict = {}


def _differs(old: object, new: object) -> bool:
    """Did a call change this argument (arrays, and the dicts, lists, tuples holding them)?"""
    if isinstance(old, np.ndarray):
        if not isinstance(new, np.ndarray) or old.shape != new.shape or old.dtype != new.dtype:
            return True
        return not np.array_equal(old, new, equal_nan=old.dtype.kind in "fc")
    if isinstance(old, dict):
        return not isinstance(new, dict) or old.keys() != new.keys() or \
            any(_differs(old[k], new[k]) for k in old)
    if isinstance(old, (list, tuple)):
        return not isinstance(new, type(old)) or len(old) != len(new) or \
            any(_differs(a, b) for a, b in zip(old, new))
    return False


def _isolation_modules(sources: dict[str, str]) -> dict:
    """{module name: module} built from the reference slices a call sent (cached by source).

    They import each other by name while they run, so they stand in sys.modules (and as
    attributes of course.reference) only during that; afterwards nothing names them."""
    import importlib
    import types

    key = tuple(sorted(sources.items()))
    if key in _ISOLATION:
        return _ISOLATION[key]
    pkg = importlib.import_module("course.reference")
    mods = {m: types.ModuleType(m) for m in sources}
    saved = {m: (sys.modules.get(m), getattr(pkg, m.rpartition(".")[2], None)) for m in sources}
    try:
        for m, mod in mods.items():
            sys.modules[m] = mod
            setattr(pkg, m.rpartition(".")[2], mod)
        pending = list(sources)
        for _ in range(len(sources)):
            for m in list(pending):
                try:
                    exec(compile(sources[m], f"<reference {m}>", "exec"), mods[m].__dict__)
                    pending.remove(m)
                except ImportError:
                    if _ == len(sources) - 1:
                        raise
    finally:
        for m, (module, attr) in saved.items():
            if module is None:
                sys.modules.pop(m, None)
            else:
                sys.modules[m] = module
            if attr is None:
                pkg.__dict__.pop(m.rpartition(".")[2], None)
            else:
                setattr(pkg, m.rpartition(".")[2], attr)
    _ISOLATION[key] = mods
    return mods


def worker_main(rfd: int | None = None, wfd: int | None = None) -> None:
    """The worker's loop: protocol on private descriptors, 0/1/2 pointed at /dev/null."""
    from course import isolation

    if rfd is None:
        rfd, wfd = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    keep = sorted({rfd, wfd, null})
    me = os.getpid()

    def forked_child():   # a process the student forks never speaks on the protocol channel
        for fd in {rfd, wfd}:
            try:
                os.close(fd)
            except OSError:
                pass

    os.register_at_fork(after_in_child=forked_child)
    for fd in keep:
        os.set_inheritable(fd, False)
    lo = 3
    for fd in keep + [4096]:
        if fd >= lo:
            os.closerange(lo, fd)
            lo = fd + 1
    np.seterr(all="ignore")
    ns: dict = {"__name__": "__student__"}
    isolation.student_namespace = ns
    spaces: dict[str, dict] = {}    # copies of ns with one def edited (the grader's fix search)
    while True:
        try:
            msg = read_message(rfd, trusted=True)
        except EOFError:
            os._exit(0)
        op = msg.get("op")
        if op == "load":
            errors = {}
            for label, src in msg["cells"]:
                write_message(wfd, {"cell": label})
                filename = f"<cell {label}>"
                ns.setdefault("__cells__", {})[filename] = src
                try:
                    code = compile(src, filename, "exec")
                except (SyntaxError, ValueError) as e:
                    errors[label] = (f"SyntaxError: {e.msg} (line {e.lineno})"
                                     if isinstance(e, SyntaxError) else f"{type(e).__name__}: {e}")
                    continue
                try:
                    _alarm(msg.get("cell_timeout"))
                    exec(code, ns)
                except _CallTimeout:
                    errors[label] = f"timed out after {msg.get('cell_timeout'):g} s: an infinite loop?"
                except BaseException as e:  # noqa: BLE001 - anything a cell raises is recorded
                    err = _error(e)
                    line = f" (line {err['where']['line']})" if err["where"] else ""
                    errors[label] = f"{err['type']}: {err['message'][:300]}{line}"
                finally:
                    _alarm(0)
                if os.getpid() != me:
                    os._exit(0)
            write_message(wfd, {"loaded": errors})
        elif op == "describe":
            write_message(wfd, {"names": _describe(ns, msg["names"])})
        elif op == "define":
            try:
                _alarm(msg.get("timeout"))
                try:
                    spaces[str(msg["space"])] = _edited_space(ns, str(msg["name"]), str(msg["src"]))
                finally:
                    _alarm(0)
                while len(spaces) > SPACES:
                    spaces.pop(next(iter(spaces)))
                reply = {"defined": True}
            except BaseException as e:  # noqa: BLE001 - the grader only learns it failed
                reply = {"error": _error(e)}
            if os.getpid() != me:
                os._exit(0)
            write_message(wfd, reply)
        elif op in ("call", "trace"):
            reply: dict
            try:
                space = ns if msg.get("space") is None else spaces[str(msg["space"])]
                isolation.student_namespace = space
                fn = space[msg["name"]]
                iso = msg.get("isolate") or {}
                if iso:
                    # earlier tasks' references come with the call, as slices of their
                    # files: the worker never holds the task under test's, or a later one's
                    mods = _isolation_modules(msg.get("sources") or {})
                    isolation.resolve = lambda ref, mods=mods: getattr(
                        mods[ref.partition(":")[0]], ref.partition(":")[2])
                (fn,) = isolation.isolated((fn,), iso)
                args, kwargs = msg.get("args", ()), msg.get("kwargs", {})
                if op == "trace":        # the values of each operation, for a hint
                    reply = {"trace": _traced(fn, msg.get("src") or "", args, kwargs,
                                              msg.get("timeout"))}
                    if os.getpid() != me:
                        os._exit(0)
                    write_message(wfd, reply)
                    continue
                given = {**{str(i): a for i, a in enumerate(args)},
                         **{f"k:{k}": v for k, v in kwargs.items()}}
                owned = {str(i) for i in msg.get("back", ())} | \
                    {f"k:{k}" for k in msg.get("back_kw", ())}
                before = {key: copy.deepcopy(v) for key, v in given.items()
                          if key not in owned and isinstance(v, (np.ndarray, dict, list, tuple))}
                _alarm(msg.get("timeout"))
                try:
                    value = fn(*args, **kwargs)
                finally:
                    _alarm(0)
                # only the arguments the function may change by contract go back; changes
                # to the others come back apart, for checks to see (never synced)
                back = {key: given[key] for key in owned if key in given}
                left = {key: given[key] for key, v in before.items() if _differs(v, given[key])}
                reply = {"value": value, "back": back, "left": left}
            except _CallTimeout:
                reply = {"timeout": True}
            except BaseException as e:  # noqa: BLE001 - reported to the grader, which judges
                reply = {"error": _error(e)}
            if os.getpid() != me:
                os._exit(0)
            try:
                write_message(wfd, reply)
            except wire.WireError as e:
                write_message(wfd, {"error": {"type": "TypeError", "where": None, "message":
                                              f"{msg['name']} returned data that is not plain "
                                              f"data: {e}"}})
        else:
            write_message(wfd, {"error": {"type": "ValueError", "message": f"bad op {op!r}",
                                          "where": None}})


def _edited_space(ns: dict, name: str, src: str) -> dict:
    """A copy of the student's namespace in which the def `src` replaces `name` (their
    other functions rebound to the copy, so their calls to `name` reach the edited one)."""
    import types

    new = dict(ns)
    exec(compile(src, f"<edited {name}>", "exec"), new)
    if not isinstance(new.get(name), types.FunctionType):
        raise TypeError(f"{name} is not a function")
    for n, v in ns.items():
        if isinstance(v, types.FunctionType) and v.__globals__ is ns and n != name:
            new[n] = types.FunctionType(v.__code__, new, v.__name__, v.__defaults__, v.__closure__)
    return new


def _traced(fn, src: str, args, kwargs, timeout) -> dict:
    """Run fn's def `src` with every value logged (autograder.locate); the log, packed."""
    from autograder.locate import instrument, pack

    new, _ = instrument(fn, src, max_bytes=TRACE_BYTES)
    _alarm(timeout)
    try:
        new(*args, **kwargs)
    except BaseException:  # noqa: BLE001 - what ran before the error or the alarm counts
        pass
    finally:
        _alarm(0)
    return pack(new.__loc_log__)


# The bootstrap run by `python -I -S -c`: set up the sandbox as root, drop privileges,
# then import the copied package and serve. Its configuration arrives on stdin as JSON.
BOOT = r'''
import ctypes, json, os, resource, struct, sys
n = struct.unpack("<Q", os.read(0, 8))[0]
buf = b""
while len(buf) < n:
    c = os.read(0, n - len(buf))
    if not c:
        os._exit(3)
    buf += c
cfg = json.loads(buf)
done = []
work = cfg["workdir"]
if cfg.get("namespaces"):
    libc = ctypes.CDLL(None, use_errno=True)
    def mount(src, dst, fstype, flags=0, data=None):
        r = libc.mount(src.encode(), dst.encode(), fstype.encode() if fstype else None, flags,
                       data.encode() if data else None)
        if r != 0:
            raise OSError(ctypes.get_errno(), "mount " + dst)
    MS_BIND, MS_REC, MS_MOVE = 4096, 16384, 8192
    try:
        stage = cfg["stage"]
        mount("tmpfs", stage, "tmpfs", 0, "size=1m,mode=700")
        keeps = []
        for i, k in enumerate(cfg["keep"]):
            if os.path.isdir(k):
                os.mkdir(f"{stage}/k{i}")
                mount(k, f"{stage}/k{i}", None, MS_BIND | MS_REC)
                keeps.append((i, k))
        for h in cfg["hide"]:
            if os.path.isdir(h) and not os.path.islink(h):
                mount("tmpfs", h, "tmpfs", 0, "size=64m,mode=755")
                done.append("hidden " + h)
        for i, k in keeps:
            os.makedirs(k, mode=0o755, exist_ok=True)
            mount(f"{stage}/k{i}", k, None, MS_MOVE)
        try:
            mount("proc", "/proc", "proc")
            done.append("fresh /proc")
        except OSError:
            pass
    except OSError as e:
        done.append("mount failed: " + str(e))
os.makedirs(work, exist_ok=True)
for rel, text in cfg["files"].items():
    p = os.path.join(work, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(text)
os.chdir(work)
os.environ["MPLCONFIGDIR"] = os.path.join(work, "mpl")
uid = cfg.get("uid")
if uid is not None and os.getuid() == 0:
    for root, dirs, files in os.walk(work):
        for d in dirs + files:
            os.chown(os.path.join(root, d), uid, uid)
    os.chown(work, uid, uid)
zyg = cfg.get("zygote")
for name, value in ({} if zyg else cfg["rlimits"]).items():
    try:
        resource.setrlimit(getattr(resource, name), (value, value))
        done.append(f"{name}={value}")
    except (ValueError, OSError):
        pass
if uid is not None and os.getuid() == 0:
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
    done.append(f"uid {uid}")
sys.path[:] = [os.path.join(work, "lib")] + cfg["stdlib"] + cfg["site"]
zcfg = {"rlimits": cfg["rlimits"], "ctl": cfg.get("ctl"), "work": work, "cgroup": cfg.get("cgroup"),
        "keep": cfg["keep"]}
cfg = None
import autograder.sandbox as sb
from autograder import wire
if zyg:
    sb.preload()
data = wire.encode({"hello": done})
os.write(1, struct.pack("<Q", len(data)) + data)
if zyg:
    sb.zygote_main(zcfg)
else:
    sb.worker_main()
'''


def preload() -> None:
    """What every worker imports anyway, loaded once in the zygote (as root, before any
    student code): numpy, matplotlib with Agg, and the course package."""
    import importlib
    import pkgutil

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401

    import course
    for m in pkgutil.iter_modules(course.__path__):
        if not m.ispkg and m.name not in ("build", "workspace"):   # tools, not student-facing
            try:
                importlib.import_module(f"course.{m.name}")
            except Exception:  # noqa: BLE001 - a module that cannot load here is loaded on demand
                pass


def _kill_uid(pid: int, uid: int) -> None:
    import signal

    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            target()
        except OSError:
            pass
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/status") as f:
                uids = next(line for line in f if line.startswith("Uid:")).split()[1:]
            if str(uid) in uids:
                os.kill(int(d), signal.SIGKILL)
        except (OSError, StopIteration, ValueError):
            pass


def _mount(src, dst, fstype, flags=0, data=None) -> None:
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.mount(src.encode() if src else None, dst.encode(), fstype.encode() if fstype else None,
                  flags, data.encode() if data else None) != 0:
        raise OSError(ctypes.get_errno(), f"mount {dst}")


def _private_namespaces(cg: dict | None = None, keep: list[str] = ()) -> bool:
    """In a freshly forked worker (still root): its own mount, network, IPC, UTS and PID
    namespaces, and a fresh /tmp and /dev/shm that no other worker sees. False if refused.
    keep: the interpreter's folders; those under /tmp or /dev/shm (a checkout in /tmp, say)
    are bound again, read-only, into the fresh ones."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    newns, newuts, newipc, newnet, newpid = 0x20000, 0x4000000, 0x8000000, 0x40000000, 0x20000000
    if libc.unshare(newns | newuts | newipc | newnet | newpid) != 0:
        return False
    _mount(None, "/", None, 16384 | (1 << 18))                   # MS_REC | MS_PRIVATE
    held = [(k, os.open(k, os.O_PATH | os.O_DIRECTORY)) for k in keep
            if k.startswith(("/tmp/", "/dev/shm/")) and os.path.isdir(k)]
    for d in ("/tmp", "/dev/shm"):
        if os.path.isdir(d):
            _mount("tmpfs", d, "tmpfs", 2 | 4, "size=64m,mode=1777")   # nosuid, nodev
    for k, fd in held:
        os.makedirs(k, mode=0o755, exist_ok=True)
        _mount(f"/proc/self/fd/{fd}", k, None, 4096 | 16384)         # MS_BIND | MS_REC
        _mount(None, k, None, 4096 | 32 | 1)                          # remount read-only
        os.close(fd)
    if cg and cg.get("mounted"):
        ctypes.CDLL(None, use_errno=True).umount2(cg["path"].encode(), 2)   # MNT_DETACH
    return True


def _cgroup_join(cg: dict, uid: int) -> None:
    """Put this process (a new worker, still root) in a memory cgroup of its own: the whole
    submission, every process it forks included, gets cg["bytes"] of memory."""
    d = os.path.join(cg["path"], f"w{uid}")
    os.makedirs(d, exist_ok=True)
    limits = ({"memory.max": cg["bytes"], "memory.swap.max": 0, "pids.max": 64}
              if cg["kind"] == "v2" else
              {"memory.limit_in_bytes": cg["bytes"], "memory.memsw.limit_in_bytes": cg["bytes"]})
    for name, value in limits.items():
        try:
            with open(os.path.join(d, name), "w") as f:
                f.write(str(value))
        except OSError:
            pass
    with open(os.path.join(d, "cgroup.procs"), "w") as f:
        f.write(str(os.getpid()))


def _rmdir_when_empty(path: str, tries: int = 50) -> bool:
    """Remove a cgroup folder; False while its processes are still exiting."""
    for i in range(tries):
        try:
            os.rmdir(path)
            return True
        except FileNotFoundError:
            return True
        except OSError:
            if i + 1 < tries:
                time.sleep(0.02)
    return False


def _cgroup_remove(cg: dict | None, uid: int, tries: int = 50) -> bool:
    """Remove a worker's cgroup; False while its processes are still exiting."""
    return not cg or _rmdir_when_empty(os.path.join(cg["path"], f"w{uid}"), tries)


def zygote_main(cfg: dict) -> None:
    """Fork one worker per request (its socket arrives by SCM_RIGHTS); kill on request."""
    import json
    import resource
    import signal
    import socket

    ctl = socket.socket(fileno=cfg["ctl"])
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)   # children are reaped automatically
    exiting: set[int] = set()     # killed workers whose cgroups are not empty yet
    while True:
        # a kill is answered at once; the cgroups of killed workers go when they are empty
        exiting = {u for u in exiting if not _cgroup_remove(cfg.get("cgroup"), u, tries=1)}
        ctl.settimeout(0.05 if exiting else None)
        try:
            msg, fds, _, _ = socket.recv_fds(ctl, 65536, 4)
        except TimeoutError:
            continue
        except OSError:
            os._exit(0)
        if not msg:
            os._exit(0)
        req = json.loads(msg)
        if req.get("op") == "fork" and fds:
            uid, fd = int(req["uid"]), fds[0]
            pid = os.fork()
            if pid == 0:
                try:
                    os.setsid()
                    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                    ctl.close()
                    work = os.path.join(cfg["work"], f"w{uid}")
                    if cfg.get("cgroup"):
                        _cgroup_join(cfg["cgroup"], uid)
                    if os.getuid() == 0 and _private_namespaces(cfg.get("cgroup"), cfg.get("keep") or []):
                        # the worker is the first process of its own PID namespace; this
                        # process (root) waits for it and is killed with it
                        child = os.fork()
                        if child:
                            os.close(fd)
                            os.waitpid(child, 0)
                            os._exit(0)
                        _mount("proc", "/proc", "proc", 2 | 4 | 8)   # nosuid, nodev, noexec
                        work = "/tmp/home"
                    os.makedirs(work, mode=0o700, exist_ok=True)
                    os.chmod(work, 0o700)
                    os.chown(work, uid, uid)
                    os.chdir(work)
                    os.environ["HOME"] = os.environ["TMPDIR"] = work
                    for name, value in cfg["rlimits"].items():
                        try:
                            resource.setrlimit(getattr(resource, name), (value, value))
                        except (ValueError, OSError):
                            pass
                    if os.getuid() == 0:
                        os.setgroups([])
                        os.setgid(uid)
                        os.setuid(uid)
                    worker_main(fd, fd)
                finally:
                    os._exit(70)
            for f in fds:
                os.close(f)
            ctl.send(json.dumps({"pid": pid}).encode())
        elif req.get("op") == "kill":
            _kill_uid(int(req["pid"]), int(req["uid"]))
            ctl.send(b'{"ok": 1}')
            exiting.add(int(req["uid"]))
        else:
            for f in fds:
                os.close(f)
            ctl.send(b'{"error": 1}')

STUB_AUTOGRADER = '''"""A stub: inside the sandbox, test cells never run and check() does nothing."""


def check(*args, **kwargs):
    return None
'''


# ------------------------------------------------------------------------------ grader side
class WorkerDied(Exception):
    """The worker process ended (os._exit, a kill, out of memory) during a call."""


class MalformedReply(WorkerDied):
    """The worker sent what is not a message of the protocol (not plain data, out of bounds)."""


class WorkerTimeout(Exception):
    """The worker did not answer before the task's deadline; it was killed."""


def setup_imports(sources: list[str]) -> dict[str, set[str] | None]:
    """{reference module: names} that setup cells import from course.reference (None: the
    whole module, for `from course.reference import nn` or `import course.reference.nn`)."""
    import ast

    out: dict[str, set[str] | None] = {}
    for src in sources:
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "course.reference":
                for a in node.names:
                    out[f"course.reference.{a.name}"] = None
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("course.reference."):
                names = out.setdefault(node.module, set())
                if names is not None:
                    names.update(a.name for a in node.names)
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("course.reference."):
                        out[a.name] = None
    return out


def reference_slices(wanted: dict[str, set[str] | None]) -> dict[str, str]:
    """{module: source} holding only the wanted names of course.reference modules and what
    they need (module-level definitions they use, in the same module or, through imports,
    in other reference modules): the worker gets these, never a whole reference file."""
    import ast
    import importlib

    need: dict[str, set[str] | None] = {m: (None if n is None else set(n)) for m, n in wanted.items()}
    closed: dict[str, tuple[ast.Module, list[ast.stmt]]] = {}
    while True:
        before = {m: (None if n is None else set(n)) for m, n in need.items()}
        for mod in list(need):
            path = importlib.util.find_spec(mod).origin
            tree = ast.parse(Path(path).read_text())
            defs: dict[str, ast.stmt] = {}
            aliases: dict[str, str] = {}          # local name -> reference module
            for st in tree.body:
                if isinstance(st, (ast.FunctionDef, ast.ClassDef)):
                    defs[st.name] = st
                elif isinstance(st, (ast.Assign, ast.AnnAssign)):
                    for t in (st.targets if isinstance(st, ast.Assign) else [st.target]):
                        for n in ast.walk(t):
                            if isinstance(n, ast.Name):
                                defs[n.id] = st
                elif isinstance(st, ast.ImportFrom) and (st.module or "").startswith("course.reference"):
                    for a in st.names:
                        local = a.asname or a.name
                        if st.module == "course.reference":
                            aliases[local] = f"course.reference.{a.name}"
                        else:
                            defs[local] = st
                elif isinstance(st, ast.Import):
                    for a in st.names:
                        if a.name.startswith("course.reference."):
                            aliases[a.asname or a.name] = a.name
            names = set(defs) if need[mod] is None else set(need[mod])
            todo, keep = list(names), set()
            while todo:
                name = todo.pop()
                st = defs.get(name)
                if st is None or name in keep:
                    continue
                keep.add(name)
                if isinstance(st, ast.ImportFrom):
                    src = next(a.name for a in st.names if (a.asname or a.name) == name)
                    if need.setdefault(st.module, set()) is not None:
                        need[st.module].add(src)
                    continue
                for n in ast.walk(st):
                    if isinstance(n, ast.Name) and n.id in defs:
                        todo.append(n.id)
                    if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) \
                            and n.value.id in aliases:
                        target = aliases[n.value.id]
                        if need.setdefault(target, set()) is not None:
                            need[target].add(n.attr)
            body = []
            for st in tree.body:
                if isinstance(st, ast.ImportFrom) and (st.module or "").startswith("course.reference."):
                    used = [a for a in st.names if (a.asname or a.name) in keep]
                    if used:
                        body.append(ast.ImportFrom(st.module, used, 0))
                elif isinstance(st, (ast.Import, ast.ImportFrom)):
                    body.append(st)
                elif any(defs.get(k) is st for k in keep):
                    body.append(st)
            closed[mod] = (tree, body)
        if need == before:
            break
    return {mod: ast.unparse(ast.Module(body, [])) + "\n" for mod, (_, body) in closed.items()}


def answers_delegated(mod: str, src: str, graded: str | None = None) -> str:
    """A reference slice for the worker, whose functions that are answers of the module
    being graded or a later one (autograder.release.facade.answer_names; every module's when
    `graded` is None) call the student's own function of that name. Earlier modules'
    answers stay: the notebook's setup cells hand them to the student."""
    import ast

    from autograder.release.facade import answer_names

    answers = {n for n, m in answer_names(mod.rpartition(".")[2]).items()
               if graded is None or m >= graded}
    tree = ast.parse(src)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in answers:
            stub = ast.parse(
                f"def {node.name}(*args, **kwargs):\n"
                f"    from course.isolation import call_student\n"
                f"    return call_student({node.name!r}, {node.name}, args, kwargs)\n").body[0]
            node.args, node.body, node.decorator_list = stub.args, stub.body, []
    return ast.unparse(tree) + "\n"


def _course_files(setup: list[str] | None = None, graded: str | None = None) -> dict[str, str]:
    """The files the worker imports: a copy of `course` without its reference answers (only
    the slices of course.reference that the module's setup cells import), the wire format,
    this file, a stub autograder."""
    import course
    from autograder import locate as _locate
    from autograder import wire as _wire

    files = {}
    croot = Path(course.__file__).parent
    for p in sorted(croot.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix in (".py", ".json", ".txt", ".csv") \
                and p.parent.name != "reference":
            files[f"lib/course/{p.relative_to(croot)}"] = p.read_text()
    files["lib/course/reference/__init__.py"] = '"""Only what the setup cells import."""\n'
    for mod, src in reference_slices(setup_imports(setup or [])).items():
        files[f"lib/{mod.replace('.', '/')}.py"] = answers_delegated(mod, src, graded)
    files["lib/autograder/__init__.py"] = STUB_AUTOGRADER
    files["lib/autograder/wire.py"] = Path(_wire.__file__).read_text()
    files["lib/autograder/locate.py"] = Path(_locate.__file__).read_text()
    files["lib/autograder/sandbox.py"] = Path(__file__).read_text()
    # a matplotlib font cache, so the worker does not rebuild it each time
    try:
        import matplotlib
        cache = Path(matplotlib.get_cachedir())
        for p in cache.glob("fontlist-*.json"):
            files[f"mpl/{p.name}"] = p.read_text()
    except Exception:  # noqa: BLE001 - no cache: matplotlib builds one
        pass
    return files


_FILES: dict[tuple, dict[str, str]] = {}


def _default_hide(extra: list[str]) -> list[str]:
    import tempfile

    from course import ROOT
    paths = [str(ROOT), *extra, tempfile.gettempdir(), "/tmp", "/var/tmp", "/dev/shm", "/home",
             "/run", "/var/spool", "/var/mail", "/var/crash", "/var/cache", "/var/lib",
             "/root", "/srv", "/opt", str(Path(ROOT).parent) if Path(ROOT).parent != Path("/") else ""]
    out = []
    for p in paths:
        if not p:
            continue
        p = os.path.realpath(p)
        if p not in out and p != "/":
            out.append(p)
    # hide outer folders first; skip folders inside one already hidden
    out.sort(key=len)
    keep = []
    for p in out:
        if not any(p.startswith(q + os.sep) for q in keep):
            keep.append(p)
    return keep


class Sandbox:
    """Settings shared by all workers of a grading run."""

    def __init__(self, memory_mb: int = 1024, cpu_seconds: int = 600, hide: list[str] | None = None,
                 isolate_fs: bool | None = None, use_zygote: bool | None = None,
                 setup: list[str] | None = None, module: str | None = None):
        """setup: the module's setup cells (the worker gets what they import, nothing more);
        module: the one being graded (answers of it and later modules are never in the
        worker; without it, no module's)."""
        key = (module, *(setup or ()))
        if key not in _FILES:
            _FILES[key] = _course_files(list(key[1:]), module)
        self.files = _FILES[key]
        self.memory_mb = memory_mb
        self.cpu_seconds = cpu_seconds
        can = os.geteuid() == 0 and _which("unshare") is not None
        self.bwrap = _bwrap() if os.geteuid() == 0 and isolate_fs is not False else None
        can = can or self.bwrap is not None
        self.namespaces = can if isolate_fs is None else (isolate_fs and can)
        if not self.namespaces:
            self.bwrap = None
        self.hide = _default_hide(list(hide or []))
        self.python = sys.executable
        self.use_zygote = self.namespaces if use_zygote is None else use_zygote
        self.cgroup: dict | None = None     # made with the zygote, removed by close()
        self._zygote: Zygote | None = None
        self._zlock = __import__("threading").Lock()

    def zygote(self, start: bool = True) -> Zygote | None:
        """The shared fork server (started on first use), or None when not used."""
        if not self.use_zygote:
            return None
        with self._zlock:
            if self._zygote is not None and not self._zygote.alive():
                self._zygote.close()
                self._zygote = None
            if self._zygote is None and start:
                if self.cgroup is None:
                    self.cgroup = _make_cgroup()
                try:
                    self._zygote = Zygote(self)
                except WorkerDied:
                    self.use_zygote = False
            return self._zygote

    def drop_zygote(self) -> None:
        with self._zlock:
            if self._zygote is not None:
                self._zygote.close()
            self._zygote = None

    def close(self) -> None:
        self.drop_zygote()
        if self.cgroup:
            for d in Path(self.cgroup["path"]).glob("w*"):   # workers killed with the zygote
                _rmdir_when_empty(str(d))
            try:
                os.rmdir(self.cgroup["path"])
                self.cgroup = None
            except OSError:
                pass

    def __del__(self):
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass

    def isolation(self) -> list[str]:
        """What each worker gets (the hello message of a probe worker)."""
        w = Worker(self)
        try:
            w.start()
            return list(w.hello)
        finally:
            w.kill()

    def command(self) -> list[str]:
        py = [self.python, "-I", "-S", "-c", BOOT]
        if self.bwrap:
            return [self.bwrap, *self.bwrap_args(), "--", *py]
        if self.namespaces:
            return [_which("unshare"), "--mount", "--pid", "--net", "--fork", "--kill-child",
                    "--propagation", "private", "--", *py]
        return py

    def keep(self) -> list[str]:
        """The folders a worker needs: the interpreter, its standard library, numpy."""
        import site
        import sysconfig

        keep: list[str] = []
        for p in sorted({os.path.realpath(p) for p in
                         [sys.base_prefix, sys.prefix, *site.getsitepackages(),
                          sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"],
                          os.path.dirname(np.__path__[0])]}):
            if not any(p.startswith(q + os.sep) for q in keep):
                keep.append(p)
        return keep

    def bwrap_args(self) -> list[str]:
        """bubblewrap's allowlist: system libraries and the interpreter read-only, fresh
        /proc, /dev, /tmp and /sandbox, no network, IPC, UTS or PID sharing with the host.
        The zygote keeps root's capabilities (it forks, unshares and drops each worker)."""
        args = ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
                "--unshare-cgroup-try", "--die-with-parent", "--new-session", "--cap-add", "ALL",
                "--ro-bind", "/usr", "/usr"]
        for d in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
            if os.path.islink(d):
                args += ["--symlink", os.readlink(d), d]
            elif os.path.isdir(d):
                args += ["--ro-bind", d, d]
        for f in ("/etc/ld.so.cache", "/etc/localtime"):
            args += ["--ro-bind-try", f, f]
        # fresh /proc, /dev, /tmp and /sandbox first: a later mount hides what is below it, and
        # the interpreter's environment may itself live under /tmp (a CI checkout, say)
        args += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/sandbox"]
        made: set[str] = set()
        for k in self.keep():
            if k.startswith("/usr/"):
                continue
            for parent in list(Path(k).parents)[::-1][1:]:   # bwrap would make them 0700
                if str(parent) not in made:
                    made.add(str(parent))
                    args += ["--perms", "0755", "--dir", str(parent)]
            args += ["--ro-bind", k, k]
        # an installed (not editable) course or autograder would sit in site-packages, answers
        # and checks included: masked (the worker imports its own copy from /sandbox)
        import autograder
        import course
        for pkg in (course, autograder):
            d = os.path.realpath(os.path.dirname(pkg.__file__))
            if any(d.startswith(k + os.sep) for k in self.keep()):
                args += ["--tmpfs", d]
        if self.cgroup:
            args += ["--bind", self.cgroup["path"], "/cgroup"]
        return args + ["--chdir", "/"]

    def config(self, uid: int | None) -> dict:
        import tempfile

        keep = self.keep()
        stdlib = [p for p in sys.path if p and "site-packages" not in p
                  and p.startswith(sys.base_prefix)]
        site_dirs = [os.path.dirname(np.__path__[0])]
        work = "/sandbox" if self.bwrap else "/var/tmp/course-sandbox" if self.namespaces \
            else tempfile.mkdtemp(prefix="course-sandbox-")
        return {
            "namespaces": self.namespaces and not self.bwrap, "hide": self.hide, "keep": keep,
            "stage": "/mnt",
            "workdir": work, "files": self.files, "uid": uid, "stdlib": stdlib, "site": site_dirs,
            "rlimits": {"RLIMIT_AS": self.memory_mb * 2**20, "RLIMIT_CPU": self.cpu_seconds,
                        "RLIMIT_FSIZE": 16 * 2**20, "RLIMIT_NPROC": 64 if uid is not None else -1,
                        "RLIMIT_NOFILE": 256, "RLIMIT_CORE": 0},
        }


def _which(name: str) -> str | None:
    import shutil
    return shutil.which(name)


_BWRAP: list = []


def _make_cgroup() -> dict | None:
    """A cgroup for this run's workers, under which each worker gets its own memory limit
    (cgroup v2 with the memory controller, else the v1 memory hierarchy); None when neither
    can be written (not root, a container without them)."""
    if os.geteuid() != 0:
        return None
    name = f"course-grade-{os.getpid()}-{id(object()) % 10**6}"
    v2 = Path("/sys/fs/cgroup")
    try:
        if "memory" in (v2 / "cgroup.controllers").read_text().split():
            path = v2 / name
            path.mkdir()
            try:
                (path / "cgroup.subtree_control").write_text("+memory +pids")
            except OSError:
                (path / "cgroup.subtree_control").write_text("+memory")
            return _removed_at_exit({"kind": "v2", "path": str(path)})
    except OSError:
        pass
    v1 = Path("/sys/fs/cgroup/memory")
    try:
        if (v1 / "memory.limit_in_bytes").exists():
            (v1 / name).mkdir()
            return _removed_at_exit({"kind": "v1", "path": str(v1 / name)})
    except OSError:
        pass
    return None


def _removed_at_exit(cg: dict) -> dict:
    """Remove the run's cgroup when the grader exits, even if no one closed the sandbox."""
    import atexit

    def remove():
        for d in sorted(Path(cg["path"]).glob("w*")) + [Path(cg["path"])]:
            _rmdir_when_empty(str(d), tries=1)
    atexit.register(remove)
    return cg


def _bwrap() -> str | None:
    """bubblewrap's path, when it is installed and works here (checked once)."""
    import subprocess

    if not _BWRAP:
        path = _which("bwrap")
        ok = False
        if path:
            try:
                ok = subprocess.run([path, "--unshare-net", "--unshare-ipc", "--unshare-pid",
                                     "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev",
                                     "--", "/bin/sh", "-c", "true"], capture_output=True,
                                    timeout=30).returncode == 0
            except (OSError, subprocess.SubprocessError):
                ok = False
        _BWRAP.append(path if ok else None)
    return _BWRAP[0]


def _uid_for(pid: int) -> int:
    """A uid of the worker's own (so RLIMIT_NPROC counts its processes only)."""
    return 200_000 + pid % 60_000


def _env() -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg",
            "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}


class Zygote:
    """A root process inside the namespaces with numpy, matplotlib and `course` imported; it
    forks one worker per submission (then drops to the worker's uid), so a worker starts in
    milliseconds. Workers are killed through it (they live in its PID namespace)."""

    def __init__(self, sandbox: Sandbox):
        import socket
        import subprocess
        import threading

        self.lock = threading.Lock()
        self.ctl, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.proc = subprocess.Popen(sandbox.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=_env(), cwd="/",
                                     start_new_session=True, pass_fds=[theirs.fileno()])
        cfg = sandbox.config(None)
        cfg["zygote"], cfg["ctl"] = True, theirs.fileno()
        if sandbox.cgroup:
            cfg["cgroup"] = {**sandbox.cgroup, "bytes": sandbox.memory_mb * 2**20}
            if sandbox.bwrap:
                cfg["cgroup"].update(path="/cgroup", mounted=True)
        if os.geteuid() == 0:
            cfg["rlimits"]["RLIMIT_NPROC"] = 64     # each worker has a uid of its own
        data = __import__("json").dumps(cfg).encode()
        try:
            self.proc.stdin.write(struct.pack("<Q", len(data)) + data)
            self.proc.stdin.flush()
            msg = read_message(self.proc.stdout.fileno(), time.monotonic() + 120)
        except (OSError, EOFError, TimeoutError, wire.WireError) as e:
            self.close()
            raise WorkerDied(f"the sandbox did not start: {e}") from None
        finally:
            theirs.close()
        self.hello = [h for h in msg.get("hello", []) if not h.startswith("RLIMIT")] + [
            f"{k}={v}" for k, v in cfg["rlimits"].items()] + ["uid per worker", "forked from a zygote"] \
            + (["bubblewrap allowlist: read-only system and interpreter, nothing else"]
               if sandbox.bwrap else []) \
            + ["private mount, network, IPC, UTS and PID namespaces, /tmp and /dev/shm per worker"] \
            + ([f"memory cgroup ({sandbox.cgroup['kind']}): {sandbox.memory_mb} MB per submission"]
               if sandbox.cgroup else [])

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def _request(self, req: dict, fds=()) -> dict:
        import json
        import socket

        with self.lock:
            try:
                self.ctl.settimeout(30)
                socket.send_fds(self.ctl, [json.dumps(req).encode()], list(fds))
                return json.loads(self.ctl.recv(65536) or b"{}")
            except (OSError, ValueError) as e:
                raise WorkerDied(f"the sandbox is gone: {e}") from None

    def fork(self, uid: int):
        import socket

        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            reply = self._request({"op": "fork", "uid": uid}, [theirs.fileno()])
        finally:
            theirs.close()
        if "pid" not in reply:
            mine.close()
            raise WorkerDied("the sandbox could not start a worker")
        return int(reply["pid"]), mine

    def kill(self, pid: int, uid: int) -> None:
        try:
            self._request({"op": "kill", "pid": pid, "uid": uid})
        except WorkerDied:
            pass

    def close(self) -> None:
        import signal

        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        self.proc.kill()
        self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout, self.ctl):
            try:
                f.close()
            except OSError:
                pass
        self.proc = None


_UID_LOCK = __import__("threading").Lock()
_NEXT_UID = [0]


def _next_uid() -> int:
    """A fresh uid for each worker (so RLIMIT_NPROC and kill-by-uid concern it alone)."""
    with _UID_LOCK:
        _NEXT_UID[0] += 1
        return 200_000 + (os.getpid() % 1000) * 1000 + _NEXT_UID[0] % 1000


class Worker:
    """One worker process (forked by the zygote, or spawned); raises WorkerDied/WorkerTimeout."""

    def __init__(self, sandbox: Sandbox):
        self.sb = sandbox
        self.proc = None          # spawned mode
        self.sock = None          # zygote mode
        self.pid = self.uid = None
        self.rfd = self.wfd = None
        self.hello: list[str] = []

    def start(self, timeout: float = 60.0) -> None:
        z = self.sb.zygote()
        if z is not None:
            try:
                self.uid = _next_uid()
                self.pid, self.sock = z.fork(self.uid)
                self.rfd = self.wfd = self.sock.fileno()
                self.hello = z.hello
                return
            except WorkerDied:
                self.sb.drop_zygote()
        try:
            self._spawn(timeout)
        except WorkerDied:
            if not self.sb.namespaces:
                raise
            # no namespaces here (e.g. a container without CAP_SYS_ADMIN): uid and rlimits only
            self.sb.namespaces = False
            self._spawn(timeout)

    def _spawn(self, timeout: float) -> None:
        import json
        import subprocess

        self.proc = subprocess.Popen(self.sb.command(), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env(),
                                     cwd="/", start_new_session=True, close_fds=True)
        uid = _uid_for(self.proc.pid) if os.geteuid() == 0 else None
        cfg = self.sb.config(uid)
        if not self.sb.namespaces:
            self._tmp = cfg["workdir"]
        data = json.dumps(cfg).encode()
        self.rfd, self.wfd = self.proc.stdout.fileno(), self.proc.stdin.fileno()
        try:
            self.proc.stdin.write(struct.pack("<Q", len(data)) + data)
            self.proc.stdin.flush()
            msg = read_message(self.rfd, time.monotonic() + timeout)
        except (OSError, EOFError, TimeoutError, wire.WireError) as e:
            self.kill()
            raise WorkerDied(f"the sandbox did not start: {e}") from None
        self.hello = msg.get("hello", [])

    def alive(self) -> bool:
        if self.sock is not None:
            return True
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        import signal

        if self.sock is not None:
            z = self.sb.zygote(start=False)
            if z is not None:
                z.kill(self.pid, self.uid)
            self.sock.close()
            self.sock = None
            return
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.kill()
        except ProcessLookupError:
            pass
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass
        self.proc.wait()
        self.proc = None
        tmp = getattr(self, "_tmp", None)
        if tmp:
            import shutil
            shutil.rmtree(tmp, ignore_errors=True)

    def send(self, msg: dict, classes: dict | None = None) -> None:
        if not self.alive() or self.wfd is None:
            raise WorkerDied("the worker process is not running")
        try:
            write_message(self.wfd, msg, classes)
        except OSError:
            self.kill()
            raise WorkerDied("the worker process ended") from None

    def pending(self) -> bool:
        """Whether the worker has written more than was asked for."""
        import select

        return self.rfd is not None and bool(select.select([self.rfd], [], [], 0)[0])

    def receive(self, deadline: float, classes: dict | None = None) -> dict:
        if not self.alive() or self.rfd is None:
            raise WorkerDied("the worker process is not running")
        try:
            msg = read_message(self.rfd, deadline, classes)
        except TimeoutError:
            self.kill()
            raise WorkerTimeout("no answer before the deadline") from None
        except wire.WireError as e:
            self.kill()
            raise MalformedReply(f"the worker sent a malformed message ({e})") from None
        except (EOFError, OSError) as e:
            self.kill()
            raise WorkerDied(f"the worker process ended ({e})") from None
        if not isinstance(msg, dict):
            self.kill()
            raise MalformedReply("the worker sent a malformed message")
        return msg


def _remote_exception(err: dict) -> BaseException:
    """An exception like the one the student's code raised, with a frame in its cell."""
    import builtins

    name = str(err.get("type") or "Exception")[:80]
    message = str(err.get("message") or "")[:1000]
    cls = getattr(builtins, name, None)
    if not (isinstance(cls, type) and issubclass(cls, Exception)) or name in ("StopIteration",):
        safe = "".join(c for c in name if c.isalnum() or c == "_") or "Exception"
        if not safe[0].isalpha():
            safe = "E" + safe
        cls = type(safe, (Exception,), {"__module__": "__student__"})
    try:
        exc = cls(message)
    except Exception:  # noqa: BLE001 - builtin exceptions that need other arguments
        exc = Exception(f"{name}: {message}")
    return exc


def _raise_with_frame(exc: BaseException, where: dict | None):
    if not where:
        raise exc
    try:
        line = max(1, min(int(where["line"]), 100_000))
        code = compile("\n" * (line - 1) + "raise __exc__", str(where["file"])[:200], "exec")
        func = str(where["func"])[:100]
        code = code.replace(co_name=func, co_qualname=func) if sys.version_info >= (3, 11) \
            else code.replace(co_name=func)
    except Exception:  # noqa: BLE001
        raise exc from None
    exec(code, {"__exc__": exc})


_REFS: dict[str, tuple[list[str], tuple[str, ...]]] = {}
_REFS_LOCK = __import__("threading").Lock()


def _reference_index() -> dict[str, tuple[list[str], tuple[str, ...]]]:
    """{function name: (positional parameters, parameters it changes in place)} for every
    function in course/reference/*.py, read once from their syntax (under a lock: ast.parse
    is not safe from several threads)."""
    import ast

    with _REFS_LOCK:
        if _REFS:
            return _REFS
        from course import reference

        index: dict[str, tuple[list[str], list[str]]] = {}
        for path in sorted(Path(reference.__file__).parent.glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.FunctionDef):
                    continue
                params = [a.arg for a in node.args.posonlyargs + node.args.args]
                names = params + [a.arg for a in node.args.kwonlyargs]
                pos, found = index.setdefault(node.name, (params, []))
                for sub in ast.walk(node):
                    targets = sub.targets if isinstance(sub, ast.Assign) else \
                        [sub.target] if isinstance(sub, (ast.AugAssign, ast.AnnAssign)) else []
                    for t in targets:
                        for item in ast.walk(t):
                            base = item
                            while isinstance(base, ast.Subscript):
                                base = base.value
                            if base is not item and isinstance(base, ast.Name) \
                                    and base.id in names and base.id not in found:
                                found.append(base.id)
        _REFS.update({k: (p, tuple(f)) for k, (p, f) in index.items()})
        return _REFS


def writes(name: str) -> tuple[str, ...]:
    """The parameters that the reference functions called `name` change in place (an item
    assigned: `p[k] = ...`, `p[k] -= ...`): the only arguments whose changes a call brings
    back to the grader."""
    return _reference_index().get(name, ([], ()))[1]


def _param_names(name: str) -> list[str]:
    """Positional parameter names of the reference called `name` ([] when there is none)."""
    return _reference_index().get(name, ([], ()))[0]


_SOURCES: dict[tuple, dict[str, str]] = {}


def isolation_sources(isolate: dict) -> dict[str, str]:
    """The slices of course.reference a task's isolation needs: {module: source}."""
    key = tuple(sorted(isolate.items()))
    if key not in _SOURCES:
        wanted: dict[str, set[str] | None] = {}
        for ref in isolate.values():
            mod, _, attr = ref.partition(":")
            wanted.setdefault(mod, set()).add(attr)
        with _REFS_LOCK:        # ast is not safe from several threads
            _SOURCES[key] = reference_slices(wanted) if wanted else {}
    return _SOURCES[key]


def _back(name: str, args, kwargs) -> tuple[list[int], list[str]]:
    """The arguments a call to `name` brings back: those it changes by contract, generators."""
    names = _param_names(name)
    may = set(writes(name))
    back = [i for i, a in enumerate(args) if isinstance(a, np.random.Generator)
            or (i < len(names) and names[i] in may)]
    back_kw = [k for k, a in kwargs.items() if k in may or isinstance(a, np.random.Generator)]
    return back, back_kw


class Proxy:
    """Stands for one student function: calls go to the worker. The grader keeps its own
    arguments: after a call it takes back only what the function may change by contract
    (`writes`: the parameters the reference changes in place, and generators' states), so
    a function that overwrites an input cannot change what the check computes from it.
    Its changes to the other arguments come back apart, in `left` (see compare.as_left)."""

    def __init__(self, session: Session, name: str, isolate: dict, module: str,
                 space: str | None = None):
        self._session, self._name, self._isolate = session, name, dict(isolate)
        self.space = space         # an edited copy of the namespace (see `edited`), or None
        self.left: dict[str, object] = {}   # the last call's changes to arguments it does not own
        self.__name__ = self.__qualname__ = name
        self.__module__ = module
        self.first_line = 1        # of its def in its cell (set by `source`)
        self._source: str | None = None

    def __repr__(self) -> str:
        return f"<student function {self._name}>"

    def source(self) -> str:
        """The text of the def of this name that the cells run last (found once)."""
        if self._source is not None:
            return self._source
        found = ""
        for _, src in self._session.cells:
            try:
                body = ast.parse(src).body
            except (SyntaxError, ValueError):
                continue
            for node in body:
                if isinstance(node, ast.FunctionDef) and node.name == self._name:
                    found = textwrap.dedent(ast.get_source_segment(src, node, padded=True) or "")
                    self.first_line = node.lineno
        self._source = found
        return found

    def trace(self, src: str, args: tuple, kwargs: dict) -> object:
        """Run the def `src` in the worker on these arguments with each value logged
        (autograder.locate.pack's arrays, unchecked); None when that fails. Never ends the
        session: a worker that dies here is replaced for the next call."""
        s = self._session
        if s.died or not src or time.monotonic() >= s.ends - TRACE_SECONDS:
            return None
        try:
            w = s.ensure()
            w.send({"op": "trace", "name": self._name, "isolate": self._isolate, "space": self.space,
                    "sources": isolation_sources(self._isolate), "src": src, "args": list(args),
                    "kwargs": kwargs, "timeout": TRACE_SECONDS})
            reply = w.receive(min(s.ends, time.monotonic() + TRACE_SECONDS + 3.0))
        except Exception:  # noqa: BLE001 - a hint is a bonus
            s.close()
            return None
        return reply.get("trace") if isinstance(reply, dict) else None

    def edited(self, src: str) -> Proxy | None:
        """This function in a fresh copy of the submission's namespace in which the def `src`
        (an edit of this function's) replaces it; None when the worker cannot define it.
        Only within `trial`: the grader's search for a fix of the student's code."""
        s = self._session
        if not s.trying or s.died or not src or time.monotonic() >= s.deadline:
            return None
        space = f"edit{next(_SPACE_IDS)}"
        try:
            w = s.ensure()
            w.send({"op": "define", "space": space, "name": self._name, "src": src,
                    "timeout": max(0.1, s.deadline - time.monotonic())})
            reply = w.receive(min(s.ends, s.deadline + 2.0))
        except (WorkerDied, WorkerTimeout, MalformedReply):
            s.died = True
            return None
        if not isinstance(reply, dict) or reply.get("defined") is not True:
            return None
        return self.moved(space)

    def moved(self, space: str | None) -> Proxy:
        """The proxy of this function in another copy of the namespace."""
        return Proxy(self._session, self._name, self._isolate, self.__module__, space)

    def trial(self, seconds: float):
        """See Session.trial."""
        return self._session.trial(seconds)

    def __call__(self, *args, **kwargs):
        s = self._session
        left = s.deadline - time.monotonic()
        if s.trying and (left <= 0 or s.timed_out):
            raise WorkerTimeout("the grader's trial has no time left")
        if left <= 0:
            s.timed_out = True
            s.close()
            raise WorkerTimeout(f"timed out after {s.timeout:g} s")
        if s.died:
            raise WorkerDied("your code ended the grading process (exit, kill, or out of memory)")
        try:
            w = s.ensure()
        except (WorkerDied, WorkerTimeout) as e:
            s.died = True
            raise WorkerDied(f"could not run your code: {e}") from None
        back, back_kw = _back(self._name, args, kwargs)
        self.left = {}
        classes: dict = {}
        try:
            w.send({"op": "call", "name": self._name, "isolate": self._isolate, "space": self.space,
                    "sources": isolation_sources(self._isolate), "args": list(args),
                    "kwargs": kwargs, "timeout": left, "back": back, "back_kw": back_kw}, classes)
            reply = w.receive(min(s.deadline, s.ends) + 2.0, classes)
        except WorkerTimeout:
            s.timed_out = True
            raise WorkerTimeout(f"timed out after {s.timeout:g} s") from None
        except MalformedReply:
            s.died, s.why = True, MALFORMED
            raise WorkerDied(MALFORMED) from None
        except WorkerDied:
            s.died = True
            raise WorkerDied(ENDED) from None
        if reply.get("timeout"):
            s.timed_out = True
            raise WorkerTimeout(f"timed out after {s.timeout:g} s")
        if "error" in reply:
            err = reply["error"] if isinstance(reply["error"], dict) else {}
            _raise_with_frame(_remote_exception(err), err.get("where"))
        new, left = reply.get("back", {}), reply.get("left", {})
        owned = {str(i) for i in back} | {f"k:{k}" for k in back_kw}
        given = {str(i) for i in range(len(args))} | {f"k:{k}" for k in kwargs}
        if "value" not in reply or not isinstance(new, dict) or not set(new) <= owned or \
                not isinstance(left, dict) or not set(left) <= given - owned:
            s.died, s.why = True, MALFORMED
            w.kill()
            raise WorkerDied(MALFORMED)
        if w.pending():     # more on the channel than one reply: written by the student's code
            s.close()
        for key, value in new.items():
            if key.startswith("k:"):
                wire.sync(kwargs[key[2:]], value)
            else:
                wire.sync(args[int(key)], value)
        self.left = left
        return reply["value"]


MAX_RESTARTS = 3     # fresh workers per submission after the first (each reloads the cells)
_SPACE_IDS = itertools.count()
ENDED = "your code ended the grading process (exit, kill, or out of memory)"
MALFORMED = "your code sent the grader a malformed reply"


class Session:
    """A submission's worker: loaded with its cells, restarted after a crash (at most
    MAX_RESTARTS times). `ends` is the submission's one wall-clock budget: every wait on the
    worker ends by then, whatever the worker sends, however often it dies."""

    def __init__(self, sandbox: Sandbox, cells: list[tuple[str, str]], timeout: float,
                 budget: float | None = None):
        self.sb, self.cells, self.timeout = sandbox, cells, timeout
        self.errors: dict[str, str] = {}
        self.skip: set[str] = set()
        self.worker: Worker | None = None
        self.deadline = 0.0
        self.ends = time.monotonic() + (budget if budget is not None else 10 * timeout + 60)
        self.timed_out = self.died = False
        self.why = ENDED            # what ended the worker, when `died`
        self.restarts = 0
        self.trying = False         # inside `trial`
        self.failed_trials = 0      # trials that ended the worker (timeouts, deaths)

    @contextlib.contextmanager
    def trial(self, seconds: float):
        """Run the grader's own extra calls (its search for a fix of the student's code) within
        `seconds`, and leave the task's verdict as it was: the deadline and the timed-out and
        died flags are restored, and a worker the trial hung or ended is replaced without
        counting against the submission. After two such trials the session tries no more.
        Nested, a shorter deadline within the outer one. Yields whether calls may run."""
        if self.trying:
            outer = self.deadline
            self.deadline = min(outer, time.monotonic() + seconds)
            try:
                yield not (self.timed_out or self.died)
            finally:
                self.deadline = outer
            return
        saved = (self.deadline, self.timed_out, self.died, self.why)
        off = self.failed_trials >= 2 or self.timed_out or self.died or \
            self.restarts > MAX_RESTARTS
        self.trying = True
        self.deadline = 0.0 if off else min(time.monotonic() + seconds, self.ends)
        try:
            yield not off
        finally:
            if not off and (self.timed_out or self.died):
                self.close()
                self.failed_trials += 1
                self.restarts -= 1          # the next worker is the grader's, not the student's
            self.trying = False
            self.deadline, self.timed_out, self.died, self.why = saved

    def close(self) -> None:
        if self.worker is not None:
            self.worker.kill()
            self.worker = None

    def ensure(self) -> Worker:
        """A live worker with the cells loaded (a cell that kills or hangs it is skipped)."""
        if self.worker is not None and self.worker.alive():
            return self.worker
        labels = {label for label, _ in self.cells}
        while True:
            self.close()
            if self.restarts > MAX_RESTARTS:
                raise WorkerDied(f"the worker ended {self.restarts} times; not restarted again")
            if time.monotonic() >= self.ends:
                raise WorkerTimeout("the submission's time budget is spent")
            w = Worker(self.sb)
            w.start()
            self.restarts += 1
            cells = [(label, src) for label, src in self.cells if label not in self.skip]
            w.send({"op": "load", "cells": cells, "cell_timeout": self.timeout})
            # one deadline for the whole load: messages from the worker never extend it
            load_ends = min(self.ends, time.monotonic() + self.timeout + 5.0)
            current = None
            try:
                while True:
                    msg = w.receive(load_ends)
                    if "cell" in msg:
                        if msg["cell"] not in labels:
                            raise WorkerDied("malformed reply")
                        current = msg["cell"]
                        continue
                    if "loaded" in msg:
                        loaded = msg["loaded"] if isinstance(msg["loaded"], dict) else {}
                        self.errors.update({wire.clean(str(k), 200): wire.clean(str(v), 2000)
                                            for k, v in list(loaded.items())[:len(labels)]})
                        self.worker = w
                        return w
                    raise WorkerDied("malformed reply")
            except WorkerTimeout:
                if current is None:
                    raise
                self.errors[current] = f"timed out after {self.timeout:g} s: an infinite loop?"
                self.skip.add(current)
            except WorkerDied:
                if current is None:
                    raise
                self.errors[current] = "the cell ended the grading process (exit, kill, or out " \
                                       "of memory)"
                self.skip.add(current)

    def describe(self, names, retry: bool = True) -> dict:
        """{name: {defined, callable, type, module}}, validated. A bad reply (messages the
        student's code wrote on the channel) ends that worker; a fresh one is asked once."""
        w = self.ensure()
        try:
            w.send({"op": "describe", "names": list(names)})
            got = w.receive(min(self.ends, time.monotonic() + self.timeout + 5.0)).get("names")
        except WorkerDied:
            got = None
        out = {}
        for name in names:
            d = got.get(name) if isinstance(got, dict) else None
            if not isinstance(d, dict):
                self.close()
                if retry:
                    return self.describe(names, retry=False)
                raise WorkerDied("the worker sent a malformed reply")
            out[name] = {"defined": d.get("defined") is True, "callable": d.get("callable") is True,
                         "type": wire.clean(str(d.get("type") or "object"), 80),
                         "module": wire.clean(str(d.get("module") or ""), 200)}
        return out


MAX_TEXT = 2000         # characters of one summary, hint or detail line
MAX_DETAILS = 40        # detail lines of one result


def bounded(res):
    """A CheckResult whose texts are bounded and safe to write (a report stays small), each
    one line of printable text (a student's message cannot pose as another verdict)."""
    from dataclasses import replace

    def c(x):
        return None if x is None else wire.printable(str(x), MAX_TEXT)
    return replace(res, summary=c(res.summary), hint=c(res.hint), mistake=c(res.mistake),
                   details=[c(d) for d in res.details[:MAX_DETAILS]])


def grade_cells(module, cells: list[tuple[str, str]], sandbox: Sandbox, timeout: float | None = None,
                hidden: bool = True, extra_errors: dict | None = None,
                seeds: dict | None = None) -> dict:
    """{task id: CheckResult} for cells (label, source) run in a sandbox worker.

    seeds: {task id: seeds} to run instead of the task's own (the secret hidden seeds)."""
    from dataclasses import replace

    from autograder.result import CheckResult
    from autograder.tasks import run_task

    session = Session(sandbox, cells, timeout or 30.0,
                      budget=sum(timeout or t.timeout for t in module.tasks) + (timeout or 30.0) + 10)
    results = {}
    try:
        for task in module.tasks:
            limit = timeout or task.timeout
            session.timeout = limit
            t0 = time.perf_counter()
            try:
                desc = session.describe(task.needs)
            except (WorkerDied, WorkerTimeout) as e:
                results[task.id] = CheckResult(task.id, task.name, task.points, False,
                                               f"could not run your code: {e}", status="error")
                session.close()
                continue
            ns = {}
            for name in task.needs:
                d = desc.get(name) or {}
                if not d.get("defined"):
                    continue
                if d.get("callable"):
                    ns[name] = Proxy(session, name, task.isolate, d["module"])
                else:
                    tname = "".join(c for c in d["type"] if c.isalnum() or c == "_") or "object"
                    ns[name] = type(tname if tname[0].isalpha() else "object", (), {})()
            session.deadline = min(time.monotonic() + limit, session.ends)
            session.timed_out = session.died = False
            session.why = ENDED
            errors = {**(extra_errors or {}), **session.errors}
            res = run_task(task, ns, cell_errors=errors, hidden=hidden,
                           seeds=(seeds or {}).get(task.id))
            secs = round(time.perf_counter() - t0, 3)
            if session.timed_out:
                res = replace(res, passed=False, status="timeout", hint=None, mistake=None,
                              summary=f"timed out after {limit:g} s: an infinite loop, or far "
                                      "too slow?", details=[])
                session.close()
            elif session.died:
                res = replace(res, passed=False, status="error", hint=None, mistake=None,
                              summary=session.why, details=[])
                session.close()
            results[task.id] = bounded(replace(res, seconds=secs))
    finally:
        session.close()
    return results
