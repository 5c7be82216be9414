"""What one read of a passport's chip gives the examination core, and the reader it comes from.

The examination core judges a chip read (``domain.chip``, ``booth.chip``) without knowing how it
was read: PC/SC and the project's own simulator, BAC or PACE, a test's fake. So this module is the
whole contract between the two sides: plain frozen dataclasses and enums, importing nothing of
the project, that a reader fills in and the core reads. A read that did not happen (no reader,
no chip, the MRZ or CAN refused, the chip gone mid-read) is its own type, ``ChipNotRead``, so it
can never be mistaken for a read that passed.

Reasons are plain English words for a person (the inspector and the supervisor read them).
"""
from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


class AccessControl(str, enum.Enum):
    """How the terminal opened the chip (ICAO 9303-11 §4.3, §4.4)."""
    bac = "bac"
    pace_mrz = "pace_mrz"      # PACE with the MRZ information as the password
    pace_can = "pace_can"      # PACE with the Card Access Number printed on the data page


class StepState(str, enum.Enum):
    passed = "passed"
    failed = "failed"
    not_run = "not_run"        # an earlier step failed, or the chip gave nothing to check


@dataclass(frozen=True)
class PassiveAuthStep:
    """One step of passive authentication (9303-11 §5.1: the SOD's signature, the DSC's chain to
    a CSCA, its validity and revocation, each data group's hash), as the verifier ran it."""
    label: str                 # the step in words: "Document Signer certificate chains to a trusted CSCA"
    state: StepState
    reason: str = ""           # why it failed or was not run (empty when it passed)


@dataclass(frozen=True)
class PassiveAuthOutcome:
    """The steps in the order they ran; ``passed`` only when every step passed, and then
    ``failed_step`` is None; otherwise ``failed_step`` is the label of the first failed step."""
    steps: tuple[PassiveAuthStep, ...]
    passed: bool
    failed_step: str | None = None

    @classmethod
    def of(cls, steps) -> PassiveAuthOutcome:
        """The outcome the steps themselves say (a reader need not compute ``passed``)."""
        steps = tuple(steps)
        failed = next((s for s in steps if s.state is StepState.failed), None)
        passed = bool(steps) and all(s.state is StepState.passed for s in steps)
        return cls(steps, passed, failed.label if failed else None)


class CloneMethod(str, enum.Enum):
    """The clone detection the chip offered (9303-11 §6.1 Active Authentication, §6.2 Chip
    Authentication); a chip may offer neither."""
    chip_authentication = "chip_authentication"
    active_authentication = "active_authentication"
    not_offered = "not_offered"


@dataclass(frozen=True)
class CloneCheck:
    method: CloneMethod
    state: StepState           # not_run when not offered
    reason: str = ""


@dataclass(frozen=True)
class ChipRead:
    """A chip that was opened and read."""
    reader: str                            # the reader's name (PC/SC reader name)
    access_control: AccessControl
    dg1_lines: tuple[str, ...]             # the MRZ the chip holds (DG1), line by line
    face_image: bytes | None               # DG2's first face image, JPEG or JPEG 2000; None: no face
    passive_auth: PassiveAuthOutcome
    clone_check: CloneCheck
    read_time_s: float
    data_groups: tuple[int, ...] = ()      # the data groups read (1, 2, 14, 15 ...), for the record


class NotReadState(str, enum.Enum):
    no_reader = "no_reader"                # no chip reader configured or connected
    no_chip = "no_chip"                    # the passport has no chip, or none came to the reader in time
    access_denied = "access_denied"        # the chip refused the MRZ (BAC/PACE) or the CAN
    read_failed = "read_failed"            # the chip went away, stopped answering or timed out mid-read


@dataclass(frozen=True)
class ChipNotRead:
    state: NotReadState
    reason: str                            # what happened, in words
    reader: str = ""
    read_time_s: float = 0.0


ChipReadResult = ChipRead | ChipNotRead

#: ``progress(text, fraction)``: what the reader is doing, and how far (0.0 to 1.0).
Progress = Callable[[str, float], None]


class ChipReader(Protocol):
    """Reads the chip of the passport on the reader. Blocking (seconds): the window calls it on a
    worker lane. Never raises for what the chip or the reader did: that is a ``ChipNotRead``."""

    def read(self, mrz_information: str, can: str | None, progress: Progress) -> ChipReadResult: ...
