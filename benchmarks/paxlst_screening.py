"""Pre-arrival API screening benchmark: PAXLST manifests read and every person screened.

    python benchmarks/paxlst_screening.py --json > benchmarks/results/paxlst_screening.json
    python benchmarks/paxlst_screening.py --watchlist-entries 100000 --sltd-records 1000000 --json \
        > benchmarks/results/paxlst_screening_lists.json     # against lists of a realistic size

A booth home in a temporary folder gets the demo's SLTD and biographic watchlist (the signed
bundle a booth installs). Manifests of generated passengers (two planted hits each: the demo's
lost passport and its watchlist name) are written as PAXLST text (``paxlst_build``) and timed from
the text to the screened result: ``paxlst.parse`` + ``pre_arrival.screen_manifest`` with one
``Screener`` for the day, as the booth keeps one. Targets (issue 14): one 400-passenger manifest
in ≤ 2 s; a large airport's day, 100k passengers (250 manifests of 400), in ≤ 60 s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import code_commit  # noqa: E402

from inspector_app.screening import bundles, keys, paxlst, pre_arrival, screen  # noqa: E402
from inspector_app.screening.paxlst_build import build  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "inspector_app" / "app" / "demo_data"
SURNAMES = "SMITH GARCIA MULLER TANAKA KIM NGUYEN ROSSI DUBOIS SILVA KOWALSKI PETROV IVANOVA LEE WANG SATO".split()
GIVEN = "ANNA JOHN MARIA HIRO YUKI PAUL LENA OMAR SARA LUCA EMMA NOAH MEI JIN".split()
NATS = "GBR FRA DEU JPN KOR USA ITA BRA POL CHN VNM AUS".split()


def home_with_lists(root: Path, watchlist_entries: int = 0, sltd_records: int = 0) -> Path:
    """A booth home with the demo's SLTD and watchlist, plus ``watchlist_entries`` synthetic
    watchlist names (``benchmarks/names.py``'s filler: common surnames and generated names) and
    ``sltd_records`` random lost/stolen documents, so the screening is timed against lists of a
    realistic size, not six entries."""
    import csv

    from names import filler

    home = root / "home"
    signer = keys.generate(root / "keys")
    keys.trust_add(home, Path(signer["public_key"]) if "public_key" in signer else root / "keys" / keys.PUBLIC_FILE)
    watch, sltd = root / "watchlist.csv", root / "sltd.csv"
    with open(DEMO / "watchlist.csv", newline="", encoding="utf-8") as src, open(watch, "w", newline="",
                                                                                  encoding="utf-8") as out:
        rows = csv.DictReader(src)
        w = csv.DictWriter(out, fieldnames=rows.fieldnames)
        w.writeheader()
        w.writerows(rows)
        w.writerows({k: r.get(k, "") for k in rows.fieldnames} for r in filler(watchlist_entries))
    rng = random.Random(7)
    with open(DEMO / "sltd.csv", newline="", encoding="utf-8") as src, open(sltd, "w", newline="", encoding="utf-8") as out:
        rows = csv.DictReader(src)
        w = csv.DictWriter(out, fieldnames=rows.fieldnames)
        w.writeheader()
        w.writerows(rows)
        w.writerows({"issuing_state": rng.choice(NATS), "document_type": "P", "document_number": f"S{i:08d}",
                     "status": rng.choice(("lost", "stolen")), "reported_on": "2025-06-01"} for i in range(sltd_records))
    bundle = root / "lists.bundle"
    bundles.create(root / "keys" / keys.SIGNING_FILE, 1, bundle, watchlist_csv=watch, sltd_csv=sltd)
    bundles.apply(home, bundle)
    return home


def manifest(rng: random.Random, n: int, flight: str) -> paxlst.Manifest:
    people = [paxlst.Person(rng.choice(SURNAMES), rng.choice(GIVEN), dt.date(rng.randint(1940, 2020), rng.randint(1, 12),
                                                                             rng.randint(1, 28)),
                            rng.choice("MF"), nat, "P", f"{rng.randrange(10**8, 10**9)}", nat,
                            dt.date(2030, 1, 1), "passenger")
              for nat in (rng.choice(NATS) for _ in range(n - 2))]
    people.insert(n // 3, paxlst.Person("DUBOIS", "MARC", dt.date(1979, 2, 3), "M", "FRA", "P", "14FR77881", "FRA",
                                        dt.date(2030, 1, 15), "passenger"))
    people.insert(2 * n // 3, paxlst.Person("IVANOV", "SERGEI", dt.date(1952, 9, 18), "M", "RUS", "P", "752210943",
                                            "RUS", dt.date(2032, 5, 1), "passenger"))
    return paxlst.Manifest(flight, flight[:2], "CDG", "NRT", dt.datetime(2026, 11, 30, 12, 0), "passengers",
                           tuple(people))


def run(size: int, manifests: int, seed: int, watchlist_entries: int = 0, sltd_records: int = 0) -> dict:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="bench-paxlst-") as tmp:
        home = home_with_lists(Path(tmp), watchlist_entries, sltd_records)
        texts = [build(manifest(rng, size, f"JL{i:04d}"), parts=2, wrap=70) for i in range(manifests + 1)]
        t = time.perf_counter()
        screener = screen.Screener(home, today=dt.date(2026, 11, 30))
        load_s = time.perf_counter() - t
        first = time.perf_counter()
        one = pre_arrival.screen_manifest(home, paxlst.parse(texts[0]), screener=screener)
        single_s = time.perf_counter() - first
        assert one.flagged == 2, one.to_dict()["results"][:3]
        times, flagged = [], 0
        start = time.perf_counter()
        for text in texts[1:]:
            t = time.perf_counter()
            result = pre_arrival.screen_manifest(home, paxlst.parse(text), screener=screener)
            times.append(time.perf_counter() - t)
            flagged += result.flagged
        day_s = time.perf_counter() - start
    times.sort()
    return {"lists_load_s": round(load_s, 3), "one_manifest": {"people": size, "seconds": round(single_s, 3),
                                                                "target_s": 2.0, "met": single_s <= 2.0},
            "day": {"manifests": manifests, "people": manifests * size, "seconds": round(day_s, 2),
                    "per_manifest_p50_s": round(times[len(times) // 2], 3),
                    "per_manifest_max_s": round(times[-1], 3), "flagged": flagged,
                    "target_s": 60.0, "met": day_s <= 60.0}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=400)
    ap.add_argument("--manifests", type=int, default=250)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--watchlist-entries", type=int, default=0, help="synthetic names added to the demo watchlist")
    ap.add_argument("--sltd-records", type=int, default=0, help="random lost/stolen documents added to the demo SLTD")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    load = os.getloadavg()
    result = {"benchmark": "paxlst_screening", "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "commit": code_commit(),
              "machine": {"platform": platform.platform(), "python": platform.python_version(),
                          "cpu_count": os.cpu_count(), "load_average": [round(x, 2) for x in load]},
              "params": {"size": args.size, "manifests": args.manifests, "seed": args.seed,
                         "lists": f"demo SLTD + {args.sltd_records} random records; demo watchlist + "
                                  f"{args.watchlist_entries} synthetic names (signed bundle)",
                         "measured": "PAXLST text -> paxlst.parse -> pre_arrival.screen_manifest, one Screener"},
              **run(args.size, args.manifests, args.seed, args.watchlist_entries, args.sltd_records)}
    print(json.dumps(result) if args.json else json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
