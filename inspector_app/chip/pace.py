"""PACE with Generic Mapping (ICAO Doc 9303-11 §4.4, §9.5; BSI TR-03110-2), both halves.

PACE replaces BAC where the chip offers it: the password (MRZ_information or the CAN) only
encrypts a nonce, and the session keys come from an ephemeral Diffie-Hellman agreement on a
generator mapped from that nonce, so an eavesdropper cannot test password guesses offline as
with BAC. Steps of the GENERAL AUTHENTICATE chain (dynamic authentication data, tag 7C):

1. chip -> z = E(K_pi, s)            (80)
2. mapping keys exchanged            (81 terminal, 82 chip); G' = s*G + H  (DH: g^s * h)
3. ephemeral keys on G' exchanged    (83 terminal, 84 chip); K = shared secret
4. authentication tokens exchanged   (85 terminal, 86 chip); T = MAC(KSmac, other's key)

Both sides check the other's public keys (on the curve / in the subgroup, and not equal to their
own), and each token binds the exchange to the other's ephemeral key.
"""
from __future__ import annotations

import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass

from inspector_app.chip.keys import (
    ENC,
    MAC,
    AccessDenied,
    ChipProtocolError,
    Cipher,
    PasswordRef,
    kdf,
    pace_password_key,
)
from inspector_app.chip.pace_groups import (
    STANDARD_GROUPS,
    DhGroup,
    EcGroup,
    Group,
    decode_oid,
    der_items,
    der_read,
    encode_oid,
)
from inspector_app.chip.secure_messaging import (
    SecureMessaging,
    aes_cmac8,
    aes_decrypt,
    aes_encrypt,
    ber_length,
    des3_decrypt,
    des3_encrypt,
    make_secure_messaging,
    pad,
    retail_mac,
    tlv,
)

Random = Callable[[int], bytes]

ID_PACE = "0.4.0.127.0.7.2.2.4"
_MAPPINGS = {1: ("DH", "GM"), 2: ("ECDH", "GM"), 3: ("DH", "IM"), 4: ("ECDH", "IM"), 6: ("ECDH", "CAM")}
_CIPHERS = {1: Cipher.DES3, 2: Cipher.AES128, 3: Cipher.AES192, 4: Cipher.AES256}


class UnsupportedPace(ValueError):
    """The chip's PACEInfo names a PACE variant or domain parameters this reader does not do."""


@dataclass(frozen=True)
class PaceParams:
    """One PACEInfo of EF.CardAccess: the protocol OID and its standardized domain parameters."""

    oid: str
    parameter_id: int
    group: Group
    cipher: Cipher

    @classmethod
    def from_oid(cls, oid: str, parameter_id: int) -> PaceParams:
        prefix, _, rest = oid.rpartition(".")
        family, _, mapping_arc = prefix.rpartition(".")
        if family != ID_PACE or not mapping_arc.isdigit() or not rest.isdigit():
            raise UnsupportedPace(f"not a PACE protocol OID: {oid}")
        agreement, mapping = _MAPPINGS.get(int(mapping_arc), ("?", "?"))
        if mapping != "GM":
            raise UnsupportedPace(f"{oid}: only Generic Mapping is implemented, not {mapping}")
        cipher = _CIPHERS.get(int(rest))
        if cipher is None:
            raise UnsupportedPace(f"{oid}: unknown cipher")
        group = STANDARD_GROUPS.get(parameter_id)
        if group is None:
            raise UnsupportedPace(f"parameterId {parameter_id} is not a supported standardized domain parameter")
        if isinstance(group, EcGroup) != (agreement == "ECDH"):
            raise UnsupportedPace(f"parameterId {parameter_id} does not fit {agreement}")
        return cls(oid, parameter_id, group, cipher)

    @property
    def description(self) -> str:
        kind = "ECDH" if isinstance(self.group, EcGroup) else "DH"
        return f"PACE {kind}-GM {self.cipher.label}, {self.group.name}"


# --- pieces both halves share ------------------------------------------------------------------


def _nonce_crypt(params: PaceParams, k_pi: bytes, data: bytes, *, encrypt: bool) -> bytes:
    if params.cipher is Cipher.DES3:
        return des3_encrypt(k_pi, data) if encrypt else des3_decrypt(k_pi, data)
    return aes_encrypt(k_pi, data) if encrypt else aes_decrypt(k_pi, data)


def token_input(params: PaceParams, public_key: bytes) -> bytes:
    """The public key data object 7F49 {06 OID, 84 (DH) / 86 (EC) key} a token is computed over."""
    data = tlv(0x06, encode_oid(params.oid)) + tlv(params.group.public_key_tag, public_key)
    return b"\x7f\x49" + ber_length(len(data)) + data


