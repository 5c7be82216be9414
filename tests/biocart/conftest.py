"""Bio-cart fixtures: a station with a clock the test moves, serving over real HTTPS on loopback,
and booth settings that trust it. No Qt."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from inspector_app.biocart import server
from inspector_app.biocart.station import Station
from inspector_app.booth import biocart_pickup
from inspector_app.common import signing
from inspector_app.settings import Settings
from inspector_app.sync.trust import booth_key

START = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self, now: dt.datetime = START):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kw) -> None:
        self.now += dt.timedelta(**kw)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def station(tmp_path, clock) -> Station:
    return Station(tmp_path / "station", clock=clock)


@pytest.fixture
def running(station):
    running = server.start_in_thread(station)
    yield running
    running.stop()


def pair(station: Station, running, booth_home: Path, booth_id: str, settings: Settings | None = None) -> Settings:
    """What an operator does: the station lets the booth in, the booth pins the station. Returns
    the booth's settings (``settings`` changed in place when given)."""
    station.allow_booth(booth_id, signing.public_b64(booth_key(booth_home)))
    settings = settings or Settings.load(booth_home)
    settings.set(biocart_pickup.STATION_URL, running.url)
    settings.set(biocart_pickup.STATION_KEY, station.public_key)
    settings.set(biocart_pickup.STATION_CA, running.ca_file)
    return settings


@pytest.fixture(scope="session")
def fvc_fingers(shared_data):
    from inspector_app.biometrics import fingerprint

    folder = shared_data / "fingerprints" / "fvc2002" / "DB1_B"
    if not folder.is_dir():
        pytest.skip(f"FVC2002 DB1_B not found under {shared_data}")
    return {"Left IndexFinger": fingerprint.load_image(folder / "101_2.tif"),
            "Right IndexFinger": fingerprint.load_image(folder / "102_2.tif")}
