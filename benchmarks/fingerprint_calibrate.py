#!/usr/bin/env python3
"""Real FVC impressions vs the synthetic generator (fingerprint_synth): the statistics that matter
to a minutiae index, side by side, written to a results JSON.

    python benchmarks/fingerprint_calibrate.py --real /work/cache/fp1n/real_templates.json --out ...
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

QS = [5, 25, 50, 75, 95]


def stats(templates: list) -> dict:
    """Per-impression statistics of FingerTemplates."""
    from scipy.spatial import ConvexHull

    counts, hulls, nn, bif, coh = [], [], [], [], []
    for t in templates:
        p = np.array([[m.x, m.y] for m in t.minutiae], float)
        a = np.deg2rad([m.angle for m in t.minutiae])
        counts.append(len(p))
        bif += [m.type == "bifurcation" for m in t.minutiae]
        if len(p) >= 3:
            hulls.append(ConvexHull(p).volume)
        d = np.hypot(*(p[:, None] - p[None]).transpose(2, 0, 1))
        np.fill_diagonal(d, 1e9)
        nn += list(d.min(1))
        i, j = np.nonzero((d < 40) & (np.arange(len(p))[:, None] < np.arange(len(p))[None, :]))
        # ridge-flow coherence: orientation (mod pi) difference of near minutiae
        coh += list(np.abs((a[i] - a[j] + np.pi / 2) % np.pi - np.pi / 2))
    pct = lambda v: [round(float(x), 3) for x in np.percentile(v, QS)]  # noqa: E731
    return {"minutiae": pct(counts), "hull_area_px2": pct(hulls), "nearest_neighbour_px": pct(nn),
            "bifurcation_share": round(float(np.mean(bif)), 3),
            "orientation_diff_within_40px_deg": pct(np.rad2deg(coh))}


def scores(pairs) -> list:
    from inspector_app.biometrics import fingerprint

    s = [fingerprint.match(a, b) for a, b in pairs]
    return [round(float(x), 4) for x in np.percentile(s, QS)] + [round(float(np.mean(np.array(s) >= fingerprint.THRESHOLD)), 3)]


def real_templates(path: Path) -> list[list]:
    from inspector_app.biometrics.finger.template import FingerTemplate, Minutia

    return [[FingerTemplate([Minutia(*m) for m in t["minutiae"]], t["width"], t["height"]) for t in f]
            for f in json.loads(path.read_text())]


def synthetic(n_fingers: int, impressions: int, seed: int, quality_pool=None) -> list[list]:
    import fingerprint_synth as fs

    from benchmarks.finger_codes import unpack

    rng = np.random.default_rng(seed)
    f = fs.fingers(n_fingers, rng)
    out = [[] for _ in range(n_fingers)]
    for _ in range(impressions):
        rec, off, size = fs.impressions(f, rng, quality_pool=quality_pool)
        for i in range(n_fingers):
            out[i].append(unpack(rec[off[i]:off[i + 1]], size[i]))
    return out


def compare(real: list[list], synth: list[list], rng) -> dict:
    def pairs(fs):
        gen = [(f[i], f[j]) for f in fs for i in range(len(f)) for j in range(i + 1, len(f))]
        imp = [(fs[a][0], fs[b][0]) for a in range(len(fs)) for b in range(a + 1, len(fs))]
        gi = rng.choice(len(gen), min(400, len(gen)), replace=False)
        ii = rng.choice(len(imp), min(400, len(imp)), replace=False)
        return [gen[i] for i in gi], [imp[i] for i in ii]

    out = {}
    for name, fs in (("real_fvc", real), ("synthetic", synth)):
        g, i = pairs(fs)
        out[name] = {**stats([t for f in fs for t in f]),
                     "mcc_genuine_q5_25_50_75_95_and_share_over_threshold": scores(g),
                     "mcc_impostor_q5_25_50_75_95_and_share_over_threshold": scores(i)}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--real", type=Path, required=True, help="real templates JSON (fingerprint_search.py --cache)")
    ap.add_argument("--fingers", type=int, default=50)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    real = real_templates(args.real)
    qpool = [m.quality for f in real for t in f for m in t.minutiae]
    from fingerprint_fvc import machine_info

    doc = {"benchmark": "fingerprint_synth_calibration", "machine": machine_info(),
           "setup": {"real": "FVC2002 DB1-4 B + FVC2004 DB1 B through our extractor (50 fingers x 8)",
                     "synthetic_fingers": args.fingers, "impressions": 8, "seed": args.seed,
                     "pairs": "400 random genuine and 400 random impostor pairs each"},
           **compare(real, synthetic(args.fingers, 8, args.seed, qpool), np.random.default_rng(args.seed))}
    text = json.dumps(doc, indent=1)
    if args.out:
        args.out.write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
