"""Shared look: outcome icons + words (never colour alone), titles of check kinds, fonts."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QStyle

from inspector_app.app.i18n import core_text, country_name
from inspector_app.domain import decisions, exemptions, rules, statuses
from inspector_app.domain.periods import Period, PeriodError

__all__ = ["core_text", "country_name"]  # re-exported for the screens

# outcome -> (glyph, QStyle icon, css class). The word and the glyph carry the meaning;
# colour only repeats it.
OUTCOMES = {
    # store outcomes (store.OUTCOMES) and review verdicts
    "clear": ("✔", QStyle.StandardPixmap.SP_DialogApplyButton, "ok"),
    "hit": ("✖", QStyle.StandardPixmap.SP_MessageBoxCritical, "bad"),
    "error": ("✖", QStyle.StandardPixmap.SP_MessageBoxCritical, "bad"),
    "exception": ("⚠", QStyle.StandardPixmap.SP_MessageBoxWarning, "warn"),
    "low_quality": ("⚠", QStyle.StandardPixmap.SP_MessageBoxWarning, "warn"),
    "override": ("⚠", QStyle.StandardPixmap.SP_MessageBoxWarning, "warn"),
    "cleared": ("✔", QStyle.StandardPixmap.SP_DialogApplyButton, "ok"),
    "confirmed": ("✖", QStyle.StandardPixmap.SP_MessageBoxCritical, "bad"),
    # screen-only states
    "exempt": ("ⓘ", QStyle.StandardPixmap.SP_MessageBoxInformation, "info"),
    "pass": ("✔", QStyle.StandardPixmap.SP_DialogApplyButton, "ok"),
    "fail": ("✖", QStyle.StandardPixmap.SP_MessageBoxCritical, "bad"),
    "warning": ("⚠", QStyle.StandardPixmap.SP_MessageBoxWarning, "warn"),
}


def tr(text: str) -> str:
    """Module-level translation; pyside6-lupdate files these plain tr() calls under the empty context."""
    return QCoreApplication.translate("", text)


def outcome_word(outcome: str) -> str:
    """A check outcome, review verdict or screen state as one word (unknown: as it is)."""
    return {
        "clear": tr("PASS"), "pass": tr("PASS"), "hit": tr("HIT"), "error": tr("FAIL"), "fail": tr("FAIL"),
        "exception": tr("EXCEPTION"), "low_quality": tr("LOW QUALITY"), "override": tr("OVERRIDE"),
        "warning": tr("WARNING"), "exempt": tr("EXEMPT"), "confirmed": tr("CONFIRMED HIT"),
        "cleared": tr("CLEARED"), "open": tr("OPEN"), "flag": tr("FLAG"),
    }.get(outcome, outcome)


def role_title(role: str) -> str:
    """A user's role in words (DOMAIN.md: inspector, supervising inspector, administrator)."""
    return {"inspector": tr("Inspector"), "supervisor": tr("Supervisor"),
            "administrator": tr("Administrator"), "admin": tr("Administrator")}.get(role, role)


def roles_title(roles) -> str:
    return tr(", ").join(role_title(r) for r in roles or [])


def period_title(period: str) -> str:
    """A period of stay as written in a decision ("90d", "1y", "unlimited") in words ("90 days")."""
    if not period:
        return ""
    try:
        return core_text(Period.parse(period).describe())
    except PeriodError:
        return str(period)


def status_title(code: str) -> str:
    """A status of residence (code or name) by its official name in the current language (短期滞在)."""
    try:
        return core_text(statuses.find(code).title)
    except KeyError:
        return code


def check_field_title(field: str) -> str:
    """An MRZ field whose check digit is checked (``document_number``...) in words."""
    return core_text(rules.CHECK_FIELDS.get(field, field))


def list_title(name: str) -> str:
    """A screening list's code (``sltd``, ``biographic``...) in words."""
    return core_text(rules.LIST_NAMES.get(name, name))


def kind_title(kind: str) -> str:
    return {
        "document": tr("Document (check digits, expiry)"),
        "sltd": tr("Lost/stolen documents (SLTD)"),
        "biographic": tr("Biographic watchlist"),
        "face": tr("Face watchlist"),
        "fingerprint": tr("Fingerprint watchlist"),
        "face_capture": tr("Face captured"),
        "finger_capture": tr("Fingerprint captured"),
        "biometric_exception": tr("Biometric exception"),
        "biometric_exemption": tr("Biometric exemption"),
        "override": tr("Override"),
        "landing_record": tr("Landing record (departure)"),
        "decision_flag": tr("Decision flagged for the supervisor"),
        "designated_ship": tr("Designated cruise ship"),
        "pre_arrival": tr("Pre-arrival (API) screening"),
        "encounter": tr("Earlier encounters (face and fingers)"),
        "chip": tr("Passport chip"),
    }.get(kind, kind)


def finger_title(position: str) -> str:
    """"Left IndexFinger" (the SBI name) as a person reads it ("left index finger", 左手人差し指);
    "Face" for a face exception."""
    return core_text(rules.finger_name(position))


