"""The simulated chip's secrets at work: the applet's access control built from a ``ChipContent``.

The applet (``applet.EmrtdApplet``) knows files and commands; this module answers the commands
that need a chip's secrets, with crypto's own chip halves, so the project's terminal is tested
against exactly the protocol it meets on a passport: BAC (always, keyed by the MRZ), PACE when
EF.CardAccess offers it (MRZ and CAN passwords), Chip Authentication when DG14 offers it and
Active Authentication when DG15 is present.

A clone is a ``ChipContent`` without the private keys: it copied every file but cannot hold the
keys a genuine chip never reveals. It still answers as a clone would try to — with a signature it
cannot make (random bytes) and with session keys it cannot derive (random keys) — so the terminal
must detect it by the answers, not by a refusal.
"""
from __future__ import annotations

import os
from collections.abc import Callable

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from inspector_app.chip import active_auth, lds
from inspector_app.chip.apdu import SW
from inspector_app.chip.applet import Refused
from inspector_app.chip.bac import BacChip
from inspector_app.chip.chip_auth import CaProtocol, ChipAuthChip
from inspector_app.chip.keys import AccessDenied, ChipProtocolError, PasswordRef
from inspector_app.chip.pace import PaceChip, PaceParams, UnsupportedPace
from inspector_app.chip.personalise import ChipContent
from inspector_app.chip.secure_messaging import SecureMessaging, make_secure_messaging

Random = Callable[[int], bytes]

# MSE P1/P2 pairs (ISO/IEC 7816-4 MANAGE SECURITY ENVIRONMENT) the eMRTD protocols use
MSE_PACE = (0xC1, 0xA4)   # Set AT for mutual authentication: PACE
MSE_CA_AT = (0x41, 0xA4)  # Set AT for internal authentication: Chip Authentication (AES)
MSE_CA_KAT = (0x41, 0xA6)  # Set KAT: Chip Authentication (3DES)


def _security_infos(files: dict[int, bytes], fid: int) -> list[lds.SecurityInfo]:
    data = files.get(fid)
    return lds.parse_security_infos(data) if data else []


def _first_pace(infos: list[lds.SecurityInfo]) -> PaceParams | None:
    """The PACE this chip runs: the first PACEInfo crypto implements (a chip may list more)."""
    for info in infos:
        if isinstance(info, lds.PaceInfo) and info.parameter_id is not None:
            try:
                return PaceParams.from_oid(info.protocol, info.parameter_id)
            except UnsupportedPace:
                continue
    return None


class _CloneCa:
    """What a clone can do for Chip Authentication: accept the commands, then key a session it
    cannot share with the terminal (it lacks the private key the agreement needs)."""

    def __init__(self, oid: str, rng: Random) -> None:
        self.protocol = CaProtocol.from_oid(oid)
        self._rng = rng

    def _session(self) -> SecureMessaging:
        n = self.protocol.cipher.key_length
        return make_secure_messaging(self.protocol.cipher, self._rng(n), self._rng(n))

    def mse_set_kat(self, data: bytes) -> SecureMessaging:
        return self._session()

    def mse_set_at(self, data: bytes) -> None:
        return None

    def general_authenticate(self, data: bytes) -> tuple[bytes, SecureMessaging]:
        return b"\x7c\x00", self._session()


