"""Personalisation: write a chip's whole content as an issuing state does (LDS files and an EF.SOD
signed by a Document Signer), plus a test PKI (CSCA -> DSC, the bad signers, a CRL and a CSCA master
list) so tests and the demo never need a real state's keys.

The bad chips of issue 16 come in two kinds. Chips altered after signing are ``tamper`` options of
:func:`make_chip` (a changed DG1, a swapped DG2, a broken signature...). Chips signed by the wrong
signer are not altered at all, they are signed by another :class:`Signer`: :class:`TestPki` has
``untrusted_dsc`` (issued by a CSCA of the same name but another key), ``expired_dsc`` and
``revoked_dsc`` (on the CSCA's CRL). A clone without the Active Authentication key is the same
:class:`ChipContent` with ``aa_private_key`` dropped.
"""
from __future__ import annotations

import hashlib
import io
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import Enum

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from inspector_app.chip import lds, passive_auth
from inspector_app.chip.passive_auth import CSCA_MASTER_LIST, LDS_SECURITY_OBJECT, MASTER_LIST_SIGNING_KEY
from inspector_app.domain.mrz_layout import layout_for

_DER = serialization.Encoding.DER
_SPKI = serialization.PublicFormat.SubjectPublicKeyInfo


class KeyKind(Enum):
    EC_P256 = "EC P-256"
    RSA_2048 = "RSA 2048"


def new_key(kind: KeyKind):
    if kind is KeyKind.EC_P256:
        return ec.generate_private_key(ec.SECP256R1())
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass(frozen=True)
class Signer:
    """A private key and its certificate; ``rsa_pss`` signs with RSA-PSS instead of PKCS#1 v1.5."""
    key: object
    certificate: x509.Certificate
    rsa_pss: bool = False


# ---------------------------------------------------------------------------------- certificates
def _name(common_name: str, country: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, country),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Border Inspector test PKI"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_csca(key, common_name: str, country: str, not_before: datetime, not_after: datetime) -> Signer:
    name = _name(common_name, country)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(not_before).not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    return Signer(key, cert)


def issue(issuer: Signer, key, common_name: str, not_before: datetime, not_after: datetime, *,
          extended_usage: str | None = None, rsa_pss: bool = False) -> Signer:
    """An end-entity certificate (a DSC, or a master list signer with ``extended_usage``)."""
    country = issuer.certificate.subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value
    builder = (x509.CertificateBuilder().subject_name(_name(common_name, country))
               .issuer_name(issuer.certificate.subject).public_key(key.public_key())
               .serial_number(x509.random_serial_number()).not_valid_before(not_before).not_valid_after(not_after)
               .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), critical=False)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
    if extended_usage:
        builder = builder.add_extension(x509.ExtendedKeyUsage([x509.ObjectIdentifier(extended_usage)]), critical=False)
    return Signer(key, builder.sign(issuer.key, hashes.SHA256()), rsa_pss)


def make_crl(csca: Signer, revoked: Sequence[x509.Certificate], last_update: datetime, next_update: datetime,
             number: int = 1) -> bytes:
    builder = (x509.CertificateRevocationListBuilder().issuer_name(csca.certificate.subject)
               .last_update(last_update).next_update(next_update)
               .add_extension(x509.CRLNumber(number), critical=False))
    for cert in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(cert.serial_number)
            .revocation_date(last_update - timedelta(days=1)).build())
    return builder.sign(csca.key, hashes.SHA256()).public_bytes(_DER)


# ------------------------------------------------------------------------------------------ CMS
def _signature(signer: Signer, message: bytes, hash_name: str) -> tuple[bytes, dict]:
    algorithm = passive_auth.cms.HASHES[hash_name]()
    key = signer.key
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(message, ec.ECDSA(algorithm)), {"algorithm": f"{hash_name}_ecdsa"}
    if signer.rsa_pss:
        pss = padding.PSS(padding.MGF1(algorithm), algorithm.digest_size)
        params = {"hash_algorithm": {"algorithm": hash_name},
                  "mask_gen_algorithm": {"algorithm": "mgf1", "parameters": {"algorithm": hash_name}},
                  "salt_length": algorithm.digest_size, "trailer_field": "trailer_field_bc"}
        return key.sign(message, pss, algorithm), {"algorithm": "rsassa_pss", "parameters": params}
    return key.sign(message, padding.PKCS1v15(), algorithm), {"algorithm": f"{hash_name}_rsa"}


