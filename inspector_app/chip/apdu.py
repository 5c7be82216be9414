"""Command and response APDUs (ISO/IEC 7816-4), short and extended length, and what status words mean.

Helpers only: the other chip modules pass plain ``bytes`` and need none of this. Extended length
is used exactly when a field does not fit the short form (Nc > 255 or Ne > 256), as 9303-10
allows chips to announce and readers to use it for large data groups.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class SW(IntEnum):
    """The status words an eMRTD and its readers meet."""

    OK = 0x9000
    END_OF_FILE = 0x6282
    AUTHENTICATION_FAILED = 0x6300
    WRONG_LENGTH = 0x6700
    SECURE_MESSAGING_NOT_SUPPORTED = 0x6882
    SECURITY_STATUS_NOT_SATISFIED = 0x6982
    AUTHENTICATION_BLOCKED = 0x6983
    CONDITIONS_NOT_SATISFIED = 0x6985
    NO_CURRENT_EF = 0x6986
    SM_DATA_MISSING = 0x6987
    SM_DATA_INCORRECT = 0x6988
    WRONG_DATA = 0x6A80
    FUNCTION_NOT_SUPPORTED = 0x6A81
    FILE_NOT_FOUND = 0x6A82
    INCORRECT_P1P2 = 0x6A86
    REFERENCED_DATA_NOT_FOUND = 0x6A88
    WRONG_PARAMETERS = 0x6B00
    INS_NOT_SUPPORTED = 0x6D00
    CLA_NOT_SUPPORTED = 0x6E00
    NO_PRECISE_DIAGNOSIS = 0x6F00


_MEANING = {
    SW.OK: "success",
    SW.END_OF_FILE: "end of file reached before the requested length was read",
    SW.AUTHENTICATION_FAILED: "authentication failed",
    SW.WRONG_LENGTH: "wrong length",
    SW.SECURE_MESSAGING_NOT_SUPPORTED: "secure messaging not supported",
    SW.SECURITY_STATUS_NOT_SATISFIED: "access denied: the chip wants access control (BAC/PACE) first",
    SW.AUTHENTICATION_BLOCKED: "authentication method blocked",
    SW.CONDITIONS_NOT_SATISFIED: "conditions of use not satisfied",
    SW.NO_CURRENT_EF: "command not allowed: no file selected",
    SW.SM_DATA_MISSING: "expected secure messaging data objects missing",
    SW.SM_DATA_INCORRECT: "secure messaging data objects incorrect (bad MAC or format)",
    SW.WRONG_DATA: "incorrect data in the command",
    SW.FUNCTION_NOT_SUPPORTED: "function not supported",
    SW.FILE_NOT_FOUND: "file or application not found",
    SW.INCORRECT_P1P2: "incorrect parameters P1-P2",
    SW.REFERENCED_DATA_NOT_FOUND: "referenced data not found",
    SW.WRONG_PARAMETERS: "wrong parameters: offset outside the file",
    SW.INS_NOT_SUPPORTED: "instruction not supported by the chip",
    SW.CLA_NOT_SUPPORTED: "class not supported",
    SW.NO_PRECISE_DIAGNOSIS: "error without precise diagnosis",
}


def sw_meaning(sw: int) -> str:
    """The status word in plain words, for messages an inspector or an operator reads."""
    try:
        return _MEANING[SW(sw)]
    except ValueError:
        pass
    sw1, sw2 = sw >> 8, sw & 0xFF
    if sw1 == 0x61:
        return f"{sw2 or 256} more bytes available"
    if sw1 == 0x6C:
        return f"wrong Le: {sw2 or 256} bytes available"
    if sw1 == 0x63 and sw2 & 0xF0 == 0xC0:
        return f"verification failed, {sw2 & 0x0F} tries left"
    if sw1 in (0x62, 0x63):
        return "warning"
    return "error"


@dataclass(frozen=True)
class CommandApdu:
    """``ne`` is the expected response length (None: no Le field; 256 short / 65536 extended at most)."""

    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    ne: int | None = None

    def __post_init__(self) -> None:
        for name in ("cla", "ins", "p1", "p2"):
            if not 0 <= getattr(self, name) <= 0xFF:
                raise ValueError(f"{name} must be one byte")
        if len(self.data) > 65535:
            raise ValueError("command data longer than 65535 bytes")
        if self.ne is not None and not 1 <= self.ne <= 65536:
            raise ValueError("ne must be 1..65536")

    @property
    def extended(self) -> bool:
        return len(self.data) > 255 or (self.ne or 0) > 256

    def encode(self) -> bytes:
        head = bytes((self.cla, self.ins, self.p1, self.p2))
        if not self.extended:
            lc = bytes((len(self.data),)) + self.data if self.data else b""
            le = bytes((self.ne & 0xFF,)) if self.ne is not None else b""  # 256 -> 00
            return head + lc + le
        out = head + b"\x00"
        if self.data:
            out += len(self.data).to_bytes(2, "big") + self.data
        if self.ne is not None:
            out += (self.ne & 0xFFFF).to_bytes(2, "big")  # 65536 -> 0000
        return out

    def __bytes__(self) -> bytes:
        return self.encode()

    @classmethod
    def decode(cls, apdu: bytes) -> CommandApdu:
        """Raises ValueError for a malformed APDU (a chip answers 6700)."""
        n = len(apdu)
        if n < 4:
            raise ValueError("an APDU has at least 4 header bytes")
        cla, ins, p1, p2 = apdu[:4]
        if n == 4:
            return cls(cla, ins, p1, p2)
        if n == 5:
            return cls(cla, ins, p1, p2, ne=apdu[4] or 256)
        if apdu[4]:  # short Lc
            lc = apdu[4]
            if n == 5 + lc:
                return cls(cla, ins, p1, p2, apdu[5:])
            if n == 6 + lc:
                return cls(cla, ins, p1, p2, apdu[5:-1], apdu[-1] or 256)
            raise ValueError(f"short APDU: Lc {lc} does not match its length {n}")
        if n == 7:
            return cls(cla, ins, p1, p2, ne=int.from_bytes(apdu[5:7], "big") or 65536)
        lc = int.from_bytes(apdu[5:7], "big")
        if lc and n == 7 + lc:
            return cls(cla, ins, p1, p2, apdu[7:])
        if lc and n == 9 + lc:
            return cls(cla, ins, p1, p2, apdu[7:-2], int.from_bytes(apdu[-2:], "big") or 65536)
        raise ValueError(f"extended APDU: Lc {lc} does not match its length {n}")


@dataclass(frozen=True)
class ResponseApdu:
    data: bytes
    sw: int

    @classmethod
    def decode(cls, response: bytes) -> ResponseApdu:
        if len(response) < 2:
            raise ValueError("a response APDU ends with two status bytes")
        return cls(response[:-2], int.from_bytes(response[-2:], "big"))

    def encode(self) -> bytes:
        return self.data + self.sw.to_bytes(2, "big")

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF

    @property
    def ok(self) -> bool:
        return self.sw == SW.OK

    @property
    def meaning(self) -> str:
        return sw_meaning(self.sw)


def status(sw: int, data: bytes = b"") -> bytes:
    """A response APDU as bytes: the data then the status word."""
    return data + sw.to_bytes(2, "big")