def _token(params: PaceParams, ks_mac: bytes, public_key: bytes) -> bytes:
    """The authentication token over the *other* side's ephemeral public key."""
    obj = token_input(params, public_key)
    if params.cipher is Cipher.DES3:
        return retail_mac(ks_mac, pad(obj, 8))
    return aes_cmac8(ks_mac, obj)


def _session(params: PaceParams, secret: bytes) -> tuple[bytes, bytes]:
    return kdf(secret, ENC, params.cipher), kdf(secret, MAC, params.cipher)


def _dynamic_data(data: bytes, expected_tag: int) -> dict[int, bytes]:
    tag, value, rest = der_read(data)
    if tag != 0x7C or rest:
        raise ChipProtocolError("GENERAL AUTHENTICATE data is not one 7C template")
    objects = dict(der_items(value))
    if expected_tag not in objects:
        raise ChipProtocolError(f"GENERAL AUTHENTICATE data lacks tag {expected_tag:02X}")
    return objects


def _template(tag: int | None, value: bytes = b"") -> bytes:
    """Dynamic authentication data: 7C around one data object (or empty)."""
    return tlv(0x7C, b"" if tag is None else tlv(tag, value))


def mse_set_at_apdu(data: bytes) -> bytes:
    """MSE:Set AT for mutual authentication (00 22 C1 A4)."""
    return bytes([0x00, 0x22, 0xC1, 0xA4, len(data)]) + data


def general_authenticate_apdu(data: bytes, *, last: bool) -> bytes:
    """GENERAL AUTHENTICATE, chained (CLA 10) except the last command of the chain; Le 00."""
    return bytes([0x00 if last else 0x10, 0x86, 0x00, 0x00, len(data)]) + data + b"\x00"


# --- terminal ----------------------------------------------------------------------------------


class PaceTerminal:
    """The inspection system's half: MSE:Set AT, then feed each response to ``step``.

    ``step(b"")`` after MSE:Set AT gives the first GENERAL AUTHENTICATE data; each later call
    takes the previous GA response data and gives the next command's data, or None once the
    chip's token verified. ``last_command`` says whether the data just returned is for the last
    command of the chain (CLA 00 rather than 10).
    """

    def __init__(self, params: PaceParams, password: bytes, password_ref: int, rng: Random = os.urandom):
        self.params = params
        self.password_ref = PasswordRef(password_ref)
        self._k_pi = pace_password_key(password, self.password_ref, params.cipher)
        self._rng = rng
        self._state = 0
        self.last_command = False
        self.chip_authority_reference: bytes | None = None
        self._sm: SecureMessaging | None = None

    def mse_set_at(self) -> bytes:
        self._state = 1
        return tlv(0x80, encode_oid(self.params.oid)) + tlv(0x83, bytes([self.password_ref]))

    def step(self, response_data: bytes) -> bytes | None:
        group = self.params.group
        if self._state == 1:
            self._state = 2
            return _template(None)
        if self._state == 2:
            z = _dynamic_data(response_data, 0x80)[0x80]
            if not z or len(z) % self.params.cipher.block_size:
                raise ChipProtocolError("the encrypted nonce is not whole cipher blocks")
            self._s = int.from_bytes(_nonce_crypt(self.params, self._k_pi, z, encrypt=False), "big")
            self._sk_map = group.random_scalar(self._rng)
            self._pk_map = group.encode(group.exp(group.generator, self._sk_map))
            self._state = 3
            return _template(0x81, self._pk_map)
        if self._state == 3:
            chip_map = _dynamic_data(response_data, 0x82)[0x82]
            if chip_map == self._pk_map:
                raise ChipProtocolError("the chip echoed the terminal's mapping key")
            h = group.exp(group.decode(chip_map), self._sk_map)
            self._generator = group.op(group.exp(group.generator, self._s), h)
            self._sk_eph = group.random_scalar(self._rng)
            self._pk_eph = group.encode(group.exp(self._generator, self._sk_eph))
            self._state = 4
            return _template(0x83, self._pk_eph)
        if self._state == 4:
            chip_eph = _dynamic_data(response_data, 0x84)[0x84]
            if chip_eph == self._pk_eph:
                raise ChipProtocolError("the chip echoed the terminal's ephemeral key")
            shared = group.exp(group.decode(chip_eph), self._sk_eph)
            self._keys = _session(self.params, group.secret_bytes(shared))
            self._chip_eph = chip_eph
            self._state = 5
            self.last_command = True
            return _template(0x85, _token(self.params, self._keys[1], chip_eph))
        if self._state == 5:
            objects = _dynamic_data(response_data, 0x86)
            expected = _token(self.params, self._keys[1], self._pk_eph)
            if not hmac.compare_digest(expected, objects[0x86]):
                raise AccessDenied("the chip's PACE token does not verify")
            self.chip_authority_reference = objects.get(0x87)
            self._sm = make_secure_messaging(self.params.cipher, *self._keys)
            self._state = 6
            return None
        raise ChipProtocolError("PACE is finished or was not started (mse_set_at first)")

    def secure_messaging(self) -> SecureMessaging:
        if self._sm is None:
            raise ChipProtocolError("PACE has not completed")
        return self._sm


