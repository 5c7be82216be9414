"""The examination screen by keyboard: a clean traveller in at most 8 keys, a Tab order that never
traps, the status type-ahead in both languages, and messages that say the truth.

The key sequence of a clean traveller with the devices in auto mode (docs/KEYBOARD.md):

    passport on the reader   (the reader types the MRZ: no key of the inspector's)
    camera and scanner       (start by themselves once the document is read; the face is taken
                              when it holds steady in the quality gate)
    Ctrl+T  t  a  n  Return  (status of residence: 短期滞在 / Temporary Visitor; 90 days is offered first)
    Ctrl+S                   (save; the landing permission seal is written)
    Ctrl+N                   (next traveller)

7 keys. Every wait is on a condition the screen shows, never on time.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.timeout(240)

CLEAN_TRAVELLER_KEYS = [("Ctrl", Qt.Key.Key_T), ("", Qt.Key.Key_T), ("", Qt.Key.Key_A), ("", Qt.Key.Key_N),
                        ("", Qt.Key.Key_Return), ("Ctrl", Qt.Key.Key_S), ("Ctrl", Qt.Key.Key_N)]


class Keyboard:
    """Keys go where a real keyboard sends them: the open popup, else the focused widget."""

    def __init__(self, window):
        self.window, self.count = window, 0

    def press(self, key, modifier: str = "") -> None:
        target = QApplication.activePopupWidget() or QApplication.focusWidget() or self.window
        mods = Qt.KeyboardModifier.ControlModifier if modifier == "Ctrl" else Qt.KeyboardModifier.NoModifier
        QTest.keyClick(target, key, mods)
        self.count += 1


def _reader_delivers(window, services, key: str) -> dict:
    """The demo's devices take traveller ``key``, and the passport reader sends its MRZ (the
    window's reader path, as a wedge or serial reader does)."""
    t = services.select(key, window.backend.settings)
    window.mrz_input.mrz.emit(t["mrz"])
    return t


def _active(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=60000)


def test_clean_traveller_from_reader_to_next_in_at_most_8_keys(booth, qtbot):
    window, d = booth
    window.backend.settings.set("exam.auto_devices", True)   # the booth's default (tests/ui/conftest.py turns it off)
    d.login("inspector1", "demo-inspector")
    _active(window, qtbot)
    vm, screen = window.exam_vm, window.exam_screen
    assert vm.auto_devices
    _reader_delivers(window, window.demo_services, "clean")
    # the camera and the scanner started by themselves; the inspector watches the screen
    qtbot.waitUntil(lambda: any(c["kind"] == "face" for c in vm.checks), timeout=60000)
    qtbot.waitUntil(lambda: any(c["kind"] == "fingerprint" for c in vm.checks), timeout=60000)
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=60000)
    assert vm.face["state"] == "captured" and len(vm.fingers["fingers"]) >= 2
    assert not screen.notice.isVisible(), screen.notice.text()

    keys = Keyboard(window)
    for (mod, key), then in zip(CLEAN_TRAVELLER_KEYS, [
            lambda: screen.decision.status.hasFocus(), None, None,
            lambda: screen.decision.completer.popup().isVisible(),
            lambda: vm.decision["status_code"] == "temporary_visitor" and screen.decision.state.get("can_save"),
            lambda: vm.saved_record is not None and vm.saved_record.get("seal_path"),
            lambda: vm.examination_id is None]):
        keys.press(key, mod)
        if then is not None:
            qtbot.waitUntil(then, timeout=60000)
        if key == Qt.Key.Key_Return:
            assert vm.decision["period"] == "90d"
            assert screen.decision.period.currentText() == "90 days"
    assert keys.count == len(CLEAN_TRAVELLER_KEYS) <= 8
    assert not screen.decision.completer.popup().isVisible()
    # ready for the next passport (the window's focus widget: offscreen, a closed popup does not
    # hand the activation back to the window as a window manager does)
    qtbot.waitUntil(lambda: window.focusWidget() is screen.mrz.edit, timeout=60000)
    assert d.errors == []


