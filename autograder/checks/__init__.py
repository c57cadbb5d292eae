"""One module of checks per course module; helpers they share live here."""

from __future__ import annotations

import numpy as np

from autograder.compare import compare
from autograder.result import CheckFailed


def measured_seed(seed: int) -> int:
    """The seed of a behavioural training run whose outcome has a tail: one of the ten whose
    margins benchmarks/ measure. course grade's secret seeds are any 32-bit numbers; the
    exact checks of the same task keep them."""
    return int(seed) % 10


def known(err: CheckFailed) -> CheckFailed:
    """err, marked as naming its cause for sure (the diagnoser then adds no guess of its own)."""
    err.exact = True
    return err


def kind(x: object) -> str:
    """'a NumPy array', 'a tuple', ...: what a value is, for a sentence."""
    return "a NumPy array" if isinstance(x, np.ndarray) else f"a {type(x).__name__}"


def no_extra_grads(grads: dict, params: dict, loop: str, leave_out: str) -> None:
    """grads holds one entry per parameter and nothing more: `loop` (the training function)
    clips the global norm over every entry, so an extra one changes every clipped step."""
    extra = sorted(str(k) for k in set(grads) - set(params))
    if extra:
        raise known(CheckFailed(
            f"grads has entries for {', '.join(extra)}, which are not parameters",
            [f"params has the keys {', '.join(sorted(params))}; grads must have exactly these",
             f"{loop} clips the gradient by its global norm over every entry of grads, so an "
             "extra entry changes every clipped step"],
            hint=f"return one gradient per parameter and nothing else: leave out {leave_out}",
            mistake="extra-grads"))


def same_for_same_cache(fn_name: str, reads: str, again: dict, expected: dict,
                        exact: bool = True) -> None:
    """A backward called again with the same cache after another forward call must give the
    same gradients: it reads only its arguments (`reads`: "dh and the cache")."""
    try:
        compare(again, expected, what="the same gradients after another forward call (same cache)")
    except CheckFailed as e:
        e.hint, e.mistake = (f"{fn_name} gave other gradients for the same cache after another "
                             f"forward call: use only {reads} you are given, never what the "
                             "last forward call left behind"), "backward-ignores-cache"
        if exact:
            known(e)
        raise
