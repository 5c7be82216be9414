"""`inspector-app hub ...` from this checkout, including a real `hub serve` process."""
from __future__ import annotations

import json
import os
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def test_register_booth_and_add_user(run_cli, cli, tmp_path):
    db = f"sqlite:///{tmp_path}/hub.db"
    out = run_cli("hub", "register-booth", "--db", db, "--booth-id", "narita-t1-07", "--json")
    assert out.returncode == 0, out.stderr
    cred = json.loads(out.stdout)["credential"]
    assert cred.startswith("narita-t1-07.") and len(cred) > 40
    assert cred.split(".", 1)[1] not in (tmp_path / "hub.db").read_bytes().decode("latin-1")  # only the hash
    out = cli("hub", "add-user", "--db", db, "--user", "sato", "--password-stdin", "--role", "supervisor",
                  "--role", "inspector", "--json", input="pw\n")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"user": "sato", "roles": ["inspector", "supervisor"]}
    bad = cli("hub", "register-booth", "--db", db, "--booth-id", "no.dots")
    assert bad.returncode == 2 and "invalid booth id" in bad.stderr
    bad = cli("hub", "add-user", "--db", db, "--user", "x", "--password-stdin", "--role", "inspector", input="\n")
    assert bad.returncode == 2 and "empty password" in bad.stderr
    bad = cli("hub", "stats", "--db", "mysql://nope")
    assert bad.returncode == 2 and "unsupported database URL" in bad.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_hub_serve_process_answers_with_openapi(run_cli, tmp_path):
    out = run_cli("hub", "init", "--dir", tmp_path / "hub", "--json")
    assert out.returncode == 0, out.stderr
    tls = ssl.create_default_context(cafile=json.loads(out.stdout)["ca_file"])
    port = _free_port()
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
    finally:
        proc.terminate()
        proc.wait(10)
