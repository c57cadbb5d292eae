"""The second batch of attacks (tests/submissions/unlisted2.py), graded as one class with two
honest classmates: each attack earns what its code honestly earns and keeps its property;
the run itself keeps the grader's memory and descriptors bounded and resumes exactly.

ATTACKS2=design or ATTACKS2=heldout grades one half only (how the batch was measured)."""

from __future__ import annotations

import csv
import json
import os
import re
import resource
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "submissions"))

import scenarios  # noqa: E402
import unlisted2  # noqa: E402

from autograder.batch import file_id, grade_class, load_secret, neutral, record_id, summary  # noqa: E402
from autograder.tasks import get_module  # noqa: E402

MID = scenarios.MID
HALF = os.environ.get("ATTACKS2", "")
NAMES = {"design": unlisted2.DESIGN, "heldout": unlisted2.HELDOUT}.get(HALF, list(unlisted2.ATTACKS))
HONEST = {"honest-partial": scenarios.partial, "honest-correct": lambda: scenarios.solved(MID)}
REFUSED_TASK = {"attack2-rng-state-forged": "2.8"}
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("class2")
    submitted = root / "submitted"
    expected = unlisted2.build(submitted, NAMES)
    for name, make in HONEST.items():
        scenarios.write(submitted / name / MID, {f"{MID}.ipynb": make()})
    fds, rss = _fds(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    run = grade_class(MID, submitted, root, jobs=2, timeout=8, progress=False)
    grown = {"fds": _fds() - fds, "rss_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                                             - rss) / 1024}
    rerun = grade_class(MID, submitted, root, jobs=2, timeout=8, progress=False)
    return root, expected, run, rerun, grown


def outcome(run, student):
    return next(o for o in run.outcomes if o.student == record_id(student))


def _students(graded, name):
    return [s for s, (attack, _) in graded[1].items() if attack == name]


def _texts(o) -> list[str]:
    return [r.text() for r in o.results.values()] + [o.reason] + list(o.notes)


@pytest.mark.parametrize("name", NAMES)
def test_attack_earns_its_honest_part_and_keeps_its_property(graded, name):
    root, expected, run, _, _ = graded
    for student in _students(graded, name):
        exp = expected[student][1]
        o = outcome(run, student)
        got = {t: r.score for t, r in o.results.items()}
        if isinstance(exp, str):
            assert o.status == "ungradable" and exp in o.reason, (o.status, o.reason)
        elif isinstance(exp, unlisted2.AtMost):
            assert o.score <= exp.points, got
        elif isinstance(exp, dict):
            assert o.status == "graded" and got == exp, {t: r.text() for t, r in o.results.items()}
        else:
            assert o.status == "graded" and o.score == exp, (o.reason, got)
        PROPERTY[unlisted2.PROPS[name]](graded, name, student, o)


def _refused(graded, name, student, o):
    r = o.results[REFUSED_TASK.get(name, "2.5")]
    assert r.status == "error", r.text()


def _bounded(graded, name, student, o):
    assert o.seconds < 40, o.seconds


def _one_line(graded, name, student, o):
    """Each text is one printable line; below a task's verdict, only indented details."""
    for r in o.results.values():
        for text in [r.summary, r.hint or "", *r.details]:
            assert not CONTROL.search(text), repr(text)
        assert all(line.startswith("    ") for line in r.text().splitlines()[1:]), r.text()
        assert "<script" not in r.text(), r.text()


def _no_html(graded, name, student, o):
    """The report and the autograded notebook, rendered as nbgrader's feedback is, show the
    student's markup as text; the notebook holds no output of the student's."""
    from nbconvert import HTMLExporter

    root = graded[0]
    nb_path = root / "autograded" / file_id(o.student) / MID / f"{MID}.ipynb"
    for page in [(root / "reports" / MID / f"{file_id(o.student)}.html").read_text(),
                 HTMLExporter().from_filename(str(nb_path))[0]]:
        assert "<script>alert" not in page and "<img src=x" not in page
    nb = json.loads(nb_path.read_text())
    for c in nb["cells"]:
        assert all(out["output_type"] in ("stream", "error") for out in c.get("outputs", []))


def _reason(graded, name, student, o):
    assert not CONTROL.search(o.reason), repr(o.reason)
    row = next(r for r in _csv_rows(graded[0]) if r["student"] == neutral(o.student))
    assert not CONTROL.search(row["reason"]), repr(row["reason"])
    assert f"  {o.student}: not graded: {o.reason}" in summary(get_module(MID), graded[2])


def _csv_rows(root) -> list[dict]:
    with open(root / "reports" / MID / "grades.csv", newline="") as f:
        return list(csv.DictReader(f))


def _csv_apart(graded, name, student, o):
    cells = [r["student"] for r in _csv_rows(graded[0])]
    assert cells.count(neutral(o.student)) == 1, cells


def _own_files(graded, name, student, o):
    root = graded[0]
    d = json.loads((root / "reports" / MID / f"{file_id(o.student)}.json").read_text())
    assert d["student"] == o.student and d["score"] == o.score


def _gradebook(graded, name, student, o):
    from nbgrader.api import Gradebook

    with Gradebook(graded[2].db_url) as gb:
        assert gb.find_submission(MID, o.student).score == o.score
    _csv_apart(graded, name, student, o)


def _no_leak(graded, name, student, o):
    root = graded[0]
    secret = load_secret(root / "reports" / MID / "secret")
    text = "\n".join(_texts(o))
    for hidden in [str(root), str(root.parent), secret.hex(), "gradebook.db", "submitted/",
                   "solutions/"]:
        assert hidden not in text, (hidden, text)


PROPERTY = {"refused": _refused, "bounded": _bounded, "one-line": _one_line,
            "no-html": _no_html, "reason": _reason, "csv-apart": _csv_apart,
            "own-files": _own_files, "gradebook": _gradebook, "no-leak": _no_leak,
            "score": lambda *a: None}


def test_honest_classmates_graded_normally(graded):
    run = graded[2]
    assert outcome(run, "honest-partial").score == scenarios.HONEST
    assert outcome(run, "honest-correct").score == 19.0


def test_every_folder_has_its_own_row(graded):
    root, expected, run, _, _ = graded
    rows = _csv_rows(root)
    assert len(rows) == len(expected) + len(HONEST) == len(run.outcomes)
    assert len({r["student"] for r in rows}) == len(rows)


def test_the_grader_keeps_its_memory_and_descriptors(graded):
    """Did grading the class leave descriptors open, or grow the grader past 1 GB?"""
    grown = graded[4]
    assert grown["fds"] <= 4, grown
    assert grown["rss_mb"] < 1024, grown


def test_a_rerun_resumes_everyone_with_the_same_grades(graded):
    _, _, run, rerun, _ = graded
    assert rerun.resumed == len(run.outcomes)
    assert {o.student: o.score for o in rerun.outcomes} == \
        {o.student: o.score for o in run.outcomes}


def test_wire_decodes_each_array_once():
    """A message referencing one array twice is refused, quickly and without copies."""
    from autograder import wire

    ref = {"nd": [0, "<f8", [131072]]}
    doc = json.dumps({"tuple": [ref] * 2000}).encode()
    data = len(doc).to_bytes(8, "little") + (1).to_bytes(8, "little") + doc + \
        (2**20).to_bytes(8, "little") + bytes(2**20)
    with pytest.raises(wire.WireError):
        wire.decode(data)
    once = json.dumps({"tuple": [ref]}).encode()
    assert wire.decode(len(once).to_bytes(8, "little") + (1).to_bytes(8, "little") + once
                       + (2**20).to_bytes(8, "little") + bytes(2**20))[0].shape == (131072,)
