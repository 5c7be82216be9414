"""`hub import` against each hub database: a file the booth signed is still only as good as its
records; one bad record (or file) is refused with the reason and everything else is imported."""
from __future__ import annotations

import json

from inspector_app.hub import outbox_file
from inspector_app.hub.db import HubDb
from inspector_app.hub.importer import import_dir
from inspector_app.hub.keys import load_seal
from inspector_app.hub.setup import init_hub
from tests.hub.conftest import enrol_booth


def _rec(n: int, **over) -> dict:
    return {"record_id": f"r-{n}", "seq": n, "kind": "decision", "payload": {"n": n}, "created_at": None, **over}


def test_records_a_push_would_refuse_are_refused_and_the_rest_is_imported(hub_db_url, tmp_path, cli):
    init_hub(tmp_path / "hub")
    seal = load_seal(tmp_path / "hub")
    db = HubDb(hub_db_url)
    booth = enrol_booth(db, "booth-1")
    usb = tmp_path / "usb"
    # signed by the booth's own key, so they pass the file's checks, but no database can store them
    bad = booth.signed([_rec(1, seq=2**70), _rec(2, payload={"name": "TANAKA\x00"}), _rec(3, kind="Decision"),
                        _rec(4, record_id="../../etc"), _rec(5)])
    outbox_file.write(usb, "booth-1", "2026-11-29T00:00:00Z", bad, booth.key, seal.public_key())
    twice = booth.signed([_rec(6), _rec(6)])  # one id twice in one file
    outbox_file.write(usb, "booth-1", "2026-11-29T00:00:01Z", twice, booth.key, seal.public_key())
    outbox_file.write(usb, "booth-1", "2026-11-29T00:00:02Z", booth.signed([_rec(7), _rec(8)]), booth.key,
                      seal.public_key())  # a later file, sorted after the bad ones
    report = import_dir(db, usb, seal)
    assert sorted(db.record_ids()) == ["r-5", "r-7", "r-8"] and report["stored"] == 3
    reasons = {r["record_id"]: r["reason"] for r in report["refused_records"]}
    assert set(reasons) == {"r-1", "r-2", "r-3", None}  # the bad id itself is not echoed
    assert "seq" in reasons["r-1"] and "payload" in reasons["r-2"] and "kind" in reasons["r-3"]
    assert "TANAKA" not in json.dumps(report)
    assert [r["file"] for r in report["refused"]] == ["outbox-booth-1-6-6.json"]
    assert "twice" in report["refused"][0]["reason"]
    assert import_dir(db, usb, seal)["duplicates"] == 3  # and again: nothing twice
    db.close()
    r = cli("hub", "import", usb, "--hub-dir", tmp_path / "hub", "--db", hub_db_url, "--json")
    assert r.returncode == 1 and json.loads(r.stdout)["duplicates"] == 3  # refusals make the exit status 1
