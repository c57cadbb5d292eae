"""One module of checks per course module; helpers they share live here."""


def measured_seed(seed: int) -> int:
    """The seed of a behavioural training run whose outcome has a tail: one of the ten whose
    margins benchmarks/ measure. course grade's secret seeds are any 32-bit numbers; the
    exact checks of the same task keep them."""
    return int(seed) % 10


def same_for_same_cache(fn_name: str, reads: str, again: dict, expected: dict,
                        exact: bool = True) -> None:
    """A backward called again with the same cache after another forward call must give the
    same gradients: it reads only its arguments (`reads`: "dh and the cache")."""
    from autograder.compare import compare
    from autograder.result import CheckFailed

    try:
        compare(again, expected, what="the same gradients after another forward call (same cache)")
    except CheckFailed as e:
        e.hint, e.mistake = (f"{fn_name} gave other gradients for the same cache after another "
                             f"forward call: use only {reads} you are given, never what the "
                             "last forward call left behind"), "backward-ignores-cache"
        if exact:
            e.exact = True
        raise
