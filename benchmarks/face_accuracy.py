#!/usr/bin/env python3
"""Face 1:1 accuracy on the labelled shared photos: genuine/impostor distances, FMR/FNMR, threshold.

Labelled images (under faces/face_recognition of the shared data):
- examples/knn_examples/train/<person>/*: identity = folder name;
- every other image whose file name starts with "obama", "biden" or a train folder's name
  (alex-lacamoire.png, alex_lacamoire1.jpg): identity = that name. obama.jpg,
  obama-240p/480p/720p/1080p, obama_small and obama_partial_face* are one photograph resized or
  cropped: pairs among them are counted apart as "same photo" so they do not flatter the
  genuine distribution;
- images holding several people (obama_and_biden.jpg) are skipped, byte-identical copies are
  counted once.
Every pair of labelled images is compared with the best face of each (inspector_app.biometrics.face).

    python benchmarks/face_accuracy.py --json [--data DIR]
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inspector_app.biometrics import face  # noqa: E402

IMAGE_EXT = {".jpg", ".jpeg", ".png", ".bmp"}
# one photograph at several resolutions and crops: pairs among these are "same photo", not genuine
SAME_PHOTO = {"obama.jpg", "obama-240p.jpg", "obama-480p.jpg", "obama-720p.jpg", "obama-1080p.jpg", "obama_small.jpg",
              "obama_partial_face.jpg", "obama_partial_face2.jpg"}


def default_data() -> Path:
    root = Path(__file__).resolve().parents[1]
    return Path(os.environ.get("INSPECTOR_TEST_DATA", root.parent / "shared" / "data"))


def labelled_images(base: Path) -> list[tuple[str, Path]]:
    """(identity, path) for every labelled image, byte-identical duplicates removed."""
    found: list[tuple[str, Path]] = []
    train = base / "examples" / "knn_examples" / "train"
    people = sorted(p for p in train.iterdir() if p.is_dir()) if train.is_dir() else []
    for person in people:
        found += [(person.name, f) for f in sorted(person.iterdir()) if f.suffix.lower() in IMAGE_EXT]
    names = sorted({"obama", "biden"} | {p.name.lower() for p in people}, key=len, reverse=True)
    for f in sorted(base.rglob("*")):
        name = f.name.lower().replace("-", "_")
        if f.suffix.lower() not in IMAGE_EXT or train in f.parents or "_and_" in name:
            continue
        who = next((n for n in names if name.startswith(n)), None)
        if who:
            found.append((who, f))
    seen, unique = set(), []
    for who, f in found:
        digest = hashlib.sha256(f.read_bytes()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            unique.append((who, f))
    return unique


def stats(values: list[float]) -> dict:
    if not values:
        return {"count": 0}
    a = np.asarray(values)
    return {"count": int(a.size), "min": round(float(a.min()), 4), "median": round(float(np.median(a)), 4),
            "max": round(float(a.max()), 4), "mean": round(float(a.mean()), 4)}


def rates(genuine: list[float], impostor: list[float], t: float) -> dict:
    g, i = np.asarray(genuine), np.asarray(impostor)
    return {"threshold": t,
            "fnmr": round(float((g > t).mean()), 4) if g.size else None,
            "fmr": round(float((i <= t).mean()), 4) if i.size else None,
            "false_non_matches": int((g > t).sum()), "false_matches": int((i <= t).sum())}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=None, help="shared data dir (default: $INSPECTOR_TEST_DATA or ../shared/data)")
    ap.add_argument("--threshold", type=float, default=face.THRESHOLD)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--out", type=Path, help="also write the JSON here")
    args = ap.parse_args(argv)
    base = (args.data or default_data()) / "faces" / "face_recognition"
    if not base.is_dir():
        ap.error(f"no face images at {base} (pass --data or set INSPECTOR_TEST_DATA)")

    images, skipped, enc_times = [], [], []
    for who, path in labelled_images(base):
        t0 = time.perf_counter()
        try:
            tpl = face.encode_file(path)
        except face.FaceError as exc:
            skipped.append({"image": str(path.relative_to(base)), "reason": str(exc)})
            continue
        enc_times.append(time.perf_counter() - t0)
        images.append((who, path, tpl))

    genuine, same_photo, impostor, pairs = [], [], [], []
    for (wa, pa, ta), (wb, pb, tb) in itertools.combinations(images, 2):
        d = face.distance(ta, tb)
        same = wa == wb
        kind = "impostor" if not same else ("same_photo" if {pa.name, pb.name} <= SAME_PHOTO else "genuine")
        {"genuine": genuine, "same_photo": same_photo, "impostor": impostor}[kind].append(d)
        pairs.append({"a": str(pa.relative_to(base)), "b": str(pb.relative_to(base)), "kind": kind, "distance": round(d, 4)})

    # thresholds that separate the classes on this data: the gap between worst genuine and best impostor
    all_genuine = genuine + same_photo
    gap = [round(max(all_genuine), 4), round(min(impostor), 4)] if all_genuine and impostor else None
    report = {
        "benchmark": "face_accuracy",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"platform": platform.platform(), "cpu_count": os.cpu_count(), "python": platform.python_version()},
        "data": "face_recognition project images (MIT), shared/data/faces/face_recognition",
        "images": [{"identity": w, "image": str(p.relative_to(base)), "faces_found": t.faces_found} for w, p, t in images],
        "skipped": skipped,
        "identities": sorted({w for w, _, _ in images}),
        "distances": {"genuine": stats(genuine), "same_photo_rescaled": stats(same_photo), "impostor": stats(impostor)},
        "at_threshold": rates(all_genuine, impostor, args.threshold),
        "at_threshold_excluding_same_photo": rates(genuine, impostor, args.threshold),
        "separating_interval": gap,
        "sweep": [rates(all_genuine, impostor, t) for t in (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)],
        "chosen_threshold": face.THRESHOLD,
        "encode_seconds_per_image": stats(enc_times),
        "pairs": pairs,
    }
    text = json.dumps(report, indent=1)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    if args.json:
        print(text)
    else:
        d = report["distances"]
        print(f"genuine {d['genuine']}\nsame photo {d['same_photo_rescaled']}\nimpostor {d['impostor']}\n"
              f"at {args.threshold}: {report['at_threshold']}\nseparating interval {gap}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
