"""Who gives no fingerprints and photograph at landing (ICRRA Art. 6(3)), and why.

Exempt: special permanent residents; persons under 16; persons whose activities are those of
"Diplomat" or "Official"; persons invited by the head of a national administrative organ;
others designated by Ministry of Justice ordinance. The reason is recorded with the examination,
so `Exemption.detail` spells out the facts it rests on (e.g. the age on the examination date).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from inspector_app.domain.messages import Message, msg


class ExemptionReason(str, Enum):
    special_permanent_resident = "special_permanent_resident"
    under_16 = "under_16"
    diplomat = "diplomat"
    official = "official"
    invited_by_head_of_organ = "invited_by_head_of_organ"
    designated_by_ordinance = "designated_by_ordinance"


#: Each ground in words (the exemption box and the recorded detail).
GROUND_NAMES = {
    ExemptionReason.special_permanent_resident: msg("Special permanent resident"),
    ExemptionReason.under_16: msg("Under 16 years of age"),
    ExemptionReason.diplomat: msg("Diplomat activities"),
    ExemptionReason.official: msg("Official activities"),
    ExemptionReason.invited_by_head_of_organ: msg("Invited by the head of a national administrative organ"),
    ExemptionReason.designated_by_ordinance: msg("Designated by ordinance"),
}


@dataclass(frozen=True)
class Exemption:
    reason: ExemptionReason
    detail: str

    def to_dict(self) -> dict:
        return {"reason": self.reason.value, "detail": self.detail, "basis": "ICRRA Art. 6(3)"}


def age_on(birth: date, on: date) -> int:
    """Completed years on ``on``. A person born on 29 February completes a year on 1 March in
    common years (Act on Calculation of Age: the year completes at the end of the day before the
    birthday, i.e. at the end of 28 February)."""
    if on < birth:
        raise ValueError(f"the date {on.isoformat()} is before the birth date {birth.isoformat()}")
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def is_under_16(birth: date, on: date) -> bool:
    return age_on(birth, on) < 16


def _status_code(name_or_code: str | None) -> str | None:
    from inspector_app.domain.statuses import find

    if not name_or_code:
        return None
    try:
        return find(name_or_code).code
    except KeyError:
        return None


def exemption_for(*, birth_date: date | None, examination_date: date, status_code: str | None = None,
                  special_permanent_resident: bool = False, invited_by_head_of_organ: bool = False,
                  designated_by_ordinance: str | None = None) -> Exemption | None:
    """The first exemption that applies, with its recorded reason; None if biometrics are required.

    An unknown birth date (MRZ with '<' for day or month) never exempts on age: the inspector
    must establish it.
    """
    if special_permanent_resident:
        return Exemption(ExemptionReason.special_permanent_resident, msg("special permanent resident"))
    if birth_date is not None and birth_date <= examination_date and is_under_16(birth_date, examination_date):
        age = age_on(birth_date, examination_date)
        return Exemption(ExemptionReason.under_16,
                         msg("aged {age} on {date} (born {birth})", age=age, date=examination_date.isoformat(),
                             birth=birth_date.isoformat()))
    code = _status_code(status_code)
    if code in ("diplomat", "official"):
        return Exemption(ExemptionReason(code), msg("activities of the status of residence {status}",
                                                           status=Message(code.title())))
    if invited_by_head_of_organ:
        return Exemption(ExemptionReason.invited_by_head_of_organ,
                         msg("invited by the head of a national administrative organ"))
    if designated_by_ordinance:
        return Exemption(ExemptionReason.designated_by_ordinance, msg("designated by ordinance: {designation}",
                                                                             designation=designated_by_ordinance))
    return None


#: What each ground needs recorded as evidence (None: the facts are on the document or decision).
EVIDENCE = {
    ExemptionReason.special_permanent_resident: msg("special permanent resident certificate number"),
    ExemptionReason.invited_by_head_of_organ: msg("the inviting organ and its letter's reference"),
    ExemptionReason.designated_by_ordinance: msg("the designation (ordinance and item)"),
    ExemptionReason.under_16: None,
    ExemptionReason.diplomat: None,
    ExemptionReason.official: None,
}


@dataclass(frozen=True)
class NotApplicable:
    reason: str
    evidence_missing: bool = False


def does_not_apply(ground: ExemptionReason, *, birth_date: date | None, examination_date: date,
                   status_code: str | None, evidence: str = "", returning_resident: bool = False
                   ) -> NotApplicable | None:
    """Why the claimed ground does not exempt this traveller from biometrics (None: it does).

    Under 16 is judged on the date of birth and the examination date; Diplomat / Official only
    with that status of residence in the decision; a special permanent resident re-enters as a
    returning resident; the other grounds need their evidence recorded.
    """
    if ground is ExemptionReason.under_16:
        if birth_date is None:
            return NotApplicable(msg("the date of birth is not known in full, so the age cannot be established"))
        if birth_date > examination_date or not is_under_16(birth_date, examination_date):
            age = age_on(birth_date, examination_date) if birth_date <= examination_date else 0
            return NotApplicable(msg("aged {age} on {date}, not under 16", age=age, date=examination_date.isoformat()))
        return None
    if ground in (ExemptionReason.diplomat, ExemptionReason.official):
        if _status_code(status_code) != ground.value:
            return NotApplicable(msg("only with the status of residence {status}", status=Message(ground.value.title())))
        return None
    need = EVIDENCE[ground]
    if need and not evidence.strip():
        return NotApplicable(msg("record {evidence}", evidence=need), evidence_missing=True)
    if ground is ExemptionReason.special_permanent_resident and not returning_resident:
        return NotApplicable(msg("a special permanent resident is recorded as a returning resident"))
    return None


def claimed(ground: ExemptionReason, *, birth_date: date | None, examination_date: date,
            status_code: str | None = None, evidence: str = "") -> Exemption:
    """The exemption to record for a ground the inspector claims, its text from ``exemption_for``
    (whether it fits is ``does_not_apply``'s, judged again when the decision is saved)."""
    found = exemption_for(
        birth_date=birth_date if ground is ExemptionReason.under_16 else None,
        examination_date=examination_date,
        status_code=status_code if ground in (ExemptionReason.diplomat, ExemptionReason.official) else None,
        special_permanent_resident=ground is ExemptionReason.special_permanent_resident,
        invited_by_head_of_organ=ground is ExemptionReason.invited_by_head_of_organ,
        designated_by_ordinance=(evidence or "unspecified") if ground is ExemptionReason.designated_by_ordinance else None,
    )
    detail = found.detail if found is not None and found.reason is ground else msg("claimed: {ground}", ground=GROUND_NAMES[ground])
    if evidence.strip() and ground is not ExemptionReason.designated_by_ordinance:
        detail = msg("{detail} ({evidence})", detail=detail, evidence=evidence.strip())
    return Exemption(ground, detail)
