"""What the window's view models ask of the booth, over one ``BoothContext``. Plain Python, no Qt.

The examination itself is ``booth.Examination``'s; this adds the choices the decision panel
offers (statuses, periods, special-landing rules from ``domain``), the supervisor's store calls
and the status bar's poll. Store methods run on the "store" lane (see ``workers.py``), never on
the UI thread.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from inspector_app.app.compute_entries import ChildProcessMatcher
from inspector_app.booth.context import BoothContext


@dataclasses.dataclass
class StatusChoice:
    code: str
    name_en: str
    name_ja: str


class Backend:
    """One booth's view of the packages. Create once per process; cheap until used."""

    def __init__(self, home: Path, key_provider=None, today: dt.date | None = None):
        self.home = Path(home)
        self.ctx = BoothContext(self.home, key_provider=key_provider, today=today,
                                matcher=ChildProcessMatcher(self.home, today))
        self.settings = self.ctx.settings

    @property
    def booth_id(self) -> str:
        return self.ctx.booth_id

    @property
    def port(self) -> str:
        return self.ctx.port

    @property
    def lock_after_s(self) -> int:
        return self.ctx.lock_after_s

    def today(self) -> dt.date:
        return self.ctx.today()

    # ---- domain (pure, any thread) -------------------------------------------------------
    def live_feedback(self, text: str) -> list:
        from inspector_app.domain import mrz

        return mrz.live_feedback(text)

    def nationality_label(self, code: str) -> tuple[str, str]:
        """(display name, kind) so the UI can say "region" for Taiwan or Palestine."""
        from inspector_app.domain import nationality

        return nationality.display_name(code), nationality.kind_of(code)

    def decision_types(self, direction: str = "arrival") -> list[str]:
        """The decisions an arrivals or a departures booth offers."""
        from inspector_app.domain import decisions

        kinds = decisions.DEPARTURE_TYPES if direction == "departure" else decisions.ARRIVAL_TYPES
        return [t.value for t in kinds]

    def grantable_statuses(self) -> list[StatusChoice]:
        from inspector_app.domain import statuses

        return [StatusChoice(s.code, s.name_en, s.name_ja) for s in statuses.grantable_statuses()]

    def all_statuses(self) -> list[StatusChoice]:
        """Every status (a returning resident keeps whichever one they hold)."""
        from inspector_app.domain import statuses

        return [StatusChoice(s.code, s.name_en, s.name_ja) for s in statuses.CATALOGUE]

    def special_landing_rule(self, decision_type: str) -> dict | None:
        """For crew, transit, port-of-call, ... landings: the details to record and the longest period."""
        from inspector_app.domain import decisions

        try:
            rule = decisions.SPECIAL_LANDINGS.get(decisions.DecisionType(decision_type))
        except ValueError:
            return None
        if rule is None:
            return None
        return {"required": list(rule.required), "maximum": str(rule.maximum), "article": rule.article,
                "label": rule.label}

    def allowed_periods(self, status_code: str) -> list[str]:
        from inspector_app.domain import statuses

        return [str(p) for p in statuses.find(status_code).allowed_periods()]

    def last_day(self, landing: dt.date, period: str) -> dt.date | None:
        from inspector_app.domain import periods

        return periods.last_day(landing, periods.Period.parse(period))

    def ends_at(self, period: str) -> dt.datetime | None:
        """When a period in hours granted now ends, at the port's clock (the seal's hour)."""
        from zoneinfo import ZoneInfo

        from inspector_app.booth.seal import PORT_ZONE
        from inspector_app.domain import periods

        end = periods.ends_at(self.ctx.now(), periods.Period.parse(period))
        return end.astimezone(ZoneInfo(PORT_ZONE)) if end else None

    def exemption_reasons(self) -> list[str]:
        from inspector_app.domain import exemptions

        return [r.value for r in exemptions.ExemptionReason]

    def overridable(self, code: str) -> bool:
        from inspector_app.domain import rules

        return code in rules.RULES and rules.RULES[code].overridable

    # ---- store (store lane only) ---------------------------------------------------------
    def store(self):
        return self.ctx.store()

    def close(self) -> None:
        self.ctx.close()

    def login(self, user: str, password: str) -> dict | None:
        return self.ctx.login(user, password)

    def logout(self) -> None:
        self.ctx.logout()

    def review_queue(self) -> list[dict]:
        return self.store().review_queue()

    def examination(self, examination_id: str) -> dict:
        return self.store().examination(examination_id)

    def add_review(self, check_result_id: str, reviewer: str, verdict: str, reason: str) -> str:
        return self.ctx.add_review(check_result_id, reviewer, verdict, reason)

    def outbox_count(self) -> int:
        return self.store().outbox_count()

    # ---- supervisor (store lane; the port's queue on the general lane: it waits on the hub) ------
    def supervisor_items(self, which: str, reviewer: str) -> list[dict]:
        """This booth's rows for the supervisor: ``open`` (not yet reviewed) or ``mine`` (reviewed
        by ``reviewer``); see ``Store.supervisor_items``."""
        return self.store().supervisor_items(which, reviewer)

    def review_detail(self, examination_id: str) -> dict:
        """One examination as the supervisor judges it: ``Store.examination`` plus ``people``
        (display names by user id, for who examined and who reviewed) and, on each check result,
        ``live`` (paths of the live captures that are its evidence)."""
        store = self.store()
        exam = store.examination(examination_id)
        exam["people"] = store.display_names()
        checks = exam.get("check_results") or []
        captures = {"face": [c for c in checks if c.get("kind") == "face_capture"],
                    "chip": [c for c in checks if c.get("kind") == "face_capture"],
                    "fingerprint": [c for c in checks if c.get("kind") == "finger_capture"]}
        for c in checks:
            own = (c.get("evidence") or {}).get("live")
            found = [own] if own else [(x.get("evidence") or {}).get("live") for x in captures.get(c.get("kind"), [])]
            c["live"] = [str(p) for p in found if p]
        return exam

    def port_items(self, reviewer: str) -> dict:
        """The supervisor's rows for every booth of the port: ``{"items", "problem"}``.

        This booth's open rows come from its own store (newest truth); the hub's port queue adds
        the other booths' flagged records, one row per examination (``remote``: reviewed at the
        hub, the booth holds none of their data), built from the hub's summaries: the payloads
        come when the supervisor opens a row (``port_examination``). ``problem`` is None, or why
        the hub's queue could not be read (``BoothContext.port_queue``); then the rows are this
        booth's only.
        """
        from inspector_app.booth.context import PortQueueUnavailable

        local = self.supervisor_items("open", reviewer)
        try:
            hub = self.ctx.port_queue(reviewer)
        except PortQueueUnavailable as exc:
            return {"items": local, "problem": exc.reason}
        known = {row["examination_id"] for row in local}
        store = self.store()
        remote: dict[tuple, dict] = {}
        for item in hub:
            summary = item.get("summary") if isinstance(item.get("summary"), dict) else {}
            exam_id = str(summary.get("examination_id") or item.get("record_id") or "")
            if item.get("booth_id") == self.booth_id and (exam_id in known or _known(store, exam_id)):
                continue  # this booth's own record: its store has it, reviews included
            row = remote.setdefault((item.get("booth_id"), exam_id), {
                "examination_id": exam_id, "remote": True, "booth": item.get("booth_id"),
                "port": item.get("port"), "inspector": item.get("inspector"),
                "started_at": item.get("created_at"), "traveller": {}, "pending": [], "flagged": [],
                "open_hits": 0, "decision": None, "reviews": []})
            flag_kind, _, flag_outcome = str((item.get("flags") or ["?:hit"])[0]).partition(":")
            check = {"check_result_id": item.get("record_id"), "kind": summary.get("kind") or flag_kind,
                     "outcome": summary.get("outcome") or flag_outcome or "hit", "reviews": [], "live": []}
            row["pending"].append(check)
            row["flagged"].append(check)
            row["open_hits"] += check["outcome"] == "hit"
            if str(item.get("created_at") or "") < str(row["started_at"] or ""):
                row["started_at"] = item.get("created_at")
        return {"items": local + list(remote.values()), "problem": None}

    def port_examination(self, reviewer: str, row: dict) -> dict:
        """Another booth's examination (a ``remote`` row of ``port_items``) as the supervisor
        judges it: each flagged check with its record's payload, read from the hub now (general
        lane: it waits on the network). A check the hub no longer holds keeps its summary.
        Raises ``PortQueueUnavailable`` when the hub cannot be read."""
        flagged = row.get("flagged") or []
        items = self.ctx.port_queue_items(reviewer, str(row.get("booth")),
                                          [str(c.get("check_result_id")) for c in flagged])
        checks = []
        for check in flagged:
            payload = (items.get(str(check.get("check_result_id"))) or {}).get("payload")
            checks.append({**(payload if isinstance(payload, dict) else {}), **check})
        return {"examination_id": row.get("examination_id"), "remote": True, "booth": row.get("booth"),
                "port": row.get("port"), "inspector": row.get("inspector"), "started_at": row.get("started_at"),
                "traveller": {}, "decisions": [], "check_results": checks, "people": {}}

    def add_port_review(self, booth_id: str, check_result_id: str, examination_id: str, reviewer: str,
                        verdict: str, reason: str) -> str:
        """A review of another booth's flagged record, through the hub (general lane: it waits
        on the network). ``BoothContext.port_review``."""
        return self.ctx.port_review(booth_id, check_result_id, examination_id, reviewer, verdict, reason)

    def evidence_images(self, check: dict) -> dict:
        """The pictures beside a flagged check result, as bytes (general lane: file reads):
        ``live`` (the captures at the booth) and ``enrolment`` (the watchlist's own image)."""
        live = []
        for path in check.get("live") or []:
            try:
                live.append(Path(path).read_bytes())
            except OSError:
                continue
        return {"live": live, "enrolment": self.enrolment_image(check)}

    def enrolment_image(self, check: dict) -> bytes | None:
        """The watchlist's enrolment image (JPEG bytes) beside a face or fingerprint hit, or None.

        The examination copied it from the signed list's bundle into its evidence when the hit
        was made (``evidence["watch"]``, booth.examination), so it is the image the inspector saw
        and it outlives the list version that carried it."""
        evidence = check.get("evidence") or {}
        path = evidence.get("watch") or evidence.get("chip")   # a chip's check: the photo the chip holds
        if not path:
            return None
        try:
            return Path(path).read_bytes()
        except OSError:
            return None

    # ---- pre-arrival manifests (store lane) -------------------------------------------------
    def manifests(self) -> list[dict]:
        return self.store().manifests()

    def manifest(self, manifest_id: str) -> dict:
        return self.store().manifest(manifest_id)

    def import_manifest(self, path: Path | str, actor: str) -> dict:
        """A PAXLST file chosen by the supervisor (a USB stick at a seaport booth), imported as the
        watched folder does: ``{"file", "state": imported | duplicate | refused, "manifest_id",
        "result", "detail"}``; a refusal names the segment and position, and nothing is stored."""
        from inspector_app.screening import paxlst, pre_arrival

        name = Path(path).name
        try:
            done = pre_arrival.import_file(self.home, self.store(), Path(path).read_bytes(), actor=actor)
        except (paxlst.PaxlstError, OSError) as exc:
            return {"file": name, "state": "refused", "manifest_id": None, "result": None, "detail": str(exc)}
        return {"file": name, "state": "duplicate" if done.duplicate else "imported", "manifest_id": done.manifest_id,
                "result": done.result, "detail": ""}

    # ---- status bar (store lane) ---------------------------------------------------------
    def status_snapshot(self) -> dict:
        """Records queued, last sync, online, list age: one cheap poll for the status bar."""
        out: dict = {}
        try:
            out["queued"] = self.outbox_count()
        except Exception as exc:  # noqa: BLE001 - the bar shows what it can
            out["queued_error"] = str(exc)
        try:
            out.update(self.ctx.sync_status())
        except Exception:  # noqa: BLE001 - sync not configured: the bar says "offline"
            out.update(online=False)
        return out

    def start_sync(self):
        """The background sync worker (push outbox, pull lists/users), if this booth has a hub."""
        worker = self.ctx.sync_worker()
        return worker.start() if worker is not None else None

    def start_manifest_watch(self):
        """The background import of the booth's watched manifest folder, if it has one."""
        watcher = self.ctx.manifest_watcher()
        return watcher.start() if watcher is not None else None

    def list_info(self) -> dict:
        """Version, age and staleness of the booth's screening lists (screening lane)."""
        from inspector_app.screening import liststate

        limit = float(self.settings.get("screening.max_list_age_hours", liststate.DEFAULT_MAX_AGE_HOURS))
        return liststate.status(liststate.current(self.home), limit)[0]


def _known(store, examination_id: str) -> bool:
    from inspector_app.store import UnknownRecord

    try:
        store.examination(examination_id)
    except UnknownRecord:
        return False
    return True

