"""Point at the line where a wrong function first computes a wrong value.

When no known mistake and no one-edit rewrite explains a failed task, the student's function
and the reference are run once more on the first recorded call where they disagree, each with
every expression's value logged (an AST rewrite wraps each operation, name read and call). A
value of the student's is *right* when the reference computed the same array somewhere (any
operation, any step of a loop, a row or column of one of its arrays, or an input). Walking
back from the wrong outputs through wrong values only, the first wrong value whose operands are
all right is where the error is made:

    the first wrong value of your rnn_step is `h_prev @ Wx` in line 4 (`h = np.tanh(x @ Wx +
    h_prev @ Wx + b)`): the values it is computed from are right, its result is not

A value the reference never computes but that turns right again later (another way of writing
the same formula) is not blamed: only wrong values that reach a wrong output are.

Only code that a check already ran is run again, in the same process (the sandbox's worker
for student code), with the grader's inputs; nothing here decides a verdict.
"""

from __future__ import annotations

import ast
import bisect
import copy
import inspect
import textwrap
import time
import types
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

MAX_VALUES = 40_000        # values logged per run
MAX_SIZE = 200_000         # entries of one logged array
MAX_BYTES = 80_000_000     # bytes logged per run
MAX_POOL = 200_000         # values (with rows and columns) the reference's run is searched for
SECONDS = 3.0              # for the reference's run and the search
MUTATORS = {"append", "extend", "insert", "update", "fill", "setdefault", "sort", "put",
            "__setitem__", "resize", "add"}


# ----------------------------------------------------------------------------- instrumenting

@dataclass
class Node:
    """One logged place of the function: an expression, or the target of a store."""

    text: str               # its source
    line: int               # the line of its statement (1 = the def line)
    children: list[int] = field(default_factory=list)  # logged sub-expressions
    reads: str | None = None      # a variable read
    writes: str | None = None     # the variable it gives a value (assigned, stored into, mutated)
    store: bool = False           # the value written into a target (`H[t] = ...`, `x += ...`)
    sink: bool = False            # the value is returned
    kind: str = ""                # "draw": random numbers; "plain": no evidence (a size, all
                                  # ones, a constant): neither right nor wrong


MODULES = {"np", "numpy", "math", "random"}
KEEPS = ("float(", "int(", "np.array(", "np.asarray(", "list(", "tuple(", "np.float64(")
DRAWS = {"normal", "standard_normal", "uniform", "random", "permutation", "choice", "integers",
         "randn", "rand", "randint", "binomial", "shuffle", "multivariate_normal", "random_sample"}
PLAIN_CALLS = {"len", "range", "zeros", "ones", "empty", "full", "zeros_like", "ones_like",
               "empty_like", "full_like", "eye", "arange", "int", "shape",
               # factorisations: another method than the reference's, not a bug by itself
               "svd", "qr", "eig", "eigh", "cholesky", "lstsq", "slogdet"}
PLAIN_ATTRS = {"shape", "size", "ndim", "dtype"}


def _kind(node: ast.expr) -> str:
    """'draw' for random numbers, 'plain' for values that say nothing of a bug (sizes,
    constructors, expressions of literals only), else ''."""
    if not any(isinstance(n, ast.Name) and n.id not in MODULES for n in ast.walk(node)):
        return "plain"
    f = node.func if isinstance(node, ast.Call) else None
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None
    if name in DRAWS and isinstance(f, ast.Attribute):
        return "draw"
    if name in PLAIN_CALLS:
        return "plain"
    if isinstance(node, ast.Attribute) and node.attr in PLAIN_ATTRS:
        return "plain"
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and \
            node.value.attr == "shape":
        return "plain"
    return ""


