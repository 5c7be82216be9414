"""Load a fingerprint image as 8-bit grayscale at 500 dpi, the resolution every algorithm here assumes.

TIFF/PNG/BMP/JPEG go through OpenCV (Pillow as a fallback); WSQ, the FBI compression many
scanners emit, through the `wsq` package (NBIS decoder registered as a Pillow plugin). FVC TIFFs
carry no dpi tag, so the caller passes the sensor's dpi; without it we use the file's own tag,
else 500.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

TARGET_DPI = 500


class FingerImageError(ValueError):
    """The file is missing, unreadable, or not a usable grayscale fingerprint image."""


def _decode_wsq(raw: bytes) -> tuple[np.ndarray, int | None]:
    import io

    import wsq  # noqa: F401  (a dependency in pyproject; importing it registers the WSQ plugin with Pillow)
    from PIL import Image

    with Image.open(io.BytesIO(raw)) as im:
        arr = np.asarray(im.convert("L"))
    dpi = _wsq_ppi(raw)
    return arr, dpi


def _wsq_ppi(raw: bytes) -> int | None:
    """The NIST comment (NIST_COM) of a WSQ file may carry PPI; -1 or absent means unknown."""
    marker = raw.find(b"PPI ")
    if marker < 0:
        return None
    digits = raw[marker + 4:marker + 12].split(b"\n")[0].strip()
    try:
        value = int(digits)
    except ValueError:
        return None
    return value if value > 0 else None


def _decode_raster(raw: bytes, path: Path) -> tuple[np.ndarray, int | None]:
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(raw)) as im:
            dpi_info = im.info.get("dpi")
            arr = np.asarray(im.convert("L"))
    except (UnidentifiedImageError, OSError) as exc:
        raise FingerImageError(f"{path}: not a readable image ({exc})") from exc
    dpi = None
    if dpi_info and dpi_info[0] and float(dpi_info[0]) > 1:
        dpi = int(round(float(dpi_info[0])))
        if dpi == 72 or dpi == 96:  # screen defaults written by image editors, not scanner resolution
            dpi = None
    return arr, dpi


def decode(raw: bytes, path: Path | str = "<bytes>") -> tuple[np.ndarray, int | None]:
    """Bytes to (grayscale uint8 array, dpi from the file or None)."""
    if raw[:2] == b"\xff\xa0":  # WSQ start-of-image marker
        return _decode_wsq(raw)
    return _decode_raster(raw, Path(path))


def resample_to_500(image: np.ndarray, dpi: float) -> np.ndarray:
    """Rescale so that one pixel is 1/500 inch (area interpolation when shrinking)."""
    if dpi <= 0:
        raise FingerImageError(f"dpi must be positive, got {dpi}")
    if abs(dpi - TARGET_DPI) < 1e-6:
        return image
    import cv2

    scale = TARGET_DPI / float(dpi)
    size = (max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale)))
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    return cv2.resize(image, size, interpolation=interp)


def load_image(path: str | Path, dpi: float | None = None) -> np.ndarray:
    """Read a fingerprint image and return it as uint8 grayscale at 500 dpi."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FingerImageError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not raw:
        raise FingerImageError(f"{path}: empty file")
    image, file_dpi = decode(raw, path)
    if image.ndim != 2 or min(image.shape) < 64:
        raise FingerImageError(f"{path}: image of shape {image.shape} is too small for a fingerprint")
    return resample_to_500(np.ascontiguousarray(image, dtype=np.uint8), dpi or file_dpi or TARGET_DPI)
