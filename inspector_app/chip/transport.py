"""The one thing the chip reading code needs from a reader: a channel that transmits APDUs.

Access control, secure messaging and the LDS reader take a ``CardChannel`` and nothing else, so
they run the same over pyscard (``pcsc``), over the simulator directly, or over a recorded chip.
The errors are what a booth must tell apart: no reader (nothing to read with, recorded as such),
no card (a passport without a chip, or not on the reader), a card that left the field mid-read,
and a chip that stopped answering.
"""
from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class CardChannel(Protocol):
    def transmit(self, apdu: bytes) -> bytes:
        """Send a command APDU; return the response APDU including SW1 SW2. Raises TransportError."""
        ...


class TransportError(Exception):
    """The APDU exchange failed below the card's application (reader, driver, radio link)."""


class NoReader(TransportError):
    """No chip reader is there: none attached, or the PC/SC service itself is not running."""


class ServiceUnavailable(NoReader):
    """The PC/SC service (pcscd) is not running or not reachable."""


class NoCard(TransportError):
    """The reader has no chip in its field (no passport, or a passport without a chip)."""


class CardRemoved(TransportError):
    """The chip left the field (or was reset) during the exchange."""


class Timeout(TransportError):
    """The chip did not answer within the allowed time."""
