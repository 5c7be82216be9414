"""Camera on the simulator source (real threads, real detection) and on missing devices."""
from __future__ import annotations

import threading
import time

import pytest

from inspector_app.devices.camera import CameraError, open_camera


@pytest.fixture(scope="module")
def face_folder(shared_data):
    folder = shared_data / "faces" / "face_recognition" / "tests" / "test_images"
    if not folder.is_dir():
        pytest.skip("face images not in the shared data")
    return folder


class Collector:
    def __init__(self):
        self.frames, self.errors = [], []
        self.lock = threading.Lock()

    def frame(self, f):
        with self.lock:
            self.frames.append(f)

    def error(self, e):
        with self.lock:
            self.errors.append((time.time(), e))

    def wait(self, predicate, timeout=15.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self.lock:
                if predicate(self):
                    return True
            time.sleep(0.02)
        return False


def test_simulated_camera_delivers_frames_with_face_boxes_and_stops_cleanly(face_folder):
    c = Collector()
    cam = open_camera(f"sim:{face_folder}?fps=20", detect_every=2)
    cam.start(c.frame, c.error)
    try:
        assert c.wait(lambda c: len(c.frames) >= 12)
    finally:
        start = time.monotonic()
        cam.stop()
        assert time.monotonic() - start < 2.5
    assert not cam._processor.is_alive()
    frames = list(c.frames)
    assert all(f.image.shape == (480, 640, 3) for f in frames)
    assert [f.detected for f in frames[:6]] == [True, False] * 3
    detected = [f for f in frames if f.detected]
    assert all(f.quality is not None for f in detected) and all(f.quality is None for f in frames if not f.detected)
    assert sum(1 for f in detected if f.face_box) >= len(detected) // 2  # most test images hold a face
    assert c.errors == []
    assert cam.status.get("camera").state == "absent"


def test_missing_device_index_fails_fast_with_a_clear_error():
    start = time.monotonic()
    with pytest.raises(CameraError, match="cannot be opened"):
        open_camera(97).start(lambda f: None)
    assert time.monotonic() - start < 2.0


def test_missing_device_path_and_missing_sim_folder(tmp_path):
    with pytest.raises(CameraError, match="no such device"):
        open_camera(str(tmp_path / "video9")).start(lambda f: None)
    with pytest.raises(CameraError, match="does not exist"):
        open_camera(f"sim:{tmp_path / 'nothing'}").start(lambda f: None)
    with pytest.raises(CameraError, match="no camera configured"):
        open_camera("")


def test_stalled_stream_reports_within_2s_then_reconnects(face_folder):
    c = Collector()
    cam = open_camera(f"sim:{face_folder}?fps=20&stall_after=6", detect_every=1000)
    cam.start(c.frame, c.error)
    try:
        assert c.wait(lambda c: c.errors)
        with c.lock:
            last_before = max(f.timestamp for f in c.frames)
            err_at, err = c.errors[0]
        assert "no frame for 1.5 s" in str(err)
        assert err_at - last_before < 2.0
        # after the reconnect, frames flow again (the simulator restarts its count)
        assert c.wait(lambda c: len(c.frames) >= 9)
        assert cam.stats["reconnects"] >= 1
    finally:
        cam.stop()


def test_unplugged_camera_reports_and_reconnects(face_folder):
    c = Collector()
    cam = open_camera(f"sim:{face_folder}?fps=20&vanish_after=4", detect_every=1000)
    cam.start(c.frame, c.error)
    try:
        assert c.wait(lambda c: c.errors and len(c.frames) >= 6)
        assert "disappeared" in str(c.errors[0][1])
    finally:
        cam.stop()


def test_retry_mode_reports_instead_of_raising_and_stops(tmp_path):
    c = Collector()
    cam = open_camera(f"sim:{tmp_path / 'not-yet'}").start(c.frame, c.error, retry=True)
    try:
        assert c.wait(lambda c: len(c.errors) >= 2, timeout=5)
        assert cam.status.get("camera").state == "error"
    finally:
        cam.stop()
    assert not cam._processor.is_alive()


def test_a_failing_subscriber_does_not_stop_the_camera(face_folder):
    calls = []

    def bad(frame):
        calls.append(frame.index)
        raise RuntimeError("UI bug")

    cam = open_camera(f"sim:{face_folder}?fps=30", detect_every=1000).start(bad)
    try:
        end = time.monotonic() + 10
        while len(calls) < 5 and time.monotonic() < end:
            time.sleep(0.02)
    finally:
        cam.stop()
    assert len(calls) >= 5 and cam.stats["callback_errors"] >= 5


def test_video_file_through_opencv_and_through_the_simulator(face_folder, tmp_path):
    import cv2

    from inspector_app.devices.camera_sources import fit

    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, (640, 480))
    for p in sorted(face_folder.glob("*.jpg"))[:4]:
        writer.write(fit(cv2.imread(str(p)), (640, 480)))
    writer.release()
    for spec in (str(path), f"sim:{path}?fps=30"):
        c = Collector()
        cam = open_camera(spec, detect_every=1000).start(c.frame, c.error)
        try:
            assert c.wait(lambda c: len(c.frames) >= 6), spec  # the simulator loops; OpenCV reopens at EOF
        finally:
            cam.stop()
        assert c.frames[0].image.shape == (480, 640, 3)
