"""``hub init``: everything a hub deployment needs in one directory, made once.

``tls/``            the deployment's private CA and the hub's server certificate (hub.pki), or the
                    operator's own
``keys/``           receipt, export-sealing and administrator keys (hub.keys)
``hub-trust.json``  the public half, for every booth (``sync configure --trust``)

Running it again keeps every key (none is ever overwritten) and rewrites the trust file.
"""
from __future__ import annotations

from pathlib import Path

from inspector_app.hub import keys, pki


def init_hub(hub_dir: Path, hosts=("127.0.0.1", "localhost"), ca_cert: Path | None = None,
             ca_key: Path | None = None, server_cert: Path | None = None, server_key: Path | None = None, renew_tls: bool = False) -> dict:
    """``renew_tls`` replaces the server certificate (new hosts); otherwise existing TLS files are kept."""
    hub_dir = Path(hub_dir)
    hub_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if renew_tls or not pki.tls_files(hub_dir).cert.exists():
        pki.init_tls(hub_dir, hosts=tuple(hosts), ca_cert=ca_cert, ca_key=ca_key, server_cert=server_cert,
                     server_key=server_key)
    public = keys.init_keys(hub_dir)
    return {"dir": str(hub_dir), "trust_file": keys.write_trust(hub_dir), **public}
