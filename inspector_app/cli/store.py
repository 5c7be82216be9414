"""`inspector-app` subcommands of the store package (handlers import heavy modules lazily).

- ``audit verify [--json]``: walk the audit hash chain; exit 0 when whole, 1 when broken.
- ``store init [--json]``: create the booth database (and its key) if missing; print a summary.
- ``store info [--json]``: summary of an existing booth database.
"""
from __future__ import annotations

from inspector_app.cli.support import CliError, add_command, emit, home_of


def _open(args, create: bool):
    from inspector_app.store import StoreError, open_store

    home = home_of(args)
    try:
        return open_store(home, create=create)
    except StoreError as exc:  # wrong key, missing key/database, insecure key file, ...
        raise CliError(str(exc)) from None


def _audit_verify(args) -> int:
    store = _open(args, create=False)
    try:
        report = store.verify_audit()
    finally:
        store.close()
    broken = report["first_broken"]
    problems = report["records"]["problems"]
    if broken:
        text = f"audit chain BROKEN at position {broken['position']} ({broken['kind']}): {broken['detail']}"
    else:
        text = f"audit chain whole: {report['entries']} entries, head {report['head_hash'][:16]}…"
    if problems:
        first = problems[0]
        text += (f"\nrecords BROKEN: {len(problems)} row(s) disagree with the audit log, first: "
                 f"{first['table']} {first['id']} {first['problem']}")
    else:
        text += f"\nrecords agree with the audit log: {report['records']['checked']} checked"
    emit(report, args.json, text)
    return 0 if report["ok"] else 1


def _store_info(args, create: bool) -> int:
    store = _open(args, create=create)
    try:
        info = store.info()
        info["integrity"] = store.integrity_check()
    finally:
        store.close()
    emit(info, args.json)
    return 0 if info["integrity"] == ["ok"] else 1


def register(subparsers) -> None:
    """Add this group's subcommands (built with support.add_command)."""
    audit = subparsers.add_parser("audit", help="audit log of the booth database")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    add_command(audit_sub, "verify", _audit_verify,
                help="check the audit hash chain; report the first broken link (exit 1) or that it is whole")

    store = subparsers.add_parser("store", help="the booth's encrypted local database")
    store_sub = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    add_command(store_sub, "init", lambda a: _store_info(a, create=True),
                help="create the booth database and its key if missing, then summarise it")
    add_command(store_sub, "info", lambda a: _store_info(a, create=False),
                help="summarise the booth database: schema version, row counts, outbox, integrity")
