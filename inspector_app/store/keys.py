"""Where the database key lives: the OS keyring when one works, else a key file in the booth
home wrapped by a machine secret that lives outside it.

A key provider hands out the 32-byte SQLCipher key of one booth database. ``get_key(create=True)``
makes a new random key when none exists yet (a new booth); ``create=False`` is used when the
database already exists, so a lost key is reported instead of silently replaced. ``has_key()``
says whether a key is already held (``open_store`` refuses to start an empty database over a
deleted one).

Wrapped key file (``FileKeyProvider``): ``HOME/booth.key`` holds the database key encrypted with
ChaCha20-Poly1305 under the machine secret (32 random bytes, mode 0600) found at
``machine_secret_path()``: ``$INSPECTOR_MACHINE_SECRET``; else
``/var/lib/border-inspector/machine-secret`` when it is readable or we are root; else
``$XDG_CONFIG_HOME`` (or ``~/.config``) ``/border-inspector/machine-secret``. A copied booth home
(backup, USB stick, stolen disk image of the home alone) cannot be opened without it. A key file
in the old plain hex form is still read and rewrapped in place (logged, once).

Selection (``default_key_provider``): ``$INSPECTOR_KEY_PROVIDER`` or the booth setting
``store.key_provider`` (``auto`` | ``keyring`` | ``file``). ``auto`` keeps using a key file that
already exists, otherwise uses the keyring when a real backend answers within a few seconds,
otherwise creates the wrapped key file. A headless machine has no keyring backend: that must
neither hang nor fail, so the probe runs in a daemon thread with a timeout.
"""
from __future__ import annotations

import base64
import logging
import os
import secrets
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from .errors import KeyFileInsecure, KeyUnavailable

log = logging.getLogger(__name__)

KEY_BYTES = 32
KEY_FILE_NAME = "booth.key"
SECRET_BYTES = 32
SYSTEM_MACHINE_SECRET = Path("/var/lib/border-inspector/machine-secret")
WRAPPED_PREFIX = "border-inspector-key-v1$chacha20poly1305$"
_WRAP_AD = b"border-inspector/db-key/v1\0"
KEYRING_SERVICE = "border-inspector"
PROBE_TIMEOUT_S = 3.0

T = TypeVar("T")


class KeyProvider(Protocol):
    def get_key(self, create: bool = False) -> bytes:
        """The key; with ``create`` make and keep a new one if there is none."""

    def describe(self) -> str:
        """Where the key lives, for messages."""

    def has_key(self) -> bool:
        """Whether a key is already held (optional: providers without it are taken as not knowing)."""


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


def machine_secret_path() -> Path:
    """Where this machine's secret lives (see the module docstring); outside every booth home."""
    env = os.environ.get("INSPECTOR_MACHINE_SECRET")
    if env:
        return Path(env)
    if os.access(SYSTEM_MACHINE_SECRET, os.R_OK):
        return SYSTEM_MACHINE_SECRET
    if hasattr(os, "geteuid") and os.geteuid() == 0 and os.access(SYSTEM_MACHINE_SECRET.parent.parent, os.W_OK):
        return SYSTEM_MACHINE_SECRET
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "border-inspector" / "machine-secret"


def _check_private(path: Path, st: os.stat_result, what: str) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise KeyUnavailable(f"{what} {path} is not a regular file")
    if os.name == "posix" and st.st_mode & 0o077:  # Windows has ACLs, not mode bits
        raise KeyFileInsecure(
            f"{what} {path} has mode {stat.S_IMODE(st.st_mode):04o}: other users could read "
            f"it. Run `chmod 600 {path}` (and consider the key compromised)."
        )
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise KeyFileInsecure(f"{what} {path} belongs to another user (uid {st.st_uid})")


def _write_tmp(path: Path, data: bytes) -> Path:
    """``data`` in a new 0600 temporary file beside ``path``, on disk."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    return tmp


def _write_new(path: Path, data: bytes) -> bool:
    """Write a temporary file, then hard-link it into place: a crash never leaves half a file.
    False when another process created ``path`` first."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = _write_tmp(path, data)
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)
    return True


