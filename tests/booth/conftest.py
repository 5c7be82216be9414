"""Booth fixtures: a demo booth home (built once, copied per test), a BoothContext on it with a
fixed examination date, and the demo travellers' documents, faces and fingers. No Qt.

Face encodings and fingerprint templates come from the real matcher, memoised per image for the
session (the same image always gives the same template; dlib and the minutiae code are what
would make a table of thirty examinations slow).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from inspector_app.booth.context import BoothContext
from inspector_app.booth.matcher import InProcessMatcher
from inspector_app.domain.mrz_build import build_td3
from inspector_app.store.keys import FileKeyProvider

ROOT = Path(__file__).resolve().parents[2]
#: The examination date of every booth test (the demo biometric watchlist's ban runs to 2026-12-31).
TODAY = dt.date(2026, 11, 30)
INSPECTOR, INSPECTOR_PASSWORD = "inspector1", "demo-inspector"
SUPERVISOR = "supervisor1"
LANDING = {"type": "landing_permission", "status_code": "temporary_visitor", "period": "90d"}
INDEX_FINGERS = ("Left IndexFinger", "Right IndexFinger")


def travellers() -> dict[str, dict]:
    with open(ROOT / "inspector_app" / "app" / "demo_data" / "travellers.csv", newline="", encoding="utf-8") as f:
        return {row["key"]: row for row in csv.DictReader(f)}


def mrz_of(key: str) -> str:
    t = travellers()[key]
    return t["mrz_line1"] + "\n" + t["mrz_line2"]


def watson(**changes) -> str:
    """The demo's clean traveller (EMILY ROSE WATSON, on no list), built field by field so that a
    test can change one: ``watson(expiry_date=...)``; the defaults give the demo's own MRZ."""
    fields = {"issuing_state": "GBR", "surname": "WATSON", "given_names": "EMILY ROSE", "document_number": "533401872",
              "nationality": "GBR", "birth_date": dt.date(1988, 4, 12), "sex": "F", "expiry_date": dt.date(2031, 8, 30)}
    fields.update(changes)
    return build_td3(**fields)


def flip_check_digit(mrz: str, line: int = 1, column: int = 9) -> str:
    """The MRZ with one check digit changed (default: the document number's, TD3 line 2 col 10)."""
    lines = mrz.split("\n")
    digit = lines[line][column]
    assert digit.isdigit(), f"no check digit at line {line} column {column}: {lines[line]!r}"
    lines[line] = lines[line][:column] + str((int(digit) + 1) % 10) + lines[line][column + 1:]
    return "\n".join(lines)


_TEMPLATES: dict[tuple, object] = {}


def _key(kind: str, image) -> tuple:
    return kind, image.shape, str(image.dtype), hashlib.sha256(image.tobytes()).hexdigest()


class MemoMatcher(InProcessMatcher):
    """The real in-process matcher with face and finger templates memoised per image."""

    def encode_face(self, image_bgr):
        key = _key("face", image_bgr)
        if key not in _TEMPLATES:
            _TEMPLATES[key] = super().encode_face(image_bgr)
        return _TEMPLATES[key]

    def extract_finger(self, image_gray):
        key = _key("finger", image_gray)
        if key not in _TEMPLATES:
            _TEMPLATES[key] = super().extract_finger(image_gray)
        return _TEMPLATES[key]


@pytest.fixture
def home(demo_template, tmp_path) -> Path:
    home = tmp_path / "booth"
    shutil.copytree(demo_template, home)
    return home


def open_context(home: Path, today: dt.date = TODAY) -> BoothContext:
    return BoothContext(home, key_provider=FileKeyProvider(home / "booth.key"), today=today,
                        matcher=MemoMatcher(home, today=today))


@pytest.fixture
def ctx(home):
    c = open_context(home)
    yield c
    c.close()


@pytest.fixture
def inspector(ctx) -> dict:
    user = ctx.login(INSPECTOR, INSPECTOR_PASSWORD)
    assert user is not None and "inspector" in user["roles"]
    return user


_IMAGES: dict[str, object] = {}


@dataclass
class Media:
    """The demo home's photographs and fingerprint images."""

    home: Path

    def face_path(self, key: str = "clean") -> Path:
        return next((self.home / "demo" / "camera" / key).iterdir())

    def face(self, key: str = "clean"):
        import cv2

        path = self.face_path(key)
        name = f"{key}/{path.name}"
        if name not in _IMAGES:
            _IMAGES[name] = cv2.imread(str(path))
        return _IMAGES[name].copy()

    def fingers(self, subject: str = "105", positions=INDEX_FINGERS) -> dict[str, Path]:
        """Images of one demo finger subject for the given SBI positions (impressions 2, 3, ...)."""
        return {p: self.home / "demo" / "fingers" / subject / f"{subject}_{i + 2}.tif" for i, p in enumerate(positions)}


@pytest.fixture
def media(home) -> Media:
    return Media(home)


def count(store, table: str = "decisions", where: str = "", params: tuple = ()) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table} {where}", params).fetchone()[0]


def overrides_of(store, examination_id: str) -> list[dict]:
    return [c for c in store.examination(examination_id)["check_results"] if c["kind"] == "override"]


def queued(store, examination_id: str) -> list[dict]:
    """The check results of this examination waiting in the supervisor queue."""
    for entry in store.review_queue():
        if entry["examination_id"] == examination_id:
            return entry["pending"]
    return []
