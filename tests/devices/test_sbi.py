"""The SBI client against the simulator over real HTTP on 127.0.0.1 (no mocks of the transport)."""
from __future__ import annotations

import hashlib
import threading
import time

import cv2
import numpy as np
import pytest

from inspector_app.devices import jws, sbi
from inspector_app.devices import sbi_protocol as P
from inspector_app.devices.sbi_simulator import serve

from .conftest import free_port_in_sbi_range, serve_trusted, trusting_client

INDEXES = ["Left IndexFinger", "Right IndexFinger"]


def independent_chain(previous_hex: str, images: list[bytes]) -> list[str]:
    """The chain recomputed here from the definition, not with the code under test."""
    prev = bytes.fromhex(previous_hex) if previous_hex else hashlib.sha256(b"").digest()
    out = []
    for img in images:
        h = hashlib.sha256(prev + hashlib.sha256(img).digest()).hexdigest().upper()
        out.append(h)
        prev = bytes.fromhex(h)
    return out


def test_discovery_across_the_whole_port_range_finds_each_device(fvc_db1):
    a = serve(free_port_in_sbi_range(), fvc_db1, serial_no="SIMA00000001")
    b = serve(free_port_in_sbi_range(), fvc_db1, serial_no="SIMB00000002")
    try:
        client = sbi.SbiClient()  # default: 127.0.0.1, ports 4501-4600
        assert len(client.ports) == 100
        found = {d.serial_no: d for d in client.discover("Finger")}
        assert found["SIMA00000001"].port == a.port and found["SIMB00000002"].port == b.port
        assert found["SIMA00000001"].status == "Ready"
        assert found["SIMA00000001"].callback_id == f"http://127.0.0.1:{a.port}/"
        assert "SIMA00000001" in {d.serial_no for d in client.discover("Biometric Device")}
        assert "SIMA00000001" not in {d.serial_no for d in client.discover("Iris")}
    finally:
        a.stop()
        b.stop()


def test_with_a_pinned_key_only_a_device_that_signs_with_it_is_offered(fvc_db1):
    """Discovery answers are unsigned: a device that answers first but cannot sign its device
    info with the configured key is refused, not used; with no trust at all, both are refused."""
    rogue = serve(free_port_in_sbi_range(), fvc_db1, serial_no="SIMR00000001")
    genuine = serve(free_port_in_sbi_range(), fvc_db1, serial_no="SIMG00000002")
    try:
        ports = sorted([rogue.port, genuine.port])
        trusted, refused = sbi.SbiClient(ports=ports, trusted_key=genuine.cert_pem).discover_trusted()
        assert [d.serial_no for d in trusted] == ["SIMG00000002"] and trusted[0].signature == "pinned"
        assert [d.serial_no for d in refused] == ["SIMR00000001"]
        assert "does not verify with the pinned certificate" in refused[0].refused_reason
        nobody, everyone = sbi.SbiClient(ports=ports).discover_trusted()
        assert nobody == [] and {d.serial_no for d in everyone} == {"SIMR00000001", "SIMG00000002"}
        assert all("devices.sbi.provider_ca" in d.refused_reason for d in everyone)
    finally:
        rogue.stop()
        genuine.stop()


def test_info_is_signed_and_verifies_with_the_device_certificate(simulator):
    client = sbi.SbiClient(ports=[simulator.port], trusted_key=simulator.cert_pem)
    [info] = client.info(simulator.port)
    assert info.signature == "pinned"
    assert (info.serial_no, info.model, info.status) == ("BI0000000001", "SIM-FP-1", "Ready")
    [info] = trusting_client(ports=[simulator.port]).info(simulator.port)
    assert info.signature == "provider-ca" and info.serial_no == "BI0000000001"


def test_info_signed_by_another_key_is_rejected(simulator):
    _, other_cert = jws.generate_device_identity("someone else")
    client = sbi.SbiClient(ports=[simulator.port], trusted_key=other_cert.public_key())
    with pytest.raises(sbi.SbiIntegrityError, match="signature does not verify"):
        client.info(simulator.port)


