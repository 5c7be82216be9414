"""Air-gapped transfer: outbox export on the booth, import on the hub, exactly once."""
from __future__ import annotations

import json

import pytest

from inspector_app.hub.db import HubDb
from inspector_app.hub.importer import import_dir
from inspector_app.sync.export import export_outbox


@pytest.fixture
def hubdb(tmp_path):
    db = HubDb(f"sqlite:///{tmp_path}/hub.db")
    yield db
    db.close()


def test_export_then_import_twice_stores_each_record_once(hubdb, outbox, tmp_path):
    cred = hubdb.register_booth("booth-7")
    ids = outbox.add_many(120)
    usb = tmp_path / "usb"
    out = export_outbox(tmp_path / "home", outbox, usb, "booth-7", cred, per_file=50)
    assert out["records"] == 120 and len(out["files"]) == 3 and out["signed"] and out["queued"] == 0
    first = import_dir(hubdb, usb)
    assert first["stored"] == 120 and first["refused"] == []
    second = import_dir(hubdb, usb)
    assert second["stored"] == 0 and second["duplicates"] == 120
    assert sorted(hubdb.record_ids("booth-7")) == sorted(ids)
    assert {r["via"] for r in map(hubdb.get_record, ids)} == {"import"}


def _one_file(hubdb, outbox, tmp_path, n=5):
    cred = hubdb.register_booth("booth-7")
    outbox.add_many(n)
    usb = tmp_path / "usb"
    export_outbox(tmp_path / "home", outbox, usb, "booth-7", cred)
    return usb, next(usb.glob("outbox-*.json"))


def test_edited_file_is_refused(hubdb, outbox, tmp_path):
    usb, f = _one_file(hubdb, outbox, tmp_path)
    doc = json.loads(f.read_text())
    doc["records"][0]["payload"]["n"] = 999
    f.write_text(json.dumps(doc))
    report = import_dir(hubdb, usb)
    assert report["stored"] == 0 and "checksum" in report["refused"][0]["reason"]


def test_forged_file_with_recomputed_checksum_is_refused(hubdb, outbox, tmp_path):
    import hashlib

    from inspector_app.hub import outbox_file

    usb, f = _one_file(hubdb, outbox, tmp_path)
    doc = json.loads(f.read_text())
    doc["records"][0]["payload"]["n"] = 999
    body = outbox_file._body(doc["booth_id"], doc["exported_at"], doc["records"])
    doc["sha256"] = hashlib.sha256(body).hexdigest()
    f.write_text(json.dumps(doc))
    report = import_dir(hubdb, usb)
    assert report["stored"] == 0 and "MAC" in report["refused"][0]["reason"]


def test_truncated_file_is_refused(hubdb, outbox, tmp_path):
    usb, f = _one_file(hubdb, outbox, tmp_path)
    f.write_bytes(f.read_bytes()[:-30])
    report = import_dir(hubdb, usb)
    assert report["stored"] == 0 and "truncated" in report["refused"][0]["reason"]


def test_unknown_booth_and_unsigned_files_are_refused(hubdb, outbox, tmp_path):
    outbox.add_many(3)
    usb = tmp_path / "usb"
    export_outbox(tmp_path / "home", outbox, usb, "booth-9", None)
    assert "not registered" in import_dir(hubdb, usb)["refused"][0]["reason"]
    hubdb.register_booth("booth-9")
    assert "unsigned" in import_dir(hubdb, usb)["refused"][0]["reason"]
    assert import_dir(hubdb, usb, allow_unsigned=True)["stored"] == 3


def test_hub_import_cli(run_cli, outbox, tmp_path):
    db_url = f"sqlite:///{tmp_path}/hub.db"
    db = HubDb(db_url)
    cred = db.register_booth("booth-7")
    outbox.add_many(10)
    export_outbox(tmp_path / "home", outbox, tmp_path / "usb", "booth-7", cred)
    r = run_cli("hub", "import", str(tmp_path / "usb"), "--db", db_url, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["stored"] == 10
    r = run_cli("hub", "import", str(tmp_path / "usb"), "--db", db_url, "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["duplicates"] == 10
    r = run_cli("hub", "import", str(tmp_path / "nowhere"), "--db", db_url)
    assert r.returncode == 2 and "not a directory" in r.stderr
