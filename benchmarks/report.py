"""Print the README's table of measured figures from the JSON results in benchmarks/results/.

Every figure in the README comes from here, so a reader can trace it to the benchmark run that
produced it (file, date, machine). Re-run a benchmark, then this script, then paste the table.

    python benchmarks/report.py            # Markdown table
    python benchmarks/report.py --json     # the same rows as JSON
    python benchmarks/report.py --update-readme   # rewrite the table between the README's markers
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
README = Path(__file__).resolve().parents[1] / "README.md"
BEGIN, END = "<!-- measured:begin -->", "<!-- measured:end -->"


def load(name: str) -> dict | None:
    path = RESULTS / f"{name}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def dig(d, *keys, default=None):
    for k in keys:
        if isinstance(d, dict) and k in d:
            d = d[k]
        elif isinstance(d, list) and isinstance(k, int) and -len(d) <= k < len(d):
            d = d[k]
        else:
            return default
    return d


def when(d: dict | None) -> str:
    if not d:
        return ""
    date = d.get("date") or dig(d, "machine", "date") or ""
    load_avg = (dig(d, "machine", "load_average") or dig(d, "machine", "loadavg_1m_at_start")
                or dig(d, "machine", "loadavg_at_start") or d.get("loadavg_1m_before") or d.get("loadavg_1m"))
    la = f", load {load_avg[0]:.1f}" if isinstance(load_avg, list) else (f", load {load_avg:.1f}" if isinstance(load_avg, (int, float)) else "")
    return f"{str(date)[:16]}{la}"


def row(rows, figure, target, value, met, source, d):
    rows.append({"figure": figure, "target": target, "measured": value,
                 "met": {True: "yes", False: "no", None: "—"}[met], "source": source, "when": when(d)})


def fmt(x, unit="", nd=1):
    if x is None:
        return "not run"
    if isinstance(x, float):
        return f"{x:.{nd}f}{unit}"
    return f"{x}{unit}"


def face_search_rows(rows, name: str, d: dict | None) -> None:
    quiet = " (quiet machine)" if name.endswith("quiet") else ""
    src = f"{name}.json"
    for r in dig(d, "results", default=[]) or []:
        size = r.get("size")
        p95 = dig(r, "latency_ms_topk", "p95")
        threads = r.get("search_threads") or 1
        label = f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}M"
        row(rows, f"Face 1:N top-5, {label} templates, {threads} scan thread(s): p50 / p95{quiet}",
            "p95 ≤ 10 ms at 1M" if size == 1_000_000 else "—",
            f"{fmt(dig(r, 'latency_ms_topk', 'p50'))} / {fmt(p95, ' ms')}",
            (p95 <= 10) if size == 1_000_000 and p95 is not None else None, src, d)
        one = r.get("latency_ms_one_thread")
        if one and threads != 1:
            row(rows, f"Face 1:N top-5, {label} templates, 1 scan thread, same run: p50 / p95{quiet}",
                "p95 ≤ 10 ms at 1M" if size == 1_000_000 else "—",
                f"{fmt(one.get('topk_p50'))} / {fmt(one.get('topk_p95'), ' ms')}",
                (one["topk_p95"] <= 10) if size == 1_000_000 else None, src, d)
        if size == 1_000_000:
            rec = dig(r, "recall_at_1", "all")
            row(rows, f"Face 1:N at 1M: recall@1 vs exact search{quiet}", "≥ 0.999", fmt(rec, "", 3),
                None if rec is None else rec >= 0.999, src, d)
            sp64, sp32 = r.get("speedup_p50_vs_float64_baseline"), r.get("speedup_p50_vs_float32_baseline")
            row(rows, f"Face 1:N at 1M: speed-up vs face_recognition.face_distance (float64 / float32 gallery){quiet}",
                "≥ 100×", f"{fmt(sp64, '×')} / {fmt(sp32, '×')}",
                None if sp64 is None else (sp64 >= 100 and sp32 >= 100), src, d)


def face_pruning_rows(rows, d: dict | None) -> None:
    """Issue 15 item 3: exact face 1:N at 1M on one core, full scans vs a proven lower bound."""
    src = "face_pruning_1m.json"
    for r in dig(d, "results", default=[]) or []:
        size = r["size"]
        label = f"Face 1:N exact, {size // 1_000_000}M" if size >= 1_000_000 else f"Face 1:N exact, {size // 1000}k"
        label += f" templates ({r['gallery']} gallery), one core"
        m = r.get("methods", {})
        best = min((k for k in m if k.startswith("prefix") and "threshold" in m[k]), key=lambda k: m[k]["threshold"]["p95_ms"], default=None)
        parts = [("FaceIndex_v1", "FaceIndex before issue 15", "threshold"), ("FaceIndex", "FaceIndex", "threshold"),
                 ("IndexFlatL2", "faiss IndexFlatL2 (top-k)", "topk")] + ([(best, f"PCA bound, {best[6:]} dims", "threshold")] if best else [])
        for key, name, mode in parts:
            t = m.get(key, {}).get(mode) or {}
            exact = min(t.get("exact_mated", 0), t.get("exact_non_mated", 0)) if t else None
            p95 = t.get("p95_ms")
            row(rows, f"{label}: {name}: wall p50 / p95; CPU p50 / p95 (share of exact answers)", "p95 ≤ 5 ms at 1M, one core",
                f"{fmt(t.get('p50_ms'))} / {fmt(p95, ' ms')}; {fmt(t.get('cpu_p50_ms'))} / {fmt(t.get('cpu_p95_ms'), ' ms')} "
                f"({fmt(exact, '', 3)})", None if p95 is None else (p95 <= 5 and exact == 1.0), src, d)
        for key in sorted(k for k in m if k.endswith("_first_stage")):
            st = m[key]
            scan = next((v for k, v in st.items() if k.startswith("scan_first_")), {})
            fr = st.get("fraction_not_pruned", {})
            row(rows, f"{label}: first stage {key[:-12]} ({st.get('bytes_per_template')} B/template) with per-template error bound: "
                "scan alone CPU p95; templates left to re-rank at the k-th distance (median)", "p95 ≤ 5 ms at 1M, one core",
                f"{fmt(scan.get('cpu_p95_ms'), ' ms')}; {fmt(fr.get('at_kth_distance_median'), '', 4)} of the gallery "
                f"(e_x median {fmt(dig(st, 'e_x', 'median'), '', 3)})", None, src, d)


def encounter_rows(rows, d: dict | None) -> None:
    """The hub's encounter gallery (issue 14): search, recall, memory, load, PostgreSQL rows."""
    if not d:
        return
    src, g = "encounter_search.json", d.get("gallery", {})
    faces, fingers = g.get("face_encounters", 0), g.get("finger_encounters", 0)
    label = f"Encounter gallery, {faces:,} face encounters ({fingers:,} with 2 fingers)"
    for mode, what, nd in (("face", "face search", 1), ("fingers", "2-finger search", 0), ("both", "face + 2-finger search", 0)):
        r = dig(d, "search", mode, "all") or {}
        row(rows, f"{label}: {what}, p50 / p95 wall (p95 CPU)", "—",
            f"{fmt(r.get('p50_ms'), '', nd)} / {fmt(r.get('p95_ms'), ' ms', nd)} ({fmt(r.get('cpu_p95_ms'), ' ms', nd)})", None, src, d)
    rec = d.get("recall", {})
    parts = [dig(rec, key, "recall") for key in ("face_vs_full_scan", "fingers_vs_sample_scan", "both_vs_scans")]
    row(rows, f"{label}: recall vs exhaustive scan, face (all encounters) / fingers / face + fingers "
        f"({rec.get('finger_probes_scanned')} probes × {rec.get('finger_encounters_in_scan'):,} finger encounters)", "1.0",
        " / ".join(fmt(x, "", 3) for x in parts), None if None in parts else min(parts) >= 1.0, src, d)
    m = d.get("memory", {})
    row(rows, f"{label}: RSS per face-only / per face+2-finger encounter; whole gallery", "—",
        f"{fmt(m.get('kb_per_face_encounter'), ' KB', 2)} / {fmt(m.get('kb_per_finger_encounter'), ' KB')}; "
        f"{fmt((m.get('rss_mb_gallery_built') or 0) / 1024, ' GiB', 1)}", None, src, d)
    ld, b = d.get("load", {}), d.get("build", {})
    row(rows, f"{label}: load from stored text: {faces - fingers:,} face rows batched (measured) / "
        f"{fingers:,} face+2-finger rows (extrapolated from {ld.get('finger_encounters_timed')}, + pre-filter index)", "—",
        f"{fmt(b.get('face_only_encounters_from_text_batched_s'), ' s')} / "
        f"{fmt(ld.get('finger_encounters_with_prefilter_index_estimate_s'), ' s', 0)}", None, src, d)
    snap = ld.get("snapshot") or {}
    if snap:
        row(rows, f"{label}: restart from a snapshot (FingerIndex/FaceIndex.load): per face+2-finger encounter; per 100k faces", "—",
            f"{fmt(snap.get('finger_load_ms_per_encounter'), ' ms', 2)}; {fmt(snap.get('face_load_ms_per_100k'), ' ms')}", None, src, d)
    pg = d.get("postgres")
    if pg:
        row(rows, f"PostgreSQL {pg['server_version'].split()[0]}, {pg['rows']:,} template rows in month partitions: "
            "COPY in / read back (rows/s); bytes per row on disk", "—",
            f"{pg['copy_in_rows_per_s']:,} / {pg['read_rows_per_s']:,}; {fmt(pg['bytes_on_disk_per_row'], ' B', 0)}", None, src, d)


