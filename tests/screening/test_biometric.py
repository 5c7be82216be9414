"""Biometric watchlist: bans that ended stop hitting, deltas, screen output; real faces and
fingerprints through the matching package's 1:N indexes."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from inspector_app.screening import biometric, bundles
from inspector_app.screening.screen import Screener


def vec(seed: int) -> list[float]:
    rng = np.random.default_rng(seed)
    v = rng.normal(size=128).astype(np.float32)
    return [float(x) for x in v / np.linalg.norm(v) * 1.4]   # dlib encodings have norm ~1.3-1.5


def near(v: list[float], eps: float = 0.05) -> np.ndarray:
    a = np.asarray(v, dtype=np.float32)
    return a + eps * np.ones_like(a) / np.sqrt(len(a))


SUBJECTS = [
    {"subject_id": "B1", "reason": "deported 2022 (5 years)", "ban_until": "2027-03-31", "face": vec(1), "fingers": {}},
    {"subject_id": "B2", "reason": "deported 2015 (1 year)", "ban_until": "2016-05-01", "face": vec(2), "fingers": {}},
    {"subject_id": "B3", "reason": "wanted", "ban_until": "", "face": vec(3), "fingers": {}},
]


@pytest.fixture
def booth_bio(booth, signer, tmp_path):
    b = tmp_path / "bio1.bundle"
    bundles.create(Path(signer["signing_key"]), 1, b, biometric_rows=SUBJECTS)
    bundles.apply(booth, b)
    return booth


def kinds(result):
    return [(h["kind"], h["subject_id"]) for h in result.to_dict()["hits"]]


def test_face_hit_with_reason_and_ban(booth_bio):
    r = Screener(booth_bio, today=date(2026, 1, 1)).screen({}, face=near(SUBJECTS[0]["face"]))
    assert kinds(r) == [("face", "B1")]
    hit = r.to_dict()["hits"][0]
    # one scale for face and finger: a similarity 0-100, a hit from 50, in the score and the detail alike
    assert 90 < hit["score"] <= 100 and hit["list"] == "biometric"
    assert hit["reasons"][0] == f"face similarity {int(hit['score'])} of 100 (a hit from 50)"
    assert hit["native"]["face_distance"] < 0.1          # the matcher's own number, kept for audit only
    assert any("until 2027-03-31" in x for x in hit["reasons"])


def test_ended_ban_is_no_longer_a_hit(booth_bio):
    assert kinds(Screener(booth_bio, today=date(2026, 1, 1)).screen({}, face=near(SUBJECTS[1]["face"]))) == []
    assert kinds(Screener(booth_bio, today=date(2016, 5, 1)).screen({}, face=near(SUBJECTS[1]["face"]))) == [("face", "B2")]
    assert kinds(Screener(booth_bio, today=date(2027, 4, 1)).screen({}, face=near(SUBJECTS[0]["face"]))) == []


def test_stranger_is_not_a_hit(booth_bio):
    assert kinds(Screener(booth_bio, today=date(2026, 1, 1)).screen({}, face=np.asarray(vec(99)))) == []


def test_delta_removes_and_adds_subjects(booth_bio, signer, tmp_path):
    d = tmp_path / "bio2.bundle"
    bundles.create(Path(signer["signing_key"]), 2, d, base_version=1, biometric_rows=[
        {"subject_id": "B3", "remove": True},
        {"subject_id": "B4", "reason": "wanted", "ban_until": "", "face": vec(4), "fingers": {}}])
    bundles.apply(booth_bio, d)
    s = Screener(booth_bio, today=date(2026, 1, 1))
    assert kinds(s.screen({}, face=near(SUBJECTS[2]["face"]))) == []
    assert kinds(s.screen({}, face=near(vec(4)))) == [("face", "B4")]
    assert kinds(s.screen({}, face=near(SUBJECTS[0]["face"]))) == [("face", "B1")]


def test_subjects_csv_validation(tmp_path):
    d = tmp_path / "bio"
    d.mkdir()
    with open(d / "subjects.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(biometric.CSV_COLUMNS)
        w.writerow(["X1", "deported", "2030-13-01", "", "", "", ""])
    with pytest.raises(biometric.BiometricListError, match="line 2: ban_until"):
        biometric.read_subjects_dir(d)
    (d / "subjects.csv").write_text("subject_id,reason\nX,y\n")
    with pytest.raises(biometric.BiometricListError, match="lacks column"):
        biometric.read_subjects_dir(d)


def test_real_faces_through_the_cli(run_cli, tmp_path, shared_data):
    """obama.jpg on the list; obama2.jpg (same person) hits, biden.jpg does not (face_recognition's
    own test facts)."""
    imgs = shared_data / "faces" / "face_recognition" / "tests" / "test_images"
    bio = tmp_path / "bio"
    bio.mkdir()
    with open(bio / "subjects.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(biometric.CSV_COLUMNS)
        w.writerow(["F1", "deported 2024", "2099-01-01", str(imgs / "obama.jpg"), "", "", ""])
    kd, home = tmp_path / "keys", tmp_path / "booth"
    assert run_cli("keys", "generate", "--out", kd).returncode == 0
    assert run_cli("trust", "add", kd / "public_key.pem", "--home", home).returncode == 0
    r = run_cli("bundle", "create", "--key", kd / "signing_key.pem", "--version", "1", "--out", tmp_path / "b",
                "--biometrics", bio, "--json", timeout=300)
    assert r.returncode == 0, r.stderr
    assert run_cli("bundle", "apply", tmp_path / "b", "--home", home, "--json").returncode == 0
    same = json.loads(run_cli("screen", "--home", home, "--json", "--face", imgs / "obama2.jpg", timeout=300).stdout)
    other = json.loads(run_cli("screen", "--home", home, "--json", "--face", imgs / "biden.jpg", timeout=300).stdout)
    assert [h["subject_id"] for h in same["hits"] if h["kind"] == "face"] == ["F1"]
    assert [h for h in other["hits"] if h["kind"] == "face"] == []


def test_real_fingerprints_and_subject_folders(booth, signer, tmp_path, shared_data):
    """FVC2002 DB1_B: finger 101 impression 1 listed (folder layout); impression 2 of the same
    finger hits, finger 105 does not."""
    from inspector_app.biometrics import fingerprint

    db = shared_data / "fingerprints" / "fvc2002" / "DB1_B"
    sub = tmp_path / "bio" / "P1"
    sub.mkdir(parents=True)
    (sub / "subject.json").write_text(json.dumps({"subject_id": "P1", "reason": "deported 2023", "ban_until": "2099-01-01",
                                                  "fingers": {"Right IndexFinger": str(db / "101_1.tif")}}))
    b = tmp_path / "fp.bundle"
    bundles.create(Path(signer["signing_key"]), 1, b, biometrics_dir=tmp_path / "bio")
    bundles.apply(booth, b)
    s = Screener(booth, today=date(2026, 1, 1))
    probe = {"Right IndexFinger": fingerprint.extract(fingerprint.load_image(db / "101_2.tif", dpi=500))}
    other = {"Right IndexFinger": fingerprint.extract(fingerprint.load_image(db / "105_1.tif", dpi=500))}
    hits = s.screen({}, fingers=probe).to_dict()["hits"]
    assert [(h["kind"], h["subject_id"]) for h in hits] == [("fingerprint", "P1")]
    assert hits[0]["reasons"][0] == f"fingerprint similarity {int(hits[0]['score'])} of 100 (a hit from 50)"
    assert 50 <= hits[0]["score"] <= 100 and hits[0]["position"] == "Right IndexFinger"
    assert hits[0]["native"]["finger_score"] >= fingerprint.THRESHOLD
    # the signed bundle carried a small grayscale image of the enrolled finger, shown beside the live one
    hit = s.screen({}, fingers=probe).hits[0]
    import cv2

    thumb = cv2.imdecode(np.frombuffer(hit.enrolment_image, np.uint8), cv2.IMREAD_UNCHANGED)
    assert thumb.ndim == 2 and max(thumb.shape) <= biometric.THUMBNAIL_SIDE
    assert s.screen({}, fingers=other).hits == []


def test_face_vectors_round_trip_and_the_saved_index(tmp_path):
    v = vec(5)
    assert np.allclose(biometric.decode_vector(biometric.encode_vector(v)), v)
    with pytest.raises(biometric.BiometricListError, match="expected 128"):
        biometric.decode_vector([1.0, 2.0])
    rows = [{"subject_id": "E1", "reason": "x", "ban_until": "", "face": biometric.encode_vector(v), "fingers": {}}]
    biometric.build(tmp_path / "b", rows)
    assert (tmp_path / "b" / biometric.FACE_INDEX).exists()
    assert not (tmp_path / "b" / biometric.FINGER_INDEX).exists()  # no subject has fingers
    wl = biometric.BiometricWatchlist(tmp_path / "b")
    assert wl.finger_index is None
    hits = wl.screen(face=near(v), today=date(2026, 1, 1))
    assert [(h.kind, h.subject_id) for h in hits] == [("face", "E1")] and hits[0].native["index"] == "1:N face index"
    assert hits[0].enrolment_image is None   # rows made without images: nothing to show, nothing invented
