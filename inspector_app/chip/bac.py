"""Basic Access Control (ICAO Doc 9303-11 §4.3): both halves of the mutual authentication.

The terminal proves it read the MRZ by encrypting the chip's challenge under keys derived from
MRZ_information; the chip proves it holds the same keys in its answer. Both contribute 16 random
bytes whose XOR seeds the 3DES session keys, and the SSC starts from the two challenges, so a
recorded session cannot be replayed.
"""
from __future__ import annotations

import hmac
import os
from collections.abc import Callable

from inspector_app.chip.keys import ENC, MAC, AccessDenied, ChipProtocolError, Cipher, bac_key_seed, kdf
from inspector_app.chip.secure_messaging import DesSecureMessaging, des3_decrypt, des3_encrypt, pad, retail_mac

Random = Callable[[int], bytes]

GET_CHALLENGE = bytes.fromhex("0084000008")


def external_authenticate_apdu(data: bytes) -> bytes:
    """EXTERNAL AUTHENTICATE (00 82 00 00) with the 40-byte cryptogram, expecting 40 bytes back."""
    return bytes([0x00, 0x82, 0x00, 0x00, len(data)]) + data + b"\x28"


def bac_keys(mrz_information: str) -> tuple[bytes, bytes]:
    """(Kenc, Kmac) of the document, from Kseed = SHA-1(MRZ_information)[:16]."""
    seed = bac_key_seed(mrz_information)
    return kdf(seed, ENC, Cipher.DES3), kdf(seed, MAC, Cipher.DES3)


def _session(k_ifd: bytes, k_icc: bytes, rnd_icc: bytes, rnd_ifd: bytes) -> DesSecureMessaging:
    seed = bytes(a ^ b for a, b in zip(k_ifd, k_icc))
    return DesSecureMessaging(
        kdf(seed, ENC, Cipher.DES3), kdf(seed, MAC, Cipher.DES3), rnd_icc[4:] + rnd_ifd[4:]
    )


def _seal(k_enc: bytes, k_mac: bytes, plain: bytes) -> bytes:
    cryptogram = des3_encrypt(k_enc, plain)
    return cryptogram + retail_mac(k_mac, pad(cryptogram, 8))


def _open(k_enc: bytes, k_mac: bytes, data: bytes) -> bytes:
    if len(data) != 40:
        raise AccessDenied("the mutual authentication cryptogram is not 40 bytes")
    cryptogram, mac = data[:32], data[32:]
    if not hmac.compare_digest(retail_mac(k_mac, pad(cryptogram, 8)), mac):
        raise AccessDenied("the mutual authentication MAC does not verify: wrong access key")
    return des3_decrypt(k_enc, cryptogram)


class BacTerminal:
    """The inspection system's half: GET CHALLENGE, then EXTERNAL AUTHENTICATE with this data."""

    def __init__(self, mrz_information: str, rng: Random = os.urandom):
        self._k_enc, self._k_mac = bac_keys(mrz_information)
        self._rng = rng
        self._pending: tuple[bytes, bytes, bytes] | None = None

    def external_authenticate_data(self, rnd_icc: bytes) -> bytes:
        """E(S) || MAC(E(S)) with S = RND.IFD || RND.ICC || K.IFD (40 bytes)."""
        if len(rnd_icc) != 8:
            raise ChipProtocolError("the chip's challenge must be 8 bytes")
        rnd_ifd = self._rng(8)
        k_ifd = self._rng(16)
        self._pending = (rnd_icc, rnd_ifd, k_ifd)
        return _seal(self._k_enc, self._k_mac, rnd_ifd + rnd_icc + k_ifd)

    def finish(self, response_data: bytes) -> DesSecureMessaging:
        """Check the chip's answer (it must echo our RND.IFD) and open the session."""
        if self._pending is None:
            raise ChipProtocolError("external_authenticate_data() was not called")
        rnd_icc, rnd_ifd, k_ifd = self._pending
        self._pending = None
        plain = _open(self._k_enc, self._k_mac, response_data)
        if plain[:8] != rnd_icc or plain[8:16] != rnd_ifd:
            raise AccessDenied("the chip's answer does not carry the session's challenges")
        return _session(k_ifd, plain[16:32], rnd_icc, rnd_ifd)


class BacChip:
    """The chip's half, for the project's chip simulator."""

    def __init__(self, mrz_information: str, rng: Random = os.urandom):
        self._k_enc, self._k_mac = bac_keys(mrz_information)
        self._rng = rng
        self._rnd_icc: bytes | None = None

    def get_challenge(self) -> bytes:
        self._rnd_icc = self._rng(8)
        return self._rnd_icc

    def mutual_authenticate(self, cmd_data: bytes) -> tuple[bytes, DesSecureMessaging]:
        """Verify the terminal's cryptogram; answer E(R) || MAC with R = RND.ICC || RND.IFD || K.ICC.

        The challenge is used once: a second attempt needs a new GET CHALLENGE.
        """
        rnd_icc, self._rnd_icc = self._rnd_icc, None
        if rnd_icc is None:
            raise ChipProtocolError("no challenge was issued (GET CHALLENGE first)")
        plain = _open(self._k_enc, self._k_mac, cmd_data)
        rnd_ifd, echoed, k_ifd = plain[:8], plain[8:16], plain[16:32]
        if echoed != rnd_icc:
            raise AccessDenied("the terminal's cryptogram does not answer this challenge")
        k_icc = self._rng(16)
        response = _seal(self._k_enc, self._k_mac, rnd_icc + rnd_ifd + k_icc)
        return response, _session(k_ifd, k_icc, rnd_icc, rnd_ifd)
