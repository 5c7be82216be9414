"""The supervisor's pre-arrival manifests: the list, the selected one's people (flagged first),
and a file imported from a USB stick.

As on the supervisor screen, the people shown are those of the manifest selected: ``select``
empties the detail at once and an answer for a manifest no longer selected is dropped.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from inspector_app.app.backend import Backend
from inspector_app.app.workers import Runner


class ManifestViewModel(QObject):
    manifestsChanged = Signal(list)
    detailChanged = Signal(dict)
    #: ``Backend.import_manifest``'s answer: imported, duplicate or refused (with the reason)
    importFinished = Signal(dict)
    error = Signal(str)

    def __init__(self, backend: Backend, runner: Runner, parent=None, poll_ms: int = 5000):
        super().__init__(parent)
        self.backend, self.runner = backend, runner
        self.user = ""
        self.manifests: list[dict] = []
        self.detail: dict = {}
        self.selected: str | None = None
        self.importing = False
        self._refreshing = False
        self._generation = 0   # moved on at sign-out: a late answer is dropped
        # a manifest arriving from the watched folder or the hub shows up while the screen is open
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.refresh)

    def start(self) -> None:
        self.refresh()
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()

    def refresh(self) -> None:
        if self._refreshing:
            return
        self._refreshing = True
        gen = self._generation

        def done(items):
            self._refreshing = False
            if gen != self._generation:
                return
            self.manifests = list(items or [])
            self.manifestsChanged.emit(self.manifests)
            ids = [m["manifest_id"] for m in self.manifests]
            if self.selected not in ids:
                self.select(ids[0] if ids else None)

        def failed(message):
            self._refreshing = False
            self.error.emit(message)

        self.runner.start(self.tr("The manifests could not be read"), lambda ctx: self.backend.manifests(),
                          lane="store", on_result=done, on_error=failed)

    def select(self, manifest_id: str | None) -> None:
        if manifest_id == self.selected and (self.detail or manifest_id is None):
            return
        self.selected, self.detail = manifest_id, {}
        self.detailChanged.emit(self.detail)
        if manifest_id is None:
            return

        gen = self._generation

        def loaded(detail):
            if gen == self._generation and manifest_id == self.selected:
                self.detail = detail
                self.detailChanged.emit(self.detail)

        self.runner.start(self.tr("The manifest could not be read"), lambda ctx: self.backend.manifest(manifest_id),
                          lane="store", on_result=loaded, on_error=self.error.emit)

    def import_file(self, path: str) -> None:
        if self.importing:
            return
        self.importing = True
        gen = self._generation

        def done(answer):
            self.importing = False
            if gen != self._generation:
                return
            self.importFinished.emit(answer)
            if answer["manifest_id"]:
                self.selected, self.detail = None, {}
                self.select(answer["manifest_id"])
                self.refresh()

        def failed(message):
            self.importing = False
            self.error.emit(message)

        self.runner.start(self.tr("The manifest file could not be imported"),
                          lambda ctx: self.backend.import_manifest(path, self.user or "supervisor"),
                          lane="store", on_result=done, on_error=failed)

    def clear(self) -> None:
        """Signed out: nobody's passenger lists stay on the screen."""
        self.stop()
        self._generation += 1
        self.user, self.manifests, self.detail, self.selected = "", [], {}, None
        self.manifestsChanged.emit(self.manifests)
        self.detailChanged.emit(self.detail)
