"""Bundle and user pull over loopback. Verification belongs to screening.bundles; here a small
Ed25519 verifier with the same refusals stands in, and the point is what sync does with a
refusal: surface it clearly, leave the installed version alone, and keep going."""
from __future__ import annotations

import json
import struct

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector_app.sync import pull
from inspector_app.sync.client import SyncClient, SyncError
from inspector_app.sync.trust import load_trust

PORT = "Narita Airport"

KEY = Ed25519PrivateKey.generate()


def make_bundle(version: int, base: int, body: bytes = b"lists") -> bytes:
    head = struct.pack(">QQI", version, base, len(body)) + body
    return head + KEY.sign(head)


class ToyVerifier:
    """Refuses like screening.bundles does: signature, truncation, rollback/replay, gap."""

    def __init__(self):
        self.installed = 0

    def __call__(self, home, path, listed_version):
        data = path.read_bytes()
        if len(data) < 20 + 64:
            raise pull.BundleRefused(listed_version, "truncated bundle")
        version, base, n = struct.unpack(">QQI", data[:20])
        if len(data) != 20 + n + 64:
            raise pull.BundleRefused(listed_version, "truncated bundle")
        try:
            KEY.public_key().verify(data[-64:], data[:-64])
        except InvalidSignature:
            raise pull.BundleRefused(listed_version, "bad signature") from None
        if version <= self.installed:
            raise pull.BundleRefused(listed_version, f"version {version} is not newer than {self.installed} (replay)")
        if base != self.installed:
            raise pull.BundleRefused(listed_version, f"delta from {base} but {self.installed} is installed (gap)")
        self.installed = version
        return {"version": version}


def client_for(home, outbox, url, credential, **kw) -> SyncClient:
    return SyncClient(home, outbox, url, credential, trust=load_trust(home), port=PORT, **kw)


@pytest.fixture
def booth(hub, home, credential, outbox):
    verifier = ToyVerifier()
    client = client_for(home, outbox, hub.url, credential, apply_bundle=verifier)
    yield client, verifier
    client.close()


def test_bundles_applied_in_order_and_users_delivered(booth, hub, outbox, trust_kit):
    client, verifier = booth
    for v in (1, 2, 3):
        hub.db.put_bundle(v, make_bundle(v, v - 1))
    trust_kit.add_user(hub, "sato", "sato-supervisor-pw", ["supervisor"], [PORT])
    version = hub.db.user_list(PORT)["list"]["version"]
    report = client.pull_once()
    assert report["applied"] == [1, 2, 3] and report["refused"] is None and report["users"] == 1
    assert verifier.installed == 3 and client.status().bundle_version == 3
    assert outbox.users[0]["user"] == "sato" and outbox.users[0]["password_hash"].startswith("scrypt$")
    assert outbox.users_version() == version
    again = client.pull_once()
    assert again["applied"] == []  # asks only for versions after 3
    assert again["users"] is None  # the same list version is not installed again
    trust_kit.add_user(hub, "kato", "kato-inspector-pw", ["inspector"], ["Kansai Airport"])  # another port's user
    assert client.pull_once()["users"] == 1 and outbox.users_version() > version  # a newer signed list is
    assert [u["user"] for u in outbox.users] == ["sato"]  # ... and only this port's users are in it


@pytest.mark.parametrize("damage,reason", [
    (lambda b: b[:-1] + bytes([b[-1] ^ 1]), "bad signature"),        # tampered
    (lambda b: b[:40], "truncated"),                                  # truncated
    (lambda b: make_bundle(1, 0, b"old lists"), "replay"),            # replayed older version
    (lambda b: make_bundle(3, 2), "gap"),                             # gapped delta
])
def test_refused_bundle_is_reported_and_sync_keeps_going(booth, hub, outbox, damage, reason):
    client, verifier = booth
    hub.db.put_bundle(1, make_bundle(1, 0))
    hub.db.put_bundle(2, damage(make_bundle(2, 1)))
    hub.db.put_bundle(3, make_bundle(3, 2))
    outbox.add_many(5)
    report = client.sync_once()  # does not raise: the refusal is a result, not a crash
    assert report["push"]["stored"] == 5 and outbox.outbox_count() == 0
    assert report["pull"]["applied"] == [1]
    assert report["pull"]["refused"]["version"] == 2 and reason in report["pull"]["refused"]["reason"]
    st = client.status()
    assert st.bundle_version == 1 and verifier.installed == 1  # lists stay as they were
    assert st.online and st.last_bundle_refusal["version"] == 2
    again = client.pull_once()  # next round: still refused, still no skipping ahead to 3
    assert again["applied"] == [] and again["refused"]["version"] == 2


def test_the_real_verifier_refuses_a_bundle_it_cannot_verify(hub, home, credential, outbox):
    """Without a stand-in, sync hands the file to screening.bundles, whose refusal is reported."""
    client = client_for(home, outbox, hub.url, credential)
    hub.db.put_bundle(1, make_bundle(1, 0))  # not a screening bundle, and no key is trusted
    report = client.pull_once()
    assert report["applied"] == [] and report["refused"]["version"] == 1
    assert report["refused"]["reason"]  # screening's own message, shown verbatim
    assert client.status().bundle_version in (None, 0)


