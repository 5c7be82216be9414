"""The examination screen's view model: one ``booth.Examination`` turned into Qt signals.

Every rule and every record is the examination core's (``inspector_app.booth``); this class runs
the core's blocking steps on worker lanes, turns its change notices into signals on the UI
thread, and holds what only a screen needs (the decision panel's current choices, the camera
preview). Each traveller gets a new ``Examination``: a late result of the previous traveller
lands in the previous traveller's record, never on the next one's screen.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QObject, QTimer, Signal

from inspector_app.app.backend import Backend
from inspector_app.app.workers import Runner
from inspector_app.booth.context import DIRECTION
from inspector_app.booth.examination import Examination, ExaminationError, Part
from inspector_app.domain.checks import LIST_KINDS
from inspector_app.domain.periods import Period, PeriodError

LANDING = "landing_permission"
STATUS_TYPES = ("landing_permission", "special_landing_permission", "returning_resident")
PERIOD_TYPES = ("landing_permission", "special_landing_permission")
#: The decision a traveller's screen starts with, by booth direction and by Japanese document.
DEFAULT_TYPE = {"arrival": LANDING, "departure": "departure_confirmation"}
JAPANESE_TYPE = {"arrival": "japanese_national", "departure": "japanese_national_departure"}
#: Units an inspector types after a number in the period field ("10 days", "10日", "72h").
_UNITS = (("時間", "h"), ("hours", "h"), ("hour", "h"), ("か月", "m"), ("ヶ月", "m"), ("カ月", "m"), ("months", "m"),
          ("month", "m"), ("日", "d"), ("days", "d"), ("day", "d"), ("年", "y"), ("years", "y"), ("year", "y"))


class ExaminationViewModel(QObject):
    feedbackChanged = Signal(list)
    travellerChanged = Signal(dict)
    checksChanged = Signal(list)
    faceChanged = Signal(dict)          # {"state": ..., "passes": ..., "reasons": [...], "image": QImage|None}
    previewFrame = Signal(object, dict)  # QImage, {"box":..., "passes":..., "reasons":[...]}
    fingersChanged = Signal(dict)
    chipChanged = Signal(dict)          # the chip: {"state", "photo", "read": check, "face": check}
    exemptionChanged = Signal(str)
    decisionChanged = Signal(dict)       # options + selection + last day + problems
    saved = Signal(dict)
    busyChanged = Signal(str, bool)      # step, busy
    progress = Signal(str, int, str)     # step, percent, text
    error = Signal(str)
    notice = Signal(str)                 # a device or input problem to show on the screen in full ("" clears it)
    warningsChanged = Signal(list)      # screening warnings (lists missing or stale)
    directionChanged = Signal(str)      # "arrival" or "departure": what this booth examines
    landingChanged = Signal(dict)       # departures: the landing record looked up and the stay (landing_state)
    cleared = Signal()
    _part = Signal(object, object)       # (examination, Part) from worker threads to the UI thread

    def __init__(self, backend: Backend, runner: Runner, inspector: str = "", parent=None):
        super().__init__(parent)
        self.backend, self.runner = backend, runner
        self.user: dict | None = None
        self.inspector = inspector
        self._hit_poll = QTimer(self)
        self._hit_poll.setInterval(2000)
        self._hit_poll.timeout.connect(self.refresh_hits)
        self._part.connect(self._on_part)
        self.camera = None
        self._evaluating = self._evaluate_again = False
        self.exam: Examination | None = None
        self._tasks: list = []
        self._notices: dict[str, str] = {}
        self._reset_view()

    # ------------------------------------------------------------------ state
    def set_user(self, user: dict | None) -> None:
        """The signed-in user examines from the next traveller on."""
        self.user = user
        self.inspector = user["user"] if user else ""

    def _reset_view(self) -> None:
        self.face_image = None
        self.decision: dict = {"type": DEFAULT_TYPE[self.direction], "status_code": "", "period": "",
                               "referral_reasons": [], "details": {}, "note": ""}
        self.override_reason = ""
        self.evaluation = None
        self.saved_record: dict | None = None

    @property
    def direction(self) -> str:
        """Arrivals or departures: the booth's setting (``booth.direction``), kept across restarts."""
        return str(self.backend.ctx.setting(DIRECTION))

    def set_direction(self, direction: str) -> bool:
        """Between travellers only: a traveller being examined keeps the direction it was opened
        with (the core refuses too). The saved traveller's screen is cleared."""
        if direction == self.direction:
            return True
        if self.has_unsaved_work():
            self.error.emit(self.tr("Finish this traveller (Save or Next) before changing between arrivals "
                                    "and departures."))
            return False
        settings = self.backend.settings
        settings.set(DIRECTION, direction)
        self.runner.start("settings", lambda ctx: settings.save(), lane="store", on_error=self.error.emit)
        self.next_traveller()
        self.directionChanged.emit(direction)
        self.landingChanged.emit(self.landing_state())
        return True

    def toggle_direction(self) -> bool:
        return self.set_direction("departure" if self.direction == "arrival" else "arrival")

    def _new_exam(self) -> Examination:
        exam = Examination(self.backend.ctx, self.user or {}, direction=self.direction)
        exam.subscribe(lambda part, e=exam: self._part.emit(e, part))
        self.exam = exam
        return exam

    # what the panels and tests read (the core's state, or nothing before a document is read)
    @property
    def examination_id(self) -> str | None:
        return self.exam.examination_id if self.exam else None

    @property
    def mrz(self):
        return self.exam.document if self.exam else None

    @property
    def traveller(self) -> dict:
        return dict(self.exam.traveller) if self.exam else {}

    @property
    def checks(self) -> list[dict]:
        if self.exam is None:
            return []
        face_live = self.exam.face.get("evidence_path")
        finger_live = next((f["evidence_path"] for f in self.exam.fingers.get("captured", [])), None)
        # the chip's checks set its photo beside the live face (chip.py records only the chip's side
        # of a read, made before or after the capture)
        live = {"face": face_live, "fingerprint": finger_live, "chip": face_live}
        return [self._view(c, live) for c in list(self.exam.checks)]

    @property
    def open_hits(self) -> list[dict]:
        return self.exam.open_hits() if self.exam else []

    @property
    def face(self) -> dict:
        face = dict(self.exam.face) if self.exam else {"state": "idle"}
        if self.camera is not None and face.get("state") == "idle":
            face["state"] = "live"
        if face.get("state") == "captured":
            face["image"] = self.face_image
        return face

    @property
    def face_template(self):
        return self.exam.face_template if self.exam else None

    @property
    def fingers(self) -> dict:
        f = dict(self.exam.fingers) if self.exam else {"state": "idle", "captured": [], "exceptions": []}
        f["fingers"] = f.get("captured", [])
        return f

    @property
    def chip(self) -> dict:
        return dict(self.exam.chip) if self.exam else {"state": "idle"}

    @property
    def finger_templates(self) -> dict:
        return self.exam.finger_templates if self.exam else {}

    @property
    def exemption(self) -> str:
        return (self.exam.exemption or {}).get("ground", "") if self.exam and self.exam.exemption else ""

    def _run(self, step: str, fn, *args, lane="general", on_result=None, **kw):
        exam = self.exam

        def mine(cb):
            def inner(value):
                if exam is self.exam and cb is not None:
                    cb(value)
            return inner

        def failed(message: str):
            self.busyChanged.emit(step, False)
            if exam is self.exam:
                self._say(step, message)
                self.error.emit(message)

        def done(value):
            self.busyChanged.emit(step, False)
            if exam is self.exam:
                self._say(step, "")
            if on_result:
                on_result(value)

        self.busyChanged.emit(step, True)
        task = self.runner.start(step, fn, *args, lane=lane, on_result=mine(done), on_error=failed,
                                 on_progress=lambda p, t: exam is self.exam and self.progress.emit(step, p, t), **kw)
        self._tasks.append(task)
        return task

    def _on_part(self, exam: Examination, part: Part) -> None:
        if exam is not self.exam:
            return
        if part is Part.document:
            if exam.traveller.get("nationality") == "JPN" and self.decision["type"] == DEFAULT_TYPE[exam.direction]:
                self.decision.update(type=JAPANESE_TYPE[exam.direction], status_code="", period="", details={})
            self.travellerChanged.emit(self._traveller())
            self.landingChanged.emit(self.landing_state())
        elif part is Part.landing:
            self.landingChanged.emit(self.landing_state())
            self._emit_decision()
        elif part is Part.checks:
            self.checksChanged.emit(self.checks)
            self.warningsChanged.emit(list(exam.warnings))
            if exam.open_hits() and not self._hit_poll.isActive():
                self._hit_poll.start()
            elif not exam.open_hits():
                self._hit_poll.stop()
            self._emit_decision()
        elif part is Part.face:
            self.faceChanged.emit(self.face)
        elif part is Part.fingers:
            self.fingersChanged.emit(self.fingers)
        elif part is Part.chip:
            self.chipChanged.emit(self.chip)
        elif part is Part.exemption:
            if self.exemption:
                self.stop_camera()
            self.exemptionChanged.emit(self.exemption)
            self._emit_decision()

    def _traveller(self) -> dict:
        doc = self.exam.document
        t = dict(self.exam.traveller)
        name, kind = self.backend.nationality_label(doc.nationality or "")
        t.update(nationality_name=name, nationality_kind=kind, valid=doc.valid, expired=doc.expired,
                 format=doc.format, corrections=[c if isinstance(c, dict) else c.to_dict() for c in doc.corrections or []])
        return t

    @staticmethod
    def _view(c: dict, live: dict) -> dict:
        """A recorded check result as the checks panel lists it (a hit, and the chip's photo, show
        beside the live capture)."""
        review = None
        if c["outcome"] == "hit" and not c.get("open", True):
            review = "cleared"
        # a list's record (a watchlist entry, an SLTD document); a departure's landing record is
        # the landing panel's to show, not a line of raw data here
        record = (c.get("subject_id") or _record_label(c.get("record"))) if c["kind"] in LIST_KINDS else None
        evidence = dict(c.get("evidence") or {})
        if (c["outcome"] == "hit" or evidence.get("chip")) and live.get(c["kind"]):
            evidence.setdefault("live", live[c["kind"]])
        return {**c, "key": c["check_result_id"], "id": c["check_result_id"], "record": record, "review": review,
                "evidence": evidence}

    def shows_on_screen(self, message: str) -> bool:
        """Whether the screen's notice already shows this problem in full (see ``_say``)."""
        text = str(message)
        return bool(text) and any(text in str(m) for m in self._notices.values())

    def _say(self, source: str, message: str) -> None:
        """One current problem per source (document, camera, fingers, save...), all shown in full
        on the screen; a source's message goes when that step next succeeds."""
        source = {"face_encode": "camera", "camera": "camera"}.get(source, source)
        if message:
            self._notices[source] = message
        elif self._notices.pop(source, None) is None:
            return
        self.notice.emit("\n".join(f"✖ {m}" for m in self._notices.values()))

    # ------------------------------------------------------------------ MRZ
    def feedback(self, text: str) -> list:
        """Per-line check-digit feedback while typing (pure domain call, microseconds)."""
        from inspector_app.common.canonical import normalise

        try:
            fb = normalise(self.backend.live_feedback(text))
        except Exception as exc:  # noqa: BLE001 - typed text can be anything
            fb = [{"ok": False, "message": str(exc)}]
        self.feedbackChanged.emit(fb)
        return fb

    def submit_mrz(self, text: str) -> None:
        text = text.strip()
        if not text:
            self._say("document", self.tr("Scan the passport or type the MRZ first."))
            return
        if self.exam is not None and self.exam.examination_id and self.exam.saved is None:
            self._say("document", self.tr("Finish this traveller (Save or Next) before reading another document."))
            self.error.emit(self.tr("Finish this traveller (Save or Next) before reading another document."))
            return
        if not self.user:
            self.error.emit(self.tr("Sign in first."))
            return
        try:
            exam = self._new_exam()
        except ExaminationError as exc:
            self._say("document", str(exc))
            self.error.emit(str(exc))
            return
        self._reset_view()

        def read(ctx):
            exam.read_document(text)
            exam.screen_document()
            # what the traveller gave at the bio-cart while queueing (nothing when no station)
            return exam.use_biocart() if exam.direction == "arrival" else None

        self._notices.clear()
        self.notice.emit("")
        self._run("document", read, lane="store", on_result=self._document_done)

    @property
    def auto_devices(self) -> bool:
        """Devices in auto mode (``exam.auto_devices``, on by default): once the document is read
        the camera starts (and captures by itself when a face holds steady in the quality gate)
        and the fingerprint capture starts, unless the traveller is exempt."""
        return bool(self.backend.settings.get("exam.auto_devices", True))

    def _document_done(self, biocart: dict | None = None) -> None:
        self._emit_decision()
        exam = self.exam
        if exam is not None and exam.direction == "departure":
            # no biometrics at departure: the landing this departure ends is looked for instead
            # (this booth, then the hub: up to a few seconds, so on a worker lane)
            self._run("landing", lambda ctx: exam.look_up_landing(), lane="general")
            return
        used = biocart if biocart and biocart.get("state") == "retrieved" else None
        if biocart and biocart.get("state") == "refused":
            from inspector_app.app.i18n import core_text

            self._say("biocart", self.tr("Bio-cart capture not used: %s") % core_text(biocart["reasons"][0]))
        if used and not used["recapture_face"] and exam is not None and exam.face.get("evidence_path"):
            from PySide6.QtGui import QImage

            self.face_image = QImage(exam.face["evidence_path"]).scaledToWidth(480)
            self.faceChanged.emit(self.face)
        if self.auto_devices and exam is not None and exam.saved is None and self.backend.ctx.has_chip_reader():
            self.read_chip()   # the passport is on the reader now: its chip is read while the face is taken
        if self.auto_devices and not self.exemption and self.exam is not None and self.exam.saved is None:
            if used is None or used["recapture_face"]:
                self.start_camera()
            if used is None or used["recapture"]:
                self.capture_fingers(only=used["recapture"] if used else None)

    # ------------------------------------------------------------------ checks
    def refresh_hits(self) -> None:
        exam = self.exam
        if exam is None or not exam.examination_id:
            return
        self.runner.start("open_hits", lambda ctx: exam.refresh_hits(), lane="store")

    # ------------------------------------------------------------------ face
    def start_camera(self) -> None:
        if self.camera is not None or self.exam is None or not self.exam.examination_id:
            if self.exam is None or not self.exam.examination_id:
                self._say("camera", self.tr("Read the document first: scan the passport, then the camera starts."))
            return
        if self.exam.saved is not None or self.exam.face.get("state") in ("encoding", "captured"):
            return  # a saved examination is locked; a captured face is taken again with Retake (F7)
        from inspector_app.app.camera_bridge import CameraBridge

        self.camera = CameraBridge(self.backend.ctx.camera, self)
        self.camera.frame.connect(self.previewFrame)
        self.camera.captured.connect(self._face_captured)
        self.camera.failed.connect(self._camera_failed)
        self.camera.trouble.connect(self._camera_trouble)
        self.faceChanged.emit(self.face)
        self.camera.start(self.runner)

    def stop_camera(self) -> None:
        cam, self.camera = self.camera, None
        if cam is not None:
            cam.stop()

    def _camera_failed(self, message: str) -> None:
        self.stop_camera()
        self.faceChanged.emit({"state": "error", "reasons": [message]})
        self._say("camera", self.tr("Camera: %s") % message)
        self.error.emit(message)

    def _camera_trouble(self, message: str) -> None:
        """The camera stalled; it reopens by itself and the capture goes on when frames return."""
        if self.camera is not None:
            self.faceChanged.emit(dict(self.face, trouble=message))
            self._say("camera", self.tr("Camera: %s — trying again") % message)

    def capture_now(self) -> None:
        if self.camera is not None:
            self.camera.capture_now()

    def retake(self) -> None:
        exam = self.exam
        if exam is None or not exam.examination_id or exam.saved is not None:
            return
        self.face_image = None
        self.stop_camera()
        exam.retake_face()
        self.start_camera()

    def _face_captured(self, shot: dict) -> None:
        """A frame that passed the quality gate (or the best one, forced): the core encodes and screens it."""
        self.stop_camera()
        self._say("camera", "")
        self.face_image = shot.get("qimage")
        exam, image = self.exam, shot["image"]
        passes, reasons = bool(shot.get("passes")), list(shot.get("reasons") or [])
        self._run("face_encode", lambda ctx: exam.add_face(image, passes, reasons))

    # ------------------------------------------------------------------ fingers
    def capture_fingers(self, only: list[str] | None = None) -> None:
        exam = self.exam
        if exam is None or not exam.examination_id:
            self._say("fingers", self.tr("Read the document first: scan the passport, then capture the fingerprints."))
            return
        if exam.fingers.get("state") == "capturing" or exam.saved is not None:
            return  # one capture at a time; a saved examination is locked
        self._run("fingers", lambda ctx: exam.capture_fingers(ctx.progress, only=only), lane="devices")

    # ------------------------------------------------------------------ chip
    def read_chip(self) -> None:
        """Read the passport's chip (F9; by itself after the document where the booth has a chip
        reader): on the devices lane, with progress; a read under way is not started twice."""
        exam = self.exam
        if exam is None or not exam.examination_id:
            self._say("chip", self.tr("Read the document first: scan the passport, then its chip is read."))
            return
        if exam.chip.get("state") == "reading" or exam.saved is not None:
            return  # one read at a time; a saved examination is locked
        self._run("chip", lambda ctx: exam.read_chip(ctx.progress), lane="devices")

    # ------------------------------------------------------------------ exemption
    def set_exemption(self, reason: str) -> None:
        exam = self.exam
        if exam is None or not exam.examination_id:
            self.exemptionChanged.emit("")
            return
        if exam.saved is not None:
            self.exemptionChanged.emit(self.exemption)  # locked: the screen keeps what was saved
            return
        self._run("exemption", lambda ctx: exam.set_exemption(reason or None), lane="store")

    # ------------------------------------------------------------------ decision
    def set_decision(self, **fields) -> None:
        if self.saved_record is not None:
            self.decisionChanged.emit(self.decision_state())  # locked: the screen keeps what was saved
            return
        changed_type = "type" in fields and fields["type"] != self.decision.get("type")
        self.decision.update(fields)
        if changed_type:
            if fields["type"] not in STATUS_TYPES:
                self.decision["status_code"] = ""
            self.decision["period"] = ""
            self.decision["details"] = {}
        if "status_code" in fields or changed_type:
            periods = self._periods()
            if self.decision.get("period") not in periods:
                self.decision["period"] = periods[0] if periods else ""
        self._keep_shown_details()
        self._emit_decision()
        if self.exam is not None and self.exam.direction == "departure":
            self.landingChanged.emit(self.landing_state())   # the seal's last day, when typed, is the stay's end

    def set_detail(self, key: str, value: str) -> None:
        """One detail the decision records (``detail_fields``); an empty value removes it."""
        details = dict(self.decision.get("details") or {})
        if str(value or "").strip():
            details[key] = str(value).strip()
        else:
            details.pop(key, None)
        self.set_decision(details=details)

    def _keep_shown_details(self) -> None:
        """Only the details of the fields shown are recorded: a card number typed before "to be
        mailed" was chosen is not saved with the landing."""
        for _ in range(3):   # the fields depend on the details chosen (permit kind, card)
            keys = {f.key for f in self.detail_fields()}
            details = {k: v for k, v in (self.decision.get("details") or {}).items() if k in keys}
            if details == self.decision.get("details"):
                return
            self.decision["details"] = details

    def detail_fields(self) -> list:
        """The fields of the chosen decision (``domain.decisions.DetailField``), from the core."""
        if self.exam is None or not self.exam.examination_id:
            return []
        return self.exam.detail_fields(self._fields())

    def period_code(self, text: str) -> str:
        """What the inspector typed in the period field as a period ("10" and "10 days" -> "10d";
        a bare number is in hours where only hours are offered, "72" for a port-of-call landing).
        Text that is no period is passed on as typed: the domain refuses it in its own words."""
        t = str(text or "").strip().lower()
        for word, unit in _UNITS:
            t = t.replace(word, unit)
        t = re.sub(r"\s+", "", t)
        if t.isdigit():
            periods = self._periods()
            t += "h" if periods and all(p.endswith("h") for p in periods) else "d"
        try:
            return str(Period.parse(t))
        except PeriodError:
            return str(text or "").strip()

    def landing_state(self) -> dict:
        """Departures: the landing record looked up (state idle/searching/found/not_found, record,
        source, reasons), ``stay`` (``domain.departure.Stay.to_dict()``: days stayed, overstay) once
        the look-up ended, ``japanese`` for a Japanese national (no landing to look for)."""
        out: dict = {"direction": self.direction, "state": "idle"}
        exam = self.exam
        if exam is None or not exam.examination_id:
            return out
        if exam.traveller.get("nationality") == "JPN":
            return dict(out, state="japanese")
        out.update(exam.landing)
        if out.get("state") in ("found", "not_found"):
            out["stay"] = exam.stay(self._fields()).to_dict()
        return out

    def set_override_reason(self, text: str) -> None:
        self.override_reason = text
        self._emit_decision()

    def _periods(self) -> list[str]:
        """The periods the domain allows for the chosen decision and status (the list the UI offers)."""
        kind = self.decision.get("type")
        rule = self.backend.special_landing_rule(kind)
        if rule is not None:
            return [rule["maximum"]]
        code = self.decision.get("status_code")
        if not code or kind not in PERIOD_TYPES:
            return []
        return self.backend.allowed_periods(code)

    def _fields(self) -> dict:
        d = dict(self.decision)
        d["details"] = dict(d["details"]) if isinstance(d.get("details"), dict) and d["details"] else None
        return d

    def _overrides(self) -> dict[str, str]:
        """The inspector's override reason applies to the overridable refusals now shown."""
        reason = self.override_reason.strip()
        if not reason or self.evaluation is None:
            return {}
        return {f.rule: reason for f in self.evaluation.refused + self.evaluation.overridden
                if self.backend.overridable(f.rule)}

    def decision_state(self) -> dict:
        d = dict(self.decision)
        needs_status = d["type"] in STATUS_TYPES
        if d["type"] == "returning_resident":
            statuses = self.backend.all_statuses()
        else:
            statuses = self.backend.grantable_statuses() if needs_status else []
        periods = self._periods()
        rule = self.backend.special_landing_rule(d["type"])
        last_day = ends_at = None
        if d.get("period"):
            try:
                last_day = self.backend.last_day(self.backend.today(), d["period"])
                ends_at = self.backend.ends_at(d["period"])
            except (ValueError, KeyError):
                last_day = None
        if self.exam is None or not self.exam.examination_id:
            problems = []
            refused = []
        else:
            ev = self.evaluation
            refused = list(ev.refused) if ev is not None else []
            problems = [f.message for f in refused]
        searching = self.exam is not None and self.exam.landing.get("state") == "searching"
        overridable = [f.rule for f in refused if self.backend.overridable(f.rule)]
        blocking = [f for f in refused if not self.backend.overridable(f.rule)]
        can_override = bool(overridable) and not blocking and bool(self.override_reason.strip())
        saved = self.saved_record is not None
        flags = list(self.evaluation.flags) if self.evaluation is not None and self.examination_id else []
        return {
            "selection": d, "types": self.backend.decision_types(self.direction), "needs_status": needs_status,
            "needs_period": bool(periods) or d["type"] in PERIOD_TYPES, "detail_fields": self.detail_fields(),
            "special_rule": rule, "saved": saved, "statuses": statuses, "periods": periods,
            "landing_date": self.backend.today(), "last_day": last_day, "ends_at": ends_at,
            "unlimited": _without_end(d.get("period")), "problems": problems,
            "refused": [f.to_dict() for f in refused], "flags": [f.to_dict() for f in flags],
            "overridable": overridable, "direction": self.direction, "searching": searching,
            "document_read": bool(self.examination_id), "evaluated": self.evaluation is not None,
            "open_hits": len(self.open_hits),
            "can_save": bool(self.examination_id) and not saved and self.evaluation is not None
            and not searching and (not refused or can_override),
        }

    def _emit_decision(self) -> None:
        self.decisionChanged.emit(self.decision_state())
        self._evaluate()

    def _evaluate(self) -> None:
        """Ask the store's own rules what saving now would refuse (read-only, on the store lane).

        One evaluation at a time: changes made while one runs are judged together when it returns
        (typing a referral reason used to queue one store read per keystroke)."""
        exam = self.exam
        if exam is None or not exam.examination_id or self.saved_record is not None:
            return
        if self._evaluating:
            self._evaluate_again = True
            return
        self._evaluating, self._evaluate_again = True, False
        fields, overrides = self._fields(), self._overrides()

        def finished(ev=None):
            self._evaluating = False
            if ev is not None and exam is self.exam:
                self.evaluation = ev
                self.decisionChanged.emit(self.decision_state())
            if self._evaluate_again:
                self._evaluate()

        self.runner.start("evaluate", lambda ctx: exam.evaluate(fields, overrides), lane="store",
                          on_result=finished, on_error=lambda _message: finished())

    def save(self) -> None:
        state = self.decision_state()
        if not state["can_save"]:
            self.error.emit("; ".join(state["problems"]) or self.tr("Nothing to save."))
            return
        exam, fields, overrides = self.exam, self._fields(), self._overrides()
        self._run("save", lambda ctx: exam.save(fields, overrides), lane="store", on_result=self._saved)

    def _saved(self, result) -> None:
        if not result.saved:
            self.error.emit("; ".join(f.message for f in result.refused))
            self._emit_decision()
            return
        self.saved_record = {"record_id": result.record_id, "decision": result.decision, "seal_path": None,
                             "flags": [f.to_dict() for f in result.flags]}
        self.decisionChanged.emit(self.decision_state())
        if result.seal is None:
            self.saved.emit(dict(self.saved_record))
            return
        content = result.seal
        path = self.backend.home / "seals" / f"{result.record_id}.pdf"

        def write(ctx):
            from inspector_app.app import compute
            from inspector_app.app.compute_entries import WRITE_SEAL

            path.parent.mkdir(parents=True, exist_ok=True)
            return compute.call(WRITE_SEAL, str(path), content)

        def written(p):
            self.saved_record.update(seal_path=p, seal=content)
            self.saved.emit(dict(self.saved_record))
            self.decisionChanged.emit(self.decision_state())

        self._run("seal", write, on_result=written)

    # ------------------------------------------------------------------ next
    def next_traveller(self) -> None:
        for task in self._tasks:
            task.cancel()
        self._tasks = []
        self.stop_camera()
        self._hit_poll.stop()
        self.exam = None
        self._reset_view()
        self.cleared.emit()
        self.feedbackChanged.emit([])
        self.travellerChanged.emit({})
        self.checksChanged.emit([])
        self.faceChanged.emit(self.face)
        self.chipChanged.emit(self.chip)
        self.fingersChanged.emit(self.fingers)
        self.exemptionChanged.emit("")
        self.warningsChanged.emit([])
        self.landingChanged.emit(self.landing_state())
        self._notices.clear()
        self.notice.emit("")
        self._emit_decision()

    def has_unsaved_work(self) -> bool:
        """A document was read and no decision is saved for it yet (leaving now would drop it)."""
        return bool(self.exam is not None and self.exam.examination_id and self.exam.saved is None)


def _record_label(record) -> str | None:
    """A short label for a list record (SLTD records are dicts)."""
    if not record:
        return None
    if isinstance(record, dict):
        parts = [record.get("issuing_state"), record.get("document_type"), record.get("document_number")]
        label = "/".join(str(p) for p in parts if p)
        return label or str(record)
    return str(record)


__all__ = ["ExaminationViewModel", "ExaminationError"]


def _without_end(period) -> bool:
    """An unlimited period or the period of the activities: no last day to show (a period that
    cannot be read is not one: the panel shows a dash and the domain's refusal)."""
    from inspector_app.domain.periods import Period, PeriodError

    try:
        return bool(period) and Period.parse(period).kind in ("unlimited", "activities")
    except PeriodError:
        return False
