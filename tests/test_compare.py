"""The generic diagnosers of autograder/compare.py: what they say, and what they never say."""

from __future__ import annotations

import numpy as np
import pytest

from autograder.compare import Mistake, compare, generic_hint
from autograder.result import CheckFailed

rng = np.random.default_rng(0)
E = rng.normal(size=(4, 5))


def test_a_wrong_scalar_gets_no_factor_hint():
    """Is 'times c' kept away from scalars, where it is true of every wrong number?"""
    assert generic_hint("loss", np.float64(3.7), np.float64(1.2)) is None
    with pytest.raises(CheckFailed) as e:
        compare({"loss": np.float64(3.7)}, {"loss": np.float64(1.2)})
    assert e.value.hint is None


@pytest.mark.parametrize("got, axes, regions, phrase", [
    (2 * E, None, None, "times 2 in every entry"),
    (E / 3, None, None, "times 1/3 in every entry"),
    (E * np.arange(1, 5)[:, None], None, None, "each row is the expected row times its own factor"),
    (E + rng.normal(size=5), None, None, "every row is off by the same amount"),
    (np.concatenate([E[:, 1:], np.ones((4, 1))], axis=1), ("row", "power"), None,
     "your power k holds the expected power k + 1"),
    (E[:, ::-1], ("example", "step"), None, "reversed step order"),
    (np.where(E > 0, 2 * E, E) + (E > 0), None, {"x > 0": E > 0}, "wrong exactly where x > 0"),
    (np.concatenate([E[:, :2], E[:, 2:] + 1], axis=1) * np.array([1, 1, 2, 3, 5]), ("example", "step"),
     None, "right for steps 0-1 and wrong from step 2 on"),
    (np.zeros_like(E), None, None, "is all zeros"),
    (E[[2, 0, 1, 3]], ("example", "step"), None,
     "has the right examples in another order (your 0 is the expected 2"),
])
def test_structure_of_an_error_is_described(got, axes, regions, phrase):
    assert phrase in (generic_hint("d", got, E, 1e-6, axes, regions) or "")


def test_nothing_to_say_about_noise():
    """Is an unstructured error left without a made-up pattern?"""
    assert generic_hint("d", E + rng.normal(size=E.shape), E) is None


def test_a_factor_made_of_the_checks_sizes_is_named():
    """Is a factor of N/D (divided by the wrong size) named as such, also for a scalar?"""
    hint = generic_hint("grad", E * 8 / 7, E, sizes={"N": 8, "D": 7})
    assert "times N/D" in hint and "divided by D where N belongs" in hint
    assert "a division by N is missing" in generic_hint("loss", np.float64(1.2 * 8),
                                                         np.float64(1.2), sizes={"N": 8})
    assert "times 8/7 in every entry" not in (generic_hint("grad", E * 8 / 7, E) or "")


@pytest.mark.parametrize("n, phrase", [(3, "one entry too few (3 instead of 4)"),
                                       (5, "one entry too many (5 instead of 4)"), (2, None)])
def test_a_length_off_by_one_is_named(n, phrase):
    with pytest.raises(CheckFailed) as e:
        compare({"losses": np.ones(n)}, {"losses": np.ones(4)})
    assert (phrase in e.value.hint) if phrase else e.value.hint is None


def test_wrong_axis_softmax_variants_normalise_over_the_other_axes():
    from autograder.compare import wrong_axis_log_softmax
    logits = rng.normal(scale=3.0, size=(3, 4, 5))
    got = list(wrong_axis_log_softmax(logits, 2))
    assert {ax for ax, _ in got} == {0, 1}
    for ax, lp in got:
        assert np.allclose(np.exp(lp).sum(axis=ax), 1.0)
        assert not np.allclose(np.exp(lp).sum(axis=2), 1.0)


def test_an_output_that_copies_another_is_named():
    """dc0 = dh0 (a copy-paste) is said so, not described as noise."""
    other = rng.normal(size=E.shape)
    with pytest.raises(CheckFailed) as e:
        compare({"dh0": other, "dc0": other}, {"dh0": other, "dc0": E})
    assert "dc0 equals your dh0" in e.value.hint


def test_powers_of_a_size_and_layers_carried_wrong_are_named():
    assert "times 1/sqrt(s) = " in generic_hint("std", E / np.sqrt(0.56), E, sizes={"s": 0.56})
    std = np.array([1.0, 2.0, 4.0, 8.0])
    got = np.array([1.0, 2.5, 6.0, 9.0])
    assert "right for layer 0 and wrong from layer 1 on" in generic_hint(
        "std", got, std, axes=("layer",))


