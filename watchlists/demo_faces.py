"""Remake the demo's face images (inspector_app/app/demo_data/images/) from the source photos.

    python watchlists/demo_faces.py FACE_RECOGNITION_CHECKOUT

FACE_RECOGNITION_CHECKOUT is a copy of https://github.com/ageitgey/face_recognition (MIT; its
``examples/`` photos are the sources, listed with their licence in demo_data/images/README.md).
Each photo is cut round the face found by the project's own face pipeline (HOG detector, 68
landmarks), levelled when the head is tilted, scaled down (never up) and saved as a small JPEG:
live camera frames at 640x480 with the eyes about 85 px apart (the booth's capture gate asks 60),
watchlist enrolment photos as 300x380 portraits. Run it only to change the images; the demo
builder reads the committed files.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

#: output file, source photo in the face_recognition repository, kind (live frame or enrolment)
IMAGES = [
    ("clean.jpg", "examples/knn_examples/train/rose_leslie/img2.jpg", "live"),
    ("lost_passport.jpg", "examples/lin-manuel-miranda.png", "live"),
    ("watchlist_name.jpg", "examples/knn_examples/train/biden/biden2.jpg", "live"),
    ("biometric.jpg", "examples/knn_examples/test/obama1.jpg", "live"),
    ("taiwan.jpg", "examples/knn_examples/test/johnsnow_test1.jpg", "live"),
    ("WL-BIO-0001.jpg", "examples/obama.jpg", "enrolment"),
    ("WL-BIO-0002.jpg", "examples/knn_examples/test/alex_lacamoire1.jpg", "enrolment"),
]
LIVE = {"size": (640, 480), "eyes_px": 85.0, "eyes_at": (0.5, 0.42)}
ENROLMENT = {"size": (300, 380), "eyes_px": 70.0, "eyes_at": (0.5, 0.42)}
JPEG_QUALITY = 80


def cut(rgb, kind: str):
    """The face of ``rgb`` (the only or the largest one) levelled, scaled and cropped."""
    import cv2
    import numpy as np

    from inspector_app.biometrics import face

    det = face.detect(rgb)[0]
    left = np.mean(det.landmarks["left_eye"], axis=0)
    right = np.mean(det.landmarks["right_eye"], axis=0)
    spec = LIVE if kind == "live" else ENROLMENT
    eyes = (left + right) / 2
    dx, dy = right - left
    angle = float(np.degrees(np.arctan2(dy, dx)))
    scale = min(1.0, spec["eyes_px"] / float(np.hypot(dx, dy)))
    w, h = spec["size"]
    m = cv2.getRotationMatrix2D((float(eyes[0]), float(eyes[1])), angle, scale)
    m[0, 2] += w * spec["eyes_at"][0] - eyes[0]
    m[1, 2] += h * spec["eyes_at"][1] - eyes[1]
    return cv2.warpAffine(rgb, m, (w, h), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE)


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import cv2

    from inspector_app.biometrics import face

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("source", type=Path, help="a face_recognition checkout")
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "inspector_app" / "app" / "demo_data" / "images")
    a = p.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    for name, src, kind in IMAGES:
        img = cut(face.load_image(a.source / src), kind)
        cv2.imwrite(str(a.out / name), cv2.cvtColor(img, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
        print(f"{name}: {(a.out / name).stat().st_size // 1024} KB from {src}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
