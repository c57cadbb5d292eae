"""Tasks, modules and the one function that runs a check on a student's code.

A Task names the functions a student writes, the check that judges them and the
reference implementations of *earlier* tasks that the student's code may call: those
are swapped in while the check runs (task isolation), so one bug does not cascade.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import sys
import time
import traceback
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from autograder import diagnose, standin
from autograder.result import CheckFailed, CheckResult, NotImplementedYet
from course.isolation import isolated

Check = Callable[..., None]

# Module ids and the autograder.checks submodule that defines each one's MODULE.
MODULES = {
    "01_induction": "induction",
    "02_backprop": "backprop",
    "03_init": "init",
    "04_optim": "optim",
    "05_rnn": "rnn",
    "06_seq2seq": "seq2seq",
}


@dataclass(frozen=True)
class Task:
    """One graded task.

    id: "2.3" (module 2, task 3); its nbgrader grade id is "ex2_3".
    needs: the names the student defines, passed to `check` in this order.
    check(*fns, seed) raises CheckFailed when wrong; it is run once per seed.
    isolate: names of earlier tasks' functions -> "module:attr" of their reference,
        bound into the student's functions' globals while the check runs.
    help: progressive help, from what is wrong to the formula; never the solution.
    """

    id: str
    name: str
    points: float
    needs: tuple[str, ...]
    check: Check
    isolate: Mapping[str, str] = field(default_factory=dict)
    seeds: tuple[int, ...] = (0,)
    hidden_seeds: tuple[int, ...] = (1, 2)
    help: tuple[str, ...] = ()
    timeout: float = 30.0

    @property
    def grade_id(self) -> str:
        return "ex" + self.id.replace(".", "_")


@dataclass(frozen=True)
class Module:
    id: str                    # "02_backprop"
    title: str
    tasks: tuple[Task, ...]

    @property
    def number(self) -> str:
        return self.id[:2]

    @property
    def max_score(self) -> float:
        return sum(t.points for t in self.tasks)

    def task(self, task_id: str) -> Task:
        for t in self.tasks:
            if task_id in (t.id, t.grade_id, t.name):
                return t
        raise KeyError(f"module {self.id} has no task {task_id!r}; tasks: "
                       + ", ".join(t.id for t in self.tasks))


class UnknownModule(KeyError):
    pass


# Written by `course release --max-hint N` into a student release; absent in the repository.
RELEASE_FILE = Path(__file__).with_name("release.json")


def max_hint() -> int | None:
    """How many levels of help a student release lets students reveal (None: all of them)."""
    try:
        value = json.loads(RELEASE_FILE.read_text()).get("max_hint")
    except FileNotFoundError:
        return None
    return None if value is None else int(value)


def module_ids() -> list[str]:
    return list(MODULES)


def resolve_module_id(name: str) -> str:
    """'2', '02', '02_backprop' or 'backprop' -> '02_backprop'."""
    for mid, short in MODULES.items():
        if name in (mid, short, mid[:2], mid[:2].lstrip("0")):
            return mid
    raise UnknownModule(f"unknown module {name!r}; modules: {', '.join(MODULES)}")


def get_module(name: str) -> Module:
    mid = resolve_module_id(name)
    try:
        mod = importlib.import_module(f"autograder.checks.{MODULES[mid]}")
    except ModuleNotFoundError as e:
        if e.name == f"autograder.checks.{MODULES[mid]}":
            raise UnknownModule(f"module {mid} has no checks yet") from None
        raise
    return mod.MODULE


def available_modules() -> list[Module]:
    out = []
    for mid in MODULES:
        try:
            out.append(get_module(mid))
        except UnknownModule:
            pass
    return out


def find_task(task_id: str) -> Task:
    """'2.3' -> the Task, looked up in module 02."""
    return get_module(task_id.split(".")[0]).task(task_id)


REFERENCE_PACKAGES = ("course.", "autograder.")


def _student_frame(tb: types.TracebackType | None) -> tuple[str, int, str] | None:
    """(function, line, cell label) of the deepest frame in the student's code, or None."""
    found = None
    for frame, lineno in traceback.walk_tb(tb):
        fname = frame.f_code.co_filename
        if fname.startswith("<cell ") or fname.startswith("<student") or "ipykernel" in fname:
            label = fname[6:-1] if fname.startswith("<cell ") else "your cell"
            found = (frame.f_code.co_name, lineno, label)
    return found


