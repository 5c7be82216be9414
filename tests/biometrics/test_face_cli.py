"""`inspector-app face compare`: JSON shape, verdicts, and exit 2 with a clear message."""
from __future__ import annotations

import json

import numpy as np


def _imgs(shared_data):
    return shared_data / "faces" / "face_recognition" / "tests" / "test_images"


def test_compare_same_person_json(run_cli, shared_data):
    d = _imgs(shared_data)
    out = run_cli("face", "compare", d / "obama.jpg", d / "obama2.jpg", "--json")
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert set(r) == {"faces_a", "faces_b", "distance", "match", "threshold"}
    assert r["faces_a"] == 1 and r["faces_b"] == 1
    assert r["match"] is True and 0 < r["distance"] <= r["threshold"] == 0.6


def test_compare_different_people_and_custom_threshold(run_cli, shared_data):
    ex = shared_data / "faces" / "face_recognition" / "examples"  # small images: a fast test
    out = run_cli("face", "compare", ex / "obama_small.jpg", ex / "alex-lacamoire.png", "--json", "--threshold", "0.5")
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert r["match"] is False and r["distance"] > 0.6 and r["threshold"] == 0.5


def test_compare_no_face_and_unreadable_exit_2(run_cli, shared_data, tmp_path):
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.fromarray(np.full((200, 200, 3), 90, dtype=np.uint8)).save(blank)
    d = shared_data / "faces" / "face_recognition" / "examples"
    out = run_cli("face", "compare", d / "obama_small.jpg", blank, "--json")
    assert out.returncode == 2
    assert "no face found" in out.stderr and "blank.png" in out.stderr
    assert out.stdout == ""

    junk = tmp_path / "junk.jpg"
    junk.write_text("not an image")
    out = run_cli("face", "compare", junk, d / "obama_small.jpg", "--json")
    assert out.returncode == 2
    assert "cannot read image" in out.stderr and "junk.jpg" in out.stderr
    assert "Traceback" not in out.stderr
