"""A virtual chip in pcscd's virtual reader: the vpcd socket protocol, card side.

Debian's ``vsmartcard-vpcd`` driver makes pcscd show a reader ("Virtual PCD 00 00", port 35963 in
/etc/reader.conf.d/vpcd; slot 01 listens on the next port) that waits for a card on a TCP port.
This client connects as that card and serves a ``Card`` object, so everything above pcscd (pyscard,
the project's driver, access control, the LDS reader) runs exactly as with a real reader. Every
message either way is a 2-byte big-endian length then the payload; a 1-byte payload from vpcd is a
control (0 power off, 1 power on, 2 reset: no answer; 4: answer the ATR), anything longer is a
command APDU answered by the response APDU.

A card signals the two ways a chip fails mid-read: ``CardLeftField`` (the client closes the socket,
vpcd reports the card removed) and ``CardMute`` (the client stops answering; pcscd then waits
forever, so the terminal side must time out). vpcd closing the socket (pcscd stopped or the
driver ejected the card) makes the client connect again while it runs.
"""
from __future__ import annotations

import logging
import socket
import threading
from typing import Protocol

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 35963  # Debian's /etc/reader.conf.d/vpcd: DEVICENAME /dev/null:0x8C7B

POWER_OFF, POWER_ON, RESET, GET_ATR = 0, 1, 2, 4


class Card(Protocol):
    atr: bytes

    def process(self, apdu: bytes) -> bytes:
        """Answer a command APDU; may raise CardLeftField or CardMute."""
        ...

    def reset(self) -> None:
        """Power cycle: forget the selected application, sessions and challenges."""
        ...


class CardLeftField(Exception):
    """Raised by a card to leave the reader's field: the client closes the socket and stops."""


class CardMute(Exception):
    """Raised by a card that stops answering: the client keeps the socket open and answers nothing more."""


class _Closed(Exception):
    """vpcd closed the socket, possibly in the middle of a frame."""


_QUICKACK = getattr(socket, "TCP_QUICKACK", None)  # Linux


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        if _QUICKACK is not None:
            # Debian's vpcd sends a frame's length and its payload in two writes with Nagle on:
            # the payload waits for our ACK of the length, which delayed ACK holds back ~40 ms per
            # APDU. Quick ACK mode (reset by the kernel after a while, so set before every read)
            # answers at once.
            sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise _Closed(f"vpcd closed the connection after {len(buf)} of {n} bytes")
        buf += chunk
    return bytes(buf)


def read_frame(sock: socket.socket) -> bytes:
    size = int.from_bytes(_recv_exact(sock, 2), "big")
    return _recv_exact(sock, size)


def write_frame(sock: socket.socket, payload: bytes) -> None:
    if len(payload) > 0xFFFF:
        raise ValueError(f"a vpcd frame carries at most 65535 bytes, not {len(payload)}")
    sock.sendall(len(payload).to_bytes(2, "big") + payload)


class VpcdClient:
    """Serves ``card`` to vpcd from a thread; ``start()``, then ``stop()`` (or use it as a context manager).

    ``connected`` is set while vpcd holds the card, ``left_field`` once the card removed itself;
    tests wait on these instead of sleeping.
    """

    def __init__(self, card: Card, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
                 retry_interval_s: float = 0.05) -> None:
        self.card = card
        self.host, self.port = host, port
        self.retry_interval_s = retry_interval_s
        self.connected = threading.Event()
        self.left_field = threading.Event()
        self.muted = threading.Event()
        self._stop = threading.Event()
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> VpcdClient:
        if self._thread is not None:
            raise RuntimeError("already started")
        self._thread = threading.Thread(target=self._run, name=f"vpcd-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout_s: float = 5.0) -> None:
        """Take the card out of the reader: close the socket and end the thread."""
        self._stop.set()
        self._close()
        if self._thread is not None:
            self._thread.join(timeout_s)
            if self._thread.is_alive():
                raise RuntimeError(f"vpcd client thread did not stop within {timeout_s} s")

    def __enter__(self) -> VpcdClient:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _close(self) -> None:
        with self._lock:
            sock, self._sock = self._sock, None
        self.connected.clear()
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                sock = socket.create_connection((self.host, self.port), timeout=1.0)
            except OSError:
                # vpcd (pcscd) not listening yet, or busy with another card: try again shortly
                self._stop.wait(self.retry_interval_s)
                continue
            sock.settimeout(None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # one small frame per APDU: no Nagle wait
            with self._lock:
                if self._stop.is_set():
                    sock.close()
                    return
                self._sock = sock
            self.connected.set()
            try:
                self._serve(sock)
            except CardLeftField:
                self.left_field.set()
                self._close()
                return
            except CardMute:
                self.muted.set()
                self._stop.wait()  # silent until stopped; the socket stays open
                self._close()
                return
            except (_Closed, OSError) as exc:
                if not self._stop.is_set():
                    log.info("vpcd connection on port %d lost (%s); connecting again", self.port, exc)
            self._close()
            self.card.reset()

    def _serve(self, sock: socket.socket) -> None:
        while True:
            frame = read_frame(sock)
            if len(frame) == 1:
                control = frame[0]
                if control == GET_ATR:
                    write_frame(sock, self.card.atr)
                elif control in (POWER_OFF, RESET):
                    self.card.reset()
                elif control != POWER_ON:
                    log.warning("vpcd sent an unknown control byte %#04x", control)
                continue
            if not frame:
                continue
            try:
                response = self.card.process(frame)
            except (CardLeftField, CardMute):
                raise
            except Exception:  # a bug in the card must not hang pcscd: answer like a confused chip
                log.exception("the virtual card failed on %s", frame.hex())
                response = b"\x6f\x00"
            write_frame(sock, response)
