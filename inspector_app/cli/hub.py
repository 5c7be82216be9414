"""`inspector-app hub ...`: run the hub and do its operations (booths, users, bundles, imports)."""
from __future__ import annotations

import sys
from pathlib import Path

from inspector_app.cli.support import CliError, add_command, emit

DEFAULT_DB = "sqlite:///hub.db"


def _db(args):
    from inspector_app.hub.db import HubDb, HubDbError

    try:
        return HubDb(args.db)
    except HubDbError as exc:
        raise CliError(str(exc)) from exc


def _init(args) -> int:
    from inspector_app.hub.pki import TlsError, describe, init_tls

    if (args.server_cert is None) != (args.server_key is None):
        raise CliError("give --server-cert and --server-key together")
    try:
        files = init_tls(Path(args.dir), hosts=tuple(args.host or ("127.0.0.1", "localhost")),
                         ca_cert=args.ca_cert, ca_key=args.ca_key,
                         server_cert=args.server_cert, server_key=args.server_key)
        info = describe(files)
    except TlsError as exc:
        raise CliError(str(exc)) from exc
    emit(info, args.json, f"TLS files in {info['dir']}: server certificate for {', '.join(info['hosts'])} "
         f"until {info['not_after']}; booths trust {info['ca_file']} (sync.ca_file), "
         f"SHA-256 {info['ca_sha256']}")
    return 0


def _serve(args) -> int:
    from inspector_app.hub.pki import TlsError
    from inspector_app.hub.runner import InsecureHttpRefused, check_transport, serve

    if args.insecure_http and args.dir is not None:
        raise CliError("--insecure-http and --dir exclude each other")
    if not args.insecure_http and args.dir is None:
        raise CliError("pass --dir DIR (TLS files made by `inspector-app hub init --dir DIR`), "
                       "or --insecure-http with a loopback --host for local tests")
    try:  # refuse plain HTTP off loopback and missing TLS files before anything starts
        check_transport(args.dir, args.insecure_http, args.host)
    except (InsecureHttpRefused, TlsError) as exc:
        raise CliError(str(exc)) from exc
    _db(args).close()  # fail fast with a clear message on a bad URL, before uvicorn starts
    serve(args.db, host=args.host, port=args.port, log_level=args.log_level,
          tls_dir=args.dir, insecure_http=args.insecure_http)
    return 0


def _register_booth(args) -> int:
    from inspector_app.hub.credentials import CredentialError

    db = _db(args)
    try:
        token = db.register_booth(args.booth_id)
    except CredentialError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    emit({"booth_id": args.booth_id, "credential": token}, args.json,
         f"booth {args.booth_id} registered; give it this credential (shown once):\n{token}")
    return 0


def _add_user(args) -> int:
    from inspector_app.common.passwords import hash_password

    if not args.password_stdin:
        raise CliError("pass the password on standard input with --password-stdin")
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise CliError("empty password on standard input")
    db = _db(args)
    try:
        db.add_user(args.user, hash_password(password), args.role, args.display_name or "")
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    emit({"user": args.user, "roles": sorted(set(args.role))}, args.json,
         f"user {args.user} saved with roles {', '.join(sorted(set(args.role)))}")
    return 0


def _publish_bundle(args) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"no bundle file at {path}")
    db = _db(args)
    try:
        with open(path, "rb") as fh:
            info = db.put_bundle_file(args.version, fh)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    emit(info, args.json, f"bundle version {info['version']} published ({info['size']} bytes)")
    return 0


def _import(args) -> int:
    from inspector_app.hub.importer import import_dir
    from inspector_app.hub.outbox_file import OutboxFileError

    db = _db(args)
    try:
        report = import_dir(db, Path(args.dir), allow_unsigned=args.allow_unsigned)
    except OutboxFileError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    emit(report, args.json, f"imported {len(report['files'])} file(s): {report['stored']} stored, "
         f"{report['duplicates']} already present, {report['conflicts']} conflicts, "
         f"{len(report['refused'])} refused")
    return 1 if report["refused"] or report["conflicts"] else 0


def _stats(args) -> int:
    db = _db(args)
    try:
        out = db.stats()
        out["conflict_log"] = db.conflicts()
    finally:
        db.close()
    emit(out, args.json)
    return 0


def register(subparsers) -> None:
    hub = subparsers.add_parser("hub", help="the upstream hub service and its operations",
                                description="The upstream hub service and its operations.")
    actions = hub.add_subparsers(dest="hub_action", metavar="ACTION", required=True)

    def db_arg(p):
        p.add_argument("--db", default=DEFAULT_DB,
                       help="sqlite:///relative.db, sqlite:////abs/path.db or postgresql://user@host:port/db")

    p = add_command(actions, "init", _init, "make the hub's TLS files in DIR/tls (a private CA and a "
                    "server certificate, or one signed by your CA, or your own certificate)")
    p.add_argument("--dir", type=Path, required=True, help="the hub's directory; files go to DIR/tls")
    p.add_argument("--host", action="append", metavar="H",
                   help="a name or IP address booths use to reach the hub (repeat; default 127.0.0.1 and localhost)")
    p.add_argument("--ca-cert", type=Path, help="your CA's certificate (PEM) to sign the server certificate")
    p.add_argument("--ca-key", type=Path, help="your CA's private key (PEM, unencrypted; not copied)")
    p.add_argument("--server-cert", type=Path, help="use this server certificate (PEM) as it is")
    p.add_argument("--server-key", type=Path, help="the key of --server-cert (PEM, unencrypted)")

    p = add_command(actions, "serve", _serve, "run the hub HTTPS API (OpenAPI at /openapi.json)", json_flag=False)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8470)
    p.add_argument("--log-level", default="info")
    p.add_argument("--dir", type=Path, help="the directory `hub init` wrote its tls/ files to")
    p.add_argument("--insecure-http", action="store_true",
                   help="plain HTTP, only with a loopback --host (local tests and demos)")
    db_arg(p)

    p = add_command(actions, "register-booth", _register_booth,
                    "issue a booth credential (stored hashed; printed once)")
    p.add_argument("--booth-id", required=True)
    db_arg(p)

    p = add_command(actions, "add-user", _add_user, "add or replace a user for offline login at booths")
    p.add_argument("--user", required=True)
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.add_argument("--role", action="append", required=True,
                   choices=["inspector", "supervisor", "administrator"], help="repeat for several roles")
    p.add_argument("--display-name")
    db_arg(p)

    p = add_command(actions, "publish-bundle", _publish_bundle,
                    "store a signed bundle file for booths to pull (the hub does not open it)")
    p.add_argument("file")
    p.add_argument("--version", type=int, required=True, help="the bundle's version number")
    db_arg(p)

    p = add_command(actions, "import", _import, "import offline outbox files exported by booths")
    p.add_argument("dir")
    p.add_argument("--allow-unsigned", action="store_true",
                   help="accept exports from booths that had no credential (checksum still verified)")
    db_arg(p)

    p = add_command(actions, "stats", _stats, "counts of booths, records, conflicts, queue")
    db_arg(p)
