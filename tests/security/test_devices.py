"""Fingerprint devices are trusted, not taken: an SBI device on the port range is used only when
its signing certificate chains to the configured device-provider CA or is the pinned certificate;
with neither configured every device is refused unless developer mode is on.

Real simulators over HTTP on 127.0.0.1, real certificates; the client is built from booth settings
(``devices.config.sbi_client``) as the examination builds it.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import socket

import pytest
from cryptography.hazmat.primitives import serialization

from inspector_app.devices import config, jws, provider_ca, sbi, trust
from inspector_app.devices import sbi_protocol as P
from inspector_app.devices.sbi_simulator import serve
from inspector_app.settings import Settings

INDEXES = ["Left IndexFinger", "Right IndexFinger"]


@pytest.fixture(scope="module")
def fingers(shared_data):
    folder = shared_data / "fingerprints" / "fvc2002" / "DB1_B"
    if not folder.is_dir():
        pytest.skip(f"FVC2002 DB1_B not found under {shared_data}")
    return folder


@pytest.fixture(scope="module")
def ca_dir(tmp_path_factory):
    """The booth's device provider: a CA on disk, as make_provider_ca writes it."""
    d = tmp_path_factory.mktemp("provider")
    provider_ca.make_provider_ca(d)
    return d


@pytest.fixture(scope="module")
def ca(ca_dir):
    return provider_ca.load_provider_ca(ca_dir)


def sbi_ports(n: int) -> list[int]:
    """``n`` free ports in the SBI range, ascending (the first one answers discovery first)."""
    found = []
    for port in range(P.PORT_RANGE[0], P.PORT_RANGE[1] + 1):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        found.append(port)
        if len(found) == n:
            return found
    pytest.skip(f"fewer than {n} free ports in the SBI range")


@pytest.fixture
def running():
    sims = []

    def start(*args, **kw):
        sim = serve(*args, **kw)
        sims.append(sim)
        return sim

    yield start
    for sim in sims:
        sim.stop()


def settings_for(home, ports, **sbi_settings) -> Settings:
    s = Settings(home)
    s.set("devices.sbi.port_range", [min(ports), max(ports)])
    for key, value in sbi_settings.items():
        s.set(f"devices.sbi.{key}", value)
    return s


def test_default_settings_refuse_a_self_signed_device_that_answers_first(fingers, running, booth_home, ca):
    rogue_port, genuine_port = sbi_ports(2)
    running(rogue_port, fingers, serial_no="ROGUE0000001")                       # self-signed, x5c in its JWS
    running(genuine_port, fingers, serial_no="GENUINE00001", provider_ca=ca)
    s = settings_for(booth_home, [rogue_port, genuine_port])
    assert config.get(s, "devices.sbi.trusted_cert") is None and config.get(s, "devices.sbi.provider_ca") is None
    client = config.sbi_client(s)
    assert [d.port for d in client.discover()] == [rogue_port, genuine_port]  # it does answer first
    usable, refused = client.discover_trusted()
    assert usable == []
    assert [d.serial_no for d in refused] == ["ROGUE0000001", "GENUINE00001"]
    for d in refused:  # the message names the settings to set
        assert "devices.sbi.provider_ca" in d.refused_reason and "devices.sbi.trusted_cert" in d.refused_reason
    with pytest.raises(sbi.SbiIntegrityError, match="no fingerprint device trust is configured"):
        client.capture(rogue_port, INDEXES)


def test_with_the_provider_ca_the_self_signed_device_answering_first_is_refused(fingers, running, booth_home,
                                                                                ca, ca_dir):
    rogue_port, genuine_port = sbi_ports(2)
    running(rogue_port, fingers, serial_no="ROGUE0000001")
    running(genuine_port, fingers, serial_no="GENUINE00001", provider_ca=ca)
    client = config.sbi_client(settings_for(booth_home, [rogue_port, genuine_port],
                                            provider_ca=str(ca_dir / provider_ca.CERT_FILE)))
    usable, refused = client.discover_trusted()
    assert [(d.serial_no, d.signature) for d in usable] == [("GENUINE00001", "provider-ca")]
    assert [d.serial_no for d in refused] == ["ROGUE0000001"]
    assert "does not chain to the configured device-provider CA" in refused[0].refused_reason
    result = client.capture(usable[0], INDEXES)
    assert result.signature == "provider-ca" and result.port == genuine_port
    assert result.signer_sha256 == usable[0].signer_sha256
    with pytest.raises(sbi.SbiIntegrityError, match="device-provider CA"):
        client.capture(rogue_port, INDEXES)   # nor can it be captured from by port