def _where(tb: types.TracebackType | None) -> str:
    """'linear_backward, line 4 of the cell defining linear_backward', or ''."""
    found = _student_frame(tb)
    if found is None:
        return ""
    func, line, label = found
    return f"line {line} of {label}" if func == "<module>" else f"{func}, line {line} of {label}"


def _stub_line(e: NotImplementedError) -> str:
    """The raise statement as the exercise cell writes it."""
    args = ", ".join(json.dumps(a) if isinstance(a, str) else repr(a) for a in e.args)
    return f"raise NotImplementedError({args})"


def _run_once(task: Task, fns: tuple[object, ...], seed: int) -> None:
    try:
        task.check(*fns, seed=seed)
    except CheckFailed:
        raise
    except NotImplementedError as e:
        found = _student_frame(e.__traceback__)
        name = found[0] if found and found[0] != "<module>" else task.name
        raise NotImplementedYet(f"not implemented: {name} still raises NotImplementedError",
                                [f"replace the line `{_stub_line(e)}` with your code"]) from None
    except RecursionError:
        raise CheckFailed("RecursionError: a function calls itself without end") from None
    except MemoryError:
        raise CheckFailed("MemoryError: your code asked for more memory than allowed") from None
    except Exception as e:  # the student's code raised: say what and where
        where = _where(e.__traceback__)
        msg = f"{type(e).__name__}: {e}".strip()
        if len(msg) > 300:
            msg = msg[:300] + "..."
        raise CheckFailed(f"raised {msg}", [f"at {where}"] if where else []) from None


def run_task(task: Task, namespace: Mapping[str, object] | None = None, *,
             fns: tuple[object, ...] | None = None, hidden: bool = True,
             cell_errors: Mapping[str, str] | None = None,
             seeds: tuple[int, ...] | None = None) -> CheckResult:
    """Run one task's check on the student's functions; never raises.

    Give either the functions (`fns`, in the order of task.needs) or the student's
    `namespace`. hidden: also run the hidden seeds (what nbgrader's hidden tests add).
    seeds: run exactly these seeds instead (the instructor's grader draws secret ones).
    cell_errors: {cell label: error} from loading the notebook, to explain missing names.
    """
    t0 = time.perf_counter()

    def result(passed: bool, summary: str, status: str, **kw) -> CheckResult:
        return CheckResult(task.id, task.name, task.points, passed, summary, status=status,
                           seconds=round(time.perf_counter() - t0, 3), **kw)

    if fns is None:
        namespace = namespace or {}
        missing = [n for n in task.needs if n not in namespace]
        if missing:
            details = [f"{label}: {err}" for label, err in (cell_errors or {}).items()]
            return result(False, f"{', '.join(missing)} is not defined", "error",
                          details=details or ["is its cell still there, and does it run?"])
        fns = tuple(namespace[n] for n in task.needs)
    for name, fn in zip(task.needs, fns, strict=True):
        if not callable(fn):
            return result(False, f"{name} is a {type(fn).__name__}, not a function", "error")
        module = getattr(fn, "__module__", "") or ""
        if module.startswith(REFERENCE_PACKAGES):
            return result(False, f"{name} is the course's own {module}.{name}", "fail",
                          details=["write your own implementation instead of importing it"])
    if namespace is None:
        namespace = next((f.__globals__ for f in fns if isinstance(f, types.FunctionType)), None)
    fns = diagnose.record(isolated(fns, task.isolate), task.needs)
    seeds = tuple(seeds) if seeds is not None else \
        task.seeds + (task.hidden_seeds if hidden else ())
    try:
        for seed in seeds:
            diagnose.reset(fns)
            with standin.checking(task, seed, namespace):
                _run_once(task, fns, seed)
            diagnose.changed_inputs(fns, _references(task))
    except NotImplementedYet as e:
        return result(False, e.summary, "not-implemented", details=e.details, help=task.help)
    except CheckFailed as e:
        if isinstance(e, standin.StandInUnavailable) and _stubs(fns):
            return result(False, f"not implemented: {_stubs(fns)[0]} still raises NotImplementedError",
                          "not-implemented", details=["replace its `raise NotImplementedError(...)` line "
                                                      "with your code"], help=task.help)
        limit = min(20.0, 5.0 + 2 * (time.perf_counter() - t0))    # per candidate fix, 3 at most
        return result(False, e.summary, "fail", details=e.details, hint=_diagnosed(
            task, fns, e, _passes(task, fns, seeds, namespace, limit)),
                      mistake=e.mistake, help=e.help or task.help)
    return result(True, "ok", "pass")


