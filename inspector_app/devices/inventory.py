"""What devices the booth has, and a one-off fingerprint capture, as plain results.

``inspector-app devices list`` and ``devices sbi-capture`` print these; the window's device
status comes from the drivers themselves (``devices.status``).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from inspector_app.devices import config


def camera_state(spec) -> dict:
    """Open and release the camera once: ``{"source", "state": ready|absent, "last_error"}``."""
    from inspector_app.devices.camera_sources import CameraError, make_source

    source = make_source(spec)
    try:
        source.open()
    except CameraError as exc:
        return {"source": str(spec), "state": "absent", "last_error": str(exc)}
    finally:
        source.release()
    return {"source": str(spec), "state": "ready", "last_error": None}


def survey(settings, ports: range, camera: str | None = None, check_camera: bool = True) -> dict:
    """SBI devices on ``ports`` (their signed DEVICEINFO when trusted, ``trusted`` and how, or
    ``refused_reason``), the trust policy, the camera and the serial MRZ reader."""
    client = config.sbi_client(settings, ports=ports)
    start = time.monotonic()
    usable, refused = client.discover_trusted("Biometric Device")
    scan_s = time.monotonic() - start
    devices = sorted([{**d.to_dict(), "trusted": True} for d in usable] +
                     [{**d.to_dict(), "trusted": False} for d in refused], key=lambda e: e["port"])
    result = {"sbi": {"ports": [ports.start, ports.stop - 1], "scan_s": round(scan_s, 3), "trust": client.trust.mode,
                      "devices": devices}}
    if check_camera:
        result["camera"] = camera_state(camera or config.get(settings, "devices.camera.source"))
    serial_port = config.get(settings, "devices.serial.port")
    present = bool(serial_port) and os.path.exists(serial_port)
    result["serial"] = {"port": serial_port, "state": "ready" if present else "absent"}
    return result


class NoFingerprintDevice(RuntimeError):
    """No SBI fingerprint device answered on the port range."""


def capture_fingers(settings, fingers: list[str], ports: range, timeout_ms: int | None = None,
                    out_dir: Path | None = None):
    """Capture ``fingers`` from the first trusted SBI fingerprint device (``devices.sbi.*``
    trust and device id) with the configured requested score; write the images to ``out_dir``
    if given. Raises NoFingerprintDevice, sbi.SbiError or ValueError with the reason."""
    client = config.sbi_client(settings, ports=ports)
    found, refused = client.discover_trusted("Finger")
    if not found and refused:
        raise NoFingerprintDevice("; ".join(f"fingerprint device on port {d.port} refused: {d.refused_reason}" for d in refused))
    if not found:
        raise NoFingerprintDevice(f"no SBI fingerprint device found on ports {client.ports[0]}-{client.ports[-1]}")
    result = client.capture(found[0], fingers, timeout_ms=timeout_ms or config.get(settings, "devices.sbi.timeout_ms"),
                            requested_score=config.get(settings, "devices.capture.requested_score"))
    if out_dir is not None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        for item in result.items:
            (out / (item.bio_sub_type.replace(" ", "_") + ".png")).write_bytes(item.image)
    return result