def test_a_device_certified_by_another_ca_is_refused(fingers, running, booth_home, ca_dir, tmp_path):
    other = provider_ca.make_provider_ca(tmp_path / "other", common_name="Border Inspector demo device provider CA")
    sim = running(0, fingers, provider_ca=other)   # same CA name, another key: the signature decides
    client = config.sbi_client(settings_for(booth_home, [sim.port], provider_ca=str(ca_dir / provider_ca.CERT_FILE)))
    usable, refused = client.discover_trusted()
    assert usable == [] and "does not chain to the configured device-provider CA" in refused[0].refused_reason


def test_an_expired_device_certificate_is_refused(fingers, running, booth_home, ca, ca_dir):
    now = dt.datetime.now(dt.UTC)
    key, leaf = provider_ca.issue_device_cert(ca, not_before=now - dt.timedelta(days=400),
                                              not_after=now - dt.timedelta(days=1))
    sim = running(0, fingers, identity=(key, leaf))
    client = config.sbi_client(settings_for(booth_home, [sim.port], provider_ca=str(ca_dir / provider_ca.CERT_FILE)))
    usable, refused = client.discover_trusted()
    assert usable == [] and "expired" in refused[0].refused_reason


def test_certificate_dates_are_checked_on_the_booth_clock(fingers, running, booth_home, ca, ca_dir):
    sim = running(0, fingers, provider_ca=ca)   # leaf valid for a year from now
    s = settings_for(booth_home, [sim.port], provider_ca=str(ca_dir / provider_ca.CERT_FILE))
    assert config.sbi_client(s).discover_trusted()[0]
    in_two_years = dt.datetime.now(dt.UTC) + dt.timedelta(days=730)
    usable, refused = config.sbi_client(s, clock=lambda: in_two_years).discover_trusted()
    assert usable == [] and "expired" in refused[0].refused_reason
    last_year = dt.datetime.now(dt.UTC) - dt.timedelta(days=365)
    usable, refused = config.sbi_client(s, clock=lambda: last_year).discover_trusted()
    assert usable == [] and "not valid before" in refused[0].refused_reason


def test_the_provider_ca_simulator_is_accepted_and_captures(fingers, running, booth_home, ca_dir):
    sim = running(0, fingers, provider_ca=ca_dir)   # the folder, as the demo and the CLI give it
    client = config.sbi_client(settings_for(booth_home, [sim.port], provider_ca=str(ca_dir / provider_ca.CERT_FILE)))
    [device], refused = client.discover_trusted()
    assert refused == [] and device.signature == "provider-ca" and device.serial_no == "BI0000000001"
    result = client.capture(device, INDEXES)
    assert result.signature == "provider-ca" and [i.bio_sub_type for i in result.items] == INDEXES
    assert result.to_dict()["signature"] == "provider-ca"


def test_an_intermediate_ca_in_x5c_is_followed_to_the_provider_root(fingers, running, booth_home, ca, ca_dir):
    intermediate = provider_ca.new_ca("Border Inspector demo device provider, factory line 2", issuer=ca)
    sim = running(0, fingers, provider_ca=intermediate)
    assert len(sim.x5c) == 2   # leaf and intermediate; the root is the booth's
    client = config.sbi_client(settings_for(booth_home, [sim.port], provider_ca=str(ca_dir / provider_ca.CERT_FILE)))
    [device], _ = client.discover_trusted()
    assert device.signature == "provider-ca"
    # without the intermediate in x5c the leaf does not chain
    sim.x5c = sim.x5c[:1]
    assert client.discover_trusted()[0] == []


def test_a_device_that_copies_a_trusted_certificate_into_x5c_is_refused(fingers, running, booth_home, ca, ca_dir):
    """x5c is only a claim: the JWS must verify with the leaf's key, which the copier lacks."""
    genuine = running(0, fingers, provider_ca=ca)
    copier = running(0, fingers, serial_no=genuine.config.serial_no)
    copier.x5c = list(genuine.x5c)
    client = config.sbi_client(settings_for(booth_home, [copier.port], provider_ca=str(ca_dir / provider_ca.CERT_FILE)))
    usable, refused = client.discover_trusted()
    assert usable == [] and "does not verify with its own x5c certificate" in refused[0].refused_reason


