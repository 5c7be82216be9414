"""One traveller's examination, from the document to the saved decision. No Qt.

The window's view model holds one ``Examination`` and turns its change notices into signals;
``inspector-app exam`` and the tests drive the same object. Every step is a blocking call (the
window runs each on a worker lane); each records what it found in the store as it goes, so the
rules the store applies when the decision is saved judge what was really recorded.

Change notices: ``subscribe(fn)``; ``fn(part)`` is called with a ``Part`` after that part of the
state changed, on the thread that made the change.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import threading
from collections.abc import Callable
from pathlib import Path

from inspector_app.booth.context import DIRECTION, FLAG_NOT_ON_MANIFEST, BoothContext
from inspector_app.common.canonical import normalise
from inspector_app.domain import decisions, exemptions, mrz, residence, rules
from inspector_app.domain.checks import FACE_POSITION, CheckKind, Outcome
from inspector_app.domain.decisions import Finding
from inspector_app.domain.messages import msg

#: Decisions that print a seal (landings) or a slip (departure confirmation).
SEALED = tuple(decisions.SEAL_TITLES)
LISTS_OF_DOCUMENT = ("sltd", "biographic")



class Part(enum.Enum):
    document = "document"
    landing = "landing"
    checks = "checks"
    face = "face"
    fingers = "fingers"
    exemption = "exemption"
    chip = "chip"
    saved = "saved"
    cleared = "cleared"


class ExaminationError(ValueError):
    """Input the examination cannot use, with a message for the inspector."""


@dataclasses.dataclass
class SaveResult:
    saved: bool
    record_id: str | None = None
    refused: list[Finding] = dataclasses.field(default_factory=list)
    flags: list[Finding] = dataclasses.field(default_factory=list)
    decision: dict | None = None
    seal: object | None = None          # booth.seal.SealContent, signed, for sealed decisions

    def to_dict(self) -> dict:
        return {"saved": self.saved, "record_id": self.record_id,
                "refused": [f.to_dict() for f in self.refused], "flags": [f.to_dict() for f in self.flags]}


def traveller_of(result: mrz.MrzResult) -> dict:
    """The traveller fields screening and the store need, from a parsed MRZ."""
    def iso(d):
        return d.isoformat() if d else None

    return {"surname": result.surname, "given_names": result.given_names, "birth_date": iso(result.birth_date),
            "sex": result.sex, "nationality": result.nationality, "issuing_state": result.issuing_state,
            "document_number": result.document_number, "document_code": result.document_code,
            "expiry_date": iso(result.expiry_date), "document_type": (result.document_code or "P")[:1]}


class Examination:
    """One traveller at one booth, examined by one signed-in user."""

    def __init__(self, ctx: BoothContext, user: dict, direction: str | None = None):
        if not user or "inspector" not in (user.get("roles") or []):
            raise ExaminationError(msg("only a signed-in inspector can examine travellers"))
        self.ctx, self.user = ctx, user
        self.direction = _direction(direction or ctx.setting(DIRECTION) or "arrival")
        self._listeners: list[Callable[[Part], None]] = []
        self._lock = threading.RLock()
        self._reset()

    # ---- state -----------------------------------------------------------------------------
    def _reset(self) -> None:
        self.document: mrz.MrzResult | None = None
        self.traveller: dict = {}
        self.examination_id: str | None = None
        self.examination_date: dt.date = self.ctx.today()
        self.checks: list[dict] = []          # as recorded, each with its check_result_id
        self.face: dict = {"state": "idle"}
        self.face_template = None
        self.chip: dict = {"state": "idle"}   # the chip read: state, photo (evidence path), read, face checks
        self._chip_photo: bytes | None = None  # DG2's image as the chip gave it, until compared
        self.fingers: dict = {"state": "idle", "captured": [], "exceptions": []}
        self.finger_templates: dict = {}
        self.exemption: dict | None = None
        self.landing: dict = {"state": "idle"}   # departures: the landing record found (or not)
        self.encounter_search: dict | None = None   # the last search of earlier encounters (templates, where)
        self.saved: SaveResult | None = None
        self.warnings: list[str] = []

    def subscribe(self, fn: Callable[[Part], None]) -> None:
        self._listeners.append(fn)

    def _changed(self, part: Part) -> None:
        for fn in list(self._listeners):
            fn(part)

    def next_traveller(self) -> None:
        """Drop everything of this traveller (what was saved stays in the store)."""
        with self._lock:
            self._reset()
        self._changed(Part.cleared)

    def set_direction(self, direction: str) -> None:
        """Arrivals or departures: between travellers only (an examination keeps the direction it
        was opened with)."""
        direction = _direction(direction)
        with self._lock:
            if self.examination_id and self.saved is None:
                raise ExaminationError(msg("finish this traveller (save or next traveller) before changing "
                                           "between arrivals and departures"))
            self.direction = direction
        self._changed(Part.cleared)

    @property
    def inspector(self) -> str:
        return str(self.user["user"])

    def open_hits(self) -> list[dict]:
        return [c for c in self.checks if c["outcome"] == Outcome.hit.value and c.get("open", True)]

    # ---- the document ----------------------------------------------------------------------
    def read_document(self, text: str) -> mrz.MrzResult:
        """Parse the MRZ, open the examination record and record the document's own checks."""
        text = (text or "").strip()
        if not text:
            raise ExaminationError(msg("scan the passport or type the MRZ first"))
        if self.examination_id and self.saved is None:
            raise ExaminationError(msg("finish this traveller (save or next traveller) before reading another document"))
        try:
            result = mrz.parse_mrz(text, today=self.examination_date)
        except mrz.NotAnMrz as exc:
            raise ExaminationError(msg("this is not a machine readable zone: {problem}",
                                       problem=exc.args[0] if exc.args else str(exc))) from None
        traveller = traveller_of(result)
        exam_id = self.ctx.store().create_examination({
            "traveller": traveller, "mrz": normalise(result.to_dict()), "examination_date": self.examination_date.isoformat(),
            "booth": self.ctx.booth_id, "port": self.ctx.port, "inspector": self.inspector,
            "direction": self.direction,
        })
        with self._lock:
            self._reset()
            self.document, self.traveller, self.examination_id = result, traveller, exam_id
        self._changed(Part.document)
        self._record(_document_check(result, self.examination_date))
        if self.direction == "departure":
            return result   # no biometrics are taken on departure, so no exemption to claim
        pre_arrival = self._pre_arrival_check(traveller)
        if pre_arrival is not None:
            self._record(pre_arrival)
        found = exemptions.exemption_for(birth_date=result.birth_date, examination_date=self.examination_date)
        if found is not None and found.reason is exemptions.ExemptionReason.under_16:
            self.set_exemption(found.reason.value)   # shown to the inspector, who may withdraw it
        return result

    def _pre_arrival_check(self, traveller: dict) -> dict | None:
        """What the imported API manifests said of this traveller. A flag goes to the supervisor
        and never blocks the landing (the booth's own screening decides that); not being on any
        manifest is flagged only where the booth's policy says so (``screening.flag_not_on_manifest``),
        and is not recorded at all at a booth that holds no manifest and has no such policy (it
        would say nothing about the traveller)."""
        found = self.ctx.store().pre_arrival(traveller.get("document_number") or "", traveller.get("nationality") or "",
                                             on=self.examination_date)
        state, manifest = found["state"], found["manifest"]
        policy = bool(self.ctx.setting(FLAG_NOT_ON_MANIFEST))
        if state == "not_on_manifest" and not found["manifests_held"] and not policy:
            return None
        flight = (manifest or {}).get("flight") or ""
        if state == "flagged":
            reasons = [msg("flagged before arrival on the manifest of {flight}", flight=flight), *found["reasons"]]
        elif state == "clean":
            reasons = [msg("screened clean before arrival on the manifest of {flight}", flight=flight)]
        elif state == "not_checked":
            reasons = [msg("on the manifest of {flight} but not screened before arrival", flight=flight),
                       *found["reasons"]]
        else:
            reasons = [msg("not on any pre-arrival manifest imported at this booth")]
        flag = state == "flagged" or (state == "not_on_manifest" and policy)
        return {"kind": CheckKind.pre_arrival.value, "outcome": Outcome.flag.value if flag else Outcome.clear.value,
                "state": state, "hits": found["hits"], "reasons": reasons,
                "manifest": {k: manifest.get(k) for k in ("manifest_id", "flight", "scheduled_arrival", "kind")}
                if manifest else None}

    def _need_examination(self) -> str:
        if not self.examination_id:
            raise ExaminationError(msg("read the document first"))
        if self.final:
            raise ExaminationError(msg("this examination is saved: start the next traveller"))
        return self.examination_id

    @property
    def final(self) -> bool:
        """A final decision is saved. A referral is not final: the examination stays open for the
        decision that follows it (special landing permission needs that referral, rules.py)."""
        return self.saved is not None and decisions.DecisionType(self.saved.decision["type"]) not in rules.NOT_FINAL

    # ---- departures: the landing this traveller ends --------------------------------------
    def look_up_landing(self, timeout_s: float = 3.0) -> dict:
        """Find the traveller's landing record (this booth, then the hub when online) and record
        what was found, or where it was looked for; the rules judge the stay from that record.
        A Japanese national has no landing record to look for."""
        self._need_examination()
        if self.direction != "departure" or self.traveller.get("nationality") == "JPN":
            return dict(self.landing)
        with self._lock:
            self.landing = {"state": "searching"}
        self._changed(Part.landing)
        found = self.ctx.find_landing(self.inspector, self.traveller.get("document_number") or "",
                                      self.traveller.get("nationality") or "", timeout_s=timeout_s)
        record = normalise(found.record) if found.record else None
        searched = {"booth": msg("found in this booth's records"), "hub": msg("found at the hub"),
                    "none": msg("no landing record found")}.get(found.source, found.source)
        reasons = [searched] + ([found.note] if found.note else [])
        self._record({"kind": CheckKind.landing_record.value, "outcome": Outcome.clear.value if record else Outcome.error.value,
                      "record": record, "source": found.source, "reasons": reasons})
        with self._lock:
            self.landing = {"state": "found" if record else "not_found", "record": record, "source": found.source,
                            "reasons": reasons}
        self._changed(Part.landing)
        return dict(self.landing)

    def stay(self, fields: dict | None = None):
        """The stay this departure ends, as the rules will judge it (``domain.departure.Stay``)."""
        facts = rules.Facts(examination_date=self.examination_date, landing_record=self.landing.get("record"))
        return rules.leaving_stay(facts, self.decision_of(fields or {"type": "departure_confirmation"}))

    def _ship_check(self, vessel: str) -> dict:
        found = self.ctx.designated_ship(vessel)
        entry = found.entry or {}
        words = {"designated": msg("designated by the Commissioner"), "not_designated": msg("not a designated cruise ship"),
                 "not_in_force": msg("its designation is not in force today"),
                 "list_not_installed": msg("the designated ship list is not installed")}.get(found.state, found.state)
        return {"kind": CheckKind.designated_ship.value, "vessel": vessel, "state": found.state,
                "outcome": Outcome.clear.value if found.state == "designated" else Outcome.error.value,
                "entry": normalise(entry) if entry else None, "list_version": found.list_version,
                "reasons": [msg("{vessel}: {state}", vessel=vessel, state=words)]}

    def check_vessel(self, vessel: str) -> dict:
        """Look the cruise ship up in the designated list and record what it says (the window does
        this when the inspector has named the ship; saving does it for a ship not yet looked up)."""
        self._need_examination()
        if not str(vessel or "").strip():
            raise ExaminationError(msg("name the cruise ship (name or IMO number) first"))
        return self._record(self._ship_check(str(vessel).strip()))

    def _vessel(self, fields: dict) -> str | None:
        """The cruise ship of a cruise-ship landing not yet looked up in this examination."""
        if fields.get("type") != decisions.DecisionType.cruise_ship_landing.value:
            return None
        vessel = str((fields.get("details") or {}).get("vessel") or "").strip()
        if not vessel:
            return None
        done = {rules.vessel_key(c.get("vessel")) for c in self.checks if c.get("kind") == CheckKind.designated_ship.value}
        return None if rules.vessel_key(vessel) in done else vessel

    # ---- check results ---------------------------------------------------------------------
    def _record(self, check: dict) -> dict:
        exam = self._need_examination()
        messages = list(check.get("reasons") or [])
        check = normalise(check)   # the store keeps the English text of each reason
        check["check_result_id"] = self.ctx.store().add_check_result(exam, check)
        check["reasons"] = messages  # the screen keeps the messages (domain.messages), to translate
        with self._lock:
            self.checks.append(check)
        self._changed(Part.checks)
        return check

    def screen_document(self) -> list[dict]:
        """The document against the SLTD list and the traveller against the biographic watchlist."""
        self._need_examination()
        return self._screen(LISTS_OF_DOCUMENT)

    def _screen(self, lists: tuple[str, ...], face=None, fingers=None) -> list[dict]:
        from inspector_app.screening.screen import ScreeningError

        try:
            result = self.ctx.matcher.screen(dict(self.traveller), face=face, fingers=fingers)
        except ScreeningError as exc:
            return [self._record({"kind": name, "outcome": Outcome.error.value, "reasons": [str(exc)],
                                  "coverage": {"state": "error", "reason": "screening_error"}}) for name in lists]
        with self._lock:
            self.warnings = sorted(set(self.warnings) | set(result.warnings))
        recorded = []
        for name in lists:
            coverage = result.coverage[name]
            hits = [h for h in result.hits if h.kind == name]
            for hit in hits:
                check = {"kind": name, "outcome": Outcome.hit.value, "score": hit.score, "reasons": list(hit.reasons),
                         "list": hit.list, "subject_id": hit.subject_id, "record": hit.record,
                         "coverage": coverage.to_dict(), "open": True}
                if hit.native is not None:
                    check["native"] = dict(hit.native)
                if hit.position is not None:
                    check["position"] = hit.position
                evidence = self._hit_evidence(name, hit)
                if evidence:
                    check["evidence"] = evidence
                recorded.append(self._record(check))
            if not hits:
                checked = coverage.state.value == "no_match"
                recorded.append(self._record({
                    "kind": name, "outcome": Outcome.clear.value if checked else Outcome.error.value,
                    "reasons": [], "coverage": coverage.to_dict(), "list_version": result.lists.get("version")}))
        return recorded

    def _hit_evidence(self, kind: str, hit) -> dict:
        """What a person judges a biometric hit by: ``live``, this traveller's capture, and
        ``watch``, the watchlist's enrolment image of the same face or finger (a JPEG copied from
        the signed list into this examination's evidence, so it outlives the list version)."""
        evidence = {}
        if kind == "face" and self.face.get("evidence_path"):
            evidence["live"] = self.face["evidence_path"]
        elif kind == "fingerprint":
            captured = self.fingers.get("captured") or []
            live = next((f for f in captured if f["position"] == hit.position), captured[0] if captured else None)
            if live is not None:
                evidence["live"] = live["evidence_path"]
        if hit.enrolment_image and self.examination_id:
            n = sum(1 for c in self.checks if c.get("kind") == kind and c.get("outcome") == Outcome.hit.value)
            path = self._evidence_dir(self.examination_id) / f"watchlist-{kind}-{n + 1}.jpg"
            path.write_bytes(hit.enrolment_image)
            evidence["watch"] = str(path)
        return evidence

    def refresh_hits(self) -> int:
        """Re-read which hits a supervisor has cleared; returns how many are still open."""
        if not self.examination_id:
            return 0
        still_open = {h["check_result_id"] for h in self.ctx.store().open_hits(self.examination_id)}
        with self._lock:
            for c in self.checks:
                if c["outcome"] == Outcome.hit.value:
                    c["open"] = c["check_result_id"] in still_open
        self._changed(Part.checks)
        return len(still_open)

    # ---- face ------------------------------------------------------------------------------
    def add_face(self, image_bgr, passes: bool, reasons: list[str] | tuple = (), provenance: dict | None = None) -> dict:
        """A captured face (the camera's auto-capture, a photo file, or a bio-cart capture, which
        ``provenance`` names in the check result): evidence, template, 1:N."""
        exam = self._need_examination()
        import cv2

        evidence = self._evidence_dir(exam) / "face.jpg"
        cv2.imwrite(str(evidence), image_bgr)
        with self._lock:
            self.face = {"state": "encoding", "passes": passes, "reasons": list(reasons), "evidence_path": str(evidence)}
        self._changed(Part.face)
        from inspector_app.biometrics.face import FaceError

        try:
            template = self.ctx.matcher.encode_face(image_bgr)
        except FaceError as exc:
            with self._lock:
                self.face = {"state": "error", "reasons": [str(exc)]}
            self._changed(Part.face)
            raise ExaminationError(msg("no usable face in the capture: {problem}", problem=str(exc))) from None
        with self._lock:
            self.face_template = template
            self.face = dict(self.face, state="captured")
        self._changed(Part.face)
        self._record({"kind": CheckKind.face_capture.value,
                      "outcome": Outcome.clear.value if passes else Outcome.low_quality.value,
                      "reasons": list(reasons), "evidence": {"live": str(evidence)}, **(provenance or {})})
        screened = self._screen(("face",), face=template)
        compared = self.compare_chip_face() if self.chip.get("state") == "read" else None
        return {"screened": screened, "encounters": self.search_encounters(), "chip_face": compared}

    # ---- the passport's chip ---------------------------------------------------------------
    def read_chip(self, progress: Callable[[int, str], None] = lambda p, t: None, can: str | None = None) -> dict:
        """Read the passport's chip with the booth's reader (``BoothContext.chip_reader``), opened
        with the MRZ read (or the CAN typed), and record what it says (``booth.chip.read_check``):
        DG1 against the printed MRZ, passive authentication, the clone check; a chip not read is
        recorded with why. The chip's photo is compared with the live face when there is one (now,
        or when the face is captured). Blocking: seconds."""
        from inspector_app.booth import chip as chip_check
        from inspector_app.chip.reading import ChipRead

        exam = self._need_examination()
        document = self.document
        with self._lock:
            self.chip = {"state": "reading"}
            self._chip_photo = None
        self._changed(Part.chip)
        progress(0, msg("reading the passport's chip"))
        result = self.ctx.chip_reader().read(chip_check.mrz_information(document), can,
                                             lambda text, fraction: progress(int(100 * max(0.0, min(1.0, fraction))), text))
        check = chip_check.read_check(result, document)
        photo = None
        if isinstance(result, ChipRead) and result.face_image:
            photo = self._chip_photo_file(exam, result.face_image)
            if photo:
                check["evidence"] = {"chip": photo}
        recorded = self._record(check)
        with self._lock:
            self.chip = {"state": check["state"], "photo": photo, "read": recorded, "face": None}
            self._chip_photo = result.face_image if isinstance(result, ChipRead) else None
        self._changed(Part.chip)
        progress(100, msg("chip read"))
        if check["state"] == "read" and self.face_template is not None:
            self.compare_chip_face()
        return recorded

    def _chip_photo_file(self, exam: str, image: bytes) -> str | None:
        """The chip's photo as a JPEG in the examination's evidence (JPEG 2000 converted, so every
        screen can show it); None when the bytes are no image."""
        import cv2
        import numpy as np

        decoded = cv2.imdecode(np.frombuffer(image, np.uint8), cv2.IMREAD_COLOR)
        if decoded is None:
            return None
        path = self._evidence_dir(exam) / "chip-face.jpg"
        cv2.imwrite(str(path), decoded)
        return str(path)

    def compare_chip_face(self) -> dict | None:
        """The chip's photo (DG2) against the live face, 1:1 with the booth's face matcher and its
        threshold, on the one similarity scale (``biometrics.similarity``); recorded as the chip's
        ``face`` check. None when there is no chip read or no live face yet."""
        from inspector_app.biometrics import face, similarity
        from inspector_app.booth import chip as chip_check

        self._need_examination()
        with self._lock:   # the read and the face capture finish on two threads: compare once per pair
            live, image, photo = self.face_template, self._chip_photo, self.chip.get("photo")
            if self.chip.get("state") != "read" or live is None or self.chip.get("compared_with") is live:
                return None
            self.chip = dict(self.chip, compared_with=live)
        evidence = {k: v for k, v in (("live", self.face.get("evidence_path")), ("chip", photo)) if v}
        template, problem = None, ""
        if not image or not photo:
            problem = msg("the chip holds no photo that can be shown")
        else:
            import cv2

            try:
                template = self.ctx.matcher.encode_face(cv2.imread(photo))
            except face.FaceError as exc:
                problem = msg("no face found in the chip's photo: {problem}", problem=str(exc))
        if template is None:
            check = chip_check.face_check(None, similarity.HIT_AT, {}, evidence, problem)
        else:
            distance = face.distance(live, template)
            check = chip_check.face_check(similarity.face_similarity(distance), similarity.HIT_AT,
                                          {"distance": round(distance, 6), "threshold": face.THRESHOLD}, evidence)
        recorded = self._record(check)
        with self._lock:
            self.chip = dict(self.chip, face=recorded)
        self._changed(Part.chip)
        return recorded

    def retake_face(self) -> None:
        """The inspector takes the face again: the next capture replaces this one on screen (what
        was recorded stays in the record, as every capture does)."""
        self._need_examination()
        with self._lock:
            self.face = {"state": "idle"}
            self.face_template = None
        self._changed(Part.face)

    def add_face_file(self, path: Path | str) -> dict:
        """A face from a photo file (``exam --face``): the same quality gate as the camera."""
        import cv2

        from inspector_app.biometrics import face_quality
        from inspector_app.devices import config

        image = cv2.imread(str(path))
        if image is None:
            raise ExaminationError(msg("cannot read the photo {path}", path=str(path)))
        quality = face_quality.assess(image[:, :, ::-1].copy(), limits=config.face_limits(self.ctx.settings))
        return self.add_face(image, quality.passes, quality.reasons)

    # ---- fingers ---------------------------------------------------------------------------
    def capture_fingers(self, progress: Callable[[int, str], None] = lambda p, t: None,
                        only: list[str] | None = None) -> dict:
        """Both index fingers (or the fallbacks) from the configured SBI scanner, then 1:N.
        ``only``: just these of the policy's fingers (what a bio-cart capture left below the
        threshold, ``use_biocart``); the fingers already captured stay."""
        self._need_examination()
        for position in only or ():
            _check_position(position)
        from inspector_app.biometrics import fingerprint
        from inspector_app.devices import capture_policy, sbi

        try:
            client = self.ctx.sbi_client()
        except ValueError as exc:  # a devices.sbi.* trust file that cannot be read
            raise ExaminationError(msg("the fingerprint scanner cannot be used: {problem}", problem=str(exc))) from None
        with self._lock:
            kept = list(self.fingers.get("captured") or []) if only else []
            self.fingers = {"state": "capturing", "captured": kept, "exceptions": []}
        self._changed(Part.fingers)
        devices, refused = self._discover_scanner(client, progress)
        if not devices:
            limit = self._discovery_timeout()
            why = (msg("the fingerprint scanner on port {port} was refused, nothing recorded: {problem}",
                       port=refused[0].port, problem=refused[0].refused_reason) if refused else
                   msg("no fingerprint scanner answered within {seconds} seconds: check that it is plugged in "
                       "and that its service is running, then capture again (F8)", seconds=f"{limit:g}"))
            with self._lock:
                self.fingers = {"state": "error", "captured": kept, "exceptions": [], "reasons": [why]}
            self._changed(Part.fingers)
            raise ExaminationError(why)
        device = devices[0]
        policy = self.ctx.finger_policy()
        if only:
            policy.targets = list(only)
        scanner = _ReportingScanner(capture_policy.SbiScanner(client, device), progress, len(policy.targets))
        try:
            outcome = policy.run(scanner, fingerprint.quality)
        except sbi.SbiIntegrityError as exc:
            with self._lock:
                self.fingers = {"state": "error", "captured": kept, "exceptions": [], "reasons": [str(exc)]}
            self._changed(Part.fingers)
            raise ExaminationError(msg("the fingerprint scanner on port {port} was refused, nothing recorded: {problem}",
                                       port=device.port, problem=str(exc))) from None
        images = {c.finger: (capture_policy.decode_gray(c.image), c.our_quality, c.our_quality >= policy.threshold,
                             {"stands_for": c.stands_for, "device_quality": c.device_quality, "attempts": c.attempts,
                              "device_serial": device.serial_no, "device_trust": device.signature})
                  for c in outcome.captured}
        progress(80, msg("making fingerprint templates"))
        exceptions = {e.finger: msg("{reason} ({detail})", reason=capture_policy.reason_words(e.reason), detail=e.detail)
                      if e.detail else capture_policy.reason_words(e.reason) for e in outcome.exceptions}
        result = self._add_fingers(images, exceptions, keep_others=bool(only))
        progress(100, msg("fingerprints captured"))
        return result

    def _discovery_timeout(self) -> float:
        from inspector_app.devices import config

        return float(config.get(self.ctx.settings, "devices.sbi.discovery_timeout_s"))

    def _discover_scanner(self, client, progress) -> tuple[list, list]:
        """Look for a trusted scanner until one answers or ``devices.sbi.discovery_timeout_s``
        passes (a scanner's service still starting, or a busy machine, answers a later round);
        progress says what is happening and for how long, never a silent bar."""
        import time

        limit = self._discovery_timeout()
        start = time.monotonic()
        while True:
            waited = time.monotonic() - start
            progress(min(15, 2 + int(13 * waited / max(limit, 0.1))),
                     msg("looking for the fingerprint scanner") if waited < 1 else
                     msg("looking for the fingerprint scanner: none answered yet ({waited} of {limit} seconds)",
                         waited=f"{waited:.0f}", limit=f"{limit:g}"))
            devices, refused = client.discover_trusted(type="Finger")
            if devices or refused or time.monotonic() - start >= limit:
                return devices, refused
            time.sleep(min(0.5, max(0.0, limit - (time.monotonic() - start))))

    def add_finger_files(self, files: dict[str, Path | str], exceptions: dict[str, str] | None = None) -> dict:
        """Fingers from image files (``exam --finger POSITION=IMG``), scored by the same quality
        function and threshold as live captures."""
        self._need_examination()
        from inspector_app.biometrics import fingerprint

        threshold = self.ctx.finger_policy().threshold
        images = {}
        for position, path in files.items():
            _check_position(position)
            try:
                image = fingerprint.load_image(Path(path))
            except (OSError, ValueError) as exc:
                raise ExaminationError(msg("cannot read the fingerprint image {path}: {problem}", path=str(path), problem=str(exc))) from None
            q = int(fingerprint.quality(image))
            images[position] = (image, q, q >= threshold, {})
        return self._add_fingers(images, dict(exceptions or {}))

    def _add_fingers(self, images: dict, exceptions: dict[str, str], provenance: dict | None = None,
                     keep_others: bool = False) -> dict:
        """``provenance`` goes into each finger's check result; ``keep_others`` keeps the fingers
        captured before (a re-capture of only some)."""
        import cv2

        exam = self._need_examination()
        templates, captured = {}, []
        for position, (image, quality, passes, extra) in images.items():
            templates[position] = self.ctx.matcher.extract_finger(image)
            evidence = self._evidence_dir(exam) / (position.replace(" ", "_") + ".png")
            cv2.imwrite(str(evidence), image)
            captured.append({"position": position, "quality": quality, "passes": passes,
                             "evidence_path": str(evidence), **extra})
            self._record({"kind": CheckKind.finger_capture.value, "position": position, "score": float(quality),
                          "outcome": Outcome.clear.value if passes else Outcome.low_quality.value,
                          "reasons": [] if passes else [msg("quality {quality} below the threshold", quality=quality)],
                          "evidence": {"live": str(evidence)}, **(provenance or {})})
        for position, reason in exceptions.items():
            self.record_exception(position, reason)
        with self._lock:
            self.finger_templates.update(templates)
            if keep_others:
                captured = [f for f in self.fingers.get("captured") or [] if f["position"] not in templates] + captured
            self.fingers = {"state": "captured", "captured": captured,
                            "exceptions": [{"position": p, "reason": r} for p, r in exceptions.items()]}
        self._changed(Part.fingers)
        screened = self._screen(("fingerprint",), fingers=dict(self.finger_templates)) if templates else []
        return {"captured": captured, "screened": screened, "encounters": self.search_encounters() if templates else []}

    # ---- earlier encounters ----------------------------------------------------------------
    def search_encounters(self, timeout_s: float = 5.0) -> list[dict]:
        """This traveller's face and fingers against earlier encounters (the hub's, and this
        booth's copy of its port's): another identity is a hit (fingers) or a flag (face alone)
        with the earlier encounter's date, port, document and decision; the same identity links
        the encounters (travel history). Run after each capture with everything captured so far;
        an encounter already recorded by an earlier search is not recorded twice."""
        from inspector_app.biometrics import gallery
        from inspector_app.booth.context import FLAG_NEW_DOCUMENT
        from inspector_app.domain.encounters import identity_of
        from inspector_app.screening import encounters

        exam = self._need_examination()
        face, fingers = self.face_template, dict(self.finger_templates)
        if face is None and not fingers:
            return []
        found = self.ctx.search_encounters(self.inspector, exam, face, fingers, timeout_s=timeout_s)
        with self._lock:
            self.encounter_search = {"templates": gallery.encode(face, fingers), "source": found.source,
                                     "authorisation": found.authorisation}
        checks = encounters.check_results(identity_of(self.traveller), found.matches, found.source,
                                          bool(self.ctx.setting(FLAG_NEW_DOCUMENT)),
                                          already=encounters.recorded(self.checks))
        if found.note and not any(c["outcome"] != Outcome.clear.value for c in checks):
            linked = next((c for c in checks if c.get("linked")), None)
            if linked is not None:
                linked["reasons"].append(found.note)
            elif not any(c.get("kind") == CheckKind.encounter.value for c in self.checks):
                checks.append({"kind": CheckKind.encounter.value, "outcome": Outcome.clear.value, "source": found.source,
                               "reasons": [msg("no earlier encounter found"), found.note]})
        elif found.note:
            for c in checks:
                c["reasons"].append(found.note)
        live = self.face.get("evidence_path")
        for c in checks:
            if live and c["outcome"] != Outcome.clear.value:
                c["evidence"] = {"live": live}
        return [self._record(c) for c in checks]

    # ---- bio-cart --------------------------------------------------------------------------
    def use_biocart(self, timeout_s: float | None = None) -> dict:
        """The face and fingers this passport's traveller gave at the bio-cart while queueing
        (``booth.biocart_pickup``), after ``read_document`` at an arrival. What passes the booth's
        own quality gate and threshold is added as if captured here, with the station and the
        capture's age in each check result; ``recapture`` lists the policy's fingers still to
        take (``capture_fingers(only=...)``) and ``recapture_face`` whether the face is. No
        station, no answer or no capture is not an error: ``state`` and ``reasons`` say which."""
        from inspector_app.booth import biocart_pickup

        self._need_examination()
        policy = self.ctx.finger_policy()
        nothing = {"state": "none", "reasons": [], "recapture": list(policy.targets), "recapture_face": True,
                   "face": None, "fingers": []}
        if self.direction != "arrival":
            return dict(nothing, reasons=[msg("bio-cart captures are for arrivals")])
        now = self.ctx.now()
        pickup = biocart_pickup.fetch(self.ctx.home, self.ctx.settings, self.ctx.booth_id,
                                      self.traveller.get("document_number") or "", self.traveller.get("nationality") or "",
                                      now, timeout_s)
        if pickup.capture is None:
            return dict(nothing, state=pickup.state, reasons=[pickup.reason])
        import cv2
        import numpy as np

        from inspector_app.biocart import capture
        from inspector_app.biometrics import face_quality, fingerprint
        from inspector_app.devices import config

        got, body = pickup.capture, pickup.capture.body
        age_s = max(0, int((now - got.captured_at).total_seconds()))
        provenance = {"source": "biocart", "station": got.station, "capture_id": body.get("capture_id"),
                      "captured_at": body.get("captured_at"), "age_s": age_s}
        result = dict(nothing, state="retrieved", reasons=[pickup.reason], station=got.station, age_s=age_s,
                      captured_at=body.get("captured_at"))
        if capture.FACE in got.blobs:
            image = cv2.imdecode(np.frombuffer(got.blobs[capture.FACE], np.uint8), cv2.IMREAD_COLOR)
            quality = face_quality.assess(image[:, :, ::-1].copy(), limits=config.face_limits(self.ctx.settings))
            result["face"] = {"quality": round(float(quality.score), 1), "passes": quality.passes,
                              "reasons": list(quality.reasons)}
            if quality.passes:
                try:
                    self.add_face(image, True, quality.reasons, provenance)
                    result["recapture_face"] = False
                except ExaminationError as exc:   # no face to encode after all: the booth's camera takes it
                    result["face"] = dict(result["face"], passes=False, reasons=[str(exc)])
        images = {}
        for item in body.get("fingers") or []:
            position, target = str(item.get("position")), str(item.get("stands_for") or item.get("position"))
            if target not in policy.targets or position not in policy.candidates(target):
                continue   # a finger this booth's policy does not take
            image = cv2.imdecode(np.frombuffer(got.blobs.get(capture.finger_image(position), b""), np.uint8),
                                 cv2.IMREAD_GRAYSCALE)
            if image is None:
                continue
            q = int(fingerprint.quality(image))
            passes = q >= policy.threshold
            result["fingers"].append({"position": position, "stands_for": target, "quality": q, "passes": passes})
            if passes:
                images[position] = (image, q, True, {"stands_for": target, "source": "biocart"})
        covered = {images[p][3]["stands_for"] for p in images}
        result["recapture"] = [t for t in policy.targets if t not in covered]
        if images:
            self._add_fingers(images, {}, provenance)
        return result

    def record_exception(self, position: str, reason: str) -> dict:
        """A finger (SBI position) or the face (``Face``) that cannot be captured, with why."""
        if position != FACE_POSITION:
            _check_position(position)
        if not (reason or "").strip():
            raise ExaminationError(msg("a biometric exception for the {finger} needs a reason", finger=rules.finger_name(position)))
        return self._record({"kind": CheckKind.biometric_exception.value, "outcome": Outcome.exception.value,
                             "position": position, "reasons": [msg("{finger}: {reason}", finger=rules.finger_name(position), reason=reason.strip())]})

    # ---- exemption -------------------------------------------------------------------------
    def set_exemption(self, ground: str | None, evidence: str = "") -> dict | None:
        """Claim (or with None withdraw) an exemption from biometrics. Whether it fits the traveller
        and the decision is judged by the rules when the decision is saved."""
        self._need_examination()
        if ground:
            try:
                reason = exemptions.ExemptionReason(ground)
            except ValueError:
                known = ", ".join(r.value for r in exemptions.ExemptionReason)
                raise ExaminationError(msg("unknown exemption {ground}; one of: {known}", ground=repr(ground), known=known)) from None
            claimed = exemptions.claimed(reason, birth_date=self.document.birth_date if self.document else None,
                                         examination_date=self.examination_date, evidence=evidence)
            record = {"ground": reason.value, "evidence": evidence.strip(), "detail": claimed.detail}
        else:
            record = None
        self._record({"kind": CheckKind.biometric_exemption.value, "outcome": Outcome.clear.value,
                      "ground": record["ground"] if record else None, "evidence": record["evidence"] if record else "",
                      "reasons": [record["detail"]] if record else [msg("exemption withdrawn")]})
        with self._lock:
            self.exemption = record
        self._changed(Part.exemption)
        return record

    # ---- the decision ----------------------------------------------------------------------
    def decision_of(self, fields: dict) -> decisions.Decision:
        """A domain Decision from the decision panel's or the command line's fields; the hour of
        landing (or departure) is the booth clock's."""
        period = fields.get("period") or None
        details = {k: v for k, v in (fields.get("details") or {}).items() if str(v or "").strip()}
        if "residence_card_number" in details:   # recorded as the card prints it, however it was typed
            details["residence_card_number"] = residence.normalise_card_number(details["residence_card_number"])
        return decisions.Decision(
            type=fields.get("type") or "", status_code=fields.get("status_code") or None, period=period,
            landing_date=self.examination_date, referral_reasons=[r for r in fields.get("referral_reasons") or [] if r],
            details=details or None, note=fields.get("note") or "", landed_at=self.ctx.now())

    def detail_fields(self, fields: dict) -> list[decisions.DetailField]:
        """The details the chosen decision records (the window builds its fields from these)."""
        return decisions.detail_fields(self.decision_of(fields))

    def evaluate(self, fields: dict, overrides: dict[str, str] | None = None) -> rules.Evaluation:
        """What saving ``fields`` would refuse and flag now (the store's own rules, read-only).
        A cruise ship not yet looked up is looked up here and counted as if recorded (saving
        records it)."""
        if not self.examination_id:
            return rules.Evaluation(refused=[rules.finding("document.not_read")])
        vessel = self._vessel(fields)
        pending = [self._ship_check(vessel)] if vessel else []
        return self.ctx.store().evaluate_decision(self.examination_id, self.decision_of(fields).to_dict(),
                                                  overrides or {}, pending=pending)

    def save(self, fields: dict, overrides: dict[str, str] | None = None) -> SaveResult:
        """Record the decision: the store judges it by every rule inside the saving transaction."""
        from inspector_app.store import DecisionRejected

        exam = self._need_examination()
        vessel = self._vessel(fields)
        if vessel:
            self.check_vessel(vessel)
        decision = self.decision_of(fields)
        try:
            record_id = self.ctx.store().record_decision(exam, decision.to_dict(), self.inspector, overrides or {})
        except DecisionRejected as exc:
            return SaveResult(False, refused=list(exc.findings))
        self._keep_encounter()
        stored = self.ctx.store().decision(record_id)
        flags = [Finding(f["rule"], f["message"]) for f in stored["decision"].get("flags", [])]
        result = SaveResult(True, record_id, flags=flags, decision=stored["decision"])
        if decisions.DecisionType(decision.type) in SEALED:
            result.seal = self._seal(record_id, decision)
        with self._lock:
            self.saved = result
        self._changed(Part.saved)
        return result

    def _keep_encounter(self) -> None:
        """This examination's templates become an encounter for the next traveller's searches
        (here and, once synced, at the hub); a hub search that could not run is kept to run at
        the next sync with the inspector's signature."""
        search = self.encounter_search
        if not search or not self.examination_id:
            return
        self.ctx.store().record_encounter(self.examination_id, search["templates"], self.inspector,
                                          authorisation=search["authorisation"], hub_searched=search["source"] == "hub")

    def _seal(self, record_id: str, decision: decisions.Decision):
        from inspector_app.booth import seal

        content = seal.content_of(decision, record_id=record_id, examination_id=self.examination_id or "",
                                  port=self.ctx.port, booth=self.ctx.booth_id, inspector=self.inspector)
        return seal.sign(content, seal.booth_key(self.ctx.home))

    def _evidence_dir(self, exam: str) -> Path:
        d = self.ctx.home / "evidence" / exam
        d.mkdir(parents=True, exist_ok=True)
        return d


