"""A simulated passport on the real PC/SC stack, for tests and the demo.

The chip is personalised by the project's own issuer (``personalise.make_chip``), served by the
project's applet with the access control of ``access``, and plugged into pcscd through Debian's
vpcd driver; the read goes through pyscard and pcscd exactly as with a contactless reader. Only
the card is simulated: the reader code under test is the booth's own (``session.PcscChipReader``).
pcscd with vpcd must be running: ``VirtualPcsc`` uses the machine's, or starts one for the
demo and the benchmark (build/setup.sh installs pcscd and vsmartcard-vpcd; the tests start their
own in tests/chip/conftest.py). ``SimulatedDesk`` is the demo's reader: the passport put on it
changes from traveller to traveller.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from inspector_app.chip import personalise
from inspector_app.chip.access import ChipAccess
from inspector_app.chip.applet import EmrtdApplet, Stop
from inspector_app.chip.passive_auth import CscaStore
from inspector_app.chip.reading import ChipReadResult, Progress
from inspector_app.chip.session import PcscChipReader, Random, SessionResult
from inspector_app.chip.vpcd import DEFAULT_PORT, VpcdClient

VIRTUAL_READER = "Virtual PCD 00 00"  # vpcd's first slot, port 35963
VPCD_READERS = {VIRTUAL_READER: DEFAULT_PORT, "Virtual PCD 00 01": DEFAULT_PORT + 1}
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")


class PcscUnavailable(RuntimeError):
    """pcscd or vpcd is not installed, or pcscd did not come up with vpcd's readers."""


def vpcd_readers() -> list[str] | None:
    """vpcd's readers as pcscd lists them; None while no pcscd answers."""
    from inspector_app.chip import pcsc
    from inspector_app.chip.transport import ServiceUnavailable

    try:
        return [r for r in pcsc.list_readers() if r in VPCD_READERS]
    except ServiceUnavailable:
        return None


def wait_until_empty(reader: str, timeout_s: float = 5.0) -> bool:
    """Wait on pcscd's state changes until ``reader`` has no chip; whether it emptied in time."""
    from smartcard import scard

    hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return False
    try:
        state = scard.SCARD_STATE_UNAWARE
        deadline = time.monotonic() + timeout_s
        while True:
            left_ms = max(0, int((deadline - time.monotonic()) * 1000))
            hresult, states = scard.SCardGetStatusChange(ctx, left_ms if state else 0, [(reader, state)])
            if hresult not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_TIMEOUT):
                return False
            state = states[0][1] & ~scard.SCARD_STATE_CHANGED
            if state & scard.SCARD_STATE_EMPTY:
                return True
            if time.monotonic() >= deadline:
                return False
    finally:
        scard.SCardReleaseContext(ctx)


