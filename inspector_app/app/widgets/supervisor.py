"""Supervisor screen: the live queue, one examination's evidence, confirm/clear with a reason."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.app.widgets.common import core_text, kind_title, outcome_icon, outcome_word, phrases, set_badge


class SupervisorScreen(QWidget):
    def __init__(self, vm, parent=None):
        super().__init__(parent)
        self.vm = vm
        self.queue = QTableWidget(0, 5)
        self.queue.setObjectName("reviewQueue")
        self.queue.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.queue.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.queue.verticalHeader().setVisible(False)
        self.queue_box = QGroupBox()
        ql = QVBoxLayout(self.queue_box)
        ql.addWidget(self.queue)
        self.header = QLabel()
        self.header.setObjectName("reviewHeader")
        self.header.setWordWrap(True)
        self.checks = QListWidget()
        self.checks.setObjectName("reviewChecks")
        self.checks.setWordWrap(True)
        self.live, self.watch = QLabel(), QLabel()
        for img in (self.live, self.watch):
            img.setFixedSize(220, 220)
            img.setFrameShape(QLabel.Shape.Box)
            img.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confirm = QRadioButton()
        self.confirm.setObjectName("verdictConfirm")
        self.clear = QRadioButton()
        self.clear.setObjectName("verdictClear")
        self.verdicts = QButtonGroup(self)
        self.verdicts.addButton(self.confirm)
        self.verdicts.addButton(self.clear)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reviewReason")
        self.reason.setFixedHeight(70)
        self.reason.setTabChangesFocus(True)
        self.submit = QPushButton()
        self.submit.setObjectName("submitReview")
        self.message = QLabel()
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        self.history = QListWidget()
        self.history.setObjectName("reviewHistory")
        self.history_label = QLabel()
        self.detail_box = QGroupBox()
        dl = QVBoxLayout(self.detail_box)
        dl.addWidget(self.header)
        dl.addWidget(self.checks, 1)
        ev = QHBoxLayout()
        ev.addWidget(self.live)
        ev.addWidget(self.watch)
        dl.addLayout(ev)
        vr = QHBoxLayout()
        vr.addWidget(self.confirm)
        vr.addWidget(self.clear)
        dl.addLayout(vr)
        dl.addWidget(self.reason)
        dl.addWidget(self.submit)
        dl.addWidget(self.message)
        dl.addWidget(self.history_label)
        dl.addWidget(self.history)
        split = QSplitter()
        split.addWidget(self.queue_box)
        split.addWidget(self.detail_box)
        split.setSizes([500, 700])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.queue_data: list[dict] = []
        self.detail: dict = {}
        self.check_rows: list[dict] = []
        self.queue.itemSelectionChanged.connect(self._open_selected)
        self.checks.currentRowChanged.connect(self._show_evidence)
        self.submit.clicked.connect(self._submit)
        vm.queueChanged.connect(self.show_queue)
        vm.detailChanged.connect(self.show_detail)
        vm.error.connect(lambda m: set_badge(self.message, "fail", core_text(m)))
        vm.reviewed.connect(self._reviewed)
        self.retranslate()

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.queue_box.setTitle(self.tr("Flagged examinations (live)"))
        self.detail_box.setTitle(self.tr("Examination"))
        self.queue.setHorizontalHeaderLabels([self.tr("Started"), self.tr("Traveller"), self.tr("Booth"),
                                              self.tr("Inspector"), self.tr("Flags")])
        self.queue.horizontalHeader().setStretchLastSection(True)
        self.confirm.setText(self.tr("✖ Confirm hit (Alt+1)"))
        self.clear.setText(self.tr("✔ Clear hit (Alt+2)"))
        self.confirm.setShortcut("Alt+1")
        self.clear.setShortcut("Alt+2")
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        self.submit.setText(self.tr("Record review (Ctrl+R)"))
        self.submit.setShortcut("Ctrl+R")
        self.history_label.setText(self.tr("Review history"))
        self.show_queue(self.queue_data)
        self.show_detail(self.detail)

    def show_queue(self, queue: list) -> None:
        selected = self._selected_id()
        self.queue_data = list(queue or [])
        self.queue.blockSignals(True)
        self.queue.setRowCount(len(self.queue_data))
        for r, e in enumerate(self.queue_data):
            t = e.get("traveller") or {}
            name = e.get("traveller_name") or ", ".join(
                str(x) for x in (t.get("surname"), t.get("given_names")) if x) or str(e.get("examination_id", ""))[:8]
            flags = ", ".join(f"{outcome_word(p.get('outcome', '?'))} {kind_title(p.get('kind', '?'))}"
                              for p in e.get("pending") or [])
            cells = [str(e.get("started_at") or e.get("created_at") or ""), name or "?", str(e.get("booth") or ""),
                     str(e.get("inspector") or ""), "✖ " + str(flags)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.get("examination_id") or e.get("id"))
                self.queue.setItem(r, c, item)
            if (e.get("examination_id") or e.get("id")) == selected:
                self.queue.selectRow(r)
        self.queue.resizeColumnsToContents()
        self.queue.blockSignals(False)

    def _selected_id(self):
        items = self.queue.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _open_selected(self) -> None:
        exam_id = self._selected_id()
        if exam_id:
            self.vm.open(exam_id)

    def show_detail(self, exam: dict) -> None:
        self.detail = dict(exam or {})
        t = self.detail.get("traveller") or {}
        if not self.detail:
            self.header.setText(self.tr("Select an examination in the queue."))
        else:
            own = self.vm.is_own()
            text = (f"{t.get('surname', '')} {t.get('given_names', '')} · {t.get('nationality', '')} · "
                    f"{t.get('document_number', '')}\n" + self.tr("Inspector: %s · Booth: %s")
                    % (self.detail.get("inspector"), self.detail.get("booth")))
            if own:
                text += "\n" + self.tr("✖ Your own examination: another supervisor must review it.")
            self.header.setText(text)
            self.submit.setEnabled(not own)
        row = self.checks.currentRow()
        self.checks.clear()
        self.check_rows = [c for c in self.detail.get("check_results", []) if c.get("outcome") != "clear"]
        for c in self.check_rows:
            reviews = c.get("reviews") or []
            shown = reviews[-1]["verdict"] if reviews else c.get("outcome", "hit")
            text = f"{outcome_word(shown)} — {kind_title(c.get('kind', '?'))}"
            score_word, record_word = self.tr("score"), self.tr("record")
            if c.get("score") is not None:
                text += f" ({score_word} {c['score']})"
            if c.get("record"):
                text += f"\n{record_word}: {c['record']}"
            if c.get("reasons"):
                text += "\n" + "; ".join(core_text(r) for r in c["reasons"])
            self.checks.addItem(QListWidgetItem(outcome_icon(shown), phrases(text)))
        if self.check_rows:
            self.checks.setCurrentRow(row if 0 <= row < len(self.check_rows) else 0)
        self.history.clear()
        for c in self.detail.get("check_results", []):
            for rv in c.get("reviews") or []:
                self.history.addItem(f"{rv.get('reviewed_at', '')} · {kind_title(c.get('kind', '?'))} · "
                                     f"{rv.get('reviewer')} · {outcome_word(rv.get('verdict', ''))} · {rv.get('reason')}")

    def _show_evidence(self, row: int) -> None:
        if not (0 <= row < len(self.check_rows)):
            return
        check = self.check_rows[row]
        ev = check.get("evidence") or {}
        for label, path in ((self.live, ev.get("live")), (self.watch, ev.get("watch"))):
            pix = QPixmap(str(path)) if path else QPixmap()
            if pix.isNull() and label is self.watch and check.get("record"):
                # booths hold templates, not watchlist photos: show what the list says instead
                label.setWordWrap(True)
                label.setText(phrases(f"{check.get('record')}\n{check.get('list') or ''}\n" + self.tr("(no photo at the booth)")))
            elif pix.isNull():
                label.setText(self.tr("no image"))
            else:
                label.setPixmap(pix.scaled(label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))

    def _submit(self) -> None:
        row = self.checks.currentRow()
        if not (0 <= row < len(self.check_rows)):
            set_badge(self.message, "warning", self.tr("Select the hit to review."))
            return
        verdict = "confirmed" if self.confirm.isChecked() else ("cleared" if self.clear.isChecked() else "")
        check = self.check_rows[row]
        self.vm.review(check.get("check_result_id") or check.get("id"), verdict, self.reason.toPlainText())

    def _reviewed(self, info: dict) -> None:
        set_badge(self.message, "pass", self.tr("Review recorded: %s") % outcome_word(info["verdict"]))
        self.reason.clear()
