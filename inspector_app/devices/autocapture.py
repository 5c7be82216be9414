"""Auto capture: keep the best frame that passes the face quality gate within a time window.

Feed every camera :class:`~inspector_app.devices.camera.Frame`. The window opens at the first
frame fed (or ``restart()``); when a frame arrives after ``window_s``, the best passing frame
seen is the capture. If none passed, the window restarts and ``last_reasons`` says what failed
most often since the last capture (for the "look at the camera" prompt). ``manual(frame)`` captures any frame at once;
it is assessed if the camera had not run detection on it. Time comes from the frames' own
timestamps, so the logic does not depend on how fast it is called.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np


@dataclass
class Capture:
    image: np.ndarray            # BGR
    quality: object              # FaceQuality: every capture records its measurements
    timestamp: float
    mode: str                    # auto | manual
    frames_considered: int = 0

    def to_dict(self) -> dict:
        return {"mode": self.mode, "timestamp": self.timestamp, "frames_considered": self.frames_considered,
                "image_shape": list(self.image.shape), "quality": self.quality.to_dict()}


class AutoCapture:
    def __init__(self, window_s: float = 3.0, min_score: float = 0.0):
        if window_s <= 0:
            raise ValueError("window_s must be positive")
        self.window_s, self.min_score = window_s, min_score
        self.restart()

    def restart(self) -> None:
        self.started_at: float | None = None
        self.best = None
        self.considered = 0
        self.failures: Counter = Counter()

    @property
    def last_reasons(self) -> list[str]:
        return [reason for reason, _ in self.failures.most_common(3)]

    def feed(self, frame) -> Capture | None:
        if self.started_at is None:
            self.started_at = frame.timestamp
        if frame.quality is not None:
            self.considered += 1
            q = frame.quality
            if q.passes and q.score >= self.min_score:
                if self.best is None or q.score > self.best.quality.score:
                    self.best = Capture(frame.image.copy(), q, frame.timestamp, "auto")
            else:
                for reason in q.reasons:
                    self.failures[reason.split(":")[0]] += 1
        if frame.timestamp - self.started_at < self.window_s:
            return None
        best, considered, failures = self.best, self.considered, self.failures
        self.restart()
        if best is None:
            self.failures = failures  # kept for the prompt until a capture succeeds
            self.started_at = frame.timestamp
            return None
        best.frames_considered = considered
        return best

    @staticmethod
    def manual(frame) -> Capture:
        quality = frame.quality
        if quality is None:
            from inspector_app.biometrics.face_quality import assess

            quality = assess(np.ascontiguousarray(frame.image[:, :, ::-1]))
        return Capture(frame.image.copy(), quality, frame.timestamp, "manual", 1)