def signed_data(content_type: str, econtent: bytes, signer: Signer, *, hash_name: str = "sha256",
                include_certificate: bool = True, signing_time: datetime | None = None,
                signed_econtent: bytes | None = None, break_signature: bool = False) -> bytes:
    """A CMS ContentInfo/SignedData as ICAO 9303 profiles it: one signer identified by issuer
    and serial number, signed attributes contentType, signingTime, messageDigest.
    ``signed_econtent`` (the digest is of that, not of ``econtent``) and ``break_signature``
    exist to make the bad SODs the tests need."""
    digest = hashlib.new(hash_name, econtent if signed_econtent is None else signed_econtent).digest()
    when = (signing_time or datetime.now(UTC)).replace(microsecond=0)
    attrs = asn1_cms.CMSAttributes([
        asn1_cms.CMSAttribute({"type": "content_type", "values": [content_type]}),
        asn1_cms.CMSAttribute({"type": "signing_time", "values": [asn1_cms.Time({"utc_time": when})]}),
        asn1_cms.CMSAttribute({"type": "message_digest", "values": [digest]}),
    ])
    signature, sig_alg = _signature(signer, attrs.dump(), hash_name)
    if break_signature:
        signature = signature[:-1] + bytes([signature[-1] ^ 0x01])
    cert = asn1_x509.Certificate.load(signer.certificate.public_bytes(_DER))
    info = asn1_cms.SignerInfo({
        "version": "v1",
        "sid": asn1_cms.SignerIdentifier({"issuer_and_serial_number": {"issuer": cert.issuer,
                                                                       "serial_number": cert.serial_number}}),
        "digest_algorithm": {"algorithm": hash_name}, "signed_attrs": attrs,
        "signature_algorithm": sig_alg, "signature": signature,
    })
    sd = {"version": "v3", "digest_algorithms": [{"algorithm": hash_name}],
          "encap_content_info": {"content_type": content_type, "content": econtent}, "signer_infos": [info]}
    if include_certificate:
        sd["certificates"] = [cert]
    return asn1_cms.ContentInfo({"content_type": "signed_data", "content": asn1_cms.SignedData(sd)}).dump()


def lds_security_object(data_groups: Mapping[int, bytes], hash_name: str = "sha256") -> bytes:
    return passive_auth.LdsSecurityObject({
        "version": 0, "hash_algorithm": {"algorithm": hash_name},
        "data_group_hash_values": [{"data_group_number": n, "data_group_hash_value": hashlib.new(hash_name, d).digest()}
                                   for n, d in sorted(data_groups.items())],
    }).dump()


def make_sod(data_groups: Mapping[int, bytes], dsc: Signer, *, hash_name: str = "sha256", **options) -> bytes:
    """EF.SOD (tag 77) over the data groups' files; ``options`` go to :func:`signed_data`."""
    return lds.tlv.encode(lds.TAG_SOD, signed_data(LDS_SECURITY_OBJECT, lds_security_object(data_groups, hash_name),
                                                   dsc, hash_name=hash_name, **options))


def make_master_list(cscas: Sequence[x509.Certificate], signer: Signer) -> bytes:
    content = passive_auth.CscaMasterList({
        "version": 0, "cert_list": [asn1_x509.Certificate.load(c.public_bytes(_DER)) for c in cscas]}).dump()
    return signed_data(CSCA_MASTER_LIST, content, signer)


# ------------------------------------------------------------------------------------- test PKI
@dataclass(frozen=True)
class TestPki:
    """A state's CSCA with its signers, CRL and master list, and a forger's look-alike CSCA."""
    __test__ = False  # not a pytest test class despite the name

    now: datetime
    csca: Signer
    dsc: Signer
    expired_dsc: Signer
    revoked_dsc: Signer
    untrusted_csca: Signer
    untrusted_dsc: Signer
    master_list_signer: Signer
    crl: bytes
    master_list: bytes

    def store(self, *, with_crl: bool = True) -> passive_auth.CscaStore:
        """The booth's trust as a bundle would give it: the verified master list and the CRL."""
        return passive_auth.CscaStore.from_master_lists([self.master_list], [self.crl] if with_crl else [], at=self.now)


