"""`inspector-app hub ...` from this checkout, including a real `hub serve` process."""
from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.postgres_fixtures import free_port

ROOT = Path(__file__).resolve().parents[2]


PORT = "Narita Airport"
PASSWORD = "amber-lantern-river-7"


def test_init_register_booth_and_add_user(run_cli, cli, tmp_path):
    from inspector_app.common import signing
    from inspector_app.common.passwords import verify_password
    from inspector_app.common.userkeys import unwrap
    from inspector_app.hub.db import HubDb
    from inspector_app.sync.trust import HubTrust

    hub_dir, db = tmp_path / "hub", f"sqlite:///{tmp_path}/hub.db"
    out = cli("hub", "init", "--dir", hub_dir, "--json")
    assert out.returncode == 0, out.stderr
    trust = HubTrust.from_document(json.loads((hub_dir / "hub-trust.json").read_text()))
    booth_key = signing.public_b64(Ed25519PrivateKey.generate())
    out = run_cli("hub", "register-booth", "--db", db, "--dir", hub_dir, "--booth-id", "narita-t1-07", "--port", PORT,
                  "--public-key", booth_key, "--json")
    assert out.returncode == 0, out.stderr
    cred = json.loads(out.stdout)["credential"]
    assert cred.startswith("narita-t1-07.") and len(cred) > 40
    assert cred.split(".", 1)[1] not in (tmp_path / "hub.db").read_bytes().decode("latin-1")  # only the hash
    add = ("hub", "add-user", "--db", db, "--dir", hub_dir, "--password-stdin", "--json")
    out = cli(*add, "--user", "sato", "--role", "supervisor", "--role", "inspector", "--port", PORT,
              input=PASSWORD + "\n")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"user": "sato", "roles": ["inspector", "supervisor"], "ports": [PORT],
                                      "users_version": 1, "lists": {PORT: 1}}
    hub = HubDb(db)
    try:
        booth = hub.booth("narita-t1-07")
        assert (booth.port, booth.public_key) == (PORT, booth_key)
        signed = hub.user_list(PORT)  # signed with keys/admin.key, which the booths pin
        assert signing.verify(trust.admin_key, signing.USERS, signed["list"], signed["signature"])
        [sato] = signed["list"]["users"]
        assert sato["password_hash"].startswith("scrypt$131072$") and verify_password(PASSWORD, sato["password_hash"])
        assert signing.public_b64(unwrap(sato["wrapped_key"], sato["public_key"], PASSWORD)) == sato["public_key"]
        assert PASSWORD not in (tmp_path / "hub.db").read_bytes().decode("latin-1")
    finally:
        hub.close()
    # refused: weak passwords, a missing administrator key, bad ids, keys and URLs
    for password, why in (("\n", "empty"), ("short-pw\n", "at least 12"), ("password1234\n", "most common"),
                          ("123456789012345\n", "only digits"), ("xx-kato-kato-xx\n", "user name")):
        bad = cli(*add, "--user", "kato", "--role", "inspector", "--port", PORT, input=password)
        assert bad.returncode == 2 and why in bad.stderr, (password, bad.stderr)
    bad = cli("hub", "add-user", "--db", db, "--dir", tmp_path / "no-hub", "--password-stdin", "--user", "kato",
              "--role", "inspector", "--port", PORT, input="quiet-harbour-stone-4\n")
    assert bad.returncode == 2 and "admin" in bad.stderr
    assert HubDb(db).user("kato") is None
    bad = cli("hub", "register-booth", "--db", db, "--dir", hub_dir, "--booth-id", "no.dots", "--port", PORT)
    assert bad.returncode == 2 and "invalid booth id" in bad.stderr
    bad = cli("hub", "register-booth", "--db", db, "--dir", hub_dir, "--booth-id", "b2", "--port", PORT,
              "--public-key", "not-a-key")
    assert bad.returncode == 2 and "public key" in bad.stderr
    bad = cli("hub", "stats", "--db", "mysql://nope")
    assert bad.returncode == 2 and "unsupported database URL" in bad.stderr



def test_hub_serve_process_answers_with_openapi_and_signed_receipts(run_cli, tmp_path):
    from inspector_app.common import signing
    from inspector_app.hub.db import HubDb
    from inspector_app.sync.trust import HubTrust
    from tests.hub.conftest import enrol_booth

    out = run_cli("hub", "init", "--dir", tmp_path / "hub", "--json")
    assert out.returncode == 0, out.stderr
    tls = ssl.create_default_context(cafile=json.loads(out.stdout)["ca_file"])
    trust = HubTrust.from_document(json.loads((tmp_path / "hub" / "hub-trust.json").read_text()))
    db = HubDb(f"sqlite:///{tmp_path}/hub.db")
    booth = enrol_booth(db, "booth-1", PORT)
    db.close()
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "inspector_app", "hub", "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--db", f"sqlite:///{tmp_path}/hub.db", "--log-level", "warning",
                             "--dir", str(tmp_path / "hub")],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"https://127.0.0.1:{port}/openapi.json", timeout=2, verify=tls)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "hub serve did not come up"
                time.sleep(0.1)
        assert r.json()["info"]["title"] == "Border Inspector hub"
        assert httpx.post(f"https://127.0.0.1:{port}/records", json={"records": []}, verify=tls).status_code == 401
        record = booth.sign({"record_id": "r-1", "seq": 1, "kind": "decision", "payload": {"n": 1}, "created_at": None})
        r = httpx.post(f"https://127.0.0.1:{port}/records", json={"records": [record]}, headers=booth.headers,
                       verify=tls)
        assert r.status_code == 200 and r.json()["stored"] == ["r-1"]
        receipt = r.json()["receipt"]  # signed with the receipt key `hub init` made and booths pin
        assert signing.verify(trust.receipt_key, signing.RECEIPT, receipt["body"], receipt["signature"])
    finally:
        proc.terminate()
        proc.wait(10)
