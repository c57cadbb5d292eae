"""Every attack in tests/submissions/scenarios.py earns exactly the honest part, and bad input
gets a clear reason, while the rest of the class is graded normally (one class, one run)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "submissions"))

import scenarios  # noqa: E402

from autograder.batch import grade_class  # noqa: E402
from autograder.sandbox import Proxy, Sandbox, Session  # noqa: E402
from course import ROOT  # noqa: E402

HONEST_TASKS = {"2.1": 1.0, "2.2": 3.0, "2.3": 2.0, "2.4": 2.0, "2.5": 0.0, "2.6": 0.0,
                "2.7": 3.0, "2.8": 0.0}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    for p in Path("/tmp").glob(Path(scenarios.MARKER).name + "*"):
        p.unlink()
    root = tmp_path_factory.mktemp("class")
    submitted = root / "submitted"
    expected = scenarios.build_class(submitted)
    before = scenarios.digest(submitted)
    run = grade_class(scenarios.MID, submitted, root, jobs=2, timeout=5, progress=False)
    return root, expected, before, run, time.monotonic()


def outcome(graded, name):
    return next(o for o in graded[3].outcomes if o.student == name)


@pytest.mark.parametrize("name", list(scenarios.ATTACKS))
def test_attack_earns_only_the_honest_part(graded, name):
    o = outcome(graded, name)
    assert o.status == "graded", o.reason
    got = {t: r.score for t, r in o.results.items()}
    assert got == HONEST_TASKS, {t: r.text() for t, r in o.results.items()}
    stored = json.loads((graded[0] / "reports" / scenarios.MID / f"{name}.json").read_text())
    assert stored["score"] == scenarios.HONEST


@pytest.mark.parametrize("name", list(scenarios.BAD))
def test_bad_input_gets_a_clear_reason(graded, name):
    o = outcome(graded, name)
    assert o.status == "ungradable"
    assert graded[1][name] in o.reason, o.reason
    assert o.score == 0


@pytest.mark.parametrize("name", list(scenarios.HONEST_CASES))
def test_rest_of_the_class_graded_normally(graded, name):
    assert outcome(graded, name).score == scenarios.HONEST_SCORES[name]


def test_every_submission_has_a_row(graded):
    root, expected, _, run, _ = graded
    rows = (root / "reports" / scenarios.MID / "grades.csv").read_text().splitlines()[1:]
    assert sorted(r.split(",")[0] for r in rows) == sorted(expected)


def test_submitted_files_never_modified(graded):
    root, _, before, _, _ = graded
    assert scenarios.digest(root / "submitted") == before


def test_timeouts_crashes_and_bombs_are_reported(graded):
    assert outcome(graded, "attack-infinite-loop").results["2.5"].status == "timeout"
    assert "ended the grading process" in outcome(graded, "attack-os-exit").results["2.5"].summary
    assert "MemoryError" in outcome(graded, "attack-memory-bomb").results["2.5"].summary
    assert "not plain data" in outcome(graded, "attack-malicious-pickle").results["2.5"].summary
    assert "ignored" in " ".join(outcome(graded, "attack-kernelspec").notes)


def test_no_side_effects_escape_the_sandbox(graded):
    """atexit hooks, background processes and pickles left no marker and no forged report."""
    left = 5 - (time.monotonic() - graded[4])
    if left > 0:
        time.sleep(left)   # the background attack sleeps 3 s before writing
    assert not list(Path("/tmp").glob(Path(scenarios.MARKER).name + "*"))
    for name in ("attack-atexit-results", "attack-background-process"):
        stored = json.loads((graded[0] / "reports" / scenarios.MID / f"{name}.json").read_text())
        assert stored["score"] == scenarios.HONEST and stored["tasks"]


PROBE = '''
import os
def probe(path):
    try:
        with open(path, "rb") as f:
            return "read %d bytes" % len(f.read())
    except Exception as e:
        return type(e).__name__
def listing(path):
    try:
        return sorted(os.listdir(path))
    except Exception as e:
        return type(e).__name__
def whoami():
    return [os.getuid(), os.getgid()]
'''


def test_worker_cannot_read_solutions_tests_or_gradebook(tmp_path):
    secret = tmp_path / "gradebook.db"
    secret.write_text("secret")
    sb = Sandbox(hide=[str(tmp_path)])
    s = Session(sb, [("1 (probe)", PROBE)], timeout=10)
    try:
        s.deadline = time.monotonic() + 30
        probe = Proxy(s, "probe", {}, "__student__")
        listing = Proxy(s, "listing", {}, "__student__")
        for path in [ROOT / "solutions" / "02_backprop" / "02_backprop.py",
                     ROOT / "autograder" / "checks" / "backprop.py", ROOT / "autograder" / "tasks.py",
                     secret]:
            assert not probe(str(path)).startswith("read"), path
        # only the Python environment is bound back, when it lives inside the course folder
        # (CI's .venv); nothing else of the course root is visible
        prefix = Path(sys.prefix).resolve()
        env_dir = [prefix.relative_to(ROOT).parts[0]] if prefix.is_relative_to(ROOT) else []
        seen = listing(str(ROOT))
        assert seen in ("FileNotFoundError", "PermissionError") or set(seen) <= set(env_dir), seen
        if sb.namespaces:
            assert Proxy(s, "whoami", {}, "__student__")()[0] != 0
    finally:
        s.close()


@pytest.mark.slow
def test_notebook_with_100MB_of_outputs_is_graded(tmp_path):
    submitted = tmp_path / "submitted"
    scenarios.build_class(submitted, names=[], huge_mb=100)
    run = grade_class(scenarios.MID, submitted, tmp_path, jobs=1, progress=False, gradebook=False)
    (o,) = run.outcomes
    assert o.status == "graded" and o.score == scenarios.HONEST
