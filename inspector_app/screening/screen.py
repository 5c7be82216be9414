"""The checks of one examination against the booth's lists; results carry scores and reasons.

Settings (``home/settings.json``):
  ``screening.max_list_age_hours`` (48): lists older than this make every result ``stale`` and
  add a warning; ``screening.name_threshold`` (0.80): lowest biographic score reported as a hit.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path

from inspector_app.domain.messages import msg
from inspector_app.screening import liststate, names, sltd, watchlist
from inspector_app.screening.hits import Hit

#: SLTD record statuses (``sltd.STATUSES``) in words.
SLTD_STATUS_WORDS = {"lost": msg("lost"), "stolen": msg("stolen"), "revoked": msg("revoked"),
                     "invalidated": msg("invalidated"), "stolen_blank": msg("stolen blank"), "expired": msg("expired")}


def sltd_status(status: str) -> str:
    return SLTD_STATUS_WORDS.get(status, status)


class ScreeningError(ValueError):
    """Traveller data the screener cannot use, with the reason."""


class CoverageState(str, Enum):
    """What one list says about the traveller; "not checked" is never mistaken for "no match"."""

    hit = "hit"
    no_match = "no_match"
    not_checked = "not_checked"
    error = "error"


class NotCheckedReason(str, Enum):
    list_not_installed = "list_not_installed"
    no_document_number = "no_document_number"
    no_name = "no_name"
    not_captured = "not_captured"
    list_damaged = "list_damaged"  # a list file changed since its signed bundle was installed


# which lists each installed part of a bundle serves
PART_LISTS = {"sltd": ("sltd",), "watchlist": ("biographic",), "biometrics": ("face", "fingerprint")}


LISTS = ("sltd", "biographic", "face", "fingerprint")


@dataclass(frozen=True)
class Coverage:
    state: CoverageState
    reason: NotCheckedReason | None = None

    def to_dict(self) -> dict:
        return {"state": self.state.value, "reason": self.reason.value if self.reason else None}


@dataclass
class ScreeningResult:
    hits: list[Hit]
    lists: dict
    warnings: list[str] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=dict)   # list name (LISTS) -> coverage

    def to_dict(self) -> dict:
        return {"hits": [h.to_dict() for h in self.hits], "lists": dict(self.lists), "warnings": list(self.warnings),
                "coverage": {k: v.to_dict() for k, v in self.coverage.items()}}


class Screener:
    """Loads the booth's current list version once; ``screen`` may then be called per traveller."""

    def __init__(self, home: Path, today: date | None = None):
        from inspector_app.settings import Settings

        self.home = Path(home)
        settings = Settings.load(self.home)
        self.max_age = float(settings.get("screening.max_list_age_hours", liststate.DEFAULT_MAX_AGE_HOURS))
        self.threshold = float(settings.get("screening.name_threshold", names.DEFAULT_THRESHOLD))
        self.today = today
        self._load()

    def _load(self) -> None:
        self._current_name = self._current_pointer()
        # every file is checked against the digests recorded at install: a list edited on disk
        # is refused (screened as "not checked: list damaged"), never silently used
        self.state = liststate.current(self.home, verify=True)
        self.damaged = dict(self.state.damaged) if self.state else {}
        self.sltd = self.watchlist = self.biometric = None
        if self.state:
            d = self.state.directory
            meta = self.state.manifest.get("sltd")
            if meta and (d / "sltd").is_dir() and "sltd" not in self.damaged:
                self.sltd = sltd.SltdStore(d / "sltd", bytes.fromhex(meta["list_key"]))
            if (d / "watchlist").is_dir() and "watchlist" not in self.damaged:
                self.watchlist = watchlist.Watchlist(d / "watchlist")
            if (d / "biometrics").is_dir() and "biometrics" not in self.damaged:
                from inspector_app.screening import biometric

                self.biometric = biometric.BiometricWatchlist(d / "biometrics")

    def _current_pointer(self) -> str | None:
        try:
            return (liststate.root(self.home) / liststate.CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None

    def refresh(self) -> bool:
        """Reload if a bundle was applied since (the app keeps one Screener for hours)."""
        if self._current_pointer() != self._current_name:
            self._load()
            return True
        return False

    def lists_status(self) -> tuple[dict, list[str]]:
        self.refresh()
        return liststate.status(self.state, self.max_age)

    def screen(self, traveller: dict, face=None, fingers: dict | None = None,
               status: tuple[dict, list[str]] | None = None) -> ScreeningResult:
        """``status``: ``lists_status()`` read once for a batch (a manifest of hundreds of people),
        instead of once per traveller."""
        lists, warnings = self.lists_status() if status is None else (status[0], list(status[1]))
        hits: list[Hit] = []
        not_checked: dict[str, NotCheckedReason] = {}
        hits += self._sltd(traveller, warnings, not_checked)
        hits += self._biographic(traveller, warnings, not_checked)
        if face is None:
            not_checked["face"] = NotCheckedReason.not_captured
        if not fingers:
            not_checked["fingerprint"] = NotCheckedReason.not_captured
        if (face is not None or fingers) and self.biometric is None:
            warnings.append(msg("no biometric watchlist installed: face/fingerprints not screened"))
            for name in ("face", "fingerprint"):
                not_checked.setdefault(name, NotCheckedReason.list_not_installed)
        elif self.biometric is not None:
            hits += self.biometric.screen(face=face, fingers=fingers or {}, today=self.today or date.today())
        for part, why in sorted(self.damaged.items()):
            warnings.append(msg("{list} list refused: {problem}", list=part, problem=why))
            for name in PART_LISTS.get(part, ()):
                not_checked[name] = NotCheckedReason.list_damaged
        hits.sort(key=lambda h: -h.score)
        coverage = {}
        for name in LISTS:
            if name in not_checked:
                coverage[name] = Coverage(CoverageState.not_checked, not_checked[name])
            elif any(h.kind == name for h in hits):
                coverage[name] = Coverage(CoverageState.hit)
            else:
                coverage[name] = Coverage(CoverageState.no_match)
        return ScreeningResult(hits, lists, warnings, coverage)

    def _sltd(self, t: dict, warnings: list[str], not_checked: dict) -> list[Hit]:
        number = t.get("document_number")
        if not number:
            not_checked["sltd"] = NotCheckedReason.no_document_number
            return []
        state, dtype = t.get("issuing_state"), t.get("document_type") or "P"
        if not state:
            raise ScreeningError("an SLTD check needs the issuing state with the document number")
        if self.sltd is None:
            warnings.append(msg("no SLTD list installed: document not checked"))
            not_checked["sltd"] = NotCheckedReason.list_not_installed
            return []
        try:
            key = sltd.normalise_key(state, dtype, number)
            found = self.sltd.lookup(state, dtype, number)
        except sltd.SltdError as exc:
            raise ScreeningError(str(exc)) from None
        if found is None:
            return []
        s, ty, n = key.split("|")
        record = {"issuing_state": s, "document_type": ty, "document_number": n, **found.to_dict()}
        listed = msg("document {document} is listed as {status}", document=f"{s}/{ty}/{n}",
                     status=sltd_status(found.status))
        reasons = [msg("{listed}, reported {date}", listed=listed, date=found.reported_on.isoformat())
                   if found.reported_on else listed,
                   msg("exact match on issuing state + document type + normalised number (keyed 64-bit hash)")]
        return [Hit("sltd", "SLTD", 1.0, reasons, record=record)]

    def _biographic(self, t: dict, warnings: list[str], not_checked: dict) -> list[Hit]:
        if not (t.get("surname") or t.get("given_names")):
            not_checked["biographic"] = NotCheckedReason.no_name
            return []
        if self.watchlist is None or not self.watchlist.available:
            warnings.append(msg("no biographic watchlist installed: names not screened"))
            not_checked["biographic"] = NotCheckedReason.list_not_installed
            return []
        try:
            person = names.Person.of(t.get("surname"), t.get("given_names"), t.get("birth_date"), t.get("sex"), t.get("nationality"))
        except ValueError as exc:
            raise ScreeningError(str(exc)) from None
        found = self.watchlist.search(person, self.threshold, self.today or date.today())
        return [Hit("biographic", h.list, h.score, h.reasons, subject_id=h.subject_id) for h in found]
