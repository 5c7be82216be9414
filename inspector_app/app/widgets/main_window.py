"""Main window: stacked screens (sign-in, examination, supervisor), menus, shortcuts, status bar."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from inspector_app.app.i18n import Languages
from inspector_app.app.viewmodels.examination import ExaminationViewModel
from inspector_app.app.viewmodels.session import ActivityFilter, SessionViewModel
from inspector_app.app.viewmodels.status import StatusViewModel
from inspector_app.app.viewmodels.supervisor import SupervisorViewModel
from inspector_app.app.widgets.common import core_text, roles_title, tr
from inspector_app.app.widgets.exam import ExamScreen
from inspector_app.app.widgets.login import LockDialog, LoginScreen
from inspector_app.app.widgets.status_bar import InspectorStatusBar
from inspector_app.app.widgets.supervisor import SupervisorScreen
from inspector_app.app.workers import Runner


class ScreenStack(QStackedWidget):
    """The screens, each in a scroll area: on a screen smaller than a page (1366×768) the page
    scrolls instead of pushing the status bar, and the Saved message with it, off the screen.
    ``currentWidget`` / ``setCurrentWidget`` speak of the pages, not of their scroll areas."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._areas: dict = {}

    def add_page(self, page) -> None:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(page)
        self._areas[page] = area
        self.addWidget(area)

    def setCurrentWidget(self, page) -> None:  # noqa: N802 - Qt's name
        super().setCurrentWidget(self._areas.get(page, page))

    def currentWidget(self):  # noqa: N802 - Qt's name
        w = super().currentWidget()
        return w.widget() if isinstance(w, QScrollArea) else w


