"""The functions the compute child process runs (``compute.call(ENTRY, *args)``).

A closed registry of typed entry points: the pipe names an entry point of this table, never a
module or function to import, so what the child can be asked to run is written down here.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class EntryPoint:
    name: str
    fn: Callable[..., Any]


def _warm() -> bool:
    from inspector_app.biometrics import face, fingerprint  # noqa: F401 - loads dlib and its models

    face._fr()
    return True


def _encode_face(image_bgr):
    from inspector_app.booth.matcher import encode_face

    return encode_face(image_bgr)


def _extract_finger(image_gray):
    from inspector_app.booth.matcher import extract_finger

    return extract_finger(image_gray)


_SCREENS: dict = {}


def _screen(home: str, today, traveller: dict, face=None, fingers=None):
    """One ``ScreenerCache`` per booth home, kept for the life of the child."""
    from inspector_app.booth.matcher import ScreenerCache

    cache = _SCREENS.get((home, today))
    if cache is None:
        cache = _SCREENS[(home, today)] = ScreenerCache(Path(home), today)
    return cache.screen(traveller, face=face, fingers=fingers)


def _write_seal(path: str, content) -> str:
    from inspector_app.app.seal_render import write_pdf_offscreen

    return write_pdf_offscreen(path, content)


WARM_UP = EntryPoint("warm_up", _warm)
ENCODE_FACE = EntryPoint("encode_face", _encode_face)
EXTRACT_FINGER = EntryPoint("extract_finger", _extract_finger)
SCREEN = EntryPoint("screen", _screen)
WRITE_SEAL = EntryPoint("write_seal", _write_seal)
REGISTRY: dict[str, EntryPoint] = {e.name: e for e in (WARM_UP, ENCODE_FACE, EXTRACT_FINGER, SCREEN, WRITE_SEAL)}


class ChildProcessMatcher:
    """The booth core's matcher, running every heavy call in the compute child (see compute.py)."""

    def __init__(self, home: Path, today=None):
        self.home, self.today = str(home), today

    def encode_face(self, image_bgr):
        from inspector_app.app import compute

        return compute.call(ENCODE_FACE, image_bgr)

    def extract_finger(self, image_gray):
        from inspector_app.app import compute

        return compute.call(EXTRACT_FINGER, image_gray)

    def screen(self, traveller: dict, face=None, fingers=None):
        from inspector_app.app import compute

        return compute.call(SCREEN, self.home, self.today, traveller, face, fingers)

    def close(self) -> None:
        pass
