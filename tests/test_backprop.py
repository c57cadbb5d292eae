"""Module 02: the reference passes, the stub fails, every catalogued mistake is caught."""

from module_suite import module_tests

from autograder.catalogue import scenarios

globals().update(module_tests("02_backprop"))


def test_catalogue_has_at_least_five_scenarios():
    assert len(scenarios("02")) >= 5
