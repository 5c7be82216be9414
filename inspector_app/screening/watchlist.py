"""Biographic watchlist on the booth: entries in SQLite, a compact blocking index in numpy.

Candidate generation must stay fast at a million entries, so names are not compared one by one:
each entry is filed under short keys (pairs of name tokens by rule key and by sound, see
:func:`names.strong_keys`), stored as a sorted ``uint64`` array of key hashes beside a
``uint32`` array of entry ids. A query hashes its own keys, binary-searches them, and scores
only the entries found. Entries whose known birth year is more than one year away from the
traveller's cannot reach the threshold (the date factor caps them at 0.45), so they are dropped
before the database is read.
"""
from __future__ import annotations

import csv
import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from inspector_app.domain.messages import msg
from inspector_app.screening import names

COLUMNS = ["subject_id", "list", "surname", "given_names", "birth_date", "sex", "nationality", "reason", "ban_until"]
REMOVE = "REMOVE"
WEAK_CAP = 200
DB_NAME = "watchlist.db"


class WatchlistError(ValueError):
    """Watchlist input or files that cannot be used, with the reason."""


def _h(key: str) -> bytes:
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()


def hash_keys(keys: Iterable[str]) -> np.ndarray:
    buf = b"".join(_h(k) for k in keys)
    return np.frombuffer(buf, dtype="<u8")


def parse_date(text: str | None, what: str) -> str | None:
    if not text or not str(text).strip():
        return None
    try:
        return date.fromisoformat(str(text).strip()).isoformat()
    except ValueError:
        raise WatchlistError(f"{what} {text!r} is not a YYYY-MM-DD date") from None


def clean_row(row: dict, line: int, allow_remove: bool) -> dict:
    """Validate one CSV row; returns the normalised entry (``{"subject_id", "remove": True}``
    for a removal in a delta)."""
    sid = (row.get("subject_id") or "").strip()
    if not sid:
        raise WatchlistError(f"watchlist CSV line {line}: subject_id is empty")
    lst = (row.get("list") or "").strip()
    if lst.upper() == REMOVE:
        if not allow_remove:
            raise WatchlistError(f"watchlist CSV line {line}: list=REMOVE is only allowed in a delta bundle")
        return {"subject_id": sid, "remove": True}
    try:
        person = names.Person.of(row.get("surname"), row.get("given_names"), row.get("birth_date"), row.get("sex"), row.get("nationality"))
        ban = parse_date(row.get("ban_until"), "ban_until")
    except ValueError as exc:
        raise WatchlistError(f"watchlist CSV line {line}: {exc}") from None
    if not names.name_tokens(person.surname, person.given_names):
        raise WatchlistError(f"watchlist CSV line {line}: subject {sid} has no usable name")
    return {
        "subject_id": sid, "list": lst or "watchlist", "surname": (row.get("surname") or "").strip(),
        "given_names": (row.get("given_names") or "").strip(), "birth_date": str(person.birth) if person.birth else "",
        "sex": person.sex or "", "nationality": person.nationality or "", "reason": (row.get("reason") or "").strip(),
        "ban_until": ban or "",
    }


def read_csv(path: Path, allow_remove: bool = False) -> Iterator[dict]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = set(COLUMNS) - set(reader.fieldnames or [])
        if missing:
            raise WatchlistError(f"watchlist CSV {path} lacks column(s) {', '.join(sorted(missing))}")
        for line, row in enumerate(reader, start=2):
            yield clean_row(row, line, allow_remove)


