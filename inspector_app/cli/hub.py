"""`inspector-app hub ...`: run the hub and do its operations (booths, users, bundles, imports)."""
from __future__ import annotations

import argparse
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
    from inspector_app.hub.keys import HubKeyError
    from inspector_app.hub.pki import TlsError, describe, tls_files
    from inspector_app.hub.setup import init_hub

    if (args.server_cert is None) != (args.server_key is None):
        raise CliError("give --server-cert and --server-key together")
    try:
        made = init_hub(Path(args.dir), hosts=tuple(args.host or ("127.0.0.1", "localhost")),
                        ca_cert=args.ca_cert, ca_key=args.ca_key,
                        server_cert=args.server_cert, server_key=args.server_key, renew_tls=True)
        info = {**describe(tls_files(Path(args.dir))), **made, "trust_file": str(made["trust_file"])}
    except (TlsError, HubKeyError) as exc:
        raise CliError(str(exc)) from exc
    emit(info, args.json, f"hub directory {info['dir']}: server certificate for {', '.join(info['hosts'])} "
         f"until {info['not_after']} (CA SHA-256 {info['ca_sha256']}); give every booth {info['trust_file']} "
         f"(sync configure --trust); keep keys/admin.key with the user administrator, off this machine")
    return 0


def _serve(args) -> int:
    from inspector_app.hub.db import HubDbError, parse_url
    from inspector_app.hub.keys import HubKeyError, HubKeys
    from inspector_app.hub.pki import TlsError
    from inspector_app.hub.runner import InsecureHttpRefused, check_transport, serve

    if args.workers < 1:
        raise CliError("--workers must be at least 1")
    if args.db_pool_size is not None and not 1 <= args.db_pool_size <= 1000:
        raise CliError("--db-pool-size must be between 1 and 1000")
    if args.max_pushes is not None and not 1 <= args.max_pushes <= 256:
        raise CliError("--max-pushes must be between 1 and 256")
    try:  # refuse plain HTTP off loopback, missing TLS files and a missing receipt key before anything starts
        check_transport(args.dir, args.insecure_http, args.host)
        HubKeys.load(args.dir)
        dialect = parse_url(args.db)[0]
    except (InsecureHttpRefused, TlsError, HubKeyError, HubDbError) as exc:
        raise CliError(str(exc)) from exc
    if args.workers > 1 and dialect == "sqlite":
        raise CliError(f"--workers {args.workers} needs a PostgreSQL database (--db postgresql://...): SQLite is "
                       "the single-process hub for a demo or a small port (one writer at a time, rate limits "
                       "kept in the process); serve it with --workers 1 (docs/DEPLOYMENT.md)")
    _db(args).close()  # fail fast with a clear message on a bad URL, and make the schema before any worker starts
    if args.workers == 1 or args.listen_fd is not None:
        serve(args.db, host=args.host, port=args.port, log_level=args.log_level,
              tls_dir=args.dir, insecure_http=args.insecure_http, listen_fd=args.listen_fd,
              pool_size=args.db_pool_size, limits=_limits(args))
        return 0
    return _supervise(args)


def _limits(args):
    """The guard's limits with this command's overrides (None: the defaults)."""
    from dataclasses import replace

    from inspector_app.hub.guard import Limits

    return None if args.max_pushes is None else replace(Limits(), max_pushes=args.max_pushes)


def _supervise(args) -> int:
    """``--workers N``: bind here, serve in N worker processes of this same command (``--listen-fd``)."""
    import logging

    from inspector_app.hub.runner import bind
    from inspector_app.hub.workers import WorkerError, supervise

    logging.basicConfig(level=getattr(logging, args.log_level.upper(), logging.INFO),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc}") from exc
    try:
        supervise(sock, _worker_args(args, sock.fileno()), args.workers)
    except WorkerError as exc:
        raise CliError(str(exc)) from exc
    finally:
        sock.close()
    return 0


