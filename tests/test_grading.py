"""The sandboxed grader: wire format, equivalence with in-process grading, a class end to end
(reports, gradebook, CSV, resume after kill -9), the CLI and the Gradescope bundle."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent / "submissions"))

import scenarios  # noqa: E402

from autograder import wire  # noqa: E402
from autograder.batch import Source, grade_class  # noqa: E402
from autograder.catalogue import Scenario  # noqa: E402
from autograder.catalogue import scenarios as catalogue  # noqa: E402
from autograder.compare import as_left  # noqa: E402
from autograder.sandbox import (  # noqa: E402
    Proxy,
    Sandbox,
    Session,
    WorkerDied,
    WorkerTimeout,
    grade_cells,
)
from autograder.tasks import get_module  # noqa: E402
from autograder.testing import grade_solution, solution_cells  # noqa: E402
from course.build import tool_env  # noqa: E402
from course.functions import Cubic  # noqa: E402

MID = scenarios.MID


# ------------------------------------------------------------------------------- wire
def test_wire_round_trips_plain_data():
    rng = np.random.default_rng(3)
    value = {"a": np.arange(6.0).reshape(2, 3), 1: (np.float64(2.5), np.int64(3), None, True),
             "s": ["x", 1.5, -7, float("inf")], "rng": rng, "f": Cubic(np.ones(2), np.zeros(2), 3.0),
             "big": 2**100, "i32": np.arange(3, dtype=np.int32), "0d": np.array(1.5),
             "F": np.asfortranarray(np.arange(6.0).reshape(2, 3)), "u": np.array(["ab", "c"]),
             "b": np.array([True, False]), "c64": np.complex64(1 - 2j), "e": np.zeros((0, 4)),
             "f32": np.float32(0.1), "neg0": -0.0}
    back = wire.decode(wire.encode(value), classes={"course.functions:Cubic": Cubic})
    assert np.array_equal(back["a"], value["a"]) and back["a"].dtype == np.float64
    assert back[1] == (2.5, 3, None, True) and type(back[1][0]) is np.float64
    assert back["s"] == value["s"] and back["big"] == 2**100 and back["i32"].dtype == np.int32
    assert back["rng"].random() == np.random.default_rng(3).random()
    assert isinstance(back["f"], Cubic) and back["f"](np.ones(2)) == 8.0
    for k in ("0d", "F", "u", "b", "e"):
        assert back[k].dtype == value[k].dtype and back[k].shape == value[k].shape
        assert np.array_equal(back[k], value[k]) and back[k].flags.writeable, k
    assert type(back["c64"]) is np.complex64 and back["c64"] == value["c64"]
    assert type(back["f32"]) is np.float32 and back["f32"] == value["f32"]
    assert type(back["s"][1]) is float and type(back["s"][2]) is int
    assert str(back["neg0"]) == "-0.0"


@pytest.mark.parametrize("bad", [object(), lambda x: x, np.array([object()]), {1, 2}, b"bytes"])
def test_wire_refuses_anything_else(bad):
    with pytest.raises(wire.WireError):
        wire.encode(bad)


def test_wire_decodes_no_code():
    for doc in [{"obj": "os:system", "attrs": {"dict": []}},
                {"obj": "course.reference.nn:__class__", "attrs": {"dict": []}},
                {"rng": {"dict": [["bit_generator", "Evil"]]}}]:
        data = wire.encode(None)
        payload = json.dumps(doc).encode()
        data = len(payload).to_bytes(8, "little") + (0).to_bytes(8, "little") + payload
        with pytest.raises(wire.WireError):
            wire.decode(data)


def test_sync_updates_arguments_in_place():
    params = {"W": np.zeros(3)}
    rng = np.random.default_rng(0)
    wire.sync((params, rng), wire.decode(wire.encode(({"W": np.ones(3)}, np.random.default_rng(5)))))
    assert np.array_equal(params["W"], np.ones(3))
    assert rng.random() == np.random.default_rng(5).random()


# ------------------------------------------------------------------------------ sandbox
@pytest.fixture(scope="session")
def sandbox():
    return Sandbox()


def _same(a, b):
    return {t: (r.passed, r.status, r.summary, r.hint) for t, r in a.items()} == \
           {t: (r.passed, r.status, r.summary, r.hint) for t, r in b.items()}


def test_sandbox_grades_the_reference_like_in_process(sandbox):
    module = get_module(MID)
    got = grade_cells(module, solution_cells(MID), sandbox)
    assert _same(got, grade_solution(MID))
    assert all(r.passed for r in got.values())


LOCATED = Scenario("dx-through-pseudo-inverse", "2.2", {"dx = dout @ w.T": "dx = dout @ np.linalg.pinv(w)"},
                   "(its first value the correct code never computes is `np.linalg.pinv(w)`)")


@pytest.mark.parametrize("scenario", catalogue(MID)[1:2] + [
    s for s in catalogue(MID) if s.name in ("softmax-grad-unnormalised-exp", "mlp-backward-forward-loop",
                                                "linear-backward-db-after-dout-reassigned")]
    + [LOCATED], ids=lambda s: s.name)
def test_sandbox_gives_the_same_feedback_as_in_process(sandbox, scenario, monkeypatch):
    """Also for the rewrite diagnoser, from the calls a Proxy made (one of them raising), for
    the line where a function first goes wrong (traced in the worker), and, with `course grade
    --fixes`, for the fix of the student's own code (diagnose.repaired: its edits are defined
    and run in the worker, the check that verifies one runs here)."""
    monkeypatch.setenv("COURSE_GRADE_FIXES", "1")
    got = grade_cells(get_module(MID), solution_cells(MID, scenario.replace), sandbox)
    here = grade_solution(MID, scenario.replace)
    assert _same(got, here)
    assert scenario.hint in got[scenario.task].text()
    if "passes this check with one change" in scenario.hint:   # without --fixes: the rest
        monkeypatch.delenv("COURSE_GRADE_FIXES")
        plain = grade_cells(get_module(MID), solution_cells(MID, scenario.replace), sandbox)
        assert "passes this check with one change" not in plain[scenario.task].text()
        assert plain[scenario.task].hint == here[scenario.task].hint.split("; ", 1)[1]


def test_proxy_syncs_rng_and_in_place_updates(sandbox):
    """Does a call bring back what the function may change (params of sgd_step, the rng),
    and nothing else (its grads, an input it overwrote)?"""
    code = ("import numpy as np\n"
            "def draw(rng, n):\n    return rng.normal(size=n)\n"
            "def sgd_step(params, grads, lr):\n    params['W'] -= lr * grads['W']\n"
            "    grads['W'][:] = 0\n"
            "def linear_forward(x, w, b):\n    x[:] = 0\n    return x @ w + b, (x, w)\n")
    s = Session(sandbox, [("1 (x)", code)], timeout=10)
    try:
        s.deadline = time.monotonic() + 30
        rng, ref = np.random.default_rng(1), np.random.default_rng(1)
        got = Proxy(s, "draw", {}, "__student__")(rng, 3)
        assert np.array_equal(got, ref.normal(size=3)) and rng.random() == ref.random()
        params, grads = {"W": np.ones(2)}, {"W": np.ones(2)}
        w = params["W"]
        step = Proxy(s, "sgd_step", {}, "__student__")
        step(params, grads, 0.5)
        assert np.array_equal(w, [0.5, 0.5]) and params["W"] is w
        assert np.array_equal(grads["W"], [1.0, 1.0])
        # the change to grads comes back apart, for a check to see: never into the grader's
        assert set(step.left) == {"1"} and np.array_equal(as_left(step, grads, 1)["W"], [0, 0])
        assert as_left(step, params, 0) is params and as_left(print, grads, 1) is grads
        x = np.ones((2, 3))
        out, _ = Proxy(s, "linear_forward", {}, "__student__")(x, np.ones((3, 1)), np.zeros(1))
        assert np.array_equal(x, np.ones((2, 3))) and np.array_equal(out, np.zeros((2, 1)))
    finally:
        s.close()


def test_an_edited_def_runs_in_the_worker_and_a_trial_leaves_the_verdict_alone(sandbox):
    """The fix search's edits are defined in a copy of the worker's namespace (the student's
    other functions call the edited one there, the original stays), and a trial whose call
    hangs or ends the worker restores the session's deadline and flags and does not count
    the restart against the submission."""
    code = ("import os\n"
            "def g(x):\n    return 2 * x\n"
            "def h(x):\n    return g(x) + 1\n"
            "def hang(x):\n    while True:\n        pass\n"
            "def leave(x):\n    os._exit(3)\n")
    s = Session(sandbox, [("1 (x)", code)], timeout=10)
    try:
        s.deadline = deadline = time.monotonic() + 30
        g, h = Proxy(s, "g", {}, "__student__"), Proxy(s, "h", {}, "__student__")
        assert h(1) == 3
        assert g.edited("def g(x):\n    return 3 * x\n") is None      # only in a trial
        with s.trial(5.0) as ok:
            assert ok
            edited = g.edited("def g(x):\n    return 3 * x\n")
            assert edited is not None and h.moved(edited.space)(1) == 4 and h(1) == 3
            assert g.edited("def g(x):\n    return 3 * \n") is None   # a syntax error
        restarts = s.restarts
        for name in ("hang", "leave"):
            with s.trial(1.0) as ok:
                assert ok
                with pytest.raises((WorkerTimeout, WorkerDied)):
                    Proxy(s, name, {}, "__student__")(0)
            assert (s.deadline, s.timed_out, s.died) == (deadline, False, False)
        assert h(1) == 3 and s.restarts == restarts    # a fresh worker, not counted
        with s.trial(5.0) as ok:                       # two trials ended workers: no more
            assert not ok and g.edited("def g(x):\n    return 3 * x\n") is None
    finally:
        s.close()


def test_a_changed_input_fails_in_course_grade_as_in_course_check():
    """momentum_step scaling grads in place: the grader's grads stay intact, yet the check
    sees the student's change (Proxy.left) and names it, as course check does."""
    mid = "04_optim"
    scenario = next(s for s in catalogue(mid) if s.name == "momentum-grads-scaled-in-place")
    sb = Sandbox(setup=Source.load(mid).setup())
    try:
        got = grade_cells(get_module(mid), solution_cells(mid, scenario.replace), sb)
    finally:
        sb.close()
    assert _same({"4.1": got["4.1"]}, {"4.1": grade_solution(mid, scenario.replace)["4.1"]})
    assert not got["4.1"].passed and scenario.hint in got["4.1"].text()
    assert all(r.passed for t, r in got.items() if t != "4.1")


