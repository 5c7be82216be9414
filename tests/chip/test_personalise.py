"""Personalisation writes a coherent chip; the test PKI is what a state's PKI looks like."""
from __future__ import annotations

import io

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from PIL import Image

from inspector_app.chip import lds, passive_auth, personalise
from inspector_app.chip.personalise import KeyKind, Tamper
from inspector_app.domain.mrz_build import build_td3
from tests.chip.chip_fixtures import NOW, TD1, TD3, aa_key, face, pki

SPKI = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def test_mrz_information_worked_example():
    """9303-11 Appendix D.2: document L898902C<, born 690806, expiring 940623."""
    lines = build_td3(issuing_state="UTO", surname="ERIKSSON", given_names="ANNA MARIA", document_number="L898902C",
                      nationality="UTO", birth_date="690806", sex="F", expiry_date="940623").split("\n")
    assert personalise.mrz_information(lines) == "L898902C<369080619406236"
    assert personalise.mrz_information(TD1) == "D23145890" + TD1[0][14] + "7408122" + "3404159"


@pytest.mark.parametrize("with_pace,with_aa,with_ca", [(True, True, True), (True, True, False), (False, False, False),
                                                        (False, True, True)])
def test_files_match_the_options(with_pace, with_aa, with_ca):
    p = pki()
    content = personalise.make_chip(TD3, face(), p.dsc, with_pace=with_pace, with_aa=with_aa, with_ca=with_ca,
                                    aa_key=aa_key() if with_aa else None, can="123456")
    files = content.files
    expected_dgs = [1, 2] + ([14] if with_ca or with_aa else []) + ([15] if with_aa else [])
    # an EC AA key needs DG14's ActiveAuthenticationInfo (the algorithm); RSA AA would not
    assert sorted(content.data_groups()) == expected_dgs
    assert lds.parse_com(files[lds.EF_COM]).data_groups == tuple(expected_dgs)
    assert (lds.EF_CARD_ACCESS in files) is with_pace
    if with_pace:
        assert lds.parse_security_infos(files[lds.EF_CARD_ACCESS]) == [lds.PaceInfo(lds.PACE_ECDH_GM_AES_128, 2, 13)]
    assert lds.parse_dg1(files[0x0101]).lines == TD3
    assert content.can == "123456" and content.mrz_information == "L898902C3674081221204159"
    infos = lds.parse_security_infos(files[0x010E]) if 14 in expected_dgs else []
    ca_keys = [i for i in infos if isinstance(i, lds.ChipAuthenticationPublicKeyInfo)]
    if with_ca:
        assert ca_keys[0].public_key_info_der == content.ca_private_key.public_key().public_bytes(*SPKI)
        assert any(isinstance(i, lds.ChipAuthenticationInfo) for i in infos)
        assert any(isinstance(i, lds.PaceInfo) for i in infos) is with_pace   # DG14 repeats CardAccess's PACEInfo
    else:
        assert not ca_keys and content.ca_private_key is None
    if with_aa:
        assert lds.parse_dg15(files[0x010F]) == content.aa_private_key.public_key().public_bytes(*SPKI)
        assert content.without_aa_key().aa_private_key is None
        assert content.without_aa_key().files == files
    assert passive_auth.verify(files[lds.EF_SOD], content.data_groups(), p.store(), NOW).passed


def test_default_keys_are_generated():
    content = personalise.make_chip(TD1, face(), pki().dsc, with_ca=True)
    assert isinstance(content.aa_private_key, rsa.RSAPrivateKey) and content.aa_private_key.key_size == 2048
    assert isinstance(content.ca_private_key.curve, ec.BrainpoolP256R1)
    assert len(content.can) == 6 and content.can.isdigit()
    assert lds.parse_dg1(content.files[0x0101]).format == "TD1"


@pytest.mark.parametrize("jp2", [False, True])
def test_face_stored_as_jpeg_or_jpeg2000(jp2):
    image = face((90, 120))
    content = personalise.make_chip(TD3, image, pki().dsc, aa_key=aa_key(), face_jp2=jp2)
    [got] = lds.parse_dg2(content.files[0x0102])
    assert (got.mime, got.width, got.height) == ((lds.MIME_JP2 if jp2 else lds.MIME_JPEG), 90, 120)
    if not jp2:
        assert got.image_bytes == image
    decoded = Image.open(io.BytesIO(got.image_bytes))
    assert decoded.size == (90, 120) and decoded.format == ("JPEG2000" if jp2 else "JPEG")


