"""Shared fixtures: the shared test data, a throwaway booth home, Qt offscreen."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from tests.postgres_fixtures import hub_db_url, pg_cluster, pg_url  # noqa: F401 - shared by tests/hub and tests/security

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the developer's OS keyring: booth database keys go to a 0600 file in the test
# home (session fixtures included). Tests of the keyring path unset this and use an in-memory backend.
os.environ["INSPECTOR_KEY_PROVIDER"] = "file"
# The file key is wrapped by a machine secret outside the booth home; tests keep theirs in a
# throwaway folder instead of /var/lib/border-inspector (root) or ~/.config.
os.environ.setdefault("INSPECTOR_MACHINE_SECRET",
                      str(Path(tempfile.mkdtemp(prefix="inspector-secret-")) / "machine-secret"))

ROOT = Path(__file__).resolve().parents[1]


def _memoise_costly_scrypt() -> None:
    """Each distinct scrypt derivation at full cost runs once per test session in this process.

    scrypt is a pure function of (password, salt, n, r, p, dklen): the same inputs give the same
    bytes. Tests sign in with the same user and stored hash again and again (the demo home is
    built once and copied, so inspector1's salt is the same in every copy), and each sign-in,
    unlock and signing-key unwrap at the production cost (n=2**17, ~0.5 s) computed the identical
    derivation. Here the real ``hashlib.scrypt`` computes it the first time and the bytes are
    reused after that; any other password, salt or parameter is computed afresh, so a wrong password
    still fails and a hash still has to match. Only this pytest process: the CLI and hub
    subprocesses that tests start pay the full cost every time."""
    import hashlib
    import threading

    real = hashlib.scrypt
    if getattr(real, "memoised", False):
        return
    done: dict[tuple, bytes] = {}
    lock = threading.Lock()

    def scrypt(password, *, salt, n, r, p, maxmem=0, dklen=64):
        if n < 2**14:  # cheap: tests of the format and the parser
            return real(password, salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=dklen)
        key = (bytes(password), bytes(salt), n, r, p, maxmem, dklen)
        with lock:
            found = done.get(key)
        if found is None:
            found = real(password, salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=dklen)
            with lock:
                done[key] = found
        return found

    scrypt.memoised = True
    hashlib.scrypt = scrypt


_memoise_costly_scrypt()


def pytest_collection_modifyitems(config, items):
    """The bundle checks run last: `build/setup.sh test` builds the bundle beside the run
    (tests/test_bundle.py), so by the time they are reached it is built (or nearly)."""
    bundle = [i for i in items if i.path.name == "test_bundle.py" and i.path.parent == Path(__file__).parent]
    if bundle:
        items[:] = [i for i in items if i not in bundle] + bundle


def shared_data_dir() -> Path:
    return Path(os.environ.get("INSPECTOR_TEST_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    d = shared_data_dir()
    if not d.is_dir():
        pytest.skip(f"shared test data not found at {d} (set INSPECTOR_TEST_DATA)")
    return d


@pytest.fixture
def booth_home(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "booth"
    home.mkdir()
    monkeypatch.setenv("INSPECTOR_HOME", str(home))
    return home


@pytest.fixture
def run_cli():
    """Run `python -m inspector_app ARGS` from this checkout (not whatever is installed)."""
    import subprocess
    import sys

    def run(*args: str, input: str | None = None, timeout: float = 120, env: dict | None = None):
        full_env = dict(os.environ)
        full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
        if env:
            full_env.update(env)
        return subprocess.run(
            [sys.executable, "-m", "inspector_app", *map(str, args)],
            input=input, capture_output=True, text=True, timeout=timeout, env=full_env, cwd=str(ROOT),
        )

    return run


@pytest.fixture
def cli(capsys, monkeypatch):
    """`inspector-app ARGS` in this process (same parser and handlers as the console script,
    without paying interpreter start-up per call); `run_cli` remains for true subprocess runs."""
    import io
    import sys
    from types import SimpleNamespace

    from inspector_app.cli import main

    def run(*args, input: str | None = None):
        monkeypatch.setattr(sys, "stdin", io.StringIO(input or ""))
        capsys.readouterr()
        rc = main([str(a) for a in args])
        out = capsys.readouterr()
        return SimpleNamespace(returncode=rc, stdout=out.out, stderr=out.err)

    return run


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo booth home, built once per test session; tests copy it (tests/ui, tests/booth).
    It needs nothing but the package (tests/test_demo_bare_clone.py proves it)."""
    from inspector_app.app.demo import build_demo_home

    home = tmp_path_factory.mktemp("demo-template") / "home"
    build_demo_home(home)
    return home


class TrustKit:
    """What an operator does to connect booths and people to a hub, for tests: users with
    strong hashes and their own signing keys (made once per user and password per session: each
    costs two scrypt runs), booths configured with the hub's trust file, sync clients."""

    _material: dict = {}

    def material(self, user: str, password: str) -> dict:
        from inspector_app.common.passwords import hash_password
        from inspector_app.common.userkeys import new_user_key

        key = (user, password)
        if key not in self._material:
            self._material[key] = {"password_hash": hash_password(password), **new_user_key(password)}
        return self._material[key]

    def user_row(self, user: str, password: str, roles, ports=("*",), display_name: str = "") -> dict:
        return {"user": user, "display_name": display_name or user, "roles": list(roles), "ports": list(ports),
                **self.material(user, password)}

    def add_user(self, hub, user: str, password: str, roles, ports=("*",)) -> None:
        """On the hub, as `hub add-user` does: add, then sign every port's list."""
        from inspector_app.hub.keys import ADMIN_FILE, load_admin

        row = self.user_row(user, password, roles, ports)
        hub.db.add_user(row["user"], row["password_hash"], row["roles"], row["display_name"], row["ports"],
                        row["public_key"], row["wrapped_key"])
        hub.db.publish_user_lists(load_admin(hub.hub_dir / ADMIN_FILE))

    def signing_key(self, user: str, password: str):
        from inspector_app.common.userkeys import unwrap

        m = self.material(user, password)
        return unwrap(m["wrapped_key"], m["public_key"], password)

    def configure_booth(self, home: Path, hub, booth_id: str, port: str = "Narita Airport") -> str:
        """Register the booth at the hub and configure its home (credential, trust file, port)."""
        from inspector_app.hub.keys import write_trust
        from inspector_app.settings import Settings
        from inspector_app.sync.config import configure

        home.mkdir(parents=True, exist_ok=True)
        token = hub.db.register_booth(booth_id, port)
        configure(home, booth_id, token, hub.url, write_trust(hub.hub_dir))
        s = Settings.load(home)
        s.set("booth.port", port)
        s.save()
        return token

    def client(self, home: Path, store, **kw):
        from inspector_app.sync.client import SyncClient

        return SyncClient.from_home(home, store, **kw)


@pytest.fixture
def trust_kit() -> TrustKit:
    return TrustKit()
