"""Module 04: the reference passes, the stub fails, every catalogued mistake is caught,
every correct variant passes, and the reference rules behave as the notebook claims."""

import math

import numpy as np
import pytest
from module_suite import module_tests

from autograder.catalogue import scenarios
from autograder.catalogue.optim import VARIANTS
from autograder.checks import optim as checks
from autograder.tasks import get_module
from course.functions import Coupled
from course.reference import optim

globals().update(module_tests("04_optim"))


def test_catalogue_has_at_least_eight_scenarios_and_five_variants():
    assert len(scenarios("04")) >= 8
    assert len(VARIANTS) >= 5
    assert all(v.task == "" for v in VARIANTS)


def test_every_task_has_a_catalogued_mistake():
    assert {s.task for s in scenarios("04")} == {t.id for t in get_module("04").tasks}


def test_schedule_values_are_those_of_the_paper():
    """Is mu 1/2, 3/4, 5/6, 7/8 in the first four blocks of 250 steps, then capped?"""
    got = [optim.momentum_schedule(t, 0.999) for t in (0, 249, 250, 500, 750, 1000)]
    assert got == pytest.approx([0.5, 0.5, 0.75, 5 / 6, 7 / 8, 0.9])
    assert optim.momentum_schedule(10**6, 0.99) == 0.99


def test_nesterov_equals_momentum_at_zero_mu_and_differs_otherwise():
    rng = np.random.default_rng(0)
    obj, p0 = optim.ill_conditioned(6, 10.0, rng)
    v0 = {"x": rng.normal(size=6)}
    pa, va = {"x": p0["x"].copy()}, {"x": v0["x"].copy()}
    pb, vb = {"x": p0["x"].copy()}, {"x": v0["x"].copy()}
    optim.nesterov_step(pa, obj, va, 0.3, 0.0)
    optim.momentum_step(pb, obj.grad(pb), vb, 0.3, 0.0)
    np.testing.assert_allclose(pa["x"], pb["x"])
    optim.nesterov_step(pa, obj, va, 0.3, 0.9)
    optim.momentum_step(pb, obj.grad(pb), vb, 0.3, 0.9)
    assert not np.allclose(pa["x"], pb["x"])


def test_quadratic_gradient_matches_central_differences():
    obj, p = optim.ill_conditioned(5, 10.0, np.random.default_rng(1))
    g, h = obj.grad(p)["x"], 1e-6
    num = [(obj.loss({"x": p["x"] + h * e}) - obj.loss({"x": p["x"] - h * e})) / (2 * h)
           for e in np.eye(5)]
    np.testing.assert_allclose(g, num, rtol=1e-6, atol=1e-9)


def test_objectives_hold_only_arrays():
    """Can the objective cross a process boundary as plain data?"""
    obj = optim.Quadratic({"x": np.eye(2)})
    assert all(isinstance(v, np.ndarray) for v in obj.H.values())
    assert set(vars(obj)) == {"H"}


def test_momentum_beats_sgd_by_the_stated_factor_with_margin():
    fractions = [m / s for m, s in (checks.momentum_fraction(optim.momentum_step, seed)
                                    for seed in range(5))]
    assert max(fractions) < 0.8 * checks.MAX_FRACTION


def test_momentum_with_zero_mu_is_refused_by_the_behavioural_check():
    """A rule that ignores mu (plain SGD) must fail the speed-up requirement."""
    m, s = checks.momentum_fraction(lambda p, g, st, lr, mu: optim.momentum_step(p, g, st, lr, 0),
                                    0)
    assert m > checks.MAX_FRACTION * s


def test_sgd_diverges_above_two_over_the_largest_curvature():
    obj, p = optim.ill_conditioned(10, 100.0, np.random.default_rng(0))
    with np.errstate(over="ignore", invalid="ignore"):
        lo = optim.optimise(obj, {"x": p["x"].copy()}, "sgd", 1.9, 0.9, 300)
        hi = optim.optimise(obj, {"x": p["x"].copy()}, "sgd", 2.1, 0.9, 300)
    assert lo[-1] < lo[0]
    assert not math.isfinite(hi[-1]) or hi[-1] > hi[0]


def test_coupled_objective_couples_the_keys_and_its_gradient_is_right():
    """4.2's second trajectory needs an objective whose keys interact (a Quadratic's do not)."""
    rng = np.random.default_rng(0)
    obj = Coupled(optim.spd(5, 0.2, 2.0, rng), {"u": 2, "w": 3})
    p = {"u": rng.normal(size=2), "w": rng.normal(size=3)}
    g, eps = obj.grad(p), 1e-6
    for k in p:
        for i in range(p[k].size):
            up, down = ({j: v.copy() for j, v in p.items()} for _ in range(2))
            up[k][i] += eps
            down[k][i] -= eps
            assert abs((obj.loss(up) - obj.loss(down)) / (2 * eps) - g[k][i]) < 1e-6
    assert not np.allclose(obj.grad({"u": p["u"], "w": 0 * p["w"]})["u"], g["u"])


def test_a_loop_that_ignores_mu_max_is_named_on_seeds_0_to_9():
    """4.4's mu_max caps the schedule within its 520 steps, so ignoring it shows."""
    from autograder.result import CheckFailed

    def uncapped(objective, params, method, lr, mu_max, n_steps):
        return list(checks._loop(objective, params, method, lr, mu_max, n_steps,
                                 mu_of=lambda t, m: optim.momentum_schedule(t, 1.0)))

    for seed in range(10):
        try:
            checks.check_optimise(uncapped, seed=seed)
        except CheckFailed as e:
            assert e.mistake == "mu-max-ignored", e.summary
        else:
            raise AssertionError(f"seed {seed}: a loop ignoring mu_max passed")