@pytest.mark.parametrize("jp2", [False, True])
def test_swapped_face_is_another_image_of_the_same_kind(jp2):
    image, other = face((90, 120)), face((90, 120), shade=40)
    p = pki()
    good = personalise.make_chip(TD3, image, p.dsc, aa_key=aa_key(), face_jp2=jp2)
    for swap in (None, other):
        bad = personalise.make_chip(TD3, image, p.dsc, aa_key=aa_key(), face_jp2=jp2, tamper=Tamper.DG2_SWAPPED, other_face=swap)
        [a], [b] = lds.parse_dg2(good.files[0x0102]), lds.parse_dg2(bad.files[0x0102])
        assert a.mime == b.mime and a.image_bytes != b.image_bytes
        # the SOD was signed over the genuine face
        assert personalise.passive_auth.parse_sod(bad.files[lds.EF_SOD]).hashes[2] == \
            personalise.passive_auth.parse_sod(good.files[lds.EF_SOD]).hashes[2]


def test_dg1_change_keeps_a_valid_mrz():
    """The forger's edit passes every MRZ check digit: only passive authentication catches it."""
    content = personalise.make_chip(TD3, face(), pki().dsc, aa_key=aa_key(), tamper=Tamper.DG1_CHANGED)
    mrz = lds.parse_dg1(content.files[0x0101])
    assert mrz.valid and mrz.surname != "ERIKSSON" and mrz.surname[1:] == "RIKSSON"
    assert content.mrz_information == personalise.mrz_information(TD3)


@pytest.mark.parametrize("kind", [KeyKind.EC_P256, KeyKind.RSA_2048])
def test_pki_shape(kind):
    p = pki(kind)
    key_type = ec.EllipticCurvePublicKey if kind is KeyKind.EC_P256 else rsa.RSAPublicKey
    assert isinstance(p.csca.certificate.public_key(), key_type)
    csca, dsc = p.csca.certificate, p.dsc.certificate
    assert csca.subject == csca.issuer and csca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    dsc.verify_directly_issued_by(csca)
    p.expired_dsc.certificate.verify_directly_issued_by(csca)
    assert p.expired_dsc.certificate.not_valid_after_utc < NOW
    assert p.untrusted_dsc.certificate.issuer == dsc.issuer   # same name, other key
    with pytest.raises(Exception):  # noqa: B017 - any signature failure will do
        p.untrusted_dsc.certificate.verify_directly_issued_by(csca)
    crl = x509.load_der_x509_crl(p.crl)
    assert crl.is_signature_valid(csca.public_key())
    assert crl.get_revoked_certificate_by_serial_number(p.revoked_dsc.certificate.serial_number) is not None
    assert crl.get_revoked_certificate_by_serial_number(dsc.serial_number) is None
    mls = p.master_list_signer.certificate
    eku = mls.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert [o.dotted_string for o in eku] == [passive_auth.MASTER_LIST_SIGNING_KEY]
    store = p.store()
    assert store.cscas == (csca,) and len(store.crls) == 1


def test_make_chip_accepts_one_string_of_lines():
    content = personalise.make_chip("\n".join(TD3), face(), pki().dsc, aa_key=aa_key(), with_pace=False)
    assert lds.dg1_lines(content.files[0x0101]) == TD3


def test_large_face_scaled_down_when_asked():
    big = face((800, 1000))
    content = personalise.make_chip(TD3, big, pki().dsc, aa_key=aa_key(), face_max_side=320)
    [got] = lds.parse_dg2(content.files[0x0102])
    assert (got.width, got.height) == (256, 320) and got.mime == lds.MIME_JPEG
    small = personalise.make_chip(TD3, face((90, 120)), pki().dsc, aa_key=aa_key(), face_max_side=320)
    assert lds.parse_dg2(small.files[0x0102])[0].image_bytes == face((90, 120))   # already small: untouched


@pytest.mark.parametrize("kind,pss", [(KeyKind.EC_P256, False), (KeyKind.RSA_2048, True)], ids=["ecdsa", "rsa-pss"])
def test_openssl_verifies_the_sod_and_the_master_list(tmp_path, kind, pss):
    """An independent CMS implementation accepts what personalisation writes, and extracts the
    same LDS security object."""
    import shutil
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    p = pki(kind, pss)
    content = personalise.make_chip(TD3, face(), p.dsc, aa_key=aa_key())
    (tmp_path / "csca.pem").write_bytes(p.csca.certificate.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "sod.der").write_bytes(lds.tlv.parse(content.files[lds.EF_SOD]).value)
    (tmp_path / "ml.der").write_bytes(p.master_list)
    for name in ("sod", "ml"):
        run = subprocess.run(["openssl", "cms", "-verify", "-inform", "DER", "-in", f"{name}.der", "-CAfile", "csca.pem",
                              "-purpose", "any", "-binary", "-out", f"{name}.content"],
                             cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
    sod = passive_auth.parse_sod(content.files[lds.EF_SOD])
    assert (tmp_path / "sod.content").read_bytes() == sod.signed.econtent
