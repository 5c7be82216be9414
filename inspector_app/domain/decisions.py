"""The decisions that end a landing or departure examination, and what each needs before it can
be recorded.

`validate` returns why a decision on its own cannot be recorded (empty = valid); ``domain.rules``
adds what depends on the examination, and the store evaluates both inside the saving transaction.

Rules (DOMAIN.md, ICRRA; sources and choices per rule in docs/domain.md):
- Landing permission (Art. 9): a status grantable at landing and a period the appendix table
  allows for it (statuses.check_period), a landing date; a mid-to-long-term resident's residence
  card (issued at the port or to be mailed); the Designated Activities designation; a Certificate
  of Eligibility when presented.
- Referral to a special inquiry officer (Arts. 9-10): at least one reason.
- Special landing permission (Art. 12): after a referral (``domain.rules``), for a status
  grantable at landing and a period the table allows, naming who granted it (the Minister, or the
  Commissioner by delegation: Enforcement Order Art. 10(v)) and the decision's reference.
- Special landings (Arts. 14-18-2) carry their own details and a maximum period (hours where the
  Act gives hours).
- Returning residents keep their status: a re-entry permit (number, single or multiple, valid
  until) or a special re-entry permit (residence card, departed within the last year); the
  status and the end of the period of stay carry over; an expired permit is refused.
- Departure confirmation (Art. 25): the stay's end from the landing record or the seal; a
  re-entry permit or special re-entry permit the traveller leaves on.
- Japanese nationals: return or departure confirmation only, no status and no period.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from inspector_app.domain import residence, statuses
from inspector_app.domain.messages import Message, msg
from inspector_app.domain.periods import Period, PeriodError, ends_at, last_day


class DecisionType(str, Enum):
    landing_permission = "landing_permission"
    referral = "referral"
    special_landing_permission = "special_landing_permission"
    crew_landing = "crew_landing"
    port_of_call_landing = "port_of_call_landing"
    transit_landing = "transit_landing"
    cruise_ship_landing = "cruise_ship_landing"
    emergency_landing = "emergency_landing"
    distress_landing = "distress_landing"
    temporary_refuge_landing = "temporary_refuge_landing"
    returning_resident = "returning_resident"
    japanese_national = "japanese_national"
    departure_confirmation = "departure_confirmation"
    japanese_national_departure = "japanese_national_departure"


@dataclass(frozen=True)
class DetailField:
    """One detail a decision records: the window builds its field from this, the rules check it."""

    key: str
    label: Message
    required: bool = True
    choices: tuple[tuple[str, Message], ...] = ()   # (value, words); empty: free text
    kind: str = "text"                               # "text", "date", "choice"

    def to_dict(self) -> dict:
        return {"key": self.key, "label": str(self.label), "required": self.required, "kind": self.kind,
                "choices": [[v, str(w)] for v, w in self.choices]}


def _text(key: str, label: Message, required: bool = True) -> DetailField:
    return DetailField(key, label, required)


def _date(key: str, label: Message, required: bool = True) -> DetailField:
    return DetailField(key, label, required, kind="date")


def _choice(key: str, label: Message, choices: tuple, required: bool = True) -> DetailField:
    return DetailField(key, label, required, choices, kind="choice")


VESSEL = _text("vessel_or_aircraft", msg("vessel or flight"))


@dataclass(frozen=True)
class SpecialLandingRule:
    article: str
    maximum: Period
    fields: tuple[DetailField, ...]
    label: str

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)


#: Special landing permissions (ICRRA Arts. 14-18-2; not in the seeds except the cruise ships
#: "designated by the Commissioner", seed 000 line 213): maximum period and the details each records.
SPECIAL_LANDINGS: dict[DecisionType, SpecialLandingRule] = {
    DecisionType.port_of_call_landing: SpecialLandingRule(
        "Art. 14", Period.parse("72h"), (VESSEL, _text("rejoins_at", msg("port where the traveller rejoins the vessel or flight"))),
        msg("landing permission at port of call (72 hours)")),
    DecisionType.cruise_ship_landing: SpecialLandingRule(
        "Art. 14-2", Period.parse("30d"), (_text("vessel", msg("cruise ship (name or IMO number)")),),
        msg("landing permission for cruise ship tourists")),
    DecisionType.transit_landing: SpecialLandingRule(
        "Art. 15", Period.parse("15d"),
        (VESSEL, _text("departure_port", msg("port of departure from Japan")),
         _text("onward_vessel_or_aircraft", msg("onward vessel or flight"))),
        msg("landing permission for transit")),
    DecisionType.crew_landing: SpecialLandingRule(
        "Art. 16", Period.parse("15d"), (VESSEL, _text("crew_document", msg("crew member's document number"))),
        msg("landing permission for crew")),
    DecisionType.emergency_landing: SpecialLandingRule(
        "Art. 17", Period.parse("30d"),
        (_text("grounds", msg("grounds (illness, injury)")), _text("medical_facility", msg("hospital or place of treatment"))),
        msg("emergency landing permission")),
    DecisionType.distress_landing: SpecialLandingRule(
        "Art. 18", Period.parse("30d"), (VESSEL, _text("rescued_by", msg("rescued by"))),
        msg("landing permission due to distress")),
    DecisionType.temporary_refuge_landing: SpecialLandingRule(
        "Art. 18-2", Period.parse("6m"),
        (_text("grounds", msg("grounds for refuge")), _text("place_of_stay", msg("place of stay"))),
        msg("landing permission for temporary refuge")),
}

#: Decisions that do not let the traveller land (or leave) on the inspector's word: open hits do
#: not block them (a Japanese national cannot be refused return or departure).
NOT_BLOCKED_BY_HITS = frozenset({DecisionType.referral, DecisionType.japanese_national,
                                 DecisionType.japanese_national_departure})
#: Decisions that let a foreign national land: a departure looks for the newest of these.
LANDING_TYPES = frozenset({DecisionType.landing_permission, DecisionType.special_landing_permission,
                           DecisionType.returning_resident, *SPECIAL_LANDINGS})
DEPARTURE_TYPES = (DecisionType.departure_confirmation, DecisionType.japanese_national_departure)
ARRIVAL_TYPES = tuple(t for t in DecisionType if t not in DEPARTURE_TYPES)
DIRECTIONS = ("arrival", "departure")
JAPANESE_TYPES = frozenset({DecisionType.japanese_national, DecisionType.japanese_national_departure})
REENTRY_KINDS = residence.REENTRY_KINDS

#: What the seal (or slip) of each decision is called: printed for these decisions only.
#: Each decision in words (the window's titles, and the evidence of an earlier encounter).
DECISION_NAMES: dict[DecisionType, Message] = {
    DecisionType.landing_permission: msg("Landing permission"),
    DecisionType.referral: msg("Referral to special inquiry officer"),
    DecisionType.special_landing_permission: msg("Special landing permission"),
    DecisionType.crew_landing: msg("Crew landing"),
    DecisionType.port_of_call_landing: msg("Port-of-call landing (shore pass)"),
    DecisionType.transit_landing: msg("Transit landing"),
    DecisionType.cruise_ship_landing: msg("Cruise-ship tourist landing"),
    DecisionType.emergency_landing: msg("Emergency landing"),
    DecisionType.distress_landing: msg("Landing due to distress"),
    DecisionType.temporary_refuge_landing: msg("Landing for temporary refuge"),
    DecisionType.returning_resident: msg("Returning resident (re-entry permit)"),
    DecisionType.japanese_national: msg("Japanese national (return confirmation)"),
    DecisionType.departure_confirmation: msg("Departure confirmation"),
    DecisionType.japanese_national_departure: msg("Japanese national (departure confirmation)"),
}


def decision_name(kind: str | None) -> Message | str:
    """A decision type in words; an unknown one as it is."""
    try:
        return DECISION_NAMES[DecisionType(kind)]
    except ValueError:
        return str(kind or "")


SEAL_TITLES: dict[DecisionType, Message] = {
    DecisionType.landing_permission: msg("LANDING PERMISSION"),
    DecisionType.special_landing_permission: msg("SPECIAL LANDING PERMISSION"),
    DecisionType.returning_resident: msg("RE-ENTRY (RETURNING RESIDENT)"),
    DecisionType.port_of_call_landing: msg("LANDING PERMISSION AT PORT OF CALL"),
    DecisionType.cruise_ship_landing: msg("LANDING PERMISSION FOR CRUISE SHIP TOURISTS"),
    DecisionType.transit_landing: msg("LANDING PERMISSION FOR TRANSIT"),
    DecisionType.crew_landing: msg("LANDING PERMISSION FOR CREW"),
    DecisionType.emergency_landing: msg("EMERGENCY LANDING PERMISSION"),
    DecisionType.distress_landing: msg("LANDING PERMISSION DUE TO DISTRESS"),
    DecisionType.temporary_refuge_landing: msg("LANDING PERMISSION FOR TEMPORARY REFUGE"),
    DecisionType.departure_confirmation: msg("DEPARTURE CONFIRMATION"),
}

CARD_FIELDS = (
    _choice("residence_card", msg("residence card"), (("issued_at_port", msg("issued at the port")),
                                                      ("to_be_mailed", msg("to be mailed")))),
    _text("residence_card_number", msg("residence card number (AB12345678CD)")),
)
COE_FIELDS = (_text("coe_number", msg("Certificate of Eligibility number (if presented)"), required=False),
              _text("coe_status", msg("status on the Certificate of Eligibility"), required=False))
DESIGNATION = _choice("designation", msg("designation (Designated Activities)"), (
    ("working_holiday", msg("working holiday")),
    ("domestic_worker_of_diplomat", msg("domestic worker of a diplomat")),
    ("epa_nurse_or_care_worker_candidate", msg("EPA nurse or certified care worker candidate")),
    ("future_creation_individual", msg("future creation individual (J-Find)")),
    ("other", msg("other (as the designation states)"))))
DESIGNATION_TEXT = _text("designation_text", msg("designation as written"), required=False)
GRANT_FIELDS = (_text("decision_reference", msg("decision reference")),
                _choice("granted_by", msg("granted by"), (("minister_of_justice", msg("the Minister of Justice")),
                                                         ("commissioner", msg("the Commissioner (delegated)")))),
                _text("granted_by_name", msg("name of the official who granted it")))
#: Who may grant special landing permission (Enforcement Order Art. 10(v)): the granted_by choices.
GRANTORS = tuple(value for value, _words in GRANT_FIELDS[1].choices)
REENTRY_KIND = _choice("reentry_permit_kind", msg("re-entry permit"), (
    ("reentry_permit", msg("re-entry permit")), ("special_reentry_permit", msg("special re-entry permit"))))
PERMIT_FIELDS = (_text("reentry_permit_number", msg("re-entry permit number")),
                 _choice("reentry_permit_use", msg("single or multiple"), (("single", msg("single")),
                                                                         ("multiple", msg("multiple")))),
                 _date("reentry_permit_valid_until", msg("re-entry permit valid until")))
SPECIAL_PERMIT_FIELDS = (_text("residence_card_number", msg("residence card number (AB12345678CD)")),)
STAY_UNTIL = _text("stay_until", msg("period of stay ends (YYYY-MM-DD, or unlimited)"))
DEPARTED_ON = _date("departed_on", msg("date of departure from Japan"))
SEAL_LAST_DAY = _date("seal_last_day", msg("last day on the landing seal (when no record is found)"), required=False)


@dataclass
class Decision:
    type: DecisionType | str
    status_code: str | None = None
    period: Period | str | None = None
    landing_date: date | None = None
    referral_reasons: list[str] = field(default_factory=list)
    details: dict | None = None
    note: str = ""
    landed_at: datetime | None = None    # the hour of landing: periods in hours run from it

    @property
    def kind(self) -> DecisionType | None:
        try:
            return DecisionType(self.type)
        except ValueError:
            return None

    @property
    def last_day(self) -> date | None:
        """Last day of stay where a landing date and a readable fixed period are given; for a
        returning resident, the end of the period of stay the permit carries over."""
        if self.kind is DecisionType.returning_resident:
            found, _problem = residence.parse_date((self.details or {}).get("stay_until"), "")
            return found
        if self.landing_date is None or self.period is None:
            return None
        try:
            return last_day(self.landing_date, Period.parse(self.period))
        except PeriodError:
            return None

    @property
    def ends_at(self) -> datetime | None:
        """When a period in hours ends."""
        if self.landed_at is None or self.period is None:
            return None
        try:
            return ends_at(self.landed_at, Period.parse(self.period))
        except PeriodError:
            return None

    def to_dict(self) -> dict:
        t = self.type.value if isinstance(self.type, DecisionType) else str(self.type)
        end, hour = self.last_day, self.ends_at
        return {
            "type": t,
            "status_code": self.status_code,
            "period": str(self.period) if self.period is not None else None,
            "landing_date": self.landing_date.isoformat() if self.landing_date else None,
            "landed_at": self.landed_at.isoformat() if self.landed_at else None,
            "last_day": end.isoformat() if end else (hour.date().isoformat() if hour else None),
            "ends_at": hour.isoformat() if hour else None,
            "referral_reasons": list(self.referral_reasons),
            "details": dict(self.details) if self.details else None,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, d: dict) -> Decision:
        landing, landed = d.get("landing_date"), d.get("landed_at")
        try:
            landed_at = datetime.fromisoformat(landed) if isinstance(landed, str) else landed
        except ValueError:
            landed_at = None
        return cls(
            type=d["type"],
            status_code=d.get("status_code"),
            period=d.get("period"),
            landing_date=date.fromisoformat(landing) if isinstance(landing, str) else landing,
            referral_reasons=list(d.get("referral_reasons") or []),
            # records saved before the details were general kept them under their old name
            details=d.get("details") if d.get("details") is not None else d.get("special_landing_details"),
            note=d.get("note") or "",
            landed_at=landed_at,
        )


@dataclass(frozen=True)
class Finding:
    """One reason a decision is refused or flagged: a stable rule code (``domain.rules``) and a
    message for the inspector."""

    rule: str
    message: str

    def to_dict(self) -> dict:
        return {"rule": self.rule, "message": self.message}


def _period(decision: Decision, problems: list[Finding]) -> Period | None:
    if decision.period is None or decision.period == "":
        problems.append(Finding("decision.period_missing", msg("choose a period of stay")))
        return None
    try:
        return Period.parse(decision.period)
    except PeriodError as exc:
        problems.append(Finding("decision.period_invalid", exc.args[0] if exc.args else str(exc)))
        return None


def _status(decision: Decision, problems: list[Finding]) -> statuses.Status | None:
    if not decision.status_code:
        problems.append(Finding("decision.status_missing", msg("choose a status of residence")))
        return None
    try:
        return statuses.find(decision.status_code)
    except KeyError as exc:
        problems.append(Finding("decision.status_unknown", exc.args[0]))
        return None


def _value(details: dict, key: str) -> str:
    return str(details.get(key) or "").strip()


def _status_or_none(code: str | None) -> statuses.Status | None:
    try:
        return statuses.find(code) if code else None
    except KeyError:
        return None


def mid_to_long_term(status_code: str | None, period) -> bool:
    """Whether a status (code or name, as recorded) and period make a mid-to-long-term resident;
    False for an unknown status or no period (statuses.is_mid_to_long_term says why)."""
    st = _status_or_none(status_code)
    return st is not None and period is not None and statuses.is_mid_to_long_term(st, period)


def _mid_to_long_term(decision: Decision) -> bool:
    return mid_to_long_term(decision.status_code, decision.period)


def detail_fields(decision: Decision) -> list[DetailField]:
    """The details this decision records, given what is chosen so far (the status, the permit
    kind): the window shows these fields; ``validate`` checks the required ones."""
    kind, details = decision.kind, decision.details or {}
    out: list[DetailField] = []
    if kind in SPECIAL_LANDINGS:
        return list(SPECIAL_LANDINGS[kind].fields)
    if kind is DecisionType.special_landing_permission:
        out += GRANT_FIELDS
    if kind in (DecisionType.landing_permission, DecisionType.special_landing_permission):
        if decision.status_code == "designated_activities":
            out += [DESIGNATION, DESIGNATION_TEXT]
        if _mid_to_long_term(decision):
            card = list(CARD_FIELDS)
            if _value(details, "residence_card") == "to_be_mailed":
                card = card[:1]
            out += card + list(COE_FIELDS)
    elif kind is DecisionType.returning_resident:
        out.append(REENTRY_KIND)
        permit = _value(details, "reentry_permit_kind")
        if permit == "reentry_permit":
            out += PERMIT_FIELDS
        elif permit == "special_reentry_permit":
            out += list(SPECIAL_PERMIT_FIELDS) + [DEPARTED_ON]
        out.append(STAY_UNTIL)
    elif kind is DecisionType.departure_confirmation:
        out.append(DetailField(REENTRY_KIND.key, REENTRY_KIND.label, False,
                               (("none", msg("none (leaving for good)")),) + REENTRY_KIND.choices, "choice"))
        permit = _value(details, "reentry_permit_kind")
        if permit == "reentry_permit":
            out += PERMIT_FIELDS
        elif permit == "special_reentry_permit":
            out += SPECIAL_PERMIT_FIELDS
        out.append(SEAL_LAST_DAY)
    return out


def _check_fields(decision: Decision, fields: list[DetailField], what: str, problems: list[Finding],
                  missing_said_elsewhere: tuple[str, ...] = ()) -> dict:
    """Required fields present, choices among their values, dates readable. A field in
    ``missing_said_elsewhere`` has a rule of its own for its absence (its value is still checked)."""
    details = decision.details or {}
    missing = [f for f in fields if f.required and f.key not in missing_said_elsewhere and not _value(details, f.key)]
    if missing:
        words = missing[0].label
        for f in missing[1:]:
            words = msg("{first}, {rest}", first=words, rest=f.label)
        problems.append(Finding("decision.details_missing", msg("{decision} needs: {details}", decision=what,
                                                                details=words)))
    for f in fields:
        value = _value(details, f.key)
        if value and f.choices and value not in {v for v, _w in f.choices}:
            problems.append(Finding("decision.detail_invalid", msg("{field}: {value} is not one of {choices}", field=f.label,
                                    value=value, choices=", ".join(v for v, _w in f.choices))))
        elif value and f.kind == "date":
            _found, problem = residence.parse_date(value, f.label)
            if problem:
                problems.append(Finding("decision.detail_invalid", problem))
    return details


def _residence_card(decision: Decision, details: dict, problems: list[Finding]) -> None:
    """A mid-to-long-term resident's card (ICRRA Art. 19-6): issued at the port, with its number,
    or to be mailed; no card for anyone else (nor for a status that cannot be granted anyway)."""
    st = _status_or_none(decision.status_code)
    if st is not None and not st.grantable_at_landing:
        return
    if not _mid_to_long_term(decision):
        if _value(details, "residence_card") or _value(details, "residence_card_number"):
            problems.append(Finding("residence_card.not_applicable", msg(
                "no residence card for {status} for {period}: not a mid-to-long-term resident",
                status=decision.status_code or "-", period=str(decision.period or "-"))))
        return
    issue = _value(details, "residence_card")
    if not issue:
        problems.append(Finding("residence_card.missing", msg(
            "a mid-to-long-term resident receives a residence card: record it issued at the port or to be mailed")))
    elif issue == "issued_at_port":
        problem = residence.card_number_problem(details.get("residence_card_number"))
        if problem:
            problems.append(Finding("residence_card.number_invalid", problem))


def _coe(details: dict, problems: list[Finding]) -> None:
    if _value(details, "coe_number"):
        problem = residence.coe_number_problem(details["coe_number"])
        if problem:
            problems.append(Finding("coe.number_invalid", problem))
    if _value(details, "coe_status") and _status_or_none(details["coe_status"]) is None:
        problems.append(Finding("coe.status_unknown", msg("unknown status on the Certificate of Eligibility: {status}",
                                                          status=details["coe_status"])))


def _landing_status(decision: Decision, problems: list[Finding]) -> statuses.Status | None:
    """The status and period of a landing (Art. 9) or a special landing permission (Art. 12):
    grantable at landing and allowed by the table."""
    st, p = _status(decision, problems), _period(decision, problems)
    if st is not None and not st.grantable_at_landing:
        problems.append(Finding("decision.status_not_grantable", msg("{status} cannot be granted at landing", status=st.title)))
    elif st is not None and p is not None:
        allowed, reason = statuses.check_period(st, p)
        if not allowed:
            problems.append(Finding("decision.period_not_allowed", reason))
    return st


def _permit(decision: Decision, details: dict, on: date | None, problems: list[Finding], leaving: bool) -> None:
    """A re-entry permit or special re-entry permit: valid on the day of return (or departure)."""
    kind = _value(details, "reentry_permit_kind")
    if kind in ("", "none") or on is None:
        return
    if kind == "reentry_permit":
        until, _problem = residence.parse_date(details.get("reentry_permit_valid_until"), "")
        if until is not None and until < on:
            problems.append(Finding("reentry.permit_expired", msg(
                "the re-entry permit {number} expired on {date}", number=_value(details, "reentry_permit_number") or "-",
                date=until.isoformat())))
    elif kind == "special_reentry_permit":
        problem = residence.card_number_problem(details.get("residence_card_number"))
        if problem:
            problems.append(Finding("residence_card.number_invalid", problem))
        if not leaving:
            departed, _p = residence.parse_date(details.get("departed_on"), "")
            stay, _p = residence.parse_date(details.get("stay_until"), "") if _value(details, "stay_until") != "unlimited" \
                else (None, None)
            if departed is not None and departed > on:
                problems.append(Finding("decision.detail_invalid", msg("the date of departure {date} is after today",
                                                                       date=departed.isoformat())))
            elif departed is not None and residence.special_reentry_until(departed, stay) < on:
                problems.append(Finding("reentry.special_window_expired", msg(
                    "left Japan on {departed}: a special re-entry permit allows a return until {until}",
                    departed=departed.isoformat(), until=residence.special_reentry_until(departed, stay).isoformat())))


def _returning_stay(decision: Decision, details: dict, problems: list[Finding]) -> None:
    """The period of stay carries over: it must not have ended (a permit does not outlive it)."""
    value = _value(details, "stay_until")
    if not value or value == "unlimited" or decision.landing_date is None:
        return
    until, problem = residence.parse_date(value, msg("the end of the period of stay"))
    if problem:
        problems.append(Finding("decision.detail_invalid", problem))
    elif until < decision.landing_date:
        problems.append(Finding("reentry.stay_expired", msg("the period of stay ended on {date}", date=until.isoformat())))


def validate(decision: Decision) -> list[Finding]:
    """Why this decision, on its own, cannot be recorded; an empty list means it can.

    What depends on the examination (open hits, the document, biometrics, earlier decisions, the
    landing a departure ends) is ``domain.rules.evaluate``'s, which calls this.
    """
    problems: list[Finding] = []
    kind = decision.kind
    if kind is None:
        return [Finding("decision.unknown_type", f"unknown decision type {decision.type!r}; one of: "
                        f"{', '.join(t.value for t in DecisionType)}")]
    needs_date = kind not in (DecisionType.referral, *JAPANESE_TYPES)
    if needs_date and decision.landing_date is None:
        problems.append(Finding("decision.landing_date_missing", msg("the landing date is missing")))
    fields = detail_fields(decision)

    if kind in (DecisionType.landing_permission, DecisionType.special_landing_permission):
        what = msg("landing permission") if kind is DecisionType.landing_permission else \
            msg("special landing permission (Art. 12)")
        _landing_status(decision, problems)
        # the card number and the grantor have rules of their own (_residence_card; rules.py:
        # grantor_missing); the card's and the designation's absence too, but not their values
        own_rules = ("residence_card_number", "granted_by")
        details = _check_fields(decision, [f for f in fields if f.key not in own_rules], what, problems,
                                missing_said_elsewhere=("residence_card", "designation"))
        if decision.status_code == "designated_activities" and not _value(details, "designation"):
            problems.append(Finding("decision.designation_missing", msg(
                "Designated Activities needs the designation (e.g. working holiday)")))
        _residence_card(decision, details, problems)
        _coe(details, problems)
        if decision.status_code == "designated_activities" and _value(details, "designation") == "other" \
                and not _value(details, "designation_text"):
            problems.append(Finding("decision.details_missing", msg("{decision} needs: {details}", decision=what,
                                                                    details=DESIGNATION_TEXT.label)))
    elif kind is DecisionType.referral:
        if not [r for r in decision.referral_reasons if str(r).strip()]:
            problems.append(Finding("decision.referral_reason_missing",
                                    msg("a referral to a special inquiry officer needs at least one reason")))
    elif kind in SPECIAL_LANDINGS:
        rule = SPECIAL_LANDINGS[kind]
        _check_fields(decision, fields, msg("{landing} ({article})", landing=rule.label, article=rule.article), problems)
        if decision.status_code:
            problems.append(Finding("decision.no_status_expected", msg("{landing} grants no status of residence", landing=rule.label)))
        p = _period(decision, problems)
        if p is not None and not p.fits_within(rule.maximum):
            problems.append(Finding("decision.period_not_allowed", msg(
                "{landing} allows at most {maximum} ({article}), not {period}", landing=rule.label,
                maximum=rule.maximum.describe(), article=rule.article, period=p.describe())))
        if p is not None and p.in_hours and decision.landed_at is None:
            problems.append(Finding("decision.landing_time_missing", msg("a period in hours needs the hour of landing")))
    elif kind is DecisionType.returning_resident:
        _status(decision, problems)
        if decision.period:
            problems.append(Finding("decision.no_status_expected", msg(
                "a returning resident keeps the period of stay already granted: record when it ends instead")))
        details = _check_fields(decision, fields, msg("a returning resident"), problems)
        _permit(decision, details, decision.landing_date, problems, leaving=False)
        _returning_stay(decision, details, problems)
    elif kind is DecisionType.departure_confirmation:
        if decision.status_code or decision.period:
            problems.append(Finding("decision.no_status_expected", msg("a departure grants no status or period")))
        details = _check_fields(decision, fields, msg("departure confirmation"), problems)
        _permit(decision, details, decision.landing_date, problems, leaving=True)
    elif kind in JAPANESE_TYPES:
        if decision.status_code or decision.period:
            problems.append(Finding("decision.no_status_expected",
                                    msg("Japanese nationals receive no status of residence or period of stay")))
    return problems
