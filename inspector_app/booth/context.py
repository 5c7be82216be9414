"""The one wiring from a booth's settings to the objects an examination needs.

The window, the command line, the demo and the tests all get their store, screener, devices and
sync worker from ``BoothContext``, so a setting means the same thing everywhere (the window used
to build its fingerprint client by hand, without the trusted device certificate the command
line used). The settings keys are listed in docs/ARCHITECTURE.md.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from pathlib import Path

from inspector_app.booth.matcher import InProcessMatcher, Matcher
from inspector_app.booth.port_queue import PortQueue
from inspector_app.domain.messages import msg
from inspector_app.screening import ships
from inspector_app.settings import Settings

#: Booth settings read here; the packages' own keys are in their modules (devices.config, ...).
BOOTH_ID = "booth.id"
PORT = "booth.port"
LOCK_AFTER = "app.lock_after_s"
LANGUAGE = "app.language"
DIRECTION = "booth.direction"   # "arrival" or "departure": which examinations the booth opens
FLAG_NOT_ON_MANIFEST = "screening.flag_not_on_manifest"   # an arrival on no imported API manifest goes to the supervisor
FLAG_NEW_DOCUMENT = "screening.encounter_flag_new_document"  # a renewed passport of the same person goes to the supervisor
CHIP_READER = "devices.chip.reader"   # the passport chip reader (PC/SC reader name); null: this booth has none
DEFAULTS = {BOOTH_ID: "BOOTH-01", PORT: "Narita Airport", LOCK_AFTER: 300, LANGUAGE: "en", DIRECTION: "arrival",
            FLAG_NOT_ON_MANIFEST: False, FLAG_NEW_DOCUMENT: False, CHIP_READER: None}


class PortQueueUnavailable(RuntimeError):
    """The port's queue could not be read from the hub; ``reason`` says why in one word
    (``no_hub``, ``no_key``, ``unreachable``, ``refused``) for the screen to put in words."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason, self.detail = reason, detail


@dataclasses.dataclass(frozen=True)
class EncounterSearch:
    """Earlier encounters matching an examination's templates: ``matches`` (encounter fields, ``by``
    and scores), ``source`` (``hub``: every port's; ``booth``: this booth's copy of its port's),
    ``authorisation`` (the inspector's signature, kept for a deferred hub search; None without an
    unlocked key) and ``note``: why the hub was not searched, if it was not."""
    matches: list
    source: str
    authorisation: dict | None
    note: str = ""


@dataclasses.dataclass(frozen=True)
class LandingLookup:
    """A departing traveller's landing record (``store.find_landings``' item shape) or None, where
    it was found (``booth``, ``hub``, ``none``: then the MRZ alone), and what was searched."""
    record: dict | None
    source: str
    note: str


#: What a look-up searched when the hub could not be asked, by ``PortQueueUnavailable.reason``.
ONLY_THIS_BOOTH = {
    "no_hub": msg("no hub configured: only this booth's records searched"),
    "no_key": msg("the inspector's key is not unlocked: only this booth's records searched"),
    "unreachable": msg("hub unreachable: only this booth's records searched"),
    "refused": msg("the hub refused the search: only this booth's records searched"),
}


#: What an encounter search searched when the hub could not be asked.
ONLY_THIS_BOOTH_ENCOUNTERS = {
    "no_hub": msg("no hub configured: only this booth's copy of the port's encounters searched"),
    "no_key": msg("the inspector's key is not unlocked: only this booth's copy of the port's encounters searched"),
    "unreachable": msg("hub unreachable: only this booth's copy of the port's encounters searched; "
                       "the hub is searched when it is back"),
    "refused": msg("the hub refused the search: only this booth's copy of the port's encounters searched"),
}


def _recent(client, user: str, key, cursor: int) -> tuple[list[dict], int]:
    """The port's encounters the booth has not copied yet, and the cursor after them (one page:
    the next search brings the next)."""
    rows = client.recent_encounters(user, key, cursor)
    return rows, max([cursor, *(int(r.get("seq") or 0) for r in rows)])


