"""Where the database key lives: the OS keyring when one works, else a 0600 key file.

A key provider hands out the 32-byte SQLCipher key of one booth database. ``get_key(create=True)``
makes a new random key when none exists yet (a new booth); ``create=False`` is used when the
database already exists, so a lost key is reported instead of silently replaced.

Selection (``default_key_provider``): ``$INSPECTOR_KEY_PROVIDER`` or the booth setting
``store.key_provider`` (``auto`` | ``keyring`` | ``file``). ``auto`` keeps using a key file that
already exists, otherwise uses the keyring when a real backend answers within a few seconds,
otherwise creates the key file. A headless machine has no keyring backend: that must neither
hang nor fail, so the probe runs in a daemon thread with a timeout.
"""
from __future__ import annotations

import os
import secrets
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from .errors import KeyFileInsecure, KeyUnavailable

KEY_BYTES = 32
KEY_FILE_NAME = "booth.key"
KEYRING_SERVICE = "border-inspector"
PROBE_TIMEOUT_S = 3.0

T = TypeVar("T")


class KeyProvider(Protocol):
    def get_key(self, create: bool = False) -> bytes:
        """The key; with ``create`` make and keep a new one if there is none."""

    def describe(self) -> str:
        """Where the key lives, for messages."""


def _decode(text: str, where: str) -> bytes:
    text = text.strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyUnavailable(f"{where} does not hold a {KEY_BYTES}-byte hex key")
    return key


def _with_timeout(fn: Callable[[], T], timeout: float, what: str) -> T:
    """Run ``fn`` in a daemon thread; a keyring waiting on D-Bus must not freeze the booth."""
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=run, name=f"keyring-{what}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise KeyUnavailable(f"the OS keyring did not answer within {timeout:g} s ({what})")
    if "error" in box:
        raise box["error"]
    return box["value"]


class FileKeyProvider:
    """A hex key in a file only its owner may read (mode 0600); anything looser is refused."""

    def __init__(self, path: Path | str):
        self.path = Path(path)

    def describe(self) -> str:
        return f"key file {self.path}"

    def get_key(self, create: bool = False) -> bytes:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            if not create:
                raise KeyUnavailable(f"key file {self.path} is missing") from None
            return self._create()
        self._check_private(st)
        return _decode(self.path.read_text(encoding="ascii", errors="replace"), self.describe())

    def _check_private(self, st: os.stat_result) -> None:
        if not stat.S_ISREG(st.st_mode):
            raise KeyUnavailable(f"key file {self.path} is not a regular file")
        if os.name == "posix" and st.st_mode & 0o077:  # Windows has ACLs, not mode bits
            raise KeyFileInsecure(
                f"key file {self.path} has mode {stat.S_IMODE(st.st_mode):04o}: other users could read "
                f"it. Run `chmod 600 {self.path}` (and consider the key compromised)."
            )
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            raise KeyFileInsecure(f"key file {self.path} belongs to another user (uid {st.st_uid})")

    def _create(self) -> bytes:
        """Write a temporary file, then hard-link it into place: a crash never leaves half a key."""
        key = secrets.token_bytes(KEY_BYTES)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, key.hex().encode("ascii") + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, self.path)
        except FileExistsError:  # another process created it first: use theirs
            return self.get_key(create=False)
        finally:
            tmp.unlink(missing_ok=True)
        _fsync_dir(self.path.parent)
        return key


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def keyring_usable(timeout: float = PROBE_TIMEOUT_S) -> bool:
    """True when the keyring package has a real (not fail/null/plaintext) backend that answers."""

    def probe() -> bool:
        import keyring
        from keyring.backends import chainer, fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            return False
        if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
            return False
        try:
            priority = float(backend.priority)
        except Exception:
            priority = 0.0
        return priority >= 1

    try:
        return bool(_with_timeout(probe, timeout, "probe"))
    except Exception:
        return False


class KeyringKeyProvider:
    """The key as a hex secret in the OS keyring (Secret Service, macOS Keychain, Windows)."""

    def __init__(self, username: str, service: str = KEYRING_SERVICE, timeout: float = PROBE_TIMEOUT_S):
        self.service = service
        self.username = username
        self.timeout = timeout

    @classmethod
    def for_home(cls, home: Path | str, **kw) -> KeyringKeyProvider:
        return cls(username=f"booth-db:{Path(home).resolve()}", **kw)

    def describe(self) -> str:
        return f"OS keyring entry {self.service}/{self.username}"

    def get_key(self, create: bool = False) -> bytes:
        import keyring
        from keyring.errors import KeyringError

        try:
            text = _with_timeout(lambda: keyring.get_password(self.service, self.username), self.timeout, "read")
        except KeyringError as exc:
            raise KeyUnavailable(f"{self.describe()} cannot be read: {exc}") from exc
        if text:
            return _decode(text, self.describe())
        if not create:
            raise KeyUnavailable(f"{self.describe()} does not exist")
        key = secrets.token_bytes(KEY_BYTES)
        try:
            _with_timeout(lambda: keyring.set_password(self.service, self.username, key.hex()), self.timeout, "write")
        except KeyringError as exc:
            raise KeyUnavailable(f"{self.describe()} cannot be written: {exc}") from exc
        return key


def default_key_provider(home: Path | str, choice: str | None = None) -> KeyProvider:
    """The provider for a booth home; see the module docstring for the order of preference."""
    home = Path(home)
    if choice is None:
        choice = os.environ.get("INSPECTOR_KEY_PROVIDER")
    if choice is None:
        from inspector_app.settings import Settings

        choice = Settings.load(home).get("store.key_provider", "auto")
    choice = str(choice).strip().lower()
    key_file = FileKeyProvider(home / KEY_FILE_NAME)
    if choice == "file":
        return key_file
    if choice == "keyring":
        return KeyringKeyProvider.for_home(home)
    if choice != "auto":
        raise KeyUnavailable(f"unknown key provider {choice!r} (use auto, keyring or file)")
    if key_file.path.exists():
        return key_file
    if keyring_usable():
        return KeyringKeyProvider.for_home(home)
    return key_file
