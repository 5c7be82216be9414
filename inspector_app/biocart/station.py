"""The bio-cart station's core, without Qt: the kiosk window, ``inspector-app biocart capture``
and the tests drive the same object.

A capture is stored by passport (document number and nationality read from the MRZ), with each
item scored by the booth's own quality functions and threshold (the face quality gate, our
fingerprint quality, ``devices.capture.finger_threshold``) and templates made by the booth's
matchers, signed by the station's Ed25519 key and kept encrypted until ``biocart.ttl_minutes``
have passed. Settings (the station's ``settings.json``):

``biocart.station_id``  "BIOCART-01": who signed, shown to the inspector.
``biocart.ttl_minutes`` 120: how long a capture is kept and may be used by a booth.
``biocart.booths``      {}: booth id -> that booth's public signing key (``sync/booth.key``);
                        only these booths may retrieve captures.
``biocart.host``, ``biocart.port``  "127.0.0.1", 8471: where ``biocart serve`` listens.
"""
from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from inspector_app.biocart import capture
from inspector_app.biocart.vault import Vault
from inspector_app.common import signing
from inspector_app.domain import mrz
from inspector_app.settings import Settings

STATION_ID = "biocart.station_id"
TTL_MINUTES = "biocart.ttl_minutes"
BOOTHS = "biocart.booths"
HOST = "biocart.host"
PORT = "biocart.port"
DEFAULTS = {STATION_ID: "BIOCART-01", TTL_MINUTES: 120, BOOTHS: {}, HOST: "127.0.0.1", PORT: 8471}
KEY_FILE = "station.key"


class StationError(ValueError):
    """Input the station cannot use, in words for the operator (the kiosk shows its own bilingual text)."""


def station_dir(home: Path) -> Path:
    return Path(home) / "biocart"


