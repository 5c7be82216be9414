"""Air-gapped transfer: outbox export on the booth, import on the hub, exactly once. Exports are
sealed to the hub's export key (from the booth's pinned trust file) and signed with the booth's
key; the hub opens them with ``keys/seal.key`` and checks the signature with the key it holds
for the booth."""
from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.common import signing
from inspector_app.hub.db import HubDb
from inspector_app.hub.importer import import_dir
from inspector_app.hub.keys import load_seal, write_trust
from inspector_app.hub.setup import init_hub
from inspector_app.sync.config import configure
from inspector_app.sync.export import export_outbox
from inspector_app.sync.trust import booth_key

PORT = "Narita Airport"


@pytest.fixture(scope="module")
def hub_dir(tmp_path_factory):
    """A hub directory as `hub init` makes it (no server: air-gapped import needs none)."""
    d = tmp_path_factory.mktemp("offline") / "hubdir"
    init_hub(d)
    return d


@pytest.fixture
def seal(hub_dir):
    return load_seal(hub_dir)


@pytest.fixture
def hubdb(tmp_path):
    db = HubDb(f"sqlite:///{tmp_path}/hub.db")
    yield db
    db.close()


def export_only_booth(hubdb, hub_dir, home, booth_id: str = "booth-7", enrol: bool = True):
    """Register the booth, configure an export-only home (no hub URL) with the hub's trust file,
    and, as `hub register-booth --public-key` does, give the hub the booth's signing key."""
    cred = hubdb.register_booth(booth_id, PORT)
    out = configure(home, booth_id, cred, None, write_trust(hub_dir))
    if enrol:
        assert hubdb.enrol_key(booth_id, out["booth_public_key"])
    return out["booth_public_key"]


def test_export_then_import_twice_stores_each_record_once(hubdb, hub_dir, seal, outbox, tmp_path):
    home = tmp_path / "home"
    public = export_only_booth(hubdb, hub_dir, home)
    ids = outbox.add_many(120)
    usb = tmp_path / "usb"
    out = export_outbox(home, outbox, usb, "booth-7", per_file=50)
    assert out["records"] == 120 and len(out["files"]) == 3 and out["queued"] == 0
    assert out["booth_public_key"] == public  # signed with the key the hub holds for the booth
    first = import_dir(hubdb, usb, seal)
    assert first["stored"] == 120 and first["refused"] == [] and first["refused_records"] == []
    second = import_dir(hubdb, usb, seal)
    assert second["stored"] == 0 and second["duplicates"] == 120
    assert sorted(hubdb.record_ids("booth-7")) == sorted(ids)
    assert {hubdb.get_record("booth-7", i)["via"] for i in ids} == {"import"}


def _one_file(hubdb, hub_dir, outbox, tmp_path, n=5):
    home = tmp_path / "home"
    export_only_booth(hubdb, hub_dir, home)
    outbox.add_many(n)
    usb = tmp_path / "usb"
    export_outbox(home, outbox, usb, "booth-7")
    return home, usb, next(usb.glob("outbox-*.json"))


def test_export_is_encrypted_and_edits_are_refused(hubdb, hub_dir, seal, outbox, tmp_path):
    import base64

    _, usb, f = _one_file(hubdb, hub_dir, outbox, tmp_path)
    raw = f.read_text()
    assert "TANAKA" not in raw and "traveller" not in raw  # nothing personal in clear on the stick
    doc = json.loads(raw)
    sealed = bytearray(base64.b64decode(doc["ciphertext"]))
    sealed[5] ^= 1
    doc["ciphertext"] = base64.b64encode(bytes(sealed)).decode()
    f.write_text(json.dumps(doc))
    report = import_dir(hubdb, usb, seal)
    assert report["stored"] == 0 and "not signed by booth booth-7's key" in report["refused"][0]["reason"]


def test_header_edit_and_a_re_registered_booth_are_refused(hubdb, hub_dir, seal, outbox, tmp_path):
    _, usb, f = _one_file(hubdb, hub_dir, outbox, tmp_path)
    good = f.read_text()
    doc = json.loads(good)
    doc["count"] = 4  # the header is signed too
    f.write_text(json.dumps(doc))
    assert "not signed by booth booth-7's key" in import_dir(hubdb, usb, seal)["refused"][0]["reason"]
    f.write_text(good)
    hubdb.register_booth("booth-7", PORT)  # re-registered: the hub forgets the old key until one is enrolled
    assert "not registered on this hub with a signing key" in import_dir(hubdb, usb, seal)["refused"][0]["reason"]
    # another key enrolled for booth-7 (someone else's booth under its name) does not open it either
    assert hubdb.enrol_key("booth-7", signing.public_b64(Ed25519PrivateKey.generate()))
    assert "not signed by booth booth-7's key" in import_dir(hubdb, usb, seal)["refused"][0]["reason"]
    assert hubdb.record_ids() == []


