"""The decisions that end a landing examination, and what each needs before it can be recorded.

`validate` returns why a decision on its own cannot be recorded (empty = valid); ``domain.rules``
adds what depends on the examination, and the store evaluates both inside the saving transaction.

Rules (DOMAIN.md, ICRRA):
- Landing permission (Art. 9): a status grantable at landing and a period the appendix table
  allows for it (statuses.check_period), and a landing date.
- Referral to a special inquiry officer (Arts. 9-10): at least one reason.
- What depends on the examination (open hits, the document, biometrics, earlier decisions) is
  in ``domain.rules``; ``NOT_BLOCKED_BY_HITS`` names the outcomes that do not let a foreign
  national land on the inspector's word.
- Special landings (Arts. 14-18-2) carry their own details and a maximum period; special landing
  permission (Art. 12) is the Minister's decision after a referral and needs its reference.
- Returning residents keep their status (re-entry permit or special re-entry permit).
- Japanese nationals: return confirmation only, no status and no period.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from inspector_app.domain import statuses
from inspector_app.domain.messages import msg
from inspector_app.domain.periods import Period, PeriodError, last_day


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


@dataclass(frozen=True)
class SpecialLandingRule:
    article: str
    maximum: Period
    required: tuple[str, ...]
    label: str


#: Special landing permissions (ICRRA Arts. 14-18-2; not in the seeds): maximum period and the
#: details the landing permit records.
SPECIAL_LANDINGS: dict[DecisionType, SpecialLandingRule] = {
    DecisionType.port_of_call_landing: SpecialLandingRule("Art. 14", Period.parse("3d"), ("vessel_or_aircraft",),
                                                          msg("landing permission at port of call (72 hours)")),
    DecisionType.cruise_ship_landing: SpecialLandingRule("Art. 14-2", Period.parse("30d"), ("vessel",),
                                                         msg("landing permission for cruise ship tourists")),
    DecisionType.transit_landing: SpecialLandingRule("Art. 15", Period.parse("15d"),
                                                     ("vessel_or_aircraft", "departure_port"),
                                                     msg("landing permission for transit")),
    DecisionType.crew_landing: SpecialLandingRule("Art. 16", Period.parse("15d"), ("vessel_or_aircraft",),
                                                  msg("landing permission for crew")),
    DecisionType.emergency_landing: SpecialLandingRule("Art. 17", Period.parse("30d"), ("grounds",),
                                                       msg("emergency landing permission")),
    DecisionType.distress_landing: SpecialLandingRule("Art. 18", Period.parse("30d"), ("vessel_or_aircraft",),
                                                      msg("landing permission due to distress")),
    DecisionType.temporary_refuge_landing: SpecialLandingRule("Art. 18-2", Period.parse("6m"), ("grounds",),
                                                              msg("landing permission for temporary refuge")),
}

#: Decisions that do not let the traveller land on the inspector's word: open hits do not block them.
NOT_BLOCKED_BY_HITS = frozenset({DecisionType.referral, DecisionType.japanese_national})
REENTRY_KINDS = ("reentry_permit", "special_reentry_permit")


@dataclass
class Decision:
    type: DecisionType | str
    status_code: str | None = None
    period: Period | str | None = None
    landing_date: date | None = None
    referral_reasons: list[str] = field(default_factory=list)
    special_landing_details: dict | None = None
    note: str = ""

    @property
    def last_day(self) -> date | None:
        """Last day of stay where a landing date and a readable fixed period are given."""
        if self.landing_date is None or self.period is None:
            return None
        try:
            return last_day(self.landing_date, Period.parse(self.period))
        except PeriodError:
            return None

    def to_dict(self) -> dict:
        t = self.type.value if isinstance(self.type, DecisionType) else str(self.type)
        end = self.last_day
        return {
            "type": t,
            "status_code": self.status_code,
            "period": str(self.period) if self.period is not None else None,
            "landing_date": self.landing_date.isoformat() if self.landing_date else None,
            "last_day": end.isoformat() if end else None,
            "referral_reasons": list(self.referral_reasons),
            "special_landing_details": dict(self.special_landing_details) if self.special_landing_details else None,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, d: dict) -> Decision:
        landing = d.get("landing_date")
        return cls(
            type=d["type"],
            status_code=d.get("status_code"),
            period=d.get("period"),
            landing_date=date.fromisoformat(landing) if isinstance(landing, str) else landing,
            referral_reasons=list(d.get("referral_reasons") or []),
            special_landing_details=d.get("special_landing_details"),
            note=d.get("note") or "",
        )


@dataclass(frozen=True)
class Finding:
    """One reason a decision is refused or flagged: a stable rule code (``domain.rules``) and a
    message for the inspector."""

    rule: str
    message: str

    def to_dict(self) -> dict:
        return {"rule": self.rule, "message": self.message}


def _type(decision: Decision) -> DecisionType | None:
    try:
        return DecisionType(decision.type)
    except ValueError:
        return None


def _period(decision: Decision, problems: list[Finding]) -> Period | None:
    if decision.period is None or decision.period == "":
        problems.append(Finding("decision.period_missing", msg("choose a period of stay")))
        return None
    try:
        return Period.parse(decision.period)
    except PeriodError as exc:
        problems.append(Finding("decision.period_invalid", str(exc)))
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


def _details(decision: Decision, required: tuple[str, ...], what: str, problems: list[Finding]) -> dict:
    details = decision.special_landing_details or {}
    missing = [k for k in required if not str(details.get(k, "")).strip()]
    if missing:
        problems.append(Finding("decision.details_missing", msg("{decision} needs: {details}", decision=what,
                                                                details=", ".join(missing))))
    return details


def validate(decision: Decision) -> list[Finding]:
    """Why this decision, on its own, cannot be recorded; an empty list means it can.

    What depends on the examination (open hits, the document, biometrics, earlier decisions) is
    ``domain.rules.evaluate``'s, which calls this.
    """
    problems: list[Finding] = []
    kind = _type(decision)
    if kind is None:
        return [Finding("decision.unknown_type", f"unknown decision type {decision.type!r}; one of: "
                        f"{', '.join(t.value for t in DecisionType)}")]
    needs_date = kind not in (DecisionType.referral, DecisionType.japanese_national)
    if needs_date and decision.landing_date is None:
        problems.append(Finding("decision.landing_date_missing", msg("the landing date is missing")))

    if kind is DecisionType.landing_permission:
        st, p = _status(decision, problems), _period(decision, problems)
        if st is not None and not st.grantable_at_landing:
            problems.append(Finding("decision.status_not_grantable", msg("{status} cannot be granted at landing", status=st.title)))
        elif st is not None and p is not None:
            allowed, reason = statuses.check_period(st, p)
            if not allowed:
                problems.append(Finding("decision.period_not_allowed", reason))
    elif kind is DecisionType.referral:
        if not [r for r in decision.referral_reasons if str(r).strip()]:
            problems.append(Finding("decision.referral_reason_missing",
                                    msg("a referral to a special inquiry officer needs at least one reason")))
    elif kind is DecisionType.special_landing_permission:
        st, p = _status(decision, problems), _period(decision, problems)
        _details(decision, ("decision_reference",), msg("special landing permission (Art. 12)"), problems)
        if st is not None and p is not None and not statuses.period_is_authorised(st, p):
            problems.append(Finding("decision.period_not_allowed", msg("{period} is not a period of stay of {status}",
                                                                        period=p.describe(), status=st.title)))
    elif kind in SPECIAL_LANDINGS:
        rule = SPECIAL_LANDINGS[kind]
        _details(decision, rule.required, msg("{landing} ({article})", landing=rule.label, article=rule.article), problems)
        if decision.status_code:
            problems.append(Finding("decision.no_status_expected", msg("{landing} grants no status of residence", landing=rule.label)))
        p = _period(decision, problems)
        if p is not None and not p.fits_within(rule.maximum):
            problems.append(Finding("decision.period_not_allowed", msg(
                "{landing} allows at most {maximum} ({article}), not {period}", landing=rule.label,
                maximum=rule.maximum.describe(), article=rule.article, period=p.describe())))
    elif kind is DecisionType.returning_resident:
        _status(decision, problems)
        details = _details(decision, ("reentry_permit_kind",), msg("a returning resident"), problems)
        if details.get("reentry_permit_kind") and details["reentry_permit_kind"] not in REENTRY_KINDS:
            problems.append(Finding("decision.reentry_kind_invalid",
                                    msg("re-entry permit kind must be one of {kinds}", kinds=", ".join(REENTRY_KINDS))))
    elif kind is DecisionType.japanese_national:
        if decision.status_code or decision.period:
            problems.append(Finding("decision.no_status_expected",
                                    msg("Japanese nationals receive no status of residence or period of stay")))
    return problems
