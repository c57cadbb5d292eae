"""autograder/locate.py: the line where a function first computes a value the correct code never
computes, and from which its wrong output follows."""

from __future__ import annotations

import numpy as np
import pytest

from autograder import locate
from autograder.tasks import find_task, run_task
from autograder.testing import load_solution

REFERENCE = '''
def layer(x, w, b):
    z = x @ w + b
    h = np.tanh(z)
    return h.mean(axis=0), z
'''

RNN = '''
def scan(xs, w):
    h = np.zeros(w.shape[0])
    out = []
    for t in range(len(xs)):
        h = np.tanh(w @ h + xs[t])
        out.append(h)
    return np.stack(out)
'''

SGD = '''
def step(params, grads, lr):
    for k in params:
        params[k] -= lr * grads[k]
'''


def _fn(src: str):
    ns = {"np": np}
    exec(compile(src, "<test>", "exec"), ns)
    fn = next(v for k, v in ns.items() if k != "np" and callable(v) and not k.startswith("__"))
    return fn


def _blame(student: str, reference: str, *args, wrong=None):
    return locate.blame(_fn(student), _fn(reference), args, {}, wrong, ref_src=reference,
                        src=student)


def _layer_args(seed: int = 0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)


def test_names_the_wrong_operation_and_its_line():
    student = REFERENCE.replace("h = np.tanh(z)", "h = np.tanh(z) * z")
    b = _blame(student, REFERENCE, *_layer_args())
    assert (b.text, b.stmt, b.line) == ("np.tanh(z) * z", "h = np.tanh(z) * z", 4)


def test_another_way_to_the_same_values_is_not_blamed():
    """Steps the reference never takes, that come right again, are not the error."""
    student = '''
def layer(x, w, b):
    a = x @ w
    z = b + a
    h = np.tanh(z)
    s = h.sum(axis=0)
    return s / len(h) * 2, z
'''
    b = _blame(student, REFERENCE, *_layer_args())
    assert (b.text, b.line) == ("s / len(h) * 2", 7)
    right = student.replace(" * 2, z", ", z")
    assert _blame(right, REFERENCE, *_layer_args()) is None


def test_only_the_wrong_output_is_followed():
    """An output the check does not judge (a cache laid out otherwise) is not followed."""
    student = REFERENCE.replace("return h.mean(axis=0), z", "return h.mean(axis=0) * 3, z + 1")
    b = _blame(student, REFERENCE, *_layer_args(), wrong={1})
    assert b.text == "z + 1"


@pytest.mark.parametrize("bad", [1, 3])
def test_a_loop_says_which_pass_goes_wrong_first(bad):
    student = RNN.replace("h = np.tanh(w @ h + xs[t])",
                          f"h = np.tanh(w @ h + xs[t]) if t < {bad} else np.tanh(w @ h - xs[t])")
    rng = np.random.default_rng(1)
    b = _blame(student, RNN, rng.normal(size=(5, 3)), rng.normal(size=(3, 3)) / 2)
    assert (b.text, b.first, b.evals) == ("w @ h - xs[t]", 1, 5 - bad)
    off = RNN.replace("h = np.tanh(w @ h + xs[t])", "h = np.tanh(w @ h + xs[t] * (1 + (t == 2)))")
    b = _blame(off, RNN, rng.normal(size=(5, 3)), rng.normal(size=(3, 3)) / 2)
    assert (b.text, b.first) == ("xs[t] * (1 + (t == 2))", 3)


def test_a_second_wrong_part_of_the_same_line_is_named_too():
    """A line written another way than the reference's: its first unknown value may be a right
    part; the next one made from right values is named with it."""
    reference = '''
def loss(w, X, y):
    z = X @ w
    return np.mean(np.logaddexp(0, z) - y * z)
'''
    student = reference.replace("np.mean(np.logaddexp(0, z) - y * z)",
                                "np.mean(np.logaddexp(0, z)) - np.mean(y) * np.mean(z)")
    rng = np.random.default_rng(6)
    X, w = rng.normal(size=(9, 3)), rng.normal(size=3)
    b = _blame(student, reference, w, X, (rng.random(9) > 0.5).astype(float))
    assert (b.text, b.also) == ("np.mean(np.logaddexp(0, z))", "np.mean(y)")
    single = _blame(REFERENCE.replace("h = np.tanh(z)", "h = np.tanh(z) * z"), REFERENCE,
                    *_layer_args())
    assert single.also == ""