def _references(task: Task) -> dict[str, object]:
    """{graded name: its reference function} where the references are here (not in a release)."""
    return diagnose.references(resolve_module_id(task.id.split(".")[0]), task.needs)


def _with_fix(fns: tuple[object, ...], name: str, fixed: types.FunctionType) -> tuple[object, ...]:
    """The task's functions with the student's `name` replaced by `fixed`, in a copy of their
    namespace (so their calls to `name` reach it too)."""
    raw = tuple(f._fn if isinstance(f, diagnose.Recorder) else f for f in fns)
    g = next((f.__globals__ for f in raw if isinstance(f, types.FunctionType)
              and f.__name__ == name), None)
    if g is None:
        return raw
    new = dict(g)
    new[name] = types.FunctionType(fixed.__code__, new, name, fixed.__defaults__,
                                   fixed.__closure__)
    for n, v in g.items():
        if isinstance(v, types.FunctionType) and v.__globals__ is g and n != name:
            new[n] = types.FunctionType(v.__code__, new, v.__name__, v.__defaults__, v.__closure__)
    return tuple(new.get(f.__name__, f) if isinstance(f, types.FunctionType) and f.__globals__ is g
                 else f for f in raw)


def _passes(task: Task, fns: tuple[object, ...], seeds: tuple[int, ...],
            namespace: Mapping[str, object] | None, limit: float) -> Callable[[str, Callable], bool]:
    """passes(name, fixed): does the task's check pass on every seed with the student's `name`
    replaced by `fixed` (run apart, within `limit` seconds)?"""
    def passes(name: str, fixed: Callable) -> bool:
        if isinstance(fixed, diagnose.RemoteEdit):
            return _passes_remote(task, fns, seeds, namespace, limit, fixed)
        if not isinstance(fixed, types.FunctionType):
            return False
        new = _with_fix(fns, name, fixed)

        def run(emit: Callable[[list], None]) -> None:
            with contextlib.redirect_stdout(io.StringIO()), \
                    contextlib.redirect_stderr(io.StringIO()):
                for seed in seeds:
                    with standin.checking(task, seed, namespace):
                        task.check(*new, seed=seed)
            emit([0])
        return bool(diagnose._apart(run, limit))
    return passes


def _passes_remote(task: Task, fns: tuple[object, ...], seeds: tuple[int, ...],
                   namespace: Mapping[str, object] | None, limit: float,
                   fixed: diagnose.RemoteEdit) -> bool:
    """passes() for a submission graded in the sandbox: the edited def is defined in a copy of
    the worker's namespace, and the check runs here on proxies of that copy (its verdict is
    the grader's), within `limit` seconds of the session's trial."""
    raw = tuple(f._fn if isinstance(f, diagnose.Recorder) else f for f in fns)
    with fixed.proxy.trial(limit) as ok:
        if not ok:
            return False
        edited = fixed.proxy.edited(fixed.src)
        if edited is None:
            return False
        new = tuple(f.moved(edited.space) if callable(getattr(f, "moved", None)) else f
                    for f in raw)
        try:
            with contextlib.redirect_stdout(io.StringIO()), \
                    contextlib.redirect_stderr(io.StringIO()):
                for seed in seeds:
                    with standin.checking(task, seed, namespace):
                        task.check(*new, seed=seed)
        except Exception:
            return False
    return True


def _diagnosed(task: Task, fns: tuple[object, ...], e: CheckFailed,
               passes: Callable[[str, Callable], bool] = lambda name, fn: False) -> str | None:
    """The check's hint with the one-edit rewrite of the reference that reproduces the student's
    calls (autograder.diagnose), unless a known mistake's outputs matched exactly.
    passes(name, fixed): does the check pass with the student's `name` replaced by `fixed`?"""
    lead = None
    try:
        # a condition always true is a bug whatever it makes the outputs look like
        if (always := diagnose.always_true(fns)) is not None:
            return f"{always}; {e.hint}" if e.hint else always
        # ... and so is a loop left on its first pass: named first, before what follows
        lead = diagnose.loop_return(fns)
    except Exception:
        pass
    text = _diagnosed_further(task, fns, e, passes)
    return f"{lead}; {text}" if lead and text else lead or text


