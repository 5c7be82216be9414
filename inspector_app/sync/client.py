"""The booth's sync client: push the outbox up, pull bundles and users down, report status.

Push is ordered (outbox ``seq`` order, one batch at a time) and idempotent (the hub keys records
by booth and ``record_id``), so any failure at any point — timeout, cut connection, crash — is
handled by sending the same batch again. Every record is signed with the booth's key; a record
is acked only when the hub's **signed receipt** names it with the same content hash, so neither a
fake hub nor a proxy can make the booth drop data. A record the hub refuses for good (bad
signature, invalid review, a conflicting id) is quarantined in the encrypted store with the
reason, and the rest flows. Users and reviews pulled down are applied only when signed: the user
list by the hub administrator's key, each review by its supervisor's own key (docs/SECURITY.md).
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector_app.common import signing
from inspector_app.common.clock import utc_now
from inspector_app.common.net import is_loopback
from inspector_app.hub import records as rec
from inspector_app.sync import pull
from inspector_app.sync.config import SyncConfig, sync_dir
from inspector_app.sync.state import SyncState, SyncStatus
from inspector_app.sync.trust import HubTrust, booth_key, load_trust

log = logging.getLogger("inspector_app.sync")


class Outbox(Protocol):
    def outbox_pending(self, limit: int = 500) -> list[dict]: ...
    def outbox_ack(self, record_ids: list[str]) -> None: ...
    def outbox_count(self) -> int: ...
    def pending_encounter_searches(self, limit: int = 50) -> list[dict]: ...


class SyncError(RuntimeError):
    """One sync attempt failed (hub unreachable, refused, or erroring); safe to retry."""


class RetryLater(SyncError):
    """The hub is saturated (503) or this booth sends too often (429) and said when to come back
    (``Retry-After``, seconds): the worker waits that long, with jitter, instead of its own back-off."""

    def __init__(self, message: str, retry_after: float):
        super().__init__(message)
        self.retry_after = retry_after


#: the longest Retry-After a booth honours: a hub (or a proxy) asking for more is waited out in
#: steps, so a wrong header cannot silence a booth for a day
MAX_RETRY_AFTER_S = 300.0


def retry_after(r: httpx.Response) -> float | None:
    """Seconds from a ``Retry-After`` header (a number; an HTTP date is not used by the hub), or None."""
    raw = r.headers.get("retry-after")
    try:
        seconds = float(raw) if raw is not None else None
    except ValueError:
        return None
    if seconds is None or seconds != seconds:  # absent, or NaN
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


class ManifestRefused(SyncError):
    """The hub could not read an uploaded manifest (the segment and position) or it is too large."""


class SupervisorRefused(SyncError):
    """The hub refused a signed-in user's proof (a supervisor's, or an inspector's look-up): not
    of this port or role, stale, or the wrong key."""


class SyncClient:
    def __init__(self, home: Path, store: Outbox, hub_url: str, credential: str, *, trust: HubTrust, port: str,
                 key: Ed25519PrivateKey | None = None, batch_size: int = 500, timeout: float = 15.0,
                 apply_bundle: Callable[[Path, Path, int], dict] | None = None, allow_insecure_http: bool = False):
        if not hub_url:
            raise SyncError("no hub URL configured for this booth (sync configure --hub URL)")
        try:
            url = httpx.URL(hub_url.rstrip("/"))
        except httpx.InvalidURL as exc:
            raise SyncError(f"hub URL {hub_url!r} is not a URL: {exc}") from exc
        if url.scheme != "https" and not (url.scheme == "http" and allow_insecure_http and is_loopback(url.host)):
            raise SyncError(f"refusing to sync with {hub_url}: the hub must be https:// (plain http only to a "
                            "loopback address with the development setting sync.allow_insecure_http)")
        self.home, self.store = Path(home), store
        self.trust, self.port = trust, port
        self.booth_id = credential.rpartition(".")[0]
        self.key = key or booth_key(self.home)
        self.batch_size = batch_size
        self.apply_bundle = apply_bundle or pull.apply_bundle
        self.http = httpx.Client(base_url=str(url), timeout=timeout, verify=trust.ssl_context(),
                                 headers={"Authorization": f"Bearer {credential}"})
        self.state = SyncState.load(self.home)

    @classmethod
    def from_home(cls, home: Path, store: Outbox, **overrides) -> SyncClient:
        """The one wiring from a booth home: settings, credential, pinned hub keys, booth key."""
        from inspector_app.settings import Settings
        from inspector_app.sync.trust import TrustError

        cfg = SyncConfig.load(home)
        try:
            trust = load_trust(home)
        except TrustError as exc:
            raise SyncError(str(exc)) from exc
        kw = dict(trust=trust, port=Settings.load(home).get("booth.port", "Narita Airport"),
                  batch_size=cfg.batch_size, timeout=cfg.timeout_s, allow_insecure_http=cfg.allow_insecure_http)
        kw.update(overrides)
        return cls(home, store, cfg.hub_url, cfg.credential, **kw)

    def close(self) -> None:
        self.http.close()

    # -- plumbing ----------------------------------------------------------------------------
    def _request(self, method: str, url: str, ok=(200,), **kw) -> httpx.Response:
        try:
            try:
                r = self.http.request(method, url, **kw)
            except httpx.RemoteProtocolError:
                # the hub closed a kept-alive connection as this request went out on it (its 5 s
                # idle limit, measured 9 times in 3,000 pushes under load): every call here is
                # idempotent (records and reviews by id), so once more on a fresh connection
                r = self.http.request(method, url, **kw)
        except httpx.TimeoutException as exc:
            raise SyncError(f"hub timed out on {method} {url}") from exc
        except httpx.TransportError as exc:
            raise SyncError(f"hub unreachable ({type(exc).__name__}: {exc})") from exc
        return _checked(r, method, url, ok)

    @staticmethod
    def _json(r: httpx.Response, *keys: str) -> dict:
        """The answer as JSON with the expected keys; anything else (a proxy's HTML page, a
        truncated body) is a SyncError, so it is retried like any other failure."""
        try:
            data = r.json()
        except ValueError as exc:
            raise SyncError(f"hub answer to {r.request.method} {r.request.url.path} is not JSON") from exc
        if not isinstance(data, dict) or any(k not in data for k in keys):
            raise SyncError(f"hub answer to {r.request.method} {r.request.url.path} lacks {', '.join(keys)}")
        return data

    def _fail(self, exc: Exception) -> None:
        self.state.online = False
        self.state.last_attempt = utc_now()
        self.state.last_error = str(exc)
        self.state.save(self.home)

    def _succeed(self) -> None:
        self.state.online = True
        self.state.last_attempt = self.state.last_success = utc_now()
        self.state.last_error = None
        self.state.save(self.home)

    # -- push --------------------------------------------------------------------------------
    def enrol(self) -> None:
        """Register this booth's public key with the hub: the first key wins, the same key again
        is a no-op, a different one is refused (409: an operator re-registers the booth). Sent
        every round, so a booth an operator re-registered enrols again without anyone's help."""
        r = self._request("PUT", "/booth/key", ok=(200, 409), json={"public_key": signing.public_b64(self.key)})
        if r.status_code == 409:
            raise SyncError("the hub holds another signing key for this booth: an operator must re-register "
                            "the booth (hub register-booth --public-key, with the key `sync configure` printed)")

    def _signed(self, r: dict) -> dict:
        out = {k: r.get(k) for k in ("record_id", "seq", "kind", "payload", "created_at")}
        out["signature"] = signing.sign(self.key, signing.RECORD, rec.signed_record(self.booth_id, out))
        return out

    def push_once(self) -> dict:
        """Send every pending record, batch by batch, until the outbox is empty."""
        report = {"stored": 0, "duplicates": 0, "conflicts": 0, "refused": 0, "batches": 0}
        try:
            self.enrol()
            while True:
                batch = self.store.outbox_pending(limit=self.batch_size)
                if not batch:
                    break
                body: dict = {"records": [self._signed(r) for r in batch]}
                head = getattr(self.store, "audit_head", None)
                if callable(head):
                    body["audit_head"] = head()
                answer = self._json(self._request("POST", "/records", json=body), "receipt", "refused")
                outcome = self._check_receipt(batch, answer)
                if outcome["quarantine"]:
                    for reason, ids in outcome["quarantine"].items():
                        self.store.outbox_quarantine(ids, reason)
                        log.error("hub refused %d record(s) for good: %s; quarantined", len(ids), reason)
                self.store.outbox_ack(outcome["ack"])
                report["batches"] += 1
                for k in ("stored", "duplicates", "conflicts", "refused"):
                    report[k] += outcome[k]
                self.state.pushed_total += outcome["stored"]
        except SyncError as exc:
            self._fail(exc)
            raise
        self._succeed()
        return report

    def _check_receipt(self, batch: list[dict], answer: dict) -> dict:
        """Ack only what the hub's signed receipt names with this booth's content hash; quarantine
        what it refused for good; anything else (unsigned, forged, partial) is a failed attempt."""
        receipt = answer.get("receipt") or {}
        body = receipt.get("body") if isinstance(receipt, dict) else None
        if not isinstance(body, dict) or not signing.verify(self.trust.receipt_key, signing.RECEIPT, body,
                                                            receipt.get("signature")):
            raise SyncError("the hub's receipt is not signed by the hub this booth trusts; nothing acked")
        if body.get("booth_id") != self.booth_id:
            raise SyncError("the hub's receipt is for another booth; nothing acked")
        results = {}
        for item in body.get("results") or []:
            if isinstance(item, list) and len(item) == 3:
                results[item[0]] = (item[1], item[2])
        reasons = {r.get("record_id"): str(r.get("reason")) for r in answer.get("refused") or [] if isinstance(r, dict)}
        out: dict = {"ack": [], "quarantine": {}, "stored": 0, "duplicates": 0, "conflicts": 0, "refused": 0}
        for r in batch:
            got = results.get(r["record_id"])
            if got is None or got[0] != rec.content_hash(r["kind"], r["payload"]):
                raise SyncError(f"the hub's receipt does not confirm record {r['record_id']}; nothing acked")
            status = got[1]
            if status in ("stored", "duplicate"):
                out["ack"].append(r["record_id"])
                out["stored" if status == "stored" else "duplicates"] += 1
            elif status == "conflict":
                out["quarantine"].setdefault("the hub holds different content under this record id", []).append(
                    r["record_id"])
                out["conflicts"] += 1
            elif status == "refused":
                out["quarantine"].setdefault(reasons.get(r["record_id"], "refused by the hub"), []).append(r["record_id"])
                out["refused"] += 1
            else:
                raise SyncError(f"the hub's receipt has an unknown status {status!r}; nothing acked")
        return out

    # -- pull --------------------------------------------------------------------------------
    def pull_once(self) -> dict:
        """Fetch bundles newer than the installed version, apply them in order through the
        screening verifier, stop at the first refusal (reported, not raised); then refresh users."""
        report = {"applied": [], "refused": None, "users": None}
        try:
            current = pull.installed_version(self.home, self.state.bundle_version)
            listed = self._json(self._request("GET", "/bundles", params={"after": current}), "bundles")["bundles"]
            for info in sorted(listed, key=lambda b: b["version"]):
                version = info["version"]
                path = self._download(version, info.get("sha256"))
                try:
                    result = self.apply_bundle(self.home, path, version)
                except pull.BundleRefused as exc:
                    self.state.last_bundle_refusal = {"version": version, "reason": exc.reason, "at": utc_now()}
                    report["refused"] = self.state.last_bundle_refusal
                    log.error("%s", exc)
                    break
                finally:
                    path.unlink(missing_ok=True)
                self.state.bundle_version = int(result.get("version", version))
                self.state.last_bundle_refusal = None
                report["applied"].append(self.state.bundle_version)
            report["users"] = self._pull_users()
            report["reviews"] = self._pull_reviews()
            report["manifests"] = self._pull_manifests()
        except SyncError as exc:
            self._fail(exc)
            raise
        self._succeed()
        return report

    def _pull_users(self) -> int | None:
        """This port's users, applied only if the administrator's key signed the list, it is for
        this port, newer than the one in force and not empty (a fake or stale hub changes nothing)."""
        set_users = getattr(self.store, "set_users", None)
        if not callable(set_users):
            return None
        r = self._request("GET", "/users", ok=(200, 404))
        if r.status_code == 404:
            return None
        answer = self._json(r, "list", "signature")
        body = answer["list"]
        if not isinstance(body, dict) or not signing.verify(self.trust.admin_key, signing.USERS, body,
                                                            answer["signature"]):
            self.state.last_users_refusal = "user list not signed by the hub administrator's key"
            log.error("user list refused: %s", self.state.last_users_refusal)
            return None
        version = body.get("version")
        if body.get("format") != rec.USERS_FORMAT or body.get("port") != self.port or not isinstance(version, int):
            self.state.last_users_refusal = f"user list is for {body.get('port')!r}, not this booth's port {self.port!r}"
            return None
        users = body.get("users")
        if version <= self.store.users_version() or not isinstance(users, list) or not users:
            return None
        try:
            set_users(users, version=version)
        except ValueError as exc:  # the store refused a row (e.g. a weak hash): keep the users in force
            self.state.last_users_refusal = f"user list version {version} refused by the booth: {exc}"
            log.error("user list refused: %s", self.state.last_users_refusal)
            return None
        self.state.last_users_refusal = None
        return len(users)

    def _pull_reviews(self) -> int | None:
        """Supervisors' verdicts made at other booths on this booth's check results. The store
        applies one only if its supervisor's signature verifies against the signed user list and
        the supervisor did not conduct the examination; nothing is echoed back up."""
        apply = getattr(self.store, "apply_remote_review", None)
        if not callable(apply):
            return None
        applied = 0
        while True:
            batch = self._json(self._request("GET", "/reviews", params={"after": self.state.review_cursor}),
                               "reviews")["reviews"]
            if not batch:
                return applied
            for r in batch:
                try:
                    if apply(r) is not None:
                        applied += 1
                except (ValueError, LookupError, RuntimeError) as exc:
                    log.warning("review %s from the hub refused: %s", r.get("review_id"), exc)
                self.state.review_cursor = int(r["seq"])
                self.state.save(self.home)

    def _pull_manifests(self) -> int | None:
        """Pre-arrival manifests uploaded to the hub for this port, each imported as a file from the
        watched folder is: screened here against this booth's lists (just brought up to date by
        the bundles above), kept once however many ways it arrives. Returns how many were new."""
        if not callable(getattr(self.store, "add_manifest", None)):
            return None
        from inspector_app.screening import paxlst, pre_arrival

        added = 0
        while True:
            items = _dicts(self._json(self._request("GET", "/manifests", params={"after": self.state.manifest_cursor}),
                                      "items")["items"], "/manifests")
            if not items:
                return added
            for item in items:
                body = item.get("body")
                try:
                    if not isinstance(body, str):
                        raise paxlst.PaxlstError("the hub sent no text")
                    done = pre_arrival.import_file(self.home, self.store, body.encode("latin-1"), actor="hub")
                    added += not done.duplicate
                except (paxlst.PaxlstError, UnicodeEncodeError) as exc:
                    # the hub read it; this booth cannot: kept out, said, and the rest still flows
                    log.error("manifest %s from the hub refused: %s", item.get("manifest_id"), exc)
                self.state.manifest_cursor = int(item["seq"])
                self.state.save(self.home)

    def upload_manifest(self, user: str, key: Ed25519PrivateKey, raw: bytes) -> dict:
        """A PAXLST file for this booth's port, uploaded as the signed-in supervisor ``user`` with a
        proof signed by their own key over the file's SHA-256 (``POST /manifests``): the port's
        booths get it at their next sync. Raises ``SupervisorRefused`` when the hub refuses the
        proof (403), ``ManifestRefused`` when it cannot read the file (422, 413), ``SyncError``
        otherwise."""
        import datetime as dt

        at = dt.datetime.now(dt.UTC).isoformat()
        value = {"user": user, "at": at, "method": "POST", "path": "/manifests", "booth_id": self.booth_id,
                 "sha256": hashlib.sha256(raw).hexdigest()}
        headers = {"X-Supervisor": user, "X-Supervisor-At": at, "Content-Type": "text/plain; charset=iso-8859-1",
                   "X-Supervisor-Proof": signing.sign(key, signing.SUPERVISOR_PROOF, value)}
        r = self._request("POST", "/manifests", ok=(200, 201, 403, 413, 422), content=raw, headers=headers)
        if r.status_code == 403:
            raise SupervisorRefused(f"the hub refused {user}'s supervisor proof: {r.text[:200]}")
        if r.status_code in (413, 422):
            raise ManifestRefused(str(self._json(r, "detail")["detail"]))
        return self._json(r, "manifest_id", "seq", "duplicate")

    def _download(self, version: int, sha256: str | None) -> Path:
        """Stream to a file (bundles can exceed memory), hashing as it arrives."""
        d = sync_dir(self.home) / "incoming"
        d.mkdir(exist_ok=True)
        path = d / f"bundle-{version}.bin"
        digest = hashlib.sha256()
        try:
            with self.http.stream("GET", f"/bundles/{version}") as r:
                if r.status_code != 200:
                    r.read()
                    _checked(r, "GET", f"/bundles/{version}")  # raises, as for any other request
                with open(path, "wb") as fh:
                    for chunk in r.iter_bytes(1024 * 1024):
                        digest.update(chunk)
                        fh.write(chunk)
        except httpx.TimeoutException as exc:
            path.unlink(missing_ok=True)
            raise SyncError(f"hub timed out sending bundle {version}") from exc
        except httpx.TransportError as exc:
            path.unlink(missing_ok=True)
            raise SyncError(f"bundle {version} download cut off ({type(exc).__name__}); will retry") from exc
        if sha256 and digest.hexdigest() != sha256:
            path.unlink(missing_ok=True)
            raise SyncError(f"bundle {version} arrived damaged (checksum mismatch); will retry")
        return path

    # -- both --------------------------------------------------------------------------------
    def sync_once(self) -> dict:
        """Push first (records matter most), then pull. Raises SyncError if either fails."""
        pushed = self.push_once()
        pulled = self.pull_once()
        deferred = self.run_deferred_encounter_searches()
        if deferred:   # what the searches found goes up now, not at the next tick
            pushed = self.push_once()
        return {"push": pushed, "pull": pulled, "encounter_searches": deferred, "status": self.status().to_dict()}

    def status(self) -> SyncStatus:
        return status_of(self.home, self.store, self.state)

    def hub_audit_head(self) -> dict | None:
        """The newest head of this booth's audit chain the hub received (``audit verify
        --against-hub``): a chain rewritten or cut since no longer reaches it."""
        return self._json(self._request("GET", "/audit-head"), "head")["head"]

    # -- supervisor --------------------------------------------------------------------------
    def port_queue_page(self, user: str, key: Ed25519PrivateKey, status: str = "open", *, booth: str | None = None,
                        since: str | None = None, after: str | None = None, limit: int = 100) -> dict:
        """One page of the port's supervisor queue (every booth of this port), summaries only:
        ``{"items", "next", "cursor"}`` (``GET /queue`` in docs/HUB_API.md), read with ``user``'s
        fresh signed proof (their own key, unlocked at sign-in). Raises ``SupervisorRefused`` when
        the hub refuses the proof, ``SyncError`` otherwise (a cursor it refuses included)."""
        params = {"status": status, "limit": limit, "booth": booth, "since": since, "after": after}
        page = self._supervisor_get(user, key, "/queue", {k: v for k, v in params.items() if v is not None},
                                    "items", "next", "cursor")
        return {"items": _dicts(page["items"], "/queue"), "next": page["next"], "cursor": page["cursor"]}

    def port_queue_changes(self, user: str, key: Ed25519PrivateKey, after: int, limit: int = 500) -> dict:
        """The port's queue items inserted or reviewed since change number ``after``, in that
        order: ``{"items", "cursor"}`` (``GET /queue/changes``). Raises as ``port_queue_page``."""
        changes = self._supervisor_get(user, key, "/queue/changes", {"after": after, "limit": limit},
                                       "items", "cursor")
        return {"items": _dicts(changes["items"], "/queue/changes"), "cursor": int(changes["cursor"])}

    def port_queue_item(self, user: str, key: Ed25519PrivateKey, booth_id: str, record_id: str) -> dict | None:
        """One item of the port's queue with its payload (``GET /queue/{booth_id}/{record_id}``),
        None when the hub holds no such item of this port. Raises as ``port_queue_page``."""
        return self._supervisor_get(user, key, f"/queue/{booth_id}/{record_id}", {}, "payload", missing_ok=True)

    def _supervisor_get(self, user: str, key: Ed25519PrivateKey, path: str, params: dict, *keys: str,
                        missing_ok: bool = False) -> dict | None:
        """``GET path`` with ``user``'s proof for exactly this path (the hub checks it per path)."""
        import datetime as dt

        at = dt.datetime.now(dt.UTC).isoformat()
        value = {"user": user, "at": at, "method": "GET", "path": path, "booth_id": self.booth_id}
        headers = {"X-Supervisor": user, "X-Supervisor-At": at,
                   "X-Supervisor-Proof": signing.sign(key, signing.SUPERVISOR_PROOF, value)}
        r = self._request("GET", path, ok=(200, 403, 404, 422), params=params, headers=headers)
        if r.status_code == 403:
            raise SupervisorRefused(f"the hub refused {user}'s supervisor proof: {r.text[:200]}")
        if r.status_code == 404 and missing_ok:
            return None
        if r.status_code != 200:
            raise SyncError(f"hub answered {r.status_code} to GET {path}: {r.text[:200]}")
        return self._json(r, *keys)

    # -- inspector ---------------------------------------------------------------------------
    def find_landings(self, user: str, key: Ed25519PrivateKey, document_number: str, nationality: str,
                      limit: int = 5) -> list[dict]:
        """A departing traveller's landings at every booth of the country, newest first (``GET
        /landings``), asked for by the examining inspector ``user`` with a proof signed by their
        own key over this document. Raises ``SupervisorRefused`` when the hub refuses the proof
        or the query (403, 422), ``SyncError`` otherwise."""
        import datetime as dt

        number, nationality = str(document_number).strip().upper(), str(nationality).strip().upper()
        at = dt.datetime.now(dt.UTC).isoformat()
        value = {"user": user, "at": at, "method": "GET", "path": "/landings", "booth_id": self.booth_id,
                 "document_number": number, "nationality": nationality}
        headers = {"X-Inspector": user, "X-Inspector-At": at,
                   "X-Inspector-Proof": signing.sign(key, signing.LANDING_PROOF, value)}
        r = self._request("GET", "/landings", ok=(200, 403, 422), headers=headers,
                          params={"document_number": number, "nationality": nationality, "limit": limit})
        if r.status_code != 200:
            raise SupervisorRefused(f"the hub refused {user}'s look-up ({r.status_code}): {r.text[:200]}")
        return _dicts(self._json(r, "items")["items"], "/landings")

    def search_encounters(self, examination_id: str, templates: dict, authorisation: dict, k: int = 10) -> list[dict]:
        """Earlier encounters at every port matching these templates (``POST /encounters/search``),
        authorised by the inspector's signature over them (``encounter_authorisation``). Raises
        ``SupervisorRefused`` when the hub refuses the authorisation or the templates (403, 422)."""
        body = {"examination_id": examination_id, "templates": templates, "authorisation": authorisation, "k": k}
        r = self._request("POST", "/encounters/search", ok=(200, 403, 422), json=body)
        if r.status_code != 200:
            raise SupervisorRefused(f"the hub refused the encounter search ({r.status_code}): {r.text[:200]}")
        return _dicts(self._json(r, "items")["items"], "/encounters/search")

    def recent_encounters(self, user: str, key: Ed25519PrivateKey, after: int) -> list[dict]:
        """The port's recent encounters at other booths after cursor ``after`` (``GET
        /encounters/recent``), asked for by the signed-in inspector ``user``."""
        import datetime as dt

        at = dt.datetime.now(dt.UTC).isoformat()
        value = {"user": user, "at": at, "method": "GET", "path": "/encounters/recent", "booth_id": self.booth_id,
                 "after": str(int(after))}
        headers = {"X-Inspector": user, "X-Inspector-At": at,
                   "X-Inspector-Proof": signing.sign(key, signing.ENCOUNTER_COPY, value)}
        r = self._request("GET", "/encounters/recent", ok=(200, 403), headers=headers, params={"after": int(after)})
        if r.status_code != 200:
            raise SupervisorRefused(f"the hub refused {user}'s copy of the port's encounters: {r.text[:200]}")
        return _dicts(self._json(r, "items")["items"], "/encounters/recent")

    def run_deferred_encounter_searches(self) -> int:
        """The hub searches the booth could not make while offline, made now with the inspector's
        authorisation kept from the examination; what they find is recorded on that examination
        (flagged after the fact: it reaches the supervisor queue at the next push). Returns how
        many ran. A refusal is kept as the search's end, not retried for ever."""
        from inspector_app.screening import encounters

        ran = 0
        for item in self.store.pending_encounter_searches():
            exam = item["examination_id"]
            try:
                matches = self.search_encounters(exam, item["templates"], item["authorisation"])
            except SupervisorRefused as exc:
                self.store.finish_encounter_search(exam, "refused", {"reason": str(exc)})
                continue
            already = encounters.recorded(self.store.check_results(exam))
            for check in encounters.check_results(item["identity"], matches, "hub_deferred", already=already):
                self.store.add_check_result(exam, check)
            self.store.finish_encounter_search(exam, "done", {"matches": len(matches)})
            ran += 1
        return ran

    def port_review(self, fields: dict, signature: str) -> dict:
        """A supervisor's review of another booth's queued record, signed with their own key
        (``common.signed_review`` over ``fields``): ``POST /queue/{booth_id}/{record_id}/reviews``.
        Raises ``SupervisorRefused`` when the hub refuses it (403, 404, 422), ``SyncError`` otherwise."""
        body = {k: fields[k] for k in ("review_id", "examination_id", "reviewer", "verdict", "reason", "reviewed_at")}
        r = self._request("POST", f"/queue/{fields['booth_id']}/{fields['check_result_id']}/reviews",
                          ok=(200, 201, 403, 404, 422), json={**body, "signature": signature})
        if r.status_code not in (200, 201):
            try:
                why = r.json().get("detail")
            except ValueError:
                why = None
            raise SupervisorRefused(why if isinstance(why, str) and why else f"the hub refused it ({r.status_code})")
        return self._json(r)