def test_a_store_through_an_alias_is_named_with_the_line_that_made_the_alias():
    reference = '''
def f(x, v):
    y = v.copy()
    y += x
    return v * 2 + y
'''
    student = reference.replace("y = v.copy()", "y = v")
    rng = np.random.default_rng(7)
    b = _blame(student, reference, rng.normal(size=4), rng.normal(size=4))
    assert (b.stmt, b.line, tuple(b.alias)) == ("y += x", 4, ("v", "y", 3))


def test_a_wrong_row_stored_early_is_found_through_the_later_stores():
    reference = '''
def scan(xs, w):
    H = np.zeros((len(xs), w.shape[0]))
    h = np.zeros(w.shape[0])
    for t in range(len(xs)):
        h = np.tanh(w @ h + xs[t])
        H[t] = h
    return H
'''
    student = reference.replace("H[t] = h", "H[t] = h * (1 + (t == 1))")
    rng = np.random.default_rng(4)
    b = _blame(student, reference, rng.normal(size=(5, 3)), rng.normal(size=(3, 3)) / 2)
    assert (b.text, b.first, b.line) == ("h * (1 + (t == 1))", 2, 7)


def test_what_is_made_from_a_factorisation_alone_is_no_evidence():
    """Another method (an SVD for lstsq) computes values the reference never does: the blame
    goes to the first of them that also uses the data."""
    reference = '''
def fit(X, y):
    return np.linalg.lstsq(X, y, rcond=None)[0]
'''
    student = '''
def fit(X, y):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    s_inv = 1.0 / s
    return Vt @ (s_inv * (U.T @ y))
'''
    rng = np.random.default_rng(5)
    b = _blame(student, reference, rng.normal(size=(8, 3)), rng.normal(size=8))
    assert (b.text, b.line) == ("U.T @ y", 5)


def test_a_function_that_updates_its_arguments_is_followed_through_its_stores():
    student = SGD.replace("params[k] -= lr * grads[k]", "params[k] -= lr * grads[k] ** 2")
    rng = np.random.default_rng(2)
    params = {"W": rng.normal(size=(3, 2)), "b": rng.normal(size=2)}
    grads = {"W": rng.normal(size=(3, 2)), "b": rng.normal(size=2)}
    b = _blame(student, SGD, params, grads, 0.1)
    assert b.text == "grads[k] ** 2"


def test_random_numbers_drawn_the_same_way_and_scaled_later_are_right():
    reference = '''
def init(n, m, std, rng):
    return rng.normal(0.0, std, size=(n, m))
'''
    student = '''
def init(n, m, std, rng):
    W = rng.standard_normal((n, m)) / std
    return W
'''
    b = _blame(student, reference, 4, 3, 0.5, np.random.default_rng(0))
    assert b.text == "rng.standard_normal((n, m)) / std"
    shuffled = student.replace("rng.standard_normal((n, m))", "rng.permutation(n * m).reshape(n, m)")
    b = _blame(shuffled, reference, 4, 3, 0.5, np.random.default_rng(0))
    assert b.text == "rng.permutation(n * m)"


def test_sizes_and_constants_are_no_evidence():
    """The reference never computes len(x) or a matrix of ones: neither is an error."""
    reference = '''
def feats(x, d):
    return x[:, None] ** np.arange(d + 1)
'''
    student = '''
def feats(x, d):
    P = np.ones((len(x), d + 1))
    for k in range(1, d + 1):
        P[:, k] = x ** (k + 1)
    return P
'''
    b = _blame(student, reference, np.linspace(-1, 1, 6), 3)
    assert (b.text, b.line) == ("x ** (k + 1)", 5)


