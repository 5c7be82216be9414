"""Device and matching steps of an examination, as plain functions the workers run. No Qt.

Camera frames arrive on the camera's own thread; ``FacePipeline`` keeps the best passing frame
through ``devices.autocapture``. Fingerprints go through the SBI client and the capture policy
(fallback order and retries live in ``devices.capture_policy``, not here).
"""
from __future__ import annotations

from typing import Any, Callable

from inspector_app.app.backend import jsonable


def open_camera(spec):
    from inspector_app.devices import camera

    return camera.open_camera(spec)


def face_template(image_bgr):
    """Encode the captured face (BGR frame) for 1:N screening."""
    from inspector_app.biometrics import face

    rgb = image_bgr[:, :, ::-1].copy()
    return face.encode(rgb)


def capture_fingers(port_range, progress: Callable[[int, str], None], timeout_s: float = 10.0) -> dict:
    """Discover an SBI finger device and run the capture policy; returns fingers + templates."""
    from inspector_app.biometrics import fingerprint
    from inspector_app.devices import capture_policy, sbi

    client = sbi.SbiClient(ports=range(port_range[0], port_range[1] + 1), timeout=timeout_s)
    progress(5, "discovering fingerprint device")
    devices = client.discover(type="Finger")
    if not devices:
        raise RuntimeError("no fingerprint scanner answered on ports "
                           f"{port_range[0]}-{port_range[1]}: check that the SBI service is running")
    scanner = _Scanner(client, devices[0])
    progress(20, "capturing fingerprints")
    outcome = capture_policy.FingerCapturePolicy().run(scanner, _quality_of)
    templates: dict[str, Any] = {}
    for item in outcome.captured:
        templates[item.position] = fingerprint.extract(_finger_image(item))
    progress(100, "fingerprints captured")
    return {"outcome": jsonable(outcome), "templates": templates}


def _quality_of(image) -> int:
    from inspector_app.biometrics import fingerprint

    return fingerprint.quality(image)


def _finger_image(item):
    from inspector_app.biometrics import fingerprint
    import cv2
    import numpy as np

    if getattr(item, "image", None) is not None and hasattr(item.image, "shape"):
        return item.image
    data = np.frombuffer(item.image_bytes, dtype=np.uint8)
    img = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)
    return img if img is not None else fingerprint.load_image(item.image_bytes)


class _Scanner:
    """Binds one discovered SBI device to the client for the capture policy."""

    def __init__(self, client, device):
        self.client, self.device = client, device

    def capture(self, *args, **kwargs):
        return self.client.capture(self.device, *args, **kwargs)
