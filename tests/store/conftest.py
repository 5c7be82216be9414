"""Fixtures for the store tests: a fresh booth store with a file key, and raw access for tampering."""
from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.store import open_store
from inspector_app.store.keys import FileKeyProvider


@pytest.fixture
def store_home(tmp_path: Path) -> Path:
    home = tmp_path / "booth"
    home.mkdir()
    return home


@pytest.fixture
def key_provider(store_home: Path) -> FileKeyProvider:
    return FileKeyProvider(store_home / "booth.key")


@pytest.fixture
def store(store_home: Path, key_provider: FileKeyProvider):
    s = open_store(store_home, key_provider=key_provider)
    yield s
    s.close()


@pytest.fixture
def raw_db(store_home: Path, key_provider: FileKeyProvider):
    """Open a raw SQLCipher connection with the booth key, as an attacker holding the key would."""
    import sqlcipher3

    conns = []

    def open_raw(drop_triggers: bool = True):
        key = key_provider.get_key()
        conn = sqlcipher3.connect(str(store_home / "booth.db"), isolation_level=None)
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        if drop_triggers:
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
                conn.execute(f"DROP TRIGGER {name}")
        conns.append(conn)
        return conn

    yield open_raw
    for c in conns:
        c.close()


@pytest.fixture
def exam_factory(store):
    def make(inspector: str = "insp-a", **extra) -> str:
        exam = {"inspector": inspector, "booth": "NRT-T1-B07", "port": "NRT",
                "traveller": {"surname": "SUZUKI", "given_names": "ICHIRO", "nationality": "JPN"}}
        exam.update(extra)
        return store.create_examination(exam)

    return make
