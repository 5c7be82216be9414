"""A whole examination without a window (``inspector-app exam``): for support, scripting and
tests. The same ``Examination`` the window drives, so the same rules refuse the same cases."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from inspector_app.booth.context import BoothContext
from inspector_app.booth.examination import Examination, ExaminationError


@dataclass
class ExamRequest:
    mrz_lines: list[str]
    decision: dict
    face: Path | None = None
    fingers: dict[str, Path] = field(default_factory=dict)
    exceptions: dict[str, str] = field(default_factory=dict)      # position (or "Face") -> reason
    exemption: str | None = None
    exemption_evidence: str = ""
    overrides: dict[str, str] = field(default_factory=dict)
    direction: str | None = None        # arrivals or departures (default: the booth's setting)


def sign_in(ctx: BoothContext, user: str, password: str) -> dict:
    """The user as the booth's credential store knows them; a name alone signs nobody in."""
    found = ctx.login(user, password)
    if found is None:
        raise ExaminationError(f"sign-in failed for {user!r}: wrong user name or password")
    return found


def check_request(request: ExamRequest) -> None:
    """Input that cannot be used is refused before anything is recorded (exit 2 leaves no
    half-made examination in the store): finger positions, exemption ground, files that are missing."""
    from inspector_app.booth.examination import _check_position
    from inspector_app.domain.checks import FACE_POSITION
    from inspector_app.domain.exemptions import ExemptionReason

    for position in list(request.fingers) + [p for p in request.exceptions if p != FACE_POSITION]:
        _check_position(position)
    if request.exemption and request.exemption not in {r.value for r in ExemptionReason}:
        known = ", ".join(r.value for r in ExemptionReason)
        raise ExaminationError(f"unknown exemption {request.exemption!r}; one of: {known}")
    for path in ([request.face] if request.face is not None else []) + list(request.fingers.values()):
        if not Path(path).is_file():
            raise ExaminationError(f"no such image file: {path}")


def run_exam(ctx: BoothContext, user: dict, request: ExamRequest) -> dict:
    """Read, screen, capture (from files), claim exemptions, decide, save: the outcome as JSON."""
    check_request(request)
    exam = Examination(ctx, user, direction=request.direction)
    exam.read_document("\n".join(request.mrz_lines))
    exam.screen_document()
    if exam.direction == "departure":
        exam.look_up_landing()
    if request.exemption:
        exam.set_exemption(request.exemption, request.exemption_evidence)
    if request.face is not None:
        exam.add_face_file(request.face)
    face_exception = request.exceptions.get("Face")
    if face_exception is not None:
        exam.record_exception("Face", face_exception)
    finger_exceptions = {p: r for p, r in request.exceptions.items() if p != "Face"}
    if request.fingers or finger_exceptions:
        exam.add_finger_files(request.fingers, finger_exceptions)
    result = exam.save(request.decision, request.overrides)
    out = result.to_dict()
    out["examination_id"] = exam.examination_id
    out["checks"] = [{k: c.get(k) for k in ("kind", "outcome", "reasons", "coverage", "rules", "position", "score",
                                            "list", "subject_id") if c.get(k) is not None} for c in exam.checks]
    if result.seal is not None:
        out["seal"] = {"reference": result.seal.reference, "title": result.seal.title, "last_day": result.seal.last_day,
                       "ends_at": result.seal.ends_at.isoformat(timespec="minutes") if result.seal.ends_at else None,
                       "lines": [list(line) for line in result.seal.lines]}
    out["direction"] = exam.direction
    if exam.direction == "departure":
        out["landing"] = exam.landing
        out["stay"] = exam.stay(request.decision).to_dict()
    if result.decision is not None:
        out["decision"] = result.decision
    return out