def _worker_args(args, fd: int) -> list[str]:
    """This ``hub serve`` as one worker: every option but ``--workers``, plus the inherited socket."""
    out = ["hub", "serve", "--host", args.host, "--port", str(args.port), "--db", args.db,
           "--log-level", args.log_level, "--dir", str(args.dir), "--listen-fd", str(fd)]
    if args.db_pool_size is not None:
        out += ["--db-pool-size", str(args.db_pool_size)]
    if args.max_pushes is not None:
        out += ["--max-pushes", str(args.max_pushes)]
    return out + (["--insecure-http"] if args.insecure_http else [])


def _register_booth(args) -> int:
    from inspector_app.common.signing import SigningKeyError
    from inspector_app.hub.keys import ADMIN_FILE

    db = _db(args)
    try:
        token = db.register_booth(args.booth_id, args.port, args.public_key)
        if args.admin_key or (Path(args.dir) / ADMIN_FILE).exists():  # the port may have had no list yet
            db.publish_user_lists(_admin_key(args))
    except (ValueError, SigningKeyError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    emit({"booth_id": args.booth_id, "credential": token}, args.json,
         f"booth {args.booth_id} registered; give it this credential (shown once):\n{token}")
    return 0


def _admin_key(args):
    from inspector_app.hub.keys import ADMIN_FILE, HubKeyError, load_admin

    path = Path(args.admin_key) if args.admin_key else Path(args.dir) / ADMIN_FILE
    try:
        return load_admin(path)
    except HubKeyError as exc:
        raise CliError(f"{exc}: the administrator's key signs the user lists booths apply") from exc


def _add_user(args) -> int:
    from inspector_app.common.passwords import hash_password, password_problems
    from inspector_app.common.userkeys import new_user_key

    if not args.password_stdin:
        raise CliError("pass the password on standard input with --password-stdin")
    password = sys.stdin.readline().rstrip("\r\n")
    problems = password_problems(password, args.user)
    if problems:
        raise CliError("password refused: " + "; ".join(problems))
    admin = _admin_key(args)
    db = _db(args)
    try:
        db.add_user(args.user, hash_password(password), args.role, args.display_name or "", args.port,
                    **new_user_key(password))
        published = db.publish_user_lists(admin)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    # "ports": the user's own; "lists": each signed port list and how many users it holds
    emit({"user": args.user, "roles": sorted(set(args.role)), "ports": sorted(set(args.port)),
          "users_version": published["version"], "lists": published["ports"]},
         args.json, f"user {args.user} saved with roles {', '.join(sorted(set(args.role)))}; user lists "
                    f"version {published['version']} signed for {', '.join(published['ports']) or 'no port yet'}")
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
    from inspector_app.hub.keys import HubKeyError, load_seal
    from inspector_app.hub.outbox_file import OutboxFileError

    try:
        seal = load_seal(Path(args.hub_dir))
    except HubKeyError as exc:
        raise CliError(str(exc)) from exc
    db = _db(args)
    try:
        report = import_dir(db, Path(args.dir), seal)
    except OutboxFileError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    emit(report, args.json, f"imported {len(report['files'])} file(s): {report['stored']} stored, "
         f"{report['duplicates']} already present, {report['conflicts']} conflicts, "
         f"{len(report['refused'])} file(s) refused, {len(report['refused_records'])} record(s) refused")
    return 1 if report["refused"] or report["conflicts"] or report["refused_records"] else 0


def _stats(args) -> int:
    db = _db(args)
    try:
        out = db.stats()
        out["conflict_log"] = db.conflicts()
    finally:
        db.close()
    emit(out, args.json)
    return 0


def _gallery_snapshot(args) -> int:
    """The encounter gallery as the hub's workers load it at their first search: the previous
    snapshot, caught up with the encounters stored since, written whole (run it every night, say)."""
    from inspector_app.hub.encounters import HubGallery
    from inspector_app.hub.runner import GALLERY_DIR

    target = Path(args.dir) / GALLERY_DIR
    db = _db(args)
    try:
        out = HubGallery.from_snapshot(target).snapshot(db, target)
    finally:
        db.close()
    emit(out, args.json, f"{out['encounters']} encounters up to {out['seq']} written to {out['directory']}")
    return 0


def register(subparsers) -> None:
    hub = subparsers.add_parser("hub", help="the upstream hub service and its operations",
                                description="The upstream hub service and its operations.")
    actions = hub.add_subparsers(dest="hub_action", metavar="ACTION", required=True)

    def db_arg(p):
        p.add_argument("--db", default=DEFAULT_DB,
                       help="sqlite:///relative.db, sqlite:////abs/path.db or postgresql://user@host:port/db")

    p = add_command(actions, "init", _init, "make the hub directory: TLS files in DIR/tls (a private CA and a "
                    "server certificate, or one signed by your CA, or your own certificate), the hub's keys "
                    "in DIR/keys and DIR/hub-trust.json for booths")
    p.add_argument("--dir", type=Path, required=True, help="the hub's directory")
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
    p.add_argument("--dir", type=Path, default=Path("hub"), help="the hub directory `hub init` made (default ./hub)")
    p.add_argument("--insecure-http", action="store_true",
                   help="plain HTTP, only with a loopback --host (local tests and demos)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="hub processes sharing the address, supervised (restarted if one dies); more than 1 "
                        "needs PostgreSQL. Default 1: one process, no supervisor")
    p.add_argument("--db-pool-size", type=int, metavar="N",
                   help="database connections per hub process (default 10); processes x N must stay below "
                        "PostgreSQL's max_connections (docs/DEPLOYMENT.md)")
    p.add_argument("--max-pushes", type=int, metavar="N",
                   help="record pushes each hub process runs at once (default 1: a push is CPU work in one "
                        "core; more only share it); a few more wait their turn, the rest get 503 + Retry-After. "
                        "Raise it when the database is far (its round trips leave the core idle)")
    p.add_argument("--listen-fd", type=int, help=argparse.SUPPRESS)  # a worker of --workers N: the bound socket
    db_arg(p)

    def admin_arg(p):
        p.add_argument("--dir", default="hub", help="the hub directory `hub init` made (default ./hub)")
        p.add_argument("--admin-key", help="the administrator's signing key (default DIR/keys/admin.key)")

    p = add_command(actions, "register-booth", _register_booth,
                    "issue a booth credential (stored hashed; printed once)")
    p.add_argument("--booth-id", required=True)
    p.add_argument("--port", required=True, help="the port of entry the booth is at (its users and queue)")
    p.add_argument("--public-key", help="the booth's signing key (`sync configure` prints it); "
                                        "without it the booth enrols its key on first contact")
    admin_arg(p)
    db_arg(p)

    p = add_command(actions, "add-user", _add_user, "add or replace a user for offline login at booths")
    p.add_argument("--user", required=True)
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.add_argument("--role", action="append", required=True,
                   choices=["inspector", "supervisor", "administrator"], help="repeat for several roles")
    p.add_argument("--display-name")
    p.add_argument("--port", action="append", required=True,
                   help="a port the user works at; repeat for several, * for every port")
    admin_arg(p)
    db_arg(p)

    p = add_command(actions, "publish-bundle", _publish_bundle,
                    "store a signed bundle file for booths to pull (the hub does not open it)")
    p.add_argument("file")
    p.add_argument("--version", type=int, required=True, help="the bundle's version number")
    db_arg(p)

    p = add_command(actions, "import", _import, "import offline outbox files exported by booths")
    p.add_argument("dir")
    p.add_argument("--hub-dir", default="hub", help="the hub directory whose keys/seal.key opens the files")
    db_arg(p)

    p = add_command(actions, "stats", _stats, "counts of booths, records, conflicts, queue")
    db_arg(p)

    p = add_command(actions, "gallery-snapshot", _gallery_snapshot,
                    "write the encounter gallery to DIR/gallery so hub workers start from it in seconds "
                    "(decoding every stored finger template takes ~44 ms each)")
    p.add_argument("--dir", type=Path, default=Path("hub"), help="the hub directory (default ./hub)")
    db_arg(p)
