"""benchmarks/encounter_search.py keeps working: a tiny gallery, real FVC fingers, seconds."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("encounter_search", ROOT / "benchmarks/encounter_search.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_tiny_run_measures_search_recall_memory_and_load(tmp_path, shared_data):
    db = tmp_path / "fingers" / "DB1_B"  # 7 real fingers x 3 impressions: 2 mated, 1 stranger, 1 source
    db.mkdir(parents=True)
    for f in range(101, 108):
        for i in (1, 2, 3):
            (db / f"{f}_{i}.tif").symlink_to(shared_data / f"fingerprints/fvc2002/DB1_B/{f}_{i}.tif")
    out = tmp_path / "result.json"
    assert _bench().main(["--data", str(tmp_path / "fingers"), "--faces", "400", "--fingers", "40", "--mated", "2",
                          "--strangers", "1", "--sources", "1", "--pool", "12", "--load-sample", "4",
                          "--row-sample", "50", "--queries", "8", "--finger-queries", "4",
                          "--exhaustive-queries", "2", "--exhaustive-sample", "10", "--adds", "1",
                          "--json", "--out", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert doc["gallery"]["encounters"] == 400 and doc["gallery"]["finger_encounters"] == 40
    for mode in ("face", "fingers", "both"):
        assert doc["search"][mode]["mated"]["queries"] > 0 and doc["search"][mode]["non_mated"]["queries"] > 0
        assert doc["search"][mode]["all"]["p95_ms"] >= doc["search"][mode]["all"]["p50_ms"] > 0
    assert doc["recall"]["face_vs_full_scan"]["expected"] > 0
    assert doc["recall"]["face_vs_full_scan"]["recall"] == 1.0
    assert doc["recall"]["fingers_vs_sample_scan"]["recall"] == 1.0
    assert doc["by_construction"]["fingers_mated_top1"] == 1.0
    assert doc["by_construction"]["non_mated_with_any_result"]["fingers"] == 0
    assert doc["memory"]["kb_per_finger_encounter"] > 0 and isinstance(doc["memory"]["kb_per_face_encounter"], float)
    assert doc["load"]["finger_encounters_timed"] == 4 and "extrapolated" in doc["load"]["note"]
    assert len(doc["search_after_add_ms"]) == 1
    assert {"platform", "cpu_count", "date"} <= set(doc["machine"]) and doc["date"]
