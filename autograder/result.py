"""What a check says: a structured verdict with a message a student can act on."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


class CheckFailed(AssertionError):
    """Raised inside a check when the student's answer is wrong.

    summary: one line ("dw differs from the reference");
    details: further lines (shapes, worst index, a table of outputs);
    hint: the likely mistake, when the answer matches a known one;
    help: progressively more explicit help (what, where, formula), never the solution.
    """

    def __init__(self, summary: str, details: list[str] | None = None, hint: str | None = None,
                 mistake: str | None = None, help: tuple[str, ...] = ()):
        super().__init__(summary)
        self.summary = summary
        self.details = list(details or [])
        self.hint = hint
        self.mistake = mistake
        self.help = tuple(help)


class NotImplementedYet(CheckFailed):
    """The student's function still raises NotImplementedError."""


@dataclass
class CheckResult:
    """The verdict on one task."""

    task: str                  # "2.3"
    name: str                  # "linear_backward"
    points: float
    passed: bool
    summary: str
    details: list[str] = field(default_factory=list)
    hint: str | None = None
    mistake: str | None = None
    help: tuple[str, ...] = ()
    seconds: float = 0.0
    status: str = ""           # pass | fail | not-implemented | error | timeout
    help_levels: int | None = None   # levels the task offers when `help` holds only those revealed

    @property
    def score(self) -> float:
        return self.points if self.passed else 0.0

    @property
    def levels(self) -> int:
        """How many levels of help a student may reveal: the task's, capped by the release."""
        from autograder.tasks import max_hint

        n = len(self.help) if self.help_levels is None else self.help_levels
        cap = max_hint()
        return n if cap is None else max(0, min(n, cap))

    def revealed(self, hint_level: int) -> tuple[str, ...]:
        """The first `hint_level` levels of help (never more than `levels`)."""
        return self.help[:max(0, min(hint_level, self.levels))]

    def lines(self, hint_level: int = 0) -> list[str]:
        """The feedback text, identical in the notebook, `course check` and reports.

        hint_level: how many levels of help the student has revealed (0: none).
        """
        verdict = "PASS" if self.passed else "FAIL"
        head = f"{self.task} {self.name}  {verdict}  {self.summary}  [{self.score:g}/{self.points:g}]"
        out = [head] + [f"    {d}" for d in self.details]
        if self.hint:
            out.append(f"    hint: {self.hint}")
        for i, h in enumerate(self.revealed(hint_level)):
            out.append(f"    help {i + 1}/{self.levels}: {h}")
        return out

    def text(self, hint_level: int = 0) -> str:
        return "\n".join(self.lines(hint_level))

    def to_json(self, hint_level: int = 0) -> dict:
        """The verdict as plain data, with only the first `hint_level` levels of help."""
        d = asdict(self)
        d["score"] = self.score
        d["help"] = list(self.revealed(hint_level))
        d["help_levels"] = self.levels
        return d

    @classmethod
    def from_json(cls, d: dict) -> CheckResult:
        d = {k: v for k, v in d.items() if k != "score"}
        d["help"] = tuple(d.get("help", ()))
        return cls(**d)
