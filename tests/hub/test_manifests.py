"""Pre-arrival manifests at the hub over real HTTPS: uploaded only by a port's supervisor (their
proof signed over the file), read whole or refused with the segment and position, and handed to
the port's booths, which screen them against their own lists."""
from __future__ import annotations

import datetime as dt
import hashlib
import shutil

import httpx
import pytest

from inspector_app.common import signing
from inspector_app.hub.server import MAX_MANIFEST_BYTES
from tests.hub.conftest import PORT, enrol_booth
from tests.screening.test_paxlst import GOOD, _planted, build

PW = {"kato": "kato-supervisor-pw", "ito": "ito-inspector-pw-2", "mori": "mori-supervisor-pw"}
BAD = GOOD.replace("DTM+36:310830'", "DTM+36:31083'", 1)


def proof(user: str, key, booth_id: str, body: bytes, *, digest: str | None = None, age_s: float = 0) -> dict:
    at = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=age_s)).isoformat()
    value = {"user": user, "at": at, "method": "POST", "path": "/manifests", "booth_id": booth_id,
             "sha256": digest or hashlib.sha256(body).hexdigest()}
    return {"X-Supervisor": user, "X-Supervisor-At": at,
            "X-Supervisor-Proof": signing.sign(key, signing.SUPERVISOR_PROOF, value)}


@pytest.fixture
def people(hub, trust_kit):
    trust_kit.add_user(hub, "kato", PW["kato"], ["supervisor"], [PORT])
    trust_kit.add_user(hub, "ito", PW["ito"], ["inspector"], [PORT])
    trust_kit.add_user(hub, "mori", PW["mori"], ["supervisor"], ["Kansai Airport"])
    return {name: trust_kit.signing_key(name, pw) for name, pw in PW.items()}


def _attacks(booth, keys):
    good = GOOD.encode("latin-1")
    other = GOOD.replace("WATSON", "WATSEN").encode("latin-1")
    return [  # what is sent, how the hub answers
        ("no credential", {}, good, 401),
        ("a booth credential without a supervisor", booth.headers, good, 403),
        ("an inspector's proof", {**booth.headers, **proof("ito", keys["ito"], booth.booth_id, good)}, good, 403),
        ("kato's name, ito's key", {**booth.headers, **proof("kato", keys["ito"], booth.booth_id, good)}, good, 403),
        ("a proof for another file", {**booth.headers, **proof("kato", keys["kato"], booth.booth_id, other)}, good, 403),
        ("a proof ten minutes old", {**booth.headers, **proof("kato", keys["kato"], booth.booth_id, good, age_s=600)},
         good, 403),
        ("another port's supervisor", {**booth.headers, **proof("mori", keys["mori"], booth.booth_id, good)}, good, 403),
        ("a malformed file", {**booth.headers, **proof("kato", keys["kato"], booth.booth_id, BAD.encode())},
         BAD.encode(), 422),
        ("a NUL byte", {**booth.headers, **proof("kato", keys["kato"], booth.booth_id, good + b"\0")}, good + b"\0",
         422),
    ]


def test_only_a_supervisor_of_the_port_uploads_a_readable_file(hub, people):
    booth = enrol_booth(hub.db, "booth-1")
    for what, headers, body, status in _attacks(booth, people):
        r = httpx.post(f"{hub.url}/manifests", content=body, headers=headers, verify=hub.tls_context)
        assert r.status_code == status, what
    assert hub.db.manifests_after(PORT) == []
    r = httpx.post(f"{hub.url}/manifests", content=BAD.encode(), verify=hub.tls_context,
                   headers={**booth.headers, **proof("kato", people["kato"], booth.booth_id, BAD.encode())})
    assert (r.json()["segment"], r.json()["index"], r.json()["line"]) == ("DTM", 18, 1)
    assert "segment 19 (DTM) at line 1, column" in r.json()["detail"] and "expiry date" in r.json()["detail"]


def test_an_oversize_file_is_refused_unread(hub, people):
    booth = enrol_booth(hub.db, "booth-1")
    big = GOOD.encode() + b" " * (MAX_MANIFEST_BYTES - len(GOOD) + 1)
    r = httpx.post(f"{hub.url}/manifests", content=big, verify=hub.tls_context, timeout=30,
                   headers={**booth.headers, **proof("kato", people["kato"], booth.booth_id, big)})
    assert r.status_code == 413 and hub.db.manifests_after(PORT) == []


