"""TLS between booths and the hub: the hub's certificates (hub/pki.py, `hub init`), HTTPS only
(`hub serve`, TLS 1.2 at least), and a booth that refuses plain HTTP before it sends anything."""
from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import ssl
import stat
import subprocess
import sys
import time
import warnings
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID

from inspector_app.hub import pki
from inspector_app.sync.client import SyncClient, SyncError
from tests.security.conftest import tls_socket

ROOT = Path(__file__).resolve().parents[2]


def _cert(path: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


def _days(cert) -> float:
    return (cert.not_valid_after_utc - cert.not_valid_before_utc) / dt.timedelta(days=1)


def test_init_tls_makes_a_private_ca_and_a_server_certificate(tmp_path):
    files = pki.init_tls(tmp_path, hosts=("127.0.0.1", "::1", "localhost", "hub.narita.example"))
    assert files.ca == tmp_path / "tls" / "ca.pem" and files.cert.name == "server.pem"
    for key in (files.key, files.dir / "ca.key"):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    ca, server = _cert(files.ca), _cert(files.cert)
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert isinstance(ca.public_key(), ec.EllipticCurvePublicKey) and ca.public_key().curve.name == "secp256r1"
    assert ca.signature_hash_algorithm.name == "sha256" and 3640 < _days(ca) < 3660
    ca.public_key().verify(server.signature, server.tbs_certificate_bytes, ec.ECDSA(server.signature_hash_algorithm))
    assert server.issuer == ca.subject and 725 < _days(server) < 735
    assert server.public_key().curve.name == "secp256r1"
    san = server.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.IPAddress) == [ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")]
    assert san.get_values_for_type(x509.DNSName) == ["localhost", "hub.narita.example"]
    eku = server.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.SERVER_AUTH]
    assert not server.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    # again: a new server certificate from the same CA, so booths that trust ca.pem keep working
    again = pki.init_tls(tmp_path, hosts=("10.0.0.5",))
    assert again.ca.read_bytes() == files.ca.read_bytes()
    assert _cert(again.cert).serial_number != server.serial_number


def test_init_tls_with_the_operators_ca(tmp_path):
    op = pki.init_tls(tmp_path / "operator")  # stands in for an organisation's CA
    op_ca, op_key = op.ca, op.dir / "ca.key"
    files = pki.init_tls(tmp_path / "hub", ca_cert=op_ca, ca_key=op_key)
    assert files.ca.read_bytes() == op_ca.read_bytes()
    assert _cert(files.cert).issuer == _cert(op_ca).subject
    assert not (files.dir / "ca.key").exists()  # the operator's CA key is not copied
    other = pki.init_tls(tmp_path / "other")
    with pytest.raises(pki.TlsError, match="is not the key of"):
        pki.init_tls(tmp_path / "bad", ca_cert=op_ca, ca_key=other.dir / "ca.key")
    with pytest.raises(pki.TlsError, match="both"):
        pki.init_tls(tmp_path / "bad", ca_cert=op_ca)


def test_init_tls_with_the_operators_server_certificate(tmp_path):
    theirs = pki.init_tls(tmp_path / "theirs", hosts=("hub.example",))
    files = pki.init_tls(tmp_path / "hub", server_cert=theirs.cert, server_key=theirs.key, ca_cert=theirs.ca)
    assert files.cert.read_bytes() == theirs.cert.read_bytes() and files.ca.read_bytes() == theirs.ca.read_bytes()
    assert stat.S_IMODE(files.key.stat().st_mode) == 0o600
    other = pki.init_tls(tmp_path / "other")
    with pytest.raises(pki.TlsError, match="is not the key of"):
        pki.init_tls(tmp_path / "bad", server_cert=theirs.cert, server_key=other.key)
    (tmp_path / "junk.pem").write_text("not a certificate")
    with pytest.raises(pki.TlsError, match="cannot read a PEM certificate"):
        pki.init_tls(tmp_path / "bad", server_cert=tmp_path / "junk.pem", server_key=theirs.key)


