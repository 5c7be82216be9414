"""The real PC/SC stack for the chip tests: pcscd with Debian's vpcd driver, and a virtual reader to put chips on.

``pcsc_stack`` (session) reuses a running pcscd that has vpcd's readers, or starts one in the
foreground as a child with a reader.conf directory holding only vpcd (port 35963, as Debian's
/etc/reader.conf.d/vpcd; slot 01 on 35964), and waits until pyscard lists the virtual readers.
Absent packages or a pcscd that cannot start skip locally with the reason, but FAIL when $CI is
set: CI installs them (build/setup.sh), so a missing install step cannot pass as a skip.

Parallel pytest processes share the one pcscd a machine can run (its socket is fixed at
/run/pcscd/pcscd.comm): a lock file serialises starting it, every user holds a shared lock while
it runs, and the last user to leave stops it if a test run started it (its pid is kept in a
marker file; a pcscd started otherwise is left alone). Each process takes one vpcd slot under its
own lock, so two runs never put cards in the same reader.

``virtual_reader`` (per test) is that slot: ``insert(card)`` connects a ``VpcdClient`` and waits
until pcscd sees the chip, ``remove()`` (also at teardown) waits until the reader is empty again.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from inspector_app.chip.vpcd import DEFAULT_PORT, Card, VpcdClient

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
LOCK_DIR = Path(tempfile.gettempdir())
START_LOCK = LOCK_DIR / "inspector-pcscd-start.lock"
USERS_LOCK = LOCK_DIR / "inspector-pcscd-users.lock"
STARTED_MARKER = LOCK_DIR / "inspector-pcscd-by-tests.pid"
SLOTS = {"Virtual PCD 00 00": DEFAULT_PORT, "Virtual PCD 00 01": DEFAULT_PORT + 1}
START_TIMEOUT_S = 15.0
SLOT_TIMEOUT_S = 120.0


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but PC/SC cannot start: {reason}")
    pytest.skip(f"PC/SC cannot start here: {reason}")


def _lock(path: Path, kind: int) -> int:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    fcntl.flock(fd, kind)
    return fd


def _try_lock(path: Path, kind: int) -> int | None:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, kind | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def _vpcd_readers() -> list[str] | None:
    """The vpcd readers pcscd lists, or None while pcscd does not answer."""
    from inspector_app.chip import pcsc
    from inspector_app.chip.transport import ServiceUnavailable

    try:
        return [r for r in pcsc.list_readers() if r in SLOTS]
    except ServiceUnavailable:
        return None


def _pcscd_binary() -> str | None:
    return shutil.which("pcscd") or next((p for p in ("/usr/sbin/pcscd", "/sbin/pcscd") if os.access(p, os.X_OK)), None)


@dataclass
class PcscStack:
    readers: list[str]
    started: subprocess.Popen | None
    log: Path | None
    _users_fd: int = -1


def _start_pcscd(workdir: Path) -> tuple[subprocess.Popen, Path]:
    binary = _pcscd_binary()
    if binary is None:
        _unavailable("pcscd is not installed (apt-get install pcscd vsmartcard-vpcd; build/setup.sh does it)")
    if not VPCD_DRIVER.exists():
        _unavailable(f"the vpcd driver {VPCD_DRIVER} is missing (apt-get install vsmartcard-vpcd)")
    conf = workdir / "reader.conf.d"
    conf.mkdir()
    (conf / "vpcd").write_text(f'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:{DEFAULT_PORT:#06x}\n'
                               f"LIBPATH {VPCD_DRIVER}\nCHANNELID {DEFAULT_PORT:#06x}\n")
    log = workdir / "pcscd.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([binary, "--foreground", "--info", "--config", str(conf)],
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    return proc, log


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def _stop_started_by_tests(own: subprocess.Popen | None) -> None:
    """Stop the pcscd a test run started (this one's child, or another run's recorded in the marker)."""
    try:
        pid = int(STARTED_MARKER.read_text())
    except (OSError, ValueError):
        return
    STARTED_MARKER.unlink(missing_ok=True)
    if own is not None and own.pid == pid:
        _stop(own)
        return
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return  # gone already
    if b"pcscd" not in cmdline or b"reader.conf.d" not in cmdline:
        return  # the pid was reused by something else
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}/cmdline").exists() and _vpcd_readers() is not None and time.monotonic() < deadline:
        time.sleep(0.05)  # polls for the socket to close, bounded above


@pytest.fixture(scope="session")
def pcsc_stack(tmp_path_factory):
    try:
        import smartcard.scard  # noqa: F401
    except ImportError as exc:
        _unavailable(f"pyscard is not installed ({exc}); build/setup.sh installs it with swig and libpcsclite-dev")
    start_fd = _lock(START_LOCK, fcntl.LOCK_EX)
    started = log = None
    try:
        readers = _vpcd_readers()
        if readers is None:
            started, log = _start_pcscd(tmp_path_factory.mktemp("pcscd"))
            STARTED_MARKER.write_text(str(started.pid))
            deadline = time.monotonic() + START_TIMEOUT_S
            while (readers := _vpcd_readers()) is None or len(readers) < len(SLOTS):
                if started.poll() is not None or time.monotonic() > deadline:
                    tail = log.read_text(errors="replace")[-1500:]
                    STARTED_MARKER.unlink(missing_ok=True)
                    if started.poll() is None:
                        _stop(started)
                        why = f"pcscd did not list the vpcd readers within {START_TIMEOUT_S:g} s"
                    else:
                        why = f"pcscd exited with status {started.returncode}"
                    _unavailable(f"{why}; its log ends:\n{tail}")
                time.sleep(0.05)  # polls a condition (pcscd answering with the readers), bounded above
        elif not readers:
            _unavailable("a pcscd is running without vpcd's readers: install vsmartcard-vpcd and restart it")
        users_fd = _lock(USERS_LOCK, fcntl.LOCK_SH)
    finally:
        os.close(start_fd)
    stack = PcscStack(readers, started, log, users_fd)
    yield stack
    start_fd = _lock(START_LOCK, fcntl.LOCK_EX)
    try:
        os.close(users_fd)
        alone = _try_lock(USERS_LOCK, fcntl.LOCK_EX)
        if alone is not None:  # no other test run uses it
            _stop_started_by_tests(started)
            os.close(alone)
    finally:
        os.close(start_fd)


@dataclass
class VirtualReader:
    """One vpcd slot of pcscd, held by this test run alone."""

    name: str
    port: int
    clients: list[VpcdClient] = field(default_factory=list)

    def insert(self, card: Card, timeout_s: float = 10.0) -> VpcdClient:
        from inspector_app.chip import pcsc

        client = VpcdClient(card, port=self.port).start()
        self.clients.append(client)
        pcsc.wait_for_card(self.name, timeout_s)  # pcscd's presence poll saw the chip
        return client

    def remove(self, timeout_s: float = 10.0) -> None:
        while self.clients:
            self.clients.pop().stop()
        wait_until_empty(self.name, timeout_s)


def reader_state(name: str) -> int:
    from smartcard import scard

    hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    try:
        hresult, states = scard.SCardGetStatusChange(ctx, 0, [(name, scard.SCARD_STATE_UNAWARE)])
        return states[0][1]
    finally:
        scard.SCardReleaseContext(ctx)


def wait_until_empty(name: str, timeout_s: float) -> None:
    """Wait on pcscd's state changes until the reader has no chip."""
    from smartcard import scard

    hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    try:
        state = scard.SCARD_STATE_UNAWARE
        deadline = time.monotonic() + timeout_s
        while True:
            left_ms = max(0, int((deadline - time.monotonic()) * 1000))
            hresult, states = scard.SCardGetStatusChange(ctx, left_ms if state else 0, [(name, state)])
            state = states[0][1] & ~scard.SCARD_STATE_CHANGED
            if state & scard.SCARD_STATE_EMPTY:
                return
            if hresult == scard.SCARD_E_TIMEOUT or time.monotonic() > deadline:
                raise AssertionError(f"{name} still shows a chip {timeout_s:g} s after it was removed")
    finally:
        scard.SCardReleaseContext(ctx)


@pytest.fixture(scope="session")
def _vpcd_slot(pcsc_stack):
    """A vpcd slot locked for this test run, empty (no other program's card in it)."""
    deadline = time.monotonic() + SLOT_TIMEOUT_S
    while True:
        for name in pcsc_stack.readers:
            fd = _try_lock(LOCK_DIR / f"inspector-vpcd-{SLOTS[name]}.lock", fcntl.LOCK_EX)
            if fd is None:
                continue
            if reader_state(name) & _present_bit():
                os.close(fd)  # another program's virtual card sits there
                continue
            yield VirtualReader(name, SLOTS[name])
            os.close(fd)
            return
        if time.monotonic() > deadline:
            pytest.fail(f"every vpcd slot stayed busy for {SLOT_TIMEOUT_S:g} s (other test runs or virtual cards)")
        time.sleep(0.2)  # polls for a slot freed by another process, bounded above


def _present_bit() -> int:
    from smartcard import scard

    return scard.SCARD_STATE_PRESENT


@pytest.fixture
def virtual_reader(_vpcd_slot):
    yield _vpcd_slot
    _vpcd_slot.remove()
