"""`inspector-app chip ...`: read a passport's chip over PC/SC (thin layer over inspector_app.chip).

- ``chip read [--json] [--reader NAME] (--mrz LINES | --document-number N --birth YYMMDD --expiry YYMMDD)
  [--can CAN] [--face IMG] [--csca PATH ...] [--crl PATH ...] [--wait S]``: access control (PACE or
  BAC), the data groups (sizes, SHA-256), passive authentication step by step, the clone check
  (Chip or Active Authentication), with ``--mrz`` DG1 against the printed MRZ, and with ``--face``
  the chip photo compared 1:1 with that image by the booth's own face matcher, on the project's
  similarity scale (0-100, a match from 50). Without ``--csca`` the CSCA lists of the booth's
  applied bundles (``--home``) are trusted.

Exit codes: 0 read and every check passed; 1 read but a check failed (DG1, passive
authentication, the clone check, or the face); 3 no reader (or no pcscd); 4 no chip on the reader; 5 access denied
(the MRZ or CAN does not open this chip); 6 the read failed (chip removed, too slow, not an eMRTD).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector_app.cli.support import CliError, add_command, emit, home_of

ACCESS_WORDS = {"bac": "BAC", "pace_mrz": "PACE with the MRZ", "pace_can": "PACE with the CAN"}
EXIT_CHECK_FAILED, EXIT_NO_READER, EXIT_NO_CARD, EXIT_ACCESS_DENIED, EXIT_READ_FAILED = 1, 3, 4, 5, 6


def register(subparsers) -> None:
    """Add `chip` with its subcommands (`chip read`)."""
    parser = subparsers.add_parser("chip", help="the passport's chip: read it over PC/SC and prove it genuine",
                                   description="The eMRTD chip (ICAO 9303): read, authenticate, compare the photo.")
    sub = parser.add_subparsers(dest="chip_command", metavar="ACTION", required=True)
    p = add_command(sub, "read", _read, help="read the chip on a PC/SC reader and check it",
                    epilog="exit codes: 0 genuine, 1 a check failed, 3 no reader, 4 no chip, 5 access denied, "
                           "6 read failed", formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--reader", help="PC/SC reader name (default: the first reader with a chip)")
    p.add_argument("--mrz", help="the printed MRZ, its lines separated by newlines or spaces")
    p.add_argument("--document-number", help="document number (with --birth and --expiry instead of --mrz)")
    p.add_argument("--birth", help="date of birth as in the MRZ, YYMMDD")
    p.add_argument("--expiry", help="date of expiry as in the MRZ, YYMMDD")
    p.add_argument("--can", help="the card access number printed on the data page (PACE with the CAN)")
    p.add_argument("--face", type=Path, help="a live face image to compare with the chip photo (1:1)")
    p.add_argument("--csca", type=Path, action="append", default=[],
                   help="CSCA master list (CMS) or CSCA certificate (DER/PEM) to trust; repeatable "
                        "(default: the CSCA lists of the booth's signed bundles)")
    p.add_argument("--crl", type=Path, action="append", default=[], help="a CSCA's CRL (DER); repeatable")
    p.add_argument("--wait", type=float, default=10.0, help="seconds to wait for a chip on the reader")


def _mrz_information(args: argparse.Namespace) -> str:
    from inspector_app.chip import keys, personalise

    if args.mrz:
        try:
            return personalise.mrz_information(args.mrz.split())
        except (ValueError, KeyError, IndexError) as exc:
            raise CliError(f"--mrz is not a printed MRZ of two or three lines: {exc}") from None
    if args.document_number and args.birth and args.expiry:
        try:
            return keys.mrz_information(args.document_number, args.birth, args.expiry)
        except ValueError as exc:
            raise CliError(f"the document number or dates are not MRZ characters: {exc}") from None
    if args.can:
        return ""  # PACE with the CAN needs no MRZ; a BAC-only chip will refuse the read
    raise CliError("give the printed MRZ (--mrz), or --document-number with --birth and --expiry, or --can")


def _trust(args: argparse.Namespace):
    from inspector_app.chip.passive_auth import CscaStore, MasterListError
    from inspector_app.screening import csca

    if not args.csca:
        try:
            return csca.load(home_of(args))
        except csca.CscaSectionError as exc:
            raise CliError(str(exc)) from exc
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    master_lists, certificates = [], []
    for path in args.csca:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CliError(f"cannot read --csca {path}: {exc}") from None
        if data.lstrip().startswith(b"-----BEGIN CERTIFICATE"):
            certificates.append(x509.load_pem_x509_certificate(data).public_bytes(serialization.Encoding.DER))
        elif _is_certificate(data):
            certificates.append(data)
        else:
            master_lists.append(data)
    try:
        crls = [p.read_bytes() for p in args.crl]
        store = CscaStore.from_master_lists(master_lists, crls)
        extra = CscaStore.from_der(certificates)
    except OSError as exc:
        raise CliError(f"cannot read a --crl: {exc}") from None
    except MasterListError as exc:
        raise CliError(f"--csca: {exc}") from None
    return CscaStore(store.cscas + extra.cscas, store.crls)


def _is_certificate(data: bytes) -> bool:
    from cryptography import x509

    try:
        x509.load_der_x509_certificate(data)
    except ValueError:
        return False
    return True


def _face_score(chip_image: bytes | None, live: Path) -> dict:
    """The chip photo against the live image with the booth's matcher, on the project's one
    similarity scale (0-100, a match from ``similarity.HIT_AT``); the native distance for audit."""
    import io

    import numpy as np
    from PIL import Image

    from inspector_app.biometrics import face, similarity

    unmatched = {"score": None, "threshold": similarity.HIT_AT, "match": False}
    if chip_image is None:
        return {**unmatched, "error": "the chip holds no photo (DG2)"}
    try:
        with Image.open(io.BytesIO(chip_image)) as im:
            photo = np.asarray(im.convert("RGB"), dtype=np.uint8).copy()
        chip_template = face.encode(photo)
    except OSError as exc:
        return {**unmatched, "error": f"the chip photo cannot be decoded: {exc}"}
    except face.FaceError as exc:
        return {**unmatched, "error": f"chip photo: {exc}"}
    try:
        live_template = face.encode_file(live)
    except face.FaceError as exc:
        raise CliError(f"--face {live}: {exc}") from exc
    d = face.distance(chip_template, live_template)
    score = similarity.face_similarity(d)
    return {"score": score, "threshold": similarity.HIT_AT, "match": score >= similarity.HIT_AT,
            "native": {"distance": round(d, 6), "threshold": face.THRESHOLD}, "live_image": str(live)}


def _read(args: argparse.Namespace) -> int:
    from inspector_app.chip.reading import NotReadState, StepState
    from inspector_app.chip.session import PcscChipReader

    mrz_information = _mrz_information(args)
    trust = _trust(args)
    if args.face is not None and not args.face.is_file():
        raise CliError(f"--face {args.face}: no such file")
    reader = PcscChipReader(args.reader, trust=trust, wait_s=args.wait)
    result = reader.read_detailed(mrz_information, args.can)
    out = result.to_dict()
    face = None
    if args.face is not None and result.not_read is None:
        face = _face_score(result.faces[0].image_bytes if result.faces else None, args.face)
    out["face"] = face
    exit_codes = {NotReadState.no_reader: EXIT_NO_READER, NotReadState.no_chip: EXIT_NO_CARD,
                  NotReadState.access_denied: EXIT_ACCESS_DENIED, NotReadState.read_failed: EXIT_READ_FAILED}
    if result.not_read is not None:
        if args.json:
            emit(out, True)
        raise CliError(f"{result.not_read.value.replace('_', ' ')}: {result.reason}", exit_codes[result.not_read])
    problems = []
    if args.mrz:  # DG1 against the printed MRZ, as the examination's chip.dg1_mismatch rule does
        from inspector_app.domain.chip import dg1_differences

        chip_lines = result.read_result().dg1_lines
        out["dg1_differs"] = dg1_differences(args.mrz.split(), chip_lines)
        if out["dg1_differs"]:
            problems.append(f"the chip's MRZ (DG1) differs from the printed one: {', '.join(out['dg1_differs'])}")
    if result.passive_auth is None:
        problems.append("passive authentication not run: the chip gave no EF.SOD")
    elif not result.passive_auth.passed:
        problems.append(f"passive authentication failed — {result.passive_auth.reason}")
    if result.clone_check.state is StepState.failed:
        problems.append(f"clone check failed — {result.clone_check.reason}")
    if face is not None and not face.get("match"):
        problems.append("the chip photo does not match --face" + (f" ({face['error']})" if "error" in face else ""))
    out["problems"] = problems
    emit(out, args.json, _text(result, face, problems))
    if problems:
        print(f"inspector-app: {'; '.join(problems)}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    return 0


def _text(result, face: dict | None, problems: list[str]) -> str:
    lines = [f"reader: {result.reader}", f"access control: {ACCESS_WORDS[result.access.value]} ({result.access_detail})"]
    for f in result.to_dict()["files"]:
        lines.append(f"  {f['name']:<14} {f['size']:>7} bytes  sha256 {f['sha256'][:16]}…")
    if result.skipped:
        lines.append(f"  not readable without terminal authentication: DG{', DG'.join(map(str, result.skipped))}")
    if result.passive_auth is not None:
        lines.append(f"passive authentication: {'passed' if result.passive_auth.passed else 'FAILED'}")
        lines += [f"  [{s.status.value}] {s.step.value}: {s.reason}" for s in result.passive_auth.steps]
    c = result.clone_check
    lines.append(f"clone check ({c.method.value.replace('_', ' ')}): {c.state.value.replace('_', ' ')} — {c.reason}")
    if face is not None and face["score"] is not None:
        lines.append(f"face: similarity {face['score']} of 100, a match from {face['threshold']}: "
                     f"{'MATCH' if face['match'] else 'no match'}")
    lines.append("GENUINE" if not problems else "NOT VERIFIED: " + "; ".join(problems))
    return "\n".join(lines)
