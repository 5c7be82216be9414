"""The project's eMRTD chip: the APDU state machine and file system of an ICAO 9303 LDS1 application.

It answers as a chip does so that the terminal code is tested against the real command set: SELECT
of the eMRTD application (AID A0000002471001) and of files by id, READ BINARY by offset (INS B0,
short file identifiers, and INS B1 with an offset DO for offsets past 32767), GET CHALLENGE, and
the access-control commands handed to a pluggable ``AccessControl`` (the BAC/PACE/CA/AA chip
halves). With access control configured, the LDS files need an established secure channel;
EF.CardAccess (and EF.DIR/ATR info in the master file) stay readable without, as PACE needs.

Two failure behaviours for tests and the demo: ``delay_s`` (a slow chip: each APDU answers late)
and ``stop_after_bytes`` (after serving that many file bytes the chip leaves the field, or with
``stop=Stop.MUTE`` stops answering).
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Protocol

from inspector_app.chip.apdu import SW, CommandApdu, status
from inspector_app.chip.vpcd import CardLeftField, CardMute

EMRTD_AID = bytes.fromhex("A0000002471001")

EF_CARD_ACCESS, EF_ATR_INFO, EF_DIR = 0x011C, 0x2F01, 0x2F00
MASTER_FILE_IDS = frozenset({EF_CARD_ACCESS, EF_ATR_INFO, EF_DIR})  # outside the eMRTD application
DG3, DG4 = 0x0103, 0x0104  # fingerprints and irises: only after EAC terminal authentication



def atr_with_tck(body: bytes) -> bytes:
    """Append the check byte TCK (XOR of T0 up to the last historical byte), due when T=1 is offered."""
    tck = 0
    for b in body[1:]:
        tck ^= b
    return body + bytes((tck,))


# As PC/SC readers build a contactless chip's ATR: TS 3B, T0 88 (TD1, 8 historical bytes), TD1 80
# (T=0, TD2 follows), TD2 01 (T=1), then the historical bytes (proprietary here) and TCK.
DEFAULT_ATR = atr_with_tck(bytes.fromhex("3B888001") + b"eMRTDsim")

INS_SELECT, INS_READ_BINARY, INS_READ_BINARY_ODD = 0xA4, 0xB0, 0xB1
INS_GET_CHALLENGE, INS_EXTERNAL_AUTHENTICATE, INS_INTERNAL_AUTHENTICATE = 0x84, 0x82, 0x88
INS_MSE, INS_GENERAL_AUTHENTICATE = 0x22, 0x86

MAX_RESPONSE_DATA = 0xFFFF - 2  # what one vpcd frame carries beside SW1 SW2


class Refused(Exception):
    """Raised by an access control (or a secure channel) to answer a status word instead of data."""

    def __init__(self, sw: int, reason: str = "") -> None:
        super().__init__(reason or f"{sw:04X}")
        self.sw = sw


class SecureChannel(Protocol):
    """The chip side of secure messaging (crypto's ``*SecureMessaging``); raise Refused(6988) on a bad MAC."""

    def unwrap_command(self, apdu: bytes) -> bytes: ...

    def wrap_response(self, resp: bytes) -> bytes: ...


class AccessControl(Protocol):
    """The chip's halves of BAC, PACE, Chip and Active Authentication, plugged in by whoever builds the chip.

    Each method gets the command data and returns the response data; it raises ``Refused(sw)`` to
    fail (6300 wrong cryptogram, 6985 out of sequence, 6D00 a protocol this chip lacks).
    ``secure_messaging()`` is the channel established so far (None before): the applet asks after
    every command, so a new session (after Chip Authentication) takes over from the next command.
    """

    def get_challenge(self, length: int) -> bytes: ...

    def external_authenticate(self, data: bytes) -> bytes: ...

    def set_security_environment(self, p1: int, p2: int, data: bytes) -> None: ...

    def general_authenticate(self, data: bytes, *, last: bool) -> bytes: ...

    def internal_authenticate(self, data: bytes) -> bytes: ...

    def secure_messaging(self) -> SecureChannel | None: ...

    def reset(self) -> None:
        """Forget every session and challenge (power cycle, or secure messaging aborted)."""
        ...


class Stop(Enum):
    LEAVE_FIELD = "leave field"  # the passport is pulled off the reader: pcscd reports the card removed
    MUTE = "mute"                # the chip hangs: no answer at all


class EmrtdApplet:
    """``files`` maps file ids (0x011E EF.COM, 0x0101 DG1, ...) to their content."""

    def __init__(self, files: Mapping[int, bytes], access: AccessControl | None, *, delay_s: float = 0.0,
                 stop_after_bytes: int | None = None, stop: Stop = Stop.LEAVE_FIELD,
                 atr: bytes = DEFAULT_ATR, rng: Callable[[int], bytes] = os.urandom) -> None:
        self.files = dict(files)
        self.access = access
        self.delay_s = delay_s
        self.stop_after_bytes = stop_after_bytes
        self.stop = stop
        self.atr = atr
        self.rng = rng
        self.bytes_served = 0  # file bytes answered so far, over resets: the passport is read once
        self.reset()

    def reset(self) -> None:
        self._app_selected = False
        self._current: int | None = None
        self._sm: SecureChannel | None = None
        if self.access is not None:
            self.access.reset()

    # -- the APDU entry point --------------------------------------------------------------------
    def process(self, apdu: bytes) -> bytes:
        if self.delay_s:
            time.sleep(self.delay_s)  # the behaviour itself: a chip that answers late
        if len(apdu) >= 2 and apdu[1] in (INS_READ_BINARY, INS_READ_BINARY_ODD) and self._stopped():
            raise CardMute() if self.stop is Stop.MUTE else CardLeftField()
        if len(apdu) < 4:
            return status(SW.WRONG_LENGTH)
        sm = self._sm
        if apdu[0] & 0x0C:
            if sm is None:
                return status(SW.SECURE_MESSAGING_NOT_SUPPORTED)
            try:
                inner = sm.unwrap_command(apdu)
            except Exception as exc:  # a bad MAC or format: a chip answers 6988 and leaves the session
                self._abort_session()
                return status(exc.sw if isinstance(exc, Refused) else SW.SM_DATA_INCORRECT)
            response = self._plain(inner)
            return sm.wrap_response(response)
        if sm is not None:  # a plain command ends the secure session, as 9303-11 has a chip do
            self._abort_session()
        return self._plain(apdu)

    def _stopped(self) -> bool:
        return self.stop_after_bytes is not None and self.bytes_served >= self.stop_after_bytes

    def _abort_session(self) -> None:
        self._sm = None
        if self.access is not None:
            self.access.reset()

    def _plain(self, apdu: bytes) -> bytes:
        try:
            cmd = CommandApdu.decode(apdu)
        except ValueError:
            return status(SW.WRONG_LENGTH)
        if cmd.cla & 0xE3:  # interindustry class, basic channel only (chaining and SM bits aside)
            return status(SW.CLA_NOT_SUPPORTED)
        handler = self._handlers.get(cmd.ins)
        if handler is None:
            return status(SW.INS_NOT_SUPPORTED)
        try:
            response = handler(self, cmd)
        except Refused as refused:
            response = status(refused.sw)
        if self.access is not None:
            self._sm = self.access.secure_messaging()
        return response

    # -- file system -----------------------------------------------------------------------------
    def _readable(self, fid: int) -> int:
        """SW.OK or why the file cannot be read now."""
        if fid not in self.files:
            return SW.FILE_NOT_FOUND
        if fid in MASTER_FILE_IDS or self.access is None:
            return SW.OK
        if fid in (DG3, DG4) or self._sm is None:
            return SW.SECURITY_STATUS_NOT_SATISFIED
        return SW.OK

    def _visible(self, fid: int) -> bool:
        return fid in self.files and (fid in MASTER_FILE_IDS or self._app_selected)

    def _select(self, cmd: CommandApdu) -> bytes:
        if cmd.p1 == 0x04:  # by DF name
            if cmd.data == EMRTD_AID:
                self._app_selected, self._current = True, None
                return status(SW.OK)
            return status(SW.FILE_NOT_FOUND)
        if cmd.p1 in (0x00, 0x02) and len(cmd.data) == 2:
            fid = int.from_bytes(cmd.data, "big")
            if cmd.p1 == 0x00 and fid == 0x3F00:  # the master file: leaves the application
                self._app_selected, self._current = False, None
                return status(SW.OK)
            if not self._visible(fid):
                return status(SW.FILE_NOT_FOUND)
            self._current = fid
            if cmd.p2 & 0x0C == 0x0C or cmd.ne is None:
                return status(SW.OK)
            fcp = bytes.fromhex("62") + bytes((8,)) + b"\x80\x02" + len(self.files[fid]).to_bytes(2, "big") + \
                b"\x83\x02" + cmd.data
            return status(SW.OK, fcp[: cmd.ne])
        if cmd.p1 in (0x00, 0x02, 0x04):
            return status(SW.WRONG_LENGTH)
        return status(SW.INCORRECT_P1P2)

    def _read(self, fid: int, offset: int, ne: int, wrap: bool) -> bytes:
        why = self._readable(fid)
        if why != SW.OK:
            return status(why)
        content = self.files[fid]
        if offset > len(content) or (offset == len(content) and content):
            return status(SW.WRONG_PARAMETERS)
        room = min(ne, MAX_RESPONSE_DATA)
        if wrap:  # INS B1 answers in a discretionary data object 53: its header takes room too
            room = room - 2 if room - 2 < 0x80 else room - 3 if room - 3 <= 0xFF else room - 4
        chunk = content[offset: offset + room]
        self.bytes_served += len(chunk)
        data = _tlv(0x53, chunk) if wrap else chunk
        return status(SW.OK if len(chunk) == room else SW.END_OF_FILE, data)

    def _read_binary(self, cmd: CommandApdu) -> bytes:
        if cmd.ne is None:
            return status(SW.WRONG_LENGTH)
        if cmd.p1 & 0x80:  # short file identifier in P1, offset in P2: selects the file too
            sfi = cmd.p1 & 0x1F
            if cmd.p1 & 0x60:
                return status(SW.INCORRECT_P1P2)
            fid = next((f for f in self.files if f & 0xFF == sfi and self._visible(f)), None)
            if fid is None:
                return status(SW.FILE_NOT_FOUND)
            self._current = fid
            return self._read(fid, cmd.p2, cmd.ne, wrap=False)
        if self._current is None:
            return status(SW.NO_CURRENT_EF)
        return self._read(self._current, (cmd.p1 << 8) | cmd.p2, cmd.ne, wrap=False)

    def _read_binary_odd(self, cmd: CommandApdu) -> bytes:
        if cmd.ne is None:
            return status(SW.WRONG_LENGTH)
        if len(cmd.data) < 3 or cmd.data[0] != 0x54 or cmd.data[1] != len(cmd.data) - 2 or cmd.data[1] > 3:
            return status(SW.WRONG_DATA)
        offset = int.from_bytes(cmd.data[2:], "big")
        fid = (cmd.p1 << 8) | cmd.p2
        if fid:
            if not self._visible(fid):
                return status(SW.FILE_NOT_FOUND)
            self._current = fid
        elif self._current is None:
            return status(SW.NO_CURRENT_EF)
        return self._read(self._current, offset, cmd.ne, wrap=True)

    # -- access control --------------------------------------------------------------------------
    def _access(self) -> AccessControl:
        if self.access is None:
            raise Refused(SW.INS_NOT_SUPPORTED, "this chip has no access control")
        return self.access

    def _get_challenge(self, cmd: CommandApdu) -> bytes:
        if cmd.ne is None or cmd.p1 or cmd.p2:
            return status(SW.WRONG_LENGTH if cmd.ne is None else SW.INCORRECT_P1P2)
        challenge = self.access.get_challenge(cmd.ne) if self.access is not None else self.rng(cmd.ne)
        return status(SW.OK, challenge)

    def _external_authenticate(self, cmd: CommandApdu) -> bytes:
        return status(SW.OK, self._access().external_authenticate(cmd.data))

    def _mse(self, cmd: CommandApdu) -> bytes:
        self._access().set_security_environment(cmd.p1, cmd.p2, cmd.data)
        return status(SW.OK)

    def _general_authenticate(self, cmd: CommandApdu) -> bytes:
        return status(SW.OK, self._access().general_authenticate(cmd.data, last=not cmd.cla & 0x10))

    def _internal_authenticate(self, cmd: CommandApdu) -> bytes:
        return status(SW.OK, self._access().internal_authenticate(cmd.data))

    _handlers: dict[int, Callable[[EmrtdApplet, CommandApdu], bytes]] = {
        INS_SELECT: _select,
        INS_READ_BINARY: _read_binary,
        INS_READ_BINARY_ODD: _read_binary_odd,
        INS_GET_CHALLENGE: _get_challenge,
        INS_EXTERNAL_AUTHENTICATE: _external_authenticate,
        INS_MSE: _mse,
        INS_GENERAL_AUTHENTICATE: _general_authenticate,
        INS_INTERNAL_AUTHENTICATE: _internal_authenticate,
    }


def _tlv(tag: int, value: bytes) -> bytes:
    n = len(value)
    if n < 0x80:
        length = bytes((n,))
    elif n <= 0xFF:
        length = bytes((0x81, n))
    else:
        length = bytes((0x82,)) + n.to_bytes(2, "big")
    return bytes((tag,)) + length + value
