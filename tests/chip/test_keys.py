"""MRZ_information, the KDF and DES parity against ICAO 9303-11 Appendix D.1 and G."""
from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.chip.keys import (
    ENC,
    MAC,
    Cipher,
    PasswordRef,
    adjust_parity,
    bac_key_seed,
    kdf,
    mrz_information,
    pace_password_key,
)

H = bytes.fromhex


@pytest.mark.parametrize(
    "number,birth,expiry,expected",
    [
        ("L898902C", "690806", "940623", "L898902C<369080619406236"),  # 9303-11 Appendix D.2
        ("T22000129", "640812", "101031", "T22000129364081251010318"),  # 9303-11 Appendix G
    ],
)
def test_mrz_information_of_the_worked_examples(number, birth, expiry, expected):
    assert mrz_information(number, birth, expiry) == expected


def test_mrz_information_refuses_foreign_characters():
    with pytest.raises(ValueError):
        mrz_information("L89-902C", "690806", "940623")


def test_appendix_d_key_derivation():
    seed = bac_key_seed("L898902C<369080619406236")
    assert seed == H("239AB9CB282DAF66231DC5A4DF6BFBAE")
    assert kdf(seed, ENC, Cipher.DES3) == H("AB94FDECF2674FDFB9B391F85D7F76F2")
    assert kdf(seed, MAC, Cipher.DES3) == H("7962D9ECE03D1ACD4C76089DCE131543")
    session_seed = H("0036D272F5C350ACAC50C3F572D23600")
    assert kdf(session_seed, ENC, Cipher.DES3) == H("979EC13B1CBFE9DCD01AB0FED307EAE5")
    assert kdf(session_seed, MAC, Cipher.DES3) == H("F1CB1F1FB5ADF208806B89DC579DC1F8")


def test_appendix_g_password_key():
    mrz = b"T22000129364081251010318"
    assert hashlib.sha1(mrz).digest() == H("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD")
    assert pace_password_key(mrz, PasswordRef.MRZ, Cipher.AES128) == H("89DED1B26624EC1E634C1989302849DD")


def test_can_is_used_as_is_not_hashed():
    # 9303-11 §9.7.3: f(pi) is SHA-1 only for the MRZ; a CAN enters the KDF unchanged.
    can = b"123456"
    assert pace_password_key(can, PasswordRef.CAN, Cipher.AES128) == hashlib.sha1(can + bytes(3) + b"\x03").digest()[:16]
    assert pace_password_key(can, PasswordRef.CAN, Cipher.AES128) != pace_password_key(can, PasswordRef.MRZ, Cipher.AES128)


@pytest.mark.parametrize(
    "cipher,length,digest",
    [(Cipher.DES3, 16, "sha1"), (Cipher.AES128, 16, "sha1"), (Cipher.AES192, 24, "sha256"), (Cipher.AES256, 32, "sha256")],
)
def test_kdf_hash_and_length_follow_the_cipher(cipher, length, digest):
    seed = b"shared secret"
    key = kdf(seed, 1, cipher)
    assert len(key) == length
    raw = hashlib.new(digest, seed + b"\x00\x00\x00\x01").digest()[:length]
    assert key == (adjust_parity(raw) if cipher is Cipher.DES3 else raw)


@given(st.binary(min_size=1, max_size=32))
def test_parity_is_odd_and_touches_only_the_low_bit(key):
    out = adjust_parity(key)
    assert all(bin(b).count("1") % 2 == 1 for b in out)
    assert all((a ^ b) in (0, 1) for a, b in zip(key, out))
    assert adjust_parity(out) == out
