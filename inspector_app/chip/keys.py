"""The document's access keys: MRZ_information, the CAN, and the ICAO key derivation function.

BAC, PACE and Chip Authentication all derive their keys with the same KDF (ICAO Doc 9303-11
§9.7.1): ``H(K || c)`` truncated to the cipher's key length, where ``c`` is a 32-bit big-endian
counter (1 = encryption, 2 = MAC, 3 = the PACE password key K_pi). 3DES keys additionally get odd
DES parity, because that is what the worked examples (and chips) use.
"""
from __future__ import annotations

import enum
import hashlib

from inspector_app.domain.mrz_layout import check_digit

ENC = 1
MAC = 2
PACE_PASSWORD = 3


class AccessDenied(Exception):
    """The other side did not prove knowledge of the access key (wrong MRZ/CAN, forged cryptogram).

    The chip half raises it where a real chip answers 6300 (authentication failed); the terminal
    half raises it when the chip's answer does not authenticate, i.e. the chip is not the one the
    printed MRZ or CAN belongs to.
    """


class ChipProtocolError(ValueError):
    """A message of BAC/PACE/CA is malformed or out of order (a chip answers 6A80 or 6985)."""


class PasswordRef(enum.IntEnum):
    """PACE password references (ICAO 9303-11 §9.5.1, MSE:Set AT tag 83)."""

    MRZ = 1
    CAN = 2


class Cipher(enum.Enum):
    """The block ciphers of secure messaging, each with its key length and KDF hash."""

    DES3 = ("3DES", 16, 8)
    AES128 = ("AES-128", 16, 16)
    AES192 = ("AES-192", 24, 16)
    AES256 = ("AES-256", 32, 16)

    def __init__(self, label: str, key_length: int, block_size: int):
        self.label = label
        self.key_length = key_length
        self.block_size = block_size


def mrz_information(document_number: str, birth_date: str, expiry_date: str) -> str:
    """Document number (padded to 9 with '<') + check digit + birth date + cd + expiry + cd.

    Document numbers longer than 9 characters (TD1 overflow) are used whole, as 9303-11 §9.7.2
    leaves the full number in MRZ_information.
    """
    number = document_number.upper().ljust(9, "<")
    parts = []
    for field in (number, birth_date, expiry_date):
        digit = check_digit(field)
        if digit is None:
            raise ValueError(f"not MRZ characters: {field!r}")
        parts.append(field + digit)
    return "".join(parts)


def adjust_parity(key: bytes) -> bytes:
    """Set each byte's low bit so the byte has odd parity (DES key convention)."""
    out = bytearray(key)
    for i, b in enumerate(out):
        high = b & 0xFE
        out[i] = high | ((bin(high).count("1") + 1) & 1)
    return bytes(out)


def kdf(shared: bytes, counter: int, cipher: Cipher) -> bytes:
    """ICAO 9303-11 §9.7.1: SHA-1 for 3DES and AES-128, SHA-256 for AES-192/256."""
    data = shared + counter.to_bytes(4, "big")
    if cipher in (Cipher.DES3, Cipher.AES128):
        digest = hashlib.sha1(data).digest()
    else:
        digest = hashlib.sha256(data).digest()
    key = digest[: cipher.key_length]
    return adjust_parity(key) if cipher is Cipher.DES3 else key


def bac_key_seed(mrz_info: str) -> bytes:
    """Kseed = the first 16 bytes of SHA-1(MRZ_information)."""
    return hashlib.sha1(mrz_info.encode("ascii")).digest()[:16]


def pace_password_key(password: bytes, ref: PasswordRef, cipher: Cipher) -> bytes:
    """K_pi = KDF(f(pi), 3): f is SHA-1 of MRZ_information for the MRZ, the CAN itself otherwise."""
    seed = hashlib.sha1(password).digest() if ref is PasswordRef.MRZ else password
    return kdf(seed, PACE_PASSWORD, cipher)