def fingerprint_fvc_rows(rows, d: dict | None) -> None:
    """Issue 15's targets, each with the pipeline before it in the same run (`--baseline`)."""
    if not d:
        return
    src, base = "fingerprint_fvc.json", d.get("baseline") or {}

    def was(value, unit=" %"):
        return "" if value is None else f" (before, same run: {fmt(value, unit, 2)})"

    f02 = dig(d, "summary", "mean_eer_fvc2002")
    row(rows, "Fingerprint EER, mean of FVC2002 DB1–DB4_B" + was(dig(base, "summary", "mean_eer_fvc2002")),
        "≤ 1.5 %", fmt(f02, " %", 2), None if f02 is None else f02 <= 1.5, src, d)
    before = {r.get("db"): r for r in base.get("results", [])}
    for r in d.get("results", []):
        if r.get("db", "").startswith("fvc2004"):
            row(rows, f"Fingerprint EER, {r['db']}" + was(dig(before, r["db"], "eer")), "≤ 4 %",
                fmt(r.get("eer"), " %", 2), r.get("eer") is not None and r["eer"] <= 4, src, d)
    fnmr = dig(d, "pooled_all_impostors", "at_threshold", "fnmr")
    if fnmr is not None:
        fmr = dig(d, "pooled_all_impostors", "at_threshold", "fmr")
        row(rows, f"Fingerprint FNMR at the operating threshold, pooled FVC (FMR {fmt(fmr, ' %', 3)})"
            + was(dig(base, "pooled_all_impostors", "at_threshold", "fnmr")),
            "≤ 5 % at FMR 0.1 %", fmt(fnmr, " %", 2), fnmr <= 5, src, d)
    worst = max((dig(r, "extract_cpu_ms", "median") or 0) for r in d.get("results", [])) if d.get("results") else None
    row(rows, "Fingerprint extraction, CPU time per image (worst DB median)", "≤ 300 ms", fmt(worst, " ms"),
        None if worst is None else worst <= 300, src, d)


