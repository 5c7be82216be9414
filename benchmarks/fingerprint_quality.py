#!/usr/bin/env python3
"""Quality sanity check: originals vs blurred, noisy and cropped copies, on FVC-style DB folders.

For the first impression of the first --fingers fingers of every DB*_B folder, prints the
quality of the image and of three degradations (Gaussian blur sigma 3, Gaussian noise sigma 60,
central ninth crop) and whether the original ranks above all three.

    python benchmarks/fingerprint_quality.py --data ../shared/data/fingerprints --json
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fingerprint_fvc import find_dbs, list_images, machine_info, manifest_dpis  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--fingers", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)

    import cv2

    from inspector_app.biometrics import fingerprint

    dpis = manifest_dpis(args.data)
    rows = []
    rng = np.random.default_rng(0)
    for db in find_dbs(args.data):
        for _finger, imprs in sorted(list_images(db).items())[: args.fingers]:
            path = imprs[min(imprs)]
            img = fingerprint.load_image(path, dpis.get(path.resolve(), 500.0))
            h, w = img.shape
            q = {
                "original": fingerprint.quality(img),
                "blur": fingerprint.quality(cv2.GaussianBlur(img, (0, 0), 3)),
                "noise": fingerprint.quality(np.clip(img + rng.normal(0, 60, img.shape), 0, 255).astype(np.uint8)),
                "crop": fingerprint.quality(img[h // 3: 2 * h // 3, w // 3: 2 * w // 3]),
            }
            rows.append({"image": str(path.relative_to(args.data)), **q,
                         "original_ranks_first": q["original"] > max(q["blur"], q["noise"], q["crop"])})
    summary = {k: [min(r[k] for r in rows), max(r[k] for r in rows)] for k in ("original", "blur", "noise", "crop")}
    summary["original_ranks_first"] = f"{sum(r['original_ranks_first'] for r in rows)}/{len(rows)}"
    doc = {"benchmark": "fingerprint_quality", "machine": machine_info(), "summary": summary, "images": rows}
    text = json.dumps(doc, indent=2)
    if args.out:
        args.out.write_text(text + "\n")
    print(text if args.json else json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
