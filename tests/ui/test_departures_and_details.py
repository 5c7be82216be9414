"""Issue 13 in the window: a departures booth finds the landing and flags an overstay; the
details a decision records are real fields (a re-entry permit, a residence card); the booth
switches between arrivals and departures from the keyboard, between travellers only."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.timeout(300)


def _rules(state: dict) -> list[str]:
    return [f["rule"] for f in state["refused"]]


def test_departure_finds_the_landing_and_flags_the_overstay(booth):
    window, d = booth
    from inspector_app.app.demo import OVERSTAY_LANDED_DAYS_AGO, seed_departure_story

    assert OVERSTAY_LANDED_DAYS_AGO == 99
    today = window.backend.today()
    # the clean traveller landed here 99 days ago for 90 days (through the examination core, face
    # and fingers from the demo images): her last day was 10 days ago
    landed = seed_departure_story(window.backend.home, today)
    d.login("inspector1", "demo-inspector")
    assert window.exam_vm.set_direction("departure")
    screen = window.exam_screen
    assert screen.direction_badge.text() == "DEPARTURES" and "DEPARTURES" in window.windowTitle()
    assert screen.landing.isVisible()
    assert not screen.capture.start_button.isEnabled() and not screen.capture.fingers_button.isEnabled()
    assert "no face or fingerprints" in screen.capture.verdict.text()

    d.present("clean")
    panel = screen.landing
    d.wait(lambda: panel.state.get("state") == "found", "the landing record")
    assert panel.state["record"]["record_id"] == landed
    assert "this booth" in panel.badge.text()
    assert panel.values["landed"].text() == (today - dt.timedelta(days=99)).isoformat()
    assert panel.values["last"].text() == (today - dt.timedelta(days=10)).isoformat()
    assert panel.values["status"].text() == "Temporary Visitor"
    assert panel.values["period"].text() == "90 days"
    assert panel.values["days"].text() == "100"
    assert "OVERSTAY: 10 day(s)" in panel.overstay.text()
    assert panel.overstay.property("badge") == "bad"
    checks = screen.checks
    line = next(checks.list.item(i).text() for i, c in enumerate(checks.checks) if c["kind"] == "landing_record")
    assert line.startswith("PASS — Landing record") and "{" not in line and "watchlist" not in line, line

    state = screen.decision.state
    assert state["types"] == ["departure_confirmation", "japanese_national_departure"]
    assert state["selection"]["type"] == "departure_confirmation"
    assert [f["rule"] for f in state["flags"]] == ["flag.overstay"]
    assert state["can_save"], state["problems"]
    # before saving, the inspector reads that it goes to the supervisor, and why
    problems = screen.decision.problems
    assert "goes to the supervisor" in problems.text() and "10 day(s) beyond" in problems.text()
    record = d.save()
    assert d.errors == []
    assert "Sent to the supervisor (1 flag(s))." in screen.decision.saved_label.text()
    assert "flag.overstay" in [f["rule"] for f in record["decision"]["flags"]]
    assert Path(record["seal_path"]).read_bytes()[:5] == b"%PDF-"      # the departure confirmation slip
    exam_id = window.exam_vm.examination_id
    assert any(q["examination_id"] == exam_id for q in window.backend.review_queue())


def test_returning_resident_with_expired_reentry_permit_is_refused(booth):
    window, d = booth
    yesterday = window.backend.today() - dt.timedelta(days=1)
    d.login("inspector1", "demo-inspector")
    assert window.exam_vm.direction == "arrival"
    d.present("clean")
    d.capture_face()
    d.capture_fingers()
    panel = window.exam_screen.decision
    permit = {"reentry_permit_kind": "reentry_permit", "reentry_permit_number": "RP1234567",
              "reentry_permit_use": "multiple", "reentry_permit_valid_until": yesterday.isoformat(),
              "stay_until": "unlimited"}
    state = d.decide("returning_resident", "permanent_resident", details=permit)
    assert list(panel.details.editors) == ["reentry_permit_kind", "reentry_permit_number", "reentry_permit_use",
                                           "reentry_permit_valid_until", "stay_until"]
    assert panel.details.editor("reentry_permit_valid_until").placeholderText() == "YYYY-MM-DD"
    assert _rules(state) == ["reentry.permit_expired"], state["problems"]
    assert f"expired on {yesterday.isoformat()}" in panel.problems.text()
    assert not panel.save_button.isEnabled()

    later = (window.backend.today() + dt.timedelta(days=365)).isoformat()
    state = d.decide("returning_resident", details={"reentry_permit_valid_until": later})
    assert state["can_save"], state["problems"]
    record = d.save()
    assert record["decision"]["details"]["reentry_permit_valid_until"] == later
    assert record["decision"]["status_code"] == "permanent_resident"


def test_residence_card_is_recorded_with_the_landing(booth):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("clean")
    d.capture_face()
    d.capture_fingers()
    panel = window.exam_screen.decision
    state = d.decide("landing_permission", "business_manager", "1y")
    assert "residence_card" in panel.details.editors
    assert "residence_card.missing" in _rules(state)
    assert not panel.save_button.isEnabled()

    state = d.decide("landing_permission", details={"residence_card": "issued_at_port"})
    assert "residence_card_number" in panel.details.editors      # appears once "issued at the port" is chosen
    state = d.decide("landing_permission", details={"residence_card_number": "AB12345678CD"})
    assert state["can_save"], state["problems"]
    record = d.save()
    assert record["decision"]["details"] == {"residence_card": "issued_at_port",
                                             "residence_card_number": "AB12345678CD"}
    assert Path(record["seal_path"]).read_bytes()[:5] == b"%PDF-"
    assert ("Residence card", "AB12345678CD") in record["seal"].lines


def test_the_period_is_typed(booth):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("clean")
    panel = window.exam_screen.decision
    d.decide("landing_permission", "temporary_visitor")
    edit = panel.period.lineEdit()
    for typed, expected in (("10", "10d"), ("1 day", "1d"), ("30d", "30d"), ("6m", "6m"), ("abc", "abc")):
        panel.period.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, typed)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        d.idle()
        assert panel.state["selection"]["period"] == expected, typed
        # what the status does not allow, or no period at all, is the domain's refusal, not a crash
        if expected == "6m":
            assert "decision.period_not_allowed" in _rules(panel.state)
        if expected == "abc":
            assert "decision.period_invalid" in _rules(panel.state)
            assert not panel.save_button.isEnabled()
            assert panel.last_day.text() == "—"    # no last day to show; not "unlimited"
        elif expected != "6m":
            assert panel.last_day.text()[:4].isdigit(), panel.last_day.text()


def test_the_booth_switches_between_arrivals_and_departures_from_the_keyboard(booth, qtbot):
    from inspector_app.settings import Settings

    window, d = booth
    d.login("inspector1", "demo-inspector")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=60000)
    screen = window.exam_screen
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    assert screen.direction_badge.text() == "ARRIVALS" and not screen.landing.isVisible()

    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_D, ctrl_shift)
    d.idle()
    assert window.exam_vm.direction == "departure" and screen.direction_badge.text() == "DEPARTURES"
    assert "DEPARTURES" in window.windowTitle() and screen.landing.isVisible()
    assert Settings.load(window.backend.home).get("booth.direction") == "departure"   # kept across restarts
    assert screen.decision.state["types"] == ["departure_confirmation", "japanese_national_departure"]

    d.present("clean")   # a traveller being examined: the booth stays as it is, and says why
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_D, ctrl_shift)
    d.wait(lambda: "before changing between arrivals and departures" in window.message, "the refusal")
    assert window.exam_vm.direction == "departure"

    # the details from the keyboard: a choice that brings more fields keeps the focus where it was,
    # Tab goes on into the new fields, typing is never interrupted
    panel, details = screen.decision, screen.decision.details
    d.wait(lambda: screen.landing.state.get("state") == "not_found", "the look-up")
    kind = details.editor("reentry_permit_kind")
    kind.setFocus()
    qtbot.waitUntil(kind.hasFocus, timeout=60000)
    QTest.keyClick(kind, Qt.Key.Key_Down)      # none (leaving for good)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)      # re-entry permit: its fields appear
    assert "reentry_permit_number" in details.editors
    assert QApplication.focusWidget() is details.editor("reentry_permit_kind")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is details.editor("reentry_permit_number")
    d.detail("reentry_permit_kind", "none")
    # no landing record: the last day on the passport's seal, typed, is the stay's end
    seal = details.editor("seal_last_day")
    seal.setFocus()
    qtbot.waitUntil(seal.hasFocus, timeout=60000)
    QTest.keyClicks(seal, (window.backend.today() - dt.timedelta(days=3)).isoformat())
    d.idle()
    assert seal.hasFocus() and details.editor("seal_last_day") is seal
    stay = screen.landing.state["stay"]
    assert stay["source"] == "seal" and stay["overstay_days"] == 3
    assert "OVERSTAY: 3 day(s)" in screen.landing.overstay.text()
    assert "from the landing seal" in screen.landing.values["last"].text()
    d.save()

    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_D, ctrl_shift)
    d.idle()
    assert window.exam_vm.direction == "arrival" and window.exam_vm.examination_id is None
    assert screen.capture.start_button.isEnabled() and not screen.landing.isVisible()
    assert panel.state["types"][0] == "landing_permission" and "departure_confirmation" not in panel.state["types"]
    # a Japanese passport: the Japanese national's decision is the one offered first
    from tests.booth.conftest import watson

    d.read_mrz(watson(issuing_state="JPN", nationality="JPN", surname="YAMADA", given_names="HANAKO"))
    assert panel.state["selection"]["type"] == "japanese_national"