class ChipAccess:
    """``applet.AccessControl`` for one chip's content: the keys, sessions and challenges of a chip."""

    def __init__(self, content: ChipContent, *, rng: Random = os.urandom) -> None:
        self.content = content
        self._rng = rng
        card_access = _security_infos(content.files, lds.EF_CARD_ACCESS)
        dg14 = _security_infos(content.files, lds.dg_file_id(14))
        self._pace_params = _first_pace(card_access)
        self._ca_info = next((i for i in dg14 if isinstance(i, lds.ChipAuthenticationInfo)), None)
        self._aa_hash = next((active_auth.SIGNATURE_HASHES.get(i.signature_algorithm) for i in dg14
                              if isinstance(i, lds.ActiveAuthenticationInfo)), None)
        self.reset()

    def reset(self) -> None:
        self._bac = BacChip(self.content.mrz_information, rng=self._rng)
        self._pace = None
        if self._pace_params is not None:
            passwords = {PasswordRef.MRZ: self.content.mrz_information.encode("ascii"),
                         PasswordRef.CAN: self.content.can.encode("ascii")}
            self._pace = PaceChip(self._pace_params, passwords, rng=self._rng)
        self._ca = self._new_ca()
        self._ca_at = False
        self._sm: SecureMessaging | None = None

    def _new_ca(self):
        if self._ca_info is None:
            return None
        if self.content.ca_private_key is None:
            return _CloneCa(self._ca_info.protocol, self._rng)
        return ChipAuthChip(self.content.ca_private_key, self._ca_info.protocol, self._ca_info.key_id)

    # -- applet.AccessControl ---------------------------------------------------------------------
    def get_challenge(self, length: int) -> bytes:
        if length == 8:
            return self._bac.get_challenge()
        return self._rng(length)

    def external_authenticate(self, data: bytes) -> bytes:
        try:
            response, self._sm = self._bac.mutual_authenticate(data)
        except AccessDenied as exc:
            raise Refused(SW.AUTHENTICATION_FAILED, str(exc)) from None
        except ChipProtocolError as exc:
            raise Refused(SW.CONDITIONS_NOT_SATISFIED, str(exc)) from None
        return response

    def set_security_environment(self, p1: int, p2: int, data: bytes) -> None:
        try:
            if (p1, p2) == MSE_PACE:
                if self._pace is None:
                    raise Refused(SW.REFERENCED_DATA_NOT_FOUND, "this chip offers no PACE")
                self._sm = None  # PACE starts a new session from the plain state
                self._ca_at = False
                self._pace.mse_set_at(data)
            elif (p1, p2) in (MSE_CA_AT, MSE_CA_KAT):
                if self._ca is None or self._sm is None:
                    raise Refused(SW.CONDITIONS_NOT_SATISFIED, "no Chip Authentication here, or no session yet")
                if (p1, p2) == MSE_CA_KAT:
                    self._sm = self._ca.mse_set_kat(data)  # the applet wraps this answer in the old session
                else:
                    self._ca.mse_set_at(data)
                    self._ca_at = True
            else:
                raise Refused(SW.INCORRECT_P1P2, f"MSE {p1:02X} {p2:02X} is not an eMRTD protocol")
        except ChipProtocolError as exc:
            raise Refused(SW.WRONG_DATA, str(exc)) from None

    def general_authenticate(self, data: bytes, *, last: bool) -> bytes:
        try:
            if self._ca_at:
                self._ca_at = False
                response, self._sm = self._ca.general_authenticate(data)
                return response
            if self._pace is None:
                raise Refused(SW.CONDITIONS_NOT_SATISFIED, "GENERAL AUTHENTICATE without MSE:Set AT")
            response = self._pace.general_authenticate(data)
            if last:
                self._sm = self._pace.secure_messaging()
            return response
        except AccessDenied as exc:
            raise Refused(SW.AUTHENTICATION_FAILED, str(exc)) from None
        except (ChipProtocolError, ValueError) as exc:  # ValueError: a public key not on the curve
            raise Refused(SW.WRONG_DATA, str(exc)) from None

    def internal_authenticate(self, data: bytes) -> bytes:
        dg15 = self.content.files.get(lds.dg_file_id(15))
        if dg15 is None:
            raise Refused(SW.INS_NOT_SUPPORTED, "this chip has no Active Authentication")
        key = self.content.aa_private_key
        if key is None:  # a clone: it has the public key in DG15 and nothing to sign with
            return self._rng(_signature_size(dg15))
        return active_auth.sign(key, data, hash_name=self._aa_hash)

    def secure_messaging(self) -> SecureMessaging | None:
        return self._sm


def _signature_size(dg15: bytes) -> int:
    """The length of a genuine answer for DG15's key, so a clone's forgery is not told by its size."""
    try:
        key = serialization.load_der_public_key(lds.parse_dg15(dg15))
    except ValueError:  # explicit curve parameters `cryptography` does not load
        return 64
    if isinstance(key, rsa.RSAPublicKey):
        return (key.key_size + 7) // 8
    if isinstance(key, ec.EllipticCurvePublicKey):
        return 2 * ((key.curve.key_size + 7) // 8)
    return 64
