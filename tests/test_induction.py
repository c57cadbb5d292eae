"""Module 01: the reference passes, the stub fails, every catalogued mistake is caught,
every correct variant passes; plus the margins of the checks' hardest cases."""

import numpy as np
import pytest
from module_suite import module_tests

from autograder.catalogue import scenarios
from autograder.catalogue.induction import VARIANTS
from autograder.checks import induction as checks
from autograder.result import CheckFailed
from course.reference import induction as ref

globals().update(module_tests("01_induction"))


def test_catalogue_has_at_least_eight_scenarios_and_five_variants():
    assert len(scenarios("01")) >= 8
    assert len(VARIANTS) >= 5
    assert all(v.task == "" for v in VARIANTS)


@pytest.mark.parametrize("n", [1, 2, 3, 7, 10, 31, 100, 997])
def test_reference_split_is_a_partition(n):
    """Does the reference split cover range(n) exactly once, for tiny n too?"""
    tr, va, te = ref.split_indices(n, (0.6, 0.2, 0.2), np.random.default_rng(n))
    assert np.array_equal(np.sort(np.concatenate([tr, va, te])), np.arange(n))


def test_normal_equations_are_caught_on_every_seed():
    """Is the ill-conditioned problem hard enough for the normal equations on all seeds?"""
    def normal(X, y):
        return np.linalg.solve(X.T @ X, X.T @ y)
    for seed in range(10):
        try:
            assert checks.ill_excess(normal, seed) > checks.ILL_EXCESS_TOL
        except CheckFailed as e:  # solve found the matrix singular: caught with the hint
            assert "condition number" in e.hint
        assert checks.ill_excess(ref.fit_least_squares, seed) < checks.ILL_EXCESS_TOL / 10


def test_gradient_descent_reaches_the_closed_form():
    for seed in range(10):
        assert checks.gd_gap(ref.fit_linear_gd, seed) < checks.GD_GAP_TOL / 100


def test_best_degree_from_a_position_fails_on_every_seed():
    """Is the sweep over every other degree's minimum past its first degree on seeds 0-9, so that
    the first degree plus the position of the minimum is never the best degree by chance?"""
    from autograder.testing import load_solution

    ns = load_solution("01_induction", {"best_degree = degrees[int(np.argmin(val_errors))]":
                                        "best_degree = degrees[0] + int(np.argmin(val_errors))"})
    for seed in range(10):
        with pytest.raises(CheckFailed) as e:
            checks.check_capacity_sweep(ns.namespace["capacity_sweep"], seed=seed)
        assert "first degree plus the position" in e.value.hint
        checks.check_capacity_sweep(ref.capacity_sweep, seed=seed)
