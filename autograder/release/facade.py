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

# Helpers an answer calls that still ship: tools the checks and experiments need, holding no
# line of an answer (the release's scan and call tests confirm it), with the reason.
SHIPS = {
    "init": {"grad_norms": "gradient norms of 02's MLP at init, for 03's trainability checks",
             "preactivations": "per-layer pre-activations of 02's MLP, for 03's plots"},
}

# Reference helpers that are answers in all but name (checked by test_release's scan and
# call test; listed here so they never ship for an unpublished module).
EXTRA_ANSWERS = {
    "nn": {"softmax": "02_backprop"},
    "rnn": {"temporal_linear_forward": "02_backprop", "temporal_linear_backward": "02_backprop"},
}

# Check helpers that compute a graded output in a form of their own (found by probe.py).
CHECK_ANSWERS = {
    "optim": {"_schedule": "04_optim", "_by_position": "04_optim"},
    "rnn": {"_grad_norms": "05_rnn"},
    "seq2seq": {"_greedy_banned": "06_seq2seq"},
}

_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")

# Answer lines that the released text states anyway, with the reason (normalised lines).
STATED = {
    "params[k] -= lr * grads[k]":
        "02's sgd_step docstring states the update; 04 hands out this rule as its SGD baseline",
}


def normalise(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip())


_OPS = re.compile(r"@|\*\*|(?<![*=<>!])\*(?!=)|(?<![/=])/(?![/=])|\+(?!=)|(?<=[\w)\]] )-(?!=)")
_MATH = re.compile(r"\b(?:exp|log|log1p|tanh|sqrt|maximum|minimum|where|clip|outer|einsum|dot|"
                   r"sigmoid|argmax|argsort|cumsum|permutation|qr|svd|lstsq|solve)\(")
_CONTROL = re.compile(r"(for|while|if|elif|else|try|except|with|def|class|assert|raise)\b")


def trivial(line: str) -> bool:
    """Lines too generic to give an answer away: short ones, comments, control flow, and lines
    with no operation (an arithmetic operator or a numerical call)."""
    n = normalise(line)
    if len(n) < 14 or n.startswith(("#", '"""', "'''")) or _CONTROL.match(n):
        return True
    return len(_OPS.findall(n)) + len(_MATH.findall(n)) < 1


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
    """Non-trivial normalised lines of the module's answers that its released notebook does not
    itself give to every student."""
    return frozenset(normalise(x) for x in solution_blocks(module_id) if not trivial(x)) \
        - exercise_lines(module_id) - set(STATED)


@cache
def exercise_lines(module_id: str) -> frozenset[str]:
    import json

    path = ROOT / "exercises" / module_id / f"{module_id}.ipynb"
    if not path.exists():
        return frozenset()
    out = set()
    for cell in json.loads(path.read_text())["cells"]:
        src = cell.get("source", "")
        out.update(normalise(x) for x in ("".join(src) if isinstance(src, list) else src).splitlines())
    return frozenset(out)


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
def answer_names(stem: str, unpublished: frozenset[str] | None = None) -> dict[str, str]:
    """{name: module} for the names of course/reference/<stem>.py a release must not ship:
    the file's own module's answers (unless published) and any function sharing a line with
    another unpublished module's answers (an answer under another name)."""
    from autograder.tasks import MODULES, get_module

    mid = module_of_file(stem)
    unpublished = frozenset(MODULES) if unpublished is None else unpublished
    src = (ROOT / "course" / "reference" / f"{stem}.py").read_text()
    tree = ast.parse(src)
    out: dict[str, str] = {}
    if mid in unpublished:
        graded = {n for t in get_module(mid).tasks for n in t.needs} | solution_names(mid)
        out.update({n: m for n, m in EXTRA_ANSWERS.get(stem, {}).items() if m == mid})
        for node in tree.body:
            names = _defined(node)
            if names and (set(names) & graded or not isinstance(node, (ast.Assign, ast.AnnAssign))
                          and _shares_line(src, node, mid)):
                out.update(dict.fromkeys(names, mid))
        # A function an answer calls is part of the answer (lstm_forward's scan, say), unless
        # the notebook gives it to every student or it is a one-line helper.
        funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        given = solution_names(mid, solution=False)
        todo = [n for n in out if n in funcs]
        while todo:
            for call in ast.walk(funcs[todo.pop()]):
                if isinstance(call, ast.Name) and call.id in funcs and call.id not in out \
                        and call.id not in given and call.id not in SHIPS.get(stem, {}) \
                        and len(funcs[call.id].body) > 1 + _has_doc(funcs[call.id]):
                    out[call.id] = mid
                    todo.append(call.id)
    out.update({n: m for n, m in EXTRA_ANSWERS.get(stem, {}).items() if m in unpublished})
    # A published file ships as it is (later modules build on it; the call test still holds).
    for other in sorted(unpublished - {mid}) if mid in unpublished else ():
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name not in out \
                    and _shares_line(src, node, other):
                out[node.name] = other
    return out


