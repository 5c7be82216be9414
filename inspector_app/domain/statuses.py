"""The status-of-residence catalogue: the appendix table of the ISA brochure 2024-2025.

Every status, sub-category and period of stay below is taken from "Appendix: List of Status of
Residence" in seeds/000_9524e24ce763c4e3.txt; ``period_text`` keeps the table's own words. The
brochure is in English only, so the Japanese names are the official ones of ICRRA Appended
Tables I and II (not from the seed).

Two readings of the table's merged cells (its text extraction puts each merged cell on one row):
- Highly-Skilled Professional: "5 years" belongs to (i), "Unlimited" to (ii).
- Technical Intern Training: the extraction shows "(1 year or less)" on (i)(a) and "(2 year or
  less)" on the (i)(b) and (ii)(b) rows; we read them as (i) = 1 year or less and
  (ii)/(iii) = 2 years or less, which is what the Enforcement Regulation's Appended Table 2
  says. See `TIT_NOTE`.

Not grantable at landing: Permanent Resident and Highly-Skilled Professional (ii) (ICRRA
Art. 7(1)(ii)); both can only be obtained by changing status after landing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from inspector_app.domain.messages import Message, msg
from inspector_app.domain.periods import Period, PeriodError

TIT_NOTE = ("seed table cells are merged: (i) '1 year or less', (ii) and (iii) '2 year or less' "
            "(Enforcement Regulation Appended Table 2)")
_LADDER = ("5y", "4y3m", "4y", "3y", "2y", "1y", "6m", "3m")
HSP_NOTE = ("the table lists items (a) to (c) under (i): (a) research, research guidance or education, "
            "(b) work requiring specialised knowledge or skills, (c) business management (the seed's "
            "extraction loses item (c)'s text; ICRRA Appended Table I). Each is its own entry so the "
            "record says which was granted")
#: A status whose table entry is split into these entries (a record of the old single entry still reads)
RETIRED = {"highly_skilled_professional_i": "Highly-Skilled Professional (i)"}


@dataclass(frozen=True)
class Status:
    code: str
    name_en: str
    name_ja: str
    grantable_at_landing: bool
    periods: tuple[Period, ...] = ()
    designated_max: Period | None = None   # "a term designated by the Minister of Justice (X or less)"
    under: Period | None = None            # Temporary Visitor: "period of less than 15 days"
    unlimited: bool = False
    period_of_activities: bool = False     # Diplomat
    period_text: str = ""
    table: str = "I"                       # ICRRA Appended Table I (activities) or II (status)
    parent: str = ""
    note: str = ""

    @property
    def title(self) -> Message:
        """The English name as a message (the window shows ``name_ja`` in Japanese: the build
        files every status name under the translation context "core")."""
        return Message(self.name_en)

    def allowed_periods(self) -> list[Period]:
        """The choices a UI offers, longest first (designated: the maximum and usual shorter ones)."""
        out: list[Period] = []
        if self.period_of_activities:
            out.append(Period(kind="activities"))
        if self.unlimited:
            out.append(Period(kind="unlimited"))
        out.extend(self.periods)
        if self.under is not None:
            out.extend(Period.of(days=n) for n in range(self.under.days - 1, 0, -1))
        if self.designated_max is not None:
            out.append(self.designated_max)
            out.extend(p for p in map(Period.parse, _LADDER) if p.fits_within(self.designated_max))
        seen, unique = set(), []
        for p in out:
            if p not in seen:
                seen.add(p)
                unique.append(p)
        return unique

    def describe_periods(self) -> str:
        parts = [p.describe() for p in self.periods]
        if self.under is not None:
            parts.append(msg("a period of less than {period}", period=self.under.describe()))
        if self.designated_max is not None:
            parts.append(msg("a period designated by the Minister of Justice up to {period}",
                             period=self.designated_max.describe()))
        if self.unlimited:
            parts.append(msg("unlimited"))
        if self.period_of_activities:
            parts.append(msg("the period of the activities"))
        out = parts[-1]
        if len(parts) > 1:
            out = msg("{first} or {last}", first=parts[-2], last=out)
        for p in reversed(parts[:-2]):
            out = msg("{first}, {rest}", first=p, rest=out)
        return out

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name_en": self.name_en,
            "name_ja": self.name_ja,
            "parent": self.parent or None,
            "table": self.table,
            "grantable_at_landing": self.grantable_at_landing,
            "periods": [str(p) for p in self.periods],
            "designated_max": str(self.designated_max) if self.designated_max else None,
            "less_than": str(self.under) if self.under else None,
            "unlimited": self.unlimited,
            "period_of_activities": self.period_of_activities,
            "allowed_periods": [str(p) for p in self.allowed_periods()],
            "period_text": self.period_text,
            "note": self.note,
        }


def _p(*texts: str) -> tuple[Period, ...]:
    return tuple(Period.parse(t) for t in texts)


_STD4 = ("5y", "3y", "1y", "3m")
_STD4_TEXT = "5 years, 3 years, 1 year or 3 months"


def _std(code, en, ja):
    return Status(code, en, ja, True, _p(*_STD4), period_text=_STD4_TEXT)


def _tit(code, level, sub, ja, maximum, text):
    return Status(code, f"Technical Intern Training ({level})({sub})", ja, True,
                  designated_max=Period.parse(maximum), period_text=text,
                  parent="Technical Intern Training", note=TIT_NOTE)


_TIT1 = "Period designated individually by the Minister of Justice (1 year or less)"
_TIT2 = "Period designated individually by the Minister of Justice (2 year or less)"

CATALOGUE: list[Status] = [
    Status("diplomat", "Diplomat", "外交", True, period_of_activities=True,
           period_text="Period during which diplomatic activities are performed"),
    Status("official", "Official", "公用", True, _p("5y", "3y", "1y", "3m", "30d", "15d"),
           period_text="5 years, 3 years, 1 year, 3 months, 30 days or 15 days"),
    _std("professor", "Professor", "教授"),
    _std("artist", "Artist", "芸術"),
    _std("religious_activities", "Religious Activities", "宗教"),
    _std("journalist", "Journalist", "報道"),
    *(Status(f"highly_skilled_professional_i_{item}", f"Highly-Skilled Professional (i)({item})",
             f"高度専門職1号{kana}", True, _p("5y"), period_text="5 years", parent="Highly-Skilled Professional (i)",
             note=HSP_NOTE) for item, kana in (("a", "イ"), ("b", "ロ"), ("c", "ハ"))),
    Status("highly_skilled_professional_ii", "Highly-Skilled Professional (ii)", "高度専門職2号", False,
           unlimited=True, period_text="Unlimited", parent="Highly-Skilled Professional",
           note="never granted at landing: obtained by change of status from (i)"),
    Status("business_manager", "Business Manager", "経営・管理", True, _p("5y", "3y", "1y", "6m", "4m", "3m"),
           period_text="5 years, 3 years, 1 year, 6 months, 4 months or 3 months"),
    _std("legal_accounting_services", "Legal/Accounting Services", "法律・会計業務"),
    _std("medical_services", "Medical Services", "医療"),
    _std("researcher", "Researcher", "研究"),
    _std("instructor", "Instructor", "教育"),
    _std("engineer_specialist_in_humanities_international_services",
         "Engineer/Specialist in Humanities/International Services", "技術・人文知識・国際業務"),
    _std("intra_company_transferee", "Intra-company Transferee", "企業内転勤"),
    _std("nursing_care", "Nursing Care", "介護"),
    Status("entertainer", "Entertainer", "興行", True, _p("3y", "1y", "6m", "3m", "30d"),
           period_text="3 years, 1 year, 6 months, 3 months, or 30 days"),
    _std("skilled_labor", "Skilled Labor", "技能"),
    Status("specified_skilled_worker_i", "Specified Skilled Worker (i)", "特定技能1号", True,
           designated_max=Period.parse("1y"), parent="Specified Skilled Worker",
           period_text="Period designated individually by the Minister of Justice (1 year or less)"),
    Status("specified_skilled_worker_ii", "Specified Skilled Worker (ii)", "特定技能2号", True,
           _p("3y", "1y", "6m"), period_text="3 years, 1 year or 6 months", parent="Specified Skilled Worker"),
    _tit("technical_intern_training_i_a", "i", "a", "技能実習1号イ", "1y", _TIT1),
    _tit("technical_intern_training_i_b", "i", "b", "技能実習1号ロ", "1y", _TIT1),
    _tit("technical_intern_training_ii_a", "ii", "a", "技能実習2号イ", "2y", _TIT2),
    _tit("technical_intern_training_ii_b", "ii", "b", "技能実習2号ロ", "2y", _TIT2),
    _tit("technical_intern_training_iii_a", "iii", "a", "技能実習3号イ", "2y", _TIT2),
    _tit("technical_intern_training_iii_b", "iii", "b", "技能実習3号ロ", "2y", _TIT2),
    Status("cultural_activities", "Cultural Activities", "文化活動", True, _p("3y", "1y", "6m", "3m"),
           period_text="3 years, 1 year, 6 months or 3 months"),
    Status("temporary_visitor", "Temporary Visitor", "短期滞在", True, _p("90d", "30d", "15d"),
           under=Period.parse("15d"), period_text="90 days, 30 days, 15 days or period of less than 15 days"),
    Status("student", "Student", "留学", True, designated_max=Period.parse("4y3m"),
           period_text="Period designated individually by the Minister of Justice (4 years and 3 months or less)"),
    Status("trainee", "Trainee", "研修", True, _p("2y", "1y", "6m", "3m"),
           period_text="2 years, 1 year, 6 months or 3 months"),
    Status("dependent", "Dependent", "家族滞在", True, designated_max=Period.parse("5y"),
           period_text="Period designated individually by the Minister of Justice (5 year or less)"),
    Status("designated_activities", "Designated Activities", "特定活動", True, _p("5y", "3y", "1y", "6m", "3m"),
           designated_max=Period.parse("5y"),
           period_text="5 years, 3 years, 1 year, 6 months, 3 months or a term designated by the Minister of "
                       "Justice (5 years or less)"),
    Status("permanent_resident", "Permanent Resident", "永住者", False, unlimited=True, table="II",
           period_text="Unlimited", note="never granted at landing"),
    Status("spouse_or_child_of_japanese_national", "Spouse or Child of Japanese National", "日本人の配偶者等", True,
           _p("5y", "3y", "1y", "6m"), table="II", period_text="5 years, 3 years, 1 year or 6 months"),
    Status("spouse_or_child_of_permanent_resident", "Spouse or Child of Permanent Resident", "永住者の配偶者等",
           True, _p("5y", "3y", "1y", "6m"), table="II", period_text="5 years, 3 years, 1 year or 6 months"),
    Status("long_term_resident", "Long-Term Resident", "定住者", True, _p("5y", "3y", "1y", "6m"),
           designated_max=Period.parse("5y"), table="II",
           period_text="5 years, 3 years, 1 year, 6 months or a term designated by the Minister of Justice "
                       "(5 years or less)"),
]


def _key(text: str) -> str:
    """Spelling-tolerant key: case, spaces, slashes and hyphens do not matter; (1) == (i)."""
    t = text.lower().strip()
    t = re.sub(r"\((?:1|one)\)", "(i)", t)
    t = re.sub(r"\((?:2|two)\)", "(ii)", t)
    t = re.sub(r"\((?:3|three)\)", "(iii)", t)
    t = t.replace("labour", "labor")
    return re.sub(r"[^a-z0-9()\u3040-\u30ff\u4e00-\u9fff]", "", t)


_INDEX: dict[str, Status] = {}
for _s in CATALOGUE:
    for _name in (_s.code, _s.name_en, _s.name_ja):
        _INDEX[_key(_name)] = _s


def find(name_or_code: str) -> Status:
    """The status by code, English name (as the table writes it) or Japanese name.

    Raises KeyError with the choices when the name is unknown or names a status that has
    sub-categories (e.g. "Technical Intern Training").
    """
    key = _key(name_or_code or "")
    if key in _INDEX:
        return _INDEX[key]
    retired = {_key(code): name for code, name in RETIRED.items()}
    if key in retired:
        key = _key(retired[key])
    subs = [s.name_en for s in CATALOGUE if key and _key(s.name_en).startswith(key)]
    if len(subs) > 1:
        raise KeyError(f"{name_or_code!r} has sub-categories; choose one of: {', '.join(subs)}")
    if len(subs) == 1:
        return find(subs[0])
    raise KeyError(f"unknown status of residence {name_or_code!r}; known: "
                   + ", ".join(s.name_en for s in CATALOGUE))


def grantable_statuses() -> list[Status]:
    return [s for s in CATALOGUE if s.grantable_at_landing]


def period_is_authorised(status: Status, period: Period) -> bool:
    """Whether ``period`` is one the table authorises for ``status`` (ignoring landing rules)."""
    if not period.is_fixed:
        return (period.kind == "unlimited" and status.unlimited) or \
               (period.kind == "activities" and status.period_of_activities)
    if period in status.periods:
        return True
    if status.under is not None and period.total_months == 0 and 0 < period.days < status.under.days:
        return True
    return status.designated_max is not None and period.fits_within(status.designated_max)


def check_period(status: Status | str, period: Period | str) -> tuple[bool, str]:
    """Can ``period`` be granted with ``status`` at landing? Returns (allowed, reason)."""
    st = status if isinstance(status, Status) else find(status)
    try:
        p = Period.parse(period)
    except PeriodError as exc:
        return False, exc.args[0] if exc.args else str(exc)
    if not st.grantable_at_landing:
        return False, msg("{status} cannot be granted at landing (ICRRA Art. 7(1)(ii))", status=st.title)
    if period_is_authorised(st, p):
        return True, msg("{period} is an authorised period of stay for {status}", period=p.describe(), status=st.title)
    return False, msg("{period} is not an authorised period of stay for {status}; the table allows {allowed}",
                      period=p.describe(), status=st.title, allowed=st.describe_periods())


#: Statuses whose holders are never mid-to-long-term residents (ICRRA Art. 19-3 (ii)-(iii)).
NOT_MID_TO_LONG_TERM = frozenset({"temporary_visitor", "diplomat", "official"})
_THREE_MONTHS = Period.parse("3m")


def is_mid_to_long_term(status: Status | str, period: Period | str) -> bool:
    """Whether a landing with ``status`` for ``period`` makes the traveller a mid-to-long-term
    resident, who receives a residence card: not Temporary Visitor, Diplomat or Official, and not
    a period of 3 months or less (ICRRA Art. 19-3; the brochure: "residence cards ... foreign
    nationals residing for mid to long-term periods"). Unlimited periods are long."""
    st = status if isinstance(status, Status) else find(status)
    if st.code in NOT_MID_TO_LONG_TERM:
        return False
    try:
        p = Period.parse(period)
    except PeriodError:
        return False
    if p.kind == "unlimited":
        return True
    if not p.is_fixed:
        return False
    return not p.fits_within(_THREE_MONTHS)
