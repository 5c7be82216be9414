"""Fixtures for screening tests: a signer, trusted booth, small CSV lists and bundle factory."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from inspector_app.screening import bundles, keys
from inspector_app.screening import ships as ships_mod

WATCHLIST = [
    {"subject_id": "W1", "list": "wanted", "surname": "MÜLLER", "given_names": "Hans Peter", "birth_date": "1980-05-04",
     "sex": "M", "nationality": "DEU", "reason": "wanted for fraud", "ban_until": ""},
    {"subject_id": "W2", "list": "denied_landing", "surname": "ALI", "given_names": "MOHAMED", "birth_date": "1975",
     "sex": "M", "nationality": "EGY", "reason": "deported 2020", "ban_until": "2099-01-01"},
    {"subject_id": "W3", "list": "denied_landing", "surname": "SMITH", "given_names": "JOHN", "birth_date": "1970-01-01",
     "sex": "M", "nationality": "GBR", "reason": "deported 2010", "ban_until": "2020-01-01"},
]
SLTD = [
    {"issuing_state": "UTO", "document_type": "P", "document_number": "L898902C3", "status": "stolen", "reported_on": "2024-01-02"},
    {"issuing_state": "JPN", "document_type": "P", "document_number": "TK1234567", "status": "lost", "reported_on": "2023-05-06"},
]


def write_csv(path: Path, rows: list[dict], columns: list[str] | None = None) -> Path:
    columns = columns or list(rows[0])
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=columns)
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.fixture
def signer(tmp_path):
    info = keys.generate(tmp_path / "keys")
    return info


@pytest.fixture
def booth(tmp_path, signer):
    home = tmp_path / "booth"
    home.mkdir()
    keys.trust_add(home, Path(signer["public_key"]))
    return home


@pytest.fixture
def make_bundle(tmp_path, signer):
    counter = {"n": 0}

    def make(version, base_version=None, watchlist=None, sltd=None, key=None, created_at=None, ships=None):
        counter["n"] += 1
        d = tmp_path / f"src{counter['n']}"
        d.mkdir()
        wl = write_csv(d / "wl.csv", watchlist, list(WATCHLIST[0])) if watchlist is not None else None
        sl = write_csv(d / "sltd.csv", sltd, list(SLTD[0])) if sltd is not None else None
        sh = write_csv(d / "ships.csv", ships, list(ships_mod.COLUMNS)) if ships is not None else None
        out = tmp_path / f"bundle-{counter['n']}-v{version}.bin"
        bundles.create(Path(key or signer["signing_key"]), version, out, base_version=base_version,
                       watchlist_csv=wl, sltd_csv=sl, created_at=created_at, ships_file=sh)
        return out

    return make
