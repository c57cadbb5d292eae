"""grade_edited: the catalogue's shortcut gives grade_solution's verdicts, and an edit reaches
every task whose code calls what it changed."""

from __future__ import annotations

import numpy as np
import pytest

from autograder.catalogue import scenarios
from autograder.mutation import quiet, variants
from autograder.testing import _fingerprint, grade_edited, grade_solution


def _space(src: str) -> dict:
    ns = {"__name__": "__student__", "np": np}
    exec(src, ns)
    return ns


BASE = "K = np.arange(3)\ndef helper(x):\n    return x + K\ndef f(x):\n    return helper(x)\n"


def test_fingerprint_follows_what_a_function_reaches():
    a, b = _space(BASE), _space(BASE)
    assert _fingerprint(a["f"], a) == _fingerprint(b["f"], b)
    c = _space(BASE.replace("x + K", "x - K"))
    assert _fingerprint(a["f"], a) != _fingerprint(c["f"], c)              # a callee's code
    assert _fingerprint(a["f"], a, frozenset({"helper"})) == \
        _fingerprint(c["f"], c, frozenset({"helper"}))                     # ... isolated
    d = _space(BASE.replace("np.arange(3)", "np.arange(4)"))
    assert _fingerprint(a["f"], a) != _fingerprint(d["f"], d)              # a global's value
    e = _space(BASE + "R = np.random.default_rng(0)\n")
    e2 = _space(BASE + "R = np.random.default_rng(0)\n")
    assert _fingerprint(e["R"], e) != _fingerprint(e2["R"], e2)            # opaque: never equal


@pytest.mark.parametrize("mid", ["02_backprop", "04_optim", "05_rnn"])
def test_grade_edited_gives_grade_solutions_verdicts(mid):
    cases = scenarios(mid)[::40] + variants(mid)[:2]
    for s in cases:
        with quiet():
            fast, full = grade_edited(mid, s.replace), grade_solution(mid, s.replace)
        assert {t: r.passed for t, r in fast.items()} == {t: r.passed for t, r in full.items()}
        if s.task:
            assert fast[s.task].text() == full[s.task].text(), s.name
