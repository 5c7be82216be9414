"""Device and matching steps of an examination, as plain functions the workers run. No Qt.

Camera frames arrive on the camera's own thread; ``FacePipeline`` keeps the best passing frame
through ``devices.autocapture``. Fingerprints go through the SBI client and the capture policy
(fallback order and retries live in ``devices.capture_policy``, not here).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from inspector_app.app.backend import jsonable


# Face detection runs on the camera's thread and dlib holds the GIL while it works: a smaller
# detection image and detecting on every third frame keep each hold short (see ui_stall).
DETECT_MAX_SIDE = 360
DETECT_EVERY = 3


def open_camera(spec):
    from inspector_app.devices import camera

    return camera.open_camera(spec, detect_max_side=DETECT_MAX_SIDE, detect_every=DETECT_EVERY)


def face_template(image_bgr):
    """Encode the captured face (BGR frame) for 1:N screening, in the compute process."""
    from inspector_app.app import compute

    return compute.call("inspector_app.app.capture", "encode_face_bgr", image_bgr)


def encode_face_bgr(image_bgr):
    from inspector_app.biometrics import face

    return face.encode(image_bgr[:, :, ::-1].copy())


def finger_template_and_quality(image):
    from inspector_app.biometrics import fingerprint

    return fingerprint.extract(image), fingerprint.quality(image)


def capture_fingers(port_range, progress: Callable[[int, str], None], evidence_dir: Path | None = None,
                    timeout_s: float = 10.0) -> dict:
    """Discover an SBI finger device, capture, extract templates; the fallback order and retries
    are the capture policy's (devices.capture_policy) when it is installed."""
    import cv2
    import numpy as np

    from inspector_app.biometrics import fingerprint
    from inspector_app.devices import sbi

    client = sbi.SbiClient(ports=range(int(port_range[0]), int(port_range[1]) + 1), timeout=timeout_s)
    progress(5, "looking for the fingerprint scanner")
    devices = client.discover(type="Finger")
    if not devices:
        raise RuntimeError("no fingerprint scanner answered on ports "
                           f"{port_range[0]}-{port_range[1]}: check that the scanner's SBI service is running")
    device = devices[0]
    progress(20, f"capturing on {device.model or 'scanner'} (port {device.port})")

    def decode(png: bytes):
        img = cv2.imdecode(np.frombuffer(png, dtype=np.uint8), cv2.IMREAD_GRAYSCALE)
        if img is None:
            raise RuntimeError("the scanner sent an image that cannot be decoded")
        return img

    fingers, exceptions, templates, images = [], [], {}, {}
    try:
        from inspector_app.devices import capture_policy
    except ImportError:
        capture_policy = None
    if capture_policy is not None:
        outcome = capture_policy.FingerCapturePolicy().run(_Scanner(client, device),
                                                           lambda img: fingerprint.quality(img))
        out = jsonable(outcome)
        fingers = out.get("captured", [])
        exceptions = out.get("exceptions", [])
        for item in getattr(outcome, "captured", []):
            img = getattr(item, "image", None)
            img = decode(img) if isinstance(img, (bytes, bytearray)) else img
            pos = getattr(item, "position", None) or getattr(item, "bio_sub_type", None)
            images[pos] = img
    else:
        for n, position in enumerate(("Right IndexFinger", "Left IndexFinger")):
            try:
                result = client.capture(device, [position], requested_score=40)
            except sbi.SbiError as exc:
                exceptions.append({"position": position, "reason": str(exc)})
                continue
            for item in result.items:
                img = decode(item.image)
                images[item.bio_sub_type] = img
                fingers.append({"position": item.bio_sub_type, "device_quality": item.device_quality,
                                "attempts": 1})
            progress(40 + 25 * n, f"{position} captured")
    from inspector_app.app import compute

    evidence = None
    quality = {}
    for position, img in images.items():
        templates[position], quality[position] = compute.call(
            "inspector_app.app.capture", "finger_template_and_quality", img)
        for f in fingers:
            if f.get("position") == position and f.get("quality") is None:
                f["quality"] = quality[position]
        if evidence_dir is not None:
            Path(evidence_dir).mkdir(parents=True, exist_ok=True)
            path = Path(evidence_dir) / (position.replace(" ", "_") + ".png")
            cv2.imwrite(str(path), img)
            evidence = evidence or str(path)
    progress(100, "fingerprints captured")
    return {"outcome": {"captured": fingers, "exceptions": exceptions}, "templates": templates,
            "evidence_path": evidence}


class _Scanner:
    """Binds one discovered SBI device to the client for the capture policy."""

    def __init__(self, client, device):
        self.client, self.device = client, device

    def capture(self, *args, **kwargs):
        return self.client.capture(self.device, *args, **kwargs)
