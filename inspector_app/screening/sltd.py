"""Lost/stolen travel documents (SLTD): 100 million records on one booth in 12 bytes each.

Storage (one list version = one directory, never modified after it is written):

* ``main.bin``: a 64-byte header, then ``n`` sorted little-endian ``uint64`` keys, then ``n``
  ``uint32`` payloads (``days since 1970-01-01 << 8 | status code``). Keys are the first 8 bytes
  of ``BLAKE2b(key=list_key, issuing_state|doc_type|normalised_number)``. The file is
  memory-mapped and binary-searched with ``numpy.searchsorted``: ~27 probes at 1e8 records,
  all in the page cache after warm-up.
* ``delta.bin``: the same 12-byte records (payload bit 7 of the status byte = removed) added by
  delta bundles since the last merge; small, loaded into a dict. A delta bundle writes a new
  version directory that hard-links ``main.bin`` and a new ``delta.bin``; when the log grows past
  ``MERGE_AT`` records it is merged into a new ``main.bin``.

Why 64-bit keys are enough: a lookup of a document that is *not* listed falsely hits with
probability n / 2**64 = 5.4e-12 at n = 1e8 (about one false hit in 1.8e11 travellers, i.e.
never: Japan sees ~1e8 entries a year). Two *listed* records share a key with probability
~ n**2 / 2**65 = 2.7e-4 for the whole list; the only effect is that the later one's status wins.
The key is keyed with a per-list secret so nobody can craft colliding document numbers.

Why O and 0 are not folded: document numbers mix letters and digits (``AO1234567`` and
``A01234567`` are two different passports), the MRZ's OCR-B font tells them apart and the check
digit (O = 24, 0 = 0) proves which one was read; folding would merge distinct documents. The MRZ
parser corrects a misread only where the check digit proves it.
"""
from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

MAGIC = b"BISLTD01"
HEADER_SIZE = 64
RECORD_SIZE = 12
EPOCH = date(1970, 1, 1)
MERGE_AT = 200_000
STATUSES = {"lost": 1, "stolen": 2, "revoked": 3, "invalidated": 4, "stolen_blank": 5, "expired": 6}
STATUS_NAMES = {v: k for k, v in STATUSES.items()}
REMOVED = 0x80  # status-byte flag in delta records: the key leaves the list
DOC_TYPE_WORDS = {"PASSPORT": "P", "ID": "I", "IDCARD": "I", "ID_CARD": "I", "VISA": "V"}

KEY_DTYPE = np.dtype("<u8")
PAYLOAD_DTYPE = np.dtype("<u4")


class SltdError(ValueError):
    """A record or an SLTD file that cannot be used, with the reason."""


def normalise_number(number: str) -> str:
    """Strip MRZ filler '<', spaces, hyphens, dots and slashes; upper case. O/0 stay distinct."""
    out = "".join(ch for ch in str(number).upper() if ch not in "< -./\t")
    if not out or not out.isalnum() or not out.isascii():
        raise SltdError(f"document number {number!r} is empty or has characters other than A-Z, 0-9")
    return out


def normalise_state(state: str) -> str:
    s = str(state).upper().replace("<", "").strip()
    if not (1 <= len(s) <= 3 and s.isalpha() and s.isascii()):
        raise SltdError(f"issuing state {state!r} is not an ICAO 1-3 letter code")
    return s


def normalise_type(doc_type: str) -> str:
    """ICAO document code's first letter (P, I, A, C, V): 'PM', 'P<', 'passport' -> 'P'."""
    t = str(doc_type).upper().replace("<", "").strip()
    t = DOC_TYPE_WORDS.get(t.replace(" ", ""), t)
    if not t or not t[0].isalpha() or not t.isascii():
        raise SltdError(f"document type {doc_type!r} is not an ICAO document code")
    return t[0]


def normalise_key(issuing_state: str, document_type: str, document_number: str) -> str:
    return f"{normalise_state(issuing_state)}|{normalise_type(document_type)}|{normalise_number(document_number)}"


def key_hash(list_key: bytes, issuing_state: str, document_type: str, document_number: str) -> int:
    text = normalise_key(issuing_state, document_type, document_number)
    digest = hashlib.blake2b(text.encode("ascii"), digest_size=8, key=list_key).digest()
    return int.from_bytes(digest, "little")


def parse_status(status: str) -> int:
    s = str(status).strip().lower().replace(" ", "_").replace("-", "_")
    if s not in STATUSES:
        raise SltdError(f"SLTD status {status!r} is not one of {', '.join(STATUSES)} (or 'removed' in a delta)")
    return STATUSES[s]