def decision_title(kind: str) -> str:
    return core_text(decisions.decision_name(kind))


def flag_title(kind: str) -> str:
    """A check kind in a few words, for a narrow column (kind_title has the full title)."""
    return {
        "document": tr("Document check"),
        "sltd": tr("Lost/stolen document"),
        "biographic": tr("Name watchlist"),
        "face": tr("Face watchlist"),
        "fingerprint": tr("Fingerprint watchlist"),
        "face_capture": tr("Face capture"),
        "finger_capture": tr("Fingerprint capture"),
        "biometric_exception": tr("Biometric exception"),
        "biometric_exemption": tr("Biometric exemption"),
        "override": tr("Override"),
        "landing_record": tr("Landing record"),
        "decision_flag": tr("Decision flag"),
        "designated_ship": tr("Cruise ship"),
        "pre_arrival": tr("Pre-arrival"),
        "encounter": tr("Earlier encounter"),
    }.get(kind, kind_title(kind))


def decision_short(kind: str) -> str:
    """A decision in a few words, for a narrow column (decision_title has the full title)."""
    return {
        "landing_permission": tr("Landing permission"),
        "referral": tr("Referral"),
        "special_landing_permission": tr("Special landing"),
        "crew_landing": tr("Crew landing"),
        "port_of_call_landing": tr("Shore pass"),
        "transit_landing": tr("Transit landing"),
        "cruise_ship_landing": tr("Cruise landing"),
        "emergency_landing": tr("Emergency landing"),
        "distress_landing": tr("Distress landing"),
        "temporary_refuge_landing": tr("Temporary refuge"),
        "returning_resident": tr("Returning resident"),
        "japanese_national": tr("Japanese national"),
        "departure_confirmation": tr("Departure"),
        "japanese_national_departure": tr("Japanese national leaving"),
    }.get(kind, decision_title(kind))


def local_time(iso: str | None, always_date: bool = False) -> str:
    """A stored UTC time ("2026-11-30T01:28:02Z") as a person at the booth reads it: local time,
    "10:28" today, "2026-11-29 10:28" another day (or always with ``always_date``); "" if none."""
    import datetime as dt

    if not iso:
        return ""
    try:
        when = dt.datetime.fromisoformat(str(iso).replace("Z", "+00:00"))
    except ValueError:
        return str(iso)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    when = when.astimezone()
    if not always_date and when.date() == dt.datetime.now().astimezone().date():
        return when.strftime("%H:%M")
    return when.strftime("%Y-%m-%d %H:%M")


def exemption_title(reason: str) -> str:
    """An exemption ground (``exemptions.ExemptionReason``) in words."""
    try:
        return core_text(exemptions.GROUND_NAMES[exemptions.ExemptionReason(reason)])
    except ValueError:
        return reason


WORD_JOINER = "\u2060"
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_KANJI_KATAKANA = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff\uff66-\uff9f]")
_CJK = re.compile(r"[\u3041-\u30ff\u3400-\u9fff\uff01-\uff9f\u3005\u30fc]")
_BREAK_AFTER = set("、。・）」』】：；，．！？")


def phrases(text: str) -> str:
    """Japanese text that a word-wrapping label breaks between phrases, never inside a word.

    Qt breaks Japanese between any two characters ("有効|期限", "異|形"). This joins the
    characters of a Japanese run with WORD JOINER (U+2060, invisible) and leaves a break only
    after punctuation and where a particle (hiragana) is followed by a kanji or katakana word:
    "旅券の|有効期限が|切れています". Latin text is left as it is."""
    if not text or not _CJK.search(text):
        return text
    out = [text[0]]
    for prev, ch in zip(text, text[1:]):
        if (_CJK.match(prev) and _CJK.match(ch) and prev not in _BREAK_AFTER
                and not (_HIRAGANA.match(prev) and _KANJI_KATAKANA.match(ch))):
            out.append(WORD_JOINER)
        out.append(ch)
    return "".join(out)


def outcome_icon(outcome: str):
    glyph, pix, _ = OUTCOMES.get(outcome, OUTCOMES["warning"])
    return QApplication.style().standardIcon(pix)


def set_badge(label: QLabel, outcome: str, text: str) -> None:
    """A label that says the outcome by glyph + word, coloured by the stylesheet class."""
    glyph, _, cls = OUTCOMES.get(outcome, ("•", None, "info"))
    label.setText(f"{glyph} {phrases(text)}")
    restyle_badge(label, cls)


def restyle_badge(label: QLabel, cls: str) -> None:
    """Give a label the stylesheet's badge class ``cls`` ("" for none) and apply it now."""
    label.setProperty("badge", cls)
    label.style().unpolish(label)
    label.style().polish(label)


def mono_font(size: int = 15) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(size)
    return font


def section_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    return label


def shortcut_text(text: str) -> str:
    """A menu or button text as a list shows it: without the mnemonic marks ("&Save" -> "Save")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()

