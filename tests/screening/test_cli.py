"""End to end through the real command line: keys, trust, bundle create/apply, screen."""
from __future__ import annotations

import json

from .conftest import SLTD, WATCHLIST, write_csv


def ok(r):
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_cli_end_to_end(run_cli, tmp_path):
    home, kdir = tmp_path / "booth", tmp_path / "keys"
    wl = write_csv(tmp_path / "wl.csv", WATCHLIST)
    sl = write_csv(tmp_path / "sltd.csv", SLTD)
    key = ok(run_cli("keys", "generate", "--out", kdir, "--json"))
    assert (kdir / "signing_key.pem").stat().st_mode & 0o077 == 0
    assert ok(run_cli("trust", "add", kdir / "public_key.pem", "--home", home, "--json"))["key_id"] == key["key_id"]
    b1 = tmp_path / "v1.bundle"
    header = ok(run_cli("bundle", "create", "--key", kdir / "signing_key.pem", "--version", "1", "--out", b1,
                        "--watchlist", wl, "--sltd", sl, "--json"))
    assert header["kind"] == "full" and {s["name"] for s in header["sections"]} == {"sltd", "watchlist"}
    applied = ok(run_cli("bundle", "apply", b1, "--home", home, "--json"))
    assert applied["version"] == 1 and applied["counts"] == {"sltd": 2, "sltd_delta": 0, "watchlist": 3}

    out = ok(run_cli("screen", "--home", home, "--json", "--surname", "MUELLER", "--given-names", "HANS",
                     "--birth-date", "1980-05", "--nationality", "DEU", "--sex", "M",
                     "--document-number", "L898902<C3", "--issuing-state", "UTO", "--document-type", "P"))
    kinds = {h["kind"]: h for h in out["hits"]}
    assert kinds["sltd"]["record"]["status"] == "stolen" and kinds["sltd"]["score"] == 1.0
    assert kinds["biographic"]["subject_id"] == "W1" and kinds["biographic"]["list"] == "wanted"
    assert any("year and month" in r for r in kinds["biographic"]["reasons"])
    assert out["lists"]["version"] == 1 and 0 <= out["lists"]["age_hours"] < 1

    clean = ok(run_cli("screen", "--home", home, "--json", "--surname", "TANAKA", "--given-names", "HANAKO"))
    assert clean["hits"] == []

    # replaying the same bundle: exit 2, clear message, lists unchanged
    r = run_cli("bundle", "apply", b1, "--home", home, "--json")
    assert r.returncode == 2 and "replay" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("screen", "--home", home, "--json", "--birth-date", "1980-99-01", "--surname", "X")
    assert r.returncode == 2 and "birth date" in r.stderr

    d2 = tmp_path / "v2.bundle"
    write_csv(tmp_path / "d.csv", [{**SLTD[0], "status": "removed"}])
    ok(run_cli("bundle", "create", "--key", kdir / "signing_key.pem", "--version", "2", "--base-version", "1",
               "--out", d2, "--sltd", tmp_path / "d.csv", "--json"))
    ok(run_cli("bundle", "apply", d2, "--home", home, "--json"))
    out = ok(run_cli("screen", "--home", home, "--json", "--document-number", "L898902C3", "--issuing-state", "UTO"))
    assert out["hits"] == [] and out["lists"]["version"] == 2


def test_cli_untrusted_and_missing(run_cli, tmp_path):
    kdir = tmp_path / "keys"
    ok(run_cli("keys", "generate", "--out", kdir, "--json"))
    sl = write_csv(tmp_path / "sltd.csv", SLTD)
    b = tmp_path / "b"
    ok(run_cli("bundle", "create", "--key", kdir / "signing_key.pem", "--version", "1", "--out", b, "--sltd", sl, "--json"))
    r = run_cli("bundle", "apply", b, "--home", tmp_path / "h", "--json")
    assert r.returncode == 2 and "does not trust" in r.stderr
    r = run_cli("bundle", "apply", tmp_path / "nope", "--home", tmp_path / "h", "--json")
    assert r.returncode == 2 and "not found" in r.stderr
    r = run_cli("keys", "generate", "--out", kdir)
    assert r.returncode == 2 and "refusing to overwrite" in r.stderr
    out = ok(run_cli("screen", "--home", tmp_path / "h", "--json", "--surname", "X"))
    assert out["lists"]["version"] is None and out["warnings"]
