"""Every rule that decides whether an examination's decision may be recorded, in one place.

The store evaluates these rules inside the transaction that saves a decision (so no caller can
skip them) and the examination core evaluates the same function to tell the inspector, before
saving, what would be refused. Each rule has a stable code (``document.expired``) that the window,
the command line, the supervisor queue and the translations use; messages here are English
defaults for logs and the CLI.

A rule either *refuses* (nothing is written) or *flags* (the decision is saved and the
examination goes to the supervisor queue). An inspector may override a refusal only where the
rule is marked overridable, and only with a reason; the override itself is then a flag.

Sources: ICRRA Arts. 6(3), 7, 9, 12, 14-18-2, 19-3, 24, 25, 26, 26-2 and Enforcement Order Art. 10 as summarised in
DOMAIN.md; ICAO Doc 9303 Part 3 for check digits. Interpretations are listed in docs/domain.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from inspector_app.domain import departure, exemptions, residence, statuses
from inspector_app.domain.decisions import (
    ARRIVAL_TYPES,
    DEPARTURE_TYPES,
    GRANTORS,
    JAPANESE_TYPES,
    NOT_BLOCKED_BY_HITS,
    Decision,
    DecisionType,
    Finding,
    mid_to_long_term,
    validate,
)
from inspector_app.domain.messages import Message, msg


@dataclass(frozen=True)
class Rule:
    code: str
    message: str
    overridable: bool = False
    basis: str = ""

    def to_dict(self) -> dict:
        return {"rule": self.code, "message": self.message, "overridable": self.overridable, "basis": self.basis}


_RULES = [
    # the document
    Rule("document.not_read", "no document has been read for this examination"),
    Rule("document.check_digit", "an MRZ check digit fails", overridable=True, basis="ICAO 9303-3 §4.9"),
    Rule("document.expiry_unreadable", "the document's expiry date cannot be read", overridable=True,
         basis="ICRRA Art. 7(1)(i)"),
    Rule("document.expired", "the document has expired on the examination date", basis="ICRRA Art. 7(1)(i)"),
    # the lists
    Rule("hit.open", "a watchlist or document hit is open: a supervisor must clear it first",
         basis="DOMAIN.md: an open hit blocks landing"),
    Rule("screening.not_checked", "a screening list was not checked", overridable=True,
         basis="DOMAIN.md: document checks"),
    # the passport's chip (domain/chip.py): each failure is a document hit a supervisor clears
    Rule("chip.dg1_mismatch", "the chip's MRZ differs from the printed one: a supervisor must clear it first",
         basis="ICAO 9303-10 §4.7.1 (DG1); DOMAIN.md: an open hit blocks landing"),
    Rule("chip.passive_auth_failed", "the chip's data is not proven signed by the issuing state (passive "
         "authentication failed): a supervisor must clear it first", basis="ICAO 9303-11 §5.1"),
    Rule("chip.clone_check_failed", "the chip failed its clone check (Chip or Active Authentication): a supervisor "
         "must clear it first", basis="ICAO 9303-11 §6.1, §6.2"),
    Rule("chip.face_mismatch", "the chip's photo does not match the live face: a supervisor must clear it first",
         basis="ICAO 9303-9 (DG2 facial image); DOMAIN.md: 1:1 comparison"),
    # biometrics
    Rule("biometrics.face_missing", "no facial photograph was captured, no exception recorded and no exemption applies",
         basis="ICRRA Art. 6(3)"),
    Rule("biometrics.fingers_missing",
         "fingerprints of both hands were neither captured (index or fallback finger) nor recorded as exceptions, "
         "and no exemption applies", basis="ICRRA Art. 6(3)"),
    Rule("exemption.not_applicable", "the biometric exemption claimed does not fit this traveller or decision",
         basis="ICRRA Art. 6(3)"),
    Rule("exemption.evidence_missing", "the biometric exemption needs its evidence recorded", basis="ICRRA Art. 6(3)"),
    # the decision itself (decisions.validate)
    Rule("decision.unknown_type", "unknown decision type"),
    Rule("decision.landing_date_missing", "the landing date is missing"),
    Rule("decision.status_missing", "choose a status of residence", basis="ICRRA Art. 9"),
    Rule("decision.status_unknown", "unknown status of residence"),
    Rule("decision.status_not_grantable", "this status of residence cannot be granted at landing",
         basis="brochure: appendix table"),
    Rule("decision.period_missing", "choose a period of stay", basis="ICRRA Art. 9"),
    Rule("decision.period_invalid", "the period of stay cannot be read"),
    Rule("decision.period_not_allowed", "the period of stay is not one the status allows", basis="brochure: appendix table"),
    Rule("decision.details_missing", "details this decision records are missing"),
    Rule("decision.referral_reason_missing", "a referral to a special inquiry officer needs at least one reason",
         basis="ICRRA Arts. 9-10"),
    Rule("decision.no_status_expected", "this decision grants no status of residence or period of stay"),
    Rule("decision.detail_invalid", "a detail of the decision cannot be read"),
    Rule("decision.landing_time_missing", "a period in hours needs the hour of landing", basis="ICRRA Art. 14"),
    Rule("decision.designation_missing", "Designated Activities needs the designation", basis="brochure: appendix table"),
    Rule("decision.not_japanese", "the document is not a Japanese one: a Japanese national's return or departure needs one"),
    Rule("decision.japanese_document", "a Japanese passport: confirm a Japanese national's departure instead",
         basis="brochure: departures and returns of Japanese nationals"),
    Rule("decision.wrong_direction", "this decision does not belong to this booth's direction (arrivals or departures)"),
    # residence documents
    Rule("residence_card.missing", "a mid-to-long-term resident receives a residence card: record it issued at the "
         "port or to be mailed", basis="brochure: residence cards; ICRRA Art. 19-6"),
    Rule("residence_card.number_invalid", "the residence card number is not two letters, eight digits, two letters",
         basis="DOMAIN.md: residence card number format"),
    Rule("residence_card.not_applicable", "no residence card for this status and period: not a mid-to-long-term resident",
         basis="ICRRA Art. 19-3"),
    Rule("coe.number_invalid", "the Certificate of Eligibility number cannot be read"),
    Rule("coe.status_unknown", "the status on the Certificate of Eligibility is unknown"),
    Rule("reentry.permit_expired", "the re-entry permit has expired", basis="ICRRA Art. 26; Enforcement Order Art. 9"),
    Rule("reentry.special_window_expired", "a special re-entry permit allows a return within one year of departure "
         "(and not after the period of stay)", basis="ICRRA Art. 26-2"),
    Rule("reentry.stay_expired", "the period of stay has ended: the status does not carry over", basis="ICRRA Art. 26"),
    Rule("reentry.not_available", "a special re-entry permit is for a mid-to-long-term resident within the period of "
         "stay: not for an overstayer or a short-term visitor", basis="ICRRA Art. 26-2"),
    Rule("cruise_ship.not_designated", "the ship is not on the list of cruise ships designated by the Commissioner",
         basis="brochure: cruise ships designated by the Commissioner; ICRRA Art. 14-2"),
    Rule("cruise_ship.not_checked", "the designated cruise ship list could not be checked", overridable=True,
         basis="brochure: cruise ships designated by the Commissioner"),
    Rule("decision.already_final", "this examination already has a final decision: record a correction instead"),
    Rule("special_landing.no_referral", "special landing permission follows a referral of the same examination",
         basis="ICRRA Art. 12"),
    Rule("special_landing.grantor_missing",
         "special landing permission must name who granted it: the Minister of Justice or the Commissioner "
         "(delegated)", basis="Enforcement Order Art. 10(v)"),
    # how overrides and corrections are made
    Rule("override.not_allowed", "this rule cannot be overridden by an inspector"),
    Rule("override.reason_missing", "an override needs a reason"),
    Rule("correction.target_unknown", "the decision to correct is not a decision of this examination"),
    Rule("correction.reason_missing", "a correction needs a reason"),
]

#: Flags: the decision is saved and the examination goes to the supervisor queue.
_FLAGS = [
    Rule("flag.override", "an inspector overrode a rule"),
    Rule("flag.biometric_exception", "a fingerprint or the face could not be captured (exception recorded)"),
    Rule("flag.low_quality", "a capture is below the quality threshold"),
    Rule("flag.hit", "a watchlist or document hit was found"),
    Rule("flag.document_expired", "the document has expired (a landing that does not require a valid document)"),
    Rule("flag.correction", "a saved decision was corrected"),
    Rule("flag.overstay", "the traveller stayed beyond the authorised period (ICRRA Art. 24(iv)(b))",
         basis="DOMAIN.md: overstay flagged"),
    Rule("flag.stay_unverified", "no landing record was found and no landing seal was read: the stay is not verified"),
    Rule("flag.coe_absent", "no Certificate of Eligibility for a mid-to-long-term status", basis="brochure: Certificate of Eligibility"),
    Rule("flag.coe_status_mismatch", "the Certificate of Eligibility is for another status"),
    Rule("flag.chip_not_verified", "the passport's chip was not verified (not read, or its photo not compared)",
         basis="issue 16: a passport without a chip, or an absent reader, is recorded as such, not as a pass"),
]

RULES: dict[str, Rule] = {r.code: r for r in _RULES}
FLAGS: dict[str, Rule] = {r.code: r for r in _FLAGS}

#: Where a valid, unexpired document is not a condition of the landing: the Minister's special
#: permission (Art. 12) exists for travellers who do not meet the conditions, and emergency,
#: distress and temporary-refuge landings (Arts. 17, 18, 18-2) are for people who may carry no
#: usable passport. There an expired document is flagged, not refused.
DOCUMENT_NOT_REQUIRED = frozenset({DecisionType.special_landing_permission, DecisionType.emergency_landing,
                                   DecisionType.distress_landing, DecisionType.temporary_refuge_landing})
#: Decisions under the landing examination of Art. 6 that take biometrics (Art. 6(3)). The special
#: landings of Arts. 14-18-2 let the inspector take them ("may"): recorded when given, not required.
BIOMETRICS_REQUIRED = frozenset({DecisionType.landing_permission, DecisionType.special_landing_permission,
                                 DecisionType.returning_resident})
#: A decision of these types ends the examination; a referral does not (a hearing follows).
NOT_FINAL = frozenset({DecisionType.referral})
#: Flags that put the examination in the supervisor's queue through a check result the store
#: writes with the decision (the other flags already come from a flagged check result).
QUEUED_FLAGS = ("flag.overstay", "flag.stay_unverified", "flag.coe_absent", "flag.coe_status_mismatch",
                "flag.document_expired", "flag.chip_not_verified")
#: The chip's failures (domain/chip.py): recorded as hits, refusing a landing until cleared.
CHIP_RULES = ("chip.dg1_mismatch", "chip.passive_auth_failed", "chip.clone_check_failed", "chip.face_mismatch")
#: The lists every landing is screened against; the biometric ones only when a capture was made.
DOCUMENT_LISTS = ("sltd", "biographic")
DIRECTION_TYPES = {"arrival": frozenset(ARRIVAL_TYPES), "departure": frozenset(DEPARTURE_TYPES)}
HANDS = ("Left", "Right")
#: The lists of the screening, in words.
LIST_NAMES = {"sltd": msg("lost/stolen documents list"), "biographic": msg("biographic watchlist"),
              "face": msg("face watchlist"), "fingerprint": msg("fingerprint watchlist"),
              "biometric": msg("biometric watchlist")}
#: Why a list was not checked (``screening.NotCheckedReason``, ``store.facts``), in words.
NOT_CHECKED_WORDS = {"list_not_installed": msg("list not installed"), "no_document_number": msg("no document number"),
                     "no_name": msg("no name"), "not_captured": msg("not captured"),
                     "list_damaged": msg("list damaged"), "not_screened": msg("not screened"),
                     "screening_error": msg("screening error"), "error": msg("screening error")}
#: SBI finger names (``Left IndexFinger``) in words.
FINGER_NAMES = {
    "Left Thumb": msg("left thumb"), "Left IndexFinger": msg("left index finger"),
    "Left MiddleFinger": msg("left middle finger"), "Left RingFinger": msg("left ring finger"),
    "Left LittleFinger": msg("left little finger"), "Right Thumb": msg("right thumb"),
    "Right IndexFinger": msg("right index finger"), "Right MiddleFinger": msg("right middle finger"),
    "Right RingFinger": msg("right ring finger"), "Right LittleFinger": msg("right little finger"),
    "Face": msg("face"),
}


def finger_name(position: str) -> str:
    """An SBI finger position (or ``Face``) in words; an unknown position as it is."""
    return FINGER_NAMES.get(position, position)


def rule(code: str) -> Rule:
    """The rule or flag with this code (KeyError with the known codes otherwise)."""
    found = RULES.get(code) or FLAGS.get(code)
    if found is None:
        raise KeyError(f"unknown rule {code!r}")
    return found


def finding(code: str, detail: str = "") -> Finding:
    base = Message(rule(code).message)
    return Finding(code, msg("{rule}: {detail}", rule=base, detail=detail) if detail else base)


#: The MRZ fields whose check digit can fail (``MrzResult.checks``), in words.
CHECK_FIELDS = {
    "document_number": msg("document number"), "birth_date": msg("date of birth"),
    "expiry_date": msg("expiry date"), "personal_number": msg("personal number"),
    "optional_data": msg("optional data"), "composite": msg("composite check digit"),
}


def _list_of(items) -> str:
    """Items of a message param, each kept a message (so each is translated on screen)."""
    items = list(items)
    if not items:
        return ""
    out = items[0]
    for item in items[1:]:
        out = msg("{first}, {rest}", first=out, rest=item)
    return out


@dataclass(frozen=True)
class Facts:
    """What is known about one examination when a decision is to be recorded (built by the store
    from its own records, so a caller cannot claim what was not recorded)."""

    examination_date: date
    document_read: bool = True                    # the examination records the MRZ lines read
    document_problems: tuple[str, ...] = ()       # check digits that fail (field names)
    expiry_date: date | None = None
    expiry_readable: bool = True
    birth_date: date | None = None
    nationality: str = ""
    open_hits: int = 0
    hits: int = 0
    not_checked: dict = field(default_factory=dict)   # list -> reason code
    face_captured: bool = False
    face_exception: bool = False
    fingers_captured: tuple[str, ...] = ()           # SBI positions
    finger_exceptions: tuple[str, ...] = ()
    low_quality: int = 0
    exemption: str | None = None                     # ExemptionReason value
    exemption_evidence: str = ""
    decisions: tuple[dict, ...] = ()                 # earlier decisions: {decision_id, type, corrects}
    direction: str = "arrival"                       # the examination's: "arrival" or "departure"
    landing_record: dict | None = None               # the landing a departure ends (store.find_landings shape)
    landing_searched: str = ""                       # where it was looked for, in words
    ships: tuple[dict, ...] = ()                     # designated-ship look-ups: {vessel, state}
    chip_open: tuple[tuple[str, str], ...] = ()      # chip failures no supervisor has cleared: (rule, message)
    chip_unverified: tuple[str, ...] = ()            # why the chip was not verified, in words (empty: verified or not tried)


@dataclass
class Evaluation:
    refused: list[Finding] = field(default_factory=list)
    flags: list[Finding] = field(default_factory=list)
    overridden: list[Finding] = field(default_factory=list)   # refusals lifted by an override

    @property
    def ok(self) -> bool:
        return not self.refused

    def to_dict(self) -> dict:
        return {"refused": [f.to_dict() for f in self.refused], "flags": [f.to_dict() for f in self.flags],
                "overridden": [f.to_dict() for f in self.overridden]}


def lets_land(kind: DecisionType) -> bool:
    return kind not in NOT_BLOCKED_BY_HITS


def document_facts(parsed) -> dict:
    """The ``Facts`` fields a parsed MRZ (``mrz.MrzResult``) gives."""
    return {"document_problems": tuple(k for k, ok in (parsed.checks or {}).items() if ok is False),
            "expiry_date": parsed.expiry_date, "expiry_readable": parsed.expiry_date is not None,
            "birth_date": parsed.birth_date, "nationality": parsed.nationality or ""}


def document_findings(facts: Facts) -> list[Finding]:
    """What is wrong with the document itself (the same findings the booth shows on reading it)."""
    if not facts.document_read:
        return [finding("document.not_read")]
    found = []
    if facts.document_problems:
        found.append(finding("document.check_digit", _list_of(CHECK_FIELDS.get(p, p) for p in facts.document_problems)))
    if not facts.expiry_readable:
        found.append(finding("document.expiry_unreadable"))
    elif facts.expiry_date is not None and facts.expiry_date < facts.examination_date:
        found.append(finding("document.expired", msg("expired {expiry}, examined {date}",
                                                     expiry=facts.expiry_date.isoformat(),
                                                     date=facts.examination_date.isoformat())))
    return found


def _document(facts: Facts, kind: DecisionType) -> tuple[list[Finding], list[Finding]]:
    refused, flags = [], []
    for f in document_findings(facts):
        if f.rule == "document.expired" and kind in DOCUMENT_NOT_REQUIRED:
            flags.append(Finding("flag.document_expired", f.message))
        else:
            refused.append(f)
    return refused, flags


def _hand(position: str) -> str:
    return position.split(" ", 1)[0]


def _biometrics(facts: Facts, decision: Decision, kind: DecisionType) -> list[Finding]:
    if facts.exemption:
        return exemption_findings(facts, decision)
    if kind not in BIOMETRICS_REQUIRED:
        return []
    refused = []
    if not (facts.face_captured or facts.face_exception):
        refused.append(finding("biometrics.face_missing"))
    covered = {_hand(p) for p in facts.fingers_captured} | {_hand(p) for p in facts.finger_exceptions}
    missing = [h for h in HANDS if h not in covered]
    if missing:
        refused.append(finding("biometrics.fingers_missing", {
            ("Left",): msg("no finger of the left hand"), ("Right",): msg("no finger of the right hand"),
            ("Left", "Right"): msg("no finger of the left hand and right hand")}[tuple(missing)]))
    return refused


def exemption_findings(facts: Facts, decision: Decision) -> list[Finding]:
    """Whether the recorded exemption fits the traveller and the decision (empty = it does)."""
    try:
        ground = exemptions.ExemptionReason(facts.exemption)
    except ValueError:
        return [finding("exemption.not_applicable", msg("unknown ground {ground}", ground=repr(facts.exemption)))]
    problem = exemptions.does_not_apply(ground, birth_date=facts.birth_date, examination_date=facts.examination_date,
                                        status_code=decision.status_code, evidence=facts.exemption_evidence,
                                        returning_resident=decision.kind is DecisionType.returning_resident)
    if problem is None:
        return []
    code = "exemption.evidence_missing" if problem.evidence_missing else "exemption.not_applicable"
    return [finding(code, problem.reason)]


def _history(facts: Facts, decision: Decision, kind: DecisionType, corrects: str | None,
             correction_reason: str) -> list[Finding]:
    refused = []
    # a correction into special landing permission needs the referral as much as a first decision
    if kind is DecisionType.special_landing_permission and not any(
            d.get("type") == DecisionType.referral.value for d in facts.decisions):
        refused.append(finding("special_landing.no_referral"))
    if corrects:
        if not any(d.get("decision_id") == corrects for d in facts.decisions):
            refused.append(finding("correction.target_unknown", corrects))
        if not correction_reason.strip():
            refused.append(finding("correction.reason_missing"))
        return refused
    final = [d for d in facts.decisions if not _not_final(d.get("type"))]
    if final:
        refused.append(finding("decision.already_final", str(final[0].get("type"))))
    return refused


def _not_final(kind: str | None) -> bool:
    try:
        return DecisionType(kind) in NOT_FINAL
    except ValueError:
        return False


_DIRECTION_WORDS = {"arrival": msg("an arrivals"), "departure": msg("a departures")}


def departure_at(facts: Facts, decision: Decision) -> datetime:
    """The moment of departure: the decision's hour on the examination date (midday when none is
    recorded, so an hour-based stay is judged by the date alone)."""
    if decision.landed_at is not None:
        return decision.landed_at
    return datetime.combine(facts.examination_date, time(12, 0), tzinfo=UTC)


def leaving_stay(facts: Facts, decision: Decision) -> departure.Stay:
    """The stay the departing traveller ends: the landing record found, else the seal's last day."""
    seal, _problem = residence.parse_date((decision.details or {}).get("seal_last_day"), "")
    return departure.stay(facts.landing_record, departure_at(facts, decision), None if facts.landing_record else seal)


