#!/usr/bin/env python3
"""1:N face search benchmark: FaceIndex vs the naive face_recognition.face_distance scan.

Galleries are synthetic but shaped like dlib encodings: identities are directions in a cone
around a random mean direction (spread), each with 1-5 noisy samples (noise), renormalised and
scaled to norms 1.3-1.5. The defaults give genuine distances around 0.43 and impostor distances
around 0.87, close to what benchmarks/face_accuracy.py measures on the shared photos (genuine
0.35-0.53, impostor 0.70-1.02). The noise is isotropic in 128-d, a hard case for any index.

Half the queries are new samples of enrolled identities (mated), half are strangers (non-mated).
For every query we also run the exact float32 scan, so recall is measured, not assumed.

    python benchmarks/face_search.py --sizes 10000,100000,1000000 --json
    python benchmarks/face_search.py --sizes 10000 --queries 50 --json      # quick run
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inspector_app.biometrics.face import THRESHOLD  # noqa: E402
from inspector_app.biometrics.face_index import FaceIndex  # noqa: E402

DIM = 128


def make_gallery(n: int, rng: np.random.Generator, spread: float, noise: float, max_samples: int = 5):
    """n templates of ~n/3 identities (1..max_samples samples each); returns ids, vectors, centres."""
    mean = rng.standard_normal(DIM)
    mean /= np.linalg.norm(mean)
    counts = rng.integers(1, max_samples + 1, size=n)  # more than enough identities
    counts = counts[: int(np.searchsorted(np.cumsum(counts), n)) + 1]
    counts[-1] -= counts.sum() - n
    centres = mean + spread * rng.standard_normal((counts.size, DIM)) / np.sqrt(DIM)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    owner = np.repeat(np.arange(counts.size), counts)
    x = sample_around(centres[owner], rng, noise)
    ids = np.char.add("ID", owner.astype(str))
    return ids, x, centres, mean


def sample_around(centres: np.ndarray, rng: np.random.Generator, noise: float) -> np.ndarray:
    x = centres + noise * rng.standard_normal(centres.shape) / np.sqrt(DIM)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    x *= rng.uniform(1.3, 1.5, size=(x.shape[0], 1))
    return x.astype(np.float32)


def make_queries(m: int, rng, centres, mean, spread, noise):
    mated = sample_around(centres[rng.integers(0, centres.shape[0], m // 2)], rng, noise)
    strangers = mean + spread * rng.standard_normal((m - m // 2, DIM)) / np.sqrt(DIM)
    strangers /= np.linalg.norm(strangers, axis=1, keepdims=True)
    return np.vstack([mated, sample_around(strangers, rng, noise)]), m // 2


def exact_top(x: np.ndarray, sq: np.ndarray, ids: np.ndarray, q: np.ndarray, k: int):
    """Reference answer (per subject, like FaceIndex) from a float32 full scan."""
    d2 = sq - 2.0 * (x @ q) + float(q @ q)
    take = min(d2.size, 64 * k)
    part = np.argpartition(d2, take - 1)[:take]
    part = part[np.argsort(d2[part])]
    best: dict = {}
    for i in part:
        s = ids[i]
        if s not in best:
            best[s] = float(np.sqrt(max(d2[i], 0.0)))
    ranked = sorted(best.items(), key=lambda kv: kv[1])
    within = {s for s, d in ranked if d <= THRESHOLD}
    if len(within) == len(ranked):  # the 64k window might have cut some within-threshold ones
        within = {ids[i] for i in np.nonzero(d2 <= THRESHOLD**2)[0]}
    return ranked[:k], within


def pct(a, p):
    return round(float(np.percentile(a, p)) * 1000, 3)


def run_size(n: int, args, rng) -> dict:
    import face_recognition
    import faiss

    faiss.omp_set_num_threads(args.threads)
    ids, x, centres, mean = make_gallery(n, rng, args.spread, args.noise)
    queries, n_mated = make_queries(args.queries, rng, centres, mean, args.spread, args.noise)

    t0 = time.perf_counter()
    index = FaceIndex()
    index.add_many(ids.tolist(), x)
    build_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        index.save(Path(tmp) / "idx")
        save_s = time.perf_counter() - t0
        disk = sum(f.stat().st_size for f in (Path(tmp) / "idx").iterdir())
        t0 = time.perf_counter()
        loaded = FaceIndex.load(Path(tmp) / "idx")
        load_s = time.perf_counter() - t0
        # the loaded (memory-mapped) index is the one searched: that is how a booth runs it
        assert len(loaded) == n
        index = loaded

        sq = (x.astype(np.float32) ** 2).sum(axis=1)
        lat_top, lat_thr, rounds = [], [], []
        lat_top_1, lat_thr_1 = [], []  # the same queries scanned on one thread, interleaved
        hit1 = {"mated": 0, "non_mated": 0}
        within_total = within_found = 0
        refs = []
        # with --search-threads > 1 each query also runs on one thread; which goes first
        # alternates, so neither variant always follows the cache-flushing reference scan
        variants = [args.search_threads, 1] if args.search_threads > 1 else [1]
        for i, q in enumerate(queries):
            kind = "mated" if i < n_mated else "non_mated"
            ref, within = exact_top(x, sq, ids, q, args.k)
            refs.append((ref, within))
            for threads in variants if i % 2 == 0 else variants[::-1]:
                index.search_threads = threads
                top, thr = (lat_top, lat_thr) if threads == args.search_threads else (lat_top_1, lat_thr_1)
                t0 = time.perf_counter()
                res = index.search(q, k=args.k)
                top.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                res_thr = index.search(q, k=max(args.k, len(within)), max_distance=THRESHOLD)
                thr.append(time.perf_counter() - t0)
                if threads == args.search_threads:
                    got, got_thr = res, res_thr
                    rounds.append(index.last_search_stats["rounds"])
            hit1[kind] += got[0][0] == ref[0][0] or abs(got[0][1] - ref[0][1]) < 1e-5
            within_total += len(within)
            within_found += len(within & {s for s, _ in got_thr})

        # the naive baseline, in the same run: face_distance over the gallery as face_recognition
        # users hold it (float64 encodings), then the best match
        gallery64 = x.astype(np.float64)
        base64_lat, base32_lat = [], []
        for q in queries[: args.baseline_queries]:
            q64 = q.astype(np.float64)
            t0 = time.perf_counter()
            d = face_recognition.face_distance(gallery64, q64)
            int(np.argmin(d))
            base64_lat.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            d = face_recognition.face_distance(x, q)
            int(np.argmin(d))
            base32_lat.append(time.perf_counter() - t0)
        del gallery64

    ivf = [ivf_run(x, ids, queries, n_mated, refs, nlist, nprobes, args) for nlist, nprobes in args.ivf if n <= args.ivf_max_size]

    memory = {
        "vectors_float32_mb": round(x.nbytes / 2**20, 1),
        "codes_8bit_mb": round(n * DIM / 2**20, 1),
        "disk_mb": round(disk / 2**20, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    p50_top = float(np.percentile(lat_top, 50))
    return {
        "size": n,
        "identities": int(centres.shape[0]),
        "queries": {"mated": n_mated, "non_mated": len(queries) - n_mated, "k": args.k},
        "build_s": round(build_s, 3),
        "save_s": round(save_s, 3),
        "load_s": round(load_s, 4),
        "memory": memory,
        "eps": round(index.eps, 5),
        "latency_ms_topk": {"p50": pct(lat_top, 50), "p95": pct(lat_top, 95), "max": pct(lat_top, 100)},
        "latency_ms_threshold": {"p50": pct(lat_thr, 50), "p95": pct(lat_thr, 95), "max": pct(lat_thr, 100)},
        "search_threads": args.search_threads,
        "latency_ms_one_thread": {
            "topk_p50": pct(lat_top_1, 50), "topk_p95": pct(lat_top_1, 95),
            "threshold_p50": pct(lat_thr_1, 50), "threshold_p95": pct(lat_thr_1, 95),
        } if lat_top_1 else None,
        "certificate_rounds": {"mean": round(float(np.mean(rounds)), 3), "max": int(np.max(rounds))},
        "recall_at_1": {
            "mated": round(hit1["mated"] / max(1, n_mated), 5),
            "non_mated": round(hit1["non_mated"] / max(1, len(queries) - n_mated), 5),
            "all": round(sum(hit1.values()) / len(queries), 5),
        },
        "within_threshold": {"exact": within_total, "found": within_found,
                              "recall": round(within_found / within_total, 5) if within_total else None},
        "baseline_face_distance_ms": {
            "float64_p50": pct(base64_lat, 50), "float64_p95": pct(base64_lat, 95),
            "float32_p50": pct(base32_lat, 50), "float32_p95": pct(base32_lat, 95),
            "queries": len(base64_lat),
        },
        "speedup_p50_vs_float64_baseline": round(float(np.percentile(base64_lat, 50)) / p50_top, 1),
        "speedup_p50_vs_float32_baseline": round(float(np.percentile(base32_lat, 50)) / p50_top, 1),
        "ivf_comparison": ivf,
    }


def ivf_run(x, ids, queries, n_mated, refs, nlist: int, nprobes: list[int], args) -> dict:
    """The approximate alternative (faiss IndexIVFFlat), measured on the same gallery and queries."""
    import faiss

    t0 = time.perf_counter()
    quantiser = faiss.IndexFlatL2(DIM)
    index = faiss.IndexIVFFlat(quantiser, DIM, nlist)
    index.cp.max_points_per_centroid = 64
    index.cp.seed = args.seed
    index.train(x)
    index.add(x)
    out = {"nlist": nlist, "build_s": round(time.perf_counter() - t0, 2), "runs": []}
    for nprobe in nprobes:
        index.nprobe = nprobe
        lat, hits, found, total = [], [0, 0], 0, 0
        for i, (q, (ref, within)) in enumerate(zip(queries, refs)):
            t0 = time.perf_counter()
            dist, pos = index.search(q[None], 8 * args.k)
            lat.append(time.perf_counter() - t0)
            got = [(ids[p], float(np.sqrt(d))) for p, d in zip(pos[0], dist[0]) if p >= 0]
            if got and (got[0][0] == ref[0][0] or abs(got[0][1] - ref[0][1]) < 1e-4):
                hits[0 if i < n_mated else 1] += 1
            found += len(within & {s for s, d in got if d <= THRESHOLD})
            total += len(within)
        out["runs"].append({
            "nprobe": nprobe, "p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95),
            "recall_at_1_mated": round(hits[0] / max(1, n_mated), 4),
            "recall_at_1_non_mated": round(hits[1] / max(1, len(queries) - n_mated), 4),
            "within_threshold_recall": round(found / total, 4) if total else None,
        })
    return out


def machine() -> dict:
    import faiss

    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "processor": platform.processor() or platform.machine(),
        "numpy": np.__version__,
        "faiss": faiss.__version__,
        "loadavg_1m_at_start": round(os.getloadavg()[0], 2),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated gallery sizes")
    ap.add_argument("--queries", type=int, default=200, help="queries per size (half mated)")
    ap.add_argument("--baseline-queries", type=int, default=30, help="queries for the naive baseline")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--threads", type=int, default=1, help="faiss OpenMP threads (1 = one query per core)")
    ap.add_argument("--search-threads", type=int, default=1,
                    help="FaceIndex.search_threads (slices scanned in parallel per query); >1 also times 1 thread on the same queries")
    ap.add_argument("--spread", type=float, default=0.43, help="spread of identities around the mean direction")
    ap.add_argument("--noise", type=float, default=0.22, help="spread of samples around their identity")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--ivf", default="", help="also measure faiss IVF, e.g. '1024:16,64,256' (nlist:nprobes; ';' between)")
    ap.add_argument("--ivf-max-size", type=int, default=100000, help="skip the IVF comparison above this size (slow build)")
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    ap.add_argument("--out", type=Path, help="also write the JSON here")
    args = ap.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error(f"--sizes must be comma-separated integers, got {args.sizes!r}")
    if not sizes or min(sizes) < 10 or args.queries < 2:
        ap.error("sizes must be >= 10 and --queries >= 2")
    try:
        args.ivf = [(int(a), [int(p) for p in b.split(",")]) for a, b in (part.split(":") for part in args.ivf.split(";") if part)]
    except ValueError:
        ap.error(f"--ivf must look like 1024:16,64 (got {args.ivf!r})")

    rng = np.random.default_rng(args.seed)
    started = dt.datetime.now(dt.UTC)
    report = {
        "benchmark": "face_search",
        "date": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine(),
        "params": {k: v for k, v in vars(args).items() if k not in {"json", "out"}},
        "threshold": THRESHOLD,
        "targets_at_1M": {"p95_ms": 10, "speedup_vs_baseline": 100, "recall_at_1": 0.999},
        "results": [],
    }
    for n in sizes:
        r = run_size(n, args, rng)
        report["results"].append(r)
        if not args.json:
            print(f"n={n}: p50 {r['latency_ms_topk']['p50']} ms p95 {r['latency_ms_topk']['p95']} ms, "
                  f"recall@1 {r['recall_at_1']['all']}, within-threshold {r['within_threshold']}, "
                  f"baseline p50 {r['baseline_face_distance_ms']['float64_p50']} ms, "
                  f"speedup {r['speedup_p50_vs_float64_baseline']}x", flush=True)
    report["machine"]["loadavg_1m_at_end"] = round(os.getloadavg()[0], 2)
    report["seconds"] = round((dt.datetime.now(dt.UTC) - started).total_seconds(), 1)
    text = json.dumps(report, indent=1)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    if args.json:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
