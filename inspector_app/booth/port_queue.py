"""One signed-in supervisor's copy of the port's open queue, kept current by change cursor.

The hub's queue of a port holds thousands of items at a busy airport and the window polls every
two seconds: reading it all each time cost megabytes and seconds. The first read pages through the
open items (summaries, no payloads); every later one asks only for what changed since the cursor
the first page carried, so an item that arrives or is reviewed while the pages are read is still
seen. Reviewed items leave the copy.
"""
from __future__ import annotations

import threading

PAGE = 500
CHANGES = 1000


class PortQueue:
    """Items by (booth_id, record_id) and the change cursor. ``refresh`` is safe from any thread
    (one at a time: a second caller waits and then asks only for what is newer still)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._items: dict[tuple[str, str], dict] = {}
        self._cursor: int | None = None

    def refresh(self, client, user: str, key) -> list[dict]:
        """Bring the copy up to date through ``client`` (a ``SyncClient``) and return the open
        items, oldest first. A failure part-way keeps what was complete (the first read is
        kept only whole; each batch of changes is applied with its own cursor)."""
        with self._lock:
            if self._cursor is None:
                self._first_read(client, user, key)
            while True:
                changes = client.port_queue_changes(user, key, self._cursor, CHANGES)
                self._merge(changes["items"])
                self._cursor = changes["cursor"]
                if len(changes["items"]) < CHANGES:
                    break
            return sorted(self._items.values(), key=lambda i: (str(i.get("created_at") or ""),
                                                               str(i.get("booth_id")), str(i.get("record_id"))))

    def _first_read(self, client, user: str, key) -> None:
        items: dict[tuple[str, str], dict] = {}
        page = client.port_queue_page(user, key, "open", limit=PAGE)
        cursor = page["cursor"]  # changes after it: what the pages below may have missed
        while True:
            items.update({_key(i): i for i in page["items"]})
            if not page["next"]:
                break
            page = client.port_queue_page(user, key, "open", after=page["next"], limit=PAGE)
        self._items, self._cursor = items, int(cursor)

    def _merge(self, changed: list[dict]) -> None:
        for item in changed:
            if item.get("status") == "open":
                self._items[_key(item)] = item
            else:
                self._items.pop(_key(item), None)


def _key(item: dict) -> tuple[str, str]:
    return str(item.get("booth_id")), str(item.get("record_id"))