def departure_findings(facts: Facts, decision: Decision) -> tuple[list[Finding], list[Finding]]:
    """An overstay is flagged with its days (the traveller still leaves: ICRRA Art. 24 is the
    supervisor's to pursue); a stay no record or seal speaks for is flagged as unverified."""
    refused, flags = [], []
    stay = leaving_stay(facts, decision)
    if stay.source == "none":
        flags.append(finding("flag.stay_unverified", facts.landing_searched or msg("no landing record")))
    elif stay.overstay_days:
        end = stay.ends_at.isoformat(timespec="minutes") if stay.ends_at else (stay.last_day.isoformat() if stay.last_day else "")
        flags.append(finding("flag.overstay", msg("{days} day(s) beyond the authorised stay (ended {end})",
                                                  days=str(stay.overstay_days), end=end)))
    if (decision.details or {}).get("reentry_permit_kind") == "special_reentry_permit":
        if stay.overstay_days:
            refused.append(finding("reentry.not_available", msg("{days} day(s) of overstay", days=str(stay.overstay_days))))
        elif facts.landing_record and not _mid_to_long_term_landing(facts.landing_record):
            refused.append(finding("reentry.not_available", msg("the landing record is not a mid-to-long-term "
                                                                "resident's: a special re-entry permit needs one")))
    return refused, flags