def names_scripts_rows(rows) -> None:
    """Names across scripts (names_scripts.json: ours and LogicV2 on the generated set, 100k filler;
    names_scripts_1m.json: ours at 1M entries)."""
    d = load("names_scripts")
    for who, label in (("ours", "Border Inspector"), ("logic_v2", "LogicV2 (perfect retrieval, no filler)")):
        for split in (None, "heldout"):
            s = dig(d, who, split) if split else dig(d, who)
            if not s:
                continue
            r, f = s.get("recall"), s.get("decoy_false_hit_rate")
            row(rows, f"Names across scripts, {label}{', held-out split' if split else ''}: recall / decoy false-hit rate",
                "≥ 0.95 / ≤ 0.05", f"{fmt(r, '', 3)} / {fmt(f, '', 3)}",
                None if r is None or f is None else (r >= 0.95 and f <= 0.05), "names_scripts.json", d)
    d = load("names_scripts_1m")
    p95 = dig(d, "ours", "latency_ms", "p95")
    row(rows, "Names across scripts, 1M entries: query p95", "≤ 20 ms", fmt(p95, " ms"), None if p95 is None else p95 <= 20,
        "names_scripts_1m.json", d)
def fingerprint_national_rows(rows, d: dict | None, src: str = "fingerprint_search_national.json") -> None:
    """issue 15 item 1: the experimental compact index (not the booths') on synthetic national galleries."""
    for r in dig(d, "results", default=[]) or []:
        n, a = r.get("subjects"), r.get("all", {})
        row(rows, f"Fingerprint 1:N, experimental compact index, {n:,} subjects × 2 fingers: p95 wall", "≤ 2 s at 1M", fmt(a.get("p95_ms"), " ms", 0),
            None if a.get("p95_ms") is None else a["p95_ms"] <= 2000, src, d)
        row(rows, f"Fingerprint 1:N, {n:,}: rank-1 = exhaustive MCC ({a.get('probes')} mated probes)", "≥ 0.995",
            fmt(a.get("rank1_equals_exhaustive"), "", 3), None if a.get("rank1_equals_exhaustive") is None
            else a["rank1_equals_exhaustive"] >= 0.995, src, d)
        rec = a.get("prefilter_recall_vs_exhaustive")
        row(rows, f"Fingerprint 1:N, {n:,}: pre-filter recall (mates an exhaustive search finds)", "≥ 0.99",
            fmt(rec, "", 3), None if rec is None else rec >= 0.99, src, d)
        mem = dig(r, "rss_after_search", "peak_rss_mb")
        row(rows, f"Fingerprint 1:N, {n:,}: peak RSS searching; load; bytes/subject on disk", "≤ 8 GB, ≤ 30 s at 1M",
            f"{fmt(mem, ' MB', 0)}; {fmt(r.get('load_s'), ' s', 2)}; {r.get('bytes_per_subject_on_disk')}", None, src, d)


