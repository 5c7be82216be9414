"""Passive authentication: every bad chip is refused by exactly the step that should refuse it,
for EC and RSA signers; the SOD has the structure real passports carry; the trust store comes
from a verified master list and CSCA-signed CRLs."""
from __future__ import annotations

import functools
from datetime import timedelta

import pytest
from asn1crypto import cms as asn1_cms
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.chip import lds, passive_auth, personalise, tlv
from inspector_app.chip.passive_auth import CscaStore, MasterListError, Status, Step
from inspector_app.chip.personalise import KeyKind, Tamper
from tests.chip.chip_fixtures import NOW, TD3, aa_key, face, pki

PKIS = [pytest.param((KeyKind.EC_P256, False), id="ecdsa"), pytest.param((KeyKind.RSA_2048, False), id="rsa-pkcs1"),
        pytest.param((KeyKind.RSA_2048, True), id="rsa-pss")]


def chip(p, signer="dsc", tamper=Tamper.NONE, **kw):
    return personalise.make_chip(TD3, face(), getattr(p, signer), aa_key=aa_key(), tamper=tamper, **kw)


def check(content, store, at=NOW, **kw):
    return passive_auth.verify(content.files[lds.EF_SOD], content.data_groups(), store, at, **kw)


# (case, signer, tamper, the step that must refuse it, words its reason must contain)
BAD_CHIPS = [
    ("DG1 changed", "dsc", Tamper.DG1_CHANGED, Step.DATA_GROUP_HASHES, "DG1 changed"),
    ("DG2 swapped", "dsc", Tamper.DG2_SWAPPED, Step.DATA_GROUP_HASHES, "DG2 changed"),
    ("SOD hash rewritten", "dsc", Tamper.SOD_HASH_REWRITTEN, Step.MESSAGE_DIGEST, "changed after signing"),
    ("signature altered", "dsc", Tamper.SOD_SIGNATURE_BROKEN, Step.SIGNATURE, "does not verify"),
    ("no DSC in SOD", "dsc", Tamper.SOD_WITHOUT_DSC, Step.DSC_FOUND, "no certificate"),
    ("SOD truncated", "dsc", Tamper.SOD_TRUNCATED, Step.SOD_PARSES, "truncated"),
    ("untrusted DSC", "untrusted_dsc", Tamper.NONE, Step.DSC_CHAINS_TO_CSCA, "another key of that name"),
    ("expired DSC", "expired_dsc", Tamper.NONE, Step.DSC_CHAINS_TO_CSCA, "expired on"),
    ("revoked DSC", "revoked_dsc", Tamper.NONE, Step.NOT_REVOKED, "was revoked"),
]


@pytest.mark.parametrize("kind", PKIS)
def test_genuine_chip_passes_every_step(kind):
    p = pki(*kind)
    result = check(chip(p), p.store())
    assert result.passed, result.reason
    assert [s.step for s in result.steps] == list(Step)
    assert all(s.status is Status.PASSED and s.reason for s in result.steps)
    assert result.to_dict()["failed_step"] is None and result.warnings == ()


@pytest.mark.parametrize("kind", PKIS)
@pytest.mark.parametrize("case,signer,tamper,step,words", BAD_CHIPS, ids=[c[0] for c in BAD_CHIPS])
def test_bad_chip_refused_by_exactly_the_right_step(kind, case, signer, tamper, step, words):
    p = pki(*kind)
    result = check(chip(p, signer, tamper), p.store())
    assert not result.passed
    assert result.failed_step.step is step, result.reason
    assert words in result.failed_step.reason
    order = list(Step)
    for s in result.steps:   # the steps before passed, the ones after did not run
        expected = Status.PASSED if order.index(s.step) < order.index(step) else (
            Status.FAILED if s.step is step else Status.NOT_RUN)
        assert s.status is expected, (s, result.reason)
    assert result.to_dict()["failed_step"] == step.name.lower()


