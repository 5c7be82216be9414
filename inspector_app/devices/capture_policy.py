"""Which fingers to capture, how often to retry, and what becomes an exception for the supervisor.

Per hand we want the index finger. Each attempt is scored with *our* quality function
(``quality_fn(image_gray_uint8) -> 0..100``, normally ``biometrics.fingerprint.quality``): the
device's own score is recorded but not trusted. A finger is accepted at ``threshold``; after
``max_retries`` retries below it, the next finger of the same hand in ``fallback`` order (middle,
ring, little, thumb) is tried. A finger the inspector declares missing (``declared``:
amputated, bandaged ...) is skipped with that reason; a finger that never reaches the threshold
becomes ``unreadable``. Every exception, and any hand left without a finger, goes to the
supervisor. Transient device trouble (busy, timeout, dropped connection) is retried
``transient_retries`` times without spending a quality attempt, so it cannot lose a capture
silently; when it persists it is recorded as ``device_error``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from inspector_app.devices import sbi
from inspector_app.devices import sbi_protocol as P
from inspector_app.domain.messages import msg

FALLBACK = ("MiddleFinger", "RingFinger", "LittleFinger", "Thumb")
#: Every finger position by its SBI bioSubType name.
ALL_FINGERS = tuple(f"{hand} {finger}" for hand in ("Left", "Right")
                    for finger in ("IndexFinger", "MiddleFinger", "RingFinger", "LittleFinger", "Thumb"))
DECLARED_REASONS = ("amputated", "bandaged", "injured", "unreadable", "other")
#: Every exception reason (the declared ones and the policy's own) in words.
REASON_WORDS = {"amputated": msg("amputated"), "bandaged": msg("bandaged"), "injured": msg("injured"),
                "unreadable": msg("unreadable"), "other": msg("other reason"), "device_error": msg("device error"),
                "hand_without_finger": msg("no finger of this hand")}


def reason_words(reason: str) -> str:
    """An exception reason code in words (an unknown code as it is)."""
    return REASON_WORDS.get(reason, reason)


@dataclass
class Attempt:
    finger: str
    our_quality: int | None
    device_quality: float | None
    error: str | None = None


@dataclass
class CapturedFingerprint:
    finger: str
    stands_for: str              # the finger the policy wanted (differs after a fallback)
    image: bytes                 # as the device sent it (PNG here)
    our_quality: int
    device_quality: float | None
    hash: str
    attempts: int

    def to_dict(self) -> dict:
        d = asdict(self)
        d["image"] = len(self.image)
        return d


@dataclass
class FingerException:
    finger: str
    reason: str                  # amputated | bandaged | ... | unreadable | device_error | hand_without_finger
    detail: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class FingerCaptureOutcome:
    captured: list = field(default_factory=list)
    exceptions: list = field(default_factory=list)
    attempts: list = field(default_factory=list)
    last_hash: str = ""

    @property
    def needs_supervisor(self) -> bool:
        return bool(self.exceptions)

    def to_dict(self) -> dict:
        return {"captured": [c.to_dict() for c in self.captured], "exceptions": [e.to_dict() for e in self.exceptions],
                "attempts": [asdict(a) for a in self.attempts], "last_hash": self.last_hash,
                "needs_supervisor": self.needs_supervisor}


class SbiScanner:
    """Adapter: one finger per RCAPTURE through :class:`sbi.SbiClient` (chain kept by the policy)."""

    def __init__(self, client: sbi.SbiClient, device, requested_score: float = 60, timeout_ms: int = 10000):
        self.client, self.device = client, device
        self.requested_score, self.timeout_ms = requested_score, timeout_ms

    def capture(self, finger: str, previous_hash: str):
        result = self.client.capture(self.device, [finger], requested_score=self.requested_score,
                                     timeout_ms=self.timeout_ms, previous_hash=previous_hash)
        item = result.items[0]
        return item.image, item.device_quality, item.hash


def decode_gray(image: bytes) -> np.ndarray:
    import cv2

    arr = cv2.imdecode(np.frombuffer(image, np.uint8), cv2.IMREAD_GRAYSCALE)
    if arr is None:
        raise ValueError("fingerprint image from the device cannot be decoded")
    return arr


class FingerCapturePolicy:
    def __init__(self, targets=("Left IndexFinger", "Right IndexFinger"), threshold: int = 40, max_retries: int = 2,
                 fallback=FALLBACK, declared: dict | None = None, transient_retries: int = 2):
        for finger in targets:
            if finger not in P.FINGERS:
                raise ValueError(f"unknown finger {finger!r}; use SBI names such as 'Left IndexFinger'")
        declared = dict(declared or {})
        for finger, reason in declared.items():
            if finger not in P.FINGERS or reason not in DECLARED_REASONS:
                raise ValueError(f"declared exception {finger!r}: {reason!r} (reasons: {', '.join(DECLARED_REASONS)})")
        if not 0 <= threshold <= 100 or max_retries < 0 or transient_retries < 0:
            raise ValueError("threshold must be 0-100 and retries ≥ 0")
        self.targets, self.threshold, self.max_retries = list(targets), threshold, max_retries
        self.fallback, self.declared, self.transient_retries = list(fallback), declared, transient_retries

    @classmethod
    def from_settings(cls, settings, declared: dict | None = None) -> FingerCapturePolicy:
        from inspector_app.devices.config import DEFAULTS

        def get(key):
            return settings.get(key, DEFAULTS[key]) if settings is not None else DEFAULTS[key]

        return cls(targets=get("devices.capture.fingers"), threshold=get("devices.capture.finger_threshold"),
                   max_retries=get("devices.capture.finger_retries"), fallback=get("devices.capture.fallback"),
                   transient_retries=get("devices.capture.transient_retries"), declared=declared)

    def candidates(self, target: str) -> list[str]:
        hand = target.split()[0]
        rest = [f"{hand} {name}" for name in self.fallback if f"{hand} {name}" != target]
        return [target] + rest

    def run(self, scanner, quality_fn) -> FingerCaptureOutcome:
        outcome = FingerCaptureOutcome()
        for target in self.targets:
            got = None
            for finger in self.candidates(target):
                if finger in self.declared:
                    outcome.exceptions.append(FingerException(finger, self.declared[finger], msg("declared by the inspector")))
                    continue
                got = self._capture_finger(scanner, quality_fn, finger, target, outcome)
                if got is not None:
                    outcome.captured.append(got)
                    break
            if got is None:
                outcome.exceptions.append(FingerException(target, "hand_without_finger", {
                    "Left": msg("no finger of the left hand could be captured"),
                    "Right": msg("no finger of the right hand could be captured")}.get(target.split()[0], target)))
        return outcome

    def _capture_finger(self, scanner, quality_fn, finger, target, outcome):
        best_q, last_error = None, None
        for _ in range(self.max_retries + 1):
            shot = self._one_shot(scanner, finger, outcome)
            if isinstance(shot, str):
                last_error = shot
                if shot.startswith("device_error"):
                    break  # transient retries already spent; try the next finger
                continue
            image, device_q, new_hash = shot
            outcome.last_hash = new_hash
            q = int(round(float(quality_fn(decode_gray(image)))))
            outcome.attempts.append(Attempt(finger, q, device_q))
            best_q = q if best_q is None else max(best_q, q)
            if q >= self.threshold:
                return CapturedFingerprint(finger, target, image, q, device_q, new_hash,
                                           sum(1 for a in outcome.attempts if a.finger == finger))
        if last_error and last_error.startswith("device_error"):
            outcome.exceptions.append(FingerException(finger, "device_error", last_error.split(": ", 1)[-1]))
        else:
            detail = msg("best quality {quality} < {threshold} after {attempts} attempts", quality=best_q,
                         threshold=self.threshold, attempts=self.max_retries + 1) if best_q is not None \
                else msg("no usable image after {attempts} attempts ({problem})", attempts=self.max_retries + 1,
                         problem=last_error)
            outcome.exceptions.append(FingerException(finger, "unreadable", detail))
        return None

    def _one_shot(self, scanner, finger, outcome):
        """One quality attempt: (image, device_quality, hash), or an error string."""
        for _ in range(self.transient_retries + 1):
            try:
                return scanner.capture(finger, outcome.last_hash)
            except sbi.TRANSIENT as exc:
                outcome.attempts.append(Attempt(finger, None, None, f"transient: {exc}"))
                last = exc
            except sbi.SbiNoBiometric as exc:
                outcome.attempts.append(Attempt(finger, 0, None, str(exc)))
                return f"no finger detected: {exc}"
            except sbi.SbiIntegrityError:
                # not a finger that cannot be captured but a scanner that cannot be trusted: no
                # exception is recorded for it (that would let the traveller land without prints)
                raise
            except sbi.SbiDeviceError as exc:
                outcome.attempts.append(Attempt(finger, None, None, str(exc)))
                return f"device_error: {exc}"
        return f"device_error: {last}"