def _shares_line(src: str, node: ast.stmt, module_id: str) -> bool:
    lines = solution_lines(module_id)
    return any(normalise(x) in lines for x in (ast.get_source_segment(src, node) or "").splitlines())


def _has_doc(fn: ast.FunctionDef) -> int:
    first = fn.body[0]
    return int(isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
               and isinstance(first.value.value, str))


def facade(stem: str, unpublished: frozenset[str]) -> str:
    """The source of the stand-in for course/reference/<stem>.py in a release."""
    mid = module_of_file(stem)
    answers = answer_names(stem, unpublished)
    what = (f"Module {mid}'s reference is not published in this release." if mid in unpublished
            else f"Module {mid}'s reference is published; the names below that answer an "
                 "unpublished module stay out of it.")
    doc = (f'"""{what}\n\nThe names that are answers ({", ".join(sorted(answers))}) are served by '
           "your own\ncode from your notebooks, once each one's check passes (autograder/standin.py "
           'says how).\nThe rest of the original file (data, plots, helpers) is kept as it was.\n"""')
    return facade_of(ROOT / "course" / "reference" / f"{stem}.py", answers, doc)


def check_answers(short: str, unpublished: frozenset[str]) -> dict[str, str]:
    """{helper: module} for the helpers of autograder/checks/<short>.py that share a line with an
    unpublished module's answers (a reference step written out to build mistaken outputs, say).
    A release replaces them by stand-ins that replay their recorded outputs. A check function
    itself must not hold such a line: move it into a helper."""
    from autograder.tasks import get_module

    path = ROOT / "autograder" / "checks" / f"{short}.py"
    src = path.read_text()
    checks = set()
    for mid in unpublished:
        try:
            checks |= {t.check.__name__ for t in get_module(mid).tasks}
        except KeyError:
            continue
    out = {n: m for n, m in CHECK_ANSWERS.get(short, {}).items() if m in unpublished}
    for node in ast.parse(src).body:
        if not isinstance(node, ast.FunctionDef) or node.name in out:
            continue
        for mid in sorted(unpublished):
            if _shares_line(src, node, mid):
                if node.name in checks:
                    raise ValueError(f"autograder/checks/{short}.py: the check {node.name} holds a "
                                     f"line of {mid}'s answers; move it into a helper")
                out[node.name] = mid
                break
    return out


def facade_of(path: Path, answers: dict[str, str], doc: str) -> str:
    """`path`'s source with each answer's definition replaced by a stand-in and `doc` (a
    docstring, or a line to put under the original one) saying so."""
    src = path.read_text()
    tree = ast.parse(src)
    body = list(tree.body)
    parts = []
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        original = ast.get_source_segment(src, body.pop(0))
        parts = [doc if doc.startswith('"""') else original, *([] if doc.startswith('"""')
                                                               else [f"# {doc}"])]
    else:
        parts = [doc if doc.startswith('"""') else f"# {doc}"]
    parts += ["from __future__ import annotations",
              "from autograder.standin import StandIn as _StandIn"]
    for node in body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        names = _defined(node)
        if names and set(names) & set(answers):
            parts.extend(f'{n} = _StandIn("{answers[n]}", __name__, "{n}")' for n in names)
        else:
            parts.append(ast.get_source_segment(src, node, padded=False))
    return "\n\n".join(parts) + "\n"