def test_captures_must_come_from_the_certificate_that_was_accepted(fingers, running, booth_home, ca, ca_dir):
    """A device swapping keys between device info and capture (both certified) is refused."""
    sim = running(0, fingers, provider_ca=ca)
    client = config.sbi_client(settings_for(booth_home, [sim.port], provider_ca=str(ca_dir / provider_ca.CERT_FILE)))
    [device], _ = client.discover_trusted()
    sim.key, leaf = provider_ca.issue_device_cert(ca, common_name="another device of the same provider")
    sim.x5c = [leaf.public_bytes(serialization.Encoding.DER)]
    with pytest.raises(sbi.SbiIntegrityError, match="another certificate than the device that was accepted"):
        client.capture(device, INDEXES)


def test_the_pinned_certificate_still_works(fingers, running, booth_home, tmp_path):
    other_port, pinned_port = sbi_ports(2)
    running(other_port, fingers, serial_no="OTHER0000001")
    sim = running(pinned_port, fingers, serial_no="PINNED000001")
    pem = tmp_path / "device.pem"
    pem.write_bytes(sim.cert_pem)
    client = config.sbi_client(settings_for(booth_home, [other_port, pinned_port], trusted_cert=str(pem)))
    usable, refused = client.discover_trusted()
    assert [(d.serial_no, d.signature) for d in usable] == [("PINNED000001", "pinned")]
    assert [d.serial_no for d in refused] == ["OTHER0000001"]
    assert "devices.sbi.trusted_cert" in refused[0].refused_reason
    assert client.capture(usable[0], INDEXES).signature == "pinned"


def test_developer_mode_accepts_a_self_asserted_device_and_says_so(fingers, running, booth_home):
    sim = running(0, fingers)
    client = config.sbi_client(settings_for(booth_home, [sim.port], allow_self_asserted=True))
    [device], refused = client.discover_trusted()
    assert refused == [] and device.signature == "self-asserted-dev"
    assert client.capture(device, INDEXES).signature == "self-asserted-dev"
    assert client.trust.mode == "self-asserted-dev"


def test_developer_mode_does_not_loosen_a_configured_provider_ca(fingers, running, booth_home, ca_dir):
    sim = running(0, fingers)
    s = settings_for(booth_home, [sim.port], allow_self_asserted=True, provider_ca=str(ca_dir / provider_ca.CERT_FILE))
    usable, refused = config.sbi_client(s).discover_trusted()
    assert usable == [] and "device-provider CA" in refused[0].refused_reason


def test_developer_mode_is_off_by_default_and_must_be_a_boolean(booth_home):
    assert config.get(None, "devices.sbi.allow_self_asserted") is False
    s = Settings(booth_home)
    s.set("devices.sbi.allow_self_asserted", "yes")
    with pytest.raises(ValueError, match="allow_self_asserted must be true or false"):
        config.sbi_client(s)


def test_the_configured_device_id_is_preferred_when_two_trusted_devices_answer(fingers, running, booth_home,
                                                                               ca, ca_dir):
    first_port, second_port = sbi_ports(2)
    running(first_port, fingers, serial_no="FIRST0000001", provider_ca=ca)
    running(second_port, fingers, serial_no="CHOSEN000002", provider_ca=ca)
    ca_pem = str(ca_dir / provider_ca.CERT_FILE)
    usable, _ = config.sbi_client(settings_for(booth_home, [first_port, second_port], provider_ca=ca_pem)).discover_trusted()
    assert [d.serial_no for d in usable] == ["FIRST0000001", "CHOSEN000002"]   # no preference: port order
    client = config.sbi_client(settings_for(booth_home, [first_port, second_port], provider_ca=ca_pem,
                                            device_id="CHOSEN000002"))
    usable, refused = client.discover_trusted()
    assert [(d.serial_no, d.port) for d in usable] == [("CHOSEN000002", second_port)]
    assert [d.serial_no for d in refused] == ["FIRST0000001"]
    assert "devices.sbi.device_id" in refused[0].refused_reason
    assert client.capture(usable[0], INDEXES).port == second_port


def test_a_configured_device_id_that_only_an_untrusted_device_claims_is_not_used(fingers, running, booth_home,
                                                                                 ca, ca_dir):
    """The serial number is read from the signed, verified device info: claiming it is not enough."""
    sim = running(0, fingers, serial_no="CHOSEN000002")   # self-signed
    client = config.sbi_client(settings_for(booth_home, [sim.port], provider_ca=str(ca_dir / provider_ca.CERT_FILE),
                                            device_id="CHOSEN000002"))
    usable, refused = client.discover_trusted()
    assert usable == [] and "device-provider CA" in refused[0].refused_reason