class BoothContext:
    """One booth's objects, made lazily and once. Thread-safe: worker lanes share it."""

    def __init__(self, home: Path | str, key_provider=None, today: dt.date | None = None,
                 matcher: Matcher | None = None, chip_reader=None):
        self.home = Path(home)
        self.settings = Settings.load(self.home)
        self._key_provider = key_provider
        self._today = today
        self._lock = threading.RLock()
        self._store = None
        self._signing_keys: dict = {}  # the signed-in user's key, for this session only
        self._port_queues: dict[str, PortQueue] = {}  # the signed-in supervisor's copy of the port's queue
        self._encounters = None   # screening.encounters.LocalEncounters, made at the first search
        self.matcher: Matcher = matcher or InProcessMatcher(self.home, today=today)
        self._chip_reader = chip_reader   # chip.reading.ChipReader given by a test or the demo

    # ---- facts of the booth ------------------------------------------------------------------
    def setting(self, key: str):
        return self.settings.get(key, DEFAULTS[key])

    @property
    def booth_id(self) -> str:
        return str(self.setting(BOOTH_ID))

    @property
    def port(self) -> str:
        return str(self.setting(PORT))

    @property
    def lock_after_s(self) -> int:
        return int(self.setting(LOCK_AFTER))

    def today(self) -> dt.date:
        """The examination date (fixed in tests and by ``exam --date``)."""
        return self._today or dt.date.today()

    def designated_ship(self, vessel: str) -> ships.ShipLookup:
        """Is ``vessel`` (IMO number or name) a cruise ship designated by the Commissioner of the
        ISA on the examination date, by the booth's lists in force."""
        return ships.lookup(self.home, vessel, self.today())

    # ---- objects ---------------------------------------------------------------------------
    def store(self):
        with self._lock:
            if self._store is None:
                from inspector_app.store import open_store

                self._store = open_store(self.home, self._key_provider)
            return self._store

    def now(self) -> dt.datetime:
        """The examination clock (UTC): now, or the fixed examination date at the current time of
        day. Device certificates are checked for validity on it."""
        now = dt.datetime.now(dt.UTC)
        return now if self._today is None else dt.datetime.combine(self._today, now.timetz())

    def sbi_client(self, **overrides):
        """The fingerprint scanner's client with the booth's device trust (``devices.sbi.provider_ca``,
        ``.trusted_cert``, ``.allow_self_asserted``, ``.device_id``), dated on :meth:`now`."""
        from inspector_app.devices import config

        return config.sbi_client(self.settings, clock=self.now, **overrides)

    def finger_policy(self):
        from inspector_app.devices.capture_policy import FingerCapturePolicy

        return FingerCapturePolicy.from_settings(self.settings)

    def camera(self, **overrides):
        """The camera of ``devices.camera.source`` (not started)."""
        from inspector_app.devices import config

        return config.camera(self.settings, **overrides)

    def chip_reader(self):
        """The passport chip reader (``chip.reading.ChipReader``): the one given to the context, else
        the reader of ``devices.chip.reader``; a booth with none gets a reader that says so, so a
        chip check is recorded as not made rather than skipped."""
        from inspector_app.booth.chip import NoReader

        if self._chip_reader is not None:
            return self._chip_reader
        name = self.setting(CHIP_READER)
        if not name:
            return NoReader(msg("this booth has no chip reader (devices.chip.reader is not set)"))
        from inspector_app.chip.session import PcscChipReader
        from inspector_app.screening import csca

        # the trust is the CSCA list in force, loaded at each read so that a new bundle counts at once;
        # a refused list must not pass as "no CSCA": the read is not made and says why
        try:
            trust = csca.load(self.home)
        except csca.CscaSectionError as exc:
            return NoReader(msg("the chip cannot be checked: {problem}", problem=str(exc)))
        return PcscChipReader(str(name), trust=trust)

    def has_chip_reader(self) -> bool:
        """Whether the booth reads chips: the window reads one by itself after the document."""
        return self._chip_reader is not None or bool(self.setting(CHIP_READER))

    def use_chip_reader(self, reader) -> None:
        """Replace the chip reader (the demo's simulated chips, a test's fake)."""
        self._chip_reader = reader

    def sync_worker(self, on_status=None):
        """The background sync worker for this booth's hub (not started), or None when the booth
        has no hub (an offline booth exports to removable media instead)."""
        from inspector_app.sync.backoff import Backoff
        from inspector_app.sync.client import SyncClient
        from inspector_app.sync.config import SyncConfig, SyncConfigError
        from inspector_app.sync.worker import SyncWorker

        try:
            cfg = SyncConfig.load(self.home)
        except SyncConfigError:
            return None
        if not cfg.hub_url:
            return None
        client = SyncClient.from_home(self.home, self.store(), port=self.port)
        return SyncWorker(client, interval=cfg.interval_s, on_status=on_status,
                          backoff=Backoff(base=cfg.backoff_base_s, cap=cfg.backoff_cap_s))

    def manifest_watcher(self, on_outcome=None):
        """The background import of the booth's watched manifest folder (not started), or None
        when ``screening.manifest_folder`` is not set."""
        from inspector_app.screening import manifest_folder as mf

        folder = mf.ManifestFolder.from_settings(self.settings, self.store())
        if folder is None:
            return None
        return mf.FolderWatcher(folder, self.settings.get(mf.INTERVAL, mf.DEFAULTS[mf.INTERVAL]), on_outcome)

    def sync_status(self) -> dict:
        from inspector_app.sync.client import status_of

        st = status_of(self.home, self.store())
        return {"online": st.online, "last_sync": st.last_success, "queued": st.queued, "sync_error": st.last_error,
                "quarantined": st.quarantined}

    def login(self, user: str, password: str) -> dict | None:
        """The signed-in user (``{user, display_name, roles}``) or None: checked against the
        credentials the hub distributed, never taken on a name alone. The user's own signing key
        (wrapped under their password in the signed user list) is unlocked for the session: a
        supervisor's review and an inspector's look-up at the hub are signed with it, so no one
        else can make one in their name."""
        found = self.store().check_login(user, password)
        # a supervisor signs reviews and queue reads, an inspector a departure's look-up at the
        # hub; an administrator signs nothing, so their key is not unwrapped (a second scrypt run)
        signs = bool(found) and bool({"supervisor", "inspector"} & set(found.get("roles", [])))
        key = self.store().unlock_signing_key(found["user"], password) if signs else None
        with self._lock:
            self._signing_keys = {found["user"]: key} if key is not None else {}
            self._port_queues = {}
        return found

    def logout(self) -> None:
        with self._lock:
            self._signing_keys, self._port_queues = {}, {}

    def add_review(self, check_result_id: str, reviewer: str, verdict: str, reason: str) -> str:
        """A review by the signed-in supervisor, signed with their key (the store checks the
        role, the signature and that they did not conduct the examination)."""
        from inspector_app.store import ReviewRefused

        with self._lock:
            key = self._signing_keys.get(reviewer)
        if key is None:
            raise ReviewRefused(f"{reviewer} has no signing key unlocked on this booth: sign in again as {reviewer}")
        return self.store().add_review(check_result_id, reviewer, verdict, reason, signing_key=key)

    def port_queue(self, user: str, timeout_s: float = 5.0) -> list[dict]:
        """The port's open supervisor queue (every booth of the port, summaries without payloads)
        from the hub, read as the signed-in supervisor ``user`` with a proof signed by their own
        key. The first call reads it page by page; later ones ask only for what changed since
        (``booth.port_queue``). Raises ``PortQueueUnavailable`` (``.reason``: ``no_hub``,
        ``no_key``, ``unreachable``, ``refused``)."""
        key, timeout = self._hub_key(user, timeout_s)
        with self._lock:
            copy = self._port_queues.setdefault(user, PortQueue())
        return self._through_hub(timeout, lambda client: copy.refresh(client, user, key))

    def port_queue_items(self, user: str, booth_id: str, record_ids: list[str],
                         timeout_s: float = 5.0) -> dict[str, dict | None]:
        """Items of one booth's examination with their payloads (what the supervisor opened), by
        record id, read over one connection to the hub; None for one the hub no longer holds for
        this port. Raises as ``port_queue``."""
        key, timeout = self._hub_key(user, timeout_s)
        return self._through_hub(timeout, lambda client: {
            rid: client.port_queue_item(user, key, booth_id, rid) for rid in record_ids})

    def find_landing(self, user: str, document_number: str, nationality: str,
                     timeout_s: float = 3.0) -> LandingLookup:
        """The departing traveller's newest landing (by landing date) among this booth's records
        and, asked as the signed-in inspector ``user`` with their own key, the hub's (a later
        landing at another port is only there). Without a hub, an unlocked key, or an answer
        within ``timeout_s``, this booth's records alone, and ``note`` says so: never raises for
        the hub."""
        number, nationality = str(document_number).strip().upper(), str(nationality).strip().upper()
        found = self.store().find_landings(number, nationality, limit=1)
        try:
            key, timeout = self._hub_key(user, timeout_s)
            found += self._through_hub(timeout, lambda client: client.find_landings(user, key, number, nationality,
                                                                                    limit=1))
            note = msg("this booth's and the hub's records searched")
        except PortQueueUnavailable as exc:
            note = ONLY_THIS_BOOTH[exc.reason]
        if not found:
            return LandingLookup(None, "none", note)
        # the booth's own copy wins a tie: the same record the booth pushed comes back from the hub
        newest = max(found, key=lambda r: (str(r.get("landing_date") or ""), str(r.get("decided_at") or "")))
        return LandingLookup(newest, str(newest.get("source")), note)

    def search_encounters(self, user: str, examination_id: str, face, fingers: dict,
                          timeout_s: float = 5.0) -> EncounterSearch:
        """Earlier encounters whose face or fingers match: at the hub (every port) when it answers,
        asked with ``user``'s signature over these templates, and in this booth's own copy of
        the port's recent encounters, which the same call brings up to date. Without the hub the
        booth's copy alone, and the signed authorisation is returned so the hub search can run
        later. Never raises for the hub."""
        from inspector_app.biometrics import gallery
        from inspector_app.screening.encounters import LocalEncounters

        templates = gallery.encode(face, fingers)
        with self._lock:
            if self._encounters is None:
                self._encounters = LocalEncounters()
            local_gallery = self._encounters
        authorisation = self.encounter_authorisation(user, examination_id, templates)
        try:
            key, timeout = self._hub_key(user, timeout_s)

            def ask(client):
                self.store().add_hub_encounters(*_recent(client, user, key, self.store().encounters_cursor()))
                return client.search_encounters(examination_id, templates, authorisation)
            found = self._through_hub(timeout, ask)
            source, note = "hub", ""
        except PortQueueUnavailable as exc:
            found, source, note = [], "booth", ONLY_THIS_BOOTH_ENCOUNTERS[exc.reason]
        seen = {m["encounter_id"] for m in found}
        found += [m for m in local_gallery.search(self.store(), face, fingers, examination_id, self.today())
                  if m["encounter_id"] not in seen]
        return EncounterSearch(found, source, authorisation, note)

    def encounter_authorisation(self, user: str, examination_id: str, templates: dict) -> dict | None:
        """``user``'s signature over this examination's search of these templates
        (``signing.ENCOUNTER_SEARCH``), or None when their key is not unlocked here."""
        import datetime as dt_

        from inspector_app.common import signing

        with self._lock:
            key = self._signing_keys.get(user)
        if key is None:
            return None
        at = dt_.datetime.now(dt_.UTC).isoformat()
        value = signing.encounter_search_value(user, at, self.booth_id, examination_id, templates)
        return {"user": user, "at": at, "signature": signing.sign(key, signing.ENCOUNTER_SEARCH, value)}

    def upload_manifest(self, user: str, raw: bytes, timeout_s: float = 30.0) -> dict:
        """A PAXLST file sent to the hub for every booth of this port (``POST /manifests``), as the
        signed-in supervisor ``user`` with a proof signed by their own key over the file. Returns
        the hub's answer, or ``{"refused": why}`` when the hub cannot read the file (segment and
        position); raises ``PortQueueUnavailable`` as ``port_queue`` does."""
        from inspector_app.sync.client import ManifestRefused

        key, timeout = self._hub_key(user, timeout_s)

        def send(client) -> dict:
            try:
                return client.upload_manifest(user, key, raw)
            except ManifestRefused as exc:
                return {"refused": str(exc)}

        return self._through_hub(timeout, send)

    def _hub_key(self, user: str, timeout_s: float):
        """``user``'s unlocked key and the time-out for a call to the hub, or why there is none
        (no hub first: an unlocked key would not help a booth without one)."""
        from inspector_app.sync.config import SyncConfig, SyncConfigError

        try:
            cfg = SyncConfig.load(self.home)
        except SyncConfigError as exc:
            raise PortQueueUnavailable("no_hub", str(exc)) from exc
        if not cfg.hub_url:
            raise PortQueueUnavailable("no_hub", "no hub URL configured")
        with self._lock:
            key = self._signing_keys.get(user)
        if key is None:
            raise PortQueueUnavailable("no_key", f"{user} has no signing key unlocked on this booth")
        return key, min(float(cfg.timeout_s), timeout_s)

    def port_review(self, booth_id: str, check_result_id: str, examination_id: str, reviewer: str, verdict: str,
                    reason: str, timeout_s: float = 10.0) -> str:
        """The signed-in supervisor's review of another booth's flagged record, through the hub
        (that booth applies it at its next sync). Signed with the reviewer's own key; the hub checks
        the role, the port and that they did not examine the traveller. Returns the review id;
        raises ``PortQueueUnavailable`` as ``port_queue`` does, with the hub's reason."""
        import uuid

        from inspector_app.common import signed_review
        from inspector_app.common.clock import utc_now

        with self._lock:
            key = self._signing_keys.get(reviewer)
        if key is None:
            raise PortQueueUnavailable("no_key", f"{reviewer} has no signing key unlocked on this booth")
        fields = {"review_id": str(uuid.uuid4()), "booth_id": booth_id, "check_result_id": check_result_id,
                  "examination_id": examination_id, "reviewer": reviewer, "verdict": verdict,
                  "reason": reason.strip(), "reviewed_at": utc_now()}
        self._through_hub(timeout_s, lambda client: client.port_review(fields, signed_review.sign(fields, key)))
        return fields["review_id"]

    def _through_hub(self, timeout_s: float, call):
        """``call(client)`` with a sync client to the hub, closed afterwards; the hub's refusal
        and any failure to reach it become ``PortQueueUnavailable`` with their reason."""
        from inspector_app.sync.client import SupervisorRefused, SyncClient, SyncError

        try:
            client = SyncClient.from_home(self.home, self.store(), port=self.port, timeout=timeout_s)
        except SyncError as exc:
            raise PortQueueUnavailable("no_hub", str(exc)) from exc
        try:
            return call(client)
        except SupervisorRefused as exc:
            raise PortQueueUnavailable("refused", str(exc)) from exc
        except SyncError as exc:
            raise PortQueueUnavailable("unreachable", str(exc)) from exc
        finally:
            client.close()

    def close(self) -> None:
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            store.close()
        self.matcher.close()
