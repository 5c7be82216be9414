"""What the MOSIP SBI client and the simulator share: names, error codes, the hash chain.

Sources: MOSIP SBI 1.0 / MDS 0.9.5 specification (docs.mosip.io, "SBI Specification"); see
docs/SBI_NOTES.md for where this project interprets it.
"""
from __future__ import annotations

import hashlib

SPEC_VERSION = "0.9.5"
PORT_RANGE = (4501, 4600)  # inclusive, as in the spec

FINGERS = [
    "Left IndexFinger", "Left MiddleFinger", "Left RingFinger", "Left LittleFinger", "Left Thumb",
    "Right IndexFinger", "Right MiddleFinger", "Right RingFinger", "Right LittleFinger", "Right Thumb",
]

# Error codes of the spec plus the 11x codes this project's issue names (see SBI_NOTES.md).
ERROR_CODES = {
    0: "Success",
    100: "Device not registered",
    101: "Unable to detect a biometric object",
    102: "Technical error during extraction",
    103: "Device tamper detected",
    104: "Unable to connect to management server",
    105: "Image orientation error",
    106: "Device not found",
    107: "Device public key expired",
    108: "Domain public key missing",
    109: "Requested number of biometric (Finger/IRIS) not supported",
    110: "Device not ready",
    111: "Device busy",
    112: "Invalid transaction id",
    202: "No device connected",
}

NO_BIOMETRIC = 101
DEVICE_NOT_FOUND = 106
COUNT_NOT_SUPPORTED = 109
NOT_READY = 110
BUSY = 111
INVALID_TRANSACTION = 112
NO_DEVICE = 202


def empty_hash_bytes() -> bytes:
    """The chain's start: SHA-256 of the empty string (spec: 'for the first capture')."""
    return hashlib.sha256(b"").digest()


def chain_hash(previous_hash_hex: str, image: bytes) -> str:
    """``HEX_UPPER(SHA256(prev || SHA256(image)))`` over raw bytes.

    ``prev`` is the hex-decoded previous ``hash`` or, when empty, SHA256(b"").
    """
    prev = bytes.fromhex(previous_hash_hex) if previous_hash_hex else empty_hash_bytes()
    return hashlib.sha256(prev + hashlib.sha256(image).digest()).hexdigest().upper()
