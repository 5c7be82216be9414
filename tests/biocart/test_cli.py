"""`inspector-app biocart`: a capture stored from files, and the pairing an operator does
(`info` on the station, `connect` at the booth, `allow-booth` on the station), then retrieved."""
from __future__ import annotations

import datetime as dt
import json

from inspector_app.biocart import server
from inspector_app.biocart.station import Station
from inspector_app.booth import biocart_pickup
from inspector_app.cli import main
from inspector_app.settings import Settings

from .test_station import passport


def run(capsys, *argv) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_capture_from_files_then_pair_and_retrieve(tmp_path, capsys, shared_data):
    folder = shared_data / "fingerprints" / "fvc2002" / "DB1_B"
    station_home, booth_home = tmp_path / "station", tmp_path / "booth"
    mrz_file = tmp_path / "mrz.txt"
    mrz_file.write_text(passport(), encoding="utf-8")
    got = run(capsys, "biocart", "capture", "--home", str(station_home), "--json", "--mrz", str(mrz_file),
              "--finger", f"Left IndexFinger={folder / '101_2.tif'}", "--finger", f"Right IndexFinger={folder / '102_2.tif'}")
    assert (got["document_number"], got["nationality"]) == ("533401872", "GBR")
    assert [f["position"] for f in got["fingers"]] == ["Left IndexFinger", "Right IndexFinger"]

    running = server.start_in_thread(Station(station_home))
    try:
        info = run(capsys, "biocart", "info", "--home", str(station_home), "--json")
        assert info["captures"] == 1 and info["booths"] == []
        booth = run(capsys, "biocart", "connect", "--home", str(booth_home), "--json", "--url", running.url,
                    "--station-key", info["station_key"], "--station-ca", info["station_ca"])
        now = dt.datetime.now(dt.UTC)
        refused = biocart_pickup.fetch(booth_home, Settings.load(booth_home), booth["booth"], "533401872", "GBR", now)
        assert refused.state == "unavailable"   # not yet allowed at the station
        run(capsys, "biocart", "allow-booth", "--home", str(station_home), "--json", booth["booth"], booth["booth_key"])
        got = biocart_pickup.fetch(booth_home, Settings.load(booth_home), booth["booth"], "533401872", "GBR", now)
    finally:
        running.stop()
    assert got.state == "retrieved", got.reason


def test_a_bad_mrz_is_refused_with_exit_2(tmp_path, capsys):
    assert main(["biocart", "capture", "--home", str(tmp_path), "--mrz", "not an mrz"]) == 2
    assert "could not be read" in capsys.readouterr().err