def test_worker_isolation_is_reported(sandbox):
    got = sandbox.isolation()
    assert any(g.startswith("RLIMIT_AS") for g in got)
    if os.geteuid() == 0 and sandbox.namespaces:
        assert any(g.startswith("uid ") for g in got) or "uid per worker" in got
        assert any("hidden" in g or "bubblewrap" in g for g in got)


# --------------------------------------------------------------------------- a class
SMALL = ["honest-correct", "honest-stub", "honest-buggy-transposed-dw", "bad-empty-file",
         "honest-helper-in-added-cell"]


@pytest.fixture(scope="session")
def small_class(tmp_path_factory):
    root = tmp_path_factory.mktemp("small")
    expected = scenarios.build_class(root / "submitted", names=SMALL)
    before = scenarios.digest(root / "submitted")
    run = grade_class(MID, root / "submitted", root, jobs=2, progress=False)
    return root, expected, before, run


def test_class_scores_csv_and_reports(small_class):
    root, expected, before, run = small_class
    rows = {r["student"]: r for r in csv.DictReader(open(root / "reports" / MID / "grades.csv"))}
    assert set(rows) == set(SMALL)
    for name, exp in expected.items():
        if isinstance(exp, float):
            assert float(rows[name]["score"]) == exp
        else:
            assert rows[name]["status"] == "ungradable" and exp in rows[name]["reason"]
        rep = json.loads((root / "reports" / MID / f"{name}.json").read_text())
        assert rep["student"] == name and len(rep["tasks"]) == len(get_module(MID).tasks)
        assert (root / "reports" / MID / f"{name}.html").read_text().startswith("<!doctype html>")
    assert scenarios.digest(root / "submitted") == before


