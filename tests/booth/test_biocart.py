"""An arrival whose traveller gave face and fingers at the bio-cart: the booth retrieves the
capture over HTTPS, takes what passes its own quality gate with the station and age in the
record, and re-captures on its scanner only the finger below the threshold. No Qt."""
from __future__ import annotations

import pytest

from inspector_app.app.demo import DemoServices
from inspector_app.biocart import server
from inspector_app.biocart.station import Station
from inspector_app.booth.examination import Examination

from ..biocart.conftest import pair
from .conftest import INSPECTOR, INSPECTOR_PASSWORD, LANDING, open_context, watson


@pytest.fixture
def scanner(home):
    """The demo's SBI simulator (the clean traveller's fingers), trusted by the booth's settings."""
    services = DemoServices(home)
    services.start_sbi()
    yield services.sbi
    services.stop()


@pytest.fixture
def booth(home, scanner, tmp_path):
    ctx = open_context(home)
    station = Station(tmp_path / "station", clock=ctx.now)
    running = server.start_in_thread(station)
    pair(station, running, home, ctx.booth_id, ctx.settings)
    yield ctx, station, running
    running.stop()
    ctx.close()


def test_a_biocart_capture_is_used_and_only_the_low_finger_is_taken_again(booth, media, scanner):
    import cv2

    from inspector_app.biometrics import fingerprint

    ctx, station, _ = booth
    fingers = {p: fingerprint.load_image(path) for p, path in media.fingers().items()}
    fingers["Right IndexFinger"] = cv2.GaussianBlur(fingers["Right IndexFinger"], (25, 25), 0)   # smudged
    station.capture(watson(), face_bgr=media.face(), fingers=fingers)

    exam = Examination(ctx, ctx.login(INSPECTOR, INSPECTOR_PASSWORD))
    exam.read_document(watson())
    got = exam.use_biocart()

    assert got["state"] == "retrieved", got["reasons"]
    assert got["station"] == "BIOCART-01" and got["age_s"] >= 0
    assert got["face"]["passes"] and not got["recapture_face"]
    assert {f["position"]: f["passes"] for f in got["fingers"]} == {"Left IndexFinger": True, "Right IndexFinger": False}
    assert got["recapture"] == ["Right IndexFinger"]
    assert scanner.attempts == {}

    exam.capture_fingers(only=got["recapture"])
    assert set(scanner.attempts) == {"Right IndexFinger"}   # the scanner was asked for that finger only
    assert {f["position"] for f in exam.fingers["captured"]} == {"Left IndexFinger", "Right IndexFinger"}

    recorded = {(c["kind"], c.get("position")): c for c in ctx.store().examination(exam.examination_id)["check_results"]
                if c["kind"] in ("face_capture", "finger_capture")}
    for key in (("face_capture", None), ("finger_capture", "Left IndexFinger")):
        assert recorded[key]["source"] == "biocart" and recorded[key]["station"] == "BIOCART-01", key
        assert recorded[key]["age_s"] == got["age_s"]
    assert "source" not in recorded[("finger_capture", "Right IndexFinger")]
    assert all(c["outcome"] == "clear" for c in recorded.values())
    exam.screen_document()
    assert exam.save(LANDING).saved


def test_another_passport_gets_no_capture_and_the_booth_takes_everything(booth, media, scanner):
    ctx, station, _ = booth
    station.capture(watson(), fingers={p: _image(path) for p, path in media.fingers().items()})
    exam = Examination(ctx, ctx.login(INSPECTOR, INSPECTOR_PASSWORD))
    exam.read_document(watson(document_number="533401873"))
    got = exam.use_biocart()
    assert (got["state"], got["fingers"], got["recapture"]) == ("none", [], ["Left IndexFinger", "Right IndexFinger"])
    assert exam.fingers["captured"] == [] and exam.face == {"state": "idle"}


def test_no_station_is_not_an_error_for_the_examination(ctx, inspector):
    exam = Examination(ctx, inspector)
    exam.read_document(watson())
    got = exam.use_biocart()
    assert got["state"] == "unavailable" and got["recapture_face"]
    assert "no bio-cart station is configured" in got["reasons"][0]


def _image(path):
    from inspector_app.biometrics import fingerprint

    return fingerprint.load_image(path)


def test_the_demo_has_a_capture_waiting_for_its_bio_cart_traveller(home, scanner):
    from inspector_app.app.demo import BIOCART_TRAVELLER

    services = DemoServices(home)
    services.start_biocart()
    ctx = open_context(home, today=None)   # the station dates its capture by the real clock
    try:
        trav = services.select(BIOCART_TRAVELLER, ctx.settings)
        exam = Examination(ctx, ctx.login(INSPECTOR, INSPECTOR_PASSWORD))
        exam.read_document(trav["mrz"])
        got = exam.use_biocart()
    finally:
        services.stop()
        ctx.close()
    assert got["state"] == "retrieved", got["reasons"]
    assert not got["recapture_face"] and got["recapture"] == ["Right IndexFinger"]