class _Wrap(ast.NodeTransformer):
    """Wrap the expressions of one function: `__loc__(k, expr)` logs expr's value as node k."""

    def __init__(self):
        self.nodes: list[Node] = []
        self.line = 0
        self.stack: list[list[int]] = [[]]

    def _log(self, text: str, kids: list[int], **kw) -> int:
        self.nodes.append(Node(text, self.line, kids, **kw))
        return len(self.nodes) - 1

    def _call(self, k: int, value: ast.expr) -> ast.Call:
        return ast.Call(ast.Name("__loc__", ast.Load()), [ast.Constant(k), value], [])

    def body(self, stmts: list[ast.stmt]) -> list[ast.stmt]:
        return [s for b in stmts for s in _listify(self.visit(b))]

    def visit_FunctionDef(self, node):
        return node           # a nested def is left alone

    def visit_ClassDef(self, node):
        return node

    def visit_Lambda(self, node):
        return node

    def visit_JoinedStr(self, node):
        return node

    def generic_visit(self, node):
        if not isinstance(node, ast.stmt):
            return super().generic_visit(node)
        outer, self.line = self.line, node.lineno
        try:
            return self._stmt(node)
        finally:
            self.line = outer

    def _stmt(self, node: ast.stmt):
        if isinstance(node, ast.Return) and node.value is not None:
            self.stack.append([])
            node.value = self.visit(node.value)
            for k in self.stack.pop():
                self.nodes[k].sink = True
            return node
        self.stack.append([])
        ast.NodeTransformer.generic_visit(self, node)
        rhs = self.stack.pop()
        if isinstance(node, ast.Expr) and isinstance(_unwrap(node.value), ast.Call):
            # a call made for what it does to its arguments (`sgd_step(params, grads)`): their
            # values after it
            call = _unwrap(node.value)
            after = []
            f = call.func
            changes = isinstance(f, ast.Name) and f.id not in ("print", "len") or \
                isinstance(f, ast.Attribute) and f.attr == "shuffle"
            for a in call.args if changes else []:
                a = _unwrap(a)
                if isinstance(a, ast.Name):
                    k = self._log(ast.unparse(_plain(call)), list(rhs), writes=a.id, store=True)
                    after.append(ast.Expr(self._call(k, ast.Name(a.id, ast.Load()))))
            return [node] + after
        if not isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            return node
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        after = []
        for t in targets:
            leaves = _flat(t)
            for leaf in leaves:
                if isinstance(node, ast.Assign) and isinstance(leaf, ast.Name):
                    if len(leaves) == 1 and len(rhs) == 1:
                        self.nodes[rhs[0]].writes = leaf.id
                        continue
                load = _as_load(leaf)
                if load is None or _base(leaf) is None:
                    continue
                text = ast.unparse(leaf) if len(leaves) == 1 else ast.unparse(_plain(node.value))
                # what a factorisation unpacks into is as plain as the factorisation
                kind = "plain" if len(rhs) == 1 and self.nodes[rhs[0]].kind == "plain" else ""
                k = self._log(text, list(rhs), writes=_base(leaf), store=True, kind=kind)
                after.append(ast.Expr(self._call(k, load)))
        return [node] + after

    def _expr(self, node: ast.expr) -> ast.expr:
        text, kind = ast.unparse(node), _kind(node)
        self.stack.append([])
        node = ast.NodeTransformer.generic_visit(self, node)
        k = self._log(text, self.stack.pop(), kind=kind)
        self.stack[-1].append(k)
        return ast.copy_location(self._call(k, node), node)

    def visit_Name(self, node: ast.Name):
        if not isinstance(node.ctx, ast.Load) or node.id in MODULES:
            return node
        k = self._log(node.id, [], reads=node.id)
        self.stack[-1].append(k)
        return ast.copy_location(self._call(k, node), node)

    visit_BinOp = visit_UnaryOp = visit_Compare = visit_IfExp = _expr

    def visit_Subscript(self, node):
        return self._expr(node) if isinstance(node.ctx, ast.Load) else node

    def visit_Attribute(self, node):
        if not isinstance(node.ctx, ast.Load) or _base(node) in MODULES:
            return node
        return self._expr(node)

    def visit_Call(self, node: ast.Call):
        text, kind = ast.unparse(node), _kind(node)
        func = node.func
        self.stack.append([])
        receiver = None
        if isinstance(func, ast.Attribute) and _base(func) not in MODULES:
            func.value = self.visit(func.value)
            receiver = _unwrap(func.value)
        node.args = [self.visit(a) for a in node.args]
        for kw in node.keywords:
            kw.value = self.visit(kw.value)
        kids = self.stack.pop()
        mutates = isinstance(func, ast.Attribute) and func.attr in MUTATORS and \
            isinstance(receiver, ast.Name)
        k = self._log(text, kids, writes=receiver.id if mutates else None, store=mutates,
                      kind=kind)
        self.stack[-1].append(k)
        return ast.copy_location(self._call(k, node), node)


def _plain(node: ast.AST) -> ast.AST:
    """A copy of node without the `__loc__` wrappers (its source as written)."""
    class Strip(ast.NodeTransformer):
        def visit_Call(self, n):
            n = self.generic_visit(n)
            return _unwrap(n)
    return Strip().visit(copy.deepcopy(node))


def _unwrap(node: ast.expr) -> ast.expr:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
            node.func.id == "__loc__":
        return node.args[1]
    return node


def _listify(x) -> list:
    return x if isinstance(x, list) else [x]


def _flat(t: ast.expr) -> list[ast.expr]:
    if isinstance(t, (ast.Tuple, ast.List)):
        return [x for e in t.elts for x in _flat(e)]
    if isinstance(t, ast.Starred):
        return []
    return [t]