def test_no_hidden_test_source_in_anything_a_student_sees(small_class):
    root = small_class[0]
    for p in list((root / "autograded").rglob("*.ipynb")) + list((root / "reports").rglob("*.*")):
        text = p.read_text()
        assert "hidden=True" not in text and "BEGIN HIDDEN TESTS" not in text, p


def test_gradebook_has_our_scores_via_nbgrader_api(small_class):
    from nbgrader.api import Gradebook

    root, _, _, run = small_class
    with Gradebook(run.db_url) as gb:
        for o in run.outcomes:
            sub = gb.find_submission(MID, o.student)
            assert sub.score == o.score
            for t in get_module(MID).tasks:
                g = gb.find_grade(t.grade_id, MID, MID, o.student)
                assert g.score == o.results[t.id].score and g.max_score == t.points


def test_autograded_notebook_shows_our_feedback(small_class):
    import nbformat
    root = small_class[0]
    nb = nbformat.read(root / "autograded" / "honest-buggy-transposed-dw" / MID / f"{MID}.ipynb", 4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex2_2")
    assert "the shape is transposed" in cell.outputs[0]["text"]
    assert cell.outputs[-1]["output_type"] == "error"


def test_rerun_resumes_everything_with_identical_grades(small_class):
    root, _, _, run = small_class
    csv_before = (root / "reports" / MID / "grades.csv").read_text()
    again = grade_class(MID, root / "submitted", root, jobs=2, progress=False)
    assert again.resumed == len(SMALL)
    assert (root / "reports" / MID / "grades.csv").read_text() == csv_before


@pytest.mark.slow
def test_killed_run_resumes_to_the_same_grades(small_class, tmp_path):
    root0 = small_class[0]
    submitted = root0 / "submitted"
    cmd = [sys.executable, "-c", "import sys; from course.cli import main; sys.exit(main())",
           "grade", MID, str(submitted), "--root", str(tmp_path), "--jobs", "1", "-q",
           "--no-gradebook"]
    proc = subprocess.Popen(cmd, env=tool_env(), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    reports = tmp_path / "reports" / MID
    t0 = time.monotonic()
    while time.monotonic() - t0 < 120 and len(list(reports.glob("*.json"))) < 1:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(list(reports.glob("*.json")))
    assert 1 <= done < len(SMALL), done
    rc = subprocess.run(cmd[:-3] + ["2", "-q", "--no-gradebook"], env=tool_env(),
                        capture_output=True, text=True)
    assert rc.returncode == 0, rc.stderr
    assert f"{done} resumed" in rc.stdout
    assert (reports / "grades.csv").read_text() == (root0 / "reports" / MID / "grades.csv").read_text()


# ------------------------------------------------------------------------------- CLI
def test_cli_grade_rejects_unknown_module_and_missing_folder(tmp_path):
    from course.cli import main
    assert main(["grade", "99", str(tmp_path)]) == 2
    assert main(["grade", MID, str(tmp_path / "nope")]) == 2


def test_gradescope_bundle_runs_against_a_simulated_autograder(tmp_path):
    from course.cli import main

    zpath = tmp_path / "bundle.zip"
    assert main(["gradescope", MID, "-o", str(zpath)]) == 0
    ag = tmp_path / "autograder"
    (ag / "submission").mkdir(parents=True)
    with zipfile.ZipFile(zpath) as z:
        z.extractall(ag)
    assert {"setup.sh", "run_autograder"} <= set(os.listdir(ag))
    scenarios.write(ag / "submission", {f"{MID}.ipynb": scenarios.replace(
        MID, {"dw = x.T @ dout": "dw = (x.T @ dout).T"})})
    env = {**tool_env(), "AUTOGRADER_ROOT": str(ag), "PYTHON": sys.executable}
    proc = subprocess.run(["bash", str(ag / "run_autograder")], env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    res = json.loads((ag / "results" / "results.json").read_text())
    assert res["score"] == 16
    graded = {t["name"]: t for t in res["tests"] if t["max_score"] > 0}
    assert graded["2.2 linear_backward"]["score"] == 0
    assert graded["2.2 linear_backward"]["visibility"] == "after_published"
    assert "transposed" in graded["2.2 linear_backward"]["output"]
    assert all({"score", "max_score", "name", "output", "visibility"} <= set(t) for t in res["tests"])
    assert "hidden=True" not in json.dumps(res)


@pytest.mark.skipif(os.geteuid() != 0 or not Sandbox().bwrap, reason="the root sandbox")
def test_interpreter_folders_under_tmp_stay_visible_in_each_workers_fresh_tmp():
    """A course and its .venv under /tmp: each worker mounts a fresh /tmp, then binds those
    folders back. A package there, imported only inside the worker, must still be found."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="course-site-", dir="/tmp"))
    (folder / "probe_under_tmp.py").write_text("ANSWER = 42\n")
    folder.chmod(0o755)

    class UnderTmp(Sandbox):
        def keep(self):
            return [*super().keep(), str(folder)]

        def config(self, uid):
            cfg = super().config(uid)
            cfg["site"] = [*cfg["site"], str(folder)]
            return cfg

    sb = UnderTmp()
    s = Session(sb, [("1 (x)", "def probe():\n    import probe_under_tmp\n"
                               "    return probe_under_tmp.ANSWER\n")], timeout=10)
    try:
        s.deadline = time.monotonic() + 30
        assert Proxy(s, "probe", {}, "__student__")() == 42
    finally:
        s.close()
        sb.close()
        shutil.rmtree(folder, ignore_errors=True)
