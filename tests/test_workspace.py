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
    assert "yours is kept" in messages[0]
    assert workspace.sync(wd, ex) == []  # told once, not at every start
    assert mine.read_text() == "my work"


def test_start_copy_only(tmp_path, monkeypatch, capsys):
    from course.cli import main

    monkeypatch.setenv("COURSE_WORKDIR", str(tmp_path / "w"))
    assert main(["start", "--copy-only"]) == 0
    assert (tmp_path / "w" / "02_backprop" / "02_backprop.ipynb").exists()
    assert main(["list"]) == 0
    assert "02_backprop" in capsys.readouterr().out
