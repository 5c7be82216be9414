"""The shell on the real packages: sign-in, roles, lock, shortcuts, language, seal signature."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QKeySequence


def test_wrong_password_is_refused_and_roles_pick_the_screen(booth):
    window, d = booth
    ls = window.login_screen
    assert "Narita" in ls.booth.text() and "NRT-T1-B07" in ls.booth.text()
    ls.user.setText("inspector1")
    ls.password.setText("wrong")
    ls.button.click()
    d.wait(lambda: "wrong" in ls.message.text(), "the refusal")
    assert window.session.user is None and window.stack.currentWidget() is ls
    d.errors.clear()
    d.login("supervisor1", "demo-supervisor")
    assert window.stack.currentWidget() is window.supervisor_screen
    assert not window._actions["exam"].isEnabled()  # a supervisor-only account cannot examine


def test_session_locks_and_only_the_password_unlocks(booth):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    window.session.lock()  # the inactivity timer calls this
    assert window.lock_dialog.isVisible()
    window.lock_dialog.password.setText("nope")
    window.lock_dialog.unlock.click()
    d.wait(lambda: "wrong" in window.lock_dialog.message.text().lower(), "the refusal")
    assert window.session.locked
    window.lock_dialog.password.setText("demo-inspector")
    window.lock_dialog.unlock.click()
    d.wait(lambda: not window.session.locked, "unlock")
    assert not window.lock_dialog.isVisible()


def test_inactivity_timer_locks(booth, monkeypatch):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    window.session._lock_timer.start(50)  # as if lock_after_s had passed
    d.wait(lambda: window.session.locked, "the inactivity lock", timeout_s=5)


def test_every_shortcut_is_listed_in_help(booth):
    from inspector_app.app.widgets.main_window import ShortcutsDialog, shortcut_table

    window, _ = booth
    listed = {k for k, _ in shortcut_table()}
    bound = {a.shortcut().toString(QKeySequence.SequenceFormat.PortableText) for a in window._actions.values()}
    assert bound <= listed | {f"Ctrl+Alt+{n}" for n in range(1, 10)}, bound - listed
    dialog = ShortcutsDialog(window)
    assert dialog.findChild(object, "shortcutTable").rowCount() == len(shortcut_table())


def test_language_switches_at_runtime_with_japanese_status_names(booth):
    from inspector_app.domain import statuses

    window, d = booth
    assert window.login_screen.button.text() == "Sign in"
    assert window.languages.set_language("ja")
    try:
        d.wait(lambda: window.login_screen.button.text() == "ログイン", "the Japanese texts")
        d.login("inspector1", "demo-inspector")
        d.present("clean")
        d.decide("landing_permission", "temporary_visitor", "90d")
        panel = window.exam_screen.decision
        assert panel.status.currentText() == statuses.find("temporary_visitor").name_ja
        assert panel.save_button.text().startswith("保存")
        assert "該当なし" in window.exam_screen.checks.banner.text().replace("\u2060", "")  # word joiners keep words whole
    finally:
        window.languages.set_language("en")
    d.wait(lambda: window.exam_screen.decision.save_button.text().startswith("Save"), "the English texts")
    assert window.exam_screen.decision.status.currentText() == "Temporary Visitor"


def test_results_carry_a_glyph_and_a_word_not_only_colour(booth):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("lost_passport")
    banner = window.exam_screen.checks.banner.text()
    assert banner.startswith("✖") and "HIT" in banner
    texts = [window.exam_screen.checks.list.item(i).text() for i in range(window.exam_screen.checks.list.count())]
    assert any(t.startswith("HIT") for t in texts) and any(t.startswith("PASS") for t in texts)
    for i in range(window.exam_screen.checks.list.count()):
        assert not window.exam_screen.checks.list.item(i).icon().isNull()


def test_a_forged_seal_reference_does_not_verify(tmp_path):
    from inspector_app.booth import seal

    key = seal.booth_key(tmp_path)
    content = seal.SealContent("rec-1", "exam-1", "Narita", "B1", dt.date(2026, 11, 22), "temporary_visitor",
                               "Temporary Visitor", "90d", dt.date(2027, 2, 19), "inspector1")
    ref = seal.sign(content, key).reference
    assert seal.verify(ref, key.public_key())["r"] == "rec-1"
    prefix, body, sig = ref.split(".")
    forged = seal._b64(seal._unb64(body).replace(b"90d", b"5y"))
    with pytest.raises(ValueError, match="not genuine"):
        seal.verify(".".join([prefix, forged, sig]), key.public_key())
    with pytest.raises(ValueError):
        seal.verify("hello", key.public_key())
    assert (tmp_path / "keys" / seal.KEY_FILE).stat().st_mode & 0o077 == 0


def test_status_bar_shows_sync_with_the_local_hub(demo_home, services, qapp):
    """The demo's hub on loopback: a saved decision goes upstream and the bar says so."""
    from inspector_app.app.launch import build_window
    from inspector_app.app.widgets.main_window import attach_demo
    from tests.ui.driver import Driver

    url = services.start_hub()
    assert url.startswith("https://127.0.0.1:")
    window = build_window(demo_home)
    attach_demo(window, services)
    window.show()
    try:
        d = Driver(window, services, timeout_s=60)
        d.login("inspector1", "demo-inspector")
        d.present("child")
        d.decide("landing_permission", "temporary_visitor", "15d")
        d.save()
        d.wait(lambda: window.status_vm.state.get("online") and window.status_vm.state.get("queued") == 0,
               "the records to reach the hub")
        assert window.status.online.text() == "✔ Online"
        assert "queued: 0" in window.status.sync.text()
        # the sync pulled the hub's users: the demo users are still there and still sign in
        assert window.backend.login("supervisor1", "demo-supervisor") is not None
        assert window.status.lists.text().startswith("✔ Lists")
    finally:
        window.close()
        window.backend.close()