def _diagnosed_further(task: Task, fns: tuple[object, ...], e: CheckFailed,
                       passes: Callable[[str, Callable], bool]) -> str | None:
    try:
        refs = _references(task)
        # one edit of the student's own code with which the whole check passes: the fix leads
        # what follows
        fix = diagnose.repaired(fns, refs, passes)
        if getattr(e, "exact", False):        # a known mistake's outputs matched exactly
            return f"{fix}; {e.hint}" if fix and e.hint else fix or e.hint
        # an in-place method's None kept, an argument grown or left unchanged, a size written
        # as a number, a backward right on the correct forward's cache: facts of the student's
        # code, named before any rewrite (and before the check's guess)
        misuse = diagnose.returned_none(fns, refs) or diagnose.grown_args(fns, refs) or \
            diagnose.unchanged_args(fns, refs) or diagnose.fixed_size(fns, refs) or \
            diagnose.cache_at_fault(fns, refs)
        if misuse:
            text = f"{misuse}; {e.hint}" if e.hint else misuse
        else:
            text = _explained(task, fns, e, refs)
    except Exception:       # a diagnosis is a bonus: it never costs the verdict
        return e.hint
    return f"{fix}; {text}" if fix and text else fix or text


def _explained(task: Task, fns: tuple[object, ...], e: CheckFailed,
               refs: dict[str, object]) -> str | None:
    """The rewrite of the reference that reproduces the student's calls, or the line where
    their code goes wrong, with the check's hint."""
    try:
        found = diagnose.explain(fns, refs)
        if found and getattr(found, "literal", None) is False:
            # the student wrote no statement of that edit: the line where their code first
            # computes a wrong value, when it is a line of their own, leads
            where = diagnose.located(fns, refs)
            if diagnose.own_line(where, refs):
                found = f"{where}; or, read as one edit of the correct code: {found}"
        if e.summary.startswith("raised ") and getattr(found, "literal", None) is not True:
            # the line that raised leads an edit the student did not write
            where = diagnose.unset_name(fns, e.summary, e.details) or \
                diagnose.raised_line(fns, e.details)
            if where:
                found = f"{where}; or, read as one edit of the correct code: {found}" if found \
                    else where
        if not found:       # no edit explains it: where it goes wrong, after the check's hint
            where = diagnose.located(fns, refs)
            return f"{e.hint}; {where}" if e.hint and where else e.hint or where
    except Exception:       # a diagnosis is a bonus: it never costs the verdict
        found = None
    if not found:
        return e.hint
    # the check's own reading of the behaviour first, unless the student's code has the very
    # statement the rewrite writes
    if e.mistake is not None and e.hint and getattr(found, "literal", None) is not True:
        return f"{e.hint}; {found}"
    return f"{found}; {e.hint}" if e.hint else found


def _stubs(fns) -> list[str]:
    """Names of the functions that still raise NotImplementedError (a released stub)."""
    return [f.__name__ for f in fns if "NotImplementedError" in
            getattr(getattr(f, "__code__", None), "co_names", ())]


def check(task_id: str, *fns: object, hidden: bool = False) -> None:
    """The call in a notebook's test cell: check the functions just written, print the verdict.

    Raises AssertionError (CheckFailed) when the task fails, so nbgrader gives it 0 points.
    """
    task = find_task(task_id)
    if len(fns) != len(task.needs):
        raise TypeError(f"check({task_id!r}) takes {len(task.needs)} functions: "
                        + ", ".join(task.needs))
    res = run_task(task, fns=fns, hidden=hidden)
    print(res.text(hint_level=0))
    sys.stdout.flush()
    if not res.passed:
        _quiet_tracebacks()
        err = CheckFailed(f"task {res.task} {res.name}: {res.summary}")
        raise err.with_traceback(None) from None
    return None


def _quiet_tracebacks() -> None:
    """In IPython, show a failed check as one error line, without the test cell's source
    (which would reveal hidden tests in nbgrader's feedback). The cell still errors."""
    ip = None
    try:
        from IPython import get_ipython

        ip = get_ipython()
    except ImportError:
        pass
    if ip is None or getattr(ip, "_course_quiet", False):
        return

    def handler(shell, etype, value, tb, tb_offset=None):
        shell._showtraceback(etype, value, [f"{etype.__name__}: {value}"])

    ip.set_custom_exc((CheckFailed,), handler)
    ip._course_quiet = True
