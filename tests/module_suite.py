"""The tests every module gets, written once: `globals().update(module_tests(MODULE_ID))`.

- Is every task passed by the reference solution (visible and hidden seeds)?
- Does the released exercise, untouched, fail every task with "not implemented"?
- Does every catalogued mistake fail exactly its task, with its hint?
- Does every correct-but-different variant pass every task?

The last two grade with `grade_edited`: a task whose code, and all it reaches, the edit
left as in the reference keeps the reference's result (tests/test_testing.py checks that
this gives grade_solution's verdicts).
"""

from __future__ import annotations

import pytest

from autograder import diagnose
from autograder.catalogue import _rewritten, scenarios
from autograder.mutation import quiet, variants
from autograder.tasks import get_module
from autograder.testing import grade_edited, grade_notebook, grade_solution
from course import ROOT


def own_phrase(phrase: str) -> bool:
    """Can the phrase be the check's own text rather than a diagnoser's (a rewrite, a fix, a
    line of the student's code)? Those name a line or an edit."""
    return not _rewritten(phrase) and not any(
        m in phrase for m in ("in line", "line ", "`", "your ", "behaves like", "written as"))


def module_tests(module_id: str):
    module = get_module(module_id)
    mid = module.id

    @pytest.fixture(scope="module")
    def solution_results():
        return grade_solution(mid)

    def test_reference_solution_scores_full_marks(solution_results):
        failed = {t: r.text() for t, r in solution_results.items() if not r.passed}
        assert not failed, failed

    def test_released_exercise_scores_zero_with_not_implemented():
        path = ROOT / "exercises" / mid / f"{mid}.ipynb"
        results = grade_notebook(mid, path)
        assert set(results) == {t.id for t in module.tasks}
        for r in results.values():
            assert not r.passed
            assert r.status == "not-implemented", r.text()
            assert "not implemented" in r.summary

    cases = scenarios(mid)

    @pytest.mark.parametrize("scenario", cases, ids=[s.name for s in cases])
    def test_mistake_fails_its_task_with_its_hint(scenario, monkeypatch):
        # the fast lane: a phrase of the check's own (its summary, details or hint) is in the
        # feedback whatever the searches find, for every diagnosis keeps the check's text
        # (autograder/tasks.py, _diagnosed): such a phrase is looked for with the searches off
        if own_phrase(scenario.hint):
            with monkeypatch.context() as m:
                m.setattr(diagnose, "BUDGET", 0.0)
                with quiet():
                    results = grade_edited(mid, scenario.replace)
            failed = sorted(t for t, r in results.items() if not r.passed)
            assert failed == [scenario.task], {t: results[t].text() for t in failed}
            if scenario.hint in results[scenario.task].text():
                return
        # the search for a fix of the student's code (seconds per mistake, and CPU the other
        # searches then miss) runs where the phrase is the fix's; the rest of the feedback is
        # what it follows, unchanged
        monkeypatch.setattr(diagnose, "REPAIR", "passes this check with one change" in
                            scenario.hint)
        # first with the budgets `course check` gives a student
        with quiet():  # deliberate mistakes overflow; their warnings are not news
            results = grade_edited(mid, scenario.replace)
        failed = sorted(t for t, r in results.items() if not r.passed)
        assert failed == [scenario.task], {t: results[t].text() for t in failed}
        text = results[scenario.task].text()
        if scenario.hint not in text:
            # a search is counted in CPU seconds, but a core shared with another worker (or
            # its hyperthread twin, and its cache) does less in one: once more with four
            # times the time (the verdict of the first try forgotten, the rewrites it ran
            # remembered)
            diagnose._VERDICTS.clear()
            monkeypatch.setattr(diagnose, "BUDGET", 4 * diagnose.BUDGET)
            monkeypatch.setattr(diagnose, "REPAIR_BUDGET", 4 * diagnose.REPAIR_BUDGET)
            with quiet():
                results = grade_edited(mid, scenario.replace)
            text = results[scenario.task].text()
        assert scenario.hint in text, text

    correct = variants(mid)

    @pytest.mark.parametrize("variant", correct, ids=[s.name for s in correct])
    def test_correct_variant_passes_every_task(variant):
        results = grade_edited(mid, variant.replace)
        assert all(r.passed for r in results.values()), \
            {t: r.text() for t, r in results.items() if not r.passed}

    return {f.__name__: f for f in (
        solution_results, test_reference_solution_scores_full_marks,
        test_released_exercise_scores_zero_with_not_implemented,
        test_mistake_fails_its_task_with_its_hint, test_correct_variant_passes_every_task)}
