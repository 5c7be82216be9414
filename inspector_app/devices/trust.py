"""Which fingerprint devices the booth believes: the device-provider CA, a pinned certificate, or
(development only) whatever certificate the device sends.

A signed SBI message (device info, digital ID, capture item) is an RS256 JWS whose header carries
the device's certificate chain in ``x5c`` (leaf first, then any intermediates). The booth accepts
it when one of these holds, in this order:

``pinned``            ``devices.sbi.trusted_cert`` is set and the signature verifies with that
                      certificate's (or PEM public key's) key — the certificate of one device, as
                      an operator installing it would configure it.
``provider-ca``       ``devices.sbi.provider_ca`` is set (PEM, one or more CA certificates) and the
                      ``x5c`` leaf chains to one of them: each certificate is signed by the next
                      (intermediates from ``x5c``, ending at a configured CA), every certificate is
                      within its validity dates on the booth's clock, every issuer is a CA
                      (basicConstraints CA=true, path length respected, keyCertSign when keyUsage is
                      present), the leaf has keyUsage digitalSignature and is not a CA, and the JWS
                      signature verifies with the leaf's key. This is MOSIP's model: the device
                      provider issues each device key's certificate, the booth trusts the provider.
``self-asserted-dev`` neither is configured and ``devices.sbi.allow_self_asserted`` is true: the
                      signature verifies with the ``x5c`` leaf, whoever issued it. That proves only
                      integrity in transit, not which device it is — for development only.

With neither configured and developer mode off, every device is refused with a message naming
the settings; developer mode is ignored once a CA or a pin is configured (a booth set up for
production stays strict even if the flag is left on).
"""
from __future__ import annotations

import base64
import datetime as _dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization

from inspector_app.devices import jws

PROVIDER_CA = "provider-ca"
PINNED = "pinned"
SELF_ASSERTED_DEV = "self-asserted-dev"
MAX_CHAIN = 6  # leaf + intermediates in x5c

NOT_CONFIGURED = ("no fingerprint device trust is configured: set devices.sbi.provider_ca (the device "
                  "provider's CA certificate, PEM) or devices.sbi.trusted_cert (this scanner's certificate, PEM); "
                  "devices.sbi.allow_self_asserted: true accepts any self-signed device, for development only")


class UntrustedDevice(jws.JwsError):
    """The JWS is well formed but its signer is not a device the booth trusts."""


@dataclass
class Verified:
    decoded: jws.DecodedJws
    how: str                 # provider-ca | pinned | self-asserted-dev
    signer_sha256: str       # SHA-256 of the leaf certificate (DER), or of the pinned public key (SPKI DER)


