#!/usr/bin/env python3
"""Exact face 1:N at 1M on ONE core: can a proven lower bound beat a full scan? (issue 15 item 3)

Measured in one run, on the same gallery and queries, every query through every method in turn:
- ``faiss.IndexFlatL2``: the exhaustive float32 scan;
- ``FaceIndex`` before issue 15 (benchmarks/face_index_v1.py) and as it is now (outliers apart):
  an 8-bit scan of all 128 dimensions + float32 re-rank with a certificate;
- ``PrefixBoundIndex`` (benchmarks/face_bound.py) for several ``d1``: principal-axis rotation, the
  leading d1 coordinates + the norm of the rest as a proven lower bound, 8-bit codes, certificate;
- ``CodeBoundStage`` (benchmarks/face_codebound.py): a cheap first stage (4-bit PQ fast-scan at 16
  or 32 bytes, or 4-bit SQ after PCA at 64 bytes) with each template's own reconstruction error as
  the bound. Its faiss scan for the first R candidates is timed in the same interleaved loop (a
  lower bound on any search through it) and its pruning measured on the first and last queries;
  beside it, Shannon's bound: the fewest bytes per template any code needs for a given error.

Galleries (benchmarks/face_gallery.py): ``fitted`` draws identities and samples from a Gaussian
model fitted to real dlib encodings of the shared photos (mean, principal axes, a power-law
spectrum whose exponent reproduces the real impostor-distance spread, scales that reproduce the
real genuine and impostor medians); ``isotropic`` is the older cone generator of face_search.py.
Queries: half mated (a new sample of an enrolled identity), half non-mated (a new identity).
Every answer is checked against an exhaustive float32 scan of the gallery in the same run: the
top-k (subjects and distances) and every subject within the threshold.

One core: faiss.omp_set_num_threads(1) and single-threaded BLAS for our own code.

    python benchmarks/face_pruning.py --size 1000000 --out benchmarks/results/face_pruning_1m.json
    python benchmarks/face_pruning.py --size 20000 --queries 20          # quick look
"""
from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import code_commit  # noqa: E402
from face_bound import PrefixBoundIndex  # noqa: E402
from face_codebound import CodeBoundStage, min_bytes_for_rms_error  # noqa: E402
from face_gallery import FittedModel, fitted_gallery, real_encodings  # noqa: E402
from face_index_v1 import FaceIndex as FaceIndexV1  # noqa: E402
from face_search import exact_top, machine, make_gallery, make_queries, pct  # noqa: E402

from inspector_app.biometrics.face import THRESHOLD  # noqa: E402
from inspector_app.biometrics.face_index import FaceIndex  # noqa: E402

TARGET_P95_MS = 5.0


