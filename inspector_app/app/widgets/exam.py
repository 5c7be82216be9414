"""The examination screen: document and checks | biometrics | decision, all at once.

Laid out by ``ui/exam_screen.ui`` (three columns that fit a 1366×768 screen; the panels' own forms
are ``ui/exam_*.ui``); this class binds the panels to the view model and keeps the keyboard path:
the Tab order follows the screen from the MRZ to Next traveller and never enters a table, and
Ctrl+T jumps to the status of residence with type-ahead in English, Japanese, kana or romaji.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from inspector_app.app.forms.ui_exam_screen import Ui_ExamScreen
from inspector_app.app.widgets.common import core_text, restyle_badge, set_badge
from inspector_app.app.widgets.exam_panels import clear_badge

#: Shortcuts of this screen (the window's own are in main_window.shortcut_table).
STATUS_SHORTCUT = "Ctrl+T"
#: The window's action that switches the booth between arrivals and departures (ui/main_window.ui).
DIRECTION_SHORTCUT = "Ctrl+Shift+D"


class ExamScreen(QWidget):
    def __init__(self, vm, parent=None):
        super().__init__(parent)
        self.vm = vm
        self.ui = Ui_ExamScreen()
        self.ui.setupUi(self)
        self.mrz, self.traveller, self.checks = self.ui.mrz, self.ui.traveller, self.ui.checks
        self.capture, self.decision, self.notice = self.ui.capture, self.ui.decision, self.ui.examNotice
        self.landing, self.direction_badge = self.ui.landing, self.ui.directionBadge
        for panel in (self.mrz, self.traveller, self.checks, self.capture, self.landing, self.decision):
            panel.bind(vm)
        # the Tab order of the work, through the decision to Next traveller; the finger table
        # takes no focus and the lists do not cycle their cells, so Tab always moves on
        d, c = self.decision, self.capture
        chain = [self.mrz.edit, self.mrz.read_button, c.start_button, c.capture_button, c.retake_button,
                 c.fingers_button, c.exemption, self.checks.list, d.type, d.status, d.period, d.reasons,
                 d.override, d.save_button, d.print_button, d.next_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        self.tab_chain = chain
        self.status_shortcut = QShortcut(QKeySequence(STATUS_SHORTCUT), self)
        self.status_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.status_shortcut.activated.connect(self.decision.focus_status)
        self._retranslate_shortcut()
        vm.notice.connect(self.show_notice)
        vm.cleared.connect(self.mrz.edit.setFocus)
        vm.directionChanged.connect(self.show_direction)
        self.show_notice("")
        self.show_direction(vm.direction)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        # The page's scroll area sizes the page by this (word-wrapped labels give the layout a
        # height for width). Qt's answer is the *preferred* height, 710 px at 1366 wide, which made
        # the page scroll on a 1366×768 screen; the panels fit in their minimum (602 px) with the
        # checks list taking what is left, so that is the height the page needs.
        return self.layout().minimumHeightForWidth(width)

    def _retranslate_shortcut(self) -> None:
        # F1 lists a QShortcut by its What's This text, in the language shown
        self.status_shortcut.setWhatsThis(self.tr("Go to the status of residence (type-ahead: English, 日本語, kana, romaji)"))

    def changeEvent(self, event):  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_shortcut()
            self.show_direction(self.vm.direction)
        super().changeEvent(event)

    def show_direction(self, direction: str) -> None:
        """Which travellers this booth examines, in its own colour at the top of the screen."""
        departure = direction == "departure"
        self.direction_badge.setText(self.tr("DEPARTURES") if departure else self.tr("ARRIVALS"))
        self.direction_badge.setToolTip(self.tr("%s switches between arrivals and departures (between travellers)")
                                        % DIRECTION_SHORTCUT)
        restyle_badge(self.direction_badge, "departure" if departure else "arrival")

    def show_notice(self, text: str) -> None:
        """Device and input problems, in full and in the window (the status bar cuts them)."""
        if text:
            set_badge(self.notice, "fail", core_text(text).removeprefix("✖ "))
            self.notice.setVisible(True)
        else:
            clear_badge(self.notice)
            self.notice.setVisible(False)