def _base(t: ast.expr) -> str | None:
    while isinstance(t, (ast.Subscript, ast.Attribute)):
        t = t.value
    return t.id if isinstance(t, ast.Name) else None


def _as_load(t: ast.expr) -> ast.expr | None:
    t = copy.deepcopy(t)
    for n in ast.walk(t):
        if hasattr(n, "ctx"):
            n.ctx = ast.Load()
    return t if isinstance(t, (ast.Name, ast.Subscript, ast.Attribute)) else None


def _tree(src: str) -> tuple[ast.Module, ast.FunctionDef, list[Node]]:
    tree = ast.parse(src)
    fdef = tree.body[0] if tree.body else None
    if not isinstance(fdef, ast.FunctionDef):
        raise ValueError("not a plain def")
    fdef.decorator_list = []
    w = _Wrap()
    fdef.body = w.body(fdef.body)
    ast.fix_missing_locations(tree)
    return tree, fdef, w.nodes


def nodes_of(src: str) -> list[Node]:
    """The places `instrument` logs for a def's source (the same numbering)."""
    return _tree(textwrap.dedent(src))[2]


def instrument(fn: types.FunctionType, src: str | None = None, max_bytes: int = MAX_BYTES
               ) -> tuple[types.FunctionType, list[Node]]:
    """A copy of fn that logs each value it computes into `copy.__loc_log__` as (node, value),
    and the nodes logged."""
    src = def_source(fn) if src is None else textwrap.dedent(src)
    tree, fdef, nodes = _tree(src)
    log: list = []
    state = {"bytes": 0}

    def __loc__(k, v):
        if len(log) < MAX_VALUES and state["bytes"] < max_bytes:
            c = _value(v)
            if c is not None:
                state["bytes"] += c.nbytes
            log.append((k, c))
        return v

    g = dict(fn.__globals__)
    g["__loc__"] = __loc__
    code = compile(tree, getattr(fn.__code__, "co_filename", "<locate>"), "exec")
    ns: dict = {}
    exec(code, g, ns)
    new = ns[fdef.name]
    new.__defaults__, new.__kwdefaults__ = fn.__defaults__, fn.__kwdefaults__
    new.__loc_log__ = log
    return new, nodes


def pack(log: list) -> dict[str, np.ndarray]:
    """A log as three arrays (what the sandbox's worker sends back)."""
    keys = np.array([k for k, _ in log], dtype=np.int64)
    # per value: -1 (not numbers), -2 (an integer), or its ndim and then its shape
    dims = [-1 if v is None else -2 if v.dtype.kind == "i" and v.ndim == 0 else v.ndim
            for _, v in log]
    shapes = np.array([x for (_, v), d in zip(log, dims, strict=True)
                       for x in ([d] + (list(v.shape) if d >= 0 else []))], dtype=np.int64)
    data = [v.ravel().astype(np.float64) for _, v in log if v is not None]
    return {"keys": keys, "shapes": shapes,
            "data": np.concatenate(data) if data else np.zeros(0)}


def unpack(packed: object, n_nodes: int) -> list | None:
    """`pack`'s log back, checked (None when it is not one: it came from the student's side)."""
    if not isinstance(packed, dict):
        return None
    keys, shapes, data = (packed.get(k) for k in ("keys", "shapes", "data"))
    if not all(isinstance(a, np.ndarray) and a.ndim == 1 for a in (keys, shapes, data)) or \
            keys.dtype.kind != "i" or shapes.dtype.kind != "i" or data.dtype.kind != "f" or \
            len(keys) > MAX_VALUES:
        return None
    log, pos, at = [], 0, 0
    for k in keys.tolist():
        if not 0 <= k < n_nodes or pos >= len(shapes):
            return None
        d = int(shapes[pos])
        pos += 1
        if d == -1:
            log.append((k, None))
            continue
        if d == -2:
            if at >= len(data) or not np.isfinite(data[at]):
                return None
            log.append((k, np.asarray(int(data[at]), dtype=np.int64)))
            at += 1
            continue
        shape = tuple(int(x) for x in shapes[pos:pos + d])
        pos += d
        size = int(np.prod(shape)) if shape else 1
        if len(shape) != d or any(x < 0 for x in shape) or at + size > len(data):
            return None
        log.append((k, data[at:at + size].astype(np.float64).reshape(shape)))
        at += size
    return log if pos == len(shapes) and at == len(data) else None