def test_capture_two_index_fingers_chain_verified(simulator, fvc_db1):
    client = sbi.SbiClient(ports=[simulator.port], trusted_key=simulator.cert_pem)
    [device] = client.discover()
    result = client.capture(device, INDEXES, requested_score=70, timeout_ms=5000)
    assert [i.bio_sub_type for i in result.items] == INDEXES
    assert result.signature == "pinned"
    assert [i.hash for i in result.items] == independent_chain("", [i.image for i in result.items])
    # Real FVC images, finger i -> FVC finger 101+i, first impression; PNG is lossless.
    for item, fvc in zip(result.items, ["101_1.tif", "106_1.tif"]):
        decoded = cv2.imdecode(np.frombuffer(item.image, np.uint8), cv2.IMREAD_GRAYSCALE)
        assert np.array_equal(decoded, cv2.imread(str(fvc_db1 / fvc), cv2.IMREAD_GRAYSCALE))
        assert item.device_quality == 80.0 and item.requested_score == 70.0

    # The next capture continues the chain from the last hash, and a retry is a new impression.
    again = client.capture(device, ["Left IndexFinger"], previous_hash=result.last_hash)
    assert again.items[0].hash == independent_chain(result.last_hash, [again.items[0].image])[0]
    assert again.items[0].image != result.items[0].image


def test_exceptions_are_not_captured(simulator):
    client = trusting_client(ports=[simulator.port])
    result = client.capture(simulator.port, INDEXES, count=1, exceptions=["Left IndexFinger"])
    assert [i.bio_sub_type for i in result.items] == ["Right IndexFinger"]


def _tamper(simulator, mutate):
    original = simulator.capture

    def tampered(request):
        response = original(request)
        mutate(response["biometrics"])
        return response

    simulator.capture = tampered


@pytest.mark.parametrize("name,mutate,message", [
    ("hash", lambda items: items[1].update(hash="00" * 32), "hash chain broken"),
    ("order", lambda items: items.reverse(), "hash chain broken"),
    ("jwt-parts", lambda items: items[0].update(data=".".join(items[0]["data"].split(".")[:2])), "3 dot-separated parts"),
    ("jwt-payload", lambda items: items[0].update(data=_swap_payload(items[0]["data"], items[1]["data"])), "signature does not verify"),
    ("jwt-garbage", lambda items: items[0].update(data="not.a!.jwt"), "rejected JWT"),
])
def test_broken_chain_or_broken_jwt_is_rejected(simulator, name, mutate, message):
    _tamper(simulator, mutate)
    client = trusting_client(ports=[simulator.port])
    with pytest.raises(sbi.SbiIntegrityError, match=message):
        client.capture(simulator.port, INDEXES)


def _swap_payload(token_a: str, token_b: str) -> str:
    a, b = token_a.split("."), token_b.split(".")
    return ".".join([a[0], b[1], a[2]])


@pytest.mark.parametrize("fault,error,code", [
    ("busy", sbi.SbiBusy, P.BUSY),
    ("no_biometric", sbi.SbiNoBiometric, P.NO_BIOMETRIC),
    ("timeout", sbi.SbiTimeout, None),
    ("drop", sbi.SbiConnectionError, None),
])
def test_injected_fault_gives_clear_outcome_within_timeout_then_capture_succeeds(simulator, fault, error, code):
    client = trusting_client(ports=[simulator.port])
    simulator.config.inject, simulator.config.inject_times = fault, 1
    timeout_ms = 800
    start = time.monotonic()
    with pytest.raises(error) as info:
        client.capture(simulator.port, INDEXES, timeout_ms=timeout_ms)
    elapsed = time.monotonic() - start
    assert elapsed < timeout_ms / 1000 + 1.0 + 2.0  # the client's deadline plus generous slack
    assert str(info.value)  # an operator-readable message
    if code is not None:
        assert info.value.code == code and str(code) in str(info.value)
    # No lost capture: the very next request gets both fingers, chain intact, service alive.
    result = client.capture(simulator.port, INDEXES)
    assert len(result.items) == 2
    assert [i.hash for i in result.items] == independent_chain("", [i.image for i in result.items])
    assert simulator.stats["injected"] == 1


