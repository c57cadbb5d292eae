"""The student release: installable, no answers in it, and its checks still find the bugs.

One release of all six modules (nothing published) is built and installed in a fresh virtual
environment with its own README's command; the tests below judge that installed copy.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from autograder.release import ReleaseError, write_release
from autograder.release.scan import scan_for_answers
from autograder.tasks import MODULES, get_module
from course import ROOT

pytestmark = pytest.mark.slow
ALL = list(MODULES)


def _run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=1800, **kw)


@pytest.fixture(scope="session")
def release(tmp_path_factory):
    """(release folder, its venv's python): built, then installed as its README says."""
    out = tmp_path_factory.mktemp("class") / "release"
    write_release(ALL, out, progress=lambda msg: None)
    readme = (out / "README.md").read_text()
    install = re.search(r"python3 -m venv \.venv && \.venv/bin/pip install -e \.", readme)
    assert install, "the release README's install command changed"
    r = _run(["bash", "-c", "python3 -m venv .venv && .venv/bin/pip install -q -e ."], cwd=out)
    assert r.returncode == 0, r.stderr[-3000:]
    return out, out / ".venv" / "bin" / "python"


def _installed(py: Path) -> list[Path]:
    """What installing the release put in its venv's site-packages (its packages, metadata and
    editable hooks); the release folder itself is scanned too."""
    r = _run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    site = Path(r.stdout.strip())
    ours = [p for p in site.iterdir() if p.name.split("-")[0].split(".")[0] in
            ("course", "autograder", "dl_first_principles_class", "__editable__")
            or "dl_first_principles" in p.name]
    assert ours, f"nothing of the release in {site}"
    return ours


def test_release_holds_no_answer_line(release):
    """Is any line of any solution cell in the release or its installed package?"""
    out, py = release
    assert not (out / "solutions").exists() and not (out / "autograder" / "catalogue").exists()
    found = scan_for_answers([out, *_installed(py)])
    assert found == [], "\n".join(found[:20])


def test_scan_finds_an_answer_when_one_is_there(tmp_path):
    """The scan is not blind: a copied reference file is found."""
    shutil.copyfile(ROOT / "course" / "reference" / "rnn.py", tmp_path / "x.py")
    assert scan_for_answers([tmp_path], ["05_rnn"])


def test_nothing_importable_computes_an_answer(release, tmp_path):
    """Called on each graded function's inputs, does any function of the release reproduce
    the reference's output? (Stand-ins raise outside a check: no notebook is around.)"""
    from autograder.release.probe import export

    out, py = release
    assert export(tmp_path) > 50
    r = _run([str(py), str(ROOT / "autograder" / "release" / "probe.py"), str(tmp_path)],
             cwd=tmp_path, env={**os.environ, "COURSE_WORKDIR": str(tmp_path / "nowork")})
    assert r.returncode == 0, r.stderr[-3000:]
    res = json.loads(r.stdout.strip().splitlines()[-1])
    assert res["callables"] > 100 and res["probes"] - res["skipped"] > 50, res
    assert res["matches"] == [], res["matches"]


@pytest.mark.parametrize("mid", ALL)
def test_solution_full_marks_and_stub_zero_through_the_release(release, tmp_path, mid):
    """Through the release's own `course check`: the solution earns full marks (later modules
    use the student's earlier notebooks beside it), the released exercise 0, 'not implemented'."""
    out, py = release
    for m in ALL:
        (tmp_path / m).mkdir()
        shutil.copyfile(ROOT / "solutions" / m / f"{m}.ipynb", tmp_path / m / f"{m}.ipynb")
    course = str(py.parent / "course")
    env = {**os.environ, "COURSE_WORKDIR": str(tmp_path)}
    r = _run([course, "check", mid[:2], "--notebook", str(tmp_path / mid / f"{mid}.ipynb")],
             cwd=tmp_path, env=env)
    total = get_module(mid).max_score
    assert r.returncode == 0 and f"score: {total:g}/{total:g}" in r.stdout, r.stdout + r.stderr
    stub = tmp_path / "stub" / mid / f"{mid}.ipynb"
    stub.parent.mkdir(parents=True)
    shutil.copyfile(out / "exercises" / mid / f"{mid}.ipynb", stub)
    r = _run([course, "check", mid[:2], "--notebook", str(stub), "--json"], cwd=tmp_path, env=env)
    assert r.returncode == 1, r.stderr
    results = json.loads(r.stdout)
    results = results["tasks"]
    assert results and all(x["status"] == "not-implemented" and x["score"] == 0 for x in results), \
        [x["summary"] for x in results]


def test_mutation_report_against_the_release(release, tmp_path):
    """Against the release's checks: every mistake of 02 detected, >= 90% of those with a
    catalogue hint hinted, no correct variant failing on any task. A mistake is graded on its
    own task only (isolation is the catalogue tests' job); benchmarks/release.py runs every
    module on every task: about half an hour."""
    from autograder.release.mutants import export, report

    out, py = release
    export(tmp_path, ["02"])
    r = _run([str(py), str(ROOT / "autograder" / "release" / "mutants.py"), str(tmp_path),
              "--own-task"], cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    table = report(tmp_path, stream=sys.stderr)
    for mid, row in table.items():
        assert row["detected"] == row["mistakes"], (mid, row)
        # hints worded by the rewrite diagnoser need the solution: not in a release
        assert row["hinted"] >= 0.9 * (row["mistakes"] - row["rewrite"]), (mid, row)
        assert row["false_failures"] == 0, (mid, row)


def test_published_module_ships_its_reference(tmp_path):
    """--publish 02: the reference of 02 ships and module 03's checks use it, with no 02
    notebook anywhere."""
    out = tmp_path / "rel"
    write_release(["03"], out, publish=["02"], progress=lambda msg: None)
    nn = (out / "course" / "reference" / "nn.py").read_text()
    assert nn == (ROOT / "course" / "reference" / "nn.py").read_text()
    assert "_StandIn" in (out / "course" / "reference" / "init.py").read_text()
    assert json.loads((out / "autograder" / "release.json").read_text())["published"] == ["02_backprop"]
    assert not (out / "autograder" / "recorded" / "02_backprop.json").exists()
    (tmp_path / "work" / "03_init").mkdir(parents=True)
    nb = tmp_path / "work" / "03_init" / "03_init.ipynb"
    shutil.copyfile(ROOT / "solutions" / "03_init" / "03_init.ipynb", nb)
    code = ("import sys; from autograder.notebook import load; from autograder.tasks import "
            "get_module, run_task; ns = load(sys.argv[1]).namespace; "
            "print([run_task(t, ns).passed for t in get_module('03').tasks])")
    env = {**os.environ, "PYTHONPATH": str(out), "COURSE_WORKDIR": str(tmp_path / "work")}
    r = _run([sys.executable, "-c", code, str(nb)], cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == str([True] * len(get_module("03").tasks)), r.stdout


def test_release_refuses_unsafe_places(tmp_path):
    """No release into the repository, over a non-empty folder, or of an unknown module."""
    with pytest.raises(ReleaseError, match="inside the course repository"):
        write_release(["02"], ROOT / "build-release-test", progress=lambda msg: None)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("x")
    with pytest.raises(ReleaseError, match="not empty"):
        write_release(["02"], tmp_path / "full", progress=lambda msg: None)
    assert (tmp_path / "full" / "keep.txt").exists()
    with pytest.raises(KeyError, match="unknown module"):
        write_release(["99"], tmp_path / "x", progress=lambda msg: None)


def test_max_hint_caps_the_help_the_release_holds(tmp_path):
    out = tmp_path / "rel"
    write_release(["01"], out, max_hint=1, progress=lambda msg: None)
    code = ("from autograder.tasks import max_hint, get_module; "
            "print(max_hint(), max(len(t.help) for t in get_module('01').tasks))")
    r = _run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(out)}, cwd=tmp_path)
    assert r.stdout.split() == ["1", "1"], r.stdout + r.stderr   # withheld levels are not shipped
    assert max(len(t.help) for t in get_module("01").tasks) > 1