def utc_now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def load_ca_certificates(pem: bytes, where: str = "devices.sbi.provider_ca") -> list[x509.Certificate]:
    """Every certificate in a PEM bundle; each must be a CA certificate."""
    try:
        certs = x509.load_pem_x509_certificates(pem)
    except ValueError as exc:
        raise ValueError(f"{where}: no PEM certificate could be read ({exc})") from exc
    for cert in certs:
        if not _is_ca(cert):
            raise ValueError(f"{where}: {cert.subject.rfc4514_string()} is not a CA certificate "
                             "(basicConstraints CA=true); configure the provider's CA, not a device certificate")
    return certs


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _key_usage(cert: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None


def _label(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string() or "(empty subject)"


def _fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def x5c_chain(decoded: jws.DecodedJws) -> list[x509.Certificate]:
    """The certificates in the JWS header's ``x5c`` (leaf first); [] when there is none."""
    x5c = decoded.header.get("x5c")
    if x5c in (None, []):
        return []
    if not isinstance(x5c, list) or not all(isinstance(c, str) for c in x5c):
        raise UntrustedDevice("JWT x5c is not a list of base64 certificates")
    if len(x5c) > MAX_CHAIN:
        raise UntrustedDevice(f"JWT x5c holds {len(x5c)} certificates (at most {MAX_CHAIN})")
    try:
        return [x509.load_der_x509_certificate(base64.b64decode(c, validate=True)) for c in x5c]
    except (ValueError, TypeError) as exc:
        raise UntrustedDevice(f"JWT x5c certificate is unreadable: {exc}") from exc


def _within_dates(cert: x509.Certificate, at: _dt.datetime, role: str) -> None:
    if at < cert.not_valid_before_utc:
        raise UntrustedDevice(f"{role} certificate {_label(cert)} is not valid before "
                              f"{cert.not_valid_before_utc:%Y-%m-%d %H:%M}Z (booth clock {at:%Y-%m-%d %H:%M}Z)")
    if at > cert.not_valid_after_utc:
        raise UntrustedDevice(f"{role} certificate {_label(cert)} expired on "
                              f"{cert.not_valid_after_utc:%Y-%m-%d %H:%M}Z (booth clock {at:%Y-%m-%d %H:%M}Z)")


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
        return True
    except (ValueError, TypeError, InvalidSignature):
        return False


def _check_issuer(issuer: x509.Certificate, cas_below: int, at: _dt.datetime, role: str) -> None:
    try:
        bc = issuer.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        bc = None
    if bc is None or not bc.ca:
        raise UntrustedDevice(f"{role} certificate {_label(issuer)} is not a CA (basicConstraints CA=true missing)")
    if bc.path_length is not None and cas_below > bc.path_length:
        raise UntrustedDevice(f"{role} certificate {_label(issuer)} allows {bc.path_length} intermediate CA(s) "
                              f"below it, the chain has {cas_below}")
    usage = _key_usage(issuer)
    if usage is not None and not usage.key_cert_sign:
        raise UntrustedDevice(f"{role} certificate {_label(issuer)} may not sign certificates (keyUsage keyCertSign)")
    _within_dates(issuer, at, role)


def validate_chain(chain: list[x509.Certificate], anchors: list[x509.Certificate],
                   at: _dt.datetime) -> x509.Certificate:
    """Check that ``chain[0]`` (the device's leaf) chains through ``chain[1:]`` to one of
    ``anchors`` on ``at``; returns the anchor, or raises UntrustedDevice saying what failed."""
    if not chain:
        raise UntrustedDevice("the JWT carries no certificate (x5c) to check against the device-provider CA")
    leaf = chain[0]
    anchor = _walk_to_anchor(leaf, chain[1:], anchors, at)
    usage = _key_usage(leaf)
    if usage is None or not usage.digital_signature:
        raise UntrustedDevice(f"device certificate {_label(leaf)} lacks keyUsage digitalSignature")
    if _is_ca(leaf):
        raise UntrustedDevice(f"device certificate {_label(leaf)} is a CA certificate, not a device's")
    _within_dates(leaf, at, "device")
    return anchor


def _walk_to_anchor(leaf, intermediates, anchors, at) -> x509.Certificate:
    """Issuer by issuer (each signature checked) from the leaf to a configured CA."""
    current, pool, cas_below = leaf, list(intermediates), 0
    for _ in range(MAX_CHAIN):
        for anchor in anchors:
            if current.issuer == anchor.subject and _issued_by(current, anchor):
                _check_issuer(anchor, cas_below, at, "device-provider CA")
                return anchor
        step = next((c for c in pool if current.issuer == c.subject and _issued_by(current, c)), None)
        if step is None:
            raise UntrustedDevice(f"device certificate {_label(leaf)} does not chain to the configured device-provider "
                                  f"CA (devices.sbi.provider_ca): no trusted issuer for {_label(current)} "
                                  f"(issuer {current.issuer.rfc4514_string()})")
        _check_issuer(step, cas_below, at, "intermediate CA")
        pool.remove(step)
        current, cas_below = step, cas_below + 1
    raise UntrustedDevice("certificate chain too long")


class DeviceTrust:
    """The booth's device trust policy (see the module docstring); ``verify(token)`` -> Verified."""

    def __init__(self, provider_cas=(), pinned=None, allow_self_asserted: bool = False,
                 clock: Callable[[], _dt.datetime] | None = None):
        self.provider_cas: list[x509.Certificate] = list(provider_cas)
        self.pinned = jws.load_public_key(pinned) if isinstance(pinned, bytes) else pinned
        self.allow_self_asserted = bool(allow_self_asserted)
        self.clock = clock or utc_now
        self._pinned_id = (hashlib.sha256(self.pinned.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)).hexdigest()
            if self.pinned is not None else "")

    @classmethod
    def from_files(cls, provider_ca: str | Path | None = None, trusted_cert: str | Path | None = None,
                   allow_self_asserted: bool = False, clock=None) -> DeviceTrust:
        cas = load_ca_certificates(Path(provider_ca).read_bytes(), f"devices.sbi.provider_ca ({provider_ca})") \
            if provider_ca else []
        pinned = Path(trusted_cert).read_bytes() if trusted_cert else None
        return cls(cas, pinned, allow_self_asserted, clock)

    @property
    def configured(self) -> bool:
        return bool(self.provider_cas) or self.pinned is not None

    @property
    def mode(self) -> str:
        """What the policy accepts, for status lines: e.g. ``provider-ca+pinned`` or ``refuse-all``."""
        parts = ([PROVIDER_CA] if self.provider_cas else []) + ([PINNED] if self.pinned is not None else [])
        if not parts:
            return SELF_ASSERTED_DEV if self.allow_self_asserted else "refuse-all"
        return "+".join(parts)

    def verify(self, token) -> Verified:
        """Decode ``token``, check its signer against the policy; raises jws.JwsError (structure,
        signature) or UntrustedDevice (signer not trusted), both with the reason."""
        decoded = jws.decode(token)
        if decoded.header.get("alg") != "RS256":
            raise jws.JwsError(f"unsupported JWT alg {decoded.header.get('alg')!r} (expected RS256)")
        chain = x5c_chain(decoded)
        reasons = []
        if self.pinned is not None:
            try:
                jws.verify(token, self.pinned)
                return Verified(decoded, PINNED, self._pinned_id)
            except jws.JwsError:
                reasons.append("its signature does not verify with the pinned certificate (devices.sbi.trusted_cert)")
        if self.provider_cas:
            try:
                if not chain:
                    raise UntrustedDevice("the JWT carries no certificate (x5c) to check against the "
                                          "device-provider CA (devices.sbi.provider_ca)")
                self._verify_with_leaf(token, chain[0])
                validate_chain(chain, self.provider_cas, self.clock())
                return Verified(decoded, PROVIDER_CA, _fingerprint(chain[0]))
            except UntrustedDevice as exc:
                reasons.append(str(exc))
        if reasons:
            raise UntrustedDevice("; ".join(reasons))
        if not self.allow_self_asserted:
            raise UntrustedDevice(NOT_CONFIGURED)
        if not chain:
            raise UntrustedDevice("developer mode (devices.sbi.allow_self_asserted): the JWT carries no x5c certificate")
        self._verify_with_leaf(token, chain[0])
        return Verified(decoded, SELF_ASSERTED_DEV, _fingerprint(chain[0]))

    @staticmethod
    def _verify_with_leaf(token: str, leaf: x509.Certificate) -> None:
        try:
            jws.verify(token, leaf.public_key())
        except (jws.JwsError, TypeError, AttributeError) as exc:
            raise UntrustedDevice(f"its signature does not verify with its own x5c certificate ({exc})") from exc
