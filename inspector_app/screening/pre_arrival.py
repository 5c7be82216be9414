"""A flight's or ship's API manifest screened, person by person, before it arrives.

Every person goes through the booth's own ``Screener`` (SLTD and the biographic watchlist), the
one the examination uses, loaded once for the whole manifest. A person is ``clean`` only when
both lists were checked and neither matched: a list not installed, or data the screener cannot
use, is ``not_checked`` with the reason, never "clean".
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

from inspector_app.domain.messages import msg
from inspector_app.screening import paxlst, screen
from inspector_app.screening.paxlst import Manifest, Person

LISTS = ("sltd", "biographic")
STATES = ("flagged", "not_checked", "clean")   # the order results are listed in: hits first


@dataclasses.dataclass(frozen=True)
class PersonResult:
    person: Person
    state: str                       # flagged | not_checked | clean
    hits: tuple[dict, ...]           # Hit.to_dict() of each hit
    reasons: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"person": self.person.to_dict(), "state": self.state, "hits": list(self.hits),
                "reasons": list(self.reasons)}


@dataclasses.dataclass(frozen=True)
class ManifestResult:
    manifest: Manifest
    results: tuple[PersonResult, ...]
    lists: dict
    warnings: tuple[str, ...]

    @property
    def flagged(self) -> int:
        return sum(1 for r in self.results if r.state == "flagged")

    def to_dict(self) -> dict:
        return {"manifest": {k: v for k, v in self.manifest.to_dict().items() if k != "people"},
                "people": len(self.results), "flagged": self.flagged,
                "not_checked": sum(1 for r in self.results if r.state == "not_checked"),
                "lists": dict(self.lists), "warnings": list(self.warnings),
                "results": [r.to_dict() for r in self.results]}


def screen_manifest(home: Path | str, manifest: Manifest, screener: screen.Screener | None = None,
                    today: dt.date | None = None) -> ManifestResult:
    """Every person of ``manifest`` against the booth's installed lists; ``screener`` may be one
    already loaded (the lists are read once either way)."""
    screener = screener or screen.Screener(Path(home), today=today)
    results, warnings, lists = [], set(), {}
    status = screener.lists_status()   # picks up a newly applied bundle once, for the whole manifest
    for person in manifest.people:
        result = _one(screener, person, status)
        results.append(result[0])
        warnings |= set(result[1])
        lists = result[2] or lists
    results.sort(key=lambda r: STATES.index(r.state))   # stable: manifest order within a state
    return ManifestResult(manifest, tuple(results), lists, tuple(sorted(warnings)))


def _one(screener: screen.Screener, person: Person, status: tuple) -> tuple[PersonResult, list[str], dict]:
    try:
        found = screener.screen(person.traveller(), status=status)
    except screen.ScreeningError as exc:
        return PersonResult(person, "not_checked", (), (msg("not screened: {problem}", problem=str(exc)),)), [], {}
    hits = [h for h in found.hits if h.kind in LISTS]
    if hits:
        reasons = tuple(f"{h.list}: {r}" for h in hits for r in h.reasons[:1])
        return PersonResult(person, "flagged", tuple(h.to_dict() for h in hits), reasons), found.warnings, found.lists
    unchecked = [f"{name}: {found.coverage[name].reason.value}" for name in LISTS
                 if found.coverage[name].state is not screen.CoverageState.no_match and found.coverage[name].reason]
    if unchecked:
        return (PersonResult(person, "not_checked", (), tuple(msg("not checked: {why}", why=u) for u in unchecked)),
                found.warnings, found.lists)
    return PersonResult(person, "clean", (), ()), found.warnings, found.lists


@dataclasses.dataclass(frozen=True)
class Imported:
    """What ``import_file`` did: the manifest's id in the store, its screening (None when the same
    file was imported before: ``duplicate``) and the file's SHA-256."""
    manifest_id: str
    result: dict | None
    digest: str

    @property
    def duplicate(self) -> bool:
        return self.result is None


def import_file(home: Path | str, store, raw: bytes, actor: str, screener: screen.Screener | None = None,
                today: dt.date | None = None) -> Imported:
    """One PAXLST file read, screened and kept whole in the booth's store, the way every source
    (``manifest import``, the watched folder, the hub) imports one. Raises ``PaxlstError`` (segment
    and position) before anything is stored; the same bytes a second time are not screened again."""
    digest = hashlib.sha256(raw).hexdigest()
    held = store.manifest_with_digest(digest)
    if held is not None:
        return Imported(held, None, digest)
    manifest = paxlst.parse(raw.decode("latin-1"))   # UNOA/UNOB text; never fails on odd bytes
    result = screen_manifest(home, manifest, screener, today).to_dict()
    manifest_id = store.add_manifest(result, actor=actor, digest=digest)
    return Imported(manifest_id, {**result, "manifest_id": manifest_id}, digest)
