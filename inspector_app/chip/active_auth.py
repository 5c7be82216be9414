"""Active Authentication (ICAO Doc 9303-11 §6.1), both halves: the chip signs the terminal's challenge.

The private key never leaves the chip, so a clone that copied every data group (DG15 included)
cannot answer INTERNAL AUTHENTICATE. RSA keys sign with ISO/IEC 9796-2 digital signature scheme 1
(partial message recovery): the representative is F = 6A || M1 || H(M1 || challenge) || trailer,
where the trailer BC means SHA-1 and XX CC names the hash (33 SHA-1, 34 SHA-256, 35 SHA-512,
36 SHA-384, 38 SHA-224; ISO/IEC 10118-3 numbering). EC keys sign with ECDSA in the plain r || s
format of BSI TR-03111, the hash named by DG14's ActiveAuthenticationInfo.

RSA here is raw modular arithmetic on the key's numbers (9796-2 is not a padding `cryptography`
offers); ECDSA verification runs on the integer curve arithmetic of ``pace_groups`` so the explicit
curve parameters common in DG15 need no library support.
"""
from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from inspector_app.chip.keys import ChipProtocolError
from inspector_app.chip.pace_groups import (
    EcGroup,
    decode_oid,
    der_items,
    der_read,
    group_of_private_key,
    parse_public_key_info,
)

OID_RSA = "1.2.840.113549.1.1.1"
OID_EC = "1.2.840.10045.2.1"

# ISO/IEC 10118-3 hash identifiers in a two-byte 9796-2 trailer (XX CC).
_TRAILER_HASHES = {0x33: "sha1", 0x34: "sha256", 0x35: "sha512", 0x36: "sha384", 0x38: "sha224"}
_HASH_TRAILERS = {name: bytes([ident, 0xCC]) for ident, name in _TRAILER_HASHES.items()}

# ActiveAuthenticationInfo.signatureAlgorithm: BSI TR-03111 ecdsa-plain-* and X9.62 ecdsa-with-*.
SIGNATURE_HASHES = {
    "0.4.0.127.0.7.1.1.4.1.1": "sha1",
    "0.4.0.127.0.7.1.1.4.1.2": "sha224",
    "0.4.0.127.0.7.1.1.4.1.3": "sha256",
    "0.4.0.127.0.7.1.1.4.1.4": "sha384",
    "0.4.0.127.0.7.1.1.4.1.5": "sha512",
    "1.2.840.10045.4.1": "sha1",
    "1.2.840.10045.4.3.1": "sha224",
    "1.2.840.10045.4.3.2": "sha256",
    "1.2.840.10045.4.3.3": "sha384",
    "1.2.840.10045.4.3.4": "sha512",
}
_CRYPTOGRAPHY_HASHES = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


def _default_ec_hash(order: int) -> str:
    """Without an ActiveAuthenticationInfo, the hash as long as the curve order (TR-03111 advice)."""
    bits = order.bit_length()
    for limit, name in ((160, "sha1"), (224, "sha224"), (256, "sha256"), (384, "sha384")):
        if bits <= limit:
            return name
    return "sha512"


def _ec_hash(order: int, signature_algorithm: str | None) -> str:
    if signature_algorithm is None:
        return _default_ec_hash(order)
    if signature_algorithm not in SIGNATURE_HASHES:
        raise ChipProtocolError(f"unsupported Active Authentication signature algorithm {signature_algorithm}")
    return SIGNATURE_HASHES[signature_algorithm]


def _algorithm_oid(spki_der: bytes) -> str:
    tag, body, _ = der_read(spki_der)
    if tag != 0x30:
        raise ChipProtocolError("not a SubjectPublicKeyInfo")
    _, alg = der_items(body)[0]
    return decode_oid(der_items(alg)[0][1])


# --- terminal ----------------------------------------------------------------------------------


def internal_authenticate_apdu(challenge: bytes) -> bytes:
    """INTERNAL AUTHENTICATE (00 88 00 00) with the 8-byte challenge; Le 00 takes the whole signature."""
    return bytes([0x00, 0x88, 0x00, 0x00, len(challenge)]) + challenge + b"\x00"


