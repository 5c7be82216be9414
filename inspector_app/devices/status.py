"""Device status for the UI: one small record per device, updated from driver threads.

States: ``absent`` (never found / gone), ``ready``, ``busy`` (capturing), ``error`` (last
operation failed; ``last_error`` says why, and drivers keep trying to reconnect).
"""
from __future__ import annotations

import threading
import time
from dataclasses import asdict, dataclass, field, replace

STATES = ("absent", "ready", "busy", "error")


@dataclass(frozen=True)
class DeviceStatus:
    kind: str                 # camera | fingerprint | document_reader
    state: str = "absent"
    last_error: str | None = None
    model: str | None = None
    serial: str | None = None
    detail: dict = field(default_factory=dict)   # e.g. port, source, reconnect attempts
    updated_at: float = 0.0   # time.time() of the last change

    def __post_init__(self):
        if self.state not in STATES:
            raise ValueError(f"device state must be one of {STATES}, not {self.state!r}")

    def to_dict(self) -> dict:
        return asdict(self)


class StatusBoard:
    """Thread-safe latest status per device name; listeners are called on every change."""

    def __init__(self):
        self._lock = threading.Lock()
        self._status: dict[str, DeviceStatus] = {}
        self._listeners: list = []

    def subscribe(self, listener) -> None:
        self._listeners.append(listener)

    def update(self, name: str, kind: str, **changes) -> DeviceStatus:
        with self._lock:
            old = self._status.get(name, DeviceStatus(kind=kind))
            if changes.get("state") == "ready" and "last_error" not in changes:
                changes["last_error"] = None
            new = replace(old, **changes, updated_at=time.time())
            self._status[name] = new
        for listener in list(self._listeners):
            listener(name, new)
        return new

    def get(self, name: str) -> DeviceStatus | None:
        with self._lock:
            return self._status.get(name)

    def snapshot(self) -> dict[str, DeviceStatus]:
        with self._lock:
            return dict(self._status)