def def_source(fn: types.FunctionType) -> str:
    """The text of fn's def: from the notebook cell it was run from (autograder.notebook keeps
    them in the namespace as `__cells__`), else where inspect finds it (IPython's cells)."""
    code = fn.__code__
    cell = (fn.__globals__.get("__cells__") or {}).get(code.co_filename)
    if isinstance(cell, str):
        for node in ast.parse(cell).body:
            if isinstance(node, ast.FunctionDef) and node.name == fn.__name__ and \
                    code.co_firstlineno in (node.lineno, *(d.lineno for d in node.decorator_list)):
                return textwrap.dedent(ast.get_source_segment(cell, node, padded=True))
    return textwrap.dedent(inspect.getsource(fn))


def _value(v: object) -> np.ndarray | None:
    """The numbers of a value, as a float64 array, or an int64 scalar for an integer (None: not
    numbers, or too large)."""
    if isinstance(v, bool | np.bool_):
        return np.asarray(int(v))
    if isinstance(v, int | np.integer) and abs(v) < 2**53:
        return np.asarray(int(v), dtype=np.int64)      # kept an integer: a count or an index
    if isinstance(v, float | np.floating):
        return np.asarray(float(v))
    if isinstance(v, np.ndarray) and v.dtype.kind in "fiub" and v.size <= MAX_SIZE:
        return v.astype(np.float64)
    if isinstance(v, (dict, list, tuple)) and v and len(v) <= 1000:
        # a container of numbers (a dict of parameters, a list of arrays): all its numbers
        items = [v[k] for k in sorted(v, key=str)] if isinstance(v, dict) else list(v)
        parts = [_value(x) if not isinstance(x, (dict, list, tuple)) else None for x in items]
        if all(p is not None for p in parts) and sum(p.size for p in parts) <= MAX_SIZE:
            return np.concatenate([p.ravel() for p in parts]).astype(np.float64)
    return None


# ----------------------------------------------------------------------------- matching

class Pool:
    """Every value one run computed, looked up by value within a tolerance."""

    def __init__(self):
        self._by_shape: dict[tuple, list] = {}
        self._units: dict[tuple, list] = {}    # each value scaled to unit length
        self._odd: dict[tuple, list] = {}      # values with an axis of length 1, that shape kept
        self._seen: set[tuple] = set()
        self._ready = False

    _weights: dict[int, np.ndarray] = {}

    @classmethod
    def _key(cls, a: np.ndarray) -> float:
        w = cls._weights.get(a.size)
        if w is None:
            w = cls._weights[a.size] = np.random.default_rng(a.size).uniform(1.0, 2.0, a.size)
        return float(a.ravel() @ w)

    def add(self, a: np.ndarray, slices: bool = True) -> None:
        if not np.all(np.isfinite(a)):
            return
        if 1 in a.shape:
            self._odd.setdefault(a.shape, []).append((self._key(a), a))
        a = _squeezed(a)
        if slices and a.size > 1:
            u = _unit(a)
            if u is not None:
                self._units.setdefault(u.shape, []).append((self._key(u), u))
        key = self._key(a)
        if (a.shape, key) in self._seen:      # the same array read again
            return
        self._seen.add((a.shape, key))
        self._by_shape.setdefault(a.shape, []).append((key, a))
        if slices and a.ndim >= 2 and a.shape[0] * a.shape[1] <= 4096 and len(self._seen) < MAX_POOL:
            for ax in (0, 1, a.ndim - 1):
                for i in range(a.shape[ax]):
                    self.add(np.take(a, i, axis=ax), slices=False)
        if slices and a.ndim == 2:
            self.add(a.T, slices=False)
        self._ready = False

    def has(self, a: np.ndarray) -> bool:
        """Whether a run computed a (within rounding), up to axes of length 1."""
        return self._find(self._by_shape, _squeezed(a))

    def has_shaped(self, a: np.ndarray) -> bool:
        """Whether a run computed a in a's own shape."""
        return self._find(self._odd, a) if 1 in a.shape else self.has(a)

    def has_scaled(self, a: np.ndarray) -> bool:
        """Whether a run computed c * a for some number c (random numbers drawn the same way
        and scaled otherwise)."""
        u = _unit(_squeezed(a)) if a.size > 1 else None
        return u is not None and self._find(self._units, u)

    def _find(self, by_shape: dict, a: np.ndarray) -> bool:
        if not self._ready:
            for d in (self._by_shape, self._units, self._odd):
                for v in d.values():
                    v.sort(key=lambda kv: kv[0])
            self._ready = True
        if not np.all(np.isfinite(a)):
            return False
        items = by_shape.get(a.shape)
        if not items:
            return False
        k = self._key(a)
        tol = 1e-6 * (2.0 * float(np.abs(a).sum()) + 1e-9) + 1e-9
        lo = bisect.bisect_left(items, k - tol, key=lambda kv: kv[0])
        for key, b in items[lo:]:
            if key > k + tol:
                break
            if np.allclose(a, b, rtol=1e-6, atol=1e-9 * max(1.0, float(np.abs(b).max(initial=0)))):
                return True
        return False