def _replace(path: Path, data: bytes) -> None:
    """Atomically replace ``path``'s content (temporary file, fsync, rename)."""
    tmp = _write_tmp(path, data)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


class MachineSecret:
    """32 random bytes in a 0600 file outside the booth home; made on first use."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path is not None else machine_secret_path()

    def get(self, create: bool = False) -> bytes:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            if not create:
                raise KeyUnavailable(
                    f"the machine secret {self.path} is missing, so the booth's key file cannot be unwrapped: "
                    "was this booth home copied from another machine? (set $INSPECTOR_MACHINE_SECRET if the "
                    "secret lives elsewhere)"
                ) from None
            _write_new(self.path, secrets.token_bytes(SECRET_BYTES))  # or another process's, made first
            return self.get(create=False)
        _check_private(self.path, st, "machine secret")
        data = self.path.read_bytes()
        if len(data) != SECRET_BYTES:
            raise KeyUnavailable(f"machine secret {self.path} does not hold {SECRET_BYTES} bytes")
        return data


def _wrap(key: bytes, secret: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    sealed = ChaCha20Poly1305(secret).encrypt(nonce, key, _WRAP_AD)
    text = WRAPPED_PREFIX + base64.b64encode(nonce).decode() + "$" + base64.b64encode(sealed).decode()
    return text.encode("ascii") + b"\n"


class FileKeyProvider:
    """The key in a file only its owner may read (mode 0600), wrapped by the machine secret;
    anything looser is refused. An old plain hex key file is read and rewrapped in place."""

    def __init__(self, path: Path | str, machine_secret: Path | str | None = None):
        self.path = Path(path)
        self._secret_path = None if machine_secret is None else Path(machine_secret)

    @property
    def secret(self) -> MachineSecret:
        return MachineSecret(self._secret_path)  # the default location is read at use, not at creation

    def describe(self) -> str:
        return f"key file {self.path} (wrapped by the machine secret {self.secret.path})"

    def has_key(self) -> bool:
        return self.path.exists()

    def get_key(self, create: bool = False) -> bytes:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            if not create:
                raise KeyUnavailable(f"key file {self.path} is missing") from None
            return self._create()
        _check_private(self.path, st, "key file")
        text = self.path.read_text(encoding="ascii", errors="replace").strip()
        if not text.startswith(WRAPPED_PREFIX):
            key = _decode(text, f"key file {self.path}")
            self._rewrap(key)
            return key
        return self._unwrap(text)

    def _unwrap(self, text: str) -> bytes:
        secret = self.secret.get(create=False)
        try:
            nonce_b64, sealed_b64 = text[len(WRAPPED_PREFIX):].split("$")
            nonce = base64.b64decode(nonce_b64, validate=True)
            sealed = base64.b64decode(sealed_b64, validate=True)
            key = ChaCha20Poly1305(secret).decrypt(nonce, sealed, _WRAP_AD)
        except (ValueError, InvalidTag):
            raise KeyUnavailable(
                f"key file {self.path} does not unwrap with the machine secret {self.secret.path}: the home "
                "comes from another machine, the secret was replaced, or the file was altered"
            ) from None
        if len(key) != KEY_BYTES:
            raise KeyUnavailable(f"key file {self.path} does not hold a {KEY_BYTES}-byte key")
        return key

    def _rewrap(self, key: bytes) -> None:
        secret = self.secret.get(create=True)
        _replace(self.path, _wrap(key, secret))
        log.info("key file %s was a plain key; it is now wrapped by the machine secret %s", self.path,
                 self.secret.path)

    def _create(self) -> bytes:
        key = secrets.token_bytes(KEY_BYTES)
        if not _write_new(self.path, _wrap(key, self.secret.get(create=True))):
            return self.get_key(create=False)  # another process created it first: use theirs
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

    def has_key(self) -> bool:
        import keyring
        from keyring.errors import KeyringError

        try:
            text = _with_timeout(lambda: keyring.get_password(self.service, self.username), self.timeout, "read")
        except KeyringError as exc:
            raise KeyUnavailable(f"{self.describe()} cannot be read: {exc}") from exc
        return bool(text)

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
