"""The rewrite diagnoser (autograder/diagnose.py): a bug nobody catalogued is named by the one
edit of the reference that reproduces it, and only then."""

from __future__ import annotations

import time

import numpy as np
import pytest

from autograder import diagnose
from autograder.tasks import find_task, run_task
from course.reference import nn


def layer(x, w, b):
    """A reference for the unit tests: (N, D), (D, M), (M,) -> (N, M)."""
    h = x @ w + b
    return np.tanh(h) * 2.0


def sweep(values, steps):
    """A reference with a loop and an accumulator."""
    total = np.zeros_like(values)
    for t in range(steps):
        total += values * t
    return total


def _calls(student, *args_list):
    rec = diagnose.Recorder(student, student.__name__)
    for args in args_list:
        rec(*args)
    return rec.calls


def _inputs(seed, n=2):
    rng = np.random.default_rng(seed)
    return [(rng.normal(size=(4, 3)), rng.normal(size=(3, 5)), rng.normal(size=5)) for _ in range(n)]


def test_a_transpose_a_sign_and_a_missing_function_are_named():
    def no_tanh(x, w, b):
        return (x @ w + b) * 2.0

    def minus_b(x, w, b):
        return np.tanh(x @ w - b) * 2.0

    for student, words in ((no_tanh, "`tanh` is not applied"),
                           (minus_b, "a sign: subtracted where it should be added")):
        text = diagnose.explain_call(layer, _calls(student, *_inputs(0)), 5.0, "layer")
        assert text is not None and words in text, text
        assert text.startswith("your layer behaves like the correct code with `")


RESET = """
def sweep(values, steps):
    total = np.zeros_like(values)
    for t in range(steps):
        total = np.zeros_like(values)
        total += values * t
    return total
"""
OVERWRITE = """
def sweep(values, steps):
    total = np.zeros_like(values)
    for t in range(steps):
        total = values * t
    return total
"""


@pytest.mark.parametrize("src, first", [(RESET, "redone at every step"),
                                        (OVERWRITE, "written as `total = ...`")])
def test_of_two_edits_that_fit_the_one_like_the_students_code_comes_first(src, first):
    """A state reset at every pass and an update written as an assignment give the same
    outputs: the student's own code decides which is named first."""
    ns = {"np": np}
    exec(src, ns)
    v = np.random.default_rng(2).normal(size=6)
    text = diagnose.explain_call(sweep, _calls(ns["sweep"], (v, 4), (v * 2, 5)), 5.0, "sweep",
                                 student_src=src)
    assert text is not None and "(or: " in text, text
    assert first in text.split("(or: ")[0], text


def test_a_loop_step_and_an_ignored_argument_are_named():
    def overwrite(values, steps):
        total = np.zeros_like(values)
        for t in range(steps):
            total = values * t
        return total

    def ignores_b(x, w, b):
        return np.tanh(x @ w) * 2.0

    v = np.random.default_rng(1).normal(size=6)
    text = diagnose.explain_call(sweep, _calls(overwrite, (v, 4), (v * 2, 5)), 5.0)
    assert "`total += ...` written as `total = ...`" in text, text
    text = diagnose.explain_call(layer, _calls(ignores_b, *_inputs(1)), 5.0)
    assert "ignoring the argument `b`" in text or "`x @ w + b` written as `x @ w`" in text, text


def test_correct_or_unexplained_code_gets_no_rewrite():
    def correct(x, w, b):
        return 2.0 * np.tanh(np.einsum("nd,dm->nm", x, w) + b)

    def unrelated(x, w, b):
        return np.sin(x @ w) + b ** 3

    assert diagnose.explain_call(layer, _calls(correct, *_inputs(2)), 5.0) is None
    assert diagnose.explain_call(layer, _calls(unrelated, *_inputs(3)), 5.0) is None


