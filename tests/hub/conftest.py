"""A throwaway PostgreSQL cluster from Debian's binaries, and hub fixtures over SQLite and PostgreSQL.

Absent binaries skip locally with the reason, but FAIL when $CI is set: CI installs `postgresql`
(build/setup.sh test) and the hub's PostgreSQL path must really run there.

``enrol_booth(db, booth_id)`` registers a booth with a port and a fresh signing key, as an
operator and a booth do (docs/SECURITY.md), and returns a ``SigningBooth`` that signs records the
way the booth's sync client does.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

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


def _pg_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Cluster:
    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="inspector-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:  # initdb refuses to run as root
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *cmd: str) -> None:
        full = (["runuser", "-u", "postgres", "--"] if self.as_postgres else []) + list(cmd)
        out = subprocess.run(full, capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(f"{' '.join(full)} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")

    def start(self) -> None:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--no-sync")
        opts = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} "
                "-c fsync=off -c max_connections=200")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l",
                  str(self.root / "log"), "-w", "-t", "60", "start")

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"


@pytest.fixture(scope="session")
def pg_cluster():
    bindir = _pg_bindir()
    if bindir is None:
        reason = "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {reason}")
        pytest.skip(reason)
    cluster = _Cluster(bindir)
    cluster.start()
    yield cluster
    cluster.stop()


_db_numbers = itertools.count(1)


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh, empty schema in the session's cluster (cheaper than a database per test); the
    URL selects it through libpq's ``options=-csearch_path=...``."""
    import psycopg

    name = f"hub_{os.getpid()}_{next(_db_numbers)}"
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    return pg_cluster.url() + f"?options=-csearch_path%3D{name}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hub_db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/hub.db"
    return request.getfixturevalue("pg_url")


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
