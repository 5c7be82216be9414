#!/usr/bin/env python3
"""1:N fingerprint identification at national size: the experimental compact index
(benchmarks/finger_index_lsh.py, not the booths' FingerIndex) against an exhaustive MCC search.

Gallery of N subjects x 2 fingers (Right/Left IndexFinger):
- real mated subjects: the 50 real FVC B fingers paired into 25 subjects, enrolled with
  impression 1; probes are impressions 2..8 (real captures: 175 two-finger probes);
- synthetic mated subjects (--synthetic-mated): synthetic fingers (fingerprint_synth) enrolled
  with one impression, probed with another impression of the same fingers;
- distractors: N - mated synthetic subjects, every finger a distinct synthetic finger.

The index is built in a child process and saved under --cache (reused when its parameters match),
then this process loads it from disk (timed: memory-mapped arrays) and searches it, so the RSS
figures are those of a booth that opened a saved index. For every probe, in the same run:
identify() latency and rank-1; the fused pre-filter shortlist and whether the mate is in it; the
per-finger pre-filter (one finger alone); and an exhaustive MCC search over the union of a random
sample of --exhaustive subjects, the shortlist and the mate (full MCC on every one of them), so
recall is measured against what an exhaustive search finds: "recall_vs_exhaustive" counts the
probes whose mate wins the exhaustive search and asks whether the pre-filter kept it. The share
of sampled impostor subjects scoring at or above the mate, times N, estimates how many subjects
of the full gallery an exhaustive search would rank above the mate (an estimate, said so).

--index booth (or lsh,booth) runs the SAME gallery and probes through the booths' own index
(inspector_app/biometrics/finger_index.py: MCC cylinders, faiss cylinder voting, MCC re-rank of
`shortlist` templates per finger): its templates are read back from the saved compact index, so
the two are compared on identical fingers. It builds in this process (~20 ms of MCC cylinders a
template), so its RSS is that of a booth that enrolled the gallery, and saves it for the next run.

    python benchmarks/fingerprint_search.py --data ../shared/data/fingerprints --sizes 10000 --out ...
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import code_commit  # noqa: E402
from fingerprint_fvc import find_dbs, list_images, machine_info, manifest_dpis  # noqa: E402

R, L = "Right IndexFinger", "Left IndexFinger"
CHUNK = 20_000


def load_real(data: Path, cache: Path | None) -> list[list]:
    """[finger][impression] -> FingerTemplate, extracted with our pipeline (cached as JSON)."""
    from inspector_app.biometrics import fingerprint
    from inspector_app.biometrics.finger.template import FingerTemplate, Minutia

    if cache is not None and cache.exists():
        return [[FingerTemplate([Minutia(*m) for m in t["minutiae"]], t["width"], t["height"]) for t in f]
                for f in json.loads(cache.read_text())]
    dpis = manifest_dpis(data)
    fingers = []
    for db in find_dbs(data):
        for _, imprs in sorted(list_images(db).items()):
            first = imprs[min(imprs)]
            dpi = dpis.get(first.resolve(), 500.0)
            fingers.append([fingerprint.extract(fingerprint.load_image(p, dpi)) for _, p in sorted(imprs.items())])
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps([[t.to_dict() for t in f] for f in fingers]))
    return fingers


def rss() -> dict:
    """Resident memory now and at peak (MB), from /proc/self/status."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS", "VmHWM")):
            out["rss_mb" if line.startswith("VmRSS") else "peak_rss_mb"] = round(int(line.split()[1]) / 1024, 1)
    return out


def pct(values, q):
    return round(float(np.percentile(values, q)), 2) if len(values) else None


