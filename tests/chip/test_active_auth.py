"""Active Authentication: ISO/IEC 9796-2 scheme 1 (RSA) and plain ECDSA (TR-03111), both halves.

No byte-exact AA worked example is published in ICAO 9303-11 (the chip's M1 is random); the RSA
representative is rebuilt by hand here from 9303-11 §6.1 and the trailer table, and the ECDSA
signature is cross-checked with `cryptography`'s own verifier.
"""
from __future__ import annotations

import functools
import hashlib

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from inspector_app.chip import active_auth
from inspector_app.chip.keys import ChipProtocolError

CHALLENGE = bytes.fromhex("0102030405060708")


def spki(private_key) -> bytes:
    return private_key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


@functools.cache
def rsa_key(bits: int = 1024):
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def raw_rsa_sign(key, representative: bytes) -> bytes:
    numbers = key.private_numbers()
    n = numbers.public_numbers.n
    return pow(int.from_bytes(representative, "big"), numbers.d, n).to_bytes((n.bit_length() + 7) // 8, "big")


@pytest.mark.parametrize(
    "hash_name,trailer",
    [("sha1", "BC"), ("sha1", "33CC"), ("sha256", "34CC"), ("sha384", "36CC"), ("sha512", "35CC"), ("sha224", "38CC")],
)
def test_verifier_accepts_a_hand_built_9796_2_representative(hash_name, trailer):
    key = rsa_key()
    trailer_bytes = bytes.fromhex(trailer)
    m1 = bytes(range(128 - 1 - hashlib.new(hash_name).digest_size - len(trailer_bytes)))
    f = b"\x6a" + m1 + hashlib.new(hash_name, m1 + CHALLENGE).digest() + trailer_bytes
    assert len(f) == 128
    assert active_auth.verify(spki(key), CHALLENGE, raw_rsa_sign(key, f))
    assert not active_auth.verify(spki(key), bytes(8), raw_rsa_sign(key, f))


@pytest.mark.parametrize("hash_name", ["sha1", "sha256", "sha512"])
@pytest.mark.parametrize("bits", [1024, 2048, 1535])
def test_rsa_sign_then_verify(hash_name, bits):
    key = rsa_key(bits)
    signature = active_auth.sign(key, CHALLENGE, hash_name=hash_name)
    assert len(signature) == (bits + 7) // 8
    assert active_auth.verify(spki(key), CHALLENGE, signature)


def test_rsa_signature_recovers_to_the_9796_2_layout():
    key = rsa_key()
    signature = active_auth.sign(key, CHALLENGE)
    n, e = key.public_key().public_numbers().n, key.public_key().public_numbers().e
    f = pow(int.from_bytes(signature, "big"), e, n).to_bytes(128, "big")
    assert f[0] == 0x6A and f[-1] == 0xBC
    assert f[-21:-1] == hashlib.sha1(f[1:-21] + CHALLENGE).digest()


def test_rsa_refusals():
    key = rsa_key()
    signature = bytearray(active_auth.sign(key, CHALLENGE))
    assert not active_auth.verify(spki(key), CHALLENGE[::-1], bytes(signature))
    signature[10] ^= 0x01
    assert not active_auth.verify(spki(key), CHALLENGE, bytes(signature))
    assert not active_auth.verify(spki(key), CHALLENGE, b"")
    assert not active_auth.verify(spki(key), CHALLENGE, b"\xff" * 128)  # not below n
    other = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # a clone's own key
    assert not active_auth.verify(spki(key), CHALLENGE, active_auth.sign(other, CHALLENGE))


CURVES = {"brainpoolP256r1": ec.BrainpoolP256R1(), "P-256": ec.SECP256R1(), "P-384": ec.SECP384R1(), "brainpoolP512r1": ec.BrainpoolP512R1()}


@pytest.mark.parametrize("curve", sorted(CURVES))
def test_ecdsa_plain_signature_round_trip(curve):
    key = ec.generate_private_key(CURVES[curve])
    signature = active_auth.sign(key, CHALLENGE)
    size = (key.curve.key_size + 7) // 8
    assert len(signature) == 2 * size
    assert active_auth.verify(spki(key), CHALLENGE, signature)
    default_hash = {256: hashes.SHA256(), 384: hashes.SHA384(), 512: hashes.SHA512()}[key.curve.key_size]
    der = encode_dss_signature(int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big"))
    key.public_key().verify(der, CHALLENGE, ec.ECDSA(default_hash))  # raises if not a valid ECDSA signature


def test_ecdsa_follows_the_signature_algorithm_oid():
    key = ec.generate_private_key(ec.BrainpoolP256R1())
    signature = active_auth.sign(key, CHALLENGE, hash_name="sha1")
    ecdsa_plain_sha1 = "0.4.0.127.0.7.1.1.4.1.1"
    assert active_auth.verify(spki(key), CHALLENGE, signature, signature_algorithm=ecdsa_plain_sha1)
    assert not active_auth.verify(spki(key), CHALLENGE, signature)  # default SHA-256 for a 256-bit curve
    with pytest.raises(ChipProtocolError):
        active_auth.verify(spki(key), CHALLENGE, signature, signature_algorithm="1.2.3.4")


def test_ecdsa_refusals():
    key = ec.generate_private_key(ec.SECP256R1())
    signature = bytearray(active_auth.sign(key, CHALLENGE))
    assert not active_auth.verify(spki(key), bytes(8), bytes(signature))
    signature[40] ^= 0x01
    assert not active_auth.verify(spki(key), CHALLENGE, bytes(signature))
    assert not active_auth.verify(spki(key), CHALLENGE, bytes(64))
    assert not active_auth.verify(spki(key), CHALLENGE, bytes(signature[:-1]))
    clone = ec.generate_private_key(ec.SECP256R1())
    assert not active_auth.verify(spki(key), CHALLENGE, active_auth.sign(clone, CHALLENGE))


def test_unsupported_key_algorithms_raise():
    ed = __import__("cryptography.hazmat.primitives.asymmetric.ed25519", fromlist=["x"]).Ed25519PrivateKey.generate()
    with pytest.raises(ChipProtocolError):
        active_auth.verify(spki(ed), CHALLENGE, bytes(64))


def test_internal_authenticate_apdu():
    assert active_auth.internal_authenticate_apdu(CHALLENGE) == bytes.fromhex("0088000008") + CHALLENGE + b"\x00"
