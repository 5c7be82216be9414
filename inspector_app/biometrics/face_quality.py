"""Face quality gate for live capture (ICAO/ISO 19794-5 frontal style), measured on real images.

``assess(image_rgb, locations=None, landmarks=None) -> FaceQuality`` finds faces with dlib's HOG
detector (on a copy downscaled to ≤ 640 px, upsample 0; the camera passes its own boxes), takes
68-point landmarks on the full image, picks the subject and checks:

- exactly one face: faces whose box is at least ``same_size_ratio`` (0.5) of the widest plausible
  face count; smaller ones (people queueing behind, HOG false positives on patches and badges)
  are ignored but reported. A face is plausible when its landmarks are ordered (eyes above nose
  above mouth) and the inter-eye distance is 0.2-0.7 of the box width.
- the face is whole: box not touching the image border and no landmark outside the image;
- size: inter-eye distance (eye centres) ≥ ``min_inter_eye_px`` (60 px; ISO 19794-5 asks 90 px
  for a passport token image, 60 is its minimum for the live booth frame at 640×480);
- pose: roll = eye-line angle ≤ 8° (ISO 19794-5 frontal tolerance); yaw from the nose tip's
  horizontal offset from the eye midpoint (after removing roll), as a fraction of the inter-eye
  distance, |yaw_ratio| ≤ 0.16 (≈ 15° if the nose tip stands ~0.6 inter-eye distances proud);
- sharpness: variance of the Laplacian of the face crop resized to 160×160 and contrast-
  normalised (std 50, so that darkness does not read as blur), ≥ 75;
- exposure: mean grey of the crop in 60-200 and ≤ 5 % of its pixels clipped (≤ 5 or ≥ 250).

Measured on /work/shared/data/faces/face_recognition (face_recognition 1.3.0, dlib-bin 19.24):
- obama.jpg: inter-eye 105 px, roll -0.5°, yaw -0.009, Laplacian var 511, mean 146, clipped 0.1 %;
  obama2.jpg 118 px / 5.6° / -0.139; obama3.jpg 122 px / 6.2° / 0.118; obama-720p 68 px;
  obama-1080p 104 px: all pass. obama-480p.jpg and obama_small.jpg (47-48 px) and obama-240p (24 px)
  fail on size. Other single-person photos: |roll| ≤ 7.2° except biden.jpg (12.7°, fails) and
  johnsnow_test1.jpg (-8.2°, fails by 0.2°); |yaw| ≤ 0.14 except alex-lacamoire.png (0.17) and
  john2.jpeg (-0.21), which fail as turned. Overall 16 of the 26 single-person image files pass
  (the folders hold some duplicates); all 3 two-person images fail.
- obama_partial_face.jpg (box at x=0) and obama_partial_face2.jpg (box at the right edge, roll
  -17°, yaw -0.205) fail as cut off; two_people.jpg, obama_and_biden.jpg and kit_with_rose.jpg fail
  with 2 faces; john2.jpeg (yaw -0.206) fails as turned.
- sharpness (normalised): obama.jpg 874; Gaussian blur σ=1 231, σ=2 66, σ=3 27; the softest real
  photos: lin-manuel-miranda.png 82.5, rose_leslie/img1.jpg 128; alex-lacamoire.png 36 (a soft
  PNG, also turned 0.17). The limit 75 sits between σ=2 blur and the softest real photo.
- exposure: obama.jpg mean 146, clipped 0.1 %; gain 0.3 gives mean 43 (too dark), gain 0.5 mean
  73 (passes), gain 1.5 mean 205 and 15 % clipped, gain 2 mean 232 and 58 % clipped.
The exact numbers for the thresholds live in :class:`QualityLimits`; tests pin these outcomes.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import numpy as np

from inspector_app.domain.messages import msg

DETECT_MAX_SIDE = 640
CROP_SIZE = 160


@dataclass(frozen=True)
class QualityLimits:
    min_inter_eye_px: float = 60.0
    max_roll_deg: float = 8.0
    max_yaw_ratio: float = 0.16
    min_sharpness: float = 75.0
    min_mean: float = 60.0
    max_mean: float = 200.0
    max_clipped: float = 0.05
    same_size_ratio: float = 0.5


@dataclass
class FaceQuality:
    passes: bool
    score: float                 # 0-100, to rank passing frames (auto capture keeps the best)
    box: tuple | None            # (top, right, bottom, left) in the image's pixels
    measurements: dict = field(default_factory=dict)
    reasons: list = field(default_factory=list)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["box"] = list(self.box) if self.box else None
        return d


def detect_faces(image_rgb: np.ndarray, max_side: int = DETECT_MAX_SIDE, upsample: int = 0) -> list[tuple]:
    """HOG boxes on a downscaled copy, mapped back to full-image pixels (css order t, r, b, l)."""
    import cv2
    import face_recognition

    h, w = image_rgb.shape[:2]
    scale = min(1.0, max_side / max(h, w))
    small = image_rgb if scale == 1.0 else cv2.resize(image_rgb, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    boxes = face_recognition.face_locations(np.ascontiguousarray(small), number_of_times_to_upsample=upsample)
    return [tuple(int(round(v / scale)) for v in box) for box in boxes]


def _centre(points) -> np.ndarray:
    return np.mean(np.asarray(points, dtype=float), axis=0)


def _geometry(lm: dict) -> dict:
    left, right = _centre(lm["left_eye"]), _centre(lm["right_eye"])
    ied = float(np.linalg.norm(right - left))
    roll = math.degrees(math.atan2(right[1] - left[1], right[0] - left[0]))
    mid = (left + right) / 2
    nose = np.asarray(lm["nose_tip"][len(lm["nose_tip"]) // 2], dtype=float)
    a = -math.radians(roll)
    dx, dy = nose - mid
    along = dx * math.cos(a) - dy * math.sin(a)
    mouth = _centre(lm["top_lip"] + lm["bottom_lip"])
    return {"ied": ied, "roll": roll, "yaw": along / ied if ied else 0.0,
            "ordered": bool(mid[1] < nose[1] < mouth[1] + 1e-6)}


def _plausible(box, geo) -> bool:
    width = box[1] - box[3]
    return geo["ordered"] and width > 0 and 0.2 <= geo["ied"] / width <= 0.7


def _crop_stats(image_rgb, box) -> dict:
    import cv2

    t, r, b, lt = box
    h, w = image_rgb.shape[:2]
    crop = image_rgb[max(t, 0):min(b, h), max(lt, 0):min(r, w)]
    if crop.size == 0:
        return {"sharpness": 0.0, "mean": 0.0, "clipped": 1.0}
    gray = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    mean = float(gray.mean())
    clipped = float(((gray <= 5) | (gray >= 250)).mean())
    norm = cv2.resize(gray, (CROP_SIZE, CROP_SIZE), interpolation=cv2.INTER_AREA).astype(np.float64)
    std = norm.std()
    norm = (norm - norm.mean()) / std * 50.0 if std > 1e-6 else norm * 0
    return {"sharpness": float(cv2.Laplacian(norm, cv2.CV_64F).var()), "mean": mean, "clipped": clipped}


def _score(m: dict, lim: QualityLimits) -> float:
    parts = [
        min(1.0, m["inter_eye_px"] / (1.5 * lim.min_inter_eye_px)),
        max(0.0, 1 - abs(m["yaw_ratio"]) / (2 * lim.max_yaw_ratio)),
        max(0.0, 1 - abs(m["roll_deg"]) / (2 * lim.max_roll_deg)),
        min(1.0, m["sharpness"] / (3 * lim.min_sharpness)),
        max(0.0, 1 - abs(m["mean"] - 128) / 128) * max(0.0, 1 - m["clipped"] / (2 * lim.max_clipped)),
    ]
    return round(100.0 * float(np.mean(parts)), 1)


def assess(image_rgb: np.ndarray, locations=None, landmarks=None, limits: QualityLimits | None = None) -> FaceQuality:
    """Quality of the one face in an RGB image; ``locations`` (css boxes) skip detection."""
    import face_recognition

    lim = limits or QualityLimits()
    if not isinstance(image_rgb, np.ndarray) or image_rgb.ndim != 3 or image_rgb.shape[2] != 3:
        raise ValueError("assess() needs an RGB image as an H×W×3 array")
    image_rgb = np.ascontiguousarray(image_rgb)
    h, w = image_rgb.shape[:2]
    boxes = list(locations) if locations is not None else detect_faces(image_rgb)
    if not boxes:
        return FaceQuality(False, 0.0, None, {"faces": 0}, [msg("no face found")])
    lms = list(landmarks) if landmarks is not None else face_recognition.face_landmarks(image_rgb, boxes)
    faces = [(tuple(int(v) for v in b), lm, _geometry(lm)) for b, lm in zip(boxes, lms)]
    plausible = [f for f in faces if _plausible(f[0], f[2])]
    if not plausible:
        return FaceQuality(False, 0.0, None, {"faces": 0, "implausible_detections": len(faces)},
                           [msg("no face found (detections had no plausible landmarks)")])
    widest = max(f[0][1] - f[0][3] for f in plausible)
    subjects = [f for f in plausible if (f[0][1] - f[0][3]) >= lim.same_size_ratio * widest]
    # Among same-size faces prefer the one nearest the image centre (the person at the desk).
    box, lm, geo = min(subjects, key=lambda f: math.hypot((f[0][1] + f[0][3]) / 2 - w / 2, (f[0][0] + f[0][2]) / 2 - h / 2))
    stats = _crop_stats(image_rgb, box)
    points = np.asarray([p for pts in lm.values() for p in pts], dtype=float)
    cut = box[3] <= 1 or box[0] <= 1 or box[1] >= w - 2 or box[2] >= h - 2 or \
        bool((points[:, 0] < 0).any() or (points[:, 0] > w - 1).any() or (points[:, 1] < 0).any() or (points[:, 1] > h - 1).any())
    m = {"faces": len(subjects), "faces_ignored": len(faces) - len(subjects),
         "inter_eye_px": round(geo["ied"], 1), "roll_deg": round(geo["roll"], 2), "yaw_ratio": round(float(geo["yaw"]), 3),
         "sharpness": round(stats["sharpness"], 1), "mean": round(stats["mean"], 1), "clipped": round(stats["clipped"], 4),
         "cut_off": cut, "image_size": [w, h]}
    reasons = []
    if len(subjects) > 1:
        reasons.append(msg("{count} faces in the frame (need exactly one)", count=len(subjects)))
    if cut:
        reasons.append(msg("face cut off at the image edge"))
    if geo["ied"] < lim.min_inter_eye_px:
        reasons.append(msg("face too small: inter-eye distance {value} px < {limit}", value=f"{geo['ied']:.0f}",
                           limit=f"{lim.min_inter_eye_px:.0f}"))
    if abs(geo["roll"]) > lim.max_roll_deg:
        reasons.append(msg("head tilted: roll {value}° (limit ±{limit}°)", value=f"{geo['roll']:.1f}",
                           limit=f"{lim.max_roll_deg:.0f}"))
    if abs(geo["yaw"]) > lim.max_yaw_ratio:
        reasons.append(msg("head turned: yaw ratio {value} (limit ±{limit})", value=f"{geo['yaw']:.2f}",
                           limit=f"{lim.max_yaw_ratio:.2f}"))
    if stats["sharpness"] < lim.min_sharpness:
        reasons.append(msg("blurred: sharpness {value} < {limit}", value=f"{stats['sharpness']:.0f}",
                           limit=f"{lim.min_sharpness:.0f}"))
    if stats["mean"] < lim.min_mean:
        reasons.append(msg("too dark: mean {value} < {limit}", value=f"{stats['mean']:.0f}", limit=f"{lim.min_mean:.0f}"))
    if stats["mean"] > lim.max_mean:
        reasons.append(msg("too bright: mean {value} > {limit}", value=f"{stats['mean']:.0f}", limit=f"{lim.max_mean:.0f}"))
    if stats["clipped"] > lim.max_clipped:
        reasons.append(msg("over/under-exposed: {value} of face pixels clipped", value=f"{stats['clipped']:.0%}"))
    return FaceQuality(not reasons, _score(m, lim), box, m, reasons)