class Station:
    """One capture station. Thread-safe: the kiosk's worker and the server share it."""

    def __init__(self, home: Path | str, clock: Callable[[], dt.datetime] | None = None):
        self.home = Path(home)
        self.settings = Settings.load(self.home)
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.key = signing.load_or_create(station_dir(self.home) / KEY_FILE)
        self.vault = Vault(station_dir(self.home) / "captures")
        self._lock = threading.Lock()

    def setting(self, key: str):
        return self.settings.get(key, DEFAULTS[key])

    @property
    def station_id(self) -> str:
        return str(self.setting(STATION_ID))

    @property
    def public_key(self) -> str:
        """What a booth pins (``biocart.station_key``) to trust this station's captures."""
        return signing.public_b64(self.key)

    def allow_booth(self, booth_id: str, public_key: str) -> None:
        """Let ``booth_id``, proving itself with ``public_key``'s private half, retrieve captures."""
        signing.public_from_b64(public_key)  # a key that does not load is refused now
        booths = dict(self.setting(BOOTHS) or {})
        booths[str(booth_id)] = public_key
        self.settings.set(BOOTHS, booths)
        self.settings.save()

    def booth_key(self, booth_id: str) -> str | None:
        """Read from the settings file each time: a booth allowed (``biocart allow-booth``) while
        the station serves is let in without a restart."""
        return (Settings.load(self.home).get(BOOTHS) or {}).get(str(booth_id))

    # ---- capturing -------------------------------------------------------------------------
    def read_passport(self, text: str) -> mrz.MrzResult:
        """The passport the traveller scanned; a misread one is refused (its number could be
        another traveller's)."""
        try:
            result = mrz.parse_mrz((text or "").strip(), today=self.clock().date())
        except mrz.NotAnMrz:
            raise StationError("the passport could not be read: scan the photo page again") from None
        if not result.valid or not result.document_number:
            raise StationError("the passport could not be read: scan the photo page again")
        return result

    def capture(self, mrz_text: str, face_bgr=None, fingers: dict | None = None,
                exceptions: dict[str, str] | None = None) -> dict:
        """Score, template, sign and keep one traveller's capture (replacing an earlier one of the
        same passport). ``fingers``: SBI position -> grayscale image, or -> (image, stands_for).
        Returns the summary the kiosk shows (no images)."""
        import cv2

        from inspector_app.biometrics import face, face_quality, fingerprint, iso19794
        from inspector_app.devices import config
        from inspector_app.devices.capture_policy import ALL_FINGERS, FingerCapturePolicy

        passport = self.read_passport(mrz_text)
        if face_bgr is None and not fingers:
            raise StationError("nothing was captured")
        threshold = FingerCapturePolicy.from_settings(self.settings).threshold
        blobs: dict[str, bytes] = {}
        face_item = None
        if face_bgr is not None:
            rgb = face_bgr[:, :, ::-1].copy()
            q = face_quality.assess(rgb, limits=config.face_limits(self.settings))
            ok, jpeg = cv2.imencode(".jpg", face_bgr, [cv2.IMWRITE_JPEG_QUALITY, 92])
            if not ok:
                raise StationError("the face image cannot be encoded")
            blobs[capture.FACE] = jpeg.tobytes()
            try:
                blobs[capture.FACE_TEMPLATE] = face.encode(rgb).vector.astype("<f4").tobytes()
            except face.FaceError:
                pass  # no face to encode: the quality below says so and the booth takes it again
            face_item = {"quality": round(float(q.score), 1), "passes": bool(q.passes),
                         "reasons": [str(r) for r in q.reasons]}
        finger_items = []
        for position, given in (fingers or {}).items():
            if position not in ALL_FINGERS:
                raise StationError(f"unknown finger position {position!r}")
            image, stands_for = given if isinstance(given, tuple) else (given, position)
            q = int(fingerprint.quality(image))
            ok, png = cv2.imencode(".png", image)
            if not ok:
                raise StationError("the fingerprint image cannot be encoded")
            blobs[capture.finger_image(position)] = png.tobytes()
            blobs[capture.finger_template(position)] = iso19794.write(fingerprint.extract(image))
            finger_items.append({"position": position, "stands_for": stands_for, "quality": q,
                                 "passes": q >= threshold})
        now = self.clock()
        body = {"capture_id": str(uuid.uuid4()), "station": self.station_id,
                "document_number": capture.passport_key(passport.document_number, "")[0],
                "nationality": capture.passport_key("", passport.nationality)[1],
                "captured_at": capture.iso(now),
                "expires_at": capture.iso(now + dt.timedelta(minutes=float(self.setting(TTL_MINUTES)))),
                "threshold": threshold, "face": face_item, "fingers": finger_items,
                "exceptions": [{"position": p, "reason": str(r)} for p, r in (exceptions or {}).items()]}
        doc = capture.sign(body, blobs, self.key)
        with self._lock:
            self.vault.purge(now)   # nothing expired stays on the disk longer than the next traveller
            self.vault.put(doc)
        return {k: body[k] for k in ("capture_id", "station", "document_number", "nationality", "captured_at",
                                     "expires_at", "face", "fingers", "exceptions")}

    # ---- serving ---------------------------------------------------------------------------
    def lookup(self, document_number: str, nationality: str) -> dict | None:
        """The passport's unexpired capture in wire form, or None (an expired one is deleted)."""
        with self._lock:
            return self.vault.get(document_number, nationality, self.clock())

    def purge(self) -> int:
        with self._lock:
            return self.vault.purge(self.clock())


def scan_fingers(settings: Settings, on_finger: Callable[[str], None] = lambda position: None,
                 clock: Callable[[], dt.datetime] | None = None) -> tuple[dict, dict[str, str]]:
    """The fingers of the capture policy from the trusted SBI scanner, driven as the booth drives
    it (``devices.capture.*``, ``devices.sbi.*``): position -> (gray image, stands_for), and the
    positions that could not be captured with why (the booth takes those itself). ``on_finger``
    is told each finger before the scanner waits for it (the kiosk shows which)."""
    from inspector_app.biometrics import fingerprint
    from inspector_app.devices import capture_policy, config

    client = config.sbi_client(settings, clock=clock or (lambda: dt.datetime.now(dt.UTC)))
    limit = float(config.get(settings, "devices.sbi.discovery_timeout_s"))
    start = time.monotonic()
    while True:
        devices, refused = client.discover_trusted(type="Finger")
        if devices or refused or time.monotonic() - start >= limit:
            break
        time.sleep(0.5)
    if not devices:
        raise StationError("the fingerprint scanner is not available: please go to the booth")
    policy = capture_policy.FingerCapturePolicy.from_settings(settings)
    scanner = capture_policy.SbiScanner(client, devices[0])

    class Announcing:
        def capture(self, finger, previous_hash):
            on_finger(finger)
            return scanner.capture(finger, previous_hash)

    outcome = policy.run(Announcing(), fingerprint.quality)
    images = {c.finger: (capture_policy.decode_gray(c.image), c.stands_for) for c in outcome.captured}
    return images, {e.finger: capture_policy.reason_words(e.reason) for e in outcome.exceptions}