def test_changed_data_group_is_named():
    p = pki()
    content = chip(p, with_ca=True)
    dgs = content.data_groups()
    dgs[14] = dgs[14][:-1] + bytes([dgs[14][-1] ^ 1])
    result = passive_auth.verify(content.files[lds.EF_SOD], dgs, p.store(), NOW)
    assert result.failed_step.reason.startswith("DG14 changed")


def test_unlisted_or_missing_data_groups_fail():
    p = pki()
    content = chip(p)
    sod = content.files[lds.EF_SOD]
    result = passive_auth.verify(sod, {**content.data_groups(), 3: b"\x63\x00"}, p.store(), NOW)
    assert "DG3 was read but the SOD lists no hash" in result.failed_step.reason
    assert passive_auth.verify(sod, {}, p.store(), NOW).failed_step.step is Step.DATA_GROUP_HASHES
    # reading only DG1 and DG2 (DG15 skipped) is fine: every DG read is checked
    assert passive_auth.verify(sod, {n: d for n, d in content.data_groups().items() if n <= 2}, p.store(), NOW).passed


def test_no_current_crl_is_reported_not_run_unless_required():
    p = pki()
    content = chip(p)
    result = check(content, p.store(with_crl=False))
    revocation = result.step(Step.NOT_REVOKED)
    assert result.passed and revocation.status is Status.NOT_RUN
    assert "holds no CRL" in revocation.reason and result.warnings == (revocation.reason,)
    strict = check(content, p.store(with_crl=False), require_crl=True)
    assert strict.failed_step.step is Step.NOT_REVOKED
    # the CRL is due for renewal 30 days after the test PKI's time: later it is no longer current
    late = check(content, p.store(), at=NOW + timedelta(days=40))
    assert late.step(Step.NOT_REVOKED).status is Status.NOT_RUN and "due for renewal" in late.warnings[0]


def test_crl_not_signed_by_the_csca_is_not_used():
    p = pki()
    forged = personalise.make_crl(p.untrusted_csca, [], NOW - timedelta(days=1), NOW + timedelta(days=30))
    store = CscaStore(p.store().cscas, (passive_auth.x509.load_der_x509_crl(forged),))
    result = check(chip(p, "revoked_dsc"), store)   # the forged CRL would hide the revocation
    assert result.step(Step.NOT_REVOKED).status is Status.NOT_RUN
    assert "not signed by that CSCA" in result.step(Step.NOT_REVOKED).reason
    assert check(chip(p, "revoked_dsc"), store, require_crl=True).failed_step.step is Step.NOT_REVOKED


def test_revoked_csca_refused():
    p = pki()
    crl = personalise.make_crl(p.csca, [p.csca.certificate], NOW - timedelta(days=1), NOW + timedelta(days=30), number=2)
    store = CscaStore.from_master_lists([p.master_list], [crl], at=NOW)
    result = check(chip(p), store)
    assert result.failed_step.step is Step.NOT_REVOKED and "CSCA certificate" in result.failed_step.reason


def test_dsc_not_yet_valid_and_unknown_csca():
    p = pki()
    early = check(chip(p), p.store(), at=NOW - timedelta(days=60))
    assert early.failed_step.step is Step.DSC_CHAINS_TO_CSCA and "not valid before" in early.failed_step.reason
    other = pki(KeyKind.RSA_2048)
    foreign = CscaStore((other.csca.certificate,))
    # same CSCA name in both test PKIs: the key decides
    assert check(chip(p), foreign).failed_step.step is Step.DSC_CHAINS_TO_CSCA
    elsewhere = CscaStore((pki(KeyKind.RSA_2048, True).csca.certificate,))
    assert check(chip(p), elsewhere).failed_step.step is Step.DSC_CHAINS_TO_CSCA
    named_otherwise = personalise.make_csca(p.untrusted_csca.key, "CSCA XX test", "XX", NOW - timedelta(days=1), NOW + timedelta(days=9))
    assert "no trusted CSCA is named" in check(chip(p), CscaStore((named_otherwise.certificate,))).failed_step.reason
    for nothing in (None, CscaStore(())):
        assert "no CSCA list installed" in check(chip(p), nothing).failed_step.reason


