"""The panels of the examination screen. Each shows one part of ExaminationViewModel's state.

The layout is Qt Designer's (``ui/exam_*.ui``, compiled into ``inspector_app/app/forms``); a
panel is made by the screen's form with its parent only and gets its view model by ``bind(vm)``.
The panels add behaviour: what the view model says, shown in words a person uses.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QGroupBox,
    QLabel,
    QListWidgetItem,
    QTableWidgetItem,
    QWidget,
)

from inspector_app.app.forms.ui_exam_capture import Ui_CapturePanel
from inspector_app.app.forms.ui_exam_checks import Ui_ChecksPanel
from inspector_app.app.forms.ui_exam_decision import Ui_DecisionPanel
from inspector_app.app.forms.ui_exam_mrz import Ui_MrzPanel
from inspector_app.app.forms.ui_exam_traveller import Ui_TravellerPanel
from inspector_app.app.i18n import current_language
from inspector_app.app.widgets.common import (
    check_field_title,
    core_text,
    country_name,
    decision_short,
    decision_title,
    exemption_title,
    finger_title,
    kind_title,
    list_title,
    mono_font,
    outcome_icon,
    outcome_word,
    period_title,
    phrases,
    restyle_badge,
    set_badge,
)
from inspector_app.app.widgets.exam_details import DetailsForm
from inspector_app.biometrics.similarity import HIT_AT


def clear_badge(label: QLabel) -> None:
    """Empty a badge label and drop its colour (an empty label must not stay a coloured bar)."""
    label.clear()
    restyle_badge(label, "")


def set_neutral(label: QLabel, text: str) -> None:
    """Progress and information: no warning colour, no warning sign."""
    label.setText(text)
    restyle_badge(label, "info")


class Retranslating(QGroupBox):
    """A panel that re-applies its texts when the language changes at runtime."""

    form = None  # the panel's Ui_ class

    def __init__(self, parent=None):
        super().__init__(parent)
        self.vm = None
        self.ui = self.form()
        self.ui.setupUi(self)

    def bind(self, vm) -> None:  # overridden: connect to the view model
        self.vm = vm

    def changeEvent(self, event):  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.LanguageChange and self.vm is not None:
            self.ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # overridden: texts the form does not hold
        pass


class MrzPanel(Retranslating):
    submitted = Signal(str)
    form = Ui_MrzPanel

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit, self.feedback, self.read_button = self.ui.mrzEdit, self.ui.mrzFeedback, self.ui.readMrz
        self.edit.setFont(mono_font(14))

    def bind(self, vm) -> None:
        super().bind(vm)
        self.edit.textChanged.connect(lambda: vm.feedback(self.edit.toPlainText()))
        self.read_button.clicked.connect(lambda: vm.submit_mrz(self.edit.toPlainText()))
        vm.feedbackChanged.connect(self.show_feedback)
        vm.cleared.connect(self.edit.clear)

    def show_feedback(self, items: list) -> None:
        """Per line: length so far and its format, each check digit typed so far (✔ right,
        ✖ wrong), in words; anything else the reader says, as its message, never as raw data."""
        parts = []
        for item in items or []:
            if not isinstance(item, dict):
                parts.append(str(item))
                continue
            if "line" not in item:
                if item.get("message"):
                    parts.append("✖ " + core_text(item["message"]))
                continue
            marks = []
            checks = item.get("checks") or []
            expected = self.tr("expected")
            for c in checks:
                status = c.get("status")
                name = check_field_title(str(c.get("check") or ""))
                if status == "ok":
                    marks.append(f"✔ {name}")
                elif status in ("bad", "wrong", "invalid", "mismatch", "error"):
                    marks.append(f"✖ {name} ({expected} {c.get('expected')})")
            if len(checks) > 1 and all(c.get("status") == "ok" for c in checks):
                marks = ["✔ " + self.tr("all %d check digits") % len(checks)]   # one short line when all is well
            text = self.tr("line %s: %s/%s characters") % (
                item.get("line"), item.get("length"), item.get("expected_length") or "?")
            if item.get("format"):
                text += f" ({item['format']})"
            bad_cols = item.get("invalid_columns") or []
            if bad_cols:
                text += " ✖ " + self.tr("invalid characters at columns %s") % ", ".join(map(str, bad_cols))
            if marks:
                text += " · " + " ".join(marks)
            parts.append(text)
        self.feedback.setText(phrases("\n".join(parts)))


class TravellerPanel(Retranslating):
    FIELDS = ("surname", "given_names", "document_number", "issuing_state", "nationality",
              "birth_date", "sex", "expiry_date")
    form = Ui_TravellerPanel

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: dict[str, QLabel] = {k: getattr(self.ui, f"traveller_{k}") for k in self.FIELDS}
        self.labels: dict[str, QLabel] = {k: getattr(self.ui, f"l_{k}") for k in self.FIELDS}
        self.traveller: dict = {}

    def bind(self, vm) -> None:
        super().bind(vm)
        vm.travellerChanged.connect(self.show)

    def retranslate(self) -> None:
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
    form = Ui_ChecksPanel

    def __init__(self, parent=None):
        super().__init__(parent)
        u = self.ui
        self.banner, self.warnings, self.list = u.checksBanner, u.screeningWarnings, u.checksList
        self.live, self.watch, self.evidence_caption = u.liveImage, u.watchImage, u.evidenceCaption
        self.warnings.setVisible(False)
        self.checks: list[dict] = []

    def bind(self, vm) -> None:
        super().bind(vm)
        vm.checksChanged.connect(self.show)
        vm.warningsChanged.connect(self.show_warnings)
        self.list.currentRowChanged.connect(self._select)
        self.show(self.checks)

    def retranslate(self) -> None:
        self.show(self.checks)

    def _line(self, c: dict) -> str:
        outcome = c.get("review") or c["outcome"]
        score = c.get("score")
        text = f"{outcome_word(outcome)} — {kind_title(c['kind'])}"
        if c.get("position") and c["kind"] != "fingerprint":
            text += f": {finger_title(c['position'])}"
        if c["kind"] == "finger_capture" and score is not None:
            text += "  (" + self.tr("quality %d of 100") % round(score) + ")"
        elif c["kind"] in ("face", "fingerprint") and score is not None:
            # one scale for face and finger (biometrics.similarity): the hit mark is always HIT_AT
            text += "  (" + self.tr("similarity %d of 100, a hit from %d") % (round(score), HIT_AT) + ")"
        if c.get("source") == "biocart":   # taken at the bio-cart while queueing (Examination.use_biocart)
            text += "\n" + self.tr("from the bio-cart %s, taken %d min before") % (c.get("station") or "",
                                                                                   int(c.get("age_s") or 0) // 60)
        if c.get("record"):
            text += "\n" + self.tr("watchlist record: %s") % c["record"]
        if c.get("reasons"):
            text += "\n" + "; ".join(core_text(r) for r in c["reasons"])
        return phrases(text)

    def show(self, checks: list) -> None:
        self.checks = list(checks or [])
        row = self.list.currentRow()
        self.list.clear()
        for c in self.checks:
            item = QListWidgetItem(outcome_icon(c.get("review") or c["outcome"]), self._line(c))
            item.setData(Qt.ItemDataRole.UserRole, c.get("key"))
            self.list.addItem(item)
        open_hits = [c for c in self.checks if c["outcome"] == "hit" and c.get("review") is None]
        fails = [c for c in self.checks if c["outcome"] == "error"]
        if not self.checks:
            clear_badge(self.banner)
        elif open_hits:
            set_badge(self.banner, "hit", self.tr("OPEN HIT — no landing until a supervisor clears it"))
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
            clear_badge(self.warnings)
        self.warnings.setVisible(bool(warnings))   # no empty gap above the list

    def _select(self, row: int) -> None:
        if not (0 <= row < len(self.checks)):
            return
        c = self.checks[row]
        ev = c.get("evidence") or {}
        for label, path in ((self.live, ev.get("live")), (self.watch, ev.get("watch") or ev.get("chip"))):
            pix = QPixmap(str(path)) if path else QPixmap()
            if pix.isNull():
                label.setPixmap(QPixmap())
                label.setText(self.tr("no image") if c["outcome"] == "hit" else "")
            else:
                label.setPixmap(pix.scaled(label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
        earlier = c.get("earlier") if c["kind"] == "encounter" and c["outcome"] != "clear" else None
        if earlier:
            # no image of an earlier encounter is kept (templates only): its facts stand beside the face
            self.watch.setPixmap(QPixmap())
            self.watch.setText("\n".join(str(v) for v in (
                # what fits the box; nationality and birth are in the result's text beside it
                str(earlier.get("examined_at") or "")[:10], f"{earlier.get('surname') or ''}, {earlier.get('given_names') or ''}",
                earlier.get("document_number") or "",
                decision_short(earlier["decision"]) if earlier.get("decision") else self.tr("no decision recorded"))))
            self.watch.setWordWrap(True)
            self.evidence_caption.setText(self.tr("Left: this traveller.\nRight: the earlier encounter that "
                                                  "matched (%s); only its templates are kept, not its images.")
                                          % {"fingers": self.tr("fingers"), "face": self.tr("face"),
                                             "both": self.tr("face and fingers")}.get(c.get("by"), c.get("by") or "?"))
        elif c["kind"] == "chip" and ev.get("chip"):
            self.evidence_caption.setText(self.tr("Left: this traveller.\nRight: the photo in the passport's chip."))
        elif c["outcome"] == "hit":
            self.evidence_caption.setText(
                self.tr("Left: this traveller.\nRight: the watchlist's enrolment image, record %s (%s).")
                % (c.get("record") or "?", list_title(c["list"]) if c.get("list") else kind_title(c["kind"])))
        else:
            self.evidence_caption.setText("")
        self.selected.emit(c)


class CapturePanel(Retranslating):
    form = Ui_CapturePanel

    def __init__(self, parent=None):
        super().__init__(parent)
        u = self.ui
        self.preview, self.verdict = u.facePreview, u.faceVerdict
        self.start_button, self.capture_button, self.retake_button = u.startCamera, u.captureFace, u.retakeFace
        self.fingers_button, self.finger_status, self.fingers = u.captureFingers, u.fingerStatus, u.fingerTable
        self.exemption, self.exemption_label = u.exemption, u.exemptionLabel
        self.chip_photo, self.chip_score, self.chip_verdict = u.chipPhoto, u.chipScore, u.chipVerdict
        self.chip: dict = {"state": "idle"}
        self._chip_text = ""   # the chip's whole line (the label may show it elided)
        self._chip_short = ""   # a failure's summary, shown when the whole line does not fit
        self.face: dict = {"state": "idle"}
        self.finger_state: dict = {"state": "idle", "fingers": [], "exceptions": []}
        self._locked = False
        self._departure = False

    def bind(self, vm) -> None:
        super().bind(vm)
        self.start_button.clicked.connect(lambda: vm.start_camera())
        self.capture_button.clicked.connect(vm.capture_now)
        self.retake_button.clicked.connect(vm.retake)
        self.fingers_button.clicked.connect(vm.capture_fingers)
        self.exemption.activated.connect(lambda i: vm.set_exemption(self.exemption.itemData(i) or ""))
        vm.previewFrame.connect(self.show_frame)
        vm.faceChanged.connect(self.show_face)
        vm.fingersChanged.connect(self.show_fingers)
        vm.chipChanged.connect(self.show_chip)
        vm.exemptionChanged.connect(self.show_exemption)
        vm.progress.connect(self._progress)
        vm.decisionChanged.connect(lambda state: self.lock(bool(state.get("saved"))))
        vm.directionChanged.connect(self.set_direction)
        self.retranslate()
        self.set_direction(vm.direction)

    def set_direction(self, direction: str) -> None:
        """No biometrics are taken at departure: the panel stays in its place, switched off, and
        says so; its picture and table give their room to the landing record."""
        self._departure = direction == "departure"
        self.preview.setVisible(not self._departure)
        self.fingers.setVisible(not self._departure)
        for w in (self.chip_photo, self.chip_score, self.chip_verdict):   # no chip is read at departure
            w.setVisible(not self._departure)
        self.show_face(self.face)
        self.show_fingers(self.finger_state)
        self._enable()

    def retranslate(self) -> None:
        current = self.exemption.currentData()
        self.exemption.clear()
        self.exemption.addItem(self.tr("none — capture biometrics"), "")
        for reason in self.vm.backend.exemption_reasons():
            self.exemption.addItem(exemption_title(reason), reason)
        self.show_exemption(current or "")
        self.show_face(self.face)
        self.show_fingers(self.finger_state)
        self.show_chip(self.chip)

    def show_frame(self, qimage, info: dict) -> None:
        self.preview.setPixmap(QPixmap.fromImage(qimage).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))
        if not info.get("face"):
            set_neutral(self.verdict, self.tr("Looking for a face — look at the camera"))
        elif info.get("passes"):
            set_badge(self.verdict, "pass", self.tr("Quality OK — hold still, capturing"))
        else:
            set_neutral(self.verdict, self.tr("Adjusting: ") + "; ".join(core_text(r) for r in info.get("reasons") or []))

    def show_face(self, face: dict) -> None:
        self.face = dict(face or {})
        state = self.face.get("state")
        if self._departure:
            set_neutral(self.verdict, self.tr("Departures: no face or fingerprints are taken."))
        elif state == "idle":
            self.preview.clear()
            self.preview.setText(self.tr("camera off"))
            clear_badge(self.verdict)
        elif state == "captured":
            if self.face.get("image") is not None:
                self.preview.setPixmap(QPixmap.fromImage(self.face["image"]).scaled(
                    self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio))
            if self.face.get("passes"):
                set_badge(self.verdict, "pass", self.tr("Face captured"))
            else:
                set_badge(self.verdict, "warning", self.tr("Face captured below quality: ")
                          + "; ".join(core_text(r) for r in self.face.get("reasons") or []))
        elif state == "encoding":
            set_neutral(self.verdict, self.tr("Face captured — checking it against the watchlist…"))
        elif state == "error":
            set_badge(self.verdict, "fail", self.tr("Camera: ") + "; ".join(core_text(r) for r in self.face.get("reasons") or []))
        elif state == "live":
            if self.face.get("trouble"):
                set_badge(self.verdict, "warning", self.tr("Camera: %s — trying again") % core_text(self.face["trouble"]))
            else:
                set_neutral(self.verdict, self.tr("Camera on — looking for a face…"))

    def show_fingers(self, state: dict) -> None:
        self.finger_state = dict(state or {})
        rows = list(self.finger_state.get("fingers") or []) + [
            dict(e, failed=True) for e in self.finger_state.get("exceptions") or []]
        self.fingers.setRowCount(len(rows))
        for r, f in enumerate(rows):
            cells = [finger_title(f.get("position", "?")), str(f.get("quality", "—")), str(f.get("attempts", f.get("tries", "—"))),
                     ("✖ " + self.tr("not captured: ") + core_text(f.get("reason", ""))) if f.get("failed") else
                     "✔ " + (self.tr("from the bio-cart") if f.get("source") == "biocart" else self.tr("captured"))]
            for c, text in enumerate(cells):
                self.fingers.setItem(r, c, QTableWidgetItem(text))
        self.fingers.resizeColumnsToContents()
        st = self.finger_state.get("state")
        if self._departure:
            clear_badge(self.finger_status)
        elif st == "capturing":
            set_neutral(self.finger_status, self.tr("Fingerprint scanner: starting…"))
        elif st == "captured":
            set_badge(self.finger_status, "pass" if not self.finger_state.get("exceptions") else "warning",
                      self.tr("Fingerprints captured: %d, not captured: %d")
                      % (len(self.finger_state.get("fingers") or []), len(self.finger_state.get("exceptions") or [])))
        elif st == "error":
            set_badge(self.finger_status, "fail", "; ".join(core_text(r) for r in self.finger_state.get("reasons") or [])
                      or self.tr("The fingerprint capture failed"))
        else:
            clear_badge(self.finger_status)

    def show_chip(self, chip: dict) -> None:
        """The chip's photo beside the live face, its similarity to it against the threshold, and
        the chip's result in one line with its reason (the checks list has every detail)."""
        self.chip = dict(chip or {})
        state, read, face = self.chip.get("state"), self.chip.get("read") or {}, self.chip.get("face") or {}
        pix = QPixmap(str(self.chip["photo"])) if self.chip.get("photo") else QPixmap()
        if pix.isNull():
            self.chip_photo.setPixmap(QPixmap())
            self.chip_photo.setText(self.tr("chip photo") if state not in (None, "idle") else "")
        else:
            self.chip_photo.setPixmap(pix.scaled(self.chip_photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        if face.get("score") is not None:
            mark = "✔" if face.get("outcome") == "clear" else "✖"
            self.chip_score.setText(self.tr("%s similarity %d\nmatch from %d") % (mark, round(face["score"]),
                                                                                    int(face.get("threshold") or 0)))
        else:
            self.chip_score.setText("")
        if state in (None, "idle"):
            self._chip_text = ""
            self.chip_verdict.setToolTip("")
            clear_badge(self.chip_verdict)
        elif state == "reading":
            self._say_chip(set_neutral, self.tr("Chip: reading…"))
        else:
            self._say_chip(lambda label, text: set_badge(label, self._chip_badge(read, face), text),
                           self._chip_line(read, face), self._chip_summary(read, face))

    def _say_chip(self, put, text: str, short: str = "") -> None:
        """``short``: the line to show when ``text`` (shown whole on hover) is too long for it."""
        put(self.chip_verdict, text)
        self._chip_text = self.chip_verdict.text()   # with the badge's glyph
        if short:
            put(self.chip_verdict, short)
        self._chip_short = self.chip_verdict.text() if short else ""
        self._elide_chip()

    def _elide_chip(self) -> None:
        """One line, whatever the reason's length, so the column keeps its height on a 1366×768
        screen: a failure shows its summary (which findings, see Checks), and what does not fit
        still is elided here, at a word, and shown whole on hover (and in the checks list)."""
        if not self._chip_text:
            return
        room = max(self.chip_verdict.contentsRect().width(), 40)
        metrics = self.chip_verdict.fontMetrics()
        shown = self._chip_text
        if self._chip_short and metrics.horizontalAdvance(shown) > room:
            shown = self._chip_short
        if metrics.horizontalAdvance(shown) > room:
            cut = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, room)[:-1]
            shown = (cut[:cut.rfind(" ")] if " " in cut else cut).rstrip(" —;,:") + "…"
        self.chip_verdict.setText(shown)
        self.chip_verdict.setToolTip(self._chip_text if shown != self._chip_text else "")

    def resizeEvent(self, event):  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._elide_chip()

    def _chip_line(self, read: dict, face: dict) -> str:
        reasons = [core_text(r) for c in (read, face) if c.get("outcome") in ("hit", "error")
                   for r in (c.get("reasons") or [])[:1]]
        if read.get("outcome") == "hit" or face.get("outcome") == "hit":
            cleared = not any(c.get("outcome") == "hit" and c.get("open", True) for c in (read, face))
            return (self.tr("Chip: FAILED, cleared by a supervisor — %s") if cleared
                    else self.tr("Chip: FAILED — %s")) % "; ".join(reasons)
        if read.get("outcome") == "error" or face.get("outcome") == "error":
            return self.tr("Chip: not verified — %s") % "; ".join(
                [core_text(r) for c in (read, face) if c.get("outcome") == "error" for r in c.get("reasons") or []])
        if face:
            return self.tr("Chip: genuine, and its photo matches the live face")
        return self.tr("Chip: genuine — its photo is compared when the face is captured")

    def _chip_summary(self, read: dict, face: dict) -> str:
        """A failed chip's line in a few words, which parts failed (by the rule codes of
        ``domain.chip``), for a panel too narrow for the reasons; "" for other results."""
        words = {"chip.dg1_mismatch": self.tr("DG1"),
                 "chip.passive_auth_failed": self.tr("passive auth."),
                 "chip.clone_check_failed": self.tr("clone check"),
                 "chip.face_mismatch": self.tr("photo")}
        found = [words.get(f.get("rule"), "") for c in (read, face) if c.get("outcome") == "hit"
                 for f in c.get("findings") or []]
        if not any(found):
            return ""
        cleared = not any(c.get("outcome") == "hit" and c.get("open", True) for c in (read, face))
        return (self.tr("Chip failed, cleared: %s") if cleared
                else self.tr("Chip failed: %s")) % ", ".join(w for w in found if w)

    @staticmethod
    def _chip_badge(read: dict, face: dict) -> str:
        outcomes = {read.get("outcome"), face.get("outcome")}
        return "fail" if "hit" in outcomes else "warning" if "error" in outcomes else "pass"

    def _progress(self, step: str, pct: int, text: str) -> None:
        if step == "chip" and self.chip.get("state") in (None, "idle", "reading"):
            self._say_chip(set_neutral, self.tr("Chip: %s (%d%%)") % (core_text(text), pct) if text
                           else self.tr("Chip: reading…"))
        if step == "fingers" and text and self.finger_state.get("state") in (None, "idle", "capturing"):
            set_neutral(self.finger_status, f"{core_text(text)} ({pct}%)")

    def show_exemption(self, reason: str) -> None:
        i = self.exemption.findData(reason or "")
        self.exemption.setCurrentIndex(max(0, i))
        self._enable()

    def lock(self, locked: bool) -> None:
        """Once the decision is saved nothing here can change what was recorded."""
        self._locked = locked
        self._enable()

    def _enable(self) -> None:
        exempt = bool(self.exemption.currentData())
        for b in (self.start_button, self.capture_button, self.retake_button, self.fingers_button):
            b.setEnabled(not exempt and not self._locked and not self._departure)
        self.exemption.setEnabled(not self._locked and not self._departure)


#: The statuses inspectors grant most, first (the rest keep the catalogue's order). Temporary
#: Visitor is most of a port's landings.
MOST_USED_STATUSES = ("temporary_visitor", "spouse_or_child_of_japanese_national", "engineer_specialist_in_humanities_international_services",
                      "student", "dependent", "permanent_resident", "long_term_resident", "business_manager",
                      "specified_skilled_worker_i", "technical_intern_training_i_a")
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class StatusCompleter(QCompleter):
    """Type-ahead over the status list in both languages: English and Japanese names, the kana
    reading and its romaji ("tan", "tanki", "たん" and "短期" all find Temporary Visitor)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.source = QStandardItemModel(self)
        self.setModel(self.source)
        self.setCompletionRole(SEARCH_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(10)

    def fill(self, statuses: list[tuple[str, str, str]]) -> None:
        """(code, shown name, search text) per status."""
        from inspector_app.domain.status_search import normalise

        self.source.clear()
        for code, shown, search in statuses:
            item = QStandardItem(shown)
            item.setData(code, Qt.ItemDataRole.UserRole)
            item.setData(normalise(search), SEARCH_ROLE)
            self.source.appendRow(item)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt's name
        from inspector_app.domain.status_search import normalise

        return [normalise(path)]

    def pathFromIndex(self, index) -> str:  # noqa: N802 - Qt's name
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class DecisionPanel(Retranslating):
    form = Ui_DecisionPanel
    PROBLEM_LINES = 5

    def __init__(self, parent=None):
        super().__init__(parent)
        u = self.ui
        self.type, self.status, self.period, self.last_day = u.decisionType, u.statusCombo, u.periodCombo, u.lastDay
        self.reasons, self.override, self.slot = u.referralReasons, u.overrideReason, u.detailSlot
        self.details = DetailsForm(u.detailsLayout, u.noDetails, self._detail, self._label_width, self)
        self.problems, self.saved_label = u.decisionProblems, u.savedLabel
        self.save_button, self.print_button, self.next_button = u.saveDecision, u.printSeal, u.nextTraveller
        self.l_type, self.l_status, self.l_period, self.l_last = u.l_type, u.l_status, u.l_period, u.l_last
        self.l_reasons, self.l_details, self.l_override = u.l_reasons, u.l_details, u.l_override
        self.completer = StatusCompleter(self.status)
        self.status.setCompleter(self.completer)
        self.period.setCompleter(None)   # typed text is read as a period on Return (see _period_typed)
        self._fix_heights()
        self.state: dict = {}
        self._filling = False
        self._shown_types: tuple = ()
        self._shown_statuses: tuple = ()
        self._shown_periods: tuple = ()

    def _fix_heights(self) -> None:
        """The message area keeps one height whatever it says: the panel never jumps."""
        lines = self.problems.fontMetrics().lineSpacing()
        # measured as a warning badge (bold, its padding and border) on a stand-in, so the box's
        # own style is left alone: PROBLEM_LINES lines all show
        probe = QLabel(self)
        set_badge(probe, "warning", "\n".join(["x"] * self.PROBLEM_LINES))
        self.problems.setFixedHeight(max(probe.sizeHint().height(), lines * self.PROBLEM_LINES + 6))
        probe.deleteLater()
        self.saved_label.setFixedHeight(lines * 2 + 6)

    def bind(self, vm) -> None:
        super().bind(vm)
        self.type.currentIndexChanged.connect(lambda i: self._pick(type=self.type.itemData(i)))
        self.status.currentIndexChanged.connect(lambda i: self._pick(status_code=self.status.itemData(i) or ""))
        self.completer.activated[QModelIndex].connect(self._completed)
        self.status.lineEdit().editingFinished.connect(self._status_typed)
        self.status.lineEdit().textEdited.connect(lambda _t: QTimer.singleShot(0, self._highlight_first))
        self.period.currentIndexChanged.connect(lambda i: self._pick(period=self.period.itemData(i) or ""))
        self.period.lineEdit().editingFinished.connect(self._period_typed)
        self.reasons.textChanged.connect(lambda: self._pick(referral_reasons=[
            r.strip() for r in self.reasons.toPlainText().splitlines() if r.strip()]))
        self.override.textChanged.connect(lambda text: None if self._filling else vm.set_override_reason(text))
        self.save_button.clicked.connect(vm.save)
        self.next_button.clicked.connect(vm.next_traveller)
        vm.decisionChanged.connect(self.show)
        vm.saved.connect(self.show_saved)
        vm.cleared.connect(self._cleared)
        self.retranslate()

    def changeEvent(self, event):  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.FontChange:
            self._fix_heights()
        super().changeEvent(event)

    def focus_status(self) -> None:
        """Ctrl+T: the status field, its text selected, ready for type-ahead."""
        if self.status.isEnabled():
            self.status.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.status.lineEdit().selectAll()

    def _highlight_first(self) -> None:
        """The best match is highlighted as the inspector types: Return takes it ("tan" Return)."""
        popup = self.completer.popup()
        if popup.isVisible() and self.completer.completionCount() > 0:
            # without the completer's signals: a highlighted row is otherwise written into the
            # field (QLineEdit follows QCompleter.highlighted), and the next letter typed would be
            # appended to "Temporary Visitor" instead of to "ta"
            self.completer.blockSignals(True)
            try:
                popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
            finally:
                self.completer.blockSignals(False)

    def _completed(self, index) -> None:
        code = index.data(Qt.ItemDataRole.UserRole)
        i = self.status.findData(code)
        if i >= 0:
            self.status.setCurrentIndex(i)
            self._pick(status_code=code)

    def _status_typed(self) -> None:
        """Return or leaving the field: typed text takes its best match (the first the completer
        offers); text that matches no status puts the chosen one back."""
        text = self.status.currentText()
        i = self.status.findText(text)
        if i < 0 and text.strip():
            self.completer.setCompletionPrefix(text)
            if self.completer.completionCount() > 0:
                self.completer.setCurrentRow(0)
                i = self.status.findData(self.completer.currentIndex().data(Qt.ItemDataRole.UserRole))
        if i < 0:
            i = max(0, self.status.findData(self.state.get("selection", {}).get("status_code") or ""))
        if i != self.status.currentIndex():
            self.status.setCurrentIndex(i)
        self.status.setEditText(self.status.itemText(i))

    def _period_typed(self) -> None:
        """Return or leaving the period field: a period offered by its words ("10 days"), or typed
        as the domain writes it ("10d", "72h", "1y") or as a bare number of days ("10"). What the
        status does not allow is refused by the domain, in the problems below."""
        text = self.period.currentText().strip()
        if self._filling or not self.period.isEnabled() or not text:
            return
        i = self.period.findText(text, Qt.MatchFlag.MatchFixedString)
        code = self.period.itemData(i) if i >= 0 else self.vm.period_code(text)
        if code != (self.state.get("selection", {}).get("period") or ""):
            self._pick(period=code)
        j = self.period.findData(code)
        if j >= 0:
            self._filling = True
            self.period.setCurrentIndex(j)
            self._filling = False
            self.period.setEditText(self.period.itemText(j))

    def _label_width(self) -> int:
        """The decision form's label column (the details' fields line up under its fields), and
        no narrower than 18 average characters (Japanese labels are short, a detail's may not be)."""
        own = max(w.sizeHint().width() for w in (self.l_type, self.l_status, self.l_period, self.l_last, self.l_override))
        return max(own, 18 * self.fontMetrics().averageCharWidth())

    def _detail(self, key: str, value: str) -> None:
        if self.vm is not None:
            self.vm.set_detail(key, value)

    def _chain_details(self) -> None:
        """Tab goes from the period through the details to the override reason."""
        prev = self.reasons
        for w in self.details.editors.values():
            QWidget.setTabOrder(prev, w)
            prev = w
        QWidget.setTabOrder(prev, self.override)

    def _pick(self, **fields) -> None:
        if not self._filling and self.vm is not None:
            self.vm.set_decision(**fields)

    def retranslate(self) -> None:
        self._shown_types = self._shown_statuses = self._shown_periods = ()
        self.details.retranslate()
        self.show(self.state or self.vm.decision_state())

    def _fill_statuses(self, choices: list) -> None:
        from inspector_app.domain.status_search import search_text

        ja = current_language() == "ja"  # status names in Japanese come from the domain catalogue
        rank = {code: i for i, code in enumerate(MOST_USED_STATUSES)}
        ordered = sorted(choices, key=lambda s: rank.get(s.code, len(rank)))   # stable: the rest keep their order
        statuses = tuple((s.code, s.name_ja if ja else s.name_en,
                          search_text(s.code, s.name_en, s.name_ja)) for s in ordered)
        if statuses == self._shown_statuses:
            return
        self.status.clear()
        self.status.addItem(self.tr("— choose —"), "")
        for code, name, _search in statuses:
            self.status.addItem(name, code)
        self.completer.fill(list(statuses))
        self._shown_statuses = statuses

    def show(self, state: dict) -> None:
        self.state = dict(state)
        sel = state.get("selection", {})
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
            self._fill_statuses(state.get("statuses", []))
            if not self.status.lineEdit().hasFocus() or self.status.currentData() != (sel.get("status_code") or ""):
                self.status.setCurrentIndex(max(0, self.status.findData(sel.get("status_code") or "")))
            periods = tuple(state.get("periods", []))
            if periods != self._shown_periods:
                self.period.clear()
                for p in periods:
                    self.period.addItem(period_title(p), p)
                self._shown_periods = periods
            if not self.period.lineEdit().hasFocus():
                i = self.period.findData(sel.get("period") or "")
                self.period.setCurrentIndex(max(0, i))
                if i < 0 and sel.get("period"):   # typed, not one of the list: shown in words
                    self.period.setEditText(period_title(sel["period"]))
        finally:
            self._filling = False
        saved = bool(state.get("saved"))
        # fields that do not apply are disabled, not hidden: the layout never jumps under the
        # inspector's eyes; once saved every field is locked (the screen shows what was recorded)
        self.type.setEnabled(not saved)
        needs = state.get("needs_status", False) and not saved
        for w in (self.status, self.l_status):
            w.setEnabled(needs)
        for w in (self.period, self.l_period):
            w.setEnabled(bool(state.get("needs_period")) and not saved)
        for w in (self.l_last, self.last_day):
            w.setEnabled(bool(state.get("needs_period")))
        is_ref = sel.get("type") == "referral"
        # the referral's reasons and the other decisions' details share one place of one height
        self.slot.setCurrentWidget(self.ui.referralPage if is_ref else self.ui.detailsPage)
        self.l_reasons.setEnabled(is_ref and not saved)
        self.reasons.setEnabled(is_ref and not saved)
        fields = state.get("detail_fields") or []
        self.l_details.setEnabled(bool(fields) and not saved)
        if self.details.show(fields, sel.get("details") or {}, not saved):
            self._chain_details()
        if state.get("ends_at"):
            self.last_day.setText(self.tr("until %s") % f"{state['ends_at']:%Y-%m-%d %H:%M}")
        elif state.get("last_day"):
            self.last_day.setText(f"{state['last_day']:%Y-%m-%d}")
        elif state.get("unlimited"):
            self.last_day.setText(self.tr("no last day (unlimited)"))
        else:
            self.last_day.setText("—")
        overridable = bool(state.get("overridable")) and not saved
        self.l_override.setEnabled(overridable)
        self.override.setEnabled(overridable)
        self._show_problems(state)
        self.save_button.setEnabled(bool(state.get("can_save")))
        self.print_button.setEnabled(bool(self.vm.saved_record and self.vm.saved_record.get("seal_path")))

    def _show_problems(self, state: dict) -> None:
        problems = state.get("problems") or []
        if state.get("saved"):
            set_badge(self.problems, "pass", self.tr("Saved. The decision is recorded and the fields are locked: "
                                                     "a saved record is not changed here. Next traveller: Ctrl+N"))
        elif not state.get("document_read", True):
            set_neutral(self.problems, self.tr("Waiting for a document: put the passport on the reader."))
        elif state.get("searching"):
            set_neutral(self.problems, self.tr("Looking for the landing record…"))
        elif problems:
            problems = [core_text(p) for p in problems]
            shown = problems[:self.PROBLEM_LINES - 1] if len(problems) > self.PROBLEM_LINES else problems
            text = "\n".join(shown)
            if len(shown) < len(problems):
                text += "\n" + self.tr("… and %d more (hover to read all)") % (len(problems) - len(shown))
            self._warn(text)
        elif not state.get("evaluated", True):
            set_neutral(self.problems, self.tr("Checking the decision…"))
        elif state.get("flags"):
            # it saves, and the supervisor will see why: say so before the inspector presses Ctrl+S
            problems = [core_text(f["message"]) for f in state["flags"]]
            self._warn(self.tr("Ready to save (Ctrl+S); it goes to the supervisor:") + "\n"
                                + "\n".join(problems[:self.PROBLEM_LINES - 1]))
        else:
            set_badge(self.problems, "pass", self.tr("Ready to save (Ctrl+S)"))
        self.problems.setToolTip("\n".join(problems))

    def _warn(self, text: str) -> None:
        """A warning of up to PROBLEM_LINES problems, whole and wrapped (the reasons are read
        without the mouse; also whole on hover)."""
        set_badge(self.problems, "warning", text)

    def showEvent(self, event):  # noqa: N802 - Qt name
        self._fix_heights()   # measured again in the window's own font and style, once they apply
        super().showEvent(event)

    def show_saved(self, record: dict) -> None:
        from inspector_app.booth.seal import short_reference

        text = self.tr("Saved as record %s.") % short_reference(record.get("record_id") or "")
        if record.get("seal_path") and (record.get("decision") or {}).get("type") == "departure_confirmation":
            text += " " + self.tr("The departure confirmation slip is ready to print (Ctrl+P).")
        elif record.get("seal_path"):
            text += " " + self.tr("The seal is ready to print (Ctrl+P).")
        flags = record.get("flags") or []
        if flags:
            text += " " + self.tr("Sent to the supervisor (%d flag(s)).") % len(flags)
        set_badge(self.saved_label, "warning" if flags else "pass", text)
        self.saved_label.setToolTip("\n".join(core_text(f["message"]) for f in flags))
        self.print_button.setEnabled(bool(record.get("seal_path")))

    def _cleared(self) -> None:
        self._filling = True
        self.reasons.clear()
        self.override.clear()
        self._filling = False
        clear_badge(self.saved_label)
