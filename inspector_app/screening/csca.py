"""The CSCA trust of the chip check, as the signed list bundles deliver it (the ``csca`` section,
docs/BUNDLES.md): CSCA master lists (ICAO 9303-12 section 9) and the CSCAs' CRLs.

Passive authentication trusts a Document Signer only through a CSCA, so the booth needs the CSCAs
of every issuing state and their current CRLs; they come with the other lists, verified twice:
the bundle's Ed25519 signature (the publisher vouches for the set) and each master list's own CMS
signature by its master list signer, whom a CSCA of that list issued. Each CRL must be signed by
one of the listed CSCAs. The section is a snapshot in full bundles and deltas alike (a master list
is a whole list by nature, and a newer CRL replaces the old one), so it replaces the booth's store.

Master lists and the ICAO PKD may not be republished: the section is made from files the operator
downloads (``bundle create --master-list FILE --crl FILE``), never from anything in the repository.
"""
from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from pathlib import Path

from cryptography import x509

from inspector_app.chip import passive_auth
from inspector_app.chip.passive_auth import CscaStore, MasterListError
from inspector_app.screening import liststate

PART = "csca"
MASTER_LIST = "masterlist-{:03d}.der"
CRL = "crl-{:03d}.der"


class CscaSectionError(ValueError):
    """A ``csca`` section the booth refuses; the message names the master list or CRL."""


def build_section(master_lists: list[bytes], crls: list[bytes], at: datetime | None = None) -> bytes:
    """The section's bytes, after the checks every booth will make (so a bad file is refused when
    the bundle is made, not at a thousand booths)."""
    check(master_lists, crls, at)
    return json.dumps({"master_lists": [base64.b64encode(m).decode() for m in master_lists],
                       "crls": [base64.b64encode(c).decode() for c in crls]}, sort_keys=True).encode()


def read_input(master_list_paths, crl_paths, at: datetime | None = None) -> bytes:
    return build_section([Path(p).read_bytes() for p in master_list_paths or []],
                         [Path(p).read_bytes() for p in crl_paths or []], at)


def parse_section(data: bytes) -> tuple[list[bytes], list[bytes]]:
    try:
        obj = json.loads(data.decode("utf-8"))
        return ([base64.b64decode(m, validate=True) for m in obj["master_lists"]],
                [base64.b64decode(c, validate=True) for c in obj["crls"]])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error) as exc:
        raise CscaSectionError(f"not a JSON object of base64 master lists and CRLs ({exc})") from None


def check(master_lists: list[bytes], crls: list[bytes], at: datetime | None = None) -> CscaStore:
    """Every master list verified (signer valid at ``at`` when given), every CRL signed by a CSCA
    of them. Returns the store they make."""
    if not master_lists:
        raise CscaSectionError("a csca section needs at least one master list")
    cscas: list[x509.Certificate] = []
    for n, ml in enumerate(master_lists, start=1):
        try:
            cscas += passive_auth.read_master_list(ml, at=at)
        except MasterListError as exc:
            raise CscaSectionError(f"master list {n}: {exc}") from None
    store = CscaStore(tuple(cscas))
    parsed = []
    for n, der in enumerate(crls, start=1):
        try:
            crl = x509.load_der_x509_crl(der)
        except ValueError as exc:
            raise CscaSectionError(f"CRL {n} cannot be read: {exc}") from None
        issuers = store.issuers_named(crl.issuer)
        if not any(passive_auth.crl_signed_by(crl, c) for c in issuers):
            raise CscaSectionError(f"CRL {n} (issuer {crl.issuer.rfc4514_string()}) is not signed by any CSCA "
                                   "of the master lists")
        parsed.append(crl)
    return CscaStore(store.cscas, tuple(parsed))


def install(out: Path, data: bytes, at: datetime | None = None) -> dict[str, int]:
    """Write a section's master lists and CRLs into ``out`` (the version's ``csca`` directory);
    returns the counts the manifest records."""
    master_lists, crls = parse_section(data)
    store = check(master_lists, crls, at)
    out.mkdir(parents=True, exist_ok=True)
    for n, ml in enumerate(master_lists, start=1):
        (out / MASTER_LIST.format(n)).write_bytes(ml)
    for n, crl in enumerate(crls, start=1):
        (out / CRL.format(n)).write_bytes(crl)
    return {"csca": len(store.cscas), "csca_crls": len(store.crls)}


def load(home: Path) -> CscaStore | None:
    """The CSCA store of the lists in force; None when the booth has none. A store whose files
    changed since install is refused (:class:`CscaSectionError`), as every other list is."""
    state = liststate.current(Path(home))
    if state is None or not (state.directory / PART).is_dir():
        return None
    if problem := liststate.changed_part(state, PART):
        raise CscaSectionError(f"the installed CSCA list is refused: {problem}; apply the lists again")
    directory = state.directory / PART
    master_lists = [p.read_bytes() for p in sorted(directory.glob("masterlist-*.der"))]
    crls = [p.read_bytes() for p in sorted(directory.glob("crl-*.der"))]
    return check(master_lists, crls)
