"""Departures: the landing this departure ends, and the stay against its authorised end.

The view model looks the landing record up (this booth, then the hub) on a worker lane and
says what it found (``ExaminationViewModel.landing_state``); this panel puts it in words, the
overstay first and unmistakable. Shown only while the booth serves departures.
"""
from __future__ import annotations

from inspector_app.app.forms.ui_exam_landing import Ui_LandingPanel
from inspector_app.app.widgets.common import (
    core_text,
    decision_title,
    local_time,
    period_title,
    set_badge,
    status_title,
)
from inspector_app.app.widgets.exam_panels import Retranslating, clear_badge, set_neutral


class LandingPanel(Retranslating):
    form = Ui_LandingPanel

    def __init__(self, parent=None):
        super().__init__(parent)
        u = self.ui
        self.badge, self.searched, self.overstay = u.landingState, u.landingSearched, u.overstayBadge
        self.values = {"landed": u.landedOn, "status": u.landingStatus, "period": u.landingPeriod,
                       "last": u.landingLast, "port": u.landingPort, "days": u.daysStayed}
        self.state: dict = {}

    def bind(self, vm) -> None:
        super().bind(vm)
        vm.landingChanged.connect(self.show)
        vm.directionChanged.connect(lambda d: self.setVisible(d == "departure"))
        self.setVisible(vm.direction == "departure")
        self.show(vm.landing_state())

    def retranslate(self) -> None:
        self.show(self.state)

    def show(self, state: dict) -> None:
        self.state = dict(state or {})
        st = self.state.get("state", "idle")
        record = self.state.get("record") or {}
        stay = self.state.get("stay") or {}
        if st == "searching":
            set_neutral(self.badge, self.tr("Looking for the landing record…"))
        elif st == "found":
            where = {"booth": self.tr("Landing record found in this booth's records"),
                     "hub": self.tr("Landing record found at the hub")}.get(self.state.get("source"),
                                                                            self.tr("Landing record found"))
            set_badge(self.badge, "pass", where)
        elif st == "not_found":
            set_badge(self.badge, "warning", self.tr("No landing record found: type the last day from the "
                                                     "landing seal in the passport (Details)"))
        elif st == "japanese":
            set_neutral(self.badge, self.tr("Japanese national: no landing record to look for"))
        else:
            set_neutral(self.badge, self.tr("Read the passport: the landing record is looked for by itself."))
        self.searched.setText("\n".join(core_text(r) for r in self.state.get("reasons") or []))
        last = self._end(record, stay)
        status = record.get("status_code")
        values = {
            "landed": stay.get("landing_date") or record.get("landing_date") or "",
            "status": status_title(status) if status else (decision_title(record["type"]) if record.get("type") else ""),
            "period": period_title(record.get("period") or ""),
            "last": last,
            "port": ", ".join(p for p in (record.get("port"), record.get("booth")) if p),
            "days": str(stay["days_stayed"]) if stay.get("days_stayed") is not None else "",
        }
        for key, label in self.values.items():
            label.setText(values[key] or "—")
        self._show_overstay(st, stay)

    def _end(self, record: dict, stay: dict) -> str:
        """The authorised end: a date, or the date and hour of a period in hours (port time)."""
        if stay.get("ends_at"):
            return local_time(stay["ends_at"], always_date=True)
        if stay.get("last_day"):
            seal = self.tr(" (from the landing seal)") if stay.get("source") == "seal" else ""
            return stay["last_day"] + seal
        if record and record.get("period") and not record.get("last_day"):
            return self.tr("no last day (unlimited)")
        return ""

    def _show_overstay(self, st: str, stay: dict) -> None:
        if st not in ("found", "not_found"):
            clear_badge(self.overstay)
            return
        days = int(stay.get("overstay_days") or 0)
        if days:
            set_badge(self.overstay, "fail", self.tr("OVERSTAY: %d day(s) beyond the authorised stay") % days)
        elif stay.get("source") == "none":
            set_badge(self.overstay, "warning", self.tr("Stay not verified: no record and no seal date"))
        else:
            set_badge(self.overstay, "pass", self.tr("Within the authorised stay"))

