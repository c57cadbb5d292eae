"""autograder.survivors: a rewrite the check cannot tell from the reference survives; a wrong
one does not."""

from autograder import diagnose, survivors


def _index(module, name, what):
    rws = diagnose.rewrites(diagnose.references(module, (name,))[name])
    return next(k for k, rw in enumerate(rws) if rw.what.startswith(what))


def test_an_equivalent_rewrite_survives_and_a_wrong_one_does_not():
    same = _index("01_induction", "fit_linear_gd", "with `range(steps)` written as `reversed(")
    wrong = _index("01_induction", "fit_linear_gd", "with `np.zeros(X.shape[1])` written as "
                                                    "`np.ones(")
    assert survivors._one(("01_induction", "1.4", "fit_linear_gd", same))[1] is True
    assert survivors._one(("01_induction", "1.4", "fit_linear_gd", wrong))[1] is False


def test_the_sample_is_the_same_on_every_run():
    a, b = survivors.jobs("01_induction", 5), survivors.jobs("01_induction", 5)
    assert a == b and len(a) == 5 * 8
