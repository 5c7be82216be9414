"""Where face encoding, fingerprint extraction and list screening run.

In-process for the command line and tests; the window swaps in a child-process matcher (see
``app/compute.py``) because dlib and the minutiae code hold the GIL for ~300 ms a call, which
froze the UI thread. Both give the same results: the examination core does not know which it has.
"""
from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Protocol


class Matcher(Protocol):
    def encode_face(self, image_bgr): ...
    def extract_finger(self, image_gray): ...
    def screen(self, traveller: dict, face=None, fingers: dict | None = None): ...
    def close(self) -> None: ...


def encode_face(image_bgr):
    """A face template from a BGR frame (OpenCV's order, as cameras deliver it)."""
    from inspector_app.biometrics import face

    return face.encode(image_bgr[:, :, ::-1].copy())


def extract_finger(image_gray):
    from inspector_app.biometrics import fingerprint

    return fingerprint.extract(image_gray)


class ScreenerCache:
    """One ``Screener`` per booth home, reloaded when a newer list bundle is installed."""

    def __init__(self, home: Path, today: dt.date | None = None):
        self.home, self.today = Path(home), today
        self._screener = None
        self._lock = threading.Lock()

    def screen(self, traveller: dict, face=None, fingers: dict | None = None):
        from inspector_app.screening import screen

        with self._lock:
            if self._screener is None:
                self._screener = screen.Screener(self.home, today=self.today)
            return self._screener.screen(traveller, face=face, fingers=fingers)


class InProcessMatcher:
    def __init__(self, home: Path, today: dt.date | None = None):
        self._screens = ScreenerCache(home, today)

    def encode_face(self, image_bgr):
        return encode_face(image_bgr)

    def extract_finger(self, image_gray):
        return extract_finger(image_gray)

    def screen(self, traveller: dict, face=None, fingers: dict | None = None):
        return self._screens.screen(traveller, face=face, fingers=fingers)

    def close(self) -> None:
        pass