def fingerprint_booth_rows(rows, d: dict | None, src: str = "fingerprint_search_booth_2000.json", how: str = "") -> None:
    """issue 15 item 1: the booths' FingerIndex and the compact index on the same synthetic gallery and probes."""
    for r in dig(d, "results", default=[]) or []:
        n, a = r.get("subjects"), r.get("all", {})
        name = "booths' FingerIndex" + how if r.get("index") == "booth" else "compact index"
        mem = dig(r, "rss_after_search", "rss_mb")
        row(rows, f"Fingerprint 1:N, {name}, {n:,} synthetic subjects × 2 fingers ({a.get('probes')} mated probes): "
            "rank-1 = exhaustive MCC; pre-filter recall; p50 / p95 wall; RSS after search", "≥ 0.995; ≥ 0.99; p95 ≤ 2 s",
            f"{fmt(a.get('rank1_equals_exhaustive'), '', 3)}; {fmt(a.get('prefilter_recall_vs_exhaustive'), '', 3)}; "
            f"{fmt(a.get('p50_ms'), '', 0)} / {fmt(a.get('p95_ms'), ' ms', 0)}; {fmt(mem, ' MB', 0)}", None, src, d)


def chip_read_rows(rows, d: dict | None) -> None:
    """issue 16: reading a passport chip over pcscd + vpcd with the project's applet."""
    for name, v in (dig(d, "variants", default={}) or {}).items():
        p50, p95 = dig(v, "read", "p50_ms"), dig(v, "read", "p95_ms")
        row(rows, f"Passport chip read over PC/SC (pcscd + vpcd, simulated chip, {fmt(v.get('bytes'))} B), {name}: "
            "p50 / p95; × reading the same files without access control, same run", "well under 5 s",
            f"{fmt(p50, '', 0)} / {fmt(p95, ' ms', 0)}; {fmt(v.get('ratio_of_pairs_p50'), '×', 2)}",
            None if p95 is None else p95 < 5000, "chip_read.json", d)


