"""Main window: stacked screens (sign-in, examination, supervisor, lock), menus, shortcuts,
the message area and the status bar. The frame, menus and actions are the Qt Designer form
ui/main_window.ui; this class adds behaviour only."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from inspector_app.app.forms.ui_main_window import Ui_MainWindow
from inspector_app.app.i18n import Languages
from inspector_app.app.viewmodels.examination import ExaminationViewModel
from inspector_app.app.viewmodels.manifests import ManifestViewModel
from inspector_app.app.viewmodels.session import ActivityFilter, SessionViewModel
from inspector_app.app.viewmodels.status import StatusViewModel
from inspector_app.app.viewmodels.supervisor import SupervisorViewModel
from inspector_app.app.widgets.common import core_text, set_badge, shortcut_text, tr
from inspector_app.app.widgets.exam import ExamScreen
from inspector_app.app.widgets.login import LockScreen, LoginScreen
from inspector_app.app.widgets.manifests import ManifestScreen
from inspector_app.app.widgets.screen_stack import ScreenStack
from inspector_app.app.widgets.status_bar import InspectorStatusBar
from inspector_app.app.widgets.supervisor import SupervisorScreen
from inspector_app.app.workers import Runner

__all__ = ["MainWindow", "ScreenStack", "ShortcutsDialog", "attach_demo", "shortcut_table"]


def shortcut_table(window) -> list[tuple[str, str]]:
    """Every keyboard shortcut the window registers, read from the window itself (its actions,
    menus included, its QShortcuts and buttons with a shortcut of their own), so Help → Shortcuts
    (F1) cannot miss one or list one that is gone. Keys as Qt writes them (PortableText), once."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(sequences, what: str) -> None:
        keys = " / ".join(k.toString(QKeySequence.SequenceFormat.PortableText) for k in sequences if not k.isEmpty())
        if keys and keys not in seen:
            seen.add(keys)
            rows.append((keys, shortcut_text(what)))

    for action in window.findChildren(QAction):
        add(action.shortcuts(), action.text() or action.toolTip())
    for sc in window.findChildren(QShortcut):
        add([sc.key()], sc.whatsThis() or sc.objectName())
    for button in window.findChildren(QAbstractButton):
        key = button.shortcut()
        if not key.isEmpty() and key != QKeySequence.mnemonic(button.text()):  # mnemonics are underlined
            add([key], button.toolTip() or button.text())
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, parent):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_table(parent)
        table = QTableWidget(len(rows), 2)
        table.setObjectName("shortcutTable")
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setWordWrap(True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for r, (keys, what) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(keys))
            table.setItem(r, 1, QTableWidgetItem(what))
        table.resizeColumnToContents(0)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        lay.addWidget(buttons)
        room = parent.screen().availableGeometry() if parent.screen() is not None else None
        self.resize(min(760, room.width() - 40) if room else 760, min(680, room.height() - 80) if room else 680)