def test_the_log_travels_packed_and_a_forged_one_is_refused():
    fn, nodes = locate.instrument(_fn(RNN), RNN)
    rng = np.random.default_rng(3)
    fn(rng.normal(size=(4, 3)), rng.normal(size=(3, 3)))
    log = fn.__loc_log__
    back = locate.unpack(locate.pack(log), len(nodes))
    assert [k for k, _ in back] == [k for k, _ in log]
    assert all((a is None and b is None) or np.array_equal(a, b) for (_, a), (_, b) in zip(log, back))
    packed = locate.pack(log)
    for forged in ({**packed, "keys": packed["keys"] + len(nodes)},
                   {**packed, "data": packed["data"][:-1]}, {"keys": [1]}, "log"):
        assert locate.unpack(forged, len(nodes)) is None


def test_a_failed_task_names_the_line_in_its_hint():
    """Through the check: when no edit of the reference explains the outputs."""
    loaded = load_solution("02", {"dx = dout @ w.T": "dx = dout @ np.linalg.pinv(w)"})
    res = run_task(find_task("2.2"), loaded.namespace)
    assert not res.passed
    assert "your linear_backward goes wrong in line" in res.hint
    assert ": `dx = dout @ np.linalg.pinv(w)` (its first value the correct code never computes is " \
        "`np.linalg.pinv(w)`)" in res.hint


def test_right_values_stored_in_the_wrong_place_are_named_at_the_store():
    from autograder.catalogue.heldout9_backprop import SCENARIOS

    s = next(s for s in SCENARIOS if s.name == "numgrad-flat-counter-never-advanced")
    res = run_task(find_task(s.task), load_solution("02", s.replace).namespace)
    assert not res.passed
    assert "goes wrong in line" in res.hint and "`grad[k] = (fp - fm) / (2 * h)`: every value it " \
        "stores into `grad` is one the correct code computes" in res.hint, res.hint


# --- coincidences of value: right numbers in the wrong role, shape or pass --------------------

MSE = '''
def grad(X, w, y):
    r = X @ w - y
    g = 2 * X.T @ r / X.shape[0]
    return g
'''

RECURSION = '''
def predicted(width, depth, weight_std):
    var = width * weight_std**2
    stds = []
    for _ in range(depth):
        stds.append(np.sqrt(var))
        var = var * width * weight_std**2
    return np.array(stds)
'''

CAPPED = '''
def schedule(t, cap):
    mu = min(1.0 - 2.0 ** (-1.0 - np.log2(np.floor(t / 250) + 1)), cap)
    return float(mu)
'''

NORM = '''
def norm(grads):
    total = float(np.sqrt(sum(np.sum(g**2) for g in grads)))
    return total
'''

BIAS = '''
def bias_grad(dout):
    db = dout.sum(axis=0)
    return db
'''


def test_a_reshaped_right_value_is_right():
    """`r[:, None]` is the reference's r with an axis of length 1: the wrong step is the product
    summed over the wrong axes, not the reshape."""
    student = MSE.replace("g = 2 * X.T @ r / X.shape[0]", "g = 2 * np.sum(X * r[:, None]) / X.shape[0]")
    rng = np.random.default_rng(1)
    b = _blame(student, MSE, rng.normal(size=(6, 3)), rng.normal(size=3), rng.normal(size=6))
    assert (b.line, b.text) == (4, "X * r[:, None]")


def test_a_value_computed_by_the_reference_in_another_role_is_blamed_where_it_is_given():
    """A std carried where the variance belongs equals a later layer's std (c**1 = sqrt(c**2)):
    right by value, but the reference never gives `var` that value."""
    student = RECURSION.replace("var = var * width", "var = stds[-1] * width")
    b = _blame(student, RECURSION, 50, 5, 0.2)
    assert (b.line, b.role, b.first) == (7, "var", 1)
    assert _blame(RECURSION, RECURSION, 50, 5, 0.2) is None


