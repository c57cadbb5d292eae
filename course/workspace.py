"""The student's working copy: exercises/ copied once, never overwritten once changed.

A manifest (.course/manifest.json in the working folder) records the hash of each file as
we copied it. On a later start, an unchanged file is replaced by a newer exercise; a file
the student changed is kept, and the newer exercise is saved beside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
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
        if have == new:
            manifest[rel] = new
        elif have == manifest.get(rel):  # untouched by the student: take the update
            shutil.copy2(src, dest)
            manifest[rel] = new
            messages.append(f"updated {rel} (you had not changed it)")
        elif manifest.get(rel) != new:  # the student's work: keep it, put the update beside
            beside = dest.with_name(f"{dest.stem}.updated{dest.suffix}")
            shutil.copy2(src, beside)
            manifest[rel] = new
            messages.append(f"{rel} has a newer version; yours is kept and the new one is "
                            f"saved as {beside.relative_to(wd)}")
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
