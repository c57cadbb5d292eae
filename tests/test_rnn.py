"""Module 05: the reference passes, the stub fails, every catalogued mistake is caught,
every correct variant passes, and the reference cells agree with central differences."""

import numpy as np
import pytest
from module_suite import module_tests

from autograder.catalogue import scenarios
from autograder.catalogue.rnn import VARIANTS
from autograder.checks import rnn as checks
from course.reference import rnn as ref
from course.reference import sequence_tasks as seq
from course.reference.gradcheck import numerical_gradient

globals().update(module_tests("05_rnn"))


def test_catalogue_has_at_least_eight_scenarios_and_five_variants():
    assert len(scenarios("05")) >= 8
    assert len(VARIANTS) >= 5
    assert all(v.task == "" for v in VARIANTS)


def _num(f, x):
    return numerical_gradient(lambda _: f(), x)


def _close(a, b, tol=1e-6):
    scale = 1e-6 * max(1.0, np.abs(b).max())
    assert np.max(np.abs(a - b) / (np.abs(a) + np.abs(b) + scale)) < tol


def test_reference_rnn_backward_matches_central_differences():
    rng = np.random.default_rng(0)
    N, T, D, H = 2, 4, 3, 5
    x, h0 = rng.normal(size=(N, T, D)), rng.normal(size=(N, H))
    Wx, Wh, b = rng.normal(size=(D, H)), rng.normal(size=(H, H)) / 2, rng.normal(size=H)
    dh = rng.normal(size=(N, T, H))
    f = lambda: float(np.sum(ref.rnn_forward(x, h0, Wx, Wh, b)[0] * dh))
    grads = ref.rnn_backward(dh, ref.rnn_forward(x, h0, Wx, Wh, b)[1])
    for arr, g in zip((x, h0, Wx, Wh, b), grads):
        _close(g, _num(f, arr))


def test_reference_lstm_backward_with_dc_last_matches_central_differences():
    rng = np.random.default_rng(1)
    N, T, D, H = 2, 4, 3, 3
    x, h0, c0 = rng.normal(size=(N, T, D)), rng.normal(size=(N, H)), rng.normal(size=(N, H))
    p = ref.lstm_init(D, H, rng)
    Wx, Wh, b = p["Wx"], p["Wh"], rng.normal(size=4 * H)
    dh, dc_last = rng.normal(size=(N, T, H)), rng.normal(size=(N, H))

    def f():
        h, c, _ = ref.lstm_forward(x, h0, c0, Wx, Wh, b)
        return float(np.sum(h * dh) + np.sum(c[:, -1] * dc_last))
    grads = ref.lstm_backward(dh, ref.lstm_forward(x, h0, c0, Wx, Wh, b)[2], dc_last)
    for arr, g in zip((x, h0, c0, Wx, Wh, b), grads):
        _close(g, _num(f, arr), tol=1e-5)


def test_lstm_init_sets_only_the_forget_bias():
    p = ref.lstm_init(3, 4, np.random.default_rng(0), forget_bias=2.0)
    assert p["Wx"].shape == (3, 16) and p["Wh"].shape == (4, 16)
    np.testing.assert_array_equal(p["b"], np.r_[np.zeros(4), 2 * np.ones(4), np.zeros(8)])


def test_clip_grad_norm_reference():
    g = {"a": np.array([3.0, 0.0]), "b": np.array([[4.0]])}
    clipped, total = ref.clip_grad_norm(g, 1.0)
    assert total == pytest.approx(5.0)
    np.testing.assert_allclose(clipped["a"], [0.6, 0.0])
    np.testing.assert_allclose(clipped["b"], [[0.8]])
    z, t = ref.clip_grad_norm({"a": np.zeros(3)}, 1.0)
    assert t == 0.0 and not np.any(z["a"])


def test_linear_rnn_gradient_norm_is_rho_to_the_k():
    rng = np.random.default_rng(2)
    H, T = 6, 20
    W = 1.1 * ref.orthogonal(H, rng)
    norms = checks._grad_norms(W, np.zeros((3, T, H)), rng.normal(size=(3, H)), "linear")
    np.testing.assert_allclose(norms / norms[0], 1.1 ** np.arange(T + 1), rtol=1e-10)


def test_reference_rnn_fails_the_recall_task_the_lstm_learns():
    """At the check's distance and budget the reference RNN stays near chance (0.25)."""
    T = checks.RECALL["T"]
    acc = checks.recall_accuracy(seq.rnn_classifier_loss, seed=0, cell="rnn")
    assert acc < 0.5, acc
    assert checks.recall_accuracy(seq.lstm_classifier_loss, seed=0) >= checks.RECALL_ACCURACY, T
