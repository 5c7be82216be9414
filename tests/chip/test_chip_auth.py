"""Chip Authentication: both halves agree on the new session; a clone without the key does not.

No byte-exact CA worked example is published in ICAO 9303-11, so these tests check the agreement
against `cryptography`'s own ECDH/DH exchange and the KDF, plus round trips and refusals.
"""
from __future__ import annotations

import functools

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dh, ec

from inspector_app.chip import pace_groups
from inspector_app.chip.chip_auth import CaProtocol, ChipAuthChip, ChipAuthTerminal, UnsupportedChipAuthentication
from inspector_app.chip.keys import ENC, MAC, ChipProtocolError, Cipher, kdf
from inspector_app.chip.secure_messaging import AesSecureMessaging, DesSecureMessaging, SecureMessagingError

H = bytes.fromhex
# `cryptography` deprecates finite-field DH; passports still use it for CA, so the tests do too.
pytestmark = pytest.mark.filterwarnings("ignore:Diffie-Hellman over finite fields")


def spki(private_key) -> bytes:
    return private_key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


@functools.cache
def dh_key():
    group = pace_groups.DH_1024_160
    return dh.DHParameterNumbers(group.p, group.g, group.q).parameters().generate_private_key()


KEYS = {
    "brainpoolP256r1": lambda: ec.generate_private_key(ec.BrainpoolP256R1()),
    "P-256": lambda: ec.generate_private_key(ec.SECP256R1()),
    "DH-1024": dh_key,
}
PROTOCOLS = {
    ("brainpoolP256r1", "3DES"): "0.4.0.127.0.7.2.2.3.2.1",
    ("brainpoolP256r1", "AES-128"): "0.4.0.127.0.7.2.2.3.2.2",
    ("P-256", "AES-256"): "0.4.0.127.0.7.2.2.3.2.4",
    ("DH-1024", "3DES"): "0.4.0.127.0.7.2.2.3.1.1",
    ("DH-1024", "AES-128"): "0.4.0.127.0.7.2.2.3.1.2",
}


def run_ca(terminal: ChipAuthTerminal, chip: ChipAuthChip):
    """Play the terminal's commands into the chip; return the chip's new session."""
    apdus = terminal.command_apdus()
    if terminal.uses_kat:
        (kat,) = apdus
        assert kat[:4] == H("002241A6")
        return chip.mse_set_kat(kat[5:])
    mse, ga = apdus
    assert mse[:4] == H("002241A4") and ga[:4] == H("00860000") and ga[-1] == 0
    chip.mse_set_at(mse[5:])
    response, session = chip.general_authenticate(ga[5:-1])
    assert response == H("7C00")
    return session


@pytest.mark.parametrize("key_name,cipher", sorted(PROTOCOLS))
def test_both_halves_switch_to_the_same_session(key_name, cipher):
    key = KEYS[key_name]()
    oid = PROTOCOLS[(key_name, cipher)]
    terminal = ChipAuthTerminal(spki(key), oid, key_id=1)
    chip_sm = run_ca(terminal, ChipAuthChip(key, oid, key_id=1))
    terminal_sm = terminal.secure_messaging()
    expected = DesSecureMessaging if cipher == "3DES" else AesSecureMessaging
    assert isinstance(terminal_sm, expected)
    assert (terminal_sm.ks_enc, terminal_sm.ks_mac) == (chip_sm.ks_enc, chip_sm.ks_mac)
    assert terminal_sm.ssc == chip_sm.ssc == bytes(terminal_sm.block_size)
    assert chip_sm.unwrap_command(terminal_sm.wrap_command(H("00B0000004"))) == H("00B0000004")
    assert terminal_sm.unwrap_response(chip_sm.wrap_response(H("010203049000"))) == H("010203049000")


def test_session_keys_are_the_kdf_of_the_ecdh_x_coordinate():
    chip_key = ec.generate_private_key(ec.BrainpoolP256R1())
    captured = []
    terminal = ChipAuthTerminal(spki(chip_key), "0.4.0.127.0.7.2.2.3.2.2", rng=lambda n: captured.append(n) or (7).to_bytes(n, "big"))
    terminal_key = ec.derive_private_key(7, ec.BrainpoolP256R1())
    assert terminal.ephemeral_public_key == terminal_key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    secret = terminal_key.exchange(ec.ECDH(), chip_key.public_key())  # the x-coordinate
    sm = terminal.secure_messaging()
    assert (sm.ks_enc, sm.ks_mac) == (kdf(secret, ENC, Cipher.AES128), kdf(secret, MAC, Cipher.AES128))


def test_dh_session_keys_are_the_kdf_of_the_shared_value():
    chip_key = dh_key()
    terminal = ChipAuthTerminal(spki(chip_key), "0.4.0.127.0.7.2.2.3.1.2", rng=lambda n: (12345).to_bytes(n, "big"))
    group = pace_groups.DH_1024_160
    terminal_key = dh.DHPrivateNumbers(
        12345, dh.DHPublicNumbers(pow(group.g, 12345, group.p), dh.DHParameterNumbers(group.p, group.g, group.q))
    ).private_key()
    secret = terminal_key.exchange(chip_key.public_key())
    secret = secret.rjust(group.size, b"\x00")
    sm = terminal.secure_messaging()
    assert sm.ks_enc == kdf(secret, ENC, Cipher.AES128)


