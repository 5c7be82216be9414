"""Camera frames from the device thread to the UI thread, plus auto-capture.

The camera calls ``on_frame`` on its own thread. Conversion to a small preview QImage (with
the face box drawn) happens there too, and a frame is only sent when the previous one has been
shown, so a slow UI never builds a queue and the UI thread does nothing but set a pixmap.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen

PREVIEW_WIDTH = 480
# Face detection runs on the camera's thread and dlib holds the GIL while it works: a smaller
# detection image and detecting on every third frame keep each hold short (see ui_stall).
DETECT_MAX_SIDE = 360
DETECT_EVERY = 3


def bgr_to_qimage(image, max_width: int = PREVIEW_WIDTH, box=None, ok: bool | None = None) -> QImage:
    import cv2

    h, w = image.shape[:2]
    scale = min(1.0, max_width / float(w))
    if scale < 1.0:
        image = cv2.resize(image, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA)
    rgb = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
    qimg = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888).copy()
    if box is not None:
        top, right, bottom, left = _trbl(box)
        painter = QPainter(qimg)
        # colour and line style both change: dashed means "not yet good enough"
        pen = QPen(QColor("#1a7f37") if ok else QColor("#b35900"), 3,
                   Qt.PenStyle.SolidLine if ok else Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(int(left * scale), int(top * scale), int((right - left) * scale), int((bottom - top) * scale))
        painter.end()
    return qimg


def _trbl(box):
    """Face boxes come as face_recognition's (top, right, bottom, left) or as an object."""
    if hasattr(box, "top"):
        return box.top, box.right, box.bottom, box.left
    return tuple(int(v) for v in box)


class CameraBridge(QObject):
    frame = Signal(object, dict)
    captured = Signal(dict)
    failed = Signal(str)     # the camera cannot be used (it could not be opened, a frame broke)
    trouble = Signal(str)    # the camera stalled or dropped: it reopens by itself; say so, keep going

    def __init__(self, open_camera, parent=None, window_s: float = 2.0):
        """``open_camera(**overrides)`` makes the booth's camera (``BoothContext.camera``)."""
        super().__init__(parent)
        self.open_camera = open_camera
        self.window_s = window_s
        self._camera = None
        self._shown = threading.Event()
        self._shown.set()
        self._force = threading.Event()
        self._done = threading.Event()
        self._auto = None
        self._last_quality = None
        self.frame.connect(lambda *_: self._shown.set())

    def start(self, runner) -> None:
        def open_and_start(ctx):
            cam = self.open_camera(detect_max_side=DETECT_MAX_SIDE, detect_every=DETECT_EVERY)
            if self._done.is_set():  # Next was pressed while the camera was opening
                return False
            self._camera = cam
            # a stall (no frame for stall_timeout_s) is reported and the camera reopens its source
            # by itself: a busy machine or a loose cable must not end the capture
            cam.start(self._on_frame, on_error=lambda exc: self.trouble.emit(str(exc)))
            if self._done.is_set():
                self._stop_in_background(cam)
            return True

        runner.start("camera", open_and_start, lane="devices", on_error=self.failed.emit)

    def stop(self) -> None:
        """Stop delivering at once; the device itself is released off the UI thread (joins)."""
        self._done.set()
        cam, self._camera = self._camera, None
        if cam is not None:
            self._stop_in_background(cam)

    @staticmethod
    def _stop_in_background(cam) -> None:
        def stop():
            try:
                cam.stop()
            except Exception:  # noqa: BLE001 - stopping a dead camera is not an error
                pass

        threading.Thread(target=stop, name="camera-stop", daemon=True).start()

    def capture_now(self) -> None:
        """Manual capture: take the best frame seen so far, passing or not."""
        self._force.set()

    # runs on the camera thread
    def _on_frame(self, frame) -> None:
        if self._done.is_set():
            return
        try:
            self._handle(frame)
        except Exception as exc:  # noqa: BLE001 - a bad frame must reach the inspector, not kill the thread
            self._done.set()
            self.failed.emit(f"camera frame could not be processed: {exc}")

    def _handle(self, frame) -> None:
        if self._auto is None:
            from inspector_app.devices.autocapture import AutoCapture

            self._auto = AutoCapture(window_s=self.window_s)
        quality = getattr(frame, "quality", None)
        if quality is None:  # detection runs on some frames only; the last verdict still holds
            quality = self._last_quality
        else:
            self._last_quality = quality
        passes = bool(getattr(quality, "passes", False))
        box = getattr(frame, "face_box", None)
        if self._shown.is_set():
            self._shown.clear()
            self.frame.emit(bgr_to_qimage(frame.image, box=box, ok=passes),
                            {"passes": passes, "reasons": list(getattr(quality, "reasons", []) or []),
                             "face": box is not None})
        if self._force.is_set():
            shot = self._auto.manual(frame)
        else:
            shot = self._auto.feed(frame)
        if shot is not None:
            self._done.set()
            q = shot.quality
            self.captured.emit({"image": shot.image, "passes": bool(getattr(q, "passes", False)),
                                "reasons": list(getattr(q, "reasons", []) or []), "mode": shot.mode,
                                "qimage": bgr_to_qimage(shot.image, box=getattr(q, "box", None),
                                                        ok=bool(getattr(q, "passes", False)))})
