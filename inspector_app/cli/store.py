"""`inspector-app` subcommands of the store package (handlers import heavy modules lazily).

- ``audit verify [--against-hub | --anchor-seq N --anchor-hash H] [--json]`` (also ``store audit
  verify``): walk the audit hash chain and the rows it vouches for; with an anchor (the head the
  hub last received, fetched with ``--against-hub``) also check the chain still holds that entry.
  Exit 0 when whole, 1 when broken.
- ``store init [--new] [--json]``: create the booth database (and its key) if missing; print a
  summary. ``--new`` starts a new database where one existed and is gone (deliberately).
- ``store info [--json]``: summary of an existing booth database.
"""
from __future__ import annotations

from inspector_app.cli.support import CliError, add_command, emit, home_of


def _open(args, create: bool, fresh: bool = False):
    from inspector_app.store import StoreError, open_store

    home = home_of(args)
    try:
        return open_store(home, create=create, fresh=fresh)
    except StoreError as exc:  # wrong key, missing key/database, insecure key file, ...
        raise CliError(str(exc)) from None


def _anchor_of(args) -> dict | None:
    seq, digest = getattr(args, "anchor_seq", None), getattr(args, "anchor_hash", None)
    if seq is None and digest is None:
        return None
    if seq is None or digest is None:
        raise CliError("--anchor-seq and --anchor-hash go together")
    if seq < 0 or len(digest) != 64 or any(c not in "0123456789abcdefABCDEF" for c in digest):
        raise CliError("the anchor is a sequence number >= 0 and a 64-character hex SHA-256")
    return {"seq": seq, "hash": digest.lower()}


def _hub_anchor(home, store) -> dict:
    """The audit head the hub holds for this booth, over the booth's pinned TLS and credential."""
    from inspector_app.sync.client import SyncClient, SyncError
    from inspector_app.sync.config import SyncConfigError

    try:
        client = SyncClient.from_home(home, store)
        try:
            head = client.hub_audit_head()
        finally:
            client.close()
    except (SyncError, SyncConfigError) as exc:
        raise CliError(f"cannot ask the hub for this booth's audit anchor: {exc}") from exc
    if head is None:
        raise CliError("the hub holds no audit anchor for this booth yet (nothing pushed since it was registered)")
    return {"seq": int(head["seq"]), "hash": str(head["hash"])}


def _audit_verify(args) -> int:
    anchor = _anchor_of(args)
    if getattr(args, "against_hub", False) and anchor is not None:
        raise CliError("--against-hub and --anchor-seq/--anchor-hash exclude each other")
    store = _open(args, create=False)
    try:
        if getattr(args, "against_hub", False):
            anchor = _hub_anchor(home_of(args), store)
        report = store.verify_audit(anchor=anchor)
    finally:
        store.close()
    broken = report["first_broken"]
    problems = report["records"]["problems"]
    if broken:
        text = f"audit chain BROKEN at position {broken['position']} ({broken['kind']}): {broken['detail']}"
    else:
        text = f"audit chain whole: {report['entries']} entries, head {report['head_hash'][:16]}…"
        if anchor is not None:
            text += f"; holds the anchor seq {anchor['seq']}"
    if problems:
        first = problems[0]
        text += (f"\nrecords BROKEN: {len(problems)} row(s) disagree with the audit log, first: "
                 f"{first['table']} {first['id']} {first['problem']}")
    else:
        text += f"\nrecords agree with the audit log: {report['records']['checked']} checked"
    emit(report, args.json, text)
    return 0 if report["ok"] else 1


def _store_info(args, create: bool) -> int:
    store = _open(args, create=create, fresh=bool(getattr(args, "new", False)))
    try:
        info = store.info()
        info["integrity"] = store.integrity_check()
    finally:
        store.close()
    emit(info, args.json)
    return 0 if info["integrity"] == ["ok"] else 1


def _add_verify(subparsers) -> None:
    p = add_command(subparsers, "verify", _audit_verify,
                    help="check the audit hash chain and the rows it vouches for; report the first broken "
                         "link (exit 1) or that it is whole")
    p.add_argument("--anchor-seq", type=int, metavar="N",
                   help="sequence number of an audit head received earlier (e.g. by the hub)")
    p.add_argument("--anchor-hash", metavar="H", help="the hash of that head (64 hex characters)")
    p.add_argument("--against-hub", action="store_true",
                   help="use the audit head the hub received with this booth's last push as the anchor")


def register(subparsers) -> None:
    """Add this group's subcommands (built with support.add_command)."""
    audit = subparsers.add_parser("audit", help="audit log of the booth database")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    _add_verify(audit_sub)

    store = subparsers.add_parser("store", help="the booth's encrypted local database")
    store_sub = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    init = add_command(store_sub, "init", lambda a: _store_info(a, create=True),
                       help="create the booth database and its key if missing, then summarise it")
    init.add_argument("--new", action="store_true",
                      help="start a new, empty database although one existed here and is gone "
                           "(its unsent records and audit log are lost)")
    add_command(store_sub, "info", lambda a: _store_info(a, create=False),
                help="summarise the booth database: schema version, row counts, outbox, integrity")
    store_audit = store_sub.add_parser("audit", help="audit log of the booth database")
    _add_verify(store_audit.add_subparsers(dest="store_audit_command", metavar="ACTION", required=True))