def build_rows() -> list[dict]:
    rows: list[dict] = []

    d = load("mrz_parse")
    row(rows, "MRZ parse, valid (p99)", "—", fmt(dig(d, "parse_valid", "p99_us"), " µs"), None, "mrz_parse.json", d)

    d = load("camera_fps")
    fps = dig(d, "fps_delivered")
    row(rows, "Camera frames delivered, 640×480, face box every 2nd frame", "≥ 15 fps", fmt(fps, " fps"),
        None if fps is None else fps >= 15, "camera_fps.json", d)

    d = load("sbi_capture")
    row(rows, "SBI discovery, ports 4501–4600 (median)", "—",
        fmt(dig(d, "discovery_full_range_4501_4600", "median_ms"), " ms"), None, "sbi_capture.json", d)
    capture = "capture_two_index_fingers_verified"
    row(rows, "SBI capture of both index fingers, verified (median / p95)", "—",
        f"{fmt(dig(d, capture, 'median_ms'))} / {fmt(dig(d, capture, 'p95_ms'), ' ms')}", None, "sbi_capture.json", d)

    d = load("store_ops")
    row(rows, "record_decision with synchronous=FULL (median / p95)", "—",
        f"{fmt(dig(d, 'record_decision', 'median_ms'))} / {fmt(dig(d, 'record_decision', 'p95_ms'), ' ms')}", None, "store_ops.json", d)
    d = load("crash_loop")
    if d:
        row(rows, "SIGKILL crash loop: kills / reported decisions / failures", "0 failures",
            f"{d.get('kills')} / {d.get('decisions_reported')} / {len(d.get('failures') or [])}",
            not d.get("failures"), "crash_loop.json", d)

    d = load("face_accuracy")
    row(rows, "Face 1:1 at 0.6 on the shared labelled photos: FMR / FNMR", "—",
        f"{fmt(dig(d, 'at_threshold', 'fmr'))} % / {fmt(dig(d, 'at_threshold', 'fnmr'))} %", None, "face_accuracy.json", d)

    for name, d in (("face_search", load("face_search")), ("face_search_1m_quiet", load("face_search_1m_quiet"))):
        face_search_rows(rows, name, d)
    face_pruning_rows(rows, load("face_pruning_1m"))

    fingerprint_fvc_rows(rows, load("fingerprint_fvc"))

    d = load("fingerprint_search")
    if d:
        for r in d.get("results", []):
            subjects = r.get("subjects")
            p95 = r.get("p95_ms")
            loop = dig(r, "plain_loop", "p50_ms")
            row(rows, f"Fingerprint 1:N, {subjects:,} subjects × 2 fingers: p50 / p95 wall (p95 CPU); plain 1:1 loop p50",
                "p95 ≤ 1 s at 10k" if subjects == 10000 else "—",
                f"{fmt(r.get('p50_ms'), '', 0)} / {fmt(p95, ' ms', 0)} ({fmt(r.get('cpu_p95_ms'), ' ms', 0)}); loop {fmt(loop, ' ms', 0)}",
                (p95 <= 1000) if subjects == 10000 and p95 is not None else None, "fingerprint_search.json", d)

    chip_read_rows(rows, load("chip_read"))
    fingerprint_national_rows(rows, load("fingerprint_search_national"))
    fingerprint_national_rows(rows, load("fingerprint_search_1m"), "fingerprint_search_1m.json")
    fingerprint_booth_rows(rows, load("fingerprint_search_booth_2000"), how=" (before the union re-rank)")
    fingerprint_booth_rows(rows, load("fingerprint_search_booth_2000_union"), "fingerprint_search_booth_2000_union.json",
                           " (union re-rank, 128 neighbours, count norm; tuned on this gallery)")
    fingerprint_booth_rows(rows, load("fingerprint_search_booth_2000_seed8"), "fingerprint_search_booth_2000_seed8.json",
                           " (union re-rank; another gallery, seed 8, not tuned on)")
    encounter_rows(rows, load("encounter_search"))

    d = load("sltd")
    for n, r in (dig(d, "results", default={}) or {}).items():
        p99 = max(dig(r, "lookup_hit_us", "p99") or 0, dig(r, "lookup_miss_us", "p99") or 0)
        row(rows, f"SLTD {int(n):,} records: lookup p99 (hit/miss worst)", "≤ 1 ms", fmt(p99, " µs"), p99 <= 1000, "sltd.json", d)
        rate = r.get("bundle_apply_records_per_s")
        row(rows, f"SLTD {int(n):,} records: load (apply a signed bundle)", "≥ 200k records/s", fmt(rate, " records/s"),
            None if rate is None else rate >= 200_000, "sltd.json", d)
        ingest = r.get("bundle_create_records_per_s")
        row(rows, f"SLTD {int(n):,} records: CSV → signed bundle (hub side)", "—", fmt(ingest, " records/s"), None, "sltd.json", d)
        bpr = r.get("bytes_per_record")
        row(rows, f"SLTD {int(n):,} records: bytes per record on disk", "≤ 40", fmt(bpr, " B"), None if bpr is None else bpr <= 40, "sltd.json", d)
    ex = dig(d, "extrapolated_100m")
    if ex:
        row(rows, "SLTD 100M records (extrapolated): file size / lookup p99", "—",
            f"{ex['main_file_bytes'] / 1e9:.2f} GB / {fmt(ex.get('lookup_hit_p99_us'), ' µs')}", None, "sltd.json", d)

    d = load("names")
    p95 = dig(d, "latency_ms", "p95")
    row(rows, "Biographic watchlist, 1M entries: query p95", "≤ 20 ms", fmt(p95, " ms"), None if p95 is None else p95 <= 20, "names.json", d)
    row(rows, "Biographic watchlist: precision / recall on the labelled variant set", "—",
        f"{fmt(dig(d, 'quality', 'precision'), '', 3)} / {fmt(dig(d, 'quality', 'recall'), '', 3)}", None, "names.json", d)

    names_scripts_rows(rows)

    for name, lists in (("paxlst_screening", "the demo lists"),
                        ("paxlst_screening_lists", "100,000 watchlist names and 1,000,000 SLTD records")):
        d = load(name)
        one, day = dig(d, "one_manifest", "seconds"), dig(d, "day", "seconds")
        row(rows, f"Pre-arrival API: one 400-passenger PAXLST manifest read and screened against {lists}", "≤ 2 s",
            fmt(one, " s", 2), None if one is None else one <= 2, f"{name}.json", d)
        row(rows, f"Pre-arrival API: a day of {fmt(dig(d, 'day', 'people'))} passengers "
            f"({fmt(dig(d, 'day', 'manifests'))} manifests) read and screened against {lists}, one process", "≤ 60 s",
            fmt(day, " s", 1), None if day is None else day <= 60, f"{name}.json", d)

    for name, label in (("sync", "SQLite"), ("sync-postgres", "PostgreSQL")):
        d = load(name)
        row(rows, f"Sync push of 100k records to a {label} hub on loopback", "—",
            fmt(dig(d, "records_per_s"), " records/s", 0), None, f"{name}.json", d)

    hub_load_rows(rows)

    for name, label in (("ui_stall", "quiet machine"), ("ui_stall_loaded", "machine shared with other runs")):
        d = load(name)
        if not d:
            continue
        runs = d.get("longest_stall_ms_per_run") or ([d["longest_stall_ms"]] if "longest_stall_ms" in d else [])
        if runs:
            d.setdefault("date", dig(d, "runs", -1, "date"))
            row(rows, f"Longest UI-thread stall during 8 full examinations, per run ({label})", "≤ 50 ms",
                " / ".join(fmt(float(x), " ms") for x in runs), max(runs) <= 50, f"{name}.json", d)
    return rows


