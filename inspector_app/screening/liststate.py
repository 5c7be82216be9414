"""Which list version the booth is using: ``home/lists/CURRENT`` names a version directory.

Every version directory is complete and never changed after it is published; applying a bundle
builds the next one beside it and then replaces ``CURRENT`` with ``os.replace`` (atomic on POSIX
and Windows). A crash at any point leaves either the old or the new version in force, never a mix.

The manifest records the SHA-256 of every file of the version (``files``), computed when the
verified bundle was installed. ``current(home, verify=True)`` hashes the files again and names,
per list (``sltd``, ``watchlist``, ``biometrics``, ``ships``, ``csca``), what changed since (``ListState.damaged``), so
a list whose files were altered, removed or added to is refused (error coverage), not silently
used. Hashing reads every byte (an SLTD file can be large): the screener verifies when it loads a
version, status polls do not. A version installed before digests were recorded cannot be checked
(``ListState.verifiable`` is False). The digests protect against files changed behind the
booth's back (a disk error, a stray tool, someone editing one list); the manifest itself is not
signed, so someone who rewrites a list file and the manifest together is not caught here (the
full SLTD file is the signed section itself and can be checked against the bundle's header).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from inspector_app.domain.messages import msg

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
FILES = "files"
DEFAULT_MAX_AGE_HOURS = 48
_CHUNK = 1 << 22


def root(home: Path) -> Path:
    return Path(home) / "lists"


@dataclass
class ListState:
    directory: Path
    manifest: dict
    #: list part (first path component: sltd, watchlist, biometrics, ships, csca) -> what changed since install;
    #: filled by ``current(home, verify=True)``
    damaged: dict[str, str] = field(default_factory=dict)

    @property
    def verifiable(self) -> bool:
        return isinstance(self.manifest.get(FILES), dict)

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
                [msg("no screening lists installed on this booth: apply a bundle (inspector-app bundle apply)")])
    age = state.age_hours()
    stale = age > max_age_hours
    warn = [msg("screening lists are {age} h old (limit {limit} h): update them", age=f"{age:.1f}",
                limit=f"{max_age_hours:g}")] if stale else []
    out = {"version": state.version, "age_hours": age, "stale": stale}
    if state.damaged:
        out["damaged"] = sorted(state.damaged)
        warn += [msg("the installed {list} list is refused: {problem}; apply the lists again (inspector-app bundle apply)",
                     list=part, problem=why)
                 for part, why in sorted(state.damaged.items())]
    return out, warn


def current(home: Path, verify: bool = False) -> ListState | None:
    """The version in force (None when no lists are installed); ``verify`` also hashes its files
    against the digests recorded at install (``ListState.damaged``)."""
    r = root(home)
    try:
        name = (r / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    d = r / name
    manifest = json.loads((d / MANIFEST).read_text(encoding="utf-8"))
    state = ListState(d, manifest)
    if verify:
        state.damaged = changed_files(state)
    return state


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def file_digests(directory: Path) -> dict[str, str]:
    """SHA-256 of every file below ``directory`` except the manifest, by POSIX relative path."""
    directory = Path(directory)
    out = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            out[path.relative_to(directory).as_posix()] = _sha256(path)
    return out


def changed_files(state: ListState) -> dict[str, str]:
    """Per list part, the first file that differs from its recorded digest, is missing, or was
    added since install. Empty when the version cannot be checked (no digests recorded)."""
    recorded = state.manifest.get(FILES)
    if not isinstance(recorded, dict):
        return {}
    return _compare(recorded, file_digests(state.directory))


def changed_part(state: ListState, part: str) -> str | None:
    """What changed in one list part since install (None: unchanged or not checkable). Hashes
    only that part's files, so a small list (the designated ships) is checked without reading
    the SLTD."""
    recorded = state.manifest.get(FILES)
    if not isinstance(recorded, dict):
        return None
    now = {f"{part}/{rel}": d for rel, d in file_digests(state.directory / part).items()}
    mine = {rel: d for rel, d in recorded.items() if rel.split("/", 1)[0] == part}
    return _compare(mine, now).get(part)


def _compare(recorded: dict[str, str], now: dict[str, str]) -> dict[str, str]:
    damaged: dict[str, str] = {}
    for rel in sorted(set(recorded) | set(now)):
        part = rel.split("/", 1)[0]
        if part in damaged:
            continue
        if rel not in now:
            damaged[part] = f"file {rel} is missing"
        elif rel not in recorded:
            damaged[part] = f"file {rel} was added after install"
        elif now[rel] != recorded[rel]:
            damaged[part] = f"file {rel} was changed after install (SHA-256 differs)"
    return damaged


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def publish(home: Path, staged: Path, manifest: dict) -> ListState:
    """Write the manifest (with the digest of every staged file), move the staged directory to its
    version name, switch CURRENT."""
    r = root(home)
    manifest = {**manifest, FILES: file_digests(staged)}
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
