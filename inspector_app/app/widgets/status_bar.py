"""The status bar on every screen: devices, online/offline, last sync + queued, list age."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

from inspector_app.app.widgets.common import local_time, set_badge


class InspectorStatusBar(QStatusBar):
    def __init__(self, status_vm, parent=None):
        super().__init__(parent)
        self.vm = status_vm
        self.devices = QLabel()
        self.devices.setObjectName("statusDevices")
        self.online = QLabel()
        self.online.setObjectName("statusOnline")
        self.sync = QLabel()
        self.sync.setObjectName("statusSync")
        self.lists = QLabel()
        self.lists.setObjectName("statusLists")
        self.user = QLabel()
        self.user.setObjectName("statusUser")
        for w in (self.user, self.devices, self.online, self.sync, self.lists):
            # each part keeps its whole text (never cut mid-word): the bar is laid out to fit
            w.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            self.addPermanentWidget(w)
        self.setSizeGripEnabled(False)
        self.state: dict = dict(status_vm.state)
        status_vm.changed.connect(self.show_state)
        self.show_state(self.state)

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.show_state(self.state)
        super().changeEvent(event)

    def show_state(self, s: dict) -> None:
        self.state = dict(s)
        words = {"ready": self.tr("ready"), "busy": self.tr("busy"), "error": self.tr("error"),
                 "absent": self.tr("absent"), "unknown": self.tr("unknown"), "live": self.tr("live")}
        cam, fp = s.get("camera", "unknown"), s.get("fingerprint", "unknown")
        # working (busy) and not yet known are neutral; only a failed or absent device warns
        if "error" in (cam, fp):
            worst = "fail"
        elif "absent" in (cam, fp):
            worst = "warning"
        elif {cam, fp} <= {"ready", "live"}:
            worst = "pass"
        else:
            worst = "info"
        set_badge(self.devices, worst, self.tr("Camera: %s · Fingerprint: %s") % (words.get(cam, cam), words.get(fp, fp)))
        if s.get("online"):
            set_badge(self.online, "pass", self.tr("Online"))
        else:
            set_badge(self.online, "warning", self.tr("Offline"))
        last = local_time(s.get("last_sync")) or self.tr("never")
        queued = s.get("queued")
        quarantined = s.get("quarantined") or 0
        text = self.tr("Last sync: %s · queued: %s") % (last, "?" if queued is None else queued)
        if quarantined:  # refused by the hub for good: an operator must look (sync quarantine)
            text += " · " + self.tr("%n refused by the hub", "", int(quarantined))
        # records waiting for the next sync are normal progress, not a warning
        set_badge(self.sync, "fail" if quarantined else ("info" if queued else "pass"), text)
        age = s.get("list_age_hours")
        if age is None:
            set_badge(self.lists, "warning", self.tr("Lists: not loaded"))
        elif s.get("list_stale"):
            set_badge(self.lists, "fail", self.tr("Lists %.1f h old — OUT OF DATE") % float(age))
        else:
            set_badge(self.lists, "pass", self.tr("Lists %.1f h old") % float(age))
        user = s.get("user")
        roles = {"inspector": self.tr("inspector"), "supervisor": self.tr("supervisor"),
                 "administrator": self.tr("administrator")}
        if user and s.get("roles"):
            user = f"{user} ({', '.join(roles.get(r, r) for r in s['roles'])})"
        self.user.setText(self.tr("User: %s") % user if user else self.tr("Not signed in"))
        for w in (self.user, self.devices, self.online, self.sync, self.lists):
            w.setMinimumWidth(w.sizeHint().width())