def _mid_to_long_term_landing(record: dict) -> bool:
    """Whether a landing record makes its traveller a mid-to-long-term resident (Art. 26-2 is for
    them): a landing or special landing permission for such a status and period, or a returning
    resident's (who keeps that status)."""
    kind = record.get("type")
    if kind == DecisionType.returning_resident.value:
        return True
    if kind not in (DecisionType.landing_permission.value, DecisionType.special_landing_permission.value):
        return False
    return mid_to_long_term(record.get("status_code"), record.get("period"))


def vessel_key(text: str) -> str:
    """A vessel as typed, compared without case, spaces or punctuation (the ship look-up's key)."""
    return "".join(ch for ch in str(text or "").upper() if ch.isalnum())


def _cruise_ship(facts: Facts, decision: Decision) -> list[Finding]:
    """A cruise-ship tourist landing is only for ships designated by the Commissioner: the
    examination recorded the look-up of this vessel in the designated list (signed bundles)."""
    vessel = str((decision.details or {}).get("vessel") or "").strip()
    if not vessel:
        return []
    checked = [c for c in facts.ships if vessel_key(c.get("vessel")) == vessel_key(vessel)]
    state = checked[-1].get("state") if checked else "not_checked"
    if state == "designated":
        return []
    if state in ("not_designated", "not_in_force"):
        return [finding("cruise_ship.not_designated", vessel)]
    return [finding("cruise_ship.not_checked", msg("{vessel}: {reason}", vessel=vessel, reason=_SHIP_WORDS.get(
        state, msg("not looked up"))))]


