"""The supervisors' pre-arrival manifests screen by keyboard alone: F4 opens it for a supervisor
(never for an inspector), the selected manifest's people are listed flagged first, Ctrl+O imports
a file and a file that cannot be read is refused in words with the segment and position."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.screening.test_paxlst import GOOD, _planted, build

pytestmark = pytest.mark.timeout(240)
WAIT = 60000
BAD = GOOD.replace("DTM+36:310830'", "DTM+36:31083'", 1)


@pytest.fixture
def window(qapp, demo_home):
    from inspector_app.app.launch import build_window, make_app
    from inspector_app.screening import pre_arrival
    from tests.booth.conftest import travellers

    make_app()
    window = build_window(demo_home)
    window.show()
    file = build(_planted(travellers())).encode("latin-1")
    pre_arrival.import_file(demo_home, window.backend.store(), file, actor="test")
    yield window
    window.close()
    window.runner.wait_idle()
    window.backend.close()


def _sign_in(qtbot, window, user: str, password: str) -> None:
    ls = window.login_screen
    ls.user.setText(user)
    ls.password.setText(password)
    ls.button.click()
    qtbot.waitUntil(lambda: window.session.user is not None, timeout=WAIT)
    window.activateWindow()


def _people(screen) -> list[tuple[str, str]]:
    return [(screen.people.item(r, 0).text(), screen.people.item(r, 1).text()) for r in range(screen.people.rowCount())]


def test_a_supervisor_reads_the_manifest_flagged_first_and_imports_by_keyboard(window, qtbot, tmp_path, monkeypatch):
    _sign_in(qtbot, window, "supervisor1", "demo-supervisor")
    screen, vm = window.manifest_screen, window.manifest_vm
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is screen and screen.people.rowCount() == 5, timeout=WAIT)
    assert QApplication.focusWidget() is screen.list
    assert [screen.list.item(0, c).text() for c in (0, 3, 4)] == ["JL0046", "5 passengers", "✖ 2"]
    people = _people(screen)
    assert [state for state, _ in people] == ["✖ FLAGGED"] * 2 + ["✔ CLEAN"] * 3
    assert {name for _, name in people[:2]} == {"DUBOIS, MARC", "IVANOV, SERGEI"}
    assert all(screen.people.item(r, 4).text() for r in range(2))          # the reasons, in words
    assert "JL0046 CDG → NRT" in screen.header.text() and "2 flagged" in screen.header.text()
    qtbot.keyClick(screen.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.people, timeout=WAIT)
    qtbot.keyClick(screen.people, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.list, timeout=WAIT)

    # a USB file that cannot be read: refused in words, nothing added
    bad, other = tmp_path / "bad.edi", tmp_path / "NH0206.edi"
    bad.write_text(BAD, encoding="latin-1")
    other.write_text(GOOD.replace("JL0046", "NH0206"), encoding="latin-1")
    chosen = [str(bad), str(other)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen.pop(0), ""))
    qtbot.keyClick(screen.list, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "refused" in screen.import_message.text(), timeout=WAIT)
    assert "bad.edi refused, nothing imported: segment 19 (DTM) at line 1" in screen.import_message.text()
    assert screen.import_message.property("badge") == "bad" and screen.list.rowCount() == 1
    # a good one: listed, selected, its people shown
    qtbot.keyClick(screen.list, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.list.rowCount() == 2 and vm.detail.get("flight") == "NH0206", timeout=WAIT)
    assert "NH0206.edi imported: NH0206, 2 people, 1 flagged" in screen.import_message.text()
    qtbot.waitUntil(lambda: screen.list.item(screen.list.currentRow(), 0).text() == "NH0206", timeout=WAIT)
    qtbot.keyClick(screen.list, Qt.Key.Key_Down if screen.list.currentRow() == 0 else Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: vm.detail.get("flight") == "JL0046" and screen.people.rowCount() == 5, timeout=WAIT)

    # it fits the booth's smallest screen, and signing out leaves no passenger list on it
    assert screen.minimumSizeHint().width() <= 1366 and screen.minimumSizeHint().height() <= 768 - 150
    window.session.logout()
    qtbot.waitUntil(lambda: screen.people.rowCount() == 0 and screen.list.rowCount() == 0, timeout=WAIT)
    assert not screen.import_message.isVisible()


def test_an_inspector_has_no_manifest_screen(window, qtbot):
    _sign_in(qtbot, window, "inspector1", "demo-inspector")
    assert not window._actions["manifests"].isEnabled()
    window.show_manifests()
    assert window.stack.currentWidget() is not window.manifest_screen
