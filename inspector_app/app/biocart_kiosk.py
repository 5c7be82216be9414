"""The bio-cart kiosk: a traveller in the queue scans the passport, looks at the camera and puts
two fingers on the scanner, guided in English and Japanese at once (F2 adds one more language).

Thin: the station core (``inspector_app.biocart.station``) reads, scores, signs and keeps the
capture; the camera comes through ``CameraBridge`` and the scanner through ``scan_fingers`` on a
worker lane, so the window never waits for a device. Keys: Enter continues (or takes the photo
now), Esc starts over, F2 changes the extra language. A step the traveller cannot complete is
left to the booth, never a dead end; "done" returns to the start after ``biocart.done_seconds``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from inspector_app.app.forms.ui_biocart_kiosk import Ui_BiocartKiosk
from inspector_app.biocart import instructions

DONE_SECONDS = "biocart.done_seconds"
STEPS = ("passport", "face", "fingers", "saving", "done")


class KioskWindow(QWidget):
    stepChanged = Signal(str)

    def __init__(self, station, runner=None, parent=None):
        super().__init__(parent)
        from inspector_app.app.mrz_input import MrzInput
        from inspector_app.app.workers import Runner

        self.ui = Ui_BiocartKiosk()
        self.ui.setupUi(self)
        self.station = station
        self.runner = runner or Runner(self)
        self.extra: str | None = None
        self.step = ""
        self._generation = 0
        self._camera = None
        self.last_summary: dict | None = None
        self.mrz_input = MrzInput(self)
        self.mrz_input.mrz.connect(self.passport_read)
        port = station.settings.get("devices.serial.port")
        if port:
            self.mrz_input.start_serial(port, int(station.settings.get("devices.serial.baud", 9600)))
        QApplication.instance().installEventFilter(self.mrz_input)
        self.done_timer = QTimer(self, singleShot=True)
        self.done_timer.setInterval(int(float(station.settings.get(DONE_SECONDS, 8)) * 1000))
        self.done_timer.timeout.connect(self.start_over)
        for key, slot in ((Qt.Key.Key_Escape, self.start_over), (Qt.Key.Key_F2, self.next_language),
                          (Qt.Key.Key_Return, self.continue_), (Qt.Key.Key_Enter, self.continue_)):
            QShortcut(QKeySequence(key), self, activated=slot)
        self.ui.next.clicked.connect(self.continue_)
        self.ui.startOver.clicked.connect(self.start_over)
        self.ui.language.clicked.connect(self.next_language)
        self.ui.mrzEdit.textChanged.connect(self._typed)
        self.start_over()

    # ---- what the screen says ----------------------------------------------------------------
    def _say(self, lines: list[str], status: str = "") -> None:
        english, japanese, *rest = [*lines, "", ""][:3]
        self.ui.english.setText(english)
        self.ui.japanese.setText(japanese)
        self.ui.other.setText(rest[0] if rest else "")
        self.ui.status.setText(status)

    def _texts(self) -> None:
        self.ui.title.setText("  ·  ".join(instructions.say("title")))
        self.ui.next.setText(" / ".join(instructions.say("continue")))
        self.ui.startOver.setText(" / ".join(instructions.say("start_over")) + "  (Esc)")
        self.ui.language.setText("F2  " + (instructions.LANGUAGE_NAMES[self.extra] if self.extra else "+ 中文 한국어 …"))

    def _set_step(self, step: str, lines: list[str], status: str = "") -> None:
        self.step = step
        shown = STEPS.index(step) + 1 if step in STEPS[:3] else None
        self.ui.stepLabel.setText(f"{shown} / 3" if shown else "")
        self.ui.progress.setValue({"passport": 0, "face": 33, "fingers": 66, "saving": 90, "done": 100}[step])
        self.ui.mrzEdit.setVisible(step == "passport")
        self.ui.next.setVisible(step in ("passport", "face", "done"))
        self._say(lines, status)
        self.stepChanged.emit(step)

    def next_language(self) -> None:
        order = (None, *instructions.EXTRA)
        self.extra = order[(order.index(self.extra) + 1) % len(order)]
        self._texts()
        self._say(self._current_lines(), self.ui.status.text())

    def _current_lines(self) -> list[str]:
        if self.step == "fingers" and getattr(self, "_finger", None):
            return instructions.finger(self._finger, self.extra)
        return instructions.say(self._text_key, self.extra)

    def _show(self, step: str, key: str, status: str = "") -> None:
        self._text_key, self._finger = key, None
        self._set_step(step, instructions.say(key, self.extra), status)

    # ---- the steps ---------------------------------------------------------------------------
    def start_over(self) -> None:
        self._generation += 1
        self.done_timer.stop()
        self._stop_camera()
        self._mrz, self._face = "", None
        self.ui.picture.clear()
        self.ui.mrzEdit.blockSignals(True)
        self.ui.mrzEdit.clear()
        self.ui.mrzEdit.blockSignals(False)
        self._texts()
        self._show("passport", "passport")
        self.ui.mrzEdit.setFocus()

    def continue_(self) -> None:
        if self.step == "passport" and self.ui.mrzEdit.toPlainText().strip():
            self.passport_read(self.ui.mrzEdit.toPlainText())
        elif self.step == "face" and self._camera is not None:
            self._camera.capture_now()
        elif self.step == "done":
            self.start_over()

    def _typed(self) -> None:
        from inspector_app.devices.mrz_reader import MrzLineAssembler

        assembler = MrzLineAssembler()
        for line in self.ui.mrzEdit.toPlainText().splitlines():
            found = assembler.feed(line)
            if found:
                self.passport_read(found)
                return

    def passport_read(self, text: str) -> None:
        from inspector_app.biocart.station import StationError

        if self.step != "passport":
            return
        try:
            self.station.read_passport(text)
        except StationError:
            self._show("passport", "passport_again")
            return
        self._mrz = text
        self._start_face()

    def _start_face(self) -> None:
        from inspector_app.app.camera_bridge import CameraBridge
        from inspector_app.devices import config

        self._show("face", "face")
        settings = self.station.settings
        bridge = CameraBridge(lambda **kw: config.camera(settings, **kw), self)
        generation = self._generation
        bridge.frame.connect(lambda image, info: generation == self._generation and
                             self.ui.picture.setPixmap(QPixmap.fromImage(image)))
        bridge.captured.connect(lambda shot: self._face_taken(generation, shot))
        bridge.failed.connect(lambda problem: self._face_failed(generation, problem))
        self._camera = bridge
        bridge.start(self.runner)

    def _stop_camera(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera = None

    def _face_taken(self, generation: int, shot: dict) -> None:
        if generation != self._generation:
            return
        self._stop_camera()
        self._face = shot["image"]
        self.ui.picture.setPixmap(QPixmap.fromImage(shot["qimage"]))
        self._start_fingers()

    def _face_failed(self, generation: int, problem: str) -> None:
        if generation != self._generation:
            return
        self._stop_camera()
        self._start_fingers(" ".join(instructions.say("trouble")))

    def _start_fingers(self, status: str = "") -> None:
        from inspector_app.biocart.station import scan_fingers

        self._show("fingers", "fingers", status)
        generation = self._generation
        settings = self.station.settings
        self.runner.start("biocart-fingers", lambda ctx: scan_fingers(settings, on_finger=lambda p: ctx.progress(66, p)),
                          lane="devices", on_progress=lambda _pct, position: self._finger_asked(generation, position),
                          on_result=lambda got: self._fingers_taken(generation, *got),
                          on_error=lambda problem: self._fingers_taken(generation, {}, {}, problem))

    def _finger_asked(self, generation: int, position: str) -> None:
        if generation == self._generation and self.step == "fingers":
            self._finger = position
            self._say(instructions.finger(position, self.extra))

    def _fingers_taken(self, generation: int, images: dict, exceptions: dict, problem: str = "") -> None:
        if generation != self._generation:
            return
        self._show("saving", "saving")
        mrz_text, face = self._mrz, self._face
        self.runner.start("biocart-save", lambda ctx: self.station.capture(mrz_text, face, images, exceptions),
                          on_result=lambda summary: self._saved(generation, summary),
                          on_error=lambda _problem: self._saved(generation, None))

    def _saved(self, generation: int, summary: dict | None) -> None:
        if generation != self._generation:
            return
        self.last_summary = summary
        self._show("done", "done" if summary else "trouble")
        self.done_timer.start()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        self._generation += 1
        self._stop_camera()
        QApplication.instance().removeEventFilter(self.mrz_input)
        self.mrz_input.stop()
        super().closeEvent(event)


def run_kiosk(home: Path, language: str | None = None, serve: bool = True, argv: list[str] | None = None) -> int:
    """The kiosk window on the station in ``home``, serving its captures to paired booths unless
    ``serve`` is False (another process serves them: ``inspector-app biocart serve``)."""
    from inspector_app.app.launch import make_app
    from inspector_app.biocart import server
    from inspector_app.biocart.station import HOST, PORT, Station

    app = make_app(argv)
    station = Station(home)
    running = server.start_in_thread(station, str(station.setting(HOST)), int(station.setting(PORT))) if serve else None
    try:
        window = KioskWindow(station)
        if language in instructions.EXTRA:
            window.extra = language
            window.start_over()
        window.resize(1366, 768)
        window.showMaximized()
        return app.exec()
    finally:
        if running is not None:
            running.stop()
