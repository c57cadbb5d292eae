"""Module 02: the reference passes, the stub fails, every catalogued mistake is caught."""

from module_suite import module_tests

from autograder.catalogue import scenarios

(solution_results, test_reference_solution_scores_full_marks,
 test_released_exercise_scores_zero_with_not_implemented,
 test_mistake_fails_its_task_with_its_hint,
 test_correct_variant_passes_every_task) = module_tests("02_backprop")


def test_catalogue_has_at_least_five_scenarios():
    assert len(scenarios("02")) >= 5