def test_pki(kind: KeyKind = KeyKind.EC_P256, *, now: datetime | None = None, country: str = "UT",
             rsa_pss: bool = False) -> TestPki:
    """Generate a test PKI. Key generation dominates (RSA 2048: a few hundred ms), so tests
    build one per session; the DSC variants share the DSC's key (only their certificates differ)."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    year = timedelta(days=365)
    csca_key, dsc_key, forger_key = new_key(kind), new_key(kind), new_key(kind)
    csca = make_csca(csca_key, f"CSCA {country} test", country, now - year, now + 15 * year)
    dsc = issue(csca, dsc_key, f"DS {country} test", now - timedelta(days=30), now + 10 * year, rsa_pss=rsa_pss)
    expired = issue(csca, dsc_key, f"DS {country} test expired", now - 11 * year, now - timedelta(days=1), rsa_pss=rsa_pss)
    revoked = issue(csca, dsc_key, f"DS {country} test revoked", now - timedelta(days=30), now + 10 * year, rsa_pss=rsa_pss)
    # the forger copies the CSCA's name: only the signature check can tell them apart
    forged_csca = make_csca(forger_key, f"CSCA {country} test", country, now - year, now + 15 * year)
    untrusted = issue(forged_csca, dsc_key, f"DS {country} test", now - timedelta(days=30), now + 10 * year, rsa_pss=rsa_pss)
    mls = issue(csca, dsc_key, f"Master List Signer {country} test", now - timedelta(days=30), now + 5 * year,
                extended_usage=MASTER_LIST_SIGNING_KEY)
    crl = make_crl(csca, [revoked.certificate], now - timedelta(days=1), now + timedelta(days=30))
    return TestPki(now, csca, dsc, expired, revoked, forged_csca, untrusted, mls, crl,
                   make_master_list([csca.certificate], mls))


test_pki.__test__ = False  # a factory, not a pytest test, wherever it is imported


# ------------------------------------------------------------------------------------- the chip
class Tamper(Enum):
    """Changes made after signing (the signer is honest; the chip was altered)."""
    NONE = "genuine"
    DG1_CHANGED = "DG1 changed after signing (a letter of the name)"
    DG2_SWAPPED = "DG2 swapped for another face after signing"
    SOD_HASH_REWRITTEN = "DG1 changed and its hash in the SOD rewritten, without a new signature"
    SOD_SIGNATURE_BROKEN = "the SOD's signature altered"
    SOD_WITHOUT_DSC = "the SOD carries no Document Signer certificate"
    SOD_TRUNCATED = "the SOD cut short"


@dataclass(frozen=True)
class ChipContent:
    """What the chip simulator serves: files by file id, and the secrets a chip holds."""
    files: dict[int, bytes]
    mrz_information: str
    can: str
    aa_private_key: object | None
    ca_private_key: object | None

    def without_aa_key(self) -> ChipContent:
        """A clone: every file copied, but the Active Authentication private key cannot be read."""
        return replace(self, aa_private_key=None)

    def data_groups(self) -> dict[int, bytes]:
        return {fid - 0x0100: data for fid, data in self.files.items() if 0x0101 <= fid <= 0x0110}


def mrz_information(mrz_lines: Sequence[str]) -> str:
    """Document number, birth date, expiry date, each with its check digit (9303-11 4.3.2): the
    BAC key seed and the PACE MRZ password."""
    lay = layout_for([len(line) for line in mrz_lines], mrz_lines[0][:1])
    if lay is None:
        raise ValueError("the MRZ lines are no ICAO 9303 format")
    by_name = {c.name: c for c in lay.checks}
    out = ""
    for name in ("document_number", "birth_date", "expiry_date"):
        line, a, b = lay.fields[name]
        row, col = by_name[name].digit
        out += mrz_lines[line][a:b] + mrz_lines[row][col]
    return out


def _change_name(mrz_lines: list[str]) -> list[str]:
    """A forger's edit no check digit covers: the first letter of the primary identifier."""
    lay = layout_for([len(line) for line in mrz_lines], mrz_lines[0][:1])
    line, a, _ = lay.fields["names"]
    old = mrz_lines[line][a]
    new = "B" if old != "B" else "C"
    out = list(mrz_lines)
    out[line] = out[line][:a] + new + out[line][a + 1:]
    return out


def _image_size(image: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(image)) as im:
        return im.size


def _reencode(image: bytes, fmt: str) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(image)) as im:
        out = io.BytesIO()
        im.convert("RGB").save(out, fmt)
        return out.getvalue()


def _fit(image: bytes, max_side: int) -> bytes:
    """The face scaled down to ``max_side`` pixels at most and saved as JPEG, as an issuer stores a
    photo of about 15-30 kB (a large DG2 makes every read slow over secure messaging)."""
    from PIL import Image

    with Image.open(io.BytesIO(image)) as im:
        if max(im.size) <= max_side:
            return image
        im = im.convert("RGB")
        im.thumbnail((max_side, max_side))
        out = io.BytesIO()
        im.save(out, "JPEG", quality=85)
        return out.getvalue()