def parse_day(text: str) -> int:
    text = str(text).strip()
    if not text:
        return 0
    try:
        days = (date.fromisoformat(text) - EPOCH).days
    except ValueError as exc:
        raise SltdError(f"reported_on {text!r} is not a YYYY-MM-DD date") from exc
    if not 0 <= days < 1 << 24:
        raise SltdError(f"reported_on {text!r} is out of range")
    return days


def pack(days: int, status: int) -> int:
    return (days << 8) | status


@dataclass(frozen=True)
class SltdHit:
    status: str
    reported_on: date | None

    def to_dict(self) -> dict:
        return {"status": self.status, "reported_on": self.reported_on.isoformat() if self.reported_on else None}


def unpack(payload: int) -> SltdHit:
    days, status = payload >> 8, payload & 0x7F
    return SltdHit(STATUS_NAMES.get(status, f"code-{status}"), EPOCH + timedelta(days=days) if days else None)


# ---------------------------------------------------------------- building sorted record files
def records_from_rows(rows: Iterable[dict], list_key: bytes, allow_remove: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """CSV rows (issuing_state, document_type, document_number, status, reported_on) -> unsorted
    key and payload arrays. A row with status 'removed' is a removal (deltas only)."""
    from array import array

    keys, payloads = array("Q"), array("I")
    blake = hashlib.blake2b
    state_cache: dict[str, str] = {}
    type_cache: dict[str, str] = {}
    status_cache: dict[str, int] = {}
    day_cache: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        try:
            st = row["issuing_state"]
            s = state_cache.get(st) or state_cache.setdefault(st, normalise_state(st))
            ty = row["document_type"]
            t = type_cache.get(ty) or type_cache.setdefault(ty, normalise_type(ty))
            n = normalise_number(row["document_number"])
            raw_status = row["status"]
            code = status_cache.get(raw_status)
            if code is None:
                if raw_status.strip().lower() == "removed":
                    if not allow_remove:
                        raise SltdError("status 'removed' is only allowed in a delta bundle")
                    code = REMOVED
                else:
                    code = parse_status(raw_status)
                status_cache[raw_status] = code
            rd = row.get("reported_on") or ""
            day = day_cache.get(rd)
            if day is None:
                day = day_cache.setdefault(rd, parse_day(rd))
        except KeyError as exc:
            raise SltdError(f"SLTD CSV line {line}: missing column {exc.args[0]!r}") from None
        except SltdError as exc:
            raise SltdError(f"SLTD CSV line {line}: {exc}") from None
        digest = blake(f"{s}|{t}|{n}".encode("ascii"), digest_size=8, key=list_key).digest()
        keys.append(int.from_bytes(digest, "little"))
        payloads.append((day << 8) | code)
    return np.frombuffer(keys, dtype=KEY_DTYPE), np.frombuffer(payloads, dtype=PAYLOAD_DTYPE)


def sort_unique(keys: np.ndarray, payloads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sort by key; where a key repeats the last record wins (a later report supersedes)."""
    order = np.argsort(keys, kind="stable")
    k, p = keys[order], payloads[order]
    if len(k):
        last = np.ones(len(k), dtype=bool)
        last[:-1] = k[1:] != k[:-1]
        k, p = k[last], p[last]
    return np.ascontiguousarray(k), np.ascontiguousarray(p)


def write_main(path: Path, keys: np.ndarray, payloads: np.ndarray, key_id: bytes) -> None:
    """Write a sorted file (keys must already be sorted and unique)."""
    header = MAGIC + struct.pack("<Q", len(keys)) + key_id[:16].ljust(16, b"\0")
    with open(path, "wb") as fh:
        fh.write(header.ljust(HEADER_SIZE, b"\0"))
        fh.write(keys.astype(KEY_DTYPE, copy=False).tobytes())
        fh.write(payloads.astype(PAYLOAD_DTYPE, copy=False).tobytes())
        fh.flush()
        os.fsync(fh.fileno())


def write_delta(path: Path, keys: np.ndarray, payloads: np.ndarray) -> None:
    with open(path, "wb") as fh:
        fh.write(_interleave(keys, payloads))
        fh.flush()
        os.fsync(fh.fileno())


def _interleave(keys: np.ndarray, payloads: np.ndarray) -> bytes:
    rec = np.empty(len(keys), dtype=np.dtype([("k", "<u8"), ("p", "<u4")]))
    rec["k"], rec["p"] = keys, payloads
    return rec.tobytes()


def read_delta_bytes(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    if len(data) % RECORD_SIZE:
        raise SltdError(f"SLTD delta is {len(data)} bytes, not a whole number of {RECORD_SIZE}-byte records")
    rec = np.frombuffer(data, dtype=np.dtype([("k", "<u8"), ("p", "<u4")]))
    return rec["k"].copy(), rec["p"].copy()


def main_key_id(path: Path) -> bytes:
    with open(path, "rb") as fh:
        head = fh.read(HEADER_SIZE)
    return head[16:32]


def check_main(path: Path) -> int:
    """Validate a main file (size, magic, strictly sorted keys); return its record count."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(HEADER_SIZE)
    if len(head) < HEADER_SIZE or head[:8] != MAGIC:
        raise SltdError(f"{path.name} is not an SLTD file (bad magic)")
    (n,) = struct.unpack("<Q", head[8:16])
    if size != HEADER_SIZE + n * RECORD_SIZE:
        raise SltdError(f"{path.name}: header says {n} records but the file is {size} bytes (truncated?)")
    if n > 1:
        keys = np.memmap(path, dtype=KEY_DTYPE, mode="r", offset=HEADER_SIZE, shape=(n,))
        step = 1 << 24
        for start in range(0, n - 1, step):  # chunked so 1e8 keys do not need 800 MB of temporaries
            chunk = keys[start:min(n, start + step + 1)]
            if not np.all(chunk[1:] > chunk[:-1]):
                raise SltdError(f"{path.name}: keys are not strictly sorted (corrupted file)")
        del keys
    return n


def merge(main_keys: np.ndarray, main_payloads: np.ndarray, d_keys: np.ndarray, d_payloads: np.ndarray):
    """Apply delta records (last wins, REMOVED deletes) to sorted arrays; returns new arrays."""
    dk, dp = sort_unique(d_keys, d_payloads)
    pos = np.searchsorted(main_keys, dk)
    present = pos < len(main_keys)
    present[present] = main_keys[pos[present]] == dk[present]
    keep = np.ones(len(main_keys), dtype=bool)
    keep[pos[present]] = False  # every delta key replaces or removes the old record
    k, p = main_keys[keep], main_payloads[keep]
    add = (dp & REMOVED) == 0
    ak, ap = dk[add], dp[add]
    ins = np.searchsorted(k, ak)
    return np.insert(k, ins, ak), np.insert(p, ins, ap)


# ------------------------------------------------------------------------------- the lookup side
class SltdStore:
    """Read-only view of one list version: memory-mapped main file plus the delta dict."""

    def __init__(self, directory: Path, list_key: bytes):
        self.directory = Path(directory)
        self.list_key = list_key
        main = self.directory / "main.bin"
        self.count = 0
        self._keys = self._payloads = None
        if main.exists():
            with open(main, "rb") as fh:
                head = fh.read(HEADER_SIZE)
            if head[:8] != MAGIC:
                raise SltdError(f"{main} is not an SLTD file")
            (n,) = struct.unpack("<Q", head[8:16])
            self.count = n
            if n:
                self._keys = np.memmap(main, dtype=KEY_DTYPE, mode="r", offset=HEADER_SIZE, shape=(n,))
                self._payloads = np.memmap(main, dtype=PAYLOAD_DTYPE, mode="r", offset=HEADER_SIZE + 8 * n, shape=(n,))
        self._delta: dict[int, int] = {}
        delta = self.directory / "delta.bin"
        if delta.exists():
            dk, dp = read_delta_bytes(delta.read_bytes())
            self._delta = dict(zip(dk.tolist(), dp.tolist()))

    def lookup_hash(self, h: int) -> SltdHit | None:
        if h in self._delta:
            p = self._delta[h]
            return None if p & REMOVED else unpack(p)
        if self._keys is None:
            return None
        k = np.uint64(h)
        i = int(np.searchsorted(self._keys, k))
        if i < self.count and self._keys[i] == k:
            return unpack(int(self._payloads[i]))
        return None

    def lookup(self, issuing_state: str, document_type: str, document_number: str) -> SltdHit | None:
        return self.lookup_hash(key_hash(self.list_key, issuing_state, document_type, document_number))


CSV_COLUMNS = ["issuing_state", "document_type", "document_number", "status", "reported_on"]


PARALLEL_MIN_BYTES = 32 << 20


def records_from_csv(path: Path, list_key: bytes, allow_remove: bool = False, workers: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Fast bulk load of an SLTD CSV: plain ``split(',')`` per line (a line with quotes goes
    through the csv module), per-value caches for state/type/status/date, and one keyed BLAKE2b
    per record from a pre-keyed hasher. Files over 32 MB are split at line boundaries across
    ``workers`` processes (default: CPU count). Same result as ``records_from_rows(iter_csv())``."""
    import csv

    path = Path(path)
    with open(path, "rb") as fh:
        head_line = fh.readline()
        body_start = fh.tell()
        size = fh.seek(0, os.SEEK_END)
    header = next(csv.reader([head_line.decode("utf-8-sig")]), [])
    missing = set(CSV_COLUMNS) - set(h.strip() for h in header)
    if missing:
        raise SltdError(f"SLTD CSV {path} lacks column(s) {', '.join(sorted(missing))}")
    idx = [[h.strip() for h in header].index(c) for c in CSV_COLUMNS]
    workers = workers or (os.cpu_count() or 1)
    if workers < 2 or size - body_start < PARALLEL_MIN_BYTES:
        ranges = [(body_start, size)]
    else:
        ranges, start = [], body_start
        with open(path, "rb") as fh:
            for i in range(1, workers):
                fh.seek(body_start + (size - body_start) * i // workers)
                fh.readline()
                cut = fh.tell()
                if cut > start:
                    ranges.append((start, cut))
                    start = cut
        ranges.append((start, size))
    jobs = [(str(path), a, b, list_key, allow_remove, idx, len(header)) for a, b in ranges]
    if len(jobs) == 1:
        parts = [_load_range(*jobs[0])]
    else:
        import multiprocessing as mp

        with mp.get_context("fork" if os.name == "posix" else "spawn").Pool(len(jobs)) as pool:
            parts = pool.starmap(_load_range, jobs)
    for (a, _), part in zip(ranges, parts):
        if isinstance(part, tuple) and len(part) == 3:  # (error, relative line, None)
            with open(path, "rb") as fh:
                before = fh.read(a).count(b"\n")
            raise SltdError(f"SLTD CSV line {before + part[1]}: {part[0]}")
    keys = np.concatenate([np.frombuffer(k, dtype=KEY_DTYPE) for k, _ in parts])
    payloads = np.concatenate([np.frombuffer(p, dtype=PAYLOAD_DTYPE) for _, p in parts])
    return keys, payloads


def _load_range(path: str, start: int, end: int, list_key: bytes, allow_remove: bool, idx: list[int], width: int):
    """Parse lines in [start, end) of the file; returns (key bytes, payload bytes) or
    (message, 1-based line within the range, None) on bad input."""
    import csv
    from array import array

    keys, payloads = bytearray(), array("I")
    base = hashlib.blake2b(digest_size=8, key=list_key)
    prefix_cache: dict[tuple[str, str], str] = {}
    payload_cache: dict[tuple[str, str], int] = {}
    in_order = idx == [0, 1, 2, 3, 4]
    with open(path, "rb") as fb:
        fb.seek(start)
        data = fb.read(end - start).decode("utf-8")
    # local names: this loop runs 10^8 times for a full list
    new_hasher, add_key, add_payload = base.copy, keys.extend, payloads.append
    get_prefix, get_payload = prefix_cache.get, payload_cache.get
    for rel, line in enumerate(data.splitlines(), start=1):
        if '"' in line:
            fields = next(csv.reader([line]))
        else:
            fields = line.split(",")
        if len(fields) != width:
            if not line.strip():
                continue
            return (f"expected {width} fields, found {len(fields)}", rel, None)
        if in_order:
            st, ty, num, status, rep = fields[:5] if width > 5 else fields
        else:
            st, ty, num, status, rep = [fields[i] for i in idx]
        try:
            prefix = get_prefix((st, ty))
            if prefix is None:
                prefix = prefix_cache.setdefault((st, ty), f"{normalise_state(st)}|{normalise_type(ty)}|")
            n = num.upper() if num.isalnum() and num.isascii() else normalise_number(num)
            payload = get_payload((status, rep))
            if payload is None:
                if status.strip().lower() == "removed":
                    if not allow_remove:
                        raise SltdError("status 'removed' is only allowed in a delta bundle")
                    code = REMOVED
                else:
                    code = parse_status(status)
                payload = payload_cache.setdefault((status, rep), (parse_day(rep) << 8) | code)
        except SltdError as exc:
            return (str(exc), rel, None)
        h = new_hasher()
        h.update((prefix + n).encode("ascii"))
        add_key(h.digest())
        add_payload(payload)
    return bytes(keys), payloads.tobytes()


def iter_csv(path: Path) -> Iterator[dict]:
    import csv

    required = {"issuing_state", "document_type", "document_number", "status", "reported_on"}
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = required - set(reader.fieldnames or [])
        if missing:
            raise SltdError(f"SLTD CSV {path} lacks column(s) {', '.join(sorted(missing))}")
        yield from reader