def test_second_capture_while_first_runs_gets_busy_not_a_crash(fvc_db1):
    sim = serve_trusted(0, fvc_db1, delay_ms=600)
    try:
        client = trusting_client(ports=[sim.port])
        results = {}
        first = threading.Thread(target=lambda: results.setdefault("first", client.capture(sim.port, INDEXES)))
        first.start()
        deadline = time.monotonic() + 5
        while not sim.capture_lock.locked() and time.monotonic() < deadline:
            time.sleep(0.005)
        with pytest.raises(sbi.SbiBusy):
            client.capture(sim.port, INDEXES)
        first.join(10)
        assert len(results["first"].items) == 2
    finally:
        sim.stop()


def test_count_not_supported_is_a_device_error(simulator):
    client = trusting_client(ports=[simulator.port])
    with pytest.raises(sbi.SbiDeviceError) as info:
        client.capture(simulator.port, INDEXES, count=3)
    assert info.value.code == P.COUNT_NOT_SUPPORTED


def test_unknown_finger_name_is_refused_before_any_request(simulator):
    with pytest.raises(ValueError, match="unknown finger"):
        sbi.SbiClient().capture(simulator.port, ["Left Pinky"])


def test_no_service_on_port_fails_fast():
    port = free_port_in_sbi_range()
    start = time.monotonic()
    with pytest.raises(sbi.SbiConnectionError, match="no device service"):
        sbi.SbiClient(ports=[port]).info(port)
    assert time.monotonic() - start < 2


def test_stream_delivers_jpeg_frames(simulator):
    frames = sbi.SbiClient().stream(simulator.port, timeout_ms=1500, max_frames=3)
    assert len(frames) == 3
    assert all(f[:2] == b"\xff\xd8" for f in frames)


def test_a_hung_service_in_the_range_does_not_stall_discovery(simulator):
    """A port that accepts connections but never answers costs at most the probe deadline."""
    import socket as _socket

    hung = _socket.socket()
    hung.bind(("127.0.0.1", free_port_in_sbi_range()))
    hung.listen(8)
    try:
        ports = sorted({hung.getsockname()[1], simulator.port})
        client = sbi.SbiClient(ports=ports)
        start = time.monotonic()
        found = client.discover()
        assert [d.port for d in found] == [simulator.port]
        assert time.monotonic() - start < 2.0 + 2.0  # probe deadline 2 s, plus slack
    finally:
        hung.close()


def test_concurrent_captures_are_served_or_busy_and_none_is_lost(fvc_db1):
    """8 threads x 3 captures against one device: each call succeeds verified or says busy."""
    from concurrent.futures import ThreadPoolExecutor

    sim = serve_trusted(0, fvc_db1, delay_ms=30)
    try:
        client = trusting_client(ports=[sim.port])

        def one(_):
            try:
                r = client.capture(sim.port, INDEXES, timeout_ms=3000)
                assert [i.hash for i in r.items] == independent_chain("", [i.image for i in r.items])
                return "ok"
            except sbi.SbiBusy:
                return "busy"

        with ThreadPoolExecutor(8) as pool:
            outcomes = list(pool.map(one, range(24)))
        assert set(outcomes) <= {"ok", "busy"} and "ok" in outcomes
        # every capture the device performed reached a caller, verified
        assert sim.stats["captures"] == outcomes.count("ok")
        assert sim.stats["busy"] == outcomes.count("busy")
    finally:
        sim.stop()
