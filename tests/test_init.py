"""Module 03: the reference passes, the stub fails, every catalogued mistake is caught."""

import numpy as np
from module_suite import module_tests

from autograder.catalogue import scenarios
from autograder.catalogue.init import VARIANTS
from autograder.checks import init as checks
from autograder.result import CheckFailed
from course.reference import init as ref

globals().update(module_tests("03_init"))


def test_catalogue_has_at_least_eight_scenarios_and_five_variants():
    assert len(scenarios("03")) >= 8
    assert len(VARIANTS) >= 5


def test_predicted_std_matches_measurement_for_linear_layers():
    """Is the variance recursion what a wide linear net actually does?"""
    n, depth, s = 512, 10, 1.1 / np.sqrt(512)
    rng = np.random.default_rng(0)
    params = ref.init_net([n] * (depth + 1), "gaussian", rng, std=s)
    measured = ref.measured_std(params, rng.normal(size=(400, n)), "linear")
    predicted = ref.predicted_std(n, depth, s)
    assert np.allclose(measured, predicted, rtol=0.1)


def test_tiny_init_gradients_vanish_and_he_beats_xavier_at_depth_30():
    """Do the behavioural checks' nets behave as the module claims?"""
    X, y = checks.task_data(0)
    tiny = ref.init_net([16] + [32] * 19 + [4], "gaussian",
                        np.random.default_rng(0), std=0.01)
    assert ref.grad_norms(tiny, X, y, "tanh").max() < 1e-15
    he = checks.trainability(ref.he_init, "relu", checks.RELU, 0)[0]
    xavier = checks.trainability(ref.xavier_normal, "relu", checks.RELU, 0)[0]
    assert he < checks.TRAIN_FRACTION * np.log(checks.C) < checks.STALL_FRACTION * np.log(checks.C) < xavier


def test_checks_leave_the_global_rng_alone():
    """Does a check that seeds np.random restore its state?"""
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    checks.check_rng_use("gaussian_init", lambda r: ref.gaussian_init(5, 3, 1.0, r), 0)
    assert np.array_equal(np.random.get_state()[1], before)


def test_a_wrong_std_is_named_by_the_formula_it_matches_at_every_fan_pair():
    from autograder.checks.init import formula_hint

    def measured(std_of):
        return [(fi, fo, std_of(fi, fo)) for fi, fo in ((302, 104), (104, 302), (604, 104))]

    he = lambda a, b: np.sqrt(2.0 / a)    # noqa: E731
    text = formula_hint(measured(lambda a, b: np.sqrt(4.0 / (a + b))), he, 0.02, fans=True,
                        uniform=False)
    assert text is not None and "sqrt(4/(fan_in + fan_out))" in text, text
    text = formula_hint(measured(lambda a, b: 1 / he(a, b)), he, 0.02, fans=True, uniform=False)
    assert "1 / (the expected std)" in text, text
    # one fan pair cannot tell sqrt(3/fan_in) from sqrt(4/(fan_in + fan_out)) at 2%: no name
    one = [(302, 104, np.sqrt(4.0 / 406))]
    assert formula_hint(one, he, 0.02, fans=True, uniform=False) is None
    # the right formula, or none that fits, is never named
    assert formula_hint(measured(he), he, 0.02, fans=True, uniform=False) is None
    assert formula_hint(measured(lambda a, b: 0.123), he, 0.02, fans=True, uniform=False) is None


def test_weights_of_one_repeated_value_are_named():
    W = np.full((300, 100), 0.02)
    try:
        checks.check_statistics("uniform_init", W, 300, 100, 0.05, "bound / sqrt(3)", uniform=True)
    except CheckFailed as e:
        assert "take only 1 distinct value" in e.summary and "one random number per entry" in e.hint
    else:
        raise AssertionError("constant weights passed")
    rng = np.random.default_rng(0)
    checks.check_statistics("gaussian_init", rng.normal(0, 0.05, (300, 100)), 300, 100, 0.05,
                            "std", uniform=False, fans=False)


def test_a_row_or_column_left_constant_is_named():
    """One row of zeros hardly moves the std of 30,000 weights; a continuous draw still never
    gives a row (or column) whose entries are all equal."""
    rng = np.random.default_rng(0)
    for axis, what in ((0, "row 0"), (1, "column 7")):
        W = rng.uniform(-0.1, 0.1, (300, 100))
        if axis == 0:
            W[0] = 0.0
        else:
            W[:, 7] = 0.0
        try:
            checks.check_statistics("uniform_init", W, 300, 100, 0.1 / np.sqrt(3),
                                    "bound / sqrt(3)", uniform=True, fans=False)
        except CheckFailed as e:
            assert f"{what} is 0 in every entry" in e.summary and e.mistake == "constant-row", \
                e.summary
        else:
            raise AssertionError(f"{what} of zeros passed")
    checks.check_statistics("uniform_init", rng.uniform(-0.1, 0.1, (300, 100)), 300, 100,
                            0.1 / np.sqrt(3), "bound / sqrt(3)", uniform=True, fans=False)


def test_sign_statistics_hold_for_uniform_orthogonal_matrices_and_not_for_a_sign_convention():
    """3.5's row, column and overall mean signs: within their limits on seeds 0-9 for QR with
    the sign fix and for the polar factor (both uniform), beyond them for a row made positive."""
    def polar(a, b, rng, gain=1.0):
        u, _, vt = np.linalg.svd(rng.normal(size=(max(a, b), min(a, b))), full_matrices=False)
        return gain * (u @ vt if a >= b else (u @ vt).T)

    def row_positive(a, b, rng, gain=1.0):
        q, _ = np.linalg.qr(rng.normal(size=(max(a, b), min(a, b))))
        q = q * np.sign(q[0])
        return gain * (q if a >= b else q.T)

    for seed in range(10):
        for fn in (ref.orthogonal_init, polar):
            s = checks.sign_draws(fn, seed)
            assert np.abs(s.mean(axis=(0, 2))).max() < checks.LINE_LIMIT
            assert np.abs(s.mean(axis=(0, 1))).max() < checks.LINE_LIMIT
            assert abs(s.mean()) < checks.ALL_LIMIT
        try:
            checks.check_uniform_signs(row_positive, seed)
        except CheckFailed as e:
            assert e.mistake == "sign-convention", e.summary
        else:
            raise AssertionError("a first row made positive passed")
