"""`inspector-app rules ...`: the status-of-residence catalogue and period arithmetic."""
from __future__ import annotations

from inspector_app.cli.support import CliError, add_command, date_arg, emit


def _status(name: str):
    from inspector_app.domain import statuses

    try:
        return statuses.find(name)
    except KeyError as exc:
        raise CliError(exc.args[0]) from None


def _period(text: str):
    from inspector_app.domain.periods import Period, PeriodError

    try:
        return Period.parse(text)
    except PeriodError as exc:
        raise CliError(str(exc)) from None


def _check_period(args) -> int:
    from inspector_app.domain.statuses import check_period

    allowed, reason = check_period(_status(args.status), _period(args.period))
    emit({"allowed": allowed, "reason": reason}, args.json, f"{'ALLOWED' if allowed else 'NOT ALLOWED'}: {reason}")
    return 0


def _last_day(args) -> int:
    from inspector_app.domain.periods import PeriodError, last_day

    try:
        end = last_day(date_arg(args.landing_date), _period(args.period))
    except PeriodError as exc:
        raise CliError(str(exc)) from None
    value = end.isoformat() if end else None
    emit({"last_day": value}, args.json, value or "no last day (unlimited, or the period of the activities)")
    return 0


def _statuses(args) -> int:
    from inspector_app.domain.statuses import CATALOGUE

    rows = [s for s in CATALOGUE if s.grantable_at_landing or not args.grantable]
    text = "\n".join(
        f"{s.name_en} / {s.name_ja}: {s.describe_periods()}{'' if s.grantable_at_landing else '  [not at landing]'}"
        for s in rows)
    emit([s.to_dict() for s in rows], args.json, text)
    return 0


def register(subparsers) -> None:
    """Add the `rules` command group."""
    rules = subparsers.add_parser("rules", help="status of residence, periods of stay, last day of stay",
                                  description="Rules of the landing examination (ICRRA, ISA brochure appendix).")
    sub = rules.add_subparsers(dest="rules_command", metavar="SUBCOMMAND", required=True)
    p = add_command(sub, "check-period", _check_period,
                    "can this period of stay be granted at landing with this status? (exit 2: unknown status or "
                    "a period that cannot be read)")
    p.add_argument("--status", required=True, help='English name as the brochure table writes it, e.g. "Temporary Visitor"')
    p.add_argument("--period", required=True, help="90d, 3m, 1y, 4y3m, unlimited or activities")
    p = add_command(sub, "last-day", _last_day, "last day of stay (landing day is day 1; Civil Code Art. 143)")
    p.add_argument("--landing-date", required=True, help="YYYY-MM-DD")
    p.add_argument("--period", required=True, help="90d, 3m, 1y, 4y3m or unlimited")
    p = add_command(sub, "statuses", _statuses, "list the status-of-residence catalogue")
    p.add_argument("--grantable", action="store_true", help="only statuses that can be granted at landing")
