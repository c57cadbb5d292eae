"""Module 06: the reference passes, the stub fails, every catalogued mistake is caught,
every correct variant passes, and the reference library behaves as documented."""

import numpy as np
from module_suite import module_tests

from autograder.catalogue import scenarios
from autograder.catalogue.seq2seq import VARIANTS
from course.reference import seq2seq as S

globals().update(module_tests("06_seq2seq"))


def test_catalogue_has_at_least_eight_scenarios_and_five_variants():
    assert len(scenarios("06")) >= 8
    assert len(VARIANTS) >= 5


def test_every_task_makes_pairs_of_different_lengths_deterministically():
    for name in ["copy", "reverse", "sort", "cipher", "add", "date"]:
        a = S.make_task(name, 50, np.random.default_rng(3))
        b = S.make_task(name, 50, np.random.default_rng(3))
        assert a == b
        assert len({len(s) for s in a[0]}) > 1 or name == "date"
    src, tgt = S.make_task("date", 200, np.random.default_rng(0))
    assert len({len(s) for s in src}) > 1 and all(len(t) == 10 for t in tgt)


def test_date_targets_are_iso_dates():
    import datetime
    src, tgt = S.make_task("date", 100, np.random.default_rng(1))
    for t in tgt:
        datetime.date.fromisoformat("".join(t))


def test_bucketing_reduces_padding():
    src, tgt = S.make_task("reverse", 500, np.random.default_rng(0), min_len=1, max_len=15)
    stoi, _ = S.make_vocab(src + tgt)
    s, t = S.encode_pairs(src, tgt, stoi)
    plain = S.padding_fraction(S.make_batches(s, t, 32, np.random.default_rng(0)))
    bucketed = S.padding_fraction(S.make_batches(s, t, 32, np.random.default_rng(0), bucket=True))
    assert bucketed < plain / 4


def test_beam_width_one_is_greedy_and_beam_never_below_greedy():
    for seed in range(30):
        rng = np.random.default_rng(seed)
        p = S.seq2seq_init(7, 7, 3, 4, rng, scale=1.0)
        src = np.r_[rng.integers(3, 7, size=3), S.EOS]
        out, glp = S.greedy_decode(p, src[None], np.ones((1, 4), bool), 6)
        g = out[0].tolist()
        g = g[:g.index(S.EOS) + 1] if S.EOS in g else g
        toks, lp = S.beam_search(p, src, 1, 6)
        assert toks == g and abs(lp - glp[0]) < 1e-12
        toks, lp = S.beam_search(p, src, 3, 6)
        assert abs(S.score_sequence(p, src, toks) - lp) < 1e-12
        assert lp / len(toks) >= glp[0] / len(g) - 1e-12


def test_shift_right_copies_eos_and_pad_as_they_are():
    """The loader's targets end in EOS then PAD: a shift that rewrites them fails, by name."""
    from autograder.checks.seq2seq import check_shift_right
    from autograder.result import CheckFailed

    def rewrites_eos(tgt, bos):
        dec_in = np.full_like(tgt, bos)
        dec_in[:, 1:] = np.where(tgt[:, :-1] == S.EOS, S.PAD, tgt[:, :-1])
        return dec_in

    def shifts(tgt, bos):
        return np.concatenate([np.full((len(tgt), 1), bos), tgt[:, :-1]], axis=1)

    check_shift_right(shifts, seed=0)
    try:
        check_shift_right(rewrites_eos, seed=0)
    except CheckFailed as e:
        assert "where the target holds EOS or PAD" in e.summary and \
            e.mistake == "special-tokens-changed", e.summary
    else:
        raise AssertionError("a shift that turns EOS into PAD passed")
