"""The chip reader driver on PC/SC (pcscd through pyscard): readers, waiting for a chip, APDUs.

Contactless readers (ACS, HID Omnikey, Identiv ...) and the project's virtual reader (vpcd) look
the same here. PC/SC's own return codes become the transport errors a booth tells apart
(``transport``), each with a message an operator can act on. pcscd waits forever on a chip that
stopped answering, so every exchange runs in a worker thread bounded by ``transmit_timeout_s``.
pyscard is imported when first needed: importing this package does no I/O and needs no PC/SC.
"""
from __future__ import annotations

import threading
from concurrent.futures import Future
from enum import Enum
from time import monotonic

from inspector_app.chip.transport import CardRemoved, NoCard, NoReader, ServiceUnavailable, Timeout, TransportError

PNP_NOTIFICATION = "\\\\?PnP?\\Notification"


def _scard():
    from smartcard import scard  # pyscard; builds from source against libpcsclite-dev (build/setup.sh)

    return scard


class Protocol(Enum):
    T0 = "T=0"
    T1 = "T=1"


def _fail(scard, what: str, hresult: int) -> TransportError:
    """The transport error for a PC/SC return code, in words."""
    text = f"{what}: {scard.SCardGetErrorMessage(hresult).strip()} ({hresult & 0xFFFFFFFF:#010x})"
    if hresult in (scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED):
        return ServiceUnavailable("the PC/SC service (pcscd) is not running: start it "
                                  f"(systemctl start pcscd, or pcscd -f) — {text}")
    if hresult in (scard.SCARD_E_NO_READERS_AVAILABLE, scard.SCARD_E_UNKNOWN_READER,
                   scard.SCARD_E_READER_UNAVAILABLE):
        return NoReader(f"no chip reader: {text}")
    if hresult in (scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_UNRESPONSIVE_CARD, scard.SCARD_W_UNPOWERED_CARD):
        return NoCard(f"no chip on the reader: {text}")
    if hresult in (scard.SCARD_W_REMOVED_CARD, scard.SCARD_W_RESET_CARD):
        return CardRemoved(f"the chip left the reader: {text}")
    if hresult == scard.SCARD_E_TIMEOUT:
        return Timeout(text)
    return TransportError(text)


class _Context:
    """One PC/SC context; released on exit."""

    def __init__(self) -> None:
        self.scard = _scard()
        hresult, self.handle = self.scard.SCardEstablishContext(self.scard.SCARD_SCOPE_USER)
        if hresult != self.scard.SCARD_S_SUCCESS:
            raise _fail(self.scard, "cannot reach PC/SC", hresult)

    def readers(self) -> list[str]:
        hresult, readers = self.scard.SCardListReaders(self.handle, [])
        if hresult == self.scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        if hresult != self.scard.SCARD_S_SUCCESS:
            raise _fail(self.scard, "cannot list the readers", hresult)
        return list(readers)

    def release(self) -> None:
        self.scard.SCardReleaseContext(self.handle)

    def __enter__(self) -> _Context:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def list_readers() -> list[str]:
    """The attached readers' names (empty when none). Raises ServiceUnavailable without pcscd."""
    with _Context() as ctx:
        return ctx.readers()


def wait_for_card(reader: str | None = None, timeout_s: float = 10.0) -> str:
    """Wait until a chip is in the field of ``reader`` (any reader when None); return that reader's name.

    Raises NoReader when the named reader (or every reader) is absent at the deadline and NoCard
    when readers are there but no chip came. Waits on pcscd's state changes, not by polling."""
    deadline = monotonic() + timeout_s
    with _Context() as ctx:
        scard = ctx.scard
        known: dict[str, int] = {}
        while True:
            names = ctx.readers()
            if reader is not None:
                names = [n for n in names if n == reader]
            states = [(n, known.get(n, scard.SCARD_STATE_UNAWARE)) for n in names]
            # readers appearing (a reader plugged in, vpcd loaded) wake the wait too
            states.append((PNP_NOTIFICATION, known.get(PNP_NOTIFICATION, scard.SCARD_STATE_UNAWARE)))
            left_ms = max(0, int((deadline - monotonic()) * 1000))
            hresult, events = scard.SCardGetStatusChange(ctx.handle, left_ms, states)
            if hresult == scard.SCARD_E_TIMEOUT:
                if not names:
                    raise NoReader(f"no chip reader {'named ' + repr(reader) if reader else 'attached'} "
                                   f"after {timeout_s:g} s")
                raise NoCard(f"no chip on {', '.join(names)} within {timeout_s:g} s: "
                             "is the passport's data page on the reader, and does it have a chip?")
            if hresult not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_UNKNOWN_READER):
                raise _fail(scard, "cannot wait for a chip", hresult)
            for name, state, _atr in events:
                known[name] = state & ~scard.SCARD_STATE_CHANGED
                if name != PNP_NOTIFICATION and state & scard.SCARD_STATE_PRESENT and \
                        not state & scard.SCARD_STATE_MUTE:
                    return name
            if monotonic() >= deadline:
                raise NoCard(f"no chip on {', '.join(names) or 'any reader'} within {timeout_s:g} s")


