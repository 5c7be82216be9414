"""Sign-in screen (offline, against the credentials the hub distributed) and the lock dialog."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.app.widgets.common import set_badge


class LoginScreen(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.booth = QLabel()
        self.booth.setObjectName("loginBooth")
        self.user = QLineEdit()
        self.user.setObjectName("loginUser")
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton()
        self.button.setObjectName("loginButton")
        self.button.setDefault(True)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.l_user, self.l_pass = QLabel(), QLabel()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.l_user, self.user)
        form.addRow(self.l_pass, self.password)
        box = QVBoxLayout()
        box.addWidget(self.title)
        box.addWidget(self.booth)
        box.addSpacing(16)
        box.addLayout(form)
        box.addWidget(self.button)
        box.addWidget(self.message)
        box.addWidget(self.hint)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        inner = QWidget()
        inner.setLayout(box)
        inner.setMaximumWidth(520)
        outer.addWidget(inner, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.user.returnPressed.connect(self.password.setFocus)
        session.loginFailed.connect(lambda m: set_badge(self.message, "fail", m))
        session.loggedIn.connect(lambda _u: self.reset())
        self.retranslate()

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        b = self.session.backend
        self.title.setText(self.tr("Border Inspector — sign in"))
        self.booth.setText(self.tr("Port: %s · Booth: %s") % (b.port, b.booth_id))
        self.l_user.setText(self.tr("User"))
        self.l_pass.setText(self.tr("Password"))
        self.button.setText(self.tr("Sign in"))
        self.hint.setText(self.tr("Credentials are checked on this workstation (works offline). "
                                  "Ctrl+J switches English / 日本語."))

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


class LockDialog(QDialog):
    """Covers the screen after inactivity; only the signed-in user's password opens it."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setModal(True)
        self.setWindowTitle(self.tr("Locked"))
        self.text = QLabel(self.tr("Session locked after inactivity. Enter your password to continue."))
        self.text.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.unlock = QPushButton(self.tr("Unlock"))
        self.unlock.setDefault(True)
        self.logout = QPushButton(self.tr("Sign out"))
        lay = QVBoxLayout(self)
        for w in (self.text, self.password, self.unlock, self.logout, self.message):
            lay.addWidget(w)
        self.unlock.clicked.connect(lambda: session.unlock(self.password.text()))
        self.password.returnPressed.connect(lambda: session.unlock(self.password.text()))
        self.logout.clicked.connect(session.logout)
        session.loginFailed.connect(lambda m: set_badge(self.message, "fail", m))

    def reject(self) -> None:  # Escape must not unlock
        pass