# ------------------------------------------------------------------------------- build / store
def build(directory: Path, entries: Iterable[dict]) -> int:
    """Write ``watchlist.db`` and the index arrays for these entries into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(directory / DB_NAME)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute(f"CREATE TABLE entries (id INTEGER PRIMARY KEY, {', '.join(c + ' TEXT' for c in COLUMNS)})")
    key_strs: list[str] = []
    key_ids: list[int] = []
    years: list[int] = [0]
    rows = []
    for i, e in enumerate(entries, start=1):
        rows.append((i, *(e.get(c, "") for c in COLUMNS)))
        ks = _entry_keys(e)
        key_strs.extend(ks)
        key_ids.extend([i] * len(ks))
        years.append(int(e["birth_date"][:4]) if e.get("birth_date") else 0)
        if len(rows) >= 50_000:
            db.executemany(f"INSERT INTO entries VALUES ({', '.join('?' * (len(COLUMNS) + 1))})", rows)
            rows.clear()
    if rows:
        db.executemany(f"INSERT INTO entries VALUES ({', '.join('?' * (len(COLUMNS) + 1))})", rows)
    db.execute("CREATE UNIQUE INDEX entries_subject ON entries(subject_id)")
    db.commit()
    db.close()
    names.forget_bulk_tokens()
    keys = hash_keys(key_strs)
    ids = np.asarray(key_ids, dtype="<u4")
    order = np.argsort(keys, kind="stable")
    np.save(directory / "name_keys.npy", keys[order])
    np.save(directory / "name_ids.npy", ids[order])
    np.save(directory / "birth_years.npy", np.asarray(years, dtype="<i2"))
    return len(years) - 1


def _entry_keys(e: dict) -> set[str]:
    return names.strong_keys(e["surname"], e["given_names"]) | names.weak_keys(e["surname"], e["given_names"])


def apply_delta(prev: Path, out: Path, changes: list[dict]) -> int:
    """Next version from the previous one without re-keying every entry: copy the database,
    apply upserts/removals, drop the changed ids from the index arrays and add keys for the new
    rows only. Cost grows with the delta (plus one file copy), not with the list."""
    import shutil

    out.mkdir(parents=True, exist_ok=True)
    if not (prev / DB_NAME).exists():
        return build(out, merged_entries([], changes))
    shutil.copyfile(prev / DB_NAME, out / DB_NAME)
    db = sqlite3.connect(out / DB_NAME)
    try:
        last = {}
        for c in changes:
            last[c["subject_id"]] = c
        ids = dict(db.execute(f"SELECT subject_id, id FROM entries WHERE subject_id IN ({', '.join('?' * len(last))})",
                              list(last)).fetchall()) if last else {}
        dropped = np.asarray(sorted(ids.values()), dtype="<u4")
        if len(dropped):
            db.executemany("DELETE FROM entries WHERE id = ?", [(int(i),) for i in dropped])
        next_id = (db.execute("SELECT MAX(id) FROM entries").fetchone()[0] or 0) + 1
        years = np.load(prev / "birth_years.npy").astype("<i2")
        years = np.concatenate([years, np.zeros(max(0, next_id + len(last) - len(years)), dtype="<i2")])
        key_strs, key_ids = [], []
        for e in last.values():
            if e.get("remove"):
                continue
            db.execute(f"INSERT INTO entries VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
                       (next_id, *(e.get(c, "") for c in COLUMNS)))
            ks = _entry_keys(e)
            key_strs.extend(ks)
            key_ids.extend([next_id] * len(ks))
            years[next_id] = int(e["birth_date"][:4]) if e.get("birth_date") else 0
            next_id += 1
        count = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        db.commit()
    finally:
        db.close()
    names.forget_bulk_tokens()
    old_keys = np.load(prev / "name_keys.npy")
    old_ids = np.load(prev / "name_ids.npy")
    keep = ~np.isin(old_ids, dropped) if len(dropped) else np.ones(len(old_ids), dtype=bool)
    keys = np.concatenate([old_keys[keep], hash_keys(key_strs)])
    idx = np.concatenate([old_ids[keep], np.asarray(key_ids, dtype="<u4")])
    order = np.argsort(keys, kind="stable")
    np.save(out / "name_keys.npy", keys[order])
    np.save(out / "name_ids.npy", idx[order])
    np.save(out / "birth_years.npy", years[:next_id])
    return count


def merged_entries(old: Iterable[dict], changes: Iterable[dict]) -> list[dict]:
    """Apply a delta's upserts and removals (by subject_id) to the previous entries.

    Serves every list keyed by subject_id: the biographic watchlist and the biometric subjects."""
    by_id = {e["subject_id"]: e for e in old}
    for c in changes:
        if c.get("remove"):
            by_id.pop(c["subject_id"], None)
        else:
            by_id[c["subject_id"]] = c
    return list(by_id.values())


# ------------------------------------------------------------------------------------- search
@dataclass
class WatchlistHit:
    subject_id: str
    list: str
    score: float
    reasons: list[str] = field(default_factory=list)
    entry: dict = field(default_factory=dict)


class Watchlist:
    """Read side of one list version's biographic watchlist."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.available = (self.directory / DB_NAME).exists()
        if not self.available:
            return
        self._keys = np.load(self.directory / "name_keys.npy", mmap_mode="r")
        self._ids = np.load(self.directory / "name_ids.npy", mmap_mode="r")
        self._years = np.load(self.directory / "birth_years.npy", mmap_mode="r")
        self._db = sqlite3.connect(f"file:{self.directory / DB_NAME}?mode=ro", uri=True, check_same_thread=False)

    def __len__(self) -> int:
        if not self.available:
            return 0
        return self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    def candidates(self, query: names.Person) -> np.ndarray:
        strong = sorted(names.strong_keys(query.surname, query.given_names, query=True))
        weak = sorted(names.weak_keys(query.surname, query.given_names))
        hs = hash_keys(strong + weak)
        left = np.searchsorted(self._keys, hs, "left")
        right = np.searchsorted(self._keys, hs, "right")
        parts = []
        for n, (lo, hi) in enumerate(zip(left.tolist(), right.tolist())):
            if hi > lo and (n < len(strong) or hi - lo <= WEAK_CAP):
                parts.append(np.asarray(self._ids[lo:hi]))
        if not parts:
            return np.empty(0, dtype="<u4")
        ids = np.unique(np.concatenate(parts))
        if query.birth is not None:  # lossless: a year >1 away scores at most 0.45
            y = np.asarray(self._years[ids])
            ids = ids[(y == 0) | (np.abs(y.astype(np.int32) - query.birth.year) <= 1)]
        return ids

    def fetch(self, ids: np.ndarray) -> Iterator[dict]:
        ids = ids.tolist()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            sql = f"SELECT {', '.join(COLUMNS)} FROM entries WHERE id IN ({', '.join('?' * len(chunk))})"
            for row in self._db.execute(sql, chunk):
                yield dict(zip(COLUMNS, row))

    def search(self, query: names.Person, threshold: float = names.DEFAULT_THRESHOLD,
               today: date | None = None) -> list[WatchlistHit]:
        if not self.available:
            return []
        today = today or date.today()
        hits = []
        for e in self.fetch(self.candidates(query)):
            if e["ban_until"] and date.fromisoformat(e["ban_until"]) < today:
                continue  # the landing ban has ended: no longer a hit
            entry = names.Person.of(e["surname"], e["given_names"], e["birth_date"], e["sex"], e["nationality"])
            # The name score is at most 1: skip the costly name alignment when the birth date,
            # sex and nationality factors alone already keep the entry under the threshold.
            bound = (names.date_factor(query.birth, entry.birth)[0] * names.sex_factor(query.sex, entry.sex)[0]
                     * names.nationality_factor(query.nationality, entry.nationality)[0])
            if bound < threshold:
                continue
            m = names.match(query, entry)
            if m.score >= threshold:
                reasons = m.reasons + ([msg("landing ban until {date}", date=e["ban_until"])] if e["ban_until"] else [])
                if e["reason"]:
                    reasons.insert(0, msg("listed: {reason}", reason=e["reason"]))
                hits.append(WatchlistHit(e["subject_id"], e["list"], m.score, reasons, e))
        hits.sort(key=lambda h: -h.score)
        return hits
