"""Run a module's checks on its reference solution, a mutated copy of it, or a notebook file."""

from __future__ import annotations

import functools
import hashlib
import types
from pathlib import Path

import numpy as np

from autograder.catalogue import Scenario
from autograder.notebook import Loaded, load, run_cells, student_cells
from autograder.result import CheckResult
from autograder.tasks import Task, get_module, resolve_module_id, run_task


def solution_cells(module: str, replace: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Setup and solution cells of the module's source, with text replacements applied.

    Every old text must occur exactly once in the whole source, so a catalogue entry
    fails loudly when the solution it edits changes.
    """
    from course.build import source_notebook

    cells = student_cells(source_notebook(resolve_module_id(module)))
    for old, new in (replace or {}).items():
        hits = sum(src.count(old) for _, src in cells)
        if hits != 1:
            raise ValueError(f"{old!r} occurs {hits} times in the {module} solution, not once")
        cells = [(label, src.replace(old, new)) for label, src in cells]
    return cells


def load_solution(module: str, replace: dict[str, str] | None = None) -> Loaded:
    return run_cells(solution_cells(module, replace))


def grade(module: str, loaded: Loaded, hidden: bool = True) -> dict[str, CheckResult]:
    """{task id: result} for every task of the module."""
    return {t.id: run_task(t, loaded.namespace, cell_errors=loaded.errors, hidden=hidden)
            for t in get_module(module).tasks}


def grade_solution(module: str, replace: dict[str, str] | None = None) -> dict[str, CheckResult]:
    return grade(module, load_solution(module, replace))


def grade_notebook(module: str, path: str | Path) -> dict[str, CheckResult]:
    return grade(module, load(path))


def grade_scenario(module: str, scenario: Scenario) -> dict[str, CheckResult]:
    return grade_solution(module, scenario.replace)


def feedback(result: CheckResult) -> str:
    """All the text a student reads for one task, for matching hints in tests."""
    return result.text(hint_level=0)


# ----------------------------------------------------------------------------------------
# Regrading only what an edit can reach (the catalogue's tests: a thousand edits each)

def _fingerprint(x: object, ns: dict, skip: frozenset[str] = frozenset(),
                 seen: dict[int, object] | None = None) -> object:
    """A value that is equal for two objects of two loads of a module when they behave alike:
    a notebook function by its code, defaults, closure and every global its code names
    (recursively), except the names in `skip` (a task's `isolate`: the check binds them to
    the reference); data by value; the course's and libraries' objects by name. Anything
    else is unique to its object, so it never compares equal across loads."""
    seen = {} if seen is None else seen
    if id(x) in seen:
        return ("seen", seen[id(x)])
    seen[id(x)] = len(seen)
    fp = lambda v: _fingerprint(v, ns, skip, seen)                       # noqa: E731
    if x is None or isinstance(x, (bool, int, float, complex, str, bytes)):
        return (type(x).__name__, repr(x))
    if isinstance(x, (tuple, list, set, frozenset)):
        items = sorted(x, key=repr) if isinstance(x, (set, frozenset)) else x
        return (type(x).__name__, tuple(fp(v) for v in items))
    if isinstance(x, dict):
        return ("dict", tuple((fp(k), fp(v)) for k, v in x.items()))
    if isinstance(x, np.ndarray):
        return ("array", x.dtype.str, x.shape, hashlib.sha1(np.ascontiguousarray(x)).hexdigest())
    if isinstance(x, np.generic):
        return ("scalar", x.dtype.str, repr(x))
    if isinstance(x, types.ModuleType):
        return ("module", x.__name__)
    if isinstance(x, types.CodeType):
        return ("code", x.co_code, x.co_names, x.co_varnames, x.co_freevars, x.co_cellvars,
                tuple(fp(c) for c in x.co_consts))
    if isinstance(x, types.FunctionType) and x.__globals__ is ns:
        names = _names(x.__code__)
        return ("function", fp(x.__code__), fp(x.__defaults__), fp(x.__kwdefaults__),
                tuple(fp(c.cell_contents) for c in x.__closure__ or ()),
                tuple((n, fp(x.__globals__[n])) for n in sorted(names - skip) if n in x.__globals__))
    module = getattr(x, "__module__", None)
    if isinstance(module, str) and module != ns.get("__name__") and hasattr(x, "__qualname__") \
            and (isinstance(x, (type, types.FunctionType, types.BuiltinFunctionType))
                 or callable(x) and not isinstance(x, types.MethodType)):
        return ("named", module, x.__qualname__)
    return ("object", id(x))


def _names(code: types.CodeType) -> set[str]:
    out = set(code.co_names)
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            out |= _names(c)
    return out


def _task_print(task: Task, ns: dict) -> object:
    return _fingerprint(tuple(ns.get(n) for n in task.needs), ns, frozenset(task.isolate))


@functools.cache
def _reference(mid: str) -> tuple[dict[str, object], dict[str, CheckResult]]:
    loaded = load_solution(mid)
    ns = loaded.namespace
    return ({t.id: _task_print(t, ns) for t in get_module(mid).tasks},
            grade(mid, loaded))


def grade_edited(module: str, replace: dict[str, str]) -> dict[str, CheckResult]:
    """grade_solution(module, replace), except that a task whose functions are, by
    `_fingerprint`, the reference's own (their code and all they reach) is not run again:
    its result is the reference's. What an edit changes still runs, and so does every task
    that calls it, which is what isolation tests."""
    mid = resolve_module_id(module)
    prints, results = _reference(mid)
    loaded = load_solution(mid, replace)
    ns = loaded.namespace
    out = {}
    for t in get_module(mid).tasks:
        same = not loaded.errors and prints[t.id] == _task_print(t, ns)
        out[t.id] = results[t.id] if same else \
            run_task(t, ns, cell_errors=loaded.errors, hidden=True)
    return out
