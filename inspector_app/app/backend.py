"""The one place the Qt application meets the other packages. Plain Python, no Qt.

Every method is a thin adaptation of a contract in docs/CONTRACTS.md: statuses, periods,
validation and exemptions come from ``inspector_app.domain``; hits from ``screening``; durable
writes from ``store``. View models call the store methods on the "store" lane and the screening
methods on the "screening" lane (see ``workers.py``), never on the UI thread.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from pathlib import Path
from typing import Any

from inspector_app.settings import Settings

# Booth settings read here (documented per CONTRACTS.md "each package documents its keys").
BOOTH_ID_KEY = "booth.id"            # e.g. "NRT-T1-B07"
PORT_KEY = "booth.port"              # e.g. "Narita Airport"
LOCK_AFTER_KEY = "app.lock_after_s"  # inactivity before the session locks
CAMERA_KEY = "devices.camera"        # camera spec for devices.camera.open_camera
HUB_URL_KEY = "sync.hub_url"
LIST_MAX_AGE_KEY = "screening.max_age_hours"


def jsonable(value: Any) -> Any:
    """Dataclasses, enums and dates into JSON-ready values (for the store and the seal)."""
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return jsonable(value.to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if hasattr(value, "tolist"):  # numpy arrays
        return value.tolist()
    return value


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclasses.dataclass
class StatusChoice:
    code: str
    name_en: str
    name_ja: str


class Backend:
    """One booth's view of the packages. Create once per process; cheap until used."""

    def __init__(self, home: Path, key_provider=None, today: dt.date | None = None):
        self.home = Path(home)
        self.settings = Settings.load(self.home)
        self._key_provider = key_provider
        self._store = None
        self._screener = None
        self._today = today

    # ---- booth ---------------------------------------------------------------------------
    @property
    def booth_id(self) -> str:
        return str(self.settings.get(BOOTH_ID_KEY, "BOOTH-01"))

    @property
    def port(self) -> str:
        return str(self.settings.get(PORT_KEY, "Narita Airport"))

    @property
    def lock_after_s(self) -> int:
        return int(self.settings.get(LOCK_AFTER_KEY, 300))

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # ---- domain (pure, any thread) -------------------------------------------------------
    def parse_mrz(self, text: str):
        from inspector_app.domain import mrz

        return mrz.parse_mrz(text, today=self.today())

    def live_feedback(self, text: str) -> list:
        from inspector_app.domain import mrz

        return mrz.live_feedback(text)

    def nationality_label(self, code: str) -> tuple[str, str]:
        """(display name, kind) so the UI can say "region" for Taiwan or Palestine."""
        from inspector_app.domain import nationality

        return nationality.display_name(code), nationality.kind_of(code)

    def decision_types(self) -> list[str]:
        from inspector_app.domain import decisions

        return [t.value for t in decisions.DecisionType]

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

    def exemption_reasons(self) -> list[str]:
        from inspector_app.domain import exemptions

        return [r.value for r in exemptions.ExemptionReason]

    def is_under_16(self, birth: dt.date | None) -> bool:
        from inspector_app.domain import exemptions

        return birth is not None and exemptions.is_under_16(birth, self.today())

    def build_decision(self, fields: dict):
        """Turn the decision panel's fields into a domain Decision (the domain validates it)."""
        from inspector_app.domain import decisions, periods

        period = fields.get("period")
        return decisions.Decision(
            type=decisions.DecisionType(fields["type"]),
            status_code=fields.get("status_code") or None,
            period=periods.Period.parse(period) if period else None,
            landing_date=fields.get("landing_date") or self.today(),
            referral_reasons=list(fields.get("referral_reasons") or []),
            special_landing_details=fields.get("special_landing_details") or None,
            note=fields.get("note", ""),
        )

    def validate_decision(self, fields: dict, open_hits: int) -> list[str]:
        from inspector_app.domain import decisions

        try:
            decision = self.build_decision(fields)
        except (ValueError, KeyError) as exc:
            return [str(exc)]
        return list(decisions.validate(decision, open_hits))

    # ---- store (store lane only) ---------------------------------------------------------
    def store(self):
        if self._store is None:
            from inspector_app import store as store_pkg

            self._store = store_pkg.open_store(self.home, self._key_provider)
        return self._store

    def close(self) -> None:
        store, self._store = self._store, None
        if store is not None and hasattr(store, "close"):
            store.close()

    def login(self, user: str, password: str) -> dict | None:
        return self.store().check_login(user, password)

    def begin_examination(self, mrz: dict, inspector: str) -> str:
        traveller = traveller_from_mrz(mrz)
        return self.store().create_examination({
            "traveller": traveller,
            "mrz": mrz,
            "booth": self.booth_id,
            "port": self.port,
            "inspector": inspector,
            "started_at": utc_now(),
        })

    def record_check(self, examination_id: str, result: dict) -> str:
        return self.store().add_check_result(examination_id, result)

    def open_hits(self, examination_id: str) -> list[dict]:
        return self.store().open_hits(examination_id)

    def save_decision(self, examination_id: str, fields: dict, inspector: str) -> str:
        from inspector_app.domain import decisions

        decision = self.build_decision(fields)
        return self.store().record_decision(
            examination_id, jsonable(decision), inspector,
            validator=lambda _d, open_hits: decisions.validate(decision, open_hits))

    def review_queue(self) -> list[dict]:
        return self.store().review_queue()

    def examination(self, examination_id: str) -> dict:
        return self.store().examination(examination_id)

    def add_review(self, check_result_id: str, reviewer: str, verdict: str, reason: str) -> str:
        return self.store().add_review(check_result_id, reviewer, verdict, reason)

    def outbox_count(self) -> int:
        return self.store().outbox_count()

    # ---- screening (screening lane only) -------------------------------------------------
    def screener(self):
        if self._screener is None:
            from inspector_app.screening import screen

            self._screener = screen.Screener(self.home)
        return self._screener

    def screen(self, traveller: dict, face=None, fingers=None) -> dict:
        """Screen in the compute process: 1:N fingerprint matching is Python/numpy work that
        held the GIL long enough to stall the UI thread (see benchmarks/ui_stall.py)."""
        from inspector_app.app import compute

        return compute.call("inspector_app.app.backend", "screen_in_worker", str(self.home), traveller, face, fingers)

    # ---- status bar (store lane) ---------------------------------------------------------
    def status_snapshot(self) -> dict:
        """Records queued, last sync, online, list age: one cheap poll for the status bar."""
        out: dict = {}
        try:
            out["queued"] = self.outbox_count()
        except Exception as exc:  # noqa: BLE001 - the bar shows what it can
            out["queued_error"] = str(exc)
        try:
            out.update(self.sync_status())
        except Exception:  # noqa: BLE001 - sync not configured: the bar says "offline"
            out.update(online=False)
        return out

    def sync_status(self) -> dict:
        from inspector_app.sync.client import status_of

        st = status_of(self.home, self.store())
        return {"online": st.online, "last_sync": st.last_success, "queued": st.queued,
                "sync_error": st.last_error}

    def start_sync(self):
        """The background sync worker (push outbox, pull lists/users), if this booth has a hub."""
        from inspector_app.sync.client import SyncClient
        from inspector_app.sync.config import SyncConfig, SyncConfigError
        from inspector_app.sync.worker import SyncWorker

        try:
            cfg = SyncConfig.load(self.home)
        except SyncConfigError:
            return None  # an offline booth: the status bar says "Offline"
        if not cfg.hub_url:
            return None
        client = SyncClient(self.home, self.store(), cfg.hub_url, cfg.credential, batch_size=cfg.batch_size,
                            timeout=cfg.timeout_s, ca_file=cfg.ca_file)
        return SyncWorker(client, interval=cfg.interval_s).start()

    def list_info(self) -> dict:
        """Version, age and staleness of the booth's screening lists (screening lane)."""
        lists, _warnings = self.screener().lists_status()
        return jsonable(lists)


def traveller_from_mrz(mrz: dict) -> dict:
    """The traveller fields screening and the store need, from an MRZ dict."""
    keys = ("surname", "given_names", "birth_date", "sex", "nationality", "issuing_state",
            "document_number", "document_code", "expiry_date")
    out = {k: jsonable(mrz.get(k)) for k in keys}
    # screening looks documents up by issuing state + document type + number
    out["document_type"] = (mrz.get("document_code") or "P")[:1]
    return out



_SCREENERS: dict = {}


def screen_in_worker(home: str, traveller: dict, face=None, fingers=None) -> dict:
    """Runs in the compute process; keeps one Screener per booth home and list directory."""
    from inspector_app.screening import liststate, screen

    state = liststate.current(Path(home))
    key = (home, str(state.directory) if state else None)
    scr = _SCREENERS.get(key)
    if scr is None:
        _SCREENERS.clear()
        scr = _SCREENERS[key] = screen.Screener(Path(home))
    result = scr.screen(traveller, face=face, fingers=fingers)
    return {
        "hits": [jsonable(h) for h in result.hits],
        "lists": jsonable(result.lists),
        "warnings": list(getattr(result, "warnings", []) or []),
    }
