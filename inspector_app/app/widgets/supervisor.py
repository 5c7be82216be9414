"""Supervisor screen (form: ui/supervisor.ui): the list of flagged examinations, the selected
one's detail and evidence, confirm/clear with a reason, and the review history.

Keyboard only: the list has the focus (F3); Up/Down choose the examination and the detail follows;
Enter goes to its flags (Up/Down choose one); Alt+1 / Alt+2 choose the verdict and put the cursor
in the reason; Ctrl+R records. Changing a review already recorded asks first (Escape keeps it).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QPixmap
from PySide6.QtWidgets import QButtonGroup, QListWidgetItem, QMessageBox, QTableWidgetItem, QWidget

from inspector_app.app.forms.ui_supervisor import Ui_SupervisorForm
from inspector_app.app.i18n import current_language
from inspector_app.app.viewmodels.supervisor import REVIEWABLE, row_id
from inspector_app.app.widgets.common import (
    OUTCOMES,
    core_text,
    country_name,
    decision_short,
    decision_title,
    flag_title,
    kind_title,
    local_time,
    outcome_icon,
    outcome_word,
    period_title,
    phrases,
    set_badge,
)

#: queue columns: each but the last fits its contents up to a limit (longer text is cut with
#: "…" and shown whole in its tooltip and in the detail); the last, flags, takes the rest
COLUMNS = ("time", "traveller", "booth", "inspector", "decision", "flags")
WIDTHS = (150, 170, 110, 110, 140)
#: the share of the width for the list, the examination and the review (1366×768: 700/380/270)
SHARES = (0.52, 0.28, 0.2)
BIOMETRIC = ("face", "fingerprint", "face_capture", "finger_capture", "chip")   # chip: its photo beside the face


def _glyph(outcome: str) -> str:
    return OUTCOMES.get(outcome, ("•", None, ""))[0]


def _state(check: dict) -> str:
    """A flag's state: the latest verdict once reviewed, else its outcome."""
    reviews = check.get("reviews") or []
    return reviews[-1]["verdict"] if reviews else str(check.get("outcome") or "hit")


def _traveller_name(t: dict) -> str:
    return " ".join(str(x) for x in (t.get("surname"), t.get("given_names")) if x)


def _record_text(record) -> str:
    """A list record (SLTD or watchlist row) in a few words: reference, name, document, status."""
    if not record:
        return ""
    if not isinstance(record, dict):
        return str(record)
    parts = [record.get("subject_id"),
             " ".join(str(record[k]) for k in ("issuing_state", "document_number") if record.get(k)),
             _traveller_name(record), record.get("birth_date"), record.get("status"), record.get("reason")]
    return " · ".join(str(p) for p in parts if p)


