"""The booth's sync client: push the outbox up, pull bundles and users down, report status.

Push is ordered (outbox ``seq`` order, one batch at a time, a batch acked only after the hub
answered for it) and idempotent (the hub keys records by ``record_id``), so any failure at any
point — timeout, cut connection, crash — is handled by simply sending the same batch again.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import ssl
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import httpx

from inspector_app.common.clock import utc_now
from inspector_app.sync import pull
from inspector_app.sync.config import sync_dir
from inspector_app.sync.state import SyncState, SyncStatus

log = logging.getLogger("inspector_app.sync")


class Outbox(Protocol):
    def outbox_pending(self, limit: int = 500) -> list[dict]: ...
    def outbox_ack(self, record_ids: list[str]) -> None: ...
    def outbox_count(self) -> int: ...


class SyncError(RuntimeError):
    """One sync attempt failed (hub unreachable, refused, or erroring); safe to retry."""


class SyncClient:
    def __init__(self, home: Path, store: Outbox, hub_url: str, credential: str, *, batch_size: int = 500,
                 timeout: float = 15.0, apply_bundle: Callable[[Path, Path, int], dict] | None = None,
                 ca_file: str | None = None, allow_insecure_http: bool = False):
        if not hub_url:
            raise SyncError("no hub URL configured for this booth (sync configure --hub URL)")
        try:
            url = httpx.URL(hub_url)
        except httpx.InvalidURL as exc:
            raise SyncError(f"hub URL {hub_url!r} is not a URL: {exc}") from exc
        if url.scheme != "https":  # checked before any request, so no credential ever leaves in clear
            import ipaddress

            try:
                loopback = url.host == "localhost" or ipaddress.ip_address(url.host).is_loopback
            except ValueError:
                loopback = False
            if url.scheme != "http" or not (loopback and allow_insecure_http):
                raise SyncError(f"refusing hub URL {hub_url!r}: the hub must be reached over https:// "
                                "(plain http:// only to a loopback address, and only for tests with "
                                "allow_insecure_http=True)")
        self.home, self.store = Path(home), store
        self.batch_size = batch_size
        self.apply_bundle = apply_bundle or pull.apply_bundle
        try:
            verify = ssl.create_default_context(cafile=ca_file) if ca_file else True
        except (OSError, ssl.SSLError) as exc:
            raise SyncError(f"cannot use the hub CA file {ca_file} (sync.ca_file): {exc}") from exc
        self.http = httpx.Client(base_url=hub_url.rstrip("/"), timeout=timeout, verify=verify,
                                 headers={"Authorization": f"Bearer {credential}"})
        self.state = SyncState.load(self.home)

    def close(self) -> None:
        self.http.close()

    # -- plumbing ----------------------------------------------------------------------------
    def _request(self, method: str, url: str, ok=(200,), **kw) -> httpx.Response:
        try:
            r = self.http.request(method, url, **kw)
        except httpx.TimeoutException as exc:
            raise SyncError(f"hub timed out on {method} {url}") from exc
        except httpx.TransportError as exc:
            raise SyncError(f"hub unreachable ({type(exc).__name__}: {exc})") from exc
        if r.status_code == 401:
            raise SyncError("hub refused this booth's credential (re-register the booth and run sync configure)")
        if r.status_code not in ok:
            raise SyncError(f"hub answered {r.status_code} to {method} {url}: {r.text[:200]}")
        return r

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
    def push_once(self) -> dict:
        """Send every pending record, batch by batch, until the outbox is empty."""
        report = {"stored": 0, "duplicates": 0, "conflicts": 0, "batches": 0}
        try:
            while True:
                batch = self.store.outbox_pending(limit=self.batch_size)
                if not batch:
                    break
                body = {"records": [{k: r.get(k) for k in ("record_id", "seq", "kind", "payload", "created_at")}
                                    for r in batch]}
                result = self._json(self._request("POST", "/records", ok=(200, 409), json=body),
                                    "stored", "duplicates", "conflicts")
                if result["conflicts"]:
                    self._quarantine([r for r in batch if r["record_id"] in set(result["conflicts"])])
                done = result["stored"] + result["duplicates"] + result["conflicts"]
                missing = {r["record_id"] for r in batch} - set(done)
                if missing:
                    raise SyncError(f"hub did not account for {len(missing)} record(s) of the batch")
                self.store.outbox_ack(done)
                report["batches"] += 1
                for k in ("stored", "duplicates", "conflicts"):
                    report[k] += len(result[k])
                self.state.pushed_total += len(result["stored"])
        except SyncError as exc:
            self._fail(exc)
            raise
        self._succeed()
        return report

    def _quarantine(self, records: list[dict]) -> None:
        """A conflict will never succeed on resend: keep the booth's version durably for an
        operator, count it in the status, and let the rest of the outbox move on."""
        path = sync_dir(self.home) / "conflicts.jsonl"
        with open(path, "a", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps({"quarantined_at": utc_now(), **r}, ensure_ascii=False, default=str) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.state.conflicts += len(records)
        log.error("hub holds different content for %d record id(s); kept in %s", len(records), path)

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
            set_users = getattr(self.store, "set_users", None)
            if callable(set_users):
                users = self._json(self._request("GET", "/users"), "users")["users"]
                set_users(users)
                report["users"] = len(users)
            report["reviews"] = self._pull_reviews()
        except SyncError as exc:
            self._fail(exc)
            raise
        self._succeed()
        return report

    def _pull_reviews(self) -> int | None:
        """Supervisors' verdicts made at other booths on this booth's check results: record them
        in the store so a cleared hit no longer blocks the decision here. The store writes its own
        outbox record for each; the hub recognises that echo by content and keeps one review."""
        add_review = getattr(self.store, "add_review", None)
        if not callable(add_review):
            return None
        applied = 0
        while True:
            batch = self._json(self._request("GET", "/reviews", params={"after": self.state.review_cursor}),
                               "reviews")["reviews"]
            if not batch:
                return applied
            for r in batch:
                try:
                    add_review(r["record_id"], r["reviewer"], r["verdict"], r["reason"])
                    applied += 1
                except (ValueError, LookupError, RuntimeError) as exc:  # e.g. not a check result here
                    log.warning("review %s from the hub not recorded: %s", r["review_id"], exc)
                self.state.review_cursor = r["seq"]
                self.state.save(self.home)

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
                    raise SyncError(f"hub answered {r.status_code} to GET /bundles/{version}: {r.text[:200]}")
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
        return {"push": pushed, "pull": pulled, "status": self.status().to_dict()}

    def status(self) -> SyncStatus:
        return status_of(self.home, self.store, self.state)


def status_of(home: Path, store: Outbox | None, state: SyncState | None = None) -> SyncStatus:
    state = state or SyncState.load(home)
    queued = store.outbox_count() if store is not None else -1
    return SyncStatus(online=state.online, last_success=state.last_success, queued=queued,
                      last_error=state.last_error, bundle_version=state.bundle_version,
                      last_bundle_refusal=state.last_bundle_refusal, conflicts=state.conflicts)
