"""The demo travellers show what each is there for, measured with the project's own face and
fingerprint pipeline on the demo home as built (photos shipped in the package, fingers grown when
the home is built): every traveller's screening hits are exactly its purpose's, for every image
the simulated camera and scanner serve; each face fits its passport; the shipped images are small
and every one is listed with its source and licence."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.booth.conftest import ROOT, TODAY, MemoMatcher, travellers

DEMO_DATA = ROOT / "inspector_app" / "app" / "demo_data"
#: traveller -> the hits it is there for: (kind, list record) pairs
PURPOSE = {
    "clean": set(),
    "lost_passport": {("sltd", None)},
    "watchlist_name": {("biographic", "WL-0001")},
    "biometric": {("face", "WL-BIO-0001"), ("fingerprint", "WL-BIO-0001")},
    "child": set(),
    "taiwan": set(),
}
#: what the face in each traveller's photo must look like: the passport's sex and an adult
ADULTS = {"clean": "F", "lost_passport": "M", "watchlist_name": "M", "biometric": "M", "taiwan": "M"}


@pytest.fixture(scope="module")
def demo(demo_template, tmp_path_factory):
    home = tmp_path_factory.mktemp("demo-travellers") / "home"
    shutil.copytree(demo_template, home)
    return home, MemoMatcher(home, today=TODAY)


def test_every_traveller_has_a_purpose_here():
    assert set(travellers()) == set(PURPOSE)


@pytest.mark.parametrize("key", sorted(PURPOSE))
def test_each_traveller_hits_exactly_what_it_is_there_for(demo, key):
    import cv2

    from inspector_app.booth.examination import traveller_of
    from inspector_app.devices.sbi_simulator import FingerImages
    from inspector_app.domain import mrz

    home, matcher = demo
    t = travellers()[key]
    parsed = mrz.parse_mrz(t["mrz_line1"] + "\n" + t["mrz_line2"], today=TODAY)
    assert parsed.valid, (key, parsed)
    traveller = traveller_of(parsed)

    photo = next((home / "demo" / "camera" / key).iterdir())
    face = None
    if key in ADULTS:
        face = matcher.encode_face(cv2.imread(str(photo)))
    else:  # the exempt child: a neutral placeholder, no face at all
        from inspector_app.biometrics import face as face_mod

        assert face_mod.detect(cv2.imread(str(photo))[:, :, ::-1].copy()) == []

    # the fingers exactly as the scanner simulator serves them: the first capture and a second one
    images = FingerImages(home / "demo" / "fingers" / t["finger_id"])
    for attempt in range(2):
        paths = {pos: images.path_for(pos, attempt) for pos in ("Left IndexFinger", "Right IndexFinger")}
        assert not [p for p in paths.values() if p.stem.endswith("_1")], "impression 1 is the enrolled one"
        fingers = {pos: matcher.extract_finger(cv2.imread(str(p), cv2.IMREAD_GRAYSCALE)) for pos, p in paths.items()}
        result = matcher.screen(traveller, face=face, fingers=fingers)
        got = {(h.kind, h.subject_id) for h in result.hits}
        assert got == PURPOSE[key], (key, attempt, [h.to_dict() for h in result.hits])


@pytest.mark.parametrize("key", sorted(ADULTS))
def test_each_face_passes_the_booth_capture_gate_and_fits_the_passport(demo, key):
    import cv2

    from inspector_app.biometrics import face_quality
    from inspector_app.devices.camera_sources import fit
    from inspector_app.domain import mrz

    home, _ = demo
    photo = next((home / "demo" / "camera" / key).iterdir())
    frame = fit(cv2.imread(str(photo)), (640, 480))  # as the simulated camera delivers it
    q = face_quality.assess(frame[:, :, ::-1].copy())
    assert q.passes, (key, q.reasons)
    t = travellers()[key]
    parsed = mrz.parse_mrz(t["mrz_line1"] + "\n" + t["mrz_line2"], today=TODAY)
    assert parsed.sex == ADULTS[key]
    assert (TODAY - parsed.birth_date) > dt.timedelta(days=365 * 18)


def test_every_traveller_shows_a_face_of_their_own():
    photos = [t["camera_image"] for t in travellers().values() if t["camera_image"]]
    assert len(photos) == len(set(photos)) == len(ADULTS)
    fingers = [t["finger_id"] for t in travellers().values()]
    assert len(fingers) == len(set(fingers))


def test_a_watchlist_enrolment_is_another_photo_than_the_live_one():
    import csv

    with open(DEMO_DATA / "biometric.csv", newline="", encoding="utf-8") as fh:
        enrolled = {(DEMO_DATA / r["face"]).read_bytes() for r in csv.DictReader(fh) if r["face"]}
    live = {(DEMO_DATA / t["camera_image"]).read_bytes() for t in travellers().values() if t["camera_image"]}
    assert enrolled and not enrolled & live


def test_shipped_images_are_small_and_each_has_its_source_and_licence_listed():
    images = DEMO_DATA / "images"
    files = sorted(p for p in images.iterdir() if p.suffix.lower() in {".jpg", ".png"})
    assert files and sum(p.stat().st_size for p in files) < 600_000
    readme = (images / "README.md").read_text(encoding="utf-8")
    lines = {p.name: [line for line in readme.splitlines() if f"`{p.name}`" in line] for p in files}
    assert not [name for name, found in lines.items() if not found], "every image needs a line in README.md"
    assert not [name for name, found in lines.items() if "MIT" not in found[0]], "and its licence on that line"
    assert (images / "LICENSE-face_recognition").read_text(encoding="utf-8").strip().startswith("MIT License")


def test_the_demo_ships_no_fingerprint_image():
    shipped = [p for p in Path(DEMO_DATA).rglob("*") if p.suffix.lower() in {".tif", ".tiff", ".bmp", ".wsq", ".pgm"}]
    assert shipped == []
