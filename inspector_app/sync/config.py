"""Where a booth's sync settings live.

Settings keys (``home/settings.json``): ``sync.hub_url``, ``booth.id`` (shared with the window), ``sync.batch_size``
(500), ``sync.timeout_s`` (15), ``sync.interval_s`` (30), ``sync.backoff_base_s`` (1),
``sync.backoff_cap_s`` (300), ``sync.allow_insecure_http`` (false; development only: plain http
to a loopback hub). The credential is a secret, so it is not in settings.json but in
``home/sync/credential`` (mode 0600, written atomically); the hub's pins are in
``home/sync/hub-trust.json`` (sync.trust).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from inspector_app.hub.credentials import CredentialError, split_token
from inspector_app.settings import Settings

DEFAULTS = {"batch_size": 500, "timeout_s": 15.0, "interval_s": 30.0, "backoff_base_s": 1.0, "backoff_cap_s": 300.0}


class SyncConfigError(ValueError):
    """The booth is not set up for sync; the message says which command fixes it."""


def sync_dir(home: Path) -> Path:
    d = Path(home) / "sync"
    d.mkdir(parents=True, exist_ok=True, mode=0o700)
    return d


@dataclass
class SyncConfig:
    hub_url: str | None
    booth_id: str
    credential: str
    batch_size: int = 500
    timeout_s: float = 15.0
    interval_s: float = 30.0
    backoff_base_s: float = 1.0
    backoff_cap_s: float = 300.0
    allow_insecure_http: bool = False

    @classmethod
    def load(cls, home: Path) -> SyncConfig:
        s = Settings.load(home)
        cred_file = sync_dir(home) / "credential"
        if not cred_file.exists():
            raise SyncConfigError("this booth has no hub credential: run `inspector-app sync configure "
                                  "--home DIR --hub URL --booth-id ID --credential-stdin`")
        credential = cred_file.read_text(encoding="utf-8").strip()
        extra = {k: type(v)(s.get(f"sync.{k}", v)) for k, v in DEFAULTS.items()}
        return cls(hub_url=s.get("sync.hub_url"), booth_id=s.get("booth.id") or split_token(credential)[0],
                   credential=credential, allow_insecure_http=s.get("sync.allow_insecure_http") is True, **extra)


def configure(home: Path, booth_id: str, credential: str, hub_url: str | None = None,
              trust_file: Path | None = None) -> dict:
    """Check the credential belongs to ``booth_id`` and save both, with the hub's trust file
    (``hub init`` makes it); the URL is optional for air-gapped booths, which only export to
    removable media (sealed to the hub's key from the trust file)."""
    try:
        cred_booth, _ = split_token(credential)
    except CredentialError as exc:
        raise SyncConfigError(str(exc)) from exc
    if cred_booth != booth_id:
        raise SyncConfigError(f"the credential was issued to booth {cred_booth!r}, not {booth_id!r}")
    if hub_url is not None and not hub_url.startswith("https://"):
        from urllib.parse import urlsplit

        from inspector_app.common.net import is_loopback

        if not (hub_url.startswith("http://") and is_loopback(urlsplit(hub_url).hostname)):
            raise SyncConfigError(f"hub URL must start with https:// (got {hub_url!r}); plain http:// only to "
                                  "a loopback address, for development (with sync.allow_insecure_http)")
    from inspector_app.sync.trust import TrustError, booth_key, install_trust, load_trust

    try:
        if trust_file is not None:
            install_trust(home, trust_file)
        else:
            load_trust(home)
    except TrustError as exc:
        raise SyncConfigError(str(exc)) from exc
    s = Settings.load(home)
    s.set("booth.id", booth_id)
    if hub_url is not None:
        s.set("sync.hub_url", hub_url.rstrip("/"))
    s.save()
    path = sync_dir(home) / "credential"
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(credential + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    from inspector_app.common import signing

    return {"booth_id": booth_id, "hub_url": s.get("sync.hub_url"),
            "booth_public_key": signing.public_b64(booth_key(home))}