def _squeezed(a: np.ndarray) -> np.ndarray:
    """a without its axes of length 1 (`r[:, None]` is the r the reference computed)."""
    return a.reshape([d for d in a.shape if d != 1]) if 1 in a.shape else a


def _unit(a: np.ndarray) -> np.ndarray | None:
    """a scaled to length 1, its first entry of any size made positive (None: about zero)."""
    n = float(np.linalg.norm(a))
    if not np.isfinite(n) or n < 1e-12:
        return None
    u = a / n
    big = np.flatnonzero(np.abs(u) > 1e-6)
    return -u if big.size and u.flat[big[0]] < 0 else u


# ----------------------------------------------------------------------------- blaming

@dataclass
class Blame:
    line: int               # of the function's source, 1 = the def line
    text: str               # the wrong operation
    stmt: str               # its whole line
    first: int              # which evaluation of it was the first wrong one (1 = first)
    evals: int              # how often it was evaluated
    also: str = ""          # another wrong operation of the same line, made from right values
    placed: str = ""        # a variable made wrong from right stored values (`text` the store)
    alias: tuple = ()       # (changed, written, line): this store into `written` changed the
                            # variable `changed` too, `written` being made from it at `line`
    role: str = ""          # the value it gives this variable is one the correct code computes,
                            # but never gives it
    kept: str = ""          # this variable is set at every pass of a loop, and only its last
                            # value is used
    shaped: str = ""        # the values it gives `role` are right, in this wrong shape ("1x5")
    late: bool = False      # the value it gives `role` is one the correct code gives it, but
                            # at another pass


def _run(fn: Callable, args: tuple, kwargs: dict) -> object:
    args, kwargs = copy.deepcopy((args, kwargs))
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def blame(student: types.FunctionType | object, reference: types.FunctionType, args: tuple,
          kwargs: dict, wrong: set[int] | None = None, ref_src: str | None = None,
          src: str | None = None, ref_args: tuple | None = None, returned: bool = True
          ) -> Blame | None:
    """Where the student's function makes its first wrong value on this call (None: no single
    place). student: a function, or the sandbox's stand-in for one (with `source()` and
    `trace(source, args, kwargs)`, the packed log). wrong: positions of the returned tuple
    that are wrong (None: all). ref_args: the reference's (args, kwargs) where they differ
    (its own forward's cache). returned: whether what it returns is wrong (not only what it
    does to its arguments)."""
    ends = time.monotonic() + SECONDS
    ref, ref_nodes = instrument(reference, ref_src)
    try:
        out = _run(ref, *(ref_args or (args, kwargs)))
    except Exception:
        return None
    returns = [_value(x) for x in (out if isinstance(out, tuple) else (out,))]
    pool = Pool()
    given: dict[str, Pool] = {}       # variable -> the values the reference gives it
    sets: dict[int, list] = {}        # place that sets a variable -> its values, in order
    for k, v in ref.__loc_log__:
        if v is not None and ref_nodes[k].writes is not None:
            given.setdefault(ref_nodes[k].writes, Pool()).add(v, slices=False)
            sets.setdefault(k, []).append(v)
    # variable -> the values each place that sets it gives it, in order (stores left out)
    order: dict[str, list[list[np.ndarray]]] = {}
    for k, vs in sets.items():
        if not ref_nodes[k].store:
            order.setdefault(ref_nodes[k].writes, []).append(vs)
    for leaf in _arrays((args, kwargs, ref_args)):
        pool.add(leaf)
    for _, v in ref.__loc_log__:
        if v is not None:
            pool.add(v)
        if time.monotonic() > ends:
            return None
    if isinstance(student, types.FunctionType):
        source = def_source(student) if src is None else textwrap.dedent(src)
        mine, nodes = instrument(student, source)
        try:
            _run(mine, args, kwargs)
        except Exception:
            pass                  # what ran before the error still counts
        log = mine.__loc_log__
    else:                         # the sandbox's stand-in: it runs in the worker
        source = textwrap.dedent(student.source())
        nodes = nodes_of(source)
        log = unpack(student.trace(source, args, kwargs), len(nodes))
        if log is None:
            return None
    try:
        theirs = ref_src if ref_src is not None else def_source(reference)
    except (OSError, TypeError):
        theirs = ""
    return _blame(log, nodes, source, pool, wrong, given,
                  [r for r in returns if r is not None] if returned else None,
                  {"".join(line.split()) for line in textwrap.dedent(theirs).splitlines()}, order)