def test_truncated_file_is_refused(hubdb, hub_dir, seal, outbox, tmp_path):
    _, usb, f = _one_file(hubdb, hub_dir, outbox, tmp_path)
    f.write_bytes(f.read_bytes()[:-30])
    report = import_dir(hubdb, usb, seal)
    assert report["stored"] == 0 and "truncated" in report["refused"][0]["reason"]


def test_export_without_the_hubs_trust_file_writes_and_acks_nothing(hubdb, outbox, tmp_path):
    """Was: unsigned exports with a checksum. No export is unsigned or in clear any more: a booth
    that does not know the hub's export key refuses to write one, and its outbox stays as it was."""
    from inspector_app.sync.trust import TrustError

    home = tmp_path / "home"
    home.mkdir()
    outbox.add_many(2)
    usb = tmp_path / "usb"
    with pytest.raises(TrustError, match="sync configure"):
        export_outbox(home, outbox, usb, "booth-9")
    assert outbox.outbox_count() == 2 and not (usb.exists() and list(usb.iterdir()))


def test_unknown_booth_and_unenrolled_key_are_refused_until_the_key_is_registered(hubdb, hub_dir, seal, outbox,
                                                                                  tmp_path):
    """Was: unsigned files refused unless allowed. Now every file is signed; what the hub needs is
    the booth registered with its key (`hub register-booth --public-key`, or the booth's first push)."""
    home = tmp_path / "home"
    cred = hubdb.register_booth("booth-9", PORT)
    public = configure(home, "booth-9", cred, None, write_trust(hub_dir))["booth_public_key"]
    hubdb2 = HubDb(f"sqlite:///{tmp_path}/other-hub.db")  # a hub that never heard of booth-9
    outbox.add_many(3)
    usb = tmp_path / "usb"
    export_outbox(home, outbox, usb, "booth-9")
    try:
        assert "not registered" in import_dir(hubdb2, usb, seal)["refused"][0]["reason"]
    finally:
        hubdb2.close()
    assert "not registered on this hub with a signing key" in import_dir(hubdb, usb, seal)["refused"][0]["reason"]
    assert hubdb.record_ids() == []
    hubdb.register_booth("booth-9", PORT, public_key=public)
    assert signing.public_b64(booth_key(home)) == public
    assert import_dir(hubdb, usb, seal)["stored"] == 3


def test_hub_import_cli(cli, hub_dir, outbox, tmp_path):
    db_url = f"sqlite:///{tmp_path}/hub.db"
    db = HubDb(db_url)
    try:
        export_only_booth(db, hub_dir, tmp_path / "home")
    finally:
        db.close()
    outbox.add_many(10)
    export_outbox(tmp_path / "home", outbox, tmp_path / "usb", "booth-7")
    r = cli("hub", "import", tmp_path / "usb", "--db", db_url, "--hub-dir", hub_dir, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["stored"] == 10
    r = cli("hub", "import", tmp_path / "usb", "--db", db_url, "--hub-dir", hub_dir, "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["duplicates"] == 10
    r = cli("hub", "import", tmp_path / "nowhere", "--db", db_url, "--hub-dir", hub_dir)
    assert r.returncode == 2 and "not a directory" in r.stderr
    r = cli("hub", "import", tmp_path / "usb", "--db", db_url, "--hub-dir", tmp_path / "not-a-hub")
    assert r.returncode == 2 and "seal" in r.stderr  # without the export key nothing is opened


_json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                            lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
                            max_leaves=10)
_FUZZ_KEY = Ed25519PrivateKey.generate()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                 st.dictionaries(st.sampled_from(["format", "cipher", "booth_id", "exported_at", "count", "epk",
                                                  "nonce", "ciphertext", "records", "signature"]), _json_values)
                 .map(lambda d: json.dumps({**d, "format": "border-inspector-outbox/2"}))))
def test_outbox_file_reader_refuses_garbage_cleanly(tmp_path, seal, text):
    from inspector_app.hub import outbox_file

    f = tmp_path / "outbox-x.json"
    f.write_text(text, encoding="latin-1")
    with pytest.raises(outbox_file.OutboxFileError):  # nothing unsigned gets through, and nothing crashes
        outbox_file.read(f, lambda booth: signing.public_b64(_FUZZ_KEY), seal)
