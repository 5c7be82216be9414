"""Passive authentication (ICAO 9303-11 section 5.1, 9303-12): is what the chip holds what the
issuing state signed?

The steps run in a fixed order and each ends passed, failed or not run with a reason in plain
words; once one fails the rest are not run, so the result names exactly the step that refused the
chip. The trust comes from a :class:`CscaStore`: the CSCA certificates of a verified master list
(delivered in the signed list bundles) and the CSCAs' CRLs.

Revocation policy: a CSCA that has no current CRL in the store (none, or only expired ones) does
not fail the chip by default; the revocation step is reported *not run* with the reason, and
:attr:`PassiveAuthResult.warnings` carries it. A missing CRL is an operational gap (a late list
update) that would otherwise refuse every passport of that state at every booth; the examination
core can still flag it to a supervisor. ``require_crl=True`` makes it a failure. A CRL whose
signature does not verify with its CSCA is not used at all (it cannot be told from a forgery).
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum

from asn1crypto import algos, core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes

from inspector_app.chip import cms, tlv
from inspector_app.chip.lds import TAG_SOD

log = logging.getLogger(__name__)

#: id-icao-mrtd-security-ldsSecurityObject
LDS_SECURITY_OBJECT = "2.23.136.1.1.1"
#: id-icao-cscaMasterList
CSCA_MASTER_LIST = "2.23.136.1.1.2"
#: id-icao-mrtd-security-cscaMasterListSigningKey (extended key usage of a master list signer)
MASTER_LIST_SIGNING_KEY = "2.23.136.1.1.3"


# ------------------------------------------------------------------------------------ ASN.1
class DataGroupHash(core.Sequence):
    _fields = [("data_group_number", core.Integer), ("data_group_hash_value", core.OctetString)]


class DataGroupHashValues(core.SequenceOf):
    _child_spec = DataGroupHash


class LdsVersionInfo(core.Sequence):
    _fields = [("lds_version", core.PrintableString), ("unicode_version", core.PrintableString)]


class LdsSecurityObject(core.Sequence):
    """9303-10 Appendix D.1."""
    _fields = [("version", core.Integer), ("hash_algorithm", algos.DigestAlgorithm),
               ("data_group_hash_values", DataGroupHashValues), ("lds_version_info", LdsVersionInfo, {"optional": True})]


class _CertificateSet(core.SetOf):
    _child_spec = asn1_x509.Certificate


class CscaMasterList(core.Sequence):
    """9303-12 section 9: version v0, then the CSCA certificates."""
    _fields = [("version", core.Integer), ("cert_list", _CertificateSet)]


# ------------------------------------------------------------------------------------- result
class Step(Enum):
    """The steps, in the order they run."""
    SOD_PARSES = "the SOD parses"
    DSC_FOUND = "the Document Signer certificate is in the SOD"
    DSC_CHAINS_TO_CSCA = "the Document Signer certificate chains to a trusted CSCA"
    NOT_REVOKED = "neither the Document Signer nor the CSCA is revoked"
    SIGNATURE = "the Document Signer signed the SOD"
    MESSAGE_DIGEST = "the signed digest matches the SOD's content"
    DATA_GROUP_HASHES = "every data group read matches its hash in the SOD"


class Status(Enum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_RUN = "not run"


@dataclass(frozen=True)
class StepResult:
    step: Step
    status: Status
    reason: str

    def to_dict(self) -> dict:
        return {"step": self.step.name.lower(), "title": self.step.value, "status": self.status.value, "reason": self.reason}


@dataclass(frozen=True)
class PassiveAuthResult:
    steps: tuple[StepResult, ...]
    #: the DSC and CSCA subjects (RFC 4514) when found, for the record and the inspector
    dsc_subject: str | None = None
    csca_subject: str | None = None
    hash_algorithm: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def failed_step(self) -> StepResult | None:
        return next((s for s in self.steps if s.status is Status.FAILED), None)

    @property
    def passed(self) -> bool:
        return self.failed_step is None

    @property
    def reason(self) -> str:
        failed = self.failed_step
        return f"{failed.step.value}: no — {failed.reason}" if failed else "the chip's data is as the issuing state signed it"

    def step(self, step: Step) -> StepResult:
        return next(s for s in self.steps if s.step is step)

    def to_dict(self) -> dict:
        failed = self.failed_step
        return {"passed": self.passed, "failed_step": failed.step.name.lower() if failed else None,
                "reason": self.reason, "steps": [s.to_dict() for s in self.steps],
                "dsc_subject": self.dsc_subject, "csca_subject": self.csca_subject,
                "hash_algorithm": self.hash_algorithm, "warnings": list(self.warnings)}


class StepFailed(Exception):
    """Internal: the running step failed with this reason."""


class RevocationNotChecked(Exception):
    """Internal: no current CRL, so revocation could not be checked."""


# ---------------------------------------------------------------------------------------- SOD
@dataclass(frozen=True)
class Sod:
    signed: cms.Signed
    version: int
    hash_algorithm: str                  # asn1crypto name: sha256, ...
    hashes: dict[int, bytes]             # data group number -> hash


class SodError(ValueError):
    """EF.SOD cannot be decoded."""


def parse_sod(data: bytes) -> Sod:
    """EF.SOD: tag 77 around a CMS SignedData whose eContent is an LDSSecurityObject."""
    try:
        inner = tlv.parse(data, TAG_SOD).value
    except tlv.TlvError as exc:
        raise SodError(f"EF.SOD is not a tag 77 file: {exc}") from None
    try:
        signed = cms.load(inner, "EF.SOD")
    except cms.CmsError as exc:
        raise SodError(str(exc)) from None
    if signed.content_type != LDS_SECURITY_OBJECT:
        raise SodError(f"EF.SOD signs content of type {signed.content_type}, not an LDS security object "
                       f"({LDS_SECURITY_OBJECT})")
    try:
        native = LdsSecurityObject.load(signed.econtent, strict=True).native
    except (ValueError, TypeError, KeyError) as exc:
        raise SodError(f"the SOD's LDS security object cannot be decoded: {exc}") from None
    hashes: dict[int, bytes] = {}
    for entry in native["data_group_hash_values"]:
        number = entry["data_group_number"]
        if number in hashes:
            raise SodError(f"the SOD lists DG{number} twice")
        hashes[number] = entry["data_group_hash_value"]
    name = native["hash_algorithm"]["algorithm"]
    if name not in cms.HASHES:
        raise SodError(f"the SOD hashes the data groups with {name}, not a hash ICAO 9303 allows")
    return Sod(signed, native["version"], name, hashes)


# --------------------------------------------------------------------------------- trust store
class MasterListError(ValueError):
    """A CSCA master list that cannot be trusted; the message says why."""


@dataclass(frozen=True)
class CscaStore:
    """The CSCA certificates a booth trusts and the CRLs it holds."""
    cscas: tuple[x509.Certificate, ...]
    crls: tuple[x509.CertificateRevocationList, ...] = ()

    @classmethod
    def from_der(cls, cscas: Iterable[bytes] = (), crls: Iterable[bytes] = ()) -> CscaStore:
        """From certificates and CRLs the operator configured (DER files)."""
        try:
            return cls(tuple(x509.load_der_x509_certificate(c) for c in cscas),
                       tuple(x509.load_der_x509_crl(c) for c in crls))
        except (ValueError, x509.InvalidVersion) as exc:
            raise MasterListError(f"a CSCA certificate or CRL cannot be read: {exc}") from None

    @classmethod
    def from_master_lists(cls, master_lists: Iterable[bytes], crls: Iterable[bytes] = (), *,
                          at: datetime | None = None) -> CscaStore:
        """Every CSCA of the given master lists (each verified with :func:`read_master_list`)."""
        cscas: dict[bytes, x509.Certificate] = {}
        for ml in master_lists:
            for cert in read_master_list(ml, at=at):
                cscas.setdefault(cert.fingerprint(hashes.SHA256()), cert)
        return cls(tuple(cscas.values()), cls.from_der((), crls).crls)

    def issuers_named(self, name: x509.Name) -> list[x509.Certificate]:
        return [c for c in self.cscas if c.subject == name]

    def crls_named(self, name: x509.Name) -> list[x509.CertificateRevocationList]:
        return [c for c in self.crls if c.issuer == name]


def read_master_list(data: bytes, *, at: datetime | None = None) -> list[x509.Certificate]:
    """The CSCA certificates of a CSCA master list (9303-12 section 9): a CMS SignedData of type
    id-icao-cscaMasterList, signed by a master list signer whose certificate the SignedData carries
    and which one of the listed CSCAs issued (the issuing state's own). ``at``: also check the
    signer's certificate is valid then. Raises :class:`MasterListError`."""
    try:
        signed = cms.load(data, "the master list")
    except cms.CmsError as exc:
        raise MasterListError(str(exc)) from None
    if signed.content_type != CSCA_MASTER_LIST:
        raise MasterListError(f"the master list signs content of type {signed.content_type}, not a CSCA master list")
    try:
        entries = [c.dump() for c in CscaMasterList.load(signed.econtent, strict=True)["cert_list"]]
    except (ValueError, TypeError) as exc:
        raise MasterListError(f"the master list's content cannot be decoded: {exc}") from None
    certs = []
    for n, der in enumerate(entries, start=1):
        # real master lists carry a few non-conformant CSCAs (ZeroPass's eMRTD report): one that
        # cannot be read is left out, not allowed to refuse the whole list
        try:
            certs.append(x509.load_der_x509_certificate(der))
        except (ValueError, x509.InvalidVersion) as exc:
            log.warning("master list certificate %d of %d cannot be read and is left out: %s", n, len(entries), exc)
    signer = cms.signer_certificate(signed)
    if signer is None:
        raise MasterListError("the master list does not carry its signer's certificate")
    try:
        cms.check_message_digest(signed)
        cms.verify_signature(signed, signer)
    except cms.CmsError as exc:
        raise MasterListError(f"master list signature: {exc}") from None
    issuer = _issued_by(signer, [c for c in certs if c.subject == signer.issuer])
    if issuer is None:
        raise MasterListError(f"the master list signer ({signer.subject.rfc4514_string()}) was not issued by any CSCA of the list")
    if at is not None and not _valid_at(signer, at):
        raise MasterListError(f"the master list signer's certificate is not valid at {at.isoformat()} "
                              f"(valid {signer.not_valid_before_utc.date()} to {signer.not_valid_after_utc.date()})")
    return certs


def _issued_by(cert: x509.Certificate, candidates: list[x509.Certificate]) -> x509.Certificate | None:
    for c in candidates:
        try:
            cert.verify_directly_issued_by(c)
            return c
        except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
            continue
    return None


def crl_signed_by(crl: x509.CertificateRevocationList, csca: x509.Certificate) -> bool:
    try:
        return crl.is_signature_valid(csca.public_key())
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return False


def _valid_at(cert: x509.Certificate, at: datetime) -> bool:
    return cert.not_valid_before_utc <= at <= cert.not_valid_after_utc


def _key_usage(cert: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None


def _name(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string()


# ------------------------------------------------------------------------------------ verify
def verify(sod: bytes, data_groups: Mapping[int, bytes], trust: CscaStore | None, at: datetime, *,
           require_crl: bool = False) -> PassiveAuthResult:
    """Run the steps of passive authentication on the SOD and the data groups read (number ->
    file bytes as read). ``at`` is the reading time (aware; naive is taken as UTC). ``trust`` None
    (a booth without a CSCA list) fails the chain step with that reason."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    run = _Run(sod, dict(data_groups), trust, at, require_crl)
    return run.result()


@dataclass
class _Run:
    sod_bytes: bytes
    data_groups: dict[int, bytes]
    trust: CscaStore | None
    at: datetime
    require_crl: bool
    sod: Sod | None = None
    dsc: x509.Certificate | None = None
    csca: x509.Certificate | None = None
    warnings: list[str] = field(default_factory=list)

    def result(self) -> PassiveAuthResult:
        checks = ((Step.SOD_PARSES, self._parse), (Step.DSC_FOUND, self._dsc_found),
                  (Step.DSC_CHAINS_TO_CSCA, self._chain), (Step.NOT_REVOKED, self._revocation),
                  (Step.SIGNATURE, self._signature), (Step.MESSAGE_DIGEST, self._digest),
                  (Step.DATA_GROUP_HASHES, self._data_groups))
        steps: list[StepResult] = []
        failed = False
        for step, check in checks:
            if failed:
                steps.append(StepResult(step, Status.NOT_RUN, "an earlier step failed"))
                continue
            try:
                steps.append(StepResult(step, Status.PASSED, check()))
            except StepFailed as exc:
                failed = True
                steps.append(StepResult(step, Status.FAILED, str(exc)))
            except RevocationNotChecked as exc:
                self.warnings.append(str(exc))
                steps.append(StepResult(step, Status.NOT_RUN, str(exc)))
            except Exception as exc:  # noqa: BLE001 - hostile input fails closed, never crashes the booth
                failed = True
                steps.append(StepResult(step, Status.FAILED, f"the chip's data could not be checked "
                                                             f"({type(exc).__name__}: {exc})"))
        return PassiveAuthResult(tuple(steps), _name(self.dsc) if self.dsc else None,
                                 _name(self.csca) if self.csca else None,
                                 self.sod.hash_algorithm if self.sod else None, tuple(self.warnings))

    def _parse(self) -> str:
        try:
            self.sod = parse_sod(self.sod_bytes)
        except SodError as exc:
            raise StepFailed(str(exc)) from None
        listed = ", ".join(f"DG{n}" for n in sorted(self.sod.hashes))
        return f"LDS security object with {self.sod.hash_algorithm.upper()} hashes of {listed}"

    def _dsc_found(self) -> str:
        if not self.sod.signed.certificates:
            raise StepFailed("the SOD carries no certificate, so the Document Signer cannot be identified")
        self.dsc = cms.signer_certificate(self.sod.signed)
        if self.dsc is None:
            raise StepFailed("none of the SOD's certificates is the one its signer info names")
        return f"Document Signer {_name(self.dsc)}, serial {self.dsc.serial_number:X}"

    def _chain(self) -> str:
        dsc = self.dsc
        if self.trust is None or not self.trust.cscas:
            raise StepFailed("this booth has no CSCA list installed, so no Document Signer can be trusted "
                             "(apply a list bundle with a csca section)")
        named = self.trust.issuers_named(dsc.issuer)
        if not named:
            raise StepFailed(f"no trusted CSCA is named {dsc.issuer.rfc4514_string()}: "
                             "the Document Signer was issued by a CSCA this booth does not trust")
        csca = _issued_by(dsc, named)
        if csca is None:
            raise StepFailed(f"the Document Signer certificate's signature does not verify with the trusted CSCA "
                             f"{dsc.issuer.rfc4514_string()}: it was issued by another key of that name")
        self.csca = csca
        for what, cert in (("Document Signer", dsc), ("CSCA", csca)):
            if self.at < cert.not_valid_before_utc:
                raise StepFailed(f"the {what} certificate is not valid before {cert.not_valid_before_utc.date()}")
            if self.at > cert.not_valid_after_utc:
                raise StepFailed(f"the {what} certificate expired on {cert.not_valid_after_utc.date()}")
        ku = _key_usage(dsc)
        if ku is not None and not ku.digital_signature:
            raise StepFailed("the Document Signer certificate's key usage does not allow digital signatures")
        ku = _key_usage(csca)
        if ku is not None and not ku.key_cert_sign:
            raise StepFailed("the CSCA certificate's key usage does not allow signing certificates")
        try:
            if not csca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
                raise StepFailed("the CSCA certificate is not a CA certificate (basic constraints)")
        except x509.ExtensionNotFound:
            pass
        return f"issued by CSCA {_name(csca)}; both certificates valid on {self.at.date()}"

    def _revocation(self) -> str:
        csca, dsc = self.csca, self.dsc
        crls = self.trust.crls_named(csca.subject)
        signed = [c for c in crls if crl_signed_by(c, csca)]
        current = [c for c in signed if c.last_update_utc <= self.at and (c.next_update_utc is None or self.at <= c.next_update_utc)]
        if not current:
            if len(signed) < len(crls):
                why = f"the CRL naming CSCA {_name(csca)} as its issuer is not signed by that CSCA and is not used"
            elif signed:
                latest = max(c.next_update_utc or c.last_update_utc for c in signed)
                why = f"the latest CRL of CSCA {_name(csca)} was due for renewal on {latest.date()}"
            else:
                why = f"this booth holds no CRL of CSCA {_name(csca)}"
            why += ": revocation of the Document Signer and the CSCA was not checked"
            if self.require_crl:
                raise StepFailed(why)
            raise RevocationNotChecked(why)
        for crl in current:
            for what, cert in (("Document Signer", dsc), ("CSCA", csca)):
                entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
                if entry is not None and cert.issuer == crl.issuer:
                    raise StepFailed(f"the {what} certificate (serial {cert.serial_number:X}) was revoked on "
                                     f"{entry.revocation_date_utc.date()} (CRL of {crl.last_update_utc.date()})")
        return f"not on the current CRL of CSCA {_name(csca)} (issued {max(c.last_update_utc for c in current).date()})"

    def _signature(self) -> str:
        try:
            cms.verify_signature(self.sod.signed, self.dsc)
        except cms.CmsError as exc:
            raise StepFailed(str(exc)) from None
        return f"{self.sod.signed.signer_info['signature_algorithm']['algorithm'].native} signature verifies"

    def _digest(self) -> str:
        try:
            cms.check_message_digest(self.sod.signed)
        except cms.CmsError as exc:
            raise StepFailed(str(exc)) from None
        return f"messageDigest is the {cms.digest_name(self.sod.signed).upper()} of the LDS security object"

    def _data_groups(self) -> str:
        if not self.data_groups:
            raise StepFailed("no data group was read, so nothing was checked against the SOD")
        for number in sorted(self.data_groups):
            listed = self.sod.hashes.get(number)
            if listed is None:
                raise StepFailed(f"DG{number} was read but the SOD lists no hash for it")
            if hashlib.new(self.sod.hash_algorithm, self.data_groups[number]).digest() != listed:
                raise StepFailed(f"DG{number} changed: its {self.sod.hash_algorithm.upper()} differs from the hash the SOD lists")
        return "hashes equal for " + ", ".join(f"DG{n}" for n in sorted(self.data_groups))
