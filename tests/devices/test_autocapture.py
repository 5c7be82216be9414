"""Auto capture keeps the best passing frame of its window; manual capture records quality too."""
from __future__ import annotations

import numpy as np
import pytest

from inspector_app.biometrics.face_quality import FaceQuality
from inspector_app.devices.autocapture import AutoCapture
from inspector_app.devices.camera import Frame


def frame(t, score=None, passes=True, reasons=(), value=0):
    q = None if score is None else FaceQuality(passes, score, (1, 2, 3, 0), {"inter_eye_px": score}, list(reasons))
    return Frame(np.full((4, 4, 3), value, np.uint8), None, q, t, int(t * 10), q is not None)


def test_best_passing_frame_of_the_window_is_captured():
    ac = AutoCapture(window_s=2.0)
    assert ac.feed(frame(0.0, 70, value=1)) is None
    assert ac.feed(frame(0.5, 90, value=2)) is None
    assert ac.feed(frame(1.0, 95, passes=False, reasons=["head turned: x"], value=3)) is None
    assert ac.feed(frame(1.2)) is None  # a frame without detection is not considered
    assert ac.feed(frame(1.5, 80, value=4)) is None
    cap = ac.feed(frame(2.1, 60, value=5))
    assert cap is not None and cap.mode == "auto"
    assert cap.quality.score == 90 and cap.image[0, 0, 0] == 2
    assert cap.frames_considered == 5
    assert cap.to_dict()["quality"]["measurements"] == {"inter_eye_px": 90}


def test_window_without_a_passing_frame_restarts_and_explains():
    ac = AutoCapture(window_s=1.0)
    for t in (0.0, 0.4, 0.8):
        ac.feed(frame(t, 50, passes=False, reasons=["face too small: 40 px"]))
    assert ac.feed(frame(1.1, 50, passes=False, reasons=["blurred: 3"])) is None
    assert ac.last_reasons[0] == "face too small"
    assert ac.feed(frame(1.5, 77)) is None
    assert ac.feed(frame(2.2, 10)).quality.score == 77


def test_min_score_and_bad_window():
    ac = AutoCapture(window_s=1.0, min_score=80)
    ac.feed(frame(0.0, 79))
    assert ac.feed(frame(1.0, 70)) is None
    with pytest.raises(ValueError):
        AutoCapture(window_s=0)


def test_manual_capture_assesses_an_unassessed_frame(shared_data):
    import cv2

    path = shared_data / "faces" / "face_recognition" / "examples" / "obama.jpg"
    img = cv2.imread(str(path))
    cap = AutoCapture.manual(Frame(img, None, None, 5.0, 0, False))
    assert cap.mode == "manual" and cap.quality.passes
    assert cap.quality.measurements["inter_eye_px"] > 90
