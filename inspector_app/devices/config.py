"""Device settings in the booth's settings file (``inspector_app.settings``), with defaults.

Keys (dotted, as in ``Settings.get``):

``devices.camera.source``            ``"0"`` — device index, ``/dev/videoN``, stream URL, video
                                     file, or ``sim:PATH`` (folder/video, looped).
``devices.camera.detect_every``      2 — run face detection on every Nth frame.
``devices.camera.detect_max_side``   480 — detect on a copy downscaled to this longest side.
``devices.camera.stall_timeout_s``   1.5 — no frame for this long = error + reconnect (≤ 2 s).
``devices.capture.face_window_s``    3.0 — auto capture keeps the best passing frame of a window.
``devices.capture.face_min_inter_eye_px`` 60, ``devices.capture.face_max_roll_deg`` 8,
``devices.capture.face_max_yaw_ratio`` 0.16, ``devices.capture.face_min_sharpness`` 75 — the
                                     face gate (see biometrics/face_quality.py for measurements).
``devices.sbi.host``                 ``"127.0.0.1"`` (the spec binds device services there).
``devices.sbi.port_range``           ``[4501, 4600]`` inclusive.
``devices.sbi.timeout_ms``           10000 — RCAPTURE timeout sent to the device (+1 s transport).
``devices.sbi.trusted_cert``         null — path to the device's certificate/public key (PEM);
                                     with it, JWT signatures are verified against it.
``devices.capture.fingers``          ``["Left IndexFinger", "Right IndexFinger"]``.
``devices.capture.finger_threshold`` 40 — our quality (0-100) needed to accept a finger. This is
                                     a starting value until the fingerprint quality function's
                                     score distribution is measured; tune per deployment.
``devices.capture.finger_retries``   2 — retries below the threshold before falling back.
``devices.capture.fallback``         ``["MiddleFinger", "RingFinger", "LittleFinger", "Thumb"]``.
``devices.capture.transient_retries`` 2 — retries on busy/timeout/dropped connection.
``devices.capture.requested_score``  60 — ``requestedScore`` sent to the device.
``devices.serial.port``              null — serial document reader (``/dev/ttyUSB0``, ``COM3``).
``devices.serial.baud``              9600.
``devices.wedge.max_key_gap_s``      0.06, ``devices.wedge.max_line_gap_s`` 0.5 — burst detection.
"""
from __future__ import annotations

DEFAULTS: dict = {
    "devices.camera.source": "0",
    "devices.camera.detect_every": 2,
    "devices.camera.detect_max_side": 480,
    "devices.camera.stall_timeout_s": 1.5,
    "devices.capture.face_window_s": 3.0,
    "devices.capture.face_min_inter_eye_px": 60.0,
    "devices.capture.face_max_roll_deg": 8.0,
    "devices.capture.face_max_yaw_ratio": 0.16,
    "devices.capture.face_min_sharpness": 75.0,
    "devices.sbi.host": "127.0.0.1",
    "devices.sbi.port_range": [4501, 4600],
    "devices.sbi.timeout_ms": 10000,
    "devices.sbi.trusted_cert": None,
    "devices.capture.fingers": ["Left IndexFinger", "Right IndexFinger"],
    "devices.capture.finger_threshold": 40,
    "devices.capture.finger_retries": 2,
    "devices.capture.fallback": ["MiddleFinger", "RingFinger", "LittleFinger", "Thumb"],
    "devices.capture.transient_retries": 2,
    "devices.capture.requested_score": 60,
    "devices.serial.port": None,
    "devices.serial.baud": 9600,
    "devices.wedge.max_key_gap_s": 0.06,
    "devices.wedge.max_line_gap_s": 0.5,
}


def get(settings, key: str):
    """A device setting, or its default (``settings`` may be None)."""
    if key not in DEFAULTS:
        raise KeyError(f"unknown device setting {key!r}")
    return DEFAULTS[key] if settings is None else settings.get(key, DEFAULTS[key])


def port_range(settings) -> range:
    value = get(settings, "devices.sbi.port_range")
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise ValueError(f"devices.sbi.port_range must be [low, high], not {value!r}")
    try:
        low, high = int(value[0]), int(value[1])
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"devices.sbi.port_range must be [low, high], not {value!r}") from exc
    if not 1 <= low <= high <= 65535:
        raise ValueError(f"devices.sbi.port_range {value!r} is not a valid port range")
    return range(low, high + 1)


def sbi_client(settings, **overrides):
    """An SbiClient configured from the booth settings."""
    from pathlib import Path

    from inspector_app.devices.sbi import SbiClient

    cert = get(settings, "devices.sbi.trusted_cert")
    trusted = Path(cert).read_bytes() if cert else None
    kw = dict(host=get(settings, "devices.sbi.host"), ports=port_range(settings), trusted_key=trusted)
    kw.update(overrides)
    return SbiClient(**kw)


def face_limits(settings):
    from inspector_app.biometrics.face_quality import QualityLimits

    return QualityLimits(min_inter_eye_px=float(get(settings, "devices.capture.face_min_inter_eye_px")),
                         max_roll_deg=float(get(settings, "devices.capture.face_max_roll_deg")),
                         max_yaw_ratio=float(get(settings, "devices.capture.face_max_yaw_ratio")),
                         min_sharpness=float(get(settings, "devices.capture.face_min_sharpness")))


def camera(settings, **overrides):
    """A Camera (not started) for ``devices.camera.source`` with the booth's detection settings."""
    from inspector_app.devices.camera import open_camera

    kw = dict(detect_every=int(get(settings, "devices.camera.detect_every")),
              detect_max_side=int(get(settings, "devices.camera.detect_max_side")),
              stall_timeout_s=float(get(settings, "devices.camera.stall_timeout_s")),
              limits=face_limits(settings))
    kw.update(overrides)
    return open_camera(get(settings, "devices.camera.source"), **kw)
