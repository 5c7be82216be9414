#!/usr/bin/env python3
"""Hub-side 1:N over earlier encounters: ``EncounterGallery`` at 1M face and 100k finger encounters.

What a hub worker holds in memory and searches for ``POST /encounters/search``. The gallery is
N encounters with a face (synthetic, dlib-shaped: ``face_search.make_gallery``, so a traveller
has 1-5 encounters); the first M of them also carry two index fingers: ``--mated`` of those are
real FVC fingers (impression 1) whose other impressions are the mated probes, the rest are
perturbed real fingers under their own rigid transforms (``fingerprint_search``'s pool), each
with its own copy of the cylinder arrays, as a decoded template has, so memory is not
understated. Stranger probes are real fingers held out of the gallery and the pool, with a
stranger's face.

Measured: search p50/p95 (wall and CPU) for mated and non-mated probes, face-only, fingers-only
and face+fingers; recall against an exhaustive scan (faces: every encounter; fingers: every
mated encounter plus a random sample of the rest, for a subset of probes: a full 1:1 scan of
100k encounters takes minutes per probe); resident memory; load time from the hub's stored form
(``json.dumps(gallery.encode(...))`` text decoded into the gallery); a search right after an
encounter is added (the hub adds while it searches); optionally PostgreSQL writing and reading
template rows from month partitions (``--postgres-rows``).

    python benchmarks/encounter_search.py --out benchmarks/results/encounter_search.json
    python benchmarks/encounter_search.py --faces 20000 --fingers 2000 --queries 20   # quick run
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

# One BLAS/OpenMP thread, as a hub worker should run (one worker process per core): on the busy
# 2-core machine a multi-threaded OpenBLAS made finger_index.descriptors' small product ~100 ms
# instead of ~1 ms. Set before numpy is imported; an explicit environment wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import code_commit  # noqa: E402
from face_search import make_gallery, make_queries, sample_around  # noqa: E402
from fingerprint_fvc import machine_info  # noqa: E402
from fingerprint_pool import L, R, distractor, distractor_pool, load_real  # noqa: E402

from inspector_app.biometrics import fingerprint, gallery  # noqa: E402
from inspector_app.biometrics.face_index import FaceIndex  # noqa: E402
from inspector_app.biometrics.finger import mcc  # noqa: E402
from inspector_app.biometrics.finger_index import FingerIndex  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("INSPECTOR_TEST_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")) / "fingerprints"


def rss_mb() -> float:
    """Current resident set size (not the peak: deltas between steps are what we report)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def owned(t):
    """Give a distractor its own cylinder and pre-filter arrays (a pool copy shares them)."""
    c = t._arrays["mcc"]
    t._arrays["mcc"] = mcc.Cylinders(c.xyt, c.bits.copy(), c.valid.copy(), c.count.copy(), c.cells.copy())
    if "mcc_vec" in t._arrays:
        t._arrays["mcc_vec"] = t._arrays["mcc_vec"].copy()
    return t


def stats(wall: list[float], cpu: list[float]) -> dict:
    if not wall:
        return {"queries": 0}
    p = lambda a, q: round(float(np.percentile(a, q)) * 1000, 2)  # noqa: E731
    return {"queries": len(wall), "p50_ms": p(wall, 50), "p95_ms": p(wall, 95), "max_ms": p(wall, 100),
            "cpu_p50_ms": p(cpu, 50), "cpu_p95_ms": p(cpu, 95)}


def sort_key(eid: str, score: float | None, distance: float | None):
    """EncounterGallery.search's order: fingers first by score, then by face distance."""
    return (score is None, -(score or 0.0), distance if distance is not None else 9.0, eid)