def test_uploaded_once_and_read_by_the_ports_booths_only(hub, people):
    uploader, neighbour = enrol_booth(hub.db, "booth-1"), enrol_booth(hub.db, "booth-2")
    elsewhere = enrol_booth(hub.db, "kix-1", "Kansai Airport")
    body = GOOD.encode("latin-1")
    answers = [httpx.post(f"{hub.url}/manifests", content=body, verify=hub.tls_context,
                          headers={**uploader.headers, **proof("kato", people["kato"], uploader.booth_id, body)})
               for _ in range(2)]
    assert [a.status_code for a in answers] == [201, 200]          # the same file again: the one kept
    assert [a.json()["duplicate"] for a in answers] == [False, True]
    assert answers[0].json()["manifest_id"] == answers[1].json()["manifest_id"]
    assert (answers[0].json()["flight"], answers[0].json()["people"]) == ("JL0046", 2)

    def read(booth, after=0):
        r = httpx.get(f"{hub.url}/manifests", params={"after": after}, headers=booth.headers, verify=hub.tls_context)
        return r.json()["items"]

    got = read(neighbour)
    assert [(i["flight"], i["uploaded_by"], i["body"]) for i in got] == [("JL0046", "kato", GOOD)]
    assert read(neighbour, got[0]["seq"]) == [] and read(elsewhere) == []
    # a file received three days ago is no longer handed out (a booth joining now does not get it)
    with hub.db.tx() as tx:
        tx.execute("UPDATE manifests SET received_at = ?", ((dt.datetime.now(dt.UTC) - dt.timedelta(days=3))
                                                             .strftime("%Y-%m-%dT%H:%M:%S.%fZ"),))
    assert read(neighbour) == []
    assert httpx.get(f"{hub.url}/manifests", verify=hub.tls_context).status_code == 401


def test_a_port_booth_pulls_and_screens_an_uploaded_manifest_against_its_own_lists(
        hub, people, trust_kit, demo_template, tmp_path):
    """The must-show through the hub: a supervisor at one booth uploads the planted file, another
    booth of the port flags both before arrival at its next sync."""
    from inspector_app.store import open_store
    from inspector_app.sync.client import ManifestRefused, SyncClient
    from tests.booth.conftest import travellers

    homes = {}
    for name in ("nrt-1", "nrt-2"):
        homes[name] = tmp_path / name
        shutil.copytree(demo_template, homes[name])
        trust_kit.configure_booth(homes[name], hub, name, PORT)
    stores = {name: open_store(home) for name, home in homes.items()}
    clients = {name: SyncClient.from_home(homes[name], stores[name]) for name in homes}
    try:
        file = build(_planted(travellers()), parts=2).encode("latin-1")
        sent = clients["nrt-1"].upload_manifest("kato", people["kato"], file)
        assert (sent["flight"], sent["people"], sent["duplicate"]) == ("JL0046", 5, False)
        with pytest.raises(ManifestRefused, match="segment 19 .DTM."):
            clients["nrt-1"].upload_manifest("kato", people["kato"], BAD.encode())
        assert clients["nrt-2"].pull_once()["manifests"] == 1
        assert clients["nrt-2"].pull_once()["manifests"] == 0         # the cursor moved on
        [kept] = stores["nrt-2"].manifests()
        assert (kept["flight"], kept["people"], kept["flagged"]) == ("JL0046", 5, 2)
        assert stores["nrt-2"].pre_arrival("14FR77881", "FRA")["state"] == "flagged"
        # the uploader's booth gets it too, and the same file from its folder later is no second manifest
        assert clients["nrt-1"].pull_once()["manifests"] == 1
        from inspector_app.screening import pre_arrival

        assert pre_arrival.import_file(homes["nrt-1"], stores["nrt-1"], file, actor="test").duplicate
    finally:
        for c in clients.values():
            c.close()
        for s in stores.values():
            s.close()


def test_manifest_upload_from_the_command_line_as_a_supervisor(hub, people, trust_kit, tmp_path, monkeypatch, capsys):
    from inspector_app.cli import main
    from inspector_app.store import open_store
    from inspector_app.sync.client import SyncClient

    home = tmp_path / "nrt-1"
    trust_kit.configure_booth(home, hub, "nrt-1", PORT)
    store = open_store(home)
    client = SyncClient.from_home(home, store)
    try:
        client.sync_once()   # the port's users, and their keys, come down signed
    finally:
        client.close()
        store.close()
    good, bad = tmp_path / "JL0046.edi", tmp_path / "bad.edi"
    good.write_text(GOOD, encoding="latin-1")
    bad.write_text(BAD, encoding="latin-1")
    for user, file, code, said in [
            ("kato", bad, 2, "refused, nothing sent: segment 19 (DTM)"),
            ("ito", good, 2, "ito cannot send manifests: not a supervisor"),
            ("kato", good, 0, "sent as manifest")]:
        monkeypatch.setenv("INSPECTOR_PASSWORD", PW[user])
        assert main(["manifest", "upload", str(file), "--user", user, "--home", str(home)]) == code, user
        out = capsys.readouterr()
        assert said in (out.out if code == 0 else out.err), (user, out)
    assert [(m["flight"], m["uploaded_by"]) for m in hub.db.manifests_after(PORT)] == [("JL0046", "kato")]