def test_a_known_mistake_that_contradicts_a_right_output_is_not_its_hint():
    dx, dw = np.arange(1.0, 7.0).reshape(2, 3), np.arange(1.0, 5.0)
    both = Mistake("both", "dx and dw are both off", lambda: {"dx": dx / 2, "dw": dw / 2})
    only_dw = Mistake("dw", "dw alone is off", lambda: {"dw": dw / 2})
    with pytest.raises(CheckFailed) as e:     # dx is right: "both" would say it is not
        compare({"dx": dx, "dw": dw / 2}, {"dx": dx, "dw": dw}, mistakes=[both, only_dw])
    assert e.value.hint == "dw alone is off"
    with pytest.raises(CheckFailed) as e:     # both wrong as "both" says: its hint
        compare({"dx": dx / 2, "dw": dw / 2}, {"dx": dx, "dw": dw}, mistakes=[both, only_dw])
    assert e.value.hint == "dx and dw are both off"


@pytest.mark.parametrize("take, phrase", [
    (lambda e: e[3], "dx is row 3 (the last) of the expected dx, one of 4"),
    (lambda e: e[:, 0], "dx is column 0 (the first) of the expected dx, one of 5"),
    (lambda e: e.sum(axis=0), None)])
def test_a_result_that_is_one_slice_of_the_expected_is_named(take, phrase):
    with pytest.raises(CheckFailed) as e:
        compare({"dx": take(E)}, {"dx": E})
    assert (phrase in e.value.hint) if phrase else e.value.hint is None


def test_an_extra_or_missing_slice_at_one_end_is_named():
    a = rng.normal(size=(3, 4))
    with pytest.raises(CheckFailed) as e:
        compare({"Phi": np.hstack([np.ones((3, 1)), a])}, {"Phi": a})
    assert "an extra first column (all 1s), and without it Phi is right" in e.value.hint
    with pytest.raises(CheckFailed) as e:
        compare({"Phi": a[1:]}, {"Phi": a})
    assert "the first row is missing and the rest is right" in e.value.hint
    with pytest.raises(CheckFailed) as e:
        compare({"Phi": a[:, :-1]}, {"Phi": a})
    assert "stops one early" in e.value.hint and "only the last column is missing" in e.value.hint
    with pytest.raises(CheckFailed) as e:     # another column: no end named
        compare({"Phi": np.hstack([a, a[:, :1] + 1])[:, 1:]}, {"Phi": a[:, :3]})
    assert "the rest is right" not in e.value.hint.lower()


def test_outputs_scaled_by_one_shared_factor_are_named_together():
    a, b = rng.normal(size=(3, 4)), rng.normal(size=5)
    with pytest.raises(CheckFailed) as e:
        compare({"Wx": 3.216 * a, "b": 3.216 * b, "n": np.float64(2.0)},
                {"Wx": a, "b": b, "n": np.float64(7.0)})
    assert "Wx and b all equal their expected values times the same 3.216" in e.value.hint
    with pytest.raises(CheckFailed) as e:     # two different factors: no shared scale
        compare({"Wx": 3.216 * a, "b": 2.5 * b}, {"Wx": a, "b": b})
    assert "the same" not in e.value.hint


def test_an_output_equal_to_an_argument_is_named_with_the_one_that_belongs():
    x, w, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
    with pytest.raises(CheckFailed) as e:
        compare({"cache[1]": b}, {"cache[1]": w}, inputs={"x": x, "w": w, "b": b})
    assert e.value.hint.startswith("cache[1] holds the argument `b` where `w` belongs"), e.value.hint
    compare({"cache[1]": w}, {"cache[1]": w}, inputs={"x": x, "w": w, "b": b})


def test_a_value_at_the_wrong_position_of_a_sequence_is_named():
    e = np.array([5.0, 4.0, 3.0, 2.0, 1.5])
    g = np.array([1.5, 4.0, 3.0, 2.0, 1.5])          # the last value computed first
    hint = generic_hint("losses", g, e, 1e-6, ("entry",))
    assert hint is not None and "your entry 0 is the expected entry 4" in hint, hint


def test_a_recorded_entry_that_is_not_a_number_is_named():
    from autograder.compare import numbers

    assert numbers("losses", [1, 2.5, np.float32(3)]).dtype == np.float64
    with pytest.raises(CheckFailed) as e:
        numbers("losses", [1.0, (2.0, np.zeros(3))])
    assert e.value.summary == "losses[1] is a tuple of 2, not a number", e.value.summary