def test_a_rewrite_must_reproduce_every_recorded_call():
    """A student that matches a rewrite on the first call only is not explained by it."""
    state = {"n": 0}

    def drifting(x, w, b):
        state["n"] += 1
        out = np.tanh(x @ w - b) * 2.0
        return out if state["n"] == 1 else out + 0.5

    assert diagnose.explain_call(layer, _calls(drifting, *_inputs(4)), 5.0) is None


def test_a_few_integers_are_no_evidence():
    def argmax_ref(x):
        return int(np.argmax(x))

    globals()["argmax_ref"] = argmax_ref      # rewrites compile in this module's namespace

    def wrong(x):
        return int(np.argmin(x))

    calls = _calls(wrong, (np.array([0.3, -1.0, 2.0]),))
    assert diagnose.explain_call(argmax_ref, calls, 5.0) is None


def test_the_search_is_bounded_in_time_and_memory():
    def hangs(emit):
        emit([1])
        time.sleep(60)

    t0 = time.monotonic()
    assert diagnose._apart(hangs, 1.0) == [[1]]
    assert time.monotonic() - t0 < 5

    def greedy(emit):
        emit([1])
        np.ones(10**10)            # 80 GB: refused by the child's memory limit
        emit([2])

    assert diagnose._apart(greedy, 5.0) == [[1]]


def bump(p, g):
    """A reference that updates p in place."""
    p["w"] -= 0.5 * g["w"]


def test_an_update_made_on_a_copy_fails_and_an_in_place_change_is_allowed():
    from autograder.result import CheckFailed

    def on_copy(p, g):
        p = {k: v.copy() for k, v in p.items()}
        p["w"] -= 0.5 * g["w"]

    def in_place(p, g):
        g["w"] *= 0.5          # changes an argument the reference leaves alone: allowed
        p["w"] -= g["w"]

    def run(student):
        rec = diagnose.Recorder(student, "bump")
        rec({"w": np.ones(3)}, {"w": np.arange(3.0)})
        diagnose.changed_inputs((rec,), {"bump": bump})

    with pytest.raises(CheckFailed, match="bump left its argument `p` unchanged"):
        run(on_copy)
    run(in_place)


def _relu_backward_in_place(dout, cache):
    dout[cache <= 0] = 0
    return dout


def _relu_backward(dout, cache):
    return dout * (cache > 0)


def _relu_forward(x):
    return np.maximum(0, x), x


def _relu_forward_in_place(x):
    cache = x.copy()
    np.maximum(0, x, out=x)
    return x, cache


def test_a_correct_function_that_changes_its_input_passes():
    res = run_task(find_task("2.3"), fns=(_relu_forward_in_place, _relu_backward), hidden=False)
    assert res.passed, res.text()


def test_a_backward_that_changes_dout_fails_naming_it():
    """The notebooks' contract: a backward leaves the gradient it receives as it was."""
    res = run_task(find_task("2.3"), fns=(_relu_forward, _relu_backward_in_place), hidden=False)
    assert not res.passed and "relu_backward changed its argument `dout`" in res.text(), \
        res.text()


def _hint(module: str, task: str, old: str, new: str) -> str:
    from autograder.testing import grade_solution

    res = grade_solution(module, {old: new})[task]
    assert not res.passed
    return res.hint or ""


def test_a_size_written_as_a_number_is_named_at_its_line():
    hint = _hint("01", "1.4", "    for _ in range(steps):\n        loss, grad = mse_loss(w, X, y)",
                 "    for _ in range(100):\n        loss, grad = mse_loss(w, X, y)")
    assert hint.startswith("your fit_linear_gd makes `losses` of size 100 where the correct "
                           "code's has") and "`for _ in range(100):`" in hint, hint


