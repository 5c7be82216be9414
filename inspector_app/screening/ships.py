"""The cruise ships designated by the Commissioner of the ISA, as the signed list bundles deliver
them (the ``ships`` section, docs/BUNDLES.md).

Landing permission for cruise ship tourists (ICRRA Art. 14-2) is for "foreign national passengers
on cruise ships designated by the Commissioner of the ISA" (brochure), so a booth checks the
vessel the inspector names against the list in force: by IMO number, or by the ship's exact name
with case, spaces and punctuation ignored. Never a near match: a designation is a legal fact, and
a ship whose name is one letter off is another ship.

The installed list is ``ships/ships.jsonl`` in the list version directory, checked against the
digest recorded at install and indexed once per version (a few thousand ships: a dict each way).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain.messages import msg
from inspector_app.screening import liststate

PART = "ships"
FILE = "ships.jsonl"
COLUMNS = ("imo", "name", "operator", "designated_from", "designated_until")
_IMO = re.compile(r"\s*(?:IMO[\s:.#-]*)?(\d{7})\s*", re.IGNORECASE | re.ASCII)


class ShipsError(ValueError):
    """A designated-ship row that cannot be used; the message names the row."""


@dataclass(frozen=True)
class ShipLookup:
    #: designated | not_designated | not_in_force (listed, but ``on`` is outside its dates) |
    #: list_not_installed (no ships list in force, or its file was changed since install)
    state: str
    #: the list's row (imo, name, operator, designated_from, designated_until) when the vessel
    #: is on the list, else None
    entry: dict | None
    #: the booth's list version the answer comes from (None: no lists at all)
    list_version: int | None
    #: why, when the answer needs saying: a damaged list, an IMO number failing its check digit
    problem: str | None = None


# ------------------------------------------------------------------------------- IMO and names
def imo_check_digit(first_six: str) -> int:
    """IMO ship number check: the first six digits weighted 7..2, summed, last decimal digit."""
    return sum(int(d) * w for d, w in zip(first_six, range(7, 1, -1), strict=True)) % 10


def imo_number(text: str) -> str | None:
    """'IMO 9074729', 'imo9074729' or '9074729' (full-width digits too) -> '9074729'; None when
    not shaped like one. The check digit is not looked at here (see :func:`imo_valid`)."""
    m = _IMO.fullmatch(unicodedata.normalize("NFKC", text or ""))
    return m.group(1) if m else None


def imo_valid(digits: str) -> bool:
    return len(digits) == 7 and digits.isdigit() and imo_check_digit(digits[:6]) == int(digits[6])


def normalise_name(name: str) -> str:
    """The name as compared: NFKC, case-folded, letters and digits only."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", name or "").casefold() if ch.isalnum())


# ------------------------------------------------------------------------------------ rows
def _date(value, what: str, where: str) -> dt.date:
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ShipsError(f"{where}: {what} {value!r} is not a date YYYY-MM-DD") from None


def clean_row(row, where: str, allow_remove: bool = False) -> dict:
    """One designated ship as the section holds it, or ``{"imo", "remove": True}`` in a delta."""
    if not isinstance(row, dict):
        raise ShipsError(f"{where}: not a JSON object")
    raw = row.get("imo")
    digits = imo_number(raw) if isinstance(raw, str) else None
    if digits is None:
        raise ShipsError(f"{where}: IMO number {raw!r} is not 7 digits")
    if not imo_valid(digits):
        raise ShipsError(f"{where}: IMO {digits} fails its check digit (the last digit would be "
                         f"{imo_check_digit(digits[:6])})")
    if row.get("remove") is True:
        if not allow_remove:
            raise ShipsError(f"{where} (IMO {digits}): only a delta can remove a ship")
        return {"imo": digits, "remove": True}
    name, operator = row.get("name"), row.get("operator", "")
    if not isinstance(name, str) or not normalise_name(name):
        raise ShipsError(f"{where} (IMO {digits}): the ship has no name")
    if not isinstance(operator, str):
        raise ShipsError(f"{where} (IMO {digits}): operator must be text")
    start = _date(row.get("designated_from"), "designated_from", f"{where} (IMO {digits})")
    until = row.get("designated_until") or None
    if until is not None and _date(until, "designated_until", f"{where} (IMO {digits})") < start:
        raise ShipsError(f"{where} (IMO {digits}): designated_until {until} is before designated_from {start}")
    return {"imo": digits, "name": name.strip(), "operator": operator.strip(),
            "designated_from": start.isoformat(), "designated_until": until}