def _checked(r: httpx.Response, method: str, url: str, ok=(200,)) -> httpx.Response:
    """``r`` if its status is one of ``ok``; else the SyncError that says why: the credential
    refused, ``RetryLater`` when the hub said when to come back (503/429 with Retry-After), or the
    status and the start of the answer."""
    if r.status_code == 401:
        raise SyncError("hub refused this booth's credential (re-register the booth and run sync configure)")
    if r.status_code in (429, 503) and r.status_code not in ok:
        wait = retry_after(r)
        if wait is not None:
            busy = "busy" if r.status_code == 503 else "limiting this booth's requests"
            raise RetryLater(f"hub {busy}; retrying in {wait:g} s", wait)
    if r.status_code not in ok:
        raise SyncError(f"hub answered {r.status_code} to {method} {url}: {r.text[:200]}")
    return r


def _dicts(items, path: str) -> list[dict]:
    if not isinstance(items, list):
        raise SyncError(f"hub answer to GET {path} has no list of items")
    return [i for i in items if isinstance(i, dict)]


def status_of(home: Path, store: Outbox | None, state: SyncState | None = None) -> SyncStatus:
    state = state or SyncState.load(home)
    queued = store.outbox_count() if store is not None else -1
    count = getattr(store, "quarantine_count", None)
    return SyncStatus(online=state.online, last_success=state.last_success, queued=queued,
                      last_error=state.last_error, bundle_version=state.bundle_version,
                      last_bundle_refusal=state.last_bundle_refusal,
                      quarantined=count() if callable(count) else 0)
