"""Where camera frames come from: OpenCV ``VideoCapture`` or a simulator over files.

Spec strings (``devices.camera.source``):
- ``0``, ``1`` ... a device index; ``/dev/video0`` a device path; ``rtsp://…``/``http://…`` an IP
  camera stream; any other path a video file;
- ``sim:PATH`` a video file or a folder of images, looped, paced to ``fps`` (default 25) and fitted
  into ``size`` (default 640×480, letterboxed). Test knobs as a query string:
  ``sim:PATH?fps=15&stall_after=40&vanish_after=60`` (stop delivering frames / fail as if
  unplugged after N frames; the camera must report it within 2 s and reconnect).
"""
from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs

import numpy as np

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff"}


class CameraError(RuntimeError):
    """The camera cannot be opened, stalled, or disappeared; the message says which and where."""


def fit(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Scale into ``size`` (w, h) keeping the aspect ratio, pad with black."""
    import cv2

    w, h = size
    ih, iw = image.shape[:2]
    scale = min(w / iw, h / ih)
    resized = cv2.resize(image, (max(1, round(iw * scale)), max(1, round(ih * scale))), interpolation=cv2.INTER_AREA)
    out = np.zeros((h, w, 3), np.uint8)
    y, x = (h - resized.shape[0]) // 2, (w - resized.shape[1]) // 2
    out[y:y + resized.shape[0], x:x + resized.shape[1]] = resized
    return out


class OpenCvSource:
    """A real camera, device path, stream URL or video file through ``cv2.VideoCapture``."""

    def __init__(self, spec: int | str, open_timeout_ms: int = 2000, read_timeout_ms: int = 2000):
        self.spec = int(spec) if isinstance(spec, str) and spec.isdigit() else spec
        self.open_timeout_ms, self.read_timeout_ms = open_timeout_ms, read_timeout_ms
        self.cap = None

    def describe(self) -> str:
        return f"camera {self.spec!r}"

    def open(self) -> None:
        import cv2

        if isinstance(self.spec, str) and "://" not in self.spec and not Path(self.spec).exists():
            raise CameraError(f"camera {self.spec!r}: no such device or file")
        params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, self.open_timeout_ms, cv2.CAP_PROP_READ_TIMEOUT_MSEC, self.read_timeout_ms]
        try:
            cap = cv2.VideoCapture(self.spec, cv2.CAP_ANY, params)
        except cv2.error as exc:
            raise CameraError(f"camera {self.spec!r} cannot be opened: {exc}") from exc
        if not cap.isOpened():
            cap.release()
            raise CameraError(f"camera {self.spec!r} cannot be opened (no device, busy, or no permission)")
        self.cap = cap

    def read(self) -> np.ndarray | None:
        ok, frame = self.cap.read()
        return frame if ok and frame is not None else None

    def release(self) -> None:
        if self.cap is not None:
            self.cap.release()
            self.cap = None


class SimulatedSource:
    """Frames from a video file or an image folder, looped and paced like a live camera."""

    def __init__(self, path: str, fps: float = 25.0, size: tuple[int, int] = (640, 480),
                 stall_after: int | None = None, vanish_after: int | None = None):
        self.path = Path(path)
        self.fps, self.size = float(fps), tuple(size)
        self.stall_after, self.vanish_after = stall_after, vanish_after
        self.images: list[np.ndarray] = []
        self.video = None
        self.count = 0
        self.next_at = 0.0

    @classmethod
    def from_spec(cls, spec: str, **defaults) -> SimulatedSource:
        body = spec[len("sim:"):]
        path, _, query = body.partition("?")
        opts = {k: v[-1] for k, v in parse_qs(query).items()}
        kw = dict(defaults)
        if "fps" in opts:
            kw["fps"] = float(opts["fps"])
        for key in ("stall_after", "vanish_after"):
            if key in opts:
                kw[key] = int(opts[key])
        return cls(path, **kw)

    def describe(self) -> str:
        return f"simulated camera {self.path}"

    def open(self) -> None:
        import cv2

        if self.path.is_dir():
            files = sorted(p for p in self.path.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
            for p in files:
                img = cv2.imread(str(p), cv2.IMREAD_COLOR)
                if img is not None:
                    self.images.append(fit(img, self.size))
            if not self.images:
                raise CameraError(f"simulated camera: no readable images in {self.path}")
        elif self.path.is_file():
            self.video = cv2.VideoCapture(str(self.path))
            if not self.video.isOpened():
                raise CameraError(f"simulated camera: cannot open video {self.path}")
        else:
            raise CameraError(f"simulated camera: {self.path} does not exist")
        self.next_at = time.monotonic()

    def read(self) -> np.ndarray | None:
        if self.vanish_after is not None and self.count >= self.vanish_after:
            raise CameraError(f"{self.describe()} disappeared (simulated unplug after {self.vanish_after} frames)")
        if self.stall_after is not None and self.count >= self.stall_after:
            time.sleep(0.05)  # a stalled stream: the call returns nothing, forever
            return None
        delay = self.next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self.next_at = max(self.next_at + 1.0 / self.fps, time.monotonic() - 1.0 / self.fps)
        if self.images:
            frame = self.images[self.count % len(self.images)]
        else:
            ok, frame = self.video.read()
            if not ok:
                self.video.set(1, 0)  # CAP_PROP_POS_FRAMES: loop
                ok, frame = self.video.read()
                if not ok:
                    return None
            frame = fit(frame, self.size)
        self.count += 1
        return frame

    def release(self) -> None:
        if self.video is not None:
            self.video.release()
            self.video = None


def make_source(spec: int | str, **sim_defaults):
    if isinstance(spec, str) and spec.startswith("sim:"):
        return SimulatedSource.from_spec(spec, **sim_defaults)
    return OpenCvSource(spec)
