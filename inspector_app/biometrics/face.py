"""Face detection, landmarks, 128-d encodings and 1:1 comparison (dlib ResNet via face_recognition).

Why this module exists: the rest of the workstation should not know face_recognition's
conventions (``(top, right, bottom, left)`` boxes, float64 vectors that are *not* unit length,
"first face found" habits). Here we fix them once:

- HOG finds false faces (a badge, a patch on a jacket), so :func:`detect` ranks faces by size,
  landmark geometry and closeness to the image centre, and :func:`encode` takes the best one.
- Very large photos are detected on a downscaled copy (HOG cost grows with pixels; faces in a
  booth photo are big) and the box is mapped back; landmarks and the encoding use full resolution.
- Templates are float32; distances are Euclidean (the 0.6 threshold of dlib's model is on
  Euclidean distance between non-unit vectors).

No Qt here; everything is deterministic (HOG + ResNet without jitter).
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

#: Euclidean distance at or below which two encodings are the same person. dlib's published
#: operating point; calibrated on the shared images by ``benchmarks/face_accuracy.py``
#: (see benchmarks/results/face_accuracy.json for the genuine/impostor distributions).
THRESHOLD = 0.6

#: Detection runs on a copy whose longer side is at most this many pixels (boxes are mapped back).
DETECT_MAX_SIDE = 1600

DIMENSIONS = 128


class FaceError(ValueError):
    """Base class of face errors an operator can act on."""


class ImageUnreadable(FaceError):
    """The file is missing or is not an image we can decode."""


class NoFace(FaceError):
    """No face was found in the image."""


Box = tuple[int, int, int, int]  # (top, right, bottom, left), face_recognition's "css" order


@dataclass
class FaceDetection:
    """One face found in an image: its box, 68-point landmarks, quality and ranking score."""

    box: Box
    landmarks: dict[str, list[tuple[int, int]]]
    quality: Any = None  # face_quality.FaceQuality when that module is installed, else None
    rank_score: float = 0.0

    def to_dict(self) -> dict:
        return {
            "box": list(self.box),
            "landmarks": {k: [list(p) for p in v] for k, v in self.landmarks.items()},
            "quality": _quality_dict(self.quality),
            "rank_score": round(self.rank_score, 4),
        }


@dataclass
class FaceTemplate:
    """A 128-d float32 encoding of one face, with where it came from."""

    vector: np.ndarray
    box: Box | None = None
    quality: Any = None
    faces_found: int = 1
    landmarks: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "vector": [float(x) for x in self.vector],
            "box": list(self.box) if self.box is not None else None,
            "quality": _quality_dict(self.quality),
            "faces_found": self.faces_found,
        }


def _quality_dict(q: Any) -> Any:
    if q is None:
        return None
    to_dict = getattr(q, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    return {"passes": getattr(q, "passes", None), "score": getattr(q, "score", None)}


def _fr():
    """Import face_recognition lazily (it loads ~100 MB of models) and fail clearly."""
    try:
        import face_recognition  # noqa: PLC0415
    except SystemExit as exc:  # face_recognition quits(0) when its models cannot load
        raise RuntimeError("face_recognition models are missing: run `bash build/setup.sh install`") from exc
    return face_recognition


# ----------------------------------------------------------------------------------- images
def load_image(path: str | Path) -> np.ndarray:
    """Read an image file as an RGB uint8 array (EXIF orientation applied, alpha dropped)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    p = Path(path)
    if not p.is_file():
        raise ImageUnreadable(f"cannot read image {p}: no such file")
    try:
        with Image.open(p) as im:
            im = ImageOps.exif_transpose(im)
            return np.asarray(im.convert("RGB"), dtype=np.uint8).copy()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ImageUnreadable(f"cannot read image {p}: {exc}") from exc


def _as_rgb(image: np.ndarray) -> np.ndarray:
    image = np.asarray(image)
    if image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    if image.ndim != 3 or image.shape[2] not in (3, 4):
        raise ImageUnreadable(f"expected an RGB image array, got shape {image.shape}")
    if image.shape[2] == 4:
        image = image[:, :, :3]
    if image.dtype != np.uint8:
        raise ImageUnreadable(f"expected uint8 pixels, got {image.dtype}")
    return np.ascontiguousarray(image)


# -------------------------------------------------------------------------------- detection
def _locate(image: np.ndarray, upsample: int, model: str, max_side: int) -> list[Box]:
    fr = _fr()
    h, w = image.shape[:2]
    scale = 1.0
    small = image
    if max_side and max(h, w) > max_side:
        import cv2

        scale = max(h, w) / max_side
        small = cv2.resize(image, (round(w / scale), round(h / scale)), interpolation=cv2.INTER_AREA)
    boxes = fr.face_locations(small, number_of_times_to_upsample=upsample, model=model)
    out = []
    for top, right, bottom, left in boxes:
        t, r, b, lt = (round(v * scale) for v in (top, right, bottom, left))
        out.append((max(0, t), min(w, r), min(h, b), max(0, lt)))
    return out