def test_a_clone_without_the_private_key_cannot_continue():
    genuine = ec.generate_private_key(ec.BrainpoolP256R1())
    clone = ec.generate_private_key(ec.BrainpoolP256R1())  # copied DG14, its own key
    oid = "0.4.0.127.0.7.2.2.3.2.2"
    terminal = ChipAuthTerminal(spki(genuine), oid)
    clone_sm = run_ca(terminal, ChipAuthChip(clone, oid))
    with pytest.raises(SecureMessagingError):
        clone_sm.unwrap_command(terminal.secure_messaging().wrap_command(H("00B0000004")))


def _der(tag: int, value: bytes) -> bytes:
    n = len(value)
    length = bytes([n]) if n < 0x80 else bytes([0x81, n]) if n < 0x100 else bytes([0x82]) + n.to_bytes(2, "big")
    return bytes([tag]) + length + value


def _der_int(v: int) -> bytes:
    return _der(0x02, v.to_bytes(v.bit_length() // 8 + 1, "big"))


def explicit_spki(group: pace_groups.EcGroup, point: bytes) -> bytes:
    """SubjectPublicKeyInfo with explicit ECParameters (X9.62), as many passports' DG14/DG15 carry."""
    size = group.size
    params = _der(0x30, b"".join([
        _der_int(1),
        _der(0x30, _der(0x06, pace_groups.encode_oid("1.2.840.10045.1.1")) + _der_int(group.p)),
        _der(0x30, _der(0x04, group.a.to_bytes(size, "big")) + _der(0x04, group.b.to_bytes(size, "big"))),
        _der(0x04, group.encode(group.generator)),
        _der_int(group.order),
        _der_int(group.cofactor),
    ]))
    algorithm = _der(0x30, _der(0x06, pace_groups.encode_oid("1.2.840.10045.2.1")) + params)
    return _der(0x30, algorithm + _der(0x03, b"\x00" + point))


def test_explicit_curve_parameters_are_recognised():
    key = ec.generate_private_key(ec.BrainpoolP256R1())
    point = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    group, parsed = pace_groups.parse_public_key_info(explicit_spki(pace_groups.BRAINPOOL_P256R1, point))
    assert group is pace_groups.BRAINPOOL_P256R1
    assert group.encode(parsed) == point
    oid = "0.4.0.127.0.7.2.2.3.2.2"
    terminal = ChipAuthTerminal(explicit_spki(pace_groups.BRAINPOOL_P256R1, point), oid)
    chip_sm = run_ca(terminal, ChipAuthChip(key, oid))
    assert chip_sm.ks_enc == terminal.secure_messaging().ks_enc


def test_chip_refuses_a_terminal_key_off_the_curve():
    key = ec.generate_private_key(ec.BrainpoolP256R1())
    chip = ChipAuthChip(key, "0.4.0.127.0.7.2.2.3.2.1")
    bad = bytearray(ChipAuthTerminal(spki(key), "0.4.0.127.0.7.2.2.3.2.1").ephemeral_public_key)
    bad[-1] ^= 0x01
    with pytest.raises(ChipProtocolError):
        chip.mse_set_kat(b"\x91\x41" + bytes(bad))


def test_chip_refuses_general_authenticate_without_mse():
    key = ec.generate_private_key(ec.SECP256R1())
    chip = ChipAuthChip(key, "0.4.0.127.0.7.2.2.3.2.2")
    with pytest.raises(ChipProtocolError):
        chip.general_authenticate(H("7C00"))


@pytest.mark.parametrize("oid", ["0.4.0.127.0.7.2.2.3.3.2", "0.4.0.127.0.7.2.2.4.2.2", "0.4.0.127.0.7.2.2.3.2.9"])
def test_unknown_ca_oids_are_refused(oid):
    with pytest.raises(UnsupportedChipAuthentication):
        CaProtocol.from_oid(oid)


def test_an_oid_for_the_other_key_kind_is_refused():
    key = ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(UnsupportedChipAuthentication):
        ChipAuthTerminal(spki(key), "0.4.0.127.0.7.2.2.3.1.2")


def test_ca_runs_inside_the_pace_session_and_then_replaces_it():
    """The lead's sequence: CA commands travel under PACE's keys, the answers too, then both
    sides switch; the old session is not used again."""
    from inspector_app.chip.pace import PaceChip, PaceParams, PaceTerminal

    params = PaceParams.from_oid("0.4.0.127.0.7.2.2.4.2.2", 13)
    terminal_pace, chip_pace = PaceTerminal(params, b"123456", 2), PaceChip(params, {2: b"123456"})
    chip_pace.mse_set_at(terminal_pace.mse_set_at())
    data = terminal_pace.step(b"")
    while data is not None:
        data = terminal_pace.step(chip_pace.general_authenticate(data))
    terminal_sm, chip_sm = terminal_pace.secure_messaging(), chip_pace.secure_messaging()

    key = ec.generate_private_key(ec.BrainpoolP256R1())
    oid = "0.4.0.127.0.7.2.2.3.2.2"
    terminal_ca, chip_ca = ChipAuthTerminal(spki(key), oid), ChipAuthChip(key, oid)
    mse, ga = terminal_ca.command_apdus()
    chip_ca.mse_set_at(chip_sm.unwrap_command(terminal_sm.wrap_command(mse))[5:])
    assert terminal_sm.unwrap_response(chip_sm.wrap_response(H("9000"))) == H("9000")
    plain_ga = chip_sm.unwrap_command(terminal_sm.wrap_command(ga))
    response, new_chip_sm = chip_ca.general_authenticate(plain_ga[5:-1])
    assert terminal_sm.unwrap_response(chip_sm.wrap_response(response + H("9000"))) == H("7C009000")
    new_terminal_sm = terminal_ca.secure_messaging()
    assert new_chip_sm.unwrap_command(new_terminal_sm.wrap_command(H("00B0000004"))) == H("00B0000004")