# --- chip --------------------------------------------------------------------------------------


class PaceChip:
    """The chip's half, for the simulator. ``passwords`` maps 1 (MRZ) / 2 (CAN) to the password.

    Any failure drops the chip back to needing a new MSE:Set AT, as a real chip does.
    """

    def __init__(self, params: PaceParams, passwords: dict[int, bytes], rng: Random = os.urandom):
        self.params = params
        self._passwords = {PasswordRef(k): v for k, v in passwords.items()}
        self._rng = rng
        self._state = 0
        self._sm: SecureMessaging | None = None

    def mse_set_at(self, data: bytes) -> None:
        self._state = 0
        objects = dict(der_items(data))
        if 0x80 not in objects or 0x83 not in objects:
            raise ChipProtocolError("MSE:Set AT needs the protocol (80) and the password reference (83)")
        if decode_oid(objects[0x80]) != self.params.oid:
            raise ChipProtocolError("the terminal asked for a PACE protocol this chip does not offer")
        if 0x84 in objects and int.from_bytes(objects[0x84], "big") != self.params.parameter_id:
            raise ChipProtocolError("the terminal asked for other domain parameters")
        ref = int.from_bytes(objects[0x83], "big")
        if ref not in self._passwords:
            raise ChipProtocolError(f"password reference {ref} is not available on this chip")
        ref = PasswordRef(ref)
        self._k_pi = pace_password_key(self._passwords[ref], ref, self.params.cipher)
        self._sm = None
        self._state = 1

    def general_authenticate(self, data: bytes) -> bytes:
        try:
            return self._step(data)
        except (AccessDenied, ChipProtocolError):
            self._state = 0
            raise

    def _step(self, data: bytes) -> bytes:
        group = self.params.group
        if self._state == 1:
            tag, value, rest = der_read(data)
            if tag != 0x7C or value or rest:
                raise ChipProtocolError("the first GENERAL AUTHENTICATE must be an empty 7C")
            nonce = self._rng(self.params.cipher.block_size)  # one block, as OpenPACE's chip side
            self._s = int.from_bytes(nonce, "big")
            self._state = 2
            return _template(0x80, _nonce_crypt(self.params, self._k_pi, nonce, encrypt=True))
        if self._state == 2:
            terminal_map = _dynamic_data(data, 0x81)[0x81]
            point = group.decode(terminal_map)
            sk_map = group.random_scalar(self._rng)
            pk_map = group.encode(group.exp(group.generator, sk_map))
            if pk_map == terminal_map:
                raise ChipProtocolError("the terminal's mapping key equals the chip's")
            self._generator = group.op(group.exp(group.generator, self._s), group.exp(point, sk_map))
            self._state = 3
            return _template(0x82, pk_map)
        if self._state == 3:
            terminal_eph = _dynamic_data(data, 0x83)[0x83]
            point = group.decode(terminal_eph)
            sk_eph = group.random_scalar(self._rng)
            self._pk_eph = group.encode(group.exp(self._generator, sk_eph))
            if self._pk_eph == terminal_eph:
                raise ChipProtocolError("the terminal's ephemeral key equals the chip's")
            self._keys = _session(self.params, group.secret_bytes(group.exp(point, sk_eph)))
            self._terminal_eph = terminal_eph
            self._state = 4
            return _template(0x84, self._pk_eph)
        if self._state == 4:
            token = _dynamic_data(data, 0x85)[0x85]
            if not hmac.compare_digest(_token(self.params, self._keys[1], self._pk_eph), token):
                raise AccessDenied("the terminal's PACE token does not verify: wrong password")
            self._sm = make_secure_messaging(self.params.cipher, *self._keys)
            self._state = 5
            return _template(0x86, _token(self.params, self._keys[1], self._terminal_eph))
        raise ChipProtocolError("GENERAL AUTHENTICATE out of sequence (MSE:Set AT first)")

    def secure_messaging(self) -> SecureMessaging:
        if self._sm is None:
            raise ChipProtocolError("PACE has not completed")
        return self._sm


__all__ = [
    "DhGroup",
    "EcGroup",
    "PaceChip",
    "PaceParams",
    "PaceTerminal",
    "UnsupportedPace",
    "general_authenticate_apdu",
    "make_secure_messaging",
    "mse_set_at_apdu",
    "token_input",
]
