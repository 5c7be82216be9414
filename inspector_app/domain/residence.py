"""The documents of a resident: residence card, Certificate of Eligibility, re-entry permits.

Sources: the brochure (seed 000) lines 278 (Certificate of Eligibility) and 288-308 (residence
cards, "You can also receive your residence card by mail"); Enforcement Order Art. 9 (seed 003
lines 85-90: re-entry permission, multiple re-entry permission, issuance of residence card);
DOMAIN.md ("number format: 2 letters, 8 digits, 2 letters"). Not in the seeds, from the Act:
the special re-entry permit (ICRRA Art. 26-2: a mid-to-long-term resident with a valid passport
and residence card who leaves saying they will return within one year, and not after their period
of stay ends) and the re-entry permit's validity (Art. 26: the permit's own expiry date).

What no public source gives: a check digit of the residence card number. The ISA checks a card
number against its own register (the online "residence card number expiry inquiry"); a booth can
check the format only, and says so (docs/domain.md).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from inspector_app.domain.messages import msg

CARD_NUMBER = re.compile(r"[A-Z]{2}[0-9]{8}[A-Z]{2}")
#: How the residence card reaches a traveller granted mid-to-long-term residence at landing.
CARD_ISSUE = ("issued_at_port", "to_be_mailed")
#: A Certificate of Eligibility number as printed; no public format exists beyond letters and digits.
COE_NUMBER = re.compile(r"[A-Z0-9][A-Z0-9-]{4,23}")
REENTRY_KINDS = ("reentry_permit", "special_reentry_permit")
REENTRY_USES = ("single", "multiple")
#: Special re-entry permit: return within one year of departure (ICRRA Art. 26-2(1)).
SPECIAL_REENTRY_YEARS = 1


def normalise_card_number(text: str) -> str:
    """What an inspector types or a reader gives ("ab 1234 5678 cd") as the card prints it."""
    return re.sub(r"[\s-]", "", str(text or "")).upper()


def card_number_problem(text: str) -> str | None:
    """Why ``text`` is not a residence card number (None when its format is right)."""
    number = normalise_card_number(text)
    if not number:
        return msg("the residence card number is missing")
    if not CARD_NUMBER.fullmatch(number):
        return msg("{number} is not a residence card number: two letters, eight digits, two letters "
                   "(e.g. AB12345678CD)", number=number)
    return None


def coe_number_problem(text: str) -> str | None:
    number = str(text or "").strip().upper()
    if not COE_NUMBER.fullmatch(number):
        return msg("{number} is not a Certificate of Eligibility number (letters, digits and hyphens, "
                   "5 to 24 characters)", number=number or msg("(empty)"))
    return None


def parse_date(text, what: str) -> tuple[date | None, str | None]:
    """A date the inspector typed (YYYY-MM-DD): (date, None) or (None, why not)."""
    if isinstance(text, date):
        return text, None
    value = str(text or "").strip()
    if not value:
        return None, msg("{what} is missing", what=what)
    try:
        return date.fromisoformat(value), None
    except ValueError:
        return None, msg("{what} must be a date written YYYY-MM-DD, not {value}", what=what, value=value)


def special_reentry_until(departed_on: date, stay_until: date | None) -> date:
    """The last day a special re-entry permit lets its holder return: one year from departure
    (the day before the same date a year later, as periods are counted), and never after the
    last day of the period of stay (Art. 26-2(2))."""
    try:
        year_end = departed_on.replace(year=departed_on.year + SPECIAL_REENTRY_YEARS) - timedelta(days=1)
    except ValueError:  # 29 February: the year ends on 28 February
        year_end = date(departed_on.year + SPECIAL_REENTRY_YEARS, 2, 28)
    return min(year_end, stay_until) if stay_until is not None else year_end
