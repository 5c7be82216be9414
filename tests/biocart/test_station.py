"""The bio-cart station and a booth's retrieval over real HTTPS on loopback: what is served, to
whom, for how long, and what the booth refuses. No Qt, no sleeps: the station's clock is moved."""
from __future__ import annotations

import datetime as dt
import ssl

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector_app.biocart import capture, server
from inspector_app.biocart.station import Station, StationError
from inspector_app.booth import biocart_pickup
from inspector_app.common import signing
from inspector_app.domain.mrz_build import build_td3
from inspector_app.settings import Settings
from inspector_app.sync.trust import booth_key

from .conftest import START, pair

BOOTH = "BOOTH-07"


def passport(number: str = "533401872", nationality: str = "GBR") -> str:
    return build_td3(issuing_state=nationality, surname="WATSON", given_names="EMILY ROSE", document_number=number,
                     nationality=nationality, birth_date=dt.date(1988, 4, 12), sex="F", expiry_date=dt.date(2031, 8, 30))


@pytest.fixture
def booth(tmp_path, station, running) -> tuple:
    home = tmp_path / "booth"
    return home, pair(station, running, home, BOOTH)


def fetch(booth, clock, number="533401872", nationality="GBR"):
    home, settings = booth
    return biocart_pickup.fetch(home, settings, BOOTH, number, nationality, clock())


def test_a_capture_is_retrieved_signed_with_its_quality(station, booth, clock, fvc_fingers):
    summary = station.capture(passport(), fingers=fvc_fingers)
    clock.advance(minutes=7)
    got = fetch(booth, clock)
    assert got.state == "retrieved", got.reason
    assert got.capture.body["capture_id"] == summary["capture_id"]
    assert got.capture.captured_at == START
    assert {f["position"]: f["quality"] for f in got.capture.body["fingers"]} == \
        {f["position"]: f["quality"] for f in summary["fingers"]}
    assert set(got.capture.blobs) == {capture.finger_image(p) for p in fvc_fingers} | \
        {capture.finger_template(p) for p in fvc_fingers}


def test_at_rest_the_capture_is_encrypted_and_named_by_no_passport(station, fvc_fingers):
    station.capture(passport(), fingers=fvc_fingers)
    files = list((station.home / "biocart" / "captures").glob("*.capture"))
    assert len(files) == 1
    raw = files[0].read_bytes()
    assert b"533401872" not in raw and b"533401872" not in files[0].name.encode() and b"GBR" not in raw


def test_an_expired_capture_is_not_served_and_is_deleted(station, booth, clock, fvc_fingers):
    station.capture(passport(), fingers=fvc_fingers)
    clock.advance(minutes=119)
    assert fetch(booth, clock).state == "retrieved"
    clock.advance(minutes=1)   # biocart.ttl_minutes: 120 by default
    got = fetch(booth, clock)
    assert (got.state, got.capture) == ("none", None)
    assert station.vault.count() == 0


def test_the_ttl_is_a_setting(station, clock, fvc_fingers):
    station.settings.set("biocart.ttl_minutes", 5)
    station.capture(passport(), fingers=fvc_fingers)
    clock.advance(minutes=4, seconds=59)
    assert station.lookup("533401872", "GBR") is not None
    clock.advance(seconds=1)
    assert station.lookup("533401872", "GBR") is None


def test_the_capture_of_another_passport_is_never_returned(station, booth, clock, fvc_fingers):
    station.capture(passport(), fingers=fvc_fingers)
    for number, nationality in (("533401873", "GBR"), ("533401872", "IRL"), ("", ""), ("533401872", "")):
        got = fetch(booth, clock, number, nationality)
        assert (got.state, got.capture) == ("none", None), (number, nationality)


@pytest.mark.parametrize("case", ["no credential", "forged signature", "unknown booth", "stale", "for another station",
                                  "garbage", "not bearer"])
def test_a_request_without_a_valid_booth_credential_is_refused(station, booth, clock, running, fvc_fingers, case):
    station.capture(passport(), fingers=fvc_fingers)
    home, _ = booth
    key, booth_id, now, station_key = booth_key(home), BOOTH, clock(), station.public_key
    if case == "forged signature":
        key = Ed25519PrivateKey.generate()
    if case == "unknown booth":
        booth_id = "BOOTH-99"
    if case == "stale":
        now -= dt.timedelta(minutes=3)
    if case == "for another station":
        station_key = signing.public_b64(Ed25519PrivateKey.generate())
    token = server.credential(booth_id, key, station_key, now, GBR_PASSPORT)
    headers = {"no credential": {}, "garbage": {"Authorization": "Bearer bm90IGEgdG9rZW4="},
               "not bearer": {"Authorization": f"Basic {token}"}}.get(case, {"Authorization": f"Bearer {token}"})
    body = {"document_number": "533401872", "nationality": "GBR"}
    with httpx.Client(verify=ssl.create_default_context(cafile=running.ca_file), timeout=10) as client:
        r = client.post(running.url + server.LOOKUP, json=body, headers=headers)
        assert r.status_code == 401, r.text
        assert "533401872" not in r.text
        token = server.credential(BOOTH, booth_key(home), station.public_key, clock(), GBR_PASSPORT)
        ok = client.post(running.url + server.LOOKUP, json=body, headers={"Authorization": f"Bearer {token}"})
        assert ok.status_code == 200   # the same request with the booth's own credential is served


GBR_PASSPORT = server.passport_of("533401872", "GBR")


