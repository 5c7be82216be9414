"""Compact JWS (RFC 7515) with RS256, as MOSIP SBI devices sign `data` and `digitalId`.

A JWS is ``base64url(header).base64url(payload).base64url(signature)``; the signature covers the
ASCII bytes ``header_b64 + "." + payload_b64``. We implement it on `cryptography` directly rather
than adding a JWT library: SBI only needs RS256 sign/verify and strict structure checks, and the
checks (exactly three parts, valid base64url, JSON header with ``alg``) are the point here.
"""
from __future__ import annotations

import base64
import datetime as _dt
import json
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID


class JwsError(ValueError):
    """A token that is not a well-formed compact JWS, or whose signature does not verify."""


def b64url_encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Strict base64url: only the URL-safe alphabet, padding optional."""
    if not isinstance(text, str):
        raise JwsError("base64url value is not a string")
    allowed = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=")
    if any(ch not in allowed for ch in text):
        raise JwsError("base64url value contains characters outside the URL-safe alphabet")
    stripped = text.rstrip("=")
    if len(stripped) % 4 == 1:
        raise JwsError("base64url value has an impossible length")
    return base64.urlsafe_b64decode(stripped + "=" * (-len(stripped) % 4))


@dataclass
class DecodedJws:
    header: dict
    payload: dict
    signature: bytes
    signing_input: bytes


def sign(payload: dict, private_key: rsa.RSAPrivateKey, cert_der: bytes | list[bytes] | None = None) -> str:
    """RS256 compact JWS; the certificate (if given) travels in ``x5c`` as SBI devices do. A list
    is a chain: the signing (leaf) certificate first, then its intermediates."""
    header: dict = {"alg": "RS256", "typ": "JWT"}
    if cert_der is not None:
        chain = [cert_der] if isinstance(cert_der, bytes) else list(cert_der)
        header["x5c"] = [base64.b64encode(c).decode("ascii") for c in chain]
    h = b64url_encode(json.dumps(header, separators=(",", ":")).encode())
    p = b64url_encode(json.dumps(payload, separators=(",", ":")).encode())
    signing_input = f"{h}.{p}".encode("ascii")
    sig = private_key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
    return f"{h}.{p}.{b64url_encode(sig)}"


def decode(token: str) -> DecodedJws:
    """Check the structure and decode; does not verify the signature."""
    if not isinstance(token, str) or not token:
        raise JwsError("JWT is missing or not a string")
    parts = token.split(".")
    if len(parts) != 3:
        raise JwsError(f"JWT must have 3 dot-separated parts, found {len(parts)}")
    if not all(parts):
        raise JwsError("JWT has an empty part (unsigned or truncated token)")
    try:
        header = json.loads(b64url_decode(parts[0]))
        payload = json.loads(b64url_decode(parts[1]))
    except (ValueError, UnicodeDecodeError) as exc:
        raise JwsError(f"JWT header/payload is not base64url JSON: {exc}") from exc
    if not isinstance(header, dict) or "alg" not in header:
        raise JwsError("JWT header has no 'alg'")
    if not isinstance(payload, dict):
        raise JwsError("JWT payload is not a JSON object")
    signature = b64url_decode(parts[2])
    return DecodedJws(header, payload, signature, f"{parts[0]}.{parts[1]}".encode("ascii"))


def verify(token: str, public_key: rsa.RSAPublicKey) -> DecodedJws:
    """Decode and verify an RS256 signature with the device's public key."""
    decoded = decode(token)
    if decoded.header.get("alg") != "RS256":
        raise JwsError(f"unsupported JWT alg {decoded.header.get('alg')!r} (expected RS256)")
    try:
        public_key.verify(decoded.signature, decoded.signing_input, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature as exc:
        raise JwsError("JWT signature does not verify with the device key") from exc
    return decoded


def certificate_from_header(decoded: DecodedJws) -> x509.Certificate | None:
    x5c = decoded.header.get("x5c")
    if not x5c:
        return None
    try:
        return x509.load_der_x509_certificate(base64.b64decode(x5c[0]))
    except (ValueError, TypeError) as exc:
        raise JwsError(f"JWT x5c certificate is unreadable: {exc}") from exc


def load_public_key(pem_or_der: bytes) -> rsa.RSAPublicKey:
    """Accept a PEM/DER certificate or a PEM public key (what an operator would be given)."""
    for loader in (x509.load_pem_x509_certificate, x509.load_der_x509_certificate):
        try:
            return loader(pem_or_der).public_key()
        except ValueError:
            pass
    try:
        return serialization.load_pem_public_key(pem_or_der)
    except ValueError as exc:
        raise JwsError("not a certificate or PEM public key") from exc


def generate_device_identity(common_name: str = "Border Inspector SBI simulator"):
    """A fresh RSA-2048 key and a self-signed certificate (the simulator's device key)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = _dt.datetime.now(_dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5))
        .not_valid_after(now + _dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return key, cert
