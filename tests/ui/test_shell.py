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


def visible_texts(window) -> str:
    """Every text a person can see in the window now (and in any other window of the app):
    labels, fields, lists, tables, combo boxes, titles, the status bar."""
    from PySide6.QtCore import QAbstractListModel, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QApplication,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
    )

    out = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        out.append(top.windowTitle())
        for w in [top, *top.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            if isinstance(w, (QLabel, QAbstractButton)):
                out.append(w.text())
            elif isinstance(w, QLineEdit) and w.echoMode() == QLineEdit.EchoMode.Normal:
                out.append(w.text())
            elif isinstance(w, (QPlainTextEdit, QTextEdit)):
                out.append(w.toPlainText())
            elif isinstance(w, QComboBox):
                out.append(w.currentText())
            elif isinstance(w, QGroupBox):
                out.append(w.title())
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                m, root = w.model(), w.rootIndex()
                for r in range(m.rowCount(root)):
                    for c in range(1 if isinstance(m, QAbstractListModel) else m.columnCount(root)):
                        out.append(str(m.index(r, c, root).data(Qt.ItemDataRole.DisplayRole) or ""))
    return "\n".join(t for t in out if t)


def personal(window) -> list[str]:
    """What of the traveller the examination screen shows now: name, document number, birth date."""
    values = window.exam_screen.traveller.values
    return [values[k].text() for k in ("surname", "given_names", "document_number", "birth_date")]


def test_session_locks_and_only_the_password_unlocks(booth):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    window.session.lock()  # Ctrl+Shift+L calls this
    ls = window.lock_screen
    assert window.stack.currentWidget() is ls and ls.isVisible()
    assert "Locked by inspector1" in ls.reason.text()
    ls.password.setText("nope")
    ls.unlock.click()
    d.wait(lambda: "wrong" in ls.message.text().lower(), "the refusal")
    assert window.session.locked and window.stack.currentWidget() is ls
    assert window.login_screen.message.text() == ""  # the refusal is the lock screen's, not the sign-in's
    ls.password.setText("demo-inspector")
    ls.unlock.click()
    d.wait(lambda: not window.session.locked, "unlock")
    assert window.stack.currentWidget() is window.exam_screen and not ls.isVisible()


def test_the_lock_hides_the_traveller_and_unlocking_returns_to_the_same_examination(booth, qtbot):
    from PySide6.QtCore import Qt

    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("lost_passport")
    window.exam_vm.error.emit("a message that names DUBOIS")  # errors are hidden by the lock too
    shown = personal(window)
    assert all(v and v != "—" for v in shown), shown
    before = visible_texts(window)
    assert all(v in before for v in shown)  # the check below can fail: the data is on screen now
    exam_id = window.exam_vm.examination_id
    window.exam_screen.decision.reasons.setFocus()
    qtbot.keyClick(window.exam_screen.decision.reasons, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    d.wait(lambda: window.session.locked, "the lock (Ctrl+Shift+L)")
    hidden = visible_texts(window)
    assert not [v for v in shown if v in hidden], hidden
    assert "DUBOIS" not in hidden
    assert "Locked by inspector1" in window.lock_screen.reason.text()
    # the examination's shortcuts do nothing behind the lock
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.exam_vm.examination_id == exam_id
    qtbot.keyClicks(window.lock_screen.password, "demo-inspector")
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    d.wait(lambda: not window.session.locked, "unlock")
    assert window.stack.currentWidget() is window.exam_screen
    assert window.exam_vm.examination_id == exam_id and personal(window) == shown
    assert all(v in visible_texts(window) for v in shown)


def test_the_lock_hides_the_traveller_on_the_supervisor_screen(booth):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("lost_passport")
    d.decide("referral", reasons=["Passport reported lost: to the special inquiry officer"])
    d.save()
    d.logout()
    d.login("supervisor1", "demo-supervisor")
    d.wait(lambda: len(window.supervisor_vm.queue) > 0, "the review queue")
    window.supervisor_screen.queue.selectRow(0)
    d.wait(lambda: "DUBOIS" in visible_texts(window), "the traveller in the detail")
    window.session.lock("idle")  # as the inactivity timer does
    hidden = visible_texts(window)
    assert "DUBOIS" not in hidden and "14FR77881" not in hidden, hidden
    minutes = max(1, round(window.backend.lock_after_s / 60))
    assert f"Locked after {minutes} minute" in window.lock_screen.reason.text()
    window.lock_screen.password.setText("demo-supervisor")
    window.lock_screen.unlock.click()
    d.wait(lambda: not window.session.locked, "unlock")
    assert window.stack.currentWidget() is window.supervisor_screen
    assert "DUBOIS" in visible_texts(window)


def test_inactivity_timer_locks(booth):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    window.session._lock_timer.start(50)  # as if lock_after_s had passed
    d.wait(lambda: window.session.locked, "the inactivity lock", timeout_s=5)
    assert window.session.lock_reason == "idle"
    assert "without activity" in window.lock_screen.reason.text()
    assert window.stack.currentWidget() is window.lock_screen


def registered_shortcuts(window) -> set[str]:
    """Every key sequence the window reacts to, found another way than the F1 list finds them:
    the window's own actions, the actions of every menu of the menu bar, QShortcuts, and buttons
    with a shortcut that is not their underlined letter."""
    from PySide6.QtGui import QShortcut
    from PySide6.QtWidgets import QAbstractButton

    fmt = QKeySequence.SequenceFormat.PortableText
    actions = list(window.actions())
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    while menus:
        m = menus.pop()
        for a in m.actions():
            (menus.append(a.menu()) if a.menu() is not None else actions.append(a))
    keys = {k.toString(fmt) for a in actions for k in a.shortcuts()}
    keys |= {s.key().toString(fmt) for s in window.findChildren(QShortcut)}
    keys |= {b.shortcut().toString(fmt) for b in window.findChildren(QAbstractButton)
             if not b.shortcut().isEmpty() and b.shortcut() != QKeySequence.mnemonic(b.text())}
    return keys - {""}


def test_every_shortcut_is_listed_in_help(booth, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from inspector_app.app.widgets.main_window import shortcut_table

    window, d = booth
    d.login("inspector1", "demo-inspector")
    rows = shortcut_table(window)
    listed = {k for keys, _ in rows for k in keys.split(" / ")}
    bound = registered_shortcuts(window)
    assert bound and bound <= listed, bound - listed
    # the ones an inspector, a supervisor and the demo rely on, by name
    expected = {"F1", "F2", "F3", "Ctrl+J", "Ctrl+M", "Ctrl+Return", "F5", "F6", "F7", "F8", "F9", "Ctrl+E", "Ctrl+K",
                "Ctrl+D", "Ctrl+S", "Ctrl+P", "Ctrl+N", "Ctrl+Shift+L", "Ctrl+Q", "Esc", "Alt+1", "Alt+2", "Ctrl+R"}
    expected |= {f"Ctrl+Alt+{n}" for n in range(1, len(window.demo_services.travellers) + 1)}
    assert expected <= listed, expected - listed
    for keys, what in rows:
        assert what and "&" not in what and what != keys, (keys, what)
    # F1 opens the list, as many rows as the table; Escape closes it
    QTimer = __import__("PySide6.QtCore", fromlist=["QTimer"]).QTimer
    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        seen["rows"] = dialog.findChild(object, "shortcutTable").rowCount() if dialog else None
        if dialog is not None:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look)
    window._actions["shortcuts"].trigger()
    assert seen["rows"] == len(rows)


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


SCREENS = [  # (physical width, height, scale factor): the booths' screens
    (1366, 768, 1.0),
    (1920, 1080, 1.0),
    (1920, 1080, 1.5),   # QT_SCALE_FACTOR=1.5 / 150 % in the desktop settings
]


def test_the_window_fits_the_screen_with_the_status_bar_on_it(booth):
    """Every screen fits (its page scrolls if it must) and the status bar, where sync and list
    state show, stays inside the window, on each screen of SCREENS (one window for all: a booth
    window costs seconds to build). Qt lays out in device-independent pixels: at a scale factor
    the window has width/scale × height/scale of them (1920×1080 at 150 % is 1280×720), the same
    whether the factor comes from QT_SCALE_FACTOR or the screen's DPI."""
    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("clean")   # a traveller on screen
    for width, height, scale in SCREENS:
        where = f"{width}x{height} at {scale:g}"
        room_w, room_h = int(width / scale), int(height / scale) - 40  # 40: title bar, panel
        for show in (window.show_exam, window.show_supervisor, window._show_login, window.session.lock):
            if window.session.user is None:
                d.login("inspector1", "demo-inspector")
            show()
            hint = window.minimumSizeHint()
            assert hint.width() <= room_w and hint.height() <= room_h, (where, show.__name__, hint)
            if show is window.session.lock:
                window.lock_screen.password.setText("demo-inspector")
                window.lock_screen.unlock.click()
                d.wait(lambda: not window.session.locked, "unlock")
        window.resize(room_w, room_h)
        window.show_exam()
        window.show_message("The fingerprint scanner did not answer within 30 seconds; check its cable and "
                            "press F8 to try again, or record a biometric exception. " * 2)
        d.wait(lambda: window.width() <= room_w and window.height() <= room_h,  # noqa: B023 - waited here
               f"the window to take the size {where}")
        d.pump(50)
        bar = window.statusBar()
        assert bar.isVisible() and bar.geometry().bottom() < window.height(), where
        for part in (window.status.user, window.status.devices, window.status.online, window.status.sync,
                     window.status.lists):  # every part whole: none squeezed below its text's width
            assert part.isVisible() and part.width() >= part.sizeHint().width(), (where, part.text())
        text = window.ui.messageText
        assert text.isVisible() and text.height() >= text.heightForWidth(text.width()), where  # in full
        window.dismiss_message()


def test_after_sign_out_the_next_name_typed_replaces_the_last_one(booth, qtbot):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    window.session.logout()
    ls = window.login_screen
    d.wait(lambda: window.stack.currentWidget() is ls, "the sign-in screen")
    assert ls.password.text() == ""
    qtbot.keyClicks(ls.user, "supervisor1")  # typed over the selected last name
    assert ls.user.text() == "supervisor1"


def _answer_leave(window, d, qtbot, key):
    """The leave question is on screen; answer it with one key."""

    d.wait(lambda: window.leave_box is not None and window.leave_box.isVisible(), "the leave question")
    box = window.leave_box
    assert box.defaultButton() is box.escapeButton() and box.defaultButton().objectName() == "stayHere"
    qtbot.keyClick(box.focusWidget() or box, key)
    d.wait(lambda: window.leave_box is None, "the question to close")


LEAVING = {  # how an inspector leaves a traveller -> what must have happened once they did
    "next traveller (Ctrl+N)": (lambda w: w._actions["next"].trigger(), lambda w: w.exam_vm.examination_id is None),
    "Next button": (lambda w: w.exam_screen.decision.next_button.click(), lambda w: w.exam_vm.examination_id is None),
    "sign out (Ctrl+Q)": (lambda w: w._actions["logout"].trigger(), lambda w: w.session.user is None),
    "switch user from the lock": (lambda w: (w.session.lock(), w.lock_screen.logout.click()),
                                  lambda w: w.session.user is None),
}  # closing the window by its frame (a spontaneous close) is tested on a real window: test_real_window.py


def test_leaving_a_traveller_with_an_open_hit_asks_and_stays_by_default(booth, qtbot):
    """Every way out of an examination asks first; Escape and the default (Return) stay. One
    window for all of them (a booth window costs seconds to build)."""
    from PySide6.QtCore import Qt

    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("lost_passport")
    exam_id = window.exam_vm.examination_id
    assert window.exam_vm.open_hits and window.exam_vm.has_unsaved_work()
    for how, (leave, _left) in LEAVING.items():
        for key in (Qt.Key.Key_Escape, Qt.Key.Key_Return):
            leave(window)
            _answer_leave(window, d, qtbot, key)
            assert window.exam_vm.examination_id == exam_id and window.session.user is not None, (how, key)
            if window.session.locked:
                window.lock_screen.password.setText("demo-inspector")
                window.lock_screen.unlock.click()
                d.wait(lambda: not window.session.locked, "unlock")
            assert window.stack.currentWidget() is window.exam_screen, how
    for how, (leave, left) in LEAVING.items():  # and each leaves when the inspector says so
        if window.session.user is None:
            d.login("inspector1", "demo-inspector")
        if window.exam_vm.examination_id is None:
            d.present("lost_passport")
        leave(window)
        d.wait(lambda: window.leave_box is not None, "the leave question")
        window.leave_box.findChild(object, "leaveAnyway").click()
        d.wait(lambda left=left: left(window), f"{how} to happen")
    # once the decision is saved, the next traveller comes without a question
    d.login("inspector1", "demo-inspector")
    d.present("lost_passport")
    d.decide("referral", reasons=["Passport reported lost: to the special inquiry officer"])
    d.save()
    assert not window.exam_vm.has_unsaved_work()
    window._actions["next"].trigger()
    assert window.leave_box is None and window.exam_vm.examination_id is None


def test_an_error_shows_in_full_in_the_window_and_goes_when_it_is_no_longer_true(booth, qtbot, capfd):
    from PySide6.QtCore import Qt

    window, d = booth
    d.login("inspector1", "demo-inspector")
    capfd.readouterr()
    window.exam_screen.mrz.edit.setPlainText("THIS IS NOT A PASSPORT\nNOR IS THIS")
    window.exam_screen.mrz.read_button.click()
    notice = window.exam_screen.notice
    d.wait(lambda: notice.isVisible() and notice.text(), "the error message")
    shown = notice.text()
    assert d.errors and d.errors[-1] in shown  # the whole message, not a cut status-bar line
    assert not shown.lower().lstrip("✖ ").startswith(("document:", "camera:", "fingers:"))  # no task names
    assert window.message == ""  # shown once, where it belongs: not repeated at the top of the window
    assert "Traceback" not in capfd.readouterr().err  # an expected error is not a crash
    window.exam_vm.error.emit("Read the document first.")  # an error no screen shows: the window does
    assert "Read the document first." in window.message
    window.exam_screen.mrz.edit.setFocus()
    qtbot.keyClick(window.exam_screen.mrz.edit, Qt.Key.Key_Escape)  # dismissed by keyboard
    assert window.message == "" and not window.ui.messageArea.isVisible()
    window.exam_vm.error.emit("Read the document first.")
    assert window.message
    d.present("clean")  # the document is read: neither message is true any more
    assert window.message == ""
    d.wait(lambda: not notice.isVisible(), "the screen's notice to go")
