"""Biographic watchlist benchmark: build time, query latency and precision/recall at scale.

    python benchmarks/names.py --entries 1000000 --json > benchmarks/results/names.json

The watchlist holds the labelled identities of ``inspector_app.screening.variant_set`` (400
distinct people written in their list spelling) plus synthetic filler entries up to
``--entries``: pool surnames with generated given names, and fully generated names, so common
surnames have large blocks but nobody is an exact namesake of a labelled identity. Queries are
the labelled true variants and look-alikes; every hit other than the expected subject counts as
a false positive. Latency is wall time of ``Watchlist.search`` (candidates + scoring), one query
at a time, after the index files are in the page cache.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from inspector_app.screening import names, watchlist  # noqa: E402
from inspector_app.screening import variant_set as vs

SYLLABLES = ("KA KI KO MA MI MO NA NI RO RA SA SE TA TE TO LA LE LI LO DA DE DI BO BA VA VI "
             "ZA ZE GA GO HA HO PA PE FA FE JA JO YA YU WA WE CHA SHI TSU KHA NOV SKI SON SEN "
             "BERG MAN DER LIN TAN WAN ROS MER TEL GAR ZAL KIR BEK ROV").split()


def gen_token(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))


def filler(n: int, seed: int = 3):
    rng = random.Random(seed)
    nats = sorted(vs.POOLS)
    for i in range(n):
        nat = rng.choice(nats + ["XXX"] * 3)
        if nat != "XXX" and rng.random() < 0.3:
            surname = rng.choice(vs.POOLS[nat][0])[0]
        else:
            surname = gen_token(rng)
        given = " ".join(gen_token(rng) for _ in range(rng.choice((1, 1, 2))))
        r = rng.random()
        birth = "" if r < 0.05 else (f"{rng.randint(1940, 2005)}" if r < 0.15 else
                                     f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        yield {"subject_id": f"F{i:07d}", "list": "watchlist", "surname": surname, "given_names": given,
               "birth_date": birth, "sex": rng.choice("MF"), "nationality": "" if nat == "XXX" else nat,
               "reason": "synthetic", "ban_until": ""}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, default=1_000_000)
    ap.add_argument("--true-queries", type=int, default=1000)
    ap.add_argument("--false-queries", type=int, default=1000)
    ap.add_argument("--weak-caps", default=str(watchlist.WEAK_CAP),
                    help="comma-separated posting-list caps for weak keys to compare (first is the default)")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    idents = vs.identities(400)
    work = Path(tempfile.mkdtemp(prefix="names-bench-", dir=args.workdir))
    try:
        entries = [i.entry() for i in idents] + list(filler(max(0, args.entries - len(idents))))
        t0 = time.perf_counter()
        n = watchlist.build(work / "wl", entries)
        t_build = time.perf_counter() - t0
        index_bytes = sum(p.stat().st_size for p in (work / "wl").iterdir())
        wl = watchlist.Watchlist(work / "wl")
        queries = vs.labelled_queries(idents, args.true_queries, args.false_queries)
        today = dt.date(2026, 1, 1)
        for lq in queries[:50]:  # warm-up
            wl.search(names.Person.of(**lq.query), today=today)
        runs = {}
        for cap in [int(c) for c in args.weak_caps.split(",")]:
            watchlist.WEAK_CAP = cap
            times, cands = [], []

            def search(q, times=times, cands=cands):  # bound now: called within this iteration
                person = names.Person.of(**q)
                t = time.perf_counter()
                hits = wl.search(person, today=today)
                times.append(time.perf_counter() - t)
                cands.append(len(wl.candidates(person)))
                return [h.subject_id for h in hits]

            quality = vs.evaluate(search, queries)
            ms = np.asarray(times) * 1000
            runs[str(cap)] = {
                "weak_cap": cap,
                "latency_ms": {"p50": round(float(np.percentile(ms, 50)), 2), "p95": round(float(np.percentile(ms, 95)), 2),
                               "p99": round(float(np.percentile(ms, 99)), 2), "max": round(float(ms.max()), 2)},
                "candidates_scored": {"p50": int(np.percentile(cands, 50)), "p95": int(np.percentile(cands, 95)), "max": int(max(cands))},
                "quality": quality,
            }
        first = runs[args.weak_caps.split(",")[0].strip()]
        out = {
            "benchmark": "names", "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "machine": {"platform": platform.platform(), "python": platform.python_version(),
                        "cpu_count": os.cpu_count(), "processor": platform.processor() or platform.machine(),
                        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None},
            "targets": {"query_p95_ms": 20},
            "entries": n, "build_s": round(t_build, 1), "index_and_db_bytes": index_bytes,
            "queries": len(queries), "true_variants": args.true_queries, "look_alikes": args.false_queries,
            "latency_ms": first["latency_ms"], "candidates_scored": first["candidates_scored"], "quality": first["quality"],
            "by_weak_cap": {k: {kk: vv for kk, vv in v.items() if kk != "quality"} | {
                "precision": v["quality"]["precision"], "recall": v["quality"]["recall"]} for k, v in runs.items()},
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out, indent=2, ensure_ascii=False) if args.json else
          f"{out['entries']} entries: p95 {out['latency_ms']['p95']} ms, precision {out['quality']['precision']}, "
          f"recall {out['quality']['recall']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