def test_a_wedge_reader_burst_reads_the_document_wherever_the_focus_is(booth, qtbot):
    """Key events as fast as a keyboard-wedge reader types them start the examination."""
    from PySide6.QtCore import Qt

    window, d = booth
    d.login("inspector1", "demo-inspector")
    t = window.demo_services.travellers["clean"]
    target = window.exam_screen.checks.list  # focus is not in the MRZ field
    target.setFocus()
    for line in (t["mrz_line1"], t["mrz_line2"]):
        qtbot.keyClicks(target, line)
        qtbot.keyClick(target, Qt.Key.Key_Return)
    d.wait(lambda: window.exam_screen.traveller.values["surname"].text() == "WATSON",
           "the wedge MRZ to start the examination")
    d.idle()


def test_tab_walks_the_decision_in_the_order_of_the_work(booth, qtbot):
    """Keyboard only: Tab from the decision type reaches status and period, never the finger table."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("clean")
    panel = window.exam_screen.decision
    panel.type.setFocus()
    seen = []
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [panel.status, panel.period]
    assert not window.exam_screen.capture.fingers.tabKeyNavigation()


def test_the_window_fits_a_1366_by_768_screen_with_the_status_bar_on_it(booth):
    """Booth screens are often 1366×768: every screen fits (its page scrolls if it must) and the
    status bar, where sync and list state show, stays inside the window."""
    window, d = booth
    d.login("inspector1", "demo-inspector")
    for show in (window.show_exam, window.show_supervisor, window._show_login):
        show()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768 - 40, (show.__name__, hint)  # 40: title bar, panel
    window.resize(1366, 728)
    window.show_exam()
    d.wait(lambda: window.height() <= 728, "the window to take the size")
    bar = window.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() < window.height()


def test_after_sign_out_the_next_name_typed_replaces_the_last_one(booth, qtbot):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    window.session.logout()
    ls = window.login_screen
    d.wait(lambda: window.stack.currentWidget() is ls, "the sign-in screen")
    assert ls.password.text() == ""
    qtbot.keyClicks(ls.user, "supervisor1")  # typed over the selected last name
    assert ls.user.text() == "supervisor1"
