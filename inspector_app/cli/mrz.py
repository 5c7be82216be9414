"""`inspector-app mrz ...`: parse, build and check machine-readable zones (domain.mrz).

Handlers are thin: parse arguments, call the domain API, print. Domain errors the operator can
act on become CliError (exit 2).
"""
from __future__ import annotations

import sys

from inspector_app.cli.support import CliError, add_command, date_arg, emit


def _mrz_parse(args) -> int:
    from inspector_app.domain.mrz import NotAnMrz, parse_mrz

    text = "\n".join(args.lines) if args.lines else sys.stdin.read()
    today = date_arg(args.today) if args.today else None
    try:
        result = parse_mrz(text, today=today)
    except NotAnMrz as exc:
        raise CliError(str(exc)) from None
    d = result.to_dict()
    human = (
        f"{d['format']} {d['document_code']} {d['issuing_state']} {d['document_number']}: "
        f"{d['surname']}, {d['given_names']} ({d['sex']}, born {d['birth_date']}, "
        f"{d['nationality']} {d['nationality_kind']}), expires {d['expiry_date']}; "
        f"{'VALID' if d['valid'] else 'INVALID: ' + '; '.join(d['problems'])}"
        + (f"; {len(d['corrections'])} correction(s) offered" if d["corrections"] else "")
    )
    emit(d, args.json, human)
    return 0


def _mrz_feedback(args) -> int:
    from inspector_app.domain.mrz import live_feedback

    text = "\n".join(args.lines) if args.lines else sys.stdin.read()
    emit([x.to_dict() for x in live_feedback(text)], args.json)
    return 0


def _mrz_build(args) -> int:
    from inspector_app.domain.mrz_build import BUILDERS, MrzBuildError

    fields = dict(issuing_state=args.issuing_state, surname=args.surname, given_names=args.given_names,
                  document_number=args.number, nationality=args.nationality or args.issuing_state,
                  birth_date=date_arg(args.birth_date), sex=args.sex, expiry_date=date_arg(args.expiry_date),
                  optional_data=args.optional_data)
    if args.document_code:
        fields["document_code"] = args.document_code
    try:
        text = BUILDERS[args.format](**fields)
    except MrzBuildError as exc:
        raise CliError(str(exc)) from None
    emit({"format": args.format, "mrz": text, "lines": text.split("\n")}, args.json, text)
    return 0


def register(subparsers) -> None:
    """Add the `mrz` command group."""
    mrz = subparsers.add_parser("mrz", help="machine-readable zones (ICAO 9303)",
                                description="Parse and check machine-readable zones (ICAO 9303).")
    mrz_sub = mrz.add_subparsers(dest="mrz_command", metavar="SUBCOMMAND", required=True)
    p = add_command(mrz_sub, "parse", _mrz_parse,
                    "parse and validate an MRZ (TD1, TD2, TD3, MRV-A, MRV-B); exit 2 if it is not one")
    p.add_argument("--today", help="examination date YYYY-MM-DD (default: today)")
    p.add_argument("lines", nargs="*", metavar="LINE", help="MRZ lines (default: read standard input)")
    p = add_command(mrz_sub, "build", _mrz_build,
                    "write a valid MRZ from fields (demo data, simulators, tests)")
    p.add_argument("--format", choices=["TD1", "TD2", "TD3", "MRVA", "MRVB"], default="TD3")
    p.add_argument("--document-code", help="P, ID, V ... (default per format)")
    p.add_argument("--issuing-state", required=True)
    p.add_argument("--nationality", help="default: the issuing state")
    p.add_argument("--surname", required=True)
    p.add_argument("--given-names", default="")
    p.add_argument("--number", required=True, help="document number (TD1/TD2: may exceed 9 characters)")
    p.add_argument("--birth-date", required=True, help="YYYY-MM-DD")
    p.add_argument("--sex", default="X", choices=["M", "F", "X"])
    p.add_argument("--expiry-date", required=True, help="YYYY-MM-DD")
    p.add_argument("--optional-data", default="")
    p = add_command(mrz_sub, "feedback", _mrz_feedback,
                    "check-digit feedback for a partly typed MRZ (what the typed-entry screen shows)")
    p.add_argument("lines", nargs="*", metavar="LINE", help="typed lines (default: standard input)")
