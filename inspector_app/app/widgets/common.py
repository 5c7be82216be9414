"""Shared look: outcome icons + words (never colour alone), titles of check kinds, fonts."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QStyle

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
    return {
        "clear": tr("PASS"), "pass": tr("PASS"), "hit": tr("HIT"), "error": tr("FAIL"), "fail": tr("FAIL"),
        "exception": tr("EXCEPTION"), "low_quality": tr("LOW QUALITY"), "override": tr("OVERRIDE"),
        "warning": tr("WARNING"), "exempt": tr("EXEMPT"), "confirmed": tr("CONFIRMED HIT"),
        "cleared": tr("CLEARED"),
    }.get(outcome, outcome.upper())


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
    }.get(kind, kind)


def finger_title(position: str) -> str:
    """"Left IndexFinger" (the SBI name) as a person reads it; "Face" for a face exception."""
    hand, _, finger = position.partition(" ")
    hands = {"Left": tr("left"), "Right": tr("right")}
    fingers = {"IndexFinger": tr("index finger"), "MiddleFinger": tr("middle finger"),
               "RingFinger": tr("ring finger"), "LittleFinger": tr("little finger"), "Thumb": tr("thumb")}
    if hand in hands and finger in fingers:
        return f"{hands[hand]} {fingers[finger]}"
    return tr("face") if position == "Face" else position


def decision_title(kind: str) -> str:
    return {
        "landing_permission": tr("Landing permission"),
        "referral": tr("Referral to special inquiry officer"),
        "special_landing_permission": tr("Special landing permission"),
        "crew_landing": tr("Crew landing"),
        "port_of_call_landing": tr("Port-of-call landing (shore pass)"),
        "transit_landing": tr("Transit landing"),
        "cruise_ship_landing": tr("Cruise-ship tourist landing"),
        "emergency_landing": tr("Emergency landing"),
        "distress_landing": tr("Landing due to distress"),
        "temporary_refuge_landing": tr("Landing for temporary refuge"),
        "returning_resident": tr("Returning resident (re-entry permit)"),
        "japanese_national": tr("Japanese national (return confirmation)"),
    }.get(kind, kind)


def exemption_title(reason: str) -> str:
    return {
        "special_permanent_resident": tr("Special permanent resident"),
        "under_16": tr("Under 16 years of age"),
        "diplomat": tr("Diplomat activities"),
        "official": tr("Official activities"),
        "invited_by_head_of_organ": tr("Invited by the head of a national administrative organ"),
        "designated_by_ordinance": tr("Designated by ordinance"),
    }.get(reason, reason)


def outcome_icon(outcome: str):
    glyph, pix, _ = OUTCOMES.get(outcome, OUTCOMES["warning"])
    return QApplication.style().standardIcon(pix)


def set_badge(label: QLabel, outcome: str, text: str) -> None:
    """A label that says the outcome by glyph + word, coloured by the stylesheet class."""
    glyph, _, cls = OUTCOMES.get(outcome, ("•", None, "info"))
    label.setText(f"{glyph} {text}")
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


def local_time(iso: str | None) -> str:
    """An ISO time (UTC or with an offset) as the workstation's local time: "14:05" today, else
    the date and time in the short local format; "" for nothing, the text itself if it is no time."""
    if not iso:
        return ""
    import datetime as dt

    from PySide6.QtCore import QDateTime, QLocale

    try:
        when = dt.datetime.fromisoformat(str(iso).replace("Z", "+00:00"))
    except ValueError:
        return str(iso)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    local = when.astimezone()
    qt = QDateTime.fromSecsSinceEpoch(int(local.timestamp()))
    if local.date() == dt.datetime.now().astimezone().date():
        return QLocale().toString(qt.time(), QLocale.FormatType.ShortFormat)
    return QLocale().toString(qt, QLocale.FormatType.ShortFormat)
