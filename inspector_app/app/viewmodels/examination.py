"""One traveller's examination: MRZ -> traveller -> checks -> capture -> decision -> save -> seal.

Holds the state the examination screen shows and nothing else; every rule is asked of the
domain through ``Backend`` and every slow step runs on a worker lane. ``next_traveller()``
drops all of it, so nothing of one traveller can leak onto the next one's screen.
"""
from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from inspector_app.app.backend import Backend, jsonable, traveller_from_mrz
from inspector_app.app.workers import Runner

LANDING = "landing_permission"
SEALED_TYPES = ("landing_permission", "special_landing_permission")
STATUS_TYPES = ("landing_permission", "special_landing_permission", "returning_resident")
PERIOD_TYPES = ("landing_permission", "special_landing_permission")
# extra fields each decision records (the domain validates them; these only name the boxes)
DETAIL_KEYS = {"special_landing_permission": ["decision_reference"], "returning_resident": ["reentry_permit_kind"]}
HIT_KINDS = ("sltd", "biographic", "face", "fingerprint")
# how screening's warnings name each list when it is not installed ("no SLTD list installed: ...")
UNSCREENED_WORDS = {"sltd": "sltd", "biographic": "biographic", "face": "biometric", "fingerprint": "biometric"}


class ExaminationViewModel(QObject):
    feedbackChanged = Signal(list)
    travellerChanged = Signal(dict)
    checksChanged = Signal(list)
    faceChanged = Signal(dict)          # {"state": ..., "verdict": ..., "reasons": [...], "image": QImage|None}
    previewFrame = Signal(object, dict)  # QImage, {"box":..., "passes":..., "reasons":[...]}
    fingersChanged = Signal(dict)
    exemptionChanged = Signal(str)
    decisionChanged = Signal(dict)       # options + selection + last day + problems
    saved = Signal(dict)
    busyChanged = Signal(str, bool)      # step, busy
    progress = Signal(str, int, str)     # step, percent, text
    error = Signal(str)
    warningsChanged = Signal(list)      # screening warnings (lists missing or stale)
    cleared = Signal()

    def __init__(self, backend: Backend, runner: Runner, inspector: str = "", parent=None):
        super().__init__(parent)
        self.backend, self.runner = backend, runner
        self.inspector = inspector
        self._generation = itertools.count(1)
        self._hit_poll = QTimer(self)
        self._hit_poll.setInterval(2000)
        self._hit_poll.timeout.connect(self.refresh_hits)
        self.camera = None
        self._reset_state()

    # ------------------------------------------------------------------ state
    def _reset_state(self) -> None:
        self.gen = next(self._generation)   # results of older travellers are dropped
        self.mrz: dict | None = None
        self.mrz_result = None
        self.examination_id: str | None = None
        self.traveller: dict = {}
        self.checks: list[dict] = []
        self.open_hits: list[dict] = []
        self.face: dict = {"state": "idle"}
        self.face_image = None
        self.face_template = None
        self.fingers: dict = {"state": "idle", "fingers": [], "exceptions": []}
        self.finger_templates: dict = {}
        self.exemption = ""
        self.decision: dict = {"type": LANDING, "status_code": "", "period": "",
                               "referral_reasons": [], "special_landing_details": "", "note": ""}
        self.saved_record: dict | None = None
        self.lists: dict = {}
        self.warnings: list[str] = []
        self._tasks = []

    def _run(self, step: str, fn, *args, lane="general", on_result=None, **kw):
        gen = self.gen

        def guarded(cb):
            def inner(value):
                if gen == self.gen and cb is not None:
                    cb(value)
            return inner

        def failed(message: str):
            if gen == self.gen:
                self.busyChanged.emit(step, False)
                self.error.emit(message)

        self.busyChanged.emit(step, True)

        def done(value):
            self.busyChanged.emit(step, False)
            if on_result:
                on_result(value)

        task = self.runner.start(step, fn, *args, lane=lane, on_result=guarded(done), on_error=failed,
                                 on_progress=lambda p, t: gen == self.gen and self.progress.emit(step, p, t),
                                 **kw)
        self._tasks.append(task)
        return task

    # ------------------------------------------------------------------ MRZ
    def feedback(self, text: str) -> list:
        """Per-line check-digit feedback while typing (pure domain call, microseconds)."""
        try:
            fb = jsonable(self.backend.live_feedback(text))
        except Exception as exc:  # noqa: BLE001 - typed text can be anything
            fb = [{"ok": False, "message": str(exc)}]
        self.feedbackChanged.emit(fb)
        return fb

    def submit_mrz(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.error.emit(self.tr("Scan the passport or type the MRZ first."))
            return
        if self.examination_id:
            self.error.emit(self.tr("Finish this traveller (Save or Next) before reading another document."))
            return
        self._run("document", lambda ctx: self.backend.parse_mrz(text), on_result=self._parsed)

    def _parsed(self, result) -> None:
        self.mrz_result = result
        self.mrz = jsonable(result)
        self.traveller = traveller_from_mrz(self.mrz)
        name, kind = self.backend.nationality_label(self.mrz.get("nationality") or "")
        self.traveller.update(nationality_name=name, nationality_kind=kind,
                              valid=self.mrz.get("valid"), expired=self.mrz.get("expired"),
                              format=self.mrz.get("format"), corrections=self.mrz.get("corrections", []))
        self.travellerChanged.emit(self.traveller)
        self._add_document_checks()
        if self.backend.is_under_16(getattr(result, "birth_date", None)):
            # The domain says the traveller is exempt; offer the reason, the inspector confirms.
            self.set_exemption("under_16")
        self._run("begin", lambda ctx: self.backend.begin_examination(self.mrz, self.inspector),
                  lane="store", on_result=self._begun)

    def _add_document_checks(self) -> None:
        m = self.mrz or {}
        checks = m.get("checks") or {}
        bad = [k for k, v in checks.items() if v is False or (isinstance(v, dict) and v.get("ok") is False)]
        self._set_check({
            "key": "document_validity", "kind": "document_validity",
            "outcome": "clear" if m.get("valid") else "error",
            "reasons": ([self.tr("all check digits valid")] if m.get("valid")
                        else [self.tr("check digit wrong: ") + ", ".join(bad or ["?"])])
                       + [str(c) for c in m.get("corrections") or []],
            "score": None,
        }, record=False)
        self._set_check({
            "key": "expiry", "kind": "expiry",
            "outcome": "error" if m.get("expired") else "clear",
            "reasons": [self.tr("expires ") + str(m.get("expiry_date"))],
            "score": None,
        }, record=False)

    def _begun(self, examination_id: str) -> None:
        self.examination_id = examination_id
        for check in self.checks:
            self._record(check)
        traveller = dict(self.traveller)
        self._run("screen_document", lambda ctx: self.backend.screen(traveller), lane="screening",
                  on_result=lambda r: self._screened(r, ("sltd", "biographic")))

    # ------------------------------------------------------------------ checks
    def _screened(self, result: dict, kinds: tuple) -> None:
        self.lists = result.get("lists") or {}
        self.warnings = sorted(set(self.warnings) | set(result.get("warnings") or []))
        self.warningsChanged.emit(list(self.warnings))
        hits = result.get("hits") or []
        warnings = result.get("warnings") or []
        for kind in kinds:
            mine = [h for h in hits if h.get("kind") == kind]
            unscreened = [w for w in warnings if UNSCREENED_WORDS[kind] in w.lower() and "not" in w.lower()]
            if not mine and unscreened:
                # the list is missing on this booth: say "not checked", never "no match"
                self._set_check({"key": kind, "kind": kind, "outcome": "error", "score": None,
                                 "reasons": [self.tr("NOT CHECKED: ") + "; ".join(unscreened)]})
            elif not mine:
                self._set_check({"key": kind, "kind": kind, "outcome": "clear", "score": None,
                                 "reasons": [self.tr("no match (list version %s)") % self.lists.get("version", "?")]})
            for n, hit in enumerate(mine):
                self._set_check({
                    "key": f"{kind}:{n}", "kind": kind, "outcome": "hit", "score": hit.get("score"),
                    "reasons": list(hit.get("reasons") or []), "list": hit.get("list"),
                    "record": hit.get("subject_id") or _record_label(hit.get("record")), "hit": hit,
                    "evidence": self._evidence_for(kind, hit),
                })

    def _evidence_for(self, kind: str, hit: dict) -> dict:
        watch = hit.get("evidence") or hit.get("image") or hit.get("image_path")
        if isinstance(watch, dict):
            watch = watch.get("image") or watch.get("path")
        live = None
        if kind == "face":
            live = self.face.get("evidence_path")
        elif kind == "fingerprint":
            live = self.fingers.get("evidence_path")
        return {"live": live, "watch": watch, "record": hit.get("record")}

    def _set_check(self, check: dict, record: bool = True) -> None:
        self.checks = [c for c in self.checks if c["key"] != check["key"]]
        if check["outcome"] != "hit" and ":" not in check["key"]:
            # a fresh "no match" replaces an older result of the same kind
            self.checks = [c for c in self.checks if c["kind"] != check["kind"] or c["outcome"] == "hit"]
        self.checks.append(check)
        self.checksChanged.emit(list(self.checks))
        if record and self.examination_id:
            self._record(check)

    def _record(self, check: dict) -> None:
        # "exempt" is a screen word: a lawful exemption is stored as a clear result of its kind
        outcome = "clear" if check["outcome"] == "exempt" else check["outcome"]
        exam, payload = self.examination_id, {
            "kind": check["kind"], "outcome": outcome, "score": check.get("score"),
            "reasons": check.get("reasons", []), "list": check.get("list"),
            "record": check.get("record"), "evidence": (check.get("evidence") or {}),
        }

        def stored(check_id):
            check["id"] = check_id
            if check["outcome"] == "hit":
                self.refresh_hits()
            self.checksChanged.emit(list(self.checks))

        self._run("record_check", lambda ctx: self.backend.record_check(exam, jsonable(payload)),
                  lane="store", on_result=stored)

    def refresh_hits(self) -> None:
        exam = self.examination_id
        if not exam:
            return
        self.runner.start("open_hits", lambda ctx: self.backend.open_hits(exam), lane="store",
                          on_result=lambda hits, g=self.gen: g == self.gen and self._hits(hits))

    def _hits(self, hits: list) -> None:
        self.open_hits = list(hits or [])
        open_ids = {h.get("check_result_id") or h.get("id") for h in self.open_hits}
        for check in self.checks:
            if check["outcome"] == "hit" and check.get("id"):
                check["review"] = None if check["id"] in open_ids else "cleared"
        if self.open_hits and not self._hit_poll.isActive():
            self._hit_poll.start()
        elif not self.open_hits:
            self._hit_poll.stop()
        self.checksChanged.emit(list(self.checks))
        self._emit_decision()

    # ------------------------------------------------------------------ face
    def start_camera(self, spec=None) -> None:
        if self.camera is not None:
            return
        from inspector_app.app.camera_bridge import CameraBridge

        spec = spec if spec is not None else self.backend.settings.get("devices.camera", 0)
        self.camera = CameraBridge(spec, self)
        self.camera.frame.connect(self.previewFrame)
        self.camera.captured.connect(self._face_captured)
        self.camera.failed.connect(self._camera_failed)
        self.face = {"state": "live", "reasons": []}
        self.faceChanged.emit(dict(self.face))
        self.camera.start(self.runner)

    def stop_camera(self) -> None:
        cam, self.camera = self.camera, None
        if cam is not None:
            cam.stop()

    def _camera_failed(self, message: str) -> None:
        self.stop_camera()
        self.face = {"state": "error", "reasons": [message]}
        self.faceChanged.emit(dict(self.face))
        self.error.emit(message)

    def capture_now(self) -> None:
        if self.camera is not None:
            self.camera.capture_now()

    def retake(self) -> None:
        self.face_image = self.face_template = None
        self.face = {"state": "idle"}
        self.faceChanged.emit(dict(self.face))
        self.stop_camera()
        self.start_camera()

    def _face_captured(self, shot: dict) -> None:
        """A frame that passed the quality gate (or the best one, forced): encode and screen it."""
        self.stop_camera()
        self.face_image = shot.get("qimage")
        self.face = {"state": "captured", "passes": shot.get("passes"), "reasons": shot.get("reasons", []),
                     "image": self.face_image}
        self.faceChanged.emit(dict(self.face))
        if not shot.get("passes"):
            self._set_check({"key": "face_quality", "kind": "face_quality", "outcome": "low_quality",
                             "score": None, "reasons": list(shot.get("reasons") or [])})
        frame = shot["image"]
        evidence_dir = self.backend.home / "evidence" / (self.examination_id or "pending")

        def encode(ctx):
            import cv2

            evidence_dir.mkdir(parents=True, exist_ok=True)
            path = evidence_dir / "face.jpg"
            cv2.imwrite(str(path), frame)
            from inspector_app.app.capture import face_template

            return {"template": face_template(frame), "path": str(path)}

        self._run("face_encode", encode, on_result=self._face_encoded)

    def _face_encoded(self, value: dict) -> None:
        self.face_template = value["template"]
        self.face["evidence_path"] = value["path"]
        self._screen_biometrics(("face",), face=self.face_template)

    def _screen_biometrics(self, kinds, face=None, fingers=None) -> None:
        traveller = dict(self.traveller)
        self._run("screen_" + "_".join(kinds), lambda ctx: self.backend.screen(traveller, face=face, fingers=fingers),
                  lane="screening", on_result=lambda r: self._screened(r, kinds))

    # ------------------------------------------------------------------ fingers
    def capture_fingers(self) -> None:
        ports = self.backend.settings.get("devices.sbi.port_range", [4501, 4600])
        self.fingers = {"state": "capturing", "fingers": [], "exceptions": []}
        self.fingersChanged.emit(dict(self.fingers))
        evidence_dir = self.backend.home / "evidence" / (self.examination_id or "pending")
        settings = self.backend.settings

        def work(ctx):
            from inspector_app.app.capture import capture_fingers

            return capture_fingers(ports, ctx.progress, evidence_dir=evidence_dir, settings=settings)

        self._run("fingers", work, lane="devices", on_result=self._fingers_captured)

    def _fingers_captured(self, value: dict) -> None:
        outcome = value["outcome"]
        self.finger_templates = value["templates"]
        self.fingers = {"state": "captured", "fingers": outcome.get("captured", []),
                        "exceptions": outcome.get("exceptions", []),
                        "evidence_path": value.get("evidence_path")}
        self.fingersChanged.emit(dict(self.fingers))
        for n, exc in enumerate(self.fingers["exceptions"]):
            self._set_check({"key": f"finger_exception:{n}", "kind": "finger_exception", "outcome": "exception",
                             "score": None, "reasons": [f"{exc.get('position')}: {exc.get('reason')}"]})
        if self.finger_templates:
            self._screen_biometrics(("fingerprint",), fingers=self.finger_templates)

    # ------------------------------------------------------------------ exemption
    def set_exemption(self, reason: str) -> None:
        self.exemption = reason or ""
        self.exemptionChanged.emit(self.exemption)
        if self.exemption:
            self.stop_camera()
            self._set_check({"key": "biometric_exemption", "kind": "biometric_exemption",
                             "outcome": "exempt", "score": None, "reasons": [self.exemption]},
                            record=bool(self.examination_id))
        else:
            self.checks = [c for c in self.checks if c["kind"] != "biometric_exemption"]
            self.checksChanged.emit(list(self.checks))

    # ------------------------------------------------------------------ decision
    def set_decision(self, **fields) -> None:
        changed_type = "type" in fields and fields["type"] != self.decision.get("type")
        self.decision.update(fields)
        if changed_type:
            if fields["type"] not in STATUS_TYPES:
                self.decision["status_code"] = ""
            self.decision["period"] = ""
        if "status_code" in fields or changed_type:
            periods = self._periods()
            if self.decision.get("period") not in periods:
                self.decision["period"] = periods[0] if periods else ""
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

    def decision_state(self) -> dict:
        d = dict(self.decision)
        needs_status = d["type"] in STATUS_TYPES
        if d["type"] == "returning_resident":
            statuses = self.backend.all_statuses()
        else:
            statuses = self.backend.grantable_statuses() if needs_status else []
        periods = self._periods()
        rule = self.backend.special_landing_rule(d["type"])
        detail_keys = rule["required"] if rule else DETAIL_KEYS.get(d["type"], [])
        last_day = None
        if d.get("period"):
            try:
                last_day = self.backend.last_day(self.backend.today(), d["period"])
            except (ValueError, KeyError):
                last_day = None
        fields = dict(d, landing_date=self.backend.today())
        problems = [] if self.mrz else [self.tr("Read the document first.")]
        problems += self.backend.validate_decision(fields, len(self.open_hits))
        if self.open_hits and d["type"] == LANDING and not any("hit" in p.lower() for p in problems):
            problems.append(self.tr("Open hit: a supervisor must clear it before landing permission."))
        return {
            "selection": d, "types": self.backend.decision_types(), "needs_status": needs_status,
            "needs_period": bool(periods) or d["type"] in PERIOD_TYPES, "detail_keys": detail_keys,
            "special_rule": rule, "saved": self.saved_record is not None,
            "statuses": statuses, "periods": periods, "landing_date": self.backend.today(),
            "last_day": last_day, "unlimited": bool(d.get("period")) and last_day is None,
            "problems": problems, "open_hits": len(self.open_hits),
            "can_save": not problems and bool(self.examination_id) and self.saved_record is None,
        }

    def _emit_decision(self) -> None:
        if self.saved_record is None and self.mrz is None:
            self.decisionChanged.emit(self.decision_state())
            return
        self.decisionChanged.emit(self.decision_state())

    def save(self) -> None:
        state = self.decision_state()
        if not state["can_save"]:
            self.error.emit("; ".join(state["problems"]) or self.tr("Nothing to save."))
            return
        fields = dict(self.decision, landing_date=self.backend.today())
        exam, inspector = self.examination_id, self.inspector
        self._run("save", lambda ctx: self.backend.save_decision(exam, fields, inspector), lane="store",
                  on_result=lambda record_id: self._saved(record_id, fields, state))

    def _saved(self, record_id: str, fields: dict, state: dict) -> None:
        self.saved_record = {"record_id": record_id, "decision": fields, "seal_path": None}
        if fields["type"] not in SEALED_TYPES:
            self.saved.emit(dict(self.saved_record))
            self._emit_decision()
            return
        content = self.seal_content(record_id, fields, state)
        path = self.backend.home / "seals" / f"{record_id}.pdf"
        home = self.backend.home

        def write(ctx):
            from inspector_app.app import compute, seal

            seal.sign(content, seal.booth_key(home))
            return compute.call("inspector_app.app.seal_render", "write_pdf_offscreen", str(path), content)

        def written(p):
            self.saved_record.update(seal_path=p, seal=content)
            self.saved.emit(dict(self.saved_record))
            self._emit_decision()

        self._run("seal", write, on_result=written)

    def seal_content(self, record_id: str, fields: dict, state: dict):
        from inspector_app.app.seal import SealContent

        code = fields.get("status_code") or ""
        # the seal names the status in English and Japanese (names from the domain catalogue)
        name = next((f"{s.name_en} {s.name_ja}" for s in state["statuses"] if s.code == code), code)
        return SealContent(
            record_id=record_id, examination_id=self.examination_id or "", port=self.backend.port,
            booth=self.backend.booth_id, landing_date=fields["landing_date"], status_code=code,
            status_name=name, period=fields.get("period") or "", last_day=state.get("last_day"),
            inspector=self.inspector,
        )

    # ------------------------------------------------------------------ next
    def next_traveller(self) -> None:
        for task in self._tasks:
            task.cancel()
        self.stop_camera()
        self._hit_poll.stop()
        self._reset_state()
        self.cleared.emit()
        self.feedbackChanged.emit([])
        self.travellerChanged.emit({})
        self.checksChanged.emit([])
        self.faceChanged.emit(dict(self.face))
        self.fingersChanged.emit(dict(self.fingers))
        self.exemptionChanged.emit("")
        self.warningsChanged.emit([])
        self._emit_decision()

    def landing_date(self) -> dt.date:
        return self.backend.today()

    def evidence_dir(self) -> Path:
        return self.backend.home / "evidence" / (self.examination_id or "pending")


def _record_label(record) -> str | None:
    """A short label for a list record (SLTD records are dicts)."""
    if not record:
        return None
    if isinstance(record, dict):
        parts = [record.get("issuing_state"), record.get("document_type"), record.get("document_number")]
        label = "/".join(str(p) for p in parts if p)
        return label or str(record)
    return str(record)
