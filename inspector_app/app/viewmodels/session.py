"""Who is signed in, and the inactivity lock."""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from inspector_app.app.backend import Backend
from inspector_app.app.workers import Runner

ROLES = ("inspector", "supervisor", "administrator")


class SessionViewModel(QObject):
    loggedIn = Signal(dict)
    loggedOut = Signal()
    loginFailed = Signal(str)
    lockedChanged = Signal(bool)

    def __init__(self, backend: Backend, runner: Runner, parent=None):
        super().__init__(parent)
        self.backend, self.runner = backend, runner
        self.user: dict | None = None
        self.locked = False
        self.lock_reason = ""    # "idle" (the inactivity timer) or "manual" (Lock, Ctrl+Shift+L)
        self.locked_at: float | None = None
        self._lock_timer = QTimer(self)
        self._lock_timer.setSingleShot(True)
        self._lock_timer.timeout.connect(lambda: self.lock("idle"))

    # ---- login ----
    def login(self, user: str, password: str) -> None:
        if not user or not password:
            self.loginFailed.emit(self.tr("Enter your user name and password."))
            return
        self.runner.start("login", lambda ctx: self.backend.login(user, password), lane="store",
                          on_result=lambda r: self._logged_in(user, r),
                          on_error=self.loginFailed.emit)

    def _logged_in(self, user: str, record: dict | None) -> None:
        if not record:
            self.loginFailed.emit(self.tr("User name or password is wrong."))
            return
        record = dict(record)
        record.setdefault("user", user)
        roles = record.get("roles") or ([record["role"]] if record.get("role") else [])
        record["roles"] = [r for r in roles if r in ROLES]
        if not record["roles"]:
            self.loginFailed.emit(self.tr("This account has no role at this booth."))
            return
        self.user = record
        self.locked = False
        self.touch()
        self.loggedIn.emit(record)

    def logout(self) -> None:
        self.backend.logout()  # the user's signing key is forgotten with the session
        self.user = None
        self.locked = False
        self._lock_timer.stop()
        self.loggedOut.emit()

    @property
    def user_id(self) -> str:
        return (self.user or {}).get("user", "")

    def has_role(self, role: str) -> bool:
        return role in (self.user or {}).get("roles", [])

    # ---- lock ----
    def touch(self) -> None:
        """Any key or mouse activity restarts the inactivity countdown."""
        if self.user and not self.locked:
            self._lock_timer.start(max(5, self.backend.lock_after_s) * 1000)

    def lock(self, reason: str = "manual") -> None:
        if self.user and not self.locked:
            self.locked = True
            self.lock_reason, self.locked_at = reason, time.time()
            self.backend.logout()  # unlocking signs in again, which unlocks the key again
            self.lockedChanged.emit(True)

    def unlock(self, password: str) -> None:
        user = self.user_id
        self.runner.start("unlock", lambda ctx: self.backend.login(user, password), lane="store",
                          on_result=self._unlocked, on_error=self.loginFailed.emit)

    def _unlocked(self, record) -> None:
        if not record:
            self.loginFailed.emit(self.tr("Password is wrong."))
            return
        self.locked = False
        self.touch()
        self.lockedChanged.emit(False)


class ActivityFilter(QObject):
    """Application-wide event filter feeding the inactivity lock."""

    ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}

    def __init__(self, session: SessionViewModel):
        super().__init__(session)
        self.session = session

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        if event.type() in self.ACTIVITY:
            self.session.touch()
        return False
