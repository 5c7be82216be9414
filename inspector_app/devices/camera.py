"""Live camera: frames with the detected face box, delivered from background threads.

Two threads per camera. The *reader* only pulls frames from the source into a one-slot mailbox
(so a C-level read that blocks on a dead stream cannot freeze anything else). The *processor*
waits on the mailbox with a timeout: it detects faces on a downscaled copy every
``detect_every``-th frame (HOG costs ~26 ms at 640×480, ~4× less at half size), runs the quality
gate on those frames, and calls ``on_frame(Frame)``. If no frame arrives for ``stall_timeout_s``
(1.5 s, inside the 2 s promise) or the reader fails, ``on_error(CameraError)`` is called, the
status goes to ``error`` and the camera reopens the source with backoff (0.5 s doubling to 5 s)
until ``stop()``. A stuck reader thread is abandoned (daemon) and replaced, never joined forever.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

import numpy as np

from inspector_app.devices.camera_sources import CameraError, make_source
from inspector_app.devices.status import StatusBoard

__all__ = ["Camera", "CameraError", "Frame", "open_camera"]
log = logging.getLogger(__name__)


@dataclass
class Frame:
    image: np.ndarray            # BGR, as OpenCV delivers it
    face_box: tuple | None       # (top, right, bottom, left) in frame pixels
    quality: object | None       # FaceQuality on frames where detection ran, else None
    timestamp: float             # time.time() when the frame was read
    index: int
    detected: bool               # detection ran on this frame (box not carried over)


class Camera:
    def __init__(self, spec, detect_every: int = 2, detect_max_side: int = 480, assess_quality: bool = True,
                 stall_timeout_s: float = 1.5, status: StatusBoard | None = None, name: str = "camera",
                 source_factory=None, limits=None, **sim_defaults):
        if detect_every < 1:
            raise ValueError("detect_every must be ≥ 1")
        self.spec = spec
        self.detect_every, self.detect_max_side = detect_every, detect_max_side
        self.assess_quality = assess_quality
        self.limits = limits  # face_quality.QualityLimits, None = defaults
        self.stall_timeout_s = stall_timeout_s
        self.status = status or StatusBoard()
        self.name = name
        self._factory = source_factory or (lambda: make_source(spec, **sim_defaults))
        self._stop = threading.Event()
        self._cond = threading.Condition()
        self._slot: tuple | None = None       # (generation, image, read_time)
        self._reader_error: CameraError | None = None
        self._generation = 0
        self._source = None
        self._reader: threading.Thread | None = None
        self._processor: threading.Thread | None = None
        self.on_frame = self.on_error = None
        self.stats = {"frames": 0, "detections": 0, "errors": 0, "reconnects": 0, "callback_errors": 0}

    # -- lifecycle -------------------------------------------------------------------------
    def start(self, on_frame, on_error=None, retry: bool = False) -> Camera:
        """Open and start delivering. Without ``retry`` a camera that cannot open raises at once."""
        self.on_frame, self.on_error = on_frame, on_error
        self._stop.clear()
        # Load dlib's models now (~1-2 s), not on the first frame, so delivery never pauses.
        from inspector_app.biometrics import face_quality

        face_quality.detect_faces(np.zeros((8, 8, 3), np.uint8))
        try:
            self._open_source()
        except CameraError as exc:
            if not retry:
                self.status.update(self.name, "camera", state="error", last_error=str(exc))
                raise
            self._report(exc)
        self._processor = threading.Thread(target=self._process_loop, name=f"{self.name}-processor", daemon=True)
        self._processor.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        """Stop both threads and release the device; bounded by ``timeout``."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._processor is not None:
            self._processor.join(timeout)
        self._release_source()
        self.status.update(self.name, "camera", state="absent", detail={"source": str(self.spec), "stopped": True})

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    # -- reader ----------------------------------------------------------------------------
    def _open_source(self) -> None:
        source = self._factory()
        source.open()
        self._source = source
        self._generation += 1
        generation = self._generation
        with self._cond:
            self._slot, self._reader_error = None, None
        self._reader = threading.Thread(target=self._read_loop, args=(source, generation),
                                        name=f"{self.name}-reader-{generation}", daemon=True)
        self._reader.start()
        self.status.update(self.name, "camera", state="ready", detail={"source": source.describe()})

    def _release_source(self) -> None:
        """Retire the current source. Its reader thread releases it after its current read
        returns (releasing under a concurrent read crashes some backends); we wait ≤ 1 s."""
        self._source = None
        self._generation += 1
        reader, self._reader = self._reader, None
        if reader is not None and reader is not threading.current_thread():
            reader.join(1.0)

    def _read_loop(self, source, generation: int) -> None:
        try:
            self._read_frames(source, generation)
        finally:
            _quiet_release(source)

    def _read_frames(self, source, generation: int) -> None:
        while not self._stop.is_set() and generation == self._generation:
            try:
                image = source.read()
            except CameraError as exc:
                with self._cond:
                    if generation == self._generation:
                        self._reader_error = exc
                        self._cond.notify_all()
                return
            except Exception as exc:  # noqa: BLE001 - OpenCV raises cv2.error for vanished devices
                with self._cond:
                    if generation == self._generation:
                        self._reader_error = CameraError(f"{source.describe()} failed: {exc}")
                        self._cond.notify_all()
                return
            if image is None:
                self._stop.wait(0.01)  # nothing this time (EOF, no data); the stall timer decides
                continue
            with self._cond:
                if generation != self._generation:
                    return
                self._slot = (generation, image, time.time())
                self._cond.notify_all()

    # -- processor -------------------------------------------------------------------------
    def _report(self, exc: CameraError) -> None:
        self.stats["errors"] += 1
        self.status.update(self.name, "camera", state="error", last_error=str(exc))
        if self.on_error is not None:
            self.on_error(exc)

    def _reconnect(self) -> None:
        backoff = 0.5
        self._release_source()
        while not self._stop.is_set():
            try:
                self._open_source()
                self.stats["reconnects"] += 1
                return
            except CameraError as exc:
                self._report(exc)
                if self._stop.wait(backoff):
                    return
                backoff = min(backoff * 2, 5.0)

    def _process_loop(self) -> None:
        last_frame_at = time.monotonic()
        box, index = None, 0
        while not self._stop.is_set():
            if self._source is None:
                self._reconnect()
                last_frame_at = time.monotonic()
                continue
            with self._cond:
                remaining = self.stall_timeout_s - (time.monotonic() - last_frame_at)
                if self._slot is None and self._reader_error is None and remaining > 0:
                    self._cond.wait(min(remaining, 0.1))
                slot, self._slot = self._slot, None
                error, self._reader_error = self._reader_error, None
            if self._stop.is_set():
                return
            if error is None and slot is None and time.monotonic() - last_frame_at >= self.stall_timeout_s:
                error = CameraError(f"{self._source.describe() if self._source else self.spec}: "
                                    f"no frame for {self.stall_timeout_s:.1f} s (stalled or unplugged)")
            if error is not None:
                self._report(error)
                self._reconnect()
                last_frame_at = time.monotonic()
                continue
            if slot is None:
                continue
            last_frame_at = time.monotonic()
            _, image, read_at = slot
            detected = index % self.detect_every == 0
            quality = None
            if detected:
                box, quality = self._detect(image)
            self.stats["frames"] += 1
            frame = Frame(image, box, quality, read_at, index, detected)
            index += 1
            if self.on_frame is not None:
                try:
                    self.on_frame(frame)
                except Exception:  # noqa: BLE001 - a subscriber bug must not kill the camera
                    self.stats["callback_errors"] += 1
                    log.exception("camera %s: on_frame subscriber raised", self.name)

    def _detect(self, image_bgr: np.ndarray):
        from inspector_app.biometrics import face_quality

        self.stats["detections"] += 1
        rgb = np.ascontiguousarray(image_bgr[:, :, ::-1])
        boxes = face_quality.detect_faces(rgb, max_side=self.detect_max_side)
        if not boxes:
            return None, (face_quality.assess(rgb, locations=[], limits=self.limits) if self.assess_quality else None)
        if not self.assess_quality:
            return max(boxes, key=lambda b: b[1] - b[3]), None
        quality = face_quality.assess(rgb, locations=boxes, limits=self.limits)
        return (quality.box or max(boxes, key=lambda b: b[1] - b[3])), quality


def _quiet_release(source) -> None:
    try:
        source.release()
    except Exception:  # noqa: BLE001 - a broken driver must not break shutdown
        pass


def open_camera(spec, **options) -> Camera:
    """``spec``: device index, device path, stream URL, video file, or ``sim:PATH`` (see camera_sources)."""
    if spec is None or spec == "":
        raise CameraError("no camera configured (devices.camera.source)")
    return Camera(spec, **options)
