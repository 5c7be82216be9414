"""Fingerprint 1:1 API (see docs/CONTRACTS.md and docs/FINGERPRINT.md).

load_image -> quality / extract -> match. Extraction is NIST MINDTCT (nbis-py wheel); the
matcher is our Minutia Cylinder-Code implementation; templates are our own FingerTemplate and
travel as ISO/IEC 19794-2:2005 (`iso19794`).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from inspector_app.biometrics.finger import mcc
from inspector_app.biometrics.finger.imageio import FingerImageError
from inspector_app.biometrics.finger.imageio import load_image as _load_image
from inspector_app.biometrics.finger.template import FingerTemplate, Minutia

__all__ = ["FingerImageError", "FingerTemplate", "Minutia", "THRESHOLD", "load_image", "quality",
           "extract", "match", "cylinders"]

# Score at or above which two prints are called the same finger: the pooled FMR 1/1000 point
# of the five FVC B sets scored with all 14,400 cross-finger impostor pairs (FNMR there 5.1 %;
# 12.1 % at 0.022 before the enhancement in finger/enhance.py), measured by
# benchmarks/fingerprint_fvc.py --impostors all; see docs/FINGERPRINT.md.
THRESHOLD = 0.024


def load_image(path: str | Path, dpi: float | None = None) -> np.ndarray:
    """uint8 grayscale at 500 dpi; `dpi` is the scanner's (FVC TIFFs have no dpi tag)."""
    return _load_image(path, dpi)


def quality(image: np.ndarray) -> int:
    """0-100 image quality (NFIQ 2 in spirit; see finger/quality.py)."""
    from inspector_app.biometrics.finger.quality import quality as _quality

    return _quality(image)


def extract(image: np.ndarray) -> FingerTemplate:
    """Minutiae template of a 500-dpi image, with its image quality."""
    from inspector_app.biometrics.finger.extract import extract_minutiae

    template = extract_minutiae(image)
    template.quality = quality(image)
    return template


def cylinders(template: FingerTemplate) -> mcc.Cylinders:
    """MCC cylinders of a template, computed once and cached on it."""
    cyl = template._arrays.get("mcc")
    if cyl is None:
        cyl = template._arrays["mcc"] = mcc.build(template)
    return cyl


def match(a: FingerTemplate, b: FingerTemplate) -> float:
    """Similarity in [0, 1]; >= THRESHOLD means the same finger."""
    return mcc.match(cylinders(a), cylinders(b))
