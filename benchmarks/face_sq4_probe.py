#!/usr/bin/env python3
"""Would a 4-bit first stage make the exact 1:N face scan faster? (measured answer: no)

Compares, on the same synthetic gallery as face_search.py and the same queries in random order:
the index's 8-bit direct scan (R = 256) against faiss QT_4bit with per-dimension min/max ranges
(half the bytes). For the 4-bit codes it also reports the exactness bound ``eps`` (largest
reconstruction error) and how many candidates a threshold search at 0.6 would have to re-rank
(every template whose 4-bit distance minus eps is within 0.6), capped at --cap.

    python benchmarks/face_sq4_probe.py --size 1000000 --queries 40 --json
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import face_search  # noqa: E402

from inspector_app.biometrics.face import THRESHOLD  # noqa: E402


def main(argv=None) -> int:
    import faiss

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--cap", type=int, default=4096, help="largest candidate list asked of faiss")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.size < 1000 or args.queries < 2:
        ap.error("--size must be >= 1000 and --queries >= 2")
    faiss.omp_set_num_threads(1)
    rng = np.random.default_rng(args.seed)
    load_start = os.getloadavg()[0]
    _, x, centres, mean = face_search.make_gallery(args.size, rng, 0.43, 0.22)
    qs, _ = face_search.make_queries(args.queries, rng, centres, mean, 0.43, 0.22)

    lo, step = -0.6, 1.2 / 255  # FaceIndex's DEFAULT_RANGE mapped onto 0..255
    i8 = faiss.IndexScalarQuantizer(128, faiss.ScalarQuantizer.QT_8bit_direct, faiss.METRIC_L2)
    i8.add(np.clip(np.rint((x - lo) / step), 0, 255).astype(np.float32))
    i4 = faiss.IndexScalarQuantizer(128, faiss.ScalarQuantizer.QT_4bit, faiss.METRIC_L2)
    i4.sq.rangestat = faiss.ScalarQuantizer.RS_minmax
    i4.train(x[: min(args.size, 200_000)])
    i4.add(x)
    codes4 = faiss.vector_to_array(i4.codes).reshape(args.size, -1)
    eps4 = 0.0
    for a in range(0, args.size, 100_000):
        rec = i4.sa_decode(codes4[a : a + 100_000])
        eps4 = max(eps4, float(np.sqrt(((rec - x[a : a + 100_000]) ** 2).sum(axis=1)).max()))

    q8 = ((qs - lo) / step).astype(np.float32)
    lat: dict[str, list[float]] = {"8bit_direct_R256": [], "4bit_R256": []}
    for q, q_8 in zip(qs, q8):
        for name in rng.permutation(list(lat)):
            t0 = time.perf_counter()
            if name == "8bit_direct_R256":
                i8.search(q_8[None], 256)
            else:
                i4.search(q[None], 256)
            lat[name].append(time.perf_counter() - t0)
    needed = []
    for q in qs:
        d, _ = i4.search(q[None], args.cap)
        needed.append(int((np.sqrt(np.maximum(d[0], 0)) - eps4 <= THRESHOLD + 1e-4).sum()))
    report = {
        "benchmark": "face_sq4_probe",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"platform": platform.platform(), "cpu_count": os.cpu_count(), "faiss": faiss.__version__,
                    "loadavg_1m_at_start": round(load_start, 2), "loadavg_1m_at_end": round(os.getloadavg()[0], 2)},
        "size": args.size, "queries": args.queries,
        "eps_8bit_bound_range": round(float(np.sqrt(128) * step / 2), 4),
        "eps_4bit_measured": round(eps4, 4),
        "scan_ms": {k: {"p50": face_search.pct(v, 50), "p95": face_search.pct(v, 95)} for k, v in lat.items()},
        "threshold_rerank_candidates_4bit": {
            "median": int(np.median(needed)), "max": int(max(needed)), "cap": args.cap,
            "queries_at_cap": int(sum(n >= args.cap for n in needed)),
        },
    }
    print(json.dumps(report, indent=1) if args.json else report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
