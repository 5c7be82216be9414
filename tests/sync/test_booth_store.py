"""The booth side end to end with the real encrypted Store and screening's signed bundles:
`sync configure`, `sync --once`, `sync status`, `outbox export` + `hub import`, over loopback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PORT = "Narita Airport"
PW = {"sato": "sato-supervisor-pw", "tanaka": "tanaka-inspector-pw"}


@pytest.fixture
def booth(tmp_path, monkeypatch, hub, cli):
    """A booth home configured as an operator does it (`hub register-booth`, then `sync configure
    --trust hub-trust.json`), with a file-keyed store (the CLI subprocesses use the same key)."""
    monkeypatch.setenv("INSPECTOR_KEY_PROVIDER", "file")
    home = tmp_path / "booth"
    credential = hub.db.register_booth("booth-7", PORT)
    r = cli("sync", "configure", "--home", home, "--hub", hub.url, "--booth-id", "booth-7",
            "--trust", hub.hub_dir / "hub-trust.json", "--credential-stdin", "--json", input=credential + "\n")
    assert r.returncode == 0, r.stderr
    from inspector_app.settings import Settings

    settings = Settings.load(home)
    settings.set("booth.port", PORT)
    settings.save()
    from inspector_app.store import open_store

    store = open_store(home)
    yield home, store
    store.close()


def examine(store, inspector="tanaka", outcome="hit"):
    exam = store.create_examination({"inspector": inspector, "booth": "booth-7", "port": "NRT",
                                     "traveller": {"surname": "IVANOV", "given_names": "SERGEY"}})
    check = store.add_check_result(exam, {"kind": "biographic", "outcome": outcome, "score": 0.93,
                                          "reasons": ["surname exact", "birth date exact"], "list": "wanted"})
    store.record_decision(exam, {"type": "referral", "referral_reasons": ["watchlist hit"]}, inspector)
    return exam, check


def sync_once(cli, home):
    r = cli("sync", "--once", "--home", home, "--json")
    return r.returncode, json.loads(r.stdout) if r.stdout else None, r.stderr


def test_records_users_queue_and_reviews_round_trip(booth, hub, cli, run_cli, trust_kit):
    home, store = booth
    trust_kit.add_user(hub, "sato", PW["sato"], ["supervisor"], [PORT])
    trust_kit.add_user(hub, "tanaka", PW["tanaka"], ["inspector"], [PORT])
    exam, check = examine(store)
    queued = store.outbox_count()
    assert queued == 3  # examination, check result, decision
    rc, out, err = sync_once(run_cli, home)  # a real `inspector-app` process
    assert rc == 0, err
    assert out["push"]["stored"] == 3 and out["status"]["queued"] == 0 and out["status"]["online"]
    assert out["pull"]["users"] == 2
    assert store.outbox_count() == 0
    assert store.users_version() == hub.db.user_list(PORT)["list"]["version"]
    assert store.check_login("sato", PW["sato"])["roles"] == ["supervisor"]  # offline login from hub hashes
    assert store.check_login("sato", "wrong") is None
    items = hub.db.queue_page(PORT)["items"]
    assert [(i["record_id"], i["booth_id"], i["inspector"], i["flags"]) for i in items] == [
        (check, "booth-7", "tanaka", ["biographic:hit"])]
    assert items[0]["kind"] == "check_result" and items[0]["summary"]["examination_id"] == exam
    assert hub.db.queue_item(PORT, "booth-7", check)["payload"]["reasons"][0] == "surname exact"
    assert hub.db.get_record("booth-7", exam)["kind"] == "examination"
    anchor = hub.db.audit_head("booth-7")  # the push anchored the booth's audit chain at the hub
    assert 0 < anchor["seq"] <= store.audit_head()["seq"] and store.verify_audit(anchor=anchor)["ok"]
    # the supervisor clears the hit at a booth, signing with the key their password unlocks; the
    # review travels up and closes the hub's item
    key = store.unlock_signing_key("sato", PW["sato"])
    store.add_review(check, "sato", "cleared", "different person: birth place differs", signing_key=key)
    rc, out, err = sync_once(cli, home)
    assert rc == 0 and out["push"]["stored"] == 1, err
    assert hub.db.queue_page(PORT)["items"] == [] and hub.db.reviews("booth-7", check)[0]["reviewer"] == "sato"
    # and again: nothing to send, nothing duplicated
    rc, out, _ = sync_once(cli, home)
    assert rc == 0 and out["push"]["stored"] == 0 and hub.db.stats()["records"] == 4


def test_status_and_offline_failure(booth, hub, cli):
    home, store = booth
    examine(store)
    r = cli("sync", "status", "--home", home, "--json")
    assert r.returncode == 0, r.stderr
    st = json.loads(r.stdout)
    assert st["queued"] == 3 and st["last_success"] is None and not st["online"]
    hub.stop()
    rc, out, err = sync_once(cli, home)
    assert rc == 1 and "unreachable" in out["error"] and out["status"]["queued"] == 3
    st = json.loads(cli("sync", "status", "--home", home, "--json").stdout)
    assert not st["online"] and "unreachable" in st["last_error"]


def _bundle_fixture(tmp_path, home):
    from inspector_app.screening import bundles, keys

    k = keys.generate(tmp_path / "keys")
    keys.trust_add(home, Path(k["public_key"]))
    wl = tmp_path / "wl.csv"
    wl.write_text("subject_id,list,surname,given_names,birth_date,sex,nationality,reason,ban_until\n"
                  "WL-1,wanted,IVANOV,SERGEY,1971-09-18,M,RUS,red notice,\n")
    wl2 = tmp_path / "wl2.csv"
    wl2.write_text(wl.read_text() + "WL-2,wanted,PETROV,IVAN,1970,M,RUS,red notice,\n")
    b1, b2, b3 = (tmp_path / f"b{i}.bin" for i in (1, 2, 3))
    bundles.create(Path(k["signing_key"]), 1, b1, watchlist_csv=wl)
    bundles.create(Path(k["signing_key"]), 2, b2, watchlist_csv=wl2)
    bundles.create(Path(k["signing_key"]), 3, b3, watchlist_csv=wl2)
    return b1, b2, b3


def test_signed_bundles_pulled_and_tampered_one_refused(booth, hub, cli, tmp_path):
    from inspector_app.screening import liststate

    home, store = booth
    b1, b2, b3 = _bundle_fixture(tmp_path, home)
    data2 = bytearray(b2.read_bytes())
    data2[-10] ^= 0xFF  # flip a byte inside a signed section
    for v, data in ((1, b1.read_bytes()), (2, bytes(data2)), (3, b3.read_bytes())):
        hub.db.put_bundle(v, data)
    examine(store)
    rc, out, err = sync_once(cli, home)
    assert rc == 0, err
    assert out["pull"]["applied"] == [1]
    refused = out["pull"]["refused"]
    assert refused["version"] == 2 and "corrupted" in refused["reason"]
    assert out["push"]["stored"] == 3 and store.outbox_count() == 0  # push carried on
    assert liststate.current(home).version == 1  # lists stay at the last good version
    st = json.loads(cli("sync", "status", "--home", home, "--json").stdout)
    assert st["last_bundle_refusal"]["version"] == 2
    r = cli("sync", "--once", "--home", home)
    assert r.returncode == 0 and "REFUSED bundle 2" in r.stdout


def test_publish_bundle_cli(hub, cli, tmp_path):
    f = tmp_path / "x.bin"
    f.write_bytes(b"opaque signed bytes")
    r = cli("hub", "publish-bundle", f, "--version", "4", "--db", hub.db.url, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["version"] == 4 and hub.db.get_bundle(4)[0] == b"opaque signed bytes"
    f.write_bytes(b"something else")
    r = cli("hub", "publish-bundle", f, "--version", "4", "--db", hub.db.url)
    assert r.returncode == 2 and "different content" in r.stderr


def test_outbox_export_and_hub_import_cli(booth, hub, cli, tmp_path):
    home, store = booth
    ids = [examine(store)[0] for _ in range(4)]
    usb = tmp_path / "usb"
    r = cli("outbox", "export", "--out", usb, "--home", home, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["records"] == 12 and out["queued"] == 0
    assert store.outbox_count() == 0
    # the hub needs the booth's key to check the files: a booth that never pushed has it registered
    # by the operator (`hub register-booth --public-key`, the key `sync configure` printed)
    assert hub.db.enrol_key("booth-7", out["booth_public_key"])
    r = cli("hub", "import", usb, "--db", hub.db.url, "--hub-dir", hub.hub_dir, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["stored"] == 12
    r = cli("hub", "import", usb, "--db", hub.db.url, "--hub-dir", hub.hub_dir, "--json")
    assert json.loads(r.stdout)["duplicates"] == 12 and hub.db.stats()["records"] == 12
    assert set(ids) <= set(hub.db.record_ids("booth-7"))


def test_background_sync_command_drains_and_stops_on_interrupt(booth, hub):
    import os
    import signal
    import subprocess
    import sys
    import time

    home, store = booth
    examine(store)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "inspector_app", "sync", "--home", str(home)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while store.outbox_count() and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.05)
        assert store.outbox_count() == 0 and hub.db.stats()["records"] == 3
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            rc = proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()  # never leave a background sync behind
            proc.wait(10)
            raise
    assert rc == 0


def test_review_made_at_another_booth_clears_the_hit_where_it_was_raised(booth, hub, cli, trust_kit):
    import uuid

    import httpx

    from inspector_app.common import signed_review

    home, store = booth
    trust_kit.add_user(hub, "sato", PW["sato"], ["supervisor"], [PORT])
    exam, check = examine(store)
    assert store.open_hits(exam)
    rc, _, err = sync_once(cli, home)
    assert rc == 0, err
    other = hub.db.register_booth("booth-9", PORT)  # the supervisor's desk, another booth
    fields = {"review_id": str(uuid.uuid4()), "booth_id": "booth-7", "check_result_id": check, "examination_id": exam,
              "reviewer": "sato", "verdict": "cleared", "reason": "different person",
              "reviewed_at": "2026-11-29T10:00:00+00:00"}
    body = {k: v for k, v in fields.items() if k not in ("booth_id", "check_result_id")}
    body["signature"] = signed_review.sign(fields, trust_kit.signing_key("sato", PW["sato"]))
    r = httpx.post(f"{hub.url}/queue/booth-7/{check}/reviews", headers={"Authorization": f"Bearer {other}"},
                   verify=hub.tls_context, json=body)
    assert r.status_code == 201, r.text
    rc, out, err = sync_once(cli, home)
    assert rc == 0 and out["pull"]["reviews"] == 1, err
    assert store.open_hits(exam) == []  # the inspector at booth-7 may now grant landing
    rc, out, err = sync_once(cli, home)  # applied once; not echoed back up as a record of booth-7's
    assert rc == 0 and out["pull"]["reviews"] == 0 and out["push"]["stored"] == 0
    assert len(hub.db.reviews("booth-7", check)) == 1 and hub.db.queue_page(PORT)["items"] == []