def missed(truth: dict, found: list, k: int) -> tuple[int, int]:
    """(expected, missed): truth is {eid: (finger_score, face_distance)} from an exhaustive scan.
    An expected encounter absent from the answer is a miss unless k better ones displaced it."""
    ranked = sorted(truth, key=lambda e: sort_key(e, *truth[e]))[:k]
    got = {m.encounter_id for m in found}
    last = sort_key(found[-1].encounter_id, found[-1].finger_score, found[-1].face_distance) if found else None
    miss = sum(1 for e in ranked if e not in got and (len(found) < k or sort_key(e, *truth[e]) < last))
    return len(ranked), miss


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--faces", type=int, default=1_000_000, help="face encounters (N)")
    ap.add_argument("--fingers", type=int, default=100_000, help="of which with two fingers (M <= N)")
    ap.add_argument("--queries", type=int, default=200, help="face probes (half mated)")
    ap.add_argument("--finger-queries", type=int, default=40, help="finger and face+finger probes (half mated)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="FVC-style DB*_B folders")
    ap.add_argument("--mated", type=int, default=10, help="enrolled travellers with real fingers")
    ap.add_argument("--strangers", type=int, default=5, help="real travellers kept out of the gallery")
    ap.add_argument("--sources", type=int, default=20, help="real fingers perturbed into distractors")
    ap.add_argument("--pool", type=int, default=2000, help="distinct perturbed distractor templates")
    ap.add_argument("--load-sample", type=int, default=1000,
                    help="face+finger encounters decoded from text to time the load and measure memory")
    ap.add_argument("--row-sample", type=int, default=100_000, help="face rows loaded one add() at a time")
    ap.add_argument("--exhaustive-queries", type=int, default=10, help="finger probes checked by a 1:1 scan")
    ap.add_argument("--exhaustive-sample", type=int, default=1000, help="non-mated finger encounters in that scan")
    ap.add_argument("--adds", type=int, default=3, help="encounters added, each followed by a finger search")
    ap.add_argument("--postgres-rows", type=int, default=0, help="also write/read this many template rows in PostgreSQL")
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--spread", type=float, default=0.43)
    ap.add_argument("--noise", type=float, default=0.22)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--json", action="store_true", help="print the JSON document")
    ap.add_argument("--out", type=Path, help="also write the JSON here")
    args = ap.parse_args(argv)
    if not 0 < args.fingers <= args.faces or args.mated >= args.fingers or args.queries < 2:
        ap.error("need 0 < --fingers <= --faces, --mated < --fingers and --queries >= 2")

    started = dt.datetime.now(dt.UTC)
    rng = np.random.default_rng(args.seed)
    out: dict = {"benchmark": "encounter_search", "date": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
                 "machine": machine_info(), "commit": code_commit(),
                 "threads": {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")},
                 "command": "python benchmarks/encounter_search.py " + " ".join(argv if argv is not None else sys.argv[1:]),
                 "params": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items() if k not in {"json", "out"}},
                 "thresholds": {"face_distance": gallery.FACE_DISTANCE, "finger_score": gallery.FINGER_SCORE}}
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, flush=True))
    rss_start = rss_mb()

    # ------------------------------------------------------------ real fingers and the distractor pool
    t0 = time.perf_counter()
    real = load_real(args.data, 2 * (args.mated + args.strangers) + args.sources)
    if len(real) < 2 * (args.mated + args.strangers) + 1:
        raise SystemExit(f"need {2 * (args.mated + args.strangers) + 1} real fingers under {args.data}, found {len(real)}")
    mates, strangers = real[: 2 * args.mated], real[2 * args.mated: 2 * (args.mated + args.strangers)]
    sources = [t for finger in real[2 * (args.mated + args.strangers):] for t in finger]
    extract_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    pool = distractor_pool(sources, args.pool, rng)
    pool_s = time.perf_counter() - t0
    log(f"real fingers {len(real)} ({extract_s:.0f} s), pool {len(pool)} ({pool_s:.0f} s)")

    # ------------------------------------------------------------ load from the stored form (a hub worker's start)
    load = load_from_text(args, rng, pool)
    log(f"load: {json.dumps({k: v for k, v in load.items() if k != '_rows'})}")

    # ------------------------------------------------------------ the gallery searched
    ids, x, centres, mean = make_gallery(args.faces, rng, args.spread, args.noise)
    owner = np.char.lstrip(ids, "ID").astype(np.int64)
    del ids
    eids = [f"E{i:07d}" for i in range(args.faces)]
    g = gallery.EncounterGallery()
    mate_rows = sorted(rng.choice(args.fingers, args.mated, replace=False).tolist())
    fingers_of: dict[str, dict] = {}
    mate_eids: dict[int, str] = {}
    rss0 = rss_mb()
    t0 = time.perf_counter()
    for i in range(args.fingers):
        if mate_rows and i == mate_rows[0]:
            s = args.mated - len(mate_rows)
            mate_rows.pop(0)
            prints = {R: mates[2 * s][0], L: mates[2 * s + 1][0]}
            mate_eids[s] = eids[i]
        else:
            prints = {R: owned(distractor(pool, rng)), L: owned(distractor(pool, rng))}
        g.add(eids[i], x[i], prints)
        fingers_of[eids[i]] = prints
    add_fingers_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for p in g.fingers._positions.values():  # the pre-filter index, built at the first search otherwise
        p._index()
    index_s = time.perf_counter() - t0
    rss1 = rss_mb()
    face_load_s = load_faces_batched(g, eids[args.fingers:], x[args.fingers:])
    rss2 = rss_mb()
    out["gallery"] = {"encounters": len(g), "face_encounters": args.faces, "finger_encounters": args.fingers,
                      "fingers_per_encounter": 2, "travellers_by_face": int(centres.shape[0]),
                      "finger_templates_are": "decoded-like: own cylinder arrays (see owned())"}
    out["build"] = {"extract_real_s": round(extract_s, 1), "pool_s": round(pool_s, 1),
                    "add_finger_encounters_s": round(add_fingers_s, 1),
                    "note_add": "finger encounters added with precomputed cylinders (not the load path; see load)",
                    "finger_prefilter_index_s": round(index_s, 1),
                    "face_only_encounters_from_text_batched_s": round(face_load_s, 1)}
    face_only = args.faces - args.fingers
    out["memory"] = {
        "rss_mb_at_start": round(rss_start, 1),
        "rss_mb_gallery_built": round(rss2, 1),
        "finger_encounters_mb": round(rss1 - rss0, 1),
        "kb_per_finger_encounter": round((rss1 - rss0) * 1024 / args.fingers, 2),
        "face_only_encounters_mb": round(rss2 - rss1, 1),
        "kb_per_face_encounter": round((rss2 - rss1) * 1024 / face_only, 3) if face_only else None,
        "note": "finger encounters include their face; RSS deltas between steps (current VmRSS, not peak)",
    }
    log(f"gallery {len(g)}: {json.dumps(out['build'])} {json.dumps(out['memory'])}")

    # ------------------------------------------------------------ probes
    qf, n_mated = make_queries(args.queries, rng, centres, mean, args.spread, args.noise)
    nq = max(2, min(args.finger_queries, 2 * 7 * args.mated, 2 * 8 * args.strangers))
    mated_probes = [(s, {R: mates[2 * s][k], L: mates[2 * s + 1][k]})
                    for k in range(1, 8) for s in range(args.mated) if k < len(mates[2 * s])][: nq // 2]
    stranger_probes = [(None, {R: strangers[2 * s][k], L: strangers[2 * s + 1][k]})
                       for k in range(8) for s in range(args.strangers) if k < len(strangers[2 * s])][: nq - nq // 2]
    finger_probes = mated_probes + stranger_probes
    face_of_mate = {s: sample_around(centres[owner[int(mate_eids[s][1:])]][None], rng, args.noise)[0] for s in mate_eids}
    strange_faces, _ = make_queries(2 * len(stranger_probes), rng, centres, mean, args.spread, args.noise)
    both_probes = [(s, face_of_mate[s], f) for s, f in mated_probes] + \
                  [(None, strange_faces[len(stranger_probes) + i], f) for i, (_, f) in enumerate(stranger_probes)]

    # ------------------------------------------------------------ timed searches
    def timed(**probe):
        t0, c0 = time.perf_counter(), time.process_time()
        found = g.search(k=args.k, **probe)
        return found, time.perf_counter() - t0, time.process_time() - c0

    runs: dict = {}
    answers: dict = {"face": [], "fingers": [], "both": []}
    for mode, probes in (("face", [(i < n_mated, {"face": q}) for i, q in enumerate(qf)]),
                         ("fingers", [(s is not None, {"fingers": f}) for s, f in finger_probes]),
                         ("both", [(s is not None, {"face": q, "fingers": f}) for s, q, f in both_probes])):
        lat = {True: ([], []), False: ([], [])}
        for is_mated, probe in probes:
            found, wall, cpu = timed(**probe)
            lat[is_mated][0].append(wall)
            lat[is_mated][1].append(cpu)
            answers[mode].append(found)
        runs[mode] = {"mated": stats(*lat[True]), "non_mated": stats(*lat[False]),
                      "all": stats(lat[True][0] + lat[False][0], lat[True][1] + lat[False][1])}
        log(f"{mode}: {json.dumps(runs[mode])}")
    # the pre-filter alone (cylinder voting, both positions): what grows with the gallery; the rest
    # of a finger search is the MCC re-rank of the shortlist, a constant per index
    pre = ([], [])
    for _, f in finger_probes:
        t0, c0 = time.perf_counter(), time.process_time()
        for pos, t in f.items():
            g.fingers.candidates(pos, t)
        pre[0].append(time.perf_counter() - t0)
        pre[1].append(time.process_time() - c0)
    runs["finger_prefilter_only"] = stats(*pre)
    out["search"] = runs

    # ------------------------------------------------------------ recall against exhaustive scans
    sq = (x.astype(np.float64) ** 2).sum(axis=1)

    def face_truth(q):
        d2 = sq - 2.0 * (x @ q).astype(np.float64) + float(q.astype(np.float64) @ q)
        near = np.nonzero(d2 <= (gallery.FACE_DISTANCE + 1e-3) ** 2)[0]
        exact = np.sqrt(((x[near].astype(np.float64) - q) ** 2).sum(axis=1))
        return {eids[i]: (None, float(d)) for i, d in zip(near, exact) if d <= gallery.FACE_DISTANCE}

    all_finger_eids = list(fingers_of)
    sample_eids = set(mate_eids.values()) | set(
        rng.choice(all_finger_eids, min(args.exhaustive_sample, len(all_finger_eids)), replace=False).tolist())
    t_scan = time.perf_counter()

    def finger_truth(probe):
        """Every sampled encounter the gallery's rule accepts: the fused (summed) 1:1 scores reach
        FINGER_SCORE once per probe finger (EncounterGallery.search)."""
        out_ = {}
        for e in sample_eids:
            score = sum(fingerprint.match(t, fingers_of[e][pos]) for pos, t in probe.items() if pos in fingers_of[e])
            if score >= gallery.FINGER_SCORE * len(probe):
                out_[e] = (round(score, 6), None)
        return out_

    half = args.exhaustive_queries // 2
    checked = list(range(min(half, len(mated_probes)))) + \
        list(range(len(mated_probes), len(mated_probes) + min(args.exhaustive_queries - half, len(stranger_probes))))
    recall = {"face": [0, 0], "fingers": [0, 0], "both_face_part": [0, 0], "both": [0, 0]}
    score_mismatch = 0
    for i, q in enumerate(qf):
        e, m = missed(face_truth(q), answers["face"][i], args.k)
        recall["face"][0] += e
        recall["face"][1] += m
    ftruth = {}
    for i in checked:
        ftruth[i] = finger_truth(finger_probes[i][1])
        e, m = missed(ftruth[i], answers["fingers"][i], args.k)
        recall["fingers"][0] += e
        recall["fingers"][1] += m
        got = {a.encounter_id: a.finger_score for a in answers["fingers"][i]}
        score_mismatch += sum(1 for eid, (s, _) in ftruth[i].items() if eid in got and abs(got[eid] - s) > 1e-3)
    for i, (_, q, _f) in enumerate(both_probes):
        truth = face_truth(q)
        e, m = missed(truth, answers["both"][i], args.k)
        recall["both_face_part"][0] += e
        recall["both_face_part"][1] += m
        if i in ftruth:
            merged = {eid: (ftruth[i].get(eid, (None, None))[0], truth.get(eid, (None, None))[1]) for eid in set(ftruth[i]) | set(truth)}
            e, m = missed(merged, answers["both"][i], args.k)
            recall["both"][0] += e
            recall["both"][1] += m
    scan_s = time.perf_counter() - t_scan

    def rate(pair):
        return {"expected": pair[0], "missed": pair[1], "recall": round(1 - pair[1] / pair[0], 5) if pair[0] else None}

    out["recall"] = {
        "face_vs_full_scan": rate(recall["face"]),
        "fingers_vs_sample_scan": rate(recall["fingers"]),
        "both_face_part_vs_full_scan": rate(recall["both_face_part"]),
        "both_vs_scans": rate(recall["both"]),
        "finger_probes_scanned": len(checked),
        "finger_encounters_in_scan": len(sample_eids),
        "finger_score_mismatches": score_mismatch,
        "exhaustive_scans_s": round(scan_s, 1),
        "note": "faces: every encounter scanned in float64; fingers: fingerprint.match against every mated "
                "encounter and a random sample of the others, for the probes counted",
    }
    out["by_construction"] = {
        "fingers_mated_top1": ratio(sum(1 for i, (s, _) in enumerate(finger_probes) if s is not None and answers["fingers"][i]
                                        and answers["fingers"][i][0].encounter_id == mate_eids[s]), len(mated_probes)),
        "both_mated_top1": ratio(sum(1 for i, (s, _, _) in enumerate(both_probes) if s is not None and answers["both"][i]
                                     and answers["both"][i][0].encounter_id == mate_eids[s]), len(mated_probes)),
        "face_mated_with_any_result": ratio(sum(1 for a in answers["face"][:n_mated] if a), n_mated),
        "non_mated_with_any_result": {mode: sum(1 for i, a in enumerate(answers[mode]) if a and not mated_at(mode, i, n_mated, len(mated_probes)))
                                      for mode in answers},
    }
    log(f"recall: {json.dumps(out['recall'])} {json.dumps(out['by_construction'])}")

    # ------------------------------------------------------------ the hub adds while it searches
    after = []
    for n in range(args.adds):
        g.add(f"N{n}", sample_around(centres[:1], rng, args.noise)[0],
              {R: owned(distractor(pool, rng)), L: owned(distractor(pool, rng))})
        _, wall, _ = timed(fingers=finger_probes[0][1])
        after.append(round(wall * 1000, 1))
    out["search_after_add_ms"] = after
    log(f"finger search right after an add: {after} ms")

    if args.postgres_rows:
        out["postgres"] = postgres_rows(args.postgres_rows, load.pop("_rows"))
        log(f"postgres: {json.dumps(out['postgres'])}")
    load.pop("_rows", None)
    load["finger_encounters_with_prefilter_index_estimate_s"] = round(load["finger_encounters_extrapolated_s"] + index_s, 1)
    out["load"] = load
    out["machine"]["loadavg_1m_at_end"] = round(os.getloadavg()[0], 2)
    out["seconds"] = round((dt.datetime.now(dt.UTC) - started).total_seconds(), 1)
    text = json.dumps(out, indent=1)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    print(text if args.json else f"done in {out['seconds']} s")
    return 0


def ratio(a: int, b: int):
    return round(a / b, 4) if b else None


def mated_at(mode: str, i: int, n_face_mated: int, n_finger_mated: int) -> bool:
    return i < (n_face_mated if mode == "face" else n_finger_mated)


def load_faces_batched(g, eids: list[str], x: np.ndarray, chunk: int = 50_000) -> float:
    """Face-only rows as the hub stores them, decoded and added in batches; returns seconds spent
    decoding and adding (making the text is not timed)."""
    spent = 0.0
    for a in range(0, len(eids), chunk):
        rows = [json.dumps(gallery.encode(face=v)) for v in x[a: a + chunk]]
        t0 = time.perf_counter()
        vectors = np.stack([gallery.decode(json.loads(r))[0] for r in rows]) if rows else np.zeros((0, 128), np.float32)
        g.add_faces(eids[a: a + chunk], vectors)
        spent += time.perf_counter() - t0
    return spent


def load_from_text(args, rng, pool) -> dict:
    """What a hub worker does at start, on samples: text rows -> ``gallery.decode`` -> ``add``."""
    n = args.load_sample
    faces = sample_around(rng.standard_normal((max(n, args.row_sample), 128)), rng, args.noise)
    rows = [json.dumps(gallery.encode(faces[i], {R: distractor(pool, rng), L: distractor(pool, rng)})) for i in range(n)]
    g = gallery.EncounterGallery()
    before = rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    for i, r in enumerate(rows):
        face, fingers = gallery.decode(json.loads(r))
        g.add(f"L{i}", face, fingers)
    for p in g.fingers._positions.values():
        p._index()
    finger_s, finger_cpu = time.perf_counter() - t0, time.process_time() - c0
    finger_mb = rss_mb() - before
    snapshot = {}
    with tempfile.TemporaryDirectory() as tmp:  # a worker's restart from its own snapshot file
        path = Path(tmp) / "fingers.npz"
        t0 = time.perf_counter()
        g.fingers.save(path)
        snapshot["finger_save_ms_per_encounter"] = round(1000 * (time.perf_counter() - t0) / max(1, n), 3)
        t0 = time.perf_counter()
        again = FingerIndex.load(path)
        for p in again._positions.values():
            p._index()
        snapshot["finger_load_ms_per_encounter"] = round(1000 * (time.perf_counter() - t0) / max(1, n), 3)
        snapshot["finger_bytes_per_encounter"] = round(path.stat().st_size / max(1, n))
        del again
    del g
    face_rows = [json.dumps(gallery.encode(face=v)) for v in faces[: args.row_sample]]
    g = gallery.EncounterGallery()
    t0 = time.perf_counter()
    for i, r in enumerate(face_rows):
        face, _ = gallery.decode(json.loads(r))
        g.add(f"F{i}", face)
    row_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        g.faces.save(Path(tmp) / "faces")
        t0 = time.perf_counter()
        FaceIndex.load(Path(tmp) / "faces")
        snapshot["face_load_ms_per_100k"] = round(1000 * (time.perf_counter() - t0) * 100_000 / max(1, args.row_sample), 2)
        snapshot["face_bytes_per_encounter"] = round(sum(f.stat().st_size for f in (Path(tmp) / "faces").iterdir()) / max(1, args.row_sample))
    del g, face_rows
    per_finger_ms = 1000 * finger_s / max(1, n)
    return {
        "finger_encounter_row_chars": round(float(np.mean([len(r) for r in rows])), 1) if rows else None,
        "face_row_chars": len(json.dumps(gallery.encode(face=faces[0]))),
        "finger_encounters_timed": n,
        "ms_per_finger_encounter": round(per_finger_ms, 2),
        "cpu_ms_per_finger_encounter": round(1000 * finger_cpu / max(1, n), 2),
        "kb_per_finger_encounter_decoded": round(finger_mb * 1024 / max(1, n), 2),
        "finger_encounters_extrapolated_s": round(per_finger_ms * args.fingers / 1000, 1),
        "face_rows_timed_one_add_each": args.row_sample,
        "us_per_face_row_one_add_each": round(1e6 * row_s / max(1, args.row_sample), 1),
        "face_rows_one_add_each_extrapolated_s": round(row_s * (args.faces - args.fingers) / max(1, args.row_sample), 1),
        "snapshot": snapshot,
        "note_snapshot": "FingerIndex.save/load (ISO templates with their cylinders and pre-filter vectors, one .npz) on "
                         "the finger sample; FaceIndex.save/load (memory-mapped float32) on the face row sample",
        "note": "finger encounters: decode text, ISO 19794-2 parse, MCC cylinders and pre-filter vectors computed "
                "(timed on finger_encounters_timed, extrapolated linearly to --fingers); face rows: one add() per row "
                "timed on a sample and extrapolated; build.face_only_encounters_from_text_batched_s is measured in full",
        "_rows": rows,
    }


def postgres_rows(n: int, sample_rows: list[str]) -> dict:
    """Template rows in a month-partitioned table: COPY in, then stream them back as a worker would."""
    import psycopg
    from _common import TempPostgres

    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with TempPostgres() as url, psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE encounters (encounter_id text NOT NULL, booth_id text, port text, "
                     "created_at timestamptz NOT NULL, templates text NOT NULL) PARTITION BY RANGE (created_at)")
        for m in range(12):
            a, b = dt.date(2026, m + 1, 1), dt.date(2026 + (m == 11), (m + 1) % 12 + 1, 1)
            conn.execute(f"CREATE TABLE encounters_2026_{m + 1:02d} PARTITION OF encounters "
                         f"FOR VALUES FROM ('{a}') TO ('{b}')")
        step = dt.timedelta(seconds=365 * 86400 / n)
        t0 = time.perf_counter()
        with conn.cursor() as cur, cur.copy("COPY encounters FROM STDIN") as copy:
            for i in range(n):
                copy.write_row((f"E{i:08d}", "booth-1", "NRT", start + i * step, sample_rows[i % len(sample_rows)]))
        write_s = time.perf_counter() - t0
        size = conn.execute("SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits "
                            "WHERE inhparent = 'encounters'::regclass").fetchone()[0]
        t0 = time.perf_counter()
        got = chars = 0
        with conn.transaction(), conn.cursor(name="load") as cur:
            cur.itersize = 10_000
            cur.execute("SELECT encounter_id, templates FROM encounters ORDER BY created_at")
            for _, text in cur:
                got += 1
                chars += len(text)
        read_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        with conn.transaction(), conn.cursor(name="month") as cur:
            cur.execute("SELECT count(*) FROM encounters WHERE created_at >= '2026-03-01' AND created_at < '2026-04-01'")
            month_rows = cur.fetchone()[0]
        month_s = time.perf_counter() - t0
        version = conn.execute("SHOW server_version").fetchone()[0]
    return {"server_version": version, "rows": n, "partitions": 12, "mean_row_chars": round(chars / max(1, got), 1),
            "copy_in_s": round(write_s, 2), "copy_in_rows_per_s": round(n / write_s),
            "read_all_s": round(read_s, 2), "read_rows_per_s": round(got / read_s),
            "bytes_on_disk_per_row": round(float(size) / n, 1),
            "one_month_count_s": round(month_s, 3), "one_month_rows": month_rows,
            "note": "throwaway local cluster (fsync on, default settings), loopback, server-side cursor of 10,000 rows"}


if __name__ == "__main__":
    raise SystemExit(main())
