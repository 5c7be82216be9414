"""The examination screen fits the booth's screens: 1366×768, and 1920×1080 at 100 % and 150 %
(1280×720 logical pixels), with nothing cut or overlapping and the camera preview clear of its
buttons; the Decision panel keeps its height whatever its message says."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QWidget

pytestmark = pytest.mark.timeout(240)

# usable room for the window on each screen: the window manager's title bar (~30 px) and a
# panel (~30 px) taken off; 1920×1080 at 150 % is 1280×720 logical pixels
SCREENS = {"1366x768": (1366, 708), "1920x1080": (1920, 1020), "1920x1080@150%": (1280, 660)}
LEAVES = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QLabel)


def _leaves(screen: QWidget) -> list[QWidget]:
    return [w for w in screen.findChildren(QWidget) if isinstance(w, LEAVES) and w.isVisibleTo(screen)
            and not isinstance(w.parent(), (QComboBox, QAbstractButton)) and w.window() is screen.window()
            and w.objectName() and not w.objectName().startswith("qt_") and not _rect(w, screen).isEmpty()]


def _rect(w: QWidget, screen: QWidget) -> QRect:
    """Where ``w`` shows on the screen: inside a scrolling part of the screen (the decision's
    details), only what its viewport shows (the rest is scrolled to, not cut)."""
    rect = QRect(w.mapTo(screen, w.rect().topLeft()), w.size())
    parent = w.parentWidget()
    while parent is not None and parent is not screen:
        if isinstance(parent, QScrollArea):
            view = parent.viewport()
            rect = rect.intersected(QRect(view.mapTo(screen, view.rect().topLeft()), view.size()))
        parent = parent.parentWidget()
    return rect


def _altered_chip(window, d, qtbot) -> None:
    """The demo's altered chip, worse: DG1 changed after signing, passive authentication failed
    with a long reason, the live face taken; the landing chosen without status or period. An open
    hit with the longest banner, chip line and warning the screen shows."""
    from tests.booth.chip_fake import PA_STEPS, FakeChip, FakeChipReader

    t = d.present("clean")
    lines = t["mrz"].split("\n")
    altered = "\n".join([lines[0].replace(lines[0][5:12], "FORGERY", 1), lines[1]])
    window.backend.ctx.use_chip_reader(FakeChipReader(FakeChip(
        altered, opens_with=t["mrz"], pa_fail_at=PA_STEPS[-1],
        pa_reason="every data group read matches its hash in the SOD (DG1 changed: its SHA-256 differs)")))
    d.capture_face()
    window.exam_vm.read_chip()
    qtbot.waitUntil(lambda: window.exam_vm.chip.get("face") is not None, timeout=60000)
    d.decide("landing_permission")
    assert window.exam_vm.open_hits


def _check_open_hit(window, english: bool = True) -> None:
    """The warning names every problem (whole, wrapped: the inspector reads the reason without the
    mouse; whole on hover too), the chip's line is its summary, not a reason cut mid-word, and the
    chip's check shows the live face beside the chip's photo."""
    screen = window.exam_screen
    problems = screen.decision.problems
    shown = problems.text().split("\n")
    assert 3 <= len(shown) <= screen.decision.PROBLEM_LINES, shown   # status, period, the chip's
    # the box, inside its padding and border, has the height of PROBLEM_LINES lines
    assert screen.decision.PROBLEM_LINES * problems.fontMetrics().lineSpacing() <= problems.contentsRect().height()
    if not english:
        return
    assert "passive authentication failed" in problems.toolTip()
    chip = screen.capture.chip_verdict
    assert chip.text().startswith("✖ Chip failed: DG1, passive auth") and not chip.text().endswith("…"), chip.text()
    assert "the chip's MRZ (DG1) differs" in chip.toolTip()
    checks = screen.checks
    checks.list.setCurrentRow(next(i for i, c in enumerate(checks.checks) if c["kind"] == "chip"))
    assert not checks.live.pixmap().isNull() and not checks.watch.pixmap().isNull()


@pytest.mark.parametrize("direction", ["arrival", "departure", "open hit"])
def test_the_examination_screen_fits_every_booth_screen(booth, qtbot, direction):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    window.backend.settings.set("exam.auto_devices", False)
    window.exam_vm.set_direction("departure" if direction == "departure" else "arrival")
    if direction == "open hit":
        _altered_chip(window, d, qtbot)
    else:
        d.present("taiwan")    # the longest nationality line of the demo
    if direction == "arrival":   # the chip's line at its longest (one line: elided, whole on hover)
        from tests.booth.chip_fake import FakeChipReader

        window.backend.ctx.use_chip_reader(FakeChipReader(None))   # a passport without a chip
        window.exam_vm.read_chip()
        d.wait(lambda: window.exam_screen.capture.chip_verdict.toolTip().count("no chip") == 2, "the chip's result")
    if direction == "departure":   # the landing record panel, and the most details a departure records
        d.decide("departure_confirmation", details={"reentry_permit_kind": "reentry_permit"})
        assert len(window.exam_screen.decision.details.editors) == 5
    screen = window.exam_screen
    area = window.stack.currentWidget().parentWidget().parentWidget()   # the page's scroll area
    for name, (w, h) in SCREENS.items():
        window.resize(w, h)
        qtbot.waitUntil(lambda w=w, h=h: window.width() == w and window.height() == h, timeout=60000)
        qtbot.waitUntil(lambda: screen.width() >= screen.minimumSizeHint().width(), timeout=60000)
        # no horizontal scrolling; vertical scrolling of a short screen is allowed by the window,
        # but the screen is laid out to need none from 1366×768 up
        assert screen.minimumSizeHint().width() <= area.viewport().width(), name
        if name != "1920x1080@150%":
            assert screen.minimumSizeHint().height() <= area.viewport().height(), (name, screen.minimumSizeHint())
            # and the page is laid out in that room: it does not scroll (the evidence pictures at
            # the bottom of the checks stay on screen)
            qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() == 0 and screen.height() <= area.viewport().height(),
                            timeout=10000)
        leaves = _leaves(screen)
        rects = {x: _rect(x, screen) for x in leaves}
        for x in leaves:                                    # nothing cut
            hint = x.minimumSizeHint()
            assert x.width() >= min(hint.width(), x.maximumWidth()) - 1, (name, x.objectName(), x.size(), hint)
            assert screen.rect().contains(rects[x]), (name, x.objectName(), rects[x])
        for i, a in enumerate(leaves):                      # nothing overlapping
            for b in leaves[i + 1:]:
                if a.isAncestorOf(b) or b.isAncestorOf(a):
                    continue
                assert not rects[a].intersects(rects[b]), (name, a.objectName(), b.objectName())
        if direction == "open hit":
            _check_open_hit(window)
            if name == "1366x768":   # Japanese, laid out with fallback fonts, in the same room
                assert window.languages.set_language("ja")
                try:
                    qtbot.waitUntil(lambda: "在留資格" in screen.decision.problems.text().replace("\u2060", ""), timeout=60000)
                    _check_open_hit(window, english=False)
                    assert screen.minimumSizeHint().height() <= area.viewport().height()
                finally:
                    window.languages.set_language("en")
                qtbot.waitUntil(lambda: "status of residence" in screen.decision.problems.text(), timeout=60000)
        if direction == "departure":   # no camera at departure: the landing record has the room
            assert not screen.capture.preview.isVisibleTo(screen) and rects[screen.landing.overstay]
            continue
        preview = rects[screen.capture.preview]
        for button in (screen.capture.start_button, screen.capture.capture_button, screen.capture.retake_button):
            assert not preview.intersects(rects[button])


def test_the_decision_panel_keeps_its_height_whatever_its_message(booth, qtbot):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    panel = window.exam_screen.decision
    height = panel.height()
    long_problems = [f"problem {n}: " + "a long explanation of a refusal " * 4 for n in range(7)]
    for problems in ([], ["one"], long_problems):
        state = dict(panel.state, problems=problems, document_read=True, evaluated=True)
        panel.show(state)
        qtbot.waitUntil(lambda: panel.height() == height, timeout=60000)
    assert "more" in panel.problems.text()         # what does not fit is counted, and on hover in full
    assert panel.problems.toolTip().count("\n") == len(long_problems) - 1


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_leave_question_shows_its_buttons_whole(booth, qtbot, language):
    """The default button is drawn bold inside a 2 px focus border around 14 px of padding (the
    style sheet): each button has room for its words with all of that."""
    from PySide6.QtGui import QFontMetrics

    window, d = booth
    d.login("inspector1", "demo-inspector")
    window.resize(1366, 708)
    d.present("clean")
    assert window.languages.set_language(language)
    try:
        window.request_next_traveller()
        d.wait(lambda: window.leave_box is not None and window.leave_box.isVisible(), "the leave question")
        stay = window.leave_box.findChild(QAbstractButton, "stayHere")
        qtbot.waitUntil(lambda: stay.hasFocus() and stay.isVisible(), timeout=60000)
        for button in (stay, window.leave_box.findChild(QAbstractButton, "leaveAnyway")):
            bold = button.font()
            bold.setBold(True)
            words = QFontMetrics(bold).horizontalAdvance(button.text())
            assert button.width() >= words + 2 * (14 + 2), (language, button.text(), button.width(), words)
        window.leave_box.reject()
        d.wait(lambda: window.leave_box is None, "the question to close")
    finally:
        window.languages.set_language("en")