def _another_face(image: bytes) -> bytes:
    """The face mirrored and its colours inverted: a different image whatever the input (a
    symmetric face survives mirroring alone), the same size."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(image)) as im:
        out = io.BytesIO()
        ImageOps.invert(ImageOps.mirror(im.convert("RGB"))).save(out, "JPEG")
        return out.getvalue()


def make_chip(mrz_lines, face_jpeg: bytes, dsc: Signer, *, with_pace: bool = True, with_aa: bool = True,
              with_ca: bool = False, tamper: Tamper = Tamper.NONE, face_jp2: bool = False,
              other_face: bytes | None = None, can: str | None = None, aa_key=None, ca_key=None,
              pace_parameter_id: int = 13, hash_name: str = "sha256", face_max_side: int | None = None) -> ChipContent:
    """A coherent chip for ``mrz_lines`` (two or three lines, or one string of them) and a face.

    ``face_jp2`` stores the face as JPEG 2000. ``aa_key``: RSA (ISO/IEC 9796-2) or EC (ECDSA, then
    DG14 names the algorithm); a 2048-bit RSA key is generated when omitted. ``ca_key``: an EC key
    (brainpoolP256r1 generated when omitted). ``pace_parameter_id``: 13 brainpoolP256r1, 12 NIST
    P-256 (9303-11 table 6). ``other_face`` is the face :attr:`Tamper.DG2_SWAPPED` puts in (the
    face mirrored and inverted when omitted). ``face_max_side``: scale a larger face down first (the
    demo's photos are bigger than a passport's)."""
    lines = mrz_lines.split() if isinstance(mrz_lines, str) else list(mrz_lines)
    if face_max_side:
        face_jpeg = _fit(face_jpeg, face_max_side)
    face = _reencode(face_jpeg, "JPEG2000") if face_jp2 else face_jpeg
    dgs: dict[int, bytes] = {1: lds.encode_dg1(lines), 2: lds.encode_dg2([(face, *_image_size(face))])}
    aa_private = ca_private = None
    dg14_infos: list = []
    card_access = [lds.PaceInfo(lds.PACE_ECDH_GM_AES_128, 2, pace_parameter_id)] if with_pace else []
    if with_ca:
        ca_private = ca_key or ec.generate_private_key(ec.BrainpoolP256R1())
        dg14_infos += [lds.ChipAuthenticationInfo(lds.CA_ECDH_AES_128, 1, None),
                       lds.ChipAuthenticationPublicKeyInfo(lds.ID_PK_ECDH, ca_private.public_key().public_bytes(_DER, _SPKI), None)]
    if with_aa:
        aa_private = aa_key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
        dgs[15] = lds.encode_dg15(aa_private.public_key().public_bytes(_DER, _SPKI))
        if isinstance(aa_private, ec.EllipticCurvePrivateKey):
            dg14_infos.append(lds.ActiveAuthenticationInfo(lds.ID_AA, 1, "1.2.840.10045.4.3.2"))  # ecdsa-with-SHA256
    if dg14_infos:
        dgs[14] = lds.encode_dg14(dg14_infos + card_access)
    options = {"include_certificate": tamper is not Tamper.SOD_WITHOUT_DSC,
               "break_signature": tamper is Tamper.SOD_SIGNATURE_BROKEN}
    if tamper is Tamper.SOD_HASH_REWRITTEN:
        honest = lds_security_object(dgs, hash_name)
        dgs[1] = lds.encode_dg1(_change_name(lines))
        options["signed_econtent"] = honest
    sod = make_sod(dgs, dsc, hash_name=hash_name, **options)
    if tamper is Tamper.DG1_CHANGED:
        dgs[1] = lds.encode_dg1(_change_name(lines))
    elif tamper is Tamper.DG2_SWAPPED:
        swapped = other_face or _another_face(face_jpeg)
        swapped = _reencode(swapped, "JPEG2000") if face_jp2 else swapped
        dgs[2] = lds.encode_dg2([(swapped, *_image_size(swapped))])
    elif tamper is Tamper.SOD_TRUNCATED:
        sod = sod[: len(sod) // 2]
    files = {lds.dg_file_id(n): d for n, d in dgs.items()}
    files[lds.EF_COM] = lds.encode_com(dgs)
    files[lds.EF_SOD] = sod
    if with_pace:
        files[lds.EF_CARD_ACCESS] = lds.encode_security_infos(card_access)
    return ChipContent(files, mrz_information(lines), can or f"{secrets.randbelow(10 ** 6):06d}", aa_private, ca_private)

