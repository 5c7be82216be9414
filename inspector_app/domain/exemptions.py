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


class ExemptionReason(str, Enum):
    special_permanent_resident = "special_permanent_resident"
    under_16 = "under_16"
    diplomat = "diplomat"
    official = "official"
    invited_by_head_of_organ = "invited_by_head_of_organ"
    designated_by_ordinance = "designated_by_ordinance"


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
        return Exemption(ExemptionReason.special_permanent_resident, "special permanent resident")
    if birth_date is not None and birth_date <= examination_date and is_under_16(birth_date, examination_date):
        age = age_on(birth_date, examination_date)
        return Exemption(ExemptionReason.under_16,
                         f"aged {age} on {examination_date.isoformat()} (born {birth_date.isoformat()})")
    code = _status_code(status_code)
    if code in ("diplomat", "official"):
        return Exemption(ExemptionReason(code), f"activities of the status of residence {code.title()}")
    if invited_by_head_of_organ:
        return Exemption(ExemptionReason.invited_by_head_of_organ,
                         "invited by the head of a national administrative organ")
    if designated_by_ordinance:
        return Exemption(ExemptionReason.designated_by_ordinance, f"designated by ordinance: {designated_by_ordinance}")
    return None
