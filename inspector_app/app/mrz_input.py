"""Document readers into the examination: keyboard wedge (any focus) and serial readers.

Recognising an MRZ burst is devices.mrz_reader's job; this module only feeds it Qt key events
(application-wide, so the reader works wherever the focus is) and hands a complete MRZ to the
examination on the UI thread through a queued signal.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal


class MrzInput(QObject):
    mrz = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        from inspector_app.devices.mrz_reader import WedgeBurstDetector

        self.wedge = WedgeBurstDetector()
        self.serial = None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.KeyPress and not event.isAutoRepeat():
            key = event.key()
            text = "Enter" if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) else event.text()
            if text:
                found = self.wedge.feed(text, time.monotonic())
                if found:
                    self.mrz.emit(found)
        return False

    def start_serial(self, port: str, baud: int = 9600) -> None:
        from inspector_app.devices.mrz_reader import SerialMrzReader

        # on_mrz runs on the reader's thread; the signal queues it to the UI thread
        self.serial = SerialMrzReader(port, baud, on_mrz=self.mrz.emit).start()

    def stop(self) -> None:
        if self.serial is not None:
            self.serial.stop()
            self.serial = None
