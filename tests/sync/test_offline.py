"""Air-gapped transfer: outbox export on the booth, import on the hub, exactly once."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def test_export_is_encrypted_and_edits_are_refused(hubdb, outbox, tmp_path):
    import base64

    usb, f = _one_file(hubdb, outbox, tmp_path)
    raw = f.read_text()
    assert "TANAKA" not in raw and "traveller" not in raw  # nothing personal in clear on the stick
    doc = json.loads(raw)
    sealed = bytearray(base64.b64decode(doc["ciphertext"]))
    sealed[5] ^= 1
    doc["ciphertext"] = base64.b64encode(bytes(sealed)).decode()
    f.write_text(json.dumps(doc))
    report = import_dir(hubdb, usb)
    assert report["stored"] == 0 and "does not authenticate" in report["refused"][0]["reason"]


def test_header_edit_and_foreign_credential_are_refused(hubdb, outbox, tmp_path):
    usb, f = _one_file(hubdb, outbox, tmp_path)
    doc = json.loads(f.read_text())
    doc["count"] = 4  # the header is authenticated too
    f.write_text(json.dumps(doc))
    assert "does not authenticate" in import_dir(hubdb, usb)["refused"][0]["reason"]
    doc["count"] = 5
    f.write_text(json.dumps(doc))
    hubdb.register_booth("booth-7")  # re-registered: the old credential no longer opens it
    assert "re-registered" in import_dir(hubdb, usb)["refused"][0]["reason"]


def test_truncated_file_is_refused(hubdb, outbox, tmp_path):
    usb, f = _one_file(hubdb, outbox, tmp_path)
    f.write_bytes(f.read_bytes()[:-30])
    report = import_dir(hubdb, usb)
    assert report["stored"] == 0 and "truncated" in report["refused"][0]["reason"]


def test_unsigned_file_checksum(hubdb, outbox, tmp_path):
    hubdb.register_booth("booth-9")
    outbox.add_many(2)
    usb = tmp_path / "usb"
    export_outbox(tmp_path / "home", outbox, usb, "booth-9", None)
    f = next(usb.glob("outbox-*.json"))
    doc = json.loads(f.read_text())
    doc["records"][0]["payload"]["n"] = 999
    f.write_text(json.dumps(doc))
    assert "checksum" in import_dir(hubdb, usb, allow_unsigned=True)["refused"][0]["reason"]


def test_unknown_booth_and_unsigned_files_are_refused(hubdb, outbox, tmp_path):
    outbox.add_many(3)
    usb = tmp_path / "usb"
    export_outbox(tmp_path / "home", outbox, usb, "booth-9", None)
    assert "not registered" in import_dir(hubdb, usb)["refused"][0]["reason"]
    hubdb.register_booth("booth-9")
    assert "unsigned" in import_dir(hubdb, usb)["refused"][0]["reason"]
    assert import_dir(hubdb, usb, allow_unsigned=True)["stored"] == 3


def test_hub_import_cli(cli, outbox, tmp_path):
    db_url = f"sqlite:///{tmp_path}/hub.db"
    db = HubDb(db_url)
    cred = db.register_booth("booth-7")
    outbox.add_many(10)
    export_outbox(tmp_path / "home", outbox, tmp_path / "usb", "booth-7", cred)
    r = cli("hub", "import", str(tmp_path / "usb"), "--db", db_url, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["stored"] == 10
    r = cli("hub", "import", str(tmp_path / "usb"), "--db", db_url, "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["duplicates"] == 10
    r = cli("hub", "import", str(tmp_path / "nowhere"), "--db", db_url)
    assert r.returncode == 2 and "not a directory" in r.stderr


_json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                            lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
                            max_leaves=10)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                 st.dictionaries(st.sampled_from(["format", "booth_id", "exported_at", "count", "cipher", "nonce",
                                                  "ciphertext", "records", "sha256"]), _json_values)
                 .map(lambda d: json.dumps({**d, "format": "border-inspector-outbox/1"}))))
def test_outbox_file_reader_refuses_garbage_cleanly(tmp_path, text):
    from inspector_app.hub import outbox_file

    f = tmp_path / "outbox-x.json"
    f.write_text(text, encoding="latin-1")
    try:
        doc = outbox_file.read(f, lambda booth: "00" * 32)
    except outbox_file.OutboxFileError:
        return
    assert isinstance(doc["records"], list)  # only a well-formed plain file can get through