_SHIP_WORDS = {"list_not_installed": msg("the designated ship list is not installed"),
               "not_checked": msg("not looked up")}


def _coe_flags(decision: Decision) -> list[Finding]:
    """The seeds make the Certificate of Eligibility a help ("enables ... to smoothly obtain a visa
    or landing permission"), not a condition: a mid-to-long-term landing without one, or with one
    for another status, is flagged for the supervisor, never refused."""
    details = decision.details or {}
    if not mid_to_long_term(decision.status_code, decision.period):
        return []
    st = statuses.find(decision.status_code)
    number, on_coe = str(details.get("coe_number") or "").strip(), str(details.get("coe_status") or "").strip()
    if not number:
        return [finding("flag.coe_absent", st.title)]
    if on_coe:
        try:
            coe_status = statuses.find(on_coe)
        except KeyError:
            return []
        if coe_status.code != st.code:
            return [finding("flag.coe_status_mismatch", msg("certificate {number} for {coe}, granted {status}",
                                                            number=number, coe=coe_status.title, status=st.title))]
    return []


def evaluate(facts: Facts, decision: Decision, overrides: dict[str, str] | None = None,
             corrects: str | None = None, correction_reason: str = "") -> Evaluation:
    """Every refusal and flag for recording ``decision`` on the examination ``facts`` describe.

    ``overrides`` maps rule codes to the inspector's reason; an override of an overridable rule
    lifts that refusal and becomes a flag. ``corrects`` names an earlier decision of the same
    examination that this one replaces (a saved decision is never changed in place).
    """
    overrides = dict(overrides or {})
    result = Evaluation()
    kind = decision.kind
    refused: list[Finding] = list(validate(decision))
    if kind is None:
        result.refused = refused
        return result
    if kind is DecisionType.special_landing_permission:
        details = decision.details or {}
        if details.get("granted_by") not in GRANTORS:
            refused.append(finding("special_landing.grantor_missing"))
    if kind in JAPANESE_TYPES and facts.nationality != "JPN":
        refused.append(finding("decision.not_japanese", msg("nationality {code}", code=facts.nationality or msg("unknown"))))
    if kind is DecisionType.departure_confirmation and facts.nationality == "JPN":
        refused.append(finding("decision.japanese_document"))
    if kind not in DIRECTION_TYPES.get(facts.direction, DIRECTION_TYPES["arrival"]):
        # the one thing to say: the rest of an arrival's rules mean nothing on a departure
        result.refused = [finding("decision.wrong_direction", msg("{direction} booth", direction=_DIRECTION_WORDS.get(
            facts.direction, facts.direction)))]
        return result
    if kind is DecisionType.departure_confirmation:
        leaving_refused, leaving_flags = departure_findings(facts, decision)
        refused += leaving_refused
        result.flags += leaving_flags
    if kind is DecisionType.cruise_ship_landing:
        refused += _cruise_ship(facts, decision)
    if kind is DecisionType.landing_permission:
        result.flags += _coe_flags(decision)
    if lets_land(kind):
        if facts.open_hits:
            refused.append(finding("hit.open", msg("{count} open", count=facts.open_hits)))
        doc_refused, doc_flags = _document(facts, kind)
        refused += doc_refused
        result.flags += doc_flags
        for name in DOCUMENT_LISTS:
            if name in facts.not_checked:
                refused.append(finding("screening.not_checked", msg("{list} ({reason})", list=LIST_NAMES.get(name, name),
                                                                     reason=NOT_CHECKED_WORDS.get(facts.not_checked[name],
                                                                                            facts.not_checked[name]))))
        refused += _biometrics(facts, decision, kind)
        refused += [Finding(code, msg("{finding}: a supervisor must clear it first", finding=message))
                    for code, message in facts.chip_open]
        if facts.chip_unverified:
            result.flags.append(finding("flag.chip_not_verified", _list_of(facts.chip_unverified)))
    refused += _history(facts, decision, kind, corrects, correction_reason)

    for code, reason in overrides.items():
        known = RULES.get(code)
        if known is None or not known.overridable:
            result.refused.append(finding("override.not_allowed", code))
        elif not str(reason or "").strip():
            result.refused.append(finding("override.reason_missing", code))
    for f in refused:
        if f.rule in overrides and RULES[f.rule].overridable and str(overrides[f.rule] or "").strip():
            result.overridden.append(f)
            result.flags.append(Finding("flag.override", msg("{finding} — overridden: {reason}", finding=f.message,
                                                                reason=overrides[f.rule].strip())))
        else:
            result.refused.append(f)
    if facts.hits:
        result.flags.append(finding("flag.hit", msg("{count} hit(s)", count=facts.hits)))
    if facts.face_exception or facts.finger_exceptions:
        result.flags.append(finding("flag.biometric_exception", _list_of(
            ([msg("face")] if facts.face_exception else []) + [finger_name(p) for p in facts.finger_exceptions])))
    if facts.low_quality:
        result.flags.append(finding("flag.low_quality", msg("{count} capture(s)", count=facts.low_quality)))
    if corrects:
        result.flags.append(finding("flag.correction", corrects))
    return result


def catalogue() -> list[dict]:
    """Every rule and flag with its code, message and whether an inspector may override it."""
    return [r.to_dict() | {"kind": "refusal"} for r in _RULES] + [r.to_dict() | {"kind": "flag"} for r in _FLAGS]
