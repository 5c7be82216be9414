"""benchmarks/fingerprint_fvc.py works on any FVC-style folder, with manifest dpi and overrides."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("fingerprint_fvc", ROOT / "benchmarks/fingerprint_fvc.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _layout(tmp_path: Path, shared_data: Path) -> Path:
    """Two fingers x three impressions of FVC2002 DB2 (569 dpi), renamed, as symlinks."""
    db = tmp_path / "mine" / "DB7_B"
    db.mkdir(parents=True)
    src = shared_data / "fingerprints/fvc2002/DB2_B"
    for new, old in (("1", "101"), ("2", "102")):
        for i in (1, 2, 3):
            (db / f"{new}_{i}.tif").symlink_to(src / f"{old}_{i}.tif")
    return tmp_path / "mine"


def test_runs_on_another_layout_with_manifest(tmp_path, shared_data, capsys):
    root = _layout(tmp_path, shared_data)
    (root / "manifest.csv").write_text("image,dpi\n" + "".join(f"DB7_B/{f}_{i}.tif,569\n" for f in (1, 2) for i in (1, 2, 3)))
    assert _bench().main(["--data", str(root), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    (r,) = doc["results"]
    assert (r["db"], r["dpi"], r["genuine_pairs"], r["impostor_pairs"]) == ("DB7_B", 569.0, 6, 1)
    assert {"eer", "fmr100", "fmr1000", "extract_ms", "match_ms"} <= set(r)
    assert {"platform", "cpu_count", "date"} <= set(doc["machine"])


def test_dpi_override_and_default(tmp_path, shared_data, capsys):
    root = _layout(tmp_path, shared_data)
    bench = _bench()
    bench.main(["--data", str(root), "--json", "--dpi", "DB7_B=600"])
    assert json.loads(capsys.readouterr().out)["results"][0]["dpi"] == 600.0
    bench.main(["--data", str(root), "--json"])
    assert json.loads(capsys.readouterr().out)["results"][0]["dpi"] == 500.0