def verify(public_key_info_der: bytes, challenge: bytes, signature: bytes, *, signature_algorithm: str | None = None) -> bool:
    """Whether ``signature`` is the chip's answer to ``challenge`` under DG15's public key.

    ``signature_algorithm`` (EC only) is the OID of DG14's ActiveAuthenticationInfo; without it the
    hash follows the curve size. False for any signature that does not verify; an unusable key
    raises ChipProtocolError.
    """
    oid = _algorithm_oid(public_key_info_der)
    if oid == OID_RSA:
        key = serialization.load_der_public_key(public_key_info_der)
        if not isinstance(key, rsa.RSAPublicKey):
            raise ChipProtocolError("DG15 RSA key did not load")
        numbers = key.public_numbers()
        return _verify_9796_2(numbers.n, numbers.e, challenge, signature)
    if oid == OID_EC:
        group, point = parse_public_key_info(public_key_info_der)
        assert isinstance(group, EcGroup)
        return _verify_ecdsa(group, point, _ec_hash(group.order, signature_algorithm), challenge, signature)
    raise ChipProtocolError(f"unsupported Active Authentication key algorithm {oid}")


def _verify_9796_2(n: int, e: int, challenge: bytes, signature: bytes) -> bool:
    s = int.from_bytes(signature, "big")
    if not signature or len(signature) > (n.bit_length() + 7) // 8 or not 0 < s < n:
        return False
    m = pow(s, e, n)
    f = m.to_bytes((m.bit_length() + 7) // 8, "big")
    if len(f) < 3 or f[0] != 0x6A:
        return False
    if f[-1] == 0xBC:
        name, trailer = "sha1", 1
    elif f[-1] == 0xCC and f[-2] in _TRAILER_HASHES:
        name, trailer = _TRAILER_HASHES[f[-2]], 2
    else:
        return False
    size = hashlib.new(name).digest_size
    if len(f) < 1 + size + trailer:
        return False
    digest = f[-trailer - size:-trailer]
    m1 = f[1:-trailer - size]
    return hmac.compare_digest(hashlib.new(name, m1 + challenge).digest(), digest)


def _verify_ecdsa(group: EcGroup, point, hash_name: str, challenge: bytes, signature: bytes) -> bool:
    size = (group.order.bit_length() + 7) // 8
    if len(signature) != 2 * size:
        return False
    r = int.from_bytes(signature[:size], "big")
    s = int.from_bytes(signature[size:], "big")
    n = group.order
    if not (0 < r < n and 0 < s < n):
        return False
    digest = hashlib.new(hash_name, challenge).digest()
    e = int.from_bytes(digest, "big")
    excess = 8 * len(digest) - n.bit_length()
    if excess > 0:
        e >>= excess
    w = pow(s, -1, n)
    x = group.op(group.exp(group.generator, e * w % n), group.exp(point, r * w % n))
    return x is not None and x[0] % n == r


# --- chip --------------------------------------------------------------------------------------


def sign(private_key, challenge: bytes, *, hash_name: str | None = None) -> bytes:
    """The chip's INTERNAL AUTHENTICATE answer for a `cryptography` RSA or EC private key.

    RSA defaults to SHA-1 with trailer BC (what most chips do); EC to the curve-sized hash.
    """
    if isinstance(private_key, rsa.RSAPrivateKey):
        return _sign_9796_2(private_key, challenge, hash_name or "sha1")
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        group, _ = group_of_private_key(private_key)
        name = hash_name or _default_ec_hash(group.order)
        der = private_key.sign(challenge, ec.ECDSA(_CRYPTOGRAPHY_HASHES[name]()))
        r, s = decode_dss_signature(der)
        size = (group.order.bit_length() + 7) // 8
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")
    raise ValueError(f"not an RSA or EC private key: {type(private_key).__name__}")


def _sign_9796_2(private_key: rsa.RSAPrivateKey, challenge: bytes, hash_name: str) -> bytes:
    numbers = private_key.private_numbers()
    n, d = numbers.public_numbers.n, numbers.d
    trailer = b"\xbc" if hash_name == "sha1" else _HASH_TRAILERS[hash_name]
    size = hashlib.new(hash_name).digest_size
    k = (n.bit_length() + 7) // 8
    if int.from_bytes(b"\x6b" + bytes(k - 1), "big") >= n:  # keep F below n for odd-sized moduli
        k -= 1
    m1 = os.urandom(k - 1 - size - len(trailer))
    f = b"\x6a" + m1 + hashlib.new(hash_name, m1 + challenge).digest() + trailer
    return pow(int.from_bytes(f, "big"), d, n).to_bytes((n.bit_length() + 7) // 8, "big")