class VirtualPcsc:
    """``with VirtualPcsc():`` a pcscd with vpcd's readers — the running one, or one started in the
    foreground as a child (its reader.conf names only vpcd) and stopped on exit."""

    def __init__(self, start_timeout_s: float = 15.0) -> None:
        self.start_timeout_s = start_timeout_s
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> VirtualPcsc:
        readers = vpcd_readers()
        if readers:
            return self
        if readers is not None:
            raise PcscUnavailable("a pcscd runs without vpcd's readers: install vsmartcard-vpcd and restart it")
        binary = shutil.which("pcscd") or "/usr/sbin/pcscd"
        if not Path(binary).exists() or not VPCD_DRIVER.exists():
            raise PcscUnavailable("pcscd or vpcd is missing: apt-get install pcscd vsmartcard-vpcd (build/setup.sh)")
        conf = Path(tempfile.mkdtemp(prefix="inspector-pcscd-")) / "reader.conf.d"
        conf.mkdir()
        (conf / "vpcd").write_text(f'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:{DEFAULT_PORT:#06x}\n'
                                   f"LIBPATH {VPCD_DRIVER}\nCHANNELID {DEFAULT_PORT:#06x}\n")
        self.process = subprocess.Popen([binary, "--foreground", "--config", str(conf)], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + self.start_timeout_s
        while not vpcd_readers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise PcscUnavailable(f"pcscd did not list vpcd's readers within {self.start_timeout_s:g} s")
            time.sleep(0.05)  # polls pcscd coming up, bounded above
        return self

    def __exit__(self, *exc) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
            self.process = None


@dataclass(frozen=True)
class ChipBehaviour:
    """How the simulated chip misbehaves: late answers, or leaving / hanging after some bytes."""

    delay_s: float = 0.0
    stop_after_bytes: int | None = None
    stop: Stop = Stop.LEAVE_FIELD


class SimulatedChipReader:
    """A ``ChipReader`` whose passport is ``content``: each ``read`` puts the chip on vpcd's reader,
    reads it through pcscd, and takes it off again."""

    def __init__(self, content: personalise.ChipContent, *, trust: CscaStore | None = None,
                 reader: str = VIRTUAL_READER, port: int = DEFAULT_PORT, behaviour: ChipBehaviour = ChipBehaviour(),
                 wait_s: float = 10.0, transmit_timeout_s: float = 3.0, budget_s: float = 15.0,
                 rng: Random = os.urandom) -> None:
        self.content = content
        self.behaviour = behaviour
        self.port = port
        self.terminal = PcscChipReader(reader, trust=trust, wait_s=wait_s, transmit_timeout_s=transmit_timeout_s,
                                       budget_s=budget_s, rng=rng)
        self.last_applet: EmrtdApplet | None = None

    @classmethod
    def personalise(cls, mrz_lines, face_jpeg: bytes, dsc: personalise.Signer, *, chip_options: dict | None = None,
                    **reader_options) -> SimulatedChipReader:
        """A reader with a freshly issued chip: ``chip_options`` go to ``personalise.make_chip``."""
        return cls(personalise.make_chip(mrz_lines, face_jpeg, dsc, **(chip_options or {})), **reader_options)

    def applet(self) -> EmrtdApplet:
        b = self.behaviour
        return EmrtdApplet(self.content.files, ChipAccess(self.content), delay_s=b.delay_s,
                           stop_after_bytes=b.stop_after_bytes, stop=b.stop)

    def read(self, mrz_information: str, can: str | None, progress: Progress | None = None) -> ChipReadResult:
        """``reading.ChipReader``: what the examination core records."""
        return self.read_detailed(mrz_information, can, progress).read_result()

    def read_detailed(self, mrz_information: str, can: str | None = None,
                      progress: Progress | None = None) -> SessionResult:
        # a passport taken off just before must be gone for pcscd, or this one would be taken for it
        wait_until_empty(self.terminal.reader or VIRTUAL_READER)
        self.last_applet = self.applet()
        with VpcdClient(self.last_applet, port=self.port):
            return self.terminal.read_detailed(mrz_information, can, progress)


class SimulatedDesk:
    """The demo's chip reader: ``place(content)`` puts a traveller's passport on it (``None`` takes
    it off); each read goes through pcscd as ``SimulatedChipReader`` does, waiting as long as pcscd
    takes to see a chip put on. With nothing placed the reader is empty, and the read says so after
    ``wait_s``."""

    def __init__(self, *, trust: CscaStore | None = None, reader: str = VIRTUAL_READER, port: int = DEFAULT_PORT,
                 wait_s: float = 2.0) -> None:
        self.trust, self.reader, self.port, self.wait_s = trust, reader, port, wait_s
        self.content: personalise.ChipContent | None = None
        self.behaviour = ChipBehaviour()

    def place(self, content: personalise.ChipContent | None, behaviour: ChipBehaviour = ChipBehaviour()) -> None:
        self.content, self.behaviour = content, behaviour

    def read(self, mrz_information: str, can: str | None, progress: Progress | None = None) -> ChipReadResult:
        return self.read_detailed(mrz_information, can, progress).read_result()

    def read_detailed(self, mrz_information: str, can: str | None = None,
                      progress: Progress | None = None) -> SessionResult:
        if self.content is None:
            wait_until_empty(self.reader)  # the last passport is off the reader for pcscd too
            return PcscChipReader(self.reader, trust=self.trust, wait_s=self.wait_s).read_detailed(
                mrz_information, can, progress)
        return SimulatedChipReader(self.content, trust=self.trust, reader=self.reader, port=self.port,
                                   behaviour=self.behaviour).read_detailed(
            mrz_information, can, progress)
