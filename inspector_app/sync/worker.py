"""Background sync for the booth: push/pull every ``interval`` seconds, back off on failure.

The UI calls ``nudge()`` after saving a decision (push now rather than at the next tick) and
reads ``status()``, or passes ``on_status`` to be told after every attempt (from this thread).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from inspector_app.sync.backoff import Backoff
from inspector_app.sync.client import RetryLater, SyncClient, SyncError
from inspector_app.sync.state import SyncStatus

log = logging.getLogger("inspector_app.sync")


def delay_after(exc: SyncError, backoff: Backoff) -> float:
    """How long a booth waits after a failed attempt. The hub said when (``RetryLater``): its
    Retry-After plus up to half again, so booths told together do not come back together; that is
    no failure of the booth's, so its back-off does not grow. Otherwise the booth's own back-off."""
    if isinstance(exc, RetryLater):
        return exc.retry_after * backoff.rng.uniform(1.0, 1.5)
    return backoff.next_delay()


class SyncWorker:
    def __init__(self, client: SyncClient, interval: float = 30.0, backoff: Backoff | None = None,
                 on_status: Callable[[SyncStatus], None] | None = None):
        self.client = client
        self.interval = interval
        self.backoff = backoff or Backoff()
        self.on_status = on_status
        self.attempts = self.failures = 0
        self.last_report: dict | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> SyncWorker:
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 30) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)

    def nudge(self) -> None:
        self._wake.set()

    def status(self) -> SyncStatus:
        with self._lock:
            return self.client.status()

    def run_once(self) -> float:
        """One attempt; returns how long to wait before the next one."""
        with self._lock:
            self.attempts += 1
            try:
                self.last_report = self.client.sync_once()
                self.backoff.reset()
                # +-10 % so that booths started together do not stay in step
                delay = self.interval * self.backoff.rng.uniform(0.9, 1.1)
            except SyncError as exc:
                self.failures += 1
                delay = delay_after(exc, self.backoff)
                log.log(logging.INFO if isinstance(exc, RetryLater) else logging.WARNING,
                        "sync failed (%s); next try in %.2fs", exc, delay)
            except Exception as exc:  # noqa: BLE001 - a surprise must not kill the background thread
                self.failures += 1
                delay = self.backoff.next_delay()
                self.client._fail(RuntimeError(f"unexpected {type(exc).__name__}: {exc}"))
                log.exception("sync failed unexpectedly; next try in %.2fs", delay)
            try:
                status = self.client.status()
            except Exception:  # noqa: BLE001 - e.g. the window closed the store under a stopping worker
                if not self._stop.is_set():
                    log.exception("sync status could not be read")
                return delay
        if self.on_status:
            self.on_status(status)
        return delay

    def _run(self) -> None:
        while not self._stop.is_set():
            delay = self.run_once()
            self._wake.wait(delay)
            self._wake.clear()
