"""Pre-arrival manifests screen (form: ui/manifests.ui), for supervisors: the flights and ships
whose passenger or crew lists were imported, and the selected one's people, flagged first.

Keyboard only: the list has the focus (F4); Up/Down choose the manifest and its people follow;
Enter (or Right) goes to the people, Escape (or Left) back to the list; Ctrl+O imports a file
(a USB stick at a seaport booth), and a file that cannot be read is refused in words, with the
segment and where it is in the file.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTableWidgetItem, QWidget

from inspector_app.app.forms.ui_manifests import Ui_ManifestsForm
from inspector_app.app.widgets.common import restyle_badge, set_badge

LIST_COLUMNS = ("flight", "arrival", "route", "people", "flagged", "not_checked")
PEOPLE_COLUMNS = ("state", "name", "document", "nationality", "reasons")
#: the share of the width for the list and the people (1366×768: about 560/780)
SHARES = (0.42, 0.58)
#: a person's screening state: the badge it is shown with
STATE_OUTCOME = {"flagged": "hit", "not_checked": "exception", "clean": "clear"}


def _arrival(value: str | None) -> str:
    """The scheduled arrival as the carrier sent it (local time at the arrival port, no zone)."""
    return str(value or "").replace("T", " ")[:16]


class ManifestScreen(QWidget):
    def __init__(self, vm, parent=None):
        super().__init__(parent)
        self.vm = vm
        self.ui = Ui_ManifestsForm()
        self.ui.setupUi(self)
        ui = self.ui
        # the names the window and the tests use
        self.list, self.people, self.header = ui.manifestList, ui.peopleTable, ui.manifestHeader
        self.import_button, self.import_message = ui.importButton, ui.importMessage
        self.import_button.setShortcut(QKeySequence("Ctrl+O"))
        self.import_button.clicked.connect(self.choose_file)
        for i, share in enumerate(SHARES):
            ui.splitter.setStretchFactor(i, round(share * 10))
        self.list.setColumnCount(len(LIST_COLUMNS))
        self.people.setColumnCount(len(PEOPLE_COLUMNS))
        self.list.installEventFilter(self)
        self.people.installEventFilter(self)
        self._filling = False
        self.list.currentCellChanged.connect(self._row_changed)
        vm.manifestsChanged.connect(self.show_manifests)
        vm.detailChanged.connect(self.show_detail)
        vm.importFinished.connect(self.show_import)
        vm.error.connect(lambda m: set_badge(self.import_message, "fail", m))
        self.import_message.hide()
        self.retranslate()

    # ---- language ----
    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.list.setHorizontalHeaderLabels([self.tr("Flight / ship"), self.tr("Scheduled arrival"),
                                             self.tr("From → to"), self.tr("People"), self.tr("Flagged"),
                                             self.tr("Not checked")])
        self.people.setHorizontalHeaderLabels([self.tr("Result"), self.tr("Name"), self.tr("Document"),
                                               self.tr("Nationality"), self.tr("Reasons")])
        self.show_manifests(self.vm.manifests)
        self.show_detail(self.vm.detail)

    def state_word(self, state: str) -> str:
        return {"flagged": self.tr("FLAGGED"), "not_checked": self.tr("NOT CHECKED"),
                "clean": self.tr("CLEAN")}.get(state, state)

    # ---- keyboard ----
    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if obj is self.list and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Right) \
                    and self.people.rowCount():
                self.people.setFocus()
                if self.people.currentRow() < 0:
                    self.people.setCurrentCell(0, 0)
                return True
            if obj is self.people and key in (Qt.Key.Key_Escape, Qt.Key.Key_Left):
                self.list.setFocus()
                return True
        return super().eventFilter(obj, event)

    # ---- the list ----
    def show_manifests(self, manifests: list[dict]) -> None:
        self._filling = True
        try:
            self.list.setRowCount(len(manifests))
            selected_row = -1
            for r, m in enumerate(manifests):
                kind = self.tr("crew") if m.get("kind") == "crew" else self.tr("passengers")
                cells = (m.get("flight") or "", _arrival(m.get("scheduled_arrival")),
                         f"{m.get('departure') or '?'} → {m.get('arrival') or '?'}",
                         f"{m.get('people', 0)} {kind}", str(m.get("flagged", 0)), str(m.get("not_checked", 0)))
                for c, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    item.setData(Qt.ItemDataRole.UserRole, m["manifest_id"])
                    if c == LIST_COLUMNS.index("flagged") and m.get("flagged"):
                        item.setText(f"✖ {text}")
                    self.list.setItem(r, c, item)
                if m["manifest_id"] == self.vm.selected:
                    selected_row = r
            self.list.resizeColumnsToContents()
            if selected_row >= 0:
                self.list.setCurrentCell(selected_row, max(self.list.currentColumn(), 0))
        finally:
            self._filling = False

    def _row_changed(self, row: int, _col: int, _prev_row: int, _prev_col: int) -> None:
        if self._filling or row < 0:
            return
        item = self.list.item(row, 0)
        if item is not None:
            self.vm.select(item.data(Qt.ItemDataRole.UserRole))

    # ---- the people ----
    def show_detail(self, detail: dict) -> None:
        results = detail.get("results") or []
        if detail:
            kind = self.tr("crew") if detail.get("kind") == "crew" else self.tr("passengers")
            self.header.setText(self.tr("%1 %2 → %3, arriving %4: %5 %6, %7 flagged, %8 not checked")
                                .replace("%1", str(detail.get("flight") or ""))
                                .replace("%2", str(detail.get("departure") or "?"))
                                .replace("%3", str(detail.get("arrival") or "?"))
                                .replace("%4", _arrival(detail.get("scheduled_arrival")) or "?")
                                .replace("%5", str(detail.get("people", 0))).replace("%6", kind)
                                .replace("%7", str(detail.get("flagged", 0)))
                                .replace("%8", str(detail.get("not_checked", 0))))
        else:
            self.header.setText(self.tr("No manifest selected") if not self.vm.manifests
                                else self.tr("Reading the manifest…"))
        self.people.setRowCount(len(results))
        for r, result in enumerate(results):
            p = result.get("person") or {}
            state = str(result.get("state") or "")
            name = ", ".join(x for x in (p.get("surname"), p.get("given_names")) if x)
            document = " ".join(str(x) for x in (p.get("document_type"), p.get("document_number")) if x)
            role = self.tr(" (crew)") if str(p.get("role") or "").startswith("crew") else ""
            glyph = {"flagged": "✖", "not_checked": "⚠", "clean": "✔"}.get(state, "•")
            cells = (f"{glyph} {self.state_word(state)}", name + role, document, str(p.get("nationality") or ""),
                     "; ".join(str(x) for x in result.get("reasons") or []))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.people.setItem(r, c, item)
        self.people.resizeColumnsToContents()
        # the reasons take what is left and wrap, so a hit's reason is read without scrolling
        reasons = len(PEOPLE_COLUMNS) - 1
        self.people.horizontalHeader().setSectionResizeMode(reasons, QHeaderView.ResizeMode.Stretch)
        self.people.setWordWrap(True)
        self.people.resizeRowsToContents()

    # ---- import ----
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import manifest file"), str(Path.home()),
            self.tr("PAXLST files (*.edi *.txt *.paxlst *.api);;All files (*)"))
        if path:
            set_badge(self.import_message, "info", self.tr("Reading %s…") % Path(path).name)
            self.import_message.show()
            self.vm.import_file(path)

    def show_import(self, answer: dict) -> None:
        name = answer.get("file") or ""
        if answer["state"] == "refused":
            set_badge(self.import_message, "fail",
                      self.tr("%1 refused, nothing imported: %2").replace("%1", name).replace("%2", answer["detail"]))
        elif answer["state"] == "duplicate":
            set_badge(self.import_message, "exempt", self.tr("%s was imported before: nothing added") % name)
        else:
            r = answer["result"] or {}
            flagged = int(r.get("flagged") or 0)
            text = (self.tr("%1 imported: %2, %3 people, %4 flagged").replace("%1", name)
                    .replace("%2", str((r.get("manifest") or {}).get("flight") or ""))
                    .replace("%3", str(r.get("people", 0))).replace("%4", str(flagged)))
            set_badge(self.import_message, "hit" if flagged else "clear", text)
        self.import_message.show()
        self.list.setFocus()

    def clear_message(self) -> None:
        self.import_message.clear()
        restyle_badge(self.import_message, "")
        self.import_message.hide()
