"""Task isolation: run a student's function with earlier tasks' names bound to the reference.

Kept in `course` (not `autograder`) because the grading sandbox, which may import only the
student-facing package, applies it too.
"""

from __future__ import annotations

import importlib
import types
from collections.abc import Mapping


def resolve(ref: str) -> object:
    """"course.reference.nn:linear_forward" -> that function."""
    mod, _, attr = ref.partition(":")
    return getattr(importlib.import_module(mod), attr)


def isolated(fns: tuple[object, ...], overrides: Mapping[str, object]) -> tuple[object, ...]:
    """Rebind plain functions so the names in `overrides` mean the reference implementation.

    overrides: name -> "module:attr" of the reference, or the object itself.

    A student function sees its notebook's globals; we give it (and every function of the
    same notebook that it may call) a copy of those globals with the overrides applied.
    """
    if not overrides:
        return fns
    out, copies = [], {}
    for fn in fns:
        g = getattr(fn, "__globals__", None)
        if not isinstance(fn, types.FunctionType) or g is None:
            out.append(fn)
            continue
        key = id(g)
        if key not in copies:
            new = dict(g)
            new.update({name: resolve(ref) if isinstance(ref, str) else ref
                        for name, ref in overrides.items()})
            for name, value in g.items():
                if isinstance(value, types.FunctionType) and value.__globals__ is g \
                        and name not in overrides:
                    new[name] = _rebind(value, new)
            copies[key] = new
        new = copies[key]
        out.append(new.get(fn.__name__) if new.get(fn.__name__) is not None
                   and getattr(new.get(fn.__name__), "__code__", None) is fn.__code__
                   else _rebind(fn, new))
    return tuple(out)


def _rebind(fn: types.FunctionType, g: dict) -> types.FunctionType:
    new = types.FunctionType(fn.__code__, g, fn.__name__, fn.__defaults__, fn.__closure__)
    new.__kwdefaults__ = fn.__kwdefaults__
    new.__dict__.update(fn.__dict__)
    return new


# In the grading sandbox's worker, the course's answers are not there: a reference function
# that a setup cell brings along and that is itself an answer runs the student's own
# function of that name instead (autograder.sandbox writes those stand-ins).
student_namespace: dict | None = None     # the worker sets it: the submission's globals
_calling: set[str] = set()


def call_student(name: str, stand_in: object, args: tuple, kwargs: dict) -> object:
    """Call the submission's own `name`; NameError when it has none of its own (or its
    `name` only wraps the course's)."""
    fn = (student_namespace or {}).get(name)
    if fn is None or fn is stand_in or not callable(fn) or name in _calling:
        raise NameError(f"{name}: while grading, the course's own {name} is not available; "
                        "write your own")
    _calling.add(name)
    try:
        return fn(*args, **kwargs)
    finally:
        _calling.discard(name)
