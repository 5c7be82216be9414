"""`inspector-app exam`: one examination without a window (thin: the work is booth.headless)."""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from inspector_app.cli.support import CliError, add_command, emit, home_of

EXIT_REFUSED = 3


def _pairs(values: list[str] | None, what: str) -> dict[str, str]:
    out = {}
    for item in values or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise CliError(f"{what} must look like KEY=VALUE, not {item!r}")
        out[key.strip()] = value
    return out


def _password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    env = os.environ.get("INSPECTOR_PASSWORD")
    if env is not None:
        return env
    raise CliError("the examining user must sign in: give the password on standard input with "
                   "--password-stdin (or in $INSPECTOR_PASSWORD)")


def _exam(args) -> int:
    from inspector_app.booth.context import BoothContext
    from inspector_app.booth.examination import ExaminationError
    from inspector_app.booth.headless import ExamRequest, run_exam, sign_in
    from inspector_app.domain import rules

    if args.list_rules:
        emit(rules.catalogue(), args.json, text="\n".join(
            f"{r['rule']:<34} {'overridable ' if r['overridable'] else ''}{r['kind']}: {r['message']}"
            for r in rules.catalogue()))
        return 0
    if not args.mrz or not args.decision or not args.user:
        raise CliError("an examination needs --user, --mrz (one per line) and --decision")
    try:
        today = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise CliError(f"--date must be YYYY-MM-DD, not {args.date!r}") from None
    details = _pairs(args.detail, "--detail")
    decision = {"type": args.decision, "status_code": args.status, "period": args.period,
                "referral_reasons": list(args.reason or []), "details": details or None}
    request = ExamRequest(
        mrz_lines=list(args.mrz), decision=decision, face=Path(args.face) if args.face else None,
        fingers={k: Path(v) for k, v in _pairs(args.finger, "--finger").items()},
        exceptions=_pairs(args.finger_exception, "--finger-exception"), exemption=args.exemption,
        exemption_evidence=args.exemption_evidence or "", overrides=_pairs(args.override, "--override"),
        direction=args.direction)
    ctx = BoothContext(home_of(args), today=today)
    try:
        user = sign_in(ctx, args.user, _password(args))
        out = run_exam(ctx, user, request)
    except ExaminationError as exc:
        raise CliError(str(exc)) from None
    finally:
        ctx.close()
    stay = out.get("stay") or {}
    lines = ([f"saved: {out['record_id']}"] if out["saved"] else ["refused:"]) + \
        ([f"  stay: landed {stay.get('landing_date') or '?'}, last day {stay.get('last_day') or '?'}, "
          f"{stay.get('overstay_days')} day(s) over ({stay.get('source')})"] if stay else []) + \
        [f"  {f['rule']}: {f['message']}" for f in out["refused"]] + \
        [f"  flag {f['rule']}: {f['message']}" for f in out["flags"]]
    emit(out, args.json, text="\n".join(lines))
    return 0 if out["saved"] else EXIT_REFUSED


def register(subparsers) -> None:
    p = add_command(subparsers, "exam", _exam,
                    "examine one traveller without the window: read the MRZ, screen, add captures from files, "
                    "decide and save (exit 0 saved, 3 refused by a rule, 2 bad input)")
    p.add_argument("--list-rules", action="store_true", help="list every rule code, its message and whether "
                   "an inspector may override it, then exit")
    p.add_argument("--user", help="the examining inspector (signs in with the password)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input "
                   "(else $INSPECTOR_PASSWORD)")
    p.add_argument("--mrz", action="append", metavar="LINE", help="one MRZ line; repeat for each line")
    p.add_argument("--face", metavar="IMG", help="the facial photograph (goes through the camera's quality gate)")
    p.add_argument("--finger", action="append", metavar="POSITION=IMG",
                   help='a fingerprint image, POSITION as the SBI names it ("Left IndexFinger")')
    p.add_argument("--finger-exception", action="append", metavar="POSITION=REASON",
                   help='a finger (or "Face") that cannot be captured, with the reason')
    p.add_argument("--exemption", metavar="CODE", help="biometric exemption ground (under_16, diplomat, official, "
                   "special_permanent_resident, invited_by_head_of_organ, designated_by_ordinance)")
    p.add_argument("--exemption-evidence", metavar="TEXT", help="the evidence the exemption ground needs")
    p.add_argument("--direction", choices=("arrival", "departure"),
                   help="examine an arrival or a departure (default: the booth's setting booth.direction)")
    p.add_argument("--decision", metavar="TYPE", help="landing_permission, referral, special_landing_permission, "
                   "departure_confirmation, japanese_national_departure, ...")
    p.add_argument("--status", metavar="S", help="status of residence (code or name)")
    p.add_argument("--period", metavar="P", help="period of stay: 90d, 3m, 1y, 4y3m, 72h, unlimited")
    p.add_argument("--reason", action="append", metavar="TEXT", help="a referral reason; repeat for more")
    p.add_argument("--detail", action="append", metavar="KEY=VALUE",
                   help="a detail the decision records (residence_card=issued_at_port, residence_card_number=..., "
                   "coe_number=..., reentry_permit_kind=..., vessel=..., decision_reference=..., granted_by=...)")
    p.add_argument("--override", action="append", metavar="RULE=REASON",
                   help="override an overridable rule with the inspector's reason (goes to the supervisor)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the examination date (default: today)")