class SupervisorScreen(QWidget):
    def __init__(self, vm, parent=None):
        super().__init__(parent)
        self.vm = vm
        self.ui = Ui_SupervisorForm()
        self.ui.setupUi(self)
        ui = self.ui
        # the names the window, the tests and the screenshot script use
        self.queue, self.header, self.decision = ui.reviewQueue, ui.reviewHeader, ui.decisionLabel
        self.checks, self.history, self.history_label = ui.reviewChecks, ui.reviewHistory, ui.historyLabel
        self.live, self.watch = ui.liveImage, ui.enrolmentImage
        self.confirm, self.clear, self.reason = ui.verdictConfirm, ui.verdictClear, ui.reviewReason
        self.submit, self.message, self.filter_message = ui.submitReview, ui.reviewMessage, ui.filterMessage
        self.filters = QButtonGroup(self)
        for which, button in (("open", ui.filterOpen), ("mine", ui.filterMine), ("port", ui.filterPort)):
            self.filters.addButton(button)
            button.setProperty("filter", which)
        self.verdicts = QButtonGroup(self)
        self.verdicts.addButton(self.confirm)
        self.verdicts.addButton(self.clear)
        for button, keys in ((self.confirm, "Alt+1"), (self.clear, "Alt+2"), (self.submit, "Ctrl+R"),
                             (ui.filterOpen, "Alt+O"), (ui.filterMine, "Alt+M"), (ui.filterPort, "Alt+P")):
            button.setShortcut(QKeySequence(keys))
            # a button's own shortcut clicks it 100 ms later (animateClick): a reason typed straight
            # after Alt+1 would land in the list. Clicked at once, the cursor is in the reason first.
            button.installEventFilter(self)
        self._shortcut_buttons = (self.confirm, self.clear, self.submit, ui.filterOpen, ui.filterMine, ui.filterPort)
        self.queue.horizontalHeader().setMinimumSectionSize(60)
        for i, share in enumerate(SHARES):
            ui.splitter.setStretchFactor(i, round(share * 10))
        self._sized = False
        self.queue.installEventFilter(self)
        self.checks.installEventFilter(self)
        self.change_box: QMessageBox | None = None  # the question before changing a recorded review
        self.check_rows: list[dict] = []
        self._shown: str | None = None  # the examination whose detail is on screen
        self._filling = False

        self.queue.currentCellChanged.connect(self._row_changed)
        self.checks.currentRowChanged.connect(self._show_evidence)
        self.filters.buttonToggled.connect(self._filter_toggled)
        self.verdicts.buttonClicked.connect(lambda _b: self.reason.setFocus())
        self.submit.clicked.connect(self._submit)
        vm.queueChanged.connect(self.show_queue)
        vm.detailChanged.connect(self.show_detail)
        vm.filterChanged.connect(lambda _w, _p: self._show_filter())
        vm.evidenceChanged.connect(self._evidence)
        vm.error.connect(self._error)
        vm.reviewed.connect(self._reviewed)
        self.retranslate()

    def showEvent(self, event):  # noqa: N802
        if not self._sized:  # the shares once the width is known; the supervisor may drag them after
            self._sized = True
            width = max(self.ui.splitter.width(), sum(w.minimumSizeHint().width() for w in
                                                       (self.ui.queueBox, self.ui.detailBox, self.ui.reviewBox)))
            self.ui.splitter.setSizes([round(width * share) for share in SHARES])
        super().showEvent(event)

    # ---- language ----
    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._show_filter()
        self.show_queue(self.vm.queue)
        self.show_detail(self.vm.detail)

    # ---- keyboard ----
    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Shortcut and obj in self._shortcut_buttons:
            if obj.isEnabled():
                obj.click()
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if obj is self.queue and self.check_rows:
                self.checks.setFocus()  # Enter: from the list to the selected examination's flags
                return True
            if obj is self.checks:
                (self.verdicts.checkedButton() or self.confirm).setFocus()
                return True
        return super().eventFilter(obj, event)

    # ---- filters ----
    def _filter_toggled(self, button, checked: bool) -> None:
        if checked:
            self.vm.set_filter(button.property("filter"))

    def _show_filter(self) -> None:
        which, problem = self.vm.which, self.vm.problem
        texts = {
            "no_hub": self.tr("This booth has no hub to ask, so the other booths cannot be shown: "
                              "this booth's open flags only."),
            "no_key": self.tr("Your signing key is not open on this booth (sign in again), so the other booths "
                              "cannot be shown: this booth's open flags only."),
            "unreachable": self.tr("The hub cannot be reached, so the other booths cannot be shown: this booth's "
                                   "open flags only. It is asked again every few seconds."),
            "refused": self.tr("The hub did not accept you as a supervisor of this port, so the other booths "
                               "cannot be shown: this booth's open flags only."),
        }
        if problem:
            set_badge(self.filter_message, "warning", texts.get(problem, texts["unreachable"]))
        elif which == "port":
            set_badge(self.filter_message, "exempt", self.tr("Every booth of the port, from the hub."))
        elif which == "mine":
            set_badge(self.filter_message, "exempt", self.tr("Examinations whose flags you reviewed, newest first."))
        else:
            set_badge(self.filter_message, "exempt", self.tr("This booth's flags that no supervisor has reviewed yet."))
        for button in self.filters.buttons():
            if button.property("filter") == which and not button.isChecked():
                button.setChecked(True)

    # ---- the list ----
    def _cells(self, e: dict) -> list[tuple[str, str]]:
        """(text, tooltip) of each column of one row."""
        t = e.get("traveller") or {}
        if e.get("remote"):
            name, name_tip = self.tr("(at its booth)"), self.tr("The traveller's data stays at booth %s.") % e.get("booth")
        else:
            name = _traveller_name(t) or self.tr("(name not read)")
            name_tip = " · ".join(str(x) for x in (name, country_name(t.get("nationality") or ""),
                                                  t.get("document_number")) if x)
        d = e.get("decision") or {}
        if d:
            decision, decision_tip = decision_short(d.get("type", "")), self._decision_text(d)
        else:
            decision, decision_tip = self.tr("none yet"), self.tr("The inspector has not decided yet.")
        checks = e.get("pending") or e.get("flagged") or []
        flags = ", ".join(f"{_glyph(_state(c))} {flag_title(c.get('kind', ''))}" for c in checks)
        flags_tip = "\n".join(f"{outcome_word(_state(c))} — {kind_title(c.get('kind', ''))}" for c in checks)
        if e.get("done"):
            flags = "✔ " + self.tr("reviewed") + " · " + flags
        when = local_time(e.get("started_at") or e.get("created_at"))
        return [(when, local_time(e.get("started_at") or e.get("created_at"), always_date=True)), (name, name_tip),
                (str(e.get("booth") or ""), ""), (str(e.get("inspector") or ""), ""), (decision, decision_tip),
                (flags, flags_tip)]

    def show_queue(self, queue: list) -> None:
        rows = list(queue or [])
        self._filling = True
        self.queue.blockSignals(True)
        try:
            self.queue.setRowCount(len(rows))
            for r, e in enumerate(rows):
                for c, (text, tip) in enumerate(self._cells(e)):
                    item = QTableWidgetItem(text)
                    item.setToolTip(tip or text)
                    item.setData(Qt.ItemDataRole.UserRole, row_id(e))
                    self.queue.setItem(r, c, item)
            ids = [row_id(e) for e in rows]
            at = ids.index(self.vm.selected) if self.vm.selected in ids else (0 if rows else -1)
            if at >= 0:
                self.queue.setCurrentCell(at, 0)
                self.queue.selectRow(at)
            for c, limit in enumerate(WIDTHS):
                self.queue.resizeColumnToContents(c)
                self.queue.setColumnWidth(c, min(self.queue.columnWidth(c) + 8, limit))
        finally:
            self.queue.blockSignals(False)
            self._filling = False
        # the detail follows the selection: when the selected row left (another filter), the
        # first row is selected and shown; with no row, nothing is shown
        wanted = ids[at] if at >= 0 else None
        if wanted != self.vm.selected:
            self.vm.select(wanted)

    def _row_changed(self, row: int, _col: int, previous: int, _pcol: int) -> None:
        if self._filling or row == previous:
            return
        item = self.queue.item(row, 0) if row >= 0 else None
        self.vm.select(item.data(Qt.ItemDataRole.UserRole) if item else None)

    def selected_row(self) -> int:
        return self.queue.currentRow()

    # ---- the examination ----
    def _person(self, user: str | None) -> str:
        name = self.vm.display_name(user)
        return f"{name} · {user}" if name and user else str(user or "")

    def _decision_text(self, d: dict) -> str:
        body = d.get("decision") or {}
        text = decision_title(d.get("type", ""))
        status = self.vm.status_name(body.get("status_code"), japanese=current_language() == "ja")
        if status:
            text += f": {status}"
        if body.get("period"):
            text += f", {period_title(body['period'])}"
        reasons = list(body.get("referral_reasons") or [])
        reasons = [core_text(r) for r in reasons]
        override_word, correction_word = self.tr("override"), self.tr("correction")
        reasons += [f"{override_word}: {core_text(why)}" for why in (body.get("overrides") or {}).values() if why]
        if body.get("correction_reason"):
            reasons.append(f"{correction_word}: {core_text(body['correction_reason'])}")
        if reasons:
            text += "\n" + self.tr("Reasons: %s") % "; ".join(map(str, reasons))
        if body.get("note"):
            text += "\n" + self.tr("Note: %s") % body["note"]
        return text

    def show_detail(self, exam: dict) -> None:
        exam = dict(exam or {})
        same = bool(exam) and row_id(exam) == self._shown
        if not same:
            self._reset_verdict()
            self.reason.clear()
            if exam:
                self.message.clear()
        self._shown = row_id(exam) if exam else None
        if not exam:
            self.header.setText(self.tr("Loading the examination…") if self.vm.selected
                                else self.tr("No examination selected: the list is empty."))
            self.decision.clear()
            self.check_rows = []
            self.checks.clear()
            self.history.clear()
            self._clear_images()
            self.submit.setEnabled(False)
            return
        t = exam.get("traveller") or {}
        lines = []
        if exam.get("remote"):
            lines.append(self.tr("Recorded at booth %s: the traveller's data stays there, your review "
                                 "reaches it through the hub.") % exam.get("booth"))
        else:
            lines.append(" · ".join(str(x) for x in (_traveller_name(t), country_name(t.get("nationality") or ""),
                                                     t.get("document_number"), t.get("birth_date")) if x))
        lines.append(self.tr("Examined by %s at booth %s, %s") % (
            self._person(exam.get("inspector")), exam.get("booth") or "",
            local_time(exam.get("started_at") or exam.get("created_at"), always_date=True)))
        if self.vm.is_own():
            lines.append(self.tr("✖ Your own examination: another supervisor must review it."))
        self.header.setText("\n".join(lines))
        decisions = exam.get("decisions") or []
        self.decision.setText(self.tr("Inspector's decision: %s") % self._decision_text(decisions[-1]) if decisions
                              else self.tr("Inspector's decision: none recorded yet."))
        keep = self.checks.currentRow() if same else -1
        self.check_rows = [c for c in exam.get("check_results") or []
                           if c.get("outcome") in REVIEWABLE or c.get("reviews")]
        self.checks.blockSignals(True)
        self.checks.clear()
        for c in self.check_rows:
            self.checks.addItem(QListWidgetItem(outcome_icon(_state(c)), phrases(self._check_text(c))))
        self.checks.blockSignals(False)
        if self.check_rows:
            pending = [i for i, c in enumerate(self.check_rows) if not c.get("reviews")]
            if 0 <= keep < len(self.check_rows) and not self.check_rows[keep].get("reviews"):
                row = keep
            else:  # the next flag still to review, else the one that was chosen, else the first
                row = next((i for i in pending if i >= keep), pending[0] if pending else max(keep, 0))
            self.checks.setCurrentRow(min(row, len(self.check_rows) - 1))
            self._show_evidence(self.checks.currentRow())
        else:
            self._clear_images()
        self.history.clear()
        reviews = [(rv, c) for c in exam.get("check_results") or [] for rv in c.get("reviews") or []]
        # newest first; two in the same second keep the order they were recorded in (then reversed)
        for rv, c in reversed(sorted(reviews, key=lambda p: str(p[0].get("reviewed_at") or ""))):
            self.history.addItem(QListWidgetItem(outcome_icon(rv.get("verdict", "")), self.tr("%s · %s · %s: %s · “%s”") % (
                local_time(rv.get("reviewed_at"), always_date=True), self._person(rv.get("reviewer")),
                outcome_word(rv.get("verdict", "")), kind_title(c.get("kind", "")), rv.get("reason", ""))))
        self.submit.setEnabled(self.vm.can_review())

    def _check_text(self, c: dict) -> str:
        text = f"{outcome_word(_state(c))} — {kind_title(c.get('kind', ''))}"
        record = _record_text(c.get("record")) or c.get("subject_id") or ""
        if record:
            text += "\n" + self.tr("List record: %s") % record
        if c.get("reasons"):
            text += "\n" + "; ".join(core_text(r) for r in c["reasons"])
        reviews = c.get("reviews") or []
        if reviews:
            last = reviews[-1]
            text += "\n" + self.tr("Reviewed: %s by %s, %s") % (
                outcome_word(last.get("verdict", "")), self._person(last.get("reviewer")),
                local_time(last.get("reviewed_at"), always_date=True))
        return text

    def _reset_verdict(self) -> None:
        self.verdicts.setExclusive(False)
        self.confirm.setChecked(False)
        self.clear.setChecked(False)
        self.verdicts.setExclusive(True)

    # ---- evidence ----
    def _clear_images(self) -> None:
        self.ui.evidenceBox.setVisible(False)
        for label in (self.live, self.watch):
            label.setPixmap(QPixmap())
            label.clear()

    def _current_check(self) -> dict | None:
        row = self.checks.currentRow()
        return self.check_rows[row] if 0 <= row < len(self.check_rows) else None

    def _show_evidence(self, row: int) -> None:
        if not (0 <= row < len(self.check_rows)):
            return
        check = self.check_rows[row]
        self._clear_images()
        # pictures only for a biometric flag; a list flag's record is in its row above
        self.ui.evidenceBox.setVisible(check.get("kind") in BIOMETRIC)
        if check.get("kind") not in BIOMETRIC:
            return
        self.live.setText(self.tr("Loading…"))
        self.vm.load_evidence(check)

    def _evidence(self, images: dict) -> None:
        check = self._current_check()
        if check is None or (check.get("check_result_id") or check.get("id")) != images.get("check_result_id"):
            return  # for a flag no longer chosen
        self._picture(self.live, (images.get("live") or [None])[0], self.tr("No live capture recorded."))
        self._picture(self.watch, images.get("enrolment"),
                      self.tr("No enrolment image at the booth.") + "\n" + (check.get("subject_id") or ""))

    @staticmethod
    def _picture(label, data: bytes | None, missing: str) -> None:
        pix = QPixmap()
        if data:
            pix.loadFromData(data)
        if pix.isNull():
            label.setPixmap(QPixmap())
            label.setText(missing)
        else:
            label.setPixmap(pix.scaled(label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation))

    # ---- review ----
    def _verdict(self) -> str:
        return "confirmed" if self.confirm.isChecked() else ("cleared" if self.clear.isChecked() else "")

    def _submit(self) -> None:
        check = self._current_check()
        if not self.vm.can_review() or row_id(self.vm.detail) != self._shown:
            if self.vm.detail and self.vm.is_own():
                why = self.tr("Your own examination: another supervisor must review it.")
            else:
                why = self.tr("Wait a moment: the examination is still loading.")
            set_badge(self.message, "warning", why)
            return
        if check is None:
            set_badge(self.message, "warning", self.tr("Choose the flag to review."))
            return
        cid = check.get("check_result_id") or check.get("id")
        verdict, reason = self._verdict(), self.reason.toPlainText()
        prior = self.vm.recorded_review(cid)
        if prior is None or verdict not in ("confirmed", "cleared") or not reason.strip():
            self.vm.review(cid, verdict, reason)  # the view model says what is missing
            return
        self._ask_change(prior, check, lambda: self.vm.review(cid, verdict, reason), verdict)

    def _ask_change(self, prior: dict, check: dict, proceed, verdict: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Change a recorded review?"),
                          self.tr("This flag already has a review:\n%s, %s by %s, %s.\nReason: “%s”") % (
                              kind_title(check.get("kind", "")), outcome_word(prior.get("verdict", "")),
                              self._person(prior.get("reviewer")),
                              local_time(prior.get("reviewed_at"), always_date=True), prior.get("reason", "")),
                          parent=self)
        box.setInformativeText(self.tr("Record a new review, %s, after it? Both stay in the history.")
                               % outcome_word(verdict))
        keep = box.addButton(self.tr("Keep the recorded review"), QMessageBox.ButtonRole.RejectRole)
        change = box.addButton(self.tr("Record the new review"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        exam = self._shown

        def answered(_result) -> None:
            self.change_box = None
            if box.clickedButton() is change and self._shown == exam:
                proceed()
            else:
                set_badge(self.message, "exempt", self.tr("The recorded review is unchanged."))
            box.deleteLater()

        box.finished.connect(answered)
        self.change_box = box
        box.open()

    def _error(self, message: str) -> None:
        set_badge(self.message, "fail", core_text(message))

    def _reviewed(self, info: dict) -> None:
        set_badge(self.message, "pass", self.tr("Review recorded: %s") % outcome_word(info["verdict"]))
        self.reason.clear()
        self._reset_verdict()