def test_unreachable_hub_marks_offline(home, credential, outbox):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = client_for(home, outbox, f"https://127.0.0.1:{port}", credential, timeout=2)
    with pytest.raises(SyncError, match="unreachable"):
        client.pull_once()
    state = json.loads((home / "sync" / "state.json").read_text())
    assert state["online"] is False and "unreachable" in state["last_error"]


@pytest.fixture
def signed(tmp_path, home):
    """Real screening bundles: a trusted key in the booth home, full v1, deltas 2 and 3."""
    from inspector_app.screening import bundles, keys

    k = keys.generate(tmp_path / "keys")
    keys.trust_add(home, k["public_key"])
    header = "subject_id,list,surname,given_names,birth_date,sex,nationality,reason,ban_until\n"
    rows = ["WL-1,wanted,IVANOV,SERGEY,1971-09-18,M,RUS,red notice,\n",
            "WL-2,wanted,PETROV,IVAN,1970,M,RUS,red notice,\n", "WL-3,wanted,SMITH,JOHN,1980,M,GBR,red notice,\n"]
    out = {}
    for v in (1, 2, 3):
        csv = tmp_path / f"wl{v}.csv"
        csv.write_text(header + (rows[0] if v == 1 else rows[v - 1]))
        out[v] = tmp_path / f"b{v}.bin"
        bundles.create(k["signing_key"], v, out[v], base_version=None if v == 1 else v - 1, watchlist_csv=csv)
    return home, {v: p.read_bytes() for v, p in out.items()}


@pytest.mark.parametrize("attack", ["tampered", "truncated", "replayed", "gapped"])
def test_real_screening_refusals_surface_and_lists_stay(signed, hub, credential, outbox, attack):
    from inspector_app.screening import liststate

    home, b = signed
    second = {"tampered": b[2][:60] + bytes([b[2][60] ^ 1]) + b[2][61:],
              "truncated": b[2][: len(b[2]) - 20],
              "replayed": b[1],      # the hub (or an attacker in between) serves v1 again as "v2"
              "gapped": b[3]}[attack]  # a 2->3 delta where 1->2 is due
    hub.db.put_bundle(1, b[1])
    hub.db.put_bundle(2, second)
    client = client_for(home, outbox, hub.url, credential)  # default path: screening.bundles.apply
    outbox.add_many(3)
    report = client.sync_once()
    assert report["push"]["stored"] == 3
    assert report["pull"]["applied"] == [1]
    refusal = report["pull"]["refused"]
    assert refusal["version"] == 2 and refusal["reason"]
    expected = {"tampered": ("signature", "corrupt", "header"), "truncated": ("truncated",),
                "replayed": ("not newer", "replay"), "gapped": ("gap",)}[attack]
    assert any(word in refusal["reason"] for word in expected), refusal["reason"]
    assert liststate.current(home).version == 1
    assert client.status().last_bundle_refusal["version"] == 2


def test_bundle_download_cut_off_is_retried_not_applied(hub, home, credential, outbox, make_proxy):
    hub.db.put_bundle(1, make_bundle(1, 0))
    proxy = make_proxy(lambda n: "drop_response" if n == 2 else "pass")  # 1: list, 2: the download
    verifier = ToyVerifier()
    client = client_for(home, outbox, proxy.url, credential, apply_bundle=verifier)
    with pytest.raises(SyncError, match="cut off|unreachable"):
        client.pull_once()
    assert proxy.log[1] == ("GET /bundles/1", "drop_response")
    assert verifier.installed == 0 and not list((home / "sync" / "incoming").glob("*"))
    assert client.pull_once()["applied"] == [1] and verifier.installed == 1


def test_a_signed_user_list_the_store_refuses_is_reported_and_sync_keeps_going(hub, home, credential, trust_kit):
    """A list the administrator signed can still hold a row the booth refuses (here a PBKDF2 hash
    left in the hub's table from before scrypt): the booth keeps its users, says why, and the rest
    of the round (reviews) still happens; it is not an unexpected error every round."""
    from inspector_app.hub.keys import ADMIN_FILE, load_admin
    from inspector_app.store import open_store

    trust_kit.add_user(hub, "sato", "sato-supervisor-pw", ["supervisor"], [PORT])
    store = open_store(home)
    client = client_for(home, store, hub.url, credential)
    try:
        assert client.pull_once()["users"] == 1
        installed = store.users_version()
        m = trust_kit.material("ito", "ito-inspector-pw-2")
        with hub.db.tx() as tx:  # a row as an older hub stored it, never checked again
            tx.execute("INSERT INTO users (user_name, password_hash, roles, display_name, ports, public_key,"
                       " wrapped_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       ("ito", "pbkdf2_sha256$1$c2FsdA==$aGFzaA==", '["inspector"]',
                        "ito", json.dumps([PORT]), m["public_key"], m["wrapped_key"], "2026-01-01T00:00:00Z"))
        hub.db.publish_user_lists(load_admin(hub.hub_dir / ADMIN_FILE))
        report = client.pull_once()  # does not raise
        assert report["users"] is None and report["reviews"] == 0
        assert store.users_version() == installed and [u["user"] for u in store.list_users()] == ["sato"]
        assert "ito" in client.state.last_users_refusal and client.status().online
    finally:
        client.close()
        store.close()