def read_file(path: Path, allow_remove: bool = False) -> list[dict]:
    """The ``bundle create --ships`` input: JSON lines (``.jsonl``) as in the section, or a CSV
    with the columns of :data:`COLUMNS` (lines starting with ``#`` are comments; in a delta, name
    ``REMOVE`` deletes the ship)."""
    path = Path(path)
    with open(path, newline="", encoding="utf-8-sig") as fh:
        numbered = [(n, line) for n, line in enumerate(fh, start=1) if not line.lstrip().startswith("#")]
    if path.suffix.lower() in (".jsonl", ".json"):
        rows = []
        for n, line in numbered:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise ShipsError(f"{path} line {n}: not JSON ({exc})") from None
            rows.append(clean_row(row, f"{path} line {n}", allow_remove))
        return rows
    reader = csv.DictReader(line for _, line in numbered)
    missing = set(COLUMNS) - set(reader.fieldnames or [])
    if missing:
        raise ShipsError(f"ships CSV {path} lacks column(s) {', '.join(sorted(missing))}")
    rows = []
    for row in reader:
        where = f"{path} line {numbered[reader.line_num - 1][0]}"
        if (row.get("name") or "").strip() == "REMOVE":
            row = {"imo": row["imo"], "remove": True}
        rows.append(clean_row(row, where, allow_remove))
    return rows


def read_input(path: Path, delta: bool) -> list[dict]:
    """:func:`read_file`, and for a full list the checks a booth makes of the whole list too, so a
    list every booth would refuse is refused when the bundle is made."""
    rows = read_file(path, allow_remove=delta)
    if not delta:
        merged({}, rows, delta=False)
    return rows


def merged(by_imo: dict[str, dict], rows: list[dict], delta: bool) -> dict[str, dict]:
    """The list (by IMO number) after a section's rows: the whole list when full; added,
    replaced or removed ships when a delta. Every row is checked first: one bad row refuses all."""
    changes, seen = [], {}
    for n, row in enumerate(rows, start=1):
        c = clean_row(row, f"ships row {n}", allow_remove=delta)
        if c["imo"] in seen:
            raise ShipsError(f"ships row {n}: IMO {c['imo']} is already in row {seen[c['imo']]}")
        seen[c["imo"]] = n
        changes.append(c)
    by_imo = dict(by_imo) if delta else {}
    for c in changes:
        if c.get("remove"):
            by_imo.pop(c["imo"], None)
        else:
            by_imo[c["imo"]] = c
    names: dict[str, str] = {}
    for r in by_imo.values():
        other = names.setdefault(normalise_name(r["name"]), r["imo"])
        if other != r["imo"]:
            raise ShipsError(f"ships IMO {other} and IMO {r['imo']} have the same name {r['name']!r}: "
                             "a name must identify one designated ship")
    return by_imo


def install(prev: Path | None, out: Path, rows: list[dict], delta: bool) -> int:
    """Write the list a bundle's ``ships`` section makes into ``out``; returns its ship count."""
    if delta and (prev is None or not (prev / FILE).exists()):
        raise ShipsError("the booth has no designated-ship list for this delta to update; "
                         "apply a full bundle with a ships section first")
    by_imo = merged({r["imo"]: r for r in _read(prev / FILE)} if delta else {}, rows, delta)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / FILE, "w", encoding="utf-8") as fh:
        for imo in sorted(by_imo):
            fh.write(json.dumps(by_imo[imo], sort_keys=True, ensure_ascii=False) + "\n")
    return len(by_imo)


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ---------------------------------------------------------------------------------- lookup
@dataclass(frozen=True)
class _Index:
    by_imo: dict[str, dict]
    by_name: dict[str, dict]
    problem: str | None = None


_cache: dict[tuple, _Index | None] = {}
_cache_lock = threading.Lock()


def _index(state: liststate.ListState) -> _Index | None:
    """The installed list of this version (None: the version has none), read once per version."""
    path = state.directory / PART / FILE
    # a version directory never changes once published, but a rebuilt booth can publish the same
    # version number again: the install time tells the two apart
    key = (str(state.directory), state.manifest.get("applied_at"),
           (state.manifest.get(liststate.FILES) or {}).get(f"{PART}/{FILE}"))
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    if not path.exists():
        index = None
    elif problem := liststate.changed_part(state, PART):
        index = _Index({}, {}, msg("the installed designated-ship list is refused: {problem}; apply the lists "
                                   "again (inspector-app bundle apply)", problem=problem))
    else:
        rows = _read(path)
        index = _Index({r["imo"]: r for r in rows}, {normalise_name(r["name"]): r for r in rows})
    with _cache_lock:
        _cache.clear()  # only the version in force is asked about
        _cache[key] = index
    return index


def lookup(home: Path, vessel: str, on: dt.date) -> ShipLookup:
    """Is ``vessel`` (an IMO number, or the ship's name) a ship designated on ``on``?"""
    state = liststate.current(Path(home))
    if state is None:
        return ShipLookup("list_not_installed", None, None)
    index = _index(state)
    if index is None or index.problem:
        return ShipLookup("list_not_installed", None, state.version, index.problem if index else None)
    digits = imo_number(vessel)
    if digits is not None and not imo_valid(digits):
        return ShipLookup("not_designated", None, state.version,
                          msg("IMO {imo} fails its check digit: check the number", imo=digits))
    entry = index.by_imo.get(digits) if digits else index.by_name.get(normalise_name(vessel))
    if entry is None:
        return ShipLookup("not_designated", None, state.version)
    until = entry["designated_until"]
    in_force = entry["designated_from"] <= on.isoformat() and (until is None or on.isoformat() <= until)
    return ShipLookup("designated" if in_force else "not_in_force", dict(entry), state.version)