def test_refused_devices_show_in_the_status_board(fingers, running, booth_home):
    from inspector_app.devices.status import StatusBoard

    sim = running(0, fingers)
    board = StatusBoard()
    assert sbi.refresh_status(config.sbi_client(settings_for(booth_home, [sim.port])), board) is None
    st = board.get("fingerprint")
    assert st.state == "error" and "refused" in st.last_error and "devices.sbi.provider_ca" in st.last_error


# ---- chain rules, certificate by certificate ---------------------------------------------------
def _token(key, chain) -> str:
    return jws.sign({"deviceId": "1"}, key, [c.public_bytes(serialization.Encoding.DER) for c in chain])


def test_chain_rules(ca):
    policy = trust.DeviceTrust([ca.cert])
    key, leaf = provider_ca.issue_device_cert(ca)
    assert policy.verify(_token(key, [leaf])).how == "provider-ca"
    # the leaf must be allowed to sign (keyUsage digitalSignature)
    key2, no_sign = provider_ca.issue_device_cert(ca, digital_signature=False)
    with pytest.raises(trust.UntrustedDevice, match="digitalSignature"):
        policy.verify(_token(key2, [no_sign]))
    # a JWS without x5c cannot be checked against the CA
    bare = jws.sign({"deviceId": "1"}, key)
    with pytest.raises(trust.UntrustedDevice, match="no certificate"):
        policy.verify(bare)
    # an issuer that is not a CA breaks the chain, even though it signed the leaf
    not_ca_key, not_ca = provider_ca.issue_device_cert(ca, common_name="a device posing as a CA")
    fake_issuer = provider_ca.ProviderCA(not_ca_key, not_ca)
    key3, grandchild = provider_ca.issue_device_cert(fake_issuer)
    with pytest.raises(trust.UntrustedDevice, match="not a CA"):
        policy.verify(_token(key3, [grandchild, not_ca]))
    # the alg is not negotiable
    header = base64.urlsafe_b64encode(json.dumps({"alg": "none", "x5c": []}).encode()).rstrip(b"=").decode()
    with pytest.raises(jws.JwsError, match="alg"):
        policy.verify(header + "." + _token(key, [leaf]).split(".", 1)[1])


def test_provider_ca_setting_must_hold_ca_certificates(booth_home, ca, tmp_path):
    _, leaf = provider_ca.issue_device_cert(ca)
    pem = tmp_path / "leaf.pem"
    pem.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    s = Settings(booth_home)
    s.set("devices.sbi.provider_ca", str(pem))
    with pytest.raises(ValueError, match="not a CA certificate"):
        config.sbi_client(s)
    s.set("devices.sbi.provider_ca", str(tmp_path / "missing.pem"))
    with pytest.raises(ValueError, match="devices.sbi.provider_ca: cannot read"):
        config.sbi_client(s)
    # a bundle of several CAs: a device of either provider is trusted
    other = provider_ca.new_ca("second provider")
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes(ca.cert_pem + other.cert_pem)
    s.set("devices.sbi.provider_ca", str(bundle))
    policy = config.device_trust(s)
    key, leaf2 = provider_ca.issue_device_cert(other)
    assert len(policy.provider_cas) == 2 and policy.verify(_token(key, [leaf2])).how == "provider-ca"


def test_the_booth_context_dates_device_certificates_on_the_examination_date(fingers, running, booth_home,
                                                                             ca, ca_dir):
    """BoothContext.sbi_client is what capture_fingers uses: default settings refuse, and with
    the provider CA the leaf's validity is judged on the examination date, not the wall clock."""
    from inspector_app.booth.context import BoothContext

    sim = running(0, fingers, provider_ca=ca)
    settings_for(booth_home, [sim.port]).save()
    ctx = BoothContext(booth_home)
    try:
        usable, refused = ctx.sbi_client().discover_trusted()
        assert usable == [] and "devices.sbi.provider_ca" in refused[0].refused_reason
    finally:
        ctx.close()
    settings_for(booth_home, [sim.port], provider_ca=str(ca_dir / provider_ca.CERT_FILE)).save()
    utc_today = dt.datetime.now(dt.UTC).date()
    for today, ok in ((utc_today, True), (utc_today + dt.timedelta(days=800), False)):
        ctx = BoothContext(booth_home, today=today)
        try:
            usable, refused = ctx.sbi_client().discover_trusted()
            assert bool(usable) is ok, refused
            assert ok or "expired" in refused[0].refused_reason
        finally:
            ctx.close()
