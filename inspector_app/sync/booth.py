"""Open what a booth's sync needs: its encrypted store (the outbox) and its sync settings."""
from __future__ import annotations

from pathlib import Path


class BoothStoreUnavailable(RuntimeError):
    """The booth's store cannot be opened; the message carries the store's reason."""


def open_booth_store(home: Path):
    from inspector_app.store import open_store

    try:
        return open_store(Path(home))
    except Exception as exc:  # noqa: BLE001 - wrong key, missing keyring, corrupt file: show why
        raise BoothStoreUnavailable(f"cannot open the booth store in {home}: {exc}") from exc
