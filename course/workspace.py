"""The student's working copy: exercises/ copied once, never overwritten once changed.

A manifest (.course/manifest.json in the working folder) records the hash of each file as
we copied it. On a later start, an unchanged file is replaced by the changed exercise; a
file the student changed is kept, and the changed exercise is saved beside it. `course
reset` puts the released notebook back and keeps the student's beside it.

Other state in .course/: scores.json (last `course check` per module) and hints.json
(task -> how many levels of help the student revealed; delete it to hide them again).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

from course import ROOT


def workdir() -> Path:
    """$COURSE_WORKDIR, else work/ in the course folder."""
    return Path(os.environ.get("COURSE_WORKDIR") or ROOT / "work").resolve()


def state_dir(wd: Path | None = None) -> Path:
    return (wd or workdir()) / ".course"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True))
    os.replace(tmp, path)


def sync(wd: Path | None = None, exercises: Path | None = None) -> list[str]:
    """Copy new or updated exercises into the working folder; return messages for the student."""
    wd = wd or workdir()
    exercises = exercises or ROOT / "exercises"
    manifest_path = state_dir(wd) / "manifest.json"
    manifest = _read_json(manifest_path)
    messages = []
    for src in sorted(p for p in exercises.rglob("*") if p.is_file()):
        rel = str(src.relative_to(exercises))
        dest = wd / rel
        new = _sha(src)
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
            manifest[rel] = new
            continue
        have = _sha(dest)
        copied = manifest.get(rel)     # what we copied last time, if we know
        if have == new:
            manifest[rel] = new
        elif have == copied:  # untouched by the student: take the changed exercise
            shutil.copy2(src, dest)
            manifest[rel] = new
            messages.append(f"updated {rel}: the exercise changed and you had not edited "
                            "your copy")
        elif copied != new:  # the student's work: keep it, put the exercise beside it
            beside = dest.with_name(f"{dest.stem}.updated{dest.suffix}")
            shutil.copy2(src, beside)
            manifest[rel] = new
            why = ("the exercise changed since your copy was made" if copied else
                   "your copy differs from the exercise (no record of copying it)")
            messages.append(f"{rel}: {why}; your copy is kept as it is, and the exercise "
                            f"as released now is saved beside it as {beside.relative_to(wd)}")
    _write_json(manifest_path, manifest)
    return messages


def notebook_path(module_id: str, wd: Path | None = None) -> Path:
    return (wd or workdir()) / module_id / f"{module_id}.ipynb"


def record_score(module_id: str, score: float, max_score: float, wd: Path | None = None) -> None:
    path = state_dir(wd) / "scores.json"
    scores = _read_json(path)
    scores[module_id] = [score, max_score]
    _write_json(path, scores)


def last_scores(wd: Path | None = None) -> dict[str, list[float]]:
    return _read_json(state_dir(wd) / "scores.json")


def hint_levels(wd: Path | None = None) -> dict[str, int]:
    return _read_json(state_dir(wd) / "hints.json")


def save_hint_levels(levels: dict[str, int], wd: Path | None = None) -> None:
    _write_json(state_dir(wd) / "hints.json", levels)


def reset(module_id: str, wd: Path | None = None, exercises: Path | None = None) -> tuple[Path, Path | None]:
    """Put the released notebook of a module back; the student's is renamed, never deleted.

    Returns (the notebook, where the student's version now is, or None if there was none or
    it was the released one unchanged): NAME.backup-YYYYmmdd-HHMMSS.ipynb beside it.
    """
    wd = wd or workdir()
    exercises = exercises or ROOT / "exercises"
    src = exercises / module_id / f"{module_id}.ipynb"
    dest = notebook_path(module_id, wd)
    kept = None
    if dest.exists() and _sha(dest) != _sha(src):
        stamp = time.strftime("%Y%m%d-%H%M%S")
        kept = dest.with_name(f"{dest.stem}.backup-{stamp}{dest.suffix}")
        n = 1
        while kept.exists():
            n += 1
            kept = dest.with_name(f"{dest.stem}.backup-{stamp}-{n}{dest.suffix}")
        os.replace(dest, kept)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dest)
    manifest_path = state_dir(wd) / "manifest.json"
    _write_json(manifest_path, {**_read_json(manifest_path),
                                str(dest.relative_to(wd)): _sha(src)})
    return dest, kept
