"""Names across scripts and customs: recall and decoy false hits, ours and OpenSanctions' LogicV2.

    python benchmarks/names_scripts.py --filler 100000 --json > benchmarks/results/names_scripts.json
    python benchmarks/names_scripts.py --filler 1000000 --no-logic-v2 --json > benchmarks/results/names_scripts_1m.json

The labelled set is ``benchmarks/data/names_labelled.json`` (made by ``names_generate.py`` from
native-script name data and romanisation libraries, not from our rule tables). The watchlist
holds its listed people plus ``--filler`` synthetic entries (``benchmarks/names.py``'s filler);
every query goes through ``Watchlist.search`` (candidate retrieval + scoring), one at a time.

A variant counts as found when the expected subject is among the hits; a decoy counts as a false
hit when anything is reported. Side by side in the same run, ``nomenklatura``'s LogicV2 (what
yente uses; threshold 0.70, yente's default) scores each query against every listed person of
the query's family: retrieval is perfect for it and there is no filler, so its figures are an
upper bound for a LogicV2 deployment. Our scorer alone on the same pairs ("ours_scorer") shows
what our retrieval loses. LogicV2 needs the ``bench-names`` extra.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from benchmarks.names import filler  # noqa: E402
from inspector_app.screening import names, watchlist  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "names_labelled.json"
LOGIC_V2_THRESHOLD = 0.70


def load(path: Path = DATA) -> tuple[list[dict], list[dict], dict]:
    d = json.loads(path.read_text(encoding="utf-8"))
    entries = [dict(zip(d["entry_columns"], r)) for r in d["entries"]]
    queries = [dict(zip(d["query_columns"], r)) for r in d["queries"]]
    return entries, queries, d["provenance"]


def watchlist_rows(entries: list[dict]) -> list[dict]:
    return [{"subject_id": e["subject_id"], "list": "watchlist", "surname": e["surname"], "given_names": e["given_names"],
             "birth_date": e["birth_date"], "sex": e["sex"], "nationality": e["nationality"], "reason": e["family"],
             "ban_until": ""} for e in entries]


def person(q: dict) -> names.Person:
    return names.Person.of(q["surname"], q["given_names"], q["birth_date"], q["sex"], q["nationality"])


class Tally:
    """Recall on variants and false-hit rate on decoys, overall, per split and per family."""

    def __init__(self):
        self.c = defaultdict(lambda: [0, 0])  # key -> [positives, n]
        self.misses: list[dict] = []
        self.false_hits: list[dict] = []

    def add(self, q: dict, hit_ids: list[str]) -> None:
        if q["kind"] == "variant":
            ok = q["expected"] in hit_ids
            if not ok:
                self.misses.append({k: q[k] for k in ("surname", "given_names", "family", "detail", "expected", "split")})
        else:
            ok = bool(hit_ids)
            if ok:
                self.false_hits.append({k: q[k] for k in ("surname", "given_names", "sex", "family", "detail", "split")}
                                       | {"hits": hit_ids[:3]})
        for key in (q["kind"], f"{q['kind']}|{q['split']}", f"{q['kind']}|{q['family']}", f"{q['kind']}|{q['split']}|{q['family']}"):
            self.c[key][0] += ok
            self.c[key][1] += 1

    def summary(self) -> dict:
        def rate(key):
            p, n = self.c.get(key, (0, 0))
            return round(p / n, 4) if n else None
        fams = sorted({k.split("|")[-1] for k in self.c if k.count("|") == 1 and k.split("|")[1] not in ("tune", "heldout")})
        out = {"recall": rate("variant"), "decoy_false_hit_rate": rate("decoy"),
               "variants": self.c["variant"][1], "decoys": self.c["decoy"][1]}
        for split in ("tune", "heldout"):
            out[split] = {"recall": rate(f"variant|{split}"), "decoy_false_hit_rate": rate(f"decoy|{split}"),
                          "variants": self.c[f"variant|{split}"][1], "decoys": self.c[f"decoy|{split}"][1]}
        out["by_family"] = {f: {"recall": rate(f"variant|{f}"), "decoy_false_hit_rate": rate(f"decoy|{f}"),
                                "heldout_recall": rate(f"variant|heldout|{f}"),
                                "heldout_decoy_false_hit_rate": rate(f"decoy|heldout|{f}")} for f in fams}
        return out


def logic_v2_runner():
    from followthemoney import model
    from nomenklatura.matching import LogicV2, ScoringConfig

    cfg = ScoringConfig.defaults()
    counter = iter(range(10**9))

    def entity(p: dict):
        e = model.make_entity("Person")
        e.id = f"e{next(counter)}"
        e.add("name", f"{p['given_names']} {p['surname']}".strip())
        if p.get("birth_date"):
            e.add("birthDate", p["birth_date"])
        if p.get("sex"):
            e.add("gender", {"M": "male", "F": "female"}[p["sex"]])
        if p.get("nationality"):
            e.add("nationality", p["nationality"])
        return e

    def score(q_entity, r_entity) -> float:
        return LogicV2.compare(q_entity, r_entity, cfg).score

    return entity, score


def percentiles(ms: list[float]) -> dict:
    a = np.asarray(ms)
    return {"p50": round(float(np.percentile(a, 50)), 3), "p95": round(float(np.percentile(a, 95)), 3),
            "p99": round(float(np.percentile(a, 99)), 3), "max": round(float(a.max()), 3)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--filler", type=int, default=100_000)
    ap.add_argument("--no-logic-v2", action="store_true", help="skip nomenklatura's LogicV2 (no bench-names extra)")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    entries, queries, provenance = load(args.data)
    today = dt.date(2026, 1, 1)
    work = Path(tempfile.mkdtemp(prefix="names-scripts-", dir=args.workdir))
    try:
        t0 = time.perf_counter()
        n = watchlist.build(work / "wl", watchlist_rows(entries) + list(filler(args.filler)))
        t_build = time.perf_counter() - t0
        wl = watchlist.Watchlist(work / "wl")
        for q in queries[:50]:  # warm-up: page cache and the matcher's caches
            wl.search(person(q), today=today)
        ours, times = Tally(), []
        for q in queries:
            p = person(q)
            t = time.perf_counter()
            hits = wl.search(p, today=today)
            times.append((time.perf_counter() - t) * 1000)
            ours.add(q, [h.subject_id for h in hits])
        by_family = defaultdict(list)
        for e in entries:
            by_family[e["family"]].append(e)
        scorer = Tally()
        for q in queries:
            p = person(q)
            found = [e["subject_id"] for e in by_family[q["family"]]
                     if names.match(p, person(e)).score >= names.DEFAULT_THRESHOLD]
            scorer.add(q, found)
        out = {
            "benchmark": "names_scripts", "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpu_count": os.cpu_count(),
                        "processor": platform.processor() or platform.machine(), "load_average": os.getloadavg()},
            "targets": {"recall": 0.95, "decoy_false_hit_rate": 0.05, "query_p95_ms_at_1m": 20},
            "labelled_set": {"file": str(args.data.relative_to(Path(__file__).resolve().parents[1])) if args.data == DATA else str(args.data),
                             "entries": len(entries), "queries": len(queries), "provenance": {k: v for k, v in provenance.items() if k != "note"}},
            "entries": n, "filler": args.filler, "build_s": round(t_build, 1),
            "ours": ours.summary() | {"latency_ms": percentiles(times), "threshold": names.DEFAULT_THRESHOLD},
            "ours_scorer": scorer.summary(),
            "ours_misses": ours.misses[:40], "ours_false_hits": ours.false_hits[:40],
        }
        if not args.no_logic_v2:
            entity, score = logic_v2_runner()
            ents = {e["subject_id"]: entity(e) for e in entries}
            lv2, lv2_times = Tally(), []
            for q in queries:
                qe = entity(q)
                t = time.perf_counter()
                found = [e["subject_id"] for e in by_family[q["family"]] if score(qe, ents[e["subject_id"]]) >= LOGIC_V2_THRESHOLD]
                lv2_times.append((time.perf_counter() - t) * 1000)
                lv2.add(q, found)
            out["logic_v2"] = lv2.summary() | {
                "threshold": LOGIC_V2_THRESHOLD, "latency_ms_per_query": percentiles(lv2_times),
                "compared_per_query": "every listed person of the query's family (perfect retrieval, no filler)"}
            out["logic_v2_misses"] = lv2.misses[:20]
            out["logic_v2_false_hits"] = lv2.false_hits[:20]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(out, indent=1, ensure_ascii=False))
    else:
        for who in ("ours", "ours_scorer", "logic_v2"):
            if who in out:
                s = out[who]
                print(f"{who:12s} recall {s['recall']} FHR {s['decoy_false_hit_rate']} | heldout {s['heldout']['recall']} "
                      f"{s['heldout']['decoy_false_hit_rate']} | " + " ".join(
                          f"{f}:{v['recall']}/{v['decoy_false_hit_rate']}" for f, v in s["by_family"].items()))
        print("latency", out["ours"]["latency_ms"], "entries", n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
