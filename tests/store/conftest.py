"""Fixtures for the store tests: a fresh booth store with a file key, and raw access for tampering."""
from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.store import open_store
from inspector_app.store.keys import FileKeyProvider


@pytest.fixture(autouse=True)
def machine_secret(tmp_path_factory, monkeypatch) -> Path:
    """Each test's own machine secret (wrapping the booth key files), outside its booth home and
    never the developer's ~/.config or /var/lib one."""
    path = tmp_path_factory.mktemp("machine") / "machine-secret"
    monkeypatch.setenv("INSPECTOR_MACHINE_SECRET", str(path))
    return path


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


#: The examination date of ``clean_exam`` examinations (and the landing date of ``LANDING``).
EXAM_DATE = "2026-11-22"
LANDING = {"type": "landing_permission", "status_code": "temporary_visitor", "period": "90d",
           "landing_date": EXAM_DATE}
#: What a complete examination records besides its document: both document lists screened with no
#: match, the face and both index fingers captured (``domain.checks`` kinds).
CLEAN_CHECKS = (
    {"kind": "sltd", "outcome": "clear", "reasons": [], "coverage": {"state": "no_match", "reason": None}},
    {"kind": "biographic", "outcome": "clear", "reasons": [], "coverage": {"state": "no_match", "reason": None}},
    {"kind": "face_capture", "outcome": "clear", "reasons": []},
    {"kind": "finger_capture", "outcome": "clear", "position": "Left IndexFinger", "score": 80.0, "reasons": []},
    {"kind": "finger_capture", "outcome": "clear", "position": "Right IndexFinger", "score": 80.0, "reasons": []},
)


def clean_mrz(surname: str = "SUZUKI", given_names: str = "ICHIRO", number: str = "TK1234567",
              nationality: str = "GBR") -> list[str]:
    from datetime import date

    from inspector_app.domain.mrz_build import build_td3

    return build_td3(issuing_state=nationality, surname=surname, given_names=given_names, document_number=number,
                     nationality=nationality, birth_date=date(1985, 4, 12), sex="M",
                     expiry_date=date(2031, 8, 30)).split("\n")


@pytest.fixture
def clean_exam(store):
    """An examination recorded through the store API as the booth records a clean one: the MRZ
    lines read, both document lists screened with no match, face and both index fingers captured.
    A landing permission (``LANDING``) on it passes every rule; ``checks=False`` leaves out the
    check results, ``extra`` goes into the examination record."""

    def make(inspector: str = "insp-a", checks: bool = True, **extra) -> str:
        lines = clean_mrz()
        exam = {"inspector": inspector, "booth": "NRT-T1-B07", "port": "NRT", "examination_date": EXAM_DATE,
                "traveller": {"surname": "SUZUKI", "given_names": "ICHIRO", "nationality": "GBR",
                              "document_number": "TK1234567"},
                "mrz": {"lines": lines, "format": "TD3"}}
        exam.update(extra)
        exam_id = store.create_examination(exam)
        for check in CLEAN_CHECKS if checks else ():
            store.add_check_result(exam_id, dict(check))
        return exam_id

    return make


# -- users with signing keys ------------------------------------------------------------------------
#: The one password of every test user (scrypt at full strength costs ~0.5 s: hashed once).
PASSWORD = "correct horse battery"
SUPERVISORS = ("sup-b", "sup-c")


@pytest.fixture(scope="session")
def staff() -> dict:
    """Users as the hub sends them (hash, roles, public and wrapped key), made once per session,
    with each one's unwrapped private key under ``"private"`` (unwrapping costs a scrypt too)."""
    from inspector_app.common import passwords, userkeys

    encoded = passwords.hash_password(PASSWORD)
    people = {"insp-a": ["inspector"], "sup-b": ["supervisor"], "sup-c": ["supervisor", "inspector"],
              "insp-d": ["inspector"]}
    out = {}
    for name, roles in people.items():
        keys = userkeys.new_user_key(PASSWORD)
        out[name] = {"user": name, "roles": roles, "password_hash": encoded, "ports": ["NRT"], **keys,
                     "private": userkeys.unwrap(keys["wrapped_key"], keys["public_key"], PASSWORD)}
    return out


def hub_users(staff: dict, *names: str) -> list[dict]:
    """The users as the hub's list carries them (no private keys)."""
    return [{k: v for k, v in staff[n].items() if k != "private"} for n in (names or staff)]


@pytest.fixture
def signing_keys(store, staff) -> dict:
    """Installs the staff as users version 1 of ``store``; their private keys by name."""
    store.set_users(hub_users(staff), version=1)
    return {name: person["private"] for name, person in staff.items()}
