"""Which reference names are answers, and the stand-in file that replaces them in a release.

A name in a reference file is an answer of its module when a task of the module grades it,
when the module's solution cells define it, or when its source shares a non-trivial line
with the module's solution cells. Everything else (data, plots, constants, helpers that
only call graded names) ships verbatim.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

from course import ROOT
from course.reference import MODULE_FILES

# Reference helpers that are answers in all but name (checked by test_release's scan and
# call test; listed here so they never ship for an unpublished module).
EXTRA_ANSWERS = {
    "nn": {"softmax"},
}

_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def normalise(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip())


def trivial(line: str) -> bool:
    """Lines too generic to give an answer away: short ones, comments, bare returns."""
    n = normalise(line)
    return (len(n) < 14 or n.startswith(("#", '"""', "'''")) or re.fullmatch(r"return \w+", n) is not None
            or re.fullmatch(r"[\w, ]+ = [\w.]+(\(\))?", n) is not None)


def solution_blocks(module_id: str, root: Path = ROOT) -> list[str]:
    """The lines between the solution markers of the module's source, as written."""
    out, inside = [], False
    for line in (root / "solutions" / module_id / f"{module_id}.py").read_text().splitlines():
        if _MARKERS[0] in line:
            inside = True
        elif _MARKERS[1] in line:
            inside = False
        elif inside:
            out.append(line)
    return out


@cache
def solution_lines(module_id: str) -> frozenset[str]:
    """Non-trivial normalised lines of the module's answers."""
    return frozenset(normalise(x) for x in solution_blocks(module_id) if not trivial(x))


@cache
def solution_names(module_id: str, solution: bool = True) -> frozenset[str]:
    """Names defined in the module's solution cells (graded functions and the students' helpers);
    with solution=False, those its other code cells define (given to every student)."""
    src = (ROOT / "solutions" / module_id / f"{module_id}.py").read_text()
    names = set()
    for chunk in re.split(r"^# %%", src, flags=re.M)[1:]:
        header = chunk.split("\n", 1)[0]
        if "[markdown]" in header or ('"solution": true' in header) != solution:
            continue
        try:
            tree = ast.parse(chunk.split("\n", 1)[1] if "\n" in chunk else "")
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif not solution and isinstance(node, ast.ImportFrom) and \
                    (node.module or "").startswith("course.reference"):
                names.update(a.asname or a.name for a in node.names)   # tools the notebook hands out
    return frozenset(names)


def module_of_file(stem: str) -> str:
    for mid, stems in MODULE_FILES.items():
        if stem in stems:
            return mid
    raise KeyError(stem)


def _defined(node: ast.stmt) -> list[str]:
    if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
        return [node.name]
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    return []


@cache
def answer_names(stem: str) -> frozenset[str]:
    """The names of course/reference/<stem>.py that a release must not ship unpublished."""
    from autograder.tasks import get_module

    mid = module_of_file(stem)
    src = (ROOT / "course" / "reference" / f"{stem}.py").read_text()
    graded = {n for t in get_module(mid).tasks for n in t.needs} | solution_names(mid)
    lines = solution_lines(mid)
    out = set(EXTRA_ANSWERS.get(stem, ()))
    for node in ast.parse(src).body:
        names = _defined(node)
        if not names or isinstance(node, (ast.Assign, ast.AnnAssign)) and not set(names) & graded:
            continue
        body = ast.get_source_segment(src, node) or ""
        if set(names) & graded or any(normalise(x) in lines for x in body.splitlines()):
            out.update(names)
    # A function an answer calls is part of the answer (lstm_forward's scan, say), unless the
    # notebook gives it to every student or it is a one-line helper.
    funcs = {n.name: n for n in ast.parse(src).body if isinstance(n, ast.FunctionDef)}
    given = solution_names(mid, solution=False)
    todo = [n for n in out if n in funcs]
    while todo:
        for call in ast.walk(funcs[todo.pop()]):
            if isinstance(call, ast.Name) and call.id in funcs and call.id not in out \
                    and call.id not in given and len(funcs[call.id].body) > 1 + _has_doc(funcs[call.id]):
                out.add(call.id)
                todo.append(call.id)
    return frozenset(out)


def _has_doc(fn: ast.FunctionDef) -> int:
    first = fn.body[0]
    return int(isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
               and isinstance(first.value.value, str))


def facade(stem: str) -> str:
    """The source of the stand-in for course/reference/<stem>.py."""
    mid = module_of_file(stem)
    src = (ROOT / "course" / "reference" / f"{stem}.py").read_text()
    tree = ast.parse(src)
    answers = answer_names(stem)
    parts = [
        f'"""Module {mid}\'s reference is not published in this release.\n\n'
        f"Its graded names ({', '.join(sorted(answers))}) are served by your own code from your\n"
        f"{mid} notebook, once each one's check passes (autograder/standin.py says how).\n"
        'The rest of the original file (data, plots, helpers) is kept as it was.\n"""',
        "from __future__ import annotations",
        "from autograder.standin import StandIn as _StandIn",
    ]
    for i, node in enumerate(tree.body):
        if i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the original docstring
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        names = _defined(node)
        if names and set(names) & answers:
            parts.extend(f'{n} = _StandIn("{mid}", __name__, "{n}")' for n in names)
        else:
            parts.append(ast.get_source_segment(src, node, padded=False))
    return "\n\n".join(parts) + "\n"
