"""Hub fixtures over SQLite and PostgreSQL (``hub_db_url`` and the throwaway cluster are in
tests/postgres_fixtures.py, shared with tests/security through tests/conftest.py).

``enrol_booth(db, booth_id)`` registers a booth with a port and a fresh signing key, as an
operator and a booth do (docs/SECURITY.md), and returns a ``SigningBooth`` that signs records the
way the booth's sync client does.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

PORT = "Narita Airport"


@dataclass
class SigningBooth:
    """A booth registered at a hub: its credential, port and Ed25519 key."""
    booth_id: str
    port: str
    token: str
    key: Ed25519PrivateKey

    @property
    def public_key(self) -> str:
        from inspector_app.common import signing

        return signing.public_b64(self.key)

    @property
    def principal(self):
        """What ``HubDb.authenticate`` gives for this booth (for ``HubDb.put_records``)."""
        from inspector_app.hub.db import Booth

        return Booth(self.booth_id, self.port, self.public_key)

    @property
    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"}

    def sign(self, record: dict) -> dict:
        """``record`` with the booth's signature over what the hub stores of it."""
        from inspector_app.common import signing
        from inspector_app.hub import records

        return {**record, "signature": signing.sign(self.key, signing.RECORD, records.signed_record(self.booth_id,
                                                                                                       record))}

    def signed(self, batch: list[dict]) -> list[dict]:
        return [self.sign(r) for r in batch]


def enrol_booth(db, booth_id: str, port: str = PORT, *, enrol: bool = True) -> SigningBooth:
    """Register ``booth_id`` at ``port`` with a fresh key (given at registration unless ``enrol``
    is False: then the booth has a credential but no key yet, as before its first contact)."""
    from inspector_app.common import signing

    key = Ed25519PrivateKey.generate()
    token = db.register_booth(booth_id, port, signing.public_b64(key) if enrol else None)
    return SigningBooth(booth_id, port, token, key)


def supervisor_proof(user: str, key, booth_id: str, path: str = "/queue", method: str = "GET") -> dict:
    """The headers that prove a supervisor is at the booth now (``GET /queue``), signed with ``key``."""
    import datetime as dt

    from inspector_app.common import signing

    at = dt.datetime.now(dt.UTC).isoformat()
    value = {"user": user, "at": at, "method": method, "path": path, "booth_id": booth_id}
    return {"X-Supervisor": user, "X-Supervisor-At": at,
            "X-Supervisor-Proof": signing.sign(key, signing.SUPERVISOR_PROOF, value)}


def trust_of(hub):
    """The pins a booth configured for ``hub`` holds (``sync configure --trust``)."""
    from inspector_app.hub.keys import trust_document
    from inspector_app.sync.trust import HubTrust

    return HubTrust.from_document(trust_document(hub.hub_dir))


@pytest.fixture
def hub(hub_db_url):
    """A real hub (uvicorn) on an ephemeral loopback port, over HTTPS with a throwaway hub directory
    (``hub.hub_dir``: CA, keys, trust file): clients trust ``hub.tls_context``; booth clients get
    ``trust_of(hub)``."""
    from inspector_app.hub.runner import start_in_thread

    running = start_in_thread(hub_db_url)
    yield running
    running.stop()
    running.db.close()