class MainWindow(QMainWindow):
    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.backend = backend
        self.runner = Runner(self)
        self.languages = Languages(self)
        self.session = SessionViewModel(backend, self.runner, self)
        self.status_vm = StatusViewModel(backend, self.runner, self)
        self.exam_vm = ExaminationViewModel(backend, self.runner, parent=self)
        self.supervisor_vm = SupervisorViewModel(backend, self.runner, parent=self)
        self.manifest_vm = ManifestViewModel(backend, self.runner, parent=self)
        self.stack: ScreenStack = self.ui.stack
        self.login_screen = LoginScreen(self.session)
        self.exam_screen = ExamScreen(self.exam_vm)
        self.supervisor_screen = SupervisorScreen(self.supervisor_vm)
        self.manifest_screen = ManifestScreen(self.manifest_vm)
        self.lock_screen = LockScreen(self.session)
        self.no_role = QLabel()
        self.no_role.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.login_screen, self.exam_screen, self.supervisor_screen, self.manifest_screen, self.no_role,
                  self.lock_screen):
            self.stack.add_page(w)
        self.stack.currentChanged.connect(self._title)
        self.status = InspectorStatusBar(self.status_vm)
        self.setStatusBar(self.status)
        self.leave_box: QMessageBox | None = None
        self._lock_state: dict | None = None   # what the lock hid, restored on unlock
        self._close_confirmed = False
        u = self.ui
        self._actions: dict[str, QAction] = {
            "shortcuts": u.action_shortcuts, "language": u.action_language, "exam": u.action_exam,
            "supervisor": u.action_supervisor, "dismiss": u.action_dismiss, "mrz": u.action_mrz,
            "read": u.action_read, "camera": u.action_camera, "capture": u.action_capture,
            "retake": u.action_retake, "fingers": u.action_fingers, "chip": u.action_chip, "exemption": u.action_exemption,
            "checks": u.action_checks, "decision": u.action_decision, "save": u.action_save,
            "print": u.action_print, "next": u.action_next, "lock": u.action_lock, "logout": u.action_logout,
            "direction": u.action_direction, "manifests": u.action_manifests,
        }
        self.addActions(list(self._actions.values()))  # shortcuts work with the menus closed
        self._connect_actions()
        u.messageDismiss.clicked.connect(self.dismiss_message)
        self.dismiss_message()
        self.session.loggedIn.connect(self._logged_in)
        self.session.loggedOut.connect(self._logged_out)
        self.session.lockedChanged.connect(self._locked)
        self.exam_vm.error.connect(self._exam_error)
        self.exam_vm.cleared.connect(self.dismiss_message)
        self.exam_vm.travellerChanged.connect(lambda _t: self.dismiss_message())  # old errors are not current
        self.exam_vm.faceChanged.connect(self._device_state)
        self.exam_vm.fingersChanged.connect(self._device_state)
        self.exam_vm.saved.connect(self._after_save)
        self.exam_vm.directionChanged.connect(lambda _d: self._title())
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

        self.runner.start("warm-up", lambda ctx: compute.warm_up(),
                          on_error=lambda m: self._error(self.tr("Face and fingerprint matching could not start: %s") % m))
        self.sync_worker = None
        self.runner.start("sync", lambda ctx: backend.start_sync(), lane="store",
                          on_result=lambda w: setattr(self, "sync_worker", w),
                          on_error=lambda m: self._error(self.tr("Sync with the hub could not start: %s") % m))
        self.manifest_watcher = None
        self.runner.start("manifest-folder", lambda ctx: backend.start_manifest_watch(), lane="store",
                          on_result=lambda w: setattr(self, "manifest_watcher", w),
                          on_error=lambda m: self._error(self.tr("The manifest folder could not be watched: %s") % m))

    # ---- menus & shortcuts ----
    def _connect_actions(self) -> None:
        a, e, s = self._actions, self.exam_screen, self.exam_vm
        a["shortcuts"].triggered.connect(self.show_shortcuts)
        a["language"].triggered.connect(self.languages.toggle)
        a["exam"].triggered.connect(self.show_exam)
        a["supervisor"].triggered.connect(self.show_supervisor)
        a["manifests"].triggered.connect(self.show_manifests)
        a["dismiss"].triggered.connect(self.dismiss_message)
        a["mrz"].triggered.connect(lambda: self._in_exam(e.mrz.edit.setFocus))
        a["read"].triggered.connect(lambda: self._in_exam(lambda: s.submit_mrz(e.mrz.edit.toPlainText())))
        a["camera"].triggered.connect(lambda: self._in_exam(s.start_camera))
        a["capture"].triggered.connect(lambda: self._in_exam(s.capture_now))
        a["retake"].triggered.connect(lambda: self._in_exam(s.retake))
        a["fingers"].triggered.connect(lambda: self._in_exam(s.capture_fingers))
        a["chip"].triggered.connect(lambda: self._in_exam(s.read_chip))
        a["exemption"].triggered.connect(lambda: self._in_exam(e.capture.exemption.setFocus))
        a["checks"].triggered.connect(lambda: self._in_exam(e.checks.list.setFocus))
        a["decision"].triggered.connect(lambda: self._in_exam(e.decision.type.setFocus))
        a["save"].triggered.connect(lambda: self._in_exam(s.save))
        a["print"].triggered.connect(lambda: self._in_exam(self.print_seal))
        a["next"].triggered.connect(lambda: self._in_exam(self.request_next_traveller))
        a["direction"].triggered.connect(lambda: self._in_exam(s.toggle_direction))
        a["lock"].triggered.connect(lambda: self.session.lock("manual"))
        a["logout"].triggered.connect(self.request_logout)
        e.decision.print_button.clicked.connect(self.print_seal)
        # the panel's Next button asks like Ctrl+N does before it drops unsaved work
        e.decision.next_button.clicked.disconnect()
        e.decision.next_button.clicked.connect(self.request_next_traveller)
        self.lock_screen.logout.clicked.connect(self.request_logout)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._title()
        self.no_role.setText(self.tr("Administrator tools are on the command line: inspector-app --help"))

    def _title(self, _index: int = -1) -> None:
        """The title bar (and the task bar) say which screen is up, never whose data is on it."""
        page = self.stack.currentWidget()
        exam = (self.tr("Examination — DEPARTURES") if self.exam_vm.direction == "departure"
                else self.tr("Examination — ARRIVALS"))
        screen = {self.login_screen: self.tr("Sign in"), self.exam_screen: exam,
                  self.supervisor_screen: self.tr("Supervisor"), self.manifest_screen: self.tr("Pre-arrival manifests"),
                  self.lock_screen: self.tr("Locked")}.get(page, "")
        where = self.tr("%s, booth %s") % (self.backend.port, self.backend.booth_id)
        self.setWindowTitle(" — ".join(p for p in (self.tr("Border Inspector"), screen, where) if p))

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _in_exam(self, fn) -> None:
        if self.stack.currentWidget() is self.exam_screen and not self.session.locked:
            fn()

    # ---- leaving a traveller ----
    def leave_traveller(self, leave_text: str, proceed) -> None:
        """Run ``proceed`` now if no work of this traveller would be lost; otherwise ask first.
        The default (Return) and Escape both stay with the traveller."""
        vm = self.exam_vm
        if not vm.has_unsaved_work():
            proceed()
            return
        if self.leave_box is not None:
            self.leave_box.raise_()
            return
        hits = len(vm.open_hits)
        text = (self.tr("This traveller has %d open hit(s) and no saved decision.") % hits if hits
                else self.tr("No decision is saved for this traveller yet."))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Leave this traveller?"), text, parent=self)
        box.setObjectName("leaveConfirm")
        box.setInformativeText(self.tr("If you leave, the examination stays recorded without a decision."))
        stay = box.addButton(self.tr("Stay with this traveller"), QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton(leave_text, QMessageBox.ButtonRole.DestructiveRole)
        leave.setObjectName("leaveAnyway")
        stay.setObjectName("stayHere")
        bold = stay.font()
        bold.setBold(True)   # the style sheet makes the default button bold: size it for that, or it is cut
        stay.setFont(bold)
        for button in (stay, leave):
            # either is drawn bold once it has the focus (it becomes the default), inside the 2 px
            # focus border around the padding (14 px a side), which the style sheet's size hint
            # leaves out: measured from the bold text, the words keep their room
            room = QFontMetrics(bold).horizontalAdvance(button.text()) + 2 * (14 + 2) + 8
            button.setMinimumWidth(max(button.sizeHint().width(), room))
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(_result) -> None:
            self.leave_box = None
            box.deleteLater()
            if box.clickedButton() is leave:
                proceed()

        box.finished.connect(answered)
        self.leave_box = box
        box.open()
        stay.setFocus()

    def request_next_traveller(self) -> None:
        self.leave_traveller(self.tr("Next traveller"), self.exam_vm.next_traveller)

    def request_logout(self) -> None:
        self.leave_traveller(self.tr("Sign out"), self.session.logout)

    # ---- screens ----
    def _show_login(self) -> None:
        self.stack.setCurrentWidget(self.login_screen)
        # the next person types their name straight away: over the last name, never into the password
        self.login_screen.password.clear()
        self.login_screen.user.selectAll()
        self.login_screen.user.setFocus()
        for k in ("exam", "supervisor", "manifests", "lock", "logout"):
            self._actions[k].setEnabled(False)

    def _logged_in(self, user: dict) -> None:
        QApplication.instance().installEventFilter(self.activity)
        QApplication.instance().installEventFilter(self.mrz_input)
        uid = user["user"]
        self.exam_vm.set_user(user)
        self.supervisor_vm.reviewer = uid
        self.status_vm.update(user=uid, roles=list(user["roles"]))
        self.dismiss_message()
        self._actions["exam"].setEnabled(self.session.has_role("inspector"))
        self._actions["supervisor"].setEnabled(self.session.has_role("supervisor"))
        self._actions["manifests"].setEnabled(self.session.has_role("supervisor"))
        self.manifest_vm.user = uid
        self._actions["lock"].setEnabled(True)
        self._actions["logout"].setEnabled(True)
        if self.session.has_role("inspector"):
            self.show_exam()
        elif self.session.has_role("supervisor"):
            self.show_supervisor()
        else:
            self.stack.setCurrentWidget(self.no_role)

    def _logged_out(self) -> None:
        if self._lock_state is not None:  # signed out from the lock screen
            self._restore_after_lock(show=False)
        self.exam_vm.next_traveller()
        self.exam_vm.set_user(None)
        self.supervisor_vm.clear()
        self.manifest_vm.clear()
        self.manifest_screen.clear_message()
        self.status_vm.update(user="", roles=[])
        self.dismiss_message()
        self._show_login()
        from inspector_app.app.heap import collect_while_idle

        collect_while_idle()

    def show_exam(self) -> None:
        if self.session.has_role("inspector") and not self.session.locked:
            self.supervisor_vm.stop()
            self.manifest_vm.stop()
            self.stack.setCurrentWidget(self.exam_screen)
            self.exam_vm._emit_decision()
            self.exam_screen.mrz.edit.setFocus()

    def show_supervisor(self) -> None:
        if self.session.has_role("supervisor") and not self.session.locked:
            self.manifest_vm.stop()
            self.stack.setCurrentWidget(self.supervisor_screen)
            self.supervisor_vm.start()
            self.supervisor_screen.queue.setFocus()

    def show_manifests(self) -> None:
        if self.session.has_role("supervisor") and not self.session.locked:
            self.supervisor_vm.stop()
            self.stack.setCurrentWidget(self.manifest_screen)
            self.manifest_vm.start()
            self.manifest_screen.list.setFocus()

    # ---- lock ----
    def _locked(self, locked: bool) -> None:
        """The lock replaces the page: the traveller's name, document and photos are not on screen
        (not merely behind a dialog), nor in a message or an open dialog of this window."""
        if locked:
            from inspector_app.app.heap import collect_while_idle

            hidden = []
            for w in QApplication.topLevelWidgets():
                if w is not self and w.isVisible() and self._owns(w):
                    if w.isModal() and isinstance(w, QDialog):
                        w.reject()   # a question left open: the answer is "stay"
                    elif w.windowType() == Qt.WindowType.Popup:
                        w.hide()     # an open list or menu: closed, not brought back
                    else:
                        w.hide()
                        hidden.append(w)
            self._lock_state = {
                "page": self.stack.currentWidget(), "focus": QApplication.focusWidget(), "windows": hidden,
                "enabled": {k: a.isEnabled() for k, a in self._actions.items()},
            }
            for k, a in self._actions.items():
                a.setEnabled(k in ("shortcuts", "language", "logout"))
            self.dismiss_message()
            self.stack.setCurrentWidget(self.lock_screen)
            self.lock_screen.password.setFocus()
            collect_while_idle()  # nobody is waiting on the screen now
        elif self._lock_state is not None:
            self._restore_after_lock(show=True)

    def _owns(self, w) -> bool:
        p = w.parentWidget()
        while p is not None:
            if p is self:
                return True
            p = p.parentWidget()
        return False

    def _restore_after_lock(self, show: bool) -> None:
        state, self._lock_state = self._lock_state, None
        for k, enabled in state["enabled"].items():
            self._actions[k].setEnabled(enabled)
        if not show:
            return
        self.stack.setCurrentWidget(state["page"])  # the same examination, as it was
        for w in state["windows"]:
            if shiboken6.isValid(w):
                w.show()
        focus = state["focus"]
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus()

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

    # ---- messages ----
    def show_message(self, text: str, outcome: str = "fail") -> None:
        """A message in full, in the window, until it is dismissed (Esc) or no longer current."""
        set_badge(self.ui.messageText, outcome, text)
        self.ui.messageArea.setVisible(True)
        self._actions["dismiss"].setEnabled(True)

    def dismiss_message(self) -> None:
        self.ui.messageArea.setVisible(False)
        self.ui.messageText.clear()
        self._actions["dismiss"].setEnabled(False)

    @property
    def message(self) -> str:
        """The message on screen now ("" if none)."""
        return self.ui.messageText.text() if self.ui.messageArea.isVisibleTo(self) else ""

    def _exam_error(self, message: str) -> None:
        # a device or input problem the examination screen already shows in full, in its place,
        # is not repeated at the top of the window
        if not self.exam_vm.shows_on_screen(message):
            self._error(message)

    def _error(self, message: str) -> None:
        if self.session.locked:
            return  # an error of a traveller's work would show behind the lock; it is not current after
        self.show_message(core_text(message))

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
        if event.spontaneous() and not self._close_confirmed and self.exam_vm.has_unsaved_work():
            # the inspector closed the window (title bar, Alt+F4) with a traveller not finished
            event.ignore()

            def close_now() -> None:
                self._close_confirmed = True
                self.close()

            self.leave_traveller(self.tr("Close the window"), close_now)
            return
        self.exam_vm.stop_camera()
        self.runner.cancel_all()
        self.mrz_input.stop()
        self.runner.wait_idle(5000)
        if self.sync_worker is not None:
            worker, self.sync_worker = self.sync_worker, None
            import threading

            threading.Thread(target=worker.stop, args=(10,), daemon=True).start()
        if self.manifest_watcher is not None:
            watcher, self.manifest_watcher = self.manifest_watcher, None
            watcher.stop(10)   # between files it stops at once; a file being imported finishes first
        super().closeEvent(event)  # the compute process stops at exit (compute.py, atexit)


def attach_demo(window: MainWindow, services) -> None:
    """Demo menu: each entry presents one demo traveller (document on the reader, face in front
    of the simulated camera, fingers on the simulated scanner)."""
    menu = window.menuBar().addMenu(tr("&Demo"))
    if services.chip_reader is not None:   # the demo's simulated chip reader, or why it has none
        window.backend.ctx.use_chip_reader(services.chip_reader)
    titles = []
    for n, (key, t) in enumerate(services.travellers.items(), 1):
        act = QAction(window)
        titles.append((act, n, t["what"]))
        act.setShortcut(QKeySequence(f"Ctrl+Alt+{n}"))

        def present(_checked=False, key=key):
            if window.stack.currentWidget() is not window.exam_screen or window.session.locked:
                return

            def step_up() -> None:
                trav = services.select(key, window.backend.settings)
                window.exam_vm.next_traveller()
                window.exam_screen.mrz.edit.setPlainText(trav["mrz"])
                window.exam_vm.submit_mrz(trav["mrz"])

            window.leave_traveller(tr("Next traveller"), step_up)

        act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        act.triggered.connect(present)
        menu.addAction(act)
        window.addAction(act)

    def retranslate(_language=None):
        # the titles are the demo data's (travellers.csv), collected for translation into app/core_messages.py
        menu.setTitle(tr("&Demo"))
        for act, n, what in titles:
            act.setText(f"{n}. {QCoreApplication.translate('Demo', what)}")

    retranslate()
    window.languages.changed.connect(retranslate)
    window.demo_services = services
