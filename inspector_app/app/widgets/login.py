"""Sign-in screen (offline, against the credentials the hub distributed) and the lock screen.

Both are Qt Designer forms (ui/login.ui, ui/lock.ui); these classes add behaviour only."""
from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, QLocale
from PySide6.QtWidgets import QWidget

from inspector_app.app.forms.ui_lock import Ui_LockScreen
from inspector_app.app.forms.ui_login import Ui_LoginScreen
from inspector_app.app.widgets.common import set_badge


class LoginScreen(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.ui = Ui_LoginScreen()
        self.ui.setupUi(self)
        u = self.ui
        self.title, self.booth, self.user, self.password = u.title, u.booth, u.user, u.password
        self.button, self.message, self.hint, self.l_user, self.l_pass = u.button, u.message, u.hint, u.l_user, u.l_pass
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.user.returnPressed.connect(self.password.setFocus)
        session.loginFailed.connect(self._failed)
        session.loggedIn.connect(lambda _u: self.reset())
        self.retranslate()

    def _failed(self, message: str) -> None:
        if not self.session.locked:  # a wrong unlock password is the lock screen's to show
            set_badge(self.message, "fail", message)

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        b = self.session.backend
        self.booth.setText(self.tr("Port: %s · Booth: %s") % (b.port, b.booth_id))

    def submit(self) -> None:
        self.message.clear()
        self.session.login(self.user.text().strip(), self.password.text())

    def reset(self) -> None:
        self.password.clear()
        self.message.clear()
        self.message.setProperty("badge", "")

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        (self.user if not self.user.text() else self.password).setFocus()


class LockScreen(QWidget):
    """The page the window shows while the session is locked: it replaces the examination or
    supervisor screen (nothing of the traveller stays on screen) and says why it locked. Only
    the signed-in user's password opens it; signing out lets another user sign in."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.ui = Ui_LockScreen()
        self.ui.setupUi(self)
        u = self.ui
        self.reason, self.password, self.unlock, self.logout, self.message = (
            u.reason, u.password, u.unlock, u.logout, u.message)
        self.unlock.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        session.loginFailed.connect(self._failed)
        session.lockedChanged.connect(self._locked)

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.show_reason()
        super().changeEvent(event)

    def _failed(self, message: str) -> None:
        if self.session.locked:
            set_badge(self.message, "fail", message)

    def _locked(self, locked: bool) -> None:
        self.password.clear()
        self.message.clear()
        self.message.setProperty("badge", "")
        if locked:
            self.show_reason()

    def show_reason(self) -> None:
        s = self.session
        at = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(s.locked_at or 0)).time(),
                                QLocale.FormatType.ShortFormat)
        if s.lock_reason == "idle":
            minutes = max(1, round(s.backend.lock_after_s / 60))
            text = (self.tr("Locked after 1 minute without activity") if minutes == 1
                    else self.tr("Locked after %d minutes without activity") % minutes)
        else:
            text = self.tr("Locked by %s") % s.user_id
        self.reason.setText(self.tr("%s (at %s)") % (text, at))
        self.ui.user.setText(s.user_id)

    def submit(self) -> None:
        self.message.clear()
        self.session.unlock(self.password.text())