@pytest.mark.parametrize("hash_name", ["sha1", "sha384", "sha512"])
def test_other_hashes(hash_name):
    p = pki()
    result = check(chip(p, hash_name=hash_name), p.store())
    assert result.passed and result.hash_algorithm == hash_name


def test_sod_has_the_real_world_structure():
    """What passports carry: 77 around ContentInfo/SignedData v3, eContentType ldsSecurityObject,
    an LDSSecurityObject v0 with SHA-256 hashes of each DG file, the DSC in certificates, one
    SignerInfo whose signed attributes are contentType and messageDigest (and signingTime)."""
    p = pki()
    content = chip(p, with_ca=True)
    sod = content.files[lds.EF_SOD]
    info = asn1_cms.ContentInfo.load(tlv.parse(sod, 0x77).value)
    assert info["content_type"].native == "signed_data"
    sd = info["content"]
    assert sd["version"].native == "v3"
    assert sd["encap_content_info"]["content_type"].dotted == "2.23.136.1.1.1"
    assert [c.chosen.dump() for c in sd["certificates"]] == [p.dsc.certificate.public_bytes(personalise._DER)]
    [si] = sd["signer_infos"]
    attrs = {a["type"].native: a["values"][0] for a in si["signed_attrs"]}
    assert set(attrs) == {"content_type", "signing_time", "message_digest"}
    assert attrs["content_type"].dotted == "2.23.136.1.1.1"
    parsed = passive_auth.parse_sod(sod)
    assert parsed.version == 0 and parsed.hash_algorithm == "sha256"
    import hashlib

    econtent = sd["encap_content_info"]["content"].native
    assert attrs["message_digest"].native == hashlib.sha256(econtent).digest()
    assert parsed.hashes == {n: hashlib.sha256(d).digest() for n, d in content.data_groups().items()}
    assert sorted(parsed.hashes) == [1, 2, 14, 15]


@pytest.mark.parametrize("data,match", [
    (b"", "tag 77"),
    (tlv.encode(0x77, b"\x30\x03\x02\x01\x00"), "not a CMS SignedData"),
    (tlv.encode(0x77, asn1_cms.ContentInfo({"content_type": "data", "content": b"x"}).dump()), "not SignedData"),
])
def test_sod_that_does_not_parse(data, match):
    p = pki()
    result = passive_auth.verify(data, {1: b"a"}, p.store(), NOW)
    assert result.failed_step.step is Step.SOD_PARSES and match in result.failed_step.reason


def test_sod_of_another_content_type():
    p = pki()
    other = personalise.signed_data("1.2.840.113549.1.7.1", b"hello", p.dsc)
    result = passive_auth.verify(tlv.encode(0x77, other), {1: b"a"}, p.store(), NOW)
    assert "not an LDS security object" in result.failed_step.reason


# -------------------------------------------------------------------------------- master lists
def test_master_list_gives_the_cscas():
    p = pki()
    certs = passive_auth.read_master_list(p.master_list, at=NOW)
    assert certs == [p.csca.certificate]