def _rank_score(box: Box, landmarks: dict, shape: tuple[int, ...]) -> float:
    """Higher is more likely the traveller's face: big, central, with plausible eye geometry.

    Size dominates (a booth photo's subject fills the frame); landmark geometry demotes HOG's
    false positives, whose fitted eyes are usually not level or not where eyes belong.
    """
    h, w = shape[:2]
    top, right, bottom, left = box
    bw, bh = max(1, right - left), max(1, bottom - top)
    size = math.sqrt(bw * bh) / math.sqrt(w * h)
    cx, cy = (left + right) / 2 / w, (top + bottom) / 2 / h
    centre = 1.0 - min(1.0, math.hypot(cx - 0.5, cy - 0.5) / math.hypot(0.5, 0.5))
    geometry = 0.0
    le, re = landmarks.get("left_eye"), landmarks.get("right_eye")
    if le and re:
        (lx, ly), (rx, ry) = np.mean(le, axis=0), np.mean(re, axis=0)
        eye_dist = math.hypot(rx - lx, ry - ly) / bw  # ~0.35-0.5 for a real face box
        tilt = abs(math.atan2(ry - ly, rx - lx))
        geometry = max(0.0, 1.0 - abs(eye_dist - 0.42) / 0.42) * max(0.0, 1.0 - tilt / (math.pi / 4))
    return 0.6 * size + 0.15 * centre + 0.25 * geometry


def _assess_quality(image: np.ndarray, box: Box, landmarks: dict) -> Any:
    """Per-face quality from the devices package's face_quality module, if it is installed."""
    name = "inspector_app.biometrics.face_quality"
    if importlib.util.find_spec(name) is None:
        return None
    try:
        return importlib.import_module(name).assess(image, locations=[box], landmarks=[landmarks])
    except Exception as exc:  # a broken quality gate must not stop matching; say so in the log
        log.warning("face quality assessment failed: %s", exc)
        return None


def detect(image: np.ndarray, upsample: int = 1, model: str = "hog", max_side: int = DETECT_MAX_SIDE) -> list[FaceDetection]:
    """All faces in ``image``, best candidate first (see :func:`_rank_score`)."""
    image = _as_rgb(image)
    boxes = _locate(image, upsample, model, max_side)
    if not boxes:
        return []
    all_landmarks = _fr().face_landmarks(image, boxes, model="large")
    faces = [
        FaceDetection(box=b, landmarks=lm, quality=_assess_quality(image, b, lm), rank_score=_rank_score(b, lm, image.shape))
        for b, lm in zip(boxes, all_landmarks)
    ]
    faces.sort(key=lambda f: -f.rank_score)
    return faces


# ------------------------------------------------------------------------------- encoding
def encode(image: np.ndarray, detection: FaceDetection | None = None, faces: Sequence[FaceDetection] | None = None) -> FaceTemplate:
    """Encode one face: ``detection`` if given, else the best-ranked face found (NoFace if none)."""
    image = _as_rgb(image)
    if detection is None:
        faces = list(faces) if faces is not None else detect(image)
        if not faces:
            raise NoFace("no face found in the image")
        detection = faces[0]
    found = len(faces) if faces is not None else 1
    vectors = _fr().face_encodings(image, known_face_locations=[detection.box], num_jitters=1, model="small")
    if not vectors:  # pragma: no cover - dlib always returns one vector per given box
        raise NoFace("the face could not be encoded")
    return FaceTemplate(
        vector=np.asarray(vectors[0], dtype=np.float32),
        box=detection.box,
        quality=detection.quality,
        faces_found=found,
        landmarks=detection.landmarks,
    )


def encode_file(path: str | Path) -> FaceTemplate:
    """Load, detect and encode the best face of an image file."""
    return encode(load_image(path))


def as_vector(x: FaceTemplate | np.ndarray | Sequence[float]) -> np.ndarray:
    """A template or vector as a float32 array of shape (128,), with a clear error otherwise."""
    v = x.vector if isinstance(x, FaceTemplate) else np.asarray(x, dtype=np.float32)
    v = np.asarray(v, dtype=np.float32).reshape(-1)
    if v.shape != (DIMENSIONS,):
        raise FaceError(f"a face vector has {DIMENSIONS} values, got {v.shape[0]}")
    if not np.all(np.isfinite(v)):
        raise FaceError("a face vector contains NaN or infinity")
    return v


def distance(a: FaceTemplate | np.ndarray, b: FaceTemplate | np.ndarray) -> float:
    """Euclidean distance between two encodings (lower is more alike; match at <= THRESHOLD)."""
    return float(np.linalg.norm(as_vector(a).astype(np.float64) - as_vector(b).astype(np.float64)))


def is_match(d: float, threshold: float = THRESHOLD) -> bool:
    return d <= threshold


@dataclass
class Comparison:
    """Result of comparing the best faces of two images (`inspector-app face compare`)."""

    faces_a: int
    faces_b: int
    distance: float
    match: bool
    threshold: float

    def to_dict(self) -> dict:
        return {
            "faces_a": self.faces_a,
            "faces_b": self.faces_b,
            "distance": round(self.distance, 6),
            "match": self.match,
            "threshold": self.threshold,
        }


def compare_images(path_a: str | Path, path_b: str | Path, threshold: float = THRESHOLD) -> Comparison:
    """1:1 comparison of two image files; raises ImageUnreadable / NoFace naming the file."""
    templates = []
    for p in (path_a, path_b):
        image = load_image(p)
        faces = detect(image)
        if not faces:
            raise NoFace(f"no face found in {p}")
        templates.append(encode(image, faces=faces))
    d = distance(templates[0], templates[1])
    return Comparison(templates[0].faces_found, templates[1].faces_found, d, is_match(d, threshold), threshold)
