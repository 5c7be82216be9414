"""What the UI shows about sync, persisted in ``home/sync/state.json`` so that a restarted booth
(or the CLI) still knows when the last success was."""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from inspector_app.sync.config import sync_dir


@dataclass
class SyncState:
    online: bool = False
    last_success: str | None = None
    last_attempt: str | None = None
    last_error: str | None = None
    bundle_version: int = 0
    last_bundle_refusal: dict | None = None
    pushed_total: int = 0
    review_cursor: int = 0
    manifest_cursor: int = 0   # the hub's seq of the last pre-arrival manifest pulled
    last_users_refusal: str | None = None

    @classmethod
    def load(cls, home: Path) -> SyncState:
        path = sync_dir(home) / "state.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def save(self, home: Path) -> None:
        d = sync_dir(home)
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".state-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(self), fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, d / "state.json")


@dataclass
class SyncStatus:
    """For the UI: online/offline, last success, records queued (and why it last failed)."""
    online: bool
    last_success: str | None
    queued: int
    last_error: str | None = None
    bundle_version: int = 0
    last_bundle_refusal: dict | None = None
    quarantined: int = 0
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        d.update(d.pop("extra"))
        return d


def snapshot(home: Path) -> dict:
    """For a status bar: cheap (one small JSON file, no store, no network). ``queued`` comes from
    the store the UI already has open (``Store.outbox_count()``)."""
    st = SyncState.load(home)
    return {"online": st.online, "last_sync": st.last_success, "last_attempt": st.last_attempt,
            "sync_error": st.last_error, "bundle_refusal": st.last_bundle_refusal, "users_refusal": st.last_users_refusal}
