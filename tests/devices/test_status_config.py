"""Device status for the UI and the settings helpers."""
from __future__ import annotations

import pytest

from inspector_app.devices import config, sbi
from inspector_app.devices.status import DeviceStatus, StatusBoard
from inspector_app.settings import Settings

from .conftest import trusting_client


def test_fingerprint_status_follows_the_device(simulator):
    board, seen = StatusBoard(), []
    board.subscribe(lambda name, st: seen.append(st.state))
    client = trusting_client(ports=[simulator.port])
    d = sbi.refresh_status(client, board)
    st = board.get("fingerprint")
    assert d.port == simulator.port
    assert (st.state, st.model, st.serial, st.last_error) == ("ready", "BorderInspector SIM-FP-1", "BI0000000001", None)
    simulator.stop()
    sbi.refresh_status(client, board)
    st = board.get("fingerprint")
    assert st.state == "absent" and "no SBI fingerprint device" in st.last_error
    assert seen == ["ready", "absent"]


def test_device_status_rejects_unknown_states():
    with pytest.raises(ValueError, match="device state"):
        DeviceStatus(kind="camera", state="sleepy")
    assert DeviceStatus(kind="camera").to_dict()["state"] == "absent"


def test_settings_keys_have_defaults_and_are_validated(booth_home):
    s = Settings(booth_home)
    assert config.port_range(s) == range(4501, 4601)
    assert config.get(None, "devices.serial.baud") == 9600
    s.set("devices.sbi.port_range", [4600, 4501])
    with pytest.raises(ValueError, match="not a valid port range"):
        config.port_range(s)
    s.set("devices.sbi.port_range", "4501")
    with pytest.raises(ValueError, match="must be"):
        config.port_range(s)
    with pytest.raises(KeyError):
        config.get(s, "devices.nope")


def test_sbi_client_from_settings_trusts_the_configured_certificate(simulator, booth_home, tmp_path):
    cert = tmp_path / "dev.pem"
    cert.write_bytes(simulator.cert_pem)
    s = Settings(booth_home)
    s.set("devices.sbi.trusted_cert", str(cert))
    s.set("devices.sbi.port_range", [simulator.port, simulator.port])
    client = config.sbi_client(s)
    assert client.ports == [simulator.port]
    assert client.info(simulator.port)[0].signature == "pinned"


def test_face_limits_from_settings(booth_home):
    s = Settings(booth_home)
    s.set("devices.capture.face_min_inter_eye_px", 90)
    assert config.face_limits(s).min_inter_eye_px == 90.0
    assert config.face_limits(None).max_roll_deg == 8.0


def test_camera_from_settings(booth_home, shared_data):
    s = Settings(booth_home)
    s.set("devices.camera.source", f"sim:{shared_data / 'faces' / 'face_recognition' / 'tests' / 'test_images'}")
    s.set("devices.camera.detect_every", 3)
    s.set("devices.capture.face_min_inter_eye_px", 90)
    cam = config.camera(s)
    assert cam.detect_every == 3 and cam.limits.min_inter_eye_px == 90.0
    assert cam.spec.startswith("sim:")
