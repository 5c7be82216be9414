"""Minutiae extraction: NIST MINDTCT (LFS v2) through the `nbis-py` wheel, on an enhanced image.

Chosen by measurement (docs/FINGERPRINT.md): it ships as a prebuilt manylinux wheel (nothing
compiles on install), extracts in ~30 ms, and its minutiae gave the lowest EER of the
candidates we could install. We only keep its minutiae; matching is our own MCC. MINDTCT sees
the Gabor-enhanced image and its minutiae outside the print's foreground are dropped
(finger/enhance.py): that halved the genuine pairs missed at FMR 0.1 %.
"""
from __future__ import annotations

import threading

import numpy as np

from inspector_app.biometrics.finger.template import BIFURCATION, ENDING, FingerTemplate, Minutia

_local = threading.local()
ANGLE_SIGN = 1.0  # nbis reports degrees counter-clockwise on screen (the ISO convention)


class ExtractionError(RuntimeError):
    """The extractor failed on this image (not a fingerprint, or a library error)."""


def _extractor():
    ex = getattr(_local, "extractor", None)
    if ex is None:
        import nbis

        settings = nbis.NbisExtractorSettings(
            min_quality=0.0, get_center=False, check_fingerprint=False, compute_nfiq2=False, ppi=500.0
        )
        ex = _local.extractor = nbis.new_nbis_extractor(settings)
    return ex


def extract_minutiae(image: np.ndarray, enhanced: bool = True) -> FingerTemplate:
    """Minutiae of a uint8 grayscale image at 500 dpi (`enhanced=False`: MINDTCT alone, as before)."""
    import cv2
    import nbis

    from inspector_app.biometrics.finger import enhance

    ok, png = cv2.imencode(".png", enhance.enhance(image) if enhanced else image)
    if not ok:
        raise ExtractionError("could not encode the image for the extractor")
    try:
        found = _extractor().extract_minutiae(png.tobytes())
    except nbis.NbisError as exc:
        raise ExtractionError(f"minutiae extraction failed: {exc!r}") from exc
    kinds = {nbis.MinutiaKind.BIFURCATION: BIFURCATION}
    minutiae = [
        Minutia(x=int(m.x()), y=int(m.y()), angle=(ANGLE_SIGN * float(m.angle())) % 360.0,
                type=kinds.get(m.kind(), ENDING), quality=int(round(100 * float(m.reliability()))))
        for m in found.get()
    ]
    if enhanced:
        inside = enhance.foreground_distance(image)
        h, w = inside.shape
        minutiae = [m for m in minutiae if inside[min(m.y, h - 1), min(m.x, w - 1)] >= enhance.EDGE_MARGIN]
    return FingerTemplate(minutiae=minutiae, width=int(image.shape[1]), height=int(image.shape[0]))
