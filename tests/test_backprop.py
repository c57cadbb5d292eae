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


def test_a_shuffle_that_ignores_the_seed_fails_on_every_seed():
    """Does the order read off the losses at lr = 0 tell two seeds apart for the reference, and
    not for a generator of the student's own, on seeds 0-9?"""
    import pytest

    from autograder.checks import loops
    from autograder.result import CheckFailed
    from autograder.testing import load_solution

    right = load_solution("02_backprop").namespace["train_mlp"]
    own = load_solution("02_backprop", {
        "    for _ in range(epochs):\n        order = rng.permutation(n)":
        "    for epoch in range(epochs):\n        order = np.random.default_rng(epoch).permutation(n)",
    }).namespace["train_mlp"]
    for seed in range(10):
        loops.check_shuffle_follows_rng("train_mlp", right, seed)
        with pytest.raises(CheckFailed, match="into the same order"):
            loops.check_shuffle_follows_rng("train_mlp", own, seed)


def test_a_gradient_checker_with_its_own_step_fails_on_every_seed():
    """Is the gap a h**2 at h = 0.5 wide enough to show a step other than h on seeds 0-9?"""
    import pytest

    from autograder.checks import backprop as checks
    from autograder.result import CheckFailed
    from course.reference import gradcheck

    def own_step(f, x, h=1e-6):
        return gradcheck.numerical_gradient(f, x, 1e-5)

    for seed in range(10):
        checks.check_numerical_gradient(gradcheck.numerical_gradient, seed=seed)
        with pytest.raises(CheckFailed) as e:
            checks.check_numerical_gradient(own_step, seed=seed)
        assert "the argument h" in e.value.hint
