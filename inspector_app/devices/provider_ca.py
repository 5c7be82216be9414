"""A device-provider certificate authority, as in MOSIP's device PKI, for the demo and tests.

In MOSIP the device key's certificate is issued by the device provider; the booth trusts the
provider's CA certificate (``devices.sbi.provider_ca``) and so every device that provider issued,
without pinning each device. A real deployment gets the CA certificate from the vendor; this module
makes a small one so the simulator, the demo and the tests go through the real chain validation
(``devices.trust``).

``make_provider_ca(dir)`` writes ``provider-ca.pem`` (the CA certificate, what the booth trusts)
and ``provider-ca.key`` (its private key, mode 0600; only the simulator needs it) and returns a
:class:`ProviderCA`; ``load_provider_ca(dir)`` reads them back; ``issue_device_cert(ca, ...)``
issues a device leaf certificate (keyUsage digitalSignature, not a CA) for a fresh or given key.
"""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

CERT_FILE = "provider-ca.pem"
KEY_FILE = "provider-ca.key"


@dataclass
class ProviderCA:
    """A CA that can issue device certificates: its key, its certificate, and (for an
    intermediate CA) the certificates above it up to the root, nearest first."""

    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    chain: list = field(default_factory=list)
    cert_path: Path | None = None

    @property
    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


def _name(common_name: str, org: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    return x509.Name(attrs)


def _ca_extensions(builder: x509.CertificateBuilder, key, issuer_key, path_length) -> x509.CertificateBuilder:
    return (builder
            .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False))


def new_ca(common_name: str = "Border Inspector demo device provider CA", days: int = 3650,
           issuer: ProviderCA | None = None, now: _dt.datetime | None = None) -> ProviderCA:
    """A CA in memory: self-signed root, or an intermediate issued by ``issuer``."""
    now = now or _dt.datetime.now(_dt.UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = _name(common_name, "Border Inspector demo device provider")
    builder = (x509.CertificateBuilder()
               .subject_name(subject)
               .issuer_name(issuer.cert.subject if issuer else subject)
               .public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - _dt.timedelta(minutes=5))
               .not_valid_after(now + _dt.timedelta(days=days)))
    signer = issuer.key if issuer else key
    cert = _ca_extensions(builder, key, signer, None if issuer is None else 0).sign(signer, hashes.SHA256())
    chain = ([issuer.cert] + issuer.chain) if issuer else []
    return ProviderCA(key, cert, chain)


def make_provider_ca(directory: Path | str, common_name: str = "Border Inspector demo device provider CA",
                     days: int = 3650) -> ProviderCA:
    """Make a root device-provider CA and write it to ``directory`` (see the module docstring)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    ca = new_ca(common_name, days)
    key_pem = ca.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption())
    fd = os.open(directory / KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key_pem)
    ca.cert_path = directory / CERT_FILE
    ca.cert_path.write_bytes(ca.cert_pem)
    return ca


def load_provider_ca(directory: Path | str) -> ProviderCA:
    """The CA written by :func:`make_provider_ca` (certificate and private key)."""
    directory = Path(directory)
    cert = x509.load_pem_x509_certificate((directory / CERT_FILE).read_bytes())
    key = serialization.load_pem_private_key((directory / KEY_FILE).read_bytes(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError(f"{directory / KEY_FILE} is not an RSA private key")
    return ProviderCA(key, cert, [], directory / CERT_FILE)


def ensure_provider_ca(directory: Path | str, **kw) -> ProviderCA:
    """Load the CA in ``directory``, making it first if it is not there."""
    directory = Path(directory)
    if (directory / CERT_FILE).exists() and (directory / KEY_FILE).exists():
        return load_provider_ca(directory)
    return make_provider_ca(directory, **kw)


def issue_device_cert(ca: ProviderCA, common_name: str = "Border Inspector SBI simulator",
                      serial_no: str | None = None, key: rsa.RSAPrivateKey | None = None, days: int = 365,
                      not_before: _dt.datetime | None = None, not_after: _dt.datetime | None = None,
                      digital_signature: bool = True):
    """(key, leaf certificate) for a device, issued by ``ca``. The leaf carries keyUsage
    digitalSignature (what the booth requires to accept JWS signatures from it) and
    basicConstraints CA=false; ``serial_no`` goes into the subject's serialNumber."""
    now = _dt.datetime.now(_dt.UTC)
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if serial_no:
        attrs.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial_no))
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name(attrs))
            .issuer_name(ca.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before or now - _dt.timedelta(minutes=5))
            .not_valid_after(not_after or now + _dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=digital_signature, content_commitment=False,
                                         key_encipherment=not digital_signature, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False, crl_sign=False,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
            .sign(ca.key, hashes.SHA256()))
    return key, cert
