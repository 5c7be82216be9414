"""The panels of the examination screen. Each shows one part of ExaminationViewModel's state."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from inspector_app.app.i18n import current_language
from inspector_app.app.widgets.common import (
    check_field_title,
    core_text,
    country_name,
    decision_title,
    exemption_title,
    finger_title,
    kind_title,
    mono_font,
    outcome_icon,
    outcome_word,
    period_title,
    phrases,
    set_badge,
)


class Retranslating(QGroupBox):
    """A panel that re-applies its texts when the language changes at runtime."""

    def changeEvent(self, event):  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # overridden
        pass


class MrzPanel(Retranslating):
    submitted = Signal(str)

    def __init__(self, vm, parent=None):
        super().__init__(parent)
        self.vm = vm
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("mrzEdit")
        self.edit.setFont(mono_font(15))
        self.edit.setFixedHeight(92)
        self.edit.setTabChangesFocus(True)
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.feedback = QLabel()
        self.feedback.setObjectName("mrzFeedback")
        self.feedback.setWordWrap(True)
        self.read_button = QPushButton()
        self.read_button.setObjectName("readMrz")
        lay = QVBoxLayout(self)
        lay.addWidget(self.edit)
        row = QHBoxLayout()
        row.addWidget(self.feedback, 1)
        row.addWidget(self.read_button)
        lay.addLayout(row)
        self.edit.textChanged.connect(lambda: vm.feedback(self.edit.toPlainText()))
        self.read_button.clicked.connect(lambda: vm.submit_mrz(self.edit.toPlainText()))
        vm.feedbackChanged.connect(self.show_feedback)
        vm.cleared.connect(self.edit.clear)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Document (MRZ) — scan or type, Ctrl+Enter to read"))
        self.read_button.setText(self.tr("Read document"))
        self.edit.setPlaceholderText(self.tr("P<JPNSAMPLE<<HANAKO<<<<<<<<<<<<<<<<<<<<<<<<<<\n..."))

    def keyPressEvent(self, event):  # noqa: N802
        super().keyPressEvent(event)

    def show_feedback(self, items: list) -> None:
        """Per line: length so far, and each check digit typed so far (✔ right, ✖ wrong)."""
        parts = []
        for item in items or []:
            if not isinstance(item, dict):
                parts.append(str(item))
                continue
            marks = []
            bad_cols = item.get("invalid_columns") or []
            expected, line = self.tr("expected"), self.tr("line")
            for c in item.get("checks") or []:
                status, field = c.get("status"), check_field_title(str(c.get("check")))
                if status == "ok":
                    marks.append(f"✔ {field}")
                elif status in ("bad", "wrong", "invalid", "mismatch", "error"):
                    marks.append(f"✖ {field} ({expected} {c.get('expected')})")
            text = f"{line} {item.get('line')}: {item.get('length')}/{item.get('expected_length') or '?'}"
            if item.get("format"):
                text += f" {item['format']}"  # TD1 / TD2 / TD3: ICAO's names of the formats
            if bad_cols:
                text += " ✖ " + self.tr("invalid characters at columns %s") % ", ".join(map(str, bad_cols))
            if marks:
                text += " · " + " ".join(marks)
            parts.append(text)
        self.feedback.setText(phrases("\n".join(parts)))


class TravellerPanel(Retranslating):
    FIELDS = ("surname", "given_names", "document_number", "issuing_state", "nationality",
              "birth_date", "sex", "expiry_date")

    def __init__(self, vm, parent=None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        for key in self.FIELDS:
            lab, val = QLabel(), QLabel("—")
            val.setObjectName(f"traveller_{key}")
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key], self.values[key] = lab, val
            self.form.addRow(lab, val)
        self.traveller: dict = {}
        vm.travellerChanged.connect(self.show)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Traveller"))
        names = {
            "surname": self.tr("Surname"), "given_names": self.tr("Given names"),
            "document_number": self.tr("Document no."), "issuing_state": self.tr("Issuing state"),
            "nationality": self.tr("Nationality / region"), "birth_date": self.tr("Date of birth"),
            "sex": self.tr("Sex"), "expiry_date": self.tr("Expiry"),
        }
        for key, lab in self.labels.items():
            lab.setText(names[key])
        self.show(self.traveller)

    def show(self, t: dict) -> None:
        self.traveller = dict(t or {})
        for key, val in self.values.items():
            v = self.traveller.get(key)
            if key == "nationality" and v:
                # the name says what it is ("Taiwan (region)", "Stateless person"): no kind word after it
                v = f"{v} — {country_name(v)}"
            val.setText(str(v) if v not in (None, "") else "—")


class ChecksPanel(Retranslating):
    selected = Signal(dict)

    def __init__(self, vm, parent=None):
        super().__init__(parent)
        self.banner = QLabel()
        self.banner.setObjectName("checksBanner")
        self.banner.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("screeningWarnings")
        self.warnings.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("checksList")
        self.list.setWordWrap(True)
        self.live = QLabel()
        self.watch = QLabel()
        for img in (self.live, self.watch):
            img.setFixedSize(200, 200)
            img.setAlignment(Qt.AlignmentFlag.AlignCenter)
            img.setFrameShape(QLabel.Shape.Box)
        self.evidence_caption = QLabel()
        self.evidence_caption.setObjectName("evidenceCaption")
        self.evidence_caption.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.banner)
        lay.addWidget(self.warnings)
        lay.addWidget(self.list, 1)
        ev = QHBoxLayout()
        ev.addWidget(self.live)
        ev.addWidget(self.watch)
        lay.addLayout(ev)
        lay.addWidget(self.evidence_caption)
        self.checks: list[dict] = []
        vm.checksChanged.connect(self.show)
        vm.warningsChanged.connect(self.show_warnings)
        self.list.currentRowChanged.connect(self._select)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Checks"))
        self.show(self.checks)

    def show(self, checks: list) -> None:
        self.checks = list(checks or [])
        row = self.list.currentRow()
        self.list.clear()
        for c in self.checks:
            outcome = c.get("review") or c["outcome"]
            score = c.get("score")
            text = f"{outcome_word(outcome)} — {kind_title(c['kind'])}"
            if c.get("position"):
                text += f": {finger_title(c['position'])}"
            quality_word, score_word, record_word = self.tr("quality"), self.tr("score"), self.tr("record")
            if c["kind"] == "finger_capture" and score is not None:
                text += f"  ({quality_word} {score:.0f})"
            elif score is not None:
                text += f"  ({score_word} {score:.2f})" if isinstance(score, float) else f"  ({score_word} {score})"
            if c.get("record"):
                text += f"\n{record_word}: {c['record']}"
            if c.get("reasons"):
                text += "\n" + "; ".join(core_text(r) for r in c["reasons"])
            item = QListWidgetItem(outcome_icon(outcome), phrases(text))
            item.setData(Qt.ItemDataRole.UserRole, c.get("key"))
            self.list.addItem(item)
        open_hits = [c for c in self.checks if c["outcome"] == "hit" and c.get("review") is None]
        fails = [c for c in self.checks if c["outcome"] == "error"]
        if not self.checks:
            self.banner.setText("")
            self.banner.setProperty("badge", "")
        elif open_hits:
            set_badge(self.banner, "hit", self.tr("OPEN HIT — landing blocked until a supervisor clears it"))
        elif fails:
            set_badge(self.banner, "fail", self.tr("DOCUMENT PROBLEM — see checks"))
        else:
            set_badge(self.banner, "pass", self.tr("NO HITS"))
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)
        else:
            self.live.clear()
            self.watch.clear()
            self.evidence_caption.setText("")
        first_hit = next((i for i, c in enumerate(self.checks) if c["outcome"] == "hit"), None)
        if row < 0 and first_hit is not None:
            self.list.setCurrentRow(first_hit)

    def show_warnings(self, warnings: list) -> None:
        if warnings:
            set_badge(self.warnings, "warning", "\n".join(core_text(w) for w in warnings))
        else:
            self.warnings.clear()
            self.warnings.setProperty("badge", "")

    def _select(self, row: int) -> None:
        if not (0 <= row < len(self.checks)):
            return
        c = self.checks[row]
        ev = c.get("evidence") or {}
        for label, path in ((self.live, ev.get("live")), (self.watch, ev.get("watch"))):
            pix = QPixmap(str(path)) if path else QPixmap()
            if pix.isNull() and label is self.watch and c["outcome"] == "hit":
                # booths hold templates, not watchlist photos: show what the list says instead
                label.setWordWrap(True)
                label.setText(phrases(f"{c.get('record') or ''}\n{c.get('list') or ''}\n" + self.tr("(no photo at the booth)")))
            elif pix.isNull():
                label.setText(self.tr("no image"))
            else:
                label.setPixmap(pix.scaled(label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
        if c["outcome"] == "hit":
            self.evidence_caption.setText(phrases(self.tr("Left: live capture / document. Right: watchlist record %s (%s).")
                                                  % (c.get("record") or "?", c.get("list") or c["kind"])))
        else:
            self.evidence_caption.setText("")
        self.selected.emit(c)


class CapturePanel(Retranslating):
    def __init__(self, vm, parent=None):
        super().__init__(parent)
        self.vm = vm
        self.preview = QLabel()
        self.preview.setObjectName("facePreview")
        self.preview.setFixedSize(360, 270)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.Box)
        self.verdict = QLabel()
        self.verdict.setObjectName("faceVerdict")
        self.verdict.setWordWrap(True)
        self.start_button, self.capture_button, self.retake_button = QPushButton(), QPushButton(), QPushButton()
        self.fingers_button = QPushButton()
        self.start_button.setObjectName("startCamera")
        self.capture_button.setObjectName("captureFace")
        self.retake_button.setObjectName("retakeFace")
        self.fingers_button.setObjectName("captureFingers")
        self.fingers = QTableWidget(0, 4)
        self.fingers.setObjectName("fingerTable")
        self.fingers.verticalHeader().setVisible(False)
        self.fingers.setMaximumHeight(150)
        self.fingers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.fingers.setTabKeyNavigation(False)   # Tab leaves the table instead of cycling its cells
        self.finger_status = QLabel()
        self.finger_status.setObjectName("fingerStatus")
        self.exemption = QComboBox()
        self.exemption.setObjectName("exemption")
        self.exemption_label = QLabel()
        lay = QVBoxLayout(self)
        lay.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.verdict)
        row = QHBoxLayout()
        for b in (self.start_button, self.capture_button, self.retake_button):
            row.addWidget(b)
        lay.addLayout(row)
        lay.addWidget(self.fingers_button)
        lay.addWidget(self.finger_status)
        lay.addWidget(self.fingers)
        ex = QHBoxLayout()
        ex.addWidget(self.exemption_label)
        ex.addWidget(self.exemption, 1)
        lay.addLayout(ex)
        self.start_button.clicked.connect(lambda: vm.start_camera())
        self.capture_button.clicked.connect(vm.capture_now)
        self.retake_button.clicked.connect(vm.retake)
        self.fingers_button.clicked.connect(vm.capture_fingers)
        self.exemption.activated.connect(lambda i: vm.set_exemption(self.exemption.itemData(i) or ""))
        vm.previewFrame.connect(self.show_frame)
        vm.faceChanged.connect(self.show_face)
        vm.fingersChanged.connect(self.show_fingers)
        vm.exemptionChanged.connect(self.show_exemption)
        vm.progress.connect(self._progress)
        self.face: dict = {"state": "idle"}
        self.finger_state: dict = {"state": "idle", "fingers": [], "exceptions": []}
        self._reasons: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Biometrics"))
        self.start_button.setText(self.tr("Camera (F5)"))
        self.capture_button.setText(self.tr("Capture (F6)"))
        self.retake_button.setText(self.tr("Retake (F7)"))
        self.fingers_button.setText(self.tr("Capture fingerprints (F8)"))
        self.exemption_label.setText(self.tr("Exemption:"))
        self.fingers.setHorizontalHeaderLabels([self.tr("Finger"), self.tr("Quality"), self.tr("Tries"), self.tr("Result")])
        self.fingers.horizontalHeader().setStretchLastSection(True)
        current = self.exemption.currentData()
        self.exemption.clear()
        self.exemption.addItem(self.tr("none — capture biometrics"), "")
        for reason in self.vm.backend.exemption_reasons():
            self.exemption.addItem(exemption_title(reason), reason)
        self.show_exemption(current or "")
        self.show_face(self.face)
        self.show_fingers(self.finger_state)

    def show_frame(self, qimage, info: dict) -> None:
        self.preview.setPixmap(QPixmap.fromImage(qimage).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))
        if not info.get("face"):
            set_badge(self.verdict, "warning", self.tr("No face found — look at the camera"))
        elif info.get("passes"):
            set_badge(self.verdict, "pass", self.tr("Quality OK — capturing"))
        else:
            set_badge(self.verdict, "warning", self.tr("Quality low: ") + "; ".join(core_text(r) for r in info.get("reasons") or []))

    def show_face(self, face: dict) -> None:
        self.face = dict(face or {})
        state = self.face.get("state")
        if state == "idle":
            self.preview.clear()
            self.preview.setText(self.tr("camera off"))
            self.verdict.setText("")
            self.verdict.setProperty("badge", "")
        elif state == "captured":
            if self.face.get("image") is not None:
                self.preview.setPixmap(QPixmap.fromImage(self.face["image"]).scaled(
                    self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio))
            if self.face.get("passes"):
                set_badge(self.verdict, "pass", self.tr("Face captured"))
            else:
                set_badge(self.verdict, "warning", self.tr("Face captured below quality: ")
                          + "; ".join(core_text(r) for r in self.face.get("reasons") or []))
        elif state == "error":
            set_badge(self.verdict, "fail", self.tr("Camera: ") + "; ".join(core_text(r) for r in self.face.get("reasons") or []))
        elif state == "live":
            set_badge(self.verdict, "warning", self.tr("Looking for a face…"))

    def show_fingers(self, state: dict) -> None:
        self.finger_state = dict(state or {})
        rows = list(self.finger_state.get("fingers") or []) + [
            dict(e, failed=True) for e in self.finger_state.get("exceptions") or []]
        self.fingers.setRowCount(len(rows))
        for r, f in enumerate(rows):
            cells = [finger_title(f.get("position", "?")), str(f.get("quality", "—")), str(f.get("attempts", f.get("tries", "—"))),
                     ("✖ " + self.tr("exception: ") + core_text(f.get("reason", ""))) if f.get("failed") else "✔ " + self.tr("captured")]
            for c, text in enumerate(cells):
                self.fingers.setItem(r, c, QTableWidgetItem(text))
        self.fingers.resizeColumnsToContents()
        st = self.finger_state.get("state")
        if st == "capturing":
            set_badge(self.finger_status, "warning", self.tr("Place the finger on the scanner…"))
        elif st == "captured":
            set_badge(self.finger_status, "pass" if not self.finger_state.get("exceptions") else "warning",
                      self.tr("Fingerprints captured: %d, exceptions: %d")
                      % (len(self.finger_state.get("fingers") or []), len(self.finger_state.get("exceptions") or [])))
        else:
            self.finger_status.setText("")
            self.finger_status.setProperty("badge", "")

    def _progress(self, step: str, pct: int, text: str) -> None:
        if step == "fingers" and text:
            set_badge(self.finger_status, "warning", f"{pct}% {core_text(text)}")

    def show_exemption(self, reason: str) -> None:
        i = self.exemption.findData(reason or "")
        self.exemption.setCurrentIndex(max(0, i))
        exempt = bool(reason)
        for b in (self.start_button, self.capture_button, self.retake_button, self.fingers_button):
            b.setEnabled(not exempt)


class DecisionPanel(Retranslating):
    def __init__(self, vm, parent=None):
        super().__init__(parent)
        self.vm = vm
        self.type = QComboBox()
        self.type.setObjectName("decisionType")
        self.status = QComboBox()
        self.status.setObjectName("statusCombo")
        self.period = QComboBox()
        self.period.setObjectName("periodCombo")
        self.last_day = QLabel()
        self.last_day.setObjectName("lastDay")
        self.reasons = QPlainTextEdit()
        self.reasons.setObjectName("referralReasons")
        self.reasons.setFixedHeight(60)
        self.reasons.setTabChangesFocus(True)
        self.details = QPlainTextEdit()
        self.details.setObjectName("specialDetails")
        self.details.setFixedHeight(48)
        self.details.setTabChangesFocus(True)
        self.override = QLineEdit()
        self.override.setObjectName("overrideReason")
        self.problems = QLabel()
        self.problems.setObjectName("decisionProblems")
        self.problems.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveDecision")
        self.print_button = QPushButton()
        self.print_button.setObjectName("printSeal")
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextTraveller")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.saved_label.setWordWrap(True)
        self.form = QFormLayout()
        self.l_type, self.l_status, self.l_period, self.l_last, self.l_reasons, self.l_details = (
            QLabel(), QLabel(), QLabel(), QLabel(), QLabel(), QLabel())
        self.form.addRow(self.l_type, self.type)
        self.form.addRow(self.l_status, self.status)
        self.form.addRow(self.l_period, self.period)
        self.form.addRow(self.l_last, self.last_day)
        self.form.addRow(self.l_reasons, self.reasons)
        self.form.addRow(self.l_details, self.details)
        self.l_override = QLabel()
        self.form.addRow(self.l_override, self.override)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.problems)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addWidget(self.next_button)
        lay.addLayout(row)
        lay.addWidget(self.saved_label)
        self.state: dict = {}
        self._filling = False
        self._shown_types: tuple = ()
        self._shown_statuses: tuple = ()
        self._shown_periods: tuple = ()
        self.type.currentIndexChanged.connect(lambda i: self._pick(type=self.type.itemData(i)))
        self.status.currentIndexChanged.connect(lambda i: self._pick(status_code=self.status.itemData(i) or ""))
        self.period.currentIndexChanged.connect(lambda i: self._pick(period=self.period.itemData(i) or ""))
        self.reasons.textChanged.connect(lambda: self._pick(referral_reasons=[
            r.strip() for r in self.reasons.toPlainText().splitlines() if r.strip()]))
        self.details.textChanged.connect(lambda: self._pick(special_landing_details=self._details_dict()))
        self.override.textChanged.connect(lambda text: None if self._filling else vm.set_override_reason(text))
        self.save_button.clicked.connect(vm.save)
        self.next_button.clicked.connect(vm.next_traveller)
        vm.decisionChanged.connect(self.show)
        vm.saved.connect(self.show_saved)
        vm.cleared.connect(self._cleared)
        self.retranslate()

    def _details_dict(self) -> dict:
        """The details box holds "key: value" lines (the keys the domain asks for are pre-filled)."""
        out = {}
        for line in self.details.toPlainText().splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                if k.strip():
                    out[k.strip()] = v.strip()
        return out

    def _pick(self, **fields) -> None:
        if not self._filling:
            self.vm.set_decision(**fields)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Decision"))
        self.l_type.setText(self.tr("Decision"))
        self.l_status.setText(self.tr("Status of residence"))
        self.l_period.setText(self.tr("Period of stay"))
        self.l_last.setText(self.tr("Last day of stay"))
        self.l_reasons.setText(self.tr("Referral reasons"))
        self.l_details.setText(self.tr("Special landing details"))
        self.l_override.setText(self.tr("Override reason"))
        self.override.setPlaceholderText(self.tr("only where a rule allows it; goes to the supervisor"))
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.print_button.setText(self.tr("Print seal (Ctrl+P)"))
        self.next_button.setText(self.tr("Next traveller (Ctrl+N)"))
        self._shown_types = self._shown_statuses = self._shown_periods = ()
        self.show(self.state or self.vm.decision_state())

    def show(self, state: dict) -> None:
        self.state = dict(state)
        sel = state.get("selection", {})
        ja = current_language() == "ja"  # status names in Japanese come from the domain catalogue
        self._filling = True
        try:
            # rebuild a list only when its choices changed: refilling 30 statuses on every
            # keystroke cost the UI thread tens of milliseconds
            types = tuple(state.get("types", []))
            if types != self._shown_types:
                self.type.clear()
                for t in types:
                    self.type.addItem(decision_title(t), t)
                self._shown_types = types
            self.type.setCurrentIndex(max(0, self.type.findData(sel.get("type"))))
            statuses = tuple((s.code, s.name_ja if ja else s.name_en) for s in state.get("statuses", []))
            if statuses != self._shown_statuses:
                self.status.clear()
                self.status.addItem(self.tr("— choose —"), "")
                for code, name in statuses:
                    self.status.addItem(name, code)
                self._shown_statuses = statuses
            self.status.setCurrentIndex(max(0, self.status.findData(sel.get("status_code") or "")))
            periods = tuple(state.get("periods", []))
            if periods != self._shown_periods:
                self.period.clear()
                for p in periods:
                    self.period.addItem(period_title(p), p)
                self._shown_periods = periods
            self.period.setCurrentIndex(max(0, self.period.findData(sel.get("period") or "")))
        finally:
            self._filling = False
        # fields that do not apply are disabled, not hidden: the layout never jumps under the
        # inspector's eyes, and showing/hiding re-laid out the whole window (tens of ms)
        needs = state.get("needs_status", False)
        for w in (self.status, self.l_status):
            w.setEnabled(needs)
        for w in (self.period, self.l_period, self.l_last, self.last_day):
            w.setEnabled(bool(state.get("needs_period")))
        is_ref = sel.get("type") == "referral"
        self.l_reasons.setEnabled(is_ref)
        self.reasons.setEnabled(is_ref)
        keys = state.get("detail_keys") or []
        self.l_details.setEnabled(bool(keys))
        self.details.setEnabled(bool(keys))
        if keys and set(self._details_dict()) != set(keys) and not self.details.hasFocus():
            current = self._details_dict()
            self._filling = True
            self.details.setPlainText("\n".join(f"{k}: {current.get(k, '')}" for k in keys))
            self._filling = False
        if state.get("last_day"):
            self.last_day.setText(f"{state['last_day']:%Y-%m-%d}")
        elif state.get("unlimited"):
            self.last_day.setText(self.tr("no last day (unlimited)"))
        else:
            self.last_day.setText("—")
        overridable = bool(state.get("overridable")) and not state.get("saved")
        self.l_override.setEnabled(overridable)
        self.override.setEnabled(overridable)
        problems = state.get("problems") or []
        if state.get("saved"):
            set_badge(self.problems, "pass", self.tr("Saved — press Next traveller (Ctrl+N)"))
        elif problems:
            set_badge(self.problems, "warning", "\n".join(core_text(p) for p in problems))
        else:
            set_badge(self.problems, "pass", self.tr("Ready to save"))
        self.save_button.setEnabled(bool(state.get("can_save")))
        self.print_button.setEnabled(bool(self.vm.saved_record and self.vm.saved_record.get("seal_path")))

    def show_saved(self, record: dict) -> None:
        text = self.tr("Saved: record %s") % record.get("record_id")
        if record.get("seal_path"):
            text += "\n" + self.tr("Seal: %s") % record["seal_path"]
        set_badge(self.saved_label, "pass", text)
        self.print_button.setEnabled(bool(record.get("seal_path")))

    def _cleared(self) -> None:
        self._filling = True
        self.reasons.clear()
        self.details.clear()
        self.override.clear()
        self._filling = False
        self.saved_label.clear()
        self.saved_label.setProperty("badge", "")