def _arrays(obj: object, depth: int = 0) -> list[np.ndarray]:
    """The numbers of an input: each array, and each container of them as a whole."""
    v = _value(obj)
    out = [v] if v is not None else []
    if depth > 6:
        return out
    if isinstance(obj, (tuple, list)):
        out += [a for x in obj for a in _arrays(x, depth + 1)]
    if isinstance(obj, dict):
        out += [a for x in obj.values() for a in _arrays(x, depth + 1)]
    return out


def _blame(log: list, nodes: list[Node], src: str, pool: Pool,
           wrong: set[int] | None, given: dict[str, Pool] | None = None,
           returns: list[np.ndarray] | None = None, ref_lines: set[str] | None = None,
           order: dict[str, list[list[np.ndarray]]] | None = None) -> Blame | None:
    n = len(log)
    passes: dict[int, list[int]] = {}  # node -> its evaluations, in order
    for i, (k, _) in enumerate(log):
        passes.setdefault(k, []).append(i)

    def blamed_at(j: int, **kw) -> Blame:
        """The Blame of evaluation j: its place, and which of the place's evaluations it is."""
        ev = passes[log[j][0]]
        return _blamed(nodes[log[j][0]], src, first=ev.index(j) + 1, evals=len(ev), **kw)

    last: dict[int, int] = {}         # node -> its latest evaluation so far
    defs: dict[str, list[int]] = {}   # variable -> the evaluation that gave it its value
    parents: list[list[int]] = [[] for _ in range(n)]   # evaluation -> what it was made of
    known: dict[str, tuple[int, np.ndarray | None]] = {}   # variable -> its value last seen
    changed: dict[int, int] = {}      # a read whose value changed with no store into it -> since
    for i, (k, v) in enumerate(log):
        node = nodes[k]
        if node.reads is not None:
            parents[i] = list(defs.get(node.reads, []))
            seen = known.get(node.reads)
            if seen is not None and seen[1] is not None and v is not None and \
                    seen[1].shape == v.shape and not np.allclose(seen[1], v, equal_nan=True):
                changed[i] = seen[0]
            known[node.reads] = (i, v)
        else:
            parents[i] = [last[c] for c in node.children if c in last]
            if node.store:
                parents[i] += defs.get(node.writes, [])
        last[k] = i
        if node.writes is not None:
            defs[node.writes] = [i]
            known[node.writes] = (i, None if node.store else v)
    # computed from no evidence but sizes, constants and factorisations: no evidence either
    plain = [False] * n
    for i, (k, _) in enumerate(log):
        nd = nodes[k]
        # a store's value is evidence even when what it stores is plain (`mask[:, :n] = True`)
        plain[i] = nd.kind == "plain" or not nd.store and bool(parents[i]) and \
            all(plain[p] for p in parents[i])
    good = [None if plain[i] else _judge(nodes[k], v, pool) for i, (k, v) in enumerate(log)]
    sinks = [i for i, (k, _) in enumerate(log) if nodes[k].sink]
    if sinks:          # the values of the last return
        line = nodes[log[sinks[-1]][0]].line
        tail = [i for i in sinks if nodes[log[i][0]].line == line]
        per = sum(1 for nd in nodes if nd.sink and nd.line == line)
        sinks = tail[-per:]
        if wrong is not None and len(sinks) > 1:
            sinks = [s for j, s in enumerate(sinks) if j in wrong] or sinks
    else:              # a function that updates its arguments: its stores
        sinks = [i for i, (k, _) in enumerate(log) if nodes[k].store]
    # the one wrong output is wrong even when its value is one the correct code computes
    # elsewhere (an input's: mu_max where the formula's value belongs)
    # (a value of another length is a missing or extra step, not a coincidence: left alone)
    for s in sinks if len(sinks) == 1 and returns and nodes[log[sinks[0]][0]].sink else ():
        v = log[s][1]
        alike = [r for r in returns if v is not None and _squeezed(r).shape == _squeezed(v).shape]
        if v is None or alike and not any(r.shape == v.shape and np.allclose(r, v, rtol=1e-7, atol=0)
                                          for r in alike):
            good[s] = False
    reached, todo = set(), [s for s in sinks if good[s] is not True]
    while todo:
        i = todo.pop()
        if i in reached:
            continue
        reached.add(i)
        todo += [p for p in parents[i] if good[p] is not True or nodes[log[p][0]].store]
    memo: dict[int, bool] = {}
    i = next((i for i in sorted(reached) if good[i] is False and
              not any(_bad_below(p, parents, good, memo) for p in parents[i])), None)
    # right values put together wrongly: a variable read whose value is wrong though every
    # value stored into it was right (the place it went, or a value for another place)
    near = parents[i] + ([i] if nodes[log[i][0]].reads else []) if i is not None else sinks
    # ... read whole, or an entry of it (`state[k]`: what `state` holds)
    near = near + [parents[p][0] for p in near if not nodes[log[p][0]].reads and
                   nodes[log[p][0]].text.endswith("]") and parents[p]]
    # ... or deeper in the same line's expression (`np.tanh(w @ h + x)`: `h`)
    if i is not None:
        todo, line, seen = list(parents[i]), nodes[log[i][0]].line, set()
        while todo:
            p = todo.pop()
            if p in seen or nodes[log[p][0]].line != line:
                continue
            seen.add(p)
            near += [] if p in near else [p]
            if not nodes[log[p][0]].reads:
                todo += parents[p]
    reads = [r for r in near if nodes[log[r][0]].reads]
    for r in reads:
        stores = _stores(r, parents, nodes, log)
        if stores and log[r][1] is not None and not pool.has(log[r][1]) and \
                all(good[j] is not False for j in stores) and any(good[j] for j in stores):
            return _blamed(nodes[log[stores[-1]][0]], src, placed=nodes[log[r][0]].reads)
    if i is None:
        return None
    alias = _aliased(i, parents, changed, nodes, log)
    if alias is not None:
        j, other, made = alias
        nd = nodes[log[j][0]]
        return _blamed(nd, src, alias=(other, nd.writes, made))
    k = log[i][0]
    if nodes[k].reads or nodes[k].text.startswith(KEEPS) and len(parents[i]) == 1 and \
            nodes[log[parents[i][0]][0]].reads:
        # a read, or a conversion (`float(mu)`), keeps the value it is given: wrong from a right
        # one only when that value is right by coincidence (an input's, mu_max where the
        # formula's belongs) or in the wrong shape
        r = i if nodes[k].reads else parents[i][0]
        defs = [d for d in parents[r] if good[d] is not False and not nodes[log[d][0]].store]
        if len(parents[r]) == 1 and defs:
            d = defs[0]
            v = log[d][1]
            right = good[d] is True and v is not None
            shaped = "" if not right or pool.has_shaped(v) else "x".join(map(str, v.shape))
            return blamed_at(d, role=nodes[log[r][0]].reads if right else "", shaped=shaped)
    lines = src.splitlines()
    verbatim = 0 < nodes[k].line <= len(lines) and ref_lines is not None and \
        "".join(lines[nodes[k].line - 1].split()) in ref_lines
    if (passes[k].index(i) or verbatim) and given:
        # wrong only on a later pass, made from a variable carried from an earlier one, or in
        # a line the correct code has word for word: when a variable it reads got a value the
        # correct code computes, but never gives it (a coincidence of values: std where a
        # variance belongs, probabilities where the logits belong), the error is made there
        for r in reads:
            name = nodes[log[r][0]].reads
            for d in parents[r]:
                nd = nodes[log[d][0]]
                if nd.writes == name and name in given and good[d] is True and \
                        log[d][1] is not None and not given[name].has(log[d][1]):
                    return blamed_at(d, role=name)
                # ... or one it gives it, but at another pass (the zeros it starts from kept
                # at the first pass): named at the first pass where the place setting it
                # differs from the correct code's one place that sets it as often
                if nd.writes == name and not nd.store and good[d] is True and order and \
                        (e := _off_pass(passes[log[d][0]], d, log, order.get(name, []))) \
                        is not None and good[e] is True:
                    return blamed_at(e, role=name, late=True)
    # an operand set at every pass of a loop, each pass replacing the one before (`s = x` where
    # `s += x` belongs): only its last value reaches here
    for r in reads:
        name = nodes[log[r][0]].reads
        for d in parents[r]:
            nd, sets = nodes[log[d][0]], passes[log[d][0]]
            if nd.writes == name and not nd.store and good[d] is not False and \
                    len(sets) >= 2 and d == sets[-1] and len(passes[log[r][0]]) < len(sets) and \
                    not _reads(log[d][0], name, nodes):
                return _blamed(nd, src, evals=len(sets), kept=name)
    node = nodes[k]
    if node.reads:
        return None           # reading a variable makes no error: no single place to name
    # the same execution of the line may make a second wrong value from right ones (a line
    # computed another way than the reference's, with the error in another part of it)
    also = ""
    for j in range(i + 1, n):
        nd = nodes[log[j][0]]
        if nd.line != node.line:
            break
        if j in reached and good[j] is False and nd.text not in node.text and \
                node.text not in nd.text and \
                not any(_bad_below(p, parents, good, memo) for p in parents[j]):
            also = _short(nd.text)
            break
    return blamed_at(i, also=also)


