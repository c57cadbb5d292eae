"""Mutation testing of the checks: apply every catalogued mistake, and every correct variant.

    python -m autograder.mutation --report [--module 02] [--heldout]

For each mistake: is its task failed (detection), do all other tasks still pass
(isolation), and does the feedback carry the targeted hint (hint rate)? For each correct
variant: does every task pass (no false failures)? Progress goes to stderr; the warnings
that deliberate mistakes raise (overflow, division by zero) are silenced.
`--heldout [BATCH]` runs only a held-out batch (autograder/catalogue/BATCH_*.py; heldout by
default, or heldout2 ... heldout15) and prints each one's feedback, to judge by eye
whether it names the cause.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from autograder.catalogue import Scenario, scenarios
from autograder.tasks import MODULES, UnknownModule, get_module
from autograder.testing import grade_solution


def variants(module: str) -> list[Scenario]:
    mid = get_module(module).id
    try:
        mod = importlib.import_module(f"autograder.catalogue.{MODULES[mid]}")
    except ModuleNotFoundError:
        return []
    return list(getattr(mod, "VARIANTS", []))


@dataclass
class Outcome:
    scenario: Scenario
    detected: bool
    isolated: bool
    hinted: bool
    failed: list[str]
    text: str

    @property
    def ok(self) -> bool:
        return self.detected and self.isolated and self.hinted


def heldout(module: str, batch: str = "heldout") -> list[Scenario]:
    """A held-out batch's mistakes (autograder/catalogue/<batch>_<module>.py)."""
    mid = get_module(module).id
    try:
        mod = importlib.import_module(f"autograder.catalogue.{batch}_{MODULES[mid]}")
    except ModuleNotFoundError:
        return []
    return list(mod.SCENARIOS)


@contextmanager
def quiet():
    """Silence numpy's floating-point warnings: deliberate mistakes overflow and divide by 0."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


def run_mistake(module: str, s: Scenario) -> Outcome:
    with quiet():
        results = grade_solution(module, s.replace)
    failed = sorted(t for t, r in results.items() if not r.passed)
    r = results[s.task]
    return Outcome(s, s.task in failed, failed == [s.task], bool(s.hint) and s.hint in r.text(),
                   failed, r.text())


def run_variant(module: str, s: Scenario) -> list[str]:
    """Tasks a correct variant fails (should be none)."""
    return sorted(t for t, r in grade_solution(module, s.replace).items() if not r.passed)


def _pct(k: int, n: int) -> str:
    return f"{100 * k / n:.0f}%" if n else "-"


class Progress:
    """'[12/159] 02_backprop transposed-dw' on one rewritten stderr line, when it is a terminal."""

    def __init__(self, total: int, err=sys.stderr):
        self.total, self.done, self.err = total, 0, err
        self.tty = getattr(err, "isatty", lambda: False)()

    def step(self, label: str) -> None:
        self.done += 1
        if self.tty:
            self.err.write(f"\r\033[K[{self.done}/{self.total}] {label}")
            if self.done == self.total:
                self.err.write("\r\033[K")
        elif self.done == self.total or self.done % 10 == 0:
            self.err.write(f"[{self.done}/{self.total}] {label}\n")
        self.err.flush()


def report(modules: list[str], out=sys.stdout, held: bool | str = False) -> bool:
    all_ok = True
    batch = held if isinstance(held, str) else "heldout"
    pick = (lambda m: heldout(m, batch)) if held else scenarios
    progress = Progress(sum(len(pick(m)) + (0 if held else len(variants(m))) for m in modules))
    totals = [0, 0, 0, 0, 0, 0]
    print(f"{'module':<14} {'mistakes':>8} {'detected':>9} {'isolated':>9} {'hinted':>7} "
          f"{'variants':>9} {'false fails':>11}", file=out)
    lines = []
    for m in modules:
        mistakes, var = [], []
        for s in pick(m):
            mistakes.append(run_mistake(m, s))
            progress.step(f"{m} {s.name}")
        for s in ([] if held else variants(m)):
            var.append((s, run_variant(m, s)))
            progress.step(f"{m} variant {s.name}")
        n = len(mistakes)
        det = sum(o.detected for o in mistakes)
        iso = sum(o.isolated for o in mistakes)
        hin = sum(o.hinted for o in mistakes)
        ff = sum(bool(f) for _, f in var)
        totals = [a + b for a, b in zip(totals, [n, det, iso, hin, len(var), ff])]
        print(f"{m:<14} {n:>8} {_pct(det, n):>9} {_pct(iso, n):>9} {_pct(hin, n):>7} "
              f"{len(var):>9} {ff:>11}", file=out)
        for o in mistakes:
            if held:
                lines.append(f"  {m} {o.scenario.name} (task {o.scenario.task}): failed {o.failed}; "
                             f"hint {'found' if o.hinted else 'missing'}\n"
                             + "\n".join("      " + x for x in o.text.splitlines()))
            elif not o.ok:
                lines.append(f"  {m} {o.scenario.name} (task {o.scenario.task}): failed {o.failed}; "
                             f"hint {'found' if o.hinted else 'missing: ' + repr(o.scenario.hint)}\n"
                             + "\n".join("      " + x for x in o.text.splitlines()))
        for s, f in var:
            if f:
                lines.append(f"  {m} variant {s.name}: wrongly fails {f}")
        all_ok &= all(o.detected and o.isolated for o in mistakes) and not ff
        all_ok &= (hin >= 0.9 * n) if n else True
    n, det, iso, hin, nv, ff = totals
    if n:
        print(f"{'all':<14} {n:>8} {100 * det / n:>8.0f}% {100 * iso / n:>8.0f}% "
              f"{100 * hin / n:>6.0f}% {nv:>9} {ff:>11}", file=out)
    for line in lines:
        print(line, file=out)
    return all_ok


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m autograder.mutation", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--report", action="store_true", help="print the detection report")
    p.add_argument("--module", action="append", help="only these modules (repeatable)")
    p.add_argument("--heldout", nargs="?", const="heldout", default=None, metavar="BATCH",
                   help="only a held-out batch's mistakes (heldout, heldout2 ... heldout9), "
                        "each with its feedback")
    args = p.parse_args(argv)
    mods = []
    for m in args.module or list(MODULES):
        try:
            mods.append(get_module(m).id)
        except UnknownModule:
            if args.module:
                raise
    ok = report(mods, held=args.heldout or False)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
