"""What devices the booth has, and a one-off fingerprint capture, as plain results.

``inspector-app devices list`` and ``devices sbi-capture`` print these; the window's device
status comes from the drivers themselves (``devices.status``).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from inspector_app.devices import config, sbi


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
    """SBI devices on ``ports`` (with their DEVICEINFO), the camera and the serial MRZ reader."""
    client = config.sbi_client(settings, ports=ports)
    start = time.monotonic()
    found = client.discover("Biometric Device")
    scan_s = time.monotonic() - start
    devices = []
    for d in found:
        entry = d.to_dict()
        try:
            info = client.info(d.port)
            if info:
                entry.update(model=info[0].model, make=info[0].make, serial_no=info[0].serial_no,
                             status=info[0].status, signature=info[0].signature)
        except sbi.SbiError as exc:
            entry["info_error"] = str(exc)
        devices.append(entry)
    result = {"sbi": {"ports": [ports.start, ports.stop - 1], "scan_s": round(scan_s, 3), "devices": devices}}
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
    """Capture ``fingers`` from the first SBI fingerprint device found, with the configured
    trusted certificate and requested score; write the images to ``out_dir`` if given.
    Raises NoFingerprintDevice, sbi.SbiError or ValueError with the reason."""
    client = config.sbi_client(settings, ports=ports)
    found = client.discover("Finger")
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