def _off_pass(evals: list[int], d: int, log: list, theirs: list[list[np.ndarray]]
              ) -> int | None:
    """The first evaluation of a place (`evals` all of them), up to d, whose value differs from
    the same pass of the one place of the correct code that sets the variable as often."""
    alike = [vs for vs in theirs if len(vs) == len(evals)]
    if len(alike) != 1 or len(evals) < 2:
        return None
    for e, v in zip(evals[:evals.index(d) + 1], alike[0], strict=False):
        a = log[e][1]
        if a is None or a.shape != v.shape or not np.allclose(a, v, equal_nan=True):
            return e
    return None


def _reads(k: int, name: str, nodes: list[Node]) -> bool:
    """Does the logged place k read the variable `name` (in any part of it)?"""
    todo = [k]
    while todo:
        nd = nodes[todo.pop()]
        if nd.reads == name:
            return True
        todo += nd.children
    return False


def _blamed(node: Node, src: str, **kw) -> Blame:
    """The Blame of a logged place: its text and its whole line."""
    lines = src.splitlines()
    stmt = lines[node.line - 1].strip() if 0 < node.line <= len(lines) else node.text
    kw.setdefault("first", 1)
    kw.setdefault("evals", 1)
    return Blame(node.line, _short(node.text), _short(stmt, 90), **kw)


