"""Which list version the booth is using: ``home/lists/CURRENT`` names a version directory.

Every version directory is complete and never changed after it is published; applying a bundle
builds the next one beside it and then replaces ``CURRENT`` with ``os.replace`` (atomic on POSIX
and Windows). A crash at any point leaves either the old or the new version in force, never a mix.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
DEFAULT_MAX_AGE_HOURS = 48


def root(home: Path) -> Path:
    return Path(home) / "lists"


@dataclass
class ListState:
    directory: Path
    manifest: dict

    @property
    def version(self) -> int:
        return int(self.manifest["version"])

    def age_hours(self, now: datetime | None = None) -> float:
        issued = datetime.fromisoformat(self.manifest["issued_at"].replace("Z", "+00:00"))
        now = now or datetime.now(UTC)
        return round((now - issued).total_seconds() / 3600, 2)


def status(state: ListState | None, max_age_hours: float) -> tuple[dict, list[str]]:
    """Version, age and staleness of the lists in force, and the warnings a person should see."""
    if state is None:
        return ({"version": None, "age_hours": None, "stale": True},
                ["no screening lists installed on this booth: apply a bundle (inspector-app bundle apply)"])
    age = state.age_hours()
    stale = age > max_age_hours
    warn = [f"screening lists are {age:.1f} h old (limit {max_age_hours:g} h): update them"] if stale else []
    return {"version": state.version, "age_hours": age, "stale": stale}, warn


def current(home: Path) -> ListState | None:
    r = root(home)
    try:
        name = (r / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    d = r / name
    manifest = json.loads((d / MANIFEST).read_text(encoding="utf-8"))
    return ListState(d, manifest)


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def publish(home: Path, staged: Path, manifest: dict) -> ListState:
    """Write the manifest, move the staged directory to its version name, switch CURRENT."""
    r = root(home)
    with open(staged / MANIFEST, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    final = r / f"v{int(manifest['version']):09d}"
    if final.exists():  # a leftover from an earlier crash after rename, never CURRENT (version checks)
        shutil.rmtree(final)
    os.rename(staged, final)
    tmp = r / f".{CURRENT}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(final.name)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, r / CURRENT)
    _fsync_dir(r)
    for old in r.glob("v*"):
        if old.is_dir() and old.name != final.name:
            shutil.rmtree(old, ignore_errors=True)
    return ListState(final, manifest)


def new_stage(home: Path) -> Path:
    import tempfile

    r = root(home)
    r.mkdir(parents=True, exist_ok=True)
    for leftover in r.glob(".stage-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=".stage-", dir=r))
