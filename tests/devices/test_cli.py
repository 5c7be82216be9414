"""`inspector-app devices ...`: the simulator as a real process, list and capture against it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import free_port_in_sbi_range

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def simulator_process(fvc_db1, tmp_path):
    port = free_port_in_sbi_range()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cert = tmp_path / "device.pem"
    proc = subprocess.Popen([sys.executable, "-m", "inspector_app", "devices", "sbi-simulator", "--port", str(port),
                             "--images", str(fvc_db1), "--serial", "CLI000000001", "--cert-out", str(cert),
                             "--provider-ca", str(tmp_path / "provider"), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT))
    try:
        line = proc.stdout.readline()
        assert line, proc.stderr.read()
        yield json.loads(line), cert
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0  # SIGTERM is a clean shutdown


def test_list_and_capture_through_the_cli(simulator_process, run_cli, booth_home, tmp_path):
    info, cert = simulator_process
    assert info["serial_no"] == "CLI000000001" and cert.read_bytes().startswith(b"-----BEGIN CERTIFICATE")
    assert info["provider_ca"] == str(tmp_path / "provider" / "provider-ca.pem")
    # default settings: no trust configured, so the device is listed as refused and not used
    out = run_cli("devices", "list", "--json", "--no-camera", "--home", booth_home)
    assert out.returncode == 0, out.stderr
    [dev] = [d for d in json.loads(out.stdout)["sbi"]["devices"] if d["port"] == info["port"]]
    assert not dev["trusted"] and "devices.sbi.provider_ca" in dev["refused_reason"]
    out = run_cli("devices", "list", "--no-camera", "--home", booth_home)
    assert "REFUSED" in out.stdout and "devices.sbi.provider_ca" in out.stdout
    out = run_cli("devices", "sbi-capture", "--ports", f"{info['port']}-{info['port']}", "--home", booth_home)
    assert out.returncode == 2 and "refused" in out.stderr and "devices.sbi.provider_ca" in out.stderr

    (booth_home / "settings.json").write_text(json.dumps({"devices": {"sbi": {"provider_ca": info["provider_ca"]}}}))
    out = run_cli("devices", "list", "--json", "--camera", f"sim:{tmp_path / 'none'}", "--home", booth_home)
    assert out.returncode == 0, out.stderr
    listing = json.loads(out.stdout)
    [dev] = [d for d in listing["sbi"]["devices"] if d["serial_no"] == "CLI000000001"]
    assert dev["port"] == info["port"] and dev["trusted"] and dev["signature"] == "provider-ca"
    assert listing["sbi"]["trust"] == "provider-ca"
    assert listing["sbi"]["ports"] == [4501, 4600]
    assert listing["camera"]["state"] == "absent" and "does not exist" in listing["camera"]["last_error"]

    out = run_cli("devices", "sbi-capture", "--ports", f"{info['port']}-{info['port']}", "--out", tmp_path / "caps",
                  "--json", "--home", booth_home)
    assert out.returncode == 0, out.stderr
    cap = json.loads(out.stdout)
    assert cap["chain_verified"] and cap["signature"] == "provider-ca"
    assert [i["bio_sub_type"] for i in cap["items"]] == ["Left IndexFinger", "Right IndexFinger"]
    assert (tmp_path / "caps" / "Left_IndexFinger.png").read_bytes()[:4] == b"\x89PNG"


def test_simulator_refuses_a_missing_image_folder(run_cli, tmp_path):
    out = run_cli("devices", "sbi-simulator", "--port", "0", "--images", tmp_path / "nope")
    assert out.returncode == 2 and "does not exist" in out.stderr


def test_capture_with_no_device_is_a_clear_error(run_cli, booth_home):
    port = free_port_in_sbi_range()
    out = run_cli("devices", "sbi-capture", "--ports", f"{port}-{port}", "--home", booth_home)
    assert out.returncode == 2 and "no SBI fingerprint device found" in out.stderr


def test_simulator_on_a_port_in_use_is_a_clear_error(run_cli, fvc_db1):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", free_port_in_sbi_range()))
        s.listen(1)
        out = run_cli("devices", "sbi-simulator", "--port", s.getsockname()[1], "--images", fvc_db1)
    assert out.returncode == 2 and "cannot listen on 127.0.0.1" in out.stderr
