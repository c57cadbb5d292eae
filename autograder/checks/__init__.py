"""One module of checks per course module; helpers they share live here."""


def measured_seed(seed: int) -> int:
    """The seed of a behavioural training run whose outcome has a tail: one of the ten whose
    margins benchmarks/ measure. course grade's secret seeds are any 32-bit numbers; the
    exact checks of the same task keep them."""
    return int(seed) % 10