def test_the_students_own_line_leads_when_the_fitting_edit_is_not_theirs():
    """`/ np.sqrt(fan_in)` after the draw gives the values of a bracket misplaced inside it: the
    student wrote no such bracket, so their own line is named first."""
    old = "W = gaussian_init(fan_in, fan_out, np.sqrt(2.0 / fan_in), rng)"
    hint = _hint("03", "3.4", old, old + " / np.sqrt(fan_in)")
    hint = hint.split("; ", 1)[1] if hint.startswith("your he_init passes this check") else hint
    assert hint.startswith("your he_init goes wrong in line") and \
        "is `np.sqrt(fan_in)`" in hint and "read as one edit of the correct code" in hint, hint


def test_a_step_the_student_kept_but_moved_is_named_as_moved():
    hint = _hint("04", "4.1", "        state[k] *= mu\n        state[k] -= lr * grads[k]\n"
                 "        params[k] += state[k]", "        state[k] -= lr * grads[k]\n"
                 "        params[k] += state[k]\n        state[k] *= mu")
    assert "without the step that sets `state[k]`" in hint and \
        "but your code has `state[k] *= mu`: not where it takes effect" in hint, hint


def test_rows_put_in_another_order_are_named():
    hint = _hint("06", "6.2", "    T = max(len(s) for s in seqs)\n",
                 "    seqs = sorted(seqs, key=len)\n    T = max(len(s) for s in seqs)\n")
    assert hint.startswith("your pad_batch passes this check with one change (line ") and \
        "`sorted(seqs, key=len)` written as `seqs`; ids has the right rows in another order" \
        in hint, hint


def test_the_rewrite_leads_the_feedback_in_run_task():
    def linear_backward(dout, cache):
        x, w = cache
        return dout @ w.T, x.T @ dout, dout.sum()

    res = run_task(find_task("2.2"), fns=(linear_backward,), hidden=False)
    assert not res.passed
    # the fix of the student's own line first, then the rewrite of the correct code
    fix, _, rest = (res.hint or "").partition("; ")
    assert fix.startswith("your linear_backward passes this check with one change (line "), \
        res.text()
    assert rest.startswith("your linear_backward behaves like the correct code"), res.text()


def test_a_known_mistake_keeps_its_own_hint():
    def linear_backward(dout, cache):
        x, w = cache
        return dout @ w.T, x.T @ dout, dout.mean(axis=0)

    res = run_task(find_task("2.2"), fns=(linear_backward,), hidden=False)
    assert res.mistake is not None and "behaves like the correct code" not in res.text()


def test_without_the_references_nothing_is_rewritten(monkeypatch):
    """In a student release there is no solution notebook (nor course.build) and the references
    are stand-ins: no rewrite runs."""
    import sys

    monkeypatch.setattr(diagnose, "_SOLUTIONS", {})
    monkeypatch.setitem(sys.modules, "course.build", None)
    monkeypatch.setattr(nn, "linear_backward", object())
    assert "linear_backward" not in diagnose.references("02_backprop", ("linear_backward",))


@pytest.mark.parametrize("name", ["rnn_step_forward", "lstm_step_forward", "linear_backward"])
def test_rewrites_compile_and_describe_themselves(name):
    from course.reference import rnn

    ref = getattr(rnn, name, None) or getattr(nn, name)
    rws = diagnose.rewrites(ref)
    assert len(rws) > 20
    assert all(r.what.startswith(("with ", "without ", "ignoring ", "`")) and r.why for r in rws)


# -- the families added for mistakes nobody listed: each named by its own edit, and the
#    reference itself (or an unrelated change) named by none

def tanh_grad(h, dout):
    """dout * tanh'(a), given h = tanh(a): (N, M), (N, M) -> (N, M)."""
    return dout * (1 - h ** 2)


def norms(ws):
    """The Frobenius norm of each matrix of a list."""
    return np.array([np.linalg.norm(w) for w in ws])


def descend(w, grad, lr, steps):
    """steps of w - lr * grad(w) from w; the loss-free toy of a training loop."""
    out = []
    for t in range(steps):
        w = w - lr * grad * (t % 3 + 1)
        out.append(w.copy())
    return np.array(out)


