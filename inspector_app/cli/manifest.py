"""`inspector-app manifest`: pre-arrival API manifests (UN/EDIFACT PAXLST) screened at the booth.

``import FILE`` is the USB-stick case at a seaport booth: read, screen against the booth's lists,
keep the result for when the travellers step up. A file that cannot be read is refused with the
segment and where it is (exit 2), and nothing is stored.
"""
from __future__ import annotations

from pathlib import Path

from inspector_app.cli.support import CliError, add_command, emit, home_of, run_until_stopped


def register(subparsers) -> None:
    p = subparsers.add_parser("manifest", help="pre-arrival passenger and crew lists (API, UN/EDIFACT PAXLST)",
                              description="pre-arrival passenger and crew lists (API, UN/EDIFACT PAXLST)")

    def need_sub(args):
        p.print_help()
        raise CliError("`manifest` needs a subcommand")

    p.set_defaults(handler=need_sub)
    sub = p.add_subparsers(dest="manifest_command", metavar="SUBCOMMAND")
    imp = add_command(sub, "import", _import, "read a PAXLST file, screen everyone on it, keep the result")
    imp.add_argument("file", type=Path, metavar="FILE")
    add_command(sub, "list", _list, "the manifests imported at this booth, newest first")
    up = add_command(sub, "upload", _upload, "send a PAXLST file to the hub for every booth of this port, "
                     "as a supervisor (signs in with the password)")
    up.add_argument("file", type=Path, metavar="FILE")
    up.add_argument("--user", required=True, help="the supervisor sending it")
    up.add_argument("--password-stdin", action="store_true", help="read the password from standard input "
                    "(else $INSPECTOR_PASSWORD)")
    watch = add_command(sub, "watch", _watch, "import the PAXLST files dropped into the booth's manifest folder "
                        "(screening.manifest_folder), moving each to imported/ or refused/")
    watch.add_argument("--folder", type=Path, help="watch this folder instead of the one in the settings")
    watch.add_argument("--once", action="store_true", help="take what is ready now and stop")


def _import(args) -> int:
    from inspector_app.screening import paxlst, pre_arrival
    from inspector_app.store import StoreError, open_store

    try:
        raw = args.file.read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {args.file}: {exc}") from None
    home = home_of(args)
    try:
        store = open_store(home)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    try:
        done = pre_arrival.import_file(home, store, raw, actor="manifest-import")
    except paxlst.PaxlstError as exc:
        raise CliError(f"{args.file}: refused, nothing stored: {exc}") from None
    finally:
        store.close()
    if done.duplicate:
        emit({"manifest_id": done.manifest_id, "duplicate": True}, args.json,
             f"{args.file}: already imported (manifest {done.manifest_id}), not added again")
        return 0
    emit(done.result, args.json, _text(done.result))
    return 0


def _text(result: dict) -> str:
    m = result["manifest"]
    lines = [f"{m['flight']} {m['departure']} -> {m['arrival']} arriving {m['scheduled_arrival'] or '?'}: "
             f"{result['people']} {m['kind']}, {result['flagged']} flagged, {result['not_checked']} not checked"]
    for r in result["results"]:
        if r["state"] == "clean":
            continue
        p = r["person"]
        lines.append(f"  {r['state'].upper()}: {p['surname']}, {p['given_names']} ({p['nationality']}, "
                     f"{p['document_type']} {p['document_number']})")
        lines += [f"    {reason}" for reason in r["reasons"]]
    lines += [f"warning: {w}" for w in result["warnings"] + m["warnings"]]
    if not m["complete"]:
        lines.append(f"warning: parts {', '.join(map(str, m['parts']))} read, the final part was not in this file")
    return "\n".join(lines)


def _upload(args) -> int:
    import os
    import sys

    from inspector_app.booth.context import BoothContext, PortQueueUnavailable
    from inspector_app.screening import paxlst
    from inspector_app.store import StoreError

    try:
        raw = args.file.read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {args.file}: {exc}") from None
    try:
        paxlst.parse(raw.decode("latin-1"))   # refused here, with the segment and position, before it is sent
    except paxlst.PaxlstError as exc:
        raise CliError(f"{args.file}: refused, nothing sent: {exc}") from None
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else os.environ.get("INSPECTOR_PASSWORD")
    if password is None:
        raise CliError("the supervisor must sign in: give the password on standard input with --password-stdin "
                       "(or in $INSPECTOR_PASSWORD)")
    ctx = BoothContext(home_of(args))
    try:
        user = ctx.login(args.user, password)
        if user is None or "supervisor" not in user.get("roles", []):
            raise CliError(f"{args.user} cannot send manifests: not a supervisor, or a wrong password")
        answer = ctx.upload_manifest(user["user"], raw)
    except PortQueueUnavailable as exc:
        raise CliError(f"not sent ({exc.reason}): {exc}") from None
    except StoreError as exc:
        raise CliError(str(exc)) from None
    finally:
        ctx.close()
    if "refused" in answer:
        raise CliError(f"{args.file}: the hub refused it, nothing stored: {answer['refused']}")
    emit(answer, args.json, f"{args.file}: {'already at the hub' if answer['duplicate'] else 'sent'} as manifest "
         f"{answer['manifest_id']}: {answer['flight']}, {answer['people']} {answer['kind']}, for the booths of "
         f"{answer['port']}")
    return 0


def _watch(args) -> int:

    from inspector_app.screening import manifest_folder as mf
    from inspector_app.settings import Settings
    from inspector_app.store import StoreError, open_store

    home = home_of(args)
    settings = Settings.load(home)
    if args.folder is not None:
        settings.set(mf.FOLDER, str(args.folder.resolve()))
    try:
        store = open_store(home)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    try:
        folder = mf.ManifestFolder.from_settings(settings, store)
        if folder is None:
            raise CliError(f"no manifest folder: set {mf.FOLDER} in the booth settings or give --folder")
        if not folder.folder.is_dir():
            raise CliError(f"manifest folder {folder.folder} is not a directory")

        def show(o) -> None:
            emit({"file": o.name, "state": o.state, "manifest_id": o.manifest_id, "detail": o.detail,
                  "moved_to": str(o.moved_to) if o.moved_to else None}, args.json, f"{o.name}: {o.detail}")

        if args.once:
            outcomes = folder.once()
            for o in outcomes:
                show(o)
            return 2 if any(o.state == "refused" for o in outcomes) else 0
        run_until_stopped(mf.FolderWatcher(folder, settings.get(mf.INTERVAL, mf.DEFAULTS[mf.INTERVAL]), on_outcome=show))
        return 0
    finally:
        store.close()


def _list(args) -> int:
    from inspector_app.store import StoreError, open_store

    try:
        store = open_store(home_of(args), create=False)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    try:
        rows = store.manifests()
    finally:
        store.close()
    emit(rows, args.json, "\n".join(f"{r['imported_at']}  {r['flight']} {r['departure']} -> {r['arrival']}  "
                                    f"{r['people']} {r['kind']}, {r['flagged']} flagged" for r in rows)
         or "no manifest imported")
    return 0