#: (result file, the issue-12 target it answers: "p99" push p99 <= 5 s, "reader" supervisor
#: queue p95 <= 300 ms, "no_timeout" no client time-out, "flat" connections flat across bursts)
HUB_LOAD = (("hub_load-sqlite-50", ()), ("hub_load-sqlite-100", ()), ("hub_load-sqlite-200", ("no_timeout",)),
            ("hub_load-pg-w1-50", ()), ("hub_load-pg-w1-100", ()), ("hub_load-pg-w1-200", ("no_timeout",)),
            ("hub_load-pg-w2-50", ("reader",)), ("hub_load-pg-w2-100", ("p99",)),
            ("hub_load-pg-w2-200", ("no_timeout",)), ("hub_load-pg-w2-100-nice0", ()),
            ("hub_load-pg-w2-50-kill", ()), ("hub_load-sqlite-50-kill", ()), ("hub_load-pg-w2-bursts", ("flat",)))


def hub_load_rows(rows) -> None:
    """benchmarks/hub_load.py: booths as processes on this machine pushing to a hub started with
    ``hub serve`` (booths at nice 10 unless the file says otherwise)."""
    for name, targets in HUB_LOAD:
        d = load(name)
        if not d:
            continue
        c = d.get("config", {})
        db = "SQLite" if c.get("db") == "sqlite" else f"PostgreSQL, {c.get('hub_workers', 1)} process(es)"
        nice = "" if c.get("booth_nice") else ", booths at the hub's priority"
        what = f"Hub load, {db}, {c.get('booths')} booths × {c.get('records_per_booth'):,} records{nice}"
        lat, err, once = d.get("push_latency") or {}, d.get("errors") or {}, dig(d, "exactly_once", "ok")
        kill = d.get("hub_kill")
        if c.get("bursts", 1) > 1:
            conns = [x["n"] for x in d.get("db_connections") or [] if x.get("when", "").startswith("after burst")]
            row(rows, f"{what}: database connections after each of {c['bursts']} bursts, {c.get('idle_s'):g} s idle between",
                "flat" if "flat" in targets else "—", " ".join(str(n) for n in conns),
                (max(conns) == min(conns)) if conns and "flat" in targets else None, f"{name}.json", d)
            continue
        suffix = (f", hub SIGKILLed with {kill.get('records_at_hub_when_killed'):,} records in, back in {kill.get('outage_s')} s"
                  if kill else "")
        row(rows, f"{what}{suffix}: records/s; push p50 / p95 / p99; time-outs; 503s; exactly once",
            "p99 ≤ 5 s" if "p99" in targets else ("no time-out, exactly once" if "no_timeout" in targets else "exactly once"),
            f"{fmt(d.get('records_per_s'), '', 0)}; {fmt(lat.get('p50_ms'), '', 0)} / {fmt(lat.get('p95_ms'), '', 0)} / "
            f"{fmt(lat.get('p99_ms'), ' ms', 0)}; {err.get('timeout')}; {err.get('backpressure')}; {'yes' if once else 'NO'}",
            bool(once) and (lat.get("p99_ms", 1e9) <= 5000 if "p99" in targets else
                            err.get("timeout") == 0 if "no_timeout" in targets else True),
            f"{name}.json", d)
        reader = d.get("supervisor_reader")
        if reader and "reader" in targets:
            rl = reader.get("latency") or {}
            row(rows, f"{what}: supervisor queue poll during the push, p50 / p95 ({reader.get('polls_per_s')} polls/s)",
                "p95 ≤ 300 ms", f"{fmt(rl.get('p50_ms'), '', 0)} / {fmt(rl.get('p95_ms'), ' ms', 0)}",
                rl.get("p95_ms", 1e9) <= 300, f"{name}.json", d)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--update-readme", action="store_true")
    args = ap.parse_args()
    rows = build_rows()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    table = markdown(rows)
    if args.update_readme:
        text = README.read_text(encoding="utf-8")
        if BEGIN not in text or END not in text:
            raise SystemExit(f"{README} has no {BEGIN} ... {END} block")
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        README.write_text(f"{head}{BEGIN}\n{table}{END}{tail}", encoding="utf-8")
        return 0
    print(table, end="")
    return 0


def markdown(rows: list[dict]) -> str:
    lines = ["| figure | target | measured | met | result file (date UTC, load) |", "|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['figure']} | {r['target']} | {r['measured']} | {r['met']} | `{r['source']}` ({r['when']}) |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