def test_master_list_refusals():
    p = pki()
    # signed by a signer the listed CSCA did not issue
    rogue = personalise.issue(p.untrusted_csca, p.dsc.key, "ML signer", NOW - timedelta(days=1), NOW + timedelta(days=9))
    with pytest.raises(MasterListError, match="not issued by any CSCA of the list"):
        passive_auth.read_master_list(personalise.make_master_list([p.csca.certificate], rogue))
    # content changed after signing
    content = passive_auth.CscaMasterList({"version": 0, "cert_list": []}).dump()
    bad = personalise.signed_data(passive_auth.CSCA_MASTER_LIST, content, p.master_list_signer,
                                  signed_econtent=b"something else")
    with pytest.raises(MasterListError, match="changed after signing"):
        passive_auth.read_master_list(bad)
    with pytest.raises(MasterListError, match="not a CSCA master list"):
        passive_auth.read_master_list(personalise.signed_data("1.2.840.113549.1.7.1", b"x", p.master_list_signer))
    with pytest.raises(MasterListError, match="not valid at"):
        passive_auth.read_master_list(p.master_list, at=NOW + timedelta(days=6 * 365))
    with pytest.raises(MasterListError):
        passive_auth.read_master_list(b"\x30\x00")


# ------------------------------------------------------------------------ hostile SOD bytes
@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_changed_byte_of_the_sod_is_refused_never_raises(data):
    """A chip's SOD is attacker-controlled: a flipped byte anywhere gives a failed step with a
    reason (never an exception escaping, never a pass)."""
    p = pki()
    content = _genuine()
    sod = bytearray(content.files[lds.EF_SOD])
    at = data.draw(st.integers(0, len(sod) - 1))
    sod[at] ^= data.draw(st.integers(1, 255))
    result = passive_auth.verify(bytes(sod), content.data_groups(), p.store(), NOW)
    assert not result.passed, f"byte {at} changed and still passed"
    assert result.failed_step.reason


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_garbage_sod_fails_the_first_step(junk):
    result = passive_auth.verify(tlv.encode(0x77, junk), {1: b"a"}, pki().store(), NOW)
    assert result.failed_step.step is Step.SOD_PARSES


@functools.cache
def _genuine():
    return chip(pki())


def test_signed_attributes_stored_out_of_der_order_still_verify():
    """Issuers that store the signed attributes unsorted but sign their DER (sorted) form pass;
    a signature over neither form still fails."""
    p = pki()
    content = _genuine()
    sod = content.files[lds.EF_SOD]
    si = asn1_cms.ContentInfo.load(tlv.parse(sod, 0x77).value)["content"]["signer_infos"][0]
    attrs = [a.dump() for a in si["signed_attrs"]]
    assert attrs == sorted(attrs)          # personalisation writes DER
    stored = b"".join(attrs)
    assert sod.count(stored) == 1
    unsorted = sod.replace(stored, b"".join(reversed(attrs)))
    result = passive_auth.verify(unsorted, content.data_groups(), p.store(), NOW)
    assert result.passed, result.reason
    broken = personalise.make_chip(TD3, face(), p.dsc, aa_key=aa_key(), tamper=Tamper.SOD_SIGNATURE_BROKEN)
    bsod = broken.files[lds.EF_SOD]
    bsi = asn1_cms.ContentInfo.load(tlv.parse(bsod, 0x77).value)["content"]["signer_infos"][0]
    battrs = [a.dump() for a in bsi["signed_attrs"]]
    bsod = bsod.replace(b"".join(battrs), b"".join(reversed(battrs)))
    assert passive_auth.verify(bsod, broken.data_groups(), p.store(), NOW).failed_step.step is Step.SIGNATURE


def test_unreadable_csca_in_a_master_list_is_left_out():
    p = pki()
    good = p.csca.certificate.public_bytes(personalise._DER)
    bad = good.replace(b"\xa0\x03\x02\x01\x02", b"\xa0\x03\x02\x01\x05", 1)   # X.509 "v6"
    with pytest.raises(passive_auth.x509.InvalidVersion):
        passive_auth.x509.load_der_x509_certificate(bad)
    content = passive_auth.CscaMasterList({"version": 0, "cert_list": [
        passive_auth.asn1_x509.Certificate.load(good), passive_auth.asn1_x509.Certificate.load(bad)]}).dump()
    ml = personalise.signed_data(passive_auth.CSCA_MASTER_LIST, content, p.master_list_signer)
    assert passive_auth.read_master_list(ml) == [p.csca.certificate]