def _aliased(i: int, parents: list[list[int]], changed: dict[int, int], nodes: list[Node],
             log: list) -> tuple[int, str, int] | None:
    """When culprit i reads a variable V that changed with no store into it, and in between a
    store went into a variable W that was V itself or a part of it (`W = V`, `W = V[k]`): that
    store, V, and the line W was made at. Else None."""
    near = list(parents[i])
    near += [c for p in parents[i] if not nodes[log[p][0]].reads for c in parents[p]]
    for r in near:
        if r not in changed:
            continue
        v = nodes[log[r][0]].reads
        for j in range(changed[r] + 1, r):
            nd = nodes[log[j][0]]
            if not nd.store or nd.writes in (None, v):
                continue
            # what the written variable was made from, before this store
            made = [p for p in parents[j] if nodes[log[p][0]].writes == nd.writes
                    and not nodes[log[p][0]].store]
            for m in made:
                if _part_of(m, v, parents, nodes, log):
                    return j, v, nodes[log[m][0]].line
    return None


def _part_of(m: int, v: str, parents: list[list[int]], nodes: list[Node], log: list) -> bool:
    """Is evaluation m the variable v itself, or an entry of it (`v[k]`, `v[b][0]`)?"""
    for _ in range(4):
        nd = nodes[log[m][0]]
        if nd.reads is not None:
            return nd.reads == v
        if not nd.text.endswith("]") or not parents[m]:
            return False
        m = parents[m][0]      # a subscript's first operand is what it indexes
    return False


def _stores(r: int, parents: list[list[int]], nodes: list[Node], log: list) -> list[int]:
    """The stores into the variable a read sees (`H[t] = ...` at every pass), in order; [] when
    it was also given a value otherwise since its last plain start."""
    name, out, todo, seen = nodes[log[r][0]].reads, [], list(parents[r]), set()
    while todo:
        j = todo.pop()
        if j in seen:
            continue
        seen.add(j)
        nd = nodes[log[j][0]]
        if nd.store and nd.writes == name and nd.kind != "plain":
            out.append(j)
            todo += [p for p in parents[j] if nodes[log[p][0]].writes == name]
        elif nd.kind != "plain" and not (nd.writes == name and log[j][1] is not None
                                          and not np.any(log[j][1])):
            return []        # assigned a computed value: not only filled in
    return sorted(out)


def _judge(node: Node, v: np.ndarray | None, pool: Pool) -> bool | None:
    """Is this value one the correct code computes? None: no evidence either way (not numbers,
    a name read (its value is its definition's), a size, a constant)."""
    if v is None or node.kind == "plain" or node.reads is not None and not node.store:
        return None
    if v.ndim == 0 and not node.sink and v.dtype.kind == "i":
        return None               # a count, an index, a size: the reference may not need it
    if node.kind == "draw":
        return pool.has_scaled(v) or pool.has(v)
    return pool.has(v)


def _bad_below(i: int, parents: list[list[int]], good: list, memo: dict[int, bool]) -> bool:
    """Whether evaluation i is wrong, or (being no evidence itself) is made of a wrong value."""
    if good[i] is not None:
        return good[i] is False
    if i in memo:
        return memo[i]
    memo[i] = False           # a cycle through reads proves nothing
    todo, seen = list(parents[i]), {i}
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        if good[p] is False or memo.get(p):
            memo[i] = True
            break
        if good[p] is None and p not in memo:
            todo += parents[p]
    return memo[i]


def _short(text: str, limit: int = 70) -> str:
    text = text.strip().splitlines()[0] if text.strip() else text
    return text if len(text) <= limit else text[: limit - 3] + "..."