def build(args, size: int, folder: Path) -> dict:
    """Generate the gallery (synthetic fingers in chunks) and save the index; runs in a child."""
    import fingerprint_synth as fs

    from benchmarks import finger_codes as fc
    from benchmarks.finger_index_lsh import FingerIndex

    real = load_real(args.data, args.real_cache)
    qpool = np.array([m.quality for f in real for t in f for m in t.minutiae])
    rng = np.random.default_rng(args.seed)
    t0 = time.perf_counter()
    idx = FingerIndex(shortlist=args.shortlist)
    for s in range(len(real) // 2):
        idx.add(f"real{s}", R, real[2 * s][0])
        idx.add(f"real{s}", L, real[2 * s + 1][0])
    n_synth = size - len(real) // 2
    probes = {}
    gen_s = 0.0
    for a in range(0, n_synth, CHUNK):
        b = min(a + CHUNK, n_synth)
        g0 = time.perf_counter()
        ids = [f"s{i}" for i in range(a, b)]
        for pos in (R, L):
            f = fs.fingers(b - a, rng)
            rec, off, sz = fs.impressions(f, rng, quality_pool=qpool)
            gen_s += time.perf_counter() - g0
            idx.add_packed(ids, pos, rec, off, sz)
            mated = min(args.synthetic_mated - a, b - a)
            if mated > 0:  # a second impression of the first fingers: the synthetic mated probes
                sub = fs.Fingers(f.x[:mated], f.y[:mated], f.theta[:mated], f.bif[:mated], f.mask[:mated],
                                 f.axes[:mated], tuple(z[:mated] for z in f.field))
                prec, poff, psz = fs.impressions(sub, rng, quality_pool=qpool)
                probes[pos] = (prec, poff, psz)
            g0 = time.perf_counter()
        print(json.dumps({"built": b, "s": round(time.perf_counter() - t0, 1)}), flush=True)
    idx.reindex()
    build_s = time.perf_counter() - t0
    if folder.exists():
        shutil.rmtree(folder)
    t0 = time.perf_counter()
    idx.save(folder / "index")
    save_s = time.perf_counter() - t0
    for pos, (prec, poff, psz) in probes.items():
        np.save(folder / f"probe_{pos[0]}_rec.npy", prec)
        np.save(folder / f"probe_{pos[0]}_off.npy", poff)
        np.save(folder / f"probe_{pos[0]}_size.npy", psz)
    info = {"subjects": size, "build_s": round(build_s, 1), "generate_s": round(gen_s, 1), "save_s": round(save_s, 1),
            "build_process": rss(), "params": params(args, size),
            "codes": {"tables": fc.TABLES, "table_bits": fc.TABLE_BITS, "bits": fc.BITS}}
    (folder / "build.json").write_text(json.dumps(info))
    return info


def params(args, size):
    return {"size": size, "seed": args.seed, "synthetic_mated": args.synthetic_mated, "version": 3}


def du(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def make_probes(args, folder: Path, real: list) -> list:
    """(kind, mate subject, {position: template}): real captures and the synthetic mates saved
    by the build, interleaved so a run cut short by --budget keeps both kinds."""
    from benchmarks import finger_codes as fc

    probes = []  # (kind, mate subject, {position: template})
    for s in range(len(real) // 2):
        for k in range(1, len(real[2 * s])):
            probes.append(("real", f"real{s}", {R: real[2 * s][k], L: real[2 * s + 1][k]}))
    probes = probes[:: args.real_stride]
    syn = {pos: tuple(np.load(folder / f"probe_{pos[0]}_{n}.npy") for n in ("rec", "off", "size")) for pos in (R, L)}
    n_syn = len(syn[R][1]) - 1 if (folder / "probe_R_rec.npy").exists() else 0
    for i in range(min(n_syn, args.synthetic_mated)):
        probe = {}
        for pos in (R, L):
            rec, off, sz = syn[pos]
            probe[pos] = fc.unpack(rec[off[i]:off[i + 1]], sz[i])
        probes.append(("synthetic", f"s{i}", probe))

    real_p = [q for q in probes if q[0] == "real"]
    syn_p = [q for q in probes if q[0] == "synthetic"]
    step = max(1, round(len(real_p) / max(1, len(syn_p))))
    probes = []
    while real_p or syn_p:
        probes += real_p[:step] + syn_p[:1]
        real_p, syn_p = real_p[step:], syn_p[1:]
    return probes


def search(args, size: int, folder: Path, real: list) -> dict:
    from benchmarks.finger_index_lsh import FingerIndex

    built = json.loads((folder / "build.json").read_text())
    gc.collect()
    before = rss()
    t0 = time.perf_counter()
    idx = FingerIndex.load(folder / "index")
    idx.shortlist_size = args.shortlist
    idx.depth = args.depth
    load_s = time.perf_counter() - t0
    after_load = rss()
    disk = du(folder / "index")

    probes = make_probes(args, folder, real)

    rng = np.random.default_rng(args.seed + 1)
    n_subj = len(idx._subjects)
    sample = rng.choice(n_subj, min(args.exhaustive, n_subj), replace=False).tolist()

    rows = []
    started = time.perf_counter()
    for kind, mate, probe in probes:
        if args.budget and time.perf_counter() - started > args.budget:
            break  # said in the output: "probes_planned" > "probes"
        c0, t0 = time.process_time(), time.perf_counter()
        per_pos: dict = {}
        short = idx.shortlist(probe, per_position=per_pos)  # identify() = shortlist + score
        fused = idx.score(probe, short)
        ranked = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        lat = 1000 * (time.perf_counter() - t0)
        cpu = 1000 * (time.process_time() - c0)
        mate_no = idx._number[mate]
        per_finger, depth_hit = {}, {}
        for pos, ids in per_pos.items():
            owners = np.asarray(idx._positions[pos].sub)[ids]
            per_finger[pos] = bool((owners[: args.shortlist] == mate_no).any())
            depth_hit[pos] = bool((owners == mate_no).any())
        union = sorted(set(sample) | set(short) | {mate_no})
        scores = idx.score(probe, union)
        mate_score = scores.get(mate, 0.0)
        sample_ids = {idx._subjects[s] for s in sample} - {mate}
        above = sum(1 for s in sample_ids if scores.get(s, 0.0) >= mate_score)
        exhaustive_top = max(scores, key=lambda s: (scores[s], s)) if scores else None
        rows.append({"kind": kind, "ms": lat, "cpu_ms": cpu,
                     "rank1": bool(ranked) and ranked[0][0] == mate,
                     "agrees_with_exhaustive": bool(ranked) and ranked[0][0] == exhaustive_top,
                     "mate_wins_exhaustive": exhaustive_top == mate,
                     "in_shortlist": mate_no in short,
                     "finger_in_shortlist": list(per_finger.values()), "finger_in_depth": list(depth_hit.values()),
                     "mate_score": mate_score, "sample_above": above, "sample": len(sample_ids)})
        if args.verbose:
            print(json.dumps(rows[-1]), flush=True)
    peak = rss()

    return {"index": "lsh", "subjects": size, "templates": 2 * size, "shortlist_subjects": args.shortlist, "depth": args.depth,
            "build": built, "probes_planned": len(probes), "load_s": round(load_s, 2), "rss_before_load": before, "rss_after_load": after_load,
            "rss_after_search": peak, "index_bytes_on_disk": disk,
            "bytes_per_subject_on_disk": round(disk / size), "exhaustive_sample_subjects": len(sample),
            **summaries(rows, size)}


def booth_gallery(index_dir: Path):
    """(subject id, position, FingerTemplate) of every template of a saved compact index: the
    booths' index is fed exactly the fingers the compact one holds."""
    from benchmarks import finger_codes as fc

    meta = json.loads((index_dir / "meta.json").read_text())
    for pos, d in meta["positions"].items():
        a = {n: np.load(index_dir / d / f"{n}.npy", mmap_mode="r") for n in ("rec", "off", "size", "sub", "alive")}
        for tid in range(len(a["sub"])):
            if a["alive"][tid]:
                yield (meta["subjects"][int(a["sub"][tid])], pos,
                       fc.unpack(a["rec"][a["off"][tid]:a["off"][tid + 1]], a["size"][tid]))


def search_booth(args, size: int, folder: Path, real: list) -> dict:
    """The same probes through the booths' FingerIndex, with the same exhaustive sample."""
    from inspector_app.biometrics import fingerprint
    from inspector_app.biometrics.finger_index import FingerIndex as BoothIndex

    saved = folder / "booth.npz"
    gc.collect()
    before = rss()
    t0 = time.perf_counter()
    if saved.exists():
        idx, how = BoothIndex.load(saved), "loaded"
    else:
        idx, how = BoothIndex(), "built"
        for sid, pos, t in booth_gallery(folder / "index"):
            idx.add(sid, pos, t)
    for p in idx._positions.values():
        p._index()  # the faiss pre-filter, else the first probe pays for building it
    ready_s = time.perf_counter() - t0
    after = rss()
    if how == "built":
        idx.save(saved)
    if args.booth_shortlist:
        idx.shortlist_size = args.booth_shortlist
    tids: dict = {}  # position -> subject -> template ids
    for pos, p in idx._positions.items():
        for tid, sid in enumerate(p.subjects):
            tids.setdefault(pos, {}).setdefault(sid, []).append(tid)

    def exhaustive(probe, subjects):
        fused: dict[str, float] = {}
        for pos, t in probe.items():
            p = idx._positions[pos]
            for sid in subjects:
                best = max((fingerprint.match(t, p.templates[i]) for i in tids[pos].get(sid, ())), default=0.0)
                fused[sid] = fused.get(sid, 0.0) + best
        return fused

    probes = make_probes(args, folder, real)
    subjects = json.loads((folder / "index" / "meta.json").read_text())["subjects"]
    rng = np.random.default_rng(args.seed + 1)  # the compact index's sample, subject for subject
    sample = {subjects[i] for i in rng.choice(len(subjects), min(args.exhaustive, len(subjects)), replace=False)}
    rows = []
    started = time.perf_counter()
    for kind, mate, probe in probes:
        if args.budget and time.perf_counter() - started > args.budget:
            break
        c0, t0 = time.process_time(), time.perf_counter()
        ranked = idx.identify(probe, k=5)
        lat = 1000 * (time.perf_counter() - t0)
        cpu = 1000 * (time.process_time() - c0)
        per_finger, short = [], set()
        for pos, t in probe.items():  # what identify() re-ranked (deterministic: same call again)
            owners = [idx._positions[pos].subjects[i] for i in idx.candidates(pos, t)]
            per_finger.append(mate in owners)
            short.update(owners)
        scores = exhaustive(probe, sorted(sample | short | {mate}))
        mate_score = scores.get(mate, 0.0)
        sample_ids = sample - {mate}
        top = max(scores, key=lambda s: (scores[s], s)) if scores else None
        rows.append({"kind": kind, "ms": lat, "cpu_ms": cpu,
                     "rank1": bool(ranked) and ranked[0][0] == mate,
                     "agrees_with_exhaustive": bool(ranked) and ranked[0][0] == top,
                     "mate_wins_exhaustive": top == mate, "in_shortlist": mate in short,
                     "finger_in_shortlist": per_finger, "shortlist_subjects": len(short),
                     "mate_score": mate_score, "sample_above": sum(1 for s in sample_ids if scores.get(s, 0.0) >= mate_score),
                     "sample": len(sample_ids)})
        if args.verbose:
            print(json.dumps(rows[-1]), flush=True)
    return {"index": "booth", "subjects": size, "templates": 2 * size,
            "shortlist_templates_per_finger": idx.shortlist_size, "neighbours": idx.neighbours, "gallery": how,
            "ready_s": round(ready_s, 1), "rss_before": before, "rss_ready": after, "rss_after_search": rss(),
            "index_bytes_on_disk": saved.stat().st_size, "bytes_per_subject_on_disk": round(saved.stat().st_size / size),
            "probes_planned": len(probes), "exhaustive_sample_subjects": len(sample),
            "shortlist_subjects_p50": pct([r["shortlist_subjects"] for r in rows], 50), **summaries(rows, size)}


def summary(rs: list, size: int) -> dict:
    if not rs:
        return {}
    wins = [r for r in rs if r["mate_wins_exhaustive"]]
    fingers = [f for r in rs for f in r["finger_in_shortlist"]]
    est = float(np.mean([r["sample_above"] / max(1, r["sample"]) for r in rs])) * size
    out = {"probes": len(rs), "p50_ms": pct([r["ms"] for r in rs], 50), "p95_ms": pct([r["ms"] for r in rs], 95),
           "max_ms": round(max(r["ms"] for r in rs), 1), "cpu_p95_ms": pct([r["cpu_ms"] for r in rs], 95),
           "rank1": round(float(np.mean([r["rank1"] for r in rs])), 4),
           "rank1_equals_exhaustive": round(float(np.mean([r["agrees_with_exhaustive"] for r in rs])), 4),
           "mate_wins_exhaustive": round(len(wins) / len(rs), 4),
           "prefilter_recall_vs_exhaustive": round(float(np.mean([r["in_shortlist"] for r in wins])), 4) if wins else None,
           "prefilter_recall_all_probes": round(float(np.mean([r["in_shortlist"] for r in rs])), 4),
           "prefilter_recall_one_finger": round(float(np.mean(fingers)), 4),
           "estimated_subjects_above_mate_in_full_gallery": round(est, 2)}
    if "finger_in_depth" in rs[0]:  # the compact index's first stage (alignment votes) before its shortlist
        out["first_stage_recall_one_finger"] = round(float(np.mean([f for r in rs for f in r["finger_in_depth"]])), 4)
    return out


def summaries(rows: list, size: int) -> dict:
    return {"all": summary(rows, size), "real": summary([r for r in rows if r["kind"] == "real"], size),
            "synthetic": summary([r for r in rows if r["kind"] == "synthetic"], size)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="folder holding FVC-style DB*_B folders")
    ap.add_argument("--real-cache", type=Path, help="JSON of the real templates (written when absent)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/fingerprint_search"), help="where built indexes are kept")
    ap.add_argument("--sizes", default="10000", help="gallery sizes in subjects")
    ap.add_argument("--synthetic-mated", type=int, default=100)
    ap.add_argument("--shortlist", type=int, default=30, help="subjects re-ranked with the full matcher")
    ap.add_argument("--depth", type=int, default=2000, help="templates per finger scored by alignment votes")
    ap.add_argument("--exhaustive", type=int, default=200, help="random subjects scored exhaustively per probe")
    ap.add_argument("--real-stride", type=int, default=1, help="use every n-th real probe (quick runs)")
    ap.add_argument("--budget", type=float, help="stop probing after this many seconds (said in the output)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--index", default="lsh", help="lsh (the compact index), booth (the booths' FingerIndex) or lsh,booth")
    ap.add_argument("--booth-shortlist", type=int, help="booth: templates re-ranked per finger (default: the booths')")
    ap.add_argument("--build-only", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)

    if args.build_only:
        build(args, args.build_only, args.cache / f"n{args.build_only}")
        return 0
    real = load_real(args.data, args.real_cache)
    results = []
    for size in [int(x) for x in args.sizes.split(",")]:
        folder = args.cache / f"n{size}"
        meta = folder / "build.json"
        if not meta.exists() or json.loads(meta.read_text())["params"] != params(args, size):
            cmd = [sys.executable, __file__, "--data", str(args.data), "--cache", str(args.cache),
                   "--synthetic-mated", str(args.synthetic_mated), "--seed", str(args.seed), "--build-only", str(size)]
            if args.real_cache:
                cmd += ["--real-cache", str(args.real_cache)]
            subprocess.run(cmd, check=True)
        for name in args.index.split(","):
            r = search_booth(args, size, folder, real) if name == "booth" else search(args, size, folder, real)
            results.append(r)
            print(json.dumps({k: r[k] for k in ("index", "subjects", "all", "real", "synthetic")}), flush=True)

    doc = {"benchmark": "fingerprint_search", "machine": machine_info(), "commit": code_commit(), "argv": sys.argv[1:],
           "note": ("latencies are wall-clock on the shared machine as it was (see load_average); cpu_* is "
                    "process CPU time; the exhaustive search covers a random sample of subjects plus the "
                    "shortlist and the mate, not the full gallery"),
           "setup": {"real_fingers": len(real), "real_mated_subjects": len(real) // 2,
                     "synthetic_mated_subjects": args.synthetic_mated, "shortlist_subjects": args.shortlist,
                     "fusion": "sum of per-finger MCC scores", "gallery": "synthetic fingers (fingerprint_synth)"},
           "results": results}
    text = json.dumps(doc, indent=2)
    if args.out:
        args.out.write_text(text + "\n")
    print(json.dumps({"done": [r["subjects"] for r in results]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