class PcscChannel:
    """A connection to the chip on one reader: ``transmit(bytes) -> bytes`` (a transport.CardChannel)."""

    def __init__(self, reader: str, *, transmit_timeout_s: float = 5.0) -> None:
        self.reader = reader
        self.transmit_timeout_s = transmit_timeout_s
        self._ctx = _Context()
        scard = self._ctx.scard
        hresult, self._card, active = scard.SCardConnect(
            self._ctx.handle, reader, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T1 | scard.SCARD_PROTOCOL_T0)
        if hresult != scard.SCARD_S_SUCCESS:
            self._ctx.release()
            raise _fail(scard, f"cannot connect to the chip on {reader!r}", hresult)
        self.protocol = Protocol.T1 if active == scard.SCARD_PROTOCOL_T1 else Protocol.T0
        self._pci = scard.SCARD_PCI_T1 if self.protocol is Protocol.T1 else scard.SCARD_PCI_T0
        self._stuck: threading.Thread | None = None  # a call pcscd never returned from
        self._closed = False
        self.atr = self._status_atr()

    def _status_atr(self) -> bytes:
        scard = self._ctx.scard
        hresult, _reader, _state, _protocol, atr = scard.SCardStatus(self._card)
        if hresult != scard.SCARD_S_SUCCESS:
            raise _fail(scard, "cannot read the chip's status", hresult)
        return bytes(atr)

    def transmit(self, apdu: bytes) -> bytes:
        if self._closed:
            raise TransportError("the connection to the chip is closed")
        if self._stuck is not None and self._stuck.is_alive():
            raise Timeout(f"the chip on {self.reader!r} stopped answering an earlier command")
        scard = self._ctx.scard
        future: Future = Future()

        def call() -> None:
            try:
                future.set_result(scard.SCardTransmit(self._card, self._pci, list(apdu)))
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller
                future.set_exception(exc)

        worker = threading.Thread(target=call, name="pcsc-transmit", daemon=True)
        worker.start()
        worker.join(self.transmit_timeout_s)
        if worker.is_alive():
            self._stuck = worker
            raise Timeout(f"the chip on {self.reader!r} did not answer within {self.transmit_timeout_s:g} s")
        hresult, response = future.result()
        if hresult == scard.SCARD_S_SUCCESS and len(response) >= 2:
            return bytes(response)
        # vpcd passes a lost card on as an empty answer, other drivers as "not transacted": pcscd's
        # presence poll (every 0.4 s) tells whether the chip is still in the field
        if hresult in (scard.SCARD_S_SUCCESS, scard.SCARD_E_NOT_TRANSACTED) and self._card_gone():
            raise CardRemoved(f"the chip left the reader {self.reader!r} during a command")
        if hresult == scard.SCARD_S_SUCCESS:
            raise TransportError(f"the chip on {self.reader!r} gave a response without a status word")
        raise _fail(scard, "the command did not reach the chip", hresult)

    def _card_gone(self, wait_s: float = 3.0) -> bool:
        """Whether the chip left the field, waiting up to ``wait_s`` for pcscd to notice."""
        scard = self._ctx.scard
        state = scard.SCARD_STATE_UNAWARE
        deadline = monotonic() + wait_s
        while True:
            left_ms = max(0, int((deadline - monotonic()) * 1000))
            hresult, states = scard.SCardGetStatusChange(self._ctx.handle, left_ms if state else 0,
                                                         [(self.reader, state)])
            if hresult != scard.SCARD_S_SUCCESS:
                return hresult != scard.SCARD_E_TIMEOUT
            state = states[0][1] & ~scard.SCARD_STATE_CHANGED
            if not state & scard.SCARD_STATE_PRESENT:
                return True
            if monotonic() >= deadline:
                return False

    def disconnect(self) -> None:
        """Release the chip. After a timeout pcscd still holds the call: cleanup then waits for it in the background."""
        if self._closed:
            return
        self._closed = True
        scard, card, ctx = self._ctx.scard, self._card, self._ctx

        def cleanup() -> None:
            if self._stuck is not None:
                self._stuck.join()
            scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)
            ctx.release()

        if self._stuck is not None and self._stuck.is_alive():
            threading.Thread(target=cleanup, name="pcsc-cleanup", daemon=True).start()
        else:
            cleanup()

    def __enter__(self) -> PcscChannel:
        return self

    def __exit__(self, *exc) -> None:
        self.disconnect()


def connect(reader: str | None = None, *, wait_s: float = 10.0, transmit_timeout_s: float = 5.0) -> PcscChannel:
    """Wait for a chip (on ``reader`` or any reader) and connect to it, T=1 preferred."""
    return PcscChannel(wait_for_card(reader, wait_s), transmit_timeout_s=transmit_timeout_s)
