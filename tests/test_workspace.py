"""`course start` copies exercises once and never overwrites a student's work."""

from __future__ import annotations

from course import workspace


def make_exercises(root, text):
    (root / "02_backprop").mkdir(parents=True, exist_ok=True)
    (root / "02_backprop" / "02_backprop.ipynb").write_text(text)
    return root


def test_first_sync_copies_everything(tmp_path):
    ex = make_exercises(tmp_path / "ex", "v1")
    wd = tmp_path / "work"
    assert workspace.sync(wd, ex) == []
    assert (wd / "02_backprop" / "02_backprop.ipynb").read_text() == "v1"


def test_untouched_copy_takes_the_update(tmp_path):
    ex = make_exercises(tmp_path / "ex", "v1")
    wd = tmp_path / "work"
    workspace.sync(wd, ex)
    make_exercises(ex, "v2")
    messages = workspace.sync(wd, ex)
    assert (wd / "02_backprop" / "02_backprop.ipynb").read_text() == "v2"
    assert messages and "updated" in messages[0]


def test_changed_copy_is_kept_and_the_update_saved_beside(tmp_path):
    ex = make_exercises(tmp_path / "ex", "v1")
    wd = tmp_path / "work"
    workspace.sync(wd, ex)
    mine = wd / "02_backprop" / "02_backprop.ipynb"
    mine.write_text("my work")
    make_exercises(ex, "v2")
    messages = workspace.sync(wd, ex)
    assert mine.read_text() == "my work"
    assert (wd / "02_backprop" / "02_backprop.updated.ipynb").read_text() == "v2"
    assert messages == ["02_backprop/02_backprop.ipynb: the exercise changed since your copy was "
                        "made; your copy is kept as it is, and the exercise as released now is "
                        "saved beside it as 02_backprop/02_backprop.updated.ipynb"]
    assert workspace.sync(wd, ex) == []  # told once, not at every start
    assert mine.read_text() == "my work"


def test_start_copy_only(tmp_path, monkeypatch, capsys):
    from course.cli import main

    monkeypatch.setenv("COURSE_WORKDIR", str(tmp_path / "w"))
    assert main(["start", "--copy-only"]) == 0
    assert (tmp_path / "w" / "02_backprop" / "02_backprop.ipynb").exists()
    assert main(["list"]) == 0
    assert "02_backprop" in capsys.readouterr().out


def test_an_edited_copy_without_a_record_is_kept_and_not_called_older(tmp_path):
    """Without the manifest we know only that the files differ: no "newer", no "older"."""
    ex = make_exercises(tmp_path / "ex", "v1")
    wd = tmp_path / "work"
    workspace.sync(wd, ex)
    (wd / "02_backprop" / "02_backprop.ipynb").write_text("my work")
    (wd / ".course" / "manifest.json").unlink()
    [message] = workspace.sync(wd, ex)
    assert "no record of copying it" in message and "newer" not in message
    assert (wd / "02_backprop" / "02_backprop.ipynb").read_text() == "my work"


def test_reset_restores_the_release_and_keeps_the_students_version(tmp_path, monkeypatch, capsys):
    from course.cli import main

    ex = make_exercises(tmp_path / "ex", "released")
    wd = tmp_path / "work"
    monkeypatch.setattr(workspace, "ROOT", tmp_path)
    monkeypatch.setenv("COURSE_WORKDIR", str(wd))
    (tmp_path / "exercises").symlink_to(ex)
    workspace.sync(wd)
    mine = wd / "02_backprop" / "02_backprop.ipynb"
    kept = []
    for version in ("first try", "second try"):
        mine.write_text(version)
        assert main(["reset", "02"]) == 0
        out = capsys.readouterr().out
        assert mine.read_text() == "released"
        kept.append(wd / out.split("kept as ")[1].split()[0])
    assert [p.read_text() for p in kept] == ["first try", "second try"]   # nothing overwritten
    assert all(p.name.startswith("02_backprop.backup-") for p in kept) and kept[0] != kept[1]
    assert main(["reset", "02"]) == 0 and "kept as" not in capsys.readouterr().out
    assert sorted(p.name for p in mine.parent.iterdir()) == sorted([mine.name] + [p.name for p in kept])
    assert workspace.sync(wd) == []   # the restored copy counts as untouched


def test_reset_of_an_unknown_module_exits_2(capsys):
    from course.cli import main

    assert main(["reset", "99"]) == 2 and "unknown module" in capsys.readouterr().err


def test_student_data_is_ignored_by_git():
    """Can grades, reports or a student's work be committed by accident?"""
    import shutil
    import subprocess

    from course import ROOT

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        import pytest
        pytest.skip("not a git checkout")
    outputs = ["work/02_backprop/02_backprop.ipynb", "work/.course/hints.json",
               "submitted/ada/02_backprop/02_backprop.ipynb", "autograded/ada/02_backprop/x.ipynb",
               "feedback/ada/02_backprop/02_backprop.html", "reports/02_backprop/ada.json",
               "reports/02_backprop/grades.csv", "reports/secret", "grades.csv", "gradebook.db",
               "release/02_backprop/02_backprop.ipynb", "class-release/README.md",
               "benchmarks/out/grading.txt", "02_backprop_gradescope.zip"]
    proc = subprocess.run(["git", "check-ignore", "--no-index", *outputs], cwd=ROOT,
                          capture_output=True, text=True)
    assert sorted(proc.stdout.split()) == sorted(outputs)
    kept = ["exercises/02_backprop/02_backprop.ipynb", "solutions/02_backprop/02_backprop.py",
            "autograder/checks/backprop.py", "docs/grading.md"]
    proc = subprocess.run(["git", "check-ignore", "--no-index", *kept], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.stdout == ""


def test_start_gives_jupyterlab_this_environment_and_no_instructor_tools(tmp_path, monkeypatch):
    """The server's env, its config, and its terminal shell (the browser suite runs them all)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from course.cli import start

    bindir = str(Path(sys.executable).parent)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.setenv("SHELL", "/bin/bash")
    env = start.server_env(tmp_path / "work")
    assert env["PATH"].split(os.pathsep)[0] == bindir
    assert env.get("VIRTUAL_ENV") == (sys.prefix if sys.prefix != sys.base_prefix else None)
    config = Path(env["JUPYTER_CONFIG_PATH"].split(os.pathsep)[0])
    page = json.loads((config / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"] == {p: True for p in start.INSTRUCTOR_PLUGINS}
    assert "@jupyter/nbgrader:assignment-list" not in page["disabledExtensions"]
    server = json.loads((config / "jupyter_server_config.json").read_text())["ServerApp"]
    assert server["jpserver_extensions"] == {"nbgrader.server_extensions.formgrader": False,
                                             "nbgrader.server_extensions.course_list": False}
    shell = server["terminado_settings"]["shell_command"]
    if Path(shell[0]).exists():   # the terminal's shell finds `course` even if ~/.bashrc resets PATH
        (tmp_path / ".bashrc").write_text("export PATH=/usr/bin:/bin\n")
        out = subprocess.run([*shell, "-i", "-c", "command -v course"], capture_output=True, text=True,
                             env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "TERM": "dumb"})
        assert out.stdout.strip().splitlines()[-1] == f"{bindir}/course", out
