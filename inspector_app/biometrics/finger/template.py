"""Our own minutiae template, independent of whichever extractor produced it.

Coordinates are pixels of the image normalised to 500 dpi, origin top-left, y down (as in
ISO/IEC 19794-2). `angle` is in degrees [0, 360), counter-clockwise from the x axis as seen on
screen (the ISO convention), pointing along the ridge away from the minutia.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

ENDING, BIFURCATION, OTHER = "ending", "bifurcation", "other"
MINUTIA_TYPES = (ENDING, BIFURCATION, OTHER)


@dataclass(frozen=True)
class Minutia:
    x: int
    y: int
    angle: float
    type: str = ENDING
    quality: int = 0  # 0-100, 0 = not reported

    def __post_init__(self):
        if self.type not in MINUTIA_TYPES:
            raise ValueError(f"minutia type must be one of {MINUTIA_TYPES}, not {self.type!r}")


@dataclass
class FingerTemplate:
    minutiae: list[Minutia]
    width: int
    height: int
    dpi: int = 500
    quality: int = 0  # finger (impression) quality 0-100
    position: int = 0  # ISO finger position code, 0 = unknown
    _arrays: dict = field(default_factory=dict, repr=False, compare=False)

    def as_array(self) -> np.ndarray:
        """(n, 3) float64 array of x, y, angle in radians; cached, used by the matchers."""
        arr = self._arrays.get("xyt")
        if arr is None:
            arr = np.array([[m.x, m.y, np.deg2rad(m.angle)] for m in self.minutiae], dtype=np.float64).reshape(-1, 3)
            self._arrays["xyt"] = arr
        return arr

    def to_dict(self) -> dict:
        return {
            "width": self.width, "height": self.height, "dpi": self.dpi, "quality": self.quality,
            "position": self.position,
            "minutiae": [[m.x, m.y, round(m.angle, 2), m.type, m.quality] for m in self.minutiae],
        }
