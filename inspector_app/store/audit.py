"""The audit log's hash chain: how an entry is hashed and how a broken chain is diagnosed.

Each entry stores ``prev_hash`` (the previous entry's hash, or ``GENESIS`` for the first) and
``hash = SHA-256(prev_hash + canonical JSON of {at, event, actor, payload})``. The sequence number
is deliberately not hashed: the order is carried by the links, so a moved row shows up as a
link that points elsewhere ("reordered") instead of as a changed row.

``find_first_break`` walks the rows in ``seq`` order and names the first problem:
- ``edited``: an entry's content no longer matches its hash (or it was rewritten with a new hash,
  so the next entry no longer points at it);
- ``deleted``: an entry points at a hash no row has and the sequence numbers have a gap (or the
  highest number ever issued, kept by SQLite's AUTOINCREMENT, is above the last row);
- ``reordered``: an entry points at a row that is not its predecessor but comes later, or its
  content belongs to another position in the chain;
- ``inserted``: a row the chain skips (the next entry points past it) or rows between an entry
  and the one it points back to.
A SHA-256 chain without a secret cannot stop someone who rewrites every later entry; the hub
receives the head hash with each decision (see ``Store.record_decision``) as an outside anchor.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from inspector_app.common.canonical import to_json

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: str
    event: str
    actor: str
    payload: str  # canonical JSON text as stored
    prev_hash: str
    hash: str


def entry_hash(prev_hash: str, at: str, event: str, actor: str, payload: Any) -> str:
    body = to_json({"at": at, "event": event, "actor": actor, "payload": payload})
    return hashlib.sha256(prev_hash.encode("ascii", "replace") + body.encode("utf-8")).hexdigest()


def _content_hash(row: AuditRow, prev_hash: str | None = None) -> str | None:
    try:
        payload = json.loads(row.payload)
    except (TypeError, ValueError):
        return None
    return entry_hash(row.prev_hash if prev_hash is None else prev_hash, row.at, row.event, row.actor, payload)


def _broken(kind: str, rows: Sequence[AuditRow], i: int, detail: str, **extra) -> dict:
    at = rows[i] if 0 <= i < len(rows) else None
    out = {"kind": kind, "position": i + 1, "seq": at.seq if at else None, "detail": detail}
    out.update(extra)
    return out


def find_first_break(rows: Sequence[AuditRow], max_seq_issued: int | None = None) -> dict | None:
    """The first broken link as a dict (kind, position (1-based), seq, detail), or None."""
    by_hash = {GENESIS: -1}  # pointing at the genesis makes every row before it an intruder
    by_hash.update({row.hash: i for i, row in enumerate(rows)})
    expected = GENESIS
    prev_seq = 0
    for i, row in enumerate(rows):
        content_ok = _content_hash(row) == row.hash
        link_ok = row.prev_hash == expected
        if content_ok and link_ok:
            expected, prev_seq = row.hash, row.seq
            continue
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if not content_ok:
            return _diagnose_content(rows, i, expected, nxt)
        # The content is intact but the entry points somewhere other than its predecessor.
        j = by_hash.get(row.prev_hash)
        if j is not None and j > i:
            return _broken("reordered", rows, i, f"entry seq {row.seq} belongs after seq {rows[j].seq}")
        if j is not None and j < i - 1:
            inserted = [r.seq for r in rows[j + 1 : i]]
            return _broken(
                "inserted", rows, j + 1,
                f"entries seq {inserted} are not part of the chain "
                f"(seq {row.seq} points back to {'the start' if j < 0 else f'seq {rows[j].seq}'})",
                inserted_seqs=inserted,
            )
        if row.seq > prev_seq + 1:
            missing = list(range(prev_seq + 1, row.seq))
            out = _broken(
                "deleted", rows, i,
                f"entries seq {missing[0]}..{missing[-1]} are missing before seq {row.seq}",
                missing_seqs=missing, next_seq=row.seq,
            )
            out["seq"] = missing[0]
            return out
        if i > 0:
            return _broken(
                "edited", rows, i - 1,
                f"entry seq {rows[i - 1].seq} was rewritten (seq {row.seq} no longer points at it)",
            )
        return _broken("edited", rows, i, f"entry seq {row.seq} does not start the chain")
    if max_seq_issued is not None and rows and max_seq_issued > rows[-1].seq:
        missing = list(range(rows[-1].seq + 1, max_seq_issued + 1))
        return {
            "kind": "deleted", "position": len(rows) + 1, "seq": missing[0], "missing_seqs": missing,
            "detail": f"entries seq {missing[0]}..{missing[-1]} were removed from the end of the log",
        }
    if max_seq_issued and not rows:
        return {"kind": "deleted", "position": 1, "seq": 1, "detail": "every audit entry was removed"}
    return None


def _diagnose_content(rows: Sequence[AuditRow], i: int, expected: str, nxt: AuditRow | None) -> dict:
    row = rows[i]
    # Content that belongs elsewhere in the chain: rows swapped.
    for j, other in enumerate(rows):
        if j != i and _content_hash(row, other.prev_hash) == other.hash:
            return _broken("reordered", rows, i, f"entry seq {row.seq} holds the content of seq {other.seq}",
                           content_of_seq=other.seq)
    if nxt is not None and nxt.prev_hash == expected and nxt.prev_hash != row.hash:
        return _broken("inserted", rows, i, f"entry seq {row.seq} is not part of the chain (seq {nxt.seq} skips it)",
                       inserted_seqs=[row.seq])
    if nxt is None and row.prev_hash != expected:
        return _broken("inserted", rows, i, f"entry seq {row.seq} neither matches its hash nor links to seq before it",
                       inserted_seqs=[row.seq])
    return _broken("edited", rows, i, f"entry seq {row.seq} does not match its hash")
