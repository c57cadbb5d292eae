"""Known student mistakes, as data: each a small edit of a module's reference solution.

A scenario names the task it breaks and a phrase its feedback must contain. Tests and
`python -m autograder.mutation` apply every scenario to the solution source and check
that exactly that task fails, with that hint.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace

from autograder.tasks import MODULES, resolve_module_id


@dataclass(frozen=True)
class Scenario:
    """name: what the mistake is ("transposed-dw"); task: the task it breaks ("2.2");
    replace: {text in the solution source: the mistaken text}, each old text found once;
    hint: a phrase the failing task's feedback (summary, details or hint) must contain."""

    name: str
    task: str
    replace: dict[str, str] = field(default_factory=dict)
    hint: str = ""
    rewrite: bool = False     # the hint is the rewrite diagnoser's: it needs the solution,
                              # so a student release cannot show it (autograder/diagnose.py)


def scenarios(module: str) -> list[Scenario]:
    mid = resolve_module_id(module)
    try:
        mod = importlib.import_module(f"autograder.catalogue.{MODULES[mid]}")
    except ModuleNotFoundError:
        return []
    return list(mod.SCENARIOS)


def named(batch: list[Scenario], hints: dict[str, str]) -> list[Scenario]:
    """The mistakes of a measured batch whose feedback names the cause, each with the phrase
    its feedback shows (the batch files keep what was written blind, hints empty)."""
    return [replace(s, hint=hints[s.name], rewrite=_rewritten(hints[s.name]))
            for s in batch if s.name in hints]


def _rewritten(phrase: str) -> bool:
    """Is the phrase the rewrite diagnoser's or the locator's wording ("with `a` written as
    `b`", "goes wrong in line ...")?"""
    return phrase.startswith(("with `", "without ", "ignoring the argument", "with every `",
                              "the values of `")) or \
        any(m in phrase for m in ("raises the same error as the correct code", "written as `",
                                  " where it should not be", "never computes is `",
                                  "goes wrong in line", "every value it stores into `",
                                  "the value it gives `", "the values it gives `",
                                  "it runs at every pass of its loop", "puts in its cache",
                                  "keeps the result of `.", "` is unpacked from `",
                                  "done once after the loop", " inside `if ",
                                  "which the correct code leaves as it is",
                                  "is a number written in line", "but your code has `",
                                  "not in place on `", "leaves its argument `",
                                  "like the correct code", "raises the same error as",
                                  "gives the right result when it is given the cache",
                                  "passes this check with one change"))


def as_variants(batch: list[Scenario], names: set[str] | None = None) -> list[Scenario]:
    """Correct variants (task ""): a batch's variants, or the edits `names` written as mistakes
    that the notebook text allows."""
    return [replace(s, task="") for s in batch if names is None or s.name in names]

