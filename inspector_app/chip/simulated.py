"""A simulated passport on the real PC/SC stack, for tests and the demo.

The chip is personalised by the project's own issuer (``personalise.make_chip``), served by the
project's applet with the access control of ``access``, and plugged into pcscd through Debian's
vpcd driver; the read goes through pyscard and pcscd exactly as with a contactless reader. Only
the card is simulated: the reader code under test is the booth's own (``session.PcscChipReader``).
pcscd with vpcd must be running (build/setup.sh installs them; the tests start their own).
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from inspector_app.chip import personalise
from inspector_app.chip.access import ChipAccess
from inspector_app.chip.applet import EmrtdApplet, Stop
from inspector_app.chip.passive_auth import CscaStore
from inspector_app.chip.reading import ChipReadResult, Progress
from inspector_app.chip.session import PcscChipReader, Random, SessionResult
from inspector_app.chip.vpcd import DEFAULT_PORT, VpcdClient

VIRTUAL_READER = "Virtual PCD 00 00"  # vpcd's first slot, port 35963


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
        self.last_applet = self.applet()
        with VpcdClient(self.last_applet, port=self.port):
            return self.terminal.read_detailed(mrz_information, can, progress)