class _ReportingScanner:
    """The capture policy's scanner, saying which finger it asks for before each capture."""

    def __init__(self, scanner, progress, targets: int):
        self.scanner, self.progress, self.targets = scanner, progress, max(1, targets)
        self.asked: list[str] = []

    def capture(self, finger: str, previous_hash: str):
        self.asked.append(finger)
        tries = self.asked.count(finger)
        done = len(dict.fromkeys(self.asked)) - 1
        pct = 20 + min(55, int(55 * done / self.targets))
        finger_said = rules.finger_name(finger)
        self.progress(pct, msg("place the {finger} on the scanner (try {tries})", finger=finger_said, tries=str(tries))
                      if tries > 1 else msg("place the {finger} on the scanner", finger=finger_said))
        return self.scanner.capture(finger, previous_hash)


def _direction(direction: str) -> str:
    if direction not in decisions.DIRECTIONS:
        raise ExaminationError(msg("a booth serves arrivals or departures, not {direction}", direction=repr(direction)))
    return direction


def _check_position(position: str) -> None:
    from inspector_app.devices.capture_policy import ALL_FINGERS

    if position not in ALL_FINGERS:
        raise ExaminationError(msg("unknown finger position {position}; one of: {known}", position=repr(position),
                                   known=", ".join(ALL_FINGERS)))


def _document_check(result: mrz.MrzResult, on: dt.date) -> dict:
    """The document's own check result: the rule codes that fail (``rules.document_findings``, as
    the store will judge them) and their messages for the inspector."""
    found = rules.document_findings(rules.Facts(examination_date=on, **rules.document_facts(result)))
    ok = [msg("check digits valid; expires {date}", date=result.expiry_date.isoformat())] if not found else []
    return {"kind": CheckKind.document.value, "outcome": Outcome.error.value if found else Outcome.clear.value,
            "rules": [f.rule for f in found], "reasons": [f.message for f in found] or ok,
            "corrections": normalise(result.corrections or [])}
