"""Chip Authentication (ICAO Doc 9303-11 §6.2, BSI TR-03110 CA version 1), both halves.

The chip holds a static key pair whose public half is in DG14 (signed through the SOD); the
terminal agrees a key with it from a fresh ephemeral pair and both restart secure messaging
under keys derived from that agreement. A cloned chip, which can copy DG14 but not the private
key, cannot continue the session: the first command under the new keys fails its MAC. So CA
succeeds only once a command under the returned session has been answered correctly.

Commands (sent under the current BAC/PACE session; the new session starts after the answer):
3DES: MSE:Set KAT (00 22 41 A6, data 91 = ephemeral public key, 84 = key id);
AES:  MSE:Set AT (00 22 41 A4, data 80 = CA OID, 84 = key id) then GENERAL AUTHENTICATE
      (00 86 00 00, data 7C {80 = ephemeral public key}).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from inspector_app.chip.keys import ENC, MAC, ChipProtocolError, Cipher, kdf
from inspector_app.chip.pace_groups import (
    EcGroup,
    Group,
    decode_oid,
    der_items,
    der_read,
    encode_oid,
    group_of_private_key,
    parse_public_key_info,
)
from inspector_app.chip.secure_messaging import SecureMessaging, make_secure_messaging, tlv

Random = Callable[[int], bytes]

ID_CA = "0.4.0.127.0.7.2.2.3"
_CIPHERS = {1: Cipher.DES3, 2: Cipher.AES128, 3: Cipher.AES192, 4: Cipher.AES256}


class UnsupportedChipAuthentication(ValueError):
    """DG14 names a CA variant this reader does not do."""


@dataclass(frozen=True)
class CaProtocol:
    """A ChipAuthenticationInfo OID: id-CA-DH-* (…3.1.x) or id-CA-ECDH-* (…3.2.x)."""

    oid: str
    ecdh: bool
    cipher: Cipher

    @classmethod
    def from_oid(cls, oid: str) -> CaProtocol:
        prefix, _, cipher_arc = oid.rpartition(".")
        family, _, kind = prefix.rpartition(".")
        if family != ID_CA or kind not in ("1", "2") or not cipher_arc.isdigit() or int(cipher_arc) not in _CIPHERS:
            raise UnsupportedChipAuthentication(f"not a supported Chip Authentication OID: {oid}")
        return cls(oid, kind == "2", _CIPHERS[int(cipher_arc)])

    def check_group(self, group: Group) -> None:
        if isinstance(group, EcGroup) != self.ecdh:
            raise UnsupportedChipAuthentication(f"{self.oid} does not fit a {'DH' if self.ecdh else 'EC'} key")


def _session(protocol: CaProtocol, group: Group, shared) -> SecureMessaging:
    secret = group.secret_bytes(shared)
    return make_secure_messaging(protocol.cipher, kdf(secret, ENC, protocol.cipher), kdf(secret, MAC, protocol.cipher))


def _key_id(key_id: int | None) -> bytes:
    if key_id is None:
        return b""
    return tlv(0x84, key_id.to_bytes(max(1, (key_id.bit_length() + 7) // 8), "big"))


class ChipAuthTerminal:
    """The inspection system's half, from DG14's ChipAuthenticationPublicKeyInfo and CA OID."""

    def __init__(self, public_key_info_der: bytes, oid: str, key_id: int | None = None, rng: Random = os.urandom):
        self.protocol = CaProtocol.from_oid(oid)
        self.group, self._chip_key = parse_public_key_info(public_key_info_der)
        self.protocol.check_group(self.group)
        self.key_id = key_id
        secret = self.group.random_scalar(rng)
        self.ephemeral_public_key = self.group.encode(self.group.exp(self.group.generator, secret))
        self._sm = _session(self.protocol, self.group, self.group.exp(self._chip_key, secret))

    @property
    def uses_kat(self) -> bool:
        """3DES chips are addressed with MSE:Set KAT, which every 3DES CA chip understands."""
        return self.protocol.cipher is Cipher.DES3

    def mse_set_kat_data(self) -> bytes:
        return tlv(0x91, self.ephemeral_public_key) + _key_id(self.key_id)

    def mse_set_at_data(self) -> bytes:
        return tlv(0x80, encode_oid(self.protocol.oid)) + _key_id(self.key_id)

    def general_authenticate_data(self) -> bytes:
        return tlv(0x7C, tlv(0x80, self.ephemeral_public_key))

    def command_apdus(self) -> list[bytes]:
        """The plain command APDUs to send, in order, each under the current session."""
        if self.uses_kat:
            data = self.mse_set_kat_data()
            return [bytes([0x00, 0x22, 0x41, 0xA6, len(data)]) + data]
        mse = self.mse_set_at_data()
        ga = self.general_authenticate_data()
        return [
            bytes([0x00, 0x22, 0x41, 0xA4, len(mse)]) + mse,
            bytes([0x00, 0x86, 0x00, 0x00, len(ga)]) + ga + b"\x00",
        ]

    def secure_messaging(self) -> SecureMessaging:
        """The session to switch to once the last CA command was answered 9000."""
        return self._sm


class ChipAuthChip:
    """The chip's half, for the simulator: ``private_key`` is a `cryptography` EC or DH key."""

    def __init__(self, private_key, oid: str, key_id: int | None = None):
        self.protocol = CaProtocol.from_oid(oid)
        self.group, self._secret = group_of_private_key(private_key)
        self.protocol.check_group(self.group)
        self.key_id = key_id
        self._at_selected = False

    def _check_key_id(self, objects: dict[int, bytes]) -> None:
        if 0x84 in objects and self.key_id is not None and int.from_bytes(objects[0x84], "big") != self.key_id:
            raise ChipProtocolError("the terminal asked for another CA key")

    def _agree(self, terminal_key: bytes) -> SecureMessaging:
        point = self.group.decode(terminal_key)
        return _session(self.protocol, self.group, self.group.exp(point, self._secret))

    def mse_set_kat(self, data: bytes) -> SecureMessaging:
        """MSE:Set KAT: the answer (9000) still goes under the old session, then this one."""
        objects = dict(der_items(data))
        if 0x91 not in objects:
            raise ChipProtocolError("MSE:Set KAT without the ephemeral public key (91)")
        self._check_key_id(objects)
        return self._agree(objects[0x91])

    def mse_set_at(self, data: bytes) -> None:
        objects = dict(der_items(data))
        if 0x80 not in objects or decode_oid(objects[0x80]) != self.protocol.oid:
            raise ChipProtocolError("MSE:Set AT names a CA protocol this chip does not offer")
        self._check_key_id(objects)
        self._at_selected = True

    def general_authenticate(self, data: bytes) -> tuple[bytes, SecureMessaging]:
        """(response data 7C00, new session); the response still goes under the old session."""
        if not self._at_selected:
            raise ChipProtocolError("GENERAL AUTHENTICATE for CA without MSE:Set AT")
        self._at_selected = False
        tag, value, rest = der_read(data)
        if tag != 0x7C or rest:
            raise ChipProtocolError("GENERAL AUTHENTICATE data is not one 7C template")
        objects = dict(der_items(value))
        if 0x80 not in objects:
            raise ChipProtocolError("GENERAL AUTHENTICATE without the ephemeral public key (80)")
        return b"\x7c\x00", self._agree(objects[0x80])
