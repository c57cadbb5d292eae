"""Module 02: the reference passes, the stub fails, every catalogued mistake is caught."""

from module_suite import module_tests

from autograder.catalogue import scenarios

globals().update(module_tests("02_backprop"))


def test_catalogue_has_at_least_five_scenarios():
    assert len(scenarios("02")) >= 5


def test_gradient_checker_gets_no_gradient():
    """Does a checker that returns the test function's own .grad earn nothing (issue 13)?"""
    from autograder.tasks import find_task, run_task

    shortcut = lambda f, x, h=1e-6: f.grad(x)
    assert not run_task(find_task("2.6"), fns=(shortcut,)).passed


def test_a_correct_gradient_checker_passes_where_the_gradient_is_near_zero():
    """Secret seeds are any 32-bit numbers: on these two an entry of f'(x) is ~1e-3, where the
    centred difference's own gap a h**2 used to fail correct code (course grade, CI)."""
    from autograder.tasks import find_task, run_task
    from autograder.testing import load_solution

    ns = load_solution("02_backprop").namespace
    for seed in (3863918080, 4129142451):
        res = run_task(find_task("2.6"), ns, seeds=(seed,))
        assert res.passed, (seed, res.summary, res.details)
