"""Device and matching steps of an examination, as plain functions the workers run. No Qt.

Camera frames arrive on the camera's own thread; ``FacePipeline`` keeps the best passing frame
through ``devices.autocapture``. Fingerprints go through the SBI client and the capture policy
(fallback order and retries live in ``devices.capture_policy``, not here).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable



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


def finger_template(image):
    from inspector_app.biometrics import fingerprint

    return fingerprint.extract(image)


def capture_fingers(port_range, progress: Callable[[int, str], None], evidence_dir: Path | None = None,
                    settings=None, timeout_s: float = 10.0) -> dict:
    """Discover the SBI finger device and run the capture policy (targets, retries, fallback order
    and exceptions are devices.capture_policy's); then make templates in the compute process."""
    import cv2

    from inspector_app.app import compute
    from inspector_app.biometrics import fingerprint
    from inspector_app.devices import capture_policy, sbi

    client = sbi.SbiClient(ports=range(int(port_range[0]), int(port_range[1]) + 1), timeout=timeout_s)
    progress(5, "looking for the fingerprint scanner")
    devices = client.discover(type="Finger")
    if not devices:
        raise RuntimeError("no fingerprint scanner answered on ports "
                           f"{port_range[0]}-{port_range[1]}: check that the scanner's SBI service is running")
    device = devices[0]
    progress(20, f"capturing on {device.model or 'scanner'} (port {device.port})")
    policy = capture_policy.FingerCapturePolicy.from_settings(settings)
    outcome = policy.run(capture_policy.SbiScanner(client, device), fingerprint.quality)
    fingers = [{"position": c.finger, "stands_for": c.stands_for, "quality": c.our_quality,
                "device_quality": c.device_quality, "attempts": c.attempts} for c in outcome.captured]
    exceptions = [{"position": e.finger, "reason": e.reason + (f" ({e.detail})" if e.detail else "")}
                  for e in outcome.exceptions]
    progress(70, "making fingerprint templates")
    templates, evidence = {}, None
    for c in outcome.captured:
        image = capture_policy.decode_gray(c.image)
        templates[c.finger] = compute.call("inspector_app.app.capture", "finger_template", image)
        if evidence_dir is not None:
            Path(evidence_dir).mkdir(parents=True, exist_ok=True)
            path = Path(evidence_dir) / (c.finger.replace(" ", "_") + ".png")
            cv2.imwrite(str(path), image)
            evidence = evidence or str(path)
    progress(100, "fingerprints captured")
    return {"outcome": {"captured": fingers, "exceptions": exceptions}, "templates": templates,
            "evidence_path": evidence}
