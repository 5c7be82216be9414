"""What the status bar shows: devices, online/offline, last sync + queued records, list age."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from inspector_app.app.backend import Backend
from inspector_app.app.workers import Runner


class StatusViewModel(QObject):
    changed = Signal(dict)

    def __init__(self, backend: Backend, runner: Runner, parent=None, poll_ms: int = 5000):
        super().__init__(parent)
        self.backend, self.runner = backend, runner
        self.state: dict = {"camera": "unknown", "fingerprint": "unknown", "online": None,
                            "last_sync": None, "queued": None, "list_age_hours": None, "list_stale": None}
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.refresh)
        self._busy = False

    def start(self) -> None:
        self.refresh()
        self._timer.start()

    def update(self, **values) -> None:
        self.state.update(values)
        self.changed.emit(dict(self.state))

    def refresh(self) -> None:
        if self._busy:
            return
        self._busy = True

        def done(values):
            self._busy = False
            self.update(**values)

        def failed(_message):
            self._busy = False

        self.runner.start("status", lambda ctx: self.backend.status_snapshot(), lane="store",
                          on_result=done, on_error=failed)
        self.runner.start("lists", lambda ctx: self.backend.list_info(), lane="screening",
                          on_result=lambda lists: self.update(list_age_hours=lists.get("age_hours"),
                                                              list_stale=lists.get("stale"),
                                                              list_version=lists.get("version")),
                          on_error=lambda _m: None)