def galleries(kind: str, n: int, queries: int, rng, model: FittedModel):
    if kind == "fitted":
        ids, x, centres = fitted_gallery(model, n, rng)
        mated = model.samples(rng, centres[rng.integers(0, centres.shape[0], queries // 2)])
        strangers = model.samples(rng, model.identities_draw(rng, queries - queries // 2))
        return ids, x, np.vstack([mated, strangers]), queries // 2
    ids, x, centres, mean = make_gallery(n, rng, 0.43, 0.22)
    q, n_mated = make_queries(queries, rng, centres, mean, 0.43, 0.22)
    return ids, x, q, n_mated


def same_answer(got, ref, tol: float = 1e-5) -> bool:
    """Same subjects and distances (a different subject only where the reference distance ties)."""
    if len(got) != len(ref):
        return False
    return all(abs(g[1] - r[1]) <= tol and (g[0] == r[0] or any(abs(o[1] - g[1]) <= tol and o[0] == g[0] for o in ref))
               for g, r in zip(got, ref))


def run(kind: str, args, rng, model: FittedModel) -> dict:
    import faiss

    ids, x, queries, n_mated = galleries(kind, args.size, args.queries, rng, model)
    n = x.shape[0]
    subjects, subject_code = np.unique(ids, return_inverse=True)
    builds = {}
    t0 = time.perf_counter()
    flat = faiss.IndexFlatL2(x.shape[1])
    flat.add(x)
    builds["IndexFlatL2"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    current = FaceIndex()
    current.add_many(ids.tolist(), x)
    builds["FaceIndex"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    previous = FaceIndexV1()
    previous.add_many(ids.tolist(), x)
    builds["FaceIndex_v1"] = time.perf_counter() - t0
    bounds, bound_only = {}, {}
    for d1 in args.bound_only:  # only the pruning statistic: too slow to time at 1M
        bound_only[d1] = PrefixBoundIndex(x, subject_code, d1, seed=args.seed)
    for d1 in args.prefix:
        t0 = time.perf_counter()
        bounds[d1] = PrefixBoundIndex(x, subject_code, d1, seed=args.seed)
        builds[f"prefix{d1}"] = time.perf_counter() - t0
    stages = {}
    for kind_s in args.code_bounds:
        t0 = time.perf_counter()
        stages[kind_s] = CodeBoundStage(x, kind_s, seed=args.seed)
        builds[f"{kind_s}_first_stage"] = time.perf_counter() - t0
    scan_lat = {s: [] for s in stages}
    scan_cpu = {s: [] for s in stages}
    stage_prune = {s: [] for s in stages}

    methods = ["IndexFlatL2", "FaceIndex_v1", "FaceIndex"] + [f"prefix{d1}" for d1 in args.prefix]
    lat = {m: {"topk": [], "threshold": []} for m in methods}
    cpu = {m: {"topk": [], "threshold": []} for m in methods}  # this thread's CPU: robust to a busy machine
    ok = {m: {"topk": [0, 0], "threshold": [0, 0]} for m in methods}  # [mated, non-mated]
    within_total = 0
    within_found = {m: 0 for m in methods if m != "IndexFlatL2"}
    within_found.pop("FaceIndex_v1")
    rounds = {m: [] for m in methods if m != "IndexFlatL2"}
    cands = {m: [] for m in methods if m.startswith("prefix")}
    prune = {f"prefix{d1}": [] for d1 in list(args.prefix) + list(args.bound_only)}
    sq = (x.astype(np.float32) ** 2).sum(axis=1)
    far = {"top1_distance": [], "kth_distance": [], "within_threshold_templates": []}

    def name_of(code_dist):
        return [(str(subjects[c]), float(d)) for c, d in code_dist]

    for i, q in enumerate(queries):
        kind_i = 0 if i < n_mated else 1
        ref, within = exact_top(x, sq, ids, q, args.k)
        ref_thr = [(s, d) for s, d in ref if d <= THRESHOLD]
        far["top1_distance"].append(ref[0][1])
        far["kth_distance"].append(ref[-1][1])
        d2 = sq - 2.0 * (x @ q) + float(q @ q)
        far["within_threshold_templates"].append(int((d2 <= THRESHOLD**2).sum()))
        within_total += len(within)
        every = methods + [f"scan:{s}" for s in stages]
        order = every[i % len(every):] + every[: i % len(every)]  # nobody always runs first
        for m in order:
            if m.startswith("scan:"):
                t0, c0 = time.perf_counter(), time.thread_time()
                stages[m[5:]].scan(q, args.first)
                scan_lat[m[5:]].append(time.perf_counter() - t0)
                scan_cpu[m[5:]].append(time.thread_time() - c0)
                continue
            if m == "IndexFlatL2":
                t0, c0 = time.perf_counter(), time.thread_time()
                dist, pos = flat.search(q[None], 8 * args.k)
                lat[m]["topk"].append(time.perf_counter() - t0)
                cpu[m]["topk"].append(time.thread_time() - c0)
                got = []
                for p, dd in zip(pos[0], dist[0]):
                    s = str(ids[p])
                    if s not in {g[0] for g in got}:
                        got.append((s, float(np.sqrt(max(dd, 0.0)))))
                ok[m]["topk"][kind_i] += same_answer(got[: args.k], ref, 1e-4)
                continue
            for mode in ("topk", "threshold"):
                md = THRESHOLD if mode == "threshold" else None
                if m.startswith("FaceIndex"):
                    fi = current if m == "FaceIndex" else previous
                    t0, c0 = time.perf_counter(), time.thread_time()
                    got = fi.search(q, k=args.k, max_distance=md)
                    lat[m][mode].append(time.perf_counter() - t0)
                    cpu[m][mode].append(time.thread_time() - c0)
                    rounds[m].append(fi.last_search_stats["rounds"])
                else:
                    idx = bounds[int(m[6:])]
                    t0, c0 = time.perf_counter(), time.thread_time()
                    got = idx.search(q, k=args.k, max_distance=md, first=args.first)
                    lat[m][mode].append(time.perf_counter() - t0)
                    cpu[m][mode].append(time.thread_time() - c0)
                    got = name_of(got)
                    rounds[m].append(idx.last["rounds"])
                    cands[m].append(idx.last["candidates"])
                ok[m][mode][kind_i] += same_answer(got, ref if mode == "topk" else ref_thr)
        # every subject within the threshold, not only the top k (untimed; k = all of them)
        if within:
            everyone = len(within)
            within_found["FaceIndex"] += len(within & {s for s, _ in current.search(q, k=everyone, max_distance=THRESHOLD)})
            for d1, idx in bounds.items():
                within_found[f"prefix{d1}"] += len(within & {str(subjects[c]) for c, _ in idx.search(q, k=everyone, max_distance=THRESHOLD)})
        if i % 25 == 0:
            print(f"{kind}: query {i}/{len(queries)}", file=sys.stderr, flush=True)
        if i < args.prune_queries or len(queries) - i <= args.prune_queries:  # mated and non-mated
            for d1, idx in {**bounds, **bound_only}.items():
                lb = idx.lower_bounds(q)
                kth = ref[-1][1]
                prune[f"prefix{d1}"].append({"kth": float((lb <= kth).mean()), "threshold": float((lb <= min(THRESHOLD, kth)).mean())})
            for s, st in stages.items():
                lb = st.lower_bounds(q)
                kth = ref[-1][1]
                stage_prune[s].append({"kth": float((lb <= kth).mean()), "threshold": float((lb <= min(THRESHOLD, kth)).mean())})
        del d2

    n_non = len(queries) - n_mated
    out = {
        "gallery": kind, "size": n, "subjects": int(subjects.size),
        "queries": {"mated": n_mated, "non_mated": n_non, "k": args.k, "threshold": THRESHOLD},
        "exact_scan_facts": {
            "top1_distance_median_mated": round(float(np.median(far["top1_distance"][:n_mated])), 4),
            "top1_distance_median_non_mated": round(float(np.median(far["top1_distance"][n_mated:])), 4),
            "kth_distance_median_non_mated": round(float(np.median(far["kth_distance"][n_mated:])), 4),
            "templates_within_threshold_median_non_mated": float(np.median(far["within_threshold_templates"][n_mated:])),
            "templates_within_threshold_max": int(np.max(far["within_threshold_templates"])),
        },
        "build_s": {m: round(v, 2) for m, v in builds.items()},
        "bytes_scanned_per_template": {"IndexFlatL2": 4 * x.shape[1], "FaceIndex_v1": x.shape[1], "FaceIndex": x.shape[1],
                                       **{f"prefix{d1}": b.width for d1, b in bounds.items()}},
        "outliers_FaceIndex": current.outliers,
        "eps": {"FaceIndex_v1": round(previous.eps, 5), "FaceIndex": round(current.eps, 5),
                 **{f"prefix{d1}": round(b.eps, 5) for d1, b in bounds.items()}},
        "methods": {},
        "within_threshold": {"exact_subjects": within_total,
                             **{m: (round(v / within_total, 5) if within_total else None) for m, v in within_found.items()}},
    }
    for m in methods:
        r = {}
        for mode in ("topk", "threshold"):
            if lat[m][mode]:
                a = lat[m][mode]
                c = cpu[m][mode]
                r[mode] = {"p50_ms": pct(a, 50), "p95_ms": pct(a, 95), "max_ms": pct(a, 100),
                           "cpu_p50_ms": pct(c, 50), "cpu_p95_ms": pct(c, 95), "cpu_max_ms": pct(c, 100),
                           "exact_mated": round(ok[m][mode][0] / max(1, n_mated), 5),
                           "exact_non_mated": round(ok[m][mode][1] / max(1, n_non), 5)}
        if m in rounds:
            r["certificate_rounds_both_modes"] = {"mean": round(float(np.mean(rounds[m])), 3), "max": int(np.max(rounds[m]))}
        if m in cands:
            r["candidates_reranked"] = {"p50": float(np.median(cands[m])), "max": int(np.max(cands[m]))}
            if prune[m]:
                r["fraction_not_pruned"] = {
                    "at_kth_distance_median": round(float(np.median([p["kth"] for p in prune[m]])), 5),
                    "at_kth_distance_max": round(float(np.max([p["kth"] for p in prune[m]])), 5),
                    "at_threshold_median": round(float(np.median([p["threshold"] for p in prune[m]])), 5),
                    "queries": len(prune[m])}
        out["methods"][m] = r
    for d1 in args.bound_only:
        p = prune[f"prefix{d1}"]
        out["methods"][f"prefix{d1}_bound_only"] = {"fraction_not_pruned": {
            "at_kth_distance_median": round(float(np.median([v["kth"] for v in p])), 5),
            "at_kth_distance_max": round(float(np.max([v["kth"] for v in p])), 5),
            "at_threshold_median": round(float(np.median([v["threshold"] for v in p])), 5), "queries": len(p)}}
    for s, st in stages.items():
        p = stage_prune[s]
        out["methods"][f"{s}_first_stage"] = {
            "bytes_per_template": st.bytes,
            "e_x": {"median": round(float(np.median(st.e)), 5), "p999": round(float(np.quantile(st.e, 0.999)), 5),
                    "max": round(float(st.e.max()), 5)},
            f"scan_first_{args.first}_only": {"p50_ms": pct(scan_lat[s], 50), "p95_ms": pct(scan_lat[s], 95),
                                              "cpu_p50_ms": pct(scan_cpu[s], 50), "cpu_p95_ms": pct(scan_cpu[s], 95)},
            "fraction_not_pruned": {
                "at_kth_distance_median": round(float(np.median([v["kth"] for v in p])), 5),
                "at_kth_distance_max": round(float(np.max([v["kth"] for v in p])), 5),
                "at_threshold_median": round(float(np.median([v["threshold"] for v in p])), 5),
                "templates_to_rerank_at_kth_median": int(round(float(np.median([v["kth"] for v in p])) * n)),
                "queries": len(p)}}
    out["shannon_min_bytes_per_template"] = {f"rms_error_{e}": round(min_bytes_for_rms_error(x, e, seed=args.seed), 1)
                                             for e in (0.2, 0.1, 0.05, round(current.eps, 3))}
    base = out["methods"]["FaceIndex_v1"]["threshold"]["p95_ms"]
    out["best"] = min(((m, out["methods"][m]["threshold"]["p95_ms"]) for m in methods if "threshold" in out["methods"][m]),
                      key=lambda t: t[1])
    out["speedup_p95_threshold_vs_FaceIndex_v1"] = {m: round(base / out["methods"][m]["threshold"]["p95_ms"], 2)
                                                 for m in methods if "threshold" in out["methods"][m]}
    out["speedup_p95_topk_vs_IndexFlatL2"] = {m: round(out["methods"]["IndexFlatL2"]["topk"]["p95_ms"] / out["methods"][m]["topk"]["p95_ms"], 2)
                                              for m in methods}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=200, help="queries (half mated)")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--prefix", default="111", help="d1 values (d1 + 1 a multiple of 16 wastes no padding) for PrefixBoundIndex")
    ap.add_argument("--first", type=int, default=256, help="PrefixBoundIndex's first R (FaceIndex starts at 256)")
    ap.add_argument("--bound-only", default="31,63", help="d1 values whose pruning is measured but not timed")
    ap.add_argument("--code-bounds", default="pq32,pq64,sq4pca",
                    help="CodeBoundStage kinds (first stage with a per-template error bound) to measure")
    ap.add_argument("--galleries", default="fitted,isotropic")
    ap.add_argument("--prune-queries", type=int, default=10,
                    help="first and last queries (mated, non-mated) whose bound is computed for the whole gallery")
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    args.prefix = [int(p) for p in args.prefix.split(",") if p]
    args.bound_only = [int(p) for p in args.bound_only.split(",") if p]
    args.code_bounds = [s for s in args.code_bounds.split(",") if s]
    import faiss

    faiss.omp_set_num_threads(1)
    rng = np.random.default_rng(args.seed)
    started = dt.datetime.now(dt.UTC)
    model = FittedModel(real_encodings(args.data / "faces" / "face_recognition"))
    report = {
        "benchmark": "face_pruning", "date": started.strftime("%Y-%m-%dT%H:%M:%SZ"), "commit": code_commit(),
        "machine": machine(), "one_core": True,
        "params": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items() if k != "out"},
        "target": {"p95_ms_at_1M_one_core": TARGET_P95_MS, "exact": "top-k and every subject within the threshold"},
        "generator": model.describe(np.random.default_rng(args.seed + 1)),
        "results": [],
    }
    for kind in args.galleries.split(","):
        r = run(kind, args, rng, model)
        report["results"].append(r)
        print(kind, json.dumps({m: v.get("threshold", v.get("topk")) for m, v in r["methods"].items()}), flush=True)
    report["machine"]["loadavg_1m_at_end"] = round(os.getloadavg()[0], 2)
    report["machine"]["loadavg_5m_at_end"] = round(os.getloadavg()[1], 2)
    report["seconds"] = round((dt.datetime.now(dt.UTC) - started).total_seconds(), 1)
    text = json.dumps(report, indent=1)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
