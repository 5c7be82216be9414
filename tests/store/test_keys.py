"""Key providers: a private key file, the OS keyring through the keyring API, and the choice between them."""
from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from inspector_app.store import KeyFileInsecure, KeyUnavailable, open_store
from inspector_app.store.keys import (
    FileKeyProvider,
    KeyringKeyProvider,
    default_key_provider,
    keyring_usable,
)


def _no_keyring():
    """What every test leaves behind. Not whatever get_keyring() returned: this module's own
    backends register themselves with keyring on import, so its auto-detected choice could be the
    hanging one, and a later test would wait on it."""
    from keyring.backends import fail

    return fail.Keyring()


class MemoryKeyring(KeyringBackend):
    """A working keyring backend that keeps secrets in a dict."""

    priority = 5

    def __init__(self):
        super().__init__()
        self.secrets = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


class HangingKeyring(MemoryKeyring):
    """A backend that never answers, like a Secret Service waiting for an unlock prompt."""

    def get_password(self, service, username):
        time.sleep(30)


@pytest.fixture
def memory_keyring():
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(_no_keyring())


def test_key_file_is_created_private_and_reused(tmp_path):
    provider = FileKeyProvider(tmp_path / "booth.key")
    key = provider.get_key(create=True)
    assert len(key) == 32
    assert stat.S_IMODE(provider.path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["booth.key"]  # no temporary file left behind
    assert provider.get_key() == key
    assert provider.get_key(create=True) == key


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_key_file_readable_by_others_is_refused(tmp_path, mode):
    provider = FileKeyProvider(tmp_path / "booth.key")
    provider.get_key(create=True)
    os.chmod(provider.path, mode)
    with pytest.raises(KeyFileInsecure, match="chmod 600"):
        provider.get_key()


def test_missing_or_garbled_key_file(tmp_path):
    provider = FileKeyProvider(tmp_path / "booth.key")
    with pytest.raises(KeyUnavailable, match="missing"):
        provider.get_key()
    fd = os.open(provider.path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, b"not a key\n")
    os.close(fd)
    with pytest.raises(KeyUnavailable, match="hex key"):
        provider.get_key()


def test_keyring_provider_creates_and_reads_the_key(memory_keyring, tmp_path):
    provider = KeyringKeyProvider.for_home(tmp_path)
    with pytest.raises(KeyUnavailable, match="does not exist"):
        provider.get_key()
    key = provider.get_key(create=True)
    assert provider.get_key() == key
    assert memory_keyring.secrets[(provider.service, provider.username)] == key.hex()
    store = open_store(tmp_path / "booth", key_provider=KeyringKeyProvider.for_home(tmp_path / "booth"))
    store.close()
    assert not (tmp_path / "booth" / "booth.key").exists()


def test_keyring_that_hangs_gives_up(tmp_path):
    keyring.set_keyring(HangingKeyring())
    try:
        started = time.monotonic()
        with pytest.raises(KeyUnavailable, match="did not answer"):
            KeyringKeyProvider.for_home(tmp_path, timeout=0.3).get_key()
        assert time.monotonic() - started < 10
    finally:
        keyring.set_keyring(_no_keyring())


def test_usable_keyring_is_detected(memory_keyring):
    assert keyring_usable()


def test_fail_backend_is_not_usable():
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    try:
        assert not keyring_usable()
    finally:
        keyring.set_keyring(_no_keyring())


def test_default_provider_choice(tmp_path, monkeypatch, memory_keyring):
    monkeypatch.delenv("INSPECTOR_KEY_PROVIDER", raising=False)
    assert isinstance(default_key_provider(tmp_path), KeyringKeyProvider)  # a keyring works here
    assert isinstance(default_key_provider(tmp_path, "file"), FileKeyProvider)
    FileKeyProvider(tmp_path / "booth.key").get_key(create=True)
    assert isinstance(default_key_provider(tmp_path), FileKeyProvider)  # existing key file wins
    monkeypatch.setenv("INSPECTOR_KEY_PROVIDER", "keyring")
    assert isinstance(default_key_provider(tmp_path), KeyringKeyProvider)
    with pytest.raises(KeyUnavailable, match="unknown key provider"):
        default_key_provider(tmp_path, "usb-stick")


def test_default_provider_without_keyring_uses_a_file(tmp_path, monkeypatch):
    from keyring.backends import fail

    monkeypatch.delenv("INSPECTOR_KEY_PROVIDER", raising=False)
    keyring.set_keyring(fail.Keyring())
    try:
        provider = default_key_provider(tmp_path)
        assert isinstance(provider, FileKeyProvider)
        store = open_store(tmp_path)
        store.close()
        assert stat.S_IMODE((tmp_path / "booth.key").stat().st_mode) == 0o600
    finally:
        keyring.set_keyring(_no_keyring())


# -- the key file is wrapped by a machine secret outside the home --------------------------------------
def test_key_file_is_wrapped_by_the_machine_secret(tmp_path, machine_secret):
    provider = FileKeyProvider(tmp_path / "booth.key")
    key = provider.get_key(create=True)
    text = provider.path.read_text()
    assert text.startswith("border-inspector-key-v1$chacha20poly1305$") and key.hex() not in text
    assert machine_secret.exists() and stat.S_IMODE(machine_secret.stat().st_mode) == 0o600
    assert len(machine_secret.read_bytes()) == 32
    assert str(machine_secret) in provider.describe()


def test_a_copied_home_does_not_open_without_the_machine_secret(tmp_path, machine_secret, monkeypatch):
    home = tmp_path / "booth"
    open_store(home).close()
    copy = tmp_path / "elsewhere"
    import shutil

    shutil.copytree(home, copy)
    monkeypatch.setenv("INSPECTOR_MACHINE_SECRET", str(tmp_path / "other-machine" / "machine-secret"))
    with pytest.raises(KeyUnavailable, match="machine secret .* is missing"):
        open_store(copy)
    FileKeyProvider(tmp_path / "other.key").get_key(create=True)  # the other machine now has a secret
    with pytest.raises(KeyUnavailable, match="does not unwrap"):
        open_store(copy)
    monkeypatch.setenv("INSPECTOR_MACHINE_SECRET", str(machine_secret))
    open_store(copy).close()


def test_an_old_plain_key_file_is_rewrapped_in_place(tmp_path, caplog):
    home = tmp_path / "booth"
    provider = FileKeyProvider(home / "booth.key")
    open_store(home, key_provider=provider).close()
    key = provider.get_key()
    provider.path.unlink()
    fd = os.open(provider.path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, key.hex().encode() + b"\n")  # the format before the machine secret
    os.close(fd)
    with caplog.at_level("INFO", logger="inspector_app.store.keys"):
        open_store(home, key_provider=provider).close()
    assert "now wrapped" in caplog.text
    assert provider.path.read_text().startswith("border-inspector-key-v1$")
    assert stat.S_IMODE(provider.path.stat().st_mode) == 0o600
    assert provider.get_key() == key
    assert sorted(p.name for p in home.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_machine_secret_readable_by_others_is_refused(tmp_path, machine_secret):
    provider = FileKeyProvider(tmp_path / "booth.key")
    provider.get_key(create=True)
    os.chmod(machine_secret, 0o644)
    with pytest.raises(KeyFileInsecure, match="machine secret"):
        provider.get_key()


def test_machine_secret_location(tmp_path, monkeypatch):
    from inspector_app.store import keys

    system = tmp_path / "var" / "lib" / "border-inspector" / "machine-secret"
    system.parent.parent.mkdir(parents=True)
    monkeypatch.setattr(keys, "SYSTEM_MACHINE_SECRET", system)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert keys.machine_secret_path() == Path(os.environ["INSPECTOR_MACHINE_SECRET"])
    monkeypatch.delenv("INSPECTOR_MACHINE_SECRET")
    monkeypatch.setattr(keys.os, "geteuid", lambda: 1000)
    assert keys.machine_secret_path() == tmp_path / "xdg" / "border-inspector" / "machine-secret"
    monkeypatch.setattr(keys.os, "geteuid", lambda: 0)
    assert keys.machine_secret_path() == system  # root: the system-wide place
    monkeypatch.setattr(keys.os, "geteuid", lambda: 1000)
    keys.MachineSecret(system).get(create=True)
    assert keys.machine_secret_path() == system  # a readable system secret is used by everyone


def test_has_key(tmp_path, memory_keyring):
    file_provider = FileKeyProvider(tmp_path / "booth.key")
    ring = KeyringKeyProvider.for_home(tmp_path)
    assert not file_provider.has_key() and not ring.has_key()
    file_provider.get_key(create=True)
    ring.get_key(create=True)
    assert file_provider.has_key() and ring.has_key()


def test_deleted_database_with_its_key_in_the_keyring_is_an_error(tmp_path, memory_keyring):
    from inspector_app.store import StoreError

    home = tmp_path / "booth"
    open_store(home, key_provider=KeyringKeyProvider.for_home(home)).close()
    for name in ("booth.db", "booth.db-wal", "booth.db-shm", "booth.db.created"):
        (home / name).unlink(missing_ok=True)
    with pytest.raises(StoreError, match="OS keyring .* still holds its key"):
        open_store(home, key_provider=KeyringKeyProvider.for_home(home))