def residual_stats(pred, y):
    """(mean squared error, gradient 2 r / N) of r = pred - y."""
    r = pred - y
    return np.mean(r ** 2), 2 * r / len(r)


def pick(x, method):
    """Branches a student fills in: 'double' -> 2x, 'cube' -> x**3, else -x."""
    if method == "double":
        out = 2 * x
    elif method == "cube":
        out = x ** 3
    else:
        out = -x
    return out


def decay(x, t):
    """x * 2 ** (-1 - t)."""
    return x * 2.0 ** (-1.0 - t)


def running(values):
    """Cumulative sums of the rows of values (T, D) -> (T, D)."""
    total = np.zeros(values.shape[1])
    out = np.zeros_like(values)
    for t in range(len(values)):
        total = total + values[t]
        out[t] = total
    return out


def _named(ref, student, args_list, words):
    text = diagnose.explain_call(ref, _calls(student, *args_list), 5.0, ref.__name__)
    assert text is not None and words in text, text
    return text


def test_new_families_name_their_edit():
    rng = np.random.default_rng(5)
    hs = [(np.tanh(rng.normal(size=(3, 4))), rng.normal(size=(3, 4))) for _ in range(2)]
    _named(tanh_grad, lambda h, dout: dout * h * (1 - h), hs, "the sigmoid's derivative")
    ws = [([rng.normal(size=(3, 4)), rng.normal(size=(5, 2))],) for _ in range(2)]
    _named(norms, lambda ws: np.array([np.linalg.norm(w, 2) for w in ws]), ws, "spectral norm")
    _named(norms, lambda ws: np.array([np.abs(w).max() for w in ws]), ws, "largest absolute")
    g = [(rng.normal(size=3), rng.normal(size=3), 0.1, 4) for _ in range(2)]

    def steps_for_t(w, grad, lr, steps):
        out = []
        for _ in range(steps):
            w = w - lr * grad * (steps % 3 + 1)
            out.append(w.copy())
        return np.array(out)

    def decaying(w, grad, lr, steps):
        out = []
        for t in range(steps):
            w = w - lr / (t + 1) * grad * (t % 3 + 1)
            out.append(w.copy())
        return np.array(out)

    _named(descend, steps_for_t, g, "`steps` is read where the loop's `t` belongs")
    _named(descend, decaying, g, "`lr` divided by `t + 1`")
    py = [(rng.normal(size=6), rng.normal(size=6)) for _ in range(2)]
    _named(residual_stats, lambda pred, y: (np.mean((pred - y) ** 2), 2 * pred / len(pred)), py,
           "here a term of it is left out")
    xs = [(rng.normal(size=5), "cube"), (rng.normal(size=5), "double")]

    def copied(x, method):
        return 2 * x if method in ("double", "cube") else -x

    _named(pick, copied, xs, "with the `method == 'cube'` branch doing what the "
           "`method == 'double'` branch does")
    ts = [(rng.normal(size=4), 1.5), (rng.normal(size=4), 2.5)]
    _named(decay, lambda x, t: x * 2.0 ** -1.0 - t, ts, "written without its brackets")
    vs = [(rng.normal(size=(5, 3)),), (rng.normal(size=(4, 3)),)]

    def early(values):
        total = np.zeros(values.shape[1])
        out = np.zeros_like(values)
        for t in range(len(values)):
            total = total + values[t]
            out[t] = total
            return out
        return out

    def reset(values):
        out = np.zeros_like(values)
        for t in range(len(values)):
            total = np.zeros(values.shape[1])
            total = total + values[t]
            out[t] = total
        return out

    _named(running, early, vs, "inside the loop")
    _named(running, reset, vs, "redone at every step of the loop")


