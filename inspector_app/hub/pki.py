"""The hub's TLS material: a private CA and a server certificate, or the operator's own.

``init_tls(dir)`` writes ``dir/tls/ca.pem`` (what booths trust: ``sync.ca_file``),
``dir/tls/server.pem`` (the server certificate, then its issuer if we made one) and
``dir/tls/server.key`` (mode 0600). Three ways:

- nothing given: a new private CA (ECDSA P-256, SHA-256, 10 years; its key ``ca.key``, 0600, stays
  in ``dir/tls`` so more server certificates can be issued later) signs a server certificate;
- ``ca_cert`` + ``ca_key``: the operator's CA signs the server certificate (its key is not copied);
- ``server_cert`` + ``server_key``: the operator's own server certificate is used as is (copied),
  and ``ca_cert`` (if given) is what booths should trust.

Server certificates: ECDSA P-256, SHA-256, 2 years, serverAuth, a SAN per host (an IP address
as an IPAddress SAN, a name as a DNSName).
"""
from __future__ import annotations

import datetime as dt
import ipaddress
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

CA_DAYS = 3650
SERVER_DAYS = 730
DEFAULT_HOSTS = ("127.0.0.1", "localhost")


class TlsError(ValueError):
    """TLS material cannot be made or used; the message says which file and why."""


@dataclass(frozen=True)
class TlsFiles:
    dir: Path
    ca: Path
    cert: Path
    key: Path

    def to_dict(self) -> dict:
        return {"dir": str(self.dir), "ca_file": str(self.ca), "cert_file": str(self.cert), "key_file": str(self.key)}


def tls_files(base: Path) -> TlsFiles:
    d = Path(base) / "tls"
    return TlsFiles(d, d / "ca.pem", d / "server.pem", d / "server.key")


def _write(path: Path, data: bytes, private: bool = False) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _key_pem(key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _load_cert(path) -> object:
    from cryptography import x509

    try:
        return x509.load_pem_x509_certificate(Path(path).read_bytes())
    except (OSError, ValueError) as exc:
        raise TlsError(f"cannot read a PEM certificate from {path}: {exc}") from exc


def _load_key(path) -> object:
    from cryptography.hazmat.primitives import serialization

    try:
        return serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise TlsError(f"cannot read an unencrypted PEM private key from {path}: {exc}") from exc


def _same_key(cert, key) -> bool:
    from cryptography.hazmat.primitives import serialization

    fmt = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return cert.public_key().public_bytes(*fmt) == key.public_key().public_bytes(*fmt)


def _san(hosts) -> list:
    from cryptography import x509

    names = []
    for h in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(h)))
        except ValueError:
            if not h or any(c.isspace() for c in h):
                raise TlsError(f"not a host name or IP address: {h!r}") from None
            names.append(x509.DNSName(h))
    if not names:
        raise TlsError("at least one host name or IP address is needed for the server certificate")
    return names


def _new_ca(now):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Border Inspector"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Border Inspector hub CA")])
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=CA_DAYS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(ski, critical=False)
            .sign(key, hashes.SHA256()))
    return cert, key


def _server_cert(hosts, ca_cert, ca_key, now):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    first = str(hosts[0])
    not_after = min(now + dt.timedelta(days=SERVER_DAYS), ca_cert.not_valid_after_utc)
    builder = (x509.CertificateBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, first[:64])]))
               .issuer_name(ca_cert.subject).public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(not_after)
               .add_extension(x509.SubjectAlternativeName(_san(hosts)), critical=False)
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                            key_encipherment=False, data_encipherment=False, key_agreement=False,
                                            key_cert_sign=False, crl_sign=False, encipher_only=False,
                                            decipher_only=False), critical=True)
               .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                              critical=False))
    return builder.sign(ca_key, hashes.SHA256()), key


def init_tls(base: Path, hosts=DEFAULT_HOSTS, ca_cert: Path | None = None, ca_key: Path | None = None, *,
             server_cert: Path | None = None, server_key: Path | None = None) -> TlsFiles:
    """Create (or take) the hub's TLS files under ``base/tls``; see the module docstring.
    Running it again replaces the server certificate (and, without ``ca_cert``, keeps an existing
    private CA, so booths that trust ``ca.pem`` keep working)."""
    from cryptography.hazmat.primitives import serialization

    files = tls_files(base)
    files.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    hosts = tuple(str(h) for h in hosts)
    if (server_cert is None) != (server_key is None):
        raise TlsError("give both the server certificate and its key, or neither")
    if (ca_cert is None) != (ca_key is None) and server_cert is None:
        raise TlsError("give both the CA certificate and its key, or neither")
    if server_cert is not None:
        cert, key = _load_cert(server_cert), _load_key(server_key)
        if not _same_key(cert, key):
            raise TlsError(f"{server_key} is not the key of {server_cert}")
        _write(files.key, _key_pem(key), private=True)
        shutil.copyfile(server_cert, files.cert)
        if ca_cert is not None:
            _load_cert(ca_cert)
            shutil.copyfile(ca_cert, files.ca)
        else:  # the operator's certificate chains to a public or system CA: booths use their trust store
            shutil.copyfile(server_cert, files.ca)
        return files
    now = dt.datetime.now(dt.UTC)
    own_ca_key = files.dir / "ca.key"
    if ca_cert is not None:
        cacert, cakey = _load_cert(ca_cert), _load_key(ca_key)
        if not _same_key(cacert, cakey):
            raise TlsError(f"{ca_key} is not the key of {ca_cert}")
    elif files.ca.exists() and own_ca_key.exists():
        cacert, cakey = _load_cert(files.ca), _load_key(own_ca_key)
    else:
        cacert, cakey = _new_ca(now)
        _write(own_ca_key, _key_pem(cakey), private=True)
    cert, key = _server_cert(hosts, cacert, cakey, now)
    pem = serialization.Encoding.PEM
    _write(files.key, _key_pem(key), private=True)
    _write(files.cert, cert.public_bytes(pem) + cacert.public_bytes(pem))
    _write(files.ca, cacert.public_bytes(pem))
    return files


def describe(files: TlsFiles) -> dict:
    """What an operator needs to know: the files, the hosts the server certificate names, when
    it expires, and the CA fingerprint to compare on the booths."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    cert, ca = _load_cert(files.cert), _load_cert(files.ca)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        hosts = [str(v) for v in san.get_values_for_type(x509.IPAddress)] + san.get_values_for_type(x509.DNSName)
    except x509.ExtensionNotFound:
        hosts = []
    return {**files.to_dict(), "hosts": hosts, "not_after": cert.not_valid_after_utc.isoformat(),
            "ca_sha256": ca.fingerprint(hashes.SHA256()).hex()}


def check_files(files: TlsFiles) -> None:
    """Fail with a clear message before a server starts on missing or unreadable TLS files."""
    for path in (files.cert, files.key):
        if not path.is_file():
            raise TlsError(f"no {path.name} in {files.dir}: run `inspector-app hub init --dir "
                           f"{files.dir.parent}` first")
