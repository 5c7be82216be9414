#!/usr/bin/env python3
"""1:N fingerprint identification latency and recall: FingerIndex vs a plain loop of 1:1 matches.

Galleries of N subjects x 2 fingers (Right/Left IndexFinger) are built from real templates
extracted from the FVC B sets under --data:
- mated subjects: pairs of real fingers enrolled with impression 1; probes are their other
  impressions (real captures, not perturbations);
- distractor subjects: two templates drawn from a pool of perturbed copies of *other* real
  fingers (rotation, translation, 10-30 % minutiae dropout, position/angle jitter, spurious
  minutiae), each placed with its own rigid transform. The pool (--pool) bounds the cylinder
  computation; a rigid transform leaves MCC cylinders unchanged, so pool members are reused.

Reports, per gallery size: build time, p50/p95 identification latency, rank-1 accuracy of the
mated subject and pre-filter recall (mate template in the shortlist); and the plain loop of
`fingerprint.match` over the whole gallery: measured in full for galleries up to
--loop-full subjects, else timed on --loop-sample templates and extrapolated linearly (said in
the output).

    python benchmarks/fingerprint_search.py --data ../shared/data/fingerprints --json
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fingerprint_fvc import find_dbs, list_images, machine_info, manifest_dpis  # noqa: E402

R, L = "Right IndexFinger", "Left IndexFinger"


def load_real(data: Path, max_fingers: int) -> list[list]:
    """[finger][impression] -> FingerTemplate, extracted with our pipeline."""
    from inspector_app.biometrics import fingerprint

    dpis = manifest_dpis(data)
    fingers = []
    for db in find_dbs(data):
        for _, imprs in sorted(list_images(db).items()):
            first = imprs[min(imprs)]
            dpi = dpis.get(first.resolve(), 500.0)
            fingers.append([fingerprint.extract(fingerprint.load_image(p, dpi)) for _, p in sorted(imprs.items())])
            if len(fingers) >= max_fingers:
                return fingers
    return fingers


def perturb(t, rng):
    """A plausible other capture of the same finger: dropout, jitter, spurious minutiae."""
    from inspector_app.biometrics.finger.template import FingerTemplate, Minutia

    keep = [m for m in t.minutiae if rng.random() > rng.uniform(0.1, 0.3)]
    out = [Minutia(int(np.clip(m.x + rng.normal(0, 2), 0, 16383)), int(np.clip(m.y + rng.normal(0, 2), 0, 16383)),
                   float((m.angle + rng.normal(0, 6)) % 360), m.type, m.quality) for m in keep]
    for _ in range(rng.integers(0, 6)):
        out.append(Minutia(int(rng.integers(0, t.width)), int(rng.integers(0, t.height)),
                           float(rng.uniform(0, 360)), "ending", 10))
    return rigid(FingerTemplate(out, t.width, t.height, quality=t.quality), rng)


def rigid(t, rng, cylinders=None):
    """Rotate (+-30 deg) about the centre and translate (+-40 px); cylinders move with it unchanged."""
    from inspector_app.biometrics.finger.template import FingerTemplate, Minutia

    a = np.deg2rad(rng.uniform(-30, 30))
    dx, dy = rng.uniform(-40, 40, 2)
    cx, cy = t.width / 2, t.height / 2
    ca, sa = np.cos(a), np.sin(a)
    # vectorised (a 100k-subject gallery makes 200k of these): same arithmetic as per minutia
    x = np.array([m.x for m in t.minutiae], np.float64) - cx  # screen frame, y down: rotate
    y = np.array([m.y for m in t.minutiae], np.float64) - cy  # counter-clockwise on screen
    nx = np.clip(np.rint(ca * x + sa * y + cx + dx), 0, 16383).astype(np.int64).tolist()
    ny = np.clip(np.rint(-sa * x + ca * y + cy + dy), 0, 16383).astype(np.int64).tolist()
    angle = ((np.array([m.angle for m in t.minutiae], np.float64) + np.rad2deg(a)) % 360).tolist()
    mins = [Minutia(X, Y, A, m.type, m.quality) for X, Y, A, m in zip(nx, ny, angle, t.minutiae)]
    out = FingerTemplate(mins, t.width, t.height, quality=t.quality)
    if cylinders is not None:
        from inspector_app.biometrics.finger import mcc

        xyt = cylinders.xyt.copy()
        X, Y = xyt[:, 0] - cx, -xyt[:, 1] - cy  # back to screen coordinates
        xyt[:, 0] = ca * X + sa * Y + cx + dx
        xyt[:, 1] = -(-sa * X + ca * Y + cy + dy)
        xyt[:, 2] = (xyt[:, 2] + a) % (2 * np.pi)
        out._arrays["mcc"] = mcc.Cylinders(xyt, cylinders.bits, cylinders.valid, cylinders.count, cylinders.cells)
        if "mcc_vec" in t._arrays:  # cylinder descriptors are invariant too
            out._arrays["mcc_vec"] = t._arrays["mcc_vec"]
    return out


def distractor_pool(sources: list, n: int, rng) -> list:
    """n perturbed copies of the source templates, cylinders and pre-filter vectors computed once."""
    from inspector_app.biometrics import fingerprint
    from inspector_app.biometrics.finger import mcc
    from inspector_app.biometrics.finger_index import _projection, descriptors

    proj = _projection(mcc.DEFAULT.ns ** 2 * mcc.DEFAULT.nd)
    pool = []
    for i in range(n):
        p = perturb(sources[i % len(sources)], rng)
        p._arrays["mcc_vec"] = descriptors(fingerprint.cylinders(p), proj)
        pool.append(p)
    return pool


def distractor(pool: list, rng):
    """One gallery template: a pool member under its own rigid transform (its cylinder arrays are
    shared with the pool member, which understates memory; see encounter_search.py)."""
    from inspector_app.biometrics import fingerprint

    src = pool[int(rng.integers(len(pool)))]
    return rigid(src, rng, fingerprint.cylinders(src))


def pct(values, q):
    return round(float(np.percentile(values, q)), 2)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="folder holding FVC-style DB*_B folders")
    ap.add_argument("--sizes", default="1000,10000,100000", help="gallery sizes in subjects")
    ap.add_argument("--mated", type=int, default=10, help="mated subjects (each uses 2 real fingers)")
    ap.add_argument("--probes-per-subject", type=int, default=3, help="impressions 2.. used as probes")
    ap.add_argument("--pool", type=int, default=3000, help="distinct perturbed distractor templates")
    ap.add_argument("--shortlist", type=int, default=100)
    ap.add_argument("--neighbours", type=int, default=32)
    ap.add_argument("--loop-full", type=int, default=1000, help="run the plain loop in full up to this size")
    ap.add_argument("--loop-sample", type=int, default=2000, help="templates timed when extrapolating")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)

    from inspector_app.biometrics import fingerprint
    from inspector_app.biometrics.finger_index import FingerIndex

    rng = np.random.default_rng(args.seed)
    t0 = time.perf_counter()
    real = load_real(args.data, 10_000)
    if len(real) < 2 * args.mated + 2:
        raise SystemExit(f"need at least {2 * args.mated + 2} real fingers under {args.data}, found {len(real)}")
    extract_s = time.perf_counter() - t0
    mated = real[: 2 * args.mated]
    sources = [t for finger in real[2 * args.mated:] for t in finger]
    t0 = time.perf_counter()
    pool = distractor_pool(sources, args.pool, rng)
    pool_s = time.perf_counter() - t0
    probes = []
    for s in range(args.mated):
        for k in range(1, 1 + args.probes_per_subject):
            probes.append((f"mate{s}", {R: mated[2 * s][k], L: mated[2 * s + 1][k]}))

    results = []
    for size in [int(x) for x in args.sizes.split(",")]:
        idx = FingerIndex(shortlist=args.shortlist, neighbours=args.neighbours)
        t0 = time.perf_counter()
        for s in range(args.mated):
            idx.add(f"mate{s}", R, mated[2 * s][0])
            idx.add(f"mate{s}", L, mated[2 * s + 1][0])
        for n in range(size - args.mated):
            for pos in (R, L):
                idx.add(f"d{n}", pos, distractor(pool, rng))
        for pos in (R, L):  # build the vector index now, not inside the first query
            idx._positions[pos]._index()
        build_s = time.perf_counter() - t0

        lat, cpu, rank1, prefilter_hits, prefilter_total = [], [], 0, 0, 0
        for sid, probe in probes:
            t0, c0 = time.perf_counter(), time.process_time()
            ranked = idx.identify(probe, k=5)
            lat.append(1000 * (time.perf_counter() - t0))
            cpu.append(1000 * (time.process_time() - c0))
            rank1 += bool(ranked) and ranked[0][0] == sid
            for pos, tmpl in probe.items():
                p = idx._positions[pos]
                cand = idx.candidates(pos, tmpl)
                prefilter_hits += any(p.subjects[c] == sid for c in cand)
                prefilter_total += 1

        # plain loop of 1:1 matches over the whole gallery
        entries = [(pos, sid, t) for pos, p in idx._positions.items() for sid, t in zip(p.subjects, p.templates)]
        full = size <= args.loop_full
        loop = {"mode": "full" if full else f"timed on {args.loop_sample} templates per probe, extrapolated to {len(entries)}"}
        loop_lat, loop_rank1 = [], 0
        loop_probes = probes if full else probes[:5]
        for sid, probe in loop_probes:
            sample = entries if full else [entries[i] for i in rng.choice(len(entries), args.loop_sample, replace=False)]
            t0 = time.perf_counter()
            fused: dict[str, float] = {}
            for pos, gsid, t in sample:
                if pos in probe:
                    fused[gsid] = fused.get(gsid, 0.0) + fingerprint.match(probe[pos], t)
            elapsed = time.perf_counter() - t0
            loop_lat.append(1000 * elapsed * len(entries) / len(sample))
            if full:
                loop_rank1 += max(fused, key=fused.get) == sid
        loop.update({"p50_ms": pct(loop_lat, 50), "p95_ms": pct(loop_lat, 95), "queries": len(loop_probes)})
        if full:
            loop["rank1"] = round(loop_rank1 / len(loop_probes), 4)
        r = {"subjects": size, "templates": len(entries), "build_s": round(build_s, 1),
             "queries": len(probes), "p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95), "max_ms": round(max(lat), 1),
             "cpu_p50_ms": pct(cpu, 50), "cpu_p95_ms": pct(cpu, 95),
             "rank1": round(rank1 / len(probes), 4), "prefilter_recall": round(prefilter_hits / prefilter_total, 4),
             "plain_loop": loop, "speedup_p50": round(loop["p50_ms"] / max(pct(lat, 50), 1e-9), 1)}
        results.append(r)
        if not args.json:
            print(json.dumps(r), flush=True)
        del idx, entries

    doc = {"benchmark": "fingerprint_search", "machine": machine_info(),
           "note": "latencies are wall-clock on the machine as it was (see load_average); cpu_* is process CPU time",
           "setup": {"real_fingers": len(real), "mated_subjects": args.mated, "probes": len(probes),
                     "distractor_pool": args.pool, "shortlist": args.shortlist, "neighbours": args.neighbours,
                     "extract_real_s": round(extract_s, 1), "pool_build_s": round(pool_s, 1),
                     "fusion": "sum of per-finger MCC scores"},
           "results": results}
    text = json.dumps(doc, indent=2)
    if args.out:
        args.out.write_text(text + "\n")
    print(text if args.json else json.dumps({"done": [r["subjects"] for r in results]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