def test_a_plain_output_is_no_evidence_when_several_edits_give_it():
    def never(h):
        return np.mean(np.all(h < 0, axis=0))     # h >= 0: always 0.0

    rng = np.random.default_rng(6)
    hs = [(np.maximum(0, rng.normal(size=(6, 4))) * (rng.random(4) > 0.5),) for _ in range(2)]
    calls = _calls(never, *hs)
    # `h < 0`, `h <= -1`, every axis at once, ...: all give 0.0, so none is named
    assert diagnose.explain_call(dead_units, calls, 5.0) is None
    # a small integer output is never evidence, however few edits give it
    ids = [(rng.normal(size=8),) for _ in range(2)]
    assert diagnose.explain_call(best_index, _calls(lambda v: 0, *ids), 5.0) is None


def dead_units(h):
    """The share of units (columns) of h (N, U) that are 0 for every example."""
    return np.mean(np.all(h <= 0, axis=0))


def best_index(v):
    return int(np.argmin(np.abs(v - v.mean())))


def test_one_variable_read_for_another_is_tried_only_between_alike_values():
    calls = _calls(lambda w, grad, lr, steps: descend(w, grad, lr, steps) * 0, *[
        (np.ones(3), np.ones(3), 0.1, 3)])
    kinds = diagnose._kinds(descend, calls[0])
    assert ("number",) in kinds["lr"] and ("array",) in kinds["w"]
    assert not kinds["lr"] & kinds["w"]


def batch_of(s, s_mask, t, t_mask):
    return {"src": s, "src_mask": s_mask, "tgt": t, "tgt_mask": t_mask}


def grad_sums(gs, w):
    dw, db = 0.0, 0.0
    for g in gs:
        dw_t = g @ w
        db_t = g.sum(axis=0)
        dw = dw + dw_t
        db = db + db_t
    return dw, db


def through_time(ds, w, tanh):
    d = ds[-1]
    out = []
    for _ in range(len(ds)):
        if tanh:
            d = d * 0.5
        d = d @ w
        out.append(np.linalg.norm(d))
    return np.array(out)


def norm_and_mean(x):
    total = x.sum()
    m, _ = x.mean(), x.std()
    return total, m


def test_swapped_dict_values_a_dedented_tail_a_step_inside_a_branch_and_an_unpack_are_named():
    rng = np.random.default_rng(6)
    arrays = [tuple(rng.normal(size=(2, k)) for k in (3, 3, 4, 4)) for _ in range(2)]
    _named(batch_of, lambda s, sm, t, tm: {"src": s, "src_mask": tm, "tgt": t, "tgt_mask": sm},
           arrays, "the values of `src_mask` and `tgt_mask` are swapped")

    def dedented(gs, w):
        dw, db = 0.0, 0.0
        for g in gs:
            dw_t = g @ w
            db_t = g.sum(axis=0)
        dw = dw + dw_t
        db = db + db_t
        return dw, db

    gw = [([rng.normal(size=(3, 4)) for _ in range(3)], rng.normal(size=(4, 2))) for _ in range(2)]
    _named(grad_sums, dedented, gw, "with the loop's last 2 steps (from `dw = dw + dw_t`) done "
           "once after the loop")

    def in_branch(ds, w, tanh):
        d = ds[-1]
        out = []
        for _ in range(len(ds)):
            if tanh:
                d = d * 0.5
                d = d @ w
            out.append(np.linalg.norm(d))
        return np.array(out)

    dw = [(rng.normal(size=(4, 3)), rng.normal(size=(3, 3)), flag) for flag in (True, False)]
    _named(through_time, in_branch, dw, "with `d = d @ w` inside `if tanh`")

    def overwritten(x):
        total = x.sum()
        m, total = x.mean(), x.std()
        return total, m

    _named(norm_and_mean, overwritten, [(rng.normal(size=6),), (rng.normal(size=5),)],
           "with `total` where `_` is unpacked")