def test_hub_init_cli(cli, tmp_path):
    r = cli("hub", "init", "--dir", tmp_path / "hub", "--host", "127.0.0.1", "--host", "hub.example", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["hosts"] == ["127.0.0.1", "hub.example"] and len(out["ca_sha256"]) == 64
    assert Path(out["ca_file"]).is_file() and Path(out["key_file"]).is_file()
    r = cli("hub", "init", "--dir", tmp_path / "x", "--ca-cert", out["ca_file"])
    assert r.returncode == 2 and "both" in r.stderr


def test_the_hub_speaks_tls_1_2_at_least(start_hub):
    hub = start_hub()
    with tls_socket(hub) as s:
        assert s.version() in ("TLSv1.2", "TLSv1.3")
    tls12 = ssl.create_default_context(cafile=hub.ca_file)
    tls12.maximum_version = ssl.TLSVersion.TLSv1_2
    assert httpx.get(f"{hub.url}/health", verify=tls12).status_code == 200
    assert hub.server.config.ssl.minimum_version == ssl.TLSVersion.TLSv1_2  # what the hub accepts
    old = ssl.create_default_context(cafile=hub.ca_file)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the point: an outdated client
        old.minimum_version = ssl.TLSVersion.TLSv1
        old.maximum_version = ssl.TLSVersion.TLSv1_1
    old.set_ciphers("ALL:@SECLEVEL=0")
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{hub.url}/health", verify=old)
    assert httpx.get(f"https://localhost:{hub.port}/health", verify=hub.tls_context).status_code == 200


def test_a_booth_that_does_not_trust_the_hub_ca_does_not_talk_to_it(start_hub, tmp_path):
    from inspector_app.hub.keys import trust_document
    from inspector_app.sync.trust import HubTrust, TrustError, load_trust
    from tests.hub.conftest import PORT, enrol_booth
    from tests.sync.outbox_double import OutboxDouble

    hub = start_hub()
    booth = enrol_booth(hub.db, "booth-7")
    doc = trust_document(hub.hub_dir)
    other_ca = pki.init_tls(tmp_path / "other").ca.read_text()
    wrong = HubTrust.from_document({**doc, "ca_pem": other_ca})  # the hub's keys, but another deployment's CA
    assert len(wrong.ssl_context().get_ca_certs()) == 1  # the pinned CA only: never the system's trust store
    box = OutboxDouble(tmp_path / "outbox.db")
    box.add_many(3)
    client = SyncClient(tmp_path / "home", box, hub.url, booth.token, trust=wrong, port=PORT, key=booth.key)
    with pytest.raises(SyncError, match="unreachable.*(CERTIFICATE_VERIFY_FAILED|certificate)"):
        client.push_once()
    client.close()
    assert hub.db.stats()["records"] == 0 and box.outbox_count() == 3
    # no usable CA at all: refused when the pins are read, before any connection
    with pytest.raises(TrustError, match="damaged"):
        HubTrust.from_document({**doc, "ca_pem": "not a certificate"})
    with pytest.raises(TrustError, match="sync configure"):
        load_trust(tmp_path / "unconfigured")
    box.close()


def test_plain_http_hub_is_refused_by_the_booth_before_any_request(start_hub, tmp_path):
    """A real hub on plain HTTP (loopback, as only tests may run it), behind a counting proxy: the
    default booth client refuses its URL and sends nothing (so no credential goes out in clear);
    the explicit loopback opt-in reaches it; non-loopback plain HTTP is refused even then."""
    from tests.hub.conftest import PORT, enrol_booth, trust_of
    from tests.sync.fault_proxy import FaultProxy
    from tests.sync.outbox_double import OutboxDouble

    hub = start_hub(insecure_http=True)
    assert hub.url.startswith("http://127.0.0.1:") and hub.ca_file is None
    booth = enrol_booth(hub.db, "booth-7")
    kw = {"trust": trust_of(hub), "port": PORT, "key": booth.key}  # receipts are still signed and checked
    proxy = FaultProxy(hub.port)  # plain HTTP: it counts every request that reaches it
    box = OutboxDouble(tmp_path / "outbox.db")
    box.add_many(3)
    try:
        for url in (proxy.url, proxy.url.replace("127.0.0.1", "localhost")):
            with pytest.raises(SyncError, match="https://"):
                SyncClient(tmp_path / "home", box, url, booth.token, **kw)
        for url in ("http://10.1.2.3:8470", "http://hub.example:8470", "ftp://127.0.0.1/"):
            with pytest.raises(SyncError, match="refusing to sync"):
                SyncClient(tmp_path / "home", box, url, booth.token, allow_insecure_http=True, **kw)
        assert proxy.requests == 0
        assert hub.db.stats()["records"] == 0
        client = SyncClient(tmp_path / "home", box, proxy.url, booth.token, allow_insecure_http=True, **kw)
        assert client.push_once()["stored"] == 3  # the hub was there all along
        client.close()
        assert proxy.requests >= 1
    finally:
        proxy.close()
        box.close()


def test_hub_serve_refuses_plain_http_off_loopback_and_missing_tls(run_cli, tmp_path):
    db = f"sqlite:///{tmp_path}/hub.db"
    r = run_cli("hub", "serve", "--host", "0.0.0.0", "--insecure-http", "--db", db, timeout=60)
    assert r.returncode == 2 and "only allowed on a loopback address" in r.stderr and "hub init" in r.stderr
    r = run_cli("hub", "serve", "--host", "127.0.0.1", "--db", db, timeout=60)
    assert r.returncode == 2 and "--dir" in r.stderr
    r = run_cli("hub", "serve", "--dir", tmp_path / "nothing-here", "--db", db, timeout=60)
    assert r.returncode == 2 and "hub init" in r.stderr
    # plain HTTP still signs receipts: without the hub's keys it is refused, with a message, not a traceback
    r = run_cli("hub", "serve", "--insecure-http", "--dir", tmp_path / "nothing-here", "--db", db, timeout=60)
    assert r.returncode == 2 and "hub init" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "hub.db").exists()  # refused before anything was opened


def test_hub_serve_insecure_http_on_loopback_for_local_tests(tmp_path):
    import socket

    from inspector_app.hub.setup import init_hub

    init_hub(tmp_path / "hub")  # plain HTTP still needs the hub's receipt key
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "inspector_app", "hub", "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--db", f"sqlite:///{tmp_path}/hub.db", "--insecure-http",
                             "--log-level", "warning", "--dir", str(tmp_path / "hub")], cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "hub serve did not come up"
                time.sleep(0.1)
        assert r.json()["ok"] is True
    finally:
        proc.terminate()
        proc.wait(10)