def test_tab_runs_through_the_screen_and_never_traps(booth, qtbot):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    _active(window, qtbot)
    screen = window.exam_screen
    window.backend.settings.set("exam.auto_devices", False)   # a still screen: nothing changes under the keys
    d.present("lost_passport")
    d.decide("referral")
    assert screen.decision.reasons.isEnabled()
    screen.mrz.edit.setFocus()
    qtbot.waitUntil(lambda: screen.mrz.edit.hasFocus(), timeout=60000)
    keys, seen = Keyboard(window), []
    for _ in range(40):
        keys.press(Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
        seen.append(w)
        if w is screen.decision.next_button:
            break
    # the order of the work, every enabled field on the way, never a table cell
    assert screen.decision.next_button in seen, [x.objectName() for x in seen]
    order = [w for w in screen.tab_chain if w in seen]
    assert order == sorted(order, key=seen.index)
    for w in (screen.mrz.read_button, screen.checks.list, screen.decision.type, screen.decision.reasons):
        assert w in seen, w.objectName()
    assert screen.capture.fingers not in seen
    # and it goes on out of the screen (menu, window) instead of cycling inside a widget
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not screen.decision.next_button


@pytest.mark.parametrize("typed, expected", [
    ("tan", "temporary_visitor"), ("たん", "temporary_visitor"), ("タンキ", "temporary_visitor"),
    ("短期", "temporary_visitor"), ("ryugaku", "student"), ("留学", "student"), ("kazoku", "dependent"),
    ("Business", "business_manager"),
])
def test_status_type_ahead_in_both_languages(typed, expected):
    from inspector_app.domain import statuses
    from inspector_app.domain.status_search import find

    assert [s.code for s in find(typed, statuses.grantable_statuses())][:1] == [expected]


def test_status_field_takes_kana_typed_through_an_input_method(booth, qtbot):
    """An input method commits "たん" as text: the field offers 短期滞在 first and Return takes it."""
    window, d = booth
    window.backend.settings.set("exam.auto_devices", False)
    d.login("inspector1", "demo-inspector")
    _active(window, qtbot)
    d.present("clean")
    panel = window.exam_screen.decision
    panel.focus_status()
    qtbot.waitUntil(lambda: panel.status.hasFocus(), timeout=60000)
    from PySide6.QtGui import QInputMethodEvent

    commit = QInputMethodEvent()
    commit.setCommitString("たん")
    QApplication.sendEvent(panel.status.lineEdit(), commit)
    qtbot.waitUntil(lambda: panel.completer.popup().isVisible(), timeout=60000)
    Keyboard(window).press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.exam_vm.decision["status_code"] == "temporary_visitor", timeout=60000)
    assert panel.status.currentText() == "Temporary Visitor"   # shown in the screen's language, found in either