def test_an_output_that_equals_an_input_is_still_wrong():
    """min(formula, cap) returns the cap where the reference's formula is below it."""
    student = CAPPED.replace("np.floor(t / 250) + 1", "t - t % 250 + 1")
    b = _blame(student, CAPPED, 4879, 0.99)
    assert (b.line, b.role) == (3, "mu")


def test_an_accumulator_overwritten_at_every_pass_is_named():
    student = NORM.replace("    total = float(np.sqrt(sum(np.sum(g**2) for g in grads)))",
                           "    sq = 0.0\n    for g in grads:\n        sq = np.sum(g**2)\n"
                           "    total = float(np.sqrt(sq))")
    rng = np.random.default_rng(2)
    grads = [rng.normal(size=(3, 2)), rng.normal(size=4)]
    b = _blame(student, NORM, grads)
    assert (b.line, b.kept, b.evals) == (5, "sq", 2)
    fixed = student.replace("sq = np.sum(g**2)", "sq += np.sum(g**2)")
    assert _blame(fixed, NORM, grads) is None


def test_right_values_in_a_shape_with_an_extra_axis_are_named_with_the_shape():
    student = BIAS.replace("dout.sum(axis=0)", "dout.sum(axis=0, keepdims=True)")
    b = _blame(student, BIAS, np.random.default_rng(3).normal(size=(4, 5)))
    assert (b.line, b.role, b.shaped) == (3, "db", "1x5")


def test_an_entry_of_a_state_decayed_in_place_is_named_at_its_store():
    """`state[k] *= mu` stores values the reference computes (mu * v), but `state` then holds
    what the reference never holds: the store is named."""
    ref = '''
def nesterov(params, grad, state, lr, mu):
    ahead = {k: params[k] + mu * state[k] for k in params}
    g = grad(ahead)
    for k in params:
        state[k] = mu * state[k] - lr * g[k]
        params[k] += state[k]
'''
    student = ref.replace("    ahead = {k: params[k] + mu * state[k] for k in params}",
                          "    for k in state:\n        state[k] *= mu\n"
                          "    ahead = {k: params[k] + state[k] for k in params}")
    rng = np.random.default_rng(4)
    params = {"a": rng.normal(size=3), "b": rng.normal(size=2)}
    state = {"a": rng.normal(size=3), "b": rng.normal(size=2)}
    b = _blame(student, ref, params, lambda p: {k: 2 * v for k, v in p.items()}, state, 0.1, 0.9)
    assert (b.line, b.placed) == (4, "state")


GATED = '''
def scan(xs, w, n):
    h = np.zeros(w.shape[0])
    for t in range(len(xs)):
        h_new = np.tanh(w @ h + xs[t])
        h = np.where(t < n, h_new, h)
    return h
'''


def test_a_value_given_at_the_wrong_pass_is_blamed_where_it_is_given():
    """np.where's branches swapped keep the start's zeros while t < n: a value the reference
    gives `h`, but before the loop, not at its first pass."""
    student = GATED.replace("np.where(t < n, h_new, h)", "np.where(t < n, h, h_new)")
    rng = np.random.default_rng(3)
    args = rng.normal(size=(4, 3)), rng.normal(size=(3, 3)), 2
    b = _blame(student, GATED, *args)
    assert (b.line, b.role, b.late, b.first) == (6, "h", True, 1), b
    assert _blame(GATED, GATED, *args) is None


def test_a_line_of_the_reference_made_wrong_by_its_input_blames_where_that_input_is_set():
    """`z` given tanh(x @ w + b) (a value the reference computes, as `h`): the reference's own
    line `h = np.tanh(z)` is where the error shows, and the line setting `z` is named."""
    student = REFERENCE.replace("z = x @ w + b", "z = np.tanh(x @ w + b)")
    b = _blame(student, REFERENCE, *_layer_args(), wrong={0})
    assert (b.line, b.role) == (3, "z"), b