def shortcut_table(_unused=None) -> list[tuple[str, str]]:
    """Every keyboard shortcut of the application, as listed in Help → Shortcuts."""
    return [
        ("F1", tr("Show this list of shortcuts")),
        ("Ctrl+J", tr("Switch language English / 日本語")),
        ("F2", tr("Examination screen")),
        ("F3", tr("Supervisor screen")),
        ("Ctrl+M", tr("Go to the MRZ field")),
        ("Ctrl+Return", tr("Read the document (MRZ)")),
        ("F5", tr("Start the camera")),
        ("F6", tr("Capture the face now")),
        ("F7", tr("Retake the face")),
        ("F8", tr("Capture fingerprints")),
        ("Ctrl+E", tr("Biometric exemption")),
        ("Ctrl+K", tr("Go to the checks list (evidence)")),
        ("Ctrl+D", tr("Go to the decision")),
        ("Ctrl+S", tr("Save the decision (then the seal is written)")),
        ("Ctrl+P", tr("Print the landing permission seal")),
        ("Ctrl+N", tr("Next traveller (clears the screen)")),
        ("Alt+1 / Alt+2", tr("Supervisor: confirm / clear the hit")),
        ("Ctrl+R", tr("Supervisor: record the review")),
        ("Alt+O / Alt+M / Alt+P", tr("Supervisor: show open flags / reviewed by me / all booths of the port")),
        ("Enter", tr("Supervisor: from the list to the examination's flags")),
        ("Ctrl+Shift+L", tr("Lock the session")),
        ("Ctrl+Q", tr("Sign out")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_table(self.tr)
        table = QTableWidget(len(rows), 2)
        table.setObjectName("shortcutTable")
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().setVisible(False)
        for r, (keys, what) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(keys))
            table.setItem(r, 1, QTableWidgetItem(what))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        self.resize(620, 640)


class MainWindow(QMainWindow):
    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.runner = Runner(self)
        self.languages = Languages(self)
        self.session = SessionViewModel(backend, self.runner, self)
        self.status_vm = StatusViewModel(backend, self.runner, self)
        self.exam_vm = ExaminationViewModel(backend, self.runner, parent=self)
        self.supervisor_vm = SupervisorViewModel(backend, self.runner, parent=self)
        self.stack = ScreenStack()
        self.login_screen = LoginScreen(self.session)
        self.exam_screen = ExamScreen(self.exam_vm)
        self.supervisor_screen = SupervisorScreen(self.supervisor_vm)
        self.no_role = QLabel()
        self.no_role.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.login_screen, self.exam_screen, self.supervisor_screen, self.no_role):
            self.stack.add_page(w)
        self.setCentralWidget(self.stack)
        self.status = InspectorStatusBar(self.status_vm)
        self.setStatusBar(self.status)
        self.lock_dialog: LockDialog | None = None
        self._actions: dict[str, QAction] = {}
        self._build_menus()
        self.session.loggedIn.connect(self._logged_in)
        self.session.loggedOut.connect(self._logged_out)
        self.session.lockedChanged.connect(self._locked)
        self.exam_vm.error.connect(self._error)
        self.exam_vm.faceChanged.connect(self._device_state)
        self.exam_vm.fingersChanged.connect(self._device_state)
        self.exam_vm.saved.connect(self._after_save)
        self.languages.changed.connect(lambda _l: self.exam_vm._emit_decision())
        self.activity = ActivityFilter(self.session)
        from inspector_app.app.mrz_input import MrzInput

        self.mrz_input = MrzInput(self)
        self.mrz_input.mrz.connect(self._document_read)
        port = backend.settings.get("devices.serial.port")
        if port:
            self.mrz_input.start_serial(port, int(backend.settings.get("devices.serial.baud", 9600)))
        self.retranslate()
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        # never larger than the screen (1366×768 booths): the pages scroll, the status bar stays;
        # the margins leave room for the window manager's frame, not known before the window shows
        self.resize(min(1440, room.width() - 8) if room else 1440, min(900, room.height() - 48) if room else 900)
        self.status_vm.start()
        self._show_login()
        # start the matching process and load the face models while the inspector signs in
        from inspector_app.app import compute

        self.runner.start("warm-up", lambda ctx: compute.warm_up(), on_error=self._error)
        self.sync_worker = None
        self.runner.start("sync", lambda ctx: backend.start_sync(), lane="store",
                          on_result=lambda w: setattr(self, "sync_worker", w), on_error=self._error)

    # ---- menus & shortcuts ----
    def _act(self, key: str, shortcut, slot) -> QAction:
        a = QAction(self)
        a.setShortcut(QKeySequence(shortcut))
        a.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        a.triggered.connect(slot)
        self._actions[key] = a
        self.addAction(a)
        return a

    def _build_menus(self) -> None:
        e, s = self.exam_screen, self.exam_vm
        self._act("shortcuts", "F1", self.show_shortcuts)
        self._act("language", "Ctrl+J", self.languages.toggle)
        self._act("exam", "F2", self.show_exam)
        self._act("supervisor", "F3", self.show_supervisor)
        self._act("mrz", "Ctrl+M", lambda: self._in_exam(e.mrz.edit.setFocus))
        self._act("read", "Ctrl+Return", lambda: self._in_exam(lambda: s.submit_mrz(e.mrz.edit.toPlainText())))
        self._act("camera", "F5", lambda: self._in_exam(s.start_camera))
        self._act("capture", "F6", lambda: self._in_exam(s.capture_now))
        self._act("retake", "F7", lambda: self._in_exam(s.retake))
        self._act("fingers", "F8", lambda: self._in_exam(s.capture_fingers))
        self._act("exemption", "Ctrl+E", lambda: self._in_exam(e.capture.exemption.setFocus))
        self._act("checks", "Ctrl+K", lambda: self._in_exam(e.checks.list.setFocus))
        self._act("decision", "Ctrl+D", lambda: self._in_exam(e.decision.type.setFocus))
        self._act("save", "Ctrl+S", lambda: self._in_exam(s.save))
        self._act("print", "Ctrl+P", lambda: self._in_exam(self.print_seal))
        self._act("next", "Ctrl+N", lambda: self._in_exam(s.next_traveller))
        self._act("lock", "Ctrl+Shift+L", self.session.lock)
        self._act("logout", "Ctrl+Q", self.session.logout)
        e.decision.print_button.clicked.connect(self.print_seal)
        mb = self.menuBar()
        self.m_session = mb.addMenu("")
        for k in ("lock", "logout"):
            self.m_session.addAction(self._actions[k])
        self.m_view = mb.addMenu("")
        for k in ("exam", "supervisor", "language"):
            self.m_view.addAction(self._actions[k])
        self.m_exam = mb.addMenu("")
        for k in ("mrz", "read", "camera", "capture", "retake", "fingers", "exemption", "checks", "decision",
                  "save", "print", "next"):
            self.m_exam.addAction(self._actions[k])
        self.m_help = mb.addMenu("")
        self.m_help.addAction(self._actions["shortcuts"])

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Border Inspector — %s, booth %s") % (self.backend.port, self.backend.booth_id))
        self.m_session.setTitle(self.tr("&Session"))
        self.m_view.setTitle(self.tr("&View"))
        self.m_exam.setTitle(self.tr("&Examination"))
        self.m_help.setTitle(self.tr("&Help"))
        texts = dict((k, v) for k, v in zip(
            ["shortcuts", "language", "exam", "supervisor", "mrz", "read", "camera", "capture", "retake", "fingers",
             "exemption", "checks", "decision", "save", "print", "next", "_rev1", "_rev2", "_rev3", "_rev4", "lock",
             "logout"],
            [w for _k, w in shortcut_table(self.tr)]))
        for k, a in self._actions.items():
            a.setText(texts.get(k, k))
        self.no_role.setText(self.tr("Administrator tools are on the command line: inspector-app --help"))

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _in_exam(self, fn) -> None:
        if self.stack.currentWidget() is self.exam_screen and not self.session.locked:
            fn()

    # ---- screens ----
    def _show_login(self) -> None:
        self.stack.setCurrentWidget(self.login_screen)
        # the next person types their name straight away: over the last name, never into the password
        self.login_screen.password.clear()
        self.login_screen.user.selectAll()
        self.login_screen.user.setFocus()
        for k in ("exam", "supervisor", "lock", "logout"):
            self._actions[k].setEnabled(False)

    def _logged_in(self, user: dict) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.instance().installEventFilter(self.activity)
        QApplication.instance().installEventFilter(self.mrz_input)
        uid = user["user"]
        self.exam_vm.set_user(user)
        self.supervisor_vm.reviewer = uid
        self.status_vm.update(user=f"{uid} ({roles_title(user['roles'])})")
        self._actions["exam"].setEnabled(self.session.has_role("inspector"))
        self._actions["supervisor"].setEnabled(self.session.has_role("supervisor"))
        self._actions["lock"].setEnabled(True)
        self._actions["logout"].setEnabled(True)
        if self.session.has_role("inspector"):
            self.show_exam()
        elif self.session.has_role("supervisor"):
            self.show_supervisor()
        else:
            self.stack.setCurrentWidget(self.no_role)

    def _logged_out(self) -> None:
        self.exam_vm.next_traveller()
        self.exam_vm.set_user(None)
        self.supervisor_vm.clear()
        if self.lock_dialog is not None:
            self.lock_dialog.hide()
        self.status_vm.update(user="")
        self._show_login()
        from inspector_app.app.heap import collect_while_idle

        collect_while_idle()

    def show_exam(self) -> None:
        if self.session.has_role("inspector"):
            self.supervisor_vm.stop()
            self.stack.setCurrentWidget(self.exam_screen)
            self.exam_vm._emit_decision()
            self.exam_screen.mrz.edit.setFocus()

    def show_supervisor(self) -> None:
        if self.session.has_role("supervisor"):
            self.stack.setCurrentWidget(self.supervisor_screen)
            self.supervisor_vm.start()
            self.supervisor_screen.queue.setFocus()

    def _locked(self, locked: bool) -> None:
        if locked:
            from inspector_app.app.heap import collect_while_idle

            collect_while_idle()  # nobody is waiting on the screen now
            if self.lock_dialog is None:
                self.lock_dialog = LockDialog(self.session, self)
            self.lock_dialog.password.clear()
            self.lock_dialog.show()
            self.lock_dialog.password.setFocus()
        elif self.lock_dialog is not None:
            self.lock_dialog.hide()

    def _document_read(self, text: str) -> None:
        """A reader delivered an MRZ: it replaces whatever was typed and is read at once."""
        if self.stack.currentWidget() is not self.exam_screen or self.session.locked:
            return
        self.exam_screen.mrz.edit.setPlainText(text)
        self.exam_vm.submit_mrz(text)

    def _after_save(self, _record: dict) -> None:
        if self.sync_worker is not None:
            self.sync_worker.nudge()  # send the decision upstream now, not at the next interval
        self.status_vm.refresh()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def _error(self, message: str) -> None:
        self.statusBar().showMessage("✖ " + core_text(message), 15000)

    def _device_state(self, state: dict) -> None:
        if "fingers" in state:
            st = state.get("state")
            self.status_vm.update(fingerprint={"capturing": "busy", "captured": "ready"}.get(st, "unknown"))
        else:
            st = state.get("state")
            self.status_vm.update(camera={"live": "live", "captured": "ready", "error": "error"}.get(st, "unknown"))

    def print_seal(self) -> None:
        rec = self.exam_vm.saved_record
        if not rec or not rec.get("seal"):
            self._error(self.tr("Save a landing permission first."))
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from inspector_app.app.seal_render import print_seal

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_seal(printer, rec["seal"])

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if not getattr(self, "_fitted", False):
            self._fitted = True
            QTimer.singleShot(500, self._fit_to_screen)  # after the window manager framed it

    def _fit_to_screen(self) -> None:
        """The window manager's frame (title bar) comes on top of the size asked for: shrink once
        so the whole frame, status bar included, is on the screen."""
        screen = self.screen()
        if screen is None:
            return
        room, frame = screen.availableGeometry(), self.frameGeometry()
        if frame.height() > room.height() or frame.width() > room.width():
            self.resize(min(self.width(), room.width() - (frame.width() - self.width())),
                        min(self.height(), room.height() - (frame.height() - self.height())))
            self.move(room.topLeft())

    def closeEvent(self, event):  # noqa: N802
        self.exam_vm.stop_camera()
        self.runner.cancel_all()
        self.mrz_input.stop()
        self.runner.wait_idle(5000)
        if self.sync_worker is not None:
            worker, self.sync_worker = self.sync_worker, None
            import threading

            threading.Thread(target=worker.stop, args=(10,), daemon=True).start()
        super().closeEvent(event)  # the compute process stops at exit (compute.py, atexit)


def attach_demo(window: MainWindow, services) -> None:
    """Demo menu: each entry presents one demo traveller (document on the reader, face in front
    of the simulated camera, fingers on the simulated scanner)."""
    menu = window.menuBar().addMenu(tr("&Demo"))
    titles = []
    for n, (key, t) in enumerate(services.travellers.items(), 1):
        act = QAction(window)
        titles.append((act, n, t["what"]))
        act.setShortcut(QKeySequence(f"Ctrl+Alt+{n}"))

        def present(_checked=False, key=key):
            trav = services.select(key, window.backend.settings)
            if window.stack.currentWidget() is window.exam_screen:
                window.exam_vm.next_traveller()
                window.exam_screen.mrz.edit.setPlainText(trav["mrz"])
                window.exam_vm.submit_mrz(trav["mrz"])

        act.triggered.connect(present)
        menu.addAction(act)

    def retranslate(_language=None):
        # the titles are the demo data's (travellers.csv), collected for translation into app/core_messages.py
        menu.setTitle(tr("&Demo"))
        for act, n, what in titles:
            act.setText(f"{n}. {QCoreApplication.translate('Demo', what)}")

    retranslate()
    window.languages.changed.connect(retranslate)
    window.demo_services = services
