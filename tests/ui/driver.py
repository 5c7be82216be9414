"""Drive the real window through an examination, as an inspector would, from a script.

A test harness, not shipped in the package. Used by the end-to-end tests, the screenshot script
(build/screenshots.py) and the UI-stall benchmark (benchmarks/ui_stall.py), which import it as
``tests.ui.driver`` with the checkout on sys.path, so all three exercise the same path: widgets
are filled and clicked, and the driver waits (pumping the Qt event loop) for the view models to
report that workers finished.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer


class DriverTimeout(AssertionError):
    pass


class Driver:
    def __init__(self, window, services=None, timeout_s: float = 60.0):
        self.w, self.services, self.timeout_s = window, services, timeout_s
        self.errors: list[str] = []
        window.exam_vm.error.connect(self.errors.append)
        window.supervisor_vm.error.connect(self.errors.append)
        window.session.loginFailed.connect(self.errors.append)

    # ---- waiting ----
    def pump(self, ms: int = 50) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait(self, predicate, what: str, timeout_s: float | None = None) -> None:
        deadline = time.monotonic() + (timeout_s or self.timeout_s)
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if predicate():
                return
            self.pump(20)
        raise DriverTimeout(f"timed out waiting for {what}; errors so far: {self.errors}")

    def idle(self) -> None:
        self.wait(lambda: not self.w.runner.busy(), "background work to finish")

    def failed_since(self, mark: int):
        """A condition: an error arrived after ``mark`` (len(self.errors) when the step began).
        An error of an earlier step must not end the wait of a later one."""
        return lambda: len(self.errors) > mark

    # ---- session ----
    def login(self, user: str, password: str) -> None:
        ls = self.w.login_screen
        ls.user.setText(user)
        ls.password.setText(password)
        ls.button.click()
        self.wait(lambda: self.w.session.user is not None, f"{user} to be signed in")

    def logout(self) -> None:
        self.w.session.logout()
        self.idle()

    # ---- examination ----
    def present(self, key: str) -> dict:
        """A demo traveller steps up: images on the simulators, passport on the reader."""
        t = self.services.select(key, self.w.backend.settings)
        self.read_mrz(t["mrz"])
        return t

    def read_mrz(self, mrz: str) -> None:
        vm, e = self.w.exam_vm, self.w.exam_screen
        failed = self.failed_since(len(self.errors))
        e.mrz.edit.setPlainText(mrz)
        e.mrz.read_button.click()
        self.wait(lambda: vm.examination_id is not None or failed(), "the examination to start")
        self.wait(lambda: any(c["kind"] == "biographic" for c in vm.checks) or failed(), "document checks")
        self.idle()

    def capture_face(self) -> None:
        """The face: in auto mode the camera started itself when the document was read and
        captures by itself; otherwise the inspector presses Camera. Waits on what the examination
        records, never on time."""
        vm = self.w.exam_vm
        failed = self.failed_since(len(self.errors))
        if not vm.auto_devices and vm.face.get("state") not in ("captured", "encoding"):
            self.w.exam_screen.capture.start_button.click()
        self.wait(lambda: vm.face.get("state") in ("captured", "error") or failed(), "a face capture")
        self.wait(lambda: vm.face_template is not None or vm.face.get("state") == "error" or failed(),
                  "the face template")
        self.wait(lambda: any(c["kind"] == "face" for c in vm.checks) or failed(), "face screening")
        self.idle()

    def capture_fingers(self) -> None:
        """The fingers: in auto mode the capture started itself when the document was read."""
        vm = self.w.exam_vm
        failed = self.failed_since(len(self.errors))
        if not vm.auto_devices and vm.fingers.get("state") != "capturing":
            self.w.exam_screen.capture.fingers_button.click()
        self.wait(lambda: vm.fingers.get("state") in ("captured", "error") or failed(), "fingerprints")
        if vm.finger_templates:
            self.wait(lambda: any(c["kind"] == "fingerprint" for c in vm.checks) or failed(),
                      "fingerprint screening")
        self.idle()

    def exempt(self, reason: str) -> None:
        combo = self.w.exam_screen.capture.exemption
        combo.setCurrentIndex(combo.findData(reason))
        combo.activated.emit(combo.currentIndex())
        self.idle()

    def decide(self, type: str, status: str | None = None, period: str | None = None,
               reasons: list[str] | None = None, details: dict | None = None) -> dict:
        """Choose in the decision panel; ``details`` are filled in their order (a field that
        depends on an earlier choice, the permit's number after its kind, appears on that choice)."""
        d = self.w.exam_screen.decision
        d.type.setCurrentIndex(d.type.findData(type))
        if status is not None:
            d.status.setCurrentIndex(d.status.findData(status))
        if period is not None:
            d.period.setCurrentIndex(d.period.findData(period))
        if reasons:
            d.reasons.setPlainText("\n".join(reasons))
        for key, value in (details or {}).items():
            self.detail(key, value)
        self.idle()   # the store's rules are asked on the store lane
        return d.state

    def detail(self, key: str, value: str) -> None:
        """One detail field: a choice by its value, or text typed."""
        from PySide6.QtWidgets import QComboBox

        editor = self.w.exam_screen.decision.details.editor(key)
        assert editor is not None, f"no detail field {key!r}; shown: {list(self.w.exam_screen.decision.details.editors)}"
        if isinstance(editor, QComboBox):
            i = editor.findData(value)
            assert i >= 0, f"{key}: {value!r} is not offered"
            editor.setCurrentIndex(i)
        else:
            editor.setText(value)

    def save(self) -> dict:
        vm = self.w.exam_vm
        failed = self.failed_since(len(self.errors))
        self.w.exam_screen.decision.save_button.click()
        from inspector_app.booth.examination import SEALED

        sealed = {t.value for t in SEALED}
        self.wait(lambda: vm.saved_record is not None and (
            vm.saved_record.get("seal_path") or vm.saved_record["decision"]["type"] not in sealed) or failed(),
            "the save")
        self.idle()
        return dict(vm.saved_record or {})

    def next(self) -> None:
        self.w.exam_screen.decision.next_button.click()
        self.idle()