def test_messages_say_the_truth_and_saved_fields_are_locked(booth, qtbot):
    from PySide6.QtWidgets import QLabel

    window, d = booth
    window.backend.settings.set("exam.auto_devices", False)
    d.login("inspector1", "demo-inspector")
    screen, vm = window.exam_screen, window.exam_vm
    problems = screen.decision.problems
    height = problems.height()
    assert "Waiting for a document" in problems.text() and problems.property("badge") == "info"   # not a warning
    # a garbage MRZ: the reason in full, in the window, no raw data
    failed = len(d.errors)
    screen.mrz.edit.setPlainText("HELLO WORLD")
    screen.mrz.read_button.click()
    qtbot.waitUntil(lambda: len(d.errors) > failed, timeout=60000)
    assert screen.notice.isVisible() and "machine readable zone" in screen.notice.text()
    assert "{" not in screen.mrz.feedback.text()
    # a check-digit failure is told in words, not as a Python dict
    t = d.services.select("clean", window.backend.settings)
    line2 = t["mrz"].splitlines()[1]
    bad = line2[:9] + ("0" if line2[9] != "0" else "1") + line2[10:]
    screen.mrz.edit.setPlainText(t["mrz"].splitlines()[0] + "\n" + bad)
    qtbot.waitUntil(lambda: "✖" in screen.mrz.feedback.text(), timeout=60000)
    assert "{" not in screen.mrz.feedback.text() and "'" not in screen.mrz.feedback.text()

    screen.mrz.edit.clear()
    d.present("clean")
    assert not screen.notice.isVisible()            # the reader's message went once a document was read
    assert "Waiting for a document" not in problems.text()
    d.capture_face()
    d.capture_fingers()
    d.decide("landing_permission", "temporary_visitor", "90d")
    assert problems.height() == height              # the panel does not jump as its message changes
    record = d.save()
    assert problems.height() == height
    # the short reference, never the record's UUID or the seal's path
    saved = screen.decision.saved_label.text()
    assert record["record_id"] not in saved and str(record["seal_path"]) not in saved
    assert record["record_id"].replace("-", "")[:4].upper() in saved
    # locked: the screen cannot disagree with the record
    for w in (screen.decision.type, screen.decision.status, screen.decision.period, screen.capture.exemption,
              screen.capture.start_button, screen.capture.fingers_button):
        assert not w.isEnabled(), w.objectName()
    assert "locked" in problems.text()
    vm.set_decision(status_code="student")
    assert vm.decision["status_code"] == "temporary_visitor"
    d.next()
    # no empty coloured bars after Next traveller
    for label in screen.findChildren(QLabel):
        if not label.text():
            assert label.property("badge") in (None, ""), label.objectName()
    for text in [w.text() for w in screen.findChildren(QLabel)]:
        assert "Left IndexFinger" not in text and "90d" not in text and "under_16" not in text
    # the next traveller, a child: every text on the screen in words, no codes, ids or paths
    import re

    d.present("child")
    texts = [w.text() for w in screen.findChildren(QLabel)] + [
        screen.checks.list.item(i).text() for i in range(screen.checks.list.count())] + [
        screen.capture.exemption.currentText(), screen.decision.type.currentText()]
    raw = re.compile(r"under_16|IndexFinger|\b\d+[dmy]\b|[0-9a-f]{8}-[0-9a-f]{4}-|/tmp/|\{'|evidence/")
    assert not [t for t in texts if raw.search(t)], [t for t in texts if raw.search(t)]


def test_a_missing_scanner_is_told_in_the_window_within_the_discovery_timeout(booth, qtbot, capfd):
    """No scanner: the screen says what is happening while it looks, then why it failed, in full
    and in the window, within devices.sbi.discovery_timeout_s; no traceback in the terminal."""
    import time

    window, d = booth
    settings = window.backend.settings
    settings.set("exam.auto_devices", False)
    settings.set("devices.sbi.discovery_timeout_s", 2)
    d.login("inspector1", "demo-inspector")
    d.present("clean")
    window.demo_services.sbi.stop()
    from inspector_app.app.demo import free_port

    port = free_port()   # nothing listens there (the demo range may hold other machines' scanners)
    settings.set("devices.sbi.port_range", [port, port])
    screen, vm = window.exam_screen, window.exam_vm
    seen: list[str] = []
    vm.progress.connect(lambda step, pct, text: seen.append(text))
    started = time.monotonic()
    screen.capture.fingers_button.click()
    qtbot.waitUntil(lambda: vm.fingers.get("state") == "error", timeout=60000)
    elapsed = time.monotonic() - started
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=60000)
    assert "no fingerprint scanner answered within 2 seconds" in screen.notice.text()
    assert "no fingerprint scanner answered" in screen.capture.finger_status.text()
    assert screen.capture.finger_status.property("badge") == "bad"
    assert any("looking for the fingerprint scanner" in t for t in seen)
    assert elapsed < 30   # the discovery timeout and one last round, not a minute at 5 %
    assert "Traceback" not in capfd.readouterr().err
