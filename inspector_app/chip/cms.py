"""The CMS SignedData mechanics the EF.SOD and the CSCA master list share (RFC 5652 as profiled by
ICAO 9303-10 and 9303-12): decode, find the signer's certificate, check the signature over the
signed attributes and the messageDigest attribute.

asn1crypto keeps the bytes it parsed, so the signed attributes are verified exactly as the issuer
encoded them (re-tagged from [0] to SET, RFC 5652 5.4), never re-encoded.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from asn1crypto import cms
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

#: asn1crypto's digest names -> cryptography's hash classes (the hashes 9303-12 allows)
HASHES = {"sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256,
          "sha384": hashes.SHA384, "sha512": hashes.SHA512}
#: BSI TR-03111 ecdsa-plain-SHA* (signature = r || s), which some issuers use in their SODs
_ECDSA_PLAIN = {"0.4.0.127.0.7.1.1.4.1.1": "sha1", "0.4.0.127.0.7.1.1.4.1.2": "sha224",
                "0.4.0.127.0.7.1.1.4.1.3": "sha256", "0.4.0.127.0.7.1.1.4.1.4": "sha384",
                "0.4.0.127.0.7.1.1.4.1.5": "sha512"}


class CmsError(ValueError):
    """A SignedData that cannot be decoded or checked; the message says what is wrong."""


@dataclass(frozen=True)
class Signed:
    """One decoded SignedData with a single signer (ICAO: exactly one SignerInfo)."""
    signed_data: cms.SignedData
    signer_info: cms.SignerInfo
    content_type: str            # dotted eContentType
    econtent: bytes
    certificates: tuple[x509.Certificate, ...]


def load(data: bytes, what: str) -> Signed:
    """Decode a ContentInfo around a SignedData; raises :class:`CmsError` naming ``what``."""
    try:
        info = cms.ContentInfo.load(data, strict=True)
        if info["content_type"].native != "signed_data":
            raise CmsError(f"{what} is a CMS {info['content_type'].native}, not SignedData")
        sd = info["content"]
        signers = list(sd["signer_infos"])
        if len(signers) != 1:
            raise CmsError(f"{what} has {len(signers)} signers; ICAO 9303 requires exactly one")
        encap = sd["encap_content_info"]
        econtent = encap["content"]
        if econtent.native is None:
            raise CmsError(f"{what} carries no signed content (detached SignedData)")
        certs = []
        for choice in sd["certificates"] or []:
            if choice.name == "certificate":
                # RSA and ECDSA signatures are whole bytes; a BIT STRING claiming unused bits is a
                # malformed (or malleated) certificate that some parsers would still accept
                if choice.chosen["signature_value"].contents[:1] != b"\x00":
                    raise CmsError(f"a certificate in {what} has a malformed signature bit string")
                certs.append(x509.load_der_x509_certificate(choice.chosen.dump()))
        # ICAO 9303-10 D.2 / 9303-12: SignedData v3; RFC 5652 5.3: SignerInfo v1 with issuer and
        # serial, v3 with a subject key identifier
        if sd["version"].native != "v3":
            raise CmsError(f"{what}'s SignedData has version {sd['version'].native}, ICAO 9303 requires v3")
        sid_version = "v1" if signers[0]["sid"].name == "issuer_and_serial_number" else "v3"
        if signers[0]["version"].native != sid_version:
            raise CmsError(f"{what}'s SignerInfo version {signers[0]['version'].native} does not fit its signer identifier")
        listed = {d["algorithm"].native for d in sd["digest_algorithms"]}
        if signers[0]["digest_algorithm"]["algorithm"].native not in listed:
            raise CmsError(f"{what}'s signer uses a digest algorithm its SignedData does not list")
        # read every field now: asn1crypto decodes lazily, and a late error must not escape later
        sd.native  # noqa: B018
        return Signed(sd, signers[0], encap["content_type"].dotted, bytes(econtent.native), tuple(certs))
    except CmsError:
        raise
    except (ValueError, TypeError, KeyError, x509.InvalidVersion) as exc:
        raise CmsError(f"{what} is not a CMS SignedData: {exc}") from None


def signer_certificate(signed: Signed) -> x509.Certificate | None:
    """The certificate the SignerInfo names (issuer + serial, or subject key identifier)."""
    sid = signed.signer_info["sid"]
    for cert in signed.certificates:
        if sid.name == "issuer_and_serial_number":
            ias = sid.chosen
            if cert.serial_number == ias["serial_number"].native and cert.issuer.public_bytes() == ias["issuer"].dump():
                return cert
        else:
            try:
                ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
            except x509.ExtensionNotFound:
                continue
            if ski == sid.chosen.native:
                return cert
    return None


def _attr(signed: Signed, name: str):
    for attr in signed.signer_info["signed_attrs"]:
        if attr["type"].native == name:
            values = list(attr["values"])
            if len(values) != 1:
                raise CmsError(f"signed attribute {name} has {len(values)} values, not one")
            return values[0]
    return None


def digest_name(signed: Signed) -> str:
    return signed.signer_info["digest_algorithm"]["algorithm"].native


def check_signed_attrs(signed: Signed) -> None:
    """contentType must repeat the eContentType (RFC 5652 11.1); both attributes must be there."""
    if not signed.signer_info["signed_attrs"]:
        raise CmsError("the SignerInfo has no signed attributes (ICAO 9303 requires them)")
    ctype = _attr(signed, "content_type")
    if ctype is None or _attr(signed, "message_digest") is None:
        raise CmsError("the signed attributes lack contentType or messageDigest")
    if ctype.dotted != signed.content_type:
        raise CmsError(f"the signed contentType {ctype.dotted} differs from the eContentType {signed.content_type}")


def signed_attrs_encodings(signed: Signed) -> list[bytes]:
    """What the signature may cover: the signed attributes exactly as stored (re-tagged SET), and
    their DER re-encoding (SET OF sorted) when that differs. RFC 5652 requires DER, and many
    issuers' master lists store the attributes out of DER order while their signature is over the
    DER form (OpenSSL re-encodes before verifying): ZeroPass's eMRTD non-conformance report found
    this in every master list of the ICAO PKD and the German PKI it examined."""
    stored = b"\x31" + signed.signer_info["signed_attrs"].dump()[1:]
    attrs = sorted(a.dump() for a in signed.signer_info["signed_attrs"])
    body = b"".join(attrs)
    der = b"\x31" + _der_length(len(body)) + body
    return [stored] if der == stored else [stored, der]


def _der_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def verify_signature(signed: Signed, cert: x509.Certificate) -> None:
    """The SignerInfo's signature over the signed attributes, by ``cert``'s key: RSA PKCS#1 v1.5,
    RSA-PSS, ECDSA (DER or TR-03111 plain). Raises :class:`CmsError`."""
    check_signed_attrs(signed)
    try:
        check = _verifier(signed, cert)
        for message in signed_attrs_encodings(signed):
            try:
                check(message)
                return
            except InvalidSignature:
                continue
    except CmsError:
        raise
    except (ValueError, KeyError, TypeError, UnsupportedAlgorithm) as exc:
        raise CmsError(f"the signature algorithm or the signer's key cannot be used: {exc}") from None
    raise CmsError("the signature over the signed attributes does not verify with the signer's key")


def _verifier(signed: Signed, cert: x509.Certificate):
    """A function of the message that raises InvalidSignature unless the SignerInfo's signature
    verifies over it."""
    si = signed.signer_info
    signature = si["signature"].native
    alg = si["signature_algorithm"]
    oid = alg["algorithm"].dotted
    key = cert.public_key()
    if oid in _ECDSA_PLAIN:
        _need(key, ec.EllipticCurvePublicKey, "an ECDSA")
        half = len(signature) // 2
        der = encode_dss_signature(int.from_bytes(signature[:half], "big"), int.from_bytes(signature[half:], "big"))
        return lambda m: key.verify(der, m, ec.ECDSA(_hash(_ECDSA_PLAIN[oid])))
    kind = alg.signature_algo
    if kind == "ecdsa":
        _need(key, ec.EllipticCurvePublicKey, "an ECDSA")
        algorithm = _hash(_alg_hash(alg, signed))
        return lambda m: key.verify(signature, m, ec.ECDSA(algorithm))
    if kind == "rsassa_pkcs1v15":
        _need(key, rsa.RSAPublicKey, "an RSA")
        algorithm = _hash(_alg_hash(alg, signed))
        return lambda m: key.verify(signature, m, padding.PKCS1v15(), algorithm)
    if kind == "rsassa_pss":
        _need(key, rsa.RSAPublicKey, "an RSA-PSS")
        params = alg["parameters"]
        pss = padding.PSS(padding.MGF1(_hash(params["mask_gen_algorithm"]["parameters"]["algorithm"].native)),
                          params["salt_length"].native)
        algorithm = _hash(params["hash_algorithm"]["algorithm"].native)
        return lambda m: key.verify(signature, m, pss, algorithm)
    raise CmsError(f"signature algorithm {kind} is not one ICAO 9303 uses")


def _need(key, kind: type, what: str) -> None:
    if not isinstance(key, kind):
        raise CmsError(f"{what} signature, but the signer certificate's key is of another type")


def _alg_hash(alg, signed: Signed) -> str:
    try:
        return alg.hash_algo
    except ValueError:  # plain rsaEncryption: the hash is the SignerInfo's digest algorithm
        return digest_name(signed)


def _hash(name: str) -> hashes.HashAlgorithm:
    try:
        return HASHES[name]()
    except KeyError:
        raise CmsError(f"hash algorithm {name} is not one ICAO 9303 uses") from None


def check_message_digest(signed: Signed) -> None:
    """The messageDigest attribute must equal the hash of the eContent."""
    check_signed_attrs(signed)
    name = digest_name(signed)
    if name not in HASHES:
        raise CmsError(f"digest algorithm {name} is not one ICAO 9303 uses")
    expected = _attr(signed, "message_digest").native
    if hashlib.new(name, signed.econtent).digest() != expected:
        raise CmsError(f"the messageDigest attribute is not the {name.upper()} of the signed content: "
                       "the content was changed after signing")
