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
``devices.sbi.discovery_timeout_s``  10 — discovery rounds until a scanner answers, then a clear error.
``devices.sbi.provider_ca``          null — PEM file with the device provider's CA certificate(s):
                                     a device is used when the certificate chain in its JWS
                                     (``x5c``) leads to one of them (``devices.trust``).
``devices.sbi.trusted_cert``         null — one device's certificate/public key (PEM), pinned:
                                     a device whose signatures verify with it is used.
``devices.sbi.allow_self_asserted``  false — DEVELOPMENT ONLY: with neither of the above, accept a
                                     device on its own (self-signed) certificate. Ignored once
                                     either is set. With neither and this false, every device is
                                     refused.
``devices.sbi.device_id``            null — use only the device with this serial number (the
                                     ``serialNo`` of its signed digital ID); null: the first
                                     trusted device in port order.
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
    "devices.sbi.discovery_timeout_s": 10,
    "devices.sbi.provider_ca": None,
    "devices.sbi.trusted_cert": None,
    "devices.sbi.allow_self_asserted": False,
    "devices.sbi.device_id": None,
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


def device_trust(settings, clock=None):
    """The fingerprint device trust policy (``devices.trust.DeviceTrust``) of the booth settings;
    ``clock`` (-> aware datetime) dates certificate validity, default the system UTC clock.
    Raises ValueError when a configured file cannot be read or holds the wrong thing."""
    from inspector_app.devices.trust import DeviceTrust

    allow = get(settings, "devices.sbi.allow_self_asserted")
    allow = False if allow is None else allow
    if not isinstance(allow, bool):
        raise ValueError(f"devices.sbi.allow_self_asserted must be true or false, not {allow!r}")
    ca, cert = get(settings, "devices.sbi.provider_ca"), get(settings, "devices.sbi.trusted_cert")
    for key, path in (("devices.sbi.provider_ca", ca), ("devices.sbi.trusted_cert", cert)):
        if path:
            try:
                open(path, "rb").close()
            except OSError as exc:
                raise ValueError(f"{key}: cannot read {path} ({exc.strerror or exc})") from exc
    try:
        return DeviceTrust.from_files(ca, cert, allow, clock)
    except ValueError as exc:
        raise ValueError(str(exc) if "devices.sbi" in str(exc) else f"devices.sbi.trusted_cert ({cert}): {exc}") from exc


def sbi_client(settings, clock=None, **overrides):
    """An SbiClient configured from the booth settings: host, port range, trust, device id."""
    from inspector_app.devices.sbi import SbiClient

    device_id = get(settings, "devices.sbi.device_id")
    kw = dict(host=get(settings, "devices.sbi.host"), ports=port_range(settings),
              trust=device_trust(settings, clock), device_id=str(device_id) if device_id not in (None, "") else None)
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
