"""Signed bundles: applied atomically, refused with a clear message and the lists unchanged."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector_app.screening import bundles, keys, liststate
from inspector_app.screening.screen import Screener

from .conftest import SLTD, WATCHLIST


def snapshot(home: Path) -> dict:
    """Everything a refused bundle must leave untouched: CURRENT, manifests, list files."""
    root = liststate.root(home)
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".lock"}


def screen_doc(home, number="L898902C3", state="UTO"):
    return Screener(home).screen({"document_number": number, "issuing_state": state}).to_dict()["hits"]


@pytest.fixture
def v1(booth, make_bundle):
    bundles.apply(booth, make_bundle(1, watchlist=WATCHLIST, sltd=SLTD))
    return booth


def test_full_bundle_applies_and_screens(v1):
    assert liststate.current(v1).version == 1
    hits = screen_doc(v1)
    assert hits[0]["kind"] == "sltd" and hits[0]["record"]["status"] == "stolen"
    assert screen_doc(v1, number="L898902C4") == []


def test_delta_adds_and_removes(v1, make_bundle):
    delta = make_bundle(2, base_version=1,
                        sltd=[{**SLTD[0], "status": "removed"},
                              {"issuing_state": "FRA", "document_type": "P", "document_number": "12AB34567",
                               "status": "stolen", "reported_on": "2025-02-03"}],
                        watchlist=[{"subject_id": "W1", "list": "REMOVE", **{k: "" for k in WATCHLIST[0] if k not in ("subject_id", "list")}}])
    out = bundles.apply(v1, delta)
    assert out["version"] == 2 and out["kind"] == "delta"
    assert screen_doc(v1) == []
    assert screen_doc(v1, "12AB34567", "FRA")[0]["record"]["reported_on"] == "2025-02-03"
    assert screen_doc(v1, "TK1234567", "JPN")[0]["record"]["status"] == "lost"   # carried over from main.bin
    names = Screener(v1).screen({"surname": "MUELLER", "given_names": "HANS", "birth_date": "1980-05-04"}).hits
    assert names == []   # W1 removed by the delta
    assert liststate.current(v1).manifest["counts"]["watchlist"] == 2


@pytest.mark.parametrize("case", ["replay", "older_full", "gap", "delta_without_base"])
def test_sequence_refused_and_lists_unchanged(v1, make_bundle, tmp_path, booth, case):
    if case == "replay":
        d2 = make_bundle(2, base_version=1, sltd=[SLTD[0]])
        bundles.apply(v1, d2)
        bad, msg = d2, "replay"
    elif case == "older_full":
        bad, msg = make_bundle(1, sltd=SLTD), "rollback"
    elif case == "gap":
        bad, msg = make_bundle(3, base_version=2, sltd=SLTD), "version gap"
    else:
        fresh = tmp_path / "fresh"
        fresh.mkdir()
        keys.trust_add(fresh, Path(tmp_path / "keys" / "public_key.pem"))
        v1, bad, msg = fresh, make_bundle(2, base_version=1, sltd=SLTD), "full bundle first"
    before = snapshot(v1)
    with pytest.raises(bundles.BundleError, match=msg):
        bundles.apply(v1, bad)
    assert snapshot(v1) == before


def _tamper(path: Path, where: str) -> Path:
    data = bytearray(path.read_bytes())
    hlen = int.from_bytes(data[8:12], "big")
    if where == "header":
        header = json.loads(data[12:12 + hlen])
        header["version"] = 99            # same length would be nicer; any change must fail
        new = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
        data[12:12 + hlen] = new
        data[8:12] = len(new).to_bytes(4, "big")
    elif where == "payload":
        data[-5] ^= 0x01
    elif where == "signature":
        data[12 + hlen] ^= 0x80
    elif where == "truncated":
        data = data[:-7]
    elif where == "trailing":
        data += b"junk"
    elif where == "magic":
        data[0:8] = b"NOTABNDL"
    out = path.with_name(path.name + "." + where)
    out.write_bytes(bytes(data))
    return out


@pytest.mark.parametrize("where,msg", [
    ("header", "bad signature"), ("payload", "corrupted"), ("signature", "bad signature"),
    ("truncated", "truncated"), ("trailing", "trailing"), ("magic", "bad magic"),
])
def test_tampered_refused_lists_unchanged(v1, make_bundle, where, msg):
    good = make_bundle(2, base_version=1, sltd=[{**SLTD[0], "status": "removed"}])
    before = snapshot(v1)
    with pytest.raises(bundles.BundleError, match=msg):
        bundles.apply(v1, _tamper(good, where))
    assert snapshot(v1) == before
    assert screen_doc(v1)  # still listed
    bundles.apply(v1, good)    # the untampered file is still fine
    assert screen_doc(v1) == []


def test_truncated_at_every_region(v1, make_bundle):
    good = make_bundle(2, base_version=1, sltd=SLTD, watchlist=WATCHLIST)
    data = good.read_bytes()
    before = snapshot(v1)
    for cut in (0, 5, 11, 40, len(data) // 2, len(data) - 1):
        with pytest.raises(bundles.BundleError):
            bundles.verify(data[:cut], v1)
        p = good.with_name(f"cut{cut}")
        p.write_bytes(data[:cut])
        with pytest.raises(bundles.BundleError):
            bundles.apply(v1, p)
    assert snapshot(v1) == before


def test_unknown_key_refused(v1, make_bundle, tmp_path):
    other = keys.generate(tmp_path / "other")
    bad = make_bundle(2, base_version=1, sltd=SLTD, key=other["signing_key"])
    before = snapshot(v1)
    with pytest.raises(bundles.BundleError, match="does not trust"):
        bundles.apply(v1, bad)
    assert snapshot(v1) == before


def test_verify_accepts_bytes_and_key_list(make_bundle, signer):
    b = make_bundle(1, sltd=SLTD)
    pub = Path(signer["public_key"]).read_bytes()
    header = bundles.verify(b.read_bytes(), [pub])
    assert header.version == 1 and header.kind == "full" and header.section("sltd")["size"] > 0


def test_failure_midway_leaves_lists_unchanged(v1, make_bundle, monkeypatch):
    good = make_bundle(2, base_version=1, watchlist=WATCHLIST)
    before = snapshot(v1)

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(liststate.os, "replace", boom)
    with pytest.raises(RuntimeError):
        bundles.apply(v1, good)
    monkeypatch.undo()
    after = snapshot(v1)
    # CURRENT and the live version are untouched (the staged v2 directory may remain until the next apply)
    assert after["CURRENT"] == before["CURRENT"]
    assert {k: v for k, v in after.items() if k.startswith("v000000001")} == {k: v for k, v in before.items() if k != "CURRENT"}
    assert liststate.current(v1).version == 1
    bundles.apply(v1, good)
    assert liststate.current(v1).version == 2


def test_age_and_staleness(booth, make_bundle):
    bundles.apply(booth, make_bundle(1, sltd=SLTD, created_at="2020-01-01T00:00:00Z"))
    r = Screener(booth).screen({}).to_dict()
    assert r["lists"]["version"] == 1 and r["lists"]["age_hours"] > 48 and r["lists"]["stale"] is True
    assert any("old" in w for w in r["warnings"])
    from inspector_app.settings import Settings

    s = Settings.load(booth)
    s.set("screening.max_list_age_hours", 1e9)
    s.save()
    assert Screener(booth).screen({}).to_dict()["lists"]["stale"] is False


def test_create_rejects_bad_input(tmp_path, signer):
    with pytest.raises(bundles.BundleError, match="base-version must be"):
        bundles.create(Path(signer["signing_key"]), 5, tmp_path / "x", base_version=3, sltd_csv=tmp_path / "none")
    with pytest.raises(bundles.BundleError, match="at least one"):
        bundles.create(Path(signer["signing_key"]), 1, tmp_path / "x")


def test_sltd_delta_log_is_merged_into_main_when_large(v1, make_bundle, monkeypatch):
    from inspector_app.screening import sltd

    monkeypatch.setattr(sltd, "MERGE_AT", 2)
    new = {"issuing_state": "FRA", "document_type": "P", "document_number": "99XY12345", "status": "revoked", "reported_on": "2025-03-04"}
    out = bundles.apply(v1, make_bundle(2, base_version=1, sltd=[{**SLTD[1], "status": "removed"}, new]))
    assert out["counts"]["sltd"] == 2 and out["counts"]["sltd_delta"] == 0
    d = liststate.current(v1).directory / "sltd"
    assert not (d / "delta.bin").exists() and sltd.check_main(d / "main.bin") == 2
    assert screen_doc(v1, "99XY12345", "FRA")[0]["record"]["status"] == "revoked"
    assert screen_doc(v1, "TK1234567", "JPN") == []
    assert screen_doc(v1)[0]["record"]["status"] == "stolen"


def test_installed_version_for_sync(booth, make_bundle):
    assert bundles.installed_version(booth) == 0
    bundles.apply(booth, make_bundle(3, sltd=SLTD))
    assert bundles.installed_version(booth) == 3


def test_long_lived_screener_sees_new_bundle(v1, make_bundle):
    s = Screener(v1)
    assert s.screen({"document_number": "L898902C3", "issuing_state": "UTO"}).hits
    bundles.apply(v1, make_bundle(2, base_version=1, sltd=[{**SLTD[0], "status": "removed"}]))
    r = s.screen({"document_number": "L898902C3", "issuing_state": "UTO"})
    assert r.hits == [] and r.lists["version"] == 2


def test_sltd_delta_needs_an_sltd_list_and_the_same_list_key(booth, make_bundle, tmp_path):
    bundles.apply(booth, make_bundle(1, watchlist=WATCHLIST))
    before = snapshot(booth)
    with pytest.raises(bundles.BundleError, match="no SLTD list"):
        bundles.apply(booth, make_bundle(2, base_version=1, sltd=SLTD))
    assert snapshot(booth) == before
    # a second trusted signer derives another list key: its SLTD delta cannot extend our list
    bundles.apply(booth, make_bundle(2, base_version=1, watchlist=WATCHLIST[:1], sltd=None))
    other = keys.generate(tmp_path / "other2")
    keys.trust_add(booth, Path(other["public_key"]))
    bundles.apply(booth, make_bundle(3, sltd=SLTD))
    before = snapshot(booth)
    with pytest.raises(bundles.BundleError, match="different list key"):
        bundles.apply(booth, make_bundle(4, base_version=3, sltd=SLTD, key=other["signing_key"]))
    assert snapshot(booth) == before
