"""A fake ``ChipReader`` for the examination core's and the window's tests: a chip personalised
with an MRZ and a photo that opens only to its own MRZ information (as BAC/PACE does), reports
progress, and can be told to fail a passive-authentication step or its clone check.

The photos are the demo's (cut from the face_recognition project's examples, see
inspector_app/app/demo_data/images/README.md): the same person as the live capture re-encoded
small as a chip holds it, or another person."""
from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import cv2

from inspector_app.chip.reading import (
    AccessControl,
    ChipNotRead,
    ChipRead,
    CloneCheck,
    CloneMethod,
    NotReadState,
    PassiveAuthOutcome,
    PassiveAuthStep,
    StepState,
)

IMAGES = Path(__file__).resolve().parents[2] / "inspector_app" / "app" / "demo_data" / "images"
PA_STEPS = ("SOD signature by the Document Signer", "Document Signer chains to a trusted CSCA",
            "Document Signer not revoked (CRL)", "DG1 hash", "DG2 hash")


def chip_photo(name: str = "clean.jpg", width: int = 240, ext: str = ".jpg") -> bytes:
    """A demo photo as a chip holds it: small, heavily compressed (JPEG or JPEG 2000)."""
    image = cv2.imread(str(IMAGES / name))
    h, w = image.shape[:2]
    small = cv2.resize(image, (width, int(h * width / w)), interpolation=cv2.INTER_AREA)
    params = [cv2.IMWRITE_JPEG_QUALITY, 60] if ext == ".jpg" else []
    ok, data = cv2.imencode(ext, small, params)
    assert ok
    return data.tobytes()


def mrz_information(lines: list[str]) -> str:
    """9303-11 §9.7.2 straight from TD3 line 2: number + cd, birth + cd, expiry + cd."""
    line = lines[1]
    return line[0:10] + line[13:20] + line[21:28]


def passive_auth(fail_at: str | None = None, reason: str = "") -> PassiveAuthOutcome:
    steps, failed = [], False
    for label in PA_STEPS:
        if failed:
            steps.append(PassiveAuthStep(label, StepState.not_run, "an earlier step failed"))
        elif label == fail_at:
            steps.append(PassiveAuthStep(label, StepState.failed, reason))
            failed = True
        else:
            steps.append(PassiveAuthStep(label, StepState.passed))
    return PassiveAuthOutcome.of(steps)


@dataclasses.dataclass
class FakeChip:
    mrz: str                               # what DG1 holds (and what opens the chip)
    photo: bytes | None = dataclasses.field(default_factory=chip_photo)
    pa_fail_at: str | None = None
    pa_reason: str = ""
    clone: CloneCheck = CloneCheck(CloneMethod.active_authentication, StepState.passed)
    opens_with: str | None = None          # the MRZ whose information opens it, when not DG1's own


class FakeChipReader:
    """Blocking like a real reader; ``release`` lets a test hold a read in progress."""

    name = "Fake Reader 00 00"

    def __init__(self, chip: FakeChip | None = None, not_read: ChipNotRead | None = None, hold: bool = False):
        self.chip, self.not_read = chip, not_read
        self.calls: list[tuple[str, str | None]] = []
        self.release = threading.Event()
        if not hold:
            self.release.set()

    def read(self, mrz_information_: str, can, progress):
        self.calls.append((mrz_information_, can))
        progress("looking for the chip", 0.1)
        self.release.wait(30)
        if self.not_read is not None:
            return self.not_read
        chip = self.chip
        if chip is None:
            return ChipNotRead(NotReadState.no_chip, "no chip answered within 5 seconds", self.name, 5.0)
        if mrz_information_ != mrz_information((chip.opens_with or chip.mrz).split("\n")):
            return ChipNotRead(NotReadState.access_denied, "BAC: the chip refused the key", self.name, 0.4)
        progress("reading DG2", 0.6)
        return ChipRead(self.name, AccessControl.pace_mrz, tuple(chip.mrz.split("\n")), chip.photo,
                        passive_auth(chip.pa_fail_at, chip.pa_reason), chip.clone, 1.2, (1, 2, 14, 15))
