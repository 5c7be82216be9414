"""A toy access control for the applet tests: the plumbing of BAC/PACE without their cryptography.

GET CHALLENGE gives 8 random bytes; EXTERNAL AUTHENTICATE must carry HMAC(key, challenge) and opens
a secure channel whose wrapped command is ``CLA|0C INS P1 P2 Lc [inner APDU | 4-byte tag]`` with the
tag an HMAC over a counter and the inner APDU (a bad tag is refused with 6988, as a bad MAC is).
The real chip halves (crypto's BacChip/PaceChip and *SecureMessaging) take this place after the merge.
"""
from __future__ import annotations

import hashlib
import hmac
import os

from inspector_app.chip.applet import Refused

KEY = b"toy access key"


def tag(counter: int, payload: bytes) -> bytes:
    return hmac.new(KEY, counter.to_bytes(4, "big") + payload, hashlib.sha256).digest()[:4]


class ToyChannel:
    """Both halves: the terminal wraps commands / unwraps responses, the chip the reverse."""

    def __init__(self) -> None:
        self.counter = 0

    # terminal
    def wrap_command(self, apdu: bytes) -> bytes:
        self.counter += 1
        body = apdu + tag(self.counter, apdu)
        return bytes((apdu[0] | 0x0C,)) + apdu[1:4] + bytes((len(body),)) + body + b"\x00"

    def unwrap_response(self, resp: bytes) -> bytes:
        self.counter += 1
        inner, mac = resp[:-6] + resp[-2:], resp[-6:-2]
        assert hmac.compare_digest(mac, tag(self.counter, inner)), "bad response tag"
        return inner

    # chip
    def unwrap_command(self, apdu: bytes) -> bytes:
        self.counter += 1
        inner, mac = apdu[5:-5], apdu[-5:-1]
        if not hmac.compare_digest(mac, tag(self.counter, inner)):
            raise ValueError("bad tag")  # as crypto's SecureMessagingError: the applet answers 6988
        return inner

    def wrap_response(self, resp: bytes) -> bytes:
        self.counter += 1
        return resp[:-2] + tag(self.counter, resp) + resp[-2:]


class ToyAccess:
    def __init__(self, *, with_aa: bool = True) -> None:
        self.with_aa = with_aa
        self.calls: list[tuple] = []
        self.reset()

    def reset(self) -> None:
        self.challenge: bytes | None = None
        self.channel: ToyChannel | None = None

    def get_challenge(self, length: int) -> bytes:
        self.challenge = os.urandom(length)
        return self.challenge

    def external_authenticate(self, data: bytes) -> bytes:
        if self.challenge is None:
            raise Refused(0x6985, "no challenge asked for")
        if not hmac.compare_digest(data, hmac.new(KEY, self.challenge, hashlib.sha256).digest()):
            raise Refused(0x6300, "wrong cryptogram")
        self.channel = ToyChannel()
        return b"\x01" * 4

    def set_security_environment(self, p1: int, p2: int, data: bytes) -> None:
        self.calls.append(("mse", p1, p2, data))

    def general_authenticate(self, data: bytes, *, last: bool) -> bytes:
        self.calls.append(("ga", data, last))
        return b"\x7c\x00"

    def internal_authenticate(self, data: bytes) -> bytes:
        if not self.with_aa:
            raise Refused(0x6D00, "no Active Authentication")
        return hashlib.sha256(data).digest()

    def secure_messaging(self) -> ToyChannel | None:
        return self.channel


def authenticate(process) -> ToyChannel:
    """Run the toy protocol through ``process`` (an applet's, or a channel's transmit); the terminal's channel."""
    challenge = process(bytes.fromhex("0084000008"))[:-2]
    cryptogram = hmac.new(KEY, challenge, hashlib.sha256).digest()
    resp = process(bytes.fromhex("00820000") + bytes((len(cryptogram),)) + cryptogram + b"\x00")
    assert resp[-2:] == b"\x90\x00", resp.hex()
    return ToyChannel()