def test_a_credential_is_good_for_the_one_passport_it_names(station, booth, clock, running, fvc_fingers):
    """A token seen inside TLS cannot be replayed for another traveller while it is fresh."""
    station.capture(passport(), fingers=fvc_fingers)
    home, _ = booth
    token = server.credential(BOOTH, booth_key(home), station.public_key, clock(), server.passport_of("X1234567", "GBR"))
    with httpx.Client(verify=ssl.create_default_context(cafile=running.ca_file), timeout=10) as client:
        r = client.post(running.url + server.LOOKUP, json={"document_number": "533401872", "nationality": "GBR"},
                        headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 403 and "533401872" not in r.text


def test_a_big_request_body_is_refused_before_it_is_read(station, booth, clock, running):
    home, _ = booth
    token = server.credential(BOOTH, booth_key(home), station.public_key, clock(), GBR_PASSPORT)
    with httpx.Client(verify=ssl.create_default_context(cafile=running.ca_file), timeout=10) as client:
        r = client.post(running.url + server.LOOKUP, content=b"{" + b" " * 6000 + b"}",
                        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    assert r.status_code == 413


def test_a_booth_the_station_does_not_know_is_told_so(station, running, clock, tmp_path, fvc_fingers):
    station.capture(passport(), fingers=fvc_fingers)
    home = tmp_path / "other-booth"
    settings = Settings(home, {})
    settings.set(biocart_pickup.STATION_URL, running.url)
    settings.set(biocart_pickup.STATION_KEY, station.public_key)
    settings.set(biocart_pickup.STATION_CA, running.ca_file)
    got = biocart_pickup.fetch(home, settings, "BOOTH-99", "533401872", "GBR", clock())
    assert got.state == "unavailable" and "refused this booth" in got.reason


def test_a_capture_forged_by_another_station_is_refused(station, tmp_path, clock, fvc_fingers):
    """An impostor on the port's network that answers as the trusted station (it checks the booth's
    proof against the trusted key) but signs with its own: the booth refuses what it sends."""
    class Impostor(Station):
        public_key = property(lambda self: station.public_key)

    impostor = Impostor(tmp_path / "impostor", clock=clock)
    impostor.capture(passport(), fingers=fvc_fingers)
    running = server.start_in_thread(impostor)
    try:
        home = tmp_path / "booth"
        settings = pair(impostor, running, home, BOOTH)
        assert settings.get(biocart_pickup.STATION_KEY) == station.public_key   # the genuine station's
        got = biocart_pickup.fetch(home, settings, BOOTH, "533401872", "GBR", clock())
    finally:
        running.stop()
    assert (got.state, got.capture) == ("refused", None)
    assert "not signed by the trusted station" in got.reason


def _signed(key, fingers_png=b"png", **changes) -> dict:
    body = {"capture_id": "c1", "station": "BIOCART-01", "document_number": "533401872", "nationality": "GBR",
            "captured_at": capture.iso(START), "expires_at": capture.iso(START + dt.timedelta(hours=2)),
            "fingers": [{"position": "Left IndexFinger", "quality": 90, "passes": True}]}
    return capture.sign(dict(body, **changes), {capture.finger_image("Left IndexFinger"): fingers_png}, key)


def _forged_body(doc):
    doc["capture"]["fingers"][0]["quality"] = 99
    return doc


def _swapped_blob(doc):
    doc["blobs"][capture.finger_image("Left IndexFinger")] = "b3RoZXI="
    return doc


def _unsigned(doc):
    doc.pop("signature")
    return doc


STATION_KEY = Ed25519PrivateKey.generate()


@pytest.mark.parametrize("doc, number, now, refusal", [
    (_signed(STATION_KEY), "533401872", START, None),
    (_signed(Ed25519PrivateKey.generate()), "533401872", START, "not signed by the trusted station"),
    (_forged_body(_signed(STATION_KEY)), "533401872", START, "not signed by the trusted station"),
    (_unsigned(_signed(STATION_KEY)), "533401872", START, "not signed by the trusted station"),
    (_swapped_blob(_signed(STATION_KEY)), "533401872", START, "does not match its signature"),
    (_signed(STATION_KEY), "533401873", START, "of another passport"),
    (_signed(STATION_KEY), "533401872", START + dt.timedelta(hours=2), "expired"),
    (_signed(STATION_KEY), "533401872", START - dt.timedelta(hours=1), "dated in the future"),
    ({"not": "a capture"}, "533401872", START, "not a bio-cart capture"),
], ids=["genuine", "other key", "forged body", "unsigned", "swapped image", "other passport", "expired", "future",
        "garbage"])
def test_the_booth_verifies_every_capture(doc, number, now, refusal):
    if refusal is None:
        assert capture.verify(doc, signing.public_b64(STATION_KEY), number, "GBR", now).station == "BIOCART-01"
        return
    with pytest.raises(capture.CaptureRefused, match=refusal):
        capture.verify(doc, signing.public_b64(STATION_KEY), number, "GBR", now)


def test_no_station_or_no_answer_is_no_capture_with_the_reason(tmp_path, clock, station, running):
    home = tmp_path / "booth"
    none = biocart_pickup.fetch(home, Settings(home, {}), BOOTH, "533401872", "GBR", clock())
    assert none.state == "unavailable" and "no bio-cart station is configured" in none.reason
    settings = pair(station, running, home, BOOTH)
    running.stop()
    gone = biocart_pickup.fetch(home, settings, BOOTH, "533401872", "GBR", clock(), timeout_s=2)
    assert gone.state == "unavailable" and "did not answer" in gone.reason


def test_a_misread_passport_is_refused_at_the_station(station, fvc_fingers):
    lines = passport().split("\n")
    damaged = lines[0] + "\n" + lines[1][:9] + str((int(lines[1][9]) + 1) % 10) + lines[1][10:]
    with pytest.raises(StationError, match="could not be read"):
        station.capture(damaged, fingers=fvc_fingers)
    assert station.vault.count() == 0