def test_a_function_returning_an_in_place_methods_result_is_named():
    def ids_of(tokens):
        return [len(t) for t in tokens] + [0]

    def appended(tokens):
        ids = [len(t) for t in tokens].append(0)
        return ids

    rec = diagnose.Recorder(appended, "ids_of")
    rec(["ab", "c"])
    text = diagnose.returned_none((rec,), {"ids_of": ids_of})
    assert text is not None and "`ids = [len(t) for t in tokens].append(0)`" in text and \
        "keeps the result of `.append(...)`" in text, text
    fine = diagnose.Recorder(ids_of, "ids_of")
    fine(["ab"])
    assert diagnose.returned_none((fine,), {"ids_of": ids_of}) is None


def test_a_condition_an_or_makes_always_true_is_named():
    def pick(method):
        if method == "a" or "b":
            return 1
        return 2

    rec = diagnose.Recorder(pick, "pick")
    rec("c")
    text = diagnose.always_true((rec,))
    assert text is not None and "always true" in text and "`'b'` on its own is true" in text, text

    def fine(method):
        return 1 if method in ("a", "b") else 2

    ok = diagnose.Recorder(fine, "pick")
    ok("c")
    assert diagnose.always_true((ok,)) is None


def test_changing_a_callers_array_fails_only_when_it_changes_a_second_result():
    def mse(w, X, y):
        r = X @ w - y
        return np.mean(r**2)

    def in_place(w, X, y):
        r = y
        r -= X @ w
        return np.mean(r**2)

    def harmless(w, X, y):            # rounds y in place: the same result again
        y[:] = np.round(y, 12)
        return np.mean((X @ w - y) ** 2)

    rng = np.random.default_rng(0)
    args = rng.normal(size=3), rng.normal(size=(5, 3)), np.round(rng.normal(size=5), 3)
    for student, spoilt in ((in_place, True), (harmless, False), (mse, False)):
        rec = diagnose.Recorder(student, "mse")
        rec(*(a.copy() for a in args))
        assert (diagnose._spoilt((rec,), {"mse": mse}) is not None) == spoilt, student.__name__


def test_a_fix_of_the_students_own_code_leads_when_the_check_passes_with_it():
    """A precedence slip no rewrite of the reference writes: the brackets it left out, at its
    line; a string compared with the wrong spelling: the string the check passes."""
    old = "    out = np.tanh(x)\n"
    hint = _hint("02", "2.4", old, "    out = 2 / 1 + np.exp(-2 * x) - 1\n")
    assert hint.startswith("your tanh_forward passes this check with one change (line ") and \
        "written as `2 / (1 + np.exp(-2 * x)) - 1`" in hint, hint
    old = 'gain2 = 0.5 if activation == "relu" else 1.0'
    hint = _hint("03", "3.1", old, old.replace('"relu"', '"ReLU"'))
    assert hint.startswith("your predicted_std passes this check with one change") and \
        "`'ReLU'` written as `'relu'`" in hint, hint


def test_a_fix_that_fits_the_recorded_calls_but_fails_the_check_is_not_named():
    """With zip(params, grads.values()) train_mlp raises on its first call (lr = 0, where no
    step is right too): dropping the sgd_step call fits that call, and fails the check."""
    hint = _hint("02", "2.8", "    for k in params:\n        params[k] -= lr * grads[k]\n",
                 "    for k, g in zip(params, grads.values()):\n        params[k] -= lr * g\n")
    assert "passes this check" not in hint, hint


def test_a_variable_set_only_in_branches_without_an_else_is_named_at_its_if():
    """UnboundLocalError at the return: the `if`/`elif` chain that sets the variable and has
    no `else` is named (the linear net takes neither branch), not only the line that raised."""
    old = ('        frozen = np.array([np.mean(np.all(h <= 0, axis=0)) for h in hidden])\n'
           '    else:\n        frozen = np.zeros(len(hidden))\n')
    hint = _hint("03", "3.6", old, old.split("    else:")[0])
    assert hint.startswith("your layer_stats sets `frozen` only in the branches of the `if` in "
                           "line ") and "which has no `else`" in hint, hint
